"""Whether an English sentence keeps or ends a holding: a possessed stake, a sold unit.

:class:`EnglishHoldings` gives :class:`~alliance_kg.nlp.surface_en_qualify.EnglishQualifying`
the qualifiers of a holding the sentence names: "its stake in Nissan" is
asserted whatever is planned for it, only the sale of the whole of it ends it
("sold its stake", not "sold part of its stake" or "cut its stake to 15%");
"sold the 1.5% it held in Renault" and "sold its autonomous unit, ATG, to
Aurora" are holdings that end.
"""

from __future__ import annotations

from spacy.tokens import Span

from alliance_kg.lexicon import load_lexicon
from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.qualifiers import Qualifiers
from alliance_kg.nlp.surface_en_frames import EnglishFrames
from alliance_kg.nlp.surface_en_phrases import POSSESSIVE_DETERMINERS, STAKE_NOUNS

STAKE_MODIFIERS = {"entire", "whole", "remaining", "existing", "controlling", "majority", "minority", "%", "-"}
STAKE_MODIFIERS |= {"percent", "per", "cent", "equity", "direct", "indirect", "own"}
SELL_VERBS = {"sell", "sells", "sold", "selling", "offload", "offloaded", "divest", "divested", "dispose", "disposed"}
SELL_VERBS |= {"exit", "exits", "exited", "exiting", "unwind", "unwound", "liquidate", "liquidated"}
SELL_VERBS |= {"unload", "unloads", "unloaded", "unloading", "dump", "dumped"}
SALE_NOUNS = load_lexicon().cues("en", "sale_nouns", raw=True)  # "the sale of Daimler's stake"
PARTIAL_WORDS = {"part", "some", "half", "portion", "parts", "most", "cut", "reduce", "reduced", "trim", "trimmed"}


class EnglishHoldings(EnglishFrames):
    """Qualifiers of possessed stakes and sold units for the English surface reader (see the module docstring)."""

    def _sold_unit(self, span: Span, reach: int = 4) -> bool:
        """Return True for a possessed unit that is being sold ("sold its autonomous unit, ATG, to Aurora")."""
        if span.text.lower() not in self.unit_words:
            return False
        lowers = doc_lowers(span.doc)
        for k in range(span.start - 1, max(span.sent.start, span.start - reach) - 1, -1):
            if lowers[k] in POSSESSIVE_DETERMINERS:
                return k > span.sent.start and lowers[k - 1] in SELL_VERBS
        return False

    @staticmethod
    def _sold_holding(span: Span) -> bool:
        """Return True for "held"/"owned" in "sold the 1.5% (that) it held in X": a holding that is sold."""
        doc, sent = span.doc, span.sent
        if span.text.lower() not in ("held", "owned", "had") or span.start < sent.start + 3:
            return False
        i = span.start - 1
        if doc_lowers(doc)[i] not in ("it", "they"):
            return False
        i -= 1
        if doc_lowers(doc)[i] in ("that", "which"):
            i -= 1
        while i > sent.start and (doc_lowers(doc)[i] in STAKE_NOUNS or doc_lowers(doc)[i] in STAKE_MODIFIERS
                                  or doc_tokens(doc)[i].like_num or doc_texts(doc)[i] == "%"):
            i -= 1
        if doc_lowers(doc)[i] in ("the", "its", "their", "all"):
            i -= 1
        return i >= sent.start and doc_lowers(doc)[i] in SELL_VERBS

    def _held_stake(self, span: Span, subject: Mention) -> Qualifiers | None:
        """Qualify a possessed stake ("its stake in Nissan", "Renault's remaining shares in Nissan").

        The possessive says the holding exists: it is asserted whatever is
        planned for it ("will raise its stake", "is not looking to sell its
        shares"); only a sale of the whole of it ends it ("sold its stake",
        "has sold its entire holding"), not a partial one ("sold part of its
        stake", "cut its stake to 15%").
        """
        doc, sent = span.doc, span.sent
        if span.text.lower() not in STAKE_NOUNS or subject.end > span.start:
            return None
        i = span.start - 1
        while i > sent.start and (doc_lowers(doc)[i] in STAKE_MODIFIERS or doc_tokens(doc)[i].like_num):
            i -= 1
        if doc_lowers(doc)[i] not in ("its", "their", "'s", "’s"):
            return None
        window = doc_lowers(doc)[subject.end : i]
        before = doc_lowers(doc)[max(sent.start, subject.start - 2) : subject.start]
        sold = any(w in SELL_VERBS for w in window) or (before[-1:] == ["of"] and before[0] in SALE_NOUNS)
        denied = any(w in ("not", "n't", "never", "no") for w in window)
        low, toks = doc_lowers(doc), doc_tokens(doc)
        to_level = any(  # "to 15%"
            low[k] == "to" and k + 1 < sent.end and toks[k + 1].like_num
            for k in range(span.end, min(sent.end, span.end + 6))
        )
        partial = to_level or any(w in PARTIAL_WORDS for w in window)
        if sold and not denied and not partial:
            return Qualifiers(polarity="negated", modality="asserted")
        return Qualifiers(polarity="affirmed", modality="asserted")
