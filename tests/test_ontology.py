"""The ontology (alliance.ttl) and the SHACL shapes (shapes.ttl), on the real files."""

from __future__ import annotations

import owlrl
import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from alliance_kg.data import data_path
from alliance_kg.namespaces import AKA, AKD, AKE, AKS, OA, ORG, SCHEMA, WDT
from alliance_kg.statement import PREDICATES, SYMMETRIC

SH = Namespace("http://www.w3.org/ns/shacl#")
# owlrl reports inconsistencies as `[] a err:ErrorMessage ; err:error "..."`
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
ONTOLOGY_IRI = URIRef("https://w3id.org/alliance-kg/ontology")

ORG_SUBCLASSES = (
    "Automaker", "EnergyCompany", "Supplier", "TechnologyCompany", "BusinessUnit",
    "JointVenture", "Alliance", "NewsAgency",
)
TECHNOLOGY_PREDICATES = ("seeksPartnership", "developsTechnology", "sharesTechnology")
ORG_PREDICATES = tuple(p for p in PREDICATES if p not in TECHNOLOGY_PREDICATES + ("basedIn",))


def _parse(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(str(data_path(name)), format="turtle")
    return graph


@pytest.fixture(scope="module")
def onto() -> Graph:
    return _parse("alliance.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _parse("shapes.ttl")


def _langs(graph: Graph, subject, predicate) -> set[str | None]:
    return {getattr(o, "language", None) for o in graph.objects(subject, predicate)}


def _list_members(graph: Graph, node) -> set:
    return set(Collection(graph, node))


# --------------------------------------------------------------------- header


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert {"en", "fr"} <= _langs(onto, ONTOLOGY_IRI, predicate)


def _own_terms(onto: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    return {s for k in kinds for s in onto.subjects(RDF.type, k)
            if isinstance(s, URIRef) and str(s).startswith(str(AKA))}


def test_every_term_has_labels_and_comments_in_english_and_french(onto):
    terms = _own_terms(onto)
    assert len(terms) > 40
    for term in sorted(terms):
        for predicate in (RDFS.label, RDFS.comment):
            assert {"en", "fr"} <= _langs(onto, term, predicate), (term, predicate)


def test_terms_used_in_the_ontology_are_declared(onto):
    declared = _own_terms(onto)
    used = {t for triple in onto for t in triple
            if isinstance(t, URIRef) and str(t).startswith(str(AKA))}
    assert used <= declared, used - declared


# -------------------------------------------------------------------- classes


def test_classes_and_their_superclasses(onto):
    expected = {
        AKA.Organisation: {ORG.Organization},
        AKA.Technology: {SKOS.Concept},
        AKA.Article: {PROV.Entity},
        AKA.Statement: {RDF.Statement, PROV.Entity},
        AKA.EdgeSummary: {RDF.Statement},
        **{AKA[name]: {AKA.Organisation} for name in ORG_SUBCLASSES},
    }
    for cls, supers in expected.items():
        assert (cls, RDF.type, OWL.Class) in onto, cls
        assert supers <= set(onto.objects(cls, RDFS.subClassOf)), cls
    for cls in (AKA.Country, AKA.Polarity, AKA.Modality):
        assert (cls, RDF.type, OWL.Class) in onto
    assert (AKA.Organisation, SKOS.closeMatch, SCHEMA.Organization) in onto
    assert (AKA.Country, SKOS.closeMatch, SCHEMA.Country) in onto
    assert (AKA.Article, SKOS.closeMatch, SCHEMA.NewsArticle) in onto


def test_top_classes_are_disjoint_but_organisation_kinds_are_not(onto):
    disjoint_sets = [_list_members(onto, onto.value(n, OWL.members))
                     for n in onto.subjects(RDF.type, OWL.AllDisjointClasses)]
    top = {AKA.Organisation, AKA.Technology, AKA.Country, AKA.Article, AKA.Statement}
    assert any(top <= members for members in disjoint_sets)
    kinds = {AKA[name] for name in ORG_SUBCLASSES}
    for members in disjoint_sets:
        assert len(members & kinds) <= 1
    for a, b in onto.subject_objects(OWL.disjointWith):
        assert not ({a, b} <= kinds), (a, b)


def test_polarity_and_modality_individuals(onto):
    expected = {AKA.Polarity: {AKA.Affirmed, AKA.Negated},
                AKA.Modality: {AKA.Asserted, AKA.Planned, AKA.Speculative}}
    for cls, individuals in expected.items():
        assert set(onto.subjects(RDF.type, cls)) == individuals
        enumeration = onto.value(onto.value(cls, OWL.equivalentClass), OWL.oneOf)
        assert _list_members(onto, enumeration) == individuals
    different = [_list_members(onto, onto.value(n, OWL.members))
                 for n in onto.subjects(RDF.type, OWL.AllDifferent)]
    assert any(set().union(*expected.values()) <= members for members in different)
    assert (AKA.UnnamedSources, RDF.type, PROV.Agent) in onto


# ----------------------------------------------------------------- predicates


@pytest.mark.parametrize("name", PREDICATES)
def test_predicate_is_defined_with_domain_range_labels_comments(onto, name):
    prop = AKA[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(prop, RDFS.domain) == AKA.Organisation
    if name in TECHNOLOGY_PREDICATES:
        expected_range = AKA.Technology
    elif name == "basedIn":
        expected_range = AKA.Country
    else:
        expected_range = AKA.Organisation
    assert onto.value(prop, RDFS.range) == expected_range
    assert len(list(onto.objects(prop, RDFS.domain))) == 1
    assert len(list(onto.objects(prop, RDFS.range))) == 1
    for predicate in (RDFS.label, RDFS.comment):
        assert {"en", "fr"} <= _langs(onto, prop, predicate)


def test_exactly_the_fifteen_predicates_have_organisation_domain(onto):
    with_org_domain = {str(p)[len(str(AKA)):] for p in onto.subjects(RDFS.domain, AKA.Organisation)}
    assert with_org_domain - {"homeCountry", "headquartersCity", "nationality"} == set(PREDICATES)


def test_symmetric_predicates(onto):
    symmetric = {str(p)[len(str(AKA)):] for p in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == set(SYMMETRIC) == {"partnerOf", "jointVenture", "mergesWith", "competesWith"}


def test_sub_properties(onto):
    assert (AKA.jointVenture, RDFS.subPropertyOf, AKA.partnerOf) in onto
    assert (AKA.mergesWith, RDFS.subPropertyOf, AKA.partnerOf) in onto
    assert (AKA.memberOf, RDFS.subPropertyOf, ORG.memberOf) in onto
    assert (AKA.subsidiaryOf, RDFS.subPropertyOf, ORG.subOrganizationOf) in onto
    assert (AKA.attributedTo, RDFS.subPropertyOf, PROV.wasAttributedTo) in onto


def test_wikidata_alignments_are_the_fitting_ones(onto):
    assert (AKA.subsidiaryOf, SKOS.closeMatch, WDT.P749) in onto
    assert (AKA.subsidiaryOf, SKOS.relatedMatch, WDT.P355) in onto
    assert (AKA.memberOf, SKOS.closeMatch, WDT.P463) in onto
    assert (AKA.shareholderOf, SKOS.relatedMatch, WDT.P127) in onto
    assert (AKA.shareholderOf, SKOS.closeMatch, WDT.P127) not in onto
    assert (AKA.basedIn, SKOS.closeMatch, SCHEMA.location) in onto
    # no Wikidata property says "partner" or "joint venture with"
    for name in ("partnerOf", "jointVenture", "mergesWith", "competesWith", "distrusts"):
        mapped = [o for p in (SKOS.closeMatch, SKOS.relatedMatch, SKOS.exactMatch)
                  for o in onto.objects(AKA[name], p)]
        assert not [o for o in mapped if str(o).startswith(str(WDT))], name
    allowed = {WDT[p] for p in ("P749", "P355", "P463", "P127", "P1830", "P17", "P159", "P1549")}
    used = {o for p in (SKOS.closeMatch, SKOS.relatedMatch, SKOS.exactMatch)
            for o in onto.objects(None, p) if str(o).startswith(str(WDT))}
    assert used <= allowed


def test_statement_qualifiers(onto):
    for prop, rng in ((AKA.polarity, AKA.Polarity), (AKA.modality, AKA.Modality)):
        assert (prop, RDF.type, OWL.FunctionalProperty) in onto
        assert onto.value(prop, RDFS.range) == rng
        assert onto.value(prop, RDFS.domain) == AKA.Statement
    assert onto.value(AKA.attributedTo, RDFS.range) == PROV.Agent
    assert (AKA.share, RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(AKA.share, RDFS.range) == XSD.decimal
    assert onto.value(AKA.evidence, RDFS.range) == OA.SpecificResource
    assert (AKA.extractorVersion, RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(AKA.supportCount, RDFS.range) == XSD.integer
    for prop in (AKA.supportCount, AKA.firstSeen, AKA.lastSeen):
        assert onto.value(prop, RDFS.domain) == AKA.EdgeSummary
    assert onto.value(AKA.sha256, RDFS.domain) == AKA.Article
    assert onto.value(AKA.homeCountry, RDFS.range) == AKA.Country
    assert (AKA.demonym, RDF.type, OWL.DatatypeProperty) in onto
    comment = " ".join(str(c) for c in onto.objects(AKA.Statement, RDFS.comment))
    assert "prov:wasDerivedFrom" in comment and "dcterms:date" in comment


# -------------------------------------------------------------- OWL-RL closure


def owl_rl_problems(graph: Graph) -> list[str]:
    """Expand a copy of ``graph`` under OWL-RL and return its inconsistencies."""
    closure = Graph()
    for triple in graph:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    problems = [f"error: {closure.value(m, ERR.error)}"
                for m in closure.subjects(RDF.type, ERR.ErrorMessage)]
    problems += [f"owl:Nothing member: {x}" for x in closure.subjects(RDF.type, OWL.Nothing)]
    problems += [f"sameAs: {a} = {b}" for a, b in closure.subject_objects(OWL.sameAs)
                 if a != b and isinstance(a, URIRef) and isinstance(b, URIRef)]
    return sorted(problems)


@pytest.fixture(scope="module")
def onto_and_entities() -> Graph:
    return _parse("alliance.ttl", "entities.ttl")


def test_ontology_and_entities_are_consistent_under_owl_rl(onto_and_entities):
    assert owl_rl_problems(onto_and_entities) == []


def _with(graph: Graph, turtle: str) -> Graph:
    extended = Graph()
    for triple in graph:
        extended.add(triple)
    extended.parse(data=PREFIXES + turtle, format="turtle")
    return extended


PREFIXES = """
@prefix aka: <https://w3id.org/alliance-kg/ontology#> .
@prefix ake: <https://w3id.org/alliance-kg/entity/> .
@prefix aks: <https://w3id.org/alliance-kg/statement/> .
@prefix akd: <https://w3id.org/alliance-kg/article/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


@pytest.fixture(scope="module")
def onto_and_some_entities(onto_and_entities) -> Graph:
    """The ontology with four entities of the knowledge base: a fast closure."""
    graph = _parse("alliance.ttl")
    for name in ("renault", "nissan", "france", "japan"):
        for triple in onto_and_entities.triples((AKE[name], None, None)):
            graph.add(triple)
    return graph


@pytest.mark.parametrize("turtle, expected", [
    # an organisation cannot also be a country (AllDisjointClasses)
    ("ake:renault a aka:Country .", "error: Disjoint classes"),
    # basedIn's range makes the organisation Nissan a country
    ("ake:renault aka:basedIn ake:nissan .", "error: Disjoint classes"),
    # homeCountry is functional: two home countries would be the same country
    ("ake:renault aka:homeCountry ake:japan .", "sameAs:"),
    # polarity is functional and the two polarities are declared different
    ("aks:s1 a aka:Statement ; aka:polarity aka:Affirmed, aka:Negated .", "error:"),
    # developsTechnology's range makes Nissan a technology
    ("ake:renault aka:developsTechnology ake:nissan .", "error: Disjoint classes"),
])
def test_owl_rl_check_detects_inconsistencies(onto_and_some_entities, turtle, expected):
    assert owl_rl_problems(onto_and_some_entities) == []
    problems = owl_rl_problems(_with(onto_and_some_entities, turtle))
    assert any(p.startswith(expected) for p in problems), problems


def test_owl_rl_infers_symmetric_and_super_properties(onto):
    closure = _with(onto, "ake:renault aka:jointVenture ake:geely .")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    assert (AKE.geely, AKA.jointVenture, AKE.renault) in closure
    assert (AKE.geely, AKA.partnerOf, AKE.renault) in closure
    assert (AKE.renault, RDF.type, AKA.Organisation) in closure


# ----------------------------------------------------------------------- SHACL

GOOD = """
aks:s1 a aka:Statement ;
    rdf:subject ake:nissan ; rdf:predicate aka:distrusts ; rdf:object ake:geely ;
    aka:polarity aka:Affirmed ; aka:modality aka:Asserted ;
    aka:attributedTo aka:UnnamedSources ;
    prov:value "Le groupe japonais se méfie de Geely." ;
    aka:evidence aks:s1-evidence ;
    prov:wasDerivedFrom akd:a1 ;
    dcterms:date "2023-04"^^xsd:gYearMonth ;
    aka:extractorVersion "0.1.0" .
aks:s1-evidence a oa:SpecificResource ;
    oa:hasSource akd:a1 ;
    oa:hasSelector aks:s1-position, aks:s1-quote .
aks:s1-position a oa:TextPositionSelector ;
    oa:start "118"^^xsd:nonNegativeInteger ; oa:end "154"^^xsd:nonNegativeInteger .
aks:s1-quote a oa:TextQuoteSelector ; oa:exact "Le groupe japonais se méfie de Geely." .

aks:s2 a aka:Statement ;
    rdf:subject ake:renault ; rdf:predicate aka:shareholderOf ; rdf:object ake:nissan ;
    aka:polarity aka:Affirmed ; aka:modality aka:Asserted ;
    aka:attributedTo ake:reuters ;
    aka:share "43"^^xsd:decimal ;
    prov:value "Renault détient 43 % de Nissan." ;
    aka:evidence aks:s2-evidence ;
    prov:wasDerivedFrom akd:a1 ;
    aka:extractorVersion "0.1.0" .
aks:s2-evidence a oa:SpecificResource ;
    oa:hasSource akd:a1 ;
    oa:hasSelector aks:s2-position, aks:s2-quote .
aks:s2-position a oa:TextPositionSelector ; oa:start 0 ; oa:end 31 .
aks:s2-quote a oa:TextQuoteSelector ; oa:exact "Renault détient 43 % de Nissan." .

aks:s3 a aka:Statement ;
    rdf:subject ake:nissan ; rdf:predicate aka:basedIn ; rdf:object ake:japan ;
    aka:polarity aka:Affirmed ; aka:modality aka:Asserted ;
    prov:value "Le constructeur japonais Nissan." ;
    aka:evidence aks:s3-evidence ;
    prov:wasDerivedFrom akd:a1 ;
    aka:extractorVersion "0.1.0" .
aks:s3-evidence a oa:SpecificResource ;
    oa:hasSource akd:a1 ;
    oa:hasSelector aks:s3-position, aks:s3-quote .
aks:s3-position a oa:TextPositionSelector ; oa:start 40 ; oa:end 72 .
aks:s3-quote a oa:TextQuoteSelector ; oa:exact "Le constructeur japonais Nissan." .

aks:s4 a aka:Statement ;
    rdf:subject ake:nissan ; rdf:predicate aka:developsTechnology ; rdf:object ake:e-power ;
    aka:polarity aka:Affirmed ; aka:modality aka:Planned ;
    prov:value "sa technologie hybride e-Power" ;
    aka:evidence aks:s4-evidence ;
    prov:wasDerivedFrom akd:a1 ;
    aka:extractorVersion "0.1.0" .
aks:s4-evidence a oa:SpecificResource ;
    oa:hasSource akd:a1 ;
    oa:hasSelector aks:s4-position, aks:s4-quote .
aks:s4-position a oa:TextPositionSelector ; oa:start 72 ; oa:end 102 .
aks:s4-quote a oa:TextQuoteSelector ; oa:exact "sa technologie hybride e-Power" .

akd:a1 a aka:Article ;
    dcterms:identifier "a1" ;
    dcterms:date "2023-04"^^xsd:gYearMonth ;
    schema:inLanguage "fr" ;
    aka:sha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" .

ake:nissan a aka:Automaker ; skos:prefLabel "Nissan"@en .
ake:geely a aka:Automaker ; skos:prefLabel "Geely"@en .
ake:renault a aka:Automaker ; skos:prefLabel "Renault"@en .
ake:reuters a aka:NewsAgency ; skos:prefLabel "Reuters"@en .
ake:japan a aka:Country ; skos:prefLabel "Japan"@en .
ake:e-power a aka:Technology ; skos:prefLabel "e-Power"@en .
ake:unknown-venture a aka:Organisation ; skos:prefLabel "Unknown Venture"@en .

ake:renault aka:shareholderOf ake:nissan .
ake:nissan aka:distrusts ake:geely ; aka:basedIn ake:japan .
ake:nissan aka:memberOf ake:unknown-venture .

aks:e1 a aka:EdgeSummary ;
    rdf:subject ake:nissan ; rdf:predicate aka:distrusts ; rdf:object ake:geely ;
    aka:supportCount 1 ; aka:supportedBy aks:s1 ;
    aka:firstSeen "2023-04"^^xsd:gYearMonth ; aka:lastSeen "2023-04"^^xsd:gYearMonth .
"""


def _graph(turtle: str) -> Graph:
    graph = Graph()
    graph.parse(data=PREFIXES + turtle, format="turtle")
    return graph


def _validate(data: Graph, shapes: Graph, ontology: Graph):
    """Validate as alliance_kg.validate does: the class checks need the ontology's class hierarchy."""
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none",
        advanced=True, allow_warnings=False,
    )
    messages = sorted(str(m) for m in results.objects(None, SH.resultMessage))
    return conforms, messages, text


def test_shapes_parse_and_are_a_valid_shapes_graph(shapes, onto):
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) >= 8
    conforms, _, text = pyshacl.validate(_graph(GOOD), shacl_graph=shapes, ont_graph=onto, meta_shacl=True)
    assert conforms, text


def test_every_shape_has_an_english_message(shapes):
    """Named shapes and the property shapes of named shapes report their own message."""
    named = {s for k in (SH.NodeShape, SH.PropertyShape) for s in shapes.subjects(RDF.type, k)
             if isinstance(s, URIRef)}
    properties = {p for s in named for p in shapes.objects(s, SH.property)}
    assert len(named) >= 20
    for shape in named | properties:
        assert "en" in _langs(shapes, shape, SH.message), shape


def test_shapes_use_shacl_core_only(shapes):
    """SPARQL constraints are re-parsed for every focus node: far too slow for big graphs."""
    assert not list(shapes.subject_objects(SH.sparql))


def test_good_statement_graph_conforms(shapes, onto):
    conforms, messages, text = _validate(_graph(GOOD), shapes, onto)
    assert conforms, text


def test_the_shapes_need_the_class_hierarchy(shapes, onto):
    """An aka:Automaker is an organisation through rdfs:subClassOf only."""
    conforms, messages, _ = _validate(_graph(GOOD), shapes, Graph())
    assert not conforms and any("must be an organisation" in m for m in messages)


def _mutated(remove=(), add=()) -> Graph:
    graph = _graph(GOOD)
    for triple in remove:
        graph.remove(triple)
    for triple in add:
        graph.add(triple)
    return graph


BAD_CASES = {
    "missing polarity": (
        [(AKS.s1, AKA.polarity, None)], [], "exactly one aka:polarity"),
    "share 150": (
        [(AKS.s2, AKA.share, None)], [(AKS.s2, AKA.share, Literal("150", datatype=XSD.decimal))],
        "between 0 and 100"),
    "share not a decimal": (
        [(AKS.s2, AKA.share, None)], [(AKS.s2, AKA.share, Literal("43 %"))], "between 0 and 100"),
    "basedIn statement with an organisation object": (
        [(AKS.s3, RDF.object, None)], [(AKS.s3, RDF.object, AKE.geely)], "must be an aka:Country"),
    "distrusts statement with a country object": (
        [(AKS.s1, RDF.object, None)], [(AKS.s1, RDF.object, AKE.japan)], "must be an organisation"),
    "technology statement with an organisation object": (
        [(AKS.s4, RDF.object, None)], [(AKS.s4, RDF.object, AKE.geely)], "must be an aka:Technology"),
    "country as subject": (
        [(AKS.s1, RDF.subject, None)], [(AKS.s1, RDF.subject, AKE.japan)], "must be an organisation"),
    "unknown predicate": (
        [(AKS.s1, RDF.predicate, None)], [(AKS.s1, RDF.predicate, AKA.likes)],
        "one of the 15 aka: relationship predicates"),
    "two objects": (
        [], [(AKS.s1, RDF.object, AKE.renault)], "exactly one rdf:object"),
    "unknown modality": (
        [(AKS.s1, AKA.modality, None)], [(AKS.s1, AKA.modality, AKA.Maybe)], "aka:modality"),
    "two attributions": (
        [], [(AKS.s1, AKA.attributedTo, AKE.reuters)], "at most one aka:attributedTo"),
    "start after end": (
        [(AKS["s1-position"], OA.start, None)],
        [(AKS["s1-position"], OA.start, Literal(200, datatype=XSD.nonNegativeInteger))],
        "not greater than oa:end"),
    "missing end": (
        [(AKS["s1-position"], OA.end, None)], [], "oa:end"),
    "no position selector": (
        [(AKS["s1-evidence"], OA.hasSelector, AKS["s1-position"])], [], "oa:TextPositionSelector"),
    "no evidence": (
        [(AKS.s1, AKA.evidence, None)], [], "exactly one aka:evidence"),
    "quote differs from value": (
        [(AKS["s1-quote"], OA.exact, None)], [(AKS["s1-quote"], OA.exact, Literal("autre chose"))],
        "must equal its prov:value"),
    "missing prov:value": (
        [(AKS.s1, PROV.value, None)], [], "exactly one prov:value"),
    "derived from a non-article": (
        [(AKS.s1, PROV.wasDerivedFrom, None)], [(AKS.s1, PROV.wasDerivedFrom, AKD.nowhere)],
        "an aka:Article"),
    "bad sha256": (
        [(AKD.a1, AKA.sha256, None)], [(AKD.a1, AKA.sha256, Literal("XYZ"))], "aka:sha256"),
    "bad article date": (
        [(AKD.a1, DCTERMS.date, None)], [(AKD.a1, DCTERMS.date, Literal("April 2023"))],
        "dcterms:date"),
    "entity without prefLabel": (
        [(AKE.geely, SKOS.prefLabel, None)], [], "skos:prefLabel"),
    "direct basedIn to an organisation": (
        [], [(AKE.nissan, AKA.basedIn, AKE.renault)], "must be an aka:Country"),
    "direct partnerOf to a technology": (
        [], [(AKE.nissan, AKA.partnerOf, AKE["e-power"])], "must be an organisation"),
    "edge summary with zero support": (
        [(AKS.e1, AKA.supportCount, None)], [(AKS.e1, AKA.supportCount, Literal(0))],
        "aka:supportCount"),
    "edge summary with a country object for an org predicate": (
        [(AKS.e1, RDF.object, None)], [(AKS.e1, RDF.object, AKE.japan)], "must be an organisation"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_statement_graph_does_not_conform(shapes, onto, case):
    remove, add, expected = BAD_CASES[case]
    conforms, messages, text = _validate(_mutated(remove, add), shapes, onto)
    assert not conforms, case
    assert any(expected in m for m in messages), (case, messages)


def test_the_three_required_bad_cases_together(shapes, onto):
    """Missing polarity, share 150 and an organisation as basedIn object."""
    data = _mutated(
        remove=[(AKS.s1, AKA.polarity, None), (AKS.s2, AKA.share, None), (AKS.s3, RDF.object, None)],
        add=[(AKS.s2, AKA.share, Literal("150", datatype=XSD.decimal)), (AKS.s3, RDF.object, AKE.geely)],
    )
    for ontology in (Graph(), onto):
        conforms, messages, _ = _validate(data, shapes, ontology)
        assert not conforms
        focus = " ".join(messages)
        assert "aka:polarity" in focus and "between 0 and 100" in focus
        assert "must be an aka:Country" in focus


def test_unknown_node_kinds_are_not_blank(shapes, onto):
    data = _mutated()
    blank = BNode()
    data.add((blank, RDF.type, AKA.Statement))
    conforms, messages, _ = _validate(data, shapes, onto)
    assert not conforms
