"""Which articles are parsed, and in which pieces: a long body is cut at paragraph ends.

A body longer than :data:`MAX_CHARS` is parsed in pieces, so spaCy's
``max_length`` is never reached and memory does not grow with the length
of an article; pieces longer than :data:`LONG_CHARS` go through a pipe of
smaller batches (:data:`BATCH_CHARS` per article of the batch size).
"""

from __future__ import annotations

from alliance_kg.articles import Article
from alliance_kg.nlp.pipeline import SUPPORTED

#: Longest piece of an article body given to spaCy at once (characters): above
#: nearly every news article, far below spaCy's ``nlp.max_length`` (1,000,000).
MAX_CHARS = 20_000
#: A piece longer than this goes through a second pipe whose batches hold about as
#: many characters as a batch of articles (:data:`BATCH_CHARS` per article of the
#: batch size): a batch of 32 pieces of 20,000 characters would need gigabytes.
LONG_CHARS = 8_000
BATCH_CHARS = 4_000

_CUTS = ("\n\n", "\n", ". ", " ")


def split_body(text: str, start: int = 0, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the pieces of ``text[start:]`` to parse, each at most ``max_chars`` long.

    Cuts fall after a blank line when possible, else after a line end, a
    sentence end, a space, and only as a last resort inside a word. Pieces of
    white space only are left out (nothing to extract there).

    >>> text = "Renault.\\n\\nNissan.\\n\\n\\n\\nGeely."
    >>> [text[a:b] for a, b in split_body(text, 0, 12)]
    ['Renault.\\n\\n', 'Nissan.\\n\\n\\n\\n', 'Geely.']
    >>> split_body("abcdefgh", 0, 3)
    [(0, 3), (3, 6), (6, 8)]
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    pieces: list[tuple[int, int]] = []
    pos, length = start, len(text)
    while pos < length:
        end = min(pos + max_chars, length)
        if end < length:
            for cut in _CUTS:
                found = text.rfind(cut, pos, end)
                if found > pos:
                    end = found + len(cut)
                    break
        if text[pos:end].strip():
            pieces.append((pos, end))
        pos = end
    return pieces


def skip_reason(article: Article) -> str | None:
    """Return why ``article`` is not parsed (unreadable, empty, other language), or None."""
    if article.problem:
        return article.problem
    if not article.text.strip():
        return "empty file"
    if not article.body.strip():
        return "no text after the date line"
    if article.lang not in SUPPORTED:
        what = f"language {article.lang!r}" if article.lang else "no language recognised"
        return f"{what}: alliance-kg reads French and English"
    return None
