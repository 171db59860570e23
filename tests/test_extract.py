"""Extraction with the real pipelines: the stand-in seed, qualifiers, offsets, robustness.

The French model is loaded once for the module (``extractor``); English uses
the blank rule-based pipeline when no ``en_core_web_*`` model is installed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_kg.articles import article_from_text, read_article
from alliance_kg.extract import Extractor
from alliance_kg.statement import UNNAMED_SOURCES, Statement

SEED = Path(__file__).resolve().parents[1] / "seeds" / "001_standin_renault_nissan_horse.txt"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One Extractor with both pipelines loaded (spaCy costs seconds to load)."""
    ex = Extractor()
    ex.pipeline("fr")
    ex.pipeline("en")
    return ex


@pytest.fixture(scope="module")
def seed(extractor):
    """The stand-in seed article and its statements."""
    article = read_article(SEED)
    result = extractor.extract(article)
    assert result.skipped is None
    return article, result.statements


def _extract(extractor: Extractor, text: str, lang: str | None = None) -> list[Statement]:
    article = article_from_text(text, doc="t")
    if lang:
        assert article.lang == lang, (text, article.lang)
    result = extractor.extract(article)
    assert result.skipped is None, result.skipped
    return result.statements


def _find(statements, subject, predicate, obj, symmetric=False):
    return [s for s in statements if s.predicate == predicate
            and ((s.subject, s.object) == (subject, obj) or symmetric and (s.subject, s.object) == (obj, subject))]


# ------------------------------------------------------------------ the seed

def test_seed_nissan_distrusts_geely_per_unnamed_sources(seed):
    _, statements = seed
    found = _find(statements, "Nissan", "distrusts", "Geely")
    assert found, [s.key() for s in statements]
    assert all(s.polarity == "affirmed" for s in found)
    assert any(s.modality == "asserted" and s.attributedTo == UNNAMED_SOURCES for s in found), found
    assert not _find(statements, "Geely", "distrusts", "Nissan")


@pytest.mark.parametrize("a, b", [("Renault", "Geely"), ("Renault", "Aramco"), ("Geely", "Aramco")])
def test_seed_joint_venture_pairs(seed, a, b):
    _, statements = seed
    found = _find(statements, a, "jointVenture", b, symmetric=True)
    assert any(s.polarity == "affirmed" for s in found), [s.key() for s in statements]


def test_seed_nissan_not_a_member_of_horse(seed):
    _, statements = seed
    found = _find(statements, "Nissan", "memberOf", "Horse")
    assert found, [s.key() for s in statements]
    assert all(s.polarity == "negated" for s in found)
    # a negated statement never appears as an affirmed one, under any predicate of the pair
    assert not [s for s in statements if {s.subject, s.object} == {"Nissan", "Horse"} and s.polarity == "affirmed"]


def test_seed_speculative_contribution_in_ampere(seed):
    _, statements = seed
    found = [s for s in statements if (s.subject, s.object) == ("Nissan", "Ampere")
             and s.predicate in ("investsIn", "shareholderOf")]
    assert found, [s.key() for s in statements]
    assert all(s.polarity == "affirmed" for s in found)
    assert all(s.modality == "speculative" for s in found), [(s.predicate, s.modality) for s in found]
    assert any(s.attributedTo == UNNAMED_SOURCES for s in found)


def test_seed_evidence_is_one_sentence_of_the_text(seed):
    article, statements = seed
    assert statements
    # in the seed every paragraph is one sentence; the first follows the date prefix
    sentences = {line.strip() for line in article.body.split("\n") if line.strip()}
    for s in statements:
        assert s.evidence == article.text[s.start:s.end], s
        assert s.evidence in sentences, s.evidence
        assert s.doc == article.doc and s.date == "2023-04"
        assert "date 2023-04" not in s.evidence


def test_seed_extraction_is_deterministic(extractor):
    first = [s.to_json() for s in extractor.extract(read_article(SEED)).statements]
    second = [s.to_json() for s in Extractor().extract(read_article(SEED)).statements]
    assert first == second
    for line in first:
        assert Statement.from_json(line).to_json() == line
        json.loads(line)


# ----------------------------------------------------------- small sentences

@pytest.mark.parametrize("text", [
    "Toyota n'a pas l'intention d'investir dans Nissan.",
    "Toyota ne va pas investir dans Nissan.",
    "Nissan n'a aucune intention de participer à Horse.",
    "Nissan refuse de partager sa technologie e-Power avec Geely.",
])
def test_negated_sentences_give_no_affirmed_statement(extractor, text):
    statements = _extract(extractor, text, "fr")
    assert statements, "the negated statement itself should be extracted"
    assert [s.key() for s in statements if s.polarity == "affirmed"] == []


def test_co_occurrence_alone_gives_nothing(extractor):
    assert _extract(extractor, "Renault et Nissan ont publié leurs ventes.", "fr") == []


def test_english_wary_per_people_familiar(extractor):
    statements = _extract(extractor, "Nissan is wary of Geely, people familiar with the matter said.", "en")
    assert [s.key() for s in statements] == [("Nissan", "distrusts", "Geely", "affirmed")]
    assert statements[0].attributedTo == UNNAMED_SOURCES


def test_english_will_invest_is_planned(extractor):
    statements = _extract(extractor, "Volkswagen will invest $700 million in Xpeng.", "en")
    assert [s.key() for s in statements] == [("Volkswagen", "investsIn", "Xpeng", "affirmed")]
    assert statements[0].modality == "planned"
    assert statements[0].attributedTo is None


def test_french_seeks_partners_per_domain(extractor):
    # the guidelines' own example (section 3, seeksPartnership): one statement per domain
    statements = _extract(extractor, "Nissan cherche de nouveaux partenaires dans le VE et les logiciels.", "fr")
    keys = {s.key() for s in statements}
    assert ("Nissan", "seeksPartnership", "electric vehicles", "affirmed") in keys, keys
    assert ("Nissan", "seeksPartnership", "software", "affirmed") in keys, keys


def test_french_postposed_unnamed_sources(extractor):
    # "..., ont ajouté ces sources": unnamed sources relayed in an incise
    statements = _extract(extractor, "Nissan se méfie de Geely, ont indiqué des sources proches du dossier.", "fr")
    assert [s.key() for s in statements] == [("Nissan", "distrusts", "Geely", "affirmed")]
    assert statements[0].attributedTo == UNNAMED_SOURCES


# ------------------------------------------------------------------ property

PIECES = [
    "Nissan", "Renault", "Geely", "Aramco", "Horse", "Ampere", "Toyota", "Xpeng", "Volkswagen", "e-Power",
    " se méfie de ", " détient 43 % de ", " n'a pas l'intention d'investir dans ", " envisagerait ",
    ", selon des sources proches du dossier", ", le constructeur japonais, ", " et ", ". ", "\n\n",
    "date 2023-04 ", " is wary of ", " will invest $700 million in ", ", people familiar with the matter said",
    "l'Alliance Renault-Nissan-Mitsubishi", "la joint-venture de Renault avec Geely", "«", "»", " qui ",
    "15 %", "la filiale électrique de ", "\u00a0", "\u200b", "\ufeff", "\r\n", "\t",
]
LEADS = ["", "Le constructeur et le groupe sont dans la ville, ", "The carmaker and the group are in the city, "]
_chars = st.characters(exclude_categories=("Cs",))
_control = st.text(alphabet=st.characters(categories=("Cc", "Cf", "Zs", "Zl", "Zp")), max_size=6)
_long_token = st.builds(lambda c, n: c * n, _chars, st.integers(100, 3000))
_chunk = st.one_of(st.sampled_from(PIECES), st.text(alphabet=_chars, max_size=40), _control, _long_token)
_texts = st.builds(lambda lead, parts: lead + "".join(parts), st.sampled_from(LEADS), st.lists(_chunk, max_size=30))


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts)
def test_any_text_extracts_without_error_and_offsets_hold(extractor, text):
    article = article_from_text(text, doc="fuzz")
    assert article.text[article.body_offset:] == article.body
    result = extractor.extract(article)
    assert result.article is article
    assert result.skipped is None or result.statements == []
    for s in result.statements:
        assert 0 <= s.start <= s.end <= len(text), s
        assert s.evidence == text[s.start:s.end], s
        assert s.start >= article.body_offset
        assert Statement.from_json(s.to_json()) == s


def test_extraction_terminates_when_a_description_follows_its_name():
    """Regression: a stand-in mention ("Nissan, le constructeur japonais,") ends before the
    description tokens it covers; the word-order reader once stepped back to it forever.
    This dev article hung before the fix."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    article = root / "examples" / "corpus" / "dev" / "fr_01_renault_nissan_reequilibrage.txt"
    done = subprocess.run([sys.executable, "-m", "alliance_kg", "extract", str(article)],
                          cwd=root, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") > 5


def test_extraction_terminates_when_climbing_reaches_the_root():
    """Regression: spaCy makes a new Token object on each access, so ``token.head is token``
    never held at the root and a climb through a relative clause looped forever."""
    import subprocess
    import sys

    code = ("from alliance_kg.articles import article_from_text\n"
            "from alliance_kg.extract import extract_article\n"
            "text = \"Mitsubishi Motors, dont Nissan est le premier actionnaire, étudie de son côté "
            "la possibilité de rejoindre l'ensemble.\"\n"
            "print(len(extract_article(article_from_text(text, doc='x'))))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr


def test_a_tie_the_sentence_says_was_called_off_is_never_affirmed():
    """Regression (dev article en_13): the merger was planned, then called off in the same sentence."""
    from alliance_kg.articles import article_from_text
    from alliance_kg.extract import extract_article

    text = ("Mitsubishi had considered joining the planned merger of Nissan and Honda, but dropped "
            "the idea after the two companies called off their talks in February.")
    statements = extract_article(article_from_text(text, doc="x"))
    assert not [s for s in statements if s.predicate == "mergesWith" and s.polarity == "affirmed"]
