"""Who makes a technology (nlp/facts_holders.py): the company a technology phrase describes; one sentence each."""

from __future__ import annotations

import pytest

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module."""
    return Extractor()


@pytest.mark.parametrize("text, holder, technology", [
    ("Ford signed a supply deal with battery maker SK On.", "SK On", "batteries"),
    ("Subaru will use Toyota's hybrid system in more models.", "Toyota", "hybrid"),
    ("Le fabricant de batteries CATL construit une usine en Hongrie.", "CATL", "batteries"),
    ("Nissan a mis en avant le système e-Power de Nissan face à Renault.", "Nissan", "e-Power"),
])
def test_the_holder_of_a_technology_phrase_develops_it(extractor, text, holder, technology):
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    found = {(s.subject, s.object) for s in statements if s.predicate == "developsTechnology"}
    assert (holder, technology) in found


def test_a_units_technology_is_not_its_owners(extractor):
    text = "General Motors a cessé de financer Cruise, sa filiale de voitures autonomes."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    found = {(s.subject, s.object) for s in statements if s.predicate == "developsTechnology"}
    assert ("General Motors", "autonomous driving") not in found
