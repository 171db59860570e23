"""English companies the knowledge base does not know, found by the form of their names (untouched batches 24-25).

Through the blank English pipeline, as a user without an English model has it; the sentences are ours.
"""

from __future__ import annotations

import pytest

from alliance_kg.extract import Extractor
from alliance_kg.nlp.plain import PLAIN_COMPONENT
from extracting import statement_keys as _keys


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module."""
    return Extractor()


def _mentions(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    nlp = extractor.pipeline("en")
    with nlp.select_pipes(disable=[PLAIN_COMPONENT]):
        doc = nlp(text)
    return [(doc[m.start : m.end].text, m.name) for m in doc._.mentions if m.is_organisation]


def test_a_name_ending_with_a_company_word_is_a_company_and_its_short_form_too(extractor):
    text = (  # a made-up company: the knowledge base knows Joby Aviation, the real one
        "Toyota Motor will invest a further $500 million in Volanta Aviation, bringing its total backing of the "
        "air-taxi developer to nearly $900 million. Volanta plans to fly its first paying passengers next year, "
        "and Delta Air Lines invested $60 million in Volanta Aviation in 2022."
    )
    mentions = _mentions(extractor, text)
    assert mentions.count(("Volanta Aviation", "Volanta Aviation")) == 2
    assert ("Volanta", "Volanta Aviation") in mentions
    assert ("Delta Air Lines", "Delta Air Lines") in mentions
    keys = _keys(extractor, text)
    assert ("Toyota Motor", "investsIn", "Volanta Aviation", "affirmed") in keys
    assert ("Delta Air Lines", "investsIn", "Volanta Aviation", "affirmed") in keys


def test_a_known_company_is_also_named_by_its_short_form(extractor):
    text = "Joby Aviation said on Monday that Toyota would invest a further $500 million in Joby next year."
    assert ("Joby", "Joby Aviation") in _mentions(extractor, text)


def test_a_web_domain_name_is_a_company(extractor):
    text = "Honda first invested in Helm.ai in 2022 and took part in a further funding round the following year."
    assert ("Honda", "investsIn", "Helm.ai", "affirmed") in _keys(extractor, text)


def test_no_short_form_for_a_word_the_article_also_writes_in_lower_case(extractor):
    text = (
        "Ford has invested in Solid Power, which develops solid-state battery cells for electric cars. "
        "Solid progress was reported by the two companies on Monday, the carmaker said."
    )
    mentions = _mentions(extractor, text)
    assert ("Solid Power", "Solid Power") in mentions
    assert ("Solid", "Solid Power") not in mentions


@pytest.mark.parametrize(
    "text",
    [
        "The Department of Energy said on Monday that the loan to the battery plant would be paid in two parts.",
        "In Wuhan, the unit has built a second plant that makes electric motors for several local carmakers.",
        "Nissan said the Toyota Production System had inspired the way its plant in Sunderland was organised.",
    ],
)
def test_capitalised_words_that_are_no_company_name(extractor, text):
    names = {name for _, name in _mentions(extractor, text)}
    assert names <= {"Nissan", "Toyota"}, names


def test_a_legal_form_after_a_name_and_a_possessed_affiliate_stay_in_the_subject_group(extractor):
    text = (
        "South Korea's Hyundai Motor Co and its affiliate Kia Motors Corp will invest 100 million euros "
        "($111 million) in Arrival, a British start-up that makes electric vans, the three companies said."
    )
    keys = _keys(extractor, text)
    assert ("Hyundai Motor", "investsIn", "Arrival", "affirmed") in keys
    assert ("Kia Motors", "investsIn", "Arrival", "affirmed") in keys


def test_a_legal_form_that_is_part_of_the_name_stays_in_it(extractor):
    text = "Zeekr will take control of Lynk & Co by buying 51 % of the brand from Geely Automobile, it said."
    assert any(k[2] == "Lynk & Co" for k in _keys(extractor, text))


def test_a_word_with_a_capital_inside_is_a_company(extractor):
    text = "Harley-Davidson will keep about 74% of VoltRider. Honda will invest $100 million in VoltRider."
    keys = _keys(extractor, text)  # a made-up company
    assert ("Harley-Davidson", "shareholderOf", "VoltRider", "affirmed") in keys
    assert ("Honda", "investsIn", "VoltRider", "affirmed") in keys


def test_a_lower_case_company_noun_introduces_a_name_a_capitalised_one_is_part_of_it(extractor):
    text = "The offer was backed by sovereign fund Qaramat and by Britain's Bridges Fund Management, people said."
    names = {name for _, name in _mentions(extractor, text)}
    assert "Qaramat" in names, names
    assert "Management" not in names and "Bridges Fund" not in names, names
