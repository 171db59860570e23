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
