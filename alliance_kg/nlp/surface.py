"""Read arguments from word order when there is no parse (the blank English pipeline).

The subject is the group of mentions just before the trigger in the same
clause; the object the group just after it (after the preposition the
lexicon names); "X, Renault's EV unit" and "was acquired by X" are handled.
The same functions give the French parser a fallback for noun phrases the
parse splits ("la joint-venture de Renault avec Geely et Aramco").

>>> sorted(inflections("acquire", "VERB", "en"))
['acquire', 'acquired', 'acquires', 'acquiring']
"""

from __future__ import annotations

from spacy.tokens import Span

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.lexicon import Lexicon, Trigger
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.spans import GENITIVE_MARKS, owned_after
from alliance_kg.nlp.syntax import RELATIVE as RELATIVE_PRONOUNS
from alliance_kg.nlp.qualifiers import Qualifiers
from alliance_kg.nlp.qualifiers_window import qualify_window

from alliance_kg.nlp.surface_groups import MentionGroups
from alliance_kg.nlp.surface_words import CLAUSE_STOPS, COPULAS, FILLER, LINKS, inflections  # noqa: F401


# pronouns that open a relative clause (not "that", also a complementizer: "denied that it would invest")
OWN_CLAUSE_RELATIVES = frozenset({"which", "whom", "whose", "lequel", "laquelle", "lesquels", "lesquelles", "dont"})


PLACE_PREPS = {"en", "au", "aux", "in"}  # before a country: "en Chine", "in China"


class SurfaceReader(MentionGroups):
    """Find arguments and qualifiers from token order alone."""

    clause_stops: frozenset[str] = frozenset(CLAUSE_STOPS)  # words that end a clause (French and English)
    speaker: Mention | None = None  # the company the sentence is attributed to, set by the relation finder

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lexicon = lexicon
        self.lang = lang
        special = {"subj", "obj", "poss", "appos", "*"}
        self.preps = {
            "de",
            "d'",
            "du",
            "des",
            "avec",
            "entre",
            "dans",
            "à",
            "au",
            "aux",
            "of",
            "with",
            "between",
            "in",
            "into",
            "to",
            "for",
            "by",
            "par",
            "en",
            "pour",
        } | {
            role
            for t in lexicon.all_triggers(lang)
            for role in (*t.subject_roles, *t.object_roles)
            if role not in special and " " not in role
        }
        self.descriptor_words = (
            set(lexicon.cue_map(lang, "descriptors", raw=True))
            | lexicon.cues(lang, "plural_descriptors", raw=True)
            | lexicon.cues(lang, "list_openers", raw=True)
        )
        self.tech_holders = lexicon.cues(lang, "tech_holders", raw=True)  # "electric-car makers": no technology
        self.role_nouns = frozenset(w for w in lexicon.cues(lang, "role_nouns", raw=True) if " " not in w)
        self.partitives = lexicon.cues(lang, "partitives", raw=True)  # « des moteurs », "some engines"
        self.fillers = (
            FILLER | lexicon.cues(lang, "name_verbs", raw=True) | lexicon.cues(lang, "ownership_participles", raw=True)
        )
        self.clause_verbs = lexicon.cues(lang, "clause_verbs", raw=True)
        self.legal_forms = lexicon.cues(lang, "legal_forms", raw=True)  # "Exor NV", "Marelli Holdings"
        self.unit_words = lexicon.cues(lang, "unit_nouns", raw=True) | lexicon.cues(lang, "business_nouns", raw=True)
        self.contact_verbs = lexicon.cues(lang, "contact_clause_verbs", raw=True)
        self.owner_participles = lexicon.cues(lang, "owner_participles", raw=True)  # "the Intel-controlled company"
        self.possessive_words = lexicon.cues(lang, "possessives", raw=True)  # "and its affiliate Kia"
        self.contrast_words = lexicon.cues(lang, "contrast_words", raw=True)  # "but", "mais"
        self.conjunctions = lexicon.cues(lang, "clause_conjunctions", raw=True)  # "but", "and", "yet"
        self.seek_forms = {  # "looking for partners", "seeking allies": the partners are still to be found
            form
            for t in lexicon.all_triggers(lang)
            if t.predicate == "seeksPartnership" and t.pos == "VERB"
            for form in inflections(t.lemma, t.pos, lang)
        }
        self._search_needs: dict[str, bool] = {}  # a trigger's requirement -> whether it names a search verb

    def sought(self, span: Span, mention_at: dict[int, Mention], trig: Trigger, reach: int = 4) -> bool:
        """Return True for a trigger that a search verb governs ("are looking for new partners"): no tie yet.

        Not for the triggers that need the search verb ("seeking partners", "seeking control of").
        """
        if trig.predicate == "seeksPartnership" or trig.requires and self._needs_search(trig.requires):
            return False
        lowers = doc_lowers(span.doc)
        for j in range(span.start - 1, max(span.sent.start, span.start - reach) - 1, -1):
            if j in mention_at or lowers[j] in (",", ";", "to"):  # "seeks to partner with X" is the tie sought
                return False
            if lowers[j] in self.seek_forms:
                return True
        return False

    def _needs_search(self, requires: str) -> bool:
        """Return True for a requirement that names a search verb ("seeking control of"), once per requirement."""
        known = self._search_needs.get(requires)
        if known is None:
            known = self._search_needs[requires] = bool(self.seek_forms & set(requires.split("|")))
        return known

    def one_each(self, span: Span, trig: Trigger) -> bool:
        """Return True when each name after a symmetric trigger pairs with the subject only ("ventures with X, Y")."""
        return span[-1].lower_.endswith(("s", "x"))

    def is_clause_stop(self, doc, i: int) -> bool:
        """Return True when the word at ``i`` ends the clause before it."""
        return doc_lowers(doc)[i] in self.clause_stops

    def tail(self, span: Span, mention_at: dict[int, Mention]) -> list[tuple[Mention, str | None]]:
        """Return the mentions in the noun phrase right of a trigger, with their preposition."""
        doc = span.doc
        sent = span.sent
        preps = self.preps
        toks, lowers = doc_tokens(doc), doc_lowers(doc)
        out: list[tuple[Mention, str | None]] = []
        prep: str | None = None
        i, skipped, owners, goods = span.end, 0, 0, False
        closes = self._opens_apposition(span, mention_at)
        while i < sent.end:
            token = toks[i]
            if token.text == "(":
                close = self._closing_bracket(doc, i, sent.end, mention_at)
                if close is not None:
                    i = close + 1  # "will invest 100 million euros ($111 million) in Arrival"
                    continue
            pos = token.pos_  # read once: spaCy looks it up at each call
            if closes and token.text == "," and i + 1 < sent.end and lowers[i + 1] in ("et", "and"):
                break  # "Daimler Truck, maison mère de Freightliner, et Volvo Group": the apposition is closed
            mention = mention_at.get(i)
            if mention is not None:
                if not pos and self._opens_clause(doc, mention):
                    break  # "a venture with Koc Holding, Renault has a plant ...": a new clause's subject
                if out and self._next_subject(token, span):
                    break  # "Daihatsu, filiale de Toyota, et Suzuki restent ...": the next clause's subject
                if prep is None and mention.end < sent.end and doc_lowers(doc)[mention.end] in self.contact_verbs:
                    break  # "buy back the 19.9% stake Volkswagen held": the holder of a contact clause
                if (
                    mention.end + 1 < sent.end
                    and toks[mention.end].text == "-"
                    and lowers[mention.end + 1] in self.owner_participles
                ):
                    i = mention.end + 2  # "Mobileye, the Intel-controlled company": Intel is Mobileye's owner
                    continue
                if mention.kind == "Technology" and mention.end < sent.end and lowers[mention.end] in self.tech_holders:
                    i = mention.end  # "competes with electric-car makers such as Tesla": the makers, not the cars
                    continue
                if mention.end < sent.end and lowers[mention.end] in self.role_nouns:
                    i = mention.end + 1  # "a Panasonic Energy spokeswoman said": the company names a person
                    continue
                owned = owned_after(doc, mention, mention_at)
                if owned is None and self._names_a_unit(doc, mention):
                    i = mention.end + 1  # "a supplier for the Alphabet unit": a unit of Alphabet, not Alphabet
                    continue
                out.append((owned or mention, prep))  # "with Alphabet's Waymo": Waymo, not its owner
                i = max(i + 1, (owned or mention).end)
                genitive = owned is None and mention.is_organisation and lowers[i] in GENITIVE_MARKS
                owners += genitive  # "for GM's models, including the Bolt": a list of GM's models follows
                product = mention_at.get(i + 1) if genitive else None
                if product is not None and product.start == i + 1 and product.is_organisation:
                    i = product.end  # "for General Motors' Chevrolet Bolt": the owner's model, no other customer
                if not mention.is_organisation and prep in PLACE_PREPS and i in mention_at and mention_at[i].start == i:
                    prep = None  # « affronte en Chine Baidu et Pony.ai »: the place said, the object follows
                if self._apposition_follows(doc, i, sent.end):
                    # "works with Toyota, a rival of Volkswagen": the apposition describes Toyota; the list may
                    # resume after it ("with Geely, the owner of Volvo, and Aramco")
                    i = self._list_resumes(doc, i, sent.end, mention_at)
                    if i >= sent.end:
                        break
                continue
            low = lowers[i]
            if pos == "PRON" and low in RELATIVE_PRONOUNS:
                break  # "la participation de 51 % que Nissan détient dans X": Nissan opens a relative clause
            if pos in ("ADV", "SCONJ") and token.dep_ == "mark" and low not in LINKS:  # not "ne ... que"
                break  # "..., tandis que la marque Mini ...": a subordinate clause begins
            if low in preps and i + 1 < sent.end and f"{low} {lowers[i + 1]}" in self.descriptor_words:
                i += 1  # "competes with makers such as Tesla": a list opener, the preposition before it holds
            elif low in preps:
                prep = {"d'": "de", "du": "de", "des": "de", "au": "à", "aux": "à"}.get(low, low)
            elif (
                low in LINKS
                and not pos
                and i + 1 < sent.end
                and toks[i + 1].is_lower
                and lowers[i + 1] not in self.fillers | self.preps
                and i + 1 not in mention_at
                and not self._plural_pair(lowers, i, sent.end)  # "motors and inverters for GM": nouns
                and not (self._opens_list(lowers, i + 1, sent.end) and not owners)  # "to carmakers, including X"
            ):
                break  # "... joint venture and builds ...": a new clause, not a coordination
            elif low in LINKS or low in self.fillers or token.like_num or low in self.descriptor_words:
                pass  # "avec un autre constructeur d'État, Changan", "à des constructeurs, dont BMW"
            elif pos in ("ADJ", "ADV") and skipped < 3:
                skipped += 1
            elif pos == "ADP" and i + 1 < sent.end and toks[i + 1].like_num and skipped < 3:
                skipped += 1  # « livre depuis 2014 des moteurs »: a date between the verb and its complements
                i += 1
            elif pos in ("NOUN", "NUM") and skipped < 3 and i > span.end and not out and (
                lowers[i - 1] in self.partitives or (goods and toks[i - 1].pos_ in ("NOUN", "NUM"))
            ):
                skipped += 1  # « livre depuis 2014 des moteurs diesel à Toyota »: the goods, then the customer
                goods = True
            elif not pos and skipped < 5 and low not in self.clause_stops and token.text not in ".!?;":
                skipped += 1  # no parse: step over "about $700 million", "electric-vehicle maker"
            else:
                break
            i += 1
        return out

    def _opens_list(self, lowers: list[str], i: int, end: int) -> bool:
        """Say whether a list opener ("including", "among them") stands at ``i``."""
        two = f"{lowers[i]} {lowers[i + 1]}" if i + 1 < end else ""
        return lowers[i] in self.descriptor_words or two in self.descriptor_words

    def _plural_pair(self, lowers: list[str], i: int, end: int) -> bool:
        """Say whether "and" at ``i`` joins two plural nouns before a preposition ("motors and inverters for")."""
        return (
            i + 2 < end
            and lowers[i - 1].endswith("s")
            and lowers[i - 1].isalpha()
            and lowers[i + 1].endswith("s")
            and lowers[i + 2] in self.preps
        )

    def participants(self, span: Span, mention_at, mentions) -> tuple[list[Mention], list[Mention]]:
        """Return the participants of a symmetric trigger: (subject side, phrase after it)."""
        left = self.left_group(span.start, span.sent, mention_at)
        left = [owned_after(span.doc, m, mention_at) or m for m in left]  # "Alphabet's unit Waymo": Waymo
        right = [
            m
            for m, prep in self.tail(span, mention_at)
            if prep in (None, "with", "between", "of", "and", "avec", "entre", "de", "par", "by")
        ]
        named = self.appositive_name(span, mention_at)  # "BlueOval SK, its joint venture with SK On"
        if named is not None and named not in left:
            right.append(named)
        before = span.start - 1  # "the Ultium Cells joint venture"
        if before >= span.sent.start and before in mention_at and mention_at[before].kind == "JointVenture":
            right.append(mention_at[before])
        if not left and self._possessed(span):  # "run by their 50-50 joint venture": the clause's subjects
            left = self.left_group(span.start, span.sent, mention_at, reach=60)
        return left, right

    def _possessed(self, span: Span) -> bool:
        """Return True when a possessive opens the trigger's phrase, over a figure or modifier ("their 50-50 joint
        venture", « leur nouvelle coentreprise »)."""
        lowers, texts = doc_lowers(span.doc), doc_texts(span.doc)
        for k in range(span.start - 1, max(span.sent.start, span.start - 5) - 1, -1):
            if lowers[k] in self.possessive_words:
                return True
            if not (texts[k].islower() or texts[k][:1].isdigit() or texts[k] == "-") or lowers[k] in ("and", "et"):
                return False
        return False

    def arguments(self, span: Span, trig: Trigger, mention_at, mentions) -> tuple[list[Mention], list[Mention]]:
        """Return (subjects, objects) of an asymmetric trigger from word order."""
        doc, sent = span.doc, span.sent
        after = doc_lowers(doc)[span.end] if span.end < sent.end else ""
        tail = self.tail(span, mention_at)
        left = self.left_group(span.start, sent, mention_at)
        genitive = self._genitives_before(span, mention_at)
        if after in ("by", "par") and any(r in trig.subject_roles for r in ("by", "par")):
            return [m for m, p in tail if p in ("by", "par")], left
        if "subj" in trig.object_roles:  # reversed frame: "X s'approvisionne auprès de Y", "X buys from Y"
            # "X contrôle Y" (Y subsidiaryOf X): a plain object is the subject when the lexicon says "obj"
            plain = "obj" in trig.subject_roles
            return [m for m, prep in tail if prep in trig.subject_roles or (prep is None and plain)], left
        subjects = left
        relative = self._relative_object(span, trig, mention_at)
        if relative is not None:  # "Xpeng, in which it holds a 4.99% stake"
            return subjects, [relative]
        if genitive and any(r in trig.object_roles for r in ("of", "poss")) and trig.pos != "VERB":
            # "Cariad, Volkswagen's software unit", "Renault's EV unit Ampere", "X is Y's partner" (a verb's
            # genitive object comes after it: "makes Apple's iPhones")
            owner = genitive[0]
            named = self.appositive_name(doc[owner.start : span.end], mention_at)
            following = [m for m, prep in tail[:1] if prep is None]
            copula = any(t.lower_ in COPULAS for t in doc_tokens(doc)[sent.start : owner.start])
            subjects = (
                self.listed_before(doc, named, mention_at, span)
                if named is not None
                else following or ([m for m in left if m.iri != owner.iri] if copula else [])
            )
            return subjects, [owner]
        objects = [m for m, prep in tail if (prep is None and "obj" in trig.object_roles) or prep in trig.object_roles]
        if "appos" in trig.object_roles:
            objects += [m for m, prep in tail if prep is None]
        return subjects, objects

    @staticmethod
    def _genitives_before(span: Span, mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the names in a genitive before the trigger in its phrase, nearest first (not before a comma
        that closes another phrase: "known for making Apple's iPhones, the acquisition ...")."""
        lowers, found = doc_lowers(span.doc), []
        for i in range(span.start - 1, max(span.sent.start, span.start - 8), -1):
            if lowers[i] in (",", ";") and i + 1 not in mention_at:
                break
            if lowers[i] in ("'s", "’s") and i - 1 in mention_at:
                found.append(mention_at[i - 1])
        return found

    def _relative_object(self, span: Span, trig: Trigger, mention_at: dict[int, Mention]) -> Mention | None:
        doc, sent = span.doc, span.sent
        for i in range(span.start - 1, max(sent.start, span.start - 8), -1):
            word = doc_lowers(doc)[i]
            if word in ("which", "whom", "lequel", "laquelle", "lesquels", "lesquelles", "dont"):
                prep = "de" if word == "dont" else doc_lowers(doc)[i - 1] if i > sent.start else ""
                if prep in trig.object_roles:
                    return self.antecedent(i, sent, mention_at)
                return None
            if word in self.clause_stops:
                return None
        return None

    def qualify(self, span: Span, subject: Mention, obj: Mention) -> Qualifiers:
        """Return polarity and modality from the words before the trigger in its clause."""
        sent = span.sent
        start = (
            subject.end
            if subject.end <= span.start and subject.start >= sent.start
            else max(sent.start, span.start - 6)
        )
        doc = span.doc
        contrast = [k for k in range(start, span.start) if doc_lowers(doc)[k] in self.contrast_words and k > start]
        if contrast:  # "no longer holds 43% of Nissan but still owns 15%": the negation stays before "but"
            start = contrast[-1] + 1
        relative = [k for k in range(start, span.start) if doc_lowers(doc)[k] in OWN_CLAUSE_RELATIVES]
        if relative:  # "will not pour money into SsangYong, in which it holds 75%": the relative clause's own words
            start = relative[-1] + 1
        return qualify_window(doc[start : span.end], self.lexicon, self.lang)
