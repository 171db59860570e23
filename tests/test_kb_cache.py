"""The parsed knowledge base is cached as JSON beside the user's other caches, and never gets in the way."""

from __future__ import annotations

import json
import shutil

import pytest

from alliance_kg.data import data_path
from alliance_kg.kb import cache_dir, load_kb


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """Point the cache at a new folder; forget the knowledge bases loaded in this process, before and after."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ALLIANCE_KG_CACHE_DIR", str(folder))
    load_kb.cache_clear()
    yield folder
    load_kb.cache_clear()


def _same(a, b) -> bool:
    return [(e, e.demonyms) for e in a] == [(e, e.demonyms) for e in b] and a.demonyms == b.demonyms


def test_the_first_load_writes_the_cache_and_the_next_one_reads_it(fresh):
    parsed = load_kb()
    files = list(fresh.glob("kb-*.json"))
    assert len(files) == 1
    load_kb.cache_clear()
    assert _same(load_kb(), parsed)
    assert load_kb().lookup("Nissan Motor Co.").name == "Nissan"
    rows = json.loads(files[0].read_text(encoding="utf-8"))
    rows = [[row[0], "Renamed" if row[1] == "Nissan" else row[1], *row[2:]] for row in rows]
    files[0].write_text(json.dumps(rows), encoding="utf-8")
    load_kb.cache_clear()
    assert load_kb().get("https://w3id.org/alliance-kg/entity/nissan").name == "Renamed"  # read from the cache


def test_an_edited_file_is_parsed_again(fresh, tmp_path):
    copy = tmp_path / "entities.ttl"
    shutil.copy(data_path("entities.ttl"), copy)
    assert load_kb(str(copy)).lookup("Zorglub Motors") is None
    with copy.open("a", encoding="utf-8") as handle:
        handle.write('\nake:zorglub a aka:Automaker ; skos:prefLabel "Zorglub Motors"@en .\n')
    load_kb.cache_clear()
    assert load_kb(str(copy)).lookup("Zorglub Motors").kind == "Automaker"
    assert len(list(fresh.glob("kb-*.json"))) == 2


def test_a_broken_cache_is_parsed_over(fresh):
    parsed = load_kb()
    for file in fresh.glob("kb-*.json"):
        file.write_text("[[1, 2", encoding="utf-8")
    load_kb.cache_clear()
    assert _same(load_kb(), parsed)


def test_a_cache_folder_that_cannot_be_made_is_ignored(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ALLIANCE_KG_CACHE_DIR", str(blocker / "cache"))
    load_kb.cache_clear()
    try:
        assert load_kb().lookup("Renault Group").name == "Renault"
    finally:
        load_kb.cache_clear()
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_an_empty_setting_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("ALLIANCE_KG_CACHE_DIR", "")
    assert cache_dir() is None
    monkeypatch.delenv("ALLIANCE_KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "alliance-kg"
