"""Add many articles to an rdflib Dataset at once: ``build --into`` and ``build --store``.

:class:`GraphBuilder` gives the graph :func:`alliance_kg.graph.add_article`
gives article by article, without its per-article cost (see the class).
A plain ``build -o DIR`` does not need a Dataset and uses
:class:`alliance_kg.plaingraph.PlainGraph` instead, with the same triples.

Pipeline stage: Statement -> rdflib graph. No spaCy here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import Dataset
from rdflib.namespace import DCTERMS, PROV, RDF

from alliance_kg.articles import Article
from alliance_kg.graph import add_article, article_iri, edge_iri, statements_graph_iri, summary_counts, write_edge
from alliance_kg.kb import KnowledgeBase
from alliance_kg.namespaces import AKA
from alliance_kg.plaingraph import Assembler, edge_keys, edge_support
from alliance_kg.statement import Statement


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
        self.assembler = Assembler(kb)
        # the index of facts the assembler keeps is the whole truth while every statement of the
        # dataset went through add() (a dataset that was empty); else finish() reads the dataset
        self._indexed = next(iter(ds.quads((None, None, None, None))), None) is None

    def add(self, article: Article, statements: list[Statement]) -> str:
        """Add one article and its statements; return ``"added"``, ``"unchanged"`` or ``"replaced"``."""
        default = self.ds.default_graph
        art = article_iri(article.doc)
        if default.value(art, DCTERMS.identifier) is not None or default.value(art, AKA.sha256) is not None:
            self._indexed = False
            return add_article(self.ds, article, statements, self.kb)
        default_triples, named_triples = self.assembler.article(article, statements)
        for triple in default_triples:
            default.add(triple)
        graph = self.ds.graph(statements_graph_iri(article.doc))
        for triple in named_triples:
            graph.add(triple)
        return "added"

    def finish(self) -> None:
        """Recompute the direct triples and edge summaries of every fact the new articles state."""
        refresh_edges_bulk(self.ds, self.assembler.keys, self.assembler.index if self._indexed else None)
        self.assembler.keys = set()


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
    todo = edge_keys(keys)
    if not todo:
        return
    index = _fact_index(ds) if index is None else index
    default = ds.default_graph
    for s, p, o in todo:
        default.remove((edge_iri(s, p, o), None, None))
        default.remove((s, p, o))
        exact, articles, nodes = edge_support(index, s, p, o)
        if exact:
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
