"""The parties of a symmetric trigger in a parsed sentence: who set up the venture, who are allies or rivals.

:class:`SymmetricPairs` is a mixin of :class:`~alliance_kg.nlp.pairing.PairReader`:
the people of "Renault et Geely ont créé Horse, leur coentreprise", "une
coentreprise détenue par X et Y", "au sein d'une coentreprise avec Ebro", and
which of them are paired ("Lyft s'est allié à May Mobility et à Mobileye":
each ally is Lyft's, not the other's).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alliance_kg.kb import normalize
from alliance_kg.lexicon import Trigger
from alliance_kg.nlp import syntax
from alliance_kg.nlp.doctable import doc_texts, morph_values, token_children
from alliance_kg.nlp.spans import COMPANY_KINDS, Mention

SYMMETRIC_PREPS = {"avec", "entre", "de", "à", "with", "between", "of", "and", "et"}


class SymmetricPairs:
    """Mixin: the parties of a symmetric trigger read from the parse."""

    def _parsed_symmetric(self, anchor: Token, span: Span, trig: Trigger, mentions, mention_at) -> list:
        """Return the (predicate, subject, object) triples of a symmetric trigger in a parsed sentence."""
        roles = ("subj", "obj", "appos", "poss", *sorted(SYMMETRIC_PREPS))
        people = self._args(anchor, roles, trig, mentions, mention_at)
        head = anchor.head
        while head.dep_ == "appos" and head.head.i != head.i:  # "créer Horse, une coentreprise"
            head = head.head
        if anchor.dep_ == "appos" and head.dep_ in ("obj", "dobj") and head.head.i != head.i:
            head = head.head
        if (
            anchor.dep_ == "nmod"
            and head.pos_ == "NOUN"
            and head.dep_ in ("obj", "dobj", "obl:mod", "obl:arg")
            and self._support(head.head)
        ):
            head = head.head  # "a signé ces derniers mois des accords avec X": the parse hung them on "mois"
        if anchor.pos_ not in ("VERB", "AUX") and self._support(head):
            people += self._expand(
                [
                    c
                    for c in token_children(head)
                    if syntax.case_of(c) in ("avec", "with", "entre", "between")
                    or (c.lower_ in ("lequel", "laquelle", "which", "whom") and c.dep_.startswith("obl"))
                ]
                + [r for r in self._relative_with_case(head) if self._case_of(r) in ("avec", "with")],
                mention_at,
                mentions,
            )
            if anchor.dep_ == "appos":
                people += self._expand(syntax.subject_tokens(head), mention_at, mentions)
        # "une coentreprise détenue par X et Y", "a venture owned by X and Y"
        owners = [
            g
            for c in token_children(anchor)
            if c.dep_ in ("acl", "amod") and syntax.is_passive(c)
            for g in token_children(c)
            if syntax.case_of(g) in ("par", "by")
        ]
        owned = any(
            c.dep_ in ("acl", "amod") and normalize(c.lemma_) in self.owning_lemmas
            for c in token_children(anchor)
        )
        if not owners and owned:
            # "détenue à parts égales par Sony et Honda": the parse hung "par" on "égales"
            owners = syntax.find_below(
                anchor, lambda t: t.i in mention_at and self._case_of(t) in ("par", "by"), depth=3,
                via=("acl", "amod", "obl", "obl:arg", "obl:mod"),
            )
        people += self._expand(owners, mention_at, mentions)
        if anchor.pos_ not in ("VERB", "AUX"):
            people += [
                m
                for m, prep in self.surface.tail(span, mention_at)
                if m not in people and prep in (None, *SYMMETRIC_PREPS, "par", "by")
            ]
            own = mention_at.get(anchor.i)
            if own is not None and own not in people:
                people.append(own)
        if trig.predicate == "jointVenture" and anchor.pos_ not in ("VERB", "AUX"):
            # "Dongfeng Nissan, sa coentreprise avec Dongfeng": the name in apposition is the venture
            host = [anchor.head] if anchor.dep_ == "appos" else []
            named = [  # the names themselves, not what the parse coordinated with them
                mention_at[t.i] for t in self._comma_appositive(anchor, mention_at) + host if t.i in mention_at
            ] or self._expand(host, mention_at, mentions)
            after = mention_at.get(anchor.i + 1)
            if after is not None and after.start == anchor.i + 1 and after.is_organisation:
                named.append(after)  # "a créé la coentreprise Carizon": the name after the noun
            # "ont créé une coentreprise, BYD Uzbekistan Factory, qui ...": the name in apposition after it
            comma = anchor.right_edge.i + 1
            apposed = mention_at.get(comma + 1)
            texts = doc_texts(anchor.doc)
            if apposed is not None and texts[comma] == "," and apposed.start == comma + 1 and (
                apposed.is_organisation and apposed.end < len(texts) and not texts[apposed.end][:1].isupper()
            ):  # the whole apposition, not the first name of a longer one the base does not know
                named.append(apposed)
            # a carmaker or supplier the base knows is a party, never the venture ("eGT, coentreprise du chinois
            # Dongfeng, de Renault et de Nissan" when the parse lost the venture's own name)
            named = [m for m in named if m.kind not in COMPANY_KINDS]
            people = [
                m if m not in named else Mention(m.start, m.end, m.iri, m.name, "JointVenture", m.via)
                for m in people
            ]
        if anchor.pos_ == "NOUN":
            people = self._noun_participants(anchor, span, trig, people, mention_at)
            people += self._framing_subject(anchor, people, mentions)
        # "Daimler Truck, maison mère de Freightliner, et Volvo Group ... se livrent une concurrence":
        # the names an apposition's owner noun governs are not parties
        people = [m for m in people if not self._in_apposition(anchor, m, mention_at)]
        side = self._args(anchor, ("subj", "poss"), trig, mentions, mention_at)
        if "Plur" in morph_values(anchor, "Number") and anchor.pos_ not in ("VERB", "AUX"):
            # "des coentreprises avec LG au Canada et avec Samsung SDI": one venture each
            others = [m for m in people if m.iri not in {x.iri for x in side}]
            return [p for o in others for p in self._symmetric(trig, [*side, o])] if side else []
        verbal = anchor.pos_ in ("VERB", "AUX")
        if not side and verbal and anchor.dep_ in ("acl", "amod") and anchor.head.i in mention_at:
            side = [mention_at[anchor.head.i]]  # "Volkswagen, associé à SAIC et à FAW": the participle's noun
        others = [m for m in people if m.iri not in {x.iri for x in side}]
        if (
            verbal
            and side
            and len(others) >= 2
            and trig.predicate in ("partnerOf", "competesWith")
            and not any(m.kind in ("JointVenture", "Alliance") for m in people)
            and not any(c.dep_ in syntax.OBJ for c in anchor.children)  # "associer X à Y": X is Y's
        ):
            # "Lyft s'est allié à May Mobility et à Mobileye": each ally is Lyft's, not the other's
            return [p for o in others for p in self._symmetric(trig, [*side, o], anchor.i)]
        return self._symmetric(trig, people, anchor.i if verbal else None)

    def _framing_subject(self, noun: Token, people: list[Mention], mentions: list[Mention]) -> list[Mention]:
        """Return the clause's subject as the missing party of a venture the clause acts within ("Chery va
        produire ... au sein d'une coentreprise avec Ebro", "through a joint venture with"), if any."""
        doc = noun.doc
        if len({m.iri for m in people if m.is_organisation}) != 1 or noun.i < 3:
            return []
        before = " ".join(t.lower_ for t in doc[max(noun.sent.start, noun.i - 4) : noun.i])
        if not any(before.endswith(f"{w} {d}") for w in self.framing_words for d in ("une", "un", "a", "an", "leur")):
            return []
        for m in mentions:  # the first company of the clause that no preposition governs
            if noun.sent.start <= m.start < noun.i and m.is_organisation and m.iri != people[0].iri:
                if m.start == noun.sent.start or doc[m.start - 1].pos_ != "ADP":
                    return [m]
        return []

    def _noun_participants(self, noun: Token, span: Span, trig: Trigger, people: list, mention_at) -> list:
        """Narrow the parties of a symmetric noun to those it names itself.

        "la fusion de leurs filiales Hino et Fuso": the merging companies are the two named after "de",
        not the owners who sign; "l'accord de fusion": an agreement about a merger is that merger's, so the
        agreement pairs only the signing parties, not the companies merged.
        """
        if trig.predicate == "mergesWith":
            named = self._names_of(span, mention_at)
            if len(named) >= 2:
                return named
        if trig.predicate == "partnerOf":
            about = [
                c for c in token_children(noun)
                if c.dep_ == "nmod" and c.pos_ == "NOUN" and any(
                    t.pos == "NOUN" and t.symmetric_frame and t.predicate != "partnerOf"
                    for t in self.lexicon.triggers(self.lang, normalize(c.lemma_))
                )
            ]
            if about:  # the names after "accord de fusion" are the merger's
                return [m for m in people if m.start < about[0].i]
        return people

    @staticmethod
    def _copula_group(anchor: Token, mention_at) -> list[Mention]:
        """Return the names coordinated right before the copula of a plural noun ("X et Y sont partenaires")."""
        # the copula, or a copula the parse took for a passive auxiliary ("sont partenaires au sein de")
        copula = next((c for c in token_children(anchor) if c.i < anchor.i and c.dep_ in ("cop", "aux:pass")), None)
        if copula is None:
            return []
        doc, group = anchor.doc, []
        j = copula.i - 1
        while j >= anchor.sent.start and (doc[j].pos_ == "ADV" or doc[j].text == ","):
            j -= 1
        while j >= anchor.sent.start and j in mention_at:
            mention = mention_at[j]
            group.insert(0, mention)
            j = mention.start - 1
            if j < anchor.sent.start or doc[j].lower_ not in (",", "et", "and"):
                break
            j -= 1
        return group if any(doc[m.end].lower_ in ("et", "and") for m in group[:-1]) else []
