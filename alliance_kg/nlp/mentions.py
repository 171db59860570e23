"""Find the entity mentions of an article: names, descriptions, unknown organisations.

The ``alliance_mentions`` pipeline component writes ``doc._.mentions``: a
list of :class:`Mention`, sorted by position, one per span that denotes an
organisation, a technology or a country. Three sources, in order of trust:

1. names and aliases of the knowledge base (a ``SpanRuler`` built from
   ``entities.ttl``);
2. companies not in the base (:mod:`.names`): the model's named entities
   the article uses as a company, and names a company noun introduces,
   each a new entity with its own IRI;
3. descriptions (:mod:`.descriptions`: "le constructeur japonais", "the
   Chinese carmaker", "le constructeur de Yokohama", "la coentreprise")
   resolved to the named entity they denote in the article, using the
   nationality, the kind of company or the city they state.

A description right next to a name ("le constructeur japonais Nissan",
"Nissan, le groupe japonais,") is kept as ``doc._.descriptions`` so that the
relation stage can state ``basedIn``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.strings import get_string_id

from alliance_kg.nlp.names_en_forms import domain_pattern
from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens, span_text
from alliance_kg.articles import function_words
from alliance_kg.data import data_path
from alliance_kg.kb import Entity, KnowledgeBase, load_kb, normalize
from alliance_kg.lexicon import Lexicon, load_lexicon
from alliance_kg.nlp.anaphora import previous_subject
from alliance_kg.nlp.description_patterns import DescriptionPatterns
from alliance_kg.nlp.descriptions import DescriptionReader
from alliance_kg.nlp.name_repeats import hyphen_joined, repeated, repeated_over_known, with_acronyms
from alliance_kg.nlp.names import UnknownNames
from alliance_kg.nlp.segmatch import SegmentedMatcher
from alliance_kg.nlp.sentindex import index_sentences, sentences
from alliance_kg.nlp.spans import Description, Mention, longest_first

__all__ = ["GAZETTEER_KEY", "Description", "Mention", "MentionFinder", "previous_subject"]

GAZETTEER_KEY = "alliance_gazetteer"


def not_companies() -> frozenset[str]:
    """Return the names the lexicon says are no company's (``not_companies.txt``), normalised."""
    lines = data_path("lexicon/not_companies.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(x) for x in lines if x.strip() and not x.startswith("#"))


def _case_ok(alias: str, text: str) -> bool:
    """Return True if ``text`` may stand for ``alias`` given their letter case."""
    if alias == alias.lower():  # a lowercase brand ("smart") must match exactly
        return text == alias
    if alias.isupper() and len(alias) <= 3:  # "GAZ", not « Gaz naturel » at a sentence's start
        return text.isupper()
    return text != text.lower() or not any(c.isalpha() for c in text)


UNIT_KINDS = ("JointVenture", "BusinessUnit", "Alliance")  # a city's group is their owner


class MentionFinder(UnknownNames, DescriptionReader, DescriptionPatterns):
    """The ``alliance_mentions`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, lang: str, use_model_entities: bool) -> None:
        self.lang = lang
        self.kb: KnowledgeBase = load_kb()
        self.lexicon: Lexicon = load_lexicon()
        self.use_model_entities = use_model_entities
        self.stoplist = not_companies()
        self.plural_words = self.lexicon.cues(lang, "plural_descriptors", raw=True)
        self.other_words = self.lexicon.cues(lang, "other_words", raw=True)
        self.quantifiers = self.lexicon.cues(lang, "quantifiers", raw=True)
        self.introducers = self.lexicon.cues(lang, "name_introducers", raw=True)
        self.person_nouns = self.lexicon.cues(lang, "person_nouns", raw=True)  # "la famille X": no company
        self.family_nouns = self.lexicon.cues(lang, "family_nouns", raw=True)  # « la famille Peugeot »: no company
        self.determiners = self.lexicon.cues(lang, "determiners", raw=True)
        self.product_nouns = self.lexicon.cues(lang, "product_nouns", raw=True)
        # the lexicon's maps, read once (cue_map returns a copy at every call)
        self.descriptor_kinds = self.lexicon.cue_map(lang, "descriptors")
        self.sector_kinds = self.lexicon.cue_map(lang, "sector_words")
        self.demonym_prefixes = self.lexicon.cue_map(lang, "demonym_prefixes")
        self.company_nouns = self.introducers | frozenset(self.lexicon.cue_map(lang, "descriptors", raw=True))
        self.demonym_words = frozenset(self.kb.demonyms)
        self.country_demonyms = frozenset(d.lower() for e in self.kb.of_kind("Country") for d in e.demonyms)
        self.legal_form_words = self.lexicon.cues(lang, "legal_forms", raw=True)  # "Ltd." alone is no name
        self.legal_suffixes = self.lexicon.cues(lang, "legal_suffixes", raw=True)  # "Kia Motors Corp"
        # "Joby Aviation", "Helm.ai": an English name's form says it is a company's (names_en_forms.py)
        self.company_end_words = self.lexicon.cues(lang, "company_name_ends", raw=True) | self.legal_form_words
        self.domain_name = domain_pattern(self.lexicon.cues(lang, "domain_name_ends", raw=True))
        self.name_verbs = self.lexicon.cues(lang, "name_verbs", raw=True)  # « baptisée », "called" (names_called.py)
        self.stop_words = function_words(lang)
        self.ruler = self._build_ruler(nlp)
        # match key -> (label hash, id hash, entity IRI), the order of the ruler's spans; None: use the ruler
        self._ruler_keys: dict[int, tuple[int, int, str]] | None = None if len(self.ruler.matcher) else {
            key: (get_string_id(entry["label"]), get_string_id(entry["id"]), entry["id"])
            for key, entry in self.ruler._match_label_id_map.items()
        }
        self.matcher = self._build_matcher(nlp)
        self.description_matcher = SegmentedMatcher(self.matcher)  # takes over the greedy filters

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

    def _description_spans(self, doc: Doc) -> list[Span]:
        """Return the matches of the description patterns, run only on sentences that may hold one."""
        norms = doc.to_array(NORM).tolist()
        keys = self._description_keys
        chosen: list[Span] = []
        sents = sentences(doc) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            if any(h in keys for h in norms[sent.start : sent.end]) or (
                self._compound_re is not None
                and self._compound_re.search(span_text(doc, sent.start, sent.end)) is not None  # = sent.text
            ):
                chosen.append(sent)
        return self.description_matcher.spans(doc, chosen)

    def _city_spans(self, doc: Doc) -> list[Span]:
        """Return the city descriptions of ``doc``, labelled ``CITY|<city>``."""
        spans = []
        for key, start, end in self.city_matcher(doc):
            if self.lang == "fr":
                if start < 2 or doc_lowers(doc)[start - 1] not in ("de", "d'", "d’"):
                    continue
                if doc_tokens(doc)[start - 2].norm_ not in self._city_descriptors:
                    continue
                first = start - 2
                if first > 0 and doc_tokens(doc)[first - 1].pos_ == "ADJ":
                    first -= 1
                if first > 0 and doc_tokens(doc)[first - 1].norm_ in self._city_dets:
                    first -= 1
                spans.append(Span(doc, first, end, label=key))
            elif (
                end + 2 < len(doc)
                and doc_texts(doc)[end] == "-"
                and doc_lowers(doc)[end + 1] == "based"
                and doc_tokens(doc)[end + 2].norm_ in self._city_descriptors
            ):
                first = start - 1 if start > 0 and doc_lowers(doc)[start - 1] == "the" else start
                spans.append(Span(doc, first, end + 3, label=key))
        return spans

    def _resolve_city(self, span: Span, named: list[Mention], city: str) -> Entity | None:
        """Return the company of the article whose headquarters are in ``city``: of those named before, a company
        before a unit or venture, then the one the article names most (« le groupe de Wuhan » is Dongfeng, not its
        brand Voyah; "the Chongqing-based group" Changan, not Changan Ford), then the last."""
        holders = set(self.city_holders.get(city, ()))
        named_here = [m for m in named if m.iri in holders]
        before = [m for m in named_here if m.end <= span.start]
        if before:
            counts = Counter(m.iri for m in named_here)
            return self.kb.get(max(reversed(before), key=lambda m: (m.kind not in UNIT_KINDS, counts[m.iri])).iri)
        if named_here:
            return self.kb.get(named_here[0].iri)
        return self.kb.get(next(iter(holders))) if len(holders) == 1 else None

    # -- running --------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        index_sentences(doc)  # token.sent and span.sent by lookup until alliance_relations is done
        # « la famille Peugeot »: the family is named, not the company; never a party of a statement
        named = [replace(m, kind="Family") if self._family(doc, m) else m for m in self._named(doc)]
        named += self._model_orgs(doc, named)
        introduced = self._introduced_names(doc, named)
        # a venture named after a parent ("Ford Otosan, la coentreprise ..."): the longer name wins
        named = [m for m in named if not any(n.start < m.end and m.start < n.end for n in introduced)] + introduced
        named = hyphen_joined(doc, named)  # "SAIC-Iveco Hongyan": one venture, not SAIC beside "Iveco Hongyan"
        named += repeated(doc, named)
        named = repeated_over_known(doc, named)  # « Nidec PSA emotors » again, over the known « Nidec », « PSA »
        named = with_acronyms(doc, named)  # "Iveco Defence Vehicles (IDV)", then "IDV"
        ventures = {m.iri for m in named if m.via == "model" and m.kind == "JointVenture"}
        if ventures:  # a name once known as a venture's is the venture's wherever the model found it again
            named = [replace(m, kind="JointVenture") if m.iri in ventures else m for m in named]
        if self.lang == "en":
            named += self._short_forms(doc, named)  # "Joby" after "Joby Aviation"
        named = self._with_legal_forms(doc, named)  # "Kia Motors Corp", "Nissan Motor Co."
        named.sort(key=lambda m: m.start)
        descriptions, described = self._descriptions(doc, named)
        doc._.mentions = sorted(named + described, key=lambda m: (m.start, m.end))
        doc._.descriptions = descriptions
        return doc

    def _family(self, doc: Doc, mention: Mention) -> bool:
        """Return True for a company's name that names a family: « la famille Peugeot », "the Peugeot family"."""
        lowers = doc_lowers(doc)
        before = lowers[mention.start - 1] if mention.start > 0 else ""
        after = lowers[mention.end] if mention.end < len(doc) else ""
        return before in self.family_nouns or (self.lang == "en" and after in self.family_nouns)

    def _with_legal_forms(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        """Return the mentions, each company's name stretched over the legal form after it ("Kia Motors Corp")."""
        texts = doc_texts(doc)
        starts = {m.start for m in named}
        out = []
        for m in named:
            end = m.end
            while (
                m.is_organisation
                and end < len(doc)
                and end not in starts
                and texts[end][:1].isupper()
                and texts[end].rstrip(".").lower() in self.legal_suffixes
                and end - m.end < 2
            ):
                end += 1
            out.append(m if end == m.end else replace(m, end=end, suffix=end - m.end))
        return out

    def _named(self, doc: Doc) -> list[Mention]:
        spans = []
        for start, end, iri in self._gazetteer(doc):  # what self.ruler(doc) would write to doc.spans[GAZETTEER_KEY]
            entity = self.kb.get(iri)
            if entity is None:
                continue
            text = span_text(doc, start, end)
            key = normalize(text)
            if any(_case_ok(a, text) for a in (entity.name, *entity.labels) if normalize(a) == key):
                spans.append((start, end, iri))
        mentions: list[Mention] = []
        for start, end, iri in longest_first(spans):
            entity = self.kb.get(iri)
            if mentions and entity.kind == "Technology" == mentions[-1].kind and mentions[-1].end == start:
                mentions.pop()  # "hybride e-Power": the name that follows is the technology meant
            mentions.append(Mention(start, end, entity.iri, entity.name, entity.kind))
        return mentions

    def _gazetteer(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Return the (start, end, entity IRI) of ``self.ruler.match(doc)``, in its order, without a Span each.

        The ruler holds phrase patterns only; it dedupes and sorts its spans by
        (start, end, label, id), which the hashes of the label and id give.
        """
        if self._ruler_keys is None:  # patterns the phrase matcher alone cannot answer: ask the ruler
            return [(span.start, span.end, span.id_) for span in self.ruler.match(doc)]
        keys = self._ruler_keys
        found = {(start, end, *keys[key]) for key, start, end in self.ruler.phrase_matcher(doc) if start != end}
        return [(start, end, iri) for start, end, _, _, iri in sorted(found)]

@Language.factory(
    "alliance_mentions",
    default_config={"lang": "fr", "use_model_entities": True},
)
def make_mention_finder(nlp: Language, name: str, lang: str, use_model_entities: bool) -> MentionFinder:
    """Create the component that fills ``doc._.mentions`` from the knowledge base."""
    return MentionFinder(nlp, name, lang, use_model_entities)
