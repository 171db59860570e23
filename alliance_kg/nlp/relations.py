"""Find relationship statements: a trigger word and a grammatical link between two mentions.

The ``alliance_relations`` component reads ``doc._.mentions`` and writes
``doc._.relations``, a list of :class:`Relation`. For every trigger of the
lexicon found in a sentence it collects the mentions in the roles the
lexicon names (subject, object, "de X", "avec Y", apposition, possessive),
pairs them, and qualifies the pair (polarity, modality, attribution, share).
Co-occurrence alone never makes a statement.

With a dependency parse the roles come from the tree (:mod:`.syntax`,
:mod:`.roles`, and :mod:`.referents` for what each argument stands for);
without one (the blank English pipeline) from word order (:mod:`.surface`).
"""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from alliance_kg.kb import load_kb, normalize
from alliance_kg.lexicon import Lexicon, Trigger, load_lexicon
from alliance_kg.nlp import syntax
from alliance_kg.nlp.attribution import Attributor
from alliance_kg.nlp.facts import DescriptionFacts
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.qualifiers import Qualifiers, qualify_parsed
from alliance_kg.nlp.referents import ReferentReader
from alliance_kg.nlp.roles import RoleReader
from alliance_kg.nlp.verbforms import _verb_tagged_as_noun, verb_lemma_guesses
from alliance_kg.nlp.records import Relation, co_developers, co_owner_stakes, sharers_develop, trimmed
from alliance_kg.nlp.shares import share_near
from alliance_kg.nlp.surface import SurfaceReader, inflections
from alliance_kg.nlp.surface_en import EnglishSurfaceReader
from alliance_kg.statement import SYMMETRIC

DETERMINERS = {"the", "le", "la", "l'", "l’"}
OWNING = {"détenir", "posséder", "contrôler", "own", "hold", "owned", "held"}  # participles of owning
TERMINABLE = {"partnerOf", "jointVenture", "mergesWith", "memberOf", "acquires"}
TECH_PREDICATES = {"seeksPartnership", "developsTechnology", "sharesTechnology"}
SYMMETRIC_PREPS = {"avec", "entre", "de", "à", "with", "between", "of", "and", "et"}
POS_OK = {"VERB": {"VERB", "AUX"}, "NOUN": {"NOUN", "PROPN", "ADJ", "X"}, "ADJ": {"ADJ", "VERB", "NOUN"}}

if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)


def allowed(predicate: str, subject: Mention, obj: Mention) -> bool:
    """Return True when the pair fits the predicate's domain and range."""
    if subject.iri == obj.iri or not subject.is_organisation or subject.kind == "NewsAgency":
        return False
    if predicate in TECH_PREDICATES:
        return obj.kind == "Technology"
    if predicate == "basedIn":
        return obj.kind == "Country"
    return obj.is_organisation and obj.kind != "NewsAgency"


class RelationFinder(RoleReader, ReferentReader):
    """The ``alliance_relations`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        self.lang = lang
        self.lexicon: Lexicon = load_lexicon()
        self.kb = load_kb()
        self.attributor = Attributor(self.lexicon, lang)
        self.surface = EnglishSurfaceReader(self.lexicon) if lang == "en" else SurfaceReader(self.lexicon, lang)
        self.facts = DescriptionFacts(self.kb, self.lexicon, lang)
        self.support_verbs = self.lexicon.cues(lang, "support_verbs")
        self.possessives = self.lexicon.cues(lang, "possessives")
        self.pronouns = self.lexicon.cues(lang, "pronouns")
        self.first_person = self.lexicon.cues(lang, "first_person")
        self.terminators = self.lexicon.cues(lang, "terminators", raw=True)
        self.alternative_markers = self.lexicon.cues(lang, "alternative_markers", raw=True)
        self.former_words = self.lexicon.cues(lang, "former_words", raw=True)
        self.exception_markers = self.lexicon.cues(lang, "exception_markers", raw=True)
        self.stake_words = self.lexicon.cues(lang, "stake_words", raw=True)
        self.list_openers = sorted(self.lexicon.cues(lang, "list_openers", raw=True), key=len, reverse=True)
        self.venture_words = frozenset(
            normalize(t.lemma) for t in self.lexicon.all_triggers(lang) if t.predicate == "jointVenture"
        )
        self._venture_hashes = frozenset(  # the lowercase forms of those words, as hashes
            nlp.vocab.strings.add(form)
            for t in self.lexicon.all_triggers(lang)
            if t.predicate == "jointVenture" and " " not in t.lemma
            for form in (t.lemma.lower(), t.lemma.lower() + "s")
        )
        self.company_nouns = (
            frozenset(self.lexicon.cue_map(lang, "descriptors"))
            | self.lexicon.cues(lang, "plural_descriptors")
            | self.lexicon.cues(lang, "generic_anaphors")
            | self.lexicon.cues(lang, "control_words")
        )
        self._speaker: Mention | None = None
        self._mention_at: dict[int, Mention] = {}
        self._pair_at: dict[int, tuple[Mention, Mention]] = {}
        self.cue_nouns = (
            self.lexicon.cues(lang, "speculative")
            | self.lexicon.cues(lang, "planned")
            | self.lexicon.cues(lang, "negators")
        )
        self.matcher = Matcher(nlp.vocab)
        self.forms: dict[str, list[Trigger]] = {}
        self._first_words: set[int] = set()  # the words a multiword trigger can start with (hashes)
        self._entries_memo: dict[tuple, list[Trigger]] = {}  # per (lower, lemma, is_alpha): see _entries
        self._rows: list = []  # (lower, lemma, is_alpha) of each token of the current doc
        self._cases: dict[int, str] = {}  # syntax.case_of of the tokens of the current doc asked so far
        for trig in self.lexicon.all_triggers(lang):
            words = trig.lemma.replace("'", "' ").replace("-", " - ").split()
            words = [w for w in words if w not in ("se", "s'")]
            if len(words) == 1:
                for form in inflections(words[0], trig.pos, lang):
                    self.forms.setdefault(form, []).append(trig)
                continue
            first = sorted(inflections(words[0], trig.pos if trig.pos == "VERB" else "X", lang))
            last = sorted(inflections(words[-1], trig.pos if trig.pos == "NOUN" else "X", lang))
            middle = [{"LOWER": w} for w in words[1:-1]] + [{"LOWER": {"IN": last}}]
            patterns = [[{"LOWER": {"IN": first}}, *middle]]
            self._first_words.update(nlp.vocab.strings.add(w) for w in first)
            if lang == "fr" and trig.pos == "VERB":  # "a mis la main sur", "ont mis au point": the verb is conjugated
                patterns.append([{"LEMMA": words[0]}, *middle])
                self._first_words.add(nlp.vocab.strings.add(words[0]))
            self.matcher.add(normalize(trig.lemma), patterns)

    # -- trigger occurrences ------------------------------------------------
    def _occurrences(self, doc: Doc, sent: Span, mention_at: dict[int, Mention]):
        parsed = doc.has_annotation("DEP")
        seen: set[int] = set()
        for match_id, start, end in self._matches(sent):
            span = doc[start:end]
            key = doc.vocab.strings[match_id]
            entries = self.lexicon.triggers_by_key(self.lang).get(key, [])
            anchor = span.root if parsed else span[0]
            seen.update(range(start, end))
            for trig in entries:
                yield anchor, span, trig
        for i in range(sent.start, sent.end):
            if i in seen or (i in mention_at and mention_at[i].via not in ("description", "anaphor")):
                continue
            entries = self._entries(doc, i, parsed)
            if not entries:
                continue
            token = doc[i]
            for trig in entries:
                if (
                    parsed
                    and token.pos_ not in POS_OK.get(trig.pos, {token.pos_})
                    and not (trig.pos == "VERB" and _verb_tagged_as_noun(token))
                ):
                    continue
                yield token, doc[token.i : token.i + 1], trig

    def _matches(self, sent: Span):
        """Return the multiword triggers in ``sent`` (doc offsets).

        The matcher runs only from the first word a multiword trigger can
        start with (most sentences have none): the same matches, much faster.
        """
        rows = self._rows[sent.start : sent.end]
        first = next(
            (k for k, row in enumerate(rows) if row[0] in self._first_words or row[1] in self._first_words), None
        )
        if first is None:
            return []
        offset = sent.start + first
        return [(key, start + offset, end + offset) for key, start, end in self.matcher(sent.doc[offset : sent.end])]

    def _entries(self, doc: Doc, i: int, parsed: bool) -> list[Trigger]:
        """Return the one-word triggers token ``i`` may be, by form then lemma (memoised by its words)."""
        lower, lemma, alpha = self._rows[i]
        key = (lower, lemma if parsed else 0, alpha)
        entries = self._entries_memo.get(key)
        if entries is None:
            token = doc[i]
            entries = list(self.forms.get(token.lower_, []))
            if parsed and token.lemma_:
                for lemma in (token.lemma_, *verb_lemma_guesses(token, self.lang)):
                    entries += [t for t in self.lexicon.triggers(self.lang, lemma) if t not in entries]
            if len(self._entries_memo) < 200_000:
                self._entries_memo[key] = entries
        return entries

    def _case_of(self, token: Token) -> str:
        """Return ``syntax.case_of(token) or ""``, once per token (every preposition role asks for it)."""
        found = self._cases.get(token.i)
        if found is None:
            found = self._cases[token.i] = syntax.case_of(token) or ""
        return found

    def _requirement_met(self, anchor: Token, span: Span, trig: Trigger, parsed: bool) -> bool:
        if not trig.requires:
            return True
        needs = [normalize(n) for n in trig.requires.split("|")]
        if parsed:  # "faire partie de": the requirement governs the trigger; the next words when the parse is lost
            near = [*anchor.subtree, anchor.head, *anchor.doc[span.end : min(span.sent.end, span.end + 4)]]
        else:  # "will jointly develop", "develop ... together"
            near = list(anchor.doc[max(span.sent.start, span.start - 2) : min(span.sent.end, span.end + 8)])
        return any(
            normalize(t.lemma_ or t.text).startswith(need) or normalize(t.text).startswith(need)
            for t in near
            for need in needs
        )

    # -- roles (parsed) -----------------------------------------------------
    # -- building relations -------------------------------------------------
    def _pairs(self, anchor: Token, span: Span, trig: Trigger, mentions, mention_at, parsed):
        if parsed:
            if trig.symmetric_frame:
                roles = ("subj", "obj", "appos", "poss", *sorted(SYMMETRIC_PREPS))
                people = self._args(anchor, roles, trig, mentions, mention_at)
                head = anchor.head
                while head.dep_ == "appos" and head.head.i != head.i:  # "créer Horse, une coentreprise"
                    head = head.head
                if anchor.dep_ == "appos" and head.dep_ in ("obj", "dobj") and head.head.i != head.i:
                    head = head.head
                if anchor.pos_ not in ("VERB", "AUX") and normalize(head.lemma_) in self.support_verbs:
                    people += self._expand(
                        [
                            c
                            for c in head.children
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
                    for c in anchor.children
                    if c.dep_ in ("acl", "amod") and syntax.is_passive(c)
                    for g in c.children
                    if syntax.case_of(g) in ("par", "by")
                ]
                if not owners and any(c.dep_ in ("acl", "amod") and c.lemma_ in OWNING for c in anchor.children):
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
                    people = [
                        m if m not in named else Mention(m.start, m.end, m.iri, m.name, "JointVenture", m.via)
                        for m in people
                    ]
                side = self._args(anchor, ("subj", "poss"), trig, mentions, mention_at)
                if "Plur" in anchor.morph.get("Number") and anchor.pos_ not in ("VERB", "AUX"):
                    # "des coentreprises avec LG au Canada et avec Samsung SDI": one venture each
                    others = [m for m in people if m.iri not in {x.iri for x in side}]
                    return [p for o in others for p in self._symmetric(trig, [*side, o])] if side else []
                return self._symmetric(trig, people, anchor.i if anchor.pos_ in ("VERB", "AUX") else None)
            agents = [r for r in trig.subject_roles if r in ("par", "by")]
            subjects = self._args(anchor, tuple(agents), trig, mentions, mention_at) if agents else []
            if not subjects:  # "le rachat de Hella par Faurecia": the agent, when there is one, is the subject
                subjects = self._args(anchor, trig.subject_roles, trig, mentions, mention_at)
            objects = self._args(anchor, trig.object_roles, trig, mentions, mention_at)
            subjects = self._outside_relative(anchor, subjects, mention_at)
            relative = self._relative_with_case(anchor)
            if relative and any(relative[0].i < m.start < anchor.i for m in subjects):
                # "Proton, dont Geely détient 49,9 %": the subject follows the pronoun
                subjects = [m for m in subjects if relative[0].i < m.start]
            if not objects and "de" in trig.object_roles:  # "Proton, dont Geely détient 49,9 %"
                objects = self._expand(self._dont(anchor), mention_at, mentions)
            if trig.pos == "VERB" and anchor.pos_ not in ("VERB", "AUX"):  # mis-tagged verb: its parse is no guide
                surface_subjects, surface_objects = self.surface.arguments(span, trig, mention_at, mentions)
                held = self.noun_tagged_clause(anchor)  # the parse names the clause's subject: never guess it
                subjects = subjects or ([] if held and "subj" in trig.subject_roles else surface_subjects)
                objects = objects or ([] if held and "subj" in trig.object_roles else surface_objects)
            if not objects:  # the parse lost the object: read the noun phrase after the trigger
                loose = "obj" in trig.object_roles or "appos" in trig.object_roles
                starts = (
                    [span]
                    if anchor.pos_ not in ("VERB", "AUX")
                    else [anchor.doc[c.i : c.i + 1] for c in anchor.children if c.dep_ in syntax.OBJ] or [span]
                )
                objects = [
                    m
                    for start in starts
                    for m, prep in self.surface.tail(start, mention_at)
                    if prep in trig.object_roles or (prep is None and loose)
                ]
                if not objects and starts != [span] and anchor.pos_ in ("VERB", "AUX"):
                    objects = self._stake_object(span, mention_at)  # "va prendre 34,02 % du capital de X"
            if not objects and trig.predicate == "suppliesTo" and "obj" in trig.object_roles and subjects:
                # "La société fournira en moteurs Renault et sa marque Dacia, ainsi que Geely": the parse lost
                # the objects; the names of the clause with no preposition of their own are the customers
                objects = self._bare_names_after(span, mention_at, allowed=trig.object_roles)
            if not objects and trig.polarity == "negated" and anchor.pos_ in ("VERB", "AUX"):
                # "a cédé les 1,5 % qu'il détenait dans Renault": the stake's company is in its relative clause
                objects = self._expand(
                    [
                        g
                        for o in anchor.children
                        if o.dep_ in syntax.OBJ
                        for rel in o.children
                        if rel.dep_ in ("acl:relcl", "relcl")
                        for g in rel.children
                        if self._case_of(g) in trig.object_roles and g.i in mention_at
                    ],
                    mention_at,
                    mentions,
                )
            if not objects and trig.predicate in TECH_PREDICATES:
                objects = self._technologies_below(anchor, mention_at)
            if not objects and trig.predicate in TECH_PREDICATES and trig.requires:
                objects = self._technologies_after(span, mention_at)  # the parse lost "son savoir-faire dans ..."
            if not objects and trig.predicate in SYMMETRIC and len(subjects) >= 2:
                return self._symmetric(trig, subjects)  # "Honda et Nissan se livrent une concurrence acharnée"
            return [(trig.predicate, s, o) for s in subjects for o in objects]
        if trig.symmetric_frame:
            left, right = self.surface.participants(span, mention_at, mentions)
            acting = span.start if trig.pos == "VERB" else None
            if self.surface.one_each(span, trig) and left and right:  # "ventures with X and Y": one each
                return [p for r in right for p in self._symmetric(trig, [*left, r], acting)]
            return self._symmetric(trig, left + right, acting)
        subjects, objects = self.surface.arguments(span, trig, mention_at, mentions)
        return [(trig.predicate, s, o) for s in subjects for o in objects]

    @staticmethod
    def _symmetric(trig: Trigger, people: list[Mention], acting: int | None = None):
        """Pair the participants of a symmetric trigger; a venture among them gets the others as members.

        ``acting``: the position of a verb trigger; a venture named before it is its subject, a party
        ("Motional teamed up with Uber and Lyft"), not the venture the others form.
        """
        people = sorted({m.iri: m for m in people}.values(), key=lambda m: m.start)
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

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[Mention] = doc._.mentions or []
        mention_at = {i: m for m in mentions for i in range(m.start, m.end)}
        for desc in doc._.descriptions or []:  # "le géant pétrolier saoudien Aramco" stands for Aramco
            stand_in = Mention(
                desc.mention.start,
                desc.mention.end,
                desc.mention.iri,
                desc.mention.name,
                desc.mention.kind,
                via="description",
            )
            for i in range(desc.start, desc.end):
                mention_at.setdefault(i, stand_in)
        parsed = doc.has_annotation("DEP")
        self._mention_at = mention_at
        self._doc = doc
        self._pair_at = {i: (p.first, p.second) for p in doc._.pairs or [] for i in range(p.start, p.end)}
        self._rows = doc.to_array([LOWER, LEMMA, IS_ALPHA]).tolist()
        self._cases = {}
        self._relatives: dict[int, list[Token]] = {}
        self._ended: dict[int, bool] = {}
        relations: list[Relation] = []
        self.attributor.reset()
        for sent in doc.sents:
            if parsed:
                self.attributor.learn_people(sent, mention_at)
            source = (self.attributor.parsed if parsed else self.attributor.surface)(sent, mention_at)
            self._speaker = next((m for m in mentions if m.name == source and m.is_organisation), None)
            self.surface.speaker = self._speaker  # « nous » / "we" in a quote without a parse
            occurrences = [
                (anchor, span, trig)
                for anchor, span, trig in self._occurrences(doc, sent, mention_at)
                if self._requirement_met(anchor, span, trig, parsed)
            ]
            reflexive = {a.i for a, _, t in occurrences if t.requires and "se" in t.requires.split("|")}
            for anchor, span, trig in occurrences:
                if anchor.i in reflexive and not (trig.requires and "se" in trig.requires.split("|")):
                    continue  # "Renault se fournit auprès de LG": the reflexive entry, not "fournir X"
                for predicate, subj, obj in self._pairs(anchor, span, trig, mentions, mention_at, parsed):
                    if not allowed(predicate, subj, obj):
                        continue
                    quals = (
                        qualify_parsed(anchor, self._chain(anchor, trig), self.lexicon, self.lang)
                        if parsed
                        else self.surface.qualify(span, subj, obj)
                    )
                    relations.append(self._relation(sent, anchor, predicate, subj, obj, trig, quals, source))
            relations += self.facts.find(sent, mention_at)
        relations += co_developers(relations)
        relations += sharers_develop(relations)
        relations += co_owner_stakes(relations, self._described_ventures(doc, mention_at))
        doc._.relations = self._without_undone(doc, relations, parsed)
        return doc

    def _relation(self, sent, anchor, predicate, subj, obj, trig, quals: Qualifiers, source) -> Relation:
        participle = "Part" in anchor.morph.get("VerbForm") and anchor.dep_ in ("appos", "acl", "amod")
        background = (anchor.pos_ in ("NOUN", "PROPN", "ADJ") or trig.pos != "VERB" or participle) and (
            anchor.dep_ == "appos" or bool(self._comma_appositive(anchor, self._mention_at))
        )
        described = self._mention_at.get(anchor.i)
        apposed = bool(self._comma_appositive(anchor, self._mention_at)) or (
            described is not None and described.via == "description" and described.start < anchor.i
        )
        if background and (not trig.symmetric_frame or participle) and apposed:
            # "Renault Korea Motors, la filiale de Renault," in a sentence about a planned deal: the
            # apposition states a fact of its own, whatever the verb the parse hung it on ("créer Horse,
            # une coentreprise" is the plan itself: a symmetric noun keeps the verb's modality)
            quals = qualify_parsed(anchor, [anchor], self.lexicon, self.lang)
        polarity = quals.polarity
        if trig.polarity == "negated":
            polarity = "affirmed" if polarity == "negated" else "negated"
        relative = syntax.in_relative_clause(anchor) if anchor.doc.has_annotation("DEP") else False
        if polarity == "affirmed" and predicate in TERMINABLE and not relative and self._terminated(sent):
            polarity = "negated"  # "... the planned merger, but the two companies called off their talks"
        if polarity == "affirmed" and (self._excepted(subj) or self._excepted(obj)):
            polarity = "negated"  # "all alliance members except Nissan will invest in Ampere"
        if polarity == "affirmed" and self._former(anchor):
            polarity = "negated"  # "Daimler Truck, its former truck division", "son ancien partenaire"
        if polarity == "affirmed" and self._alternative(anchor):
            polarity = "negated"  # "au lieu de s'associer avec Renault", "instead of partnering with Renault"
        if predicate in SYMMETRIC and obj.start < subj.start:
            subj, obj = obj, subj
        if predicate == "acquires" and self._stake_between(anchor, obj):
            predicate = "shareholderOf"  # "buys a 20 % stake in X", "rachète 20 % de X"
        share = None
        if predicate == "shareholderOf":
            share = share_near(anchor, sent, self.lexicon, self.lang, obj.end, obj.start)
        in_relative = any(t.dep_ in ("acl:relcl", "relcl") for t in [anchor, *anchor.ancestors])
        in_relative = in_relative or (self.lang == "en" and self.surface.in_relative_clause(anchor.i, sent))
        attributed = None if background or in_relative else source  # appositions, relative clauses: the article's voice
        start, end = trimmed(sent)
        return Relation(subj, predicate, obj, polarity, quals.modality, attributed, share, start, end, anchor.i)

    def _without_undone(self, doc: Doc, relations: list[Relation], parsed: bool) -> list[Relation]:
        """Keep one polarity when a sentence gives a tie both ways through two of its triggers.

        "Mercedes-Benz a vendu sa participation dans BAIC": "participation" says
        Mercedes holds a stake, "vendu" that it no longer does; the verb governing
        the noun decides ("a exclu de céder sa participation": the verb, affirmed,
        stands). An affirmed noun beside a negated tie elsewhere in the sentence,
        or any affirmed tie without a parse to tell them apart, gives way to it.
        """
        by_key: dict[tuple, list[Relation]] = {}
        for r in relations:
            by_key.setdefault((r.subject.iri, r.predicate, r.object.iri, r.sent_start), []).append(r)
        kept = []
        for r in relations:
            others = [q for q in by_key[(r.subject.iri, r.predicate, r.object.iri, r.sent_start)]
                      if q.polarity != r.polarity and q.trigger != r.trigger]
            if not others:
                kept.append(r)
                continue
            if parsed and any(self._governs(doc, q.trigger, r.trigger) for q in others):
                continue  # the verb above this trigger decides
            if parsed and any(self._governs(doc, r.trigger, q.trigger) for q in others):
                kept.append(r)
                continue  # this trigger governs the other
            if r.polarity == "affirmed" and (
                not parsed
                or (
                    doc[r.trigger].pos_ in ("NOUN", "PROPN")
                    and not all(syntax.in_relative_clause(doc[q.trigger]) for q in others)
                )
            ):
                # "céder sa participation dans Horse, sa coentreprise"; "Geely holds no stake in Renault"; but
                # "Aramco, qui ne détient pas encore de participation, doit entrer au capital": both stand
                continue
            kept.append(r)
        return kept

    def _bare_names_after(self, span: Span, mention_at: dict[int, Mention], allowed: tuple[str, ...],
                          reach: int = 25) -> list[Mention]:
        """Return the organisations after a verb, in its clause, that no other preposition introduces."""
        doc, found = span.doc, {}
        for i in range(span.end, min(span.sent.end, span.end + reach)):
            clause = doc[i].lower_ in ("qui", "que", "dont", "which", "that") and doc[i - 1].lower_ != "ainsi"
            if doc[i].text in (";", ":", ".", "«", "»") or clause:
                break
            mention = mention_at.get(i)
            if mention is None or mention.start != i or not mention.is_organisation:
                continue
            before = doc[i - 1].lower_ if i > 0 else ""
            case = self._case_of(doc[i])
            if before in ("de", "d'", "d’", "du", "des", "par", "avec", "chez", "dans") or (
                case and case not in allowed and case not in ("ainsi que", "et")
            ):
                continue
            found.setdefault(mention.iri, mention)
        return list(found.values())

    @staticmethod
    def _technologies_after(span: Span, mention_at: dict[int, Mention], reach: int = 12) -> list[Mention]:
        """Return the technologies named in the words after a trigger, up to the end of its clause."""
        doc, found = span.doc, {}
        for i in range(span.end, min(span.sent.end, span.end + reach)):
            if doc[i].text in (";", ":", ".", "«", "»") or doc[i].lower_ in ("qui", "que", "which", "that"):
                break
            mention = mention_at.get(i)
            if mention is not None and mention.kind == "Technology":
                found.setdefault(mention.iri, mention)
        return list(found.values())

    def _excepted(self, mention: Mention) -> bool:
        """Return True when "except"/"à l'exception de"/"sauf" introduces the mention."""
        if mention.start <= 0 or mention.via != "name":
            return False
        doc = self._doc
        words = " ".join(t.lower_ for t in doc[max(0, mention.start - 4) : mention.start])
        return any(words.endswith(marker) for marker in self.exception_markers)

    def _former(self, anchor: Token) -> bool:
        """Return True when "former"/"ancien"/"ex-" stands before a trigger noun ("its former partner")."""
        if anchor.pos_ in ("VERB", "AUX") and anchor.doc.has_annotation("DEP"):
            return False
        if anchor.lower_.startswith("ex-"):
            return True  # "l'ex-filiale de Renault"
        doc = anchor.doc
        for i in range(anchor.i - 1, max(anchor.sent.start, anchor.i - 4) - 1, -1):
            word = doc[i].lower_
            if word in self.former_words or (word.startswith("ex-") and doc[i].is_lower):
                return True
            if doc[i].is_punct or i in self._mention_at or word in self.possessives or word in DETERMINERS:
                break
        return False

    @staticmethod
    def _outside_relative(anchor: Token, subjects: list[Mention], mention_at: dict[int, Mention]) -> list[Mention]:
        """Return the subjects, or the antecedent when the parse took them from a closed relative clause.

        "Geely, qui contrôle Volvo Cars, Polestar et Zeekr, cherche des partenaires": the parse may make
        Volvo Cars the subject of "cherche"; by word order the clause "qui ... ," closes before the verb.
        """
        if not subjects or anchor.pos_ not in ("VERB", "AUX"):
            return subjects
        doc, sent = anchor.doc, anchor.sent
        closing = next((i for i in range(anchor.i - 1, sent.start, -1) if doc[i].text == ","), None)
        if closing is None:
            return subjects
        opener = next(
            (i for i in range(closing - 1, sent.start + 1, -1)
             if doc[i].lower_ in ("qui", "which", "who") and doc[i - 1].text == ","),
            None,
        )
        if opener is None or (opener - 2) not in mention_at:
            return subjects
        if all(opener < m.start < closing for m in subjects):
            return [mention_at[opener - 2]]
        return subjects

    def _governs(self, doc: Doc, top: int, below: int) -> bool:
        """Return True when token ``top`` is above token ``below`` with no apposition or relative clause between."""
        token = doc[below]
        while token.head.i != token.i:
            stake = token.head.text == "%" or token.head.lower_ in self.stake_words  # "les 1,5 % qu'il détenait"
            if (token.dep_ in ("acl:relcl", "relcl") and not stake) or token.dep_ == "appos" or (
                self._comma_appositive(token, self._mention_at)
            ):
                return False  # "travaille avec Renault, son ancien allié": background, not governed
            token = token.head
            if token.i == top:
                return True
        return False

    def _alternative(self, anchor: Token) -> bool:
        """Return True when the trigger follows "au lieu de", "plutôt que", "instead of", "rather than"."""
        doc = anchor.doc
        i = anchor.i - 1
        while i >= 0 and doc[i].lower_ in ("se", "s'", "s’", "de", "d'", "to", "with", "avec"):
            i -= 1
        words = " ".join(t.lower_ for t in doc[max(0, i - 3) : anchor.i])
        return any(f" {m} " in f" {words} " or words.endswith(m) for m in self.alternative_markers)

    def _relative_with_case(self, token: Token) -> list[Token]:
        """Return :func:`syntax.relative_with_case` of ``token``, once per token of the doc."""
        found = self._relatives.get(token.i)
        if found is None:
            found = self._relatives[token.i] = syntax.relative_with_case(token)
        return found

    def _terminated(self, sent: Span) -> bool:
        """Return True when the sentence says a tie ended ("called off", "ont mis fin"), once per sentence."""
        found = self._ended.get(sent.start)
        if found is None:
            found = self._ended[sent.start] = self._ends_a_tie(sent)
        return found

    def _ends_a_tie(self, sent: Span) -> bool:
        words = [t.lower_ for t in sent]
        parsed = sent.doc.has_annotation("DEP")
        for phrase in self.terminators:
            parts = phrase.split()
            for k in range(len(words) - len(parts) + 1):
                if words[k : k + len(parts)] == parts:
                    if not (parsed and syntax.in_relative_clause(sent[k])):
                        return True  # "un accord qui met fin à ...": the agreement itself is not ended
        return False

    def _stake_between(self, anchor: Token, obj: Mention) -> bool:
        words = self.lexicon.cues(self.lang, "stake_words", raw=True)
        lo, hi = sorted((anchor.i + 1, max(obj.start, anchor.i + 1)))
        after = anchor.doc[obj.end : min(obj.end + 2, len(anchor.doc))] if obj.end > 0 else []
        return any(t.lower_ in words for t in [*anchor.doc[lo:hi], *after])  # "buy Toyota shares"


@Language.factory("alliance_relations", default_config={"lang": "fr"})
def make_relation_finder(nlp: Language, name: str, lang: str) -> RelationFinder:
    """Create the component that fills ``doc._.relations`` from triggers and mentions."""
    return RelationFinder(nlp, name, lang)
