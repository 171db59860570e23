"""Argument frames of English read from word order: stakes, purchases, technologies, partners.

:class:`EnglishFrames` reads who holds, buys, supplies or shares what:
genitive frames ("Cariad, Volkswagen's software unit", "Nissan is
Mitsubishi Motors' largest shareholder"), reversed frames ("Toyota controls
Hino", "CATL's customers include BMW", "buys cells from CATL" but not
"bought Jaguar Land Rover from Ford"), nominalised verbs ("Geely's
acquisition of Volvo", "the takeover of Nissan by Foxconn"), possessives
("its software unit Cariad"), stakes ("in Xpeng for a 4.99% stake",
"48 billion yen of Toyota shares", "buy Renault's stake in Nissan"),
"use Y's technology", and partners named through a relative clause, a close
"with" or a hyphen ("the Dongfeng-Nissan joint venture").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.lexicon import Trigger
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.surface import COPULAS
from alliance_kg.nlp.surface_en_phrases import (
    CLAUSE_STOPS,
    POSSESSIVE_DETERMINERS,
    PRONOUNS,
    STAKE_GOVERNORS,
    STAKE_NOUNS,
    EnglishPhrases,
)


class EnglishFrames(EnglishPhrases):
    """Argument frames for the English surface reader (see the module docstring)."""

    def _nominal_arguments(
        self, span: Span, trig: Trigger, mention_at: dict[int, Mention], owner: Mention | None
    ) -> tuple[list[Mention], list[Mention]] | None:
        """Read a nominalised verb: "Geely's acquisition of Volvo", "the takeover of Nissan by Foxconn".

        Only for triggers whose object is an "of" phrase and whose possessor is
        not the object (a unit, a partner): the genitive or the "by" phrase is
        then the agent.
        """
        if "of" not in trig.object_roles or "poss" in trig.object_roles:
            return None
        tail = self.tail(span, mention_at)
        objects = [m for m, prep in tail if prep == "of" and m.is_organisation]
        if not objects:
            return None
        agents = [m for m, prep in tail if prep == "by" and "by" in trig.subject_roles]
        if not agents and owner is not None and span.start - owner.end <= 3:
            agents = [owner]
        return (agents, objects) if agents else None

    def _genitive_frame(
        self, owner: Mention, span: Span, mention_at: dict[int, Mention], left: list[Mention]
    ) -> tuple[list[Mention], list[Mention]]:
        """Read "Cariad, Volkswagen's unit", "Volkswagen's unit Cariad", "Nissan is Mitsubishi Motors' shareholder"."""
        doc, sent = span.doc, span.sent
        named = self.appositive_name(doc[owner.start : span.end], mention_at)
        tail = self.tail(span, mention_at)[:2]
        if len(tail) == 2 and tail[0][0].kind == "Country" and self.is_genitive_at(doc, tail[0][0].end):
            tail = tail[1:]  # "Uber's largest shareholder, Japan's SoftBank Group": the country is SoftBank's
        following = [m for m, prep in tail[:1] if prep is None]
        # "Nissan is Mitsubishi Motors' largest shareholder": the copula right before the genitive
        copula = self._copula_before(owner.start, sent)
        subjects = (
            self.listed_before(doc, named, mention_at, span)
            if named is not None
            else following or ([m for m in left if m.iri != owner.iri] if copula else [])
        )
        return (subjects, [owner]) if subjects else (left, [])

    def _copula_before(self, at: int, sent: Span) -> bool:
        """Say whether a copula stands before ``at`` over a few filler words ("is one of", "remains among")."""
        lowers = doc_lowers(sent.doc)
        k = at - 1
        while k > sent.start and at - k <= 4 and lowers[k] in self.copula_fillers:
            k -= 1
        return k >= sent.start and lowers[k] in COPULAS

    def _reversed(self, span: Span, trig: Trigger, mention_at) -> tuple[list[Mention], list[Mention]]:
        """Return the arguments of a frame whose grammatical subject is the object ("Toyota controls Hino")."""
        doc, sent = span.doc, span.sent
        tail = self.tail(span, mention_at)
        subjects = [
            m for m, prep in tail if prep in trig.subject_roles or (prep is None and "obj" in trig.subject_roles)
        ]
        owner = self._genitive_owner(span, mention_at)
        left = self.left_group(span.start, sent, mention_at)
        if owner is not None and "poss" in trig.subject_roles:  # "Waymo's parent Alphabet", "CATL's customers include"
            named = self.appositive_name(doc[owner.start : span.end], mention_at)
            following = [m for m, prep in tail if prep is None and m.is_organisation]
            copula = self._copula_before(owner.start, sent)
            objects = self.listed_before(doc, named, mention_at, span) if named is not None else following or (
                left if copula else []
            )
            return [owner], [m for m in objects if m.iri != owner.iri]
        if "from" in trig.subject_roles and not self._bought_goods(span, tail, mention_at):
            return [], []  # "bought Jaguar Land Rover from Ford", "bought a stake from Renault": no supply
        return subjects, left

    def _possessive_frame(self, span, trig, mention_at, mentions, subjects, objects):
        """Read "its software unit Cariad", "its Cruise unit", "LG, its partner in ..."."""
        at = self._possessive(span, mention_at)
        if at is None:
            return subjects, objects
        doc = span.doc
        named = self._between(at + 1, span, mention_at) or [
            m for m, prep in self.tail(span, mention_at)[:1] if prep is None
        ]
        if not named and at - 1 > span.sent.start and doc_texts(doc)[at - 1] == "," and at - 2 in mention_at:
            named = [mention_at[at - 2]]  # "LG Energy Solution, its partner in ..."
        if not named:
            copula = any(t.lower_ in COPULAS for t in doc_tokens(span.doc)[span.sent.start : at])
            return (subjects, objects) if not copula else (subjects, [])
        owner = self._owner_of_possessive(at, span, mention_at, mentions, named)
        return (named, [owner]) if owner is not None else (subjects, objects)

    def _possessor_after(self, span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return Y in "makes Y's chips", "produces the Y's body": the name in the genitive right after the verb."""
        doc, k = span.doc, span.end
        while k < span.sent.end and doc_lowers(doc)[k] in ("the", "a", "an"):
            k += 1
        named = mention_at.get(k)
        if named is None or not named.is_organisation or named.start != k:
            return []
        return [named] if self.is_genitive_at(doc, named.end) else []

    def _compound_object(self, span: Span, mention_at: dict[int, Mention], subjects: list[Mention]) -> list[Mention]:
        """Return Y in "buys 48 billion yen of Y shares", "holds Y shares" (a name compounded with the stake noun)."""
        doc = span.doc
        before = mention_at.get(span.start - 1)
        if before is None or not before.is_organisation or before in subjects or span.text.lower() not in STAKE_NOUNS:
            return []
        governor = doc_lowers(doc)[before.start - 1] if before.start > span.sent.start else ""
        return [before] if governor in STAKE_GOVERNORS else []

    def _compound_owner(self, span: Span, mention_at: dict[int, Mention], subjects: list[Mention]):
        """Return (X, [Y]) for "X, the Y unit": a name compounded before the noun owns what it describes."""
        doc = span.doc
        owner = mention_at.get(span.start - 1)
        if owner is None or not owner.is_organisation or owner.start - 1 < span.sent.start:
            return subjects, []
        if doc_lowers(doc)[owner.start - 1] not in ("the", "a", "an"):
            return subjects, []
        named = self.appositive_name(doc[owner.start - 1 : span.end], mention_at)
        if named is None or not named.is_organisation or named.iri == owner.iri:
            return subjects, []
        return [named], [owner]

    def _stake_bought_with(self, span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return Y in "invest ... in Y for a 4.99% stake" (the stake's company named before "for")."""
        doc, sent = span.doc, span.sent
        if span.text.lower() not in STAKE_NOUNS:
            return []
        i = span.start - 1
        while i > sent.start and doc_lowers(doc)[i] != "for" and span.start - i < 7:
            i -= 1
        if doc_lowers(doc)[i] != "for":
            return []
        for j in range(i - 1, max(sent.start, i - 12), -1):
            if doc_lowers(doc)[j] in CLAUSE_STOPS:
                return []
            if j in mention_at and mention_at[j].is_organisation:
                k = mention_at[j].start - 1  # "in Chinese electric-vehicle maker Xpeng for a stake"
                while k > max(sent.start, mention_at[j].start - 8) and doc_lowers(doc)[k] not in ("in", "into"):
                    other = mention_at.get(k)
                    if doc_lowers(doc)[k] in CLAUSE_STOPS or (
                        other and other.is_organisation and other.iri != mention_at[j].iri
                    ):
                        return []
                    k -= 1
                return [mention_at[j]] if doc_lowers(doc)[k] in ("in", "into") else []
        return []

    def _bought_goods(self, span: Span, tail: list[tuple[Mention, str | None]], mention_at) -> bool:
        """Return True when the words between a purchase verb and "from" are goods ("buys cells from CATL")."""
        doc = span.doc
        source = next((m for m, prep in tail if prep == "from"), None)
        if source is None:
            return False
        between = doc[span.end : source.start]
        stake_words = self.lexicon.cues("en", "stake_words", raw=True)
        return not any(
            (t.i in mention_at and mention_at[t.i].is_organisation)
            or (t.lower_ in PRONOUNS and t.lower_ not in POSSESSIVE_DETERMINERS)  # "buys cells for its I-Pace from LG"
            or t.lower_ in stake_words
            for t in between
        )

    def _stake_company(self, seller: Mention, doc: Doc, mention_at: dict[int, Mention]) -> Mention | None:
        """Return Y in "Renault's [43%] stake in Y" after a purchase verb (the seller is not what is bought)."""
        if not self.is_genitive_at(doc, seller.end):
            return None
        i = seller.end + 1
        while i < len(doc) and i - seller.end < 6 and doc_lowers(doc)[i] not in STAKE_NOUNS:
            i += 1
        if (
            i >= len(doc)
            or doc_lowers(doc)[i] not in STAKE_NOUNS
            or i + 2 >= len(doc)
            or doc_lowers(doc)[i + 1] not in ("in", "of")
        ):
            return None
        company = mention_at.get(i + 2)
        return company if company is not None and company.is_organisation else None

    @staticmethod
    def _near_stake(span: Span, company: Mention) -> bool:
        """Return True when ``company`` is the stake's own complement ("a stake of roughly 16% in the company").

        "its share of a battery plant in Lansing, ..., in the Ultium Cells joint
        venture" is no stake in Ultium Cells: the preposition must follow the
        stake noun closely and the name follow the preposition closely.
        """
        doc = span.doc
        prep = next(
            (k for k in range(company.start - 1, span.end - 1, -1) if doc_lowers(doc)[k] in ("in", "into", "of")), None
        )
        return prep is not None and prep - span.end <= 5 and company.start - prep <= 3

    def _named_heads(self, objects: list[Mention], doc: Doc) -> list[Mention]:
        """Drop a genitive whose head is itself named among the objects ("an investment in Renault's Ampere").

        For stakes, investments and purchases only: supplying "the group's Audi
        brand" supplies the group too.
        """
        return [
            m
            for m in objects
            if not (
                self.is_genitive_at(doc, m.end)
                and any(o.is_organisation and m.end < o.start <= m.end + 5 for o in objects)
            )
        ]

    def _used_technology(self, span: Span, mention_at: dict[int, Mention]) -> tuple[list[Mention], list[Mention]]:
        """Read "Subaru will use Toyota's hybrid system": the owner shares the technology with the user."""
        doc, sent = span.doc, span.sent
        tail = self.tail(span, mention_at)[:2]
        if len(tail) < 2 or tail[0][1] is not None or tail[1][1] is not None:
            return [], []
        owner, tech = tail[0][0], tail[1][0]
        if not owner.is_organisation or tech.kind != "Technology" or not self.is_genitive_at(doc, owner.end):
            return [], []
        users = self.left_group(span.start, sent, mention_at)
        return ([owner], [tech]) if users and owner not in users else ([], [])

    def _relative_partners(self, span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return partners named through a relative clause around a symmetric trigger.

        "Mazda, with which it is building a joint-venture plant" gives Mazda;
        "Foxtron, a joint venture in which Foxconn holds 51% and Yulon 49%"
        gives Foxconn and Yulon.
        """
        doc, sent = span.doc, span.sent
        found: list[Mention] = []
        for i in range(span.start - 1, max(sent.start, span.start - 12), -1):
            word = doc_lowers(doc)[i]
            if word in ("which", "whom"):
                antecedent = self.antecedent(i, sent, mention_at) if doc_lowers(doc)[i - 1] == "with" else None
                found += [antecedent] if antecedent is not None else []
                break
            if word in CLAUSE_STOPS or word == ";":
                break
        if doc_lowers(doc)[span.end : span.end + 2] == ["in", "which"]:
            k = span.end + 2
            while (
                k < min(sent.end, span.end + 25)
                and doc_texts(doc)[k] not in (";", ".")
                and doc_lowers(doc)[k] not in CLAUSE_STOPS
            ):
                if doc_texts(doc)[k] == "," and k + 1 < sent.end and doc_lowers(doc)[k + 1] in ("and", "but"):
                    break  # "..., and would be assembled in Taiwan": the relative clause has ended
                mention = mention_at.get(k)
                if mention is not None and mention.is_organisation and mention not in found:
                    found.append(mention)
                k = mention.end if mention is not None else k + 1
                if mention is not None and self._apposition_follows(doc, k, sent.end):
                    # "in which Samsung SDI, the battery arm of Samsung, holds 51% and Stellantis, the maker of Jeep"
                    k = self._list_resumes(doc, k, sent.end, mention_at)
        return found

    def _with_partners(self, span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the names after a "with" that follows the trigger closely ("a deal with X and Y", "a memorandum of
        understanding with X", "its battery venture in Japan with Panasonic")."""
        doc, sent = span.doc, span.sent
        at = next((k for k in range(span.end, min(sent.end, span.end + 4)) if doc_lowers(doc)[k] == "with"), None)
        if at is None:
            return []
        return [m for m, prep in self.tail(doc[at : at + 1], mention_at) if prep is None and m.is_organisation]

    def _hyphenated_names(self, span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the names compounded before a trigger ("the Dongfeng-Nissan joint venture", "Honda-GM fuel cell")."""
        doc, sent = span.doc, span.sent
        i = span.start - 1
        while (
            i > sent.start
            and span.start - i < 4
            and (
                (i in mention_at and not mention_at[i].is_organisation)
                or (i not in mention_at and doc_tokens(doc)[i].is_lower)
            )
        ):
            i -= 1  # "Honda-GM fuel cell joint venture": step over the modifiers
        names: list[Mention] = []
        while i >= sent.start and i in mention_at and mention_at[i].is_organisation:
            mention = mention_at[i]
            names.insert(0, mention)
            j = mention.start - 1
            if j <= sent.start or doc_texts(doc)[j] not in ("-", "/", "–") or j - 1 not in mention_at:
                break
            i = j - 1
        return names if len(names) > 1 else []
