"""The shapes of the noun phrases around a trigger, read when the roles need them.

:class:`PhraseShapes` is a mixin of :class:`~alliance_kg.nlp.roles.RoleReader`:
a stake read from the words when the parse is lost in numbers ("34,02 % du
capital de X"), technologies deeper in a complement, the ventures an article
describes, appositions the parse may miss ("NAME, la filiale de Y"), the
name a noun qualifies ("sa marque Dacia") and the name whose apposition a
possessive stands in.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from alliance_kg.kb import normalize
from alliance_kg.nlp import syntax
from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens, morph_values, token_children
from alliance_kg.nlp.spans import Mention, before_brackets, name_after_adjectives


class PhraseShapes:
    """Mixin: appositions, stakes and technologies around a trigger (see the module docstring)."""

    def _stake_object(self, span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the company after "N % (du capital) de", read from the words when the parse is lost in numbers."""
        doc = span.doc
        i, seen_stake = span.end, False
        while i < min(span.sent.end, span.end + 12):
            token = doc_tokens(doc)[i]
            if i in mention_at:
                mention = mention_at[i]
                before = doc[mention.start - 1]
                if before.pos_ == "ADP" and normalize(before.lemma_) not in ("de", "dans", "of", "in"):
                    return []  # "détenue à 51 % par Stellantis": the holder, not the company held
                return [mention] if seen_stake and mention.is_organisation else []
            if token.text == "%" or token.lower_ in self.stake_words:
                seen_stake = True
            elif not (token.like_num or token.pos_ in ("DET", "ADP", "NUM", "ADV") or token.lower_ == "quelque"):
                return []
            i += 1
        return []

    @staticmethod
    def _technologies_below(anchor: Token, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return technologies deeper in the trigger's complements ("développer des moteurs fonctionnant
        à l'hydrogène", "développe lui-même ses batteries, ses moteurs et ses logiciels")."""
        via = syntax.DESCEND | {"acl", "conj", "obj", "dep"}
        found: dict[str, Mention] = {}
        for child in token_children(anchor):
            if child.dep_ not in ("obj", "dobj", "dep", "obl:arg", "xcomp") or child.i < anchor.i:
                continue
            for hit in syntax.find_below(child, lambda t: t.i in mention_at, depth=4, via=via):
                for conj in syntax.conjuncts(hit):
                    mention = mention_at.get(conj.i)
                    if mention is not None and mention.kind == "Technology":
                        found.setdefault(mention.iri, mention)
        return list(found.values())

    def _described(self, doc: Doc, mention_at: dict[int, Mention], nouns: frozenset[int]) -> frozenset[str]:
        """Return the organisations the article calls by one of ``nouns`` (hashes of lowercase forms): a joint
        venture ("Spotlight, la coentreprise ..."), an alliance."""
        out = set()
        for i, row in enumerate(self._rows):  # (LOWER, LEMMA, IS_ALPHA) hashes of the doc's tokens
            if row[0] not in nouns:
                continue
            token = doc_tokens(doc)[i]
            named = self._comma_appositive(token, mention_at)
            if named:
                out.add(mention_at[named[0].i].iri)
            nxt = token.i + 1
            if nxt in mention_at and mention_at[nxt].is_organisation:
                out.add(mention_at[nxt].iri)  # "la coentreprise Spotlight Automotive"
        return frozenset(out)

    def _whole_company(self, noun: Token) -> bool:
        """Return True for a noun that stands for a company or a stake in it ("le constructeur", "20 %")."""
        word = normalize(noun.lemma_ or noun.text)
        return word in self.company_nouns or noun.lower_ in self.stake_words or noun.text == "%"

    @staticmethod
    def _object_after_adverbial(verb: Token, mention_at: dict[int, Mention]) -> list[Token]:
        """Return a name without preposition that the parse hung on an adverbial after the verb, as its object
        ("affronte sur ce terrain Volkswagen", "a racheté en 2019 Opel")."""
        for c in token_children(verb):
            if c.i > verb.i and c.dep_.startswith("obl") and syntax.case_of(c) is not None and c.i not in mention_at:
                named = [g for g in token_children(c) if g.i == c.i + 1 and g.i in mention_at and g.pos_ == "PROPN"
                         and g.dep_ in ("nmod", "appos", "flat:name", "dep") and syntax.case_of(g) is None]
                if named and mention_at[named[0].i].is_organisation:
                    return named[:1]
        return []

    @staticmethod
    def _singular_relative(verb: Token, antecedent: Token) -> bool:
        """Return True when a relative clause's singular verb follows a list: it agrees with the last name only."""
        reduced = syntax.reduced_relative(verb) and verb.i - 2 == antecedent.i  # "X, Y et Harman, passé sous"
        if not reduced and (verb.dep_ not in ("acl:relcl", "relcl") or verb.head.i != antecedent.i):
            return False
        listed = antecedent.dep_ == "conj" or any(c.dep_ == "conj" for c in token_children(antecedent))
        number = [*morph_values(verb, "Number"), *(n for c in token_children(verb) if c.dep_.startswith("aux")
                                               for n in morph_values(c, "Number"))]
        return listed and "Sing" in number and "Plur" not in number

    @staticmethod
    def noun_tagged_clause(anchor: Token) -> bool:
        """Return True when a verb tagged as a noun still hangs on its subject.

        "Geely, qui contrôle Volvo" (a relative clause on Geely), "Le groupe ..., contrôle aussi
        Lotus" (coordinated with the subject noun): that noun is the verb's subject.
        """
        return anchor.dep_ in ("acl:relcl", "relcl") or (
            anchor.dep_ in ("conj", "flat:name")  # "BMW livre des moteurs", parsed as a name "BMW livre"
            and anchor.head.pos_ in ("NOUN", "PROPN")
            and anchor.head.dep_ in ("ROOT", "nsubj", "nsubj:pass")
        )

    @staticmethod
    def _modifies_name(anchor: Token, mention_at: dict[int, Mention]) -> bool:
        """Return True when the parse hangs the trigger noun on the name right after it ("sa marque Dacia")."""
        head = anchor.head
        if anchor.dep_ not in ("amod", "nmod", "compound") or head.i <= anchor.i or head.i not in mention_at:
            return False
        return all(t.pos_ == "ADJ" for t in anchor.doc[anchor.i + 1 : mention_at[head.i].start])

    @staticmethod
    def _name_after_technology(anchor: Token, mention_at: dict[int, Mention]) -> list[Token]:
        """Return the name after "trigger de TECH [adj]": "sa filiale de voitures autonomes Cruise"."""
        doc = anchor.doc
        i = anchor.i + 1
        if i + 1 >= len(doc) or doc_lowers(doc)[i] not in ("de", "d'", "d’") or (i + 1) not in mention_at:
            return []
        tech = mention_at[i + 1]
        if tech.kind != "Technology":
            return []
        named = name_after_adjectives(doc, tech.end, anchor.sent.end, mention_at)
        return [doc_tokens(doc)[named.start]] if named is not None else []

    @staticmethod
    def _apposition_owner(anchor: Token, mention_at: dict[int, Mention]) -> Token | None:
        """Return the name whose apposition a possessive noun stands in ("Stellantis, numéro un européen des
        utilitaires avec ses marques"): the name before the comma, with no verb between."""
        doc = anchor.doc
        i = anchor.i - 1
        while i > anchor.sent.start and doc[i].text not in (",", ";", ":") and i not in mention_at:
            if doc[i].pos_ in ("VERB", "AUX") or "Rel" in morph_values(doc[i], "PronType"):
                return None
            i -= 1
        if doc[i].text != "," or (i - 1) not in mention_at or not mention_at[i - 1].is_organisation:
            return None
        between = doc[i + 1 : anchor.i]
        if not any(t.pos_ == "NOUN" for t in between) or not any(t.pos_ == "ADP" for t in between):
            return None  # "ACC, sa coentreprise avec Mercedes": the possessive heads the apposition itself
        return doc[mention_at[i - 1].start : mention_at[i - 1].end].root

    def _comma_appositive(self, anchor: Token, mention_at: dict[int, Mention]) -> list[Token]:
        """Return the name before "NAME, [det adj*] trigger" (an apposition the parse may miss)."""
        doc = anchor.doc
        i = anchor.i - 1
        others = False
        while i >= 0 and doc_tokens(doc)[i].pos_ in ("DET", "ADJ", "NUM") and i not in mention_at:
            others |= doc_lowers(doc)[i] in self.other_words  # "Outre JLR, d'autres constructeurs": not JLR
            i -= 1
        j = before_brackets(doc, i - 1)  # "Iveco Defence Vehicles (IDV), la division ...": over the brackets
        if i >= 1 and doc_texts(doc)[i] == "," and j in mention_at and not others:
            mention = mention_at[j]
            name = doc[mention.start : mention.end]
            closed = anchor.right_edge.i + 1 < len(doc) and doc_texts(doc)[anchor.right_edge.i + 1] == ","
            if anchor.dep_.startswith("nsubj") and mention.start > doc_tokens(doc)[i].sent.start and (
                doc_tokens(doc)[mention.start - 1].pos_ == "ADP"
            ) and not closed:  # "les robotaxis d'Apollo Go, la filiale de Baidu, seront": closed by a comma
                return []  # "Outre JLR, les constructeurs ont ...": the clause's subject, not JLR's apposition
            return [name.root]
        return []

    def _clitic_antecedent(self, anchor: Token, mentions: list[Mention]) -> list[Token]:
        """Return what "en" stands for: the object of a verb just before, in the same sentence.

        "Foxconn aurait approché Nissan en vue d'en prendre le contrôle": Nissan.
        Further back the antecedent is too often another company; then nothing.
        """
        doc = anchor.doc
        subjects = {m.iri for m in self._expand(syntax.subject_tokens(anchor), self._mention_at, mentions)}
        before = [
            m
            for m in mentions
            if anchor.sent.start <= m.start < anchor.i
            and m.is_organisation
            and m.iri not in subjects
            and doc[m.start : m.end].root.dep_ in ("obj", "dobj", "obl:arg")
        ]
        return [doc[before[-1].start : before[-1].end].root] if before else []

    def _apposed_to(self, anchor: Token, mention_at: dict[int, Mention]) -> Token:
        """Return the name an apposition describes: its head, or in a list the name just before its comma.

        "BMW et Mercedes-Benz, la filiale automobile de Daimler": a singular
        apposition after a list describes its last name alone.
        """
        listed = [c for c in syntax.conjuncts(anchor.head) if c.i < anchor.i and c.i in mention_at]
        singular = "Sing" in anchor.morph.get("Number")
        if len(listed) > 1 and singular:
            self._alone.add(listed[-1].i)
            return listed[-1]
        if singular and anchor.head.i not in mention_at:
            # "des concurrents comme Rheinmetall, KNDS ou le suisse Mowag, filiale de General Dynamics": the parse
            # hung the apposition on the common noun; a singular one describes the name right before its comma
            k = anchor.i - 1
            while k > anchor.sent.start and anchor.doc[k].pos_ == "DET":
                k -= 1
            if k > anchor.sent.start and anchor.doc[k].text == "," and k - 1 in mention_at:
                self._alone.add(k - 1)
                return anchor.doc[k - 1]
        return anchor.head
