"""Ties a later clause of the same sentence turns down: "Fiat proposed a merger with Renault, but the French
government blocked it", « PSA a proposé une alliance à Opel, mais GM l'a refusée ».

:func:`rebuffed` negates an affirmed tie when a contrast word (the lexicon's
``contrast_words``: "but", « mais ») follows its trigger in the sentence and
the clause after it turns something down (``rebuff_words``: "refused",
"blocked", « refuser », « bloquer »). Not when the refusal is to comment or
to say more ("but declined to comment": ``rebuff_exceptions``), and not for
the facts a description states (nationality, technology), which no refusal
undoes.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from alliance_kg.nlp.doctable import doc_lowers, doc_tokens
from alliance_kg.nlp.records import Relation

UNTOUCHED = ("basedIn", "developsTechnology", "subsidiaryOf", "competesWith", "distrusts")
REACH = 12  # words after the contrast word where the refusal may stand


def rebuffed(
    doc: Doc,
    relations: list[Relation],
    contrast: frozenset[str],
    rebuffs: frozenset[str],
    exceptions: frozenset[str],
) -> list[Relation]:
    """Return the relations, each affirmed tie that a "but ... refused" clause after its trigger turns down negated.

    ``rebuffs`` holds word forms and (French) lemmas; ``exceptions`` the words after which a refusal is about
    something else ("declined to comment").
    """
    if not relations or not rebuffs:
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
            cache[key] = _turned_down(doc, lowers, r.trigger, contrast, rebuffs, exceptions)
        out.append(replace(r, polarity="negated") if cache[key] else r)
    return out


def _turned_down(doc: Doc, lowers: list[str], trigger: int, contrast, rebuffs, exceptions) -> bool:
    sent = doc_tokens(doc)[trigger].sent
    for k in range(trigger + 1, sent.end):
        if lowers[k] not in contrast:
            continue
        for j in range(k + 1, min(sent.end, k + 1 + REACH)):
            token = doc_tokens(doc)[j]
            if lowers[j] in rebuffs or token.lemma_ in rebuffs:
                after = lowers[j + 1 : j + 4]
                return not any(w in exceptions for w in after)
            if lowers[j] in contrast or lowers[j] in (";", ":"):
                break
        return False  # only the clause right after the first contrast word
    return False
