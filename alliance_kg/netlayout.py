"""Colours and fixed positions shared by the viewer exports (GEXF, HTML, PNG)."""

from __future__ import annotations

import itertools
import math
import random

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

_ITERATIONS = 80        # steps of one spring layout run
_SPACING = 2.2          # ideal tie length times the square root of the component's size
_TIE_REACH = 0.5        # a node closer than this many ideal lengths to another tie is pushed off it
_TIE_PUSH = 10.0        # how hard
_WORK_BUDGET = 250_000  # force terms per component over all tries (the seed graph gets 4 tries)
_PURE_LIMIT = 80        # larger components use networkx's numpy spring layout


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


def _push_off_ties(xs: list[float], ys: list[float], ties: list[tuple[int, int]],
                   fx: list[float], fy: list[float], k: float) -> None:
    """Add the forces that push each node off the ties passing closer than k/2 to it (its own excepted)."""
    reach, strength = (_TIE_REACH * k) ** 2, _TIE_PUSH * k * k
    for i, j in ties:
        x1, y1 = xs[i], ys[i]
        ex, ey = xs[j] - x1, ys[j] - y1
        length2 = ex * ex + ey * ey
        if length2 < 1e-12:
            continue
        for m in range(len(xs)):
            if m == i or m == j:
                continue
            px, py = xs[m] - x1, ys[m] - y1
            s = (px * ex + py * ey) / length2
            if s <= 0.0 or s >= 1.0:
                continue
            qx, qy = px - s * ex, py - s * ey
            q2 = qx * qx + qy * qy
            if q2 >= reach:
                continue
            f = strength / max(q2, 1e-4)
            fx[m] += qx * f
            fy[m] += qy * f
            fx[i] -= qx * f * (1 - s)
            fy[i] -= qy * f * (1 - s)
            fx[j] -= qx * f * s
            fy[j] -= qy * f * s


def _spring(nodes: list[str], edges: list[tuple[str, str]], seed: int) -> dict[str, tuple[float, float]]:
    """Return a seeded Fruchterman-Reingold layout of one component, centred, within [-1, 1].

    Pure Python (no numpy to import, and the same floating-point operations
    on every machine): nodes repel each other, ties pull their ends
    together, and in the second half of the run nodes are also pushed off
    the ties that pass too close to them.
    """
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    ties = [(index[u], index[v]) for u, v in edges]
    rng = random.Random(seed)
    xs = [rng.random() for _ in range(n)]
    ys = [rng.random() for _ in range(n)]
    k = _SPACING / math.sqrt(n)
    k2 = k * k
    step = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.1
    cooling = step / (_ITERATIONS + 1)
    for iteration in range(_ITERATIONS):
        fx, fy = [0.0] * n, [0.0] * n
        for i in range(n):
            xi, yi, ax, ay = xs[i], ys[i], 0.0, 0.0
            for j in range(i + 1, n):
                dx, dy = xi - xs[j], yi - ys[j]
                f = k2 / max(dx * dx + dy * dy, 1e-4)
                ax += dx * f
                ay += dy * f
                fx[j] -= dx * f
                fy[j] -= dy * f
            fx[i] += ax
            fy[i] += ay
        for i, j in ties:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            f = max(math.sqrt(dx * dx + dy * dy), 0.01) / k
            fx[i] -= dx * f
            fy[i] -= dy * f
            fx[j] += dx * f
            fy[j] += dy * f
        if 2 * iteration >= _ITERATIONS:
            _push_off_ties(xs, ys, ties, fx, fy, k)
        for i in range(n):
            scale = step / max(math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]), 0.01)
            xs[i] += fx[i] * scale
            ys[i] += fy[i] * scale
        step -= cooling
    cx, cy = sum(xs) / n, sum(ys) / n
    extent = max(max(abs(x - cx) for x in xs), max(abs(y - cy) for y in ys)) or 1.0
    return {node: ((xs[i] - cx) / extent, (ys[i] - cy) / extent) for i, node in enumerate(nodes)}


def _component_layout(graph: nx.Graph, seed: int, tries: int) -> dict[str, tuple[float, float]]:
    """Return positions in [-1, 1] for one connected component: the clearest of a few spring layouts.

    Components of up to ``_PURE_LIMIT`` nodes get :func:`_spring`, as many
    tries as the work budget allows; larger ones networkx's (numpy) spring
    layout, whose import then costs little next to the work.
    """
    if len(graph) == 1:
        return {n: (0.0, 0.0) for n in graph}
    nodes, edges = sorted(graph), sorted(graph.edges())
    n = len(nodes)
    if n <= _PURE_LIMIT:
        work = _ITERATIONS * (n * n / 2 + n * len(edges) / 2)
        runs = max(1, min(tries, int(_WORK_BUDGET // work)))
        layouts = (_spring(nodes, edges, seed + attempt) for attempt in range(runs))
    else:
        runs = min(tries, 3) if n <= 200 else 1
        layouts = ({node: (float(x), float(y)) for node, (x, y) in nx.spring_layout(
            graph, seed=seed + attempt, k=_SPACING / n ** 0.5, iterations=300).items()}
            for attempt in range(runs))
    best, best_score = {}, -1.0
    for pos in layouts:
        score = _clearance(pos, edges) if runs > 1 else 0.0
        if score > best_score + 1e-9:
            best, best_score = pos, score
    return best


def _normalise(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: (2 * (x - min(xs)) / span_x - 1 if len(set(xs)) > 1 else 0.0,
                2 * (y - min(ys)) / span_y - 1 if len(set(ys)) > 1 else 0.0) for n, (x, y) in pos.items()}


def layout(net: nx.MultiDiGraph, seed: int = 7, tries: int = 4) -> dict[str, tuple[float, float]]:
    """Return fixed node positions in [-1, 1], deterministic for a given network.

    Each connected component gets its own seeded spring layout (the one
    with the most room around nodes of up to ``tries`` runs) in a square
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
