"""National units named by their parent and a country: "General Motors Vietnam", "Ford Romania".

A known company directly followed by a country name (and the capitalised
words that go on with it: "Fiat India Automobiles") is a unit of its own,
not the parent and a place; the base need not know it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from alliance_kg.kb import KnowledgeBase
from alliance_kg.namespaces import entity_iri
from alliance_kg.nlp.doctable import doc_texts, doc_tokens, span_text
from alliance_kg.nlp.names_en import name_like
from alliance_kg.nlp.spans import Mention


def country_units(doc: Doc, named: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Return a company's national unit named by the company and the country: "General Motors Vietnam",
    "Ford Romania" (a name of its own, not the parent and a place)."""
    found: list[Mention] = []
    ordered = sorted(named, key=lambda m: m.start)  # the model's names come after the base's
    for company, country in zip(ordered, ordered[1:]):
        if country.start != company.end or country.kind != "Country" or not company.is_organisation:
            continue
        if not doc_texts(doc)[country.start][:1].isupper():
            continue
        end = country.end  # "Fiat India Automobiles": the capitalised words that go on with the name
        while end < len(doc) and end - country.end < 2 and name_like(doc_tokens(doc)[end]) and not any(
            m.start == end for m in named
        ):
            end += 1
        text = span_text(doc, company.start, end)
        if kb.lookup(text) is None:
            found.append(Mention(company.start, end, entity_iri(text), text, "BusinessUnit", via="model"))
    return found

