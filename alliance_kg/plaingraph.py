"""A fresh build's graph as plain lists of triples, with no rdflib store.

A plain ``alliance-kg build -o DIR`` makes a new graph and writes it: it
never queries it. Holding the triples in rdflib's in-memory store costs
about 20 µs a triple to add and as much to read back (a 500-article build
has 135,000), so :class:`PlainGraph` keeps them in Python lists, by graph,
and hands them to the Turtle writer (:mod:`alliance_kg.turtle`) as they
are. The triples are the ones :class:`alliance_kg.bulkgraph.GraphBuilder`
adds to a Dataset (both use :class:`Assembler`), so the files are
byte-identical; :meth:`PlainGraph.to_dataset` makes the Dataset when one
is needed after all (another format than Turtle, SHACL validation).

Pipeline stage: Statement -> RDF triples. No spaCy here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from alliance_kg.articles import Article
from alliance_kg.errors import GraphError
from alliance_kg.graph import new_dataset
from alliance_kg.kb import KnowledgeBase
from alliance_kg.namespaces import AKE
from alliance_kg.rdfmodel import (
    PREDICATE_IRIS, SYMMETRIC_IRIS, Triple, article_iri, directions, article_triples, edge_triples, entity_triples,
    statement_parts, statements_graph_iri,
)
from alliance_kg.statement import Statement

_TYPE = str(RDF.type)


class Assembler:
    """Turn new articles into their triples, and their facts into edge summaries at the end.

    Keeps what the edges need while the articles come: the facts stated
    (affirmed and asserted statements) with their statement nodes, articles
    and dates, and which entities are described already (each once).
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        #: the (subject, predicate, object) of every fact stated
        self.keys: set[tuple] = set()
        #: {(s, p, o): [(statement node, article, dates)]}, as :func:`alliance_kg.bulkgraph._fact_index` reads it
        self.index: dict[tuple, list[tuple]] = {}
        #: statements added, by predicate name
        self.by_predicate: Counter = Counter()
        self._described: set[tuple] = set()

    def article(self, article: Article, statements: list[Statement]) -> tuple[list[Triple], list[Triple]]:
        """Return (default-graph triples, named-graph triples) of a new article and remember its facts.

        Statements are taken in order of offsets, each statement IRI once;
        an entity already described is not described again.
        """
        default = article_triples(article)
        named: list[Triple] = []
        art = default[0][0]
        seen: set[str] = set()
        for st in sorted(statements, key=lambda x: (x.start, x.end, x.ident())):
            ident = st.ident()
            if ident in seen:
                continue
            seen.add(ident)
            parts = statement_parts(st, article, self.kb)
            named += parts.triples
            self.by_predicate[st.predicate] += 1
            for entity in parts.entities:
                key = (entity.iri, entity.name, entity.kind, entity.country, entity.qid)
                if key not in self._described:
                    self._described.add(key)
                    default += entity_triples(entity, self.kb)
            if parts.fact is not None:
                self.keys.add(parts.fact)
                self.index.setdefault(parts.fact, []).append((parts.triples[0][0], art, parts.dates))
        return default, named

    def edges(self) -> list[Triple]:
        """Return the direct triples and edge summaries of every fact stated (from the index)."""
        triples: list[Triple] = []
        for key in edge_keys(self.keys):
            exact, articles, nodes = edge_support(self.index, *key)
            if exact:
                triples += edge_triples(key, articles, nodes)
        return triples


def edge_keys(keys: Iterable[tuple]) -> list[tuple]:
    """Return the direct triples to recompute for ``keys``, sorted: each, and its reverse if symmetric."""
    keys = set(keys)
    return sorted(keys | {(o, p, s) for s, p, o in keys if p in SYMMETRIC_IRIS})


def edge_support(index: dict, s: URIRef, p: URIRef, o: URIRef) -> tuple[bool, dict, set]:
    """Return (stated in this direction?, {article: [dates]}, statement nodes) of a direct triple, from ``index``."""
    pairs = directions(s, p, o)
    articles: dict = {}
    nodes: set = set()
    exact = False
    for a, b in pairs:
        for node, article, dates in index.get((a, p, b), ()):
            articles.setdefault(article, []).extend(dates)
            nodes.add(node)
            exact = exact or (a, b) == (s, o)
    return exact, articles, nodes


class PlainGraph:
    """The graph of a fresh build: the default graph and one named graph per article, as lists of triples.

    Same triples as :class:`alliance_kg.bulkgraph.GraphBuilder` on an empty
    Dataset; duplicates in the default graph are left for the writer (or
    the Dataset) to merge.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.assembler = Assembler(kb)
        self.default: list[Triple] = []
        #: named graph IRI -> its triples, one per article added (empty ones too)
        self.graphs: dict[URIRef, list[Triple]] = {}
        self._docs: dict[URIRef, str] = {}
        self._finished = False

    def add(self, article: Article, statements: list[Statement]) -> str:
        """Add one new article and its statements; return ``"added"``.

        Raises GraphError for an article whose name gives the IRI of one
        added before (a fresh graph holds each article once).
        """
        art = article_iri(article.doc)
        known = self._docs.get(art)
        if known is not None:
            if known == article.doc:
                raise GraphError(f"article {article.doc!r} given twice", "give each article once")
            raise GraphError(f"articles {known!r} and {article.doc!r} get the same IRI <{art}>",
                             "rename one of the files")
        default, named = self.assembler.article(article, statements)
        self._docs[art] = article.doc
        self.default += default
        self.graphs[statements_graph_iri(article.doc)] = named
        return "added"

    def finish(self) -> None:
        """Add the direct triples and edge summaries of the facts stated (once, after the last article)."""
        if not self._finished:
            self.default += self.assembler.edges()
            self._finished = True

    def triples(self) -> Iterator[Triple]:
        """Yield every triple of every graph (the union; a triple may come more than once)."""
        yield from self.default
        for triples in self.graphs.values():
            yield from triples

    def quads(self) -> Iterator[tuple]:
        """Yield (s, p, o, graph IRI) for the named graphs and (s, p, o, None) for the default graph."""
        for s, p, o in self.default:
            yield s, p, o, None
        for graph, triples in self.graphs.items():
            for s, p, o in triples:
                yield s, p, o, graph

    def summary(self) -> dict:
        """Return the counts of :func:`alliance_kg.graph.dataset_summary` for this graph."""
        entities, direct = set(), set()
        for s, p, o in self.default:
            if p in PREDICATE_IRIS:
                direct.add((s, p, o))
            elif str(p) == _TYPE and str(s).startswith(str(AKE)):
                entities.add(s)
        by_predicate = self.assembler.by_predicate
        return {
            "articles": len(self._docs),
            "entities": len(entities),
            "statements": sum(by_predicate.values()),
            "statements_by_predicate": dict(sorted(by_predicate.items())),
            "direct_triples": len(direct),
            "named_graphs": len(self.graphs),
        }

    def to_dataset(self) -> Dataset:
        """Return a new rdflib Dataset holding these graphs (prefixes bound)."""
        ds = new_dataset()
        default = ds.default_graph
        for triple in self.default:
            default.add(triple)
        for identifier, triples in self.graphs.items():
            graph = ds.graph(identifier)
            for triple in triples:
                graph.add(triple)
        return ds
