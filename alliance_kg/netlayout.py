"""Colours and fixed positions shared by the viewer exports (GEXF, HTML, PNG)."""

from __future__ import annotations

import itertools
import math

import networkx as nx

#: One colour per entity type (hex), shared by every viewer export.
TYPE_COLORS: dict[str, str] = {
    "Automaker": "#1f77b4", "EnergyCompany": "#ff7f0e", "JointVenture": "#2ca02c",
    "Alliance": "#9467bd", "BusinessUnit": "#17becf", "Supplier": "#8c564b",
    "TechnologyCompany": "#e377c2", "NewsAgency": "#7f7f7f", "Organisation": "#bcbd22",
    "Technology": "#aec7e8", "Country": "#c7c7c7",
}
#: One colour per tie sign (hex).
SIGN_COLORS: dict[str, str] = {
    "positive": "#2e7d32", "negative": "#d62728", "negated": "#9e9e9e", "neutral": "#5c6bc0",
}


def type_color(kind: str) -> str:
    """Return the hex colour of an entity type (the generic one when unknown)."""
    return TYPE_COLORS.get(kind, TYPE_COLORS["Organisation"])


def _clearance(pos: dict, edges: list[tuple[str, str]]) -> float:
    """Return the smallest distance between a node and another node or a tie not its own."""
    best = min((math.dist(pos[a], pos[b]) for a, b in itertools.combinations(pos, 2)), default=1.0)
    for node, (px, py) in pos.items():
        for u, v in edges:
            if node in (u, v):
                continue
            (x1, y1), (x2, y2) = pos[u], pos[v]
            dx, dy = x2 - x1, y2 - y1
            t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / ((dx * dx + dy * dy) or 1.0)))
            best = min(best, math.dist((px, py), (x1 + t * dx, y1 + t * dy)))
    return best


def layout(net: nx.MultiDiGraph, seed: int = 7, tries: int = 12) -> dict[str, tuple[float, float]]:
    """Return fixed node positions in [-1, 1]: the clearest of a few seeded spring layouts."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(net))
    simple.add_edges_from(sorted((u, v) for u, v in net.edges() if u != v))
    if len(simple) == 1:
        return {n: (0.0, 0.0) for n in simple}
    edges = sorted(simple.edges())
    tries = tries if len(simple) <= 120 else 1
    best, best_score = {}, -1.0
    for attempt in range(tries):
        pos = nx.spring_layout(simple, seed=seed + attempt, k=2.2 / len(simple) ** 0.5, iterations=300)
        pos = {n: (float(x), float(y)) for n, (x, y) in pos.items()}
        score = _clearance(pos, edges) if tries > 1 else 0.0
        if score > best_score + 1e-9:
            best, best_score = pos, score
    xs, ys = [x for x, _ in best.values()], [y for _, y in best.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: (round(2 * (x - min(xs)) / span_x - 1, 4), round(2 * (y - min(ys)) / span_y - 1, 4))
            for n, (x, y) in sorted(best.items())}
