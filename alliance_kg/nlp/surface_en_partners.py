"""The participants of English symmetric triggers read from word order: partners named around the trigger.

:class:`EnglishPartners` gives :class:`~alliance_kg.nlp.surface_en.EnglishSurfaceReader`
the two sides of a partnership, venture or rivalry: "with X" before the
trigger ("GM makes cells with LG through their Ultium Cells joint venture"),
"deal"/"memorandum" only with the partner named after "with", "the merger
between Volvo and Polestar" (they alone are the parties), the venture named
after a comma ("set up a joint venture, Zenuity"), the possessor of "its
partner"/"Toyota's venture with FAW", "competition from X and from Y", and
no partner at all for "with local partners".
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from alliance_kg.lexicon import Lexicon, Trigger
from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.surface_en_phrases import CLAUSE_STOPS
from alliance_kg.nlp.surface_en_subjects import EnglishSubjects
from alliance_kg.nlp.surface_words import inflections

# "X had considered joining the merger of Y and Z", "X is not part of the talks between Y and Z": X takes part
# an auxiliary right after a trigger noun makes the noun its clause's subject ("the venture will compete with")
FINITE_AFTER_SUBJECT = {"will", "would", "could", "can", "may", "might", "should", "must", "is", "was", "has", "had"}
JOIN_WORDS = {"join", "joins", "joined", "joining", "part", "participate", "participates", "participating", "include"}


class EnglishPartners(EnglishSubjects):
    """Participants of symmetric triggers for the English surface reader (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, lang: str = "en") -> None:
        super().__init__(lexicon, lang)
        self.with_nouns = {  # "deal", "memorandum": a partnership only with the partner named right after "with"
            form
            for t in lexicon.all_triggers(lang)
            if t.pos == "NOUN" and t.symmetric_frame and t.requires == "with"
            for form in inflections(t.lemma, t.pos, lang)
        }
        self.venture_nouns = {  # "venture", "joint venture": the nouns a possessor co-owns
            form.split()[-1]
            for t in lexicon.all_triggers(lang)
            if t.predicate == "jointVenture" and t.pos == "NOUN"
            for form in inflections(t.lemma, t.pos, lang)
        }
        self.rivalry_words = {
            form
            for t in lexicon.all_triggers(lang)
            if t.predicate == "competesWith" and t.symmetric_frame
            for form in inflections(t.lemma, t.pos, lang)
        }

    def one_each(self, span: Span, trig: Trigger) -> bool:
        """Return True for a plural noun ("ventures with X and Y") or a verb ("is building plants with X and Y"):
        the names after it are each the subject's partner, not each other's."""
        return trig.pos == "VERB" or (trig.pos == "NOUN" and span[-1].lower_.endswith("s"))

    @staticmethod
    def _unnamed_with(span: Span, mention_at: dict[int, Mention], reach: int = 5) -> bool:
        """Return True for a plural noun after "with" and words that name no company ("with local partners")."""
        if not span[-1].lower_.endswith("s") or span.end < len(span.doc) and doc_lowers(span.doc)[span.end] == "of":
            return False
        doc = span.doc
        for j in range(span.start - 1, max(span.sent.start, span.start - reach) - 1, -1):
            if j in mention_at or doc_tokens(doc)[j].is_punct:
                return False
            if doc_lowers(doc)[j] == "with":
                return True
        return False

    def participants(self, span: Span, mention_at, mentions) -> tuple[list[Mention], list[Mention]]:
        """Return the participants of a symmetric trigger, with "with X" before it and "from X" for rivals."""
        left, right = super().participants(span, mention_at, mentions)
        self._clause_subjects = (span.doc, span.start, list(left))
        if self._unnamed_with(span, mention_at):
            return [], []  # "with local partners" (a noun, whatever the verb entry of the same word says)
        if span.text.lower() in self.with_nouns:
            partners = self._with_partners(span, mention_at)
            if not partners:
                return [], []  # "the deal would help the group compete with BYD": no partner of the deal
            right = [m for m in right if m in partners or m.kind in ("JointVenture", "Alliance")]
        doc, sent = span.doc, span.sent
        subject_noun = span[-1].lower_ not in self.verb_forms
        if subject_noun and span.end < sent.end and doc[span.end].lower_ in FINITE_AFTER_SUBJECT:
            right = []  # "the venture will compete with Nidec and Bosch": the noun is the subject, not the tie
        parties = [m for m, prep in self.tail(span, mention_at) if prep in ("between", "of") and m.is_organisation]
        joins = left and any(t.lower_ in JOIN_WORDS for t in span.doc[left[-1].end : span.start])
        if len({m.iri for m in parties}) > 1 and not joins:
            left = []  # "Geely scrapped the merger between Volvo and Polestar": they alone are the parties
            named = self.appositive_name(span, mention_at) if span[-1].lower_ in self.venture_nouns else None
            if named is not None and named.iri not in {m.iri for m in parties}:
                # "Ultium Cells, a joint venture between GM and LG Energy Solution": the venture itself
                right = [m for m in right if m.iri != named.iri] + [replace(named, kind="JointVenture")]
        plural = span[-1].lower_.endswith(("s", "x"))
        if plural and not left:
            return [], []  # "ventures with SAIC and FAW": one venture each with someone unnamed
        owner = self._genitive_owner(span, mention_at) if span[-1].lower_ in self.venture_nouns else None
        if owner is not None and owner.iri not in {m.iri for m in left + right}:
            left.append(owner)  # "FAW Toyota, Toyota's manufacturing venture with FAW": the possessor is a party
        taken = {m.iri for m in left + right}
        i = max((m.end for m in left if m.end <= span.start), default=span.start)
        stops = [k for k in range(i, span.start) if doc_lowers(doc)[k] in CLAUSE_STOPS or doc_texts(doc)[k] in ";."]
        i = stops[-1] + 1 if stops else i  # "Nissan, which declined to join Horse, is in talks with Honda about ..."
        while i < span.start:
            if doc_lowers(doc)[i] == "with":
                j = i + 1
                toks = doc_tokens(doc)
                while j < span.start and j not in mention_at and (toks[j].is_lower or toks[j].text == "-"):
                    j += 1
                mention = mention_at.get(j)
                if j < span.start and mention is not None and mention.is_organisation and mention.iri not in taken:
                    right.append(mention)
                    taken.add(mention.iri)
            i += 1
        at = self._possessive(span, mention_at, reach=8)
        if at is not None and at - 2 >= sent.start and doc_texts(doc)[at - 1] == "," and at - 2 in mention_at:
            named = mention_at[at - 2]  # "LG Energy Solution, its partner in the Ultium Cells joint venture"
            if named.is_organisation and named.iri not in taken:
                right.append(named)
                taken.add(named.iri)
            owner = self._owner_of_possessive(at, span, mention_at, mentions, [named])
            if owner is not None and owner.iri not in taken:  # "its" is the other partner
                left.append(owner)
                taken.add(owner.iri)
        if span.text.lower() in self.rivalry_words:  # "competition from X and from Y"
            right += [m for m, prep in self.tail(span, mention_at) if prep == "from" and m.iri not in taken]
        right += [m for m in self._relative_partners(span, mention_at) if m.iri not in taken]
        right += [m for m in self._hyphenated_names(span, mention_at) if m.iri not in {x.iri for x in right} | taken]
        after = span.end
        if span[-1].lower_ in self.venture_nouns and after + 1 < sent.end and doc[after].text == ",":
            named = mention_at.get(after + 1)  # "set up a joint venture, Zenuity, in 2017": the venture itself
            if named is not None and named.start == after + 1 and named.kind in ("Organisation", "Company"):
                right = [replace(m, kind="JointVenture") if m is named else m for m in right]
        return left, right
