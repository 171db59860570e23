"""Word-order fallbacks of the relation finder, for sentences whose parse lost an argument.

A mixin of :class:`alliance_kg.nlp.relations.RelationFinder`: the customers
named after a supply verb, the technologies named after a know-how trigger,
and the antecedent of a relative clause the parse took a subject from.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.nlp.spans import Mention


class WordOrderFallbacks:
    """Mixin: arguments read from word order where the parse lost them (see the module docstring)."""

    def _bare_names_after(self, span: Span, mention_at: dict[int, Mention], allowed: tuple[str, ...],
                          reach: int = 25) -> list[Mention]:
        """Return the organisations after a verb, in its clause, that no other preposition introduces."""
        doc, found = span.doc, {}
        for i in range(span.end, min(span.sent.end, span.end + reach)):
            clause = doc_lowers(doc)[i] in ("qui", "que", "dont", "which", "that") and doc_lowers(doc)[i - 1] != "ainsi"
            if doc_texts(doc)[i] in (";", ":", ".", "«", "»") or clause:
                break
            mention = mention_at.get(i)
            if mention is None or mention.start != i or not mention.is_organisation:
                continue
            j = i - 1
            while j > span.end and j in mention_at and mention_at[j].iri == mention.iri:
                j -= 1  # "et avec l'équipementier français Valeo": the preposition before the description
            before = doc_lowers(doc)[j] if j >= 0 else ""
            case = self._case_of(doc_tokens(doc)[i])
            if before in ("de", "d'", "d’", "du", "des", "par", "avec", "chez", "dans") or (
                case and case not in allowed and case not in ("ainsi que", "et")
            ):
                continue
            found.setdefault(mention.iri, mention)
        return list(found.values())

    @staticmethod
    def _technologies_after(span: Span, mention_at: dict[int, Mention], reach: int = 12) -> list[Mention]:
        """Return the technologies named in the words after a trigger, up to the end of its clause."""
        doc, found = span.doc, {}
        for i in range(span.end, min(span.sent.end, span.end + reach)):
            if doc_texts(doc)[i] in (";", ":", ".", "«", "»") or doc_lowers(doc)[i] in ("qui", "que", "which", "that"):
                break
            mention = mention_at.get(i)
            if mention is not None and mention.kind == "Technology":
                found.setdefault(mention.iri, mention)
        return list(found.values())

    @staticmethod
    def _outside_relative(anchor: Token, subjects: list[Mention], mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the subjects, or the antecedent when the parse took them from a closed relative clause.

        "Geely, qui contrôle Volvo Cars, Polestar et Zeekr, cherche des partenaires": the parse may make
        Volvo Cars the subject of "cherche"; by word order the clause "qui ... ," closes before the verb.
        """
        if not subjects or anchor.pos_ not in ("VERB", "AUX"):
            return subjects
        doc, sent = anchor.doc, anchor.sent
        closing = next((i for i in range(anchor.i - 1, sent.start, -1) if doc_texts(doc)[i] == ","), None)
        if closing is None:
            return subjects
        opener = next(
            (i for i in range(closing - 1, sent.start + 1, -1)
             if doc_lowers(doc)[i] in ("qui", "which", "who") and doc_texts(doc)[i - 1] == ","),
            None,
        )
        if opener is None or (opener - 2) not in mention_at:
            return subjects
        if all(opener < m.start < closing for m in subjects):
            return [mention_at[opener - 2]]
        return subjects
