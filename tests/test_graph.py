"""The RDF model written by alliance_kg.graph: named graphs, direct triples, summaries, merging."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from alliance_kg import __version__
from alliance_kg.articles import article_from_text
from alliance_kg.errors import GraphError
from alliance_kg.graph import (
    add_article, dataset_summary, edge_iri, new_dataset, regroup_statements, remove_article,
    statements_graph_iri, union_graph,
)
from alliance_kg.namespaces import AKA, AKD, AKE, AKS, OA, SCHEMA, WD, entity_iri
from alliance_kg.statement import Statement

FR, EN = "seed-nissan-horse", "seed-renault-stake"


def _named(ds):
    return {g.identifier: g for g in ds.graphs() if g.identifier != ds.default_graph.identifier and len(g)}


def _statement(ds, subject, predicate, obj, graph=None):
    graphs = [ds.graph(graph)] if graph else _named(ds).values()
    found = []
    for g in graphs:
        for node in g.subjects(RDF.predicate, AKA[predicate]):
            if (node, RDF.subject, AKE[subject]) in g and (node, RDF.object, AKE[obj]) in g:
                found.append((g, node))
    return found


def test_one_named_graph_per_article_holding_its_statements(seed_dataset, seed_articles):
    named = _named(seed_dataset)
    assert set(named) == {statements_graph_iri(FR), statements_graph_iri(EN)}
    assert str(statements_graph_iri(FR)) == "https://w3id.org/alliance-kg/article/seed-nissan-horse/statements"
    for article, statements in seed_articles:
        graph = named[statements_graph_iri(article.doc)]
        assert len(set(graph.subjects(RDF.type, AKA.Statement))) == len(statements)
    assert not list(seed_dataset.default_graph.subjects(RDF.type, AKA.Statement))


def test_statement_node_carries_qualifiers_evidence_and_provenance(seed_dataset, seed_articles):
    article, statements = seed_articles[0]
    st = next(s for s in statements if s.predicate == "distrusts")
    g = seed_dataset.graph(statements_graph_iri(FR))
    node = AKS[st.ident()]
    assert (node, RDF.subject, AKE.nissan) in g and (node, RDF.object, AKE.geely) in g
    assert (node, RDF.predicate, AKA.distrusts) in g
    assert (node, AKA.polarity, AKA.Affirmed) in g and (node, AKA.modality, AKA.Asserted) in g
    assert (node, AKA.attributedTo, AKA.UnnamedSources) in g
    assert g.value(node, PROV.value) == Literal(st.evidence)
    assert (node, PROV.wasDerivedFrom, AKD[FR]) in g
    assert g.value(node, DCTERMS.date) == Literal("2024-11", datatype=XSD.gYearMonth)
    assert g.value(node, AKA.extractorVersion) == Literal(__version__)
    evidence = g.value(node, AKA.evidence)
    assert evidence == AKS[f"{st.ident()}-evidence"]
    assert (evidence, RDF.type, OA.SpecificResource) in g and (evidence, OA.hasSource, AKD[FR]) in g
    position, quote = AKS[f"{st.ident()}-position"], AKS[f"{st.ident()}-quote"]
    assert set(g.objects(evidence, OA.hasSelector)) == {position, quote}
    start, end = g.value(position, OA.start), g.value(position, OA.end)
    assert start.datatype == XSD.nonNegativeInteger and end.datatype == XSD.nonNegativeInteger
    # code points: the French text has accents before the sentence ends
    assert article.text[int(start):int(end)] == str(g.value(quote, OA.exact)) == st.evidence


def test_share_is_a_decimal_and_sources_resolve_through_the_kb(seed_dataset):
    (g, node), = _statement(seed_dataset, "nissan", "investsIn", "ampere")
    assert (node, AKA.attributedTo, AKE.reuters) in g
    assert (node, AKA.modality, AKA.Speculative) in g
    stakes = _statement(seed_dataset, "renault", "shareholderOf", "nissan")
    shares = {g.value(node, AKA.share) for g, node in stakes}
    assert shares == {Literal("43.0", datatype=XSD.decimal)}


def test_no_blank_nodes_anywhere(seed_dataset):
    for s, _p, o, _ in seed_dataset.quads((None, None, None, None)):
        assert not isinstance(s, BNode) and not isinstance(o, BNode)


def test_direct_triples_only_for_affirmed_asserted_statements(seed_dataset):
    default = seed_dataset.default_graph
    assert (AKE.nissan, AKA.distrusts, AKE.geely) in default
    assert (AKE.renault, AKA.jointVenture, AKE.geely) in default
    assert (AKE.nissan, AKA.memberOf, AKE.horse) not in default  # negated
    assert (AKE.renault, AKA.memberOf, AKE.horse) not in default  # planned
    assert (AKE.nissan, AKA.investsIn, AKE.ampere) not in default  # speculative
    assert dataset_summary(seed_dataset)["direct_triples"] == 14


def test_edge_summary_counts_articles_and_dates(seed_dataset):
    default = seed_dataset.default_graph
    edge = edge_iri(AKE.renault, AKA.shareholderOf, AKE.nissan)
    assert (edge, RDF.type, AKA.EdgeSummary) in default
    assert (edge, RDF.subject, AKE.renault) in default and (edge, RDF.object, AKE.nissan) in default
    assert default.value(edge, AKA.supportCount) == Literal(2, datatype=XSD.integer)
    assert default.value(edge, AKA.firstSeen) == Literal("2023-02-06", datatype=XSD.date)
    assert default.value(edge, AKA.lastSeen) == Literal("2024-11", datatype=XSD.gYearMonth)
    assert len(set(default.objects(edge, AKA.supportedBy))) == 2
    single = edge_iri(AKE.nissan, AKA.distrusts, AKE.geely)
    assert default.value(single, AKA.supportCount) == Literal(1, datatype=XSD.integer)
    assert not list(default.triples((edge_iri(AKE.nissan, AKA.memberOf, AKE.horse), None, None)))


def test_entities_and_articles_in_the_default_graph(seed_dataset):
    default = seed_dataset.default_graph
    assert (AKE.nissan, RDF.type, AKA.Automaker) in default
    assert default.value(AKE.nissan, SKOS.prefLabel) == Literal("Nissan", lang="en")
    assert (AKE.nissan, AKA.homeCountry, AKE.japan) in default
    assert (AKE.japan, RDF.type, AKA.Country) in default
    assert (AKE.nissan, SKOS.exactMatch, WD.Q20165) in default
    assert (AKE["e-power"], RDF.type, AKA.Technology) in default
    assert (AKE.reuters, RDF.type, AKA.NewsAgency) in default
    art = AKD[FR]
    assert (art, RDF.type, AKA.Article) in default
    assert default.value(art, DCTERMS.identifier) == Literal(FR)
    assert default.value(art, DCTERMS.date) == Literal("2024-11", datatype=XSD.gYearMonth)
    assert default.value(AKD[EN], DCTERMS.date) == Literal("2023-02-06", datatype=XSD.date)
    assert default.value(art, SCHEMA.inLanguage) == Literal("fr")
    assert len(str(default.value(art, AKA.sha256))) == 64


def test_unknown_entities_become_organisations(kb):
    article = article_from_text("Zeta Motors s'allie à Omega Batteries, selon Gazette Zeta.", doc="zeta")
    st = Statement(doc="zeta", subject="Zeta Motors", subject_iri="", predicate="partnerOf",
                   object="Omega Batteries", object_iri="https://example.org/omega", attributedTo="Gazette Zeta",
                   evidence=article.text, start=0, end=len(article.text))
    tech = dataclasses.replace(st, predicate="developsTechnology", object="warp drive", object_iri="")
    ds = new_dataset()
    add_article(ds, article, [st, tech], kb)
    default = ds.default_graph
    zeta, omega = URIRef(entity_iri("Zeta Motors")), URIRef("https://example.org/omega")
    assert (zeta, RDF.type, AKA.Organisation) in default
    assert default.value(zeta, SKOS.prefLabel) == Literal("Zeta Motors")
    assert (omega, RDF.type, AKA.Organisation) in default
    assert (URIRef(entity_iri("warp drive")), RDF.type, AKA.Technology) in default
    bloomberg = URIRef(entity_iri("Gazette Zeta"))
    assert (bloomberg, RDF.type, AKA.Organisation) in default
    assert (None, AKA.attributedTo, bloomberg) in ds.graph(statements_graph_iri("zeta"))


def test_curie_and_full_iris_name_the_same_entity(kb):
    article = article_from_text("Nissan se méfie de Geely.", doc="c")
    base = Statement(doc="c", subject="Nissan", subject_iri="ake:nissan", predicate="distrusts", object="Geely",
                     object_iri=str(AKE.geely), evidence=article.text, start=0, end=len(article.text))
    ds = new_dataset()
    add_article(ds, article, [base], kb)
    assert (AKE.nissan, AKA.distrusts, AKE.geely) in ds.default_graph


def test_adding_the_same_article_twice_changes_nothing(seed_dataset, seed_articles, kb):
    before = union_graph(seed_dataset)
    for article, statements in seed_articles:
        assert add_article(seed_dataset, article, statements, kb) == "unchanged"
    assert isomorphic(before, union_graph(seed_dataset))


def test_changed_text_replaces_the_article_graph(seed_dataset, seed_articles, kb):
    article, statements = seed_articles[1]
    text = article.text.replace("43%", "40%").replace("Ampere, Renault's EV unit, will list in Paris.", "")
    changed = article_from_text(text, doc=article.doc)
    kept = [dataclasses.replace(statements[0], share=40)]
    assert add_article(seed_dataset, changed, kept, kb) == "replaced"
    graph = seed_dataset.graph(statements_graph_iri(article.doc))
    assert len(set(graph.subjects(RDF.type, AKA.Statement))) == 1
    default = seed_dataset.default_graph
    assert default.value(AKD[article.doc], AKA.sha256) == Literal(changed.sha256)
    # Nissan partnerOf Renault was only in the old text: the direct triple and its summary are gone
    assert (AKE.nissan, AKA.partnerOf, AKE.renault) not in default
    assert not list(default.triples((edge_iri(AKE.nissan, AKA.partnerOf, AKE.renault), None, None)))
    # Ampere subsidiaryOf Renault is still supported by the other article
    edge = edge_iri(AKE.ampere, AKA.subsidiaryOf, AKE.renault)
    assert default.value(edge, AKA.supportCount) == Literal(1, datatype=XSD.integer)
    assert default.value(edge, AKA.firstSeen) == Literal("2024-11", datatype=XSD.gYearMonth)
    # the result is the graph a fresh build of the new texts gives
    fresh = new_dataset()
    add_article(fresh, *seed_articles[0], kb)
    add_article(fresh, changed, kept, kb)
    assert isomorphic(union_graph(fresh), union_graph(seed_dataset))


def test_replacement_drops_entities_no_longer_used(kb):
    text = "Nissan se méfie de Geely."
    first = article_from_text(text, doc="x")
    st = Statement(doc="x", subject="Nissan", subject_iri="ake:nissan", predicate="distrusts", object="Geely",
                   object_iri="ake:geely", evidence=text, start=0, end=len(text))
    ds = new_dataset()
    add_article(ds, first, [st], kb)
    assert (AKE.geely, RDF.type, AKA.Automaker) in ds.default_graph
    second = article_from_text("Nissan est japonais.", doc="x")
    based = Statement(doc="x", subject="Nissan", subject_iri="ake:nissan", predicate="basedIn", object="Japan",
                      object_iri="ake:japan", evidence=second.text, start=0, end=len(second.text))
    assert add_article(ds, second, [based], kb) == "replaced"
    assert not list(ds.default_graph.triples((AKE.geely, None, None)))
    assert (AKE.nissan, AKA.basedIn, AKE.japan) in ds.default_graph


def test_symmetric_support_counts_both_directions(kb):
    ds = new_dataset()
    for doc, (a, b) in {"a1": ("Renault", "Geely"), "a2": ("Geely", "Renault")}.items():
        text = f"date 2024-0{len(doc)} {a} et {b} créent une coentreprise."
        article = article_from_text(text, doc=doc)
        st = Statement(doc=doc, subject=a, subject_iri=f"ake:{a.lower()}", predicate="jointVenture", object=b,
                       object_iri=f"ake:{b.lower()}", evidence=text, start=0, end=len(text))
        add_article(ds, article, [st], kb)
    for s, o in ((AKE.renault, AKE.geely), (AKE.geely, AKE.renault)):
        assert (s, AKA.jointVenture, o) in ds.default_graph
        assert ds.default_graph.value(edge_iri(s, AKA.jointVenture, o), AKA.supportCount) == Literal(2)


def test_remove_article(seed_dataset):
    assert remove_article(seed_dataset, EN) is True
    assert remove_article(seed_dataset, EN) is False
    assert statements_graph_iri(EN) not in _named(seed_dataset)
    assert (AKE.nissan, AKA.partnerOf, AKE.renault) not in seed_dataset.default_graph
    assert dataset_summary(seed_dataset)["articles"] == 1


def test_regroup_recovers_named_graphs_from_a_union(seed_dataset):
    merged = new_dataset()
    for triple in union_graph(seed_dataset):
        merged.default_graph.add(triple)
    assert regroup_statements(merged) == 21
    assert set(_named(merged)) == set(_named(seed_dataset))
    for iri, graph in _named(seed_dataset).items():
        assert isomorphic(graph, merged.graph(iri))
    assert isomorphic(seed_dataset.default_graph, merged.default_graph)


def test_dataset_summary(seed_dataset):
    summary = dataset_summary(seed_dataset)
    assert summary["articles"] == 2 and summary["named_graphs"] == 2
    assert summary["statements"] == 21
    assert summary["statements_by_predicate"]["memberOf"] == 7
    assert summary["statements_by_predicate"]["jointVenture"] == 3
    assert summary["entities"] >= 12


def test_two_documents_with_the_same_slug_are_an_error(kb):
    ds = new_dataset()
    add_article(ds, article_from_text("Nissan.", doc="a b"), [], kb)
    with pytest.raises(GraphError, match="same IRI"):
        add_article(ds, article_from_text("Renault.", doc="a-b"), [], kb)
