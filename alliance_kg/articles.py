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
    """One article: its name, text (as read), date, language and digest.

    ``problem`` says why a file could not be read (then ``text`` is empty):
    extraction reports such an article as skipped, in its place.
    """

    doc: str
    text: str
    date: str | None = None
    lang: str | None = None
    body_offset: int = 0
    path: str | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)
    problem: str | None = field(default=None, compare=False)

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


def function_words(lang: str) -> frozenset[str]:
    """Return the language's function words (``lexicon/stopwords.json``), empty for a language it does not list.

    >>> "et" in function_words("fr"), "and" in function_words("en"), function_words("xx")
    (True, True, frozenset())
    """
    return _stopwords().get(lang, frozenset())


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


BINARY_MAGIC = {
    b"%PDF-": ("binary file (a PDF document), not text", "extract its text first (e.g. pdftotext FILE.pdf FILE.txt)"),
    b"PK\x03\x04": ("binary file (a ZIP archive, or a .docx/.odt document), not text",
                    "save the article as plain text"),
    b"\x89PNG": ("binary file (a PNG image), not text", "give a text article"),
    b"\xff\xd8\xff": ("binary file (a JPEG image), not text", "give a text article"),
    b"GIF8": ("binary file (a GIF image), not text", "give a text article"),
    b"\x1f\x8b": ("binary file (gzip-compressed), not text", "decompress it first (gunzip)"),
    b"{\\rtf": ("an RTF document, not plain text", "save the article as plain text"),
}
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _binary(data: bytes) -> tuple[str, str] | None:
    """Return (what it is, hint) when ``data`` is not a text article."""
    for magic, answer in BINARY_MAGIC.items():
        if data.startswith(magic):
            return answer
    if b"\x00" in data[:8192]:
        return "binary file (NUL bytes), not text", "give a UTF-8 text article"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """Return the text of ``data`` and a note when it was not plain UTF-8.

    UTF-8 is tried first (a byte-order mark is removed); a UTF-16 file with
    its byte-order mark is decoded as such; a file that is not valid UTF-8 is
    read as Windows-1252 (the superset of Latin-1 that French Windows tools
    write), unless it is UTF-8 with a few broken bytes, which are replaced by
    U+FFFD. Line ends become ``\\n`` (what Python's ``open()`` gives), so
    offsets count code points in that text. Raises InputError for a binary
    file (NUL bytes, control characters, a PDF, an image, an archive).

    >>> decode("Citroën".encode("cp1252"))
    ('Citroën', 'decoded as Windows-1252 (not UTF-8)')
    >>> decode(b"\\xef\\xbb\\xbfabc")
    ('abc', 'removed a UTF-8 byte-order mark')
    >>> decode("Société".encode("utf-16"))
    ('Société', 'decoded as UTF-16')
    """
    binary = _binary(data)
    if binary and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(*binary)
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("removed a UTF-8 byte-order mark")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("starts like UTF-16 but is not valid UTF-16", "save the article as UTF-8") from None
        notes.append("decoded as UTF-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, note = _decode_not_utf8(data)
            notes.append(note)
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        raise InputError("binary file (many control characters), not text",
                         "give a UTF-8 text article")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("converted CRLF line ends")
    return text, "; ".join(notes) or None


def _decode_not_utf8(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not valid UTF-8: mostly-UTF-8 with a few bad bytes, else Windows-1252."""
    bad = 0
    for chunk in data.split(b"\n"):
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
    good_sequences = len(_UTF8_MULTIBYTE.findall(data))
    if good_sequences and good_sequences >= 4 * bad:
        text = data.decode("utf-8", errors="replace")
        count = text.count("\ufffd")
        return text, f"not valid UTF-8: {count} undecodable byte{'s' if count != 1 else ''} replaced by U+FFFD"
    return data.decode("cp1252", errors="replace"), "decoded as Windows-1252 (not UTF-8)"


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


def unreadable_article(path: str | Path, why: str) -> Article:
    """Return the placeholder Article of a file that could not be read (``problem`` = ``why``)."""
    path = Path(path)
    doc = path.name[:-4] if path.name.endswith(".txt") else path.stem
    return Article(doc=doc, text="", path=str(path), problem=why)


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
