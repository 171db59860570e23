"""Viewer exports: GraphML and CSV read back, a self-contained HTML page that renders, a PNG."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess

import networkx as nx
import pytest
from netdata import make_dataset

from alliance_kg.errors import GraphError
from alliance_kg.netexport import EDGE_COLUMNS, NODE_COLUMNS, csv_paths, write_network
from alliance_kg.network import build_network

COMPANIES = ("Renault", "Nissan", "Mitsubishi", "Geely", "Aramco", "Horse", "Ampere",
             "Renault-Nissan-Mitsubishi Alliance")


@pytest.fixture(scope="module")
def ds():
    return make_dataset()


@pytest.fixture(scope="module")
def net(ds):
    return build_network(ds)


def test_graphml_reads_back(tmp_path, ds, net):
    path = tmp_path / "seed.graphml"
    assert write_network(ds, "graphml", path) == [path]
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(net.nodes)
    assert back.number_of_edges() == net.number_of_edges()
    nissan = back.nodes["https://w3id.org/alliance-kg/entity/nissan"]
    assert (nissan["label"], nissan["type"], nissan["country"]) == ("Nissan", "Automaker", "Japan")
    kinds = {(d["predicate"], d["polarity"]) for _, _, d in back.edges(data=True)}
    assert ("distrusts", "affirmed") in kinds and ("memberOf", "negated") in kinds
    assert all(isinstance(d["weight"], float) for _, _, d in back.edges(data=True))


def test_csv_has_gephi_columns_and_reads_back(tmp_path, ds, net):
    paths = write_network(ds, "csv", tmp_path)
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    with open(paths[0], newline="", encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with open(paths[1], newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        edges = list(reader)
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(reader.fieldnames[:8]) == EDGE_COLUMNS[:8]
    assert EDGE_COLUMNS[:8] == ("Source", "Target", "Type", "Kind", "Label", "Weight", "polarity", "modality")
    assert len(nodes) == net.number_of_nodes() and len(edges) == net.number_of_edges()
    ids = {row["Id"] for row in nodes}
    assert all(row["Source"] in ids and row["Target"] in ids for row in edges)
    distrust = next(row for row in edges if row["Kind"] == "distrusts")
    found = (distrust["Source"], distrust["Target"], distrust["Type"], distrust["Weight"])
    assert found == ("nissan", "geely", "Directed", "1")
    negated = next(row for row in edges if row["polarity"] == "negated")
    assert negated["Label"] == "not member of"
    assert {row["Type"] for row in edges if row["Kind"] == "jointVenture"} == {"Undirected"}


def test_csv_prefix_names_both_files(tmp_path, ds):
    paths = write_network(ds, "csv", tmp_path / "seed.csv")
    assert [p.name for p in paths] == ["seed_nodes.csv", "seed_edges.csv"]
    assert all(p.is_file() for p in paths)
    assert [p.name for p in csv_paths(tmp_path / "seed-")] == ["seed-nodes.csv", "seed-edges.csv"]


def test_html_is_one_self_contained_page(tmp_path, ds):
    path = tmp_path / "seed.html"
    write_network(ds, "html", path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['\"]?https?:", page)
    for name in COMPANIES:
        assert f">{name}<" in page
    assert "se méfie de Geely" in page  # the evidence for the hover tooltip
    assert 'id="legend"' in page and page.count('class="edge') == build_network(ds).number_of_edges()
    assert write_network(ds, "html", tmp_path / "again.html")
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == page


def test_html_renders_in_headless_chromium(tmp_path, ds):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed")
    path = tmp_path / "seed.html"
    write_network(ds, "html", path)
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.resolve().as_uri()],
        capture_output=True, text=True, timeout=120)
    dom = result.stdout
    assert result.returncode == 0 and "<svg" in dom, result.stderr[-2000:]
    for name in COMPANIES:
        assert name in dom
    svg = re.search(r"<svg[^>]*>(.*?)</svg>", dom, re.S).group(1)
    assert svg.count("<circle") == build_network(ds).number_of_nodes()
    assert re.search(r'<g id="edges">\s*<path', svg)


def test_png_is_a_picture(tmp_path, ds):
    path = tmp_path / "seed.png"
    write_network(ds, "png", path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_writes_are_atomic_and_errors_are_clear(tmp_path, ds, net):
    target = tmp_path / "seed.gexf"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(GraphError):
        write_network(ds, "svg", target)
    with pytest.raises(GraphError) as info:
        write_network(net, "gexf", tmp_path / "missing" / "x.gexf")
    assert info.value.hint and target.read_text(encoding="utf-8") == "previous"
    write_network(net, "gexf", target)
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.gexf"]  # no temporary file left
