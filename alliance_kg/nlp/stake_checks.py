"""Checks the relation finder makes before it keeps a statement about a stake or a sale.

A stake bought from its seller ("racheter la part de Northvolt dans Novo Energy", "bought Northvolt's
stake in Novo"), the rest of a company bought, a share price that moves ("cédait 0,3 %"), the seller
named "auprès de", a sale of only part of a stake, a stake under negotiation (talks that end end it), and
two sentence-level checks: an indirect question asserts nothing, and an apposition may deny what the
sentence reports.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from alliance_kg.nlp.doctable import doc_lowers, doc_parsed, doc_texts, doc_tokens, morph_values, token_children
from alliance_kg.kb import normalize
from alliance_kg.lexicon import Trigger
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.qualifiers import qualify_parsed
from alliance_kg.nlp.qualifiers_window import denied_by_apposition
from alliance_kg.nlp.spans import GENITIVE_MARKS, unit_nouns
from alliance_kg.nlp.surface_en_holdings import SELL_VERBS
from alliance_kg.nlp.syntax_clauses import head_chain, negator_before_aside

STAKE_IN = ("dans", "in")  # "la part de Northvolt dans Novo Energy", "Northvolt's stake in Novo"
STAKE_OF = ("de", "du", "des", "d'", "d’", "dans", "of", "in")  # "cède 5 % de Nissan", not "cédait 0,3 % et"


CLOSING_QUOTES = frozenset({"»", "\"", "”", "'", "’"})


class StakeChecks:
    """Mixin of :class:`alliance_kg.nlp.relations.RelationFinder` (uses its lexicon cues and mention map)."""

    def _market_move(self, anchor: Token, trig: Trigger) -> bool:
        """Return True for a share price that moves: "Hyundai Mobis cédait 0,3 % et SoftBank gagnait 1,2 %",
        a percentage after a sale verb with no "de"/"dans" company of its own."""
        if trig.polarity != "negated" or trig.predicate != "shareholderOf":
            return False
        doc = anchor.doc
        for i in range(anchor.i + 1, min(anchor.sent.end - 1, anchor.i + 4)):
            if doc_texts(doc)[i] == "%" or doc_lowers(doc)[i] in ("pourcent", "percent"):
                return doc_lowers(doc)[i + 1] not in STAKE_OF
        return False

    @staticmethod
    def _seller_of_acquisition(doc: Doc, predicate: str, obj: Mention) -> bool:
        """Return True for the seller named in "négocier son rachat auprès d'Alphabet": never the company bought."""
        if predicate != "acquires" or obj.start <= 1:
            return False
        before = doc_lowers(doc)[max(0, obj.start - 3) : obj.start]
        return "auprès" in before

    def _denied_after(self, anchor: Token, sent: Span) -> bool:
        """Return True when an apposition after the trigger denies what the sentence reports."""
        words = doc_lowers(anchor.doc)[anchor.i + 1 : sent.end]
        return denied_by_apposition(words, self.lexicon, self.lang) or (
            # « Bruxelles venait d'interdire, en mars 2000, son rapprochement avec Scania »
            doc_parsed(anchor.doc) and negator_before_aside(anchor, self.lexicon.cues(self.lang, "negators"))
        )

    def _questioned(self, anchor: Token, sent: Span) -> bool:
        """Return True for a trigger in an indirect question, which asserts nothing: "Asked whether Uber
        might take control of Nuro, ...", "on lui a demandé si Renault entrerait au capital de ...".
        """
        first = self._question_at.get(sent.start)
        if first is None:  # where the sentence's first question opens, found once per sentence
            doc, first = anchor.doc, sent.end
            low, verbs = doc_lowers(doc), self.question_verbs
            last = sent.end - 1
            while last > sent.start and (low[last].isspace() or low[last] in CLOSING_QUOTES):
                last -= 1
            if low[last] == "?":  # a direct question asks, it asserts nothing: "Will Volvo take a stake in Isuzu?"
                first = sent.start - 1
            for i in range(sent.start, sent.end if first == sent.end else sent.start):
                word = low[i]
                if word in self.question_openers or (
                    word in self.question_words
                    and i > sent.start  # asked: "demandé si", "asked whether"
                    and (low[i - 1] in verbs or normalize(doc_tokens(doc)[i - 1].lemma_) in verbs)
                ):
                    first = i
                    break
            self._question_at[sent.start] = first
        return first < anchor.i

    def _stake_seller(self, anchor: Token, predicate: str, obj: Mention) -> bool:
        """Return True for the seller of a stake bought: "racheter la part de Northvolt dans Novo Energy"."""
        if predicate != "acquires" or obj.end <= 0 or not self._stake_between(anchor, obj):
            return False
        doc = anchor.doc
        after = doc[obj.end : min(obj.end + 4, anchor.sent.end)]
        # "dans Novo Energy", "dans cette coentreprise": a stake in something else than the company named
        return len(after) > 1 and after[0].lower_ in STAKE_IN and any(
            (t.i in self._mention_at and self._mention_at[t.i].is_organisation) or t.pos_ in ("NOUN", "PROPN")
            for t in after[1:]
        )

    def _stake_misread(self, anchor: Token, trig: Trigger, predicate: str, subj: Mention, obj: Mention) -> bool:
        """Return True for a party of a stake sale read in the wrong role (the four checks below)."""
        return (
            self._stake_seller(anchor, predicate, obj)
            or self._stake_seller_genitive(anchor, trig, subj)
            or self._stake_buyer_as_held(anchor, trig, obj)
            or self._company_sold(anchor, trig)
        )

    def _company_sold(self, anchor: Token, trig: Trigger) -> bool:
        """Return True for a supply read from the sale of a company: « vendre Saab au néerlandais Spyker Cars,
        petit fabricant de voitures » sells Saab, not cars (the verb's lexicon rows say it can sell a company)."""
        if trig.predicate != "suppliesTo" or not doc_parsed(anchor.doc):
            return False
        rows = self.lexicon.triggers(self.lang, anchor.lemma_)
        if not any(t.predicate == "acquires" and "obj" in t.object_roles for t in rows):
            return False
        children = token_children(anchor)
        for c in children:
            sold = self._mention_at.get(c.i) if c.dep_ in ("obj", "dobj") else None
            # a name wholly in the object: « à Mercedes-Benz », whose "-" the parser made an object, is the buyer
            if sold is not None and sold.is_organisation and not any(
                x.dep_.startswith(("obl", "iobj")) and sold.start <= x.i < sold.end for x in children
            ):
                return True
        return False

    def _stake_buyer_as_held(self, anchor: Token, trig: Trigger, obj: Mention) -> bool:
        """Return True for the buyer read as the company held: « a vendu sa participation dans Volvo à Geely »
        (the stake noun's « à X » is the selling verb's: to whom)."""
        if trig.pos != "NOUN" or trig.predicate not in ("shareholderOf", "investsIn") or obj.end <= 0:
            return False
        verb = anchor.head
        case = self._case_of(anchor.doc[obj.start])
        if anchor.dep_ not in ("obj", "dobj") or verb.pos_ != "VERB" or not case:
            return False
        # the selling verb's lexicon rows say which preposition names the buyer (« céder ... à »)
        return any(
            t.predicate == "shareholderOf" and t.pos == "VERB" and case in t.subject_roles
            for t in self.lexicon.triggers(self.lang, verb.lemma_)
        )

    def _stake_seller_genitive(self, anchor: Token, trig: Trigger, subj: Mention) -> bool:
        """Return True for "bought Northvolt's stake in Novo": Northvolt sells, it is no holder to come."""
        if trig.pos != "NOUN" or trig.predicate not in ("shareholderOf", "investsIn") or not 0 < subj.start:
            return False
        doc = anchor.doc
        if subj.end >= anchor.i or doc_lowers(doc)[subj.end] not in GENITIVE_MARKS:
            return False
        verb = doc_tokens(doc)[subj.start - 1]  # "will buy Panasonic's stake": Panasonic holds it until the deal
        past = verb.lower_.endswith("ed") or verb.lower_ in ("bought", "took")
        return past and any(t.predicate == "acquires" for t in self.forms.get(verb.lower_, []))

    def _rest_bought(self, anchor: Token, obj: Mention) -> bool:
        """Return True when the stake bought is the rest of the company: "buy Panasonic's remaining 19.5%"."""
        lo, hi = sorted((anchor.i + 1, max(obj.start, anchor.i + 1)))
        return any(t.lower_ in self.remaining_words for t in doc_tokens(anchor.doc)[lo:hi])

    def _stake_between(self, anchor: Token, obj: Mention) -> bool:
        words = self.lexicon.cues(self.lang, "stake_words", raw=True)
        lo, hi = sorted((anchor.i + 1, max(obj.start, anchor.i + 1)))
        after = anchor.doc[obj.end : min(obj.end + 2, len(anchor.doc))] if obj.end > 0 else []
        # "Leapmotor, dont il a acquis 21 %": the object named before, the stake the verb's own object
        objects = [c for c in token_children(anchor) if c.dep_ in ("obj", "dobj")] if obj.start < anchor.i else []
        return any(t.lower_ in words for t in [*anchor.doc[lo:hi], *after, *objects])  # "buy Toyota shares"

    def _negotiated_stake(self, anchor: Token, predicate: str) -> bool:
        """Return True for a stake or an investment under negotiation ("PSA négociait une prise de
        participation dans Mitsubishi", "was negotiating a stake in"): talks that end in the sentence end it."""
        if predicate not in ("shareholderOf", "investsIn"):
            return False
        words = self.lexicon.cues(self.lang, "negotiation_words")
        if doc_parsed(anchor.doc):
            return any(normalize(t.lemma_ or t.text) in words for t in head_chain(anchor)[1:])
        start = anchor.sent.start
        return any(normalize(w) in words for w in doc_lowers(anchor.doc)[max(start, anchor.i - 6) : anchor.i])

    def _partial(self, anchor: Token) -> bool:
        """Return True when the verb's object is a part of something ("une partie de sa participation"); not a
        possessed half, which is the whole stake (« cède sa moitié de la coentreprise »)."""
        return any(
            c.dep_ in ("obj", "dobj")
            and (c.lower_ in self.partial_words or normalize(c.lemma_) in self.partial_words)
            and not any("Yes" in morph_values(d, "Poss") for d in token_children(c) if d.dep_ == "det")
            for c in token_children(anchor)
        )

    def _own_unit(self, anchor: Token, trig: Trigger) -> bool:
        """Return True for a unit noun with a possessive, a fact the sentence presupposes whatever its verb says:
        « a renoncé à vendre sa filiale Opel » (Opel stays GM's); a unit sold is :meth:`_sold_unit`'s."""
        return (
            trig.pos == "NOUN" and trig.predicate == "subsidiaryOf" and doc_parsed(anchor.doc)
            and any("Yes" in morph_values(c, "Poss") for c in token_children(anchor))
        )

    def _sold_unit(self, anchor: Token) -> bool:
        """Return True for the seller's own unit in a sale already made (« a cédé sa filiale », "sold its unit").

        The unit noun takes a possessive (« céder une filiale de Toyota » sells
        no unit of Toyota's); a sale still to come (« va céder sa filiale »)
        leaves the unit where it is.
        """
        if anchor.lower_ not in unit_nouns(self.lang):
            return False
        doc, lowers = anchor.doc, doc_lowers(anchor.doc)
        sale_nouns = self.lexicon.cues(self.lang, "sale_nouns", raw=True)
        if not doc_parsed(doc):  # "sold its Japanese unit", "the sale of its unit": by word order
            k = anchor.i - 1
            possessives = self.lexicon.cues(self.lang, "possessives", raw=True)
            while k > anchor.sent.start and anchor.i - k <= 4 and lowers[k] != "of" and lowers[k] not in possessives:
                k -= 1
            if lowers[k] not in possessives:
                return False
            k -= 1
            sold = lowers[k] in SELL_VERBS or (lowers[k] == "of" and lowers[k - 1] in sale_nouns)
            return k > anchor.sent.start and sold
        if anchor.pos_ != "NOUN" or not any("Yes" in morph_values(c, "Poss") for c in token_children(anchor)):
            return False
        head = anchor.head
        if anchor.dep_ in ("obj", "dobj") and head.pos_ == "VERB":
            sale = any(t.predicate == "shareholderOf" and t.polarity == "negated"
                       for t in self.lexicon.triggers(self.lang, head.lemma_))
        else:
            sale = anchor.dep_ in ("nmod", "pobj") and head.lower_ in sale_nouns
        if not sale:
            return False
        # the sale is made, not planned, nor given up (« a renoncé à vendre sa filiale Opel »)
        quals = qualify_parsed(head, self._chain(head), self.lexicon, self.lang)
        return quals.modality == "asserted" and quals.polarity == "affirmed"
