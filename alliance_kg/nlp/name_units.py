"""Units and ventures named after their parents: "General Motors Vietnam", "Nio Power", "Ashok Leyland Nissan Vehicles".

A known company directly followed by a country name (and the capitalised
words that go on with it: "Fiat India Automobiles") is a unit of its own,
not the parent and a place; so is a run of known names and capitalised
words that ends with a word of the lexicon's ``unit_name_ends`` ("Power",
"Vehicles", "Powertrain"). The base need not know them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from alliance_kg.kb import KnowledgeBase
from alliance_kg.lexicon import Lexicon
from alliance_kg.namespaces import entity_iri
from alliance_kg.nlp.doctable import doc_texts, doc_tokens, span_text
from alliance_kg.nlp.names_en import name_like
from alliance_kg.nlp.spans import Mention


def unit_names(
    doc: Doc, named: list[Mention], found: list[Mention], kb: KnowledgeBase, lexicon: Lexicon, lang: str
) -> list[Mention]:
    """Return the units and ventures named after their parents that no name already ``found`` overlaps
    ("Mahindra Ford India Ltd., a joint venture": a name another rule found whole wins)."""
    units = country_units(doc, named, kb)
    ends = lexicon.cues(lang, "unit_name_ends", raw=True)
    units += compound_units(doc, named, kb, ends, lexicon.cues(lang, "venture_words", raw=True))
    return [m for m in units if not any(f.start < m.end and m.start < f.end for f in found)]


def country_units(doc: Doc, named: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Return a company's national unit named by the company and the country: "General Motors Vietnam",
    "Ford Romania" (a name of its own, not the parent and a place)."""
    found: list[Mention] = []
    begins = {m.start for m in named}
    ordered = sorted(named, key=lambda m: m.start)  # the model's names come after the base's
    for company, country in zip(ordered, ordered[1:]):
        if country.start != company.end or country.kind != "Country" or not company.is_organisation:
            continue
        if not doc_texts(doc)[country.start][:1].isupper():
            continue
        end = country.end  # "Fiat India Automobiles": the capitalised words that go on with the name
        while end < len(doc) and end - country.end < 2 and name_like(doc_tokens(doc)[end]) and end not in begins:
            end += 1
        text = span_text(doc, company.start, end)
        if kb.lookup(text) is None:
            found.append(Mention(company.start, end, entity_iri(text), text, "BusinessUnit", via="model"))
    return found


def compound_units(
    doc: Doc, named: list[Mention], kb: KnowledgeBase, ends: frozenset[str], ventures: frozenset[str] = frozenset()
) -> list[Mention]:
    """Return the names made of known names and capitalised words ending in a unit word: "Nio Power",
    "Ashok Leyland Nissan Vehicles", "Nissan Ashok Leyland Technologies"; or of known names alone when a
    venture noun follows in apposition: « JAC Volkswagen, sa coentreprise », "FAW Toyota, a joint venture"."""
    starts = {m.start: m for m in named if m.is_organisation}
    covered = {k for m in named for k in range(m.start, m.end)}
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        first = starts.get(i)
        if first is None:
            i += 1
            continue
        end = first.end
        while end < len(doc):
            nxt = starts.get(end)
            if nxt is not None:
                end = nxt.end
            elif name_like(doc_tokens(doc)[end]) and end not in covered:
                end += 1
            else:
                break
        last = doc_tokens(doc)[end - 1].lower_
        text = span_text(doc, i, end)
        if end > first.end and kb.lookup(text) is None:
            if last in ends and starts.get(end - 1) is None:
                found.append(Mention(i, end, entity_iri(text), text, "BusinessUnit", via="model"))
            elif _venture_follows(doc, end, ventures):
                found.append(Mention(i, end, entity_iri(text), text, "JointVenture", via="model"))
        i = max(end, i + 1)
    return found


def _venture_follows(doc: Doc, end: int, ventures: frozenset[str]) -> bool:
    """Return True when ", sa coentreprise" / ", a joint venture" follows the name ending at ``end``."""
    words = [t.lower_ for t in doc_tokens(doc)[end : min(len(doc), end + 5)]]
    return words[:1] == [","] and any(w in ventures for w in words[2:4])
