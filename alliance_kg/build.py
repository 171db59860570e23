"""Build a knowledge graph from article files: read, extract, add to the graph, write.

This is the whole path in one function, :func:`build`, which the ``build``
command calls::

    files --> Article --> Extractor (spaCy) --> Statement --> rdflib Dataset --> files

Articles stream through: each is read when the pipeline needs it and added
to the graph as soon as its batch is parsed. Every output is checked before
the first article is parsed (a folder that does not exist or cannot be
written is an error at once, not after an hour of parsing) and written
atomically at the end, so an interrupted build leaves the previous files as
they were.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset
from rdflib.namespace import DCTERMS, PROV, RDF

from alliance_kg.articles import Article, find_articles, read_article, unreadable_article
from alliance_kg.errors import AllianceKGError, GraphError, InputError
from alliance_kg.extract import Extractor, Result
from alliance_kg.graph import (
    write_edge,
    SYMMETRIC_IRIS, add_article, article_iri, article_triples, edge_iri, entity_triples,
    new_dataset, statement_triples, statements_graph_iri, summary_counts,
)
from alliance_kg.kb import KnowledgeBase, load_kb
from alliance_kg.namespaces import AKA
from alliance_kg.rdfio import atomic_write, format_for, load_graph, write_graph
from alliance_kg.statement import Statement

GRAPH_NAME = "alliance"
STATEMENTS_NAME = "statements.jsonl"
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "jsonld": ".jsonld"}
STORE_SCHEME = "oxigraph:"
#: With ``validate=None`` (the default) a graph of at most this many statements is checked
#: against the SHACL shapes after the build; a bigger one only when asked (pySHACL's time
#: grows with the graph: see README, "Speed").
AUTO_VALIDATE_MAX_STATEMENTS = 500
_SPO = frozenset((RDF.subject, RDF.predicate, RDF.object))


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


def check_writable(folder: str | Path, what: str = "output") -> None:
    """Raise AllianceKGError unless a file can be created in ``folder`` (tried, then removed)."""
    folder = Path(folder) if str(folder) else Path(".")
    if not folder.exists():
        raise AllianceKGError(f"{folder}: no such folder", f"create it first or choose another {what} path")
    if not folder.is_dir():
        raise AllianceKGError(f"{folder}: not a folder", f"choose another {what} path")
    try:
        fd, probe = tempfile.mkstemp(prefix=".alliance-kg-probe.", dir=folder)
    except OSError as exc:
        raise AllianceKGError(f"{folder}: cannot write there ({exc.strerror or exc})",
                              f"choose another {what} path") from None
    os.close(fd)
    os.unlink(probe)


def _is_store(spec: object) -> bool:
    return isinstance(spec, str) and spec.startswith(STORE_SCHEME)


def _check_outputs(out_dir: Path | None, into: str | Path | None, store: str | None) -> None:
    """Check every output before any article is parsed."""
    if out_dir is None and into is None and store is None:
        raise AllianceKGError("nowhere to write", "give -o DIR, --into GRAPH or --store oxigraph:DIR")
    if into is not None and store is not None:
        raise AllianceKGError("give --into GRAPH or --store oxigraph:DIR, not both",
                              "a store is updated in place like --into")
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise AllianceKGError(f"{out_dir}: exists and is not a folder", "choose another -o")
        check_writable(out_dir if out_dir.exists() else out_dir.parent, "-o")
    if into is not None:
        into = Path(into)
        format_for(into)  # a suffix alliance-kg cannot write is an error now, not after the parsing
        if into.exists() and not into.is_file():
            raise AllianceKGError(f"{into}: not a graph file", "give a .ttl, .trig, .nt, .nq or .jsonld file")
        check_writable(into.parent, "--into")
    if store is not None and not _is_store(store):
        raise AllianceKGError(f"{store!r} is not a store", f"write {STORE_SCHEME}DIR, e.g. {STORE_SCHEME}out/store")


def _open_store(spec: str):
    try:
        from alliance_kg.store import open_dataset  # noqa: PLC0415 - optional: pyoxigraph/oxrdflib
    except ImportError as exc:
        raise AllianceKGError(f"--store needs the Oxigraph store support ({exc})",
                              "pip install oxrdflib pyoxigraph") from None
    return open_dataset(spec, create=True)


def _close_store(ds) -> None:
    from alliance_kg.store import close_dataset  # noqa: PLC0415

    close_dataset(ds)


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
    if into is not None and _is_store(str(into)):
        into, store = None, str(into)
    out_dir = Path(out_dir) if out_dir is not None else None
    _check_outputs(out_dir, into, store)
    files = find_articles(inputs)  # a missing input is an error before the graph is loaded
    if store is not None:
        ds = _open_store(store)
    elif into is not None and Path(into).exists():
        ds = load_graph(into)
    else:
        ds = new_dataset()
    try:
        report = _fill(ds, inputs, files, extractor, progress, strict, in_store=store is not None)
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

            outcome = validate_graph(ds)
            report.validated = True
            if not outcome.conforms:
                report.violations = [f"{r.focus}: {r.message}" for r in outcome.results][:20]
        else:
            report.validated = False
    finally:
        if store is not None:
            _close_store(ds)
    return report


def _fill(ds, inputs, files, extractor, progress, strict: bool, in_store: bool = False) -> BuildReport:
    """Extract the articles and add them to ``ds``; return the report."""
    builder = GraphBuilder(ds, load_kb())
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
            status = builder.add(article, result.statements)
        except GraphError as exc:  # e.g. two names that give the same article IRI
            skip(where, f"{exc}" + (f" ({exc.hint})" if exc.hint else ""))
            continue
        seen[article.doc] = where
        report.articles.append(article.doc)
        report.statuses[article.doc] = status
        report.statements.extend(result.statements)
    builder.finish()
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
        lines = "".join(s.to_json() + "\n" for s in report.statements)
        path = out_dir / STATEMENTS_NAME
        atomic_write(path, lambda handle: handle.write(lines.encode("utf-8")))
        report.files.append(str(path))


# ------------------------------------------------------------ the graph, in bulk

class GraphBuilder:
    """Add many articles to a dataset, then compute the direct triples and edge summaries once.

    The result is the graph :func:`alliance_kg.graph.add_article` gives when
    called for each article (``tests/test_build_bulk.py`` compares the bytes),
    without its per-article cost: ``add_article`` recomputes the edges an
    article touches by scanning the statements of their subjects in every
    named graph, which makes a build quadratic in the number of articles.
    Here a new article's triples are added as they come and :meth:`finish`
    recomputes every touched edge from one index of the statements. An
    article already in the dataset (``--into``: unchanged or replaced) goes
    through ``add_article``.
    """

    def __init__(self, ds: Dataset, kb: KnowledgeBase) -> None:
        self.ds = ds
        self.kb = kb
        self.keys: set[tuple] = set()
        self._described: set[tuple] = set()
        # the facts of the statements added, as _fact_index would read them back: kept while every
        # statement of the dataset went through add() (a dataset that was empty), else None
        self._index: dict[tuple, list[tuple]] | None = (
            {} if next(iter(ds.quads((None, None, None, None))), None) is None else None)

    def add(self, article: Article, statements: list[Statement]) -> str:
        """Add one article and its statements; return ``"added"``, ``"unchanged"`` or ``"replaced"``."""
        default = self.ds.default_graph
        art = article_iri(article.doc)
        if default.value(art, DCTERMS.identifier) is not None or default.value(art, AKA.sha256) is not None:
            self._index = None
            return add_article(self.ds, article, statements, self.kb)
        for triple in article_triples(article):
            default.add(triple)
        graph = self.ds.graph(statements_graph_iri(article.doc))
        seen: set[str] = set()
        for st in sorted(statements, key=lambda x: (x.start, x.end, x.ident())):
            ident = st.ident()
            if ident in seen:
                continue
            seen.add(ident)
            triples, entities = statement_triples(st, article, self.kb)
            for triple in triples:
                graph.add(triple)
            for entity in entities:
                key = (entity.iri, entity.name, entity.kind, entity.country, entity.qid)
                if key not in self._described:
                    self._described.add(key)
                    for triple in entity_triples(entity, self.kb):
                        default.add(triple)
            if st.polarity == "affirmed" and st.modality == "asserted":
                values = {p: o for _, p, o in triples if p in _SPO}
                key = (values[RDF.subject], values[RDF.predicate], values[RDF.object])
                self.keys.add(key)
                if self._index is not None:
                    dates = [o for _, p, o in triples if p == DCTERMS.date]
                    self._index.setdefault(key, []).append((triples[0][0], art, dates))
        return "added"

    def finish(self) -> None:
        """Recompute the direct triples and edge summaries of every fact the new articles state."""
        refresh_edges_bulk(self.ds, self.keys, self._index)
        self.keys = set()


def _fact_index(ds: Dataset) -> dict[tuple, list[tuple]]:
    """Return {(subject, predicate, object): [(statement node, article, dates)]} of affirmed, asserted statements."""
    index: dict[tuple, list[tuple]] = {}
    graphs: dict = {}
    for node, _, _, context in ds.quads((None, AKA.modality, AKA.Asserted, None)):
        graph = graphs.get(context)
        if graph is None:
            graph = graphs[context] = ds.default_graph if context is None else ds.graph(context)
        values: dict = {}
        for _, p, o in graph.triples((node, None, None)):
            values.setdefault(p, []).append(o)
        if AKA.Statement not in values.get(RDF.type, ()) or AKA.Affirmed not in values.get(AKA.polarity, ()):
            continue
        article = values.get(PROV.wasDerivedFrom, [None])[0]
        dates = values.get(DCTERMS.date, [])
        for s in values.get(RDF.subject, ()):
            for p in values.get(RDF.predicate, ()):
                for o in values.get(RDF.object, ()):
                    index.setdefault((s, p, o), []).append((node, article, dates))
    return index


def refresh_edges_bulk(ds: Dataset, keys: Iterable[tuple], index: dict | None = None) -> None:
    """Recompute the direct triples and edge summaries of ``keys``, as :func:`alliance_kg.graph.refresh_edges`.

    Same result, one pass: the supporting statements come from one index of
    the dataset instead of a scan of every named graph for each key.
    """
    keys = set(keys)
    if not keys:
        return
    index = _fact_index(ds) if index is None else index
    default = ds.default_graph
    todo = keys | {(o, p, s) for s, p, o in keys if p in SYMMETRIC_IRIS}
    for s, p, o in sorted(todo):
        edge = edge_iri(s, p, o)
        default.remove((edge, None, None))
        default.remove((s, p, o))
        pairs = [(s, o), (o, s)] if p in SYMMETRIC_IRIS and s != o else [(s, o)]
        articles: dict = {}
        nodes: set = set()
        exact = False
        for a, b in pairs:
            for node, article, dates in index.get((a, p, b), ()):
                articles.setdefault(article, []).extend(dates)
                nodes.add(node)
                exact = exact or (a, b) == (s, o)
        if not exact:
            continue
        write_edge(default, (s, p, o), articles, nodes)


def summarize(ds: Dataset) -> dict:
    """Return the counts of :func:`alliance_kg.graph.dataset_summary`, in one pass over the statements."""
    default = ds.default_graph
    named = sum(1 for g in ds.graphs() if g.identifier != default.identifier)
    by_predicate: Counter = Counter()
    graphs: dict = {}
    for node, _, _, context in ds.quads((None, RDF.type, AKA.Statement, None)):
        if context is None or context == default.identifier:
            continue
        graph = graphs.get(context)
        if graph is None:
            graph = graphs[context] = ds.graph(context)
        by_predicate[str(graph.value(node, RDF.predicate)).removeprefix(str(AKA))] += 1
    return summary_counts(ds, by_predicate, named)
