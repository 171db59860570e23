"""Two frames read from the words: names counted among a company's partners, and owners in compounds.

:class:`WordFrames` is a mixin of :class:`~alliance_kg.nlp.pairing.PairReader`.

"X counts A, B and C among its partners": the frame is read from the words, with or without a parse (the French parse
often hangs « parmi ses clients » on a name): a counting verb (cue
``count_verbs``: "counts", « compte »), the names it counts, then "among" /
« parmi » (cue ``among_words``), a possessive and the trigger noun; or the
names after the noun (« compte parmi ses clients Stellantis et Volkswagen »).
The possessive is the company before the verb; the trigger's ``poss`` role
says which side it stands on (the owner of "its customers" supplies them,
the owner of "its suppliers" is supplied).

"Mobileye, the Intel-controlled company": the name before the hyphen is the
agent of the participle (cue ``owner_participles``), as in "controlled by
Intel"; the company described is the name the phrase is apposed to, or the
name right after it ("the Geely-owned carmaker Volvo Cars").
"""

from __future__ import annotations

from spacy.tokens import Span

from alliance_kg.kb import normalize
from alliance_kg.lexicon import Lexicon, Trigger
from alliance_kg.nlp.doctable import doc_lowers, doc_tokens
from alliance_kg.nlp.spans import Mention

RELATIVE_PRONOUNS = ("qui", "which", "who", "that")
CLAUSE_ENDS = frozenset({";", ":", ".", "qui", "que", "dont", "which", "who", "that", "while", "tandis"})
MODIFIER_REACH = 3  # "among its oldest automotive customers": words between the possessive and the noun


class WordFrames:
    """Mixin: the parties of "counts X among its partners" and of "the Intel-controlled company"."""

    def _learn_frames(self, lexicon: Lexicon, lang: str) -> None:
        """Read the frames' words from the lexicon (the possessives are the reader's own)."""
        self.among_words = lexicon.cues(lang, "among_words", raw=True)
        self.count_verbs = lexicon.cues(lang, "count_verbs", raw=True)
        self.coordinators = lexicon.cues(lang, "coordination", raw=True)
        self.compound_owners = lexicon.cues(lang, "owner_participles", raw=True)

    def _owner_compound_pairs(self, span: Span, trig: Trigger, mention_at: dict[int, Mention]) -> list | None:
        """Return the triples of "X, the Intel-controlled company", or None when the trigger is not so built."""
        doc, sent = span.doc, span.sent
        lowers = doc_lowers(doc)
        if span.start - 2 < sent.start or lowers[span.start - 1] != "-" or lowers[span.start] not in (
            self.compound_owners
        ):
            return None
        owner = mention_at.get(span.start - 2)
        if owner is None or not owner.is_organisation:
            return None
        k = owner.start - 1
        while k > sent.start and doc_tokens(doc)[k].is_alpha and k not in mention_at and k > owner.start - 4:
            k -= 1  # "the", "an"
        described = None
        if k > sent.start and lowers[k] == "," and k - 1 in mention_at:
            described = mention_at[k - 1]  # "Mobileye, the Intel-controlled company"
        else:
            described = next(
                (mention_at[j] for j in range(span.end, min(sent.end, span.end + 4))
                 if j in mention_at and mention_at[j].start == j and mention_at[j].is_organisation),
                None,
            )  # "the Geely-owned carmaker Volvo Cars"
        if described is None or not described.is_organisation or described.iri == owner.iri:
            return []
        # the owner is the participle's agent: the "by" role of a passive row ("X is owned by Y"), else the
        # subject of an active one ("Y owns X")
        passive = "by" in trig.object_roles
        agent_is_subject = "by" in trig.subject_roles or ("subj" in trig.subject_roles and not passive)
        return [(trig.predicate, owner, described) if agent_is_subject else (trig.predicate, described, owner)]

    def _among_pairs(self, span: Span, trig: Trigger, mention_at: dict[int, Mention]) -> list | None:
        """Return the triples of "counts X among its <noun>", or None when the noun is not in that frame."""
        if "poss" not in trig.subject_roles + trig.object_roles and not trig.symmetric_frame:
            return None
        doc, sent = span.doc, span.sent
        lowers = doc_lowers(doc)
        k = span.start - 1
        while k > span.start - 1 - MODIFIER_REACH and k > sent.start and normalize(lowers[k]) not in (
            self.possessives
        ):
            if k in mention_at or not doc_tokens(doc)[k].is_alpha or lowers[k] in self.coordinators:
                return None  # "counts Ford among its investors and works with Toyota": another verb's
            k -= 1
        if normalize(lowers[k]) not in self.possessives or k - 1 < sent.start:
            return None
        among = k - 1
        if lowers[among] not in self.among_words:
            return None
        verb = next((j for j in range(among - 1, sent.start - 1, -1) if lowers[j] in self.count_verbs), None)
        if verb is None:
            return None
        relative = lowers[verb - 1] in RELATIVE_PRONOUNS
        owner = next(
            (mention_at[j] for j in range(verb - 1, sent.start - 1, -1)
             if j in mention_at and mention_at[j].is_organisation
             # after "qui"/"which", the name the relative clause hangs on: "Joby, dans lequel Toyota a investi
             # ... et qui compte Delta parmi ses partenaires" is about Joby
             and (not relative or lowers[mention_at[j].end] in (",", *RELATIVE_PRONOUNS))),
            None,
        )
        if owner is None:
            return None
        named = self._organisations(range(verb + 1, among), mention_at)
        if not named:  # « compte parmi ses clients dans l'électrification Stellantis et le groupe Volkswagen »
            # the list after the noun as the phrase reader reads it ("X, Y et Z", not the relative clause after),
            # else the names up to the clause's end (« parmi ses clients dans l'électrification X et Y »)
            named = [m for m, _ in self.surface.tail(span, mention_at) if m.is_organisation] or self._organisations(
                range(span.end, sent.end), mention_at, stop=CLAUSE_ENDS, lowers=lowers
            )
        named = [m for m in named if m.iri != owner.iri]
        owner_is_subject = trig.symmetric_frame or "poss" in trig.subject_roles
        return [
            (trig.predicate, owner, m) if owner_is_subject else (trig.predicate, m, owner)
            for m in named
        ]

    @staticmethod
    def _organisations(
        positions: range, mention_at: dict[int, Mention], stop: frozenset[str] = frozenset(), lowers=()
    ) -> list[Mention]:
        """Return the companies named at these positions, once each, up to a word of ``stop``."""
        found: list[Mention] = []
        for i in positions:
            if stop and lowers[i] in stop:
                break
            mention = mention_at.get(i)
            if mention is not None and mention.is_organisation and mention not in found:
                found.append(mention)
        return found
