"""The triples of one statement, article or entity (the terms of the model in :mod:`alliance_kg.graph`).

Pure functions: they build IRIs and literals and return lists of triples;
:mod:`alliance_kg.graph` adds them to a Dataset.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal

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

Triple = tuple[URIRef, URIRef, object]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (``aka:``, ``ake:``, ...) on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, URIRef(str(namespace)), override=True, replace=True)
    return graph


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
    digest = hashlib.sha1(f"{s}\x1f{p}\x1f{o}".encode("utf-8")).hexdigest()[:16]
    return AKS[f"edge-{digest}"]


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


def statement_triples(st: Statement, article: Article, kb: KnowledgeBase) -> tuple[list[Triple], list[Entity]]:
    """Return the named-graph triples of one statement and the entities it uses."""
    subject = resolve_entity(st.subject, st.subject_iri, kb)
    obj = resolve_entity(st.object, st.object_iri, kb, RANGE_KIND.get(st.predicate, "Organisation"))
    entities = [subject, obj]
    node, art = AKS[st.ident()], article_iri(article.doc)
    evidence, position, quote = (AKS[f"{st.ident()}-{part}"] for part in ("evidence", "position", "quote"))
    text = st.evidence or article.text[st.start:st.end]
    triples: list[Triple] = [
        (node, RDF.type, AKA.Statement), (node, RDF.subject, URIRef(subject.iri)),
        (node, RDF.predicate, AKA[st.predicate]), (node, RDF.object, URIRef(obj.iri)),
        (node, AKA.polarity, POLARITY[st.polarity]), (node, AKA.modality, MODALITY[st.modality]),
        (node, PROV.value, Literal(text)), (node, AKA.evidence, evidence),
        (node, PROV.wasDerivedFrom, art), (node, AKA.extractorVersion, Literal(__version__)),
        (evidence, RDF.type, OA.SpecificResource), (evidence, OA.hasSource, art),
        (evidence, OA.hasSelector, position), (evidence, OA.hasSelector, quote),
        (position, RDF.type, OA.TextPositionSelector),
        (position, OA.start, Literal(st.start, datatype=XSD.nonNegativeInteger)),
        (position, OA.end, Literal(st.end, datatype=XSD.nonNegativeInteger)),
        (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, Literal(text)),
    ]
    if st.attributedTo:
        source, entity = _source(st.attributedTo, kb)
        triples.append((node, AKA.attributedTo, source))
        entities += [entity] if entity is not None else []
    if st.share is not None:
        triples.append((node, AKA.share, share_literal(st.share)))
    date = date_literal(st.date or article.date)
    if date is not None:
        triples.append((node, DCTERMS.date, date))
    return triples, entities


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
