"""Keep the graph in a persistent Oxigraph store: ``oxigraph:DIR`` wherever a graph file is accepted.

A graph file is parsed into Python objects on every command; a store is a
RocksDB folder that Oxigraph (through the ``oxrdflib`` rdflib store) reads in
place, so ``query``, ``paths`` and ``export`` work on graphs of millions of
triples without loading them:

* :func:`open_dataset` returns an rdflib ``Dataset`` backed by the store
  (``graph.add_article`` works on it unchanged), or loads a graph file;
* :func:`alliance_kg.query.run_query` runs SPARQL natively in Oxigraph on such
  a dataset (same prefixes, same safety checks, same output formats);
* :func:`paths_network` answers ``paths`` from a few native reads: the names
  of the entities, the step graph from the direct triples (one index range),
  then the statements and evidence of the ties along the paths found only;
* :func:`load_network` (``stats``, ``tensions``, network exports) reads only
  the triples the network projection uses;
* :func:`write_native` exports N-Quads and N-Triples sorted line by line (an
  external merge sort, byte-identical to the export of the same graph from a
  file), Turtle and TriG streamed in the store's order.

Oxigraph keeps literals in canonical form (``43.0`` as ``43``, the
``xsd:nonNegativeInteger`` offsets as ``xsd:integer``); terms read back are
put in alliance-kg's forms again (``43.0``; ``oa:start``/``oa:end`` typed
``xsd:nonNegativeInteger`` in quads), so a graph read from a store and from a
file compare equal.

>>> is_store_spec("oxigraph:out/store"), is_store_spec("out/alliance.trig")
(True, False)
>>> store_dir("oxigraph:out/store").as_posix()
'out/store'
"""

from __future__ import annotations

import gc
import heapq
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from alliance_kg.errors import GraphError
from alliance_kg.namespaces import AKA, OA, PREFIXES

SCHEME = "oxigraph:"
#: Every predicate :func:`alliance_kg.network.build_network` reads.
NETWORK_PREDICATES = (RDF.type, RDF.subject, RDF.predicate, RDF.object, AKA.polarity, AKA.modality,
                      PROV.wasDerivedFrom, DCTERMS.date, AKA.attributedTo, AKA.share, PROV.value,
                      DCTERMS.identifier, SKOS.prefLabel, SKOS.altLabel, RDFS.label, AKA.homeCountry,
                      SKOS.exactMatch)
#: The predicates of an entity description (what a node of the network shows).
ENTITY_PREDICATES = frozenset({RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, AKA.homeCountry,
                               SKOS.exactMatch})
_UNUSED_TYPES = (AKA.EdgeSummary, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector)
_XSD_STRING = str(XSD.string)
_XSD_DECIMAL = str(XSD.decimal)
_XSD_INTEGER = str(XSD.integer)
_OFFSETS = frozenset({str(OA.start), str(OA.end)})
_SORT_CHUNK = 200_000
_LINE_FIXES = (
    (re.compile(r'"(-?\d+)"\^\^<' + re.escape(_XSD_DECIMAL) + ">"), r'"\1.0"^^<' + _XSD_DECIMAL + ">"),
    (re.compile(r'(<' + re.escape(str(OA)) + r'(?:start|end)>) "(\d+)"\^\^<' + re.escape(_XSD_INTEGER) + ">"),
     r'\1 "\2"^^<' + str(XSD.nonNegativeInteger) + ">"),
)


# --------------------------------------------------------------------- specs

def is_store_spec(spec: object) -> bool:
    """Return True when ``spec`` names an Oxigraph store (``oxigraph:DIR``), not a graph file."""
    return isinstance(spec, str) and spec.startswith(SCHEME)


def store_dir(spec: str) -> Path:
    """Return the folder of an ``oxigraph:DIR`` spec (GraphError when it names none)."""
    if not is_store_spec(spec):
        raise GraphError(f"{spec!r} is not a store", f"write {SCHEME}DIR")
    folder = spec[len(SCHEME):].strip()
    if not folder:
        raise GraphError(f"{spec!r} names no folder", f"write {SCHEME}DIR, e.g. {SCHEME}out/store")
    return Path(folder).expanduser()


def _is_store_folder(folder: Path) -> bool:
    return (folder / "CURRENT").is_file() and any(folder.glob("MANIFEST-*"))


# --------------------------------------------------------------------- terms

def rdf_term(term: object) -> object:
    """Return the rdflib term of a pyoxigraph term (plain literals stay plain; decimals keep ``.0``)."""
    import pyoxigraph as ox  # noqa: PLC0415 - a compiled extension: only imported where a store is used

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        if datatype == _XSD_DECIMAL and re.fullmatch(r"-?\d+", term.value):
            return Literal(term.value + ".0", datatype=XSD.decimal)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    if isinstance(term, ox.Triple):
        return rdf_term(term.subject), rdf_term(term.predicate), rdf_term(term.object)
    if term is None:
        return None
    raise GraphError(f"unexpected Oxigraph term {term!r}")


def rdf_quad(quad: object) -> tuple:
    """Return (s, p, o, graph identifier) in rdflib terms, in alliance-kg's literal forms."""
    s, p, o = rdf_term(quad.subject), rdf_term(quad.predicate), rdf_term(quad.object)
    if str(p) in _OFFSETS and isinstance(o, Literal) and o.datatype == XSD.integer:
        o = Literal(str(o), datatype=XSD.nonNegativeInteger)
    return s, p, o, rdf_term(quad.graph_name)


def ox_term(term: object) -> object:
    """Return the pyoxigraph term of an rdflib term (None stays None, as in a pattern)."""
    import pyoxigraph as ox  # noqa: PLC0415

    if term is None:
        return None
    if isinstance(term, Graph):
        term = term.identifier
    if term == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), language=term.language, datatype=datatype)
    raise GraphError(f"cannot store the term {term!r}")


def _ox_quad(s: object, p: object, o: object, g: object = None) -> object:
    import pyoxigraph as ox  # noqa: PLC0415

    return ox.Quad(ox_term(s), ox_term(p), ox_term(o), ox_term(g) if g is not None else ox.DefaultGraph())


# --------------------------------------------------------------------- the rdflib store

_STORE_CLASS = None


def _store_class() -> type:
    """Return the rdflib store class (oxrdflib's, reading terms in alliance-kg's forms); built on first use."""
    global _STORE_CLASS  # noqa: PLW0603 - a lazily built class: oxrdflib is imported only when needed
    if _STORE_CLASS is not None:
        return _STORE_CLASS
    try:
        from oxrdflib import OxigraphStore  # noqa: PLC0415
    except ImportError:  # pragma: no cover - a dependency of the package
        raise GraphError("the Oxigraph store needs the oxrdflib package", "pip install oxrdflib") from None

    class AllianceOxigraphStore(OxigraphStore):
        """oxrdflib's store, with plain literals kept plain and a clear error once closed."""

        alliance_native = True

        @property
        def _inner(self):  # noqa: ANN202 - pyoxigraph.Store
            store = getattr(self, "_store", None)
            if store is None:
                raise GraphError("the Oxigraph store is closed")
            return store

        def triples(self, triple_pattern, context=None):  # noqa: ANN001, ANN201 - rdflib's signature
            s, p, o = triple_pattern
            if any(isinstance(t, (Graph, tuple)) for t in (s, p, o)):  # quoted graphs: none in a store
                return iter(())
            try:
                pattern = (ox_term(s), ox_term(p), ox_term(o), ox_term(context))
            except GraphError:  # a term Oxigraph cannot hold matches nothing
                return iter(())
            store = self

            def found() -> Iterator:
                for quad in store._inner.quads_for_pattern(*pattern):
                    qs, qp, qo, qg = rdf_quad(quad)
                    yield (qs, qp, qo), iter((Graph(store=store, identifier=qg),))

            return found()

        def close(self, commit_pending_transaction: bool = False) -> None:  # noqa: ARG002, FBT001, FBT002
            store = getattr(self, "_store", None)
            if store is not None:
                try:
                    store.flush()
                except OSError:  # pragma: no cover - nothing left to flush
                    pass
            self._store = None

    _STORE_CLASS = AllianceOxigraphStore
    return _STORE_CLASS


def native_store(ds: object) -> object | None:
    """Return the pyoxigraph ``Store`` behind a store-backed Dataset, or None for an in-memory one."""
    store = getattr(ds, "store", None)
    if getattr(store, "alliance_native", False):
        return store._inner
    return None


def _open_native(folder: Path) -> object:
    import pyoxigraph as ox  # noqa: PLC0415

    try:
        return ox.Store(str(folder))
    except OSError as exc:
        text = str(exc)
        if "current process" in text:  # a closed store still referenced from a garbage cycle
            gc.collect()
            try:
                return ox.Store(str(folder))
            except OSError as again:
                text = str(again)
        if "lock" in text.lower():
            raise GraphError(f"{folder}: the Oxigraph store is locked: another process (or another command "
                             "in this one) has it open",
                             "wait for it to finish, or stop it, then run the command again") from None
        raise GraphError(f"{folder}: cannot open the Oxigraph store ({text.splitlines()[0] if text else exc})",
                         "check the folder; a store is the folder written by --store oxigraph:DIR") from None


def open_dataset(spec: str | Path, *, create: bool = True) -> Dataset:
    """Return the dataset named by ``spec``.

    ``oxigraph:DIR`` opens the persistent Oxigraph store in DIR (created when
    ``create`` and DIR does not exist or is empty) as an rdflib ``Dataset``;
    close it with :func:`close_dataset` (or use :func:`opened`) to release
    its lock. Anything else is a graph file, loaded in memory by
    :func:`alliance_kg.rdfio.load_graph`.
    """
    if not is_store_spec(spec):
        from alliance_kg.rdfio import load_graph  # noqa: PLC0415 - rdfio imports this module too

        return load_graph(spec)
    folder = store_dir(str(spec))
    if folder.exists() and not folder.is_dir():
        raise GraphError(f"{folder}: not a folder, so not an Oxigraph store",
                         f"give a folder after {SCHEME}, or the graph file without {SCHEME}")
    empty = not folder.exists() or not any(folder.iterdir())
    if empty and not create:
        raise GraphError(f"{folder}: no Oxigraph store there",
                         f"check the path, or make one with alliance-kg build ARTICLES --store {SCHEME}{folder}")
    if not empty and not _is_store_folder(folder):
        raise GraphError(f"{folder}: the folder is not empty and holds no Oxigraph store",
                         "give a new or empty folder, or the folder of an existing store")
    if empty:
        parent = folder.parent if str(folder.parent) else Path(".")
        if not parent.is_dir():
            raise GraphError(f"{parent}: no such folder", "create it first or choose another store folder")
    native = _open_native(folder)
    from alliance_kg.graph import bind_prefixes  # noqa: PLC0415

    ds = Dataset(store=_store_class()(store=native))
    return bind_prefixes(ds)  # type: ignore[return-value]


def close_dataset(ds: object) -> None:
    """Close the store behind ``ds`` (flush, release the lock); nothing for an in-memory dataset."""
    if native_store(ds) is not None:
        ds.store.close()


@contextmanager
def opened(spec: str | Path, *, create: bool = False) -> Iterator[Dataset]:
    """Open a graph file or an existing store for the duration of a ``with`` block.

    >>> with opened("oxigraph:/nonexistent/store") as ds:
    ...     pass
    Traceback (most recent call last):
    ...
    alliance_kg.errors.GraphError: /nonexistent/store: no Oxigraph store there
    """
    ds = open_dataset(spec, create=create)
    try:
        yield ds
    finally:
        close_dataset(ds)


# --------------------------------------------------------------------- reading whole graphs

def iter_quads(ds: Dataset, predicate: URIRef | None = None) -> Iterator[tuple]:
    """Yield every quad of ``ds`` (with ``predicate`` only, when given) as rdflib terms."""
    native = native_store(ds)
    if native is None:
        default = ds.default_graph.identifier
        for s, p, o, g in ds.quads((None, predicate, None, None)):
            yield s, p, o, (g.identifier if isinstance(g, Graph) else g) or default
        return
    for quad in native.quads_for_pattern(None, ox_term(predicate), None, None):
        yield rdf_quad(quad)


def to_memory(ds: Dataset) -> Dataset:
    """Return an in-memory copy of a dataset (``ds`` itself when it is already in memory)."""
    if native_store(ds) is None:
        return ds
    from alliance_kg.graph import new_dataset  # noqa: PLC0415

    out = new_dataset()
    graphs = {DATASET_DEFAULT_GRAPH_ID: out.default_graph}
    for s, p, o, g in iter_quads(ds):
        graph = graphs.get(g)
        if graph is None:
            graph = graphs[g] = out.graph(g)
        graph.add((s, p, o))
    return out


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


# --------------------------------------------------------------------- writing a store

def import_file(spec: str, path: str | Path) -> int:
    """Load a graph file into a new (or empty) store ``spec``; return the number of quads stored.

    TriG and N-Quads are loaded natively in bulk (never held in Python
    objects); Turtle, N-Triples and JSON-LD go through
    :func:`alliance_kg.rdfio.load_graph` first, which recovers the article
    named graphs. On failure the folder is removed when this call created it.
    """
    from alliance_kg.rdfio import format_for, load_graph  # noqa: PLC0415

    path = Path(path)
    fmt = format_for(path)
    if not path.is_file():
        raise GraphError(f"{path}: no such file", "check the path")
    folder = store_dir(spec)
    created = not folder.exists()
    ds = open_dataset(spec, create=True)
    try:
        native = native_store(ds)
        if len(native):
            raise GraphError(f"{folder}: the store already holds a graph",
                             "choose a new folder, or remove the store first")
        if fmt in ("trig", "nquads"):
            import pyoxigraph as ox  # noqa: PLC0415

            rdf_format = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
            try:
                native.bulk_load(path=str(path), format=rdf_format)
            except SyntaxError as exc:
                raise GraphError(f"{path}: syntax error: {str(exc).splitlines()[0]}",
                                 "fix the file or rebuild it with alliance-kg build") from None
        else:
            add_quads(ds, iter_quads(load_graph(path)))
        native.optimize()
        count = len(native)
    except BaseException:
        close_dataset(ds)
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    close_dataset(ds)
    return count


def add_quads(ds: Dataset, quads: Iterable[tuple]) -> None:
    """Add (s, p, o, graph) quads to a dataset: in bulk for a store, one by one in memory."""
    native = native_store(ds)
    if native is None:
        for s, p, o, g in quads:
            (ds.default_graph if g in (None, DATASET_DEFAULT_GRAPH_ID) else ds.graph(g)).add((s, p, o))
        return
    native.bulk_extend(_ox_quad(s, p, o, None if g == DATASET_DEFAULT_GRAPH_ID else g) for s, p, o, g in quads)


# --------------------------------------------------------------------- exporting a store

def _fix_line(line: str) -> str:
    for pattern, replacement in _LINE_FIXES:
        line = pattern.sub(replacement, line)
    return line


def _lines(native: object, triples: bool) -> Iterator[str]:
    """Yield one N-Quads (or N-Triples) line per quad of the store, in alliance-kg's literal forms."""
    import pyoxigraph as ox  # noqa: PLC0415

    for quad in native.quads_for_pattern(None, None, None, None):
        line = str(quad.triple) if triples or isinstance(quad.graph_name, ox.DefaultGraph) else str(quad)
        yield _fix_line(line) + " .\n"


def write_sorted_lines(lines: Iterable[str], handle: IO[bytes], chunk: int = _SORT_CHUNK) -> int:
    """Write ``lines`` sorted and without duplicates, spilling sorted runs to disk (bounded memory).

    Returns the number of lines written.

    >>> import io
    >>> out = io.BytesIO()
    >>> write_sorted_lines(["b\\n", "a\\n", "c\\n", "a\\n"], out, chunk=2)
    3
    >>> out.getvalue()
    b'a\\nb\\nc\\n'
    """
    runs: list[IO[str]] = []
    buffer: list[str] = []
    try:
        for line in lines:
            buffer.append(line)
            if len(buffer) >= chunk:
                run = tempfile.TemporaryFile("w+", encoding="utf-8")
                run.writelines(sorted(buffer))
                run.seek(0)
                runs.append(run)
                buffer = []
        buffer.sort()
        merged = heapq.merge(*runs, buffer) if runs else iter(buffer)
        written, previous = 0, None
        for line in merged:
            if line != previous:
                handle.write(line.encode("utf-8"))
                written += 1
                previous = line
        return written
    finally:
        for run in runs:
            run.close()


def _fixed_ox_quads(native: object, triples: bool) -> Iterator[object]:
    import pyoxigraph as ox  # noqa: PLC0415

    integer, decimal = ox.NamedNode(_XSD_INTEGER), ox.NamedNode(_XSD_DECIMAL)
    non_negative = ox.NamedNode(str(XSD.nonNegativeInteger))
    for quad in native.quads_for_pattern(None, None, None, None):
        obj = quad.object
        if isinstance(obj, ox.Literal) and obj.datatype in (integer, decimal):
            if obj.datatype == decimal and re.fullmatch(r"-?\d+", obj.value):
                obj = ox.Literal(obj.value + ".0", datatype=decimal)
            elif obj.datatype == integer and quad.predicate.value in _OFFSETS:
                obj = ox.Literal(obj.value, datatype=non_negative)
            quad = ox.Quad(quad.subject, quad.predicate, obj, quad.graph_name)
        yield ox.Triple(quad.subject, quad.predicate, quad.object) if triples else quad


def write_native(ds: Dataset, handle: IO[bytes], fmt: str) -> None:
    """Write a store-backed dataset to ``handle`` in ``fmt`` without loading it in Python objects.

    ``nquads`` and ``nt`` (the union of the graphs) are sorted and
    deduplicated like :func:`alliance_kg.rdfio.serialize`; ``turtle`` (the
    union) and ``trig`` are streamed in the store's order (deterministic for
    a given content) with the project prefixes.
    """
    import pyoxigraph as ox  # noqa: PLC0415

    native = native_store(ds)
    if native is None:
        raise GraphError("write_native needs a store-backed dataset")
    if fmt in ("nquads", "nt"):
        write_sorted_lines(_lines(native, triples=fmt == "nt"), handle)
        return
    if fmt not in ("turtle", "trig"):
        raise GraphError(f"cannot write {fmt} natively", "use turtle, trig, nt or nquads")
    rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.TRIG
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    ox.serialize(_fixed_ox_quads(native, triples=fmt == "turtle"), handle, rdf_format, prefixes=prefixes)


def store_size(spec: str) -> int:
    """Return the bytes the store folder takes on disk."""
    folder = store_dir(spec)
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.is_dir() else 0


__all__ = [
    "NETWORK_PREDICATES", "SCHEME", "add_quads", "close_dataset", "import_file", "is_store_spec",
    "iter_quads", "load_network", "native_store", "network_graph", "network_of", "open_dataset", "opened",
    "ox_term", "paths_network", "rdf_quad", "rdf_term", "store_dir", "store_size", "to_memory",
    "write_native", "write_sorted_lines",
]
