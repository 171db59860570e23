"""Descriptions that stand for a company, and what they say it makes; one short article each.

French through the real pipeline, English through the blank one; the sentences are ours.
"""

from __future__ import annotations

import pytest

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module."""
    return Extractor()


def _keys(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    return {(s.subject, s.predicate, s.object, s.polarity) for s in statements if s.predicate != "basedIn"}


def test_a_description_of_a_kind_the_article_names_twice_is_the_company_just_named(extractor):
    text = (
        "Shares of GS Yuasa rose 5% on Friday after the Kyoto-based battery maker said it would build a plant. "
        "Panasonic, another battery maker, supplies Toyota."
    )
    keys = _keys(extractor, text)
    assert ("GS Yuasa", "developsTechnology", "batteries", "affirmed") in keys


def test_a_description_is_not_resolved_past_another_company_named_in_between(extractor):
    text = (
        "Panasonic supplies Toyota. Shares of GS Yuasa rose on Friday, and Honda said the battery maker "
        "would build a plant."
    )
    keys = _keys(extractor, text)
    assert not any(k[1] == "developsTechnology" and k[0] in ("GS Yuasa", "Panasonic") for k in keys), keys


def test_a_legal_form_alone_is_no_name_and_a_country_word_may_sit_inside_one(extractor):
    text = (
        "Mahindra is an Indian group. Ford entered India through Mahindra Ford India Ltd., a 50-50 joint venture "
        "with the Indian conglomerate."
    )
    keys = _keys(extractor, text)
    assert ("Ford", "memberOf", "Mahindra Ford India Ltd.", "affirmed") in keys
    assert not any("Ltd." in (k[0], k[2]) for k in keys), keys


def test_a_stake_held_in_a_relative_clause_is_not_under_the_main_clauses_negation(extractor):
    text = "Mahindra will not pour fresh money into SsangYong, the Korean carmaker in which it holds about 75%."
    keys = _keys(extractor, text)
    assert ("Mahindra", "investsIn", "SsangYong", "negated") in keys
    assert ("Mahindra", "shareholderOf", "SsangYong", "affirmed") in keys
    assert ("Mahindra", "shareholderOf", "SsangYong", "negated") not in keys
