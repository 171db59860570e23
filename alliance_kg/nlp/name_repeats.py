"""Names found without the knowledge base, found again: an unknown company is named again the same way.

:func:`repeated` finds the other occurrences of the names the model or the
name rules found once ("Veoneer, a Swedish supplier, ... Veoneer and Volvo
Cars set up"); :func:`repeated_over_known` finds a name given in so many
words again where the known names inside it were read instead (« Les
moteurs de Nidec PSA emotors »: the venture, not Nidec and PSA);
:func:`with_acronyms` reads the initials given in brackets after a name as
that name ("Iveco Defence Vehicles (IDV)", then "IDV"); :func:`hyphen_joined`
reads a known name hyphened onto one only the model found as one name
("SAIC-Iveco Hongyan").
"""

from __future__ import annotations

from spacy.tokens import Doc

from alliance_kg.namespaces import entity_iri
from alliance_kg.nlp.doctable import doc_texts
from alliance_kg.nlp.spans import Mention


def repeated(doc: Doc, named: list[Mention]) -> list[Mention]:
    """Return the other occurrences of the names found without the knowledge base ("Veoneer, a Swedish
    supplier, ... Veoneer and Volvo Cars set up"): an unknown company is named again the same way."""
    texts = doc_texts(doc)  # each word's text: no Token per word
    unknown: dict[str, list[Mention]] = {}
    for m in named:
        if m.via == "model" and m.end > m.start:
            unknown.setdefault(texts[m.start], []).append(m)
    if not unknown:
        return []
    taken = {i for m in named for i in range(m.start, m.end)}
    found: list[Mention] = []
    for i, word in enumerate(texts):
        for m in unknown.get(word, ()):
            length = m.end - m.start
            if i + length > len(doc) or any(k in taken for k in range(i, i + length)):
                continue
            if all(texts[i + k] == texts[m.start + k] for k in range(length)):
                found.append(Mention(i, i + length, m.iri, m.name, m.kind, via="model"))
                taken.update(range(i, i + length))
                break
    return found


def repeated_over_known(doc: Doc, named: list[Mention]) -> list[Mention]:
    """Return the mentions with each unknown name of several words that an article gave in so many words
    (« Baptisée Nidec PSA emotors ») found again where the known names inside it were read instead."""
    texts = doc_texts(doc)
    longer = {tuple(texts[m.start : m.end]): m for m in named if m.via == "model" and m.end - m.start >= 2}
    if not longer:
        return named
    by_start = {m.start: m for m in named}
    firsts = {words[0] for words in longer}
    at: dict[str, list[int]] = {}
    for i, text in enumerate(texts):  # where each first word stands: no pass over the text per name
        if text in firsts:
            at.setdefault(text, []).append(i)
    found: list[Mention] = []
    for words, m in longer.items():
        n = len(words)
        for i in at.get(words[0], ()):
            if i == m.start or tuple(texts[i : i + n]) != words:
                continue
            inside = [x for x in named if i <= x.start and x.end <= i + n]
            if inside and i in by_start and by_start[i].via != "model" and not any(
                x.start < i + n and i < x.end and not (i <= x.start and x.end <= i + n) for x in named
            ):
                found.append(Mention(i, i + n, m.iri, m.name, m.kind, via="model"))
    if not found:
        return named
    covered = {k for f in found for k in range(f.start, f.end)}
    return [x for x in named if not (x.start in covered and x.end - 1 in covered)] + found


def with_acronyms(doc: Doc, named: list[Mention]) -> list[Mention]:
    """Return the mentions with the initials an article gives a company in brackets after its name read as that
    company: "Iveco Defence Vehicles (IDV)", then "IDV" alone, is the same company.

    The bracketed word must be written in capitals (digits and "&" allowed) and start with the name's first
    letter. It replaces what the model alone found there; a word read as another known name is left to it.
    """
    texts = doc_texts(doc)
    short: dict[str, Mention] = {}
    for m in named:
        k = m.end
        if not m.is_organisation or k + 2 >= len(doc) or texts[k] != "(" or texts[k + 2] != ")":
            continue
        word = texts[k + 1]
        letters = word.replace("&", "")
        if 2 <= len(letters) <= 6 and letters.isalnum() and letters.isupper() and word[0] == m.name[:1].upper():
            short.setdefault(word, m)
    if not short:
        return named
    kept = [m for m in named if not (m.via == "model" and texts[m.start] in short and m.end == m.start + 1)]
    taken = {i for m in kept for i in range(m.start, m.end)}
    return kept + [
        Mention(i, i + 1, short[word].iri, short[word].name, short[word].kind, via="name")
        for i, word in enumerate(texts)
        if word in short and i not in taken
    ]


def hyphen_joined(doc: Doc, named: list[Mention]) -> list[Mention]:
    """Return the mentions with a known name hyphened, without spaces, onto a name only the model found read as
    one name: "SAIC-Iveco Hongyan" is a venture, not SAIC beside "Iveco Hongyan"."""
    texts = doc_texts(doc)
    by_end = {m.end: m for m in named if m.is_organisation}
    merged: dict[int, Mention] = {}  # start of the model's name -> the joined name
    dropped: set[int] = set()  # starts of the mentions the joined names replace
    for m in named:
        k = m.start - 1
        if m.via != "model" or k < 1 or texts[k] != "-" or doc[k - 1].whitespace_ or doc[k].whitespace_:
            continue
        left = by_end.get(k)
        if left is None or left.via == "model":
            continue
        text = doc[left.start : m.end].text
        merged[m.start] = Mention(left.start, m.end, entity_iri(text), text, m.kind, via="model")
        dropped.add(left.start)
    if not merged:
        return named
    return [merged.get(m.start, m) for m in named if m.start not in dropped]
