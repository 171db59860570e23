"""Find partnership paths between two companies, each hop with its evidence.

>>> sorted(relation_set("partnerOf, MEMBEROF"))
['memberOf', 'partnerOf']
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass

import networkx as nx

from alliance_kg.errors import QueryError, UnknownEntityError
from alliance_kg.kb import KnowledgeBase, normalize
from alliance_kg.network import POSITIVE, is_organisation, modality_rank, relation_label
from alliance_kg.statement import PREDICATES

DEFAULT_MAX_LENGTH = 4
MAX_PATHS = 50


@dataclass(frozen=True)
class Hop:
    """One step of a path: the tie between two consecutive companies."""

    source: str
    target: str
    source_iri: str
    target_iri: str
    predicate: str
    relation: str
    direction: str  # "forward" (source is the subject), "backward", or "mutual" (symmetric)
    modality: str
    date: str | None
    evidence: str
    article: str
    articles: int

    @property
    def arrow(self) -> str:
        """Return the arrow of this hop as read from source to target."""
        return "←" if self.direction == "backward" else "→"


@dataclass(frozen=True)
class Path:
    """A path of hops from one company to another."""

    hops: tuple[Hop, ...]

    @property
    def nodes(self) -> list[str]:
        """Return the labels of the companies along the path."""
        return [self.hops[0].source, *(h.target for h in self.hops)] if self.hops else []

    def line(self) -> str:
        """Return the path on one line, e.g. ``A → (member of) B ← C``."""
        parts = [self.hops[0].source]
        for hop in self.hops:
            parts.append(f"{hop.arrow} ({hop.relation}) {hop.target}")
        return " ".join(parts)

    def to_dict(self) -> dict:
        """Return the path as a JSON-ready dict."""
        return {"length": len(self.hops), "nodes": self.nodes, "summary": self.line(),
                "hops": [asdict(h) for h in self.hops]}


def relation_set(text: str | None) -> frozenset[str]:
    """Parse a comma-separated list of predicates (the cooperation ties when empty)."""
    if not text:
        return POSITIVE
    names = frozenset(n.strip() for n in text.split(",") if n.strip())
    by_norm = {p.lower(): p for p in PREDICATES}
    unknown = sorted(n for n in names if n.lower() not in by_norm)
    if unknown:
        raise QueryError(f"unknown relation {', '.join(unknown)}",
                                 "choose among " + ", ".join(PREDICATES))
    return frozenset(by_norm[n.lower()] for n in names)


def resolve(net: nx.MultiDiGraph, name: str, kb: KnowledgeBase | None = None) -> str:
    """Return the node of the company called ``name`` (label or alias, any case or accents).

    Raises :class:`UnknownEntityError` naming the closest known companies.
    """
    index: dict[str, str] = {}
    orgs = sorted((n for n in net if is_organisation(net, n)), key=lambda n: net.nodes[n]["label"])
    for node in orgs:
        data = net.nodes[node]
        names = [data["label"], *data.get("aliases", ())]
        entity = kb.get(node) if kb is not None else None
        if entity is not None:
            names += [entity.name, *entity.labels]
        for label in names:
            index.setdefault(normalize(label), node)
    wanted = normalize(name)
    if wanted in index:
        return index[wanted]
    if wanted in {normalize(net.nodes[n]["label"]) for n in net}:
        raise UnknownEntityError(f"{name!r} is a technology or a country, not a company",
                                 "paths run between companies")
    close = difflib.get_close_matches(wanted, list(index), n=5, cutoff=0.5)
    suggestions = list(dict.fromkeys(net.nodes[index[c]]["label"] for c in close))
    if not suggestions:
        suggestions = [net.nodes[n]["label"] for n in orgs][:8]
    raise UnknownEntityError(f"unknown company {name!r}",
                             "closest known names: " + ", ".join(suggestions))


def step_graph(net: nx.MultiDiGraph, relations: frozenset[str] = POSITIVE,
               include_speculative: bool = False) -> nx.Graph:
    """Return the undirected graph of ties a path may step over.

    Only affirmed ties whose predicate is in ``relations`` between
    organisations; asserted ones only unless ``include_speculative``.
    Each edge keeps its best tie (most certain, most articles) as ``tie``.
    """
    graph = nx.Graph()
    graph.add_nodes_from(n for n in net if is_organisation(net, n))
    for u, v, data in net.edges(data=True):
        if data["polarity"] != "affirmed" or data["predicate"] not in relations or u == v:
            continue
        if not (is_organisation(net, u) and is_organisation(net, v)):
            continue
        modality = data["modality"] if include_speculative else (
            "asserted" if "asserted" in data["modalities"] else None)
        if modality is None:
            continue
        tie = (u, v, data, modality)
        old = graph.edges[u, v]["tie"] if graph.has_edge(u, v) else None
        if old is None or _tie_rank(tie) < _tie_rank(old):
            graph.add_edge(u, v, tie=tie)
    return graph


def _tie_rank(tie: tuple) -> tuple:
    u, v, data, modality = tie
    return (modality_rank(modality), -data["articles"], data["predicate"], u, v)


def _hop(net: nx.MultiDiGraph, graph: nx.Graph, a: str, b: str) -> Hop:
    subject, obj, data, modality = graph.edges[a, b]["tie"]
    evidence = next((e for e in data["evidence"] if e["modality"] == modality), data["evidence"][0])
    if data["symmetric"]:
        direction = "mutual"
    else:
        direction = "forward" if subject == a else "backward"
    return Hop(
        source=net.nodes[a]["label"], target=net.nodes[b]["label"], source_iri=a, target_iri=b,
        predicate=data["predicate"], relation=relation_label(data["predicate"]),
        direction=direction, modality=modality, date=evidence["date"] or data["first_date"],
        evidence=evidence["sentence"], article=evidence["article"], articles=data["articles"],
    )


def find_paths(net: nx.MultiDiGraph, source: str, target: str, *, all_paths: bool = False,
               max_length: int | None = None, relations: frozenset[str] = POSITIVE,
               include_speculative: bool = False,
               kb: KnowledgeBase | None = None) -> list[Path]:
    """Return the shortest paths (or all simple paths with ``all_paths``) between two companies.

    ``source`` and ``target`` are names or aliases. An empty list means no
    path; an unknown name raises :class:`UnknownEntityError`.
    """
    a, b = resolve(net, source, kb), resolve(net, target, kb)
    if a == b:
        raise QueryError(f"{source!r} and {target!r} name the same company", "give two different companies")
    graph = step_graph(net, relations, include_speculative)
    label = lambda n: net.nodes[n]["label"]  # noqa: E731
    if all_paths:
        cutoff = max_length or DEFAULT_MAX_LENGTH
        found = list(nx.all_simple_paths(graph, a, b, cutoff=cutoff))
    else:
        try:
            found = list(nx.all_shortest_paths(graph, a, b))
        except nx.NetworkXNoPath:
            found = []
        if max_length is not None:
            found = [p for p in found if len(p) - 1 <= max_length]
    found.sort(key=lambda p: (len(p), [label(n) for n in p]))
    return [Path(tuple(_hop(net, graph, x, y) for x, y in zip(p, p[1:]))) for p in found[:MAX_PATHS]]


def format_paths(paths: list[Path], source: str, target: str, hint: str | None = None) -> str:
    """Return the paths as readable text, each hop with its evidence (``hint`` follows "no path")."""
    if not paths:
        return f"No path links {source} and {target} over the chosen ties." + (f" {hint}" if hint else "") + "\n"
    lines: list[str] = []
    for i, path in enumerate(paths, 1):
        hops = len(path.hops)
        lines.append(f"Path {i} ({hops} hop{'s' if hops > 1 else ''}): {path.line()}")
        for j, hop in enumerate(path.hops, 1):
            when = f", {hop.date}" if hop.date else ""
            lines.append(f"  {j}. {hop.source} {hop.arrow} {hop.relation} {hop.arrow} {hop.target}"
                         f" [{hop.modality}{when}; {hop.articles} article(s)]")
            if hop.evidence:
                lines.append(f"     \"{hop.evidence}\" ({hop.article})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
