"""Seed-like RDF datasets for the network tests, built with alliance_kg.graph from hand-written Statements."""

from __future__ import annotations

from rdflib import Dataset

from alliance_kg.articles import Article, article_from_text
from alliance_kg.graph import add_article, new_dataset
from alliance_kg.kb import Entity, KnowledgeBase
from alliance_kg.namespaces import entity_iri
from alliance_kg.statement import Statement

SEED_DOC = "000_e64fc25a93eb57a3"

ENTITIES = {
    "Renault": ("Automaker", "France", ["groupe Renault", "Renault Group"]),
    "Nissan": ("Automaker", "Japan", ["Nissan Motor", "le constructeur japonais"]),
    "Mitsubishi": ("Automaker", "Japan", ["Mitsubishi Motors"]),
    "Geely": ("Automaker", "China", ["Zhejiang Geely"]),
    "Aramco": ("EnergyCompany", "Saudi Arabia", ["Saudi Aramco"]),
    "Horse": ("JointVenture", None, ["Horse Powertrain"]),
    "Ampere": ("BusinessUnit", "France", []),
    "Renault-Nissan-Mitsubishi Alliance": ("Alliance", None, ["l'Alliance", "Alliance Renault-Nissan-Mitsubishi"]),
    "e-Power": ("Technology", None, []),
    "electric vehicles": ("Technology", None, ["VE"]),
    "Japan": ("Country", None, ["Japon"]),
    "France": ("Country", None, []),
    "China": ("Country", None, ["Chine"]),
    "Saudi Arabia": ("Country", None, ["Arabie saoudite"]),
    "Volkswagen": ("Automaker", "Germany", ["VW"]),
    "Germany": ("Country", None, []),
}

# (subject, predicate, object, polarity, modality, attributedTo, evidence)
SEED_STATEMENTS = [
    ("Renault", "jointVenture", "Geely", "affirmed", "asserted", None,
     "Renault et Geely ont créé Horse, une coentreprise dans les moteurs thermiques."),
    ("Renault", "jointVenture", "Aramco", "affirmed", "asserted", None,
     "Le géant pétrolier saoudien Aramco rejoint la coentreprise de Renault et Geely."),
    ("Geely", "jointVenture", "Aramco", "affirmed", "asserted", None,
     "Le géant pétrolier saoudien Aramco rejoint la coentreprise de Renault et Geely."),
    ("Renault", "memberOf", "Horse", "affirmed", "asserted", None, "Renault détient une part de Horse."),
    ("Geely", "memberOf", "Horse", "affirmed", "asserted", None, "Geely détient une part de Horse."),
    ("Nissan", "memberOf", "Horse", "negated", "asserted", None,
     "Nissan n'a aucune intention de participer à la joint-venture."),
    ("Nissan", "memberOf", "Renault-Nissan-Mitsubishi Alliance", "affirmed", "asserted", None,
     "Nissan reste membre de l'Alliance Renault-Nissan-Mitsubishi."),
    ("Renault", "memberOf", "Renault-Nissan-Mitsubishi Alliance", "affirmed", "asserted", None,
     "Renault reste membre de l'Alliance Renault-Nissan-Mitsubishi."),
    ("Mitsubishi", "memberOf", "Renault-Nissan-Mitsubishi Alliance", "affirmed", "asserted", None,
     "Mitsubishi est le troisième membre de l'Alliance."),
    ("Nissan", "distrusts", "Geely", "affirmed", "asserted", "unnamed sources",
     "Le groupe japonais se méfie de Geely, selon des sources proches du dossier."),
    ("Nissan", "investsIn", "Ampere", "affirmed", "speculative", "Reuters",
     "Nissan envisagerait une contribution dans Ampere, selon Reuters."),
    ("Ampere", "subsidiaryOf", "Renault", "affirmed", "asserted", None, "Ampere, la filiale électrique de Renault."),
    ("Nissan", "developsTechnology", "e-Power", "affirmed", "asserted", None,
     "Nissan a développé sa technologie hybride e-Power."),
    ("Renault", "seeksPartnership", "electric vehicles", "affirmed", "asserted", None,
     "Renault cherche de nouveaux partenaires dans le VE."),
    ("Nissan", "basedIn", "Japan", "affirmed", "asserted", None, "Le constructeur japonais Nissan."),
    ("Renault", "basedIn", "France", "affirmed", "asserted", None, "Le constructeur français Renault."),
]

SEED_ARTICLES = {SEED_DOC: ("2023-04", SEED_STATEMENTS)}


def seed_kb() -> KnowledgeBase:
    """Return a small knowledge base holding the seed story's entities and aliases."""
    entities = []
    for name, (kind, country, aliases) in ENTITIES.items():
        entities.append(Entity(iri=entity_iri(name), name=name, kind=kind, labels=tuple(aliases),
                               country=entity_iri(country) if country else None))
    return KnowledgeBase(entities)


def statements_for(doc: str, date: str, rows: list[tuple]) -> tuple[Article, list[Statement]]:
    """Return the article text made of the rows' evidence sentences and its Statements."""
    prefix = f" date {date} "
    text, spans = prefix, []
    for row in rows:
        start = len(text)
        text += row[6] + " "
        spans.append((start, start + len(row[6])))
    article = article_from_text(text, doc=doc)
    statements = [
        Statement(doc=doc, subject=s, subject_iri=entity_iri(s), predicate=p, object=o,
                  object_iri=entity_iri(o), polarity=pol, modality=mod, attributedTo=src,
                  evidence=ev, start=a, end=b, date=date)
        for (s, p, o, pol, mod, src, ev), (a, b) in zip(rows, spans)
    ]
    return article, statements


def make_dataset(articles: dict = SEED_ARTICLES) -> Dataset:
    """Return a Dataset built by :func:`alliance_kg.graph.add_article` from the given articles."""
    ds, kb = new_dataset(), seed_kb()
    for doc, (date, rows) in sorted(articles.items()):
        article, statements = statements_for(doc, date, rows)
        add_article(ds, article, statements, kb)
    return ds


def with_articles(**extra: tuple[str, list[tuple]]) -> dict:
    """Return the seed articles plus ``extra`` ones (doc name -> (date, rows))."""
    return {**SEED_ARTICLES, **extra}
