"""Where a trigger's arguments are: its roles in the parse, and the words that qualify it.

:class:`RoleReader` is a mixin of
:class:`~alliance_kg.nlp.relations.RelationFinder`: the tokens that fill a
role of the lexicon (subject, object, apposition, possessive, a
preposition, the noun a participle qualifies), the head chain whose mood
and negation apply, and the fallbacks for a lost parse (a stake read from
the words, technologies deeper in a complement, the clitic "en").
"""

from __future__ import annotations

from spacy.tokens import Token

from alliance_kg.nlp.doctable import doc_texts, doc_tokens, morph_values, token_children
from alliance_kg.kb import normalize
from alliance_kg.lexicon import Trigger
from alliance_kg.nlp import syntax
from alliance_kg.nlp.syntax_clauses import head_chain
from alliance_kg.nlp.verbforms import _verb_tagged_as_noun, verb_lemma_guesses
from alliance_kg.nlp.anaphora import previous_subject
from alliance_kg.nlp.qualifiers import is_negating_word
from alliance_kg.nlp.role_shapes import PhraseShapes
from alliance_kg.nlp.spans import Mention

# prepositions to look for below the object when the parse hangs them there ("investir 5 milliards de dollars
# dans Rivian"); only a company mention with that very preposition is taken
DEEP_ROLES = frozenset({"pour", "auprès", "chez", "for", "dans", "in", "à"})


class RoleReader(PhraseShapes):
    """Mixin: the tokens in a trigger's roles."""

    def _support(self, token: Token) -> bool:
        """Return True for a support verb ("signer", "rester"), also when the lemmatizer missed it ("reste")."""
        if normalize(token.lemma_) in self.support_verbs:
            return True
        return token.pos_ in ("VERB", "AUX") and any(
            normalize(guess) in self.support_verbs for guess in verb_lemma_guesses(token, token.lang_)
        )

    def _seeking(self, verb: Token) -> bool:
        """Return True for a verb that looks for a partner ("chercher", "seek"): its partner is not one yet."""
        lemmas = [verb.lemma_, *verb_lemma_guesses(verb, verb.lang_)]
        return any(
            t.predicate == "seeksPartnership" for lemma in lemmas for t in self.lexicon.triggers(self.lang, lemma)
        )

    def _chain(self, anchor: Token, trig: Trigger | None = None) -> list[Token]:
        """Return the words whose mood, negation and hedges apply to the trigger.

        A verb trigger takes its whole head chain. A noun trigger takes only
        the support verbs and cue nouns above it ("envisage une coentreprise",
        "projet de fusion"), not the verb of another statement it is an
        argument of ("participer à la coentreprise").
        """
        if anchor.pos_ in ("VERB", "AUX") and (trig is None or trig.pos == "VERB"):
            return head_chain(anchor)
        if trig is not None and trig.pos == "VERB" and _verb_tagged_as_noun(anchor):
            return head_chain(anchor)  # "a cessé de s'approvisionner", the verb tagged as a noun
        chain = self._noun_chain(anchor)
        if (anchor.dep_ == "appos" or self._comma_appositive(anchor, self._mention_at)) and any(
            is_negating_word(t, self.negating_lemmas) or any(normalize(c.text) in self.particles for c in t.children)
            for t in chain[1:]
        ):
            return [anchor]  # "toute idée de rapprochement avec ACC, la coentreprise de X et Y": background
        return chain

    def _noun_chain(self, anchor: Token) -> list[Token]:
        """Return the noun trigger and the support verbs and cue nouns above it (see :meth:`_chain`)."""
        chain, token = [anchor], anchor
        while token.head.i != token.i and token.dep_ not in ("acl:relcl", "relcl", "ccomp", "parataxis"):
            head = token.head
            lemma = normalize(head.lemma_)
            if self._support(head):
                return chain + head_chain(head)
            negating = head.pos_ in ("VERB", "AUX", "NOUN") and is_negating_word(head, self.negating_lemmas)
            if negating and token.dep_ in ("obj", "dobj") and head.pos_ in ("VERB", "AUX"):
                return chain + head_chain(head)  # "ont dissous leur coentreprise", "wound down its venture"
            if negating and token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
                return chain + head_chain(head)  # "le rachat de Valeo par Bosch a été bloqué"
            if negating and token.dep_.startswith("obl") and lemma not in self.negating_lemmas:
                return chain + head_chain(head)  # an idiom: "a tiré un trait sur sa participation"
            if lemma in self.fulfilment_verbs and token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
                return chain + head_chain(head)  # "le projet de coentreprise ne s'est jamais concrétisé"
            if lemma in self.cue_nouns and head.pos_ in ("NOUN", "PROPN"):
                chain.append(head)
                token = head
                continue
            if head.text == "%":  # "porter à 20 % sa participation"
                token = head
                continue
            grand = head.head
            if (
                token.dep_ == "nmod"
                and head.pos_ == "NOUN"
                and head.dep_ in ("obj", "dobj", "obl", "obl:arg")
                and self._support(grand)
            ):  # "a rejeté une prise de participation dans Nissan": through "prise" to the verb
                return chain + [head] + head_chain(grand)
            break
        return chain

    def _role_tokens(
        self, anchor: Token, role: str, trig: Trigger, mentions: list[Mention], mention_at: dict[int, Mention]
    ) -> list[Token]:
        doc = anchor.doc
        verbal = anchor.pos_ in ("VERB", "AUX")
        if role == "subj":
            if verbal:
                # "le titre Stellantis cédait 2,1 %": a share price moves, the company sells nothing
                found = [t for t in syntax.subject_tokens(anchor) if t.lower_ not in self.market_nouns]
                if len(found) == 1 and self._singular_relative(anchor, found[0]):
                    self._alone.add(found[0].i)  # "Bosch, ZF et Vitesco, qui n'appartient plus à": Vitesco only
                return found
            copulas = [c for c in token_children(anchor) if c.dep_ == "cop"]
            if copulas:  # the parse may hang the subject on the copula: "Nissan n'est plus le partenaire de"
                return [c for t in [anchor, *copulas] for c in token_children(t) if c.dep_ in syntax.SUBJ]
            if anchor.dep_ == "appos":
                return [self._apposed_to(anchor, mention_at)]
            if trig.pos == "VERB" and _verb_tagged_as_noun(anchor):
                return [anchor.head] if self.noun_tagged_clause(anchor) else []
            if anchor.dep_ in ("obl:agent", "agent"):  # "X sont bousculés par la concurrence de Y"
                return syntax.passive_object(anchor.head)
            if anchor.dep_ in ("obj", "dobj", "xcomp") and normalize(anchor.head.lemma_) in self.making_verbs:
                # "l'opération fait de Foxconn un actionnaire de Mitsubishi": the "de" complement of "faire"
                made = [
                    c
                    for c in token_children(anchor.head)
                    if c.dep_.startswith("obl") and self._case_of(c) == "de" and c.i < anchor.i  # not "fait partie de"
                ]
                if made:
                    return made
            noun = anchor
            while noun.dep_ == "nmod" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i:
                noun = noun.head  # "une prise de participation": climb to "prise"
            argument = noun.dep_ in ("obj", "dobj", "xcomp", "obl", "obl:arg", "pobj") or (
                noun.dep_ == "obl:mod" and self._case_of(noun) in ("à", "de", "sur")  # "renoncé à son projet de"
            )
            if argument and self._support(noun.head) and not (
                trig.predicate == "partnerOf" and self._seeking(noun.head)  # "cherche des partenaires": none yet
            ):
                if not trig.symmetric_frame and trig.predicate != "partnerOf" and self._comma_appositive(
                    anchor, mention_at
                ):
                    return []  # "investir dans Ampere, la filiale de Renault": the apposition is about Ampere
                if is_negating_word(noun.head, self.negating_lemmas) and self._comma_appositive(anchor, mention_at):
                    # "a refusé de participer à Horse, la coentreprise créée par Renault et Geely": the parse hung
                    # the apposition on the refusing verb; its subject is no party of the venture described
                    return []
                found = syntax.subject_tokens(noun)
                if len(found) == 1 and self._singular_relative(noun.head, found[0]):
                    self._alone.add(found[0].i)
                return found
            return []
        if role == "head":  # "Stellantis, basé aux Pays-Bas": the noun the participle qualifies
            return [anchor.head] if anchor.dep_ in ("acl", "amod") and anchor.head.i != anchor.i else []
        if role == "appos":
            described = mention_at.get(anchor.i)
            if described is not None and described.via == "description" and described.start < anchor.i:
                self._alone.update(range(described.start, described.end))  # not the names listed with it
                return [doc_tokens(doc)[described.start]]  # "Nissan, son allié japonais": the trigger describes Nissan
            out = [
                c
                for c in token_children(anchor)
                if c.dep_ in ("appos", "flat:name", "nmod", "amod", "compound")
                and not syntax.case_of(c)
                # "filiale de Traton, la branche poids lourds du groupe Volkswagen": a descriptive noun below is
                # a statement of its own, the names in its complements are not the trigger's
                and not (c.dep_ == "appos" and c.pos_ == "NOUN" and c.i not in mention_at)
            ]
            if anchor.dep_ == "appos":
                out.append(self._apposed_to(anchor, mention_at))
            elif self._modifies_name(anchor, mention_at):
                out.append(anchor.head)
            if "Plur" in anchor.morph.get("Number"):
                # « les quatre marques du groupe PSA, Peugeot, Citroën, DS et Opel »: the parse coordinated the
                # list after the comma with the noun; it names the brands
                out += [
                    c for c in token_children(anchor)
                    if c.dep_ == "conj" and c.i in mention_at and c.i > anchor.i and doc_texts(doc)[c.i - 1] == ","
                ]
            before = self._comma_appositive(anchor, mention_at)
            if "Sing" in anchor.morph.get("Number"):
                # "Daimler Truck, maison mère de Freightliner, et Volvo Group": a singular apposition describes
                # the name just before its comma, not the names listed with it
                self._alone.update(t.i for t in before)
            return out + before + self._name_after_technology(anchor, mention_at)
        if role == "poss":
            dets = [
                normalize(c.text)
                for c in token_children(anchor)
                if normalize(c.text) in self.possessives or "Yes" in morph_values(c, "Poss")
            ]
            if any(d in ("leur", "leurs", "their") for d in dets):  # "leur coentreprise": the clause's subjects
                verb = anchor
                while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                    verb = verb.head
                # "Renault partage ses technologies avec Geely dans le cadre de Horse, leur coentreprise": both
                partners = [c for c in token_children(verb) if self._case_of(c) in ("avec", "with") and c.i < anchor.i]
                # "travailler avec Amazon sur X et avec Foxconn sur Y, au sein de leur coentreprise": the nearest
                return syntax.subject_tokens(verb) + partners[-1:]
            if dets and anchor.dep_ == "conj" and anchor.head.i in mention_at:
                # "à Geely et à sa filiale Volvo Cars": sa = Geely; "Honda, GM et sa filiale": the nearest, GM
                listed = [c for c in syntax.conjuncts(anchor.head) if c.i < anchor.i and c.i in mention_at]
                described = mention_at.get(anchor.i)  # "pour Nissan, son allié japonais": an apposition, not a list
                if not (described is not None and described.via == "description" and described.start == listed[-1].i):
                    return [listed[-1]]
            named = anchor.head if self._modifies_name(anchor, mention_at) else None
            if dets and named is not None and named.dep_ == "conj" and named.head.i in mention_at:
                return [named.head]  # "à Renault et à sa marque Dacia", parsed "marque" -amod-> "Dacia"
            owner = self._apposition_owner(anchor, mention_at) if dets else None
            if owner is not None:  # "affrontent Stellantis, numéro un des utilitaires avec ses marques": Stellantis's
                return [owner]
            if dets:
                antecedent = previous_subject(doc, anchor.i, mentions)
                return [doc[antecedent.start : antecedent.end].root] if antecedent else []
            return []
        if role == "obj":
            out = [c for c in token_children(anchor) if c.dep_ in syntax.OBJ]
            # "alliés avec Traton, la filiale poids lourds de Volkswagen": the parse made the apposition an
            # object; it stands for the name before its comma, not for the company inside it
            out = [n for c in out for n in (self._comma_appositive(c, mention_at) if c.pos_ == "NOUN" else []) or [c]]
            if not out and verbal:  # "affronte sur ce terrain Volkswagen": the parse hung the name on the adverbial
                out = self._object_after_adverbial(anchor, mention_at)
            if not out and anchor.dep_ in ("acl:relcl", "relcl") and any(
                c.lower_ in ("que", "qu'", "qu’", "that", "which") and c.i < anchor.i for c in token_children(anchor)
            ):
                out = [anchor.head]  # "Spotlight, la coentreprise que les deux partenaires détiennent"
            out = [n for c in out for n in self._stake_held_in(c) or [c]]
            if trig.predicate == "acquires":  # "a racheté l'usine thaïlandaise de GM": a plant, not GM
                out = [c for c in out if c.i in mention_at or c.pos_ != "NOUN" or self._whole_company(c)]
            if verbal and syntax.is_passive(anchor):
                out += syntax.passive_object(anchor)
            return out
        pool, cases, adverbs_by_word = self._role_pool(anchor, trig)
        adverbs = adverbs_by_word.get(role)
        if adverbs:  # "auprès de CATL": the parse makes "auprès" an adverb with the name below it
            return [g for c in adverbs for g in token_children(c) if not g.is_punct]
        picked = [
            c
            for c, case in zip(pool, cases)
            if case == role or case.endswith(" " + role) or case.startswith(role + " ")  # "auprès de LG"
        ]
        if role == "de":  # "dont" is "de" + relative pronoun
            picked += [c for c in pool if c.lower_ == "dont"]
            clitic = next((c for c in token_children(anchor) if c.lower_ == "en" and c.pos_ == "PRON"), None)
            if clitic is not None and not picked:  # "Renault et Geely en détiendront 45 %": "en" = of it
                picked += self._clitic_antecedent(anchor, mentions)
        if not picked and role in DEEP_ROLES and verbal:
            # "assemble des versions de son Kangoo pour Nissan": the parse hung "pour Nissan" on the object
            picked = syntax.find_below(
                anchor,
                lambda t: t.i > anchor.i and t.i in mention_at and self._case_of(t) == role,
                depth=3,
                via=("obj", "obl", "obl:mod", "obl:arg", "nmod", "conj"),
            )
        return picked

    def _stake_held_in(self, noun: Token) -> list[Token]:
        """Return the company a stake's relative clause names ("les 43 % que Nissan possédait dans Mitsubishi
        Motors": Mitsubishi Motors, not its holder Nissan), or nothing."""
        if noun.text != "%" and noun.lower_ not in self.stake_words:
            return []
        clauses = [r for r in token_children(noun) if r.dep_ == "acl:relcl"]
        return [g for r in clauses for g in token_children(r) if self._case_of(g) in ("dans", "in")]

    def _role_pool(self, anchor: Token, trig: Trigger) -> tuple[list[Token], list[str], dict[str, list[Token]]]:
        """Return the words a preposition role is looked for among, their cases and their adverbs by word.

        Made once per trigger word and requirement (``self._pools``, emptied for each document): a
        symmetric trigger asks for nine prepositions, each from the same words.
        """
        key = (anchor.i, trig.requires)
        found = self._pools.get(key)
        if found is not None:
            return found
        pool = list(token_children(anchor))
        if trig.requires:  # "prendre une participation dans X": X hangs on the noun
            needs = {normalize(n) for n in trig.requires.split("|")}  # "capital|%": any of them
            held = [c for c in token_children(anchor) if normalize(c.lemma_) in needs]
            pool += [g for c in held for g in token_children(c)]
            # "racheter les 50 % que détient Caterham dans Alpine": the company is in the stake's relative clause
            stakes = held + [c for c in token_children(anchor) if c.text in needs and c not in held]  # "%"
            pool += [g for c in stakes for r in token_children(c) if r.dep_ == "acl:relcl" for g in token_children(r)]
        pool += [r for r in self._relative_with_case(anchor) if r not in pool]  # "dans laquelle X investit"
        support = anchor.head if anchor.dep_ in ("obj", "dobj") and anchor.pos_ == "NOUN" else None
        if support is not None and self._support(support):
            # "a annulé une commande ... auprès de Northvolt": the complement hangs on the support verb
            pool += [c for c in token_children(support) if c.i > anchor.i and c not in pool]
        adverbs: dict[str, list[Token]] = {}
        for c in pool:
            if c.pos_ == "ADV":
                adverbs.setdefault(c.lower_, []).append(c)
        found = self._pools[key] = (pool, [self._case_of(c) for c in pool], adverbs)
        return found

    def _args(
        self, anchor: Token, roles: tuple[str, ...], trig: Trigger, mentions: list[Mention], mention_at
    ) -> list[Mention]:
        self._alone.clear()
        tokens: list[Token] = []
        for role in roles:
            if role == "à" and "dans" in roles and tokens:
                continue  # "la vente de sa participation dans Volvo à Geely": the stake is in Volvo; Geely buys it
            tokens += self._role_tokens(anchor, role, trig, mentions, mention_at)
        listed = {c.i for c in syntax.conjuncts(anchor)} if anchor.dep_ == "conj" else set()
        alone = [mention_at[t.i] for t in tokens if t.i in listed and t.i in mention_at]
        if alone:  # "Honda, GM et sa filiale Cruise": the trigger stands in the list, so GM alone, not the list
            tokens = [t for t in tokens if t.i not in listed]
            return alone + [m for m in self._expand(tokens, mention_at, mentions) if m not in alone]
        if "appos" in roles and self._modifies_name(anchor, mention_at):
            # "à Renault et à sa marque Dacia": the noun names Dacia alone, not the list it stands in
            own = mention_at[anchor.head.i]
            return [own, *(m for m in self._expand([t for t in tokens if t.i != anchor.head.i], mention_at,
                                                   mentions) if m.iri != own.iri)]
        return self._expand(tokens, mention_at, mentions)
