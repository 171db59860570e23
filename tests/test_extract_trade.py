"""Everyday trade verbs and copulas: selling goods, winning orders, partners sought, "X et Y sont partenaires".

French through the real pipeline, English through the blank one; the sentences are ours.
"""

from __future__ import annotations

import pytest

from alliance_kg.extract import Extractor
from extracting import statement_keys as _keys


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module."""
    return Extractor()


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        ("Nvidia already sells its automotive chips to Mercedes-Benz.", "Nvidia", "Mercedes-Benz"),
        ("CATL shipped cells to Tesla last year.", "CATL", "Tesla"),
        ("Aston Martin will use motors and batteries from Lucid.", "Lucid", "Aston Martin"),
        ("Aston Martin has turned to Lucid for the electric motors of its first models.", "Lucid", "Aston Martin"),
        ("CATL won an order from Tesla for battery cells.", "CATL", "Tesla"),
        ("Tesla awarded a contract to CATL for battery cells.", "CATL", "Tesla"),
        ("Nvidia vend déjà ses puces à Mercedes-Benz.", "Nvidia", "Mercedes-Benz"),
        ("CATL a remporté une commande de Tesla.", "CATL", "Tesla"),
        ("Stellantis a attribué à CATL un contrat géant.", "CATL", "Stellantis"),
    ],
)
def test_goods_sold_shipped_used_or_ordered_make_a_supplier(extractor, text, supplier, customer):
    assert (supplier, "suppliesTo", customer, "affirmed") in _keys(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "General Motors has agreed to sell its share of a battery plant in Michigan to LG Energy Solution.",
        "SSW Partners will sell Veoneer's software business to Qualcomm.",
        "General Motors will buy the battery unit from Panasonic.",
        "Renault vend ses parts à Nissan.",
    ],
)
def test_a_stake_a_business_or_a_unit_sold_is_no_supply(extractor, text):
    assert not any(k[1] == "suppliesTo" for k in _keys(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Nissan and Honda are looking for partners.",
        "Nissan and Honda are hunting for new partners in batteries.",
        "Nissan and Honda are looking for new investors.",
    ],
)
def test_partners_still_sought_are_not_each_other(extractor, text):
    keys = _keys(extractor, text)
    assert not any(k[1] in ("partnerOf", "investsIn") for k in keys), keys


def test_a_search_verb_before_the_tie_itself_keeps_it(extractor):
    assert ("Nissan", "partnerOf", "Foxconn", "affirmed") in _keys(extractor, "Nissan seeks to partner with Foxconn.")


def test_control_sought_and_denied_is_still_read(extractor):
    text = "Volkswagen will get a seat on Xpeng's board, but Volkswagen is not seeking control of Xpeng."
    assert ("Volkswagen", "acquires", "Xpeng", "negated") in _keys(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nissan et Honda sont partenaires.", ("Nissan", "partnerOf", "Honda", "affirmed")),
        ("Depuis 2016, Nissan et Mitsubishi sont partenaires au sein de l'Alliance.",
         ("Nissan", "partnerOf", "Mitsubishi", "affirmed")),
        ("En Europe, BYD et Tesla sont désormais des concurrents directs.",
         ("BYD", "competesWith", "Tesla", "affirmed")),
        ("Nissan et Honda ne sont plus partenaires.", ("Nissan", "partnerOf", "Honda", "negated")),
    ],
)
def test_names_coordinated_before_a_copula_are_the_pair(extractor, text, expected):
    assert expected in _keys(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BYD and Tesla are locked in a price war.", ("BYD", "competesWith", "Tesla", "affirmed")),
        ("Toyota put $500 million into Mazda.", ("Toyota", "investsIn", "Mazda", "affirmed")),
        ("Volkswagen absorbed Porsche in 2012.", ("Volkswagen", "acquires", "Porsche", "affirmed")),
        ("Renault designs its own software.", ("Renault", "developsTechnology", "software", "affirmed")),
    ],
)
def test_more_english_verbs_and_nouns(extractor, text, expected):
    assert expected in _keys(extractor, text)


@pytest.mark.parametrize(
    ("text", "seller", "company"),
    [
        ("La cession par Daimler de sa participation dans Renault, bouclée cette semaine, ne change rien.",
         "Daimler", "Renault"),
        ("Daimler a bouclé la cession de sa participation dans Renault.", "Daimler", "Renault"),
        ("Daimler completed the sale of its stake in Renault.", "Daimler", "Renault"),
        ("The sale of Daimler's stake in Renault was completed on Friday.", "Daimler", "Renault"),
    ],
)
def test_a_stake_whose_sale_is_reported_is_no_longer_held(extractor, text, seller, company):
    keys = _keys(extractor, text)
    assert (seller, "shareholderOf", company, "negated") in keys
    assert (seller, "shareholderOf", company, "affirmed") not in keys
