"""Read the percentage of a stake ("43 %", "plus de 20 pour cent", "a 4.99% stake")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from alliance_kg.lexicon import Lexicon

NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> float | None:
    """Return the number written in ``text`` ("15,5" -> 15.5), or None.

    >>> parse_number("15,5"), parse_number("43"), parse_number("x")
    (15.5, 43.0, None)
    """
    text = text.strip().rstrip("%")
    if not NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


def _percent_after(token: Token, percent: frozenset[str]) -> bool:
    doc = token.doc
    if token.text.endswith("%") and parse_number(token.text) is not None:
        return True
    nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    nxt2 = " ".join(t.lower_ for t in doc[token.i + 1:token.i + 3])
    return nxt in percent or nxt2 in percent


def share_near(anchor: Token, sent: Span, lexicon: Lexicon, lang: str) -> float | None:
    """Return the percentage closest to the trigger in its sentence, or None."""
    percent = lexicon.cues(lang, "percent", raw=True)
    best: tuple[int, float] | None = None
    for token in sent:
        value = parse_number(token.text)
        if value is None or not 0 <= value <= 100 or not _percent_after(token, percent):
            continue
        distance = abs(token.i - anchor.i)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None
