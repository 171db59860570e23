"""Noun phrases of English read from word order: genitives, possessives, antecedents, pronouns.

:class:`EnglishPhrases` holds the pieces that :class:`~alliance_kg.nlp.surface_en.EnglishSurfaceReader`
assembles into arguments: genitives ("GM's", "Motors'"), who "its" or "the
group's" stands for, the name a relative pronoun refers to past an
apposition ("Xpeng, the local EV maker in which ..."), "it" as an object,
"the two companies", the name opening a coordinated clause, reciprocals.
The clause-ending words are English only (the shared list also holds French
words such as "car").

>>> from spacy.lang.en import English
>>> from alliance_kg.lexicon import load_lexicon
>>> doc = English()("Nissan is Mitsubishi Motors' largest shareholder")
>>> EnglishPhrases(load_lexicon(), "en").is_genitive_at(doc, 4)
True
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from alliance_kg.lexicon import Lexicon, Trigger
from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.nlp.mentions import Mention, previous_subject
from alliance_kg.nlp.spans import STAKE_NOUNS  # noqa: F401 - re-exported
from alliance_kg.nlp.surface import SurfaceReader
from alliance_kg.nlp.surface_words import inflections

GENITIVE = ("'s", "’s")
BARE_APOSTROPHES = ("'", "’")
POSSESSIVE_DETERMINERS = ("its", "their")
RECIPROCALS = (("each", "other"), ("one", "another"))
PASSIVE_ADVERBS = {"equally", "jointly", "partly", "wholly", "fully", "majority", "-", "mainly", "largely", "also"}
# the clause-ending words of English only: the shared list also holds French ones ("car", "que")
CLAUSE_STOPS = frozenset(
    {";", ":", "—", "–", "(", ")", "that", "which", "who", "while", "but", "whereas", "although", "after", "before"}
    | {"because", "since", "when", "if", "unless", "though", "whether", '"', "“", "”"}
)
PRONOUNS = {"it", "them", "this", "that", "its", "their"}
PAIR_NOUNS = {"companies", "carmakers", "automakers", "groups", "firms", "partners", "manufacturers", "sides"}
STAKE_GOVERNORS = {
    "of",
    "buy",
    "buys",
    "bought",
    "buying",
    "purchase",
    "purchased",
    "hold",
    "holds",
    "held",
    "own",
    "owns",
}


def passive_adverb(word: str) -> bool:
    """Return True for an adverb between a participle and "by" ("owned equally by")."""
    return word in PASSIVE_ADVERBS or (word.endswith("ly") and len(word) > 3)


class EnglishPhrases(SurfaceReader):
    """English noun-phrase readings shared by the English surface reader (see the module docstring)."""

    clause_stops = CLAUSE_STOPS

    def __init__(self, lexicon: Lexicon, lang: str = "en") -> None:
        super().__init__(lexicon, lang)
        self.speech_verbs = lexicon.cues("en", "speech_verbs", raw=True)
        self.copula_fillers = lexicon.cues("en", "copula_fillers", raw=True)  # "is one of Y's suppliers"
        # the forms of the verb triggers: a trigger word not among them reads as a noun ("merger", "stake")
        self.verb_forms = frozenset(
            form
            for t in lexicon.all_triggers(lang)
            if t.pos == "VERB"
            for form in inflections(t.lemma.split()[-1], "VERB", lang)
        )

    def tail(self, span: Span, mention_at: dict[int, Mention]) -> list[tuple[Mention, str | None]]:
        """Return the mentions right of a trigger, up to a gapped clause ("owns 34% and Aramco 32%")."""
        out = super().tail(span, mention_at)
        doc = span.doc
        listed = self._after_listed_goods(span, mention_at)
        if listed is not None and not any(m.is_organisation for m, _ in out):
            # "supplies electric motors, inverters and battery systems to X"
            out = out + super().tail(doc[listed - 1 : listed], mention_at)  # the goods' technologies too
        low = doc_lowers(doc)
        for k, (mention, _prep) in enumerate(out):
            apposed = k and out[k - 1][0].end == mention.start - 1 and low[mention.start - 1] == ","
            named_by_country = mention.kind == "Country" and mention.end + 1 in mention_at  # "South Korea's POSCO"
            if apposed and mention.end < len(doc) and low[mention.end] in ("'s", "’s") and not named_by_country:
                return out[:k]  # "invested in Lyft, Uber's main rival": the apposition tells what Lyft is
            linked = mention.start > 0 and low[mention.start - 1] in ("and", ",", "while")
            if k == 0 and not any(t.like_num for t in doc_tokens(doc)[span.end : mention.start]):
                continue  # a number before the first name: "owns 34% and Aramco 32%"; none: "supplies X and Y"
            if linked and mention.end < len(doc) and doc_tokens(doc)[mention.end].like_num:
                return out[:k]  # "and Aramco 32%": Aramco is the subject of an elided "owns"
        return out

    def _after_listed_goods(self, span: Span, mention_at: dict[int, Mention], reach: int = 12) -> int | None:
        """Return where the preposition after a list of common nouns stands, for a verb ("sells X, Y and Z to").

        Only plain lowercase words (technologies among them), commas and "and"/"or" may come between (no
        company, no other trigger verb), the list must have a comma, and a name must follow the preposition.
        """
        doc, sent = span.doc, span.sent
        if span[-1].lower_ not in self.verb_forms:
            return None
        toks, lowers = doc_tokens(doc), doc_lowers(doc)
        comma = False
        for i in range(span.end, min(sent.end, span.end + reach)):
            low = lowers[i]
            if i in mention_at and mention_at[i].is_organisation or low in self.verb_forms:
                return None
            if low in self.preps and i > span.end + 2:
                after = range(i + 1, min(sent.end, i + 4))
                near = any(j in mention_at and mention_at[j].is_organisation for j in after)
                return i if comma and near else None
            if low == "," or (low in ("and", "or") and lowers[i - 1].endswith("s")):
                comma = True  # "parts and powertrain components to X": a list too
            elif not (toks[i].is_alpha and toks[i].is_lower or low in ("-", "and", "or")):
                return None
        return None

    def in_relative_clause(self, i: int, sent: Span) -> bool:
        """Return True when token ``i`` is inside a relative clause set off by commas ("X, which owns 43% of Y, said").

        Such a clause is the article's background: it is not attributed to
        the sentence's source (the annotators' convention).
        """
        doc = sent.doc
        low, text = doc_lowers(doc), doc_texts(doc)
        for k in range(i - 1, sent.start, -1):
            if text[k] in (",", ";", '"', "“", "”") or low[k] in ("said", "says"):
                return False
            if low[k] in ("which", "who", "whose") and text[k - 1] == ",":
                return "," in text[i + 1 : sent.end]
        return False

    def is_genitive_at(self, doc: Doc, i: int) -> bool:
        """Return True when the token at ``i`` marks a genitive ("GM's", "Motors'")."""
        if i >= len(doc) or i < 1:
            return False
        word = doc_texts(doc)[i]
        return word.lower() in GENITIVE or (word in BARE_APOSTROPHES and doc_lowers(doc)[i - 1].endswith("s"))

    def _genitive_owner(self, span: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the organisation in a genitive before the trigger ("Volkswagen's software unit")."""
        doc, sent = span.doc, span.sent
        low, text = doc_lowers(doc), doc_texts(doc)
        for i in range(span.start - 1, max(sent.start, span.start - 12), -1):
            listed = text[i] == "," and i + 1 in mention_at  # "the group's Audi, Bentley and Porsche brands"
            if low[i] in CLAUSE_STOPS or (text[i] in ",.;" and not listed):
                return None
            # a verb right after a name: "Volkswagen's Porsche took a stake" (not "car-making", "planned purchase")
            finite = i - 1 in mention_at and low[i] in self.verb_forms and not low[i].endswith("ing")
            if low[i] in self.speech_verbs or finite:
                # "Subaru's chief said Toyota had no intention of taking control of ...", "Volkswagen's Porsche
                # took a stake in Rimac": another clause's, or the subject's, genitive
                return None
            if self.is_genitive_at(doc, i) and i - 1 in mention_at and mention_at[i - 1].is_organisation:
                return mention_at[i - 1]
        return None

    def _between(self, lo: int, span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the organisations named from ``lo`` up to a trigger they end right before ("Cruise unit")."""
        doc = span.doc
        if span.start - 1 not in mention_at or not mention_at[span.start - 1].is_organisation:
            return []
        found: list[Mention] = []
        for i in range(lo, span.start):
            mention = mention_at.get(i)
            if mention is not None and mention.is_organisation and mention not in found:
                found.append(mention)
            elif mention is None and doc_lowers(doc)[i] not in (",", "and", "or") and not doc_tokens(doc)[i].is_lower:
                return []
        return found

    def _possessive(self, span: Span, mention_at: dict[int, Mention], reach: int = 5) -> int | None:
        """Return the index of "its"/"their" governing the trigger ("its in-house software unit")."""
        doc, sent = span.doc, span.sent
        for i in range(span.start - 1, max(sent.start - 1, span.start - reach - 1), -1):
            word = doc_lowers(doc)[i]
            if word in POSSESSIVE_DETERMINERS:
                return i
            token = doc_tokens(doc)[i]
            # "its in-house software unit", "its Ohio joint venture" (a place or a name before the noun)
            inside = (
                i in mention_at or token.text == "-" or token.is_title or (token.is_lower and word not in CLAUSE_STOPS)
            )
            if not inside:
                return None
        return None

    def _owner_of_possessive(
        self, at: int, span: Span, mention_at: dict[int, Mention], mentions: list[Mention], exclude: list[Mention]
    ) -> Mention | None:
        """Return what "its" at ``at`` stands for: the clause's subject, else the previous subject.

        A name after a preposition is no subject ("scrapped a plan with Honda
        ... its Cruise unit" is not Honda's unit): then nothing is returned.
        """
        doc = span.doc
        left = [m for m in self.left_group(at, span.sent, mention_at, reach=40) if m not in exclude]
        antecedent = left[0] if left else previous_subject(doc, at, [m for m in mentions if m not in exclude])
        if antecedent is None or (antecedent.start > 0 and doc_lowers(doc)[antecedent.start - 1] in self.preps):
            return None
        if left and self._in_set_off_phrase(antecedent, at, span.sent):
            # "Redwood, founded by former Tesla technology chief JB Straubel, counts Ford among its investors":
            # the name inside the phrase set off by commas is not what "its" stands for; the sentence's subject is
            first = mention_at.get(span.sent.start)
            return first if first is not None and first.is_organisation and first not in exclude else None
        return antecedent

    def _in_set_off_phrase(self, mention: Mention, at: int, sent: Span) -> bool:
        """Say whether ``mention`` stands after a preposition in a phrase set off by commas before ``at``."""
        lowers = doc_lowers(sent.doc)
        if "," not in lowers[mention.end : at]:
            return False
        k = mention.start - 1
        while k > sent.start and lowers[k] != ",":
            if lowers[k] in self.preps:
                return True
            k -= 1
        return False

    def is_clause_stop(self, doc: Doc, i: int) -> bool:
        """Return True for a clause-ending word; "has since sold" is an adverb, "since it bought" a clause."""
        low = doc_lowers(doc)
        if low[i] == "since" and i > 0 and low[i - 1] in ("has", "have", "had", "ever", "long"):
            return False
        return low[i] in self.clause_stops

    def antecedent(self, i: int, sent: Span, mention_at: dict[int, Mention]) -> Mention | None:
        """Return the name a relative pronoun refers to, also past an apposition ("Xpeng, the EV maker in which")."""
        doc = sent.doc
        j = i - 1
        if j >= sent.start and doc_lowers(doc)[j] in self.preps:
            j -= 1
        if j >= sent.start and j in mention_at and mention_at[j].via == "name":
            return None  # "a joint venture with Leapmotor in which it holds 51%": a name takes ", which"
        found = super().antecedent(i, sent, mention_at)
        if found is not None:
            return found
        k = j
        while k > sent.start and j - k < 8 and doc_texts(doc)[k] != "," and doc_lowers(doc)[k] not in CLAUSE_STOPS:
            if k in mention_at and mention_at[k].is_organisation and mention_at[k].via == "name":
                return None  # "... joint venture with Panasonic, which": the name itself, handled above
            k -= 1
        if k > sent.start and doc_texts(doc)[k] == "," and k - 1 in mention_at and mention_at[k - 1].is_organisation:
            return mention_at[k - 1]
        return None

    def _reciprocal_after(self, span: Span) -> bool:
        doc, sent = span.doc, span.sent
        words = doc_lowers(doc)[span.end : min(sent.end, span.end + 4)]
        return any(words[k : k + 2] == list(pair) for pair in RECIPROCALS for k in range(len(words) - 1))

    def _pronoun_object(self, span: Span, trig: Trigger, mention_at, subjects: list[Mention]) -> list[Mention]:
        """Return what "it" after the trigger stands for: the last other company named before it ("has supplied it")."""
        doc, sent = span.doc, span.sent
        i = span.end
        if i < sent.end and doc_lowers(doc)[i] in self.preps and doc_lowers(doc)[i] in trig.object_roles:
            i += 1
        elif "obj" not in trig.object_roles:
            return []
        if i >= sent.end or doc_lowers(doc)[i] != "it":
            return []
        taken = {m.iri for m in subjects}
        before = [m for j, m in sorted(mention_at.items()) if sent.start <= j < span.start and m.is_organisation]
        others = [m for m in before if m.iri not in taken]
        return others[-1:]

    def _clause_subject_before(self, span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the name that opens a coordinated clause right before a verb ("..., and Nissan investing in").

        "Renault cutting its stake to 15% and Nissan investing in Ampere": the
        subject of "investing" is Nissan, not the sentence's first name.
        """
        doc, sent = span.doc, span.sent
        i = span.start - 1
        while i > sent.start and span.start - i <= 3 and i not in mention_at and doc_tokens(doc)[i].is_lower:
            i -= 1  # "Nissan will also invest"
        mention = mention_at.get(i)
        if mention is None or not mention.is_organisation or mention.start <= sent.start:
            return []
        opener = doc_lowers(doc)[mention.start - 1]
        before = doc_lowers(doc)[mention.start - 2] if mention.start - 2 >= sent.start else ""
        if opener in ("while", "whereas") or (
            opener == "and" and before not in ("'s", "’s") and not self._named(mention.start - 2, mention_at)
        ):
            return [mention]
        return []

    @staticmethod
    def _named(i: int, mention_at: dict[int, Mention]) -> bool:
        return i in mention_at and mention_at[i].is_organisation

    def _the_two(self, start: int, sent: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the pair "the two companies" / "both carmakers" stands for: the last two companies named.

        Only when the clause before ``start`` has such a phrase and no name.
        """
        doc = sent.doc
        words = doc_lowers(doc)[max(sent.start, start - 12) : start]
        if not any(
            w in ("two", "both") and k + 1 < len(words) and words[k + 1] in PAIR_NOUNS for k, w in enumerate(words)
        ):
            return []
        pair: list[Mention] = []
        for i in sorted((i for i in mention_at if i < start), reverse=True):
            mention = mention_at[i]
            if mention.is_organisation and mention.kind != "NewsAgency" and mention.iri not in {m.iri for m in pair}:
                pair.insert(0, mention)
                if len(pair) == 2:
                    return pair
        return []
