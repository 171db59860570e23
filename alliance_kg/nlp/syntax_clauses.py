"""Which clause a word is in and how far a trigger's clause reaches, from the parse.

:func:`head_chain` gives the words that govern a trigger up to its clause's
top (the modality and negation of another clause must not leak in);
:func:`in_relative_clause` tells a word in a relative clause, labelled so by
the parse or not; :func:`relative_with_case` finds the relative pronoun with a
preposition that opens a trigger's clause ("Ampere, dans laquelle Nissan
s'est engagé à investir").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alliance_kg.lexicon import load_lexicon
from alliance_kg.nlp.doctable import doc_parsed, doc_tokens, morph_values, per_token, token_children
from alliance_kg.nlp.qualifiers import is_negating_word
from alliance_kg.nlp.syntax import SUBJ, case_of, reduced_relative


def _implication_verbs(lang: str) -> frozenset[str]:
    """Return the verbs whose clause is what they imply ("signifier que", "mean that")."""
    return load_lexicon().cues(lang, "implication_verbs", raw=True)


def relative_with_case(trigger: Token) -> list[Token]:
    """Return the relative pronoun with a preposition (or "dont") that opens the trigger's clause.

    "Ampere, dans laquelle Nissan s'est engagé à investir": "laquelle" (with
    "dans") hangs on "engagé" but is a complement of "investir". Read from the
    words, since the parse often hangs the pronoun elsewhere: the nearest one
    before the trigger, with no punctuation between them.
    """
    doc = trigger.doc
    for i in range(trigger.i - 1, trigger.sent.start - 1, -1):
        token = doc_tokens(doc)[i]
        if token.is_punct:
            return []
        if token.pos_ == "PRON" and "Rel" in morph_values(token, "PronType"):
            return [token] if case_of(token) or token.lower_ == "dont" else []
    return []


@per_token
def in_relative_clause(token: Token) -> bool:
    """Return True when ``token`` is inside a relative clause, labelled so by the parse or not."""
    return relative_clause_of(token) is not None


def relative_clause_of(token: Token) -> int | None:
    """Return the position of the verb heading the relative clause ``token`` is in, or None."""
    for node in [token, *token.ancestors]:
        if node.dep_ in ("acl:relcl", "relcl"):
            return node.i
        if node.pos_ in ("VERB", "AUX") and any(
            "Rel" in morph_values(c, "PronType") and c.dep_.startswith(("nsubj", "obj", "obl"))
            for c in token_children(node)
        ):
            return node.i
    return None


def head_chain(trigger: Token, limit: int = 6) -> list[Token]:
    """Return the trigger and the words that govern it up to the clause's top.

    Stops at a relative clause and at a clause reported by a speech verb, so
    that the modality and negation of another clause do not leak in.
    """
    chain = [trigger]
    token = trigger
    for _ in range(limit):
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in _implication_verbs(token.lang_):
            token = token.head  # "cet accord ne signifie pas que Chery entrera au capital de JLR": what is
            chain.append(token)  # implied is denied with the verb that implies it
            continue
        if token.dep_ in ("acl:relcl", "relcl") and _content_relative(token):
            token = token.head  # "a démenti les informations selon lesquelles il serait en discussions":
            chain.append(token)  # the clause is what the noun says, so the verb over the noun governs it
            continue
        if token.dep_ in ("acl:relcl", "relcl", "ccomp", "parataxis", "ROOT") or token.head.i == token.i:
            break
        if token.dep_ == "advcl" and reduced_relative(token):
            break  # "Harman, passé sous le contrôle de Samsung": the participle's own clause
        if token.dep_ == "advcl" and _juxtaposed(token):
            break  # "X ne sont pas épargnés : Mitsubishi a quitté ...": a clause of its own after a colon
        if token.pos_ in ("VERB", "AUX") and any(
            "Rel" in morph_values(t, "PronType") for c in token.lefts for t in c.subtree
        ):
            break  # a relative clause the parse did not label one ("Honda, qui exploite ...", "dont X détient")
        token = token.head
        chain.append(token)
    return chain


def _juxtaposed(clause: Token) -> bool:
    """Return True for a clause with its own subject that a colon or semicolon sets after its head, or that
    stands before its head with no subordinating word (a clause of its own the parse hung there)."""
    doc, head = clause.doc, clause.head
    if not any(c.dep_ in SUBJ for c in clause.children):
        return False
    if head.i > clause.i:  # "... : Tata Motors développe seul X, et Stellantis ne lui a jamais fourni Y": a
        # clause of its own; "si Renault investit dans Ampere, Nissan ne suivra pas": a condition; but "faux de
        # dire que Geely s'apprête à ..., a réagi X": a "que" clause the parse hung on the verb after it
        marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
        return not marks or any(m not in ("que", "qu'", "qu’", "that") for m in marks)
    return any(t.text in (":", ";") for t in doc[head.i + 1 : clause.i])


def _content_relative(clause: Token) -> bool:
    """Return True for a relative clause that gives a noun's content: "selon lesquelles", "according to which"."""
    return any(
        "Rel" in morph_values(c, "PronType") and any(case_of(c) == word for word in ("selon", "according to"))
        for c in token_children(clause)
    )


def ending_clauses(sent: Span, terminators: frozenset[str]) -> frozenset[int | None]:
    """Return the relative clauses (None: not in one) where the sentence's ending words stand.

    "un accord qui met fin à ...": the agreement itself is not ended; "PSA négociait une prise de
    participation, avant que les discussions ne soient rompues", parsed as one relative clause: it is.
    """
    words = [t.lower_ for t in sent]
    present = set(words)
    parsed = doc_parsed(sent.doc)
    found: set[int | None] = set()
    for phrase in terminators:
        parts = phrase.split()
        if parts and parts[0] not in present:
            continue  # its first word is not in the sentence
        for k in range(len(words) - len(parts) + 1):
            if words[k : k + len(parts)] == parts:
                found.add(relative_clause_of(sent[k]) if parsed else None)
    return frozenset(found)


ASIDE_NOUN_PHRASE = frozenset({"DET", "NOUN", "ADJ"})  # the words of the trigger's noun phrase before it


def negator_before_aside(anchor: Token, negators: frozenset[str]) -> bool:
    """Return True when a negating word stands right before a comma-enclosed aside that opens the trigger's phrase.

    « d'interdire, en mars 2000, son rapprochement avec Scania », « depuis l'échec, en février, des discussions
    de fusion »: the parse hangs the phrase after the aside on another word and the negation is lost.
    """
    doc, sent = anchor.doc, anchor.sent
    toks = doc_tokens(doc)
    close = anchor.i - 1
    while close > sent.start and anchor.i - close <= 4 and toks[close].text != ",":
        if toks[close].pos_ not in ASIDE_NOUN_PHRASE and toks[close].lower_ not in ("de", "d'", "d’", "du", "des"):
            return False
        close -= 1
    if toks[close].text != "," or close == anchor.i - 1:
        return False
    opening = close - 1
    while opening > sent.start and close - opening <= 6 and toks[opening].text != ",":
        if toks[opening].pos_ in ("VERB", "AUX"):
            return False  # an aside has no verb of its own
        opening -= 1
    return toks[opening].text == "," and opening - 1 >= sent.start and is_negating_word(toks[opening - 1], negators)
