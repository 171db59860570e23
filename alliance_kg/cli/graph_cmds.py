"""The graph commands: ``query``, ``validate`` and ``export`` over a graph file or store.

GRAPH is a graph file (``.ttl``, ``.trig``, ``.nt``, ``.nq``, ``.jsonld``) or
``oxigraph:DIR``, a persistent Oxigraph store (see :mod:`alliance_kg.store`).
None of them imports spaCy; the RDF libraries are imported when a command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from alliance_kg.cli.common import echo_err, ensure_parent
from alliance_kg.errors import InputError

RESULT_FORMATS = ("table", "csv", "tsv", "json")
RDF_FORMATS = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "jsonld": ".jsonld"}
NETWORK_FORMATS = {"gexf": ".gexf", "graphml": ".graphml", "csv": ".csv", "html": ".html", "png": ".png"}


def _read_query(query: str | None, query_file: str | None) -> str:
    """Return the query text from the argument or the file (``-`` is stdin)."""
    if (query is None) == (query_file is None):
        raise click.UsageError("give the query either as QUERY or with -f FILE.rq (exactly one)")
    if query is not None:
        return query
    if query_file == "-":
        return sys.stdin.read()
    try:
        return Path(query_file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{query_file}: no such query file", "check the path (examples/queries/ has some)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{query_file}: cannot read the query ({exc})") from None


@click.command("query")
@click.argument("graph", metavar="GRAPH")
@click.argument("query", metavar="QUERY", required=False)
@click.option("-f", "--file", "query_file", metavar="FILE.rq", help="Read the query from a file ('-' for stdin).")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
              help="Aligned table, or the W3C SPARQL results formats CSV, TSV and JSON.")
@click.option("--infer", is_flag=True,
              help="Add the ontology and its OWL-RL closure (sub-properties, symmetric ties) before querying.")
def query_cmd(graph: str, query: str | None, query_file: str | None, fmt: str, infer: bool) -> None:
    """Ask a graph a SPARQL question: SELECT, ASK, CONSTRUCT or DESCRIBE.

    The project prefixes (aka: ake: aks: akd: prov: oa: skos: dcterms: xsd:
    ...) are declared for you; SELECT sees all graphs at once. CONSTRUCT
    and DESCRIBE print Turtle. SERVICE, FROM and updates are refused: the
    network is never used. GRAPH may be oxigraph:DIR, a persistent Oxigraph
    store: it is opened, not loaded, and the query runs natively in Oxigraph.

    \b
    Example:
      alliance-kg query out/alliance.trig 'SELECT ?a ?b WHERE { ?a aka:distrusts ?b }'
      alliance-kg query oxigraph:out/store 'SELECT ?a ?b WHERE { ?a aka:distrusts ?b }'
      alliance-kg query out/alliance.ttl -f examples/queries/renault-partners.rq --format csv
      alliance-kg query out/alliance.ttl --infer 'SELECT ?p WHERE { ake:renault aka:partnerOf ?p }'
    """
    from alliance_kg.query import format_result, prepare_query, run_query  # noqa: PLC0415
    from alliance_kg.store import opened  # noqa: PLC0415

    text = _read_query(query, query_file)
    prepare_query(text)  # refuse a bad query before loading a large graph
    with opened(graph) as ds:
        result = run_query(ds, text, infer=infer)
        output = format_result(result, fmt)
    click.echo(output, nl=not output.endswith("\n"))
    if result.type == "SELECT" and fmt == "table":
        count = len(result)
        echo_err(f"{count} row{'s' if count != 1 else ''}")


@click.command("validate")
@click.argument("graph", metavar="GRAPH")
@click.pass_context
def validate_cmd(ctx: click.Context, graph: str) -> None:
    """Check a graph against the SHACL shapes (ontologies/shapes.ttl).

    Prints the report (focus node, path, message); exit code 0 when the
    graph conforms, 1 when it does not, 2 when it cannot be read.

    \b
    Example:
      alliance-kg validate out/alliance.trig
      alliance-kg validate oxigraph:out/store
    """
    from alliance_kg.validate import check, format_report, load_for_validation  # noqa: PLC0415

    report = check(load_for_validation(graph))  # SHACL runs in memory
    click.echo(format_report(report))
    ctx.exit(0 if report.conforms else 1)


def _export_format(fmt: str | None, output: Path) -> str:
    if fmt:
        return fmt
    suffix = output.suffix.lower()
    for name, ext in {**RDF_FORMATS, **NETWORK_FORMATS}.items():
        if suffix == ext or (name == "jsonld" and suffix == ".json"):
            return name
    raise click.UsageError(f"cannot tell the format from {output.name!r}: give --format")


@click.command("export")
@click.argument("graph", metavar="GRAPH")
@click.option("--format", "fmt", type=click.Choice([*RDF_FORMATS, *NETWORK_FORMATS]), default=None,
              help="Output format (default: from the suffix of -o).")
@click.option("-o", "--output", required=True, metavar="FILE",
              help="File to write (for csv: a folder or a file prefix), or oxigraph:DIR to load the graph "
                   "into a new Oxigraph store. Written atomically.")
def export_cmd(graph: str, fmt: str | None, output: str) -> None:
    """Write a graph in another format: RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD) or a network.

    RDF output is sorted and deterministic; JSON-LD embeds the shipped
    @context. The network formats (gexf, graphml, csv, html, png) project
    the statements onto a company network. GRAPH may be oxigraph:DIR, a
    persistent Oxigraph store: N-Quads and N-Triples are then sorted on disk
    and Turtle and TriG streamed, never loaded in memory. -o oxigraph:DIR
    loads a graph file into a new store.

    \b
    Example:
      alliance-kg export out/alliance.ttl --format trig -o out/alliance.trig
      alliance-kg export out/alliance.trig --format jsonld -o out/alliance.jsonld
      alliance-kg export out/alliance.trig -o out/alliance.gexf
      alliance-kg export out/alliance.trig -o oxigraph:out/store
      alliance-kg export oxigraph:out/store -o out/alliance.nq
    """
    from alliance_kg.rdfio import write_graph  # noqa: PLC0415
    from alliance_kg.store import import_file, is_store_spec, network_of, opened, store_dir  # noqa: PLC0415

    if is_store_spec(output):
        if fmt:
            raise click.UsageError("--format is for files: a store holds RDF as it is")
        if is_store_spec(graph):
            raise click.UsageError("export a store to a file, then load that file into the new store")
        count = import_file(output, graph)
        echo_err(f"wrote {store_dir(output)} (Oxigraph store, {count} quads)")
        return
    target = Path(output)
    fmt = _export_format(fmt, target)
    ensure_parent(target)
    with opened(graph) as ds:
        if fmt in RDF_FORMATS:
            write_graph(ds, target, fmt)
            echo_err(f"wrote {target} ({fmt})")
            return
        from alliance_kg.netexport import write_network  # noqa: PLC0415 - pulls in networkx

        written = write_network(network_of(ds), fmt, target)
    for path in written or [target]:
        echo_err(f"wrote {path} ({fmt})")


COMMANDS = [query_cmd, validate_cmd, export_cmd]
