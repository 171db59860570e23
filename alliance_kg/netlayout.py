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


def canvas_scale(nodes: int) -> float:
    """Return how much larger than a small network's the picture of ``nodes`` nodes is (1 to 2.4).

    >>> canvas_scale(12), canvas_scale(120)
    (1.0, 2.0)
    """
    return max(1.0, min(2.4, math.sqrt(nodes / 30)))


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


def _component_layout(graph: nx.Graph, seed: int, tries: int) -> dict[str, tuple[float, float]]:
    """Return positions in [-1, 1] for one connected component: the clearest of a few spring layouts."""
    if len(graph) == 1:
        return {n: (0.0, 0.0) for n in graph}
    edges = sorted(graph.edges())
    tries = tries if len(graph) <= 40 else min(tries, 3) if len(graph) <= 200 else 1
    best, best_score = {}, -1.0
    for attempt in range(tries):
        pos = nx.spring_layout(graph, seed=seed + attempt, k=2.2 / len(graph) ** 0.5, iterations=300)
        pos = {n: (float(x), float(y)) for n, (x, y) in pos.items()}
        score = _clearance(pos, edges) if tries > 1 else 0.0
        if score > best_score + 1e-9:
            best, best_score = pos, score
    return best


def _normalise(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: (2 * (x - min(xs)) / span_x - 1 if len(set(xs)) > 1 else 0.0,
                2 * (y - min(ys)) / span_y - 1 if len(set(ys)) > 1 else 0.0) for n, (x, y) in pos.items()}


def layout(net: nx.MultiDiGraph, seed: int = 7, tries: int = 12) -> dict[str, tuple[float, float]]:
    """Return fixed node positions in [-1, 1], deterministic for a given network.

    Each connected component gets its own seeded spring layout in a square
    whose side grows with the square root of its size; the squares are
    packed in rows, largest first, so a small island does not squash the rest.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(net))
    simple.add_edges_from(sorted((u, v) for u, v in net.edges() if u != v))
    if len(simple) == 0:
        return {}
    parts = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    sides = [math.sqrt(len(c)) for c in parts]
    row_width = max(sides[0], math.sqrt(sum(s * s for s in sides)) * 1.3)
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, side in zip(parts, sides):
        if x > 0 and x + side > row_width + 1e-9:
            x, y, row_height = 0.0, y + row_height, 0.0
        local = _component_layout(simple.subgraph(part).copy(), seed, tries)
        margin = 0.42 if len(part) > 1 else 0.0
        for node, (px, py) in local.items():
            placed[node] = (x + side / 2 + px * side * margin, -(y + side / 2) + py * side * margin)
        x, row_height = x + side, max(row_height, side)
    return {n: (round(px, 4), round(py, 4)) for n, (px, py) in sorted(_normalise(placed).items())}
