"""Dependency helpers: find a trigger's arguments by grammatical role.

Works on the Universal Dependencies labels of the French model and on the
ClearNLP labels of spaCy's English models (``dobj``, ``prep``/``pobj``,
``agent``, ``nsubjpass``), so that a full English model, when installed,
takes the same path as French.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from alliance_kg.nlp.doctable import doc_texts, doc_tokens, morph_values, per_token, token_children
from alliance_kg.lexicon import load_lexicon


def _object_control(lang: str) -> frozenset[str]:
    """Return the verbs whose object is the subject of the infinitive after them ("inviter X à", "urge X to")."""
    return load_lexicon().cues(lang, "object_control", raw=True)


def _unaccusative(lang: str) -> frozenset[str]:
    """Return the verbs whose past participle is active ("passé sous le contrôle de", not "racheté à")."""
    return load_lexicon().cues(lang, "unaccusative_verbs", raw=True)


SUBJ = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"}  # "qu'il ne participerait pas": "il" as expl
PASSIVE_MARKS = {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"}
OBJ = {"obj", "dobj", "iobj"}
OBLIQUE = {"obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj", "pobj", "agent", "obj", "dobj", "acl"}
DESCEND = {
    "appos",
    "flat",
    "flat:name",
    "flat:foreign",
    "nmod",
    "compound",
    "nummod",
    "amod",
    "pobj",
    "prep",
    "obl",
    "obl:arg",
    "fixed",
    "dep",
}
CLAUSE = {"acl:relcl", "relcl", "ccomp", "advcl", "parataxis", "csubj"}


@per_token
def case_of(token: Token) -> str | None:
    """Return the preposition that introduces ``token`` ("de", "avec", "with")."""
    words = [c.lower_ for c in token_children(token) if c.dep_ in ("case", "fixed") and c.i < token.i]
    if words:
        return (
            " ".join(words)
            .replace("d'", "de")
            .replace("du", "de")
            .replace("des", "de")
            .replace("au", "à")
            .replace("aux", "à")
        )
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return token.head.lower_
    if token.dep_ in ("agent", "obl:agent"):
        return "par" if token.lang_ == "fr" else "by"
    return None


RELATIVE = {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "which", "who", "whom", "that"}


#: French verbs whose compound tenses take "être" without being passive ("Renault est sorti du capital"):
#: a closed grammatical class, which the parser often labels aux:pass.
ETRE_VERBS = frozenset(
    "aller arriver descendre devenir entrer monter mourir naître partir passer rentrer rester retourner "
    "revenir sortir tomber venir".split()
)


@per_token
def is_passive(verb: Token) -> bool:
    """Return True when ``verb`` is in the passive voice.

    Counts the participle that modifies a noun with its agent ("la
    coentreprise détenue par X", "a venture owned by X") as passive too.
    """
    if verb.lang_ == "fr" and verb.lemma_ in ETRE_VERBS and not any(case_of(c) == "par" for c in token_children(verb)):
        return False
    if any(c.dep_ in PASSIVE_MARKS for c in token_children(verb)):
        # "Renault et Volvo ont créé Flexis": a subject labelled passive beside "avoir" is the parse's slip
        active = verb.lang_ == "fr" and any(
            (c.dep_ == "aux:tense" and c.lemma_ == "avoir") or c.lower_ in ("se", "s'", "s’")  # "s'est retiré de"
            for c in token_children(verb)
        ) and not any(c.dep_ == "aux:pass" or case_of(c) == "par" for c in token_children(verb))
        return not active
    return verb.dep_ in ("acl", "amod") and "Part" in morph_values(verb, "VerbForm") and bool(agents_of(verb))


def agents_of(verb: Token) -> list[Token]:
    """Return the agents of a passive verb ("par X", "by X"), also those the parse hung on a share.

    "détenue à 45 % par Renault et à 45 % par Geely": both agents are below
    the percentages, not below the verb.
    """
    agents = [c for c in token_children(verb) if case_of(c) in ("par", "by")]
    if agents:
        return agents
    shares = [
        c
        for c in token_children(verb)
        if c.dep_ in ("obl:arg", "obl", "obl:mod", "conj") and (c.text == "%" or c.lower_ in ("pourcent", "percent"))
    ]
    shares += [c for share in shares for c in token_children(share) if c.dep_ == "conj" and c.text == "%"]
    return [g for c in shares for g in token_children(c) if case_of(g) in ("par", "by")]


def relative_antecedent(token: Token) -> Token | None:
    """Return what a relative pronoun stands for ("Proton, dont Geely détient 49 %" -> Proton).

    A French relative pronoun follows its antecedent (after a comma and its
    preposition: "Geely, avec lequel ..."), so the word before it is tried
    first; the parser's attachment, often wrong in long sentences, only when
    there is none. A gendered pronoun then climbs to the noun it agrees with.
    """
    if token.lower_ not in RELATIVE and "Rel" not in morph_values(token, "PronType"):
        return None
    doc = token.doc
    i = token.i - 1
    toks = doc_tokens(doc)
    while i >= token.sent.start and (toks[i].dep_ in ("case", "fixed") and toks[i].head.i == token.i):
        i -= 1  # "avec lequel", "auprès de laquelle"
    comma = i >= token.sent.start and doc_texts(doc)[i] == ","
    if comma:
        i -= 1
    if i >= token.sent.start and doc_tokens(doc)[i].pos_ in ("NOUN", "PROPN", "ADJ", "X", "NUM"):
        candidate = doc_tokens(doc)[i]
        if candidate.pos_ in ("ADJ", "NUM") and candidate.head.i < candidate.i:
            candidate = candidate.head  # "moteurs thermiques, dans laquelle"
        noun = candidate.head
        opening = noun.i - 1
        while opening > token.sent.start and toks[opening].pos_ in ("DET", "ADJ"):
            opening -= 1
        if comma and token.lower_ in ("qui", "dont") and candidate.dep_ == "nmod" and noun.pos_ == "NOUN" and (
            noun.i < candidate.i and doc_texts(doc)[opening] == "," and opening < noun.i - 1
        ):
            # "Nissan, l'allié de Renault, qui ne détient aucune part": a closed apposition; the clause is about
            # the name the apposition describes, which its noun stands for
            return noun
        return _agreeing(candidate, token)
    clause = token.head
    while clause.dep_ not in ("acl:relcl", "relcl") and clause.head.i != clause.i and clause.dep_ != "ROOT":
        clause = clause.head
    if clause.dep_ not in ("acl:relcl", "relcl"):
        return None
    return _agreeing(clause.head, token)


def _agreeing(antecedent: Token, pronoun: Token, climb: int = 4) -> Token:
    """Return the noun a gendered relative pronoun agrees with, climbing from the parser's attachment.

    "leur coentreprise consacrée aux moteurs thermiques, dans laquelle ...": the
    parser hangs the clause on "moteurs"; "laquelle" (feminine singular) goes
    back to "coentreprise".
    """
    gender, number = morph_values(pronoun, "Gender"), morph_values(pronoun, "Number")
    if not gender or pronoun.lower_ in ("qui", "que", "dont", "which", "who", "that"):
        return antecedent
    node = antecedent
    for _ in range(climb + 1):
        agrees = node
        if node.pos_ == "PROPN" and not morph_values(node, "Gender") and node.head.i == node.i - 1 and (
            node.head.pos_ == "NOUN"
        ):
            agrees = node.head  # "du groupe Renault, dans laquelle": the name has its noun's gender
        if (
            node.pos_ in ("NOUN", "PROPN")
            and morph_values(agrees, "Gender") in ([], gender)
            and morph_values(agrees, "Number") in ([], number)
        ):
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return antecedent


@per_token
def conjuncts(token: Token) -> list[Token]:
    """Return ``token`` and the tokens coordinated with it, in text order.

    A list closed by "et"/"and" ends there: in « par Valeo et Siemens, ou
    Bosch et Continental » the parser may chain all four, but "ou" opens
    another list.
    """
    listed = sorted({token, *token.conjuncts}, key=lambda t: t.i)
    lists: list[list[Token]] = [[]]
    for k, conj in enumerate(listed):
        alternative = any(c.dep_ == "cc" and c.lower_ in ("ou", "or") for c in conj.children)
        if k > 1 and alternative and _closes_list(listed[k - 1]):
            lists.append([])
        lists[-1].append(conj)
    return next(group for group in lists if token in group)


def _closes_list(token: Token) -> bool:
    """Return True when the conjunct is the last of a list: "et"/"and" before it."""
    return any(c.dep_ == "cc" and c.lower_ in ("et", "and") for c in token.children)


def find_below(
    start: Token, accept: Callable[[Token], bool], depth: int = 2, via: Iterable[str] = DESCEND
) -> list[Token]:
    """Return tokens under ``start`` (itself included) that ``accept``, not crossing clauses."""
    via = set(via)
    found, frontier = [], [start]
    for _ in range(depth + 1):
        next_frontier = []
        for token in frontier:
            if accept(token):
                found.append(token)
                continue
            next_frontier.extend(c for c in token_children(token) if c.dep_ in via)
        frontier = next_frontier
    return found


def subject_tokens(trigger: Token, max_climb: int = 4) -> list[Token]:
    """Return the grammatical subject(s) of a trigger verb or predicate noun.

    Climbs through ``xcomp``/``conj``/object positions ("X prévoit d'investir",
    "X a signé un partenariat") and handles the passive voice ("rachetée par X").
    """
    token = trigger
    for _ in range(max_climb):
        if is_passive(token):
            return agents_of(token)
        subjects = [c for c in token_children(token) if c.dep_ in SUBJ]
        relative = subjects and all(
            "Rel" in morph_values(c, "PronType") or c.lower_ in ("qui", "which", "who", "that") for c in subjects
        )
        if relative and token.dep_ in ("acl:relcl", "relcl"):
            antecedent = relative_antecedent(subjects[0])  # the word before the pronoun first
            return [antecedent if antecedent is not None else token.head]  # "Nissan, qui possède 15 % de Renault"
        if relative and subjects[0].lower_ == "qui" and subjects[0].i > token.sent.start:
            # "pris par Toyota, qui détient 5 % de Mazda": the parse made the relative clause an adverbial one
            antecedent = relative_antecedent(subjects[0])
            if antecedent is not None:
                return [antecedent]
        if not subjects and token.pos_ in ("VERB", "AUX"):
            subjects = _dislocated_subject(token)  # "Hyundai, de son côté, fournit": the name parsed as adverbial
        if not subjects and token.dep_ == "advcl":
            # « tandis que Changan s'est associé à Ford »: the parse made the subject part of the conjunction
            subjects = [f for m in token_children(token) if m.dep_ in ("mark", "advmod") for f in token_children(m)
                        if f.dep_ == "fixed" and f.pos_ == "PROPN"]
        if subjects:
            if token.dep_ == "conj" and token.head.pos_ in ("PROPN", "NOUN") and token.head.dep_ == "ROOT":
                subjects.append(
                    token.head
                )  # "Renault et le chinois Geely ont lancé": the parse hung the verb on Renault
            return subjects
        if token.dep_ == "advcl" and reduced_relative(token):
            return [token.doc[token.i - 2]]  # "Harman, passé sous le contrôle de Samsung": Harman, not the clause's
        if token.dep_ in ("xcomp", "conj", "obj", "dobj", "acl", "advcl") and token.head.i != token.i:
            if token.dep_ in ("obj", "dobj") and token.head.pos_ not in ("VERB", "AUX"):
                return []
            if token.dep_ == "xcomp" and token.head.lemma_ in _object_control(token.lang_):
                objects = [
                    c
                    for c in token_children(token.head)
                    if token.head.i < c.i < token.i and (c.dep_ in ("obj", "dobj", "iobj") or c.pos_ == "PROPN")
                ]
                if objects:  # "n'a pas invité Nissan à rejoindre la coentreprise": Nissan would join
                    return objects
            token = token.head
            continue
        if token.dep_ in ("obl", "obl:arg", "pobj") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ in ("nmod", "obl:mod") and token.pos_ == "NOUN" and token.head.i != token.i:
            token = token.head  # "ont signé un protocole en vue de fusionner": who signs, merges
            continue
        return []
    return []


def reduced_relative(verb: Token) -> bool:
    """Say whether a past participle without auxiliary follows ", Name" (a reduced relative on the name)."""
    if verb.i < verb.sent.start + 2 or doc_texts(verb.doc)[verb.i - 1] != ",":
        return False
    name = doc_tokens(verb.doc)[verb.i - 2]
    return (
        name.pos_ == "PROPN"
        and verb.lemma_ in _unaccusative(verb.lang_)  # "Opel, racheté par PSA" is the object of a passive
        and case_of(name) not in ("de", "of")  # "la filiale de Nissan, passée ...": not Nissan
        and "Past" in morph_values(verb, "Tense")
        and "Part" in morph_values(verb, "VerbForm")
        and not any(c.dep_.startswith("aux") for c in token_children(verb))
    )


def _dislocated_subject(verb: Token) -> list[Token]:
    """Return a name before the verb, set off by a comma, that the parse made an adverbial ("Hyundai, de son côté,").

    A proper noun without a preposition cannot be an adverbial: it is the
    subject the parse lost to the inserted phrase.
    """
    return [
        c
        for c in token_children(verb)
        if c.i < verb.i
        and c.pos_ == "PROPN"
        and c.dep_ in ("obl:mod", "obl", "nmod", "dep")
        and case_of(c) is None
        and c.i + 1 < verb.i
        and verb.doc[c.i + 1].is_punct
    ][:1]


def passive_object(verb: Token) -> list[Token]:
    """Return the surface subject of a passive verb (its logical object)."""
    if verb.dep_ in ("acl", "amod") and verb.head.i != verb.i:
        return [verb.head]
    return [c for c in token_children(verb) if c.dep_ in ("nsubj:pass", "nsubjpass", "nsubj")]
