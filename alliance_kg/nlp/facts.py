"""Statements that descriptions make without a trigger verb.

- nationality: "le constructeur japonais", "Chinese carmaker Geely",
  "China's BYD" -> ``basedIn``;
- alliance names: "l'Alliance Renault-Nissan-Mitsubishi" -> each named
  company ``memberOf`` the alliance;
- what a company makes: "le constructeur chinois de voitures électriques
  Leapmotor", "battery maker SK On", "Ampere, la filiale consacrée aux
  logiciels", "Toyota's hybrid system" -> ``developsTechnology``.

They are the article's own voice (no attribution) and asserted.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from alliance_kg.articles import function_words
from alliance_kg.nlp.doctable import doc_tokens
from alliance_kg.kb import KnowledgeBase
from alliance_kg.lexicon import Lexicon
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.facts_holders import TechnologyHolders
from alliance_kg.nlp.records import Relation, trimmed
from alliance_kg.nlp.spans import owned_after


GENITIVE_FOLLOWERS = ("which", "who", "that", "and", "is", "was", "has", "had", "will", "would", "said", "says", "in",
                      "on", "at", "for", "to", "with")


class DescriptionFacts(TechnologyHolders):
    """Find basedIn, alliance memberOf and developsTechnology facts in a sentence."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, lang: str) -> None:
        self.kb = kb
        self.holders = lexicon.cues(lang, "tech_holders")
        self.list_openers = sorted(lexicon.cues(lang, "list_openers", raw=True), key=len, reverse=True)
        self.participles = lexicon.cues(lang, "tech_participles")
        self.tech_nouns = lexicon.cues(lang, "tech_nouns", raw=True)
        self.adjectives = lexicon.cue_map(lang, "tech_adjectives", raw=True)
        self.adjective_holders = lexicon.cues(lang, "tech_adjective_holders", raw=True)
        self._holder_ids = frozenset(get_string_id(w) for w in self.adjective_holders)
        self._doc_index: tuple | None = None  # see _index
        self.adjective_after = lang == "fr"  # "la filiale électrique" / "the electric unit"
        self.singular_possessives = lexicon.cues(lang, "singular_possessives", raw=True)  # "its", « ses »
        self.function_words = function_words(lang)
        # single words of the negation, sale, purchase and former-time cues: see TechnologyHolders._possessor
        guards = ("negators", "negation_particles", "terminators", "divestment_words", "purchase_words", "former_words")
        words = (w for name in guards for w in lexicon.cues(lang, name, raw=True))
        self.negating_words = frozenset(w for w in words if " " not in w)
        self.selling_words = lexicon.cues(lang, "divestment_words", raw=True)
        self.unit_words = lexicon.cues(lang, "unit_nouns", raw=True) | lexicon.cues(lang, "business_nouns", raw=True)

    def find(self, sent: Span, mention_at: dict[int, Mention]) -> list[Relation]:
        """Return the description facts of one sentence."""
        doc = sent.doc
        out: list[Relation | None] = []
        for desc in self._descriptions_in(sent, mention_at):
            if desc.country:
                out.append(self._fact(sent, desc.mention, "basedIn", self._country(desc.country), desc.start))
        for pair in doc._.pairs or []:  # "les deux alliés japonais", "the two Japanese carmakers"
            if pair.country and sent.start <= pair.start < sent.end:
                country = self._country(pair.country)
                out += [self._fact(sent, m, "basedIn", country, pair.start) for m in (pair.first, pair.second)]
        in_sentence = sorted({m for m in self._starting_in(sent, mention_at)}, key=lambda m: (m.start, m.iri))
        for mention in in_sentence:
            if mention.via == "description" and mention.country:
                out.append(self._fact(sent, mention, "basedIn", self._country(mention.country), mention.start))
            if mention.kind == "Alliance":
                text = doc[mention.start : mention.end].text
                for part in sorted(set(text.replace("-", " ").split())):
                    member = self.kb.lookup(part)
                    if member is not None and member.is_organisation and member.iri != mention.iri:
                        m = Mention(mention.start, mention.end, member.iri, member.name, member.kind)
                        out.append(self._fact(sent, m, "memberOf", mention, mention.start))
        for mention in self._technologies_in(sent, in_sentence, mention_at):
            holder = self._holder(doc[mention.start : mention.end], mention_at) or self._possessor(doc, mention)
            for org in self._with_listed(doc, mention, holder, mention_at):
                out.append(self._fact(sent, org, "developsTechnology", mention, mention.start))
        out += self._adjective_facts(sent, mention_at)
        out += self._genitive_units(sent, in_sentence, mention_at)
        return [r for r in out if r is not None]

    def _index(self, doc: Doc, mention_at: dict[int, Mention]) -> tuple:
        """Return (``mention_at``, its values' starts sorted, (start, place, mention) sorted, LOWER of each token,
        the descriptions' starts sorted, (start, place, description) sorted, and the same two for the document's
        technology mentions, those a description hides in ``mention_at`` included).

        Made once per document (per ``mention_at``, which the relation finder does not change while
        it reads the sentences): the sentences then read their share instead of the whole document.
        """
        if self._doc_index is None or self._doc_index[0] is not mention_at:
            entries = sorted((m.start, k, m) for k, m in enumerate(mention_at.values()))
            descriptions = sorted((d.start, k, d) for k, d in enumerate(doc._.descriptions or []))
            techs = sorted((m.start, k, m) for k, m in enumerate(doc._.mentions or []) if m.kind == "Technology")
            self._doc_index = (
                mention_at, [e[0] for e in entries], entries, doc.to_array(LOWER).tolist(),
                [e[0] for e in descriptions], descriptions, [e[0] for e in techs], techs,
            )
        return self._doc_index

    def _technologies_in(self, sent: Span, in_sentence: list[Mention], mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the technology mentions that start in ``sent``, with those a description covers.

        "the Kyoto-based battery maker" stands for GS Yuasa in ``mention_at``, which hides the technology
        "battery" inside it; the document's own mention list still has it.
        """
        found = {(m.start, m.iri): m for m in in_sentence if m.kind == "Technology"}
        starts, techs = self._index(sent.doc, mention_at)[6:8]
        for _, _, m in techs[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]:
            found.setdefault((m.start, m.iri), m)
        return [found[k] for k in sorted(found)]

    def _descriptions_in(self, sent: Span, mention_at: dict[int, Mention]) -> list:
        """Return the descriptions of the document (``doc._.descriptions``) that start in ``sent``, in their order."""
        index = self._index(sent.doc, mention_at)
        starts, entries = index[4], index[5]
        found = entries[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        return [d for _, _, d in sorted(found, key=lambda e: e[1])]

    def _starting_in(self, sent: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the values of ``mention_at`` that start in ``sent``, in the map's order."""
        _, starts, entries = self._index(sent.doc, mention_at)[:3]
        found = entries[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        return [m for _, _, m in sorted(found, key=lambda e: e[1])]

    def _genitive_units(self, sent: Span, mentions: list[Mention], mention_at: dict[int, Mention]) -> list:
        """Return subsidiaryOf for "Alphabet's Waymo, which ...": a company named as another's, alone.

        Only when nothing follows the second name but punctuation or a clause word: "Nissan's Renault
        stake" or "Volkswagen's Audi brand" are read by their nouns, not here.
        """
        doc, out = sent.doc, []
        for mention in mentions:
            owned = owned_after(doc, mention, mention_at)
            if owned is None or owned.end > sent.end:
                continue
            nxt = doc_tokens(doc)[owned.end] if owned.end < sent.end else None
            if nxt is None or nxt.is_punct or nxt.lower_ in GENITIVE_FOLLOWERS:
                out.append(self._fact(sent, owned, "subsidiaryOf", mention, mention.end))
        return out

    def _adjective_facts(self, sent: Span, mention_at: dict[int, Mention]) -> list[Relation | None]:
        """Return what a unit's adjective says it makes: "Ampere, la filiale électrique de Renault"."""
        doc = sent.doc
        out: list[Relation | None] = []
        lowers = self._index(doc, mention_at)[3]
        for i in range(sent.start, sent.end):
            if lowers[i] not in self._holder_ids:  # a word of adjective_holders (hash of its LOWER)
                continue
            holder = doc_tokens(doc)[i]
            if self.adjective_after:
                near = doc[holder.i + 1 : holder.i + 2]
            else:
                near = doc[max(sent.start, holder.i - 1) : holder.i]
            for adjective in near:
                if adjective.i in mention_at or adjective.lower_ not in self.adjectives:
                    continue
                after = adjective.i + 1 if self.adjective_after else holder.i + 1
                if after in mention_at and mention_at[after].is_organisation:
                    referent = mention_at[after]  # "sa filiale logicielle Cariad"
                else:
                    referent = self._referent(holder, mention_at)
                if referent is None:
                    continue
                for name in self.adjectives[adjective.lower_]:
                    entity = self.kb.lookup(name)
                    if entity is not None:
                        tech = Mention(-1, -1, entity.iri, entity.name, "Technology")
                        out.append(self._fact(sent, referent, "developsTechnology", tech, holder.i))
        return out

    def _country(self, iri: str) -> Mention:
        entity = self.kb.get(iri)
        return Mention(-1, -1, iri, entity.name if entity else iri, "Country")

    @staticmethod
    def _fact(sent: Span, subj: Mention, predicate: str, obj: Mention, at: int) -> Relation | None:
        if subj.iri == obj.iri or not subj.is_organisation:
            return None
        start, end = trimmed(sent)
        return Relation(subj, predicate, obj, "affirmed", "asserted", None, None, start, end, at)
