"""Validate a graph against the SHACL shapes (``ontologies/shapes.ttl``) with pySHACL.

The union of all graphs is validated at once (a statement in an article
graph names entities described in the default graph), together with the
ontology's ``rdfs:subClassOf`` axioms so that class checks see subclasses;
no other inference is run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from alliance_kg.data import data_path
from alliance_kg.errors import GraphError
from alliance_kg.graph import bind_prefixes, union_graph

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


def _parse_ttl(name: str) -> Graph:
    path = data_path(name)
    graph = Graph()
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


def validate_graph(ds: Dataset | Graph) -> Report:
    """Validate ``ds`` against the shipped SHACL shapes and return a Report.

    >>> from alliance_kg.graph import new_dataset
    >>> validate_graph(new_dataset()).conforms
    True
    """
    import pyshacl  # noqa: PLC0415 - heavy import, only when validating

    data = union_graph(ds, into=_PreparedQueryGraph(bind_namespaces="none"))
    for triple in load_ontology().triples((None, RDFS.subClassOf, None)):
        if not isinstance(triple[2], BNode):
            data.add(triple)
    try:
        conforms, report_graph, _ = pyshacl.validate(
            data, shacl_graph=load_shapes(), inference="none", abort_on_first=False,
            allow_warnings=True, meta_shacl=False,
        )
    except Exception as exc:  # noqa: BLE001 - pySHACL errors (bad shapes) become one line
        raise GraphError(f"SHACL validation failed: {exc}", "check ontologies/shapes.ttl") from None
    if not isinstance(report_graph, Graph):  # pySHACL returns a ValidationFailure for unusable shapes
        raise GraphError(f"SHACL validation could not run: {report_graph}", "check ontologies/shapes.ttl")
    results = _results(report_graph)
    return Report(conforms=bool(conforms), results=results)


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
