"""Plural descriptions that stand for two companies: "les deux groupes", "the two companies".

The ``alliance_plural_mentions`` component runs after ``alliance_mentions``
and writes ``doc._.pairs``: a list of :class:`Pair`, each a span and the two
organisations it denotes. The pair is read from the words before it: the
first two organisations of the same sentence ("Stellantis va prendre 21 %
de Leapmotor, ont annoncé les deux groupes"), else of the closest earlier
sentence that names two, preferring coordinated subjects ("Honda et Nissan
ont signé ... Les deux groupes ...").

The plural nouns are the lexicon's ``plural_descriptors``; the words that
open the phrase are its ``pair_openers`` ("les deux", "both", "the two").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from alliance_kg.nlp.doctable import doc_parsed
from alliance_kg.kb import load_kb
from alliance_kg.lexicon import load_lexicon
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.sentindex import sentences

if not Doc.has_extension("pairs"):
    Doc.set_extension("pairs", default=None)


@dataclass(frozen=True)
class Pair:
    """A plural description and the two organisations it stands for, with the country it gives them, if any."""

    start: int
    end: int
    first: Mention
    second: Mention
    country: str | None = None
    argument: bool = True  # False for "les deux alliés japonais": a nationality only, "alliés" stays a trigger


class PluralFinder:
    """The ``alliance_plural_mentions`` component (see the module docstring)."""

    def __init__(self, nlp: Language, lang: str, look_back: int = 3) -> None:
        lexicon = load_lexicon()
        self.kb = load_kb()
        self.lang = lang
        self.look_back = look_back
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")  # a token Matcher cost 2-3 ms a document
        plain = frozenset(lexicon.cues(lang, "plural_descriptors", raw=True))
        openers = sorted(lexicon.cues(lang, "pair_openers", raw=True))
        self.matcher.add("PAIR", [nlp.make_doc(f"{opener} {noun}") for opener in openers for noun in sorted(plain)])
        # "les deux alliés japonais", "les deux japonais", "the two Japanese companies": the opener alone, then
        # the words read one by one (a pattern for every nationality would cost more than the rare match)
        self.openers = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.openers.add("OPENER", [nlp.make_doc(opener) for opener in openers])
        national = frozenset(lexicon.cues(lang, "national_pair_nouns", raw=True))
        self.nouns = plain | national
        self.trigger_nouns = national - plain  # "alliés": a trigger word, read as such, the pair gives a country only

    def __call__(self, doc: Doc) -> Doc:
        doc._.pairs = []
        plain = {span.start: span for span in self.matcher(doc, as_spans=True)}
        national = {span.start: (span, country) for span, country in self._national(doc)}
        if not plain and not national:
            return doc
        mentions = [m for m in (doc._.mentions or []) if m.is_organisation and m.kind != "NewsAgency"]
        sents = sentences(doc) if doc.has_annotation("SENT_START") else [doc[:]]
        for start in sorted(set(plain) | set(national)):
            span, country = national.get(start, (plain.get(start), None))
            found = self._antecedents(doc, span, mentions, sents)
            if found is None:
                continue
            if country is not None and not all(self._of(m, country) for m in found):
                country = None  # "les deux constructeurs japonais" said of a Japanese and a French one
            argument = start in plain or not any(t.lower_ in self.trigger_nouns for t in span)
            doc._.pairs.append(Pair(span.start, span.end, *found, country, argument))
        return doc

    def _national(self, doc: Doc) -> list[tuple[Span, str]]:
        """Return the pair phrases that give a nationality, with its country: "les deux alliés japonais",
        "les deux japonais", "the two Japanese carmakers"."""
        out: list[tuple[Span, str]] = []
        for opener in self.openers(doc, as_spans=True):
            i = opener.end
            words = [t.lower_ for t in doc[i : min(len(doc), i + 2)]]
            country = None
            if self.lang == "fr" and len(words) > 1 and words[0] in self.nouns:
                country, end = self.kb.country_of_demonym(words[1]), i + 2  # "les deux alliés japonais"
            elif self.lang == "fr" and words:
                country, end = self.kb.country_of_demonym(words[0]), i + 1  # "les deux japonais"
            elif self.lang == "en" and len(words) > 1 and words[1] in self.nouns:
                country, end = self.kb.country_of_demonym(words[0]), i + 2  # "the two Japanese carmakers"
            if country is not None:
                out.append((Span(doc, opener.start, end), country.iri))
        return out

    def _of(self, mention: Mention, country: str) -> bool:
        entity = self.kb.get(mention.iri)
        return entity is None or entity.country is None or entity.has_nationality(country)

    def _antecedents(
        self, doc: Doc, span: Span, mentions: list[Mention], sents: list[Span]
    ) -> tuple[Mention, Mention] | None:
        here = next(k for k, sent in enumerate(sents) if sent.start <= span.start < sent.end)
        for k in range(here, max(-1, here - self.look_back - 1), -1):
            sent = sents[k]
            inside = [m for m in mentions if sent.start <= m.start < min(sent.end, span.start)]
            distinct = list({m.iri: m for m in inside}.values())
            if len(distinct) < 2:
                continue
            subjects = [m for m in distinct if _subject_like(doc, m)]
            if len(subjects) >= 2:
                return subjects[0], subjects[1]
            joined = _coordinated(doc, inside) if len(distinct) > 2 else None
            return joined or (distinct[0], distinct[1])
        return None


def _coordinated(doc: Doc, mentions: list[Mention]) -> tuple[Mention, Mention] | None:
    """Return the first two names joined by "and" / "et" alone ("a round led by BMW and Ford Motor")."""
    for first, second in zip(mentions, mentions[1:]):
        if second.start == first.end + 1 and doc[first.end].lower_ in ("and", "et") and first.iri != second.iri:
            return first, second
    return None


def _subject_like(doc: Doc, mention: Mention) -> bool:
    """Return True for a mention that is a subject or coordinated with one ("Honda et Nissan ont ...")."""
    if not doc_parsed(doc):
        return False
    root = doc[mention.start : mention.end].root
    return root.dep_.startswith("nsubj") or (root.dep_ == "conj" and root.head.dep_.startswith("nsubj"))


@Language.factory("alliance_plural_mentions", default_config={"lang": "fr"})
def make_plural_finder(nlp: Language, name: str, lang: str) -> PluralFinder:
    """Create the component that fills ``doc._.pairs`` ("les deux groupes" -> two companies)."""
    return PluralFinder(nlp, lang)
