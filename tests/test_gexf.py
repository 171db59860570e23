"""GEXF 1.3: valid against the official RELAX NG schema, read back by networkx, deterministic."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from netdata import make_dataset, with_articles

from alliance_kg.gexf import GEXF_NS, VIZ_NS, gexf_bytes, gexf_date, node_ids, write_gexf
from alliance_kg.netlayout import type_color
from alliance_kg.network import build_network

REPO = Path(__file__).resolve().parents[1]
LATER = {"001_later": ("2023-11-06", [
    ("Geely", "jointVenture", "Renault", "affirmed", "asserted", None, "Geely and Renault run Horse together."),
])}


def schema_path() -> Path | None:
    """Return the GEXF 1.3 compact schema: $ALLIANCE_KG_GEXF_SCHEMA or ../shared/gexf-1.3/gexf.rnc."""
    env = os.environ.get("ALLIANCE_KG_GEXF_SCHEMA")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared" / "gexf-1.3" / "gexf.rnc", REPO / "shared" / "gexf-1.3" / "gexf.rnc"]
    return next((p for p in candidates if p.is_file()), None)


def jing(schema: Path, document: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["jing", "-c", str(schema), str(document)], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def net():
    return build_network(make_dataset(with_articles(**LATER)))


@pytest.fixture(scope="module")
def gexf_file(tmp_path_factory, net):
    path = tmp_path_factory.mktemp("gexf") / "seed.gexf"
    write_gexf(net, path)
    return path


def test_gexf_validates_against_the_official_1_3_schema(gexf_file, tmp_path):
    schema = schema_path()
    if shutil.which("jing") is None or schema is None:
        pytest.skip("jing or the GEXF 1.3 schema is not available")
    result = jing(schema, gexf_file)
    assert result.returncode == 0, result.stdout + result.stderr
    # the check has teeth: an attribute the schema does not allow is rejected
    broken = tmp_path / "broken.gexf"
    broken.write_text(gexf_file.read_text(encoding="utf-8").replace(
        'version="1.3"', 'version="1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"'), encoding="utf-8")
    assert jing(schema, broken).returncode != 0


def test_gexf_reads_back_with_networkx_with_the_same_nodes_and_edges(gexf_file, net):
    back = nx.read_gexf(gexf_file)
    ids = node_ids(net)
    assert set(back.nodes) == set(ids.values())
    for node, ident in ids.items():
        data = back.nodes[ident]
        assert data["label"] == net.nodes[node]["label"]
        assert (data["type"], data["iri"], data["articles"]) == (
            net.nodes[node]["type"], node, net.nodes[node]["articles"])
        assert data.get("country") == net.nodes[node]["country"]
    expected = Counter((ids[u], ids[v], d["predicate"], d["polarity"], d["modality"], float(d["articles"]))
                       for u, v, d in net.edges(data=True))
    found = Counter((u, v, d["predicate"], d["polarity"], d["modality"], d["weight"])
                    for u, v, d in back.edges(data=True))
    assert found == expected
    assert back.graph["mode"] == "dynamic"


def test_gexf_carries_the_timeline_colours_sizes_and_kinds(gexf_file, net):
    root = ET.parse(gexf_file).getroot()
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    assert not any("schemaLocation" in key for key in root.attrib)
    graph = root.find(f"{{{GEXF_NS}}}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert (graph.get("start"), graph.get("end")) == ("2023-04-01", "2023-11-06")
    edges = graph.findall(f"{{{GEXF_NS}}}edges/{{{GEXF_NS}}}edge")
    assert {e.get("kind") for e in edges} >= {"memberOf", "jointVenture", "distrusts"}
    joint = [e for e in edges
             if e.get("kind") == "jointVenture" and {e.get("source"), e.get("target")} == {"geely", "renault"}]
    assert joint[0].get("weight") == "2.0"
    spell = joint[0].find(f"{{{GEXF_NS}}}spells/{{{GEXF_NS}}}spell")
    assert (spell.get("start"), spell.get("end")) == ("2023-04-01", "2023-11-06")
    nissan = graph.find(f"{{{GEXF_NS}}}nodes/{{{GEXF_NS}}}node[@id='nissan']")
    colour = nissan.find(f"{{{VIZ_NS}}}color")
    assert "#{:02x}{:02x}{:02x}".format(*(int(colour.get(c)) for c in "rgb")) == type_color("Automaker")
    sizes = {n.get("id"): float(n.find(f"{{{VIZ_NS}}}size").get("value"))
             for n in graph.findall(f"{{{GEXF_NS}}}nodes/{{{GEXF_NS}}}node")}
    assert sizes["renault"] > sizes["mitsubishi"]


def test_gexf_output_is_deterministic(net):
    assert gexf_bytes(net) == gexf_bytes(build_network(make_dataset(with_articles(**LATER))))


def test_article_dates_become_xsd_dates():
    assert gexf_date("2023-04") == "2023-04-01"
    assert gexf_date("2024-11-12") == "2024-11-12"
    assert gexf_date(None) is None
