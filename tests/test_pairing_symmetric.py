"""The parties of a symmetric trigger in a parsed sentence (alliance_kg/nlp/pairing_symmetric.py).

The real French pipeline on sentences written for the tests.
"""

from __future__ import annotations

import pytest

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module."""
    return Extractor()


def _keys(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    return {(s.subject, s.predicate, s.object) for s in statements if s.predicate != "basedIn"}


def test_a_venture_named_in_apposition_has_the_clause_subjects_as_members(extractor):
    keys = _keys(extractor, "Renault et Geely ont lancé Horse, leur coentreprise consacrée aux moteurs thermiques.")
    assert ("Renault", "jointVenture", "Geely") in keys
    assert {("Renault", "memberOf", "Horse"), ("Geely", "memberOf", "Horse")} <= keys


def test_allies_listed_after_one_subject_are_its_allies_not_each_others(extractor):
    keys = _keys(extractor, "Lyft s'est allié à May Mobility et à Mobileye pour ses robotaxis.")
    assert ("Lyft", "partnerOf", "Mobileye") in keys
    assert not {k for k in keys if {k[0], k[2]} == {"May Mobility", "Mobileye"}}


def test_the_owners_of_a_venture_held_in_equal_parts_are_its_members(extractor):
    keys = _keys(extractor, "Sony Honda Mobility, la coentreprise détenue à parts égales par Sony et Honda, recrute.")
    assert {("Sony", "memberOf", "Sony Honda Mobility"), ("Honda", "memberOf", "Sony Honda Mobility")} <= keys
