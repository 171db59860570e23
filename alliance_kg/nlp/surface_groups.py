"""The groups of mentions around a trigger read from word order: the clause's subject, the names after it.

:class:`MentionGroups` is a mixin of :class:`~alliance_kg.nlp.surface.SurfaceReader`
(it reads the reader's ``clause_stops``, ``preps`` and ``legal_forms`` and
asks its ``is_clause_stop``): the coordinated names that open the clause
("Volkswagen and Xpeng will ..."), the name a relative pronoun or an
apposition stands for ("Xpeng, in which ...", "Exor, the family's holding
company, which"), what "it"/"they" stands for, and the names right after a
word.
"""

from __future__ import annotations

from spacy.tokens import Span

from alliance_kg.nlp.anaphora import previous_subject
from alliance_kg.nlp.doctable import doc_lowers, doc_texts
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.surface_bounds import PhraseBounds
from alliance_kg.nlp.surface_words import FILLER, LINKS


class MentionGroups(PhraseBounds):
    """Mixin: the coordinated mentions before and after a position, and what pronouns stand for."""

    clause_stops: frozenset[str]
    preps: set[str]
    legal_forms: frozenset[str]

    def left_group(self, start: int, sent: Span, mention_at: dict[int, Mention], reach: int = 25) -> list[Mention]:
        """Return the subject group of the clause that ends at ``start``.

        English puts the subject first: the first coordinated group of
        organisation mentions after the clause's start ("Volkswagen will
        invest ... in Xpeng for a stake" -> Volkswagen). A clause opened by
        "which"/"qui" takes the mention just before it.
        """
        doc = sent.doc
        low, stops = doc_lowers(doc), self.clause_stops
        begin = max(sent.start, start - reach)
        relative: Mention | None = None
        for i in range(start - 1, begin - 1, -1):
            # a clause stop is one of clause_stops (is_clause_stop may refuse some: "has since sold")
            if low[i] in stops and self.is_clause_stop(doc, i) and i not in mention_at:
                if low[i] in ("which", "who", "that", "qui"):
                    relative = self.antecedent(i, sent, mention_at)
                begin = i + 1
                break
        i = begin
        texts = doc_texts(doc)
        while i < start and (
            i not in mention_at
            or not mention_at[i].is_organisation
            # "Geely-owned Volvo Cars said ...": the owner in the compound is a modifier, the subject follows
            or (texts[mention_at[i].end : mention_at[i].end + 1] == ["-"] and mention_at[i].end + 1 < start
                and low[mention_at[i].end + 1] in self.owner_participles)
        ):
            i += 1
        if i >= start:  # no name in the clause: a relative pronoun or "it"/"they" stands for it
            if relative is not None and not self._has_pronoun(doc[begin:start]):
                return [relative]
            return self._pronoun_subject(doc[begin:start], sent, mention_at)
        group: list[Mention] = []
        while i < start and i in mention_at and mention_at[i].is_organisation:
            mention = mention_at[i]
            if mention not in group:
                group.append(mention)
            i = max(i + 1, mention.end)  # a stand-in mention may end before i
            j = i
            while j < start and low[j] in LINKS:
                j += 1
            possessed = j + 2 < start and low[j] in self.possessive_words and doc_texts(doc)[j + 1].islower()
            if j > i and possessed and j + 2 in mention_at:
                j += 2  # "Hyundai Motor and its affiliate Kia will invest": the affiliate is in the group
            if j == i or j not in mention_at:
                break
            i = j
        return group

    def antecedent(self, i: int, sent: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the name a relative pronoun at ``i`` refers to ("Xpeng, in which ...")."""
        j = i - 1
        if j >= sent.start and doc_lowers(sent.doc)[j] in self.preps:
            j -= 1
        if j >= sent.start and doc_texts(sent.doc)[j] == ",":
            j -= 1
        if j >= sent.start and j in mention_at and mention_at[j].is_organisation:
            return mention_at[j]
        if j + 1 < i and sent.doc[j + 1].text == ",":
            return self.apposition_head(j + 1, sent, mention_at)  # "Exor, the family's holding company, which"
        return None

    def apposition_head(self, comma: int, sent: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return X of "X, the/a ... NOUN," closed at ``comma``: the name an apposition describes."""
        doc = sent.doc
        j = comma - 1
        while j > sent.start and comma - j < 9 and doc[j].text != "," and j not in mention_at:
            j -= 1
        if j in mention_at and mention_at[j].via == "description" and mention_at[j].is_organisation:
            return mention_at[j]
        k = j - 1
        while k > sent.start and doc[k].lower_.rstrip(".") in self.legal_forms and k not in mention_at:
            k -= 1  # "Exor NV, the ...": the name before its legal form
        if doc[j].text == "," and k in mention_at and doc[j + 1].lower_ in ("the", "a", "an", "its", "their"):
            return mention_at[k] if mention_at[k].is_organisation else None
        return None

    def _has_pronoun(self, words: Span) -> bool:
        pronouns = {"it", "they", "il", "elle", "ils", "elles"}
        return any(t.lower_ in pronouns for t in words)

    def _pronoun_subject(self, words: Span, sent: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return what "it"/"they" at the head of a clause stands for: the sentence's first organisation."""
        if not self._has_pronoun(words):
            return []
        for i in range(sent.start, words.start):
            if i in mention_at and mention_at[i].is_organisation:
                return [mention_at[i]]
        if words.start == sent.start or all(not t.is_alpha or t.lower_ in ("it", "they") for t in words):
            # "Toyota has long used cross-holdings. It owns 20% of Subaru": the company the text is about
            named = sorted({m for m in mention_at.values() if m.is_organisation}, key=lambda m: (m.start, m.iri))
            antecedent = previous_subject(sent.doc, words.start, named)
            return [antecedent] if antecedent is not None else []
        return []

    def right_group(self, start: int, sent: Span, mention_at: dict[int, Mention], reach: int = 8) -> list[Mention]:
        """Return the coordinated mentions that start closest after ``start``."""
        doc = sent.doc
        group: list[Mention] = []
        i = start
        while i < min(sent.end, start + reach) or (group and i < sent.end):
            mention = mention_at.get(i)
            if mention is not None:
                group.append(mention)
                i = max(i + 1, mention.end)
                j = i
                while j < sent.end and doc_lowers(doc)[j] in LINKS | FILLER:
                    j += 1
                if j < sent.end and j in mention_at and j > i:
                    i = j
                    continue
                break
            if doc_lowers(doc)[i] in self.clause_stops or doc_texts(doc)[i] in ".!?":
                break
            i += 1
        return group

    @staticmethod
    def _closing_bracket(doc, i: int, end: int, mention_at) -> int | None:
        """Return where the bracket opened at ``i`` closes, if it holds no name and closes within a few words."""
        texts = doc_texts(doc)
        for k in range(i + 1, min(end, i + 12)):
            if k in mention_at:
                return None
            if texts[k] == ")":
                return k
        return None
