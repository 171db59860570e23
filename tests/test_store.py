"""The persistent Oxigraph store (``oxigraph:DIR``): the library, every graph command, errors, the benchmark."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from netdata import make_dataset, with_articles
from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from alliance_kg.articles import article_from_text
from alliance_kg.cli import cli
from alliance_kg.errors import GraphError, QueryError
from alliance_kg.graph import add_article, new_dataset, statements_graph_iri, union_graph
from alliance_kg.namespaces import AKA, AKD
from alliance_kg.query import format_result, run_query
from alliance_kg.rdfio import load_graph, serialize, write_graph
from alliance_kg.store import (
    add_quads, close_dataset, import_file, is_store_spec, iter_quads, native_store, open_dataset, opened, store_dir,
    to_memory,
    write_sorted_lines,
)

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "examples" / "queries"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def store_spec(tmp_path, seed_dataset):
    """An Oxigraph store holding the seed dataset (built with add_article), closed."""
    spec = f"oxigraph:{tmp_path / 'store'}"
    ds = open_dataset(spec)
    add_quads(ds, iter_quads(seed_dataset))
    close_dataset(ds)
    return spec


@pytest.fixture
def network_files(tmp_path):
    """The network seed graph as a TriG file and as a store made from it with ``export -o oxigraph:DIR``."""
    extra = {"001_more": ("2024-02", [
        ("Volkswagen", "partnerOf", "Geely", "affirmed", "asserted", None, "Volkswagen s'associe à Geely."),
        ("Volkswagen", "distrusts", "Renault", "affirmed", "asserted", None, "Volkswagen se méfie de Renault."),
        ("Mitsubishi", "partnerOf", "Aramco", "affirmed", "planned", None, "Mitsubishi va s'associer à Aramco."),
    ])}
    trig = tmp_path / "net.trig"
    write_graph(make_dataset(with_articles(**extra)), trig)
    spec = f"oxigraph:{tmp_path / 'netstore'}"
    result = _run("export", str(trig), "-o", spec)
    assert result.exit_code == 0, result.output
    return trig, spec


# --------------------------------------------------------------------- library

def test_specs():
    assert is_store_spec("oxigraph:out/store") and not is_store_spec("out/alliance.ttl")
    assert not is_store_spec(Path("oxigraph:x"))
    assert store_dir("oxigraph:out/store") == Path("out/store")
    with pytest.raises(GraphError, match="names no folder"):
        store_dir("oxigraph:")


def test_a_plain_path_loads_the_file_as_before(seed_files, seed_dataset):
    ds = open_dataset(str(seed_files["trig"]))
    assert native_store(ds) is None
    assert serialize(ds, "nquads") == serialize(seed_dataset, "nquads")


def test_store_round_trip_is_exact_and_persists(store_spec, seed_dataset):
    with opened(store_spec) as ds:
        assert native_store(ds) is not None
        # terms read back in alliance-kg's forms: decimal 43.0, offsets xsd:nonNegativeInteger
        assert serialize(to_memory(ds), "trig") == serialize(seed_dataset, "trig")


def test_add_article_on_a_store(tmp_path, kb, seed_articles):
    """Same article twice: unchanged; changed text: its named graph replaced; same triples as in memory."""
    spec = f"oxigraph:{tmp_path / 'st'}"
    ds, memory = open_dataset(spec), new_dataset()
    for article, statements in seed_articles:
        assert add_article(ds, article, statements, kb) == "added"
        add_article(memory, article, statements, kb)
    before = serialize(to_memory(ds), "nquads")
    assert before == serialize(memory, "nquads")
    for article, statements in seed_articles:
        assert add_article(ds, article, statements, kb) == "unchanged"
    assert serialize(to_memory(ds), "nquads") == before
    article, statements = seed_articles[1]
    changed = article_from_text(article.text.replace("43%", "40%"), doc=article.doc)
    kept = [dataclasses.replace(statements[0], share=40)]
    old_nodes = set(ds.graph(statements_graph_iri(article.doc)).subjects(RDF.type, AKA.Statement))
    assert add_article(ds, changed, kept, kb) == "replaced"
    add_article(memory, changed, kept, kb)
    graph = ds.graph(statements_graph_iri(article.doc))
    new_nodes = set(graph.subjects(RDF.type, AKA.Statement))
    assert len(old_nodes) == 3 and len(new_nodes) == 1 and new_nodes < old_nodes
    assert [str(o) for o in graph.objects(next(iter(new_nodes)), AKA.share)] == ["40.0"]
    assert ds.default_graph.value(AKD[article.doc], AKA.sha256) == Literal(changed.sha256)
    assert serialize(to_memory(ds), "nquads") == serialize(memory, "nquads")
    close_dataset(ds)
    with opened(spec) as again:  # persisted on disk
        assert serialize(to_memory(again), "nquads") == serialize(memory, "nquads")


def test_queries_run_natively_with_the_same_answers(store_spec, seed_dataset, monkeypatch):
    import rdflib.plugins.sparql.processor as processor

    def refuse(*args, **kwargs):
        raise AssertionError("rdflib's evaluator ran on the store")

    texts = [(QUERIES / name).read_text(encoding="utf-8") for name in sorted(
        ["renault-partners.rq", "attributed-sources.rq", "distrust-partner-of-partner.rq", "stakes.rq",
         "edge-support.rq", "statements-per-article.rq", "negated-intentions.rq"])]
    texts += ["SELECT ?st ?share WHERE { ?st aka:share ?share FILTER (?share > 42.99) } ORDER BY ?st",
              "SELECT ?a WHERE { ?a aka:distrusts ?b OPTIONAL { ?a aka:nope ?c } } ORDER BY ?a",
              "ASK { ake:nissan aka:distrusts ake:geely }"]
    expected = {text: {fmt: format_result(run_query(seed_dataset, text), fmt) for fmt in ("table", "csv", "tsv")}
                for text in texts}
    monkeypatch.setattr(processor, "evalQuery", refuse)
    with opened(store_spec) as ds:
        for text in texts:
            for fmt in ("table", "csv", "tsv"):
                assert format_result(run_query(ds, text), fmt) == expected[text][fmt], (text, fmt)
        construct = run_query(ds, "CONSTRUCT { ?a aka:distrusts ?b } WHERE { ?a aka:distrusts ?b }")
        assert "ake:nissan aka:distrusts ake:geely ." in format_result(construct)
        described = run_query(ds, "DESCRIBE ake:nissan")
        assert described.type == "DESCRIBE" and len(described.graph) > 0


@pytest.mark.parametrize("text, feature", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }", "FROM"),
    ("LOAD <http://127.0.0.1:9/x>", "LOAD"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
])
def test_refused_on_a_store_too(store_spec, no_network, text, feature):
    with opened(store_spec) as ds:
        with pytest.raises(QueryError, match=f"{feature}.*refused|refused.*{feature}"):
            run_query(ds, text)
        assert len(run_query(ds, "SELECT * WHERE { ?s ?p ?o }")) > 600  # nothing was deleted
    assert no_network == []


def test_inference_on_a_store(store_spec):
    with opened(store_spec) as ds:
        rows = run_query(ds, "SELECT ?b WHERE { ake:geely aka:partnerOf ?b } ORDER BY ?b", infer=True)
        assert [str(r[0]).rsplit("/", 1)[-1] for r in rows] == ["aramco", "renault"]


def test_external_sort_merges_runs_and_drops_duplicates():
    lines = [f"{i % 37:03d}\n" for i in range(500)]
    out = io.BytesIO()
    assert write_sorted_lines(lines, out, chunk=16) == 37
    assert out.getvalue().decode().splitlines() == [f"{i:03d}" for i in range(37)]


# --------------------------------------------------------------------- errors

def test_missing_store_is_an_error_with_a_hint(tmp_path):
    missing = tmp_path / "nowhere"
    for args in (["query", f"oxigraph:{missing}", "ASK {}"], ["paths", f"oxigraph:{missing}", "a", "b"],
                 ["export", f"oxigraph:{missing}", "-o", str(tmp_path / "x.nq")], ["stats", f"oxigraph:{missing}"]):
        result = _run(*args)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"Error: {missing}: no Oxigraph store there")
        assert "--store oxigraph:" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not missing.exists()  # a read never creates a store


def test_folders_that_are_not_stores(tmp_path):
    plain = tmp_path / "articles"
    plain.mkdir()
    (plain / "a.txt").write_text("x", encoding="utf-8")
    for create in (True, False):
        with pytest.raises(GraphError, match="not empty and holds no Oxigraph store"):
            open_dataset(f"oxigraph:{plain}", create=create)
    a_file = tmp_path / "g.ttl"
    a_file.write_text("", encoding="utf-8")
    with pytest.raises(GraphError, match="not a folder"):
        open_dataset(f"oxigraph:{a_file}")
    with pytest.raises(GraphError, match="no such folder"):
        open_dataset(f"oxigraph:{tmp_path / 'a' / 'b'}")


def test_a_locked_store_is_a_clear_error(store_spec):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('open', flush=True);"
         " sys.stdin.read()", str(store_dir(store_spec))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        result = _run("query", store_spec, "ASK {}")
        assert result.exit_code == 2
        assert "the Oxigraph store is locked" in result.stderr and "Traceback" not in result.output
    finally:
        holder.communicate("", timeout=30)
    assert _run("query", store_spec, "ASK {}").stdout.strip() == "true"  # free again


def test_a_store_held_in_this_process_is_locked_too(store_spec):
    ds = open_dataset(store_spec)
    try:
        with pytest.raises(GraphError, match="locked"):
            open_dataset(store_spec)
    finally:
        close_dataset(ds)
    with opened(store_spec):  # closing released it
        pass


# --------------------------------------------------------------------- commands

@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_command_on_a_store(store_spec, seed_files, fmt):
    text = "SELECT ?st ?share WHERE { ?st aka:share ?share ; prov:value ?ev } ORDER BY ?st"
    on_store = _run("query", store_spec, "--format", fmt, text)
    on_file = _run("query", str(seed_files["trig"]), "--format", fmt, text)
    assert on_store.exit_code == 0, on_store.output
    assert on_store.stdout == on_file.stdout and on_store.stderr == on_file.stderr
    if fmt == "json":
        share = json.loads(on_store.stdout)["results"]["bindings"][0]["share"]
        assert share == {"type": "literal", "value": "43.0", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}


def test_query_errors_on_a_store(store_spec, no_network):
    syntax = _run("query", store_spec, "SELECT ?a WHERE { ?a aka:distrusts }")
    assert syntax.exit_code == 2 and syntax.stderr.startswith("Error: SPARQL syntax error at line 1, column")
    service = _run("query", store_spec, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    assert service.exit_code == 2 and service.stderr.startswith("Error: SERVICE (federated query) refused")
    assert no_network == []


@pytest.mark.parametrize("args", [
    ["nissan", "SAUDI ARAMCO"],
    ["Nissan", "Aramco", "--all", "--max-length", "4", "--include-speculative", "--format", "json"],
    ["Volkswagen", "Nissan", "--relations", "partnerOf,jointVenture,memberOf,distrusts"],
    ["Mitsubishi", "Aramco"],
    ["Mitsubishi", "Aramco", "--include-speculative"],
    ["Volkswagen", "Ampere", "--all", "--format", "json"],
])
def test_paths_on_a_store_are_the_paths_on_the_file(network_files, args):
    trig, spec = network_files
    on_file, on_store = _run("paths", str(trig), *args), _run("paths", spec, *args)
    assert on_file.exit_code == 0, on_file.output
    assert on_store.exit_code == 0, on_store.output
    assert on_store.stdout == on_file.stdout


@pytest.mark.parametrize("args", [["Nissan", "Toyota"], ["Nissan", "Japan"], ["Nissan", "nissan"]])
def test_paths_errors_on_a_store_are_the_same(network_files, args):
    trig, spec = network_files
    on_file, on_store = _run("paths", str(trig), *args), _run("paths", spec, *args)
    assert on_file.exit_code == on_store.exit_code == 2
    assert on_store.stderr == on_file.stderr


@pytest.mark.parametrize("command", [["stats"], ["stats", "--format", "json"], ["tensions"],
                                     ["tensions", "--format", "json"]])
def test_stats_and_tensions_on_a_store(network_files, command):
    trig, spec = network_files
    on_file, on_store = _run(command[0], str(trig), *command[1:]), _run(command[0], spec, *command[1:])
    assert on_store.exit_code == 0, on_store.output
    assert on_store.stdout == on_file.stdout


def test_validate_a_store(store_spec):
    result = _run("validate", store_spec)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Conforms")


@pytest.mark.parametrize("name", ["g.nq", "g.nt", "g.jsonld"])
def test_export_from_a_store_is_byte_identical_for_sorted_formats(tmp_path, store_spec, seed_files, name):
    from_store, from_file = tmp_path / f"store-{name}", tmp_path / f"file-{name}"
    assert _run("export", store_spec, "-o", str(from_store)).exit_code == 0
    assert _run("export", str(seed_files["trig"]), "-o", str(from_file)).exit_code == 0
    assert from_store.read_bytes() == from_file.read_bytes()


@pytest.mark.parametrize("name", ["g.ttl", "g.trig"])
def test_export_from_a_store_streams_turtle_and_trig(tmp_path, store_spec, seed_dataset, name):
    target = tmp_path / name
    result = _run("export", store_spec, "-o", str(target))
    assert result.exit_code == 0 and f"wrote {target}" in result.stderr
    again = load_graph(target)
    assert isomorphic(union_graph(again), union_graph(seed_dataset))
    if name == "g.trig":
        assert serialize(again, "trig") == serialize(seed_dataset, "trig")
    first = target.read_bytes()
    assert _run("export", store_spec, "-o", str(target)).exit_code == 0
    assert target.read_bytes() == first  # deterministic


def test_export_a_store_as_a_network(tmp_path, store_spec, seed_files):
    from_store, from_file = tmp_path / "a.gexf", tmp_path / "b.gexf"
    assert _run("export", store_spec, "-o", str(from_store)).exit_code == 0
    assert _run("export", str(seed_files["trig"]), "-o", str(from_file)).exit_code == 0
    assert from_store.read_bytes() == from_file.read_bytes()


@pytest.mark.parametrize("source", ["ttl", "trig"])
def test_export_into_a_new_store(tmp_path, seed_files, seed_dataset, source):
    spec = f"oxigraph:{tmp_path / 'new'}"
    result = _run("export", str(seed_files[source]), "-o", spec)
    assert result.exit_code == 0, result.output
    assert "Oxigraph store, 617 quads" in result.stderr
    with opened(spec) as ds:
        assert serialize(to_memory(ds), "trig") == serialize(seed_dataset, "trig")  # named graphs recovered
    again = _run("export", str(seed_files[source]), "-o", spec)
    assert again.exit_code == 2 and "already holds a graph" in again.stderr


def test_a_bad_file_leaves_no_store(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<http://x/a> <http://x/b> .\n", encoding="utf-8")
    result = _run("export", str(bad), "-o", f"oxigraph:{tmp_path / 'st'}")
    assert result.exit_code == 2 and result.stderr.startswith(f"Error: {bad}: syntax error")
    assert not (tmp_path / "st").exists()
    with pytest.raises(GraphError, match="no such file"):
        import_file(f"oxigraph:{tmp_path / 'st2'}", tmp_path / "missing.nq")


# --------------------------------------------------------------------- the benchmark

def test_benchmark_graph_has_our_shape_and_both_engines_agree(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "benchmarks" / "bench_store.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    nquads = tmp_path / "synthetic.nq"
    info = bench.generate(nquads, 2500, seed=3)
    assert 2500 <= info["quads"] <= 4000 and info["statements"] > 60
    result = _run("validate", str(nquads))
    assert result.exit_code == 0, result.stdout  # the synthetic graph satisfies the SHACL shapes
    rdf = bench.run_rdflib(nquads, info["pair"])
    load = bench.run_oxigraph_load(nquads, tmp_path / "store")
    ox = bench.run_oxigraph(tmp_path / "store", info["pair"])
    assert sorted(rdf["rows"]) == sorted(ox["rows"]) and rdf["found"] == ox["found"] and ox["found"]
    assert "| two-hop SPARQL join" in bench.table(info, rdf, ox, load)
