"""Reading articles: date prefix, language, decoding, finding the files (no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance_kg.articles import article_from_text, decode, detect_language, find_articles, read_article
from alliance_kg.errors import InputError
from alliance_kg.extract import Extractor

FR = "Le constructeur japonais se méfie de son partenaire français, selon des sources proches du dossier."
EN = "The Japanese carmaker is wary of its French partner, people familiar with the matter said."
DE = ("Der japanische Autohersteller misstraut seinem chinesischen Partner, sagten mit der "
      "Angelegenheit vertraute Personen, und die Gespräche sind noch nicht abgeschlossen.")


# ----------------------------------------------------------------- date prefix

@pytest.mark.parametrize("text, date, body", [
    (" date 2023-04 Nissan se méfie de Geely.", "2023-04", "Nissan se méfie de Geely."),
    ("date 2023-04-15 Nissan se méfie de Geely.", "2023-04-15", "Nissan se méfie de Geely."),
    ("   date 2024-11\tRenault et Nissan.", "2024-11", "Renault et Nissan."),
    ("date 2023-04\nRenault et Nissan.", "2023-04", "\nRenault et Nissan."),
    ("Nissan se méfie de Geely.", None, "Nissan se méfie de Geely."),
    ("Depuis date 2023-04 rien.", None, "Depuis date 2023-04 rien."),
    ("date 2023 Nissan.", None, "date 2023 Nissan."),
    ("date 2023-045 Nissan.", None, "date 2023-045 Nissan."),
    ("", None, ""),
])
def test_date_prefix_and_body_offset(text, date, body):
    article = article_from_text(text, doc="x")
    assert article.date == date
    assert article.body == body
    assert article.text == text  # the text is kept as read; only the offset skips the prefix
    assert text[article.body_offset:] == body


def test_seed_article_prefix_offset():
    path = Path(__file__).resolve().parents[1] / "seeds" / "001_standin_renault_nissan_horse.txt"
    article = read_article(path)
    assert article.doc == "001_standin_renault_nissan_horse"
    assert article.date == "2023-04"
    assert article.text.startswith(" date 2023-04 ")
    assert article.body_offset == len(" date 2023-04 ")
    assert article.body.startswith("Nissan se méfie de Geely")
    assert article.lang == "fr"
    assert article.notes == ()


# ------------------------------------------------------------------- language

def test_detect_language_fr_en_other():
    assert detect_language(FR) == "fr"
    assert detect_language(EN) == "en"
    assert detect_language(DE) not in ("fr", "en")
    assert detect_language("") is None
    assert detect_language("12345 !!! 678") is None


def test_language_ignores_the_date_prefix():
    assert article_from_text("date 2023-04 " + EN, doc="e").lang == "en"
    assert article_from_text("date 2023-04 " + FR, doc="f").lang == "fr"


def test_german_and_empty_articles_are_skipped_not_parsed():
    articles = [article_from_text(DE, doc="de"), article_from_text("   \n", doc="blank"),
                article_from_text("date 2023-04 ", doc="prefix-only")]
    results = list(Extractor().extract_many(articles))  # no pipeline is loaded for skipped articles
    assert [r.article.doc for r in results] == ["de", "blank", "prefix-only"]
    for result in results:
        assert result.skipped, result
        assert result.statements == []
    assert "French and English" in results[0].skipped


# ------------------------------------------------------------------- decoding

def test_decode_plain_utf8_has_no_note():
    assert decode("Citroën et Renault".encode()) == ("Citroën et Renault", None)


def test_decode_removes_bom():
    text, note = decode(b"\xef\xbb\xbf" + "Société".encode())
    assert text == "Société"
    assert note and "byte-order mark" in note


def test_decode_cp1252_with_note():
    text, note = decode("Citroën s’allie à Stellantis — 20 €".encode("cp1252"))
    assert text == "Citroën s’allie à Stellantis — 20 €"
    assert note and "Windows-1252" in note


def test_decode_crlf_and_lone_cr():
    text, note = decode(b"Renault\r\nNissan\rGeely\n")
    assert text == "Renault\nNissan\nGeely\n"
    assert note and "CRLF" in note


def test_decode_bom_and_crlf_notes_combined():
    text, note = decode(b"\xef\xbb\xbfa\r\nb")
    assert text == "a\nb"
    assert "byte-order mark" in note and "CRLF" in note


def test_decode_binary_raises_input_error():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_read_article_binary_file_raises_input_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.hint  # the CLI shows the next step


def test_read_article_cp1252_crlf_file_keeps_notes(tmp_path):
    path = tmp_path / "vieux.txt"
    path.write_bytes("date 2023-04 Citroën se méfie de Geely.\r\nSuite.".encode("cp1252"))
    article = read_article(path)
    assert article.doc == "vieux"
    assert article.text == "date 2023-04 Citroën se méfie de Geely.\nSuite."
    assert article.date == "2023-04"
    assert any("Windows-1252" in n for n in article.notes)
    assert any("CRLF" in n for n in article.notes)
    assert article.path == str(path)


def test_read_article_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "absent.txt")


# -------------------------------------------------------------- finding files

def test_find_articles_recurses_sorts_and_ignores_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for rel in ("z.txt", "b/m.txt", "a/deep/a.txt", "a/notes.md", "b/data.json", "a/deep/x.gold.json"):
        (tmp_path / rel).write_text("Renault.", encoding="utf-8")
    found = find_articles([tmp_path])
    assert [p.name for p in found] == ["a.txt", "m.txt", "z.txt"]
    assert all(p.is_file() for p in found)


def test_find_articles_files_and_folders_once_each(tmp_path):
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "two.txt").write_text("y", encoding="utf-8")
    found = find_articles([tmp_path / "one.txt", tmp_path, str(tmp_path / "two.txt")])
    assert [p.name for p in found] == ["one.txt", "two.txt"]


def test_find_articles_folder_without_txt(tmp_path):
    (tmp_path / "readme.md").write_text("no articles", encoding="utf-8")
    with pytest.raises(InputError, match="no .txt"):
        find_articles([tmp_path])


def test_find_articles_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        find_articles([tmp_path / "nowhere"])
