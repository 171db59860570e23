"""Read articles: find the files, decode them, take the date prefix, guess the language.

No spaCy here: an :class:`Article` is plain text with its metadata.

>>> a = article_from_text(" date 2023-04 Renault et Nissan sont alliés.", doc="x")
>>> a.date, a.body_offset, a.text[a.body_offset:a.body_offset + 7]
('2023-04', 14, 'Renault')
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from alliance_kg.data import data_path
from alliance_kg.errors import InputError

DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Article:
    """One article: its name, text (as read), date, language and digest."""

    doc: str
    text: str
    date: str | None = None
    lang: str | None = None
    body_offset: int = 0
    path: str | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def body(self) -> str:
        """Return the text after the date prefix (what is parsed)."""
        return self.text[self.body_offset:]

    @property
    def sha256(self) -> str:
        """Return the hex SHA-256 digest of the text (to detect changes)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    raw = json.loads(data_path("lexicon/stopwords.json").read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in raw.items()}


def detect_language(text: str, sample: int = 4000) -> str | None:
    """Return the ISO code of the article's language, or None if unsure.

    Counts the function words of each language in the first ``sample``
    characters; the stopword lists are data (``lexicon/stopwords.json``).

    >>> detect_language("Le constructeur japonais se méfie de son partenaire.")
    'fr'
    >>> detect_language("The Japanese carmaker is wary of its partner.")
    'en'
    >>> detect_language("Nissan se méfie de Geely.")
    'fr'
    >>> detect_language("Der Konzern hat sich mit dem Partner auf eine Allianz geeinigt.")
    'de'
    >>> detect_language("12345 !!!") is None
    True
    """
    words = [w.casefold() for w in WORD.findall(text[:sample])]
    if not words:
        return None
    scores = {lang: sum(w in stops for w in words) for lang, stops in _stopwords().items()}
    preference = {"fr": 2, "en": 1}  # on a tie, the languages alliance-kg reads win
    best = max(sorted(scores), key=lambda lang: (scores[lang], preference.get(lang, 0)))
    if scores[best] == 0 or scores[best] < 0.08 * len(words) and len(words) > 12:
        return None
    return best


def decode(data: bytes) -> tuple[str, str | None]:
    """Return the text of ``data`` and a note when it was not plain UTF-8.

    >>> decode("Citroën".encode("cp1252"))
    ('Citroën', 'decoded as Windows-1252')
    >>> decode(b"\\xef\\xbb\\xbfabc")
    ('abc', 'removed a UTF-8 byte-order mark')
    """
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file, not text", "give a UTF-8 text article")
    note = None
    if data.startswith(b"\xef\xbb\xbf"):
        data, note = data[3:], "removed a UTF-8 byte-order mark"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, note = data.decode("cp1252", errors="replace"), "decoded as Windows-1252"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        note = "; ".join(n for n in (note, "converted CRLF line ends") if n)
    return text, note


def article_from_text(text: str, doc: str, path: str | None = None, notes: tuple[str, ...] = ()) -> Article:
    """Return an Article for ``text``: date prefix parsed, language guessed."""
    match = DATE_PREFIX.match(text)
    date = match.group(1) if match else None
    offset = match.end() if match else 0
    return Article(doc=doc, text=text, date=date, lang=detect_language(text[offset:]),
                   body_offset=offset, path=path, notes=notes)


def read_article(path: str | Path) -> Article:
    """Read one ``.txt`` file into an Article (name = file name without ``.txt``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", "check the path") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text, note = decode(data)
    doc = path.name[:-4] if path.name.endswith(".txt") else path.stem
    return article_from_text(text, doc=doc, path=str(path), notes=(note,) if note else ())


def find_articles(inputs: list[str | Path]) -> list[Path]:
    """Return the ``.txt`` files named by ``inputs`` (files or folders), sorted.

    Folders are searched recursively; each file appears once.
    """
    found: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = [p for p in path.rglob("*.txt") if p.is_file()]
            if not files:
                raise InputError(f"{path}: no .txt article in this folder", "articles must end in .txt")
            found.update(files)
        elif path.is_file():
            found.add(path)
        else:
            raise InputError(f"{path}: no such file or folder", "check the path")
    return sorted(found, key=lambda p: (p.name, str(p)))
