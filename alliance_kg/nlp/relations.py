"""Find relationship statements: a trigger word and a grammatical link between two mentions.

The ``alliance_relations`` component reads ``doc._.mentions`` and writes
``doc._.relations``, a list of :class:`Relation`. For every trigger of the
lexicon found in a sentence (:mod:`.triggers`) it collects the mentions in the roles the
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
from spacy.tokens import Doc, Token

from alliance_kg.nlp.doctable import doc_parsed, morph_values
from alliance_kg.kb import load_kb, normalize
from alliance_kg.lexicon import Lexicon, load_lexicon
from alliance_kg.nlp import syntax, syntax_clauses
from alliance_kg.nlp.attribution import Attributor
from alliance_kg.nlp.facts import DescriptionFacts
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.qualifiers import Qualifiers, qualify_parsed
from alliance_kg.nlp.fallbacks import WordOrderFallbacks
from alliance_kg.nlp.pairing import PairReader
from alliance_kg.nlp.polarity import PolarityReader
from alliance_kg.nlp.referents import ReferentReader
from alliance_kg.nlp.roles import RoleReader
from alliance_kg.nlp.rebuffs import RebuffCues, dropped_by_antecedent, failed_attempt, rebuffed
from alliance_kg.nlp.records import (
    Relation,
    co_developers,
    co_holders,
    co_owner_stakes,
    founded_ventures,
    named_venture_members,
    one_parent_each,
    one_stake_denial,
    sharers_develop,
    trimmed,
)
from alliance_kg.nlp.stake_checks import StakeChecks
from alliance_kg.nlp.sentindex import drop_sentence_index, sentences
from alliance_kg.nlp.spans import allowed
from alliance_kg.nlp.shares import share_near
from alliance_kg.nlp.surface import SurfaceReader
from alliance_kg.nlp.surface_en import EnglishSurfaceReader
from alliance_kg.nlp.triggers import TriggerReader
from alliance_kg.statement import SYMMETRIC

TERMINABLE = {"partnerOf", "jointVenture", "mergesWith", "memberOf", "acquires"}

if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)


class RelationFinder(
    TriggerReader, StakeChecks, PairReader, RoleReader, ReferentReader, PolarityReader, WordOrderFallbacks
):
    """The ``alliance_relations`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        self.lang = lang
        self.lexicon: Lexicon = load_lexicon()
        self.kb = load_kb()
        self.attributor = Attributor(self.lexicon, lang)
        self.surface = EnglishSurfaceReader(self.lexicon) if lang == "en" else SurfaceReader(self.lexicon, lang)
        self.rebuff_cues = RebuffCues.load(self.lexicon, lang, self.surface.contrast_words)
        self.facts = DescriptionFacts(self.kb, self.lexicon, lang)
        self.support_verbs = self.lexicon.cues(lang, "support_verbs")
        self.possessives = self.lexicon.cues(lang, "possessives")
        self._learn_frames(self.lexicon, lang)
        self.pronouns = self.lexicon.cues(lang, "pronouns")
        self.first_person = self.lexicon.cues(lang, "first_person")
        self.datives = self.lexicon.cues(lang, "dative_pronouns")
        self.workplace_preps = self.lexicon.cues(lang, "workplace_prepositions", raw=True)  # « Chez X, on ... »
        self.indefinite_pronouns = self.lexicon.cues(lang, "indefinite_pronouns", raw=True)
        self.follow_ups = self.lexicon.cues(lang, "follow_up_phrases")  # « n'y a pas donné suite »
        self.attempts = self.lexicon.cues(lang, "attempt_verbs")  # « avait tenté de reprendre Opel »: failed
        self.terminators = self.lexicon.cues(lang, "terminators", raw=True)
        self.alternative_markers = self.lexicon.cues(lang, "alternative_markers", raw=True)
        self.former_words = self.lexicon.cues(lang, "former_words", raw=True)
        self.exception_markers = self.lexicon.cues(lang, "exception_markers", raw=True)
        self.until_words = self.lexicon.cues(lang, "until_words", raw=True)
        self.demonstratives = self.lexicon.cues(lang, "demonstratives", raw=True)
        self.sold_objects = self.lexicon.cues(lang, "sold_objects", raw=True)
        self.exception_prepositions = self.lexicon.cues(lang, "exception_prepositions", raw=True)
        self.past_words = self.lexicon.cues(lang, "past_words", raw=True)
        self.partial_words = self.lexicon.cues(lang, "partial_words")
        self.making_verbs = self.lexicon.cues(lang, "making_verbs")
        self.owning_lemmas = frozenset(  # "détenue par", "owned by": the verbs the lexicon has for holding
            normalize(t.lemma)
            for t in self.lexicon.all_triggers(lang)
            if t.pos == "VERB" and t.predicate in ("shareholderOf", "subsidiaryOf")
        )
        self.stake_words = self.lexicon.cues(lang, "stake_words", raw=True)
        self.whole_words = self.lexicon.cues(lang, "whole_words")
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
        self._alliance_hashes = frozenset(  # "CJPT, l'alliance de véhicules utilitaires formée par Toyota"
            nlp.vocab.strings.add(w) for w in self.lexicon.cues(lang, "alliance_nouns", raw=True)
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
        self.negating_lemmas = self.lexicon.cues(lang, "negators")
        self.particles = self.lexicon.cues(lang, "negation_particles")
        self.framing_words = self.lexicon.cues(lang, "framing_words", raw=True)
        self.co_holder_phrases = self.lexicon.cues(lang, "co_holder_phrases", raw=True)
        self.ending_verbs = {  # "split" of "split up": the verbs that can end a tie named "it"
            w.split()[0] for w in self.negating_lemmas if " " not in w or w.split()[1] in ("up", "down", "off")
        }
        self.other_words = self.lexicon.cues(lang, "other_words", raw=True)
        self.market_nouns = self.lexicon.cues(lang, "market_nouns", raw=True)
        self.remaining_words = self.lexicon.cues(lang, "remaining_words", raw=True)
        self.owner_nouns = self.lexicon.cues(lang, "apposition_owner_nouns", raw=True)
        self.question_openers = self.lexicon.cues(lang, "question_openers", raw=True)
        self.question_words = self.lexicon.cues(lang, "question_words", raw=True)
        self.question_verbs = self.lexicon.cues(lang, "question_verbs", raw=True)
        self.fulfilment_verbs = self.lexicon.cues(lang, "fulfilment_verbs")
        self.cue_nouns = (
            self.lexicon.cues(lang, "speculative")
            | self.lexicon.cues(lang, "planned")
            | self.lexicon.cues(lang, "negators")
        )
        self._cases: dict[int, str] = {}  # syntax.case_of of the tokens of the current doc asked so far
        self._pools: dict[tuple, tuple] = {}  # see RoleReader._role_pool
        self._read_triggers(nlp, lang)

    def _case_of(self, token: Token) -> str:
        """Return ``syntax.case_of(token) or ""``, once per token (every preposition role asks for it)."""
        found = self._cases.get(token.i)
        if found is None:
            found = self._cases[token.i] = syntax.case_of(token) or ""
        return found

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
        parsed = doc_parsed(doc)
        self._mention_at = mention_at
        self._pair_at = {
            i: (p.first, p.second) for p in doc._.pairs or [] if p.argument for i in range(p.start, p.end)
        }
        if not parsed:  # the word-order reader: "the two carmakers" stands for both, see PairReader._unpaired
            for p in doc._.pairs or []:
                if p.argument:
                    stand_in = Mention(p.start, p.end, p.first.iri, p.first.name, p.first.kind, via="pair")
                    for i in range(p.start, p.end):
                        mention_at.setdefault(i, stand_in)
        self._rows = doc.to_array([LOWER, LEMMA, IS_ALPHA]).tolist()
        self._cases = {}
        self._forms = {}
        self._pools = {}
        self._alone: set[int] = set()  # list members a singular relative clause is about alone
        self._untils: dict[int, list[int]] = {}  # per sentence start: where "jusqu'en"/"until" stands
        self._question_at: dict[int, int] = {}  # per sentence start: where an indirect question opens
        self._relatives: dict[int, list[Token]] = {}
        self._ended: dict[int, bool] = {}
        relations: list[Relation] = []
        self.attributor.reset()
        listed = sentences(doc)
        for sent in listed:
            if parsed:
                self.attributor.learn_people(sent, mention_at)
            occurrences = [
                (anchor, span, trig)
                for anchor, span, trig in self._occurrences(doc, sent, mention_at)
                if self._requirement_met(anchor, span, trig, parsed, mention_at)
            ]
            # the source of a sentence without a trigger is nobody's concern, except for the parsed reader (it
            # learns the people quoted) and in the last sentence (the checks after this loop read its speaker)
            source = (
                (self.attributor.parsed if parsed else self.attributor.surface)(sent, mention_at)
                if occurrences or parsed or sent is listed[-1]
                else None
            )
            self._speaker = (  # no source (most sentences): no speaker, without a look at every mention
                None if source is None else next((m for m in mentions if m.name == source and m.is_organisation), None)
            )
            self.surface.speaker = self._speaker  # « nous » / "we" in a quote without a parse
            reflexive = {a.i for a, _, t in occurrences if t.requires and "se" in t.requires.split("|")}
            for anchor, span, trig in occurrences:
                if anchor.i in reflexive and not (trig.requires and "se" in trig.requires.split("|")):
                    continue  # "Renault se fournit auprès de LG": the reflexive entry, not "fournir X"
                if trig.polarity == "negated" and parsed and self._partial(anchor):
                    continue  # "céder une partie de sa participation": the holding goes on
                for predicate, subj, obj in self._pairs(anchor, span, trig, mentions, mention_at, parsed):
                    if (
                        not allowed(predicate, subj, obj)
                        or self._questioned(anchor, sent)
                        or self._market_move(anchor, trig)
                        or self._seller_of_acquisition(doc, predicate, obj)
                        or self._stake_misread(anchor, trig, predicate, subj, obj)
                    ):
                        continue
                    quals = (
                        qualify_parsed(anchor, self._chain(anchor, trig), self.lexicon, self.lang)
                        if parsed
                        else self.surface.qualify(span, subj, obj)
                    )
                    relations.append(self._relation(sent, anchor, predicate, subj, obj, trig, quals, source))
            relations += self.facts.find(sent, mention_at)
        relations = one_stake_denial(one_parent_each(relations))
        relations += co_developers(relations)
        relations += sharers_develop(relations)
        relations += named_venture_members(doc, relations, mentions)
        relations += co_holders(doc, relations, mention_at, self.co_holder_phrases)
        ventures = self._described(doc, mention_at, self._venture_hashes)
        relations = founded_ventures(doc, relations, ventures)  # "ont fondé Horse", not "created Woven Planet"
        relations += co_owner_stakes(relations, ventures, self._described(doc, mention_at, self._alliance_hashes))
        relations = self._sold_later(doc, relations) if parsed else self._sold_it_later(doc, relations)
        relations = self._without_undone(doc, relations, parsed)
        # "..., but X refused" (rebuffs.py)
        relations = rebuffed(doc, relations, self.rebuff_cues)
        negators = (self.follow_ups, self.negating_lemmas, self.particles)
        doc._.relations = dropped_by_antecedent(doc, relations, *negators) if parsed else relations
        drop_sentence_index(doc)
        return doc

    def _relation(self, sent, anchor, predicate, subj, obj, trig, quals: Qualifiers, source) -> Relation:
        participle = "Part" in morph_values(anchor, "VerbForm") and anchor.dep_ in ("appos", "acl", "amod")
        comma_appositive = bool(self._comma_appositive(anchor, self._mention_at))
        background = (anchor.pos_ in ("NOUN", "PROPN", "ADJ") or trig.pos != "VERB" or participle) and (
            anchor.dep_ == "appos" or comma_appositive
        )
        described = self._mention_at.get(anchor.i)
        apposed = comma_appositive or (
            described is not None and described.via == "description" and described.start < anchor.i
        )
        if (background and (not trig.symmetric_frame or participle) and apposed) or self._own_unit(anchor, trig):
            # "Renault Korea Motors, la filiale de Renault," in a sentence about a planned deal: the
            # apposition states a fact of its own, whatever the verb the parse hung it on ("créer Horse,
            # une coentreprise" is the plan itself: a symmetric noun keeps the verb's modality)
            quals = qualify_parsed(anchor, [anchor], self.lexicon, self.lang)
        polarity = quals.polarity
        if trig.polarity == "negated":
            polarity = "affirmed" if polarity == "negated" else "negated"
        relative = syntax_clauses.in_relative_clause(anchor) if doc_parsed(anchor.doc) else False
        terminable = (predicate in TERMINABLE and not relative) or self._negotiated_stake(anchor, predicate)
        if polarity == "affirmed" and terminable and self._terminated(sent, anchor):
            polarity = "negated"  # "... the planned merger, but the two companies called off their talks"
        if polarity == "affirmed" and (self._excepted(anchor.doc, subj) or self._excepted(anchor.doc, obj)):
            polarity = "negated"  # "all alliance members except Nissan will invest in Ampere"
        if polarity == "affirmed" and (self._former(anchor) or self._ended_until(anchor, sent) or (
            # « avait tenté de reprendre Opel », not « ..., la filiale de GM » that the parse hung on the same verb
            predicate != "subsidiaryOf" and failed_attempt(anchor, self.attempts)
        )):
            polarity = "negated"  # "Daimler Truck, its former truck division", "son ancien partenaire"
        if polarity == "affirmed" and self.lang == "fr" and self._denied_after(anchor, sent):
            polarity = "negated"  # "Honda envisagerait de racheter Nissan, une information aussitôt démentie"
        if polarity == "affirmed" and self._alternative(anchor):
            polarity = "negated"  # "au lieu de s'associer avec Renault", "instead of partnering with Renault"
        if predicate in SYMMETRIC and obj.start < subj.start:
            subj, obj = obj, subj
        if predicate == "acquires" and self._stake_between(anchor, obj) and not self._rest_bought(anchor, obj):
            predicate = "shareholderOf"  # "buys a 20 % stake in X", "rachète 20 % de X"; the rest of it is X
        share = None
        if predicate == "shareholderOf":
            share = share_near(anchor, sent, self.lexicon, self.lang, obj.end, obj.start, subj.start)
        in_relative = any(t.dep_ in ("acl:relcl", "relcl") for t in [anchor, *anchor.ancestors])
        in_relative = in_relative or (self.lang == "en" and self.surface.in_relative_clause(anchor.i, sent))
        attributed = None if background or in_relative else source  # appositions, relative clauses: the article's voice
        start, end = trimmed(sent)
        return Relation(subj, predicate, obj, polarity, quals.modality, attributed, share, start, end, anchor.i)

    def _relative_with_case(self, token: Token) -> list[Token]:
        """Return :func:`syntax_clauses.relative_with_case` of ``token``, once per token of the doc."""
        found = self._relatives.get(token.i)
        if found is None:
            found = self._relatives[token.i] = syntax_clauses.relative_with_case(token)
        return found


@Language.factory("alliance_relations", default_config={"lang": "fr"})
def make_relation_finder(nlp: Language, name: str, lang: str) -> RelationFinder:
    """Create the component that fills ``doc._.relations`` from triggers and mentions."""
    return RelationFinder(nlp, name, lang)
