"""The extract, build and evaluate commands through click's CliRunner (real model, real files)."""

from __future__ import annotations

import json
import shutil
from importlib.metadata import version
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from alliance_kg import __version__
from alliance_kg.cli import cli
from alliance_kg.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_TXT = SEEDS / "001_standin_renault_nissan_horse.txt"
SECTION_6_KEYS = {"doc", "subject", "subject_iri", "predicate", "object", "object_iri", "polarity",
                  "modality", "attributedTo", "evidence", "start", "end"}
DISTRUSTS = "SELECT ?s ?o WHERE { ?s <https://w3id.org/alliance-kg/ontology#distrusts> ?o }"
NISSAN = "https://w3id.org/alliance-kg/entity/nissan"
GEELY = "https://w3id.org/alliance-kg/entity/geely"


@pytest.fixture(scope="module", autouse=True)
def extractor() -> Extractor:
    """Load the French pipeline once: the commands' Extractors share the cached pipeline."""
    ex = Extractor()
    ex.pipeline("fr")
    return ex


def _run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _one_error_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``build seeds/ -o OUT`` run once for the module: (result, OUT)."""
    out = tmp_path_factory.mktemp("build") / "out"
    return _run("build", SEEDS, "-o", out), out


# -------------------------------------------------------------- help, version

def test_click_version_has_separate_stderr():
    major, minor = (int(x) for x in version("click").split(".")[:2])
    assert (major, minor) >= (8, 2)  # result.stdout / result.stderr are kept apart


def test_version():
    result = _run("--version")
    assert result.exit_code == 0
    assert "alliance-kg" in result.stdout and __version__ in result.stdout


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_help_on_every_command(command):
    args = ["-h"] if command is None else [command, "-h"]
    result = _run(*args)
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout
    assert result.stdout.startswith("Usage: ")


def test_python_dash_m_version():
    proc = subprocess.run([sys.executable, "-m", "alliance_kg", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert __version__ in proc.stdout
    assert proc.stderr == ""


# -------------------------------------------------------------------- extract

def test_extract_prints_json_lines():
    result = _run("extract", SEEDS)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    text = SEED_TXT.read_text(encoding="utf-8")
    lines = result.stdout.splitlines()
    assert len(lines) >= 10
    predicates = set()
    for line in lines:
        data = json.loads(line)
        assert SECTION_6_KEYS <= set(data), line
        assert data["doc"] == "001_standin_renault_nissan_horse"
        assert data["evidence"] == text[data["start"]:data["end"]]
        assert data["polarity"] in ("affirmed", "negated")
        assert data["modality"] in ("asserted", "planned", "speculative")
        assert data["subject_iri"].startswith("https://w3id.org/alliance-kg/entity/")
        predicates.add(data["predicate"])
    assert "distrusts" in predicates


def test_extract_twice_is_identical():
    first, second = _run("extract", SEED_TXT), _run("extract", SEED_TXT)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout


def test_extract_table():
    result = _run("extract", SEEDS, "--format", "table")
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert all(len(row) == 5 for row in rows), rows
    assert ["001_standin_renault_nissan_horse", "Nissan", "distrusts", "Geely"] in [r[:4] for r in rows]
    assert any(r[1:4] == ["Nissan", "NOT memberOf", "Horse"] for r in rows)
    assert any("per unnamed sources" in r[4] for r in rows)
    assert any("43 %" in r[4] for r in rows)


def test_extract_skipped_article_exits_3(tmp_path):
    shutil.copy(SEED_TXT, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = _run("extract", tmp_path)
    assert result.exit_code == 3, result.output
    assert "skipped" in result.stderr and "empty.txt" in result.stderr
    assert result.stdout.strip()  # the good article is still extracted


def test_extract_missing_input():
    result = _run("extract", ROOT / "no-such-folder")
    assert result.exit_code == 2
    assert "no-such-folder" in _one_error_line(result)


# ---------------------------------------------------------------------- build

def test_build_writes_graph_and_statements(built):
    result, out = built
    assert result.exit_code == 0, result.output
    assert (out / "alliance.ttl").is_file() and (out / "statements.jsonl").is_file()
    assert "articles" in result.stderr
    assert result.stdout == ""
    lines = (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(SECTION_6_KEYS <= set(json.loads(line)) for line in lines)


def test_built_turtle_parses_and_answers_sparql_with_rdflib(built):
    _, out = built
    graph = Graph().parse(out / "alliance.ttl", format="turtle")
    assert len(graph) > 50
    rows = {(str(s), str(o)) for s, o in graph.query(DISTRUSTS)}
    assert (NISSAN, GEELY) in rows


def test_built_turtle_parses_and_answers_sparql_with_pyoxigraph(built):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    _, out = built
    store = pyoxigraph.Store()
    store.load(path=str(out / "alliance.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 50
    rows = {(sol["s"].value, sol["o"].value) for sol in store.query(DISTRUSTS)}
    assert (NISSAN, GEELY) in rows


def test_build_twice_is_byte_identical(built, tmp_path):
    _, out = built
    again = _run("build", SEEDS, "-o", tmp_path / "again")
    assert again.exit_code == 0, again.output
    assert (tmp_path / "again" / "alliance.ttl").read_bytes() == (out / "alliance.ttl").read_bytes()
    assert (tmp_path / "again" / "statements.jsonl").read_bytes() == (out / "statements.jsonl").read_bytes()


def test_build_without_output():
    result = _run("build", SEEDS)
    assert result.exit_code == 2
    assert "Error" in result.stderr and ("-o" in result.stderr or "Usage" in result.stderr)
    assert "Traceback" not in result.output


def test_build_missing_input_is_one_error_line(tmp_path):
    result = _run("build", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "nowhere" in line
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "out").exists()


def test_build_with_a_skipped_article_exits_3(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "empty.txt").write_text("", encoding="utf-8")
    shutil.copy(SEED_TXT, articles / "good.txt")
    result = _run("build", articles, "-o", tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert "skipped" in result.stderr and "empty.txt" in result.stderr
    graph = Graph().parse(tmp_path / "out" / "alliance.ttl", format="turtle")
    assert (URIRef(NISSAN), None, URIRef(GEELY)) in graph


def test_build_into_twice_is_isomorphic(built, tmp_path):
    _, out = built
    into = tmp_path / "existing.ttl"
    shutil.copy(out / "alliance.ttl", into)
    first = _run("build", SEEDS, "--into", into)
    assert first.exit_code == 0, first.output
    once = Graph().parse(into, format="turtle")
    second = _run("build", SEEDS, "--into", into)
    assert second.exit_code == 0, second.output
    twice = Graph().parse(into, format="turtle")
    assert isomorphic(once, twice)
    assert isomorphic(once, Graph().parse(out / "alliance.ttl", format="turtle"))
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left no temp file


# ------------------------------------------------------------------- evaluate

def test_evaluate_table():
    result = _run("evaluate", SEEDS)
    assert result.exit_code == 0, result.output
    assert "strict" in result.stdout and "coarse" in result.stdout
    assert "negated gold emitted as affirmed: 0" in result.stdout


def test_evaluate_json():
    result = _run("evaluate", SEEDS, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for part in ("strict", "coarse"):
        assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(report[part])
    assert report["strict"]["f1"] >= 0.6
    assert report["negated_emitted_as_affirmed"] == 0


def test_evaluate_folder_without_gold(tmp_path):
    (tmp_path / "a.txt").write_text("Nissan se méfie de Geely.", encoding="utf-8")
    result = _run("evaluate", tmp_path)
    assert result.exit_code == 2
    assert "gold" in _one_error_line(result)
