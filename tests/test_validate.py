"""SHACL validation with pySHACL and the shipped shapes."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from alliance_kg.graph import statements_graph_iri
from alliance_kg.namespaces import AKA, AKE
from alliance_kg.validate import Report, ValidationResult, format_report, validate_graph


def _statement(ds, predicate):
    graph = ds.graph(statements_graph_iri("seed-nissan-horse"))
    return graph, next(graph.subjects(RDF.predicate, AKA[predicate]))


def test_the_seed_graph_conforms(seed_dataset):
    report = validate_graph(seed_dataset)
    assert report.conforms, format_report(report)
    assert report.results == []
    assert format_report(report) == "Conforms: the graph satisfies every shape."


def test_a_statement_missing_its_subject_does_not_conform(seed_dataset):
    graph, node = _statement(seed_dataset, "distrusts")
    graph.remove((node, RDF.subject, None))
    report = validate_graph(seed_dataset)
    assert not report.conforms
    assert any(r.focus.startswith("aks:") and r.path == "rdf:subject" and r.severity == "Violation"
               for r in report.violations)
    text = format_report(report)
    assert text.startswith("Does not conform:") and "rdf:subject" in text


def test_a_negative_share_does_not_conform(seed_dataset):
    graph, node = _statement(seed_dataset, "shareholderOf")
    graph.set((node, AKA.share, Literal("-5.0", datatype=XSD.decimal)))
    report = validate_graph(seed_dataset)
    assert not report.conforms
    (result,) = [r for r in report.results if r.path == "aka:share"]
    assert "-5.0" in result.message and result.focus == f"aks:{str(node).rsplit('/', 1)[-1]}"


def test_a_share_over_100_and_a_string_share_do_not_conform(seed_dataset):
    graph, node = _statement(seed_dataset, "shareholderOf")
    graph.set((node, AKA.share, Literal("143.0", datatype=XSD.decimal)))
    assert not validate_graph(seed_dataset).conforms
    graph.set((node, AKA.share, Literal("43")))
    assert not validate_graph(seed_dataset).conforms


def test_range_is_checked_on_statements(seed_dataset):
    graph, node = _statement(seed_dataset, "basedIn")
    graph.set((node, RDF.object, AKE.renault))  # basedIn must point to a country
    report = validate_graph(seed_dataset)
    assert not report.conforms
    assert any("aka:Country" in r.message and r.focus.startswith("aks:") for r in report.violations)


def test_subclasses_of_organisation_count_as_organisations(seed_dataset):
    # an entity typed with a subclass the shapes do not list is accepted through the ontology
    seed_dataset.default_graph.set((AKE.geely, RDF.type, AKA.Automaker))
    novel = URIRef(str(AKA) + "Carmaker")
    seed_dataset.default_graph.add((novel, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"), AKA.Automaker))
    seed_dataset.default_graph.set((AKE.geely, RDF.type, novel))
    assert validate_graph(seed_dataset).conforms


def test_format_report_lists_focus_path_and_message():
    report = Report(False, [
        ValidationResult("aks:a", "rdf:subject", "A statement has exactly one rdf:subject, an IRI.", "Violation"),
        ValidationResult("aks:b", None, "Odd.", "Warning"),
    ])
    text = format_report(report)
    assert text.splitlines()[0] == "Does not conform: 1 violation, 1 warning."
    assert "Violation  aks:a\n  path:    rdf:subject\n  message: A statement has exactly one" in text
    assert "Warning    aks:b\n  message: Odd." in text


# The range rules are "if rdf:predicate is one of ..., then rdf:object must be ...": each is
# checked on statements and on edge summaries, for the kind of object each rule forbids.

def _statement_with(ds, predicate, obj):
    graph, node = _statement(ds, predicate)
    graph.set((node, RDF.object, obj))
    return f"aks:{str(node).rsplit('/', 1)[-1]}"


def _focus_messages(report, focus):
    return [r.message for r in report.violations if r.focus == focus]


def test_a_based_in_statement_whose_object_is_a_technology_does_not_conform(seed_dataset):
    focus = _statement_with(seed_dataset, "basedIn", AKE["e-power"])
    report = validate_graph(seed_dataset)
    assert any("must be an aka:Country" in m for m in _focus_messages(report, focus))


def test_a_joint_venture_whose_object_is_a_technology_or_a_country_does_not_conform(seed_dataset):
    for obj in (AKE["e-power"], AKE.japan, Literal("Geely")):
        focus = _statement_with(seed_dataset, "jointVenture", obj)
        report = validate_graph(seed_dataset)
        assert any("jointVenture" in m and "must be an organisation" in m
                   for m in _focus_messages(report, focus)), obj


def test_a_technology_statement_whose_object_is_an_organisation_does_not_conform(seed_dataset):
    focus = _statement_with(seed_dataset, "developsTechnology", AKE.renault)
    report = validate_graph(seed_dataset)
    assert any("must be an aka:Technology" in m for m in _focus_messages(report, focus))


def test_range_is_checked_on_edge_summaries(seed_dataset):
    default = seed_dataset.default_graph
    edge = next(s for s in default.subjects(RDF.type, AKA.EdgeSummary)
                if default.value(s, RDF.predicate) == AKA.basedIn)
    default.set((edge, RDF.object, AKE.renault))
    report = validate_graph(seed_dataset)
    focus = f"aks:{str(edge).rsplit('/', 1)[-1]}"
    assert any("must be an aka:Country" in m for m in _focus_messages(report, focus))


def test_a_range_rule_applies_only_to_its_predicates(seed_dataset):
    assert validate_graph(seed_dataset).conforms  # basedIn to a country, jointVenture to an organisation, ...
    # an unknown predicate is reported once, by the predicate check, not by a range rule
    graph, node = _statement(seed_dataset, "distrusts")
    graph.set((node, RDF.predicate, AKA.likes))
    focus = f"aks:{str(node).rsplit('/', 1)[-1]}"
    messages = _focus_messages(validate_graph(seed_dataset), focus)
    assert len(messages) == 1 and "one of the 15 aka: relationship predicates" in messages[0]


def test_a_country_as_subject_is_reported_on_the_statement_and_on_the_entity(seed_dataset):
    graph, node = _statement(seed_dataset, "distrusts")
    graph.set((node, RDF.subject, AKE.japan))
    report = validate_graph(seed_dataset)
    focus = f"aks:{str(node).rsplit('/', 1)[-1]}"
    assert any(r.path == "rdf:subject" and "must be an organisation" in r.message
               for r in report.violations if r.focus == focus)
    assert any(r.focus == "ake:japan" and r.message.startswith("Must be an organisation")
               for r in report.violations)


def test_every_kind_of_organisation_is_an_organisation(seed_dataset):
    for kind in ("Organisation", "EnergyCompany", "Supplier", "TechnologyCompany", "BusinessUnit",
                 "JointVenture", "Alliance", "NewsAgency"):
        seed_dataset.default_graph.set((AKE.geely, RDF.type, AKA[kind]))
        report = validate_graph(seed_dataset)
        assert report.conforms, (kind, format_report(report))
