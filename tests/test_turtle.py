"""The fast Turtle writer gives the bytes rdflib's sorted Turtle serializer gives, or steps aside."""

from __future__ import annotations

import io

import pyoxigraph
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from alliance_kg.graph import bind_prefixes, union_graph
from alliance_kg.namespaces import AKA, AKE, AKS
from alliance_kg.rdfio import _SortedTurtleSerializer, parse_data, serialize
from alliance_kg.turtle import sorted_turtle


def _rdflib_turtle(ds) -> str:
    stream = io.BytesIO()
    _SortedTurtleSerializer(union_graph(ds)).serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


def _fast(ds) -> str | None:
    return sorted_turtle((s, p, o) for s, p, o, _ in ds.quads((None, None, None, None)))


def _odd_dataset() -> Dataset:
    """Return a dataset with what rdflib writes in special ways: several objects, labels, odd IRIs, literals."""
    ds = bind_prefixes(Dataset())
    node, other = AKE["odd"], AKE["other"]
    graph = ds.graph(URIRef("https://w3id.org/alliance-kg/article/odd/statements"))
    for triple in [
        (node, RDF.type, AKA.Automaker), (node, RDF.type, AKA.Organisation),
        (node, RDFS.label, Literal("Odd", lang="EN")), (node, RDFS.label, Literal("Bizarre", lang="fr")),
        (node, SKOS.altLabel, Literal('a "quoted"\nline\\')),
        (node, SKOS.altLabel, Literal("42", datatype=XSD.integer)),
        (node, SKOS.altLabel, Literal("2.5", datatype=XSD.decimal)),
        (node, SKOS.altLabel, Literal("true", datatype=XSD.boolean)),
        (node, SKOS.altLabel, Literal("x", datatype=URIRef("http://example.org/dt"))),
        (node, AKA.partnerOf, other), (node, AKA.partnerOf, AKE["zeta"]), (node, AKA.partnerOf, AKE["alpha"]),
        (node, AKA.partnerOf, URIRef("http://example.org/not-bound#x")),
        (node, AKA.partnerOf, AKE["with.dot."]), (node, AKA.partnerOf, AKE["é-accent"]),
        (node, AKA.partnerOf, AKE["-dash"]), (node, AKA.partnerOf, AKE["(paren)"]), (node, AKA.partnerOf, AKE["50%"]),
        (node, AKA.partnerOf, AKE[""]), (node, AKA.partnerOf, RDF.nil),
        (URIRef("http://example.org/s"), AKA.competesWith, node),
        (AKS["1e77753529a65397-evidence"], RDF.type, AKA.Statement),
    ]:
        graph.add(triple)
    ds.default_graph.add((node, SKOS.prefLabel, Literal("Odd", lang="en")))
    graph.add((node, SKOS.prefLabel, Literal("Odd", lang="en")))  # the same triple in two graphs: written once
    return ds


def test_same_bytes_as_rdflib_on_the_seed_graph(seed_dataset):
    assert _fast(seed_dataset) == _rdflib_turtle(seed_dataset)


def test_same_bytes_as_rdflib_on_odd_terms():
    ds = _odd_dataset()
    text = _fast(ds)
    assert text == _rdflib_turtle(ds)
    assert "<http://example.org/s>" in text and "ake:alpha,\n" in text


def test_serialize_uses_it_and_the_output_parses_back(seed_dataset):
    text = serialize(seed_dataset, "turtle")
    assert text == _rdflib_turtle(seed_dataset)
    assert text.startswith("@prefix aka: <https://w3id.org/alliance-kg/ontology#> .\n")
    assert isomorphic(union_graph(parse_data(text, "turtle")), union_graph(seed_dataset))
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(union_graph(seed_dataset))


def test_blank_nodes_and_unnamed_predicates_are_left_to_rdflib():
    ds = _odd_dataset()
    ds.default_graph.add((AKE["odd"], URIRef("http://example.org/p"), Literal("x")))  # rdflib would name ns1:
    assert _fast(ds) is None
    assert serialize(ds, "turtle") == _rdflib_turtle(ds)
    ds = _odd_dataset()
    ds.default_graph.add((AKE["odd"], AKA.partnerOf, BNode("b1")))
    assert _fast(ds) is None
    assert isomorphic(union_graph(parse_data(serialize(ds, "turtle"), "turtle")), union_graph(ds))
