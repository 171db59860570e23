"""Everyday trade verbs and copulas: selling goods, winning orders, partners sought, "X et Y sont partenaires".

French through the real pipeline, English through the blank one; the sentences are ours.
"""

from __future__ import annotations

import pytest

from alliance_kg.extract import Extractor
from extracting import statement_keys as _keys
from extracting import statement_modalities


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


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Factorial Energy, which counts Mercedes-Benz, Stellantis and Hyundai among its partners, is growing.",
         {("Factorial Energy", "partnerOf", "Stellantis", "affirmed"),
          ("Factorial Energy", "partnerOf", "Hyundai", "affirmed")},
         ("Mercedes-Benz", "partnerOf", "Stellantis", "affirmed")),
        ("Samsung SDI counts BMW among its oldest automotive customers.",
         {("Samsung SDI", "suppliesTo", "BMW", "affirmed")}, None),
        ("Tesla counts CATL among its suppliers.", {("CATL", "suppliesTo", "Tesla", "affirmed")}, None),
        ("Outre Renault, Valeo compte parmi ses clients dans l'électrification Stellantis et le groupe Volkswagen.",
         {("Valeo", "suppliesTo", "Stellantis", "affirmed"), ("Valeo", "suppliesTo", "groupe Volkswagen", "affirmed")},
         ("Stellantis", "partnerOf", "groupe Volkswagen", "affirmed")),
        ("Valeo compte Stellantis et Volkswagen parmi ses clients.",
         {("Valeo", "suppliesTo", "Stellantis", "affirmed"), ("Valeo", "suppliesTo", "Volkswagen", "affirmed")}, None),
    ],
)
def test_names_counted_among_a_companys_partners_or_customers_are_its_own(extractor, text, expected, absent):
    keys = _keys(extractor, text)
    assert expected <= keys, keys
    assert absent not in keys


@pytest.mark.parametrize(
    "text",
    [
        "DRB-Hicom has ruled out letting Geely take control of Proton.",
        "DRB-Hicom refused to let Geely take control of Proton.",
        "DRB-Hicom will not allow Geely to take control of Proton.",
        "DRB-Hicom a refusé de laisser Geely prendre le contrôle de Proton.",
    ],
)
def test_a_denied_permission_denies_what_it_would_have_let_happen(extractor, text):
    keys = _keys(extractor, text)
    assert ("Geely", "acquires", "Proton", "negated") in keys
    assert ("Geely", "acquires", "Proton", "affirmed") not in keys


def test_a_place_between_verb_and_object_is_not_the_objects_preposition(extractor):
    keys = _keys(extractor, "WeRide affronte en Chine Baidu et Pony.ai.")
    assert {("WeRide", "competesWith", "Baidu", "affirmed"), ("WeRide", "competesWith", "Pony.ai", "affirmed")} <= keys


def test_a_country_that_modifies_the_next_noun_keeps_the_preposition(extractor):
    text = "Toyota has also taken stakes in Chinese robotaxi developer Pony.ai and in U.S. startup May Mobility."
    assert ("Toyota", "shareholderOf", "May Mobility", "affirmed") in _keys(extractor, text)


def test_a_list_of_goods_between_the_verb_and_the_customer(extractor):
    keys = _keys(extractor, "Lucid supplies electric motors, inverters and battery systems to Aston Martin.")
    assert ("Lucid", "suppliesTo", "Aston Martin", "affirmed") in keys
    keys = _keys(extractor, "Ford builds trucks, vans and cars for Europe, and BMW builds cars.")
    assert not any(k[1] == "suppliesTo" for k in keys)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volkswagen turned to Mobileye, the Intel-controlled Israeli company, for its vans.",
         ("Mobileye", "subsidiaryOf", "Intel", "affirmed")),
        ("Rivian, the Amazon-backed startup, said on Tuesday that sales rose.",
         ("Amazon", "investsIn", "Rivian", "affirmed")),
    ],
)
def test_the_name_before_a_hyphenated_participle_is_its_agent(extractor, text, expected):
    keys = _keys(extractor, text)
    assert expected in keys
    assert not any(k[1] in ("subsidiaryOf", "investsIn") and "Volkswagen" in k for k in keys)


def test_a_technology_word_in_the_head_noun_does_not_hide_the_named_unit(extractor):
    text = "In Europe, Volkswagen's software unit Cariad also works with Bosch on automated driving."
    assert ("Cariad", "partnerOf", "Bosch", "affirmed") in _keys(extractor, text)


def test_rivals_apposed_to_a_possessed_noun_are_the_possessors_not_each_others(extractor):
    text = "Sur ce créneau, Valeo affronte ses concurrents allemands Mahle et ZF, qui ont présenté leur moteur."
    keys = _keys(extractor, text)
    assert {("Valeo", "competesWith", "Mahle", "affirmed"), ("Valeo", "competesWith", "ZF", "affirmed")} <= keys
    assert not any({k[0], k[2]} == {"Mahle", "ZF"} for k in keys), keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le dirigeant reconnaît que le syndicat IG Metall reste méfiant envers PSA.",
         ("IG Metall", "distrusts", "PSA", "affirmed")),
        ("Renault, méfiant envers Geely, a refusé.", ("Renault", "distrusts", "Geely", "affirmed")),
        ("Nissan is leery of Foxconn.", ("Nissan", "distrusts", "Foxconn", "affirmed")),
        ("BYD has no plans for a similar arrangement with Lyft.", ("BYD", "partnerOf", "Lyft", "negated")),
    ],
)
def test_wary_adjectives_and_arrangements(extractor, text, expected):
    assert expected in _keys(extractor, text)


def test_names_apposed_to_shareholders_of_a_company_hold_it_not_each_other(extractor):
    text = ("Les trois premiers actionnaires de PSA, l'État français, la famille Peugeot et le chinois Dongfeng, "
            "qui détiennent chacun environ 14 % du capital, ont approuvé l'opération.")
    keys = _keys(extractor, text)
    assert ("Dongfeng", "shareholderOf", "PSA", "affirmed") in keys
    assert not any(k[1] == "shareholderOf" and k[2] != "PSA" for k in keys), keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rimac Technology supplies battery systems to BMW and Porsche.",
         ("Rimac Technology", "developsTechnology", "batteries", "affirmed")),
        ("CATL fournit des batteries à Tesla.", ("CATL", "developsTechnology", "batteries", "affirmed")),
    ],
)
def test_a_company_that_supplies_a_technology_makes_it(extractor, text, expected):
    assert expected in _keys(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Waymo, the Alphabet unit that leads driverless rides, is growing.",
         ("Waymo", "subsidiaryOf", "Alphabet", "affirmed"), None),
        ("Tesla buys cells from CATL and from FinDreams, the battery unit of BYD.",
         ("FinDreams", "subsidiaryOf", "BYD", "affirmed"), ("Tesla", "subsidiaryOf", "BYD", "affirmed")),
        ("Batteries come from CATL and from FinDreams, the battery unit of BYD.",
         ("FinDreams", "subsidiaryOf", "BYD", "affirmed"), ("CATL", "subsidiaryOf", "BYD", "affirmed")),
    ],
)
def test_the_unit_in_an_apposition_is_the_name_before_the_comma(extractor, text, expected, absent):
    keys = _keys(extractor, text)
    assert expected in keys
    assert absent not in keys


def test_the_subject_after_an_apposition_with_a_compounded_owner_and_a_relative(extractor):
    text = "Waymo, the Alphabet unit that leads U.S. driverless rides, works with Uber."
    keys = _keys(extractor, text)
    assert ("Waymo", "partnerOf", "Uber", "affirmed") in keys
    assert not any(k[1] == "partnerOf" and "Alphabet" in k for k in keys)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Nor does Hyundai intend to take a stake in Uber, a Hyundai spokesperson said.",
         ("Hyundai", "shareholderOf", "Uber")),
        ("Uber sold its autonomous unit, Advanced Technologies Group, to Aurora Innovation in 2020.",
         ("Advanced Technologies Group", "subsidiaryOf", "Uber")),
    ],
)
def test_nor_and_a_sold_unit_negate(extractor, text, negated):
    keys = _keys(extractor, text)
    assert (*negated, "negated") in keys
    assert (*negated, "affirmed") not in keys


def test_the_company_counting_partners_in_a_relative_clause_is_its_antecedent(extractor):
    text = ("Archer affronte un concurrent, Joby Aviation, dans lequel Toyota a investi 900 millions de dollars "
            "et qui compte aussi Delta Air Lines parmi ses partenaires.")
    keys = _keys(extractor, text)
    assert ("Joby Aviation", "partnerOf", "Delta Air Lines", "affirmed") in keys
    assert not any(k[1] == "partnerOf" and "Toyota" in k for k in keys)


def test_a_subject_with_a_preposition_is_a_misparse_and_the_names_before_the_verb_are_the_subject(extractor):
    text = "Dans l'équipement automobile, Faurecia et Hella affrontent notamment Valeo, Continental et ZF."
    keys = _keys(extractor, text)
    assert {("Hella", "competesWith", "Valeo", "affirmed"), ("Faurecia", "competesWith", "ZF", "affirmed")} <= keys
    text = "Schaeffler se retrouve ainsi en concurrence frontale avec Bosch, ZF ou Valeo."
    assert ("Schaeffler", "competesWith", "Bosch", "affirmed") in _keys(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toyota et Stellantis n'en restent pas moins partenaires dans les utilitaires.",
         ("Toyota", "partnerOf", "Stellantis", "affirmed")),
        ("Renault n'en reste pas moins l'allié de Nissan.", ("Renault", "partnerOf", "Nissan", "affirmed")),
        ("Renault ne détient pas moins de 15 % de Nissan.", ("Renault", "shareholderOf", "Nissan", "affirmed")),
        ("Renault n'est pas l'allié de Nissan.", ("Renault", "partnerOf", "Nissan", "negated")),
    ],
)
def test_no_less_is_no_negation(extractor, text, expected):
    keys = _keys(extractor, text)
    assert expected in keys
    flipped = (*expected[:3], "negated" if expected[3] == "affirmed" else "affirmed")
    assert flipped not in keys


@pytest.mark.parametrize(
    ("text", "key", "modality"),
    [
        ("CATL fournit des batteries à Tesla.", ("CATL", "suppliesTo", "Tesla"), "asserted"),
        ("CATL fournira des batteries à Tesla.", ("CATL", "suppliesTo", "Tesla"), "planned"),
        ("Honda et Nissan envisagent une fusion.", ("Honda", "mergesWith", "Nissan"), "speculative"),
        ("Renault étudie un partenariat avec Geely.", ("Renault", "partnerOf", "Geely"), "speculative"),
        ("Renault a annoncé un partenariat avec Geely.", ("Renault", "partnerOf", "Geely"), "asserted"),
    ],
)
def test_a_present_tagged_future_is_asserted_and_a_considered_noun_is_speculative(extractor, text, key, modality):
    assert statement_modalities(extractor, text).get(key) == modality


def test_s_emparer_de_is_a_takeover(extractor):
    assert ("Geely", "acquires", "Volvo Cars", "affirmed") in _keys(extractor, "Geely s'est emparé de Volvo Cars.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the United States, Toyota's rivals include Honda, Nissan and Mazda, the analysts said.",
         {("Toyota", "competesWith", "Nissan", "affirmed"), ("Toyota", "competesWith", "Mazda", "affirmed")}),
        ("Among the companies, Tesla's suppliers include Panasonic and CATL, the report says.",
         {("Panasonic", "suppliesTo", "Tesla", "affirmed"), ("CATL", "suppliesTo", "Tesla", "affirmed")}),
        ("Tesla gets its cells from Panasonic and CATL.",
         {("Panasonic", "suppliesTo", "Tesla", "affirmed"), ("CATL", "suppliesTo", "Tesla", "affirmed")}),
        ("Nissan is hunting for a new partner in software.", {("Nissan", "seeksPartnership", "software", "affirmed")}),
        ("Fiat Chrysler and PSA agreed to combine into Stellantis.",
         {("Fiat Chrysler", "mergesWith", "PSA", "affirmed")}),
    ],
)
def test_english_lists_after_include_and_more_verbs(extractor, text, expected):
    assert expected <= _keys(extractor, text)


def test_a_comma_list_after_parmi_ses_clients_is_read_whole_and_stops_at_a_relative_clause(extractor):
    keys = _keys(extractor, "Valeo compte parmi ses clients Stellantis, Renault et le groupe Volkswagen.")
    assert ("Valeo", "suppliesTo", "Renault", "affirmed") in keys
    keys = _keys(extractor, "Valeo compte parmi ses clients Stellantis, qui a signé avec Renault en 2020.")
    assert ("Valeo", "suppliesTo", "Renault", "affirmed") not in keys


@pytest.mark.parametrize(
    ("text", "investors", "company"),
    [
        ("Solid Power, a Colorado-based developer of solid-state batteries, said on Monday it had raised $130 "
         "million in a funding round led by BMW and Ford Motor.", ("BMW", "Ford Motor"), "Solid Power"),
        ("Wayve raised $1.05 billion in a round led by SoftBank, with Nvidia and Microsoft also taking part.",
         ("SoftBank",), "Wayve"),
    ],
)
def test_the_investors_who_lead_a_funding_round_invest_in_the_company_raising_it(extractor, text, investors, company):
    keys = _keys(extractor, text)
    for investor in investors:
        assert (investor, "investsIn", company, "affirmed") in keys


@pytest.mark.parametrize(
    ("text", "buyer", "company"),
    [
        ("Renault a cédé sa filiale Dacia à Geely.", "Geely", "Dacia"),
        ("La cession de Dacia à Geely a été finalisée.", "Geely", "Dacia"),
        ("Renault a finalisé la vente de Dacia à Geely.", "Geely", "Dacia"),
        ("Renault sold Dacia to Geely.", "Geely", "Dacia"),
        ("The sale of Dacia to Geely was completed.", "Geely", "Dacia"),
        ("Ford agreed to sell Jaguar Land Rover to Tata Motors for $2.3 billion.", "Tata Motors", "Jaguar Land Rover"),
    ],
)
def test_a_company_sold_to_a_buyer_is_the_buyers_acquisition(extractor, text, buyer, company):
    keys = _keys(extractor, text)
    assert (buyer, "acquires", company, "affirmed") in keys
    assert not any(k[1] == "suppliesTo" or k[0] != buyer and k[1] == "acquires" for k in keys)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Renault a cédé 80 % de sa filiale Dacia au fonds Cerberus.",
         ("Cerberus", "shareholderOf", "Dacia", "affirmed"), ("Cerberus", "shareholderOf", "Renault", "affirmed")),
        ("Renault a vendu sa participation dans Volvo à Geely.",
         ("Geely", "shareholderOf", "Volvo", "affirmed"), ("Renault", "shareholderOf", "Geely", "affirmed")),
    ],
)
def test_a_stake_sold_to_a_buyer_is_the_buyers_and_the_buyer_is_not_the_company_held(
    extractor, text, expected, absent
):
    keys = _keys(extractor, text)
    assert expected in keys and absent not in keys


def test_a_stake_a_company_parted_with_is_no_longer_held(extractor):
    text = "DaimlerChrysler s'était défait de ses participations dans Mitsubishi Motors et dans le sud-coréen Hyundai."
    keys = _keys(extractor, text)
    for company in ("Mitsubishi Motors", "Hyundai"):
        assert ("DaimlerChrysler", "shareholderOf", company, "negated") in keys
        assert ("DaimlerChrysler", "shareholderOf", company, "affirmed") not in keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nio has signed a battery-swapping agreement with Chery.", ("Nio", "partnerOf", "Chery", "affirmed")),
        ("Hertz went on to order up to 65,000 cars from Polestar.", ("Polestar", "suppliesTo", "Hertz", "affirmed")),
    ],
)
def test_agreements_and_fleet_orders(extractor, text, expected):
    assert expected in _keys(extractor, text)


def test_orders_won_are_the_winners_supply(extractor):
    keys = _keys(extractor, "Analysts said Magna could win orders from Volkswagen.")
    assert ("Volkswagen", "suppliesTo", "Magna", "affirmed") not in keys, keys


def test_a_supply_agreement_is_no_partnership(extractor):
    keys = _keys(extractor, "Mitsubishi Motors confirmed it was studying a supply agreement with Foxtron.")
    assert not any(k[1] in ("partnerOf", "memberOf", "shareholderOf") for k in keys), keys


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        ("Foxconn makes Apple's iPhones in its factories in China and India.", "Foxconn", "Apple"),
        ("Magna assembles BMW's Z4 roadster at its plant in Graz, in Austria.", "Magna", "BMW"),
    ],
)
def test_making_a_companys_products_supplies_it(extractor, text, supplier, customer):
    assert (supplier, "suppliesTo", customer, "affirmed") in _keys(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Renault, Nissan's long-standing partner, builds several of its own models in Turkey.",
        "Its Blade battery pack is supplied by FinDreams, BYD's battery-making arm.",
        "Tofas, Koc's car-making venture with Stellantis, gained 1.1%.",
    ],
)
def test_a_genitive_before_a_making_verb_is_not_its_customer(extractor, text):
    keys = _keys(extractor, text)
    assert not any(k[1] == "suppliesTo" and k[2] in ("Nissan", "BYD", "Koç Holding", "Koc") for k in keys), keys
