"""The bulk graph assembly of ``build`` gives the same bytes as ``graph.add_article`` article by article.

Statements are generated (no spaCy): many articles stating overlapping facts
in both directions of symmetric predicates, negated, planned, attributed,
with shares and dates, so that edge summaries gather several articles. The
plain graph of a fresh ``build -o`` (lists of triples, no Dataset) holds the
same triples.
"""

from __future__ import annotations

import random

import pytest

from alliance_kg.articles import article_from_text
from alliance_kg.build import GraphBuilder, summarize
from alliance_kg.errors import GraphError
from alliance_kg.graph import add_article, dataset_summary, new_dataset
from alliance_kg.plaingraph import PlainGraph
from alliance_kg.rdfio import serialize
from alliance_kg.turtle import sorted_turtle
from alliance_kg.statement import Statement

NAMES = ["Renault", "Nissan", "Geely", "Aramco", "Horse", "Toyota", "Stellantis", "Leapmotor", "Unknown Motors"]
PREDICATES = ["partnerOf", "jointVenture", "memberOf", "shareholderOf", "investsIn", "distrusts", "competesWith",
              "suppliesTo", "mergesWith", "acquires"]


def _articles(n: int, seed: int = 3, prefix: str = "art") -> list:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = []
        facts = []
        for j in range(rng.randint(1, 6)):
            a, b = rng.sample(NAMES, 2)
            predicate = rng.choice(PREDICATES)
            sentence = f"{a} and {b} number {j} are linked."
            sentences.append(sentence)
            facts.append((sentence, a, predicate, b))
            if rng.random() < 0.3:  # the same fact again, or its reverse, later in the article
                again = f"Again {b} and {a} number {j}."
                sentences.append(again)
                facts.append((again, *rng.choice([(a, predicate, b), (b, predicate, a)])))
        date = rng.choice([None, f"202{rng.randint(0, 4)}-0{rng.randint(1, 9)}",
                           f"202{rng.randint(0, 4)}-1{rng.randint(0, 2)}-1{rng.randint(0, 9)}"])
        text = (f"date {date} " if date else "") + " ".join(sentences)
        article = article_from_text(text, doc=f"{prefix}-{i:03d}")
        statements = []
        for sentence, a, predicate, b in facts:
            start = article.text.index(sentence)
            kb_iri = {"Unknown Motors": ""}.get(a, f"ake:{a.lower()}")
            statements.append(Statement(
                doc=article.doc, subject=a, subject_iri=kb_iri, predicate=predicate, object=b,
                object_iri={"Unknown Motors": ""}.get(b, f"ake:{b.lower()}"),
                polarity="affirmed" if "Again" in sentence else rng.choice(["affirmed", "affirmed", "negated"]),
                modality="asserted" if "Again" in sentence else rng.choice(["asserted", "asserted", "planned"]),
                attributedTo=rng.choice([None, None, "Reuters", "unnamed sources"]),
                share=rng.choice([None, None, 43.0, 15]) if predicate == "shareholderOf" else None,
                evidence=sentence, start=start, end=start + len(sentence), date=article.date, lang="en"))
        out.append((article, statements))
    return out


def _same(one, two) -> None:
    for fmt in ("trig", "nquads"):
        assert serialize(one, fmt) == serialize(two, fmt), fmt


def test_bulk_build_equals_article_by_article(kb):
    articles = _articles(60)
    by_one = new_dataset()
    for article, statements in articles:
        add_article(by_one, article, statements, kb)
    bulk = new_dataset()
    builder = GraphBuilder(bulk, kb)
    assert [builder.add(a, s) for a, s in articles] == ["added"] * len(articles)
    builder.finish()
    _same(by_one, bulk)
    assert summarize(bulk) == dataset_summary(by_one)
    assert summarize(bulk)["direct_triples"] > 20


def test_bulk_into_an_existing_graph_with_unchanged_and_replaced_articles(kb):
    first, second = _articles(30), _articles(30, seed=9, prefix="new")
    changed = _articles(1, seed=11)[0][1]  # other statements for art-000, under a new text
    replaced_article = article_from_text("date 2024-01 Renault and Nissan number 0 are linked. More text.",
                                         doc="art-000")
    replaced = [(replaced_article, [Statement(**{**s.to_dict(), "doc": "art-000", "lang": "en",
                                                 "evidence": "Renault and Nissan number 0 are linked.",
                                                 "start": 13, "end": 52, "subject": "Renault",
                                                 "subject_iri": "ake:renault", "object": "Nissan",
                                                 "object_iri": "ake:nissan", "date": "2024-01"})
                                    for s in changed[:1]])]
    later = first[5:8] + second + replaced  # three unchanged, thirty new, one replaced
    expected, bulk = new_dataset(), new_dataset()
    for ds in (expected, bulk):
        for article, statements in first:
            add_article(ds, article, statements, kb)
    statuses = [add_article(expected, a, s, kb) for a, s in later]
    builder = GraphBuilder(bulk, kb)
    assert [builder.add(a, s) for a, s in later] == statuses
    builder.finish()
    assert statuses.count("unchanged") == 3 and statuses.count("replaced") == 1
    _same(expected, bulk)


@pytest.mark.parametrize("n", [1, 2])
def test_bulk_build_of_the_seed_story(kb, seed_articles, n):
    by_one, bulk = new_dataset(), new_dataset()
    for article, statements in seed_articles[:n]:
        add_article(by_one, article, statements, kb)
    builder = GraphBuilder(bulk, kb)
    for article, statements in seed_articles[:n]:
        builder.add(article, statements)
    builder.finish()
    _same(by_one, bulk)


def test_plain_graph_holds_the_triples_of_the_bulk_builder(kb):
    articles = _articles(60, seed=5)
    bulk = new_dataset()
    builder = GraphBuilder(bulk, kb)
    plain = PlainGraph(kb)
    for article, statements in articles:
        assert builder.add(article, statements) == plain.add(article, statements) == "added"
    builder.finish()
    plain.finish()
    _same(bulk, plain.to_dataset())
    assert sorted_turtle(plain.triples()) == serialize(bulk, "turtle")
    assert plain.summary() == summarize(bulk)
    assert plain.summary()["direct_triples"] > 20


def test_plain_graph_refuses_two_articles_with_one_iri(kb):
    plain = PlainGraph(kb)
    plain.add(article_from_text("Renault and Nissan.", doc="Seed 01"), [])
    with pytest.raises(GraphError, match="same IRI"):
        plain.add(article_from_text("Geely.", doc="seed-01"), [])
    with pytest.raises(GraphError, match="given twice"):
        plain.add(article_from_text("Geely.", doc="Seed 01"), [])
    assert plain.summary()["articles"] == plain.summary()["named_graphs"] == 1
