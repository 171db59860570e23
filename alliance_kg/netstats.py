"""Summarise the network: counts by type and predicate, centrality, articles and dates."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from alliance_kg.network import is_organisation

TOP = 10


def tie_graph(net: nx.MultiDiGraph) -> nx.Graph:
    """Return the undirected simple graph of affirmed ties between organisations."""
    graph = nx.Graph()
    graph.add_nodes_from(n for n in net if is_organisation(net, n))
    graph.add_edges_from((u, v) for u, v, d in net.edges(data=True)
                         if d["polarity"] == "affirmed" and u != v
                         and is_organisation(net, u) and is_organisation(net, v))
    return graph


def network_stats(net: nx.MultiDiGraph, top: int = TOP) -> dict:
    """Return a JSON-ready summary of the network.

    Keys: ``nodes``, ``edges``, ``statements``, ``types`` (nodes by type),
    ``predicates`` (edges by predicate, split by polarity), ``signs``,
    ``modalities``, ``degree`` and ``betweenness`` (the ``top`` companies,
    over affirmed ties), ``articles`` and ``date_range``.
    """
    types = Counter(d["type"] for _, d in net.nodes(data=True))
    predicates: dict[str, dict[str, int]] = {}
    for _, _, d in net.edges(data=True):
        counts = predicates.setdefault(d["predicate"], {"affirmed": 0, "negated": 0})
        counts[d["polarity"]] += 1
    signs = Counter(d["sign"] for _, _, d in net.edges(data=True))
    modalities = Counter(d["modality"] for _, _, d in net.edges(data=True))
    graph = tie_graph(net)
    degree = dict(graph.degree())
    betweenness = nx.betweenness_centrality(graph, normalized=True) if len(graph) > 2 else {}

    def ranked(scores: dict, key: str) -> list[dict]:
        order = sorted(scores, key=lambda n: (-scores[n], net.nodes[n]["label"]))
        return [{"label": net.nodes[n]["label"], "iri": n, "type": net.nodes[n]["type"],
                 key: round(scores[n], 4) if isinstance(scores[n], float) else scores[n]}
                for n in order[:top] if scores[n] > 0]

    return {
        "nodes": net.number_of_nodes(),
        "edges": net.number_of_edges(),
        "statements": sum(d["statements"] for _, _, d in net.edges(data=True)),
        "types": dict(sorted(types.items())),
        "predicates": dict(sorted(predicates.items())),
        "signs": dict(sorted(signs.items())),
        "modalities": dict(sorted(modalities.items())),
        "degree": ranked(degree, "degree"),
        "betweenness": ranked(betweenness, "betweenness"),
        "articles": len(net.graph.get("articles", ())),
        "date_range": [net.graph.get("first_date"), net.graph.get("last_date")],
    }


def format_stats(stats: dict) -> str:
    """Return the summary of :func:`network_stats` as readable text."""
    first, last = stats["date_range"]
    dates = f"{first} to {last}" if first and first != last else (first or "no date")
    lines = [
        f"{stats['nodes']} entities, {stats['edges']} ties from {stats['statements']} statements "
        f"in {stats['articles']} article(s), {dates}",
        "",
        "Entities by type:",
        *(f"  {kind:<20} {n}" for kind, n in stats["types"].items()),
        "",
        "Ties by predicate (affirmed / negated):",
        *(f"  {p:<20} {c['affirmed']} / {c['negated']}" for p, c in stats["predicates"].items()),
        "",
        "Ties by sign: " + ", ".join(f"{k} {v}" for k, v in stats["signs"].items()),
        "Ties by modality: " + ", ".join(f"{k} {v}" for k, v in stats["modalities"].items()),
        "",
        "Most connected (degree over affirmed ties):",
        *(f"  {r['label']:<36} {r['degree']}" for r in stats["degree"]),
        "",
        "Brokers (betweenness centrality):",
        *(f"  {r['label']:<36} {r['betweenness']:.3f}" for r in stats["betweenness"]),
    ]
    if not stats["betweenness"]:
        lines.append("  (none)")
    return "\n".join(lines) + "\n"
