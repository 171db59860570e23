"""Find the entity mentions of an article: names, descriptions, unknown organisations.

The ``alliance_mentions`` pipeline component writes ``doc._.mentions``: a
list of :class:`Mention`, sorted by position, one per span that denotes an
organisation, a technology or a country. Three sources, in order of trust:

1. names and aliases of the knowledge base (a ``SpanRuler`` built from
   ``entities.ttl``);
2. the model's ``ORG`` entities for companies not in the base (French
   pipeline only), each a new entity with its own IRI;
3. descriptions ("le constructeur japonais", "the Chinese carmaker",
   "la coentreprise") resolved to the named entity they denote in the
   article, using the nationality and the kind of company they state.

A description right next to a name ("le constructeur japonais Nissan",
"Nissan, le groupe japonais,") is kept as ``doc._.descriptions`` so that the
relation stage can state ``basedIn``.
"""

from __future__ import annotations

from bisect import bisect_right

from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from alliance_kg.data import data_path
from alliance_kg.kb import Entity, KnowledgeBase, load_kb, normalize
from alliance_kg.lexicon import Lexicon, load_lexicon
from alliance_kg.namespaces import entity_iri

GAZETTEER_KEY = "alliance_gazetteer"
# "its Cruise unit": English nouns after which an unknown capitalised name is a company's unit
UNIT_NOUNS = {"unit", "subsidiary", "division", "arm", "venture", "affiliate"}
REGION_WORDS = {"european", "asian", "african", "american", "latin", "north", "south", "east", "west", "nordic"}
REGION_WORDS |= {"western", "eastern", "northern", "southern", "middle", "global", "international", "ev", "ai"}


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

    @property
    def is_organisation(self) -> bool:
        """Return True unless the mention is a technology or a country."""
        return self.kind not in ("Technology", "Country")


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


def _not_companies() -> frozenset[str]:
    lines = data_path("lexicon/not_companies.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(x) for x in lines if x.strip() and not x.startswith("#"))


def _case_ok(alias: str, text: str) -> bool:
    """Return True if ``text`` may stand for ``alias`` given their letter case."""
    if alias == alias.lower():  # a lowercase brand ("smart") must match exactly
        return text == alias
    return text != text.lower() or not any(c.isalpha() for c in text)


class MentionFinder:
    """The ``alliance_mentions`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, lang: str, use_model_entities: bool) -> None:
        self.lang = lang
        self.kb: KnowledgeBase = load_kb()
        self.lexicon: Lexicon = load_lexicon()
        self.use_model_entities = use_model_entities
        self.stoplist = _not_companies()
        self.plural_words = self.lexicon.cues(lang, "plural_descriptors", raw=True)
        self.introducers = self.lexicon.cues(lang, "name_introducers", raw=True)
        self.determiners = self.lexicon.cues(lang, "determiners", raw=True)
        self.demonym_words = frozenset(self.kb.demonyms)
        self.ruler = self._build_ruler(nlp)
        self.matcher = self._build_matcher(nlp)

    # -- construction -------------------------------------------------
    def _build_ruler(self, nlp: Language):
        from spacy.pipeline import SpanRuler

        ruler = SpanRuler(
            nlp, name="alliance_gazetteer_ruler", spans_key=GAZETTEER_KEY, phrase_matcher_attr="LOWER", overwrite=True
        )
        patterns = []
        for entity in self.kb:
            for label in sorted({entity.name, *entity.labels}):
                if len(label) < 2:
                    continue
                patterns.append({"label": entity.kind, "pattern": label, "id": entity.iri})
        ruler.add_patterns(patterns)
        return ruler

    def _build_matcher(self, nlp: Language) -> Matcher:
        lex = self.lexicon
        dets = sorted(lex.cues(self.lang, "determiners", raw=True))
        descriptors = sorted(
            set(lex.cue_map(self.lang, "descriptors", raw=True)) | lex.cues(self.lang, "plural_descriptors", raw=True)
        )
        demonyms = {d.lower() for e in self.kb.of_kind("Country") for d in e.demonyms}
        modifiers = sorted(demonyms | set(lex.cue_map(self.lang, "sector_words", raw=True)))
        matcher = Matcher(nlp.vocab)
        joiners = ["-", "et", "and"]  # "sino-japonais", "electric-vehicle maker"
        joiners += sorted({w for d in demonyms if " " in d for w in d.split()[:-1]})  # "south korean"
        if self.lang == "fr":
            matcher.add(
                "DESCRIPTION",
                [
                    [
                        {"NORM": {"IN": dets}},
                        {"POS": "ADJ", "OP": "?", "NORM": {"NOT_IN": modifiers}},
                        {"NORM": {"IN": descriptors}},
                        {"POS": "NUM", "OP": "?"},
                        {"NORM": {"IN": modifiers + joiners}, "OP": "+"},
                    ],
                    [  # without a determiner: only as an apposition ("Rivian, fabricant américain de ...")
                        {"NORM": {"IN": descriptors}},
                        {"NORM": {"IN": modifiers + joiners}, "OP": "+"},
                    ],
                    [
                        {"NORM": {"IN": dets}},
                        {"NORM": {"IN": ["coentreprise", "co-entreprise", "joint-venture"]}},
                    ],
                    [
                        {"NORM": {"IN": dets}},
                        {"NORM": "joint"},
                        {"NORM": "-", "OP": "?"},
                        {"NORM": "venture"},
                    ],
                ],
                greedy="LONGEST",
            )
            matcher.add(
                "DEMONYM_NAME",
                [
                    [
                        {"NORM": {"IN": dets}},
                        {"NORM": {"IN": modifiers}},
                        {"NORM": {"IN": modifiers + joiners}, "OP": "*"},
                    ]
                ],
                greedy="LONGEST",
            )
        else:
            matcher.add(
                "DESCRIPTION",
                [
                    [
                        {"NORM": {"IN": dets}, "OP": "?"},
                        {
                            "NORM": {
                                "IN": [
                                    "smaller",
                                    "larger",
                                    "biggest",
                                    "largest",
                                    "local",
                                    "rival",
                                    "fellow",
                                    "new",
                                    "young",
                                    "struggling",
                                    "loss-making",
                                    "state-owned",
                                    "privately",
                                    "owned",
                                ]
                            },
                            "OP": "*",
                        },
                        {"NORM": {"IN": modifiers + joiners}, "OP": "+"},
                        {"IS_LOWER": True, "NORM": {"NOT_IN": descriptors + ["and", "or", "of"]}, "OP": "?"},
                        {"NORM": {"IN": descriptors}},
                    ],
                    [
                        {"NORM": {"IN": ["the", "its", "their"]}},
                        {"NORM": {"IN": ["joint", "venture"]}, "OP": "+"},
                    ],
                ],
                greedy="LONGEST",
            )
            countries = sorted({label.lower() for e in self.kb.of_kind("Country") for label in (e.name, *e.labels)})
            matcher.add(
                "COUNTRY_POSSESSIVE",
                [
                    [{"LOWER": {"IN": countries}}, {"LOWER": {"IN": ["'s", "’s"]}}],
                    [{"LOWER": "south"}, {"LOWER": "korea"}, {"LOWER": {"IN": ["'s", "’s"]}}],
                    [{"LOWER": "saudi"}, {"LOWER": "arabia"}, {"LOWER": {"IN": ["'s", "’s"]}}],
                ],
            )
        self._add_city_patterns(nlp, matcher, dets, descriptors)
        anaphors = sorted(lex.cues(self.lang, "generic_anaphors", raw=True))
        matcher.add(
            "ANAPHOR",
            [
                [{"NORM": {"IN": ["le", "la", "l'", "the"]}}, {"NORM": {"IN": anaphors}}],
                [  # "la jeune entreprise", "le nouveau groupe"
                    {"NORM": {"IN": ["le", "la", "l'", "the"]}},
                    {"NORM": {"IN": ["jeune", "nouveau", "nouvelle", "young", "new"]}},
                    {"NORM": {"IN": anaphors}},
                ],
            ],
        )
        return matcher

    def _add_city_patterns(self, nlp: Language, matcher: Matcher, dets: list[str], descriptors: list[str]) -> None:
        """Add "le constructeur de Yokohama" / "the Wolfsburg-based carmaker", one key per city."""
        self.city_holders: dict[str, list[str]] = {}
        for entity in self.kb:
            for city in entity.cities:
                self.city_holders.setdefault(city, []).append(entity.iri)
        for city in sorted(self.city_holders):
            words = [{"LOWER": t.lower_} for t in nlp.make_doc(city)]
            if self.lang == "fr":
                pattern = [
                    {"NORM": {"IN": dets}, "OP": "?"},
                    {"POS": "ADJ", "OP": "?"},
                    {"NORM": {"IN": descriptors}},
                    {"LOWER": {"IN": ["de", "d'", "d’"]}},
                    *words,
                ]
            else:
                pattern = [
                    {"LOWER": "the", "OP": "?"},
                    *words,
                    {"ORTH": "-"},
                    {"LOWER": "based"},
                    {"NORM": {"IN": descriptors}},
                ]
            matcher.add("CITY|" + city, [pattern], greedy="LONGEST")

    def _resolve_city(self, span: Span, named: list[Mention], city: str) -> Entity | None:
        """Return the company of the article whose headquarters are in ``city`` (the last named before)."""
        holders = set(self.city_holders.get(city, ()))
        named_here = [m for m in named if m.iri in holders]
        before = [m for m in named_here if m.end <= span.start]
        if before:
            return self.kb.get(before[-1].iri)
        if named_here:
            return self.kb.get(named_here[0].iri)
        return self.kb.get(next(iter(holders))) if len(holders) == 1 else None

    # -- running --------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        named = self._named(doc)
        named += self._model_orgs(doc, named)
        introduced = self._introduced_names(doc, named)
        # a venture named after a parent ("Ford Otosan, la coentreprise ..."): the longer name wins
        named = [m for m in named if not any(n.start < m.end and m.start < n.end for n in introduced)] + introduced
        named.sort(key=lambda m: m.start)
        descriptions, described = self._descriptions(doc, named)
        doc._.mentions = sorted(named + described, key=lambda m: (m.start, m.end))
        doc._.descriptions = descriptions
        return doc

    def _named(self, doc: Doc) -> list[Mention]:
        self.ruler(doc)
        spans = []
        for span in doc.spans.get(GAZETTEER_KEY, []):
            entity = self.kb.get(span.id_)
            if entity and any(
                _case_ok(a, span.text) for a in (entity.name, *entity.labels) if normalize(a) == normalize(span.text)
            ):
                spans.append(span)
        mentions: list[Mention] = []
        for span in filter_spans(spans):
            entity = self.kb.get(span.id_)
            if mentions and entity.kind == "Technology" == mentions[-1].kind and mentions[-1].end == span.start:
                mentions.pop()  # "hybride e-Power": the name that follows is the technology meant
            mentions.append(Mention(span.start, span.end, entity.iri, entity.name, entity.kind))
        del doc.spans[GAZETTEER_KEY]
        return mentions

    def _model_orgs(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        if not self.use_model_entities:
            return []
        taken = {i for m in named for i in range(m.start, m.end)}
        found = []
        places = self._place_names(doc)
        evidence = self._company_evidence(doc, named)
        for ent in doc.ents:
            if any(i in taken for i in range(ent.start, ent.end)) or not self._company_like(ent, places):
                continue
            if ent.label_ != "ORG" and ent.text not in evidence:
                continue
            span = ent
            while len(span) > 1 and span[0].pos_ in ("DET", "ADP"):
                span = span[1:]
            text = span.text.strip()
            if (
                len(span) > 6
                or not text[:1].isupper()
                or normalize(text) in self.stoplist
                or (text.isupper() and len(text) <= 4)  # "LFP", "NMC", "VE": acronyms, rarely companies here
                or self.kb.lookup(text) is not None
                or not any(c.isalpha() for c in text)
            ):
                continue
            known = self._named_prefix(text, named)
            if known is not None:  # "Great Wall" after "Great Wall Motor"
                found.append(Mention(span.start, span.end, known.iri, known.name, known.kind, via="name"))
                continue
            found.append(Mention(span.start, span.end, entity_iri(text), text, "Organisation", via="model"))
        return found

    @staticmethod
    def _named_prefix(text: str, named: list[Mention]) -> Mention | None:
        """Return the organisation of the article whose name starts with ``text`` (a shortened name)."""
        for mention in named:
            if mention.is_organisation and mention.name.casefold().startswith(text.casefold() + " "):
                return mention
        return None

    def _company_evidence(self, doc: Doc, named: list[Mention]) -> frozenset[str]:
        """Return the entity texts the article uses as a company at least once.

        Evidence: the name is a subject or an agent ("conçus par Symbio"), or
        a company noun or a nationality stands right before it ("l'équipementier
        Forvia", "l'américain Plug Power") or in apposition after it.
        """
        nouns = self.introducers | frozenset(self.lexicon.cue_map(self.lang, "descriptors", raw=True))
        orgs = {i for m in named if m.is_organisation for i in range(m.start, m.end)}
        out = set()
        for ent in doc.ents:
            root = ent.root
            before = doc[ent.start - 1] if ent.start > 0 else None
            after = doc[ent.end : ent.end + 3]
            window = doc[max(ent.sent.start, ent.start - 4) : ent.start]
            if root.dep_.startswith("nsubj") or root.dep_ in ("obl:agent", "agent"):
                out.add(ent.text)
            elif before is not None and (before.lower_ in nouns or normalize(before.text) in self.demonym_words):
                out.add(ent.text)
            elif len(after) >= 2 and after[0].text == "," and any(t.lower_ in nouns for t in after[1:]):
                out.add(ent.text)
            elif before is not None and before.lower_ in ("avec", "par", "with", "by") and ent.label_ != "LOC":
                out.add(ent.text)  # "nouée avec Brilliance Auto" (a place after "avec" is rare but LOC)
            elif any(t.lower_ in nouns for t in window) and not any(t.is_punct for t in window):
                out.add(ent.text)  # "sa filiale de voitures autonomes Cruise"
            elif any(c.i in orgs for c in (*root.conjuncts, root.head) if c.dep_ == "conj" or root.dep_ == "conj"):
                out.add(ent.text)  # coordinated with a company: "Honda, GM et ... Cruise"
        return frozenset(out)

    def _place_names(self, doc: Doc) -> frozenset[str]:
        """Return the names the article uses as places ("à Grenoble", "près de Lyon")."""
        places = set()
        for ent in doc.ents:
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            near_de = before == "de" and ent.start > 1 and doc[ent.start - 2].lower_ == "près"
            if before in PLACE_PREPOSITIONS or near_de:
                places.add(ent.text)
        return frozenset(places)

    def _company_like(self, ent: Span, places: frozenset[str]) -> bool:
        """Return True for a named entity that may be a company the model labelled otherwise.

        The French model labels company names ORG, but also LOC ("Symbio"),
        PER ("Forvia") or MISC ("Plug Power"): those count unless the article
        uses the name as a place or it reads as a person's (two words or more).
        """
        if ent.text in places or ent.text in self.city_holders:
            return False  # "le groupe de Ningde": a city, even when labelled ORG
        if ent.label_ == "ORG":
            return True
        if ent.label_ not in ("LOC", "PER", "MISC"):
            return False
        if ent.label_ == "PER" and len(ent) > 1:
            return False
        if any(not (t.pos_ in ("PROPN", "X") or t.text[:1].isupper()) for t in ent):
            return False
        return all(t.is_title or t.is_upper or t.text[:1].isupper() for t in ent) and ent[0].pos_ != "DET"

    def _introduced_names(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        """Return unknown names a company noun introduces: "its mobility unit MOIA", "start-up Momenta".

        Without a named-entity model (the blank English pipeline) this is how
        companies missing from the knowledge base are found; with one, it
        adds the names the model missed.
        """
        taken = {i for m in named for i in range(m.start, m.end)}
        nouns = self.introducers
        found: list[Mention] = []
        lowers = [doc.vocab.strings[h] for h in doc.to_array(LOWER).tolist()]  # no Token object per word
        i = 1
        demonyms = self.demonym_words
        while i < len(doc):
            if lowers[i - 1] not in nouns:  # the test below needs it
                i += 1
                continue
            j = i + 1 if doc[i].text == "," and doc[i - 1].lower_ in nouns else i
            k = i - 1
            while self.lang == "fr" and k > i - 3 and k > 0 and normalize(doc[k].text) in demonyms:
                k -= 1  # "le conglomérat turc Koç"
            if doc[k].lower_ in nouns and j < len(doc) and j not in taken and _name_like(doc[j]):
                end = j
                while (
                    end < len(doc)
                    and end - j < 4
                    and end not in taken
                    and (
                        _name_like(doc[end])
                        or (doc[end].text in ("&", "-") and end + 1 < len(doc) and _name_like(doc[end + 1]))
                    )
                ):
                    end += 1
                text = doc[j:end].text
                if (
                    end > j
                    and self.kb.lookup(text) is None
                    and normalize(text) not in self.stoplist
                    and not (text.isupper() and len(text) <= 2)
                ):
                    found.append(Mention(j, end, entity_iri(text), text, "Organisation", via="model"))
                    taken.update(range(j, end))
                    i = end
                    continue
            i += 1
        if self.lang == "fr":
            found += self._named_before_apposition(doc, taken, named)
            found += self._named_after_complement(doc, taken)
        if self.lang == "en":
            found += self._names_before_unit_nouns(doc, taken)
        return found

    def _named_after_complement(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Return unknown names after a company noun and its complement (French).

        "le fabricant de batteries Primearth", "sa filiale de voitures autonomes
        Cruise", "une coentreprise de recherche, BYD Toyota EV Technology": the
        name may hold known names, and then replaces them.
        """
        found: list[Mention] = []
        for noun in doc:
            if noun.lower_ not in self.introducers:
                continue
            j = noun.i + 1
            while j < len(doc) and normalize(doc[j].text) in self.demonym_words:
                j += 1
            if j < len(doc) and doc[j].lower_ in ("de", "des", "du", "d'", "d’"):
                j += 1
                while j < len(doc) and doc[j].pos_ == "DET":
                    j += 1
                words = 0
                while (
                    j < len(doc)
                    and words < 3
                    and doc[j].is_lower
                    and doc[j].is_alpha
                    and doc[j].lower_ not in ("de", "des", "du", "à", "en", "dans")
                ):
                    j, words = j + 1, words + 1  # not "la start-up de conduite autonome de Pittsburgh"
                if not words:
                    continue
            if j < len(doc) and doc[j].text == "," and j > noun.i + 1:
                j += 1
            end = j
            while end < len(doc) and end - j < 5 and (
                (doc[end].text[:1].isupper() and not doc[end].is_sent_start)
                or (doc[end].text in ("-", "&") and end > j)
            ):
                end += 1
            if end == j or j == noun.i + 1 or all(i in taken for i in range(j, end)):
                continue
            text = doc[j:end].text
            if (
                self.kb.lookup(text) is None
                and normalize(text) not in self.stoplist
                and text not in self.city_holders
                and not (text.isupper() and len(text) <= 2)
            ):
                found.append(Mention(j, end, entity_iri(text), text, self._kind_of(noun.lower_), via="model"))
                taken.update(range(j, end))
        return found

    def _kind_of(self, noun: str) -> str:
        """Return the kind a company noun gives an unknown name ("coentreprise" -> JointVenture)."""
        kinds = self.lexicon.cue_map(self.lang, "descriptors", raw=True).get(noun, ())
        return kinds[0] if len(kinds) == 1 and kinds[0] in ("JointVenture", "BusinessUnit") else "Organisation"

    def _named_before_apposition(self, doc: Doc, taken: set[int], named: list[Mention]) -> list[Mention]:
        """Return unknown names followed by a company noun in apposition: "Argo AI, la start-up de ..."."""
        found: list[Mention] = []
        dets = self.determiners
        for comma in range(2, len(doc) - 2):
            if doc[comma].text != "," or doc[comma + 1].lower_ not in dets:
                continue
            noun = comma + 2
            while noun < len(doc) - 1 and doc[noun].pos_ == "ADJ":
                noun += 1
            if doc[noun].lower_ not in self.introducers:
                continue
            start = comma
            while start - 1 >= 0 and comma - start < 4 and (start - 1) not in taken and _name_like(doc[start - 1]):
                start -= 1
            if start < comma and start - 1 >= 0 and (start - 1) in taken and doc[start - 1].text[:1].isupper():
                head = max(m.start for m in named if m.start <= start - 1 < m.end)
                start = head if comma - head <= 4 else start  # "Ford Otosan": the parent's name is part of it
            text = doc[start:comma].text
            if (
                start < comma
                and (start - 1 < 0 or not _name_like(doc[start - 1]))
                and self.kb.lookup(text) is None
                and normalize(text) not in self.stoplist
                and not (text.isupper() and len(text) <= 2)
            ):
                found.append(Mention(start, comma, entity_iri(text), text, "Organisation", via="model"))
                taken.update(range(start, comma))
        return found

    def _names_before_unit_nouns(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Return unknown names between a possessive and a unit noun: "its Cruise unit", "GM's Zoox arm" (English)."""
        demonyms = {d.lower() for e in self.kb.of_kind("Country") for d in e.demonyms}
        found: list[Mention] = []
        for k, token in enumerate(doc):
            if token.lower_ not in UNIT_NOUNS or k < 2:
                continue
            start = k
            while start > 0 and k - start < 3 and start - 1 not in taken and _name_like(doc[start - 1]):
                start -= 1
            opener = doc[start - 1].lower_ if start > 0 else ""
            words = {t.lower_ for t in doc[start:k]}
            if start == k or opener not in ("its", "their", "'s", "’s") or words & (demonyms | REGION_WORDS):
                continue
            text = doc[start:k].text
            if self.kb.lookup(text) is None and normalize(text) not in self.stoplist and not text.isupper():
                found.append(Mention(start, k, entity_iri(text), text, "Organisation", via="model"))
                taken.update(range(start, k))
        return found

    def _descriptions(self, doc: Doc, named: list[Mention]) -> tuple[list[Description], list[Mention]]:
        """Attach or resolve each description; return (attached, resolved)."""
        taken = {
            i for m in named if m.is_organisation for i in range(m.start, m.end)
        }  # "battery makers" may hold a technology
        by_start = {m.start: m for m in named}
        by_end = {m.end: m for m in named}
        attached: list[Description] = []
        resolved: list[Mention] = []
        matches = sorted(self.matcher(doc, as_spans=True), key=lambda s: (s.start, -len(s)))
        for span in filter_spans(matches):
            while len(span) > 2 and span[-1].lower_ in ("et", "and", "-"):
                span = Span(doc, span.start, span.end - 1, label=span.label)  # "le constructeur français et [...]"
            if any(i in taken for i in range(span.start, span.end)):
                continue
            label = doc.vocab.strings[span.label]
            if label.startswith("CITY|"):
                entity = self._resolve_city(span, named, label[len("CITY|") :])
                if entity is not None:
                    resolved.append(
                        Mention(span.start, span.end, entity.iri, entity.name, entity.kind, via="description")
                    )
                continue
            first = span[0].lower_
            bare = label == "DESCRIPTION" and self.lang == "fr" and first not in self.determiners
            indefinite = first in ("un", "une")  # French only: English "a Japanese automaker" keeps resolving
            if bare and (span.start == 0 or doc[span.start - 1].text != ","):
                continue  # a description without a determiner is one only in apposition
            country, kinds = self._read_description(span)
            if label == "COUNTRY_POSSESSIVE":
                entity = self.kb.lookup(span[:-1].text)
                country = entity.iri if entity is not None and entity.kind == "Country" else None
            after = by_start.get(self._skip_opener(doc, span.end)) or self._name_after_complement(doc, span, by_start)
            before = None
            if span.start >= 2 and doc[span.start - 1].text == "," and _appositive(span):
                before = by_end.get(span.start - 1)
                if before is not None and before.kind == "NewsAgency":
                    before = None
            target = after or before
            if target is not None and target.is_organisation:
                targets = [target]
                if after is not None and (label == "COUNTRY_POSSESSIVE" or _plural(span, self.plural_words)):
                    targets += _coordinated(doc, after, by_start)  # "les marques chinoises BYD et Leapmotor"
                if country:
                    attached += [Description(span.start, span.end, t, country) for t in targets]
                continue
            if indefinite or bare:
                continue  # "un constructeur chinois" not in apposition introduces another company
            if label == "COUNTRY_POSSESSIVE" or _plural(span, self.plural_words):
                continue  # a plural description with no names after it is generic ("les constructeurs japonais")
            if label == "DEMONYM_NAME":
                continue
            if label == "ANAPHOR":
                nxt = doc[span.end] if span.end < len(doc) else None
                if nxt is not None and (nxt.pos_ in ("ADJ", "PROPN", "NOUN") or nxt.i in taken):
                    continue  # "le groupe japonais", "le groupe Renault": not a bare anaphor
                pool = named
                if self.lang == "en" and span[-1].lower_ == "venture":  # "the venture": a joint venture only
                    pool = [m for m in named if m.kind == "JointVenture"]
                antecedent = previous_subject(doc, span.start, pool)
                wanted = kinds if "JointVenture" in kinds or "BusinessUnit" in kinds else ()
                if wanted and antecedent is not None and antecedent.kind not in wanted:
                    # "la coentreprise", "la filiale": the last venture or unit named, not the last company
                    antecedent = next((m for m in reversed(named) if m.end <= span.start and m.kind in wanted), None)
                if antecedent is not None and antecedent.kind not in ("Technology", "Country", "NewsAgency"):
                    resolved.append(
                        Mention(span.start, span.end, antecedent.iri, antecedent.name, antecedent.kind, via="anaphor")
                    )
                continue
            entity = self._resolve(doc, span, named, country, kinds)
            if entity is not None:
                resolved.append(
                    Mention(
                        span.start, span.end, entity.iri, entity.name, entity.kind, via="description", country=country
                    )
                )
        return attached, resolved

    @staticmethod
    def _name_after_complement(doc: Doc, span: Span, by_start: dict[int, Mention]) -> Mention | None:
        """Return the name after a description's complement: "le géant chinois des télécoms Huawei"."""
        j = span.end
        if j >= len(doc) or doc[j].lower_ not in ("de", "des", "du", "d'", "d’", "of"):
            return None
        j += 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        words = 0
        while j < len(doc) and words < 2 and doc[j].is_lower and doc[j].is_alpha:
            j += 1
            words += 1
        mention = by_start.get(j) if words else None
        return mention if mention is not None and mention.is_organisation else None

    def _skip_opener(self, doc: Doc, i: int) -> int:
        """Return the index after "such as"/"comme"/"including" at ``i`` (or ``i``)."""
        for opener in sorted(self.lexicon.cues(self.lang, "list_openers", raw=True), key=len, reverse=True):
            words = opener.split()
            if [t.lower_ for t in doc[i : i + len(words)]] == words:
                return i + len(words)
        if i < len(doc) and doc[i].text == "," and i + 1 < len(doc):
            nxt = self._skip_opener(doc, i + 1)
            return nxt if nxt != i + 1 else i
        return i

    def _read_description(self, span: Span) -> tuple[str | None, tuple[str, ...]]:
        country = None
        kinds: set[str] = set()
        descriptors = self.lexicon.cue_map(self.lang, "descriptors")
        sectors = self.lexicon.cue_map(self.lang, "sector_words")
        for token in span:
            word = normalize(token.text)
            entity = self.kb.country_of_demonym(word)
            if entity is not None and country is None:
                country = entity.iri
            kinds.update(descriptors.get(word, ()))
            kinds.update(sectors.get(word, ()))
            if word in ("coentreprise", "co-entreprise", "joint-venture", "joint", "venture"):
                kinds.add("JointVenture")
        return country, tuple(sorted(kinds))

    def _resolve(
        self, doc: Doc, span: Span, named: list[Mention], country: str | None, kinds: tuple[str, ...]
    ) -> Entity | None:
        """Return the named entity of the article that the description denotes."""
        if not country and not kinds:
            return None
        possessor = None
        if normalize(span[0].text) in self.lexicon.cues(self.lang, "possessives"):
            possessor = previous_subject(doc, span.start, named)
        if "JointVenture" in kinds and normalize(span[0].text) not in ("la", "le", "l'", "the"):
            return None  # "sa coentreprise avec GAC" is often another venture than the one named
        sentence_of = (
            {i: k for k, sent in enumerate(doc.sents) for i in range(sent.start, sent.end)}
            if doc.has_annotation("SENT_START")
            else {}
        )
        here = sentence_of.get(span.start, 0)
        counts: dict[str, int] = {}
        for mention in named:
            counts[mention.iri] = counts.get(mention.iri, 0) + 1
        candidates: dict[str, tuple[tuple, Entity]] = {}
        for mention in named:
            entity = self.kb.get(mention.iri)
            if entity is None or not entity.is_organisation or entity.kind == "NewsAgency":
                continue
            if possessor is not None and mention.iri == possessor.iri:
                continue
            if country and entity.country != country:
                continue
            if kinds and entity.kind not in kinds:
                continue
            if not kinds and entity.kind in ("BusinessUnit", "JointVenture", "Alliance"):
                continue  # "le groupe japonais", "son partenaire français": a company, not a unit
            before = mention.end <= span.start
            near = before and here - sentence_of.get(mention.start, 0) <= 1
            # rank: mentioned just before, then how often the article names it, then closeness
            rank = (
                0 if near else 1,
                -counts[mention.iri],
                (span.start - mention.end) if before else 10_000 + mention.start,
            )
            if mention.iri not in candidates or rank < candidates[mention.iri][0]:
                candidates[mention.iri] = (rank, entity)
        if not candidates or (not country and len(candidates) > 1):
            return None  # without a nationality, only an unambiguous kind resolves ("le constructeur")
        return min(candidates.values(), key=lambda pair: (pair[0], pair[1].iri))[1]


PLACE_PREPOSITIONS = frozenset({"à", "en", "dans", "vers", "depuis", "in", "at", "near"})


def _name_like(token) -> bool:
    """Return True for a token that can be part of a company name ("MOIA", "Pony.ai", "Momenta")."""
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text) and not token.is_sent_start


def _appositive(span: Span) -> bool:
    """Return True when a description after "NAME," is an apposition, not the next clause's subject."""
    if span.doc.has_annotation("DEP"):
        return not span.root.dep_.startswith("nsubj") or span.root.head.i < span.start - 1
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is None or nxt.text in (",", ")", ".", ";") or nxt.lower_ in ("of", "de", "in", "based", "which")


def _plural(span: Span, plural_words: frozenset[str]) -> bool:
    """Return True when a description's head word is plural ("les marques chinoises", "carmakers").

    The head word decides: nationality adjectives such as "japonais" are
    invariable and the tagger often calls them plural.
    """
    return span[0].lower_ in ("les", "des", "ses", "leurs", "ces") or any(t.lower_ in plural_words for t in span)


def _coordinated(doc: Doc, first: Mention, by_start: dict[int, Mention]) -> list[Mention]:
    """Return the mentions coordinated after ``first`` ("BYD, Leapmotor et GAC")."""
    out, end = [], first.end
    while end < len(doc) and doc[end].lower_ in (",", "et", "and", "ainsi", "que"):
        nxt = end
        while nxt < len(doc) and doc[nxt].lower_ in (",", "et", "and", "ainsi", "que"):
            nxt += 1
        mention = by_start.get(nxt)
        if mention is None or not mention.is_organisation:
            break
        out.append(mention)
        end = max(end + 1, mention.end)
    return out


def previous_subject(doc: Doc, position: int, named: list[Mention]) -> Mention | None:
    """Return the organisation mention most likely named by a pronoun at ``position``."""
    sent_start = doc[position].sent.start if doc.has_annotation("SENT_START") else 0
    earlier = [m for m in named if m.end <= position and m.is_organisation]
    if not earlier:
        return None
    in_sentence = [m for m in earlier if m.start >= sent_start]
    pool = in_sentence or earlier
    if doc.has_annotation("DEP"):
        subjects = [m for m in in_sentence if doc[m.start : m.end].root.dep_.startswith("nsubj")]
        if subjects:
            return subjects[-1]
        if not in_sentence:
            return _most_salient(doc, position, earlier)
    else:
        return _subject_by_word_order(doc, position, in_sentence, earlier)
    if in_sentence and in_sentence[0].start <= sent_start + 1:
        return in_sentence[0]  # the sentence opens with it: "Nissan, l'allié de Renault, ... qu'il ..."
    return pool[-1]


def _most_salient(doc: Doc, position: int, earlier: list[Mention], window: int = 3) -> Mention:
    """Return the organisation a new sentence most likely goes on about ("La société fournit ...").

    Scores each mention of the last ``window`` sentences: being a subject, a
    main-clause one and not one of a coordination ("Renault et Geely"), how
    recent its sentence is, and how often the article named it before.
    """
    starts = [sent.start for sent in doc.sents]
    here = bisect_right(starts, position) - 1
    counts: dict[str, int] = {}
    for mention in earlier:
        counts[mention.iri] = counts.get(mention.iri, 0) + 1
    best: tuple[float, int, Mention] | None = None
    for mention in earlier:
        distance = here - (bisect_right(starts, mention.start) - 1)
        if distance > window:
            continue
        root = doc[mention.start : mention.end].root
        score = -1.5 * distance + 0.75 * min(counts[mention.iri], 4)
        opens = all(t.is_punct or t.is_space for t in doc[root.sent.start : mention.start])  # « Horse part ... »
        if root.dep_.startswith("nsubj") or root.dep_ == "ROOT" or opens:
            score += 2.0 + (1.0 if root.dep_ == "ROOT" or root.head.dep_ == "ROOT" else 0.0)
        if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
            score -= 1.0
        candidate = (score, mention.start, mention)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best is not None else earlier[-1]


OBJECT_PREPOSITIONS = {"in", "of", "into", "with", "to", "for", "from", "on", "at", "about", "over"}
CLAUSE_OPENERS = {",", ";", "said", "says", "told", "that", "which", "who", "but", "while", "whereas"}


def _clause_subject(doc: Doc, position: int, in_sentence: list[Mention]) -> Mention | None:
    """Return the first organisation of the clause that holds ``position`` ("... said Toyota had no ...")."""
    sent_start = doc[position].sent.start if doc.has_annotation("SENT_START") else 0
    i = position - 1
    while i > sent_start and doc[i].lower_ not in CLAUSE_OPENERS:
        i -= 1
    return next((m for m in in_sentence if i <= m.start < position), None)


def _subject_by_word_order(
    doc: Doc, position: int, in_sentence: list[Mention], earlier: list[Mention]
) -> Mention | None:
    """Return the antecedent of a pronoun or "the company" when there is no parse (English word order).

    Subjects come first in English: at the head of a sentence the antecedent
    is the previous sentence's first organisation ("Toyota holds 5% of Mazda.
    The group also controls Hino": Toyota); inside a sentence it is the
    sentence's first organisation, except after a preposition, where it is
    another company than that subject ("Ford no longer owns shares in the
    company", "Amazon holds a stake in the company").
    """
    if not in_sentence:
        last_sentence = earlier[-1].start
        sent_start = doc[last_sentence].sent.start if doc.has_annotation("SENT_START") else 0
        return next(m for m in earlier if m.start >= sent_start)
    subject = in_sentence[0]
    if position > 0 and doc[position - 1].lower_ in OBJECT_PREPOSITIONS:
        clause_subject = _clause_subject(doc, position, in_sentence) or subject
        others = [m for m in in_sentence if m.iri != clause_subject.iri]
        if others:
            return others[-1]
    sent_start = doc[position].sent.start if doc.has_annotation("SENT_START") else 0
    return subject if subject.start <= sent_start + 1 else in_sentence[-1]


@Language.factory(
    "alliance_mentions",
    default_config={"lang": "fr", "use_model_entities": True},
)
def make_mention_finder(nlp: Language, name: str, lang: str, use_model_entities: bool) -> MentionFinder:
    """Create the component that fills ``doc._.mentions`` from the knowledge base."""
    return MentionFinder(nlp, name, lang, use_model_entities)
