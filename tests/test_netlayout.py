"""The shared viewer layout: deterministic, inside [-1, 1], nodes apart, components apart, no numpy."""

from __future__ import annotations

import itertools
import math
import subprocess
import sys

import networkx as nx
from netdata import make_dataset

from alliance_kg.netlayout import layout
from alliance_kg.network import build_network


def _random_network(nodes: int, ties: int, seed: int) -> nx.MultiDiGraph:
    simple = nx.gnm_random_graph(nodes, ties, seed=seed)
    net = nx.MultiDiGraph()
    net.add_nodes_from(f"n{i:03d}" for i in simple)
    net.add_edges_from((f"n{u:03d}", f"n{v:03d}") for u, v in simple.edges())
    return net


def _closest_pair(pos: dict) -> float:
    return min(math.dist(pos[a], pos[b]) for a, b in itertools.combinations(pos, 2))


def test_the_layout_is_deterministic_and_ignores_insertion_order():
    net = build_network(make_dataset())
    again = nx.MultiDiGraph()
    again.add_nodes_from(reversed(list(net.nodes(data=True))))
    again.add_edges_from(reversed(list(net.edges(data=True))))
    assert layout(net) == layout(build_network(make_dataset())) == layout(again)


def test_every_node_is_placed_inside_the_square():
    net = _random_network(30, 45, seed=3)
    pos = layout(net)
    assert set(pos) == set(net)
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in pos.values())


def test_nodes_do_not_overlap():
    for net in (build_network(make_dataset()), _random_network(25, 24, seed=25), _random_network(40, 60, seed=40)):
        assert _closest_pair(layout(net)) > 0.05


def test_components_are_placed_apart():
    net = nx.MultiDiGraph()
    for ring in range(3):
        names = [f"r{ring}n{i}" for i in range(6)]
        net.add_edges_from(zip(names, names[1:] + names[:1]))
    net.add_node("alone")
    pos = layout(net)
    boxes = []
    for part in nx.connected_components(net.to_undirected()):
        xs, ys = [pos[n][0] for n in part], [pos[n][1] for n in part]
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for (ax0, ax1, ay0, ay1), (bx0, bx1, by0, by1) in itertools.combinations(boxes, 2):
        assert ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0  # disjoint bounding boxes


def test_a_large_component_is_laid_out_too():
    net = _random_network(90, 140, seed=9)
    pos = layout(net)
    assert set(pos) == set(net) and _closest_pair(pos) > 0.0


def test_laying_out_a_small_network_does_not_import_numpy():
    code = ("import sys, networkx as nx; from alliance_kg.netlayout import layout; "
            "g = nx.MultiDiGraph(nx.cycle_graph(12)); layout(g); print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
