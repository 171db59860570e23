"""Who makes a technology: the company a technology phrase describes.

:class:`TechnologyHolders` is a mixin of
:class:`~alliance_kg.nlp.facts.DescriptionFacts`: "battery maker SK On",
"Toyota's hybrid system", "le fabricant de batteries CATL", "ACC, la
coentreprise de batteries de Stellantis", "le système e-Power de Nissan",
"sa filiale de voitures autonomes Cruise" each name the organisation that
develops the technology. It reads the holder nouns, participles and
technology nouns of the lexicon (set by ``DescriptionFacts``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from alliance_kg.kb import normalize
from alliance_kg.nlp.doctable import doc_lowers, doc_parsed, doc_texts, doc_tokens, token_children
from alliance_kg.nlp.anaphora import previous_subject
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.spans import GENITIVE_MARKS, name_after_adjectives

CLAUSE_WORDS = ("which", "who", "whose", "that", "and", "but", "qui", "que", "dont", "et", "mais")


class TechnologyHolders:
    """Mixin: the organisation a technology phrase describes."""

    def _holder(self, tech: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the organisation a technology phrase describes, if any."""
        doc = tech.doc
        # "battery maker SK On", "EV maker", "software unit": technology then holder noun
        nxt = tech.end
        while nxt < tech.sent.end and doc_lowers(doc)[nxt] in ("-", "joint"):
            if doc_texts(doc)[nxt] == "-" and nxt + 2 < tech.sent.end and doc_lowers(doc)[nxt + 1].endswith("ing"):
                nxt += 1  # "battery-making arm": step over the participle too
            nxt += 1
        holder_end = self._holder_end(doc, nxt, tech.sent.end)
        if holder_end:
            return self._referent(doc_tokens(doc)[nxt], mention_at, holder_end)
        # "Toyota's hybrid system", "Xpeng's software platform": a genitive before a technology noun
        after = tech.end
        if after + 2 < tech.sent.end and doc_lowers(doc)[after] in ("and", "or"):
            # "Mercedes-Benz's hybrid and electric technology": the noun after the second technology word
            after = mention_at[after + 1].end if after + 1 in mention_at else after + 2
        follows = doc_lowers(doc)[after] if after < len(doc) else ""
        for i in range(tech.start - 1, max(tech.sent.start, tech.start - 3) - 1, -1):
            word = doc_lowers(doc)[i]
            if (
                word in ("'s", "’s")
                and i - 1 in mention_at
                and mention_at[i - 1].is_organisation
                and (follows in self.tech_nouns or doc_lowers(doc)[tech.end - 1] in self.tech_nouns)
            ):  # "Toyota's hybrid technology" is one technology mention
                return mention_at[i - 1]
            if doc_tokens(doc)[i].is_punct:
                break
        named = self._named_after(tech, mention_at)
        if named is not None:
            return named
        before = mention_at.get(tech.start - 1)
        if (
            not self.adjective_after
            and before is not None
            and before.end == tech.start
            and before.is_organisation
            and before.kind != "NewsAgency"
            and self._compound_closes(doc, before.start, tech.end)
        ):
            return before  # "ran on Microsoft software", "Nvidia computers": a name compounded with the technology
        noun = self._holder_noun_before(tech)
        if noun is not None:  # "ACC, la coentreprise de batteries de Stellantis": ACC, not the owner after it
            referent = self._referent(noun, mention_at)
            if referent is not None:
                return referent
        if doc_parsed(doc):
            return self._parsed_holder(tech, mention_at)
        # "a maker of batteries": holder, preposition, technology; "a developer of solid-state batteries":
        # with words between
        before = [t for t in doc_tokens(doc)[max(tech.sent.start, tech.start - 3) : tech.start]]
        for token in reversed(before):
            if normalize(token.text) in self.holders:
                return self._referent(token, mention_at)
        if tech.start < 1 or doc_texts(doc)[tech.start - 1] == "-":
            return None  # "the salt-to-software conglomerate": a compound, not the technology
        k = tech.start - 1
        while k > tech.sent.start + 1 and tech.start - k <= 6 and (
            doc_texts(doc)[k] == "-" or not doc_tokens(doc)[k].is_punct
        ) and doc_lowers(doc)[k] != "of" and k not in mention_at:
            k -= 1
        if doc_lowers(doc)[k] == "of" and normalize(doc_texts(doc)[k - 1]) in self.holders:
            return self._referent(doc_tokens(doc)[k - 1], mention_at)
        return None

    def _compound_closes(self, doc: Doc, start: int, end: int) -> bool:
        """Say whether "Name technology" at ``start:end`` is a whole noun phrase: no possessive before it ("its
        Android Automotive software": a product) and no noun after it ("GM software managers")."""
        lowers = doc_lowers(doc)
        if start > 0 and (lowers[start - 1] in ("'s", "’s") or lowers[start - 1] in self.singular_possessives):
            return False
        return self._phrase_ends(doc, end, head_noun=False)

    def _phrase_ends(self, doc: Doc, end: int, head_noun: bool = True) -> bool:
        """Say whether a noun phrase ends before ``end`` (a punctuation mark or a function word follows), over a
        plural head noun that names no business ("fuel-cell modules to", not "battery operations")."""
        word = doc_lowers(doc)[end] if end < len(doc) else ""
        plural = word.endswith("s") and word.isalpha()
        if head_noun and plural and word not in self.unit_words and word not in self.function_words:
            end += 1
        return end >= len(doc) or not doc_texts(doc)[end].isalpha() or doc_lowers(doc)[end] in self.function_words

    def _possessor(self, doc: Doc, tech: Mention) -> Mention | None:
        """Return the company a singular possessive before the technology stands for: "its electric vehicles",
        « ses futurs véhicules électriques » (the guidelines' « sa technologie hybride e-Power»)."""
        if tech.start < 1:
            return None
        k = tech.start - 1
        while k > tech.start - 3 and k > 0 and doc_lowers(doc)[k].isalpha() and doc_texts(doc)[k].islower() and (
            doc_lowers(doc)[k] not in self.function_words and doc_lowers(doc)[k] not in self.singular_possessives
        ):
            k -= 1  # "its new electric vehicles", « ses futurs véhicules électriques »
        if doc_lowers(doc)[k] not in self.singular_possessives:
            return None
        sent = doc_tokens(doc)[k].sent
        guards = self.negating_words
        if self._phrase_ends(doc, tech.end):
            guards = guards - self.selling_words  # "sells its own fuel-cell modules": its products, not a unit sold
        if any(t.lower_ in guards or t.lemma_ in guards for t in sent):
            # "shelved its hydrogen cars", "no longer develops": a fact of the article's voice is never negated, so
            # none where a negation may be; "buys cells for its batteries": another company makes them
            return None
        found = previous_subject(doc, k, doc._.mentions or [])
        if found is None or found.start < sent.start or not found.is_organisation or found.kind == "NewsAgency":
            return None  # "At its battery plant, Ford ...": no company named before it in the sentence
        return found if found.iri != tech.iri else None

    def _with_listed(
        self, doc: Doc, tech: Mention, holder: Mention | None, mention_at: dict[int, Mention]
    ) -> list[Mention]:
        """Return the holder, and the names listed after it when a plural holder noun comes first
        ("battery makers LG Energy Solution and SK On")."""
        if holder is None:
            return []
        found = [holder]
        if holder.start < 1 or holder.end < 0:
            return found
        at = holder.start - 1
        for opener in self.list_openers:  # "electric-car makers such as Tesla and Rivian"
            words = opener.split()
            if at - len(words) >= 0 and doc_lowers(doc)[at - len(words) + 1 : at + 1] == words:
                at -= len(words)
                break
        if at == tech.end - 1 and tech.start >= 2 and doc_lowers(doc)[tech.start - 1] in ("de", "d'", "d’", "of"):
            at = tech.start - 2  # "les fabricants de batteries CATL et BYD"
        word = doc_lowers(doc)[at]
        plural = word.endswith(("s", "x")) and (normalize(word[:-1]) in self.holders or normalize(word) in self.holders)
        if not plural:
            return found
        i = holder.end
        while i + 1 < len(doc) and doc_lowers(doc)[i] in (",", "and", "et"):
            i += 2 if doc_texts(doc)[i] == "," and doc_lowers(doc)[i + 1] in ("and", "et") else 1
            listed = mention_at.get(i)
            if listed is None or listed.start != i or not listed.is_organisation:
                break
            found.append(listed)
            i = listed.end
        return found

    def _holder_end(self, doc: Doc, i: int, end: int) -> int:
        """Return the end of the holder noun at ``i`` ("maker", "start-up" split in three tokens), or 0."""
        if i >= end:
            return 0
        if (
            i + 2 < end and doc_texts(doc)[i + 1] == "-"
            and normalize(doc[i : i + 3].text.replace(" ", "")) in self.holders
        ):
            return i + 3
        return i + 1 if normalize(doc_texts(doc)[i]) in self.holders else 0

    def _holder_noun_before(self, tech: Span) -> Token | None:
        """Return the holder noun of "holder [adj] de TECH" ("la coentreprise de batteries"), if any."""
        doc = tech.doc
        before = tech.start - 1
        if before < tech.sent.start + 1 or doc_lowers(doc)[before] not in ("de", "d'", "d’", "du", "des", "of"):
            return None
        holder = before - 1
        while holder > tech.sent.start and doc_tokens(doc)[holder].pos_ == "ADJ":
            holder -= 1
        word = doc_tokens(doc)[holder]
        if normalize(word.text) in self.holders or normalize(word.lemma_) in self.holders:
            return doc_tokens(doc)[holder]
        return None

    def _named_after(self, tech: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the name after "holder de TECH": "le fabricant de batteries CATL", "sa filiale de voitures
        autonomes Cruise" (the parse often hangs the name on the technology)."""
        if self._holder_noun_before(tech) is None:
            return None
        return name_after_adjectives(tech.doc, tech.end, tech.sent.end, mention_at)

    def _parsed_holder(self, tech: Span, mention_at: dict[int, Mention]) -> Mention | None:
        owner = self._genitive_owner(tech, mention_at)
        if owner is not None:
            return owner
        token = tech.root
        for _ in range(4):
            if (
                token.dep_ not in ("nmod", "obl", "obl:arg", "obl:mod", "amod", "compound", "conj", "acl")
                or token.head.i == token.i
            ):
                return None
            head = token.head
            if token.dep_ == "conj":
                token = head
                while token.dep_ in ("amod", "flat", "compound") and token.head.i in mention_at and (
                    mention_at[token.head.i].kind == "Technology"
                ):
                    token = token.head  # "aux moteurs thermiques et hybrides": from "hybrides" to "moteurs"
                continue
            if normalize(head.text) in self.participles or normalize(head.lemma_) in self.participles:
                token = head  # "consacrée aux véhicules électriques": go on to the noun it qualifies
                continue
            if normalize(head.lemma_) in self.holders or normalize(head.text) in self.holders:
                return self._referent(head, mention_at)
            return None
        return None

    def _genitive_owner(self, tech: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the company a technology belongs to: "le système e-Power de Nissan", "les batteries Ultium de GM"."""
        doc = tech.doc
        nodes = [tech.root]
        if tech.root.head.i != tech.root.i and normalize(tech.root.head.text) in self.tech_nouns:
            nodes.append(tech.root.head)  # "le système e-Power de Nissan": "de Nissan" may hang on "système"
        for node in nodes:
            for child in token_children(node):
                if child.dep_ in ("nmod", "obl") and child.i > tech.start and child.i in mention_at:
                    mention = mention_at[child.i]
                    words = [c.lower_ for c in token_children(child) if c.dep_ == "case"]
                    if mention.is_organisation and words and words[0] in ("de", "d'", "du"):
                        return mention
        i = tech.end
        while i < min(len(doc), tech.end + 2) and doc_texts(doc)[i][:1].isupper() and i not in mention_at:
            i += 1  # "les batteries Ultium de GM": a product name between
        if i + 1 < len(doc) and doc_lowers(doc)[i] in ("de", "d'") and i + 1 in mention_at:
            mention = mention_at[i + 1]  # the parse hung it elsewhere
            return mention if mention.is_organisation else None
        return None

    def _referent(self, noun: Token, mention_at: dict[int, Mention], noun_end: int = 0) -> Mention | None:
        """Return the organisation a holder noun ("constructeur", "maker") stands for."""
        doc = noun.doc
        noun_end = noun_end or noun.i + 1
        if noun.i in mention_at and mention_at[noun.i].is_organisation:
            return mention_at[noun.i]
        if (
            doc_parsed(doc)
            and noun.dep_ == "appos"
            and noun.head.i in mention_at
            and mention_at[noun.head.i].is_organisation
        ):
            return mention_at[noun.head.i]
        # "X, a battery maker": the name before the comma; "battery maker SK On": the name right after
        j = noun.i - 1
        while j > noun.sent.start and doc_lowers(doc)[j] not in (",", "(", *CLAUSE_WORDS) and (
            not self._org_at(j, mention_at) or doc_lowers(doc)[j + 1] in GENITIVE_MARKS
        ):
            j -= 1  # "Cariad, Volkswagen's software unit": the possessor is not the referent
        if (
            j > noun.sent.start
            and doc_texts(doc)[j] == ","
            and doc_lowers(doc)[j + 1] not in CLAUSE_WORDS
            and j - 1 in mention_at
            and mention_at[j - 1].is_organisation
        ):
            return mention_at[j - 1]
        i = noun_end
        if i < len(doc) and i in mention_at and mention_at[i].is_organisation:
            return mention_at[i]
        if doc_parsed(doc):
            for child in token_children(noun):
                if (
                    child.dep_ in ("appos", "flat:name")
                    and child.i in mention_at
                    and mention_at[child.i].is_organisation
                ):
                    return mention_at[child.i]
            if noun.dep_ in ("acl", "amod") and noun.head.i in mention_at:
                return mention_at[noun.head.i]
        return None  # "sa filiale de voitures autonomes": the unit, not its owner, makes it

    @staticmethod
    def _org_at(i: int, mention_at: dict[int, Mention]) -> bool:
        return i in mention_at and mention_at[i].is_organisation
