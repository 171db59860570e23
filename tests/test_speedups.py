"""The shortcuts taken for speed give what spaCy gives.

Each is compared with spaCy's own answer on the development articles (real
model, real texts).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from alliance_kg.articles import read_article
from alliance_kg.nlp.pipeline import load_pipeline
from alliance_kg.nlp.sentindex import drop_sentence_index, index_sentences

DEV = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "dev"


def _parsed(lang: str, limit: int = 6):
    """Return parsed dev articles of ``lang`` (spaCy's components only, ours disabled)."""
    nlp = load_pipeline(lang)
    ours = [name for name in nlp.pipe_names if name.startswith("alliance_") and name != "alliance_space_boundaries"]
    bodies = [a.body for a in map(read_article, sorted(DEV.glob(f"*{lang}*.txt"))) if a.lang == lang][:limit]
    with nlp.select_pipes(disable=ours):
        return nlp, list(nlp.pipe(bodies))


@pytest.fixture(scope="module")
def french():
    return _parsed("fr")


@pytest.fixture(scope="module")
def english():
    return _parsed("en")


def _sentences_by_spacy(doc):
    tokens = [(t.sent.start, t.sent.end) for t in doc]
    spans = [(doc[i:j].sent.start, doc[i:j].sent.end) for i in range(0, len(doc), 3) for j in (i, i + 1, i + 5)
             if j <= len(doc)]
    return tokens, spans


@pytest.mark.parametrize("which", ["french", "english"])
def test_the_sentence_index_gives_the_sentences_spacy_gives(which, request):
    _, docs = request.getfixturevalue(which)
    for doc in docs:
        expected = _sentences_by_spacy(doc)
        index_sentences(doc)
        assert "sent" in doc.user_token_hooks
        assert _sentences_by_spacy(doc) == expected
        drop_sentence_index(doc)
        assert "sent" not in doc.user_token_hooks and "sent" not in doc.user_span_hooks


def test_the_sentence_index_leaves_other_hooks_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("One. Two.")
    mine = doc.user_token_hooks["sent"] = lambda token: doc[:]
    index_sentences(doc)  # a hook is there already: not replaced
    drop_sentence_index(doc)
    assert doc.user_token_hooks["sent"] is mine
    assert index_sentences(nlp("")) is None  # an empty document has no sentence to list
