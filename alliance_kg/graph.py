"""Build the RDF dataset: one named graph per article, facts and summaries beside.

The RDF model
-------------
**Default graph** (``ds.default_graph``):

* the entities used by statements (subjects, objects, sources)::

      ake:nissan a aka:Automaker ; skos:prefLabel "Nissan"@en ;
          aka:homeCountry ake:japan ; skos:exactMatch wd:Q20165 .

  An entity missing from the knowledge base gets its own IRI, the class
  ``aka:Organisation`` (``aka:Country`` / ``aka:Technology`` in the object
  position of ``basedIn`` / the technology predicates) and the statement's
  name as ``skos:prefLabel`` (no language tag). The home country of an
  entity is described too (type and label), so ``homeCountry`` never dangles;
* one resource per article::

      akd:<slug> a aka:Article ; dcterms:identifier "<doc>" ;
          dcterms:date "2024-11"^^xsd:gYearMonth ; schema:inLanguage "fr" ;
          aka:sha256 "<hex digest of the text>" .

* the direct triples ``ake:s aka:p ake:o``, ONLY for affirmed and asserted
  statements, each with one summary node SPARQL can reach::

      aks:edge-<hash> a aka:EdgeSummary ; rdf:subject ake:s ;
          rdf:predicate aka:p ; rdf:object ake:o ;
          aka:supportCount 2 ; aka:supportedBy aks:<id1>, aks:<id2> ;
          aka:firstSeen "2023-02"^^xsd:gYearMonth ;
          aka:lastSeen "2024-11-12"^^xsd:date .

  ``supportCount`` (``xsd:integer``) is the number of articles with an
  affirmed, asserted statement of the triple (either direction for a
  symmetric predicate); ``supportedBy`` links those statement nodes;
  ``firstSeen``/``lastSeen`` are the earliest and latest of their dates.

**One named graph per article**, ``<https://w3id.org/alliance-kg/article/<slug>/statements>``,
holding that article's statement nodes and their Web Annotation evidence::

    aks:<id> a aka:Statement ; rdf:subject ake:nissan ;
        rdf:predicate aka:distrusts ; rdf:object ake:geely ;
        aka:polarity aka:Affirmed ; aka:modality aka:Asserted ;
        aka:attributedTo aka:UnnamedSources ; aka:share 43.0 ;
        prov:value "Le groupe japonais se méfie de Geely." ;
        aka:evidence aks:<id>-evidence ; prov:wasDerivedFrom akd:<slug> ;
        dcterms:date "2024-11"^^xsd:gYearMonth ; aka:extractorVersion "0.1.0" .
    aks:<id>-evidence a oa:SpecificResource ; oa:hasSource akd:<slug> ;
        oa:hasSelector aks:<id>-position, aks:<id>-quote .
    aks:<id>-position a oa:TextPositionSelector ;
        oa:start "118"^^xsd:nonNegativeInteger ; oa:end "186"^^xsd:nonNegativeInteger .
    aks:<id>-quote a oa:TextQuoteSelector ; oa:exact "Le groupe japonais ..." .

Offsets count code points (Python string indices); ``aka:share`` is an
``xsd:decimal`` so SPARQL comparisons are exact. Statement IRIs come from
:meth:`Statement.ident`, edge IRIs from a hash of the triple: there are no
blank nodes, so the same input always gives the same triples. Entities come
from the knowledge base (``kb.py``); the lean description is built in
:mod:`alliance_kg.rdfmodel`.
"""

from __future__ import annotations

from collections import Counter

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from alliance_kg.articles import Article
from alliance_kg.errors import GraphError
from alliance_kg.kb import KnowledgeBase
from alliance_kg.namespaces import AKA, AKE, OA
from alliance_kg.rdfmodel import (  # noqa: F401 - re-exported: the model's public helpers
    ENTITY_PROPERTIES, MODALITY, POLARITY, PREDICATE_IRIS, SYMMETRIC_IRIS, article_iri, directions, article_triples,
    bind_prefixes, date_literal, edge_iri, edge_triples, entity_triples, expand_iri, resolve_entity,
    share_literal, statement_triples, statements_graph_iri,
)
from alliance_kg.statement import Statement


def new_dataset() -> Dataset:
    """Return an empty rdflib Dataset with the project's prefixes bound.

    >>> ds = new_dataset()
    >>> dict(ds.namespaces())["aka"] == URIRef(str(AKA))
    True
    """
    return bind_prefixes(Dataset())  # type: ignore[return-value]


def _fact_keys(graph: Graph) -> set[tuple]:
    """Return the (s, p, o) of the affirmed, asserted statements of ``graph``."""
    keys = set()
    for node in graph.subjects(AKA.modality, AKA.Asserted):
        if (node, AKA.polarity, AKA.Affirmed) in graph:
            keys.add((graph.value(node, RDF.subject), graph.value(node, RDF.predicate),
                      graph.value(node, RDF.object)))
    return {k for k in keys if None not in k}


def _support(ds: Dataset, s: URIRef, p: URIRef, o: URIRef) -> tuple[bool, dict, set]:
    """Return (stated in this direction?, {article: [dates]}, statement nodes) for a fact triple."""
    pairs = directions(s, p, o)
    articles: dict = {}
    nodes: set = set()
    exact = False
    for a, b in pairs:
        for node, _, _, ctx in list(ds.quads((None, RDF.subject, a, None))):
            g = ds.graph(ctx)
            if ((node, RDF.type, AKA.Statement) in g and (node, RDF.predicate, p) in g
                    and (node, RDF.object, b) in g and (node, AKA.polarity, AKA.Affirmed) in g
                    and (node, AKA.modality, AKA.Asserted) in g):
                articles.setdefault(g.value(node, PROV.wasDerivedFrom), []).extend(g.objects(node, DCTERMS.date))
                nodes.add(node)
                exact = exact or (a, b) == (s, o)
    return exact, articles, nodes


def write_edge(default: Graph, triple: tuple, articles: dict, nodes: set) -> None:
    """Write a direct triple and its aka:EdgeSummary (support count, supporting nodes, first/last date)."""
    for fact in edge_triples(triple, articles, nodes):
        default.add(fact)


def refresh_edges(ds: Dataset, keys: set[tuple]) -> None:
    """Recompute the direct triples and edge summaries of ``keys`` from the statements."""
    default = ds.default_graph
    todo = set(keys) | {(o, p, s) for s, p, o in keys if p in SYMMETRIC_IRIS}
    for s, p, o in sorted(todo):
        edge = edge_iri(s, p, o)
        default.remove((edge, None, None))
        default.remove((s, p, o))
        exact, articles, nodes = _support(ds, s, p, o)
        if not exact:
            continue
        write_edge(default, (s, p, o), articles, nodes)


def collect_garbage(ds: Dataset) -> None:
    """Remove the descriptions of entities no statement uses any longer."""
    used: set = set()
    for g in ds.graphs():
        for node in g.subjects(RDF.type, AKA.Statement):
            for prop in (RDF.subject, RDF.object, AKA.attributedTo):
                used.update(g.objects(node, prop))
    default = ds.default_graph
    used |= {c for e in used for c in default.objects(e, AKA.homeCountry)}
    for entity in set(default.subjects(RDF.type, None)):
        if str(entity).startswith(str(AKE)) and entity not in used:
            for prop in ENTITY_PROPERTIES:
                default.remove((entity, prop, None))


def remove_article(ds: Dataset, doc: str) -> bool:
    """Remove an article, its named graph and the facts only it supported; return True if it was there."""
    art, gid = article_iri(doc), statements_graph_iri(doc)
    if (art, RDF.type, AKA.Article) not in ds.default_graph:
        return False
    keys = _fact_keys(ds.graph(gid))
    ds.remove_graph(ds.graph(gid))
    ds.default_graph.remove((art, None, None))
    refresh_edges(ds, keys)
    collect_garbage(ds)
    return True


def add_article(ds: Dataset, article: Article, statements: list[Statement], kb: KnowledgeBase) -> str:
    """Add one article and its statements; return ``"added"``, ``"unchanged"`` or ``"replaced"``.

    Idempotent by the article's SHA-256: the same text again changes nothing;
    a changed text replaces the article's named graph, then the direct
    triples and edge summaries it touched are recomputed.
    """
    art, gid = article_iri(article.doc), statements_graph_iri(article.doc)
    known = ds.default_graph.value(art, DCTERMS.identifier)
    if known is not None and str(known) != article.doc:
        raise GraphError(f"articles {str(known)!r} and {article.doc!r} get the same IRI <{art}>",
                         "rename one of the files")
    old = ds.default_graph.value(art, AKA.sha256)
    if old is not None and str(old) == article.sha256:
        return "unchanged"
    status = "replaced" if old is not None else "added"
    affected: set[tuple] = set()
    if old is not None:
        affected |= _fact_keys(ds.graph(gid))
        ds.remove_graph(ds.graph(gid))
        ds.default_graph.remove((art, None, None))
    graph = ds.graph(gid)
    for triple in article_triples(article):
        ds.default_graph.add(triple)
    seen: set[str] = set()
    for st in sorted(statements, key=lambda x: (x.start, x.end, x.ident())):
        if st.ident() in seen:
            continue
        seen.add(st.ident())
        triples, entities = statement_triples(st, article, kb)
        for triple in triples:
            graph.add(triple)
        for entity in entities:
            for triple in entity_triples(entity, kb):
                ds.default_graph.add(triple)
    affected |= _fact_keys(graph)
    refresh_edges(ds, affected)
    if status == "replaced":
        collect_garbage(ds)
    return status


def regroup_statements(ds: Dataset) -> int:
    """Move statement nodes found in the default graph into their article's named graph.

    A Turtle or N-Triples file holds the union of all graphs; this recovers
    the named graphs (via ``prov:wasDerivedFrom``). Returns the number moved.
    """
    default, moved = ds.default_graph, 0
    for node in sorted(set(default.subjects(RDF.type, AKA.Statement))):
        art = default.value(node, PROV.wasDerivedFrom)
        if art is None:
            continue
        target = ds.graph(URIRef(f"{art}/statements"))
        evidence = list(default.objects(node, AKA.evidence))
        parts = [node, *evidence, *(x for e in evidence for x in default.objects(e, OA.hasSelector))]
        for part in parts:
            for triple in list(default.triples((part, None, None))):
                target.add(triple)
                default.remove(triple)
        moved += 1
    return moved


def union_graph(ds: Graph, into: Graph | None = None) -> Graph:
    """Return a Graph holding every triple of every graph of ``ds`` (``into``, else a new one), prefixes bound."""
    merged = bind_prefixes(Graph(bind_namespaces="none") if into is None else into)
    if isinstance(ds, Dataset):
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        for triple in ds:
            merged.add(triple)
    return merged


def dataset_summary(ds: Dataset) -> dict:
    """Return counts for a build summary: articles, entities, statements by predicate, direct triples."""
    default = ds.default_graph
    by_predicate: Counter = Counter()
    named = 0
    for g in ds.graphs():
        if g.identifier == default.identifier:
            continue
        named += 1
        for node in g.subjects(RDF.type, AKA.Statement):
            by_predicate[str(g.value(node, RDF.predicate)).removeprefix(str(AKA))] += 1
    return summary_counts(ds, by_predicate, named)


def summary_counts(ds: Dataset, by_predicate: Counter, named: int) -> dict:
    """Return the build summary of ``ds`` given its statements counted by predicate and its named graphs."""
    default = ds.default_graph
    entities = {s for s in default.subjects(RDF.type, None) if str(s).startswith(str(AKE))}
    return {
        "articles": len(set(default.subjects(RDF.type, AKA.Article))),
        "entities": len(entities),
        "statements": sum(by_predicate.values()),
        "statements_by_predicate": dict(sorted(by_predicate.items())),
        "direct_triples": sum(1 for _, p, _ in default if p in PREDICATE_IRIS),
        "named_graphs": named,
    }


__all__ = [
    "add_article", "article_iri", "bind_prefixes", "collect_garbage", "dataset_summary", "date_literal",
    "summary_counts",
    "edge_iri", "entity_triples", "expand_iri", "new_dataset", "refresh_edges", "regroup_statements",
    "remove_article", "resolve_entity", "share_literal", "statement_triples", "statements_graph_iri",
    "union_graph", "MODALITY", "POLARITY",
]
