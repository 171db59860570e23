"""Statements stay within their predicate's domain and range, so that the graph conforms to the shapes.

The generated 500-article benchmark graph did not conform: "une berline
électrique conçue et produite par Vauxhall Mitsubishi, sa coentreprise avec
le chinois Vauxhall" gave "Mitsubishi memberOf electric vehicles" (and
shareholderOf), a technology where the ontology and the shapes want an
organisation.
"""

from __future__ import annotations

import pytest

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor
from alliance_kg.graph import add_article, new_dataset
from alliance_kg.ranges import fits_range, within_range
from alliance_kg.statement import PREDICATES, Statement
from alliance_kg.validate import format_report, validate_graph

GENERATED = ("date 2025-04-28 Mitsubishi a lancé dimanche en Chine la N7, une berline électrique conçue et "
             "produite par Vauxhall Mitsubishi, sa coentreprise avec le chinois Vauxhall.")
ORIGINAL = ("date 2025-04-28 Nissan a lancé dimanche en Chine la N7, une berline électrique conçue et "
            "produite par Dongfeng Nissan, sa coentreprise avec le chinois Dongfeng.")

TECHNOLOGY = {"seeksPartnership", "developsTechnology", "sharesTechnology"}


def _st(predicate: str, obj: str, obj_iri: str, subject: str = "Nissan", subject_iri: str = "ake:nissan"):
    return Statement(doc="d", subject=subject, subject_iri=subject_iri, predicate=predicate,
                     object=obj, object_iri=obj_iri)


@pytest.mark.parametrize("predicate", PREDICATES)
def test_each_predicate_takes_its_kind_of_object(kb, predicate):
    objects = {"Organisation": ("Geely", "ake:geely"), "Technology": ("e-Power", "ake:e-power"),
               "Country": ("Japan", "ake:japan")}
    wanted = "Country" if predicate == "basedIn" else "Technology" if predicate in TECHNOLOGY else "Organisation"
    for kind, (name, iri) in objects.items():
        assert fits_range(_st(predicate, name, iri), kb) == (kind == wanted), (predicate, kind)


def test_a_name_the_knowledge_base_does_not_know_always_fits(kb):
    for predicate in PREDICATES:
        assert fits_range(_st(predicate, "Vauxhall Mitsubishi", "ake:vauxhall-mitsubishi"), kb)
        assert fits_range(_st(predicate, "Vauxhall Mitsubishi", ""), kb)


def test_the_subject_is_always_an_organisation(kb):
    assert not fits_range(_st("partnerOf", "Geely", "ake:geely", "Japan", "ake:japan"), kb)
    assert not fits_range(_st("developsTechnology", "e-Power", "ake:e-power", "software", "ake:software"), kb)
    assert fits_range(_st("partnerOf", "Geely", "ake:geely", "Horse", "ake:horse"), kb)


def test_within_range_keeps_the_order_of_the_others(kb):
    good = [_st("partnerOf", "Geely", "ake:geely"), _st("basedIn", "Japan", "ake:japan")]
    bad = _st("memberOf", "electric vehicles", "ake:electric-vehicles")
    assert within_range([good[0], bad, good[1]], kb) == good


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    ex = Extractor()
    ex.pipeline("fr")
    return ex


def test_a_technology_is_not_taken_for_the_venture_in_apposition(extractor, kb):
    article = article_from_text(GENERATED, doc="bench_00196_fr")
    statements = extractor.extract(article).statements
    keys = {(s.subject, s.predicate, s.object) for s in statements}
    assert ("Mitsubishi", "jointVenture", "Vauxhall") in keys
    assert not any(s.object == "electric vehicles" for s in statements), keys
    assert all(fits_range(s, kb) for s in statements)
    ds = new_dataset()
    add_article(ds, article, statements, kb)
    report = validate_graph(ds)
    assert report.conforms, format_report(report)


def test_the_original_sentence_keeps_its_venture(extractor):
    statements = extractor.extract(article_from_text(ORIGINAL, doc="fr_21")).statements
    keys = {(s.subject, s.predicate, s.object) for s in statements}
    assert {("Dongfeng", "memberOf", "Dongfeng Nissan"), ("Dongfeng", "shareholderOf", "Dongfeng Nissan")} <= keys
