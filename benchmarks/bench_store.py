"""Large graphs: rdflib in memory against a persistent Oxigraph store, in one run.

Generates a synthetic graph shaped like alliance-kg's (entities with types,
labels and countries; articles; statement nodes with polarity, modality,
attribution, share, Web Annotation selectors in one named graph per article;
direct triples and edge summaries in the default graph), written as an
N-Quads file by alliance-kg's own model functions (``rdfmodel``), then
measures in two child processes (so each has its own peak memory):

* load: rdflib parses the N-Quads file into a Dataset (``rdfio.load_graph``,
  what every command does today); Oxigraph bulk-loads it into a store folder
  (``store.import_file``, what ``export FILE -o oxigraph:DIR`` does);
* open: what a later command pays before answering (rdflib parses the file
  again; Oxigraph opens the folder);
* a two-hop SPARQL join: ``examples/queries/distrust-partner-of-partner.rq``,
  companies that distrust a partner of one of their partners
  (``query.run_query``: rdflib's evaluator, Oxigraph natively);
* a path query: ``alliance-kg paths`` between two companies three or four
  hops apart (network projection + ``paths.find_paths``; on the store
  ``store.paths_network`` reads only the ties along the paths);
* peak resident memory of each process.

Usage::

    python benchmarks/bench_store.py                      # ~1 million triples
    python benchmarks/bench_store.py --triples 20000      # a quick look

and it prints a Markdown table. Both engines must give the same join rows
and the same paths, or the script exits with status 1.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rdflib import Literal, URIRef  # noqa: E402
from rdflib.namespace import RDF, XSD  # noqa: E402

from alliance_kg.articles import article_from_text  # noqa: E402
from alliance_kg.kb import Entity, KnowledgeBase  # noqa: E402
from alliance_kg.namespaces import AKA, AKS, entity_iri  # noqa: E402
from alliance_kg.rdfmodel import (  # noqa: E402
    SYMMETRIC_IRIS, article_iri, article_triples, edge_iri, entity_triples, statement_triples,
    statements_graph_iri,
)
from alliance_kg.statement import Statement  # noqa: E402

#: The two-hop join: the shipped analyst query "which companies distrust a partner of their partner?"
JOIN_FILE = ROOT / "examples" / "queries" / "distrust-partner-of-partner.rq"
JOIN = JOIN_FILE.read_text(encoding="utf-8")

PREDICATE_WEIGHTS = {
    "partnerOf": 20, "jointVenture": 8, "memberOf": 7, "shareholderOf": 8, "investsIn": 7, "subsidiaryOf": 5,
    "suppliesTo": 10, "competesWith": 8, "distrusts": 8, "acquires": 3, "mergesWith": 2,
    "developsTechnology": 6, "sharesTechnology": 2, "seeksPartnership": 3, "basedIn": 3,
}
TECH_PREDICATES = {"developsTechnology", "sharesTechnology", "seeksPartnership"}
COOPERATION = {"partnerOf", "jointVenture", "memberOf", "mergesWith", "shareholderOf", "investsIn",
               "subsidiaryOf", "suppliesTo"}
KINDS = ["Automaker"] * 5 + ["Supplier"] * 3 + ["TechnologyCompany"] * 2 + ["EnergyCompany", "JointVenture"]
COUNTRIES = ["France", "Japan", "China", "Germany", "United States", "South Korea", "Italy", "Spain", "India",
             "Saudi Arabia", "Sweden", "United Kingdom", "Brazil", "Mexico", "Canada", "Taiwan"]
TECHNOLOGIES = ["electric vehicles", "batteries", "software", "hydrogen", "autonomous driving", "e-Power",
                "solid-state batteries", "charging", "semiconductors", "hybrid engines"]
VERBS = {"partnerOf": "s'associe à", "jointVenture": "crée une coentreprise avec", "memberOf": "rejoint",
         "shareholderOf": "détient une part de", "investsIn": "investit dans", "subsidiaryOf": "est une filiale de",
         "suppliesTo": "fournit", "competesWith": "concurrence", "distrusts": "se méfie de",
         "acquires": "rachète", "mergesWith": "fusionne avec", "developsTechnology": "développe",
         "sharesTechnology": "partage", "seeksPartnership": "cherche des partenaires dans",
         "basedIn": "est basé en"}


# --------------------------------------------------------------------- generation

def _line(s: object, p: object, o: object, g: object | None) -> str:
    return f"{s.n3()} {p.n3()} {o.n3()}{'' if g is None else ' ' + g.n3()} .\n"


def generate(path: Path, target: int, seed: int = 7) -> dict:
    """Write a synthetic graph of about ``target`` quads to ``path`` (N-Quads); return what the runs need."""
    rng = random.Random(seed)
    n_companies = max(40, target // 500)
    countries = [Entity(iri=entity_iri(c), name=c, kind="Country") for c in COUNTRIES]
    techs = [Entity(iri=entity_iri(t), name=t, kind="Technology") for t in TECHNOLOGIES]
    companies = [Entity(iri=entity_iri(f"Synth {i:05d} {KINDS[i % len(KINDS)]}"),
                        name=f"Synth {i:05d} {KINDS[i % len(KINDS)]}", kind=KINDS[i % len(KINDS)],
                        labels=(f"S{i:05d}",), country=rng.choice(countries).iri)
                 for i in range(n_companies)]
    kb = KnowledgeBase([*countries, *techs, *companies,
                        Entity(iri=entity_iri("Reuters"), name="Reuters", kind="NewsAgency")])
    weights = [1 / (rank + 1) ** 0.85 for rank in range(n_companies)]  # a few hubs, a long tail
    cum, total = [], 0.0
    for w in weights:
        total += w
        cum.append(total)
    predicates, pweights = list(PREDICATE_WEIGHTS), list(PREDICATE_WEIGHTS.values())
    facts: dict[tuple, list] = defaultdict(list)  # (s, p, o) -> [(statement node, article, date)]
    entities: dict[str, Entity] = {}
    written = articles = statements = edge_quads = 0
    with path.open("w", encoding="utf-8") as out:
        while written + edge_quads < target:
            doc = f"synth-{articles:06d}"
            date = f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}"
            if rng.random() < 0.4:
                date += f"-{rng.randint(1, 28):02d}"
            rows = []
            for _ in range(rng.randint(8, 14)):
                predicate = rng.choices(predicates, pweights)[0]
                subject = rng.choices(companies, cum_weights=cum)[0]
                if predicate in TECH_PREDICATES:
                    obj = rng.choice(techs)
                elif predicate == "basedIn":
                    obj = kb.get(subject.country)
                else:
                    obj = rng.choices(companies, cum_weights=cum)[0]
                    if obj is subject:
                        obj = companies[(companies.index(subject) + 1) % n_companies]
                rows.append((subject, predicate, obj, f"{subject.name} {VERBS[predicate]} {obj.name}."))
            text, spans = f"date {date} ", []
            for row in rows:
                spans.append((len(text), len(text) + len(row[3])))
                text += row[3] + " "
            article = article_from_text(text, doc=doc)
            graph = statements_graph_iri(doc)
            for triple in article_triples(article):
                out.write(_line(*triple, None))
                written += 1
            for (subject, predicate, obj, sentence), (start, end) in zip(rows, spans):
                polarity = "negated" if rng.random() < 0.08 else "affirmed"
                roll = rng.random()
                modality = "planned" if roll < 0.10 else "speculative" if roll < 0.18 else "asserted"
                roll = rng.random()
                source = "unnamed sources" if roll < 0.1 else "Reuters" if roll < 0.2 else None
                share = round(rng.uniform(1, 60), 1) if predicate == "shareholderOf" else None
                st = Statement(doc=doc, subject=subject.name, subject_iri=subject.iri, predicate=predicate,
                               object=obj.name, object_iri=obj.iri, polarity=polarity, modality=modality,
                               attributedTo=source, share=share, evidence=sentence, start=start, end=end,
                               date=date)
                triples, used = statement_triples(st, article, kb)
                for triple in triples:
                    out.write(_line(*triple, graph))
                written += len(triples)
                statements += 1
                for entity in used:
                    entities[entity.iri] = entity
                if st.is_fact:
                    key = (URIRef(subject.iri), AKA[predicate], URIRef(obj.iri))
                    edge_quads += 1 if key in facts else 9  # direct triple + summary, one supportedBy each
                    facts[key].append((AKS[st.ident()], article_iri(doc), Literal(date, datatype=_date_type(date))))
            articles += 1
        lines = set()
        for entity in entities.values():
            lines.update(_line(*t, None) for t in entity_triples(entity, kb))
        out.writelines(sorted(lines))
        written += len(lines)
        written += _write_edges(out, facts)
    return {"quads": written, "articles": articles, "statements": statements, "companies": n_companies,
            "facts": len(facts), "pair": _path_pair(facts, companies, rng), "bytes": path.stat().st_size}


def _date_type(date: str) -> URIRef:
    return XSD.date if len(date) == 10 else XSD.gYearMonth


def _write_edges(out: object, facts: dict) -> int:
    """Write the direct triples and edge summaries exactly as ``graph.refresh_edges`` makes them."""
    written = 0
    for (s, p, o), support in sorted(facts.items()):
        rows = list(support)
        if p in SYMMETRIC_IRIS and s != o:
            rows += facts.get((o, p, s), [])
        edge = edge_iri(s, p, o)
        arts = {a for _, a, _ in rows}
        dates = sorted((d for _, _, d in rows), key=str)
        triples = [(s, p, o), (edge, RDF.type, AKA.EdgeSummary), (edge, RDF.subject, s),
                   (edge, RDF.predicate, p), (edge, RDF.object, o),
                   (edge, AKA.supportCount, Literal(len(arts), datatype=XSD.integer)),
                   *((edge, AKA.supportedBy, n) for n in sorted({n for n, _, _ in rows})),
                   (edge, AKA.firstSeen, dates[0]), (edge, AKA.lastSeen, dates[-1])]
        out.writelines(_line(*t, None) for t in triples)
        written += len(triples)
    return written


def _path_pair(facts: dict, companies: list, rng: random.Random) -> list[str]:
    """Return two company names three (or more) cooperation hops apart."""
    import networkx as nx  # noqa: PLC0415

    graph = nx.Graph()
    for s, p, o in facts:
        if str(p).rsplit("#", 1)[-1] in COOPERATION and s != o:
            graph.add_edge(str(s), str(o))
    names = {c.iri: c.name for c in companies}
    tail = [c.iri for c in companies[len(companies) // 2:] if c.iri in graph]
    rng.shuffle(tail)
    for source in tail:
        lengths = nx.single_source_shortest_path_length(graph, source, cutoff=4)
        far = sorted(n for n, d in lengths.items() if d >= 3 and n in names)
        if far:
            return [names[source], names[rng.choice(far)]]
    return [companies[-1].name, companies[0].name]


# --------------------------------------------------------------------- the two engines

def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _paths_lines(found: list) -> list[str]:
    return [p.line() for p in found]


class _Clock:
    """Wall and CPU seconds of each step (CPU time is the fairer figure on a busy machine)."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.times[name] = [wall - self._wall, cpu - self._cpu]
        self._wall, self._cpu = wall, cpu


def run_rdflib(nquads: Path, pair: list[str]) -> dict:
    """Load the file in memory with rdflib, join, paths; return the timings."""
    from alliance_kg.network import build_network, shipped_kb  # noqa: PLC0415
    from alliance_kg.paths import find_paths  # noqa: PLC0415
    from alliance_kg.query import run_query  # noqa: PLC0415
    from alliance_kg.rdfio import load_graph  # noqa: PLC0415

    kb = shipped_kb()
    clock = _Clock()
    ds = load_graph(nquads)
    clock.lap("load")
    rows = [tuple(str(t) for t in row) for row in run_query(ds, JOIN)]
    clock.lap("join")
    found = find_paths(build_network(ds, kb), *pair)
    clock.lap("paths")
    times = clock.times
    return {**times, "open": times["load"], "rows": rows, "found": _paths_lines(found), "peak_mb": _peak_mb()}


def run_oxigraph_load(nquads: Path, folder: Path) -> dict:
    """Bulk-load the file into a new store (what ``export FILE -o oxigraph:DIR`` does)."""
    from alliance_kg.store import import_file, store_size  # noqa: PLC0415

    clock = _Clock()
    import_file(f"oxigraph:{folder}", nquads)
    clock.lap("load")
    return {**clock.times, "peak_mb": _peak_mb(), "store_mb": store_size(f"oxigraph:{folder}") / 2**20}


def run_oxigraph(folder: Path, pair: list[str]) -> dict:
    """A later command on the store: open it, join natively; then paths as ``alliance-kg paths`` does."""
    from alliance_kg.network import shipped_kb  # noqa: PLC0415
    from alliance_kg.paths import find_paths  # noqa: PLC0415
    from alliance_kg.query import run_query  # noqa: PLC0415
    from alliance_kg.store import close_dataset, open_dataset, paths_network  # noqa: PLC0415

    kb = shipped_kb()
    spec = f"oxigraph:{folder}"
    clock = _Clock()
    ds = open_dataset(spec, create=False)
    clock.lap("open")
    rows = [tuple(str(t) for t in row) for row in run_query(ds, JOIN)]
    clock.lap("join")
    close_dataset(ds)
    clock.lap("close")
    found = find_paths(paths_network(spec, *pair, kb=kb), *pair)  # opens the store itself, as the command does
    clock.lap("paths")
    return {**clock.times, "rows": rows, "found": _paths_lines(found), "peak_mb": _peak_mb()}


# --------------------------------------------------------------------- report

def _child(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"benchmark child {args[:2]} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _s(x: float) -> str:
    return f"{x:.2f} s" if x < 10 else f"{x:.1f} s" if x < 100 else f"{x:.0f} s"


def _cell(t: list[float], note: str = "") -> str:
    return f"{_s(t[0])} ({_s(t[1])} CPU){note}"


def _ratio(a: list[float], b: list[float]) -> str:
    if b[0] <= 0:
        return "–"
    r = a[0] / b[0]
    return f"{r:.0f}×" if r >= 10 else f"{r:.1f}×"


def _add(*times: list[float]) -> list[float]:
    return [sum(t[0] for t in times), sum(t[1] for t in times)]


def table(info: dict, rdf: dict, ox: dict, load: dict) -> str:
    """Return the Markdown table of one run."""
    hops = ox["found"][0].count(" → (") + ox["found"][0].count(" ← (") if ox["found"] else 0
    query_rdf, query_ox = _add(rdf["open"], rdf["join"]), _add(ox["open"], ox["join"])
    paths_rdf, paths_ox = _add(rdf["open"], rdf["paths"]), ox["paths"]  # the store's paths open it themselves
    rows = [
        ("load the N-Quads file (once)", _cell(rdf["load"]), _cell(load["load"], ", bulk load into DIR"),
         _ratio(rdf["load"], load["load"])),
        ("open the graph (every later command)", _cell(rdf["open"], ", parse again"), _cell(ox["open"]),
         _ratio(rdf["open"], ox["open"])),
        (f"two-hop SPARQL join `{JOIN_FILE.name}` ({len(ox['rows']):,} rows)", _cell(rdf["join"]),
         _cell(ox["join"]), _ratio(rdf["join"], ox["join"])),
        (f"paths: network + `find_paths` ({len(ox['found'])} shortest paths of {hops} hops)", _cell(rdf["paths"]),
         _cell(ox["paths"], ", with opening"), _ratio(rdf["paths"], ox["paths"])),
        ("`query` command: open + join", _cell(query_rdf), _cell(query_ox), _ratio(query_rdf, query_ox)),
        ("`paths` command: open + paths", _cell(paths_rdf), _cell(paths_ox), _ratio(paths_rdf, paths_ox)),
        ("peak memory (RSS) of a command", f"{rdf['peak_mb']:.0f} MB", f"{ox['peak_mb']:.0f} MB", ""),
        ("peak memory (RSS) while loading", f"{rdf['peak_mb']:.0f} MB", f"{load['peak_mb']:.0f} MB", ""),
        ("on disk", f"{info['bytes'] / 2**20:.0f} MB (.nq file)", f"{load['store_mb']:.0f} MB (store folder)", ""),
    ]
    lines = [f"Synthetic graph: {info['quads']:,} quads — {info['articles']:,} articles, "
             f"{info['statements']:,} statements, {info['companies']:,} companies, {info['facts']:,} direct facts; "
             f"paths from {info['pair'][0]} to {info['pair'][1]}.",
             "", "| step | rdflib in memory | Oxigraph store | rdflib / Oxigraph (wall) |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="quads to generate (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", help="keep the generated file and store here (default: a temp folder)")
    parser.add_argument("--engine", choices=["rdflib", "oxigraph-load", "oxigraph"], help=argparse.SUPPRESS)
    parser.add_argument("--nquads", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--pair", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.engine:  # a child process: one engine, one JSON line
        if args.engine == "rdflib":
            result = run_rdflib(Path(args.nquads), json.loads(args.pair))
        elif args.engine == "oxigraph-load":
            result = run_oxigraph_load(Path(args.nquads), Path(args.store))
        else:
            result = run_oxigraph(Path(args.store), json.loads(args.pair))
        print(json.dumps(result))
        return 0
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="bench-store-"))
    work.mkdir(parents=True, exist_ok=True)
    nquads, folder = work / "synthetic.nq", work / "store"
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    info = generate(nquads, args.triples, args.seed)
    print(f"generated {nquads} ({info['quads']:,} quads) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    pair = json.dumps(info["pair"])
    load = _child("--engine", "oxigraph-load", "--nquads", str(nquads), "--store", str(folder))
    print(f"oxigraph load: {json.dumps(load)}", file=sys.stderr)
    ox = _child("--engine", "oxigraph", "--store", str(folder), "--pair", pair)
    rdf = _child("--engine", "rdflib", "--nquads", str(nquads), "--pair", pair)
    for name, result in (("oxigraph", ox), ("rdflib", rdf)):
        print(f"{name}: {json.dumps({k: v for k, v in result.items() if k not in ('rows', 'found')})}",
              file=sys.stderr)
    print(table(info, rdf, ox, load))
    same = sorted(rdf["rows"]) == sorted(ox["rows"]) and rdf["found"] == ox["found"]
    print("\nBoth engines give the same join rows and the same paths." if same
          else "\nMISMATCH between the engines' answers.")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
