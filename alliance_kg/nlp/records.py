"""The record the relation stage writes on ``doc._.relations``."""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    words = [t for t in sent if not t.is_space]
    if not words:
        return sent.start_char, sent.start_char
    return words[0].idx, words[-1].idx + len(words[-1].text)


def co_owner_stakes(relations: list[Relation]) -> list[Relation]:
    """Return the ties that owning part of a joint venture implies, per the guidelines' annotators.

    A venture's affirmed member is a shareholder ("la coentreprise de Stellantis
    et de CATL"), and a shareholder of a venture is a member of it ("Horse,
    dans laquelle Aramco doit prendre 10 %"), with the same qualifiers.
    """
    out = []
    for r in relations:
        if r.object.kind != "JointVenture":
            continue
        if r.predicate == "memberOf" and r.polarity == "affirmed":
            out.append(replace(r, predicate="shareholderOf", share=None))
        elif r.predicate == "shareholderOf":
            out.append(replace(r, predicate="memberOf", share=None))
    return out
