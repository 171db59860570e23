"""Where a name stands in the words around a trigger: under an owner noun, after "à"/"to", after "de".

:class:`NamePlaces` is a mixin of :class:`~alliance_kg.nlp.pairing.PairReader`
(and serves :class:`~alliance_kg.nlp.pairing_symmetric.SymmetricPairs`; it
reads the finder's ``owner_nouns``): a name governed by the owner noun of an
apposition ("maison mère de", "parent of"), a name introduced by "à"/"to"
over its description ("au sud-coréen LG"), and the companies of the noun
phrase "de [det adj noun ...] X et Y" right after a trigger.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alliance_kg.nlp.doctable import doc_lowers, doc_tokens
from alliance_kg.nlp.spans import Mention


class NamePlaces:
    """Mixin: the places of names in the words around a trigger (see the module docstring)."""

    owner_nouns: frozenset[str]

    def _in_apposition(self, anchor: Token, mention: Mention, mention_at: dict[int, Mention]) -> bool:
        """Return True when ``mention`` is governed by an owner noun of an apposition ("maison mère de",
        "propriétaire des marques X, Y et", "parent of"), read leftwards over listed names."""
        doc, sent = anchor.doc, anchor.sent
        i, words = mention.start - 1, 0
        while i > sent.start and words < 6:
            if i in mention_at:
                i = min(i, mention_at[i].start) - 1  # a description maps to a name after it: never go back
                continue
            token = doc_tokens(doc)[i]
            if token.text in (":", ";", "(", ")") or token.pos_ in ("VERB", "AUX"):
                return False
            if token.text == "," and doc_lowers(doc)[i + 1] in ("et", "and", "ou", "or"):
                return False  # ", et Volvo Group": the apposition closed before
            if token.lower_ in self.owner_nouns:
                return i != anchor.i and not (i < anchor.i < mention.start)
            if token.text != ",":
                words += 1
            i -= 1
        return False

    @staticmethod
    def _recipient(doc, mention: Mention) -> bool:
        """Return True when "à"/"to" introduces the mention, maybe over its description ("au sud-coréen LG")."""
        i = mention.start - 1
        for _ in range(4):
            if i < 0:
                return False
            word = doc_lowers(doc)[i]
            if word in ("à", "au", "aux", "to"):
                return True
            token = doc_tokens(doc)[i]
            if not (token.pos_ in ("DET", "ADJ", "NOUN") and token.is_lower) or word in ("de", "du", "des", "of"):
                return False
            i -= 1
        return False

    @staticmethod
    def _names_of(span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the companies of the noun phrase "de [det adj noun ...] X et Y" right after ``span``."""
        doc, sent = span.doc, span.sent
        i = span.end
        if i >= sent.end or doc_lowers(doc)[i] not in ("de", "d'", "d’", "des", "du", "of"):
            return []
        found: list[Mention] = []
        while i < sent.end:
            mention = mention_at.get(i)
            if mention is not None:
                if mention.is_organisation and mention not in found:
                    found.append(mention)
                i = max(i + 1, mention.end)
                continue
            token = doc_tokens(doc)[i]
            if token.text == "," and i + 1 in mention_at:
                i += 1
                continue
            if token.pos_ not in ("DET", "ADJ", "NOUN", "ADP", "CCONJ", "NUM") or token.lower_ in (
                "avec", "with", "entre", "between", "dans", "in", "à", "en"
            ):
                break
            i += 1
        return found
