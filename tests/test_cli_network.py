"""The network commands through the real CLI: paths, tensions, stats."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from netdata import make_dataset

from alliance_kg.cli import cli
from alliance_kg.rdfio import write_graph

EXPECTED = ("Nissan → (member of) Renault-Nissan-Mitsubishi Alliance ← (member of) Renault "
            "→ (joint venture) Aramco")


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "alliance.ttl"
    write_graph(make_dataset(), path)
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_paths_explains_each_hop(graph_file):
    result = run("paths", graph_file, "nissan", "SAUDI ARAMCO")
    assert result.exit_code == 0, result.output
    assert EXPECTED in result.output
    assert "Nissan reste membre de l'Alliance" in result.output and "[asserted, 2023-04" in result.output


def test_paths_json_and_options(graph_file):
    result = run("paths", graph_file, "Nissan", "Aramco", "--all", "--max-length", "4",
                 "--include-speculative", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["found"] and data["from"] == "Nissan" and data["to"] == "Aramco"
    summaries = [p["summary"] for p in data["paths"]]
    assert EXPECTED in summaries and any("(invests in) Ampere" in s for s in summaries)
    assert all(p["length"] <= 4 for p in data["paths"])
    assert data["paths"][0]["hops"][0]["evidence"]


def test_no_path_is_an_answer(graph_file):
    result = run("paths", graph_file, "Nissan", "Aramco", "--relations", "memberOf")
    assert result.exit_code == 0
    assert result.output.startswith("No path links Nissan and Aramco")
    data = json.loads(run("paths", graph_file, "Nissan", "Aramco", "--relations", "memberOf",
                          "--format", "json").output)
    assert data["found"] is False and data["paths"] == [] and data["message"].startswith("No path")


def test_unknown_company_is_an_error_with_suggestions(graph_file):
    result = run("paths", graph_file, "Nisan", "Aramco")
    assert result.exit_code == 2
    assert "Error: unknown company 'Nisan'" in result.output and "Nissan" in result.output


def test_unknown_relation_and_missing_graph_are_errors(graph_file, tmp_path):
    assert run("paths", graph_file, "Nissan", "Aramco", "--relations", "likes").exit_code == 2
    result = run("stats", str(tmp_path / "nothing.ttl"))
    assert result.exit_code == 2 and "Error:" in result.output


def test_tensions_text_and_json(graph_file):
    result = run("tensions", graph_file)
    assert result.exit_code == 0, result.output
    assert "[triad] Nissan distrusts Geely while both are tied to Renault" in result.output
    assert "se méfie de Geely" in result.output
    data = json.loads(run("tensions", graph_file, "--format", "json").output)
    assert data["tensions"][0]["parties"] == ["Nissan", "Geely", "Renault"]


def test_stats_text_and_json(graph_file):
    result = run("stats", graph_file)
    assert result.exit_code == 0, result.output
    assert "Automaker" in result.output and "distrusts" in result.output and "Renault" in result.output
    data = json.loads(run("stats", graph_file, "--format", "json", "--top", "3").output)
    assert data["types"]["Automaker"] == 4 and data["predicates"]["memberOf"] == {"affirmed": 5, "negated": 1}
    assert data["degree"][0]["label"] == "Renault" and len(data["degree"]) == 3
    assert data["articles"] == 1 and data["date_range"] == ["2023-04", "2023-04"]


@pytest.mark.parametrize("command", ["paths", "tensions", "stats"])
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output and "alliance-kg " + command in result.output
