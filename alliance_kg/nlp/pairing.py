"""Pair the arguments of one trigger occurrence into (predicate, subject, object) triples.

A mixin of :class:`alliance_kg.nlp.relations.RelationFinder`: with a parse,
the lexicon's roles read from the dependency tree (symmetric frames, owners of
a venture, agents, relative pronouns, clitics) with word-order fallbacks where
the parse lost an argument; without one, the word-order reader.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alliance_kg.nlp.doctable import morph_values, token_children
from alliance_kg.kb import normalize
from alliance_kg.lexicon import Trigger
from alliance_kg.nlp import syntax
from alliance_kg.nlp.pairing_frames import WordFrames
from alliance_kg.nlp.pairing_places import NamePlaces
from alliance_kg.nlp.pairing_symmetric import SymmetricPairs
from alliance_kg.nlp.spans import TECH_PREDICATES, Mention
from alliance_kg.statement import SYMMETRIC

ONE_WAY = {"subsidiaryOf", "acquires"}  # never both ways between two companies
STAKE_PREDICATES = {"shareholderOf", "investsIn", "acquires"}


class PairReader(SymmetricPairs, WordFrames, NamePlaces):
    """Mixin: the triples one trigger occurrence gives (see the module docstring)."""

    # -- roles (parsed) -----------------------------------------------------
    # -- building relations -------------------------------------------------
    def _pairs(self, anchor: Token, span: Span, trig: Trigger, mentions, mention_at, parsed):
        """Return the (predicate, subject, object) triples of one trigger occurrence."""
        counted = self._among_pairs(span, trig, mention_at)  # "counts X and Y among its partners"
        if counted is None and not parsed:
            counted = self._owner_compound_pairs(span, trig, mention_at)  # "the Intel-controlled company"
        if counted is not None:
            return counted
        if parsed:
            anchor_pos = anchor.pos_  # read once: spaCy names the part of speech anew at each call
            if trig.symmetric_frame:
                return self._parsed_symmetric(anchor, span, trig, mentions, mention_at)
            agents = [r for r in trig.subject_roles if r in ("par", "by")]
            subjects = self._args(anchor, tuple(agents), trig, mentions, mention_at) if agents else []
            if not subjects:  # "le rachat de Hella par Faurecia": the agent, when there is one, is the subject
                subjects = self._args(anchor, trig.subject_roles, trig, mentions, mention_at)
            objects = self._args(anchor, trig.object_roles, trig, mentions, mention_at)
            if "subj" in trig.subject_roles and anchor_pos == "VERB" and self._subject_with_case(anchor):
                # « Dans l'équipement automobile, Faurecia et Hella affrontent »: a subject never has a
                # preposition; the names right before the verb are its subject
                subjects = self.surface.left_group(span.start, span.sent, mention_at) or subjects
            if len(subjects) < 2 and not objects and trig.predicate in SYMMETRIC:
                group = self._copula_group(anchor, mention_at)  # "Nissan et Honda sont partenaires", misparsed
                subjects = group if {m.iri for m in subjects} <= {m.iri for m in group} else subjects
            subjects = self._outside_relative(anchor, subjects, mention_at)
            if trig.predicate == "suppliesTo" and anchor.dep_ in ("acl", "amod") and syntax.is_passive(anchor):
                # "Ampere intégrera des cellules fournies par LG et CATL": who takes the goods is the customer
                noun = anchor.head
                if noun.dep_ in ("obj", "dobj") and noun.head.pos_ in ("VERB", "AUX"):
                    customers = self._expand(syntax.subject_tokens(noun.head), mention_at, mentions)
                    if customers:
                        objects = [c for c in customers if c not in subjects]
            if anchor_pos == "NOUN" and trig.predicate in ("shareholderOf", "investsIn"):
                subjects, objects = self._stake_parties(anchor, subjects, objects, mention_at, mentions)
            relative = self._relative_with_case(anchor)
            if relative and any(relative[0].i < m.start < anchor.i for m in subjects):
                # "Proton, dont Geely détient 49,9 %": the subject follows the pronoun
                subjects = [m for m in subjects if relative[0].i < m.start]
            stake_bought = trig.predicate == "acquires" and any(
                c.dep_ in syntax.OBJ and c.text == "%" for c in token_children(anchor)
            )
            if not objects and ("de" in trig.object_roles or stake_bought):
                # "Proton, dont Geely détient 49,9 %", "Leapmotor, dont il a acquis 21 %"
                objects = self._expand(self._dont(anchor), mention_at, mentions)
            if trig.pos == "VERB" and (anchor_pos not in ("VERB", "AUX") or anchor.dep_ == "punct"):
                # a mis-tagged verb, or one the parse took for punctuation: its parse is no guide
                surface_subjects, surface_objects = self.surface.arguments(span, trig, mention_at, mentions)
                held = self.noun_tagged_clause(anchor)  # the parse names the clause's subject: never guess it
                subjects = subjects or ([] if held and "subj" in trig.subject_roles else surface_subjects)
                objects = objects or ([] if held and "subj" in trig.object_roles else surface_objects)
            passive_participle = anchor.dep_ in ("acl", "amod") and syntax.is_passive(anchor)
            if not objects and not passive_participle:
                # the parse lost the object: read the noun phrase after the trigger (a passive participle's
                # object is the noun it qualifies: "la future usine, détenue à 70 % par le PIF" has no company)
                loose = "obj" in trig.object_roles or "appos" in trig.object_roles
                starts = (
                    [span]
                    if anchor_pos not in ("VERB", "AUX")
                    else [anchor.doc[c.i : c.i + 1] for c in token_children(anchor) if c.dep_ in syntax.OBJ] or [span]
                )
                objects = [
                    m
                    for start in starts
                    for m, prep in self.surface.tail(start, mention_at)
                    if prep in trig.object_roles or (prep is None and loose)
                ]
                of_company = {"de", "obj"} & set(trig.object_roles)  # not "racheter la part de X dans ...": X sells
                if not objects and anchor_pos in ("VERB", "AUX") and trig.predicate in STAKE_PREDICATES and of_company:
                    objects = self._stake_object(span, mention_at)  # "va prendre 34,02 % du capital de X"
            if not objects and trig.predicate == "suppliesTo" and "obj" in trig.object_roles and subjects and not (
                passive_participle  # "des cellules fournies par LG et CATL": CATL is a second supplier
            ):
                # "La société fournira en moteurs Renault et sa marque Dacia, ainsi que Geely": the parse lost
                # the objects; the names of the clause with no preposition of their own are the customers
                objects = self._bare_names_after(span, mention_at, allowed=trig.object_roles)
            if trig.polarity == "negated" and objects:
                # "a revendu au sud-coréen LG sa part dans l'usine": LG buys, it is not the company sold
                objects = [o for o in objects if not self._recipient(anchor.doc, o)]
            if not objects and trig.polarity == "negated" and anchor_pos in ("VERB", "AUX"):
                # "a cédé les 1,5 % qu'il détenait dans Renault": the stake's company is in its relative clause
                objects = self._expand(
                    [
                        g
                        for o in token_children(anchor)
                        if o.dep_ in syntax.OBJ
                        for rel in token_children(o)
                        if rel.dep_ in ("acl:relcl", "relcl")
                        for g in token_children(rel)
                        if self._case_of(g) in trig.object_roles and g.i in mention_at
                    ],
                    mention_at,
                    mentions,
                )
            if not objects and anchor_pos == "NOUN" and self._support(anchor.head):
                # "racheter la participation de 51 % que Nissan détient dans RNAIPL": the stake is in RNAIPL
                objects = self._expand(self._relative_complements(anchor, trig, mention_at), mention_at, mentions)
            if not objects and trig.predicate in TECH_PREDICATES:
                objects = self._technologies_below(anchor, mention_at)
            if not objects and trig.predicate in TECH_PREDICATES and trig.requires:
                objects = self._technologies_after(span, mention_at)  # the parse lost "son savoir-faire dans ..."
            owner = self._possessor(anchor, trig, mentions, mention_at) if anchor_pos == "NOUN" else None
            if owner is not None:
                # "Renault, Ford et Volkswagen sont nos concurrents directs", "counts Ferrari and McLaren among
                # its closest rivals": each is the possessor's rival, not the others'
                objects = objects or [m for m in owner if m.iri not in {s.iri for s in subjects}]
                spoken = any(normalize(c.text) in self.first_person for c in token_children(anchor))
                if (
                    trig.predicate in SYMMETRIC
                    and owner
                    and not spoken  # « nos concurrents »: the speaker may be a guess; never pair the names then
                    and {m.iri for m in owner} <= {s.iri for s in subjects}
                ):
                    # « Valeo affronte ses concurrents allemands Mahle et ZF »: the possessor on one side, the names
                    # on the other, never each other's
                    mine = {m.iri for m in owner}
                    objects = list({m.iri: m for m in subjects + objects if m.iri not in mine}.values())
                    subjects = [m for m in owner]
            elif not objects and trig.predicate in SYMMETRIC and len(subjects) >= 2:
                # "Honda et Nissan se livrent une concurrence acharnée"
                return self._symmetric(trig, [m for m in subjects if not self._in_apposition(anchor, m, mention_at)])
            if trig.predicate not in SYMMETRIC and anchor_pos == "NOUN" and len(objects) > 1:
                # « les actionnaires de PSA, l'État français, ... et Dongfeng »: the names apposed to the noun
                # are its subjects, not also its objects
                objects = [o for o in objects if o.iri not in {m.iri for m in subjects}] or objects
            pairs = {(s.iri, o.iri) for s in subjects for o in objects}
            # "la fusion de leurs filiales": with "leurs" the owners are both subject and object; one trigger
            # never says that A is B's unit and B is A's (cross-shareholdings do exist: stakes stay)
            return [
                (trig.predicate, s, o)
                for s in subjects
                for o in objects
                if trig.predicate not in ONE_WAY or (o.iri, s.iri) not in pairs
            ]
        if self.surface.sought(span, mention_at, trig):
            return []  # "Nissan and Honda are looking for partners": none is named, and they are not each other's
        if trig.symmetric_frame:
            left, right = self.surface.participants(span, mention_at, mentions)
            left, right = self._unpaired(left), self._unpaired(right)
            if not right and span.end < len(span.doc) and span.doc[span.end].lower_ in ("with", "avec"):
                return []  # "is in talks with other carmakers": the other side is nobody named, not the subjects
            acting = span.start if trig.pos == "VERB" else None
            if self.surface.one_each(span, trig) and left and right:  # "ventures with X and Y": one each
                if len(left) > 1 and span.end < len(span.doc) and span.doc[span.end].lower_ in ("with", "avec"):
                    # "Hyundai and Kia were not in talks with Apple": each with Apple, not with each other
                    return [p for lt in left for r in right for p in self._symmetric(trig, [lt, r], acting)]
                return [p for r in right for p in self._symmetric(trig, [*left, r], acting)]
            return self._symmetric(trig, left + right, acting)
        subjects, objects = self.surface.arguments(span, trig, mention_at, mentions)
        subjects, objects = self._unpaired(subjects), self._unpaired(objects)
        if not objects and trig.pos == "VERB" and trig.predicate in SYMMETRIC and len(subjects) >= 2 and (
            "obj" not in trig.object_roles
        ):
            # "Toyota and Honda compete in China"; not "X and Y face pressure": a verb with a direct object
            # says who the other side is, and the object the reader lost was no company
            return self._symmetric(trig, subjects, span.start)
        return [(trig.predicate, s, o) for s in subjects for o in objects if s.iri != o.iri]

    def _unpaired(self, found: list[Mention]) -> list[Mention]:
        """Return the arguments with each plural stand-in ("the two carmakers") replaced by its two companies."""
        if not any(m.via == "pair" for m in found):
            return found
        out: list[Mention] = []
        for m in found:
            out += list(self._pair_at[m.start]) if m.via == "pair" else [m]
        return list({m.iri: m for m in out}.values())

    @staticmethod
    def _subject_with_case(verb: Token) -> bool:
        """Return True when the parse gave the verb a subject that has a preposition (a misparse)."""
        return any(
            c.dep_ in ("nsubj", "nsubj:pass") and any(g.dep_ == "case" for g in token_children(c))
            for c in token_children(verb)
        )

    def _possessor(self, noun: Token, trig: Trigger, mentions, mention_at) -> list[Mention] | None:
        """Return who a possessive before the trigger noun stands for ([] when unknown), or None without one.

        « nos concurrents » in a quote is the speaker's company; "its", « ses » the
        company the possessive refers to.
        """
        det = next(
            (
                c
                for c in token_children(noun)
                if c.i < noun.i and normalize(c.text) in self.possessives | self.first_person
            ),
            None,
        )
        if det is None:
            return None
        if normalize(det.text) in self.first_person:
            return [self._speaker] if self._speaker is not None else []
        return self._args(noun, ("poss",), trig, mentions, mention_at)

    def _stake_parties(self, noun: Token, subjects: list, objects: list, mention_at, mentions) -> tuple[list, list]:
        """Sort the holder from the company held in "la participation de Northvolt dans Novo Energy".

        With a "dans"/"in" company, the "de"/"of" one holds the stake, it is not held; and when the stake
        is being bought ("Volvo a racheté la part de Northvolt dans Novo"), it is the seller, no holder to
        come: the buyer is the subject.
        """
        beside = list(token_children(noun))
        if noun.dep_ in ("obj", "dobj"):  # the parse may hang "dans Novo Energy" on the verb
            beside += [c for c in token_children(noun.head) if c.i > noun.i]
        inner = [c for c in beside if self._case_of(c) in ("dans", "in")]  # a company or "cette coentreprise"
        if not inner:
            return subjects, objects
        of = [c for c in token_children(noun) if self._case_of(c) in ("de", "of")]
        holders = self._expand(of, mention_at, mentions)
        objects = [o for o in objects if o not in holders]
        verb = noun.head  # bought, not to be bought: "va racheter la part de X" leaves X a holder until then
        bought = any(c.dep_ in ("aux", "aux:tense") and c.i < verb.i for c in token_children(verb)) or "Past" in (
            morph_values(verb, "Tense")
        ) and "Fin" in morph_values(verb, "VerbForm")
        buying = bought and noun.dep_ in ("obj", "dobj") and any(
            t.predicate == "acquires" for t in self.lexicon.triggers(self.lang, normalize(verb.lemma_))
        )
        if buying:
            subjects = [s for s in subjects if s not in holders]
        return subjects, objects

    def _relative_complements(self, noun: Token, trig: Trigger, mention_at: dict[int, Mention]) -> list[Token]:
        """Return the names in the trigger's roles inside a relative clause on ``noun``."""
        return [
            g
            for rel in token_children(noun)
            if rel.dep_ in ("acl:relcl", "relcl")
            for g in token_children(rel)
            if self._case_of(g) in trig.object_roles and g.i in mention_at
        ]

    @staticmethod
    def _symmetric(trig: Trigger, people: list[Mention], acting: int | None = None):
        """Pair the participants of a symmetric trigger; a venture among them gets the others as members.

        ``acting``: the position of a verb trigger; a venture named before it is its subject, a party
        ("Motional teamed up with Uber and Lyft"), not the venture the others form.
        """
        # a technology is never a party ("une berline électrique conçue par X, sa coentreprise avec Y")
        people = sorted({m.iri: m for m in people if m.is_organisation}.values(), key=lambda m: m.start)
        pairs = []
        if trig.predicate in ("jointVenture", "partnerOf", "mergesWith"):
            # a named venture or alliance among the parties: the others are its members
            ventures = [
                m
                for m in people
                if m.kind in ("JointVenture", "Alliance") and not (acting is not None and 0 <= m.start < acting)
            ]
            owners = [m for m in people if m not in ventures]
            pairs += [("memberOf", o, v) for v in ventures for o in owners]
            people = owners
        for i, first in enumerate(people):
            for second in people[i + 1 :]:
                pairs.append((trig.predicate, first, second))
        return pairs
