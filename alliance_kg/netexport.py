"""Export the network for viewers: GEXF, GraphML, CSV (Gephi), HTML and PNG.

>>> sorted(FORMATS)
['csv', 'gexf', 'graphml', 'html', 'png']
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import networkx as nx
from rdflib import Graph

from alliance_kg.errors import GraphError
from alliance_kg.gexf import gexf_bytes, node_ids
from alliance_kg.nethtml import html_page
from alliance_kg.netlayout import SIGN_COLORS, canvas_scale, layout, type_color
from alliance_kg.network import as_network, atomic_write

FORMATS = ("gexf", "graphml", "csv", "html", "png")
NODE_COLUMNS = ("Id", "Label", "type", "country", "iri")
EDGE_COLUMNS = ("Source", "Target", "Type", "Kind", "Label", "Weight", "polarity", "modality",
                "first_date", "last_date", "evidence")
DASHES = {"asserted": "solid", "planned": (0, (6, 3)), "speculative": (0, (2, 3))}


def graphml_graph(net: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy of the network whose attributes are all strings or numbers (GraphML-safe)."""
    out = nx.MultiDiGraph()
    for node, data in sorted(net.nodes(data=True)):
        out.add_node(node, label=data["label"], type=data["type"], country=data.get("country") or "",
                     iri=data["iri"], qid=data.get("qid") or "", aliases="; ".join(data.get("aliases", ())),
                     articles=int(data["articles"]))
    for u, v, key, data in sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        first = data["evidence"][0] if data["evidence"] else {}
        extra = {"share": float(data["share"])} if data["share"] is not None else {}
        out.add_edge(u, v, key=key, predicate=data["predicate"], label=data["label"],
                     polarity=data["polarity"], modality=data["modality"], sign=data["sign"],
                     symmetric=bool(data["symmetric"]), weight=float(max(data["articles"], 1)),
                     articles=int(data["articles"]), statements=int(data["statements"]),
                     first_date=data["first_date"] or "", last_date=data["last_date"] or "",
                     evidence=first.get("sentence", ""), source_article=first.get("article", ""), **extra)
    return out


def write_graphml(net: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the network as GraphML (yEd, Cytoscape) and return the path."""
    buffer = io.BytesIO()
    nx.write_graphml(graphml_graph(net), buffer, encoding="utf-8", prettyprint=True)
    return atomic_write(path, buffer.getvalue())


def csv_paths(path: str | Path) -> tuple[Path, Path]:
    """Return the nodes and edges CSV paths for a folder or a prefix.

    >>> [p.name for p in csv_paths("out/seed.csv")]
    ['seed_nodes.csv', 'seed_edges.csv']
    """
    text = str(path)
    if Path(text).is_dir() or text.endswith(("/", "\\")):
        return Path(text) / "nodes.csv", Path(text) / "edges.csv"
    if text.endswith(".csv"):
        text = text[:-4]
    sep = "" if text.endswith(("_", "-", ".")) else "_"
    return Path(f"{text}{sep}nodes.csv"), Path(f"{text}{sep}edges.csv")


def _csv_text(header: tuple, rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(net: nx.MultiDiGraph, path: str | Path) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` in Gephi's spreadsheet columns; return both paths."""
    nodes_path, edges_path = csv_paths(path)
    ids = node_ids(net)
    nodes = [[ids[n], d["label"], d["type"], d.get("country") or "", d["iri"]]
             for n, d in sorted(net.nodes(data=True))]
    edges = []
    for u, v, _, d in sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        first = d["evidence"][0] if d["evidence"] else {}
        label = d["label"] if d["polarity"] == "affirmed" else "not " + d["label"]
        edges.append([ids[u], ids[v], "Undirected" if d["symmetric"] else "Directed", d["predicate"],
                      label, max(d["articles"], 1), d["polarity"], d["modality"],
                      d["first_date"] or "", d["last_date"] or "", first.get("sentence", "")])
    atomic_write(nodes_path, _csv_text(NODE_COLUMNS, nodes))
    atomic_write(edges_path, _csv_text(EDGE_COLUMNS, edges))
    return [nodes_path, edges_path]


def png_bytes(net: nx.MultiDiGraph, title: str = "Carmaker alliance network") -> bytes:
    """Return a PNG picture of the network (matplotlib Agg, fixed layout)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    pos = layout(net)
    scale = canvas_scale(net.number_of_nodes())
    fig = Figure(figsize=(12 * scale, 9 * scale), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_axis_off()
    first, last = net.graph.get("first_date"), net.graph.get("last_date")
    span = f"{first} to {last}" if first and first != last else (first or "undated")
    ax.set_title(f"{title}\n{net.number_of_nodes()} entities, {net.number_of_edges()} ties, "
                 f"{len(net.graph.get('articles', ()))} article(s), {span}", fontsize=11)
    seen: dict[frozenset, int] = {}
    for u, v, _, d in sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        pair = frozenset((u, v))
        rank = seen[pair] = seen.get(pair, -1) + 1
        rad = 0.12 * ((rank + 1) // 2) * (1 if rank % 2 else -1)
        ax.add_patch(FancyArrowPatch(
            pos[u], pos[v], connectionstyle=f"arc3,rad={rad}", color=SIGN_COLORS[d["sign"]],
            linestyle=DASHES["planned"] if d["sign"] == "negated" else DASHES.get(d["modality"], "solid"),
            linewidth=0.8 + 0.6 * min(d["articles"], 5),
            arrowstyle="-" if d["symmetric"] else "-|>", mutation_scale=14, shrinkA=12, shrinkB=12,
            alpha=0.85))
    for node, d in sorted(net.nodes(data=True)):
        x, y = pos[node]
        ax.scatter([x], [y], s=min(700, 140 + 70 * math.sqrt(net.degree(node))), color=type_color(d["type"]),
                   edgecolors="white", linewidths=1.5, zorder=3)
        ax.annotate(d["label"], (x, y), xytext=(0, -16), textcoords="offset points", ha="center",
                    va="top", fontsize=9, zorder=4)
    handles = [Line2D([], [], marker="o", linestyle="", color=type_color(t), label=t)
               for t in sorted({d["type"] for _, d in net.nodes(data=True)})]
    handles += [Line2D([], [], color=SIGN_COLORS[s], label=f"{s} tie")
                for s in sorted({d["sign"] for _, _, d in net.edges(data=True)})]
    handles += [Line2D([], [], color="#555555", linestyle=DASHES[m], label=m) for m in DASHES]
    fig.subplots_adjust(left=0.02, right=0.8, top=0.93, bottom=0.03)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False)
    ax.margins(0.1)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def write_network(ds: Graph | nx.MultiDiGraph, fmt: str, path: str | Path) -> list[Path]:
    """Write the network of ``ds`` (a graph or an already built network) in ``fmt``.

    ``fmt`` is one of :data:`FORMATS`; for ``csv`` ``path`` is a folder or a
    prefix. Every file is written atomically. Returns the written paths.
    """
    if fmt not in FORMATS:
        raise GraphError(f"unknown network format {fmt!r}", "choose among " + ", ".join(FORMATS))
    net = as_network(ds)
    if fmt == "csv":
        return write_csv(net, path)
    if fmt == "graphml":
        return [write_graphml(net, path)]
    data = {"gexf": gexf_bytes, "html": html_page, "png": png_bytes}[fmt](net)
    return [atomic_write(path, data)]
