"""The network commands: ``paths``, ``tensions`` and ``stats`` over a graph file or an ``oxigraph:DIR`` store.

networkx and rdflib are imported when a command runs, not for ``--help``.
"""

from __future__ import annotations

import json

import click

#: alliance_kg.paths.DEFAULT_MAX_LENGTH (tests/test_throughput.py checks they agree): importing
#: alliance_kg.paths here would import networkx for every ``--help``
DEFAULT_MAX_LENGTH = 4

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                      show_default=True, help="Readable text or JSON.")


def _json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.command("paths")
@click.argument("graph", metavar="GRAPH")
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option("--all", "all_paths", is_flag=True,
              help=f"All simple paths up to --max-length hops (default {DEFAULT_MAX_LENGTH}), not only the shortest.")
@click.option("--max-length", type=click.IntRange(1, 12), default=None, metavar="N",
              help="Longest path to report, in hops.")
@click.option("--relations", metavar="A,B",
              help="Ties a path may step over (default: the cooperation ties partnerOf, jointVenture, "
                   "memberOf, mergesWith, shareholderOf, investsIn, subsidiaryOf, suppliesTo).")
@click.option("--include-speculative", is_flag=True,
              help="Also step over planned and speculative ties (default: asserted ones only).")
@FORMAT
def paths_cmd(graph: str, source: str, target: str, all_paths: bool, max_length: int | None,
              relations: str | None, include_speculative: bool, fmt: str) -> None:
    """Explain how two companies are linked: each hop with its relation, date and evidence.

    FROM and TO are company names or aliases (case and accents ignored).
    A negated tie is never a step, nor is a technology or a country;
    distrust and competition only when --relations names them. "No path" is
    an answer (exit 0); an unknown company is an error (exit 2). GRAPH may be
    oxigraph:DIR, a persistent Oxigraph store (only the ties along the paths
    are read).

    \b
    Example:
      alliance-kg paths out/alliance.ttl Nissan Aramco
      alliance-kg paths oxigraph:out/store Nissan Aramco
      alliance-kg paths out/alliance.ttl nissan "saudi aramco" --all --max-length 4 --format json
    """
    from alliance_kg.paths import find_paths, format_paths, relation_set, resolve  # noqa: PLC0415
    from alliance_kg.store import paths_network  # noqa: PLC0415

    chosen = relation_set(relations)
    net = paths_network(graph, source, target, relations=chosen, include_speculative=include_speculative,
                        all_paths=all_paths, max_length=max_length)
    found = find_paths(net, source, target, all_paths=all_paths, max_length=max_length,
                       relations=chosen, include_speculative=include_speculative)
    names = [net.nodes[resolve(net, name)]["label"] for name in (source, target)]
    hint = None if include_speculative else "Planned and speculative ties were left out (--include-speculative)."
    text = format_paths(found, *names, hint=hint)
    if fmt == "json":
        _json({"from": names[0], "to": names[1], "relations": sorted(chosen),
               "include_speculative": include_speculative, "all": all_paths,
               "found": bool(found), "message": text.strip() if not found else None,
               "paths": [p.to_dict() for p in found]})
    else:
        click.echo(text, nl=False)


@click.command("tensions")
@click.argument("graph", metavar="GRAPH")
@FORMAT
def tensions_cmd(graph: str, fmt: str) -> None:
    """List alliance tensions, strongest first, each with its evidence.

    Unbalanced triads (two companies share a partner, or are members of
    the same alliance, while one distrusts or competes with the other) and
    contradictions (a tie affirmed in one article and negated in another).

    \b
    Example:
      alliance-kg tensions out/alliance.ttl
      alliance-kg tensions out/alliance.trig --format json
    """
    from alliance_kg.store import load_network  # noqa: PLC0415
    from alliance_kg.tensions import find_tensions, format_tensions  # noqa: PLC0415

    found = find_tensions(load_network(graph))
    if fmt == "json":
        _json({"tensions": [t.to_dict() for t in found]})
    else:
        click.echo(format_tensions(found), nl=False)


@click.command("stats")
@click.argument("graph", metavar="GRAPH")
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="How many companies to list by centrality.")
@FORMAT
def stats_cmd(graph: str, top: int, fmt: str) -> None:
    """Summarise the network: entities by type, ties by predicate, most connected companies.

    Degree and betweenness centrality are computed over affirmed ties between
    organisations; the articles and their date range close the summary.

    \b
    Example:
      alliance-kg stats out/alliance.ttl
      alliance-kg stats out/alliance.ttl --top 5 --format json
    """
    from alliance_kg.netstats import format_stats, network_stats  # noqa: PLC0415
    from alliance_kg.store import load_network  # noqa: PLC0415

    stats = network_stats(load_network(graph), top=top)
    if fmt == "json":
        _json(stats)
    else:
        click.echo(format_stats(stats), nl=False)


COMMANDS = [paths_cmd, tensions_cmd, stats_cmd]
