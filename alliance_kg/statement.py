"""The Statement dataclass: the seam between the NLP stage and the RDF stage.

A Statement is one relationship read from one sentence of one article, with
its qualifiers and its evidence. It serialises to exactly one JSON object of
the guidelines' extractor output (section 6).

>>> s = Statement(doc="a1", subject="Nissan", subject_iri="ake:nissan",
...               predicate="distrusts", object="Geely", object_iri="ake:geely",
...               evidence="Nissan se méfie de Geely.", start=0, end=25)
>>> s.key()
('Nissan', 'distrusts', 'Geely', 'affirmed')
>>> Statement.from_json(s.to_json()) == s
True
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields

PREDICATES: tuple[str, ...] = (
    "partnerOf",
    "jointVenture",
    "memberOf",
    "mergesWith",
    "acquires",
    "shareholderOf",
    "investsIn",
    "subsidiaryOf",
    "suppliesTo",
    "competesWith",
    "distrusts",
    "seeksPartnership",
    "developsTechnology",
    "sharesTechnology",
    "basedIn",
)
SYMMETRIC: frozenset[str] = frozenset({"partnerOf", "jointVenture", "mergesWith", "competesWith"})
COOPERATION: frozenset[str] = frozenset({"partnerOf", "jointVenture", "memberOf", "mergesWith"})
POLARITIES: tuple[str, ...] = ("affirmed", "negated")
MODALITIES: tuple[str, ...] = ("asserted", "planned", "speculative")
UNNAMED_SOURCES = "unnamed sources"


@dataclass(frozen=True, order=True)
class Statement:
    """One relationship statement with its qualifiers and provenance."""

    doc: str
    subject: str
    subject_iri: str
    predicate: str
    object: str
    object_iri: str
    polarity: str = "affirmed"
    modality: str = "asserted"
    attributedTo: str | None = None  # noqa: N815 - the guidelines' field name
    share: float | None = None
    evidence: str = ""
    start: int = 0
    end: int = 0
    date: str | None = None
    lang: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.predicate not in PREDICATES:
            raise ValueError(f"unknown predicate {self.predicate!r}")
        if self.polarity not in POLARITIES:
            raise ValueError(f"unknown polarity {self.polarity!r}")
        if self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}")

    @property
    def is_fact(self) -> bool:
        """Return True when the statement may stand as a direct triple."""
        return self.polarity == "affirmed" and self.modality == "asserted"

    def key(self) -> tuple[str, str, str, str]:
        """Return the scored tuple (subject, predicate, object, polarity)."""
        return (self.subject, self.predicate, self.object, self.polarity)

    def ident(self) -> str:
        """Return a short stable hash naming this statement (for its IRI)."""
        raw = "\x1f".join(
            [
                self.doc,
                self.subject_iri,
                self.predicate,
                self.object_iri,
                self.polarity,
                self.modality,
                str(self.start),
                str(self.end),
            ]
        )
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        """Return the guidelines' JSON object for this statement."""
        # every field is a plain value: no need for asdict's deep copy (most of build's JSON-lines time)
        return {name: getattr(self, name) for name in _JSON_FIELDS}

    def to_json(self) -> str:
        """Return the statement as one line of JSON (the JSON-lines format)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> "Statement":
        """Build a Statement from a JSON object (unknown keys are ignored)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @classmethod
    def from_json(cls, line: str) -> "Statement":
        """Parse one JSON line written by :meth:`to_json`."""
        return cls.from_dict(json.loads(line))


_JSON_FIELDS = tuple(f.name for f in fields(Statement) if f.name != "lang")
