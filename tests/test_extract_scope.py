"""Who a word is about and how far a negation reaches: cases found on untouched batches 18 and 19.

French through the real pipeline, English through the blank one; the sentences are ours.
"""

from __future__ import annotations

import pytest

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor
from extracting import statement_keys as _keys
from extracting import statement_modalities


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module."""
    return Extractor()


def test_a_participle_apposition_pairs_its_noun_with_each_partner_not_the_partners_together(extractor):
    text = "Volkswagen, associé depuis des décennies à SAIC et à FAW, voit ses parts de marché fondre."
    keys = _keys(extractor, text)
    assert ("Volkswagen", "partnerOf", "SAIC", "affirmed") in keys
    assert ("Volkswagen", "partnerOf", "FAW", "affirmed") in keys
    assert not {k for k in keys if {k[0], k[2]} == {"SAIC", "FAW"}}


def test_a_possessed_description_in_apposition_describes_the_name_before_it(extractor):
    text = (
        "Freightliner, Daimler Truck's American brand, competes head-on with Paccar's Kenworth and Peterbilt "
        "in the United States."
    )
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    keys = {(s.subject, s.predicate, s.object, s.polarity) for s in statements}
    assert ("Freightliner", "subsidiaryOf", "Daimler Truck", "affirmed") in keys
    assert ("Freightliner", "basedIn", "United States", "affirmed") in keys
    assert not {k for k in keys if k[0] == "Paccar" and k[1] in ("subsidiaryOf", "basedIn")}


@pytest.mark.parametrize(
    ("text", "unit", "owner"),
    [
        ("Navistar, owned by Volkswagen's truck arm Traton, is also absent from the venture.", "Navistar", "Traton"),
        ("JLR, owned by Tata Motors since 2008, makes its own electric platforms in Britain.", "JLR",
         "Tata Motors"),
    ],
)
def test_a_company_owned_by_one_owner_is_its_subsidiary(extractor, text, unit, owner):
    assert (unit, "subsidiaryOf", owner, "affirmed") in _keys(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kia Corp itself is about one-third owned by Hyundai Motor, the filing showed on Monday.",
        "Maruti Suzuki is 58% owned by Suzuki Motor, according to the filing published on Monday.",
        "Amplify, a venture owned by Accelera, Daimler Truck and Paccar, will make battery cells in Mississippi.",
        "BlueOval SK is jointly owned by Ford and SK On, the two companies said in a statement.",
    ],
)
def test_a_part_owned_or_co_owned_company_is_nobody_s_subsidiary(extractor, text):
    assert not {k for k in _keys(extractor, text) if k[1] == "subsidiaryOf"}


def test_no_before_the_object_negates_an_english_holding(extractor):
    text = (
        "Huawei, by contrast, supplies its own driver-assistance system to Seres and to other members of its "
        "HIMA alliance, and holds no stake in Momenta."
    )
    keys = _keys(extractor, text)
    assert ("Huawei", "shareholderOf", "Momenta", "negated") in keys
    assert ("Huawei", "shareholderOf", "Momenta", "affirmed") not in keys


def test_no_less_than_is_still_a_holding(extractor):
    text = "Toyota holds no less than 20% of Subaru, the company said in its annual report on Monday."
    assert ("Toyota", "shareholderOf", "Subaru", "affirmed") in _keys(extractor, text)


def test_a_clause_before_a_negated_verb_keeps_its_own_polarity(extractor):
    text = (
        "Au-delà de l'usine, les deux groupes ne partagent presque rien : Tata Motors développe seul ses voitures "
        "électriques, et Stellantis, qui mise en Inde sur la Citroën ë-C3 assemblée dans sa propre usine du Tamil "
        "Nadu, ne lui a jamais fourni la moindre technologie électrique."
    )
    assert ("Tata Motors", "developsTechnology", "electric vehicles", "affirmed") in _keys(extractor, text)


def test_a_que_clause_hung_on_the_verb_after_it_stays_denied(extractor):
    text = (
        "Il est faux de dire que Geely s'apprête à entrer au capital de Renault, a réagi mardi le directeur "
        "financier du groupe au losange devant la presse."
    )
    assert not {k for k in _keys(extractor, text) if k[0] == "Geely" and k[3] == "affirmed"}


def test_a_condition_is_speculative_and_not_negated_by_the_main_clause(extractor):
    modalities = statement_modalities(extractor, "Si Renault investit dans Ampere, Nissan ne le suivra pas.")
    assert modalities == {("Renault", "investsIn", "Ampere"): "speculative"}
    assert ("Renault", "investsIn", "Ampere", "affirmed") in _keys(
        extractor, "Si Renault investit dans Ampere, Nissan ne le suivra pas."
    )


def test_even_if_is_a_concession_not_a_condition(extractor):
    text = "Même si Renault détient 15 % de Nissan, les deux groupes restent distants."
    assert statement_modalities(extractor, text) == {("Renault", "shareholderOf", "Nissan"): "asserted"}
