"""Constructions of wire copy that untouched article batches (4, 7, 8 and 9) exposed; one sentence each.

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


def test_a_share_price_that_falls_is_no_stake_sold(extractor):
    text = "A la Bourse de Milan, le titre Stellantis cédait 2,1 % lundi, dans le sillage de Renault et de Volkswagen."
    assert _keys(extractor, text) == set()


def test_what_an_agreement_does_not_mean_is_negated(extractor):
    text = "Cet accord ne signifie pas que Chery entrera au capital de Jaguar Land Rover, a souligné un porte-parole."
    keys = _keys(extractor, text)
    assert ("Chery", "shareholderOf", "Jaguar Land Rover", "affirmed") not in keys
    assert ("Chery", "shareholderOf", "Jaguar Land Rover", "negated") in keys


def test_a_restriction_is_still_one_when_a_clause_does_not_follow(extractor):
    keys = _keys(extractor, "Renault ne détient plus que 15 % de Nissan.")
    assert keys == {("Renault", "shareholderOf", "Nissan", "affirmed")}


def test_a_company_before_outre_is_not_the_others(extractor):
    text = ("Outre JLR, d'autres constructeurs occidentaux ont conclu des accords de licence avec des groupes "
            "chinois, à l'image de Stellantis avec Leapmotor.")
    assert not any(k[0] == "Jaguar Land Rover" or k[2] == "Jaguar Land Rover" for k in _keys(extractor, text))


def test_goods_supplied_by_two_makers_go_to_the_clause_subject(extractor):
    keys = _keys(extractor, "Ampere intégrera des cellules fournies par le sud-coréen LG Energy Solution "
                            "et le chinois CATL.")
    assert ("LG Energy Solution", "suppliesTo", "Ampere", "affirmed") in keys
    assert ("CATL", "suppliesTo", "Ampere", "affirmed") in keys
    assert not any(k[:3] == ("LG Energy Solution", "suppliesTo", "CATL") for k in keys)


def test_agreements_the_parse_hung_on_a_time_phrase_keep_the_signing_verb(extractor):
    text = ("Nio a par ailleurs signé ces derniers mois des accords d'échange de batteries avec plusieurs "
            "constructeurs chinois, dont Changan, Geely et Chery.")
    keys = _keys(extractor, text)
    assert {("Nio", "partnerOf", name, "affirmed") for name in ("Changan", "Geely", "Chery")} <= keys


def test_the_rest_of_a_company_bought_is_an_acquisition_and_the_seller_holds_it_until_then(extractor):
    keys = _keys(extractor, "Toyota Motor will buy Panasonic's remaining 19.5% stake in Primearth EV Energy.")
    assert ("Toyota Motor", "acquires", "Primearth EV Energy", "affirmed") in keys
    assert ("Panasonic", "shareholderOf", "Primearth EV Energy", "affirmed") in keys


@pytest.mark.parametrize("text, investor, company", [
    ("Nio va lever 2,2 milliards de dollars auprès de CYVN Holdings, un fonds d'investissement.", "CYVN Holdings",
     "Nio"),
    ("Rivian raised 2 billion dollars from Amazon.", "Amazon", "Rivian"),
])
def test_money_raised_from_an_investor_is_its_investment(extractor, text, investor, company):
    assert (investor, "investsIn", company, "affirmed") in _keys(extractor, text)


def test_names_listed_before_a_plural_genitive_noun_are_each_described(extractor):
    keys = _keys(extractor, "Nissan and Honda, Toyota's domestic rivals, have turned to outside suppliers.")
    assert {("Nissan", "competesWith", "Toyota", "affirmed"), ("Honda", "competesWith", "Toyota", "affirmed")} <= keys
    keys = _keys(extractor, "Renault and Nissan, Mitsubishi's largest shareholder, met in Paris.")
    assert ("Renault", "shareholderOf", "Mitsubishi", "affirmed") not in keys


def test_a_venture_of_a_technology_makes_it_not_its_owner(extractor):
    keys = _keys(extractor, "ACC, la coentreprise de batteries de Stellantis, Mercedes-Benz et TotalEnergies, "
                            "a inauguré sa première usine.")
    assert ("ACC", "developsTechnology", "batteries", "affirmed") in keys
    assert ("Stellantis", "developsTechnology", "batteries", "affirmed") not in keys


def test_electric_motors_are_the_electric_vehicle_technology(extractor):
    keys = _keys(extractor, "Valeo a pris le contrôle de Valeo Siemens eAutomotive, sa coentreprise spécialisée "
                            "dans les motorisations électriques.")
    assert ("Valeo Siemens eAutomotive", "developsTechnology", "electric vehicles", "affirmed") in keys


def test_a_subordinate_clause_is_no_part_of_a_venture_noun_phrase(extractor):
    keys = _keys(extractor, "Great Wall a apporté à la coentreprise sa plateforme électrique, tandis que la "
                            "marque Mini, filiale de BMW, s'est chargée du design.")
    assert not any(k[0] == "Mini" and k[1] in ("jointVenture", "memberOf", "shareholderOf") for k in keys)


def test_a_merger_of_the_signing_parties_units_is_the_units_merger(extractor):
    keys = _keys(extractor, "Toyota et Daimler Truck ont signé l'accord définitif de fusion de leurs filiales de "
                            "poids lourds Hino Motors et Mitsubishi Fuso.")
    assert ("Hino Motors", "mergesWith", "Mitsubishi Fuso", "affirmed") in keys
    assert not any(k[1] in ("mergesWith", "subsidiaryOf") and {k[0], k[2]} == {"Toyota", "Daimler Truck"}
                   for k in keys)
    assert not any(k[1] == "partnerOf" and "Hino Motors" in (k[0], k[2]) for k in keys)


def test_an_apposition_the_parse_made_an_object_stands_for_its_name(extractor):
    keys = _keys(extractor, "Daimler Truck s'est allié en 2022 avec Traton, la filiale poids lourds de Volkswagen, "
                            "pour créer Milence.")
    assert not any(k[1] == "partnerOf" and "Volkswagen" in (k[0], k[2]) for k in keys)


def test_a_cross_shareholding_keeps_both_stakes(extractor):
    keys = _keys(extractor, "Renault et Nissan détiennent chacun 15 % du capital de l'autre.")
    assert not {k for k in keys if k[1] == "subsidiaryOf"}


def test_a_place_after_a_venture_noun_is_no_company(extractor):
    keys = _keys(extractor, "GM conserve Ultium Cells, leur coentreprise de l'Ohio.")
    assert not any("Ohio" in (k[0], k[2]) for k in keys)


def test_a_product_named_after_its_kind_is_no_company(extractor):
    keys = _keys(extractor, "Toyota, pionnier de la pile à combustible, et Hyundai, dont le SUV Nexo domine les "
                            "ventes, se livrent une concurrence acharnée dans l'hydrogène.")
    assert not any("Nexo" in k[0] or "Nexo" in k[2] for k in keys)
    assert ("Toyota", "competesWith", "Hyundai", "affirmed") in keys


def test_a_unit_named_after_its_owners_genitive_is_the_party(extractor):
    keys = _keys(extractor, "Toyota Motor and Alphabet's self-driving unit Waymo have signed a preliminary agreement "
                            "to explore a tie-up on autonomous driving.")
    assert any(k[1] == "partnerOf" and {k[0], k[2]} == {"Toyota Motor", "Waymo"} for k in keys), keys
    assert not any(k[1] == "partnerOf" and "Alphabet" in (k[0], k[2]) for k in keys)


def test_the_brands_an_apposition_lists_are_no_rivals(extractor):
    text = ("Daimler Truck, maison mère de Mercedes-Benz Trucks et de Freightliner, et Volvo Group, propriétaire des "
            "marques Volvo Trucks, Renault Trucks et Mack, continueront à se livrer une concurrence acharnée.")
    rivals = {frozenset((k[0], k[2])) for k in _keys(extractor, text) if k[1] == "competesWith"}
    assert rivals <= {frozenset(("Daimler Truck", "Volvo Group"))}


def test_the_buyer_of_a_stake_sold_is_not_the_company_sold(extractor):
    keys = _keys(extractor, "GM a revendu fin 2024 au sud-coréen LG Energy Solution sa part dans l'usine de Lansing.")
    assert not any(k[1] == "shareholderOf" and "LG Energy Solution" in (k[0], k[2]) for k in keys)


@pytest.mark.parametrize("text, expected", [
    ("Volkswagen s'est adossé à l'américain Rivian pour ses logiciels.", ("Volkswagen", "partnerOf", "Rivian")),
    ("Schaeffler, qui a avalé l'an dernier son compatriote Vitesco Technologies, a grappillé 0,7 %.",
     ("Schaeffler", "acquires", "Vitesco Technologies")),
    ("Fiat Chrysler, qui a depuis convolé avec PSA, a cédé Magneti Marelli.", ("Fiat Chrysler", "mergesWith", "PSA")),
    ("Le groupe est né en 2021 du mariage de PSA et de Fiat Chrysler.", ("PSA", "mergesWith", "Fiat Chrysler")),
    ("Le chinois Sinochem, détenteur d'environ 37 % du capital de Pirelli, a gagné.",
     ("Sinochem", "shareholderOf", "Pirelli")),
    ("Pirelli se méfie de son premier actionnaire, le chinois Sinochem.", ("Pirelli", "distrusts", "Sinochem")),
    ("Pirelli se méfie de son premier actionnaire, le chinois Sinochem.", ("Sinochem", "shareholderOf", "Pirelli")),
    ("Nuro counts SoftBank and Google among its backers.", ("Google", "investsIn", "Nuro")),
])
def test_journalists_words_for_ties(extractor, text, expected):
    assert (*expected, "affirmed") in _keys(extractor, text)


@pytest.mark.parametrize("text", [
    "Renault reste le premier actionnaire de Nissan.",
    "Renault pâtit des difficultés de son partenaire japonais Nissan, dont il reste le premier actionnaire.",
])
def test_a_support_verb_the_lemmatizer_missed_still_carries_its_subject(extractor, text):
    assert ("Renault", "shareholderOf", "Nissan", "affirmed") in _keys(extractor, text)


def test_partners_sought_are_no_partners_yet(extractor):
    keys = _keys(extractor, "Geely, qui contrôle déjà Volvo Cars, Polestar et Zeekr, cherche des partenaires pour "
                            "produire ses voitures électriques hors de Chine.")
    assert not any(k[1] == "partnerOf" for k in keys)


@pytest.mark.parametrize("text", [
    "Toyota has also taken stakes in Chinese robotaxi developer Pony.ai.",
    "The Japanese group has backed Pony.ai, a Chinese autonomous-driving start-up, with 400 million dollars.",
])
def test_a_nationality_before_what_a_company_makes_and_its_kind(extractor, text):
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    assert ("Pony.ai", "basedIn", "China") in {(s.subject, s.predicate, s.object) for s in statements}


def test_a_nationality_and_a_clause_are_no_description(extractor):
    text = "Chinese sales rose while the maker cut prices."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    assert not statements


def test_a_company_whose_share_price_falls_sells_nothing(extractor):
    text = ("À la Bourse de Séoul, l'action Hyundai Motor a reculé de 0,9 %, tandis que Hyundai Mobis cédait "
            "0,3 % et que SoftBank gagnait 1,2 %.")
    assert not [k for k in _keys(extractor, text) if k[1] == "shareholderOf"]


def test_the_seller_after_aupres_de_is_not_the_company_bought(extractor):
    assert not _keys(extractor, "Toyota avait négocié son rachat auprès d'Alphabet en 2016.")


def test_a_reflexive_supply_verb_keeps_its_direction(extractor):
    text = "Le constructeur s'approvisionne auprès du géant de Ningde pour ses voitures électriques."
    assert not any(k[1] == "suppliesTo" and k[2] == "CATL" for k in _keys(extractor, text))


# batch 7, read after it was scored untouched


def test_a_relative_clause_parsed_as_adverbial_keeps_its_antecedent(extractor):
    text = "L'usine a été reprise par Geely, qui détient depuis 2018 un peu moins de 10 % de Daimler."
    assert ("Geely", "shareholderOf", "Daimler", "affirmed") in _keys(extractor, text)


def test_a_date_between_verb_and_stake_does_not_lose_the_company(extractor):
    keys = _keys(extractor, "Toyota possède depuis 2019 environ 20 % de Subaru.")
    assert ("Toyota", "shareholderOf", "Subaru", "affirmed") in keys


def test_the_holder_after_par_is_no_company_held(extractor):
    text = "Les deux groupes créent Leapmotor International, détenue à 51 % par Stellantis et à 49 % par Leapmotor."
    keys = _keys(extractor, text)
    assert not {k for k in keys if k[2] in ("Stellantis", "Leapmotor") and k[1] == "shareholderOf"}


def test_building_a_joint_venture_is_setting_one_up(extractor):
    keys = _keys(extractor, "SAIC, qui a lui-même bâti une coentreprise avec Volkswagen, vise l'Europe.")
    assert ("SAIC", "jointVenture", "Volkswagen", "affirmed") in keys


def test_an_apposition_closed_by_a_comma_after_a_genitive(extractor):
    text = "Les taxis d'Apollo Go, la filiale de conduite autonome de Baidu, rouleront à Francfort."
    assert ("Apollo Go", "subsidiaryOf", "Baidu", "affirmed") in _keys(extractor, text)


def test_a_list_resumes_after_a_relative_clause(extractor):
    text = "Uber s'est allié à Pony.ai, dont les robotaxis roulent à Canton, et à WeRide pour le Moyen-Orient."
    keys = _keys(extractor, text)
    assert ("Uber", "partnerOf", "Pony.ai", "affirmed") in keys
    assert ("Uber", "partnerOf", "WeRide", "affirmed") in keys
    assert not {k for k in keys if {k[0], k[2]} == {"Pony.ai", "WeRide"}}


# batch 8, read after it was scored untouched


def test_leaving_a_joint_venture_ends_it(extractor):
    keys = _keys(extractor, "Mitsubishi Motors a quitté en 2023 sa coentreprise avec GAC.")
    assert ("Mitsubishi Motors", "jointVenture", "GAC", "negated") in keys
    assert ("Mitsubishi Motors", "jointVenture", "GAC", "affirmed") not in keys


def test_a_negation_before_a_colon_stays_in_its_clause(extractor):
    text = "Les japonais ne sont pas épargnés : Mazda a signé un partenariat avec Changan."
    assert ("Mazda", "partnerOf", "Changan", "affirmed") in _keys(extractor, text)


def test_a_venture_split_up_later_in_the_sentence_is_negated(extractor):
    text = ("Veoneer, a Swedish supplier, sells radars. Veoneer and Volvo Cars set up a joint venture, Zenuity, "
            "in 2017, but split it up last year.")
    keys = _keys(extractor, text)
    assert ("Veoneer", "jointVenture", "Volvo Cars", "negated") in keys
    assert not {k for k in keys if k[3] == "affirmed" and k[1] in ("jointVenture", "memberOf", "shareholderOf")}


def test_an_unknown_company_is_found_again_when_named_again(extractor):
    text = "Veoneer, a Swedish supplier, sells radars. Uber invested in Veoneer last year."
    assert ("Uber", "investsIn", "Veoneer", "affirmed") in _keys(extractor, text)


def test_a_venture_noun_that_is_its_clause_subject_names_no_parties(extractor):
    text = "In electric motors, the venture will compete with Japan's Nidec and Germany's Bosch."
    assert _keys(extractor, text) == set()


def test_the_object_of_a_first_verb_is_not_the_subject_of_the_second(extractor):
    text = "Geely, the Chinese group that also owns Volvo Cars and controls Polestar, holds a majority of Lotus."
    keys = _keys(extractor, text)
    assert not {k for k in keys if k[0] == "Volvo Cars"}
    assert ("Polestar", "subsidiaryOf", "Geely", "affirmed") in keys


def test_a_possessive_inside_an_apposition_is_the_named_company(extractor):
    text = "Renault affronte Stellantis, premier vendeur de fourgons avec ses marques Peugeot et Citroën."
    keys = _keys(extractor, text)
    assert ("Peugeot", "subsidiaryOf", "Stellantis", "affirmed") in keys
    assert not {k for k in keys if k[1] == "subsidiaryOf" and k[2] == "Renault"}


# batch 9, read after it was scored untouched


def test_a_venture_the_clause_acts_within_has_the_clause_subject_as_party(extractor):
    keys = _keys(extractor, "Renault produit des moteurs à Valladolid dans le cadre d'une coentreprise avec Geely.")
    assert ("Renault", "jointVenture", "Geely", "affirmed") in keys
    keys = _keys(extractor, "Toyota builds hybrids in China through a joint venture with GAC.")
    assert ("Toyota", "jointVenture", "GAC", "affirmed") in keys


def test_a_relative_clause_after_an_apposition_is_about_the_name(extractor):
    text = "Exor NV, the Agnelli family's holding company, which owns about 27% of Iveco, backs the offer."
    assert ("Exor", "shareholderOf", "Iveco", "affirmed") in _keys(extractor, text)


def test_a_named_venture_between_two_companies_has_them_as_members(extractor):
    text = "Ultium Cells, a joint venture between GM and LG Energy Solution, opened a plant in Ohio."
    keys = _keys(extractor, text)
    assert ("GM", "memberOf", "Ultium Cells", "affirmed") in keys
    assert ("LG Energy Solution", "memberOf", "Ultium Cells", "affirmed") in keys


def test_its_customers_are_the_clause_subjects_customers(extractor):
    text = ("Pony.ai, a Chinese robotaxi developer, is growing. Founded in 2016 with backing from Toyota, Pony.ai "
            "has raised money, and its customers include Uber and Lyft.")
    keys = _keys(extractor, text)
    assert ("Pony.ai", "suppliesTo", "Uber", "affirmed") in keys
    assert not {k for k in keys if k[0] == "Toyota" and k[1] == "suppliesTo"}


def test_a_co_owner_named_alongside_a_stake_holds_one_too(extractor):
    keys = _keys(extractor, "Renault détient 45 % de Horse aux côtés du chinois Geely.")
    assert ("Geely", "shareholderOf", "Horse", "affirmed") in keys
    assert ("Renault", "jointVenture", "Geely", "affirmed") in keys


def test_a_nationality_used_as_a_noun_introduces_an_unknown_name(extractor):
    text = "Le robot de Boston Dynamics affronte des rivaux moins chers, comme le suisse Quadrix ou le chinois Unitree."
    assert ("Boston Dynamics", "competesWith", "Quadrix", "affirmed") in _keys(extractor, text)
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    assert ("Unitree", "basedIn", "China") in {(s.subject, s.predicate, s.object) for s in statements}


def test_leaning_on_a_carmaker_is_a_partnership(extractor):
    keys = _keys(extractor, "En Europe, Ford s'appuie sur Volkswagen pour ses modèles électriques.")
    assert ("Ford", "partnerOf", "Volkswagen", "affirmed") in keys


def test_a_possessive_below_a_verb_does_not_make_it_reflexive(extractor):
    # "ses" begins like the clitic "se": read as one, it made "fournir" the reflexive "se fournir auprès de"
    keys = _keys(extractor, "Hyundai fournit des moteurs à l'italien Iveco pour ses autobus.")
    assert keys == {("Hyundai", "suppliesTo", "Iveco", "affirmed")}
    keys = _keys(extractor, "Renault se fournit auprès de LG Energy Solution pour ses batteries.")
    assert keys == {("LG Energy Solution", "suppliesTo", "Renault", "affirmed")}


def test_a_subject_set_off_by_an_inserted_phrase_is_still_the_subject(extractor):
    # the parse makes "Hyundai" an adverbial when "de son côté" stands between it and its verb
    keys = _keys(extractor, "Hyundai, de son côté, fournit des moteurs à Iveco.")
    assert keys == {("Hyundai", "suppliesTo", "Iveco", "affirmed")}


def test_a_platform_used_by_another_carmaker_is_its_owners_shared_technology(extractor):
    keys = _keys(extractor, "Ford utilise la plateforme électrique MEB de Volkswagen pour ses Explorer.")
    assert ("Volkswagen", "sharesTechnology", "electric vehicles", "affirmed") in keys
    assert not {k for k in keys if k[0] == "Ford" and k[1] == "sharesTechnology"}
    # buying a supplier's cells is a supply, not a technology shared
    keys = _keys(extractor, "Renault utilise des batteries de LG Energy Solution.")
    assert not {k for k in keys if k[1] == "sharesTechnology"}


def test_a_refiner_named_after_its_description_is_the_named_company(extractor):
    text = "Toyota et le raffineur japonais Idemitsu Kosan vont unir leurs forces pour produire des batteries."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    keys = {(s.subject, s.predicate, s.object) for s in statements}
    assert ("Idemitsu Kosan", "basedIn", "Japan") in keys
    assert ("Toyota", "partnerOf", "Idemitsu Kosan") in keys


def test_dont_before_a_subject_and_its_verb_is_a_relative_pronoun_not_including(extractor):
    # "dont" opens a list ("des constructeurs, dont Renault") only when no verb follows the name
    text = "Le précédent de Northvolt pèse : le fabricant suédois, dont Volkswagen détient 21 %, a fait faillite."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    keys = {(s.subject, s.predicate, s.object) for s in statements}
    assert ("Volkswagen", "basedIn", "Sweden") not in keys
    assert ("Volkswagen", "shareholderOf", "Northvolt") in keys
    text = "Les écouteurs d'un grand fabricant américain dont Varta n'a jamais confirmé le nom se vendent bien."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    assert not [s for s in statements if s.predicate == "basedIn"]


def test_an_apposition_closed_by_a_comma_does_not_spread_to_the_next_list_member(extractor):
    keys = _keys(extractor, "Daihatsu, filiale à 100 % de Toyota, et Suzuki restent membres de CJPT.")
    assert ("Daihatsu", "subsidiaryOf", "Toyota", "affirmed") in keys
    assert not {k for k in keys if k[1] == "subsidiaryOf" and "Suzuki" in (k[0], k[2])}
    assert ("Suzuki", "memberOf", "CJPT", "affirmed") in keys


def test_agents_hung_on_their_shares_each_hold_their_own(extractor):
    text = "Leapmotor International est détenue à 51 % par Stellantis et à 49 % par Leapmotor."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    shares = {s.subject: s.share for s in statements if s.predicate == "shareholderOf"}
    assert shares == {"Stellantis": 51.0, "Leapmotor": 49.0}
    text = "Leapmotor International is owned 51% by Stellantis and 49% by Leapmotor."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    assert {s.subject: s.share for s in statements if s.predicate == "shareholderOf"} == shares


def test_a_plant_owned_by_two_companies_is_no_stake_in_either(extractor):
    text = "La future usine, détenue à 70 % par le PIF et à 30 % par le groupe coréen Hyundai, ouvrira en 2026."
    assert not {k for k in _keys(extractor, text) if k[1] == "shareholderOf"}


def test_a_stake_bought_in_a_dont_clause_is_in_the_antecedent(extractor):
    keys = _keys(extractor, "Stellantis a misé sur la start-up Leapmotor, dont il a acquis environ 21 % fin 2023.")
    assert ("Stellantis", "shareholderOf", "Leapmotor", "affirmed") in keys
    assert ("Stellantis", "acquires", "Leapmotor", "affirmed") not in keys


def test_a_descriptive_apposition_below_a_trigger_keeps_its_names(extractor):
    text = ("Navistar est une filiale à 100 % de Traton, la branche poids lourds du groupe Volkswagen, "
            "qui a déboursé 3,7 milliards de dollars.")
    keys = _keys(extractor, text)
    assert ("Navistar", "subsidiaryOf", "Traton", "affirmed") in keys
    assert ("Volkswagen", "subsidiaryOf", "Traton", "affirmed") not in keys


def test_a_name_before_a_unit_noun_is_no_party(extractor):
    # "the Alphabet unit" is a unit of Alphabet (Waymo), "any other SAIC business" a business of SAIC
    text = "Hyundai engineers fear the carmaker could become a mere hardware supplier for the Alphabet unit."
    assert _keys(extractor, text) == set()
    text = "Audi has no plans to take a stake in IM Motors or in any other SAIC business, a spokesperson said."
    assert not {k for k in _keys(extractor, text) if k[2] == "SAIC"}


def test_a_family_is_no_company_and_a_holding_introduces_a_name(extractor):
    keys = _keys(extractor, "Zorglub, la holding de la famille Dupont, détient 10 % de Renault.")
    assert keys == {("Zorglub", "shareholderOf", "Renault", "affirmed")}


def test_companies_called_our_rivals_are_no_rivals_of_each_other(extractor):
    text = "« Renault, Ford et Volkswagen sont nos concurrents directs », analyse le patron de Stellantis."
    assert not {k for k in _keys(extractor, text) if k[1] == "competesWith"}
    keys = _keys(extractor, "Renault, Ford et Volkswagen sont les concurrents directs de Stellantis.")
    assert ("Ford", "competesWith", "Stellantis", "affirmed") in keys
    assert ("Ford", "competesWith", "Volkswagen", "affirmed") not in keys


def test_an_english_apposition_names_the_company_it_follows(extractor):
    # the noun in "NAME, a rival of X" describes NAME, not the clause's subject
    keys = _keys(extractor, "Geely, which also controls Volvo Cars and Lotus, a direct rival of Aston Martin, "
                            "brings no technology.")
    assert ("Lotus", "competesWith", "Aston Martin", "affirmed") in keys
    assert ("Geely", "competesWith", "Aston Martin", "affirmed") not in keys
    keys = _keys(extractor, "BMW works with Toyota, a rival of Volkswagen, on hydrogen.")
    assert ("Toyota", "competesWith", "Volkswagen", "affirmed") in keys
    assert ("BMW", "competesWith", "Volkswagen", "affirmed") not in keys


def test_a_list_read_from_the_words_skips_an_apposition_and_its_complement(extractor):
    keys = _keys(extractor, "Renault teamed up with Geely, the owner of Volvo, and Aramco.")
    assert ("Renault", "partnerOf", "Aramco", "affirmed") in keys
    assert ("Geely", "shareholderOf", "Volvo", "affirmed") in keys  # named as the article names it
    assert not {k for k in keys if k[0] == "Renault" and k[2] == "Volvo"}


def test_a_hyphenated_unknown_name_is_read_whole(extractor):
    text = "L'éviction ne remet pas en cause J-Bus, la coentreprise d'autocars d'Isuzu et de Hino."
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    names = {s.object for s in statements} | {s.subject for s in statements}
    assert "J-Bus" in names and "Bus" not in names


def test_an_english_participle_after_a_comma_describes_the_name_before_it(extractor):
    keys = _keys(extractor, "Nissan buys most of its cells from AESC, now controlled by China's Envision Group.")
    assert ("AESC", "subsidiaryOf", "Envision Group", "affirmed") in keys
    assert ("Nissan", "subsidiaryOf", "Envision Group", "affirmed") not in keys


def test_a_possessive_reaches_past_a_place_name_before_the_noun(extractor):
    text = "Honda relies on a different partner: L-H Battery, its Ohio joint venture with LG Energy Solution."
    keys = _keys(extractor, text)
    assert ("Honda", "jointVenture", "LG Energy Solution", "affirmed") in keys
