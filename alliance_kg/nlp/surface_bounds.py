"""Where a noun phrase read from the words begins and ends: appositions, lists, the next clause.

:class:`PhraseBounds` is a mixin of :class:`~alliance_kg.nlp.surface.SurfaceReader`
(it reads the reader's cue sets: ``unit_words``, ``conjunctions``,
``clause_verbs``): "X, a rival of Y" describes X, "Daimler Truck, maison mère
de Freightliner, et Volvo Group" closes an apposition, "the Alphabet unit" is
no company.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.spans import before_brackets

# determiners that open an apposition after a name: ", a rival of", ", l'allié de"
APPOSITION_DETERMINERS = frozenset({"a", "an", "the", "its", "un", "une", "le", "la", "l'", "l’", "son", "sa"})


class PhraseBounds:
    """Mixin: the boundaries of apposition and list phrases, read from the words."""

    lang: str
    unit_words: frozenset[str]
    conjunctions: frozenset[str]
    clause_verbs: frozenset[str]

    def _names_a_unit(self, doc: Doc, mention: Mention) -> bool:
        """Return True for an English name used before a unit noun ("the Alphabet unit", "any other SAIC business")."""
        return (
            self.lang == "en"
            and mention.is_organisation
            and mention.end < len(doc)
            and doc_lowers(doc)[mention.end] in self.unit_words
        )

    def _apposition_follows(self, doc: Doc, i: int, end: int) -> bool:
        """Return True for ", a [words] noun of" at ``i``: an apposition whose complement names another company."""
        if i + 2 >= end or doc_texts(doc)[i] != "," or doc_lowers(doc)[i + 1] not in APPOSITION_DETERMINERS:
            return False
        for j in range(i + 2, min(end - 1, i + 5)):
            if not doc_tokens(doc)[j].is_lower or doc_lowers(doc)[j] in self.conjunctions:
                return False
            if doc_lowers(doc)[j + 1] in ("of", "de", "du", "des", "d'", "d’"):
                return True  # ", the owner of", ", a longtime rival of", ", l'allié de"
        return False

    @staticmethod
    def _list_resumes(doc: Doc, i: int, end: int, mention_at: dict[int, Mention]) -> int:
        """Return where a list goes on after the apposition at ``i`` (", and NAME"), or ``end``.

        After the comma that closes the apposition, a few words may come first: "in which Samsung SDI, the
        battery arm of Samsung, holds 51% and Stellantis ..." (not "and Ram" inside "the maker of Jeep and Ram").
        """
        closed = 0
        for j in range(i + 1, min(end - 2, i + 18)):
            if j >= i + 12 and not closed:
                break
            if doc_texts(doc)[j] == "," and doc_lowers(doc)[j + 1] in ("and", "et") and (j + 2) in mention_at:
                return j + 2
            if doc_texts(doc)[j] in (";", ":", "(", ")"):
                break
            if doc_texts(doc)[j] == ",":
                closed = j
            elif closed and j - closed <= 5 and doc_lowers(doc)[j] in ("and", "et") and (j + 1) in mention_at:
                return j + 1
        return end

    @staticmethod
    def _next_subject(token: Token, span: Span) -> bool:
        """Return True for the subject of a verb after it that does not govern the trigger: another clause."""
        verb = token.head
        return (
            token.dep_.startswith("nsubj")
            and verb.i > token.i
            and verb.pos_ in ("VERB", "AUX")
            and not any(a.i == verb.i for a in span.root.ancestors)
        )

    @staticmethod
    def _opens_apposition(span: Span, mention_at: dict[int, Mention]) -> bool:
        """Return True when the trigger opens an apposition to the name before it ("Daimler Truck, la maison mère")."""
        doc, i = span.doc, span.start - 1
        while i > span.sent.start and doc_tokens(doc)[i].pos_ == "DET":
            i -= 1
        return i > span.sent.start and doc_texts(doc)[i] == "," and i - 1 in mention_at

    def _opens_clause(self, doc: Doc, mention: Mention) -> bool:
        """Return True for ", NAME has/is/will ...": the name is the subject of a comma-spliced clause."""
        if (
            not self.clause_verbs or mention.start <= 0 or mention.end >= len(doc)
            or doc_texts(doc)[mention.start - 1] != ","
        ):
            return False
        word = doc_tokens(doc)[mention.end]
        past = word.is_lower and word.text.endswith("ed") and len(word) > 4  # ", Stellantis formed one"
        return word.lower_ in self.clause_verbs or past

    # -- arguments ----------------------------------------------------------

    def appositive_name(self, span: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the name before "NAME, its/the [words] TRIGGER" (an apposition), if any."""
        doc = span.doc
        i = span.start - 1
        steps = 0
        while (
            i > span.sent.start
            and doc_texts(doc)[i] != ","
            and (i not in mention_at or not mention_at[i].is_organisation)  # "the battery unit": a technology
            and steps < 4
        ):
            i, steps = i - 1, steps + 1
        j = before_brackets(doc, i - 1) if i > span.sent.start else i - 1  # "Iveco Defence Vehicles (IDV), the"
        if i > span.sent.start and doc_texts(doc)[i] == "," and j in mention_at:
            if any(t.lower_ in self.clause_verbs for t in doc_tokens(doc)[i + 1 : span.start]):
                return None  # "Geely, which ... Nissan, is deepening its partnership": a verb, not an apposition
            return mention_at[j]
        return None

    @staticmethod
    def listed_before(doc: Doc, named: Mention, mention_at: dict[int, Mention], noun: Span) -> list[Mention]:
        """Return ``named`` and, before a plural noun, the names coordinated before it: "Nissan and Honda,
        Toyota's rivals" (but "Renault and Nissan, Mitsubishi's shareholder": Nissan alone)."""
        if not noun[-1].lower_.endswith("s"):
            return [named]
        return PhraseBounds.with_coordinated(named, doc, mention_at)

    @staticmethod
    def with_coordinated(mention: Mention, doc: Doc, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return ``mention`` with the names coordinated before it ("Renault and Nissan, which ...")."""
        group = [mention]
        i = mention.start - 1
        while i >= 1 and doc_lowers(doc)[i] in ("and", "et", ",") and i - 1 in mention_at:
            before = mention_at[i - 1]
            if not before.is_organisation or before in group:
                break
            group.insert(0, before)
            i = before.start - 1
        return group
