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
        anaphors = sorted(lex.cues(self.lang, "generic_anaphors", raw=True))
        matcher.add("ANAPHOR", [[{"NORM": {"IN": ["le", "la", "l'", "the"]}}, {"NORM": {"IN": anaphors}}]])
        return matcher

    # -- running --------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        named = self._named(doc)
        named += self._model_orgs(doc, named)
        named += self._introduced_names(doc, named)
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
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(i in taken for i in range(ent.start, ent.end)):
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
            found.append(Mention(span.start, span.end, entity_iri(text), text, "Organisation", via="model"))
        return found

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
        while i < len(doc):
            if lowers[i - 1] not in nouns:  # the test below needs it
                i += 1
                continue
            j = i + 1 if doc[i].text == "," and doc[i - 1].lower_ in nouns else i
            if doc[i - 1].lower_ in nouns and j < len(doc) and j not in taken and _name_like(doc[j]):
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
            if any(i in taken for i in range(span.start, span.end)):
                continue
            country, kinds = self._read_description(span)
            label = doc.vocab.strings[span.label]
            if label == "COUNTRY_POSSESSIVE":
                entity = self.kb.lookup(span[:-1].text)
                country = entity.iri if entity is not None and entity.kind == "Country" else None
            after = by_start.get(self._skip_opener(doc, span.end))  # "Chinese brands such as BYD"
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
            if label == "COUNTRY_POSSESSIVE" or _plural(span, self.plural_words):
                continue  # a plural description with no names after it is generic ("les constructeurs japonais")
            if label == "DEMONYM_NAME":
                continue
            if label == "ANAPHOR":
                nxt = doc[span.end] if span.end < len(doc) else None
                if nxt is not None and (nxt.pos_ in ("ADJ", "PROPN", "NOUN") or nxt.i in taken):
                    continue  # "le groupe japonais", "le groupe Renault": not a bare anaphor
                antecedent = previous_subject(doc, span.start, named)
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
        subjects = [m for m in pool if doc[m.start : m.end].root.dep_.startswith("nsubj")]
        if subjects:
            return subjects[-1]
    if in_sentence and in_sentence[0].start <= sent_start + 1:
        return in_sentence[0]  # the sentence opens with it: "Nissan, l'allié de Renault, ... qu'il ..."
    return pool[-1]


@Language.factory(
    "alliance_mentions",
    default_config={"lang": "fr", "use_model_entities": True},
)
def make_mention_finder(nlp: Language, name: str, lang: str, use_model_entities: bool) -> MentionFinder:
    """Create the component that fills ``doc._.mentions`` from the knowledge base."""
    return MentionFinder(nlp, name, lang, use_model_entities)
