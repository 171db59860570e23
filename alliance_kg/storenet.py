"""The network and the paths of a graph, read natively from an Oxigraph store when it is one.

* :func:`load_network` (``stats``, ``tensions``, network exports) reads only
  the triples the network projection uses;
* :func:`paths_network` answers ``paths`` from a few native reads: the names
  of the entities, the step graph from the direct triples (one index range),
  then the statements and evidence of the ties along the paths found only.

A graph file gives the whole network (:func:`alliance_kg.network.load_network`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from alliance_kg.errors import GraphError
from alliance_kg.namespaces import AKA, OA, PREFIXES
from alliance_kg.storeio import is_store_spec, iter_quads, native_store, opened
from alliance_kg.storeterms import ox_term, rdf_quad, rdf_term

#: Every predicate :func:`alliance_kg.network.build_network` reads.
NETWORK_PREDICATES = (RDF.type, RDF.subject, RDF.predicate, RDF.object, AKA.polarity, AKA.modality,
                      PROV.wasDerivedFrom, DCTERMS.date, AKA.attributedTo, AKA.share, PROV.value,
                      DCTERMS.identifier, SKOS.prefLabel, SKOS.altLabel, RDFS.label, AKA.homeCountry,
                      SKOS.exactMatch)
#: The predicates of an entity description (what a node of the network shows).
ENTITY_PREDICATES = frozenset({RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, AKA.homeCountry,
                               SKOS.exactMatch})
_UNUSED_TYPES = (AKA.EdgeSummary, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector)


def network_graph(ds: Dataset) -> Graph:
    """Return one in-memory Graph with the triples the network projection reads (no selectors, no summaries)."""
    graph = Graph(bind_namespaces="none")
    native = native_store(ds)
    for predicate in NETWORK_PREDICATES:
        if predicate == RDF.type and native is not None:  # skip the many selector and summary types
            skipped = ", ".join(f"<{t}>" for t in _UNUSED_TYPES)
            for s, o in _select(native, f"SELECT ?s ?o WHERE {{ ?s a ?o FILTER (?o NOT IN ({skipped})) }}"):
                graph.add((s, RDF.type, o))
            continue
        for s, p, o, _ in iter_quads(ds, predicate):
            graph.add((s, p, o))
    return graph


def network_of(ds: Dataset, kb: object = None) -> object:
    """Return the networkx projection of an open dataset (native reads for a store)."""
    from alliance_kg.network import build_network, shipped_kb  # noqa: PLC0415

    kb = kb or shipped_kb()
    if native_store(ds) is None:
        return build_network(ds, kb)
    return build_network(network_graph(ds), kb)


def load_network(spec: str | Path, kb: object = None) -> object:
    """Return the network of a graph file or of an ``oxigraph:DIR`` store."""
    if not is_store_spec(spec):
        from alliance_kg.network import load_network as load_file_network  # noqa: PLC0415

        return load_file_network(spec, kb)
    with opened(spec) as ds:
        return network_of(ds, kb)


# --------------------------------------------------------------------- paths on a store

def _select(native: object, text: str, union: bool = True) -> list[tuple]:
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    return [tuple(rdf_term(solution[i]) for i in range(len(solution)))
            for solution in native.query(text, prefixes=prefixes, use_default_graph_as_union=union)]


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{iri}>" for iri in sorted(iris))


_ENTITY_SET = "SELECT DISTINCT ?e WHERE { ?x rdf:subject|rdf:object ?e }"


def _entity_graph(native: object) -> tuple[list[object], Graph]:
    """Return the entities statements talk about, and their descriptions (with their countries' labels)."""
    entities = sorted({row[0] for row in _select(native, _ENTITY_SET) if isinstance(row[0], URIRef)}, key=str)
    graph = Graph(bind_namespaces="none")
    values = " ".join(f"<{p}>" for p in sorted(ENTITY_PREDICATES))
    query = f"SELECT ?e ?p ?v WHERE {{ {{ {_ENTITY_SET} }} VALUES ?p {{ {values} }} ?e ?p ?v }}"
    for e, p, v in _select(native, query):
        graph.add((e, p, v))
    for c, label in _select(native, "SELECT DISTINCT ?c ?l WHERE { ?e aka:homeCountry ?c . ?c skos:prefLabel ?l }"):
        graph.add((c, SKOS.prefLabel, label))
    return entities, graph


def _step_pairs(native: object, relations: frozenset[str], include_speculative: bool) -> list[tuple]:
    """Return the (subject, object) pairs of the affirmed ties over ``relations`` (asserted ones only by default).

    The asserted ones are the direct triples of the default graph (the model
    keeps exactly one for each affirmed, asserted statement), which Oxigraph
    reads from one index; with ``include_speculative`` every affirmed statement.
    """
    values = _values(str(AKA[p]) for p in relations)
    if include_speculative:
        return _select(native, f"""SELECT DISTINCT ?s ?o WHERE {{
            ?st rdf:predicate ?p ; aka:polarity aka:Affirmed ; rdf:subject ?s ; rdf:object ?o .
            VALUES ?p {{ {values} }} }}""")
    return _select(native, f"SELECT DISTINCT ?s ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}", union=False)


def _detail_graph(native: object, nodes: set[str], entities: Graph) -> Graph:
    """Return every statement between two of ``nodes``, with its article and the entities, in a Graph."""
    graph = Graph(bind_namespaces="none")
    for triple in entities:
        graph.add(triple)
    if not nodes:
        return graph
    values = _values(nodes)
    listed = values.replace(" ", ", ")
    statements = [row[0] for row in _select(native, f"""SELECT DISTINCT ?st WHERE {{
        VALUES ?s {{ {values} }} ?st rdf:subject ?s ; rdf:object ?o . FILTER (?o IN ({listed})) }}""")]
    if not statements:
        return graph
    keep, resources = frozenset(NETWORK_PREDICATES), set()
    for st in statements:  # one index range each: faster than a SPARQL join on a disk store
        for quad in native.quads_for_pattern(ox_term(st), None, None, None):
            s, p, o, _ = rdf_quad(quad)
            if p in keep:
                graph.add((s, p, o))
                if p in (PROV.wasDerivedFrom, AKA.attributedTo) and isinstance(o, URIRef):
                    resources.add(o)
    wanted = (RDF.type, DCTERMS.identifier, DCTERMS.date, SKOS.prefLabel)
    for resource in sorted(resources):
        for quad in native.quads_for_pattern(ox_term(resource), None, None, None):
            s, p, o, _ = rdf_quad(quad)
            if p in wanted:
                graph.add((s, p, o))
    return graph


def _node_attrs(entities: Graph, iri: object, kb: object) -> dict:
    from alliance_kg.network import _entity_attrs  # noqa: PLC0415 - the projection's own node description

    attrs = _entity_attrs(entities, URIRef(str(iri)))
    entity = kb.get(str(iri)) if kb is not None else None
    if entity is not None:
        attrs["aliases"] = sorted(set(attrs["aliases"]) | {entity.name, *entity.labels} - {attrs["label"]})
    return attrs


def paths_network(spec: str | Path, source: str, target: str, *, relations: frozenset[str] | None = None,
                  include_speculative: bool = False, all_paths: bool = False,
                  max_length: int | None = None, kb: object = None) -> object:
    """Return a network on which :func:`alliance_kg.paths.find_paths` gives the paths from ``source`` to ``target``.

    For a graph file, the whole network. For a store, every entity as a
    node, but ties (with their evidence) only between the companies on the
    paths that ``find_paths`` will report with the same options: the step
    graph comes from the direct triples (the affirmed statements with
    ``include_speculative``), then only the statements between the
    companies on its paths are read. Names resolve as on the full network
    (an unknown company gives the same error). Assumes the graph keeps
    alliance-kg's model, as every graph alliance-kg writes does.
    """
    import networkx as nx  # noqa: PLC0415

    from alliance_kg.network import POSITIVE, build_network, is_organisation, shipped_kb  # noqa: PLC0415
    from alliance_kg.paths import DEFAULT_MAX_LENGTH, resolve  # noqa: PLC0415

    if not is_store_spec(spec):
        from alliance_kg.network import load_network as load_file_network  # noqa: PLC0415

        return load_file_network(spec, kb)
    kb = kb or shipped_kb()
    relations = relations or POSITIVE
    with opened(spec) as ds:
        native = native_store(ds)
        entity_iris, entities = _entity_graph(native)
        if not entity_iris:
            raise GraphError("the graph holds no relationship statement",
                             "build it first: alliance-kg build ARTICLES -o out/")
        net = nx.MultiDiGraph()
        for iri in entity_iris:
            net.add_node(str(iri), **_node_attrs(entities, iri, kb))
        a, b = resolve(net, source), resolve(net, target)
        on_paths: set[str] = set()
        if a != b:
            steps = nx.Graph()
            steps.add_nodes_from(n for n in net if is_organisation(net, n))
            for s, o in _step_pairs(native, relations, include_speculative):
                u, v = str(s), str(o)
                if u in steps and v in steps:
                    steps.add_edge(u, v)
            if all_paths:
                found = nx.all_simple_paths(steps, a, b, cutoff=max_length or DEFAULT_MAX_LENGTH)
            else:
                found = nx.all_shortest_paths(steps, a, b)
            try:
                for path in found:
                    on_paths.update(path)
            except nx.NetworkXNoPath:
                on_paths = set()
        if on_paths:
            detail = build_network(_detail_graph(native, on_paths, entities), kb)
            for node, data in detail.nodes(data=True):
                net.nodes[node].update(data)
            net.add_edges_from(detail.edges(keys=True, data=True))
        return net


__all__ = ["ENTITY_PREDICATES", "NETWORK_PREDICATES", "load_network", "network_graph", "network_of", "paths_network"]
