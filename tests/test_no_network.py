"""No command reaches the network: every command runs under an audit hook that kills the process on a socket.

The hook (``GUARD`` below, installed before alliance-kg is imported) watches
``socket.connect`` (any family but Unix-domain sockets), ``socket.getaddrinfo``,
``socket.gethostbyname``/``_ex``/``gethostbyaddr``, ``socket.sendto``/``sendmsg``
and ``urllib.Request``: on any of them it writes ``NETWORK ATTEMPT`` on stderr
and ends the process at once with exit status 97, so that no ``except``
in a library can hide the attempt. The first test proves the hook does
fail loudly; the others run every command — build (also with ``--jobs 2``,
whose worker processes inherit the hook), extract, evaluate, query
(including ``SERVICE``, ``FROM <http://...>``, ``FROM NAMED``, ``LOAD`` and
``--infer``), validate, export in each format, paths, tensions, stats, and
JSON-LD with a remote ``@context`` — in two processes under the hook.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NETWORK_EXIT = 97

GUARD = r"""
import os, socket, sys
_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
           "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg", "urllib.Request"}
def _guard(event, args):
    if event not in _EVENTS:
        return
    if event == "socket.connect" and getattr(args[0], "family", None) == getattr(socket, "AF_UNIX", None):
        return  # a local Unix-domain socket, not the network
    try:
        sys.__stderr__.write(f"NETWORK ATTEMPT: {event} {args!r}\n")
        sys.__stderr__.flush()
    finally:
        os._exit(97)
sys.addaudithook(_guard)
"""

RUNNER = GUARD + r"""
import json
from click.testing import CliRunner
from alliance_kg.cli import cli
report = []
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(cli, args)
    report.append({"args": args, "code": result.exit_code, "stderr": result.stderr[-400:],
                   "traceback": "Traceback" in result.output})
print(json.dumps(report))
"""


def _python(code: str, *args: str, timeout: int = 600) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("attempt", [
    "socket.getaddrinfo('example.org', 80)",
    "socket.create_connection(('127.0.0.1', 9), timeout=1)",
    "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/', timeout=1)",
    "from rdflib import Graph; Graph().parse('http://127.0.0.1:9/data.ttl')",
])
def test_the_guard_fails_loudly_on_a_connection(attempt):
    proc = _python(GUARD + "\ntry:\n    " + attempt + "\nexcept Exception:\n    pass\nprint('not stopped')\n")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == NETWORK_EXIT, (out, err)
    assert "NETWORK ATTEMPT" in err and "not stopped" not in out


def _commands(out: Path, graph: Path, remote: Path) -> tuple[list, list]:
    """Return (NLP commands, graph commands) with their expected exit codes."""
    q = "SELECT ?a ?b WHERE { ?a aka:distrusts ?b }"
    nlp = [
        (["build", SEEDS, "-o", out / "b"], 0),
        (["build", SEEDS, "-o", out / "j", "--jobs", "2", "--batch-size", "1",
          "--format", "turtle,trig,nt,nquads,jsonld"], 0),
        (["build", SEEDS, "--into", remote], 2),  # a remote @context is never fetched
        (["extract", SEEDS], 0),
        (["extract", SEEDS, "--format", "table", "--jobs", "2"], 0),
        (["evaluate", SEEDS], 0),
    ]
    exports = [(["export", graph, "-o", out / f"x.{ext}"], 0)
               for ext in ("ttl", "trig", "nt", "nq", "jsonld", "gexf", "graphml", "html", "png")]
    exports.append((["export", graph, "--format", "csv", "-o", out / "csv"], 0))
    graphs = [
        (["query", graph, q], 0),
        (["query", graph, "--infer", "SELECT ?p WHERE { ake:renault aka:partnerOf ?p }"], 0),
        (["query", graph, "CONSTRUCT { ?a aka:distrusts ?b } WHERE { ?a aka:distrusts ?b }"], 0),
        (["query", graph, "DESCRIBE <http://example.org/company>"], 0),
        (["query", graph, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"], 2),
        (["query", graph, "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }"], 2),
        (["query", graph, "SELECT * FROM NAMED <http://example.org/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }"], 2),
        (["query", graph, "LOAD <http://example.org/data.ttl>"], 2),
        (["query", remote, "ASK { ?s ?p ?o }"], 2),
        (["validate", graph], 0),
        *exports,
        (["export", remote, "-o", out / "remote.ttl"], 2),
        (["paths", graph, "Nissan", "Aramco"], 0),
        (["tensions", graph], 0),
        (["stats", graph], 0),
    ]
    return nlp, graphs


def test_every_command_runs_without_a_network_attempt(tmp_path, seed_files):
    remote = tmp_path / "remote.jsonld"
    remote.write_text(json.dumps({"@context": "http://schema.org/", "@id": "http://example.org/x",
                                  "name": "x"}), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    groups = _commands(out, seed_files["ttl"], remote)
    procs = [(group, _python(RUNNER, json.dumps([[str(a) for a in args] for args, _ in group])))
             for group in groups]
    for group, proc in procs:
        try:
            stdout, stderr = proc.communicate(timeout=900)
        except subprocess.TimeoutExpired:
            for _, other in procs:
                other.kill()
            raise
        assert "NETWORK ATTEMPT" not in stderr, stderr
        assert proc.returncode == 0, (proc.returncode, stderr[-2000:])
        report = json.loads(stdout.strip().splitlines()[-1])
        assert len(report) == len(group)
        for (_args, expected), ran in zip(group, report):
            assert ran["code"] == expected, ran
            assert not ran["traceback"], ran
    assert (out / "j" / "alliance.jsonld").is_file() and (out / "x.png").is_file()
    assert (out / "j" / "statements.jsonl").read_bytes() == (out / "b" / "statements.jsonl").read_bytes()
