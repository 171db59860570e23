"""The knowledge base (entities.ttl) read through alliance_kg.kb, on the real file."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from alliance_kg.data import data_path
from alliance_kg.kb import ORG_KINDS, load_kb, normalize
from alliance_kg.namespaces import AKA, AKE, entity_iri

GUIDELINE_ORGANISATIONS = (
    "Renault", "Nissan", "Mitsubishi", "Geely", "Aramco", "Ampere", "Horse",
    "Renault-Nissan-Mitsubishi Alliance",
)
GUIDELINE_TECHNOLOGIES = (
    "electric vehicles", "software", "connected car / cloud", "hybrid", "e-Power",
    "internal combustion engines", "batteries", "hydrogen", "synthetic fuels", "autonomous driving",
)
GUIDELINE_COUNTRIES = ("Japan", "France", "China", "Saudi Arabia")
# words that name a kind of thing, never one entity: no alias may be one of them
GENERIC = {
    "alliance", "l'alliance", "groupe", "le groupe", "group", "the group", "constructeur",
    "le constructeur", "carmaker", "the carmaker", "automaker", "company", "entreprise",
    "partenaire", "partner", "joint-venture", "joint venture", "coentreprise", "filiale",
    "electrique", "electric", "thermique", "technologie", "technology", "le japonais",
    "voiture", "car", "cars", "voitures", "moteur", "engine", "l'etat", "etat", "state",
    "gouvernement", "government", "agence", "agency",
}


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(str(data_path("entities.ttl")), format="turtle")
    return g


@pytest.fixture(scope="module")
def organisations(kb):
    return kb.of_kind(*ORG_KINDS)


# ------------------------------------------------------------------ look-ups


@pytest.mark.parametrize("alias, name", [
    ("groupe Renault", "Renault"),
    ("Groupe Renault", "Renault"),
    ("Renault Group", "Renault"),
    ("Nissan Motor Co.", "Nissan"),
    ("Mitsubishi Motors", "Mitsubishi"),
    ("Saudi Aramco", "Aramco"),
    ("Saudi Arabian Oil Company", "Aramco"),
    ("Horse Powertrain", "Horse"),
    ("Ampere SAS", "Ampere"),
    ("Alliance Renault-Nissan-Mitsubishi", "Renault-Nissan-Mitsubishi Alliance"),
    ("l'Alliance Renault-Nissan", "Renault-Nissan-Mitsubishi Alliance"),
    ("l’Alliance Renault-Nissan", "Renault-Nissan-Mitsubishi Alliance"),
    ("Zhejiang Geely", "Geely"),
    ("Geely Holding", "Geely"),
    ("groupe Volkswagen", "Volkswagen"),
    ("VW", "Volkswagen"),
    ("Hon Hai", "Foxconn"),
    ("groupe BAIC", "BAIC Group"),
    ("BAIC Motor Corporation", "BAIC Motor"),
    ("Agence France-Presse", "AFP"),
    ("Bloomberg News", "Bloomberg"),
    ("FCA", "Fiat Chrysler"),
    ("Groupe PSA", "PSA"),
    ("GM", "General Motors"),
    ("Hyundai Motor", "Hyundai"),
    ("Total", "TotalEnergies"),
    ("CITROEN", "Citroën"),
    ("États-Unis", "United States"),
    ("Etats-Unis", "United States"),
    ("USA", "United States"),
    ("Chine", "China"),
    ("Arabie saoudite", "Saudi Arabia"),
    ("véhicules électriques", "electric vehicles"),
    ("VE", "electric vehicles"),
    ("EVs", "electric vehicles"),
    ("logiciels", "software"),
    ("moteurs thermiques", "internal combustion engines"),
    ("e-POWER", "e-Power"),
    ("pile à combustible", "hydrogen"),
    ("e-carburants", "synthetic fuels"),
    ("conduite autonome", "autonomous driving"),
    ("Daimler AG", "Daimler"),  # the group that owned the Mercedes-Benz brand before 2022: annotators keep it apart
    ("Mercedes-Benz Group", "Mercedes-Benz"),
])
def test_lookup_finds_entity_by_alias(kb, alias, name):
    entity = kb.lookup(alias)
    assert entity is not None, alias
    assert entity.name == name


def test_lookup_kinds_and_countries(kb):
    assert kb.lookup("groupe Renault").kind == "Automaker"
    assert kb.lookup("Nissan Motor Co.").kind == "Automaker"
    assert kb.lookup("Saudi Aramco").kind == "EnergyCompany"
    assert kb.lookup("Horse").kind == "JointVenture"
    assert kb.lookup("Ampere").kind == "BusinessUnit"
    assert kb.lookup("Renault-Nissan-Mitsubishi Alliance").kind == "Alliance"
    assert kb.lookup("Reuters").kind == "NewsAgency"
    assert kb.lookup("Foxconn").kind == "TechnologyCompany"
    assert kb.lookup("Japan").kind == "Country"
    assert kb.lookup("hybrid").kind == "Technology"
    assert kb.lookup("Renault").country == str(AKE.france)
    assert kb.lookup("Nissan").country == str(AKE.japan)
    assert kb.lookup("Geely").country == str(AKE.china)
    assert kb.lookup("Aramco").country == str(AKE["saudi-arabia"])
    assert kb.lookup("Renault").qid == "Q6686"


def test_generic_words_are_not_aliases(kb):
    for word in sorted(GENERIC):
        assert kb.lookup(word) is None, word


@pytest.mark.parametrize("word, country", [
    ("japonaise", "Japan"), ("japonais", "Japan"), ("japonaises", "Japan"), ("Japanese", "Japan"),
    ("Chinese", "China"), ("chinoises", "China"),
    ("français", "France"), ("française", "France"), ("francaises", "France"), ("French", "France"),
    ("saoudien", "Saudi Arabia"), ("saoudiennes", "Saudi Arabia"), ("Saudi", "Saudi Arabia"),
    ("américaine", "United States"), ("US", "United States"), ("American", "United States"),
    ("allemands", "Germany"), ("German", "Germany"),
    ("sud-coréenne", "South Korea"), ("coréen", "South Korea"), ("Korean", "South Korea"),
    ("taïwanais", "Taiwan"), ("italienne", "Italy"), ("néerlandais", "Netherlands"),
    ("Dutch", "Netherlands"), ("suédoise", "Sweden"), ("britannique", "United Kingdom"),
    ("British", "United Kingdom"), ("indiens", "India"), ("espagnole", "Spain"),
])
def test_country_of_demonym(kb, word, country):
    entity = kb.country_of_demonym(word)
    assert entity is not None, word
    assert entity.name == country


# ------------------------------------------------------------------ coverage


def test_guideline_organisations_exist_with_their_canonical_names(kb):
    for name in GUIDELINE_ORGANISATIONS:
        entity = kb.lookup(name)
        assert entity is not None and entity.name == name, name
        assert entity.is_organisation
        assert entity.iri == entity_iri(name)


def test_guideline_technologies_exist_with_their_exact_canonical_names(kb):
    technologies = kb.of_kind("Technology")
    assert sorted(t.name for t in technologies) == sorted(GUIDELINE_TECHNOLOGIES)
    for name in GUIDELINE_TECHNOLOGIES:
        assert kb.get(entity_iri(name)).name == name


def test_guideline_countries_exist(kb):
    for name in GUIDELINE_COUNTRIES:
        entity = kb.lookup(name)
        assert entity is not None and entity.kind == "Country" and entity.name == name


def _guidelines() -> str | None:
    for base in Path(__file__).resolve().parents:
        candidate = base / "shared" / "annotation-guidelines.md"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return None


def test_canonical_names_quoted_in_the_guidelines_file(kb):
    text = _guidelines()
    if text is None:
        pytest.skip("shared/annotation-guidelines.md is not beside the repository")
    entities = text.split("## 2. Entities", 1)[1].split("## 3.", 1)[0]
    orgs = entities.split("Canonical name:", 1)[1].split(".\n", 1)[0]
    techs = entities.split("controlled vocabulary:", 1)[1].split("- **Countries**", 1)[0]
    countries = entities.split("English short names", 1)[1].split(".\n", 1)[0]
    for block, kind in ((orgs, None), (techs, "Technology"), (countries, "Country")):
        names = re.findall(r"`([^`]+)`", block)
        assert names, kind
        for name in names:
            entity = kb.lookup(name)
            assert entity is not None and entity.name == name, name
            if kind:
                assert entity.kind == kind, name


def test_counts(kb, organisations):
    assert len(organisations) >= 120
    assert len(kb.of_kind("Country")) >= 30
    assert len(kb.of_kind("Technology")) == 10
    kinds = {e.kind for e in organisations}
    assert {"Automaker", "EnergyCompany", "Supplier", "TechnologyCompany", "BusinessUnit",
            "JointVenture", "Alliance", "NewsAgency"} <= kinds


# ---------------------------------------------------------------- integrity


def test_no_normalised_alias_is_shared_by_two_entities(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in kb:
        for label in (entity.name, *entity.labels):
            owners[normalize(label)].add(entity.iri)
    shared = {label: sorted(iris) for label, iris in owners.items() if len(iris) > 1}
    assert shared == {}


def test_no_demonym_is_shared_by_two_countries(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in kb.of_kind("Country"):
        for demonym in entity.demonyms:
            owners[normalize(demonym)].add(entity.iri)
    assert {d: sorted(i) for d, i in owners.items() if len(i) > 1} == {}


def test_every_organisation_has_a_home_country(kb, organisations):
    countries = {c.iri for c in kb.of_kind("Country")}
    for entity in organisations:
        assert entity.country in countries, entity.name


def test_only_organisations_have_a_home_country(kb):
    for entity in kb:
        if not entity.is_organisation:
            assert entity.country is None, entity.name


def test_every_qid_is_well_formed_and_unique(kb, graph):
    seen: dict[str, str] = {}
    for entity in kb:
        if entity.qid is None:
            continue
        assert re.fullmatch(r"Q[0-9]+", entity.qid), (entity.name, entity.qid)
        assert entity.qid not in seen, (entity.name, seen.get(entity.qid))
        seen[entity.qid] = entity.name
    for match in graph.objects(None, SKOS.exactMatch):
        assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q[0-9]+", str(match)), match
    assert len(seen) >= 40


def test_every_country_has_a_qid_and_demonyms_in_both_languages(kb, graph):
    for country in kb.of_kind("Country"):
        assert country.qid, country.name
        langs = {d.language for d in graph.objects(URIRef(country.iri), AKA.demonym)}
        assert {"en", "fr"} <= langs, country.name


def test_french_demonyms_have_all_their_forms(kb):
    for word in ("japonais", "japonaise", "japonaises", "chinois", "chinoise", "chinoises",
                 "français", "française", "françaises", "saoudien", "saoudienne", "saoudiens",
                 "saoudiennes", "américain", "américaine", "américains", "américaines",
                 "allemand", "allemande", "allemands", "allemandes"):
        assert kb.country_of_demonym(word) is not None, word


def test_exactly_one_english_pref_label_per_entity(graph):
    subjects = set(graph.subjects(SKOS.prefLabel, None))
    assert len(subjects) > 150
    for subject in subjects:
        english = [n for n in graph.objects(subject, SKOS.prefLabel) if n.language in (None, "en")]
        assert len(english) == 1, subject


def test_every_entity_has_labels_in_english_and_french(graph):
    for subject in set(graph.subjects(SKOS.prefLabel, None)):
        langs = {label.language for label in graph.objects(subject, RDFS.label)}
        assert {"en", "fr"} <= langs, subject


def test_iris_are_slugs_of_canonical_names(kb):
    for entity in kb:
        assert entity.iri == entity_iri(entity.name), (entity.name, entity.iri)


def test_every_type_is_a_class_of_the_ontology(graph):
    ontology = Graph()
    ontology.parse(str(data_path("alliance.ttl")), format="turtle")
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    for cls in set(graph.objects(None, RDF.type)):
        if str(cls).startswith(str(AKA)):
            assert cls in classes, cls
    kinds = set(ORG_KINDS) | {"Country", "Technology"}
    for entity in load_kb():
        assert entity.kind in kinds, entity


def test_technology_concept_scheme(graph):
    scheme = AKE["technology-scheme"]
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    # the scheme is no entity of the knowledge base
    assert graph.value(scheme, SKOS.prefLabel) is None
    assert {"en", "fr"} <= {label.language for label in graph.objects(scheme, RDFS.label)}
    concepts = set(graph.subjects(RDF.type, AKA.Technology))
    assert len(concepts) == 10
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == concepts
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in graph
        assert (concept, SKOS.inScheme, scheme) in graph
        assert (concept, SKOS.topConceptOf, scheme) in graph
        alt_langs = {label.language for label in graph.objects(concept, SKOS.altLabel)}
        assert {"en", "fr"} <= alt_langs, concept


def test_alt_labels_do_not_repeat_the_pref_label(graph):
    for subject, pref in graph.subject_objects(SKOS.prefLabel):
        assert (subject, SKOS.altLabel, pref) not in graph, subject
