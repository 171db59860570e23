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
