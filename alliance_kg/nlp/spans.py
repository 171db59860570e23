"""The records of the mention stage: :class:`Mention` and :class:`Description`.

Kept apart from the component (:mod:`.mentions`) so that the helpers that
read them (:mod:`.anaphora`, :mod:`.names`, :mod:`.descriptions`) import no
component. ``doc._.mentions`` and ``doc._.descriptions`` are declared here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.lexicon import load_lexicon


@dataclass(frozen=True)
class Mention:
    """A span of the article that denotes one entity."""

    start: int
    end: int
    iri: str
    name: str
    kind: str
    via: str = "name"  # name | model | description
    country: str | None = None  # country IRI stated by a description
    suffix: int = 0  # legal-form words after the name, part of the span but not of the name ("Kia Motors Corp")

    @property
    def is_organisation(self) -> bool:
        """Return True unless the mention is a technology or a country."""
        return self.kind not in ("Technology", "Country")


def longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return :func:`spacy.util.filter_spans` of (start, end, ...) tuples: the longest (then first) of
    overlapping spans, in text order."""
    result = []
    seen: set[int] = set()
    for span in sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if span[0] not in seen and span[1] - 1 not in seen:  # spaCy's test, boundaries inclusive
            result.append(span)
            seen.update(range(span[0], span[1]))
    return sorted(result, key=lambda s: s[0])


@dataclass(frozen=True)
class Description:
    """A nationality or kind description attached to a named mention."""

    start: int
    end: int
    mention: Mention
    country: str | None


for _name in ("mentions", "descriptions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


GENITIVE_MARKS = ("'s", "’s", "'", "’")  # "Alphabet's Waymo", "General Motors' Cruise"
# kinds of the base that are companies (never an alliance or a venture)
COMPANY_KINDS = frozenset({"Automaker", "Supplier", "EnergyCompany", "TechnologyCompany"})
# English nouns for a holding in a company ("a stake in X")
STAKE_NOUNS = {"stake", "stakes", "holding", "holdings", "share", "shares", "interest"}


def name_after_adjectives(doc: Doc, i: int, end: int, mention_at: dict[int, "Mention"]) -> "Mention | None":
    """Return the organisation that starts at ``i`` once adjectives are stepped over, if any.

    "sa filiale de voitures autonomes Cruise": from after "voitures", over "autonomes", to Cruise.
    """
    while i < end and doc_tokens(doc)[i].pos_ == "ADJ" and i not in mention_at:
        i += 1
    mention = mention_at.get(i)
    return mention if mention is not None and mention.start == i and mention.is_organisation else None


def before_brackets(doc: Doc, j: int) -> int:
    """Return the position before a short bracketed group that ends at ``j`` ("Iveco Defence Vehicles (IDV)"),
    or ``j`` when none ends there.

    >>> from spacy.lang.en import English
    >>> before_brackets(English()("Iveco Defence Vehicles (IDV), the unit"), 5)
    2
    """
    texts = doc_texts(doc)
    if j <= 0 or texts[j] != ")":
        return j
    opening = next((k for k in range(j - 1, max(0, j - 5), -1) if texts[k] == "("), None)
    return j if opening is None else opening - 1


def owned_after(doc: Doc, mention: "Mention", mention_at: dict[int, "Mention"]) -> "Mention | None":
    """Return the organisation right after "ORG's" ("Alphabet's Waymo" -> Waymo), if any."""
    if not mention.is_organisation or mention.end < 0 or mention.end + 1 >= len(doc):
        return None
    if doc_lowers(doc)[mention.end] not in GENITIVE_MARKS:
        return None
    owned = mention_at.get(mention.end + 1)
    if owned is not None and owned.start == mention.end + 1 and owned.is_organisation:
        after = doc_texts(doc)[owned.end] if owned.end < len(doc) else ""
        if after[:1].isupper() and owned.end not in mention_at:
            return None  # "General Motors' Chevrolet Bolt": a model, the owner's product
        return owned
    # "Alphabet's self-driving unit Waymo": a unit noun, maybe after lower-case words, then the name
    i = mention.end + 1
    while i < min(len(doc), mention.end + 6):
        if i in mention_at and mention_at[i].kind == "Technology":
            i = max(i + 1, mention_at[i].end)  # "Alphabet's self-driving unit"
            continue
        if i in mention_at or not (doc_tokens(doc)[i].is_lower or doc_texts(doc)[i] == "-"):
            return None
        if doc_lowers(doc)[i] in unit_nouns(doc.lang_):
            owned = mention_at.get(i + 1)
            return owned if owned is not None and owned.start == i + 1 and owned.is_organisation else None
        i += 1
    return None



def unit_nouns(lang: str) -> frozenset[str]:
    """Return the nouns a unit of a company goes by ("unit", "arm", "filiale"), from the lexicon."""
    return load_lexicon().cues(lang, "unit_nouns", raw=True)


def person_nouns(lang: str) -> frozenset[str]:
    """Return the nouns for people and families ("famille", "founder"), whose names are no companies."""
    return load_lexicon().cues(lang, "person_nouns", raw=True)


TECH_PREDICATES = {"seeksPartnership", "developsTechnology", "sharesTechnology"}  # their object: a technology
NO_PARTY_KINDS = frozenset({"NewsAgency", "Government", "Family"})  # who reports, rules or owns privately
NO_MEMBERS_KINDS = COMPANY_KINDS | {"NewsAgency"}  # one is a member of an alliance or a venture, not of these


def allowed(predicate: str, subject: Mention, obj: Mention) -> bool:
    """Return True when the pair fits the predicate's domain and range."""
    if subject.iri == obj.iri or not subject.is_organisation or subject.kind in NO_PARTY_KINDS:
        return False
    if predicate in TECH_PREDICATES:
        return obj.kind == "Technology"
    if predicate == "basedIn":
        return obj.kind == "Country"
    if predicate == "memberOf" and obj.kind in NO_MEMBERS_KINDS:
        return False  # "Stellantis rejoint ainsi Volkswagen dans la course": one joins a venture or an alliance
    return obj.is_organisation and obj.kind not in NO_PARTY_KINDS
