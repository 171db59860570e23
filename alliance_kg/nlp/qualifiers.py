"""Qualify a statement: polarity, modality and attribution.

With a parse, the words that govern the trigger (its head chain) decide:
a negation particle or a negating verb ("refuser de", "mettre fin à",
"called off") makes it ``negated``; the conditional mood (``Mood=Cnd``) or a
hedging word ("envisager", "is considering") makes it ``speculative``; the
future tense, "aller" + infinitive or an intention word ("prévoit de",
"plans to") makes it ``planned``. Without a parse (the blank English
pipeline) the same cue lists are read in the words between the subject and
the trigger (:mod:`.qualifiers_window`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from alliance_kg.nlp.doctable import doc_tokens, morph_values, token_children
from alliance_kg.kb import normalize
from alliance_kg.lexicon import Lexicon

CONDITIONAL_ENDINGS = ("rais", "rait", "rions", "riez", "raient")


@dataclass(frozen=True)
class Qualifiers:
    """Polarity and modality of one trigger occurrence."""

    polarity: str = "affirmed"
    modality: str = "asserted"


def _lemma(token: Token) -> str:
    return normalize(token.lemma_ or token.text)


def is_conditional(token: Token) -> bool:
    """Return True for a French verb in the conditional mood.

    The model's morphology sometimes tags "envisagerait" as imperfect; the
    ending of the form, with ``Tense=Imp``, catches those.
    """
    if "Cnd" in morph_values(token, "Mood"):
        return True
    return (
        "Imp" in morph_values(token, "Tense")
        and token.lower_.endswith(CONDITIONAL_ENDINGS)
        and token.pos_ in ("VERB", "AUX")
    )


FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")


def is_future(token: Token) -> bool:
    """Return True for a verb in the future tense.

    The model's morphology sometimes misses it ("construira" tagged a past
    participle): a French form that is its infinitive's future stem plus a
    future ending ("construir" + "a", "fournir" + "ont") counts too; and a
    French form tagged future without the "r" of a future ending (« fournit »)
    does not.
    """
    if "Fut" in morph_values(token, "Tense"):
        # ... and sometimes sees a future where there is none (« fournit »): a French future ends in r + ending
        return token.lang_ != "fr" or token.lower_.endswith(tuple("r" + ending for ending in FUTURE_ENDINGS))
    lemma = token.lemma_.lower()
    if token.lang_ != "fr" or not lemma.endswith(("er", "ir", "re")):
        return False
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return any(token.lower_ == stem + ending for ending in FUTURE_ENDINGS)


def _negates(token: Token, neg_words: frozenset[str]) -> bool:
    if "Neg" in morph_values(token, "Polarity"):
        return True
    return normalize(token.text) in neg_words and token.dep_ in ("advmod", "det", "neg", "case", "mark", "cc", "dep")


def _restrictive(particle: Token, restricting: frozenset[str], between: frozenset[str]) -> bool:
    """Return True for a negation word that restricts instead of negating: "ne détient (plus) que 15 %",
    "n'a pas seulement investi", "n'a pas d'autre choix que de", "not only".

    ``restricting`` are the lexicon's ``restricting_words`` ("que", "seulement"), ``between`` the words
    that may stand between the particle and them (``restriction_fillers``: "plus", "pas", an auxiliary).
    """
    if particle.lower_ in ("sans", "without"):
        return False  # « sans que PSA ne prenne de participation »: "que" opens the clause « sans » negates
    doc = particle.doc
    verb = particle.head
    words = [  # "ne signifie pas que X entrera ...": "que" opens a clause, it restricts nothing
        "" if t.dep_ == "mark" and t.head.dep_ == "ccomp" and t.head.pos_ in ("VERB", "AUX") else t.lower_
        for t in doc_tokens(doc)[particle.i + 1 : min(len(doc), particle.i + 7)]
        if t.i != verb.i and not (t.dep_.startswith("aux") and t.head.i == verb.i)
    ]
    for k, word in enumerate(words):
        if word in restricting:
            return all(w in between for w in words[:k])
        if word not in between:
            return False
    return False


def _is_present(verb: Token) -> bool:
    """Return True when a reporting verb is in the present tense ("indique", "says")."""
    if any(c.dep_.startswith("aux") for c in token_children(verb)):
        return False
    return "Pres" in morph_values(verb, "Tense")


def _is_negator(token: Token, negators: frozenset[str]) -> bool:
    return is_negating_word(token, negators)


def is_negating_word(token: Token, negators: frozenset[str]) -> bool:
    """Return True when a word, alone or with up to three words after it, is a negator of the lexicon:
    "abandonner", "mettre fin", "tomber à l'eau", "faire long feu" (the first word by its lemma).

    ``negators`` holds normalised cues (``Lexicon.cues(lang, "negators")``).
    """
    lemma = _lemma(token)
    if lemma in negators:
        return True
    doc, phrase = token.doc, lemma
    for k in range(token.i + 1, min(len(doc), token.i + 4)):
        glue = "" if phrase.endswith(("'", "’")) else " "
        phrase = f"{phrase}{glue}{normalize(doc[k].text)}"
        if phrase in negators:
            return True
    return False


def _ne_alone(particle: Token, bare: frozenset[str], seconds: frozenset[str], literary: frozenset[str]) -> bool:
    """Return True for a "ne" with no second negative word: it negates nothing.

    "bien avant que PSA ne fusionne avec FCA" (expletive), "PSA ne fusionnera
    avec FCA qu'en 2021" (restrictive): both say the merger happens. Only
    the literary "ne" of ``literary`` verbs ("ne cesse de", "ne peut")
    negates alone. The second word is looked for on both sides, up to
    another "ne" ("Ni Toyota ni Honda n'ont investi", "Personne ne croit").
    """
    if _lemma(particle.head) in literary:
        return False
    sent, tokens = particle.sent, doc_tokens(particle.doc)
    for token in tokens[particle.i + 1 : min(sent.end, particle.i + 14)]:
        if token.lower_ in bare:
            break
        if token.lower_ in seconds:
            return False
    for token in reversed(tokens[max(sent.start, particle.i - 14) : particle.i]):
        if token.lower_ in bare:
            break
        if token.lower_ in seconds:  # "Ni Toyota ni Honda n'ont investi", "Personne ne croit", "Aucun ... ne"
            return False
    return True


def _ended_in_relative(chain: list[Token], negators: frozenset[str]) -> bool:
    """Return True when a noun of the chain, below its first verb, has a relative clause that ends it:
    "des discussions de fusion qui ont échoué", "talks that collapsed" (the relative pronoun its subject,
    no object: "la coentreprise qui a abandonné le projet" is still a venture)."""
    for token in chain:
        if token.pos_ in ("VERB", "AUX"):
            return False
        for clause in token_children(token):
            if clause.dep_ not in ("acl:relcl", "relcl") or not _is_negator(clause, negators):
                continue
            below = token_children(clause)
            if any(g.dep_.startswith("nsubj") and g.pos_ == "PRON" for g in below) and not any(
                g.dep_ in ("obj", "dobj") for g in below
            ):
                return True
    return False


def qualify_parsed(trigger: Token, chain: list[Token], lexicon: Lexicon, lang: str) -> Qualifiers:
    """Return polarity and modality from the head chain of a parsed trigger.

    A negation particle anywhere on the chain ("n'a aucune intention de")
    and a negating word above the trigger ("a refusé de", "ended talks")
    each negate; both together ("n'exclut pas de") leave it affirmed but
    only possible.
    """
    neg_words = lexicon.cues(lang, "negation_particles")
    negators = lexicon.cues(lang, "negators")
    speculative = lexicon.cues(lang, "speculative")
    planned = lexicon.cues(lang, "planned")
    cancelling = lexicon.cues(lang, "negation_cancelling")
    restricting = lexicon.cues(lang, "restricting_words", raw=True)
    between = lexicon.cues(lang, "restriction_fillers", raw=True)
    own: list[Token] = []  # a conjoined verb has its own negation: "n'a pas signé ... mais a investi dans Geely"
    for token in chain:
        own.append(token)
        finite = "Fin" in morph_values(token, "VerbForm") or any(
            c.dep_.startswith("aux") for c in token_children(token)
        )
        if token.dep_ == "conj" and finite and token.head.pos_ in ("VERB", "AUX"):
            break  # an infinitive shares its governor's negation: "ne veut pas investir ni s'allier"
    copulas = [c for token in own for c in token_children(token) if c.dep_ == "cop"]  # "n'est plus le partenaire de"
    bare = lexicon.cues(lang, "bare_negators", raw=True)
    seconds = lexicon.cues(lang, "negation_seconds", raw=True)
    literary = lexicon.cues(lang, "literary_negation_verbs", raw=True)
    no_less = lexicon.cues(lang, "comparative_negations", raw=True)  # « n'en reste pas moins »: nonetheless
    particle = any(
        _negates(c, neg_words)
        and not _restrictive(c, restricting, between)
        and not _comparative(token, no_less)
        and not (c.lower_ in bare and _ne_alone(c, bare, seconds, literary))
        and _lemma(token) not in cancelling
        for token in [*own, *copulas]
        for c in token_children(token)
    )
    # a negating verb governs its complement, not a clause hung on it: in "a exclu un rachat :
    # Stellantis ne prendra pas le contrôle" the second clause is not what is excluded
    negator = any(
        _is_negator(chain[k], negators) and chain[k - 1].dep_ not in ("advcl", "parataxis", "conj")
        for k in range(1, len(chain))
    )
    negator |= _ended_in_relative(chain, negators)
    outside = lexicon.cues(lang, "outside_words", raw=True)  # "hors de question que ...": the noun above is out
    negator |= any(
        c.lower_ in outside and c.dep_ in ("case", "fixed", "advmod") for t in chain[1:] for c in token_children(t)
    )
    spec = plan = conditional = False
    conditions = lexicon.cues(lang, "condition_marks", raw=True)
    topics = lexicon.cues(lang, "topic_prepositions", raw=True)
    previous: Token | None = None
    for token in chain:
        lemma = _lemma(token)
        verbal = token.pos_ in ("VERB", "AUX")
        auxes = [c for c in token_children(token) if c.dep_.startswith("aux") or c.dep_ == "cop"]
        if verbal or auxes:
            verbs = [token, *auxes]
            conditional |= any(is_conditional(v) for v in verbs)
            plan |= any(is_future(v) for v in verbs)
            plan |= any(_lemma(c) == "aller" for c in auxes)
            spec |= any(
                _lemma(c) in speculative
                for c in token_children(token)
                if c.dep_.startswith("aux") or c.dep_ == "advmod"
            )
            spec |= any(_condition(c, conditions) for c in token_children(token))  # « si Renault investit »
        if token is not trigger:
            from_clause = (
                previous is not None and previous.pos_ in ("VERB", "AUX") and previous.dep_ not in ("obj", "dobj")
            )
            # « étudie un partenariat », « envisagent une fusion »: the trigger noun is what is considered
            # « discute d'un rapprochement »: the noun as the verb's argument too (not « négocie avec son allié »)
            considered = previous is trigger and trigger.pos_ == "NOUN" and (
                trigger.dep_ in ("obj", "dobj") or trigger.dep_ == "obl:arg" and _topic(trigger, topics)
            )
            if lemma in speculative and (not verbal or from_clause or considered):
                spec = True
            if lemma in planned and (not verbal or from_clause):
                plan = True
        previous = token
    planned_adjectives = lexicon.cues(lang, "planned_adjectives")
    # "leur future coentreprise", "the planned merger"; « un éventuel rachat »
    plan |= any(c.dep_ == "amod" and _lemma(c) in planned_adjectives for c in token_children(trigger))
    spec |= any(c.dep_ == "amod" and _lemma(c) in speculative for c in token_children(trigger))
    if conditional:
        top = chain[-1]
        reporting = lexicon.cues(lang, "speech_verbs") | {"savoir", "annoncer", "promettre", "prevenir"}
        if top.dep_ == "ccomp" and _lemma(top.head) in reporting and not _is_present(top.head):
            plan = True  # "a fait savoir qu'il n'entrerait pas": the future seen from the past
        else:
            spec = True
    if particle and negator:
        return Qualifiers("affirmed", "speculative")
    polarity = "negated" if particle or negator else "affirmed"
    modality = "speculative" if spec else "planned" if plan else "asserted"
    return Qualifiers(polarity, modality)


def _topic(noun: Token, topics: frozenset[str]) -> bool:
    """Return True when a verb's prepositional argument is its topic (« discuter d'une fusion », « réfléchir à »)."""
    return any(c.dep_ == "case" and c.lower_ in topics for c in token_children(noun))


def _condition(mark: Token, conditions: frozenset[str]) -> bool:
    """Return True for the "si"/"if" that opens a condition, not for « même si » / "even if" (a concession)."""
    doc = mark.doc
    return mark.dep_ == "mark" and mark.lower_ in conditions and not (
        mark.i > 0 and doc[mark.i - 1].lower_ in ("même", "even")
    )


def _comparative(token: Token, phrases: frozenset[str]) -> bool:
    """Return True when the token's negation is a comparison (« n'en reste pas moins partenaire »: still is)."""
    doc = token.doc
    near = [g for c in token_children(token) for g in (c, *token_children(c))]  # « pas » may hang on « moins »
    return any(t.i + 1 < len(doc) and f"{t.lower_} {doc[t.i + 1].lower_}" in phrases for t in near)
