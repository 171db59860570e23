"""Write the network as GEXF 1.3 (Gephi) that validates against the official schema.

networkx's ``write_gexf`` adds an ``xsi:schemaLocation`` and other details
the 1.3 RELAX NG schema rejects, so the XML is built here with ElementTree:
a dynamic graph (``timeformat="date"``) whose nodes and edges have spells
from the article dates, node attributes ``type``/``country``/``iri``/
``articles``, ``viz:color`` by type and ``viz:size`` by degree, and edges
with ``kind`` = predicate, ``weight`` = supporting articles and attributes
for polarity and modality. The output is deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from alliance_kg import __version__
from alliance_kg.namespaces import AKE
from alliance_kg.netlayout import layout, type_color
from alliance_kg.network import atomic_write

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
NODE_ATTRIBUTES = (("type", "string"), ("country", "string"), ("iri", "anyURI"),
                   ("articles", "integer"), ("qid", "string"))
EDGE_ATTRIBUTES = (("predicate", "string"), ("polarity", "string"), ("modality", "string"),
                   ("sign", "string"), ("statements", "integer"), ("articles", "integer"),
                   ("first_date", "string"), ("last_date", "string"), ("evidence", "string"),
                   ("source_article", "string"))


def gexf_date(value: str | None) -> str | None:
    """Return an article date as ``xsd:date`` (``2023-04`` becomes ``2023-04-01``).

    >>> gexf_date("2023-04"), gexf_date("2023-04-12T10:00:00"), gexf_date("2023")
    ('2023-04-01', '2023-04-12', '2023-01-01')
    """
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def _token(text: str) -> str:
    """Return ``text`` as an ``xsd:token`` (no leading, trailing or repeated spaces)."""
    return re.sub(r"\s+", " ", str(text)).strip()


def node_ids(net: nx.MultiDiGraph) -> dict[str, str]:
    """Return a short, unique, deterministic GEXF id for every node (the IRI's local name)."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for node in sorted(net):
        base = node[len(str(AKE)):] if node.startswith(str(AKE)) else node
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        ids[node] = ident
        used.add(ident)
    return ids


def _attributes(parent: ET.Element, cls: str, spec: tuple) -> None:
    block = ET.SubElement(parent, "attributes", {"class": cls, "mode": "static"})
    for name, kind in spec:
        ET.SubElement(block, "attribute", {"id": name, "title": name, "type": kind})


def _attvalues(parent: ET.Element, values: dict) -> None:
    block = ET.SubElement(parent, "attvalues")
    for name, value in values.items():
        if value is None or value == "":
            continue
        ET.SubElement(block, "attvalue", {"for": name, "value": str(value)})


def _spell(parent: ET.Element, start: str | None, end: str | None) -> None:
    if start is None:
        return
    spells = ET.SubElement(parent, "spells")
    ET.SubElement(spells, "spell", {"start": start, "end": max(end or start, start)})


def _rgb(hex_colour: str) -> dict[str, str]:
    value = hex_colour.lstrip("#")
    return {"r": str(int(value[0:2], 16)), "g": str(int(value[2:4], 16)), "b": str(int(value[4:6], 16))}


def gexf_tree(net: nx.MultiDiGraph) -> ET.ElementTree:
    """Return the GEXF 1.3 document of the network as an ElementTree."""
    ids = node_ids(net)
    end = gexf_date(net.graph.get("last_date"))
    start = gexf_date(net.graph.get("first_date"))
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"alliance-kg {__version__}"
    ET.SubElement(meta, "description").text = (
        "Carmaker alliances read from news: entities and the relationship statements between them")
    graph_attrs = {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"}
    if start and end:
        graph_attrs.update({"start": start, "end": end})
    graph = ET.SubElement(root, "graph", graph_attrs)
    _attributes(graph, "node", NODE_ATTRIBUTES)
    _attributes(graph, "edge", EDGE_ATTRIBUTES)
    positions = layout(net)
    nodes = ET.SubElement(graph, "nodes", {"count": str(net.number_of_nodes())})
    for node in sorted(net):
        data = net.nodes[node]
        element = ET.SubElement(nodes, "node", {"id": ids[node], "label": _token(data["label"])})
        _attvalues(element, {k: data.get(k) for k, _ in NODE_ATTRIBUTES})
        dates = [gexf_date(d.get("first_date")) for _, _, d in net.in_edges(node, data=True)]
        dates += [gexf_date(d.get("first_date")) for _, _, d in net.out_edges(node, data=True)]
        dates = [d for d in dates if d]
        _spell(element, min(dates) if dates else None, end)
        ET.SubElement(element, "viz:color", _rgb(type_color(data["type"])))
        x, y = positions[node]
        ET.SubElement(element, "viz:position", {"x": f"{x * 500:.2f}", "y": f"{y * 500:.2f}"})
        ET.SubElement(element, "viz:size", {"value": f"{8 + 4 * net.degree(node):.1f}"})
    edges = ET.SubElement(graph, "edges", {"count": str(net.number_of_edges())})
    ordered = sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for i, (u, v, _, data) in enumerate(ordered):
        element = ET.SubElement(edges, "edge", {
            "id": f"e{i}", "source": ids[u], "target": ids[v], "kind": data["predicate"],
            "label": _token(data["label"] if data["polarity"] == "affirmed" else "not " + data["label"]),
            "weight": f"{float(max(data['articles'], 1)):.1f}",
        })
        first = data["evidence"][0] if data["evidence"] else {}
        values = {k: data.get(k) for k, _ in EDGE_ATTRIBUTES}
        values.update({"evidence": first.get("sentence"), "source_article": first.get("article")})
        _attvalues(element, values)
        _spell(element, gexf_date(data.get("first_date")), end)
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def gexf_bytes(net: nx.MultiDiGraph) -> bytes:
    """Return the GEXF 1.3 document as UTF-8 bytes."""
    body = ET.tostring(gexf_tree(net).getroot(), encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def write_gexf(net: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the network to ``path`` as GEXF 1.3 (atomically) and return the path."""
    return atomic_write(path, gexf_bytes(net))
