"""Build a knowledge graph from article files: read, extract, add to the graph, write.

This is the whole path in one function, :func:`build`, which the ``build``
command calls::

    files --> Article --> Extractor (spaCy) --> Statement --> triples --> files

Articles stream through: each is read when the pipeline needs it and added
to the graph as soon as its batch is parsed. Every output is checked before
the first article is parsed (a folder that does not exist or cannot be
written is an error at once, not after an hour of parsing: see
:mod:`alliance_kg.outputs`) and written atomically at the end, so an
interrupted build leaves the previous files as they were.

A plain ``build -o DIR`` keeps the new graph as lists of triples
(:class:`alliance_kg.plaingraph.PlainGraph`) and writes Turtle from them;
an rdflib Dataset is made only for the other formats and for SHACL
validation. ``--into`` and ``--store`` add to a Dataset
(:class:`alliance_kg.bulkgraph.GraphBuilder`). Both give the same triples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from alliance_kg.articles import Article, find_articles, read_article, unreadable_article
from alliance_kg.bulkgraph import GraphBuilder, refresh_edges_bulk, summarize  # noqa: F401 - re-exported
from alliance_kg.errors import AllianceKGError, GraphError, InputError
from alliance_kg.extract import Extractor, Result
from alliance_kg.graph import new_dataset
from alliance_kg.kb import load_kb
from alliance_kg.outputs import (  # noqa: F401 - check_writable, STORE_SCHEME: re-exported
    STORE_SCHEME, check_outputs, check_writable, close_store, is_store, open_store,
)
from alliance_kg.plaingraph import PlainGraph
from alliance_kg.rdfio import atomic_write, load_graph, serialize, write_graph
from alliance_kg.statement import Statement
from alliance_kg.turtle import sorted_turtle

GRAPH_NAME = "alliance"
STATEMENTS_NAME = "statements.jsonl"
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "jsonld": ".jsonld"}
#: With ``validate=None`` (the default) a graph of at most this many statements is checked
#: against the SHACL shapes after the build; a bigger one only when asked (pySHACL's time
#: grows with the graph: see README, "Speed").
AUTO_VALIDATE_MAX_STATEMENTS = 500


class SkippedArticleError(AllianceKGError):
    """``strict`` build: an article was skipped, so nothing was written (exit code 3)."""

    exit_code = 3


@dataclass
class BuildReport:
    """What a build did: articles read and skipped, statements, files written."""

    articles: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)
    validated: bool | None = None
    not_validated_because: str | None = None


def read_inputs(inputs: list[str | Path], report: BuildReport | None = None,
                files: list[Path] | None = None) -> Iterator[Article]:
    """Yield one Article per file named by ``inputs``, lazily, in sorted order.

    A file that cannot be read (binary, unreadable) is yielded as a
    placeholder whose ``problem`` says why, so that it is reported in its
    place; decoding notes go to ``report.notes``.
    """
    for path in files if files is not None else find_articles(inputs):
        try:
            article = read_article(path)
        except InputError as exc:
            yield unreadable_article(path, f"{exc}" + (f" ({exc.hint})" if exc.hint else ""))
            continue
        if report is not None:
            for note in article.notes:
                report.notes.append((article.path or article.doc, note))
        yield article


def extract_files(inputs: list[str | Path], extractor: Extractor | None = None,
                  report: BuildReport | None = None,
                  progress: Callable[[Result], None] | None = None) -> Iterator[Result]:
    """Yield one extraction :class:`Result` per article file (skipped ones included), in sorted order.

    ``progress`` is called with each Result; if it has a ``start`` method,
    that is called first with the number of files (and :func:`build` calls
    its ``warn(path, why)``, if any, for each skipped article).
    """
    extractor = extractor or Extractor()
    report = report if report is not None else BuildReport()
    files = find_articles(inputs)
    if progress is not None and hasattr(progress, "start"):
        progress.start(len(files))
    for result in extractor.extract_many(read_inputs(inputs, report, files)):
        if progress:
            progress(result)
        yield result


def build(inputs: list[str | Path], out_dir: str | Path | None = None, into: str | Path | None = None,
          formats: tuple[str, ...] = ("turtle",), extractor: Extractor | None = None,
          validate: bool | None = None, progress: Callable[[Result], None] | None = None,
          store: str | None = None, strict: bool = False) -> BuildReport:
    """Extract every article of ``inputs`` and write the graph and the statements.

    With ``out_dir`` the graph goes to ``out_dir/alliance.<ext>`` for each
    format and the statements to ``out_dir/statements.jsonl``; with ``into``
    the articles are added to that existing graph file, which is rewritten
    in place (atomically); with ``store`` (``oxigraph:DIR``) they are added
    to a persistent Oxigraph store, created if needed. ``validate``: True
    checks the graph against the SHACL shapes, False never, None (default)
    when it has at most :data:`AUTO_VALIDATE_MAX_STATEMENTS` statements.
    ``strict`` raises :class:`SkippedArticleError` at the first skipped
    article, before any file is written. Raises :class:`AllianceKGError`
    on a bad output, before any article is parsed.
    """
    if into is not None and is_store(str(into)):
        into, store = None, str(into)
    out_dir = Path(out_dir) if out_dir is not None else None
    check_outputs(out_dir, into, store)
    files = find_articles(inputs)  # a missing input is an error before the graph is loaded
    if store is not None:
        ds = open_store(store)
    elif into is not None:
        ds = load_graph(into) if Path(into).exists() else new_dataset()
    else:
        ds = None  # a fresh graph, only written: no rdflib Dataset unless a format or validation needs one
    try:
        kb = load_kb()
        graph = PlainGraph(kb) if ds is None else GraphBuilder(ds, kb)
        report = _fill(graph, inputs, files, extractor, progress, strict, in_store=store is not None)
        if ds is None:
            dataset = _write_plain(graph, report, out_dir, formats)
            report.summary = graph.summary()
        else:
            _write(ds, report, out_dir, into, formats)
            report.summary = summarize(ds)
        if validate is None:
            count = report.summary.get("statements", 0)
            validate = store is None and count <= AUTO_VALIDATE_MAX_STATEMENTS
            if store is not None:
                report.not_validated_because = "a store is not checked unless asked"
            elif not validate:
                report.not_validated_because = (f"{count:,} statements: checked by default up to "
                                                f"{AUTO_VALIDATE_MAX_STATEMENTS:,}")
        elif not validate:
            report.not_validated_because = "--no-validate"
        if validate:
            from alliance_kg.validate import validate_graph  # noqa: PLC0415

            outcome = validate_graph(ds if ds is not None else dataset())
            report.validated = True
            if not outcome.conforms:
                report.violations = [f"{r.focus}: {r.message}" for r in outcome.results][:20]
        else:
            report.validated = False
    finally:
        if store is not None:
            close_store(ds)
    return report


def _fill(graph: PlainGraph | GraphBuilder, inputs, files, extractor, progress, strict: bool,
          in_store: bool = False) -> BuildReport:
    """Extract the articles and add them to ``graph``; return the report."""
    report = BuildReport()
    extractor = extractor or Extractor()
    if progress is not None and hasattr(progress, "start"):
        progress.start(len(files))
    seen: dict[str, str] = {}

    def skip(where: str, why: str) -> None:
        report.skipped.append((where, why))
        if strict:
            raise SkippedArticleError(f"skipped {where}: {why}",
                                      "--strict: the store keeps the articles added before it" if in_store
                                      else "--strict: nothing was written")
        if progress is not None and hasattr(progress, "warn"):
            progress.warn(where, why)

    for result in extractor.extract_many(read_inputs(inputs, report, files)):
        if progress:
            progress(result)
        article = result.article
        where = article.path or article.doc
        if result.skipped:
            skip(where, result.skipped)
            continue
        if article.doc in seen:
            skip(where, f"same article name as {seen[article.doc]} (names must be unique: rename one)")
            continue
        try:
            status = graph.add(article, result.statements)
        except GraphError as exc:  # e.g. two names that give the same article IRI
            skip(where, f"{exc}" + (f" ({exc.hint})" if exc.hint else ""))
            continue
        seen[article.doc] = where
        report.articles.append(article.doc)
        report.statuses[article.doc] = status
        report.statements.extend(result.statements)
    graph.finish()
    return report


def _write(ds, report: BuildReport, out_dir: Path | None, into: str | Path | None,
           formats: tuple[str, ...]) -> None:
    targets: list[tuple[Path, str | None]] = []
    if into is not None:
        targets.append((Path(into), None))
    if out_dir is not None:
        out_dir.mkdir(exist_ok=True)
        targets += [(out_dir / f"{GRAPH_NAME}{SUFFIXES[f]}", f) for f in formats]
    for path, fmt in targets:
        write_graph(ds, path, fmt)
        report.files.append(str(path))
    if out_dir is not None:
        _write_statements(report, out_dir)


def _write_plain(graph: PlainGraph, report: BuildReport, out_dir: Path,
                 formats: tuple[str, ...]) -> Callable[[], Dataset]:
    """Write a fresh graph to ``out_dir``: Turtle from its triples, other formats through one Dataset.

    Returns a function that gives that Dataset (made once, when first asked).
    """
    made: list[Dataset] = []

    def dataset() -> Dataset:
        if not made:
            made.append(graph.to_dataset())
        return made[0]

    out_dir.mkdir(exist_ok=True)
    for fmt in formats:
        path = out_dir / f"{GRAPH_NAME}{SUFFIXES[fmt]}"
        text = sorted_turtle(graph.triples()) if fmt == "turtle" else None
        if text is None:  # None for turtle: something only rdflib's serializer writes the same way
            text = serialize(dataset(), fmt)
        atomic_write(path, lambda handle, text=text: handle.write(text.encode("utf-8")))
        report.files.append(str(path))
    _write_statements(report, out_dir)
    return dataset


def _write_statements(report: BuildReport, out_dir: Path) -> None:
    lines = "".join(s.to_json() + "\n" for s in report.statements)
    path = out_dir / STATEMENTS_NAME
    atomic_write(path, lambda handle: handle.write(lines.encode("utf-8")))
    report.files.append(str(path))
