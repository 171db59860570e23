"""What a grammatical argument stands for: the mentions behind a subject, object or relative pronoun.

:class:`ReferentReader` is a mixin of
:class:`~alliance_kg.nlp.relations.RelationFinder`: it turns the tokens that
fill a trigger's role into mentions — through coordination ("Hyundai et
Kia"), relative pronouns ("Proton, dont ..."), pronouns and « nous »,
appositions ("Dongfeng, groupe public ..."), "les deux groupes" and lists
("à de nombreux constructeurs, dont BMW, ...").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens, token_children
from alliance_kg.kb import normalize
from alliance_kg.nlp import syntax
from alliance_kg.nlp.anaphora import previous_subject
from alliance_kg.nlp.spans import Mention, name_after_adjectives

_RELATIVE_OPENERS = syntax.RELATIVE | {"whose", "où", "qu'", "qu’"}


class ReferentReader:
    """Mixin: the mentions a trigger's argument tokens stand for."""

    def _expand(self, tokens: list[Token], mention_at: dict[int, Mention], mentions: list[Mention]) -> list[Mention]:
        found: dict[str, Mention] = {}
        for token in tokens:
            pos = token.pos_  # read once: spaCy names the part of speech anew at each call
            antecedent_token = syntax.relative_antecedent(token) if pos == "PRON" else None
            if antecedent_token is not None:
                mention = self._named_by(antecedent_token, mention_at)
                if mention is not None:
                    found.setdefault(mention.iri, mention)
                continue
            indefinite = pos == "PRON" and token.lower_ in self.indefinite_pronouns
            workplace = self._workplace(token, mention_at) if indefinite else None
            if workplace is not None:  # « Chez Stellantis, on se méfierait de Dongfeng »: Stellantis
                found.setdefault(workplace.iri, workplace)
                continue
            if normalize(token.text) in self.first_person and self._speaker is not None:
                found.setdefault(self._speaker.iri, self._speaker)  # « nous » in a quote: the speaker's company
                continue
            if pos == "PRON" and normalize(token.text) in self.datives and token.i < token.head.i:
                # "Qualcomm, qui lui fournit les puces": "lui" is a company before, not the clause's subject
                antecedent = self._dative_antecedent(token, mention_at, mentions)
                if antecedent is not None:
                    found.setdefault(antecedent.iri, antecedent)
                continue
            if pos == "PRON" and normalize(token.text) in self.pronouns and token.i not in mention_at:
                antecedent = previous_subject(token.doc, token.i, mentions)
                if antecedent is not None:
                    found.setdefault(antecedent.iri, antecedent)
                continue
            apposed = self._subject_in_apposition(token, mention_at)
            if apposed is not None:  # "BAIC, le partenaire historique de Daimler, se méfierait de": BAIC
                found.setdefault(apposed.iri, apposed)
                continue
            hits = syntax.find_below(token, lambda t: t.i in mention_at or t.i in self._pair_at, depth=3)
            if len(hits) > 1:  # "prendre 51 % de Opel, la filiale de GM": the apposition's names describe Opel
                hits = [h for h in hits if not _under_description(h, token, mention_at)]
            hits += [  # "le fabricant de batteries Primearth": a company below a technology
                deeper
                for hit in hits
                if hit.i in mention_at and mention_at[hit.i].kind == "Technology"
                for child in token_children(hit)
                if child.dep_ in syntax.DESCEND
                for deeper in syntax.find_below(child, lambda t: t.i in mention_at, depth=1)
                if mention_at[deeper.i].is_organisation
            ]
            for hit in hits:
                if hit.i in self._pair_at and hit.i not in mention_at:  # "les deux groupes": both companies
                    for mention in self._pair_at[hit.i]:
                        found.setdefault(mention.iri, mention)
                    continue
                for conj in [hit] if hit.i in self._alone else syntax.conjuncts(hit):
                    mention = mention_at.get(conj.i) or self._name_of_noun(conj, mention_at)
                    if mention is not None:
                        found.setdefault(mention.iri, mention)
                        for more in self._listed_after(token.doc, mention.start, mention_at):
                            found.setdefault(more.iri, more)
                        for more in self._listed_after_relative(token.doc, mention, mention_at):
                            found.setdefault(more.iri, more)
            if not hits and pos == "NOUN":
                for mention in self._apposed_name(token, mention_at):
                    found.setdefault(mention.iri, mention)
        return list(found.values())

    def _workplace(self, token: Token, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the company of « chez X » in the clause of an indefinite « on »: the people there."""
        if not self.workplace_preps:
            return None
        lowers = doc_lowers(token.doc)
        sent = token.sent
        for k in range(sent.start, sent.end - 1):
            if lowers[k] in self.workplace_preps and k + 1 in mention_at and mention_at[k + 1].is_organisation:
                return mention_at[k + 1]
        return None

    def _subject_in_apposition(self, token: Token, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the name a subject noun is apposed to when the parse made the noun the subject: in
        "BAIC, le partenaire historique de Daimler, ..., se méfierait de Geely" the subject is BAIC, not
        the Daimler below "partenaire". Not after a preposition ("Comme Renault, le groupe ...")."""
        if token.pos_ != "NOUN" or not token.dep_.startswith("nsubj") or token.i in mention_at:
            return None
        children = token_children(token)
        if any(c.dep_ == "conj" for c in children):
            return None  # "Ampere, la filiale de Renault, et Nissan": a list the parse hung on the noun
        if not any(c.dep_ == "nmod" and c.i in mention_at and self._case_of(c) in ("de", "d'", "du") for c in children):
            return None  # only a noun of another company ("le partenaire de Daimler") would give the wrong one
        before = self._comma_appositive(token, mention_at)
        if not before:
            return None
        mention = mention_at[before[0].i]
        doc = token.doc
        previous = doc_tokens(doc)[mention.start - 1] if mention.start > token.sent.start else None
        if not mention.is_organisation or (previous is not None and previous.pos_ in ("ADP", "SCONJ", "ADV")):
            return None
        return mention

    def _dative_antecedent(
        self, token: Token, mention_at: dict[int, Mention], mentions: list[Mention]
    ) -> Mention | None:
        """Return the company a dative clitic ("lui", "leur") stands for: the subject of the sentence
        before it, when that is not the clause's own subject ("Ampere travaille avec Qualcomm, qui lui
        fournit des puces" -> Ampere)."""
        if token.head.pos_ not in ("VERB", "AUX"):
            return None
        own = set()
        for subject in syntax.subject_tokens(token.head):
            antecedent = syntax.relative_antecedent(subject) if subject.pos_ == "PRON" else None
            named = self._named_by(antecedent, mention_at) if antecedent is not None else mention_at.get(subject.i)
            if named is not None:
                own.add(named.iri)
        candidates = [
            m
            for m in mentions
            if token.sent.start <= m.start < token.i
            and m.is_organisation
            and m.iri not in own
            and token.doc[m.start : m.end].root.dep_.startswith("nsubj")
        ]
        return candidates[-1] if candidates else None

    @staticmethod
    def _name_of_noun(noun: Token, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the name a listed common noun carries: "à Renault et à sa filiale Dacia" -> Dacia."""
        if noun.pos_ != "NOUN":
            return None
        doc = noun.doc
        mention = name_after_adjectives(doc, noun.i + 1, len(doc), mention_at)
        if mention is None:
            return None
        token = doc_tokens(doc)[mention.start]
        return mention if token.head.i == noun.i or noun.head.i == token.i else None

    def _apposed_name(self, noun: Token, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the name a common noun stands beside, set off by a comma.

        "Dongfeng, groupe public basé à Wuhan, pourrait ...": the subject "groupe"
        is Dongfeng; "avec un autre constructeur d'État, Changan": Changan.
        """
        doc = noun.doc
        before = self._comma_appositive(noun, mention_at)
        if before:
            return [mention_at[before[0].i]]
        end = noun.i + 1
        while end <= noun.right_edge.i and doc_texts(doc)[end] not in (",", ".", ";", ":"):
            end += 1
        if end + 1 < len(doc) and doc_texts(doc)[end] == ",":
            first = end + 1
            for opener in self.list_openers:  # "à de nombreux constructeurs, dont BMW, Mercedes-Benz et Volkswagen"
                words = opener.split()
                if doc_lowers(doc)[first : first + len(words)] == words:
                    first += len(words)
                    break
            named = mention_at.get(first)  # "son premier actionnaire, le chinois Sinochem": over the description
            described = named is not None and all(
                k in mention_at and mention_at[k].iri == named.iri for k in range(first, named.start)
            )
            if first in mention_at and mention_at[first].is_organisation and (
                mention_at[first].start == first or described
            ):
                return [mention_at[first], *self._listed_after(doc, first, mention_at)] if first > end + 1 else [
                    mention_at[first]
                ]
        return []

    def _named_by(self, token: Token, mention_at: dict[int, Mention], climb: int = 4) -> Mention | None:
        """Return the mention a relative pronoun's antecedent stands for, if it is an organisation's.

        Climbs from the word the pronoun follows to the noun phrase it belongs to
        ("Ampere, la filiale ... consacrée aux logiciels, dont ..." -> Ampere), but
        never down into a complement: "les brevets de Nissan, dont" is about patents.
        """
        for _ in range(climb + 1):
            if token.i in mention_at and mention_at[token.i].is_organisation:
                return mention_at[token.i]
            if token.dep_ == "appos" and token.head.i in mention_at:
                return mention_at[token.head.i]  # "Horse, leur coentreprise ..., dans laquelle"
            named = self._comma_appositive(token, mention_at)
            if named:
                return mention_at[named[0].i]
            head = token.head
            if head.i == token.i or (head.pos_ in ("VERB", "AUX") and token.dep_ != "acl" and head.dep_ != "acl"):
                return None  # a clause's verb: the pronoun is not about a complement of it
            token = token.head
        return None

    @staticmethod
    def _listed_after(doc: Doc, i: int, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the mentions listed after the one at ``i`` ("Hyundai et Kia") that the parse did not coordinate.

        A name that is the subject of the next clause ("..., et Geely investit") is not part of the list.
        """
        out: list[Mention] = []
        end = i
        while end in mention_at and mention_at[end] is mention_at[i]:
            end += 1
        current = mention_at[i]
        while end < len(doc) and doc_lowers(doc)[end] in (",", "et", "and", "ainsi", "que", "as", "well"):
            nxt = end
            while nxt < len(doc) and doc_lowers(doc)[nxt] in (",", "et", "and", "ainsi", "que", "as", "well"):
                nxt += 1
            mention = mention_at.get(nxt)
            if mention is None or mention is current or not mention.is_organisation:
                break
            words = doc_tokens(doc)[nxt : mention.end if mention.end > nxt else nxt + 1]
            if any(t.dep_.startswith("nsubj") for t in words):
                break
            out.append(mention)
            current, end = mention, nxt
            while end in mention_at and mention_at[end] is mention:
                end += 1
        return out

    def _listed_after_relative(self, doc: Doc, mention: Mention, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the names a list resumes with after a relative clause, behind the same preposition.

        "s'est allié à May Mobility, dont les minibus roulent à Atlanta, et à Mobileye": Mobileye too.
        """
        end = mention.end
        if mention.start == 0 or end + 1 >= len(doc) or doc[end].text != ",":
            return []
        if normalize(doc[end + 1].text) not in _RELATIVE_OPENERS or doc[mention.start - 1].pos_ != "ADP":
            return []
        prep = doc[mention.start - 1].lower_
        for j in range(end + 2, doc[mention.start].sent.end - 3):
            if doc[j].text in (";", ":", "(", ")"):
                return []
            if doc[j].text == "," and doc[j + 1].lower_ in ("et", "and", "ou", "or") and doc[j + 2].lower_ == prep:
                found = mention_at.get(j + 3)
                if found is None or not found.is_organisation or found.start != j + 3:
                    return []
                return [found, *self._listed_after(doc, j + 3, mention_at)]
        return []

    @staticmethod
    def _dont(anchor: Token) -> list[Token]:
        """Return the antecedent of "dont" in the relative clause the trigger belongs to."""
        clause = anchor
        while clause.dep_ not in ("acl:relcl", "relcl") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ not in ("acl:relcl", "relcl"):
            return []
        for token in clause.subtree:
            if token.lower_ == "dont" and token.i < anchor.i:
                return [clause.head]
        return []


def _under_description(hit: Token, top: Token, mention_at: dict[int, Mention]) -> bool:
    """Say whether ``hit`` lies in the complement of an unnamed apposition below ``top`` ("la filiale de GM")."""
    node = hit.head
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "appos" and node.pos_ == "NOUN" and node.i not in mention_at:
            return True
        node = node.head
    return False
