"""The record the relation stage writes on ``doc._.relations``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from alliance_kg.nlp.mentions import Mention


@dataclass(frozen=True)
class Relation:
    """One statement found in a sentence, before it becomes a Statement."""

    subject: Mention
    predicate: str
    object: Mention
    polarity: str
    modality: str
    attributed_to: str | None
    share: float | None
    sent_start: int
    sent_end: int
    trigger: int


def trimmed(sent: Span) -> tuple[int, int]:
    """Return the character offsets of a sentence without its surrounding white space."""
    doc = sent.doc  # from both ends: called for every relation, a sentence can be long
    first = next((doc[i] for i in range(sent.start, sent.end) if not doc[i].is_space), None)
    if first is None:
        return sent.start_char, sent.start_char
    last = next(doc[i] for i in range(sent.end - 1, first.i - 1, -1) if not doc[i].is_space)
    return first.idx, last.idx + len(last.text)
