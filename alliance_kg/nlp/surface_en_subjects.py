"""Subjects of English clauses read from word order: relatives, reported speech, pronouns, coordination.

:class:`EnglishSubjects` gives :class:`~alliance_kg.nlp.surface_en.EnglishSurfaceReader`
the subject of the clause a trigger is in:

- "LG, which also supplies Tesla, signed ...": the antecedent of a relative
  clause closed by a comma; "it" inside ", which ..." is that antecedent;
- "..., and its unit Cariad set up ...": a new subject after ", and"; "...
  from Qualcomm, and it signed ...": "it" is no name after a preposition;
- "Renault said Nissan would invest": the reported clause's own subject
  ("Nissan told Reuters it ..." makes Reuters the hearer);
- "Stellantis and Taiwan's Foxconn": a country's genitive inside a
  coordination; "It took a stake in X": a sentence-opening pronoun is not a
  name further on.
"""

from __future__ import annotations

from spacy.tokens import Span

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.lexicon import Lexicon
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.surface_bounds import APPOSITION_DETERMINERS
from alliance_kg.nlp.surface_en_phrases import CLAUSE_STOPS, passive_adverb
from alliance_kg.nlp.surface_en_qualify import EnglishQualifying

NO_SUBJECT = Mention(-1, -1, "", "", "Organisation", via="none")  # a clause whose subject is not named
DETERMINERS = ("the", "a", "an")
TIME_ADVERBS = frozenset({"now", "already", "still", "long", "once", "today", "since"})


class EnglishSubjects(EnglishQualifying):
    """Clause subjects for the English surface reader (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, lang: str = "en") -> None:
        super().__init__(lexicon, lang)
        self.reporting_words = lexicon.cues(lang, "speech_verbs", raw=True) | lexicon.cues(
            lang, "announcement_verbs", raw=True
        )

    def _pronoun_opens_clause(self, first: Mention, sent: Span) -> bool:
        """Return True when "it"/"they" opens the sentence before its first name ("It took a stake in X").

        Not when the name opens a reported clause ("It said Renault would ...").
        """
        doc = sent.doc
        words = [t.lower_ for t in doc_tokens(doc)[sent.start : first.start] if not t.is_space]
        stops = {",", ";", "and", "but", *self.reporting_words}
        return bool(words) and words[0] in ("it", "they") and not any(w in stops for w in words)

    def _reported_clause_subject(
        self, group: list[Mention], start: int, sent: Span, mention_at: dict[int, Mention]
    ) -> list[Mention]:
        """Return the subject of a reported clause: "Renault said Nissan would invest in Ampere" -> Nissan."""
        if not group:
            return []
        doc = sent.doc
        for k in range(group[-1].end, start):
            if doc_lowers(doc)[k] not in self.reporting_words or doc_texts(doc)[k - 1] in (",", '"', "”"):
                continue
            if doc_lowers(doc)[k] in ("told", "tell", "tells"):
                return []  # "Nissan told Reuters it would ...": the name after it is the hearer
            i = k + 1
            while i < start and i - k <= 5 and i not in mention_at and doc_texts(doc)[i] != ",":
                i += 1  # "said on Monday that Nissan ..."
            mention = mention_at.get(i)
            if i < start and mention is not None and mention.is_organisation and mention.start == i:
                return self._through_country_genitives([mention], start, doc, mention_at)
            return []
        return []

    def _through_country_genitives(
        self, group: list[Mention], start: int, doc, mention_at: dict[int, Mention]
    ) -> list[Mention]:
        """Continue a coordinated group past a country's genitive: "Stellantis and Taiwan's Foxconn set up ...".

        The country is a modifier of the name after it ("China's state-owned
        FAW"), not a member of the group.
        """
        group = list(group)
        while group:
            i = group[-1].end
            if i >= start or doc_lowers(doc)[i] not in ("and", ","):
                return group
            j = i
            while j < start and doc_lowers(doc)[j] in ("and", ","):
                j += 1
            country = mention_at.get(j)
            if country is not None and country.is_organisation and country not in group and j < start:
                group.append(country)  # the coordination goes on after the country's name
                continue
            if country is None or country.kind != "Country" or not self.is_genitive_at(doc, country.end):
                return group
            k = country.end + 1
            toks = doc_tokens(doc)
            while k < min(start, country.end + 4) and k not in mention_at and (toks[k].is_lower or toks[k].text == "-"):
                k += 1  # "China's state-owned FAW"
            named = mention_at.get(k)
            if k >= start or named is None or not named.is_organisation or named in group:
                return group
            group.append(named)
        return group

    def _pronoun_subject(self, words: Span, sent: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return what "it"/"they" stands for; "they" is the sentence's first group ("X and Y said they ...")."""
        if self.speaker is not None and any(t.lower_ == "we" for t in words):
            return [self.speaker]  # '"We will work with Toyota," BMW's chief executive said'
        found = super()._pronoun_subject(words, sent, mention_at)
        doc = sent.doc
        if found and any(t.lower_ == "it" for t in words):
            for k in range(words.start - 1, found[0].end, -1):
                if doc_lowers(doc)[k] in ("which", "who") and doc_texts(doc)[k - 1] == ",":
                    # "X owns 40% of Y, which has owned Z since it bought it": "it" is Y, the relative's antecedent
                    antecedent = mention_at.get(k - 2)
                    found = [antecedent] if antecedent is not None and antecedent.is_organisation else []
                    break
        if not found or not any(t.lower_ == "they" for t in words):
            return found
        group, i = list(found), found[0].end
        while i + 1 < words.start and doc_lowers(doc)[i] in ("and", ",") and i + 1 in mention_at:
            nxt = mention_at[i + 1]
            if not nxt.is_organisation or nxt in group:
                break
            group.append(nxt)
            i = nxt.end
        return group

    def _closed_relative(self, start: int, sent: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return X when the trigger follows "X, which ..., VERB": the relative clause closed by a comma."""
        doc = sent.doc
        comma: int | None = None
        for i in range(start - 1, max(sent.start, start - 30) - 1, -1):
            word = doc_lowers(doc)[i]
            if i in mention_at:
                after_prep = mention_at[i].start > sent.start and doc[mention_at[i].start - 1].lower_ in self.preps
                if comma is None and not after_prep:
                    return None  # a name after the last comma: the trigger's own clause has a subject
                continue
            if word == "," and comma is None:
                comma = i
            elif (
                comma is not None and doc_texts(doc)[i - 1] == "," and i - 2 in mention_at
                and mention_at[i - 2].is_organisation and (word.endswith("ed") or word in self.irregular_participles)
            ):
                return mention_at[i - 2]  # "Aurora, founded in 2017 by veterans of Google, is backed by ...": Aurora
            elif word in ("which", "who", "that"):
                if comma is None or i < sent.start + 2:
                    return None
                if doc[i - 1].text == "," and word != "that":
                    found = self.antecedent(i, sent, mention_at)
                    # "Exor, the Agnelli family's holding company, which owns 27% of Iveco": past the apposition
                    return found or self.apposition_head(i - 1, sent, mention_at)
                j = i - 1  # "Geely, the Chinese group that also owns Volvo Cars, holds ...": the apposition's name
                while j > sent.start and i - j < 6 and doc[j].text != "," and doc[j].is_alpha:
                    if j in mention_at:
                        compound = mention_at[j]  # "Waymo, the Alphabet unit that ...": the owner before the noun
                        if compound.via == "description" or doc_lowers(doc)[compound.start - 1] not in DETERMINERS:
                            break
                        j = compound.start
                    j -= 1
                if j in mention_at and mention_at[j].via == "description":
                    return mention_at[j]  # "the Chinese group" already stands for Geely
                if doc[j].text == "," and j - 1 in mention_at and doc[j + 1].lower_ in ("the", "a", "an"):
                    return mention_at[j - 1]
                return None
            elif word in CLAUSE_STOPS:
                return None
        return None

    def _after_coordinated_clause(
        self, group: list[Mention], start: int, sent: Span, mention_at: dict[int, Mention]
    ) -> list[Mention]:
        """Return the subject of a clause after ", and" ("..., and its unit Cariad set up a venture")."""
        doc = sent.doc
        for k in range(start - 1, group[-1].end, -1):
            if doc_lowers(doc)[k] in ("and", "but") and doc_texts(doc)[k - 1] == ",":
                i = k + 1
                while i < start and (
                    (i in mention_at and not mention_at[i].is_organisation)
                    or (i not in mention_at and (doc_tokens(doc)[i].is_lower or doc_texts(doc)[i] == "-"))
                ):
                    i += 1
                mention = mention_at.get(i)
                if i < start and mention is not None and mention.is_organisation:
                    return [mention]
                clause = doc[k + 1 : start]
                if self._after_preposition(group[0], sent, mention_at) and any(
                    t.lower_ in ("it", "they") for t in clause
                ):
                    # "... buys chips from Qualcomm, and in January it signed ...": "it" is not Qualcomm
                    named = [
                        m
                        for i, m in sorted(mention_at.items())
                        if sent.start <= i < k
                        and i == m.start
                        and m.is_organisation
                        and not self._after_preposition(m, sent, mention_at)
                    ]
                    return named[:1] or [NO_SUBJECT]
                return self._the_two(start, sent, mention_at)  # "..., and the two companies will jointly develop"
        return []

    def _object_of_coordinated_verb(self, group: list[Mention], start: int, sent: Span) -> int | None:
        """Return where the verb is whose object the group is, when "and" then joins the trigger verb to it
        ("owns Volvo Cars and controls Polestar"); None otherwise."""
        lowers = doc_lowers(sent.doc)  # each word's lower_: no Span, no Token per word
        between = [w for w in lowers[group[-1].end : start] if w not in ("also", "now", "still")]
        verb = group[0].start - 1
        if between != ["and"] or verb <= sent.start or lowers[verb] not in self.verb_forms:
            return None
        return verb

    def _after_preposition(self, mention: Mention, sent: Span, mention_at: dict[int, Mention]) -> bool:
        """Return True when a preposition governs ``mention`` ("from US chipmaker Qualcomm")."""
        doc, i = sent.doc, mention.start - 1
        while i > sent.start and mention.start - i <= 4 and doc_lowers(doc)[i] not in self.preps:
            other = mention_at.get(i)
            if not (doc_tokens(doc)[i].is_lower or (other is not None and not other.is_organisation)):
                break
            i -= 1  # over the description before the name: "US chipmaker", "the German carmaker"
        return i >= sent.start and doc_lowers(doc)[i] in self.preps

    @staticmethod
    def _participle_head(span: Span, mention_at, apposition_only: bool = False) -> list[Mention]:
        """Return the name a participle phrase set off by a comma follows ("from AESC, now controlled by X": AESC);
        with ``apposition_only``, only over an apposition ("Zoox, a start-up developing robotaxis": not "Renault
        bought Dacia, making it ...", whose participle is the clause subject's)."""
        doc, i = span.doc, span.start - 1
        while i > span.sent.start and (passive_adverb(doc_lowers(doc)[i]) or doc_lowers(doc)[i] in TIME_ADVERBS):
            i -= 1  # "now", "already", "jointly"
        if apposition_only and doc_texts(doc)[i] == ",":
            return []
        if doc_texts(doc)[i] != ",":  # "Volvo Cars, the Swedish carmaker owned by Geely": back over the apposition
            k = i
            while k > span.sent.start and i - k < 5 and doc_texts(doc)[k] != "," and (
                doc_texts(doc)[k].replace("-", "").isalpha()  # "a US start-up backed by Amazon"
            ):
                k -= 1
            if doc_texts(doc)[k] != "," or doc_lowers(doc)[k + 1] not in APPOSITION_DETERMINERS or k == i:
                return []
            i = k
        if i - 1 <= span.sent.start:
            return []
        named = mention_at.get(i - 1)
        return [named] if named is not None and named.is_organisation and named.end == i else []
