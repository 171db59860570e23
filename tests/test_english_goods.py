"""English supply and technology phrases read from word order: goods listed before the customer, suppliers named
through "one of", lists opened after a comma, technologies a company's name or genitive owns, and an apposition
after a name's initials in brackets.

Every test runs the real English pipeline on a sentence written for it.
"""

from __future__ import annotations

import pytest

from alliance_kg.extract import Extractor
from extracting import canonical_keys


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor with the English pipeline loaded."""
    ex = Extractor()
    ex.pipeline("en")
    return ex


def keys(extractor: Extractor, text: str) -> set[tuple]:
    """Return the tuples of ``text``, known companies by canonical name (see ``extracting.canonical_keys``)."""
    return canonical_keys(extractor, text)


@pytest.mark.parametrize("text", [
    "Bosch supplies fuel-cell parts and powertrain components to Renault.",
    "Bosch, which supplies fuel-cell parts and powertrain components to Renault, is also among its investors.",
])
def test_two_kinds_of_goods_joined_by_and_before_the_customer(extractor, text):
    found = keys(extractor, text)
    assert ("Bosch", "suppliesTo", "Renault", "affirmed") in found
    assert ("Bosch", "developsTechnology", "hydrogen", "affirmed") in found  # the goods' technology is kept


@pytest.mark.parametrize("text", [
    "CATL is one of Renault's suppliers.",
    "CATL is one of Renault's cell suppliers.",
])
def test_one_of_a_companys_suppliers(extractor, text):
    assert ("CATL", "suppliesTo", "Renault", "affirmed") in keys(extractor, text)


@pytest.mark.parametrize("text", [
    "Rimac supplies drivetrains to other carmakers, including Renault and Ferrari.",
    "Rimac supplies drivetrains to several carmakers, among them Renault and Ferrari.",
])
def test_a_list_opened_after_a_comma_names_the_customers(extractor, text):
    found = keys(extractor, text)
    for customer in ("Renault", "Ferrari"):
        assert ("Rimac Group", "suppliesTo", customer, "affirmed") in found


def test_a_list_after_a_genitive_names_the_owners_products(extractor):
    found = keys(extractor, "Ultium Cells supplies battery cells for GM's electric models, including the Chevrolet "
                            "Equinox EV and the Cadillac Lyriq.")
    assert ("Ultium Cells", "suppliesTo", "General Motors", "affirmed") in found
    assert not {t for t in found if t[1] == "suppliesTo" and t[2] in ("Chevrolet", "Cadillac")}


def test_a_genitive_before_a_technology_phrase_owns_it(extractor):
    assert ("Toyota", "developsTechnology", "hybrid", "affirmed") in keys(
        extractor, "Toyota's hybrid technology is popular with buyers."
    )


def test_a_name_compounded_with_a_technology_makes_it(extractor):
    assert ("Microsoft", "developsTechnology", "software", "affirmed") in keys(
        extractor, "Ford said its Sync system ran on Microsoft software for years."
    )


def test_a_name_before_a_technology_and_another_noun_makes_nothing(extractor):
    found = keys(extractor, "Some General Motors software managers are wary of the plan.")
    assert ("General Motors", "developsTechnology", "software", "affirmed") not in found


def test_selling_its_own_goods_is_making_them(extractor):
    assert ("Toyota", "developsTechnology", "hydrogen", "affirmed") in keys(
        extractor, "Toyota sells its own fuel-cell modules to bus makers."
    )


@pytest.mark.parametrize("text", [
    "Nissan sold its battery unit to Envision.",
    "Nissan sold its battery operations to Envision.",
])
def test_selling_a_unit_is_no_technology_of_the_seller(extractor, text):
    found = keys(extractor, text)
    assert ("Nissan", "developsTechnology", "batteries", "affirmed") not in found


def test_an_apposition_after_initials_in_brackets_describes_the_name(extractor):
    found = keys(extractor, "Renault will buy Iveco Defence Vehicles (IDV), the military unit of truckmaker Iveco, "
                            "for 1.7 billion euros.")
    assert ("Iveco Defence Vehicles", "subsidiaryOf", "Iveco", "affirmed") in found


def test_a_company_naming_a_spokesperson_is_no_party(extractor):
    found = keys(extractor, "Panasonic has no plans to take a stake in Redwood Materials, a Panasonic Energy "
                            "spokeswoman said.")
    assert not any(t[2] == "Panasonic Energy" for t in found), found


def test_a_list_of_names_each_introduced_by_its_country_goes_on(extractor):
    found = keys(extractor, "Umicore competes in the field with Germany's BASF, South Korea's POSCO Chemical and "
                            "EcoPro BM.")
    for rival in ("BASF", "POSCO Future M", "EcoPro BM"):  # POSCO Chemical by its canonical name
        assert any(t[1] == "competesWith" and rival in (t[0], t[2]) for t in found), (rival, found)
    apposed = keys(extractor, "Toyota said on Monday that it had invested in Lyft, Uber's main rival.")
    assert ("Lyft", "competesWith", "Uber", "affirmed") in apposed
    assert ("Toyota", "investsIn", "Uber", "affirmed") not in apposed
