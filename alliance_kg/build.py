"""Build a knowledge graph from article files: read, extract, add to the graph, write.

This is the whole path in one function, :func:`build`, which the ``build``
command calls::

    files --> Article --> Extractor (spaCy) --> Statement --> rdflib Dataset --> files
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from alliance_kg.articles import find_articles, read_article
from alliance_kg.errors import AllianceKGError, InputError
from alliance_kg.extract import Extractor, Result
from alliance_kg.graph import add_article, dataset_summary, new_dataset
from alliance_kg.kb import load_kb
from alliance_kg.rdfio import atomic_write, load_graph, write_graph
from alliance_kg.statement import Statement

GRAPH_NAME = "alliance"
STATEMENTS_NAME = "statements.jsonl"
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "jsonld": ".jsonld"}


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


def read_inputs(inputs: list[str | Path], report: BuildReport):
    """Yield the readable articles named by ``inputs``; record unreadable ones in ``report``."""
    for path in find_articles(inputs):
        try:
            article = read_article(path)
        except InputError as exc:
            report.skipped.append((str(path), str(exc)))
            continue
        for note in article.notes:
            report.notes.append((article.doc, note))
        yield article


def extract_files(inputs: list[str | Path], extractor: Extractor | None = None,
                  report: BuildReport | None = None,
                  progress: Callable[[Result], None] | None = None):
    """Yield one extraction :class:`Result` per article file (skipped ones included)."""
    extractor = extractor or Extractor()
    report = report if report is not None else BuildReport()
    for result in extractor.extract_many(read_inputs(inputs, report)):
        if progress:
            progress(result)
        yield result


def build(inputs: list[str | Path], out_dir: str | Path | None = None, into: str | Path | None = None,
          formats: tuple[str, ...] = ("turtle",), extractor: Extractor | None = None,
          validate: bool = True, progress: Callable[[Result], None] | None = None) -> BuildReport:
    """Extract every article of ``inputs`` and write the graph and the statements.

    With ``out_dir`` the graph goes to ``out_dir/alliance.<ext>`` for each
    format and the statements to ``out_dir/statements.jsonl``; with ``into``
    the articles are added to that existing graph file, which is rewritten
    in place (atomically). Raises :class:`AllianceKGError` on a bad output.
    """
    if out_dir is None and into is None:
        raise AllianceKGError("nowhere to write", "give -o DIR or --into GRAPH")
    if out_dir is not None:
        out_dir = Path(out_dir)
        if out_dir.exists() and not out_dir.is_dir():
            raise AllianceKGError(f"{out_dir}: exists and is not a folder", "choose another -o")
        if not out_dir.parent.is_dir():
            raise AllianceKGError(f"{out_dir.parent}: no such folder", "create it first")
    ds = load_graph(into) if into is not None and Path(into).exists() else new_dataset()
    kb = load_kb()
    report = BuildReport()
    for result in extract_files(inputs, extractor, report, progress):
        if result.skipped:
            report.skipped.append((result.article.path or result.article.doc, result.skipped))
            continue
        report.articles.append(result.article.doc)
        report.statuses[result.article.doc] = add_article(ds, result.article, result.statements, kb)
        report.statements.extend(result.statements)
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
        lines = "".join(s.to_json() + "\n" for s in report.statements)
        path = out_dir / STATEMENTS_NAME
        atomic_write(path, lambda handle: handle.write(lines.encode("utf-8")))
        report.files.append(str(path))
    report.summary = dataset_summary(ds)
    if validate:
        from alliance_kg.validate import validate_graph

        outcome = validate_graph(ds)
        if not outcome.conforms:
            report.violations = [f"{r.focus}: {r.message}" for r in outcome.results][:20]
    return report
