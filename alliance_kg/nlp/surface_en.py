"""English word-order constructions the generic surface reader does not know.

:class:`EnglishSurfaceReader` is the reader of the blank English pipeline.
On top of :class:`~alliance_kg.nlp.surface.SurfaceReader` it reads:

- genitives with a bare apostrophe ("Mitsubishi Motors' largest shareholder")
  and names between the genitive and the trigger ("GM's Cruise unit",
  "the group's Audi and Porsche brands");
- possessive determiners ("its software unit Cariad", "its Cruise unit");
- "X, Y's partner" (an apposition, not the coordination "X, Y and Z");
- passives with an adverb ("owned equally by", "majority-owned by") and
  reversed frames with a direct object ("Toyota controls Hino" makes Hino
  the subsidiary; "Hino is controlled by Toyota" too);
- "in Xpeng for a 4.99% stake" (the stake is in the company just named);
- reciprocals ("have not taken stakes in each other");
- comitative phrases before a symmetric trigger ("GM makes cells with LG
  through their Ultium Cells joint venture", "scrapped a plan with Honda
  to co-develop");
- subjects across clauses: "LG, which supplies Tesla, signed ..." (the
  antecedent of a closed relative clause), "..., and its unit Cariad set up
  ..." (a new subject after ", and");
- nominalised verbs: "Geely's acquisition of Volvo", "the takeover of
  Nissan by Foxconn".

The pieces live in :mod:`.surface_en_phrases` (noun phrases),
:mod:`.surface_en_frames` (argument frames), :mod:`.surface_en_holdings`
(possessed stakes and sold units), :mod:`.surface_en_qualify` (polarity and
modality), :mod:`.surface_en_subjects` (clause subjects: relatives, reported
speech, pronouns, coordination) and :mod:`.surface_en_partners` (the
participants of symmetric triggers).

>>> from alliance_kg.lexicon import load_lexicon
>>> EnglishSurfaceReader(load_lexicon(), "en").is_genitive_at is not None
True
"""

from __future__ import annotations


from spacy.tokens import Span

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.lexicon import Lexicon, Trigger
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.surface_en_phrases import POSSESSIVE_DETERMINERS, STAKE_NOUNS, passive_adverb
from alliance_kg.nlp.surface_en_qualify import BARE_CONTROL_VERBS, CONTROL_VERBS
from alliance_kg.nlp.surface_en_partners import EnglishPartners
from alliance_kg.nlp.surface_en_subjects import NO_SUBJECT
from alliance_kg.statement import SYMMETRIC

# adverbs of time between a comma and a participle: ", now controlled by"


class EnglishSurfaceReader(EnglishPartners):
    """The surface reader with the English constructions of the module docstring."""

    def __init__(self, lexicon: Lexicon, lang: str = "en") -> None:
        super().__init__(lexicon, lang)
        self.intro_words = lexicon.cues(lang, "intro_words", raw=True)
        self.include_verbs = lexicon.cues(lang, "include_verbs", raw=True)  # "Toyota's rivals include X and Y"

    def left_group(self, start: int, sent: Span, mention_at: dict[int, Mention], reach: int = 25) -> list[Mention]:
        """Return the subject group; "X, Y's partner" is X alone, "X's unit Y" is Y."""
        doc = sent.doc
        controlled = self._controlled_subject(start, sent, mention_at)
        if controlled is not None:  # "Renault invited Nissan to join Horse": Nissan would join
            return [controlled]
        relative = self._closed_relative(start, sent, mention_at)
        if relative is not None:  # "LG, which also supplies Tesla, signed a deal to provide ..."
            return self.with_coordinated(relative, doc, mention_at)
        group = super().left_group(start, sent, mention_at, reach) or self._the_two(start, sent, mention_at)
        if not group:  # "Renault no longer holds 43% of Nissan but still owns 15% of Mazda": the same subject
            group = self._subject_before_conjunction(start, sent, mention_at, reach)
        intro = self._intro_end(start, sent)
        if intro:  # "Without waiting for Nissan, Renault teamed up with Geely": Nissan is in the opening phrase
            group = [m for m in group if m.start > intro] or super().left_group(start, sent, mention_at, start - intro)
        group = self._through_country_genitives(group, start, doc, mention_at)
        if group and self._pronoun_opens_clause(group[0], sent):
            return []  # "It snapped up a former General Motors plant ...": the name is no subject
        group = self._reported_clause_subject(group, start, sent, mention_at) or group
        if len(group) == 1 and group[0].end + 1 < len(doc) and doc[group[0].end + 1].lower_ in ("which", "who"):
            group = self.with_coordinated(group[0], doc, mention_at)  # "Renault and Nissan, which have been allies"
        if group:
            group = self._after_coordinated_clause(group, start, sent, mention_at) or group
            if group == [NO_SUBJECT]:
                return []
            verb = self._object_of_coordinated_verb(group, start, sent)
            if verb is not None:  # "Geely, ..., owns Volvo Cars and controls Polestar": Geely controls it
                return self.left_group(verb, sent, mention_at, reach)
        out: list[Mention] = []
        for k, mention in enumerate(group):
            genitive = self.is_genitive_at(doc, mention.end)
            if k > 0 and genitive and doc_texts(doc)[mention.start - 1] == ",":
                break  # "Amazon, Rivian's largest shareholder, holds ...": an apposition
            owned = group[k + 1] if genitive and k + 1 < len(group) else None
            if owned is not None and owned.start == mention.end + 1 and doc_lowers(doc)[owned.end] not in STAKE_NOUNS:
                continue  # "Volkswagen's Porsche took a stake": the owner is no subject
            out.append(mention)
        if len(out) == 1 and self.is_genitive_at(doc, out[0].end):
            # "Volkswagen's premium brand Audi signed ...", "The group's battery business, Agratas, is ...":
            # the name of the head noun is the subject
            i = out[0].end + 1
            toks = doc_tokens(doc)
            while (
                i < min(start, out[0].end + 8)
                and (i not in mention_at or not mention_at[i].is_organisation)  # "software unit": a technology
                and (toks[i].is_lower or toks[i].text == ",")
            ):
                i += 1
            owned = mention_at.get(i)
            if i < start and owned is not None and owned.is_organisation and (
                i > out[0].end + 1 or doc_lowers(doc)[owned.end] not in STAKE_NOUNS  # not "Renault's Nissan stake"
            ):
                return [owned]  # "Volkswagen's Porsche took a stake": Porsche
            if start - out[0].end > 4:  # "Tata Motors' electric cars use ...": the cars are the subject
                words = {t.lower_ for t in doc[out[0].end : start]}
                return out if words & {"it", "they", *POSSESSIVE_DETERMINERS} else []  # "... as it battles X"
        return out

    @staticmethod
    def _controlled_subject(start: int, sent: Span, mention_at) -> Mention | None:
        """Return NAME in "invited/urged/asked NAME to TRIGGER", the one who would act."""
        doc = sent.doc
        for k in (start - 1, start - 2):  # "letting Geely take control", "let Nissan raise": a bare infinitive
            between_ok = k == start - 1 or doc_texts(doc)[start - 1].islower()
            if k - 1 < sent.start or k not in mention_at or not between_ok:
                continue
            named = mention_at[k]
            if named.is_organisation and named.start > sent.start and (
                doc_lowers(doc)[named.start - 1] in BARE_CONTROL_VERBS
            ):
                return named
        to = start - 1
        if to - 1 > sent.start and doc_lowers(doc)[to] != "to" and doc_lowers(doc)[to - 1] == "to":
            to -= 1  # "allow Geely to take control": the trigger is the noun after the verb
        if to - 2 < sent.start or doc_lowers(doc)[to] != "to":
            return None
        named = mention_at.get(to - 1)
        if named is None or not named.is_organisation or named.start - 1 < sent.start:
            return None
        verb = doc_lowers(doc)[named.start - 1]
        return named if verb in CONTROL_VERBS else None

    def _subject_before_conjunction(self, start: int, sent: Span, mention_at, reach: int) -> list[Mention]:
        """Return the subject of the clause before "but"/"and" when the clause after it has none of its own."""
        doc = sent.doc
        k = start - 1
        while k > sent.start and doc_lowers(doc)[k] not in self.conjunctions and k not in mention_at:
            if doc_texts(doc)[k] in ",;:" or doc_lowers(doc)[k] in ("which", "who", "that", "it", "they", "he", "she"):
                return []
            k -= 1
        if k <= sent.start or k in mention_at or doc_texts(doc)[k - 1] == ",":
            return []  # ", and ..." may open a clause about something else
        return self.left_group(k, sent, mention_at, reach)

    def _intro_end(self, start: int, sent: Span) -> int:
        """Return the comma that closes an opening adverbial phrase before ``start`` ("Although X declined, ..."),
        or 0."""
        doc = sent.doc
        begin = sent.start
        while begin < start and doc[begin].is_space:
            begin += 1  # a paragraph's first sentence starts with the blank line before it
        first = doc_lowers(doc)[begin]
        # "Spun off from Autoliv in 2018, Veoneer ...": an opening participle phrase
        participle = first.endswith("ed") or first in self.irregular_participles
        if first not in self.intro_words and not participle:
            return 0
        return next((k for k in range(begin + 1, start) if doc_texts(doc)[k] == ","), 0)

    def _sold_to(self, span: Span, trig: Trigger, mention_at) -> tuple[list[Mention], list[Mention]] | None:
        """Return the buyer and the company of "sold Dacia to Geely", "the sale of Dacia to Geely" (the seller is
        neither), no supply when a company is what is sold; None when the words after the trigger are not so."""
        tail = self.tail(span, mention_at)
        if trig.predicate == "acquires":  # "sold its self-driving unit, X, to Y": no technology is sold
            tail = [(m, prep) for m, prep in tail if m.kind != "Technology"]
        tail = tail[:2]
        first = tail[0][1] if tail else "to"
        if len(tail) < 2 or tail[1][1] != "to" or first == "to" or not (first is None or first in trig.object_roles):
            return None
        (company, _), (buyer, _) = tail
        # the company right after the verb ("sell Dacia", "the sale of Dacia"), the buyer right after it
        if not company.is_organisation or not buyer.is_organisation or buyer.start - company.end > 3:
            return None
        if company.start - span.end > 2 and not (
            self._unit_named(span.end, company.start, span.doc) and doc_texts(span.doc)[company.end] == ","
        ):
            return None
        return ([], []) if trig.predicate == "suppliesTo" else ([buyer], [company])

    @staticmethod
    def _unit_named(start: int, end: int, doc) -> bool:
        """Say whether the words from ``start`` to ``end`` are a possessed noun naming what follows, closed by a
        comma ("sold its self-driving unit, Advanced Technologies Group, to Aurora")."""
        texts = doc_texts(doc)
        if end - start > 8 or doc_lowers(doc)[start] not in POSSESSIVE_DETERMINERS or texts[end - 1] != ",":
            return False
        return all(t.isalpha() or t == "-" for t in texts[start + 1 : end - 1])

    def arguments(self, span: Span, trig: Trigger, mention_at, mentions) -> tuple[list[Mention], list[Mention]]:
        """Return (subjects, objects) with the English constructions of the module docstring."""
        doc, sent = span.doc, span.sent
        if trig.pos == "NOUN" and self._unnamed_with(span, mention_at):
            return [], []  # "building plants with Japanese or South Korean partners": partners unnamed
        bought = trig.predicate == "acquires" and "to" in trig.subject_roles  # "sold Dacia to Geely"
        if bought or trig.predicate == "suppliesTo" and trig.pos == "VERB":
            if span.start > sent.start and doc_texts(doc)[span.start - 1] == "-":
                return [], []  # "its battery-making arm": a noun compound, nobody is supplied
            sold = self._sold_to(span, trig, mention_at)  # the buyer and what it buys, or no goods
            if sold is not None or bought:
                return sold or ([], [])
        reversed_frame = "subj" in trig.object_roles
        after = span.end
        while after < sent.end and passive_adverb(doc_lowers(doc)[after]):
            after += 1
        passive_reversed = reversed_frame and "obj" in trig.subject_roles  # "controlled by", not "bought by"
        if after < sent.end and doc_lowers(doc)[after] == "by" and (passive_reversed or "by" in trig.subject_roles):
            tail = self.tail(span, mention_at)
            by = [m for m, prep in tail if prep == "by"]
            aimed = [m for m, prep in tail if prep in trig.object_roles and prep != "by"]
            if trig.pos == "NOUN" and by and aimed:  # "an investment by Tesla in Samsung"
                return by, aimed
            left = self._participle_head(span, mention_at) or self.left_group(span.start, sent, mention_at)
            return (left, by) if reversed_frame and "by" not in trig.subject_roles else (by, left)
        if reversed_frame:
            subjects, objects = self._reversed(span, trig, mention_at)
            at = self._possessive(span, mention_at) if not subjects and "poss" in trig.subject_roles else None
            if at is not None:  # "its customers include Volvo Cars, GM and Mercedes-Benz": the possessor's
                following = [m for m, prep in self.tail(span, mention_at) if prep is None and m.is_organisation]
                group = self.left_group(at, sent, mention_at) if following else []
                intro = self._intro_end(at, sent)
                if len(group) == 1 and group[0].start > intro:  # the clause's subject ("Spun off from X, Y ...; its")
                    return group, [m for m in following if m.iri != group[0].iri]
            return subjects, objects
        if "poss" in trig.subject_roles and "obj" in trig.object_roles:
            return self._used_technology(span, mention_at)
        owner = self._genitive_owner(span, mention_at)
        listed = span.end < span.sent.end and doc_lowers(doc)[span.end] in self.include_verbs
        if owner is not None and listed and "poss" in trig.subject_roles + trig.object_roles:
            # "Toyota's rivals include X, Y and Z", "Tesla's suppliers include X and Y": the possessor's, each
            named = [m for m, prep in self.tail(span, mention_at) if prep is None and m.iri != owner.iri]
            if named:
                return ([owner], named) if "poss" in trig.subject_roles else (named, [owner])
        if owner is not None and "poss" in trig.subject_roles and not {"of", "poss"} & set(trig.object_roles):
            owned = [m for m, prep in self.tail(span, mention_at) if prep in trig.object_roles and m.iri != owner.iri]
            if owned:  # "Renault's stake in Nissan", "Toyota's investment in Subaru": the possessor holds it
                return [owner], self._named_heads(owned, doc)
        nominal = self._nominal_arguments(span, trig, mention_at, owner)
        if nominal is not None:  # "Geely's acquisition of Volvo", "the takeover of Nissan by Foxconn"
            return nominal
        if owner is not None and trig.pos != "VERB" and any(r in trig.object_roles for r in ("of", "poss")):
            between = self._between(owner.end + 1, span, mention_at)
            if between:  # "GM's Cruise unit", "the group's Audi, Bentley and Porsche brands"
                return between, [owner]
            return self._genitive_frame(owner, span, mention_at, self.left_group(span.start, sent, mention_at))
        subjects, objects = super().arguments(span, trig, mention_at, mentions)
        if trig.pos == "VERB":
            subjects = self._clause_subject_before(span, mention_at) or subjects
            if doc_lowers(doc)[span.start].endswith("ing"):  # "Zoox, a California start-up developing robotaxis"
                subjects = self._participle_head(span, mention_at, apposition_only=True) or subjects
            if after < sent.end and doc_lowers(doc)[after] == "by" and "by" in trig.object_roles:
                subjects = self._participle_head(span, mention_at) or subjects  # "X, the carmaker owned by Y"
            elif after < sent.end and doc_lowers(doc)[after] == "by" and "by" in trig.subject_roles:
                objects = self._participle_head(span, mention_at) or objects  # "Rivian, a start-up backed by Y"
        elif "appos" in trig.subject_roles:
            described = self.appositive_name(span, mention_at)
            if described is not None and described.is_organisation and described.iri not in {o.iri for o in objects}:
                # "Toyota teamed up with Mazda, a longtime partner of Ford": Mazda's partner, not Toyota's
                subjects = self.listed_before(doc, described, mention_at, span)
        if not objects and {"of", "poss"} & set(trig.object_roles) and "appos" in trig.subject_roles:
            subjects, objects = self._compound_owner(span, mention_at, subjects)  # "Waymo, the Alphabet unit"
        if not objects and trig.predicate == "shareholderOf":
            objects = self._compound_object(span, mention_at, subjects)
        if trig.pos == "VERB" and not objects and "poss" in trig.object_roles:
            objects = self._possessor_after(span, mention_at)  # "Samsung manufactures Tesla's AI4 chip"
        if owner is None and not objects and "poss" in trig.object_roles and trig.pos != "VERB":
            subjects, objects = self._possessive_frame(span, trig, mention_at, mentions, subjects, objects)
        if not objects and trig.predicate == "shareholderOf":
            objects = self._stake_bought_with(span, mention_at)
        mutual = trig.predicate in SYMMETRIC and span[-1].lower_.endswith("s") and len(subjects) > 1
        if mutual:  # "Toyota and Hyundai, and Chinese rivals are ...", "their rivals": not each other's rivals
            between = doc_lowers(doc)[subjects[-1].end : span.start]
            mutual = not ({"their", ";"} & set(between)) and not any(
                w == "," and between[k + 1 : k + 2] in (["and"], ["but"], ["while"]) for k, w in enumerate(between)
            )
        if not objects and (self._reciprocal_after(span) or mutual):
            objects = list(subjects)  # "X and Y have not taken stakes in each other", "X and Y are allies"
        if not subjects and "poss" in trig.subject_roles:  # "far fewer than its rival Li Auto"
            at = self._possessive(span, mention_at)
            owner = None if at is None else self._owner_of_possessive(at, span, mention_at, mentions, objects)
            subjects = [owner] if owner is not None else []
        if not objects and subjects:
            objects = self._pronoun_object(span, trig, mention_at, subjects)
        if trig.predicate == "shareholderOf" and span.text.lower() in STAKE_NOUNS:
            # "a stake in Renault's engine business" is no stake in Renault
            objects = [
                m
                for m in objects
                if m.start < span.start or (self._near_stake(span, m) and not self.is_genitive_at(doc, m.end))
            ]
        if trig.predicate in ("investsIn", "shareholderOf", "acquires"):
            objects = self._named_heads(objects, doc)
        if trig.predicate == "acquires":  # "buy Renault's stake in Nissan": the stake is in Nissan
            bought = [self._stake_company(m, doc, mention_at) or m for m in objects]
            # "buys Volkswagen's MEB platform": a thing of the company is bought, not the company
            objects = [
                m
                for m in bought
                if m.start < span.start or not (self.is_genitive_at(doc, m.end) or self._name_goes_on(m, span))
            ]
        return subjects, objects

    @staticmethod
    def _name_goes_on(mention: Mention, span: Span) -> bool:
        """Say whether capitalised words go on after a known name ("Veoneer Active Safety"): a longer name the
        base does not know, whose first word is not the company bought."""
        texts = doc_texts(span.doc)
        return mention.end + 1 < span.sent.end and texts[mention.end].istitle() and texts[mention.end + 1].istitle()
