"""Partnership paths: the seed's Nissan–Aramco explanation, options, name resolution."""

from __future__ import annotations

import pytest
from netdata import SEED_DOC, make_dataset, seed_kb, with_articles

from alliance_kg.errors import QueryError, UnknownEntityError
from alliance_kg.network import build_network
from alliance_kg.paths import find_paths, format_paths, relation_set, resolve

EXPECTED = ("Nissan → (member of) Renault-Nissan-Mitsubishi Alliance ← (member of) Renault "
            "→ (joint venture) Aramco")


@pytest.fixture(scope="module")
def net():
    return build_network(make_dataset(), seed_kb())


def test_nissan_to_aramco_is_explained_hop_by_hop(net):
    paths = find_paths(net, "Nissan", "Aramco")
    assert [p.line() for p in paths] == [EXPECTED]
    hops = paths[0].hops
    assert [(h.predicate, h.direction) for h in hops] == [
        ("memberOf", "forward"), ("memberOf", "backward"), ("jointVenture", "mutual")]
    assert all(h.modality == "asserted" and h.date == "2023-04" and h.article == SEED_DOC for h in hops)
    assert "Aramco rejoint la coentreprise" in hops[2].evidence
    text = format_paths(paths, "Nissan", "Aramco")
    assert EXPECTED in text and "Nissan reste membre" in text and f"({SEED_DOC})" in text


def test_a_path_never_steps_over_a_negated_or_distrust_tie(net):
    for path in find_paths(net, "Nissan", "Aramco", all_paths=True, max_length=6, include_speculative=True):
        second = path.hops[0].target
        assert second not in ("Horse", "Geely"), path.line()  # Nissan does not join Horse; distrusts Geely
    # even when distrust is asked for, the negated membership is no step
    lines = [p.line() for p in find_paths(net, "Nissan", "Horse", relations=relation_set("memberOf,distrusts"))]
    assert lines == ["Nissan → (distrusts) Geely → (member of) Horse"]


def test_names_and_aliases_ignore_case_and_accents(net):
    assert resolve(net, "NISSAN motor") == resolve(net, "nissan")
    assert resolve(net, "Rénault") == resolve(net, "groupe renault")
    assert find_paths(net, "le constructeur japonais", "saudi ARAMCO")[0].line() == EXPECTED


def test_an_unknown_company_lists_the_closest_names(net):
    with pytest.raises(UnknownEntityError) as info:
        find_paths(net, "Nisan", "Aramco")
    assert "Nisan" in str(info.value) and "Nissan" in info.value.hint
    with pytest.raises(UnknownEntityError) as info:
        resolve(net, "e-Power")
    assert "technology or a country" in str(info.value)


def test_speculative_ties_only_on_request(net):
    lines = [p.line() for p in find_paths(net, "Nissan", "Aramco", include_speculative=True)]
    assert EXPECTED in lines
    assert "Nissan → (invests in) Ampere → (subsidiary of) Renault → (joint venture) Aramco" in lines
    hop = find_paths(net, "Nissan", "Ampere", include_speculative=True)[0].hops[0]
    assert hop.modality == "speculative" and "envisagerait" in hop.evidence
    assert find_paths(net, "Nissan", "Ampere") != [] and all(
        h.modality == "asserted" for p in find_paths(net, "Nissan", "Ampere") for h in p.hops)


def test_all_paths_up_to_a_length(net):
    three = [p.line() for p in find_paths(net, "Nissan", "Aramco", all_paths=True, max_length=3)]
    four = [p.line() for p in find_paths(net, "Nissan", "Aramco", all_paths=True, max_length=4)]
    assert three == [EXPECTED]
    assert len(four) > 1 and four[0] == EXPECTED and all(len(line.split(" (")) <= 5 for line in four)
    assert any("Geely → (joint venture) Aramco" in line for line in four)


def test_relations_choose_the_ties(net):
    assert find_paths(net, "Nissan", "Aramco", relations=relation_set("memberOf")) == []
    assert format_paths([], "Nissan", "Aramco").startswith("No path links Nissan and Aramco")
    with pytest.raises(QueryError):
        relation_set("memberOf,friendOf")


def test_technologies_and_countries_are_no_steps():
    rows = [("Renault", "developsTechnology", "e-Power", "affirmed", "asserted", None, "Renault uses e-Power."),
            ("Volkswagen", "basedIn", "Japan", "affirmed", "asserted", None, "VW in Japan (a test).")]
    net = build_network(make_dataset(with_articles(x=("2024-01", rows))), seed_kb())
    relations = relation_set("developsTechnology,basedIn")
    assert find_paths(net, "Nissan", "Renault", relations=relations) == []
    assert find_paths(net, "Nissan", "Volkswagen", relations=relations, all_paths=True) == []


def test_same_company_twice_is_an_error(net):
    with pytest.raises(QueryError):
        find_paths(net, "Nissan", "nissan motor")


def test_json_shape(net):
    data = find_paths(net, "Nissan", "Aramco")[0].to_dict()
    assert data["length"] == 3 and data["nodes"][0] == "Nissan" and data["nodes"][-1] == "Aramco"
    assert {"relation", "direction", "modality", "date", "evidence", "article"} <= set(data["hops"][0])


def test_on_the_shared_seed_fixture(seed_dataset, kb):
    net = build_network(seed_dataset, kb)
    shortest = find_paths(net, "Nissan", "Aramco")
    assert shortest and all(h.evidence and h.article and h.date for p in shortest for h in p.hops)
    every = find_paths(net, "Nissan", "Aramco", all_paths=True, max_length=5, include_speculative=True)
    assert EXPECTED in [p.line() for p in every]
    for path in every:
        assert all(h.predicate not in ("distrusts", "competesWith") for h in path.hops)
        assert not any({h.source, h.target} == {"Nissan", "Horse"} for h in path.hops)  # negated membership
