"""The query, validate and export commands: output, exit codes, errors, no spaCy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from alliance_kg.cli import cli
from alliance_kg.graph import statements_graph_iri, union_graph
from alliance_kg.namespaces import AKA
from alliance_kg.rdfio import load_graph, write_graph

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_query_prints_a_table_and_counts_rows_on_stderr(seed_files):
    result = _run("query", str(seed_files["trig"]), "SELECT ?a ?b WHERE { ?a aka:distrusts ?b }")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["a           b", "----------  ---------", "ake:nissan  ake:geely"]
    assert result.stderr.strip() == "1 row"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_query_formats(seed_files, fmt):
    result = _run("query", str(seed_files["ttl"]), "--format", fmt,
                  "SELECT ?a ?b WHERE { ?a aka:distrusts ?b }")
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout)["results"]["bindings"][0]["a"]["value"].endswith("/entity/nissan")
    elif fmt == "csv":
        assert result.stdout.splitlines()[0] == "a,b"
    else:
        assert result.stdout.splitlines()[1] == ("<https://w3id.org/alliance-kg/entity/nissan>\t"
                                                 "<https://w3id.org/alliance-kg/entity/geely>")
    assert result.stderr == ""


def test_query_from_a_file_and_from_stdin_with_inference(seed_files):
    query = ROOT / "examples" / "queries" / "renault-partners-inferred.rq"
    plain = _run("query", str(seed_files["trig"]), "-f", str(query), "--format", "csv")
    assert plain.exit_code == 0 and plain.stdout.splitlines() == ["partner"]
    inferred = _run("query", str(seed_files["trig"]), "-f", "-", "--infer", "--format", "csv",
                    stdin=query.read_text(encoding="utf-8"))
    assert inferred.exit_code == 0, inferred.output
    assert [line.rsplit("/", 1)[-1] for line in inferred.stdout.splitlines()[1:]] == ["aramco", "geely", "nissan"]


def test_construct_prints_turtle(seed_files):
    result = _run("query", str(seed_files["ttl"]), "CONSTRUCT { ?a aka:distrusts ?b } WHERE { ?a aka:distrusts ?b }")
    assert result.exit_code == 0
    assert "ake:nissan aka:distrusts ake:geely ." in result.stdout


@pytest.mark.parametrize("args, message", [
    (["SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"], "Error: SERVICE (federated query) refused"),
    (["LOAD <http://127.0.0.1:9/x>"], "Error: SPARQL update refused (LOAD)"),
    (["SELECT ?a WHERE { ?a aka:distrusts }"], "Error: SPARQL syntax error at line 1, column"),
    (["-f", "missing.rq"], "Error: missing.rq: no such query file"),
])
def test_query_errors_are_one_line_with_exit_2(seed_files, no_network, args, message):
    result = _run("query", str(seed_files["trig"]), *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == "" and no_network == []


def test_query_needs_exactly_one_query(seed_files):
    assert _run("query", str(seed_files["trig"])).exit_code == 2
    both = _run("query", str(seed_files["trig"]), "ASK {}", "-f", "x.rq")
    assert both.exit_code == 2 and "exactly one" in both.stderr


def test_unreadable_graph_is_exit_2_with_the_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix aka: <https://w3id.org/alliance-kg/ontology#> .\naka:a aka:b\n", encoding="utf-8")
    result = _run("query", str(bad), "ASK {}")
    assert result.exit_code == 2 and "bad.ttl: syntax error at line" in result.stderr
    assert _run("validate", str(tmp_path / "missing.trig")).exit_code == 2


def test_validate_exit_codes(tmp_path, seed_dataset, seed_files):
    ok = _run("validate", str(seed_files["trig"]))
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.startswith("Conforms")
    graph = seed_dataset.graph(statements_graph_iri("seed-nissan-horse"))
    node = next(graph.subjects(RDF.predicate, AKA.distrusts))
    graph.remove((node, RDF.subject, None))
    broken = tmp_path / "broken.trig"
    write_graph(seed_dataset, broken)
    bad = _run("validate", str(broken))
    assert bad.exit_code == 1
    assert bad.stdout.startswith("Does not conform") and "rdf:subject" in bad.stdout


@pytest.mark.parametrize("fmt, name", [("turtle", "g.ttl"), ("trig", "g.trig"), ("nt", "g.nt"),
                                       ("nquads", "g.nq"), ("jsonld", "g.jsonld"), (None, "g.jsonld")])
def test_export_rdf_formats(tmp_path, seed_dataset, seed_files, fmt, name):
    target = tmp_path / name
    args = ["export", str(seed_files["trig"]), "-o", str(target)] + (["--format", fmt] if fmt else [])
    result = _run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"wrote {target}" in result.stderr
    assert isomorphic(union_graph(load_graph(target)), union_graph(seed_dataset))


def test_export_network_format(tmp_path, seed_files):
    target = tmp_path / "net.graphml"
    result = _run("export", str(seed_files["ttl"]), "--format", "graphml", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_export_errors(tmp_path, seed_files):
    unknown = _run("export", str(seed_files["ttl"]), "-o", str(tmp_path / "g.xyz"))
    assert unknown.exit_code == 2 and "--format" in unknown.stderr
    missing = _run("export", str(seed_files["ttl"]), "-o", str(tmp_path / "nope" / "g.ttl"))
    assert missing.exit_code == 2 and "no such folder" in missing.stderr


@pytest.mark.parametrize("command", ["query", "validate", "export"])
def test_help_has_an_example(command):
    result = _run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout and f"alliance-kg {command} " in result.stdout


def test_graph_commands_never_import_spacy(seed_files):
    code = (
        "import sys\n"
        "import alliance_kg.cli\n"
        "assert 'spacy' not in sys.modules, 'import alliance_kg.cli loaded spaCy'\n"
        "from click.testing import CliRunner\n"
        "from alliance_kg.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['query', {str(seed_files['trig'])!r}, 'ASK {{ ?s ?p ?o }}'])\n"
        "assert r.exit_code == 0, r.output\n"
        f"r = CliRunner().invoke(cli, ['validate', {str(seed_files['ttl'])!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'spacy' not in sys.modules, 'a graph command loaded spaCy'\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
