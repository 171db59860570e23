"""What a pronoun or a bare "la société" / "the group" stands for.

:func:`previous_subject` returns the organisation mention a pronoun, a
possessive or a generic noun phrase most likely names: a subject of the
same clause, else (with a parse) the most salient organisation of the last
sentences, else (English word order) the first organisation of the clause.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from alliance_kg.nlp.doctable import doc_lowers, doc_parsed, doc_tokens, token_children
from alliance_kg.nlp.sentindex import sentences
from alliance_kg.nlp.spans import Mention


def previous_subject(doc: Doc, position: int, named: list[Mention]) -> Mention | None:
    """Return the organisation mention most likely named by a pronoun at ``position``."""
    sent_start = doc_tokens(doc)[position].sent.start if doc.has_annotation("SENT_START") else 0
    earlier = [m for m in named if m.end <= position and m.is_organisation]
    if not earlier:
        return None
    in_sentence = [m for m in earlier if m.start >= sent_start]
    pool = in_sentence or earlier
    if doc_parsed(doc):
        subjects = [m for m in in_sentence if doc[m.start : m.end].root.dep_.startswith("nsubj")]
        if subjects:
            return subjects[-1]
        if not in_sentence:
            return _most_salient(doc, position, earlier)
    else:
        return _subject_by_word_order(doc, position, in_sentence, earlier)
    if in_sentence and in_sentence[0].start <= sent_start + 1:
        return in_sentence[0]  # the sentence opens with it: "Nissan, l'allié de Renault, ... qu'il ..."
    return pool[-1]


def _most_salient(doc: Doc, position: int, earlier: list[Mention], window: int = 3) -> Mention:
    """Return the organisation a new sentence most likely goes on about ("La société fournit ...").

    Scores each mention of the last ``window`` sentences: being a subject, a
    main-clause one and not one of a coordination ("Renault et Geely"), how
    recent its sentence is, and how often the article named it before.
    """
    starts = [sent.start for sent in sentences(doc)]
    here = bisect_right(starts, position) - 1
    counts: dict[str, int] = {}
    for mention in earlier:
        counts[mention.iri] = counts.get(mention.iri, 0) + 1
    best: tuple[float, int, Mention] | None = None
    for mention in earlier:
        distance = here - (bisect_right(starts, mention.start) - 1)
        if distance > window:
            continue
        root = doc[mention.start : mention.end].root
        score = -1.5 * distance + 0.75 * min(counts[mention.iri], 4)
        before = doc_tokens(doc)[root.sent.start : mention.start]
        opens = all(t.is_punct or t.is_space for t in before)  # « Horse part ... »
        if root.dep_.startswith("nsubj") or root.dep_ == "ROOT" or opens:
            score += 2.0 + (1.0 if root.dep_ == "ROOT" or root.head.dep_ == "ROOT" else 0.0)
        if root.dep_ == "conj" or any(c.dep_ == "conj" for c in token_children(root)):
            score -= 1.0
        candidate = (score, mention.start, mention)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best is not None else earlier[-1]


OBJECT_PREPOSITIONS = {"in", "of", "into", "with", "to", "for", "from", "on", "at", "about", "over"}
CLAUSE_OPENERS = {",", ";", "said", "says", "told", "that", "which", "who", "but", "while", "whereas"}


def _clause_subject(doc: Doc, position: int, in_sentence: list[Mention]) -> Mention | None:
    """Return the first organisation of the clause that holds ``position`` ("... said Toyota had no ...")."""
    sent_start = doc_tokens(doc)[position].sent.start if doc.has_annotation("SENT_START") else 0
    i = position - 1
    while i > sent_start and doc_lowers(doc)[i] not in CLAUSE_OPENERS:
        i -= 1
    return next((m for m in in_sentence if i <= m.start < position), None)


def _subject_by_word_order(
    doc: Doc, position: int, in_sentence: list[Mention], earlier: list[Mention]
) -> Mention | None:
    """Return the antecedent of a pronoun or "the company" when there is no parse (English word order).

    Subjects come first in English: at the head of a sentence the antecedent
    is the previous sentence's first organisation ("Toyota holds 5% of Mazda.
    The group also controls Hino": Toyota); inside a sentence it is the
    sentence's first organisation, except after a preposition, where it is
    another company than that subject ("Ford no longer owns shares in the
    company", "Amazon holds a stake in the company").
    """
    if not in_sentence:
        last_sentence = earlier[-1].start
        sent_start = doc_tokens(doc)[last_sentence].sent.start if doc.has_annotation("SENT_START") else 0
        return next(m for m in earlier if m.start >= sent_start)
    subject = in_sentence[0]
    if position > 0 and doc_lowers(doc)[position - 1] in OBJECT_PREPOSITIONS:
        clause_subject = _clause_subject(doc, position, in_sentence) or subject
        others = [m for m in in_sentence if m.iri != clause_subject.iri]
        if others:
            return others[-1]
    sent_start = doc_tokens(doc)[position].sent.start if doc.has_annotation("SENT_START") else 0
    return subject if subject.start <= sent_start + 1 else in_sentence[-1]
