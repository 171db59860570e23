"""Run SPARQL queries on a graph, safely, and format the results.

Every project prefix (``aka:``, ``ake:``, ``aks:``, ``akd:``, ``prov:`` ...) is
predeclared. SELECT and ASK see the union of the default and named graphs
(``GRAPH ?g { ... }`` still reaches the article graphs one by one).

Nothing ever reaches the network: ``SERVICE``, ``FROM``/``FROM NAMED`` and
every update (``LOAD``, ``INSERT``, ``DELETE``, ``CLEAR``, ``DROP``,
``CREATE`` ...) are refused from the parsed query, before evaluation.

On a dataset kept in an Oxigraph store (``oxigraph:DIR``, see
:mod:`alliance_kg.store`) the checked query runs natively in Oxigraph; the
result is the same rdflib ``Result`` and prints the same way.

>>> from alliance_kg.graph import new_dataset
>>> ds = new_dataset()
>>> _ = ds.default_graph.add((AKE.nissan, AKA.distrusts, AKE.geely))
>>> print(format_result(run_query(ds, "SELECT ?a ?b WHERE { ?a aka:distrusts ?b }"), "table"))
a           b
----------  ---------
ake:nissan  ake:geely
>>> run_query(ds, "ASK { ake:nissan aka:distrusts ake:geely }").askAnswer
True
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator

from pyparsing import ParseException
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result

from alliance_kg.errors import QueryError
from alliance_kg.graph import bind_prefixes, new_dataset, union_graph
from alliance_kg.namespaces import AKA, AKE, PREFIXES  # noqa: F401 - AKA, AKE: for the doctest

FORMATS = ("table", "csv", "tsv", "json")
INIT_NS = {prefix: URIRef(str(ns)) for prefix, ns in PREFIXES.items()}
_UPDATE_NAMES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD",
                 "Move": "MOVE", "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA",
                 "DeleteWhere": "DELETE WHERE", "Modify": "DELETE/INSERT"}


def _walk(node: object) -> Iterator[CompValue]:
    """Yield every algebra node below ``node`` (queries, patterns, expressions)."""
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple, set, frozenset)):
        for item in node:
            yield from _walk(item)


def _refuse_update(text: str) -> None:
    """Raise QueryError if ``text`` is a SPARQL update (it is never run)."""
    try:
        update = parseUpdate(text)
    except Exception:  # noqa: BLE001 - not an update either: the caller reports the query error
        return
    names = sorted({_UPDATE_NAMES.get(op.name, op.name) for op in update.request if isinstance(op, CompValue)})
    raise QueryError(f"SPARQL update refused ({', '.join(names) or 'update'}): queries are read-only here",
                     "write a SELECT, ASK, CONSTRUCT or DESCRIBE query")


def prepare_query(text: str) -> Query:
    """Parse and check a query; raise QueryError on a syntax error or a refused feature.

    >>> prepare_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    alliance_kg.errors.QueryError: SERVICE (federated query) refused: alliance-kg never queries the network
    """
    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        _refuse_update(text)
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}",
                         "check the query near that position") from None
    except Exception as exc:  # noqa: BLE001 - rdflib raises plain Exceptions for some errors
        raise QueryError(f"SPARQL error: {exc}") from None
    try:
        query = translateQuery(parsed, initNs=INIT_NS)
    except Exception as exc:  # noqa: BLE001 - e.g. "Unknown namespace prefix"
        raise QueryError(f"SPARQL error: {exc}", "declare the prefix with PREFIX or use a project prefix") from None
    for node in _walk(query.algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryError("SERVICE (federated query) refused: alliance-kg never queries the network")
        if node.name == "DatasetClause" or dict.get(node, "datasetClause"):
            raise QueryError("FROM / FROM NAMED refused: queries run on the given graph only",
                             "remove the FROM clause; use GRAPH ?g { ... } for article graphs")
    return query


def inferred_dataset(ds: Dataset) -> Dataset:
    """Return a copy of ``ds`` whose default graph adds the ontology and its OWL-RL closure.

    Symmetric properties and sub-properties then hold: a ``jointVenture``
    edge is found by a ``partnerOf`` query, in both directions. A
    store-backed dataset is copied in memory first.
    """
    from alliance_kg.store import to_memory  # noqa: PLC0415

    ds = to_memory(ds)
    import owlrl  # noqa: PLC0415 - only needed with --infer

    from alliance_kg.validate import load_ontology  # noqa: PLC0415

    base = union_graph(ds)
    closure = Graph()
    for triple in base:
        closure.add(triple)
    for triple in load_ontology():
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    out = new_dataset()
    for graph in ds.graphs():
        target = out.default_graph if graph.identifier == ds.default_graph.identifier else out.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    for triple in closure:
        if triple not in base and not isinstance(triple[0], Literal):
            out.default_graph.add(triple)
    return out


def _run_native(native: object, text: str, query: Query) -> Result | None:
    """Run a checked query natively in Oxigraph (union of all graphs); None when Oxigraph cannot parse it.

    The answer is an rdflib Result with terms in alliance-kg's forms, so the
    formats are the same as for a graph file.
    """
    import pyoxigraph as ox  # noqa: PLC0415 - only for a store-backed dataset

    from alliance_kg.store import rdf_term  # noqa: PLC0415

    prefixes = {prefix: str(ns) for prefix, ns in INIT_NS.items()}
    try:
        answer = native.query(text, prefixes=prefixes, use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
        elif isinstance(answer, ox.QuerySolutions):
            result = Result("SELECT")
            result.vars = [Variable(v.value) for v in answer.variables]
            result.bindings = [{var: rdf_term(term) for var, term in zip(result.vars, solution)
                                if term is not None} for solution in answer]
        else:
            result = Result("DESCRIBE" if query.algebra.name == "DescribeQuery" else "CONSTRUCT")
            result.graph = bind_prefixes(Graph(bind_namespaces="none"))
            for triple in answer:
                result.graph.add(rdf_term(triple))
    except SyntaxError:  # SPARQL rdflib accepts and Oxigraph does not: rdflib evaluates it
        return None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"SPARQL evaluation failed: {type(exc).__name__}: {exc}") from None
    return result


def run_query(ds: Dataset, text: str, infer: bool = False) -> Result:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query and return rdflib's Result.

    The query sees the union of all graphs; with ``infer`` also the ontology
    and its OWL-RL closure. Raises QueryError before evaluation for refused
    features and syntax errors. On a store-backed dataset
    (:func:`alliance_kg.store.open_dataset`) Oxigraph evaluates the query
    (a triple held in several graphs then matches once per graph; alliance-kg
    graphs hold none).
    """
    query = prepare_query(text)
    if not infer:
        from alliance_kg.store import native_store  # noqa: PLC0415

        if native_store(ds) is not None:  # no local for the store: a parse cycle may keep this frame
            result = _run_native(native_store(ds), text, query)
            if result is not None:
                return result
    target = inferred_dataset(ds) if infer else ds
    previous = target.default_union
    target.default_union = True
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's evaluator uses its deprecated API
            result = target.query(query)
            if result.type == "SELECT":
                result.bindings = list(result.bindings)  # evaluate now, while the union view is on
        return result
    except QueryError:
        raise
    except Exception as exc:  # noqa: BLE001 - evaluation errors (bad function, types) become one line
        raise QueryError(f"SPARQL evaluation failed: {type(exc).__name__}: {exc}") from None
    finally:
        target.default_union = previous


def _short(term: object, graph: Graph) -> str:
    """Return a term as a reader sees it: prefixed name for IRIs, lexical form for literals."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            prefix, _, local = graph.namespace_manager.compute_qname(str(term), generate=False)
            return f"{prefix}:{local}" if prefix and local else str(term)
        except Exception:  # noqa: BLE001 - not expressible as a prefixed name
            return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv_term(term: object) -> str:
    """Return a term in the SPARQL TSV encoding (Turtle syntax, tabs and newlines escaped)."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.decimal, XSD.double) and not term.ill_typed:
        text = str(term)
        if term.datatype != XSD.decimal or "." in text:
            return text
    return term.n3().replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _table(result: Result) -> str:
    graph = bind_prefixes(Graph(bind_namespaces="none"))
    names = [str(v) for v in result.vars or []]
    rows = [[_short(row[i], graph) for i in range(len(names))] for row in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def format_result(result: Result, fmt: str = "table") -> str:
    """Return a result as text: table, csv, tsv or json (W3C SPARQL 1.1 results formats).

    CONSTRUCT and DESCRIBE results are always Turtle; ASK gives ``true`` or
    ``false`` (or the W3C JSON boolean form).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown result format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        from alliance_kg.rdfio import serialize  # noqa: PLC0415

        return serialize(result.graph, "turtle")
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
        return "true" if result.askAnswer else "false"
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    if fmt == "csv":
        return result.serialize(format="csv").decode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.vars or [])]
        lines += ["\t".join(_tsv_term(term) for term in row) for row in result]
        return "".join(line + "\n" for line in lines)
    return _table(result)


__all__ = ["FORMATS", "format_result", "inferred_dataset", "prepare_query", "run_query"]
