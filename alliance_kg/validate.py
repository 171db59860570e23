"""Validate a graph against the SHACL shapes (``ontologies/shapes.ttl``) with pySHACL.

The union of all graphs is validated at once (a statement in an article
graph names entities described in the default graph), together with the
ontology's ``rdfs:subClassOf`` axioms so that class checks see subclasses;
no other inference is run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from alliance_kg.data import data_path
from alliance_kg.errors import GraphError
from alliance_kg.graph import bind_prefixes, union_graph
from alliance_kg.kb import write_json_cache

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


class ValidationResult(NamedTuple):
    """One SHACL result: focus node, property path, message and severity (readable strings)."""

    focus: str
    path: str | None
    message: str
    severity: str


@dataclass
class Report:
    """The outcome of :func:`validate_graph`: whether the graph conforms, and every result."""

    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)

    @property
    def violations(self) -> list[ValidationResult]:
        """Return the results of severity Violation."""
        return [r for r in self.results if r.severity == "Violation"]


class _PreparedQueryGraph(Graph):
    """A Graph that parses each SPARQL text once.

    pySHACL runs a SHACL-SPARQL constraint once per focus node with the same
    text and different bindings; rdflib would parse it every time (about
    0.1 s each). Prepared queries are reusable with any bindings.
    """

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803
        if isinstance(query_object, str):
            query_object = _prepared(query_object, tuple(sorted((initNs or {}).items())))
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str, namespaces: tuple):
    from rdflib.plugins.sparql import prepareQuery  # noqa: PLC0415

    return prepareQuery(text, initNs=dict(namespaces))


def _parse_ttl(name: str, graph: Graph | None = None) -> Graph:
    path = data_path(name)
    graph = Graph() if graph is None else graph
    try:
        graph.parse(str(path), format="turtle")
    except FileNotFoundError:
        raise GraphError(f"{path}: no such file", "reinstall alliance-kg: the package ships it") from None
    except Exception as exc:  # noqa: BLE001 - a broken shipped file must be one clear error
        raise GraphError(f"{path}: cannot parse ({exc})") from None
    return graph


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """Return the alliance ontology (``ontologies/alliance.ttl``) as a Graph (shared: do not modify)."""
    return _parse_ttl("alliance.ttl")


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """Return the SHACL shapes (``ontologies/shapes.ttl``) as a Graph (shared: do not modify)."""
    return _parse_ttl("shapes.ttl")


@lru_cache(maxsize=1)
def _shapes_for_pyshacl() -> Graph:
    """The shapes in rdflib's store without named graphs: pySHACL reads its shapes graph a lot."""
    return _parse_ttl("shapes.ttl", Graph(store="SimpleMemory"))


@lru_cache(maxsize=1)
def subclass_axioms() -> tuple[tuple[URIRef, URIRef, URIRef], ...]:
    """Return the ``rdfs:subClassOf`` triples of the ontology between named classes, sorted.

    These are all of the ontology that the shapes need. They are kept as
    JSON in alliance-kg's cache folder (:func:`alliance_kg.kb.cache_dir`)
    under the hash of ``alliance.ttl`` and of this module, so that a
    validation does not parse the whole ontology; a missing, stale or
    broken cache is made again.
    """
    cached = _cache_file("alliance.ttl")
    if cached is not None:
        try:
            pairs = json.loads(cached.read_text(encoding="utf-8"))
            return tuple((URIRef(sub), RDFS.subClassOf, URIRef(sup)) for sub, sup in pairs)
        except (OSError, ValueError, TypeError):
            pass  # no cache yet, or a broken one: parse the ontology
    triples = sorted((s, p, o) for s, p, o in load_ontology().triples((None, RDFS.subClassOf, None))
                     if isinstance(s, URIRef) and isinstance(o, URIRef))
    if cached is not None:
        write_json_cache(cached, [[str(s), str(o)] for s, _, o in triples])
    return tuple(triples)


def _cache_file(name: str) -> Path | None:
    from alliance_kg.kb import cache_dir  # noqa: PLC0415

    folder = cache_dir()
    if folder is None:
        return None
    try:
        digest = hashlib.sha256(data_path(name).read_bytes())
        digest.update(Path(__file__).read_bytes())  # a change in what is kept invalidates the cache
    except OSError:
        return None  # the parser will say what is wrong with the file
    return folder / f"subclasses-{digest.hexdigest()[:32]}.json"


def _readable(term: object, names: Graph) -> str | None:
    """Return a term as a prefixed name, a lexical form, or None."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        try:
            prefix, _, local = names.namespace_manager.compute_qname(str(term), generate=False)
            return f"{prefix}:{local}" if prefix and local else str(term)
        except Exception:  # noqa: BLE001 - no prefix fits: the full IRI
            return str(term)
    if isinstance(term, BNode):
        return "(blank node)"
    return str(term) if isinstance(term, Literal) else str(term)


def _results(report_graph: Graph) -> list[ValidationResult]:
    names = bind_prefixes(Graph(bind_namespaces="none"))
    out = set()
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = _readable(report_graph.value(result, SH.focusNode), names) or "?"
        path_node = report_graph.value(result, SH.resultPath)
        path = _readable(path_node, names) if not isinstance(path_node, BNode) else "(complex path)"
        messages = sorted(str(m) for m in report_graph.objects(result, SH.resultMessage))
        message = messages[0] if messages else "constraint not met"
        value = _readable(report_graph.value(result, SH.value), names)
        if value is not None and value != focus and value not in message:
            message += f" (value: {value})"
        severity = SEVERITIES.get(report_graph.value(result, SH.resultSeverity), "Violation")
        out.add(ValidationResult(focus, path, message, severity))
    return sorted(out, key=lambda r: (_ORDER.get(r.severity, 3), r.focus, r.path or "", r.message))


def validation_graph(ds: Dataset | Graph) -> Graph:
    """Return what pySHACL checks: the union of the graphs of ``ds`` and the ontology's subclass axioms."""
    data = union_graph(ds, into=_PreparedQueryGraph(bind_namespaces="none"))
    for triple in subclass_axioms():
        data.add(triple)
    return data


def load_for_validation(spec: str) -> Graph:
    """Return :func:`validation_graph` of the graph file or store ``spec`` (as the ``validate`` command reads it).

    A Turtle or N-Triples file is parsed straight into the graph to check
    (the same triples as :func:`alliance_kg.rdfio.load_graph` gives, without
    moving the statements into their article graphs and back); any other
    format, a store, or a file that does not parse goes through
    :func:`alliance_kg.store.opened` (which gives the error message).
    """
    from alliance_kg.rdfio import format_for  # noqa: PLC0415
    from alliance_kg.store import is_store_spec, opened, to_memory  # noqa: PLC0415

    if not is_store_spec(spec):
        with contextlib.suppress(Exception):  # any failure: the ordinary path below says what is wrong
            if format_for(spec) in ("turtle", "nt"):
                return _parse_flat(Path(spec), format_for(spec))
    with opened(spec) as ds:
        return validation_graph(to_memory(ds))


def _parse_flat(path: Path, fmt: str) -> Graph:
    data = bind_prefixes(_PreparedQueryGraph(bind_namespaces="none"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's parsers call its own deprecated API
        data.parse(data=path.read_text(encoding="utf-8"), format=fmt)
    for triple in subclass_axioms():
        data.add(triple)
    return data


def validate_graph(ds: Dataset | Graph) -> Report:
    """Validate ``ds`` against the shipped SHACL shapes and return a Report.

    >>> from alliance_kg.graph import new_dataset
    >>> validate_graph(new_dataset()).conforms
    True
    """
    return check(validation_graph(ds))


def check(data: Graph) -> Report:
    """Run pySHACL on ``data`` as it is (see :func:`validation_graph`) and return a Report."""
    conforms, report_graph = run_pyshacl(data)
    return Report(conforms=conforms, results=_results(report_graph))


def run_pyshacl(data: Graph) -> tuple[bool, Graph]:
    """Return pySHACL's verdict and report graph for ``data`` against the shipped shapes.

    pySHACL runs without its text report (see :mod:`alliance_kg.shacl_speed`).
    """
    from alliance_kg.shacl_speed import import_pyshacl, lean_pyshacl  # noqa: PLC0415

    pyshacl = import_pyshacl()  # heavy import, only when validating
    try:
        with lean_pyshacl():
            conforms, report_graph, _ = pyshacl.validate(
                data, shacl_graph=_shapes_for_pyshacl(), inference="none", abort_on_first=False,
                allow_warnings=True, meta_shacl=False,
            )
    except Exception as exc:  # noqa: BLE001 - pySHACL errors (bad shapes) become one line
        raise GraphError(f"SHACL validation failed: {exc}", "check ontologies/shapes.ttl") from None
    if not isinstance(report_graph, Graph):  # pySHACL returns a ValidationFailure for unusable shapes
        raise GraphError(f"SHACL validation could not run: {report_graph}", "check ontologies/shapes.ttl")
    return bool(conforms), report_graph


def format_report(report: Report) -> str:
    """Return a validation report as readable text: a verdict line, then one block per result.

    >>> print(format_report(Report(True)))
    Conforms: the graph satisfies every shape.
    >>> print(format_report(Report(False, [ValidationResult("aks:x", "rdf:subject", "missing", "Violation")])))
    Does not conform: 1 violation.
    <BLANKLINE>
    Violation  aks:x
      path:    rdf:subject
      message: missing
    """
    if report.conforms and not report.results:
        return "Conforms: the graph satisfies every shape."
    counts: dict[str, int] = {}
    for result in report.results:
        counts[result.severity] = counts.get(result.severity, 0) + 1
    summary = ", ".join(f"{n} {sev.lower()}{'s' if n > 1 else ''}"
                        for sev, n in sorted(counts.items(), key=lambda kv: _ORDER.get(kv[0], 3)))
    verdict = "Conforms" if report.conforms else "Does not conform"
    lines = [f"{verdict}: {summary}."]
    for result in report.results:
        lines += ["", f"{result.severity:<10} {result.focus}"]
        if result.path:
            lines.append(f"  path:    {result.path}")
        lines.append(f"  message: {result.message}")
    return "\n".join(lines)
