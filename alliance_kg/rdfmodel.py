"""The triples of one statement, article or entity (the terms of the model in :mod:`alliance_kg.graph`).

Pure functions: they build IRIs and literals and return lists of triples;
:mod:`alliance_kg.graph` adds them to a Dataset.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from alliance_kg import __version__
from alliance_kg.articles import Article
from alliance_kg.kb import Entity, KnowledgeBase
from alliance_kg.namespaces import AKA, AKD, AKS, OA, PREFIXES, SCHEMA, WD, entity_iri, slugify
from alliance_kg.statement import PREDICATES, SYMMETRIC, UNNAMED_SOURCES, Statement

POLARITY = {"affirmed": AKA.Affirmed, "negated": AKA.Negated}
MODALITY = {"asserted": AKA.Asserted, "planned": AKA.Planned, "speculative": AKA.Speculative}
RANGE_KIND = {"basedIn": "Country", "developsTechnology": "Technology",
              "sharesTechnology": "Technology", "seeksPartnership": "Technology"}
PREDICATE_IRIS = frozenset(AKA[p] for p in PREDICATES)
ENTITY_PROPERTIES = (RDF.type, SKOS.prefLabel, AKA.homeCountry, SKOS.exactMatch)
SYMMETRIC_IRIS = frozenset(AKA[p] for p in SYMMETRIC)


def directions(s, p, o) -> list[tuple]:
    """Return the (subject, object) orders a direct triple can be stated in: both for a symmetric predicate."""
    return [(s, o), (o, s)] if p in SYMMETRIC_IRIS and s != o else [(s, o)]


Triple = tuple[URIRef, URIRef, object]

# the terms of every statement, made once: rdflib's Namespace builds and checks a new URIRef at each access
_STATEMENT, _SPECIFIC = AKA.Statement, OA.SpecificResource
_POSITION, _QUOTE = OA.TextPositionSelector, OA.TextQuoteSelector
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = RDF.type, RDF.subject, RDF.predicate, RDF.object
_POLARITY_P, _MODALITY_P, _EVIDENCE_P, _ATTRIBUTED_P, _SHARE_P = (
    AKA.polarity, AKA.modality, AKA.evidence, AKA.attributedTo, AKA.share)
_VALUE, _DERIVED, _VERSION_P, _DATE = PROV.value, PROV.wasDerivedFrom, AKA.extractorVersion, DCTERMS.date
_SOURCE, _SELECTOR, _START, _END, _EXACT = OA.hasSource, OA.hasSelector, OA.start, OA.end, OA.exact
_NON_NEGATIVE = XSD.nonNegativeInteger
_PREDICATE_TERMS = {p: AKA[p] for p in PREDICATES}
_EDGE_SUMMARY, _SUPPORT_COUNT, _SUPPORTED_BY = AKA.EdgeSummary, AKA.supportCount, AKA.supportedBy
_FIRST_SEEN, _LAST_SEEN = AKA.firstSeen, AKA.lastSeen


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (``aka:``, ``ake:``, ...) on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, URIRef(str(namespace)), override=True, replace=True)
    return graph


@lru_cache(maxsize=4096)
def article_iri(doc: str) -> URIRef:
    """Return the IRI of the article resource ``akd:<slug>``.

    >>> str(article_iri("Seed 01"))
    'https://w3id.org/alliance-kg/article/seed-01'
    """
    return AKD[slugify(doc)]


def statements_graph_iri(doc: str) -> URIRef:
    """Return the IRI of the named graph holding the article's statements.

    >>> str(statements_graph_iri("seed"))
    'https://w3id.org/alliance-kg/article/seed/statements'
    """
    return URIRef(f"{AKD}{slugify(doc)}/statements")


@lru_cache(maxsize=4096)
def date_literal(date: str | None) -> Literal | None:
    """Return a date as ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` (None if unusable).

    >>> date_literal("2024-11").datatype == XSD.gYearMonth
    True
    >>> date_literal("11/2024") is None
    True
    """
    if not date:
        return None
    for pattern, datatype in ((r"\d{4}-\d{2}-\d{2}", XSD.date), (r"\d{4}-\d{2}", XSD.gYearMonth),
                              (r"\d{4}", XSD.gYear)):
        if re.fullmatch(pattern, date):
            return Literal(date, datatype=datatype)
    return None


def share_literal(share: float | int | str) -> Literal:
    """Return a percentage as an ``xsd:decimal`` literal in canonical form.

    >>> str(share_literal(43)), str(share_literal(20.50))
    ('43.0', '20.5')
    """
    text = format(Decimal(str(share)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def edge_iri(s: URIRef, p: URIRef, o: URIRef) -> URIRef:
    """Return the IRI of the summary node of a direct triple (``aks:edge-<hash>``)."""
    digest = hashlib.sha1(f"{s}\x1f{p}\x1f{o}".encode()).hexdigest()[:16]
    return AKS[f"edge-{digest}"]


def edge_triples(triple: tuple, articles: dict, nodes: Iterable) -> list[Triple]:
    """Return a direct triple and its aka:EdgeSummary: support count, supporting nodes, first/last date.

    ``articles`` maps each supporting article to its statements' dates,
    ``nodes`` holds the supporting statement nodes.
    """
    s, p, o = triple
    edge = edge_iri(s, p, o)
    triples: list[Triple] = [
        (s, p, o), (edge, _TYPE, _EDGE_SUMMARY), (edge, _SUBJECT, s), (edge, _PREDICATE, p), (edge, _OBJECT, o),
        (edge, _SUPPORT_COUNT, Literal(len(articles), datatype=XSD.integer)),
        *((edge, _SUPPORTED_BY, node) for node in nodes)]
    dates = sorted((d for found in articles.values() for d in found), key=str)
    if dates:
        triples += [(edge, _FIRST_SEEN, dates[0]), (edge, _LAST_SEEN, dates[-1])]
    return triples


def expand_iri(iri: str | None) -> str:
    """Return a full IRI for ``iri``, expanding a project CURIE such as ``ake:nissan``.

    >>> expand_iri("ake:nissan")
    'https://w3id.org/alliance-kg/entity/nissan'
    """
    if not iri:
        return ""
    prefix, _, local = iri.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        return str(PREFIXES[prefix]) + local
    return iri


def resolve_entity(name: str, iri: str | None, kb: KnowledgeBase, kind: str = "Organisation") -> Entity:
    """Return the KB entity for a statement's (name, IRI), or a new entity of ``kind``."""
    full = expand_iri(iri)
    entity = kb.get(full) if full else kb.lookup(name)
    if entity is not None:
        return entity
    return Entity(iri=full or entity_iri(name), name=name, kind=kind)


def entity_triples(entity: Entity, kb: KnowledgeBase | None = None) -> list[Triple]:
    """Return the lean description of an entity: type, label, home country, Wikidata.

    A knowledge-base entity keeps its canonical English label (``"Nissan"@en``);
    an entity met only in text gets the plain name the statement gives.
    """
    node = URIRef(entity.iri)
    known = kb is not None and kb.get(entity.iri) is not None
    label = Literal(entity.name, lang="en") if known else Literal(entity.name)
    triples: list[Triple] = [(node, RDF.type, AKA[entity.kind]), (node, SKOS.prefLabel, label)]
    if entity.country:
        triples.append((node, AKA.homeCountry, URIRef(entity.country)))
        country = kb.get(entity.country) if kb is not None else None
        if country is not None and country.iri != entity.iri:
            triples.extend(entity_triples(country, kb))
    if entity.qid:
        triples.append((node, SKOS.exactMatch, WD[entity.qid]))
    return triples


def _source(name: str, kb: KnowledgeBase) -> tuple[URIRef, Entity | None]:
    if name.strip().casefold() == UNNAMED_SOURCES:
        return AKA.UnnamedSources, None
    entity = kb.lookup(name) or Entity(iri=entity_iri(name), name=name, kind="Organisation")
    return URIRef(entity.iri), entity


class StatementTriples(NamedTuple):
    """The named-graph triples of one statement, the entities it uses, and its fact if it is one."""

    triples: list[Triple]
    entities: list[Entity]
    #: (subject, predicate, object) of an affirmed, asserted statement, else None
    fact: tuple[URIRef, URIRef, URIRef] | None
    #: the statement's ``dcterms:date`` literals (none or one)
    dates: list[Literal]


def statement_triples(st: Statement, article: Article, kb: KnowledgeBase) -> tuple[list[Triple], list[Entity]]:
    """Return the named-graph triples of one statement and the entities it uses."""
    parts = statement_parts(st, article, kb)
    return parts.triples, parts.entities


def statement_parts(st: Statement, article: Article, kb: KnowledgeBase) -> StatementTriples:
    """Return the triples of one statement with its entities, its fact (if affirmed and asserted) and its dates.

    The terms that recur (entity and article IRIs, offsets, dates) are made
    once and shared: rdflib terms are immutable, and making one costs more
    than looking it up.
    """
    subject = resolve_entity(st.subject, st.subject_iri, kb)
    obj = resolve_entity(st.object, st.object_iri, kb, RANGE_KIND.get(st.predicate, "Organisation"))
    entities = [subject, obj]
    ident = st.ident()
    node, art = URIRef(f"{AKS}{ident}"), article_iri(article.doc)
    evidence, position, quote = (URIRef(f"{AKS}{ident}-{part}") for part in ("evidence", "position", "quote"))
    text = Literal(st.evidence or article.text[st.start:st.end])
    predicate = _PREDICATE_TERMS.get(st.predicate) or AKA[st.predicate]
    subject_ref, object_ref = _iri(subject.iri), _iri(obj.iri)
    triples: list[Triple] = [
        (node, _TYPE, _STATEMENT), (node, _SUBJECT, subject_ref),
        (node, _PREDICATE, predicate), (node, _OBJECT, object_ref),
        (node, _POLARITY_P, POLARITY[st.polarity]), (node, _MODALITY_P, MODALITY[st.modality]),
        (node, _VALUE, text), (node, _EVIDENCE_P, evidence),
        (node, _DERIVED, art), (node, _VERSION_P, _version_literal()),
        (evidence, _TYPE, _SPECIFIC), (evidence, _SOURCE, art),
        (evidence, _SELECTOR, position), (evidence, _SELECTOR, quote),
        (position, _TYPE, _POSITION),
        (position, _START, _offset_literal(st.start)),
        (position, _END, _offset_literal(st.end)),
        (quote, _TYPE, _QUOTE), (quote, _EXACT, text),
    ]
    if st.attributedTo:
        source, entity = _source(st.attributedTo, kb)
        triples.append((node, _ATTRIBUTED_P, source))
        entities += [entity] if entity is not None else []
    if st.share is not None:
        triples.append((node, _SHARE_P, share_literal(st.share)))
    date = date_literal(st.date or article.date)
    if date is not None:
        triples.append((node, _DATE, date))
    fact = (subject_ref, predicate, object_ref) if st.polarity == "affirmed" and st.modality == "asserted" else None
    return StatementTriples(triples, entities, fact, [date] if date is not None else [])


@lru_cache(maxsize=65536)
def _iri(text: str) -> URIRef:
    return URIRef(text)


@lru_cache(maxsize=65536)
def _offset_literal(offset: int) -> Literal:
    return Literal(offset, datatype=_NON_NEGATIVE)


@lru_cache(maxsize=1)
def _version_literal() -> Literal:
    return Literal(__version__)


def article_triples(article: Article) -> list[Triple]:
    """Return the default-graph description of an article resource."""
    node = article_iri(article.doc)
    triples: list[Triple] = [(node, RDF.type, AKA.Article), (node, DCTERMS.identifier, Literal(article.doc)),
                             (node, AKA.sha256, Literal(article.sha256))]
    date = date_literal(article.date)
    if date is not None:
        triples.append((node, DCTERMS.date, date))
    if article.lang:
        triples.append((node, SCHEMA.inLanguage, Literal(article.lang)))
    return triples
