"""Descriptions that stand for a company, and what they say it makes; one short article each.

French through the real pipeline, English through the blank one; the sentences are ours.
"""

from __future__ import annotations

import pytest

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor
from extracting import statement_keys as _keys


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module."""
    return Extractor()


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


def test_a_subject_noun_apposed_to_a_name_stands_for_that_name_not_for_its_complement(extractor):
    text = (
        "À Pékin, BAIC, le partenaire historique de Daimler, avec lequel le groupe allemand assemble ses Mercedes "
        "au sein de la coentreprise Beijing Benz, se méfierait de Geely, selon le Handelsblatt."
    )
    keys = _keys(extractor, text)
    assert ("BAIC", "distrusts", "Geely", "affirmed") in keys
    assert not any(k[1] == "distrusts" and k[0] != "BAIC" for k in keys), keys


def test_the_owners_of_a_venture_in_a_relative_clause_skip_their_appositions(extractor):
    text = (
        "StarPlus Energy is a joint venture in which Samsung SDI, the battery arm of South Korea's Samsung group, "
        "holds 51% and Stellantis, the maker of Jeep and Ram vehicles, holds the remaining 49%."
    )
    keys = _keys(extractor, text)
    assert ("Samsung SDI", "jointVenture", "Stellantis", "affirmed") in keys
    assert not any("Jeep" in (k[0], k[2]) for k in keys), keys
    assert not any(k[1] == "jointVenture" and "Samsung" in (k[0], k[2]) for k in keys), keys


def test_a_gendered_relative_pronoun_skips_a_name_that_has_its_nouns_gender(extractor):
    text = "Renault Korea, filiale du groupe Renault dans laquelle Geely détient 34 %, assemblera ces voitures."
    keys = _keys(extractor, text)
    assert ("Geely", "shareholderOf", "Renault Korea", "affirmed") in keys
    assert ("Geely", "shareholderOf", "Renault", "affirmed") not in keys


def test_an_owner_compounded_with_a_participle_is_no_party_but_the_owner(extractor):
    text = "Qualcomm competes with Mobileye, the Intel-controlled company that dominates driver-assistance chips."
    keys = _keys(extractor, text)
    assert ("Qualcomm", "competesWith", "Mobileye", "affirmed") in keys
    assert not any("Intel" in (k[0], k[2]) for k in keys if k[1] != "subsidiaryOf"), keys  # no rival, no partner
    assert ("Mobileye", "subsidiaryOf", "Intel", "affirmed") in keys  # the owner of the compound


def test_goods_bought_for_a_companys_own_models_are_still_goods(extractor):
    text = "Jaguar Land Rover buys the cells for its electric I-Pace from LG Energy Solution."
    assert ("LG Energy Solution", "suppliesTo", "Jaguar Land Rover", "affirmed") in _keys(extractor, text)


def test_a_relative_clause_after_a_closed_apposition_is_about_the_name_described(extractor):
    text = "Au Japon, Nissan, l'allié de Renault, qui ne détient aucune part d'Avtovaz, n'a pris aucune décision."
    keys = _keys(extractor, text)
    assert ("Nissan", "shareholderOf", "AvtoVAZ", "negated") in keys
    assert not any(k[0] == "Renault" and k[1] == "shareholderOf" for k in keys), keys


def test_a_company_that_is_anothers_property_is_its_subsidiary(extractor):
    text = "Volvo Cars, elle-même propriété de Geely, ne participe pas à l'opération."
    assert ("Volvo Cars", "subsidiaryOf", "Geely", "affirmed") in _keys(extractor, text)


@pytest.mark.parametrize("text, pair", [
    ("Samsung SDI goes head to head with LG Energy Solution and SK On.", ("Samsung SDI", "LG Energy Solution")),
    ("Le marché est âprement disputé par Stellantis, Ford et Renault.", ("Stellantis", "Renault")),
    ("BYD dispute désormais à Tesla le titre de premier vendeur mondial.", ("BYD", "Tesla")),
])
def test_rivalry_words_of_the_trade_press(extractor, text, pair):
    keys = _keys(extractor, text)
    a, b = pair
    assert (a, "competesWith", b, "affirmed") in keys or (b, "competesWith", a, "affirmed") in keys


@pytest.mark.parametrize("text, first, second, country", [
    ("Nissan et Mitsubishi Motors ont publié leurs comptes. La Bourse a réservé un sort contrasté aux deux alliés "
     "japonais.", "Nissan", "Mitsubishi Motors", "Japan"),
    ("Toyota et Suzuki étaient au salon. Sur deux stands voisins, les deux japonais exposaient le même modèle.",
     "Toyota", "Suzuki", "Japan"),
    ("Toyota and Honda reported results. The two Japanese carmakers said sales fell.", "Toyota", "Honda", "Japan"),
])
def test_a_pair_described_by_one_nationality_gives_both_their_country(extractor, text, first, second, country):
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    based = {(s.subject, s.object) for s in statements if s.predicate == "basedIn"}
    assert {(first, country), (second, country)} <= based


def test_a_pair_of_different_nationalities_gets_no_country_from_one_word(extractor):
    text = "Renault et Nissan ont signé. Les deux groupes japonais sont contents."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    assert not any(s.predicate == "basedIn" and s.object == "Japan" and s.subject == "Renault" for s in statements)


def test_sounding_out_partners_in_a_domain_is_seeking_them(extractor):
    text = (
        "La direction de Mitsubishi Motors se méfierait d'un actionnaire affaibli, au point de sonder d'autres "
        "partenaires dans le logiciel et les batteries."
    )
    keys = _keys(extractor, text)
    assert {("Mitsubishi Motors", "seeksPartnership", d, "affirmed") for d in ("software", "batteries")} <= keys


def test_a_company_described_by_its_trade_is_the_company_of_that_trade_in_the_article(extractor):
    text = (
        "Uber said on Monday it would keep its robotaxi plans. Toyota, which invested $500 million in Uber last "
        "year, is also working with the ride-hailing company on self-driving minivans."
    )
    assert ("Toyota", "partnerOf", "Uber", "affirmed") in _keys(extractor, text)


@pytest.mark.parametrize(
    ("text", "holder", "tech"),
    [
        ("General Motors said its electric vehicles will use the Supercharger network from next year.",
         "General Motors", "electric vehicles"),
        ("Toyota said its new hybrid system would reach Europe next year.", "Toyota", "hybrid"),
        ("Renault a indiqué que ses futures voitures électriques utiliseraient ce réseau.", "Renault",
         "electric vehicles"),
    ],
)
def test_a_company_develops_the_technology_of_its_possessive(extractor, text, holder, tech):
    assert (holder, "developsTechnology", tech, "affirmed") in _keys(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mercedes-Benz shelved its hydrogen cars years ago.",
        "Uber, which sold its self-driving unit in 2020, works with outside developers.",
        "Aurora bought its old self-driving unit from Uber in 2020.",
        "Stellantis a renoncé à lancer la production de ses utilitaires à hydrogène.",
        "At its battery plant in Michigan, Ford will use technology licensed from CATL.",
    ],
)
def test_no_possessive_technology_fact_where_the_sentence_may_undo_it(extractor, text):
    keys = _keys(extractor, text)
    undone = ("Mercedes-Benz", "Uber", "Stellantis")
    assert not any(k[1] == "developsTechnology" and k[3] == "affirmed" and k[0] in undone for k in keys), keys
    assert not any(k[0] == "Ford" and k[1] == "developsTechnology" and k[2] == "batteries" for k in keys), keys
