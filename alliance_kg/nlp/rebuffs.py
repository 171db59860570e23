"""Ties another clause of the same sentence turns down: "Fiat proposed a merger with Renault, but the French
government blocked it", « PSA a proposé une alliance à Opel, mais GM l'a refusée », « General Motors, qui
avait discuté d'un rapprochement avec Chrysler, n'y a pas donné suite ».

:func:`rebuffed` negates an affirmed tie when a contrast word (the lexicon's
``contrast_words``: "but", « mais ») follows its trigger in the sentence and
the clause after it turns something down (``rebuff_words``: "refused",
"blocked", « refuser », « bloquer »). Not when the refusal is to comment or
to say more ("but declined to comment": ``rebuff_exceptions``), and not for
the facts a description states (nationality, technology), which no refusal
undoes.

:func:`dropped_by_antecedent` (parsed documents) negates a tie told in a
relative clause on its subject when the main clause says the subject let it
drop: a negated follow-up (``follow_up_phrases``: « donner suite », "follow
through") or a negator with no object but a pronoun (« y a renoncé », "abandoned
it").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from alliance_kg.nlp.doctable import doc_lowers, doc_tokens, token_children
from alliance_kg.kb import normalize
from alliance_kg.lexicon import Lexicon
from alliance_kg.nlp.qualifiers import is_negating_word
from alliance_kg.nlp.records import Relation

UNTOUCHED = ("basedIn", "developsTechnology", "subsidiaryOf", "competesWith", "distrusts")
REACH = 12  # words after the contrast word where the refusal may stand


@dataclass(frozen=True)
class RebuffCues:
    """The lexicon's words for a tie turned down later in its sentence (see :func:`rebuffed`)."""

    contrast: frozenset[str]  # "but", « mais »
    before: frozenset[str]  # "before", « avant » (« avant d'y renoncer »): a later "but" may still follow
    rebuffs: frozenset[str]  # "refused", "no deal", « refuser »: words and phrases of two or three words
    exceptions: frozenset[str]  # "declined to comment": a refusal about something else
    drops: frozenset[str]  # "abandoned", « renoncer »: only with no object, or a plan-like one
    dropped: frozenset[str]  # "the plan", « le projet »: what a drop verb may take
    determiners: frozenset[str]  # "its", « ses »: an object follows the drop verb

    @classmethod
    def load(cls, lexicon: Lexicon, lang: str, contrast: frozenset[str]) -> RebuffCues:
        """Read the cues of ``lang`` (``contrast``: the surface reader's contrast words)."""
        return cls(
            contrast,
            lexicon.cues(lang, "contrast_before_words", raw=True),
            lexicon.cues(lang, "rebuff_words", raw=True),
            lexicon.cues(lang, "rebuff_exceptions", raw=True),
            lexicon.cues(lang, "drop_words", raw=True),
            lexicon.cues(lang, "dropped_objects", raw=True),
            lexicon.cues(lang, "determiners", raw=True),
        )


def rebuffed(doc: Doc, relations: list[Relation], cues: RebuffCues) -> list[Relation]:
    """Return the relations, each affirmed tie that a "but ... refused" clause after its trigger turns down negated.

    ``cues.rebuffs`` holds word forms and (French) lemmas; ``cues.exceptions`` the words after which a refusal is
    about something else ("declined to comment").
    """
    if not relations or not cues.rebuffs:
        return relations
    lowers = doc_lowers(doc)
    cache: dict[tuple[int, int], bool] = {}
    out: list[Relation] = []
    for r in relations:
        if r.polarity != "affirmed" or r.predicate in UNTOUCHED or r.trigger < 0:
            out.append(r)
            continue
        key = (r.trigger, r.sent_end)
        if key not in cache:
            cache[key] = _turned_down(doc, lowers, r.trigger, cues)
        out.append(replace(r, polarity="negated") if cache[key] else r)
    return out


def _turned_down(doc: Doc, lowers: list[str], trigger: int, cues: RebuffCues) -> bool:
    sent = doc_tokens(doc)[trigger].sent
    for k in range(trigger + 1, sent.end):
        if lowers[k] not in cues.contrast and lowers[k] not in cues.before:
            continue
        for j in range(k + 1, min(sent.end, k + 1 + REACH)):
            token = doc_tokens(doc)[j]
            phrases = (" ".join(lowers[j : j + 2]), " ".join(lowers[j : j + 3]))
            if lowers[j] in cues.rebuffs or token.lemma_ in cues.rebuffs or any(p in cues.rebuffs for p in phrases):
                after = lowers[j + 1 : j + 4]
                return not any(w in cues.exceptions for w in after)
            if lowers[j] in cues.drops or token.lemma_ in cues.drops:
                return _drops_it(lowers, j + 1, sent.end, cues)
            if lowers[j] in cues.contrast or lowers[j] in cues.before or lowers[j] in (";", ":"):
                break
        if lowers[k] in cues.contrast:
            return False  # only the clause right after the first "but" ("before" may come first)
    return False


def _drops_it(lowers: list[str], start: int, end: int, cues: RebuffCues) -> bool:
    """Say whether a drop verb's object is the tie itself: none (« avant d'y renoncer », « avant de renoncer
    faute d'accord »), or a plan-like noun ("before abandoning the plan"), not another thing ("but abandoned its
    voting rights")."""
    if start < end and lowers[start] in cues.determiners:
        return any(w in cues.dropped for w in lowers[start : start + 3])
    for k in range(start, min(end, start + 5)):  # « a renoncé en janvier à introduire sa filiale en Bourse »
        if not lowers[k].isalnum():
            break
        if lowers[k] in DROP_COMPLEMENTS:
            return any(w in cues.dropped for w in lowers[k + 1 : k + 4])
    return True


DROP_COMPLEMENTS = ("à", "au", "aux", "to")  # what a drop verb gives up follows these: something else, or the tie
RELATIVE = ("acl:relcl", "relcl")


def dropped_by_antecedent(
    doc: Doc, relations: list[Relation], follow_ups: frozenset[str], negators: frozenset[str], particles: frozenset[str]
) -> list[Relation]:
    """Return the relations, each affirmed tie that its subject's main clause lets drop negated (see the module).

    ``follow_ups`` holds phrases of a verb lemma and its object (« donner suite »); ``negators`` and
    ``particles`` the lexicon's normalised negating verbs and negation particles.
    """
    out: list[Relation] = []
    for r in relations:
        if r.polarity == "affirmed" and r.predicate not in UNTOUCHED and r.trigger >= 0:
            antecedent = _antecedent(doc, r)
            if antecedent is not None and _lets_drop(antecedent, follow_ups, negators, particles):
                r = replace(r, polarity="negated")
        out.append(r)
    return out


def _antecedent(doc: Doc, r: Relation):
    """Return the subject the relative clause holding ``r``'s trigger is hung on, when it stands before its verb."""
    token = doc_tokens(doc)[r.trigger]
    for _ in range(4):
        if token.dep_ in RELATIVE:
            antecedent = token.head
            verb = antecedent.head
            # the subject, or a name the parse hung on the verb another way (« General Motors, qui ..., n'a pas »)
            if r.subject.start <= antecedent.i < r.subject.end and verb.pos_ in ("VERB", "AUX") and (
                antecedent.dep_.startswith("nsubj") or antecedent.dep_ in ("obl:mod", "dislocated")
            ):
                return antecedent if antecedent.i < verb.i else None
            return None
        if token.head.i == token.i or token.dep_ in ("ccomp", "parataxis", "conj"):
            return None
        token = token.head
    return None


def _lets_drop(antecedent, follow_ups: frozenset[str], negators: frozenset[str], particles: frozenset[str]) -> bool:
    """Say whether the antecedent's verb lets a tie drop: « n'a pas donné suite », « y a renoncé », "did not
    pursue it"; not when it has a complement of its own (« n'a pas donné suite à l'offre de Fiat »)."""
    verb = antecedent.head
    below = [c for c in token_children(verb) if c.i != antecedent.i]
    if any(c.dep_ in ("obl:arg", "obl:mod", "obl", "iobj") and c.pos_ in ("NOUN", "PROPN") for c in below):
        return False
    lemma = normalize(verb.lemma_ or verb.text)
    if any(normalize(c.text) in particles for c in below):
        objects = {normalize(c.lemma_ or c.text) for c in below if c.dep_ in ("obj", "dobj", "compound:prt")}
        return lemma in follow_ups or any(f"{lemma} {o}" in follow_ups for o in objects)
    nominal = [c for c in below if c.dep_ in ("obj", "dobj") and c.pos_ != "PRON"]
    return is_negating_word(verb, negators) and not nominal


def failed_attempt(anchor, attempts: frozenset[str]) -> bool:
    """Return True for a tie a past attempt governs: « Fiat, qui avait tenté de reprendre Opel » did not.

    Only a completed past (« a tenté », « avait tenté », « tenta »): « tente de
    racheter » is an attempt still under way (cue ``attempt_verbs``).
    """
    node = anchor
    for _ in range(3):
        if node.head.i == node.i or node.dep_ not in ("xcomp", "obl:arg", "ccomp", "obj"):
            return False  # only the attempted act and its object, not an apposition below them
        head = node.head
        if normalize(head.lemma_) in attempts and node.dep_ != "obj":
            compound = any(c.dep_.startswith("aux") for c in token_children(head)) and "Part" in head.morph.get(
                "VerbForm")
            simple = "Past" in head.morph.get("Tense") and "Ind" in head.morph.get("Mood")
            return compound or simple
        node = head
    return False
