"""SPARQL: the example queries answer their questions, results formats, inference and safety."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef

from alliance_kg.errors import QueryError
from alliance_kg.namespaces import PREFIXES
from alliance_kg.query import format_result, prepare_query, run_query
from alliance_kg.rdfio import serialize

QUERIES = Path(__file__).resolve().parents[1] / "examples" / "queries"

# file -> (run with --infer?, expected rows as readable strings, in order)
EXPECTED = {
    "renault-partners.rq": (False, [
        ("ake:aramco", "Aramco", "aka:jointVenture"),
        ("ake:geely", "Geely", "aka:jointVenture"),
        ("ake:nissan", "Nissan", "aka:partnerOf"),
    ]),
    "renault-partners-inferred.rq": (True, [("ake:aramco",), ("ake:geely",), ("ake:nissan",)]),
    "nissan-speculative.rq": (False, [
        ("ake:nissan", "aka:investsIn", "ake:ampere", "ake:reuters",
         "Nissan envisagerait une contribution dans Ampere, la filiale électrique de Renault, selon Reuters."),
    ]),
    "attributed-sources.rq": (False, [
        ("ake:reuters", "ake:nissan", "aka:investsIn", "ake:ampere", "aka:Affirmed", "aka:Speculative",
         "akd:seed-nissan-horse"),
        ("aka:UnnamedSources", "ake:nissan", "aka:distrusts", "ake:geely", "aka:Affirmed", "aka:Asserted",
         "akd:seed-nissan-horse"),
    ]),
    "distrust-partner-of-partner.rq": (False, [("ake:nissan", "ake:geely", "ake:renault")]),
    "stakes.rq": (False, [("ake:renault", "ake:nissan", "43.0", "2", "2024-11")]),
    "statements-per-article.rq": (False, [
        ("akd:seed-renault-stake", "2023-02-06", "en", "3"),
        ("akd:seed-nissan-horse", "2024-11", "fr", "18"),
    ]),
    "negated-intentions.rq": (False, [
        ("ake:nissan", "aka:memberOf", "ake:horse", "aka:Asserted",
         "Nissan n'a aucune intention de participer à la joint-venture."),
    ]),
    "entities-by-country.rq": (False, [
        ("China", "ake:geely", "aka:Automaker"),
        ("France", "ake:ampere", "aka:BusinessUnit"),
        ("France", "ake:renault", "aka:Automaker"),
        ("Japan", "ake:mitsubishi", "aka:Automaker"),
        ("Japan", "ake:nissan", "aka:Automaker"),
        ("Netherlands", "ake:renault-nissan-mitsubishi-alliance", "aka:Alliance"),
        ("Saudi Arabia", "ake:aramco", "aka:EnergyCompany"),
        ("United Kingdom", "ake:horse", "aka:JointVenture"),
        ("United Kingdom", "ake:reuters", "aka:NewsAgency"),
    ]),
    "edge-support.rq": (False, [
        ("ake:ampere", "aka:subsidiaryOf", "ake:renault", "2", "2023-02-06", "2024-11"),
        ("ake:renault", "aka:shareholderOf", "ake:nissan", "2", "2023-02-06", "2024-11"),
    ]),
}
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _readable(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)) and prefix not in ("rdf", "rdfs", "owl", "xsd", "wdt"):
                return f"{prefix}:{str(term)[len(str(ns)):]}"
        return str(term)
    return str(term)


def _rows(result) -> list[tuple[str, ...]]:
    return [tuple(_readable(term) for term in row) for row in result]


def test_there_are_at_least_eight_example_queries_each_with_a_question():
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 8
    assert {f.name for f in files} == set(EXPECTED)
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("# Question: "), path.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_query_answers_its_question(seed_dataset, name):
    infer, expected = EXPECTED[name]
    result = run_query(seed_dataset, (QUERIES / name).read_text(encoding="utf-8"), infer=infer)
    assert _rows(result) == expected


def test_inference_is_what_finds_broad_partners(seed_dataset):
    text = (QUERIES / "renault-partners-inferred.rq").read_text(encoding="utf-8")
    assert _rows(run_query(seed_dataset, text)) == []
    inferred = _rows(run_query(seed_dataset, "SELECT ?b WHERE { ake:geely aka:partnerOf ?b } ORDER BY ?b", infer=True))
    assert inferred == [("ake:aramco",), ("ake:renault",)]


def _oxigraph_rows(ds, text: str) -> list[tuple]:
    store = pyoxigraph.Store()
    store.load(serialize(ds, "trig").encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG)
    rows = []
    for solution in store.query(PROLOGUE + text, use_default_graph_as_union=True):
        rows.append(tuple(_oxi_value(solution[i]) for i in range(len(solution))))
    return rows


def _oxi_value(term):
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        if term.datatype.value.endswith(("#decimal", "#integer", "#double")):
            return Decimal(term.value)
        return term.value
    return term.value


def _rdflib_value(term):
    if term is None:
        return None
    if isinstance(term, Literal) and str(term.datatype or "").endswith(("#decimal", "#integer", "#double")):
        return Decimal(str(term))
    return str(term)


@pytest.mark.parametrize("name", sorted(n for n, (infer, _) in EXPECTED.items() if not infer))
def test_rdflib_and_pyoxigraph_agree_on_the_examples(seed_dataset, name):
    text = (QUERIES / name).read_text(encoding="utf-8")
    mine = [tuple(_rdflib_value(t) for t in row) for row in run_query(seed_dataset, text)]
    assert mine == _oxigraph_rows(seed_dataset, text)


@pytest.mark.parametrize("threshold, expected", [("0.9", 1), ("42.99", 1), ("43", 0), ("43.0", 0), ("50", 0)])
def test_numeric_filters_are_exact_and_agree_with_pyoxigraph(seed_dataset, threshold, expected):
    text = f"""SELECT DISTINCT ?holder ?company ?share WHERE {{
        ?st aka:share ?share ; rdf:subject ?holder ; rdf:object ?company .
        FILTER (?share > {threshold}) }}"""
    mine = [tuple(_rdflib_value(t) for t in row) for row in run_query(seed_dataset, text)]
    assert len(mine) == expected
    assert mine == _oxigraph_rows(seed_dataset, text)
    count = run_query(seed_dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?e aka:supportCount ?c FILTER (?c > 1) }")
    assert [int(row[0]) for row in count] == [2]


def test_select_sees_all_graphs_without_changing_the_dataset(seed_dataset):
    assert seed_dataset.default_union is False
    result = run_query(seed_dataset, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a aka:Statement }")
    assert [int(row[0]) for row in result] == [21]
    assert seed_dataset.default_union is False
    graphs = run_query(seed_dataset, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a aka:Statement } } ORDER BY ?g")
    assert [str(row[0]).rsplit("/", 2)[-2] for row in graphs] == ["seed-nissan-horse", "seed-renault-stake"]


def test_ask_construct_and_describe(seed_dataset):
    assert run_query(seed_dataset, "ASK { ake:nissan aka:distrusts ake:geely }").askAnswer is True
    assert format_result(run_query(seed_dataset, "ASK { ake:geely aka:distrusts ake:nissan }"), "table") == "false"
    assert json.loads(format_result(run_query(seed_dataset, "ASK {}"), "json")) == {"head": {}, "boolean": True}
    construct = run_query(seed_dataset, "CONSTRUCT { ?a aka:distrusts ?b } WHERE { ?a aka:distrusts ?b }")
    turtle = format_result(construct, "json")
    assert "@prefix aka:" in turtle and "ake:nissan aka:distrusts ake:geely" in turtle
    assert len(Graph().parse(data=turtle, format="turtle")) == 1
    described = Graph().parse(data=format_result(run_query(seed_dataset, "DESCRIBE ake:nissan"), "table"),
                              format="turtle")
    assert (URIRef(str(PREFIXES["ake"]) + "nissan"), None, None) in described


def test_result_formats_follow_the_w3c_formats(seed_dataset):
    text = "SELECT ?st ?share WHERE { ?st aka:share ?share ; prov:value ?ev } ORDER BY ?st"
    data = json.loads(format_result(run_query(seed_dataset, text), "json"))
    assert data["head"]["vars"] == ["st", "share"]
    share = data["results"]["bindings"][0]["share"]
    assert share == {"type": "literal", "value": "43.0", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    assert data["results"]["bindings"][0]["st"]["type"] == "uri"
    rows = list(csv.reader(io.StringIO(format_result(run_query(seed_dataset, text), "csv"))))
    assert rows[0] == ["st", "share"] and rows[1][0].startswith("https://w3id.org/alliance-kg/statement/")
    assert rows[1][1] == "43.0"
    tsv = format_result(run_query(seed_dataset, text), "tsv").splitlines()
    assert tsv[0] == "?st\t?share"
    assert tsv[1].startswith("<https://w3id.org/alliance-kg/statement/") and tsv[1].endswith("\t43.0")
    evidence = format_result(run_query(seed_dataset, "SELECT ?ev WHERE { ?s aka:polarity aka:Negated ; "
                                                     "prov:value ?ev }"), "tsv").splitlines()
    assert evidence[1] == '"Nissan n\'a aucune intention de participer à la joint-venture."'
    table = format_result(run_query(seed_dataset, text), "table").splitlines()
    assert table[0].split() == ["st", "share"] and set(table[1]) <= {"-", " "}
    with pytest.raises(QueryError, match="unknown result format"):
        format_result(run_query(seed_dataset, text), "xml")


@pytest.mark.parametrize("text, feature", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <http://127.0.0.1:9/x> { ?s ?p ?o } } }",
     "SERVICE"),
    ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } } } }", "SERVICE"),
    ("SELECT * FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://127.0.0.1:9/x> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("LOAD <http://127.0.0.1:9/x>", "LOAD"),
    ("INSERT DATA { ake:a aka:partnerOf ake:b }", "INSERT DATA"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("CLEAR ALL", "CLEAR"),
    ("DROP GRAPH <http://x/g>", "DROP"),
    ("CREATE GRAPH <http://x/g>", "CREATE"),
    ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
])
def test_refused_before_any_connection(seed_dataset, no_network, text, feature):
    with pytest.raises(QueryError, match=f"{feature}.*refused|refused.*{feature}"):
        run_query(seed_dataset, text)
    assert no_network == []


def test_words_in_comments_and_strings_are_not_refused(seed_dataset, no_network):
    text = """# SERVICE <http://127.0.0.1:9/x> and FROM <http://x> and LOAD are only words here
        SELECT ?ev WHERE { ?s prov:value ?ev FILTER (?ev != "SERVICE <http://127.0.0.1:9/x> { }") }
        LIMIT 1"""
    assert len(run_query(seed_dataset, text)) == 1
    assert no_network == []


def test_syntax_errors_give_line_and_column(seed_dataset):
    with pytest.raises(QueryError, match=r"syntax error at line 2, column \d+"):
        run_query(seed_dataset, "SELECT ?a\nWHERE { ?a aka:distrusts }")
    with pytest.raises(QueryError, match="Unknown namespace prefix|prefix"):
        prepare_query("SELECT * WHERE { ?a nope:x ?b }")
