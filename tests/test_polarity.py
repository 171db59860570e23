"""Polarity: ties a sentence ends, excludes or negates are never emitted as affirmed, and double
negations or restrictions ("ne ... plus que", "did not hesitate") are not read as negations.

One sentence each, through the real French pipeline or the blank English one.
"""

from __future__ import annotations

import pytest

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module (both pipelines load on first use)."""
    return Extractor()


def polarities(extractor: Extractor, text: str, subject: str, predicate: str, obj: str) -> set[str]:
    """Return the polarities the extractor gives the tuple in ``text``."""
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    return {s.polarity for s in statements if (s.subject, s.predicate, s.object) == (subject, predicate, obj)}


@pytest.mark.parametrize("text, tup", [
    ("Mercedes-Benz a été actionnaire de Renault jusqu'en 2021.", ("Mercedes-Benz", "shareholderOf", "Renault")),
    ("Renault était partenaire de Nissan jusqu'en 2023.", ("Renault", "partnerOf", "Nissan")),
    ("Mercedes-Benz was a shareholder of Renault until 2021.", ("Mercedes-Benz", "shareholderOf", "Renault")),
    ("Forvia a cessé de fournir des sièges à Stellantis.", ("Forvia", "suppliesTo", "Stellantis")),
    ("Geely détenait 9,7 % de Mercedes-Benz avant de céder cette participation en 2024.",
     ("Geely", "shareholderOf", "Mercedes-Benz")),
    ("Renault s'allie à Geely mais pas à BYD.", ("Renault", "partnerOf", "BYD")),
    ("Aramco investit dans Horse, mais pas dans Ampere.", ("Aramco", "investsIn", "Ampere")),
    ("Renault a noué des partenariats avec Geely et Leapmotor, sauf avec BYD.", ("Renault", "partnerOf", "BYD")),
    ("CATL fournit des batteries à BMW et Mercedes-Benz, à l'exception de Volkswagen.",
     ("CATL", "suppliesTo", "Volkswagen")),
    ("Stellantis a préféré investir dans Leapmotor plutôt que dans Xpeng.", ("Stellantis", "investsIn", "Xpeng")),
    ("Nissan a assuré qu'il ne participerait pas à Horse.", ("Nissan", "memberOf", "Horse")),
    ("Aramco s'est retiré de Horse en 2025.", ("Aramco", "memberOf", "Horse")),
    ("Nissan n'est plus le partenaire de Renault dans Ampere.", ("Nissan", "partnerOf", "Renault")),
    ("Renault se désengage de Nissan.", ("Renault", "shareholderOf", "Nissan")),
    ("Nissan, l'ex-partenaire de Renault, se rapproche de Honda.", ("Nissan", "partnerOf", "Renault")),
    ("CATL supplies batteries to every German carmaker except Volkswagen.", ("CATL", "suppliesTo", "Volkswagen")),
    ("Stellantis chose Leapmotor rather than Xpeng as its Chinese partner.", ("Stellantis", "partnerOf", "Xpeng")),
    ("Mercedes-Benz once owned a stake in Tesla but sold it in 2014.", ("Mercedes-Benz", "shareholderOf", "Tesla")),
    ("GM held a stake in Lyft, which it sold last year.", ("GM", "shareholderOf", "Lyft")),
])
def test_an_ended_or_excluded_tie_is_negated(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


@pytest.mark.parametrize("text, tup", [
    ("Renault ne détient plus que 15 % de Nissan.", ("Renault", "shareholderOf", "Nissan")),
    ("Renault ne détient que 15 % de Nissan.", ("Renault", "shareholderOf", "Nissan")),
    ("Nissan n'a pas seulement investi dans Ampere : il s'est aussi allié à Honda.", ("Nissan", "investsIn", "Ampere")),
    ("Volkswagen n'a pas hésité à investir 700 millions de dollars dans Xpeng.", ("Volkswagen", "investsIn", "Xpeng")),
    ("Stellantis ne cache pas sa volonté de s'allier à Leapmotor.", ("Stellantis", "partnerOf", "Leapmotor")),
    ("Renault restera actionnaire de Nissan jusqu'en 2030.", ("Renault", "shareholderOf", "Nissan")),
    ("Volkswagen did not hesitate to invest $700 million in Xpeng.", ("Volkswagen", "investsIn", "Xpeng")),
    ("LG Energy Solution never stopped supplying batteries to GM.",
     ("LG Energy Solution", "suppliesTo", "GM")),
])
def test_a_double_negation_or_a_restriction_stays_affirmed(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"affirmed"}


@pytest.mark.parametrize("text, tup", [
    ("Renault n'a pas investi dans Nissan.", ("Renault", "investsIn", "Nissan")),
    ("LG Energy Solution stopped supplying batteries to GM.", ("LG Energy Solution", "suppliesTo", "GM")),
])
def test_a_plain_negation_still_negates(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


def test_a_negated_relative_clause_does_not_make_its_company_a_partner(extractor):
    text = "Geely, which does not hold any stake in Nissan, is deepening its partnership with Renault."
    assert polarities(extractor, text, "Geely", "partnerOf", "Nissan") == set()
    assert polarities(extractor, text, "Geely", "partnerOf", "Renault") == {"affirmed"}


def test_a_stake_in_another_company_sold_later_leaves_the_first_one(extractor):
    text = "Toyota owns 20% of Subaru and sold its stake in Isuzu."
    assert polarities(extractor, text, "Toyota", "shareholderOf", "Subaru") == {"affirmed"}
    assert polarities(extractor, text, "Toyota", "shareholderOf", "Isuzu") == {"negated"}


def test_an_apposition_after_a_negated_verb_describes_its_own_name(extractor):
    text = "Nissan a refusé d'investir dans Ampere, la filiale électrique de Renault."
    assert polarities(extractor, text, "Nissan", "investsIn", "Ampere") == {"negated"}
    assert polarities(extractor, text, "Ampere", "subsidiaryOf", "Renault") == {"affirmed"}
    assert polarities(extractor, text, "Nissan", "subsidiaryOf", "Renault") == set()


@pytest.mark.parametrize("text, absent, present", [
    ("Without waiting for Nissan, Renault teamed up with Geely.", ("Nissan", "partnerOf", "Renault"),
     ("Renault", "partnerOf", "Geely")),
    ("Although Nissan declined to comment, Renault confirmed its alliance with Geely.",
     ("Nissan", "partnerOf", "Geely"), ("Renault", "partnerOf", "Geely")),
])
def test_a_company_in_an_opening_phrase_is_not_the_subject(extractor, text, absent, present):
    assert polarities(extractor, text, *absent) == set()
    assert polarities(extractor, text, *present) == {"affirmed"}


def test_excluding_a_venture_negates_it_and_the_next_clause_is_apart(extractor):
    text = "Unlike Ford, which excluded a venture with CATL, Stellantis formed one."
    assert polarities(extractor, text, "Ford", "jointVenture", "CATL") == {"negated"}
    assert polarities(extractor, text, "Ford", "jointVenture", "Stellantis") == set()


def test_a_negation_before_but_stays_in_its_clause(extractor):
    text = "Renault no longer holds 43% of Nissan but still owns 15% of Mazda."
    assert polarities(extractor, text, "Renault", "shareholderOf", "Nissan") == {"negated"}
    assert polarities(extractor, text, "Renault", "shareholderOf", "Mazda") == {"affirmed"}
    text = "Renault did not sign a deal with Nissan but invested in Geely."
    assert polarities(extractor, text, "Renault", "investsIn", "Geely") == {"affirmed"}


def test_a_finite_conjoined_verb_has_its_own_polarity_an_infinitive_shares_it(extractor):
    text = "Renault n'a pas signé d'accord avec Nissan mais a investi dans Geely."
    assert polarities(extractor, text, "Renault", "investsIn", "Geely") == {"affirmed"}
    text = "Nissan ne veut pas investir dans Ampere et s'allier avec Geely."
    assert polarities(extractor, text, "Nissan", "partnerOf", "Geely") == {"negated"}



@pytest.mark.parametrize("text", ["Renault a invité Nissan à rejoindre Horse.",
                                  "Renault invited Nissan to join Horse."])
def test_the_invited_company_would_join_and_it_is_not_done(extractor, text):
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    found = {(s.subject, s.predicate, s.object, s.modality) for s in statements if s.predicate == "memberOf"}
    assert found == {("Nissan", "memberOf", "Horse", "speculative")}, found


def test_an_object_control_verb_under_a_negation(extractor):
    text = "Renault, allié à Geely et Aramco au sein de Horse, n'a pas invité Nissan à rejoindre la coentreprise."
    assert polarities(extractor, text, "Renault", "memberOf", "Horse") == {"affirmed"}
    assert polarities(extractor, text, "Nissan", "memberOf", "Horse") == {"negated"}


# Second probe round: constructions an independent writer used to provoke flips.
@pytest.mark.parametrize("text, tup", [
    ("Stellantis a formellement démenti les informations selon lesquelles il serait en discussions pour racheter "
     "Leapmotor, évoquant des rumeurs sans fondement.", ("Stellantis", "acquires", "Leapmotor")),
    ("Stellantis et Foxconn ont dissous leur coentreprise SiliconAuto.", ("Stellantis", "jointVenture", "Foxconn")),
    ("Le projet de coentreprise entre Ford et Rivian ne s'est jamais concrétisé.", ("Ford", "jointVenture", "Rivian")),
    ("Toyota a cessé de s'approvisionner auprès de Panasonic.", ("Panasonic", "suppliesTo", "Toyota")),
    ("General Motors pulled the plug on its plan to co-develop compact cars with Honda.",
     ("General Motors", "partnerOf", "Honda")),
    ("Mitsubishi has wound down its joint venture with GAC.", ("Mitsubishi", "jointVenture", "GAC")),
    ("The collapse of talks between Hyundai and Apple over a car-manufacturing partnership hit Kia's shares.",
     ("Hyundai", "partnerOf", "Apple")),
])
def test_ending_and_denying_words_over_a_tie_negate_it(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


@pytest.mark.parametrize("text, wrong", [
    ("Volvo Cars a racheté la participation de Northvolt dans Novo Energy.",
     [("Volvo Cars", "shareholderOf", "Northvolt"), ("Northvolt", "shareholderOf", "Novo Energy")]),
    ("Volvo Cars bought Northvolt's stake in Novo Energy last year.", [("Northvolt", "shareholderOf", "Novo Energy")]),
    ("A court ordered Suzuki to buy back the 19.9% stake Volkswagen held.",
     [("Suzuki", "shareholderOf", "Volkswagen"), ("Suzuki", "investsIn", "Volkswagen")]),
    ("Renault va racheter la participation de 51 % que Nissan détient dans Renault Nissan Automotive India.",
     [("Renault", "shareholderOf", "Nissan")]),
])
def test_the_seller_of_a_stake_holds_nothing_and_is_not_held(extractor, text, wrong):
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    found = {(s.subject, s.predicate, s.object) for s in statements if s.polarity == "affirmed"}
    assert not found & set(wrong)


def test_the_buyer_of_a_stake_holds_the_company_it_is_in(extractor):
    text = "Renault va racheter la participation de 51 % que Nissan détient dans Renault Nissan Automotive India."
    assert polarities(extractor, text, "Renault", "shareholderOf", "Renault Nissan Automotive India") == {"affirmed"}
    assert polarities(extractor, "Geely est monté au capital de PSA.", "Geely", "shareholderOf", "PSA") == {"affirmed"}


# Batch 6, untouched, had three flips: each construction is here.
def test_paused_talks_negate_the_venture(extractor):
    text = "Rivian Automotive has paused talks with Mercedes-Benz on a joint venture to build electric vans in Europe."
    assert polarities(extractor, text, "Rivian Automotive", "jointVenture", "Mercedes-Benz") == {"negated"}


def test_a_company_named_before_a_negated_trigger_noun(extractor):
    text = "The people said the deal does not involve any Tesla investment in LG Energy Solution."
    assert polarities(extractor, text, "Tesla", "investsIn", "LG Energy Solution") == {"negated"}


@pytest.mark.parametrize("text", [
    "Asked whether Uber might eventually take control of Nuro, a spokesperson said it had no plans to.",
    "Interrogé sur la question de savoir si Renault entrerait au capital de Nissan, il n'a pas répondu.",
])
def test_an_indirect_question_asserts_nothing(extractor, text):
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    assert not [s for s in statements if s.predicate != "basedIn"]


def test_a_stake_bought_in_a_venture_named_by_a_noun_is_not_a_stake_in_the_seller(extractor):
    text = "Iveco a racheté en 2023 la part de Nikola dans cette coentreprise, dont il est l'unique propriétaire."
    assert polarities(extractor, text, "Iveco", "shareholderOf", "Nikola") == set()


# Third probe round: a tie ended, denied or excluded later in the sentence.
@pytest.mark.parametrize("text, tup", [
    ("Le rachat de Valeo par Bosch a été bloqué par la Commission européenne.", ("Bosch", "acquires", "Valeo")),
    ("Il n'a jamais été question d'une fusion entre Renault et Stellantis, a assuré le directeur général.",
     ("Renault", "mergesWith", "Stellantis")),
    ("« Il est hors de question que Foxconn prenne le contrôle de Nissan », a martelé un responsable.",
     ("Foxconn", "acquires", "Nissan")),
    ("Selon le Nikkei, Honda envisagerait de racheter Nissan, une information aussitôt démentie par les deux "
     "constructeurs.", ("Honda", "acquires", "Nissan")),
    ("Tesla s'approvisionne auprès de CATL et de Panasonic, mais plus auprès de BYD depuis l'an dernier.",
     ("BYD", "suppliesTo", "Tesla")),
    ("Nikkei reported that Honda was considering buying Nissan, a report both carmakers swiftly denied.",
     ("Honda", "acquires", "Nissan")),
    ("A merger with Stellantis was never on the table, Renault's chief executive insisted.",
     ("Stellantis", "mergesWith", "Renault")),
    ("Two years of talks between Mercedes-Benz and BMW about a self-driving joint venture came to nothing.",
     ("Mercedes-Benz", "jointVenture", "BMW")),
    ("An antitrust veto from Brussels killed Stellantis's planned purchase of a large stake in Forvia.",
     ("Stellantis", "shareholderOf", "Forvia")),
    ("Nissan, once Renault's closest ally, is now looking for partners in electric vehicles.",
     ("Nissan", "partnerOf", "Renault")),
])
def test_a_tie_ended_denied_or_excluded_later_in_the_sentence(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


def test_a_later_clause_does_not_end_the_tie_before_it(extractor):
    text = ("Aston Martin said its partnership with Mercedes-Benz would continue for hybrid models, and that the "
            "German group had no plans to raise its holding.")
    assert polarities(extractor, text, "Aston Martin", "partnerOf", "Mercedes-Benz") == {"affirmed"}


@pytest.mark.parametrize("text, tup", [
    ("Honda would have merged with Nissan had the two sides agreed on governance.", ("Honda", "mergesWith", "Nissan")),
    ("The talks dragged on for six weeks without Subaru and Mazda ever agreeing on the terms of a merger.",
     ("Subaru", "mergesWith", "Mazda")),
])
def test_what_would_have_happened_did_not(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


def test_would_have_with_a_noun_is_no_counterfactual(extractor):
    text = "Honda said it would have a partnership with Nissan by March."
    assert polarities(extractor, text, "Honda", "partnerOf", "Nissan") == {"affirmed"}


# probe set 4 (120 sentences written without seeing the extractor): idioms, matrix negations, ranges


@pytest.mark.parametrize("text, tup", [
    ("Le projet d'alliance entre Kia et Ford pour des utilitaires est tombé à l'eau cet été.",
     ("Kia", "partnerOf", "Ford")),
    ("L'idée d'une fusion entre Mazda et Subaru a fait long feu en quelques semaines.",
     ("Mazda", "mergesWith", "Subaru")),
    ("Ford a tiré un trait sur sa participation dans Mazda, selon un document boursier.",
     ("Ford", "shareholderOf", "Mazda")),
    ("Il est faux de dire que Hyundai va entrer au capital de Kia, a réagi un porte-parole.",
     ("Hyundai", "shareholderOf", "Kia")),
    ("Volvo fut actionnaire de Renault de 1990 à 1994, avant l'échec de leur fusion.",
     ("Volvo", "shareholderOf", "Renault")),
    ("Daimler was a shareholder of Tesla from 2009 to 2014.", ("Daimler", "shareholderOf", "Tesla")),
    ("Nissan ceased to be a shareholder of Renault in March.", ("Nissan", "shareholderOf", "Renault")),
    ("The dissolution of the joint venture between Renault and Dongfeng was completed in 2023.",
     ("Renault", "jointVenture", "Dongfeng")),
    ("A Munich court struck down BMW's purchase of a stake in Rimac.", ("BMW", "shareholderOf", "Rimac")),
    ("Regulators barred Huawei from supplying chips to Volkswagen's plants.", ("Huawei", "suppliesTo", "Volkswagen")),
    ("Gone are the days when Bosch supplied Tesla with radars.", ("Bosch", "suppliesTo", "Tesla")),
])
def test_an_idiom_or_a_closed_range_ends_the_tie(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


def test_the_end_of_a_month_is_a_date_not_an_ending(extractor):
    text = "At the end of March, Geely completed its investment in Horse."
    assert polarities(extractor, text, "Geely", "investsIn", "Horse") == {"affirmed"}


def test_a_background_apposition_keeps_its_polarity_under_a_denial(extractor):
    text = "Verkor balaie toute idée de rapprochement avec ACC, la coentreprise de Stellantis et de TotalEnergies."
    assert polarities(extractor, text, "Stellantis", "memberOf", "ACC") == {"affirmed"}
    assert not polarities(extractor, text, "Stellantis", "mergesWith", "TotalEnergies")


def test_the_refuser_is_no_party_of_the_venture_an_apposition_describes(extractor):
    text = ("Le conseil de Nissan a refusé de participer au capital de Horse, la coentreprise de moteurs créée "
            "par Renault et Geely.")
    assert polarities(extractor, text, "Nissan", "memberOf", "Horse") == {"negated"}
    assert not polarities(extractor, text, "Nissan", "shareholderOf", "Horse") - {"negated"}
    assert not polarities(extractor, text, "Nissan", "jointVenture", "Renault")


@pytest.mark.parametrize(
    "text",
    [
        "Will Volvo take a stake in Isuzu, or the other way round?",
        "Renault va-t-il céder sa participation dans Nissan ?",
        "« Pourquoi Renault investirait-il dans Nissan ? »",
    ],
)
def test_a_direct_question_asserts_nothing(extractor, text):
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    assert [s for s in statements if s.predicate != "basedIn"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # an expletive "ne" after "avant que" negates nothing
        ("Les premiers fourgons sont sortis en 2013, bien avant que PSA ne fusionne avec Fiat Chrysler.",
         ("PSA", "mergesWith", "Fiat Chrysler", "affirmed")),
        # "ne ... que" far from its "ne" restricts: the merger happens, in 2021
        ("PSA ne fusionnera avec Fiat Chrysler qu'en 2021.", ("PSA", "mergesWith", "Fiat Chrysler", "affirmed")),
        # a second negative word before the "ne" still makes it a negation
        ("Ni Toyota ni Honda n'ont investi dans Xpeng.", ("Toyota", "investsIn", "Xpeng", "negated")),
        ("Renault n'investira pas dans Ampere.", ("Renault", "investsIn", "Ampere", "negated")),
    ],
)
def test_ne_without_a_second_negative_word_negates_nothing(extractor, text, expected):
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    keys = {(s.subject, s.predicate, s.object, s.polarity) for s in statements}
    assert expected in keys
    flipped = {"affirmed": "negated", "negated": "affirmed"}[expected[3]]
    assert (*expected[:3], flipped) not in keys


@pytest.mark.parametrize("text", [
    "Dec. 2024: Honda holds merger talks with Nissan that collapse in February.",  # a timeline's present tense
    "Honda a mené avec Nissan des discussions de fusion qui ont échoué en février.",
])
def test_talks_whose_own_relative_clause_ends_them_are_negated(extractor, text):
    assert polarities(extractor, text, "Honda", "mergesWith", "Nissan") == {"negated"}


def test_a_relative_clause_with_an_object_does_not_end_its_noun(extractor):
    text = "Renault et Geely ont créé une coentreprise qui a abandonné le projet de Valladolid."
    assert polarities(extractor, text, "Renault", "jointVenture", "Geely") == {"affirmed"}


def test_a_sale_a_company_has_no_intention_of_making_leaves_its_stake_held(extractor):
    text = "Rostec, qui détient 32 % d'Avtovaz, n'a « aucune intention » de vendre ses titres."
    assert polarities(extractor, text, "Rostec", "shareholderOf", "AvtoVAZ") == {"affirmed"}


@pytest.mark.parametrize("text", [
    "Geely n'a pas d'autre choix que de continuer à financer Polestar.",
    "Geely had no choice but to keep funding Polestar.",
])
def test_having_no_other_choice_but_to_do_it_is_doing_it(extractor, text):
    assert polarities(extractor, text, "Geely", "investsIn", "Polestar") == {"affirmed"}


@pytest.mark.parametrize("text, tup", [
    ("Fiat proposed a merger with Renault, but the French government blocked it.", ("Fiat", "mergesWith", "Renault")),
    ("Musk said he had once approached Apple about buying Tesla, but that Apple's boss had refused to meet him.",
     ("Apple", "acquires", "Tesla")),
    ("PSA a proposé une alliance à Opel, mais General Motors l'a refusée.", ("PSA", "partnerOf", "Opel")),
])
def test_a_tie_a_later_but_clause_turns_down_is_negated(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


@pytest.mark.parametrize("text, tup", [
    ("Toyota signed a deal with BYD, but BYD declined to comment on the terms.", ("Toyota", "partnerOf", "BYD")),
    ("Renault a signé un accord avec Geely, mais Geely s'est refusé à tout commentaire.",
     ("Renault", "partnerOf", "Geely")),
])
def test_a_refusal_to_comment_turns_nothing_down(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"affirmed"}


@pytest.mark.parametrize("text, tup", [
    ("General Motors, qui avait discuté d'un éventuel rapprochement avec Chrysler, n'avait pas donné suite.",
     ("General Motors", "mergesWith", "Chrysler")),
    ("Renault, qui envisageait une alliance avec Fiat, y a renoncé.", ("Renault", "partnerOf", "Fiat")),
])
def test_a_tie_told_in_a_relative_clause_that_the_main_clause_lets_drop_is_negated(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


@pytest.mark.parametrize("text, tup", [
    ("Renault, qui a signé un accord avec Nissan, n'a pas donné de détails.", ("Renault", "partnerOf", "Nissan")),
    ("Renault, qui détient 15 % de Nissan, n'a pas donné suite à l'offre de Fiat.",
     ("Renault", "shareholderOf", "Nissan")),
    ("Renault, qui détient 15 % de Nissan, a abandonné le projet.", ("Renault", "shareholderOf", "Nissan")),
])
def test_a_main_clause_about_something_else_leaves_the_relative_clause_tie(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"affirmed"}


@pytest.mark.parametrize(("text", "polarity"), [
    ("Fiat, qui avait aussi tenté de reprendre Opel, s'est vu préférer Magna.", "negated"),
    ("En 2009, Fiat a tenté de racheter Opel, sans succès.", "negated"),
])
def test_a_past_attempt_did_not_succeed(extractor, text, polarity):
    assert polarities(extractor, text, "Fiat", "acquires", "Opel") == {polarity}


@pytest.mark.parametrize("text, tup", [
    ("General Motors a étudié une prise de participation dans Opel avant d'y renoncer.",
     ("General Motors", "shareholderOf", "Opel")),
    ("Renault a envisagé de racheter Dacia, avant d'abandonner le projet.", ("Renault", "acquires", "Dacia")),
    ("Samsung held talks about buying Magneti Marelli, but no deal was reached, people familiar with the matter said.",
     ("Samsung", "acquires", "Magneti Marelli")),
    ("Toyota studied an investment in Tesla before dropping the idea.", ("Toyota", "investsIn", "Tesla")),
    ("Fisker held talks with Volkswagen about its platform, but those discussions did not lead to a deal.",
     ("Fisker", "partnerOf", "Volkswagen")),
    ("Lyft is stepping back from developing autonomous-driving technology.",
     ("Lyft", "developsTechnology", "autonomous driving")),
    ("Renault cède à Dongfeng sa moitié de Dacia.", ("Renault", "shareholderOf", "Dacia")),
    ("Renault avait étudié un rachat de Dacia, avant de renoncer faute de s'entendre sur le prix.",
     ("Renault", "acquires", "Dacia")),
])
def test_a_tie_dropped_later_in_its_sentence_is_negated(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"negated"}


@pytest.mark.parametrize("text, tup", [
    ("Nissan reste actionnaire de Renault, mais a abandonné ses droits de vote.",
     ("Nissan", "shareholderOf", "Renault")),
    ("Renault a racheté Dacia avant de la transformer.", ("Renault", "acquires", "Dacia")),
    ("Qualcomm voulait investir dans Ampere, mais Renault a renoncé en janvier à introduire Ampere en Bourse.",
     ("Qualcomm", "investsIn", "Ampere")),
])
def test_dropping_something_else_leaves_the_tie(extractor, text, tup):
    assert polarities(extractor, text, *tup) == {"affirmed"}
