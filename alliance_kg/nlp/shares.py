"""Read the percentage of a stake ("43 %", "plus de 20 pour cent", "a 4.99% stake")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from alliance_kg.nlp.doctable import doc_lowers, doc_parsed, doc_texts, doc_tokens, token_children
from alliance_kg.lexicon import Lexicon

NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> float | None:
    """Return the number written in ``text`` ("15,5" -> 15.5), or None.

    >>> parse_number("15,5"), parse_number("43"), parse_number("x")
    (15.5, 43.0, None)
    """
    text = text.strip().rstrip("%")
    if not NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


def _percent_after(token: Token, percent: frozenset[str]) -> bool:
    doc = token.doc
    if token.text.endswith("%") and parse_number(token.text) is not None:
        return True
    nxt = doc_lowers(doc)[token.i + 1] if token.i + 1 < len(doc) else ""
    nxt2 = " ".join(doc_lowers(doc)[token.i + 1 : token.i + 3])
    return nxt in percent or nxt2 in percent


def share_near(
    anchor: Token,
    sent: Span,
    lexicon: Lexicon,
    lang: str,
    obj_end: int | None = None,
    obj_start: int | None = None,
    subj_start: int | None = None,
) -> float | None:
    """Return the percentage of the trigger's own phrase, or None.

    The percentage of a passive agent's own phrase comes first ("owned 51%
    by GS Yuasa and 49% by Honda": 49 for Honda).
    A percentage right before the object comes first ("owns 20% of Subaru,
    5% of Mazda": 5 for Mazda); else, with a parse, a number in the trigger's
    subtree (or its object's); without one, between a few words before the
    trigger and the object.
    """
    percent = lexicon.cues(lang, "percent", raw=True)
    own = _agent_share(sent, subj_start, percent) if subj_start is not None else None
    if own is not None:  # "détenue à 51 % par Stellantis et à 49 % par Leapmotor": 49 for Leapmotor
        return own
    if obj_start is not None and obj_start > anchor.i:
        for i in range(obj_start - 1, max(sent.start, anchor.i, obj_start - 5) - 1, -1):
            value = parse_number(doc_texts(sent.doc)[i])
            if value is not None and 0 <= value <= 100 and _percent_after(doc_tokens(sent.doc)[i], percent):
                return value
    if doc_parsed(sent.doc):
        pool = {t.i for t in anchor.subtree}
        if anchor.dep_ in ("obj", "nmod", "obl", "obl:arg") or anchor.pos_ not in ("VERB", "AUX"):
            pool |= {
                t.i
                for t in anchor.head.subtree
                if t.i not in {c.i for c in token_children(anchor.head) if c.dep_ in ("nsubj", "obl:mod", "acl:relcl")}
            }
    else:
        hi = max(obj_end or anchor.i + 1, anchor.i + 1)
        pool = set(range(max(sent.start, anchor.i - 5), min(sent.end, hi + 3)))
    best: tuple[int, float] | None = None
    for token in (doc_tokens(sent.doc)[i] for i in sorted(pool)):
        value = parse_number(token.text)
        if value is None or not 0 <= value <= 100 or not _percent_after(token, percent):
            continue
        distance = abs(token.i - anchor.i)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def _agent_share(sent: Span, subj_start: int, percent: frozenset[str]) -> float | None:
    """Return N in "N % par X" / "N% by X" right before the subject X, or None."""
    doc = sent.doc
    i = subj_start - 1
    while i > sent.start and doc_tokens(doc)[i].pos_ == "DET":
        i -= 1
    if i <= sent.start + 1 or doc_texts(doc)[i].lower() not in ("par", "by"):
        return None
    for j in range(i - 1, max(sent.start, i - 3) - 1, -1):
        value = parse_number(doc_texts(doc)[j])
        if value is not None and 0 <= value <= 100 and _percent_after(doc_tokens(doc)[j], percent):
            return value
    return None
