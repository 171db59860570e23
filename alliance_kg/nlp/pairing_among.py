"""Names counted among a company's partners, customers or rivals: "X counts A, B and C among its partners".

:class:`AmongPairs` is a mixin of :class:`~alliance_kg.nlp.pairing.PairReader`.
The frame is read from the words, with or without a parse (the French parse
often hangs « parmi ses clients » on a name): a counting verb (cue
``count_verbs``: "counts", « compte »), the names it counts, then "among" /
« parmi » (cue ``among_words``), a possessive and the trigger noun; or the
names after the noun (« compte parmi ses clients Stellantis et Volkswagen »).
The possessive is the company before the verb; the trigger's ``poss`` role
says which side it stands on (the owner of "its customers" supplies them,
the owner of "its suppliers" is supplied).
"""

from __future__ import annotations

from spacy.tokens import Span

from alliance_kg.kb import normalize
from alliance_kg.lexicon import Lexicon, Trigger
from alliance_kg.nlp.doctable import doc_lowers, doc_tokens
from alliance_kg.nlp.spans import Mention

CLAUSE_ENDS = {";", ":", ".", "qui", "que", "dont", "which", "who", "that", "while", "tandis"}
MODIFIER_REACH = 3  # "among its oldest automotive customers": words between the possessive and the noun


class AmongPairs:
    """Mixin: the parties of a trigger noun after "among its" / « parmi ses »."""

    def _learn_among(self, lexicon: Lexicon, lang: str) -> None:
        """Read the frame's words from the lexicon (the possessives are the reader's own)."""
        self.among_words = lexicon.cues(lang, "among_words", raw=True)
        self.count_verbs = lexicon.cues(lang, "count_verbs", raw=True)

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
            if k in mention_at or not doc_tokens(doc)[k].is_alpha:
                return None
            k -= 1
        if normalize(lowers[k]) not in self.possessives or k - 1 < sent.start:
            return None
        among = k - 1
        if lowers[among] not in self.among_words:
            return None
        verb = next((j for j in range(among - 1, sent.start - 1, -1) if lowers[j] in self.count_verbs), None)
        if verb is None:
            return None
        owner = next(
            (mention_at[j] for j in range(verb - 1, sent.start - 1, -1)
             if j in mention_at and mention_at[j].is_organisation),
            None,
        )
        if owner is None:
            return None
        named = self._organisations(lowers, range(verb + 1, among), mention_at)
        if not named:  # « compte parmi ses clients dans l'électrification Stellantis et le groupe Volkswagen »
            named = self._organisations(lowers, range(span.end, sent.end), mention_at, clause=True)
        named = [m for m in named if m.iri != owner.iri]
        owner_is_subject = trig.symmetric_frame or "poss" in trig.subject_roles
        return [
            (trig.predicate, owner, m) if owner_is_subject else (trig.predicate, m, owner)
            for m in named
        ]

    @staticmethod
    def _organisations(lowers, positions: range, mention_at: dict[int, Mention], clause: bool = False) -> list:
        """Return the companies named at these positions, once each; with ``clause``, up to the clause's end."""
        found: list[Mention] = []
        for i in positions:
            if clause and (lowers[i] in CLAUSE_ENDS or found and lowers[i] in (",", "mais", "but")):
                break
            mention = mention_at.get(i)
            if mention is not None and mention.is_organisation and mention not in found:
                found.append(mention)
        return found
