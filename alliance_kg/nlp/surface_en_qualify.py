"""Polarity and modality of English statements read from word order.

:class:`EnglishQualifying` refines the generic window reading (the words
between the subject and the trigger) for English:

- "rather than"/"instead of"/"not" before an object negates it ("a
  subsidiary of Tata Sons rather than of Tata Motors");
- a noun trigger in an apposition takes the apposition's modality ("GM
  agreed to sell a plant to LG, its partner in the Ultium Cells joint
  venture": the venture is asserted), a negation before it still holds;
- "Mitsubishi is not part of the merger talks between Honda and Nissan":
  the clause subject's "not" does not negate Honda-Nissan (a verb ending the
  tie, "scrapped", still does);
- "the takeover of Nissan by Foxconn never happened": the event is denied
  after its arguments.

Possessed stakes and sold units are read in :mod:`.surface_en_holdings`.
"""

from __future__ import annotations

from spacy.tokens import Span

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.lexicon import Lexicon, load_lexicon
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.names_en import DATE_WORDS
from alliance_kg.nlp.qualifiers import Qualifiers
from alliance_kg.nlp.qualifiers_window import denied_by_apposition, qualify_window
from alliance_kg.nlp.surface_en_holdings import EnglishHoldings

APPOSITION_OPENERS = ("its", "their", "the", "a", "an")
# verbs that say whether an event took place: "the merger never happened", "the deal did not go ahead"
EVENT_VERBS = {"happen", "happened", "materialise", "materialised", "materialize", "materialized", "proceed"}
EVENT_VERBS |= {"proceeded", "attempted", "completed", "approved", "finalised", "finalized", "succeed", "succeeded"}
EVENT_VERBS |= {"go", "went", "take", "took"}  # "go ahead", "take place"
CONTROL_VERBS = load_lexicon().cues("en", "object_control", raw=True)  # "invited Nissan to join"
BARE_CONTROL_VERBS = load_lexicon().cues("en", "bare_infinitive_control", raw=True)  # "letting Geely take control"
TIME_WORDS = DATE_WORDS | {"year", "month", "quarter", "week", "decade", "season", "day"}


class EnglishQualifying(EnglishHoldings):
    """English qualifiers on top of the noun-phrase readings (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, lang: str = "en") -> None:
        super().__init__(lexicon, lang)
        # the last symmetric trigger's document, start and left group (the document too: another one's trigger
        # may start at the same token)
        self._clause_subjects: tuple[object, int, list[Mention]] = (None, -1, [])
        self.negator_words = lexicon.cues(lang, "negators", raw=True)
        self.irregular_participles = lexicon.cues(lang, "irregular_participles", raw=True)
        self.noun_negations = lexicon.cues(lang, "noun_negations", raw=True)
        self.clause_openers = lexicon.cues(lang, "later_clause_openers", raw=True)
        self.ending_predicates = lexicon.cues(lang, "ending_predicates", raw=True)
        self.ended_openers = lexicon.cues(lang, "ended_openers", raw=True)

    def qualify(self, span: Span, subject: Mention, obj: Mention) -> Qualifiers:
        """Return the qualifiers of the trigger; "X said it would ..." is X's announced plan."""
        quals = self._qualify(span, subject, obj)
        doc = span.doc
        if quals.polarity == "affirmed" and self._negated_modifier(span, subject):
            return Qualifiers(polarity="negated", modality=quals.modality)  # "no Tesla investment in LG"
        if quals.polarity == "affirmed" and subject.start < span.start and "nor" in doc_lowers(doc)[
            max(span.sent.start, subject.start - 2) : subject.start
        ]:
            return Qualifiers(polarity="negated", modality=quals.modality)  # "Nor does Hyundai intend to take"
        if quals.polarity == "affirmed" and subject.start < span.start and self._nobody_at(doc, subject.start):
            return Qualifiers(polarity="negated", modality=quals.modality)  # "Nobody at Toyota talked about buying"
        if quals.polarity == "affirmed" and self._sold_unit(span):
            return Qualifiers(polarity="negated", modality=quals.modality)  # "sold its autonomous unit, ATG, to"
        if quals.polarity == "affirmed" and self._counterfactual(span, subject):
            return Qualifiers(polarity="negated", modality="speculative")  # "would have merged had they agreed"
        if subject.start > 0 and doc_lowers(doc)[subject.start - 1] in CONTROL_VERBS and subject.end < span.start:
            if self._control_denied(span, subject.start - 1):  # "refused to let Geely take control of Proton"
                return Qualifiers(polarity="negated", modality=quals.modality)
            return Qualifiers(polarity=quals.polarity, modality="speculative")  # "invited Nissan to join": not done
        # the party before the trigger speaks: "Y said it would buy from X" is Y's plan, whichever the subject
        speaker = subject if subject.start < span.start or obj.start > span.start else obj
        if quals.modality == "speculative" and self._reported_future(span, speaker):
            return Qualifiers(polarity=quals.polarity, modality="planned")
        return quals

    @staticmethod
    def _nobody_at(doc, start: int) -> bool:
        """Return True when the subject is the company of a negative pronoun ("nobody at Toyota", "no one at")
        or of a denied plan ("no plans for Toyota to")."""
        before = doc_lowers(doc)[max(0, start - 3) : start]
        if before[-1:] in (["at"], ["from"], ["in"]) and ("nobody" in before or before[-3:-1] == ["no", "one"]):
            return True
        before = doc_lowers(doc)[max(0, start - 4) : start]  # "there were no plans for Toyota to take control"
        return before[-1:] == ["for"] and "no" in before[:-1]

    def _control_denied(self, span: Span, control: int, reach: int = 6) -> bool:
        """Return True when the clause denies the control verb itself ("ruled out letting", "will not allow")."""
        lowers = doc_lowers(span.doc)
        words: list[str] = []
        for k in range(control - 1, max(span.sent.start, control - reach) - 1, -1):
            if lowers[k] in (",", ";", ":"):
                break
            words.insert(0, lowers[k])
        if any(w in ("not", "n't", "never", "no") for w in words):
            return True
        text = f" {' '.join(words)} "
        return any(f" {negator} " in text for negator in self.negator_words)

    def _counterfactual(self, span: Span, subject: Mention) -> bool:
        """Return True for what did not happen: "Honda would have merged with Nissan had ...", "without
        Subaru and Mazda ever agreeing on a merger"."""
        doc, sent = span.doc, span.sent
        if subject.start < span.start:
            words = doc_lowers(doc)[subject.end : span.end]
            for k in range(len(words) - 2):
                participle = words[k + 2].endswith(("ed", "en")) or words[k + 2] in self.irregular_participles
                if words[k : k + 2] in (["would", "have"], ["could", "have"]) and participle:
                    return True  # not "it would have a partnership with Nissan"
        first = min(subject.start, span.start)
        return first > sent.start and doc_lowers(doc)[first - 1] == "without" and "ever" in (
            t.lower_ for t in doc_tokens(doc)[first : span.start]
        )

    def _negated_modifier(self, span: Span, subject: Mention) -> bool:
        """Return True for a company named right before a trigger noun under "not"/"no": "does not
        involve any Tesla investment in LG", "no Renault stake in Nissan"."""
        doc, sent = span.doc, span.sent
        genitive = (
            subject.end < span.start and doc_lowers(doc)[subject.end] in ("'s", "’s") and span.start - subject.end <= 7
        )
        if not (subject.end == span.start or genitive) or subject.start <= sent.start:
            return False
        before = doc_lowers(doc)[max(sent.start, subject.start - 4) : subject.start]
        # "killed Stellantis's planned purchase of a stake in Forvia": a negating verb over the genitive
        if any(w in self.noun_negations for w in before):
            return True
        # "struck down Geely's purchase of a stake in Xpeng": a two-word negating verb too
        return genitive and (before[-1] in self.negator_words or " ".join(before[-2:]) in self.negator_words)

    def _barred_from(self, span: Span, subject: Mention) -> bool:
        """Return True for "regulators barred CATL from supplying ...": a negating verb over the subject, whose
        act follows as "from" and a gerund."""
        doc = span.doc
        if not (0 < subject.start and subject.end < span.start <= subject.end + 2):
            return False
        before = doc[subject.start - 1].lower_
        return doc[subject.end].lower_ == "from" and before in self.negator_words

    def _ended_opener(self, span: Span, subject: Mention) -> bool:
        """Return True when the sentence opens on words that put what follows in the past ("Gone are the days
        when Valeo supplied ...")."""
        sent = span.sent
        opening = " ".join(t.lower_ for t in span.doc[sent.start : min(subject.start, span.start)])
        return any(opening.startswith(w) for w in self.ended_openers)

    def _reported_future(self, span: Span, subject: Mention) -> bool:
        """Return True for "X said (that) it would VERB": the future seen from the past, the party's own intention.

        Only "would" may hedge the words between the subject and the trigger
        ("said it would consider" stays speculative), "it"/"they"/"we" must
        stand right before it (the party speaks of itself), and no unnamed
        source may come between ("X is weighing a bid, people said it would").
        """
        doc, sent = span.doc, span.sent
        if subject.start >= span.start or subject.end <= sent.start:
            return False
        words = doc_lowers(doc)[subject.end : span.start]
        if "would" not in words:
            return False
        at = len(words) - 1 - words[::-1].index("would")
        hedges = self.lexicon.cues(self.lang, "speculative", raw=True) - {"would"}
        joined = f" {' '.join(words)} "
        if any(f" {h} " in joined for h in hedges) or words[at - 1 : at] not in (["it"], ["they"], ["we"]):
            return False
        reporting = self.lexicon.cues(self.lang, "speech_verbs", raw=True) | self.lexicon.cues(
            self.lang, "announcement_verbs", raw=True
        )
        past = [w for w in words[: at - 1] if w in reporting and w.endswith(("ed", "said", "told", "wrote"))]
        unnamed = self.lexicon.cues(self.lang, "unnamed_source_nouns", raw=True)
        return bool(past) and not any(w in unnamed for w in words[:at])

    def _ended_later(self, span: Span, subject: Mention, obj: Mention) -> bool:
        """Return True when the words after a tie end or deny it: a noun trigger the clause then ends
        ("talks about a joint venture came to nothing", "a takeover of Nissan by Foxconn is out of the
        question"), or any trigger a later apposition denies ("..., a report both carmakers denied")."""
        doc, sent = span.doc, span.sent
        start = span.end
        words = []
        low, text = doc_lowers(doc), doc_texts(doc)
        for i in range(start, sent.end):
            if low[i] in ("that", "which") and span[-1].lower_ not in self.verb_forms:
                after = " " + " ".join(low[i + 1 : min(sent.end, i + 4)]) + " "
                if any(after.startswith(f" {w} ") for w in self.ending_predicates):
                    return True  # "merger talks with Nissan that collapse in February": the noun's own clause
            if low[i] in self.contrast_words or low[i] in self.clause_openers or text[i] in (";", ":"):
                break  # "..., and that the German group had no plans to ...": another clause's negation
            if text[i] == "," and i + 1 < sent.end and low[i + 1] in ("and", "or"):
                break
            words.append(low[i])
        text = " " + " ".join(words[:14]) + " "  # the predicate of the noun's own clause, not a later one
        noun = span[-1].lower_ not in self.verb_forms
        if noun and any(f" {w} " in text for w in self.ending_predicates):
            return True
        return denied_by_apposition(words, self.lexicon, self.lang)

    def _ended_by_noun(self, span: Span, subject: Mention, obj: Mention) -> bool:
        """Return True when a negating noun and "of" open the phrase that names the tie ("the collapse of
        talks between X and Y over a partnership", "the end of the alliance between X and Y")."""
        doc, sent = span.doc, span.sent
        first = min(subject.start, obj.start, span.start)
        if first < sent.start:
            return False
        words = doc_lowers(doc)[max(sent.start, first - 5) : first]
        return any(
            w in self.negator_words and words[k + 1 : k + 2] == ["of"] and not set(words[k + 2 : k + 4]) & TIME_WORDS
            for k, w in enumerate(words)
        )  # "At the end of March, Geely completed ...": a date

    def _qualify(self, span: Span, subject: Mention, obj: Mention) -> Qualifiers:
        """Return the qualifiers, negated when the object comes after "rather than", "instead of" or "not"."""
        last_doc, start, left = self._clause_subjects
        if last_doc is span.doc and start == span.start and left and not {subject.iri, obj.iri} & {m.iri for m in left}:
            # "Mitsubishi is not part of the merger talks between Honda and Nissan": the negation is Mitsubishi's;
            # a verb that ends the tie ("Geely scrapped the merger between Volvo and Polestar") still negates it
            before = " " + " ".join(doc_lowers(span.doc)[left[-1].end : span.start]) + " "
            if subject.start > span.start and not any(f" {w} " in before for w in self.negator_words):
                return qualify_window(span.doc[span.start : obj.end], self.lexicon, self.lang)
        held = self._held_stake(span, subject)
        if held is not None:  # "its stake in Nissan": a holding the sentence presupposes
            return held
        if self._sold_holding(span):  # "sold the 1.5% it held in Renault"
            return Qualifiers(polarity="negated", modality="asserted")
        closed = self._relative_closed_at(span, subject)
        if closed is not None:  # "Nissan, which declined to join Horse, is in talks with Honda": not "declined"
            quals = qualify_window(span.doc[closed + 1 : span.end], self.lexicon, self.lang)
        else:
            quals = super().qualify(span, subject, obj)
        if self._barred_from(span, subject) or self._ended_opener(span, subject):
            return Qualifiers(polarity="negated", modality=quals.modality)
        if self._ended_by_noun(span, subject, obj):  # "the collapse of talks between Hyundai and Apple"
            return Qualifiers(polarity="negated", modality=quals.modality)
        if self._ended_later(span, subject, obj):  # "A merger with Stellantis was never on the table"
            return Qualifiers(polarity="negated", modality=quals.modality)
        if self._event_denied(span, max(subject.end, obj.end)):  # "the takeover of Nissan by Foxconn never happened"
            return Qualifiers(polarity="negated", modality=quals.modality)
        appositive = self._appositive_qualifiers(span, subject)
        if appositive is not None:  # the apposition's own modality; a negation before it still holds
            quals = Qualifiers(polarity=quals.polarity, modality=appositive.modality)
        doc = span.doc
        if obj.start <= span.end or obj.start - span.end > 15:
            return quals
        words = doc_lowers(doc)[span.end : obj.start]
        contrast = any(words[k : k + 2] in (["rather", "than"], ["instead", "of"]) for k in range(len(words) - 1))
        bare_not = any(w == "not" and words[k + 1 : k + 2] != ["only"] for k, w in enumerate(words)) or any(
            w == "no" and words[k + 1 : k + 2] not in (["less"], ["more"], ["fewer"], ["doubt"])
            for k, w in enumerate(words)
        )  # "holds no stake in Momenta", not "no less than 20 % of"
        if contrast or bare_not:
            return Qualifiers(polarity="negated", modality=quals.modality)
        return quals

    def _appositive_qualifiers(self, span: Span, subject: Mention) -> Qualifiers | None:
        """Qualify a trigger inside an apposition by the apposition alone.

        "GM has agreed to sell a plant to LG, its partner in the Ultium Cells
        joint venture": the venture is a background fact, not part of what GM
        agreed to. Only the modality is taken from it (see :meth:`qualify`).
        """
        doc, sent = span.doc, span.sent
        lo = max(sent.start, subject.end if subject.end <= span.start else span.start - 8)
        comma = next((i for i in range(span.start - 1, lo - 1, -1) if doc_texts(doc)[i] == ","), None)
        if comma is None or span.start - comma > 8 or doc_lowers(doc)[comma + 1] not in APPOSITION_OPENERS:
            return None
        return qualify_window(doc[comma + 1 : span.end], self.lexicon, self.lang)

    def _event_denied(self, span: Span, after: int) -> bool:
        """Return True when the event a noun trigger names is said not to have happened after its arguments."""
        doc, sent = span.doc, span.sent
        if after <= span.start:
            return False
        words = doc_lowers(doc)[after : min(sent.end, after + 6)]
        return any(
            w in ("not", "never", "n't") and set(words[k + 1 : k + 3]) & EVENT_VERBS for k, w in enumerate(words)
        )

    @staticmethod
    def _relative_closed_at(span: Span, subject: Mention) -> int | None:
        """Return the comma closing a relative clause between the subject and the trigger ("X, which ..., VERB")."""
        doc = span.doc
        i = subject.end
        if i + 1 >= span.start or doc_texts(doc)[i] != "," or doc_lowers(doc)[i + 1] not in ("which", "who"):
            return None
        return next((k for k in range(span.start - 1, i + 1, -1) if doc_texts(doc)[k] == ","), None)
