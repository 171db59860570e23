"""Project the RDF graph onto a networkx MultiDiGraph of entities and ties.

Nodes are the entities (IRI strings) with ``label``, ``type``, ``country``,
``iri``, ``qid``, ``aliases`` and ``articles``; edges are the statement nodes
aggregated per ``(subject, predicate, object, polarity)`` (subject and object
sorted for symmetric predicates), keyed ``"predicate|polarity"``. Edges carry
``predicate``, ``polarity``, ``modality`` (the most certain one), ``sign``
(``positive``, ``negative``, ``negated`` or ``neutral``), ``articles`` and
``statements`` (counts), ``first_date``, ``last_date`` and ``evidence`` (a
list of dicts with ``sentence``, ``article``, ``date``, ``modality``,
``attributed_to`` and ``statement``). Negated and planned or speculative
statements are edges too, so analyses can see and exclude them.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from alliance_kg.data import data_path
from alliance_kg.errors import GraphError
from alliance_kg.kb import KnowledgeBase, load_kb
from alliance_kg.namespaces import AKA, AKE
from alliance_kg.statement import MODALITIES, POLARITIES, PREDICATES, SYMMETRIC, UNNAMED_SOURCES

#: Predicates that make a positive (cooperation) tie between two parties.
POSITIVE: frozenset[str] = frozenset({
    "partnerOf", "jointVenture", "memberOf", "mergesWith",
    "shareholderOf", "investsIn", "subsidiaryOf", "suppliesTo",
})
#: Predicates that make a negative tie.
NEGATIVE: frozenset[str] = frozenset({"distrusts", "competesWith"})
#: Entity types that are nodes but never a step of a path.
NON_ORGANISATION: frozenset[str] = frozenset({"Technology", "Country"})
_NOT_ENTITY = {"Article", "Statement", "EdgeSummary", "Evidence"}


def relation_label(predicate: str) -> str:
    """Return a predicate as words ("memberOf" -> "member of").

    >>> relation_label("jointVenture")
    'joint venture'
    """
    return re.sub(r"(?<!^)([A-Z])", r" \1", predicate).lower()


def tie_sign(predicate: str, polarity: str) -> str:
    """Return ``positive``, ``negative``, ``negated`` or ``neutral`` for a tie.

    >>> tie_sign("memberOf", "affirmed"), tie_sign("memberOf", "negated")
    ('positive', 'negated')
    """
    if polarity != "affirmed":
        return "negated"
    if predicate in POSITIVE:
        return "positive"
    return "negative" if predicate in NEGATIVE else "neutral"


def modality_rank(modality: str) -> int:
    """Return 0 for asserted, 1 for planned, 2 for speculative (lower = surer)."""
    return MODALITIES.index(modality) if modality in MODALITIES else len(MODALITIES)


def _local(iri: object, base: str = str(AKA)) -> str:
    text = str(iri)
    return text[len(base):] if text.startswith(base) else text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _union(ds: Graph) -> Graph:
    """Return one Graph holding the triples of every graph of ``ds``."""
    if not hasattr(ds, "contexts"):
        return ds
    merged = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    for prefix, ns in ds.namespaces():
        merged.bind(prefix, ns, override=False)
    return merged


def _date(value: object) -> str | None:
    return str(value) if value is not None else None


@dataclass
class _Edge:
    subject: str
    predicate: str
    object: str
    polarity: str
    modalities: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    statements: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    evidence: list[dict] = field(default_factory=list)
    shares: set[float] = field(default_factory=set)

    def attrs(self) -> dict:
        modality = min(self.modalities, key=modality_rank) if self.modalities else "asserted"
        evidence = sorted(self.evidence, key=lambda e: (
            modality_rank(e["modality"]), e["date"] or "9999", e["article"], e["statement"]))
        return {
            "predicate": self.predicate, "polarity": self.polarity, "modality": modality,
            "modalities": sorted(self.modalities, key=modality_rank),
            "sign": tie_sign(self.predicate, self.polarity),
            "symmetric": self.predicate in SYMMETRIC,
            "label": relation_label(self.predicate),
            "articles": len(self.articles), "statements": len(self.statements),
            "article_ids": sorted(self.articles),
            "first_date": min(self.dates) if self.dates else None,
            "last_date": max(self.dates) if self.dates else None,
            "share": max(self.shares) if self.shares else None,
            "evidence": evidence,
        }


def _entity_attrs(g: Graph, iri: URIRef) -> dict:
    types = sorted(_local(t) for t in g.objects(iri, RDF.type) if str(t).startswith(str(AKA)))
    specific = [t for t in types if t not in ("Organisation", *_NOT_ENTITY)]
    kind = specific[0] if specific else "Organisation"
    labels = sorted(str(x) for x in g.objects(iri, SKOS.prefLabel))
    en = sorted(str(x) for x in g.objects(iri, SKOS.prefLabel) if getattr(x, "language", None) in (None, "en"))
    label = (en or labels or [_local(iri, str(AKE))])[0]
    aliases = sorted({str(x) for p in (SKOS.altLabel, RDFS.label, SKOS.prefLabel)
                      for x in g.objects(iri, p)} - {label})
    country = g.value(iri, AKA.homeCountry)
    country_label = None
    if country is not None:
        names = sorted(str(x) for x in g.objects(country, SKOS.prefLabel)
                       if getattr(x, "language", None) in (None, "en"))
        country_label = names[0] if names else _local(country, str(AKE)).replace("-", " ").title()
    qid = next((_local(m) for m in sorted(g.objects(iri, SKOS.exactMatch)) if "wikidata" in str(m)), None)
    return {"label": label, "type": kind, "country": country_label, "iri": str(iri),
            "qid": qid, "aliases": aliases, "articles": 0}


def _article_info(g: Graph, article: object) -> tuple[str, str | None]:
    if article is None:
        return "", None
    ident = g.value(article, DCTERMS.identifier)
    return (str(ident) if ident is not None else _local(article)), _date(g.value(article, DCTERMS.date))


def build_network(ds: Graph, kb: KnowledgeBase | None = None) -> nx.MultiDiGraph:
    """Return the networkx projection of an rdflib Graph or Dataset.

    ``kb`` (optional) adds the knowledge base's aliases to the nodes.
    Raises :class:`GraphError` when the graph holds no statement node.
    """
    g = _union(ds)
    edges: dict[tuple[str, str, str, str], _Edge] = {}
    mentions: dict[str, set[str]] = {}
    all_dates: set[str] = set()
    article_ids: set[str] = set()
    for node in sorted(set(g.subjects(RDF.type, AKA.Statement))):
        s, p, o = (g.value(node, RDF.subject), g.value(node, RDF.predicate), g.value(node, RDF.object))
        if s is None or p is None or o is None or _local(p) not in PREDICATES:
            continue
        predicate = _local(p)
        subj, obj = str(s), str(o)
        if predicate in SYMMETRIC and obj < subj:
            subj, obj = obj, subj
        polarity = _local(g.value(node, AKA.polarity) or AKA.Affirmed).lower()
        if polarity not in POLARITIES:  # never guess that an unreadable statement is affirmed
            continue
        modality = _local(g.value(node, AKA.modality) or AKA.Asserted).lower()
        modality = modality if modality in MODALITIES else "speculative"
        article, art_date = _article_info(g, g.value(node, PROV.wasDerivedFrom))
        date = _date(g.value(node, DCTERMS.date)) or art_date
        attributed = g.value(node, AKA.attributedTo)
        if attributed == AKA.UnnamedSources:
            attributed = UNNAMED_SOURCES
        elif isinstance(attributed, URIRef):
            attributed = g.value(attributed, SKOS.prefLabel) or _local(attributed, str(AKE))
        share = g.value(node, AKA.share)
        key = (subj, predicate, obj, polarity)
        edge = edges.setdefault(key, _Edge(*key))
        edge.modalities.add(modality)
        edge.statements.add(str(node))
        if article:
            edge.articles.add(article)
            article_ids.add(article)
            mentions.setdefault(subj, set()).add(article)
            mentions.setdefault(obj, set()).add(article)
        if date:
            edge.dates.add(date)
            all_dates.add(date)
        if isinstance(share, Literal) and re.fullmatch(r"\s*\d+(\.\d+)?\s*", str(share)):
            edge.shares.add(float(str(share)))
        edge.evidence.append({
            "sentence": str(g.value(node, PROV.value) or ""), "article": article, "date": date,
            "modality": modality, "attributed_to": str(attributed) if attributed is not None else None,
            "statement": str(node),
        })
    if not edges:
        raise GraphError("the graph holds no relationship statement",
                         "build it first: alliance-kg build ARTICLES -o out/")
    net = nx.MultiDiGraph()
    for iri in sorted({k[0] for k in edges} | {k[2] for k in edges}):
        attrs = _entity_attrs(g, URIRef(iri))
        attrs["articles"] = len(mentions.get(iri, ()))
        entity = kb.get(iri) if kb is not None else None
        if entity is not None:
            attrs["aliases"] = sorted(set(attrs["aliases"]) | {entity.name, *entity.labels} - {attrs["label"]})
        net.add_node(iri, **attrs)
    for key in sorted(edges):
        net.add_edge(key[0], key[2], key=f"{key[1]}|{key[3]}", **edges[key].attrs())
    for article in g.subjects(RDF.type, AKA.Article):
        ident, art_date = _article_info(g, article)
        article_ids.add(ident)
        if art_date:
            all_dates.add(art_date)
    net.graph.update({"articles": sorted(article_ids),
                      "first_date": min(all_dates) if all_dates else None,
                      "last_date": max(all_dates) if all_dates else None})
    return net


def load_network(path: str | Path, kb: KnowledgeBase | None = None) -> nx.MultiDiGraph:
    """Read a graph file (any RDF format alliance-kg writes) and return its network.

    Without ``kb`` the shipped knowledge base supplies the aliases when present.
    """
    from alliance_kg.rdfio import load_graph

    return build_network(load_graph(path), kb or shipped_kb())


def shipped_kb() -> KnowledgeBase | None:
    """Return the shipped knowledge base (for aliases), or None when it is absent."""
    return load_kb() if data_path("entities.ttl").is_file() else None


def as_network(source: Graph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return ``source`` when it already is a network, else its projection (with the shipped aliases)."""
    return source if isinstance(source, nx.Graph) else build_network(source, shipped_kb())


def is_organisation(net: nx.MultiDiGraph, node: str) -> bool:
    """Return True when ``node`` may be a step of a path (not a technology or country)."""
    return net.nodes[node].get("type") not in NON_ORGANISATION


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise GraphError(f"{parent}: no such folder", "create it first or choose another output path")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
