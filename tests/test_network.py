"""The projection of the RDF graph onto networkx: nodes, aggregated edges, signs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from netdata import SEED_DOC, make_dataset, seed_kb, with_articles

from alliance_kg.errors import GraphError
from alliance_kg.graph import new_dataset
from alliance_kg.namespaces import entity_iri
from alliance_kg.network import build_network, load_network, relation_label, tie_sign
from alliance_kg.rdfio import write_graph

REPO = Path(__file__).resolve().parents[1]
NISSAN, GEELY, RENAULT, HORSE = (entity_iri(n) for n in ("Nissan", "Geely", "Renault", "Horse"))
LATER = ("001_later", ("2023-11-06", [
    ("Geely", "jointVenture", "Renault", "affirmed", "asserted", None, "Geely and Renault run Horse together."),
    ("Nissan", "investsIn", "Ampere", "affirmed", "asserted", None, "Nissan invests 600 million euros in Ampere."),
]))


@pytest.fixture(scope="module")
def net():
    return build_network(make_dataset())


def test_nodes_carry_label_type_country_and_iri(net):
    nissan = net.nodes[NISSAN]
    found = (nissan["label"], nissan["type"], nissan["country"], nissan["iri"])
    assert found == ("Nissan", "Automaker", "Japan", NISSAN)
    assert nissan["articles"] == 1
    assert net.nodes[entity_iri("e-Power")]["type"] == "Technology"
    assert net.nodes[entity_iri("Renault-Nissan-Mitsubishi Alliance")]["type"] == "Alliance"


def test_edges_are_aggregated_per_tuple_with_evidence(net):
    edge = net.edges[NISSAN, GEELY, "distrusts|affirmed"]
    assert edge["sign"] == "negative" and edge["modality"] == "asserted"
    assert (edge["articles"], edge["statements"], edge["first_date"], edge["last_date"]) == (1, 1, "2023-04", "2023-04")
    evidence = edge["evidence"][0]
    assert "se méfie de Geely" in evidence["sentence"]
    assert evidence["article"] == SEED_DOC and evidence["attributed_to"] == "unnamed sources"


def test_negated_and_speculative_statements_are_edges_too(net):
    negated = net.edges[NISSAN, HORSE, "memberOf|negated"]
    assert negated["sign"] == "negated" and negated["polarity"] == "negated"
    assert not net.has_edge(NISSAN, HORSE, "memberOf|affirmed")
    speculative = net.edges[NISSAN, entity_iri("Ampere"), "investsIn|affirmed"]
    assert speculative["modality"] == "speculative" and speculative["sign"] == "positive"


def test_same_tie_in_two_articles_is_one_edge_with_the_surest_modality():
    network = build_network(make_dataset(with_articles(**dict([LATER]))))
    a, b = sorted((GEELY, RENAULT))  # a symmetric predicate, written both ways, is one edge
    edge = network.edges[a, b, "jointVenture|affirmed"]
    assert (edge["articles"], edge["statements"]) == (2, 2)
    assert (edge["first_date"], edge["last_date"]) == ("2023-04", "2023-11-06")
    assert edge["article_ids"] == [SEED_DOC, "001_later"]
    invest = network.edges[NISSAN, entity_iri("Ampere"), "investsIn|affirmed"]
    assert invest["modality"] == "asserted" and invest["modalities"] == ["asserted", "speculative"]
    assert network.graph["articles"] == [SEED_DOC, "001_later"]
    assert (network.graph["first_date"], network.graph["last_date"]) == ("2023-04", "2023-11-06")


def test_signs_and_labels():
    assert tie_sign("jointVenture", "affirmed") == "positive"
    assert tie_sign("competesWith", "affirmed") == "negative"
    assert tie_sign("partnerOf", "negated") == "negated"
    assert tie_sign("developsTechnology", "affirmed") == "neutral"
    assert relation_label("subsidiaryOf") == "subsidiary of"


def test_a_graph_without_statements_is_an_error():
    with pytest.raises(GraphError) as info:
        build_network(new_dataset())
    assert info.value.hint


def test_the_network_survives_a_turtle_round_trip(tmp_path, net):
    path = tmp_path / "alliance.ttl"
    write_graph(make_dataset(), path)
    again = load_network(path, kb=seed_kb())
    assert set(again.nodes) == set(net.nodes)
    assert set(again.edges(keys=True)) == set(net.edges(keys=True))
    assert "Nissan Motor" in again.nodes[NISSAN]["aliases"]


def test_the_network_stage_never_imports_spacy():
    code = (
        "import sys\n"
        "import alliance_kg.network, alliance_kg.paths, alliance_kg.tensions, alliance_kg.netstats\n"
        "import alliance_kg.gexf, alliance_kg.netexport, alliance_kg.nethtml, alliance_kg.cli.network_cmds\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_on_the_shared_seed_fixture(seed_dataset, kb):
    network = build_network(seed_dataset, kb)
    stake = network.edges[RENAULT, NISSAN, "shareholderOf|affirmed"]
    assert stake["share"] == 43.0 and stake["articles"] == 2 and stake["sign"] == "positive"
    assert (stake["first_date"], stake["last_date"]) == ("2023-02-06", "2024-11")
    assert network.edges[NISSAN, HORSE, "memberOf|negated"]["sign"] == "negated"
    assert network.nodes[entity_iri("Aramco")]["country"] == "Saudi Arabia"
    assert "Saudi Aramco" in network.nodes[entity_iri("Aramco")]["aliases"]
