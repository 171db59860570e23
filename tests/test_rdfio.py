"""Graph files: every format round-trips, output is deterministic, writes are atomic, nothing is fetched."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph
import pytest
from rdflib.compare import isomorphic

from alliance_kg.errors import GraphError
from alliance_kg.graph import add_article, union_graph
from alliance_kg.rdfio import CONTEXT_IRI, atomic_write, load_graph, serialize, write_graph

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "json-ld": ".jsonld"}
ALLOWED_PREFIXES = {"aka", "ake", "aks", "akd", "prov", "oa", "org", "schema", "skos", "xsd", "dcterms", "wd",
                    "rdf", "rdfs", "owl", "wdt"}


def _graphs(ds):
    return {g.identifier: g for g in ds.graphs() if len(g)}


def _same_dataset(a, b) -> bool:
    ga, gb = _graphs(a), _graphs(b)
    return ga.keys() == gb.keys() and all(isomorphic(ga[k], gb[k]) for k in ga)


@pytest.mark.parametrize("fmt", sorted(SUFFIXES))
def test_every_format_round_trips_isomorphically(tmp_path, seed_dataset, fmt):
    path = tmp_path / f"alliance{SUFFIXES[fmt]}"
    assert write_graph(seed_dataset, path) == fmt
    back = load_graph(path)
    # named graphs come back too: Turtle and N-Triples are re-split by prov:wasDerivedFrom
    assert _same_dataset(seed_dataset, back)
    assert isomorphic(union_graph(seed_dataset), union_graph(back))


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "nt", "json-ld"])
def test_pyoxigraph_parses_the_output(seed_dataset, fmt):
    oxi = {"turtle": pyoxigraph.RdfFormat.TURTLE, "trig": pyoxigraph.RdfFormat.TRIG,
           "nquads": pyoxigraph.RdfFormat.N_QUADS, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
           "json-ld": pyoxigraph.RdfFormat.JSON_LD}[fmt]
    quads = list(pyoxigraph.parse(serialize(seed_dataset, fmt).encode("utf-8"), format=oxi))
    union = union_graph(seed_dataset)
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(union)
    if fmt in ("trig", "nquads", "json-ld"):
        names = {str(q.graph_name) for q in quads}
        assert names == {"DEFAULT"} | {f"<{g}>" for g in _graphs(seed_dataset)
                                       if g != seed_dataset.default_graph.identifier}


def test_prefixes_bound_once_and_only_the_projects(seed_dataset):
    for fmt in ("turtle", "trig"):
        text = serialize(seed_dataset, fmt)
        prefixes = re.findall(r"^@prefix (\w+):", text, re.M)
        assert len(prefixes) == len(set(prefixes))
        assert set(prefixes) <= ALLOWED_PREFIXES
        assert {"aka", "ake", "aks", "akd", "prov", "oa", "xsd"} <= set(prefixes)
    context = json.loads(serialize(seed_dataset, "json-ld"))["@context"]
    assert set(context) <= ALLOWED_PREFIXES


def test_line_formats_are_sorted(seed_dataset):
    for fmt in ("nt", "nquads"):
        lines = serialize(seed_dataset, fmt).splitlines()
        assert lines == sorted(lines) and len(lines) == len(set(lines))


BUILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from conftest import seed_story
    from alliance_kg.graph import add_article, new_dataset
    from alliance_kg.kb import load_kb
    from alliance_kg.rdfio import write_graph
    kb, ds = load_kb(), new_dataset()
    stories = seed_story()
    for article, statements in (reversed(stories) if sys.argv[2] == "reverse" else stories):
        add_article(ds, article, list(reversed(statements)) if sys.argv[2] == "reverse" else statements, kb)
    for ext in ("ttl", "trig", "nt", "nq", "jsonld"):
        write_graph(ds, f"{{sys.argv[1]}}/alliance.{{ext}}")
""")


def _build_in_subprocess(folder: Path, seed: str, order: str) -> None:
    folder.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    code = BUILD.format(tests=str(ROOT / "tests"))
    subprocess.run([sys.executable, "-c", code, str(folder), order], check=True, env=env, cwd=ROOT, timeout=300)


def test_output_is_byte_identical_across_processes_and_hash_seeds(tmp_path):
    _build_in_subprocess(tmp_path / "a", "1", "forward")
    _build_in_subprocess(tmp_path / "b", "4242", "reverse")
    for ext in ("ttl", "trig", "nt", "nq", "jsonld"):
        first, second = (tmp_path / d / f"alliance.{ext}" for d in ("a", "b"))
        assert first.read_bytes() == second.read_bytes(), ext


def test_malformed_file_gives_a_line_number_and_is_left_untouched(tmp_path, seed_dataset):
    path = tmp_path / "broken.ttl"
    write_graph(seed_dataset, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[20] = lines[20] + " ;;; <oops"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(GraphError, match=r"broken\.ttl: syntax error at line 21"):
        load_graph(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("name, content, line", [
    ("bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n", 2),
    ("bad.nq", "<http://a> <http://b> <http://c> <http://g> .\n\n<http://a> <http://b> <http://c> <g> <h> .\n", 3),
    ("bad.jsonld", '{\n  "@id": "http://a",\n  "http://b": \n}\n', 4),
    ("bad.trig", "<http://g> {\n  <http://a> <http://b> <http://c>\n", 3),
])
def test_malformed_files_in_other_formats(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphError, match=rf"line {line}\b"):
        load_graph(path)
    assert path.read_text(encoding="utf-8") == content


def test_unknown_suffix_and_missing_file(tmp_path):
    with pytest.raises(GraphError, match="suffix"):
        load_graph(tmp_path / "graph.xyz")
    with pytest.raises(GraphError, match="no such file"):
        load_graph(tmp_path / "missing.ttl")
    with pytest.raises(GraphError, match="no such folder"):
        write_graph(load_graph_or_empty(), tmp_path / "nope" / "out.ttl")


def load_graph_or_empty():
    from alliance_kg.graph import new_dataset

    return new_dataset()


def test_failed_serialization_leaves_the_old_file_intact(tmp_path, seed_dataset, monkeypatch):
    import alliance_kg.rdfio as rdfio

    path = tmp_path / "alliance.trig"
    write_graph(seed_dataset, path)
    before = path.read_bytes()

    def broken(*_args, **_kwargs):
        raise RuntimeError("serializer crashed")

    monkeypatch.setattr(rdfio, "serialize", broken)
    with pytest.raises(RuntimeError, match="serializer crashed"):
        rdfio.write_graph(seed_dataset, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alliance.trig"]


def test_failure_mid_write_leaves_the_old_file_intact(tmp_path):
    path = tmp_path / "alliance.ttl"
    path.write_text("old content\n", encoding="utf-8")

    def half_then_fail(handle):
        handle.write(b"new partial conte")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, half_then_fail)
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["alliance.ttl"]
    atomic_write(path, lambda handle: handle.write(b"new content\n"))
    assert path.read_text(encoding="utf-8") == "new content\n"


def test_killed_process_leaves_the_old_file_intact(tmp_path):
    path = tmp_path / "alliance.ttl"
    path.write_text("old content\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        import os, signal
        from alliance_kg.rdfio import atomic_write
        def write(handle):
            handle.write(b"half of the new gra")
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        atomic_write({str(path)!r}, write)
    """)
    proc = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert path.read_text(encoding="utf-8") == "old content\n"


def test_write_keeps_the_file_mode(tmp_path, seed_dataset):
    path = tmp_path / "alliance.ttl"
    path.write_text("", encoding="utf-8")
    path.chmod(0o640)
    write_graph(seed_dataset, path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_building_into_an_existing_file_twice_is_idempotent(tmp_path, seed_dataset, seed_articles, kb):
    for suffix in (".ttl", ".trig"):
        path = tmp_path / f"alliance{suffix}"
        write_graph(seed_dataset, path)
        first = path.read_bytes()
        for _ in range(2):
            ds = load_graph(path)
            statuses = [add_article(ds, article, statements, kb) for article, statements in seed_articles]
            assert statuses == ["unchanged", "unchanged"]
            write_graph(ds, path)
        assert path.read_bytes() == first
        assert _same_dataset(load_graph(path), seed_dataset)


def test_jsonld_uses_the_shipped_context_and_never_fetches(tmp_path, seed_dataset, no_network):
    text = serialize(seed_dataset, "json-ld")
    shipped = json.loads((ROOT / "alliance_kg" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert json.loads(text)["@context"] == shipped
    # a reference to the project's context IRI is resolved locally
    document = json.loads(text)
    document["@context"] = CONTEXT_IRI
    local = tmp_path / "by-reference.jsonld"
    local.write_text(json.dumps(document), encoding="utf-8")
    assert _same_dataset(load_graph(local), seed_dataset)
    # any other remote context is refused before rdflib could fetch it
    for remote in ("http://127.0.0.1:9/context.jsonld", ["http://127.0.0.1:9/c.jsonld"],
                   {"@import": "http://127.0.0.1:9/c.jsonld"}):
        document["@context"] = remote
        path = tmp_path / "remote.jsonld"
        path.write_text(json.dumps(document), encoding="utf-8")
        with pytest.raises(GraphError, match="never fetched"):
            load_graph(path)
    assert no_network == []


def test_the_audit_hook_does_catch_connections(no_network):
    import socket

    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert no_network
