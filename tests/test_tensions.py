"""Alliance tensions: unbalanced triads and contradicted ties, ranked with evidence."""

from __future__ import annotations

from netdata import SEED_DOC, make_dataset, with_articles

from alliance_kg.network import build_network
from alliance_kg.tensions import contradictions, find_tensions, format_tensions, unbalanced_triads

LATER = {"001_later": ("2023-11", [
    ("Nissan", "memberOf", "Horse", "affirmed", "planned", "Reuters",
     "Nissan will join Horse next year, Reuters reports."),
    ("Renault", "partnerOf", "Volkswagen", "affirmed", "asserted", None, "Renault and Volkswagen team up."),
    ("Geely", "partnerOf", "Volkswagen", "affirmed", "asserted", None, "Geely is an ally of Volkswagen."),
    ("Renault", "competesWith", "Geely", "affirmed", "asserted", None, "Renault competes with Geely in China."),
])}


def test_seed_nissan_distrusts_geely_while_both_are_tied_to_renault():
    tensions = find_tensions(build_network(make_dataset()))
    assert tensions, "the seed has a tension"
    top = tensions[0]
    assert top.kind == "triad" and top.parties == ("Nissan", "Geely", "Renault")
    assert top.summary.startswith("Nissan distrusts Geely while both are tied to Renault")
    sentences = [e.sentence for e in top.evidence]
    assert any("se méfie de Geely" in s for s in sentences)
    assert any("Renault et Geely ont créé Horse" in s for s in sentences)
    assert all(e.article == SEED_DOC for e in top.evidence)
    text = format_tensions(tensions)
    assert "1. [triad] Nissan distrusts Geely while both are tied to Renault" in text
    assert "se méfie de Geely" in text


def test_a_tie_affirmed_in_one_article_and_negated_in_another_is_a_contradiction():
    net = build_network(make_dataset(with_articles(**LATER)))
    found = contradictions(net)
    assert len(found) == 1
    item = found[0]
    assert item.parties == ("Nissan", "Horse")
    assert item.summary == f"Nissan member of Horse is affirmed in 001_later and negated in {SEED_DOC}"
    polarities = {e.polarity: e for e in item.evidence}
    assert "will join Horse" in polarities["affirmed"].sentence
    assert "aucune intention" in polarities["negated"].sentence
    assert "not member of" in format_tensions(found)


def test_triads_are_ranked_with_distrust_before_competition():
    net = build_network(make_dataset(with_articles(**LATER)))
    triads = unbalanced_triads(net)
    summaries = [t.summary for t in triads]
    assert "Geely competes with Renault while both are tied to Volkswagen" in summaries
    ranked = find_tensions(net)
    assert ranked[0].summary.startswith("Nissan distrusts Geely")
    assert [t.score for t in ranked] == sorted((t.score for t in ranked), reverse=True)
    assert {t.kind for t in ranked} == {"triad", "contradiction"}


def test_a_balanced_network_has_no_tension():
    rows = [("Renault", "partnerOf", "Nissan", "affirmed", "asserted", None, "Renault et Nissan sont alliés."),
            ("Nissan", "partnerOf", "Mitsubishi", "affirmed", "asserted", None, "Nissan et Mitsubishi aussi.")]
    net = build_network(make_dataset({"balanced": ("2024-01", rows)}))
    assert find_tensions(net) == []
    assert format_tensions([]).startswith("No tension found")


def test_json_shape():
    data = find_tensions(build_network(make_dataset()))[0].to_dict()
    assert data["kind"] == "triad" and data["parties"] == ["Nissan", "Geely", "Renault"]
    assert {"source", "relation", "target", "sentence", "article", "date"} <= set(data["evidence"][0])


def test_on_the_shared_seed_fixture(seed_dataset, kb):
    tensions = find_tensions(build_network(seed_dataset, kb))
    top = tensions[0]
    assert top.parties == ("Nissan", "Geely", "Renault")
    assert top.summary.startswith("Nissan distrusts Geely while both are tied to Renault")
    assert any("se méfie de Geely" in e.sentence for e in top.evidence)
