"""Load the trigger lexicon and the qualifier cues (data files, no spaCy).

Every word the extractor reacts to lives in ``ontologies/lexicon/``:
``triggers.tsv`` (which word expresses which predicate, and where its
arguments are) and ``cues.json`` (negation, modality, attribution,
descriptions). Adding a French verb for "invest" is one line of TSV.

>>> lex = load_lexicon()
>>> [t.predicate for t in lex.triggers("fr", "méfier")]
['distrusts']
>>> "envisager" in lex.cues("fr", "speculative")
True
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alliance_kg.data import data_path
from alliance_kg.kb import normalize
from alliance_kg.statement import PREDICATES, SYMMETRIC


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a word, the predicate it expresses and its frame."""

    lang: str
    lemma: str
    pos: str
    predicate: str
    subject_roles: tuple[str, ...]
    object_roles: tuple[str, ...]
    polarity: str = "affirmed"
    requires: str | None = None

    @property
    def symmetric_frame(self) -> bool:
        """Return True when every participant pairs with every other one."""
        return "*" in self.subject_roles or "*" in self.object_roles

    @property
    def words(self) -> tuple[str, ...]:
        """Return the lemma split into words (multiword triggers)."""
        return tuple(self.lemma.replace("-", " - ").split())


class Lexicon:
    """Triggers indexed by language and lemma, and cue lists by language."""

    def __init__(self, triggers: list[Trigger], cues: dict[str, dict]) -> None:
        self._triggers = triggers
        self._by_lemma: dict[tuple[str, str], list[Trigger]] = {}
        for trig in triggers:
            self._by_lemma.setdefault((trig.lang, normalize(trig.lemma)), []).append(trig)
        self._cues = cues
        self._memo: dict[tuple, object] = {}  # cue lists normalised once, not at every call

    def triggers(self, lang: str, lemma: str) -> list[Trigger]:
        """Return the entries for ``lemma`` in ``lang`` (empty list if none)."""
        return self._by_lemma.get((lang, normalize(lemma)), [])

    def all_triggers(self, lang: str) -> list[Trigger]:
        """Return every trigger of a language."""
        return [t for t in self._triggers if t.lang == lang]

    def triggers_by_key(self, lang: str) -> dict[str, list[Trigger]]:
        """Return the triggers of a language by normalised lemma, in lexicon order (computed once)."""
        key = ("by_key", lang)
        if key not in self._memo:
            table: dict[str, list[Trigger]] = {}
            for trig in self.all_triggers(lang):
                table.setdefault(normalize(trig.lemma), []).append(trig)
            self._memo[key] = table
        return self._memo[key]

    def cues(self, lang: str, name: str, raw: bool = False) -> frozenset[str]:
        """Return a cue list (e.g. ``"speculative"``) as a set of normalised words.

        With ``raw=True`` the words are only lowercased (accents kept), the
        form spaCy's ``NORM`` attribute has.
        """
        key = ("cues", lang, name, raw)
        if key not in self._memo:
            value = self._cues.get(lang, {}).get(name, [])
            self._memo[key] = frozenset(v.lower() if raw else normalize(v) for v in value)
        return self._memo[key]

    def cue_map(self, lang: str, name: str, raw: bool = False) -> dict[str, tuple[str, ...]]:
        """Return a cue mapping (e.g. ``"descriptors"``: noun -> kinds)."""
        key = ("map", lang, name, raw)
        if key not in self._memo:
            value = self._cues.get(lang, {}).get(name, {})
            self._memo[key] = {(k.lower() if raw else normalize(k)): tuple(v) for k, v in value.items()}
        return dict(self._memo[key])  # a copy: the caller may change it


def _read_triggers(path: Path) -> list[Trigger]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t")
    triggers = []
    for row in reader:
        predicate = row["predicate"].strip()
        if predicate not in PREDICATES:
            raise ValueError(f"{path}: unknown predicate {predicate!r} for {row['lemma']!r}")
        subject = tuple(r for r in (row.get("subject") or "").split("|") if r)
        obj = tuple(r for r in (row.get("object") or "").split("|") if r)
        if predicate in SYMMETRIC and not subject:
            subject = obj = ("*",)
        triggers.append(
            Trigger(
                lang=row["lang"].strip(),
                lemma=row["lemma"].strip(),
                pos=row["pos"].strip(),
                predicate=predicate,
                subject_roles=subject,
                object_roles=obj,
                polarity=(row.get("polarity") or "affirmed").strip() or "affirmed",
                requires=(row.get("requires") or "").strip() or None,
            )
        )
    return triggers


@lru_cache(maxsize=2)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Load ``triggers.tsv`` and ``cues.json`` (the shipped ones by default)."""
    base = Path(directory) if directory else data_path("lexicon")
    triggers = _read_triggers(base / "triggers.tsv")
    cues = json.loads((base / "cues.json").read_text(encoding="utf-8"))
    cues = {lang: value for lang, value in cues.items() if not lang.startswith("_")}  # "_comment..." keys
    return Lexicon(triggers, cues)
