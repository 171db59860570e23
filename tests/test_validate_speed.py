"""The faster validation gives pySHACL's own verdict and report, on many randomly broken graphs.

``alliance_kg.validate.check`` runs pySHACL under ``shacl_speed.lean_pyshacl``
(no text report, constraint parameters found by hash), imported without
rdflib's SPARQL engine, on a graph parsed straight from the file. Each test
compares with pySHACL run as it comes.
"""

from __future__ import annotations

import functools
import json
import random
import subprocess
import sys

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SH, XSD

from alliance_kg.namespaces import AKA
from alliance_kg.rdfio import load_graph, write_graph
from alliance_kg.validate import (
    Report,
    _results,
    check,
    load_for_validation,
    load_shapes,
    run_pyshacl,
    subclass_axioms,
    validate_graph,
    validation_graph,
)

CASES = 30

ODD_LITERALS = [
    Literal("-5", datatype=XSD.decimal), Literal("150.0", datatype=XSD.decimal), Literal("43 %"),
    Literal(0), Literal(-1, datatype=XSD.nonNegativeInteger), Literal("2023-13", datatype=XSD.gYearMonth),
    Literal("April 2023"), Literal("2023-04-06", datatype=XSD.date), Literal("de"), Literal("XYZ"),
    Literal("Nissan", lang="fr"), Literal("Nissan", lang="en"), Literal(True),
]
EXTRA_IRIS = [AKA.likes, AKA.Maybe, AKA.Carmaker, URIRef("https://example.org/nowhere"), AKA.Statement,
              AKA.EdgeSummary, AKA.Technology, AKA.Country]


def _break(graph: Graph, rng: random.Random) -> Graph:
    """Return a copy of ``graph`` with 1 to 5 random changes: removals, extra values, swapped terms."""
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    triples = sorted(broken)
    subjects = sorted({s for s, _, _ in triples})
    predicates = sorted({p for _, p, _ in triples})
    objects = sorted({o for _, _, o in triples}, key=lambda o: (type(o).__name__, str(o)))
    values = objects + ODD_LITERALS + EXTRA_IRIS + [BNode("odd")]
    for _ in range(rng.randint(1, 5)):
        s, p, o = rng.choice(triples)
        kind = rng.randrange(6)
        if kind == 0:
            broken.remove((s, p, o))
        elif kind == 1:
            broken.add((s, p, rng.choice(values)))
        elif kind == 2:
            broken.remove((s, p, o))
            broken.add((s, p, rng.choice(values)))
        elif kind == 3:
            broken.remove((s, p, o))
            broken.add((rng.choice(subjects + [BNode("blank")]), p, o))
        elif kind == 4:
            broken.add((rng.choice(subjects), RDF.type, rng.choice(objects + EXTRA_IRIS)))
        else:
            broken.remove((s, p, o))
            broken.add((s, rng.choice(predicates), o))
    return broken


def _plain(data: Graph, shapes: Graph | None = None):
    """pySHACL as it comes: the shapes parsed as usual, nothing switched off."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes or load_shapes(), inference="none",
                                           abort_on_first=False, allow_warnings=True, meta_shacl=False)
    return conforms, report


NEVER_REPORTED = Literal("(alternative, never reported)", lang="en")


@functools.lru_cache(maxsize=1)
def _shapes_without_alternative_messages() -> Graph:
    """The shapes as they were before the alternatives got a message (only there to save pySHACL work)."""
    shapes = Graph()
    for triple in load_shapes():
        if triple[2] != NEVER_REPORTED:
            shapes.add(triple)
    return shapes


_MESSAGES: dict[int, tuple[bool, set[str]]] = {}


@pytest.mark.parametrize("case", range(CASES))
def test_the_lean_run_gives_pyshacl_s_own_report(seed_dataset, case):
    broken = _break(validation_graph(seed_dataset), random.Random(case))
    conforms, report = _plain(broken)
    conforms_lean, report_lean = run_pyshacl(broken)
    assert conforms_lean == conforms
    assert isomorphic(report_lean, report)  # the same results, blank nodes aside
    assert Report(conforms_lean, _results(report_lean)) == Report(conforms, _results(report))  # what check gives
    _MESSAGES[case] = (conforms, {r.message for r in _results(report)})
    if case % 2 == 0:  # the alternatives' messages are never reported, and change nothing else
        conforms_before, report_before = _plain(broken, _shapes_without_alternative_messages())
        assert Report(conforms_before, _results(report_before)) == Report(conforms, _results(report))
        assert NEVER_REPORTED not in set(report.objects(None, SH.resultMessage))


def test_the_random_cases_break_many_shapes():
    """The cases are not all the same few errors: they reach most of the shapes (runs after the cases)."""
    if len(_MESSAGES) < CASES:
        pytest.skip("runs after all the random cases")
    failing = sum(not conforms for conforms, _ in _MESSAGES.values())
    messages = set().union(*(m for _, m in _MESSAGES.values()))
    assert failing >= CASES * 2 // 3
    assert len(messages) >= 15, sorted(messages)


@pytest.mark.parametrize("case", range(0, CASES, 5))
def test_a_file_is_read_as_the_dataset_path_reads_it(seed_dataset, tmp_path, case):
    """``validate FILE`` parses a Turtle or N-Triples file straight into the graph to check."""
    broken = _break(validation_graph(seed_dataset), random.Random(case))
    for suffix in (".ttl", ".nt"):
        path = tmp_path / f"broken{suffix}"
        write_graph(broken, path)
        direct = load_for_validation(str(path))
        assert set(direct) == set(validation_graph(load_graph(path)))
        assert check(direct) == validate_graph(load_graph(path))


def test_other_formats_and_bad_files_take_the_ordinary_path(seed_dataset, tmp_path):
    path = tmp_path / "alliance.trig"
    write_graph(seed_dataset, path)
    assert set(load_for_validation(str(path))) == set(validation_graph(seed_dataset))
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix aka: <https://w3id.org/alliance-kg/ontology#> .\naka:a aka:b .\n", encoding="utf-8")
    from alliance_kg.errors import GraphError

    with pytest.raises(GraphError, match=r"bad\.ttl: syntax error at line 2"):
        load_for_validation(str(bad))
    with pytest.raises(GraphError, match="no such file"):
        load_for_validation(str(tmp_path / "missing.ttl"))


# ----------------------------------------------------------------------------- the subclass axioms

def test_the_subclass_axioms_are_cached_and_a_broken_cache_is_made_again(monkeypatch, tmp_path):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ALLIANCE_KG_CACHE_DIR", str(folder))
    subclass_axioms.cache_clear()
    try:
        parsed = subclass_axioms()
        (cached,) = folder.glob("subclasses-*.json")
        assert len(json.loads(cached.read_text(encoding="utf-8"))) == len(parsed) >= 10
        subclass_axioms.cache_clear()
        assert subclass_axioms() == parsed  # read from the cache
        cached.write_text("{not json", encoding="utf-8")
        subclass_axioms.cache_clear()
        assert subclass_axioms() == parsed  # parsed again, and written again
        assert json.loads(cached.read_text(encoding="utf-8"))
        monkeypatch.setenv("ALLIANCE_KG_CACHE_DIR", "")
        subclass_axioms.cache_clear()
        assert subclass_axioms() == parsed  # no cache at all
    finally:
        subclass_axioms.cache_clear()


def test_the_subclass_axioms_are_those_of_the_ontology():
    from alliance_kg.validate import load_ontology

    onto = load_ontology()
    expected = {t for t in onto.triples((None, RDFS.subClassOf, None)) if isinstance(t[2], URIRef)}
    assert set(subclass_axioms()) == expected
    assert (AKA.Automaker, RDFS.subClassOf, AKA.Organisation) in expected


# ----------------------------------------------------------------------------- pySHACL without SPARQL

_CHILD = """
import json, sys
from rdflib import Graph
stand_ins = sys.argv[1] == "1"
if stand_ins:
    from alliance_kg.shacl_speed import import_pyshacl
    pyshacl = import_pyshacl()
    assert "rdflib.plugins.sparql.parser" not in sys.modules and "pyparsing" not in sys.modules
else:
    import pyshacl
shapes = Graph().parse(data=sys.argv[2], format="turtle")
data = Graph().parse(data=sys.argv[3], format="turtle")
conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
print(json.dumps([conforms, sorted(str(m) for m in report.objects(None, pyshacl.consts.SH.resultMessage))]))
import rdflib.plugins.sparql as sparql
assert sparql.prepareQuery("ASK { ?s ?p ?o }") is not None
"""

_SPARQL_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:property [ sh:path ex:size ; sh:maxCount 1 ; sh:message "one size" ] ;
  sh:sparql [ sh:message "no label" ; sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this ex:label ?l } }" ] .
"""
_SPARQL_DATA = """
@prefix ex: <https://example.org/> .
ex:a a ex:Thing ; ex:size 1, 2 .
ex:b a ex:Thing ; ex:label "b" .
"""


def test_pyshacl_imported_without_sparql_still_runs_sparql_constraints():
    """The stand-ins are gone after the import: a SHACL-SPARQL constraint and a query load the real engine."""
    answers = []
    for stand_ins in ("0", "1"):
        done = subprocess.run([sys.executable, "-c", _CHILD, stand_ins, _SPARQL_SHAPES, _SPARQL_DATA],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        answers.append(json.loads(done.stdout))
    assert answers[0] == answers[1] == [False, ["no label", "one size"]]


def test_the_stand_ins_forward_to_the_real_engine():
    from pyshacl import graph_abstraction
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.operators import register_custom_function

    query = prepareQuery("ASK { ?s ?p ?o }")
    assert isinstance(query, graph_abstraction.Query) and not isinstance("ASK {}", graph_abstraction.Query)
    assert graph_abstraction.register_custom_function.__name__ == register_custom_function.__name__
