"""The per-document lists of :mod:`alliance_kg.nlp.doctable` give what spaCy gives, token by token.

Compared on parsed development articles (real model, real texts) and on the
blank English pipeline, including the sentence lists of the sentence index.
"""

from __future__ import annotations


import pytest
from devdocs import parsed_dev

from alliance_kg.nlp.doctable import (
    doc_heads, doc_lowers, doc_parsed, doc_texts, doc_tokens, token_children,
)
from alliance_kg.nlp.pipeline import load_pipeline
from alliance_kg.nlp.sentindex import drop_sentence_index, index_sentences, sentence_numbers, sentences

def _parsed(lang: str, limit: int = 6):
    return parsed_dev(lang, limit)[1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_lists_are_spacy_s_answers(lang):
    for doc in _parsed(lang):
        assert [t.i for t in doc_tokens(doc)] == list(range(len(doc)))
        assert doc_lowers(doc) == [t.lower_ for t in doc]
        assert doc_texts(doc) == [t.text for t in doc]
        assert doc_parsed(doc) == doc.has_annotation("DEP")
        assert [[c.i for c in token_children(t)] for t in doc] == [[c.i for c in t.children] for t in doc]
        assert doc_heads(doc) == [t.head.i for t in doc]
        assert doc_tokens(doc) is doc_tokens(doc) and doc_lowers(doc) is doc_lowers(doc)


def test_the_lists_follow_the_document_asked_about():
    nlp = load_pipeline("en")
    first, second = nlp.make_doc("Renault buys Nissan"), nlp.make_doc("Geely and Volvo merge")
    assert doc_lowers(first)[0] == "renault"
    assert doc_lowers(second)[0] == "geely"
    assert doc_texts(first)[2] == "Nissan" and doc_tokens(second)[2].text == "Volvo"
    assert doc_lowers(nlp.make_doc("")) == [] and not doc_parsed(first)


def test_the_sentence_lists_are_doc_sents():
    for doc in _parsed("fr", limit=3):
        expected = [(s.start, s.end) for s in doc.sents]
        numbers = [k for k, s in enumerate(doc.sents) for _ in range(s.start, s.end)]
        assert [(s.start, s.end) for s in sentences(doc)] == expected and sentence_numbers(doc) == numbers
        index_sentences(doc)
        assert [(s.start, s.end) for s in sentences(doc)] == expected and sentence_numbers(doc) == numbers
        drop_sentence_index(doc)


def test_the_per_token_answers_are_the_functions_answers():
    from alliance_kg.nlp import syntax, syntax_clauses

    for doc in _parsed("fr", limit=3):
        for module, name in (
            (syntax, "case_of"),
            (syntax, "is_passive"),
            (syntax, "conjuncts"),
            (syntax_clauses, "in_relative_clause"),
        ):
            once = getattr(module, name)
            assert [once(t) for t in doc] == [once.__wrapped__(t) for t in doc] == [once(t) for t in doc], name


def test_the_lists_of_a_batch_are_kept_until_forgotten():
    from alliance_kg.nlp import doctable

    nlp = load_pipeline("en")
    docs = [nlp.make_doc(f"Renault buys Nissan {k}") for k in range(3)]
    lists = [doc_tokens(doc) for doc in docs]
    lowers = [doc_lowers(doc) for doc in docs]
    # the next component asks again, document after document: the same lists, not new ones
    assert all(doc_tokens(doc) is kept for doc, kept in zip(docs, lists))
    assert all(doc_lowers(doc) is kept for doc, kept in zip(docs, lowers))
    doctable.forget(docs[0])
    doc_tokens(docs[1])  # another document asked for in between
    again = doc_tokens(docs[0])
    assert again is not lists[0] and [t.i for t in again] == [0, 1, 2, 3]
    many = [nlp.make_doc("Geely") for _ in range(doctable.KEPT_DOCS + 5)]
    for doc in many:
        doc_tokens(doc)
    assert len(doctable._kept) <= doctable.KEPT_DOCS  # bounded whatever the batch size


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_shortcuts_give_spacy_s_answers(lang):
    from alliance_kg.nlp.doctable import doc_ents, morph_values, span_text

    nlp = load_pipeline(lang)
    finder = nlp.get_pipe("alliance_mentions")
    for doc in _parsed(lang, limit=4):
        fields = ("Number", "Tense", "VerbForm", "PronType", "Mood", "Gender", "Poss", "Polarity")
        assert all(morph_values(t, f) == t.morph.get(f) for t in doc for f in fields)
        assert doc_ents(doc) == doc.ents
        n = len(doc)
        assert all(span_text(doc, a, b) == doc[a:b].text for a in range(0, n, 7) for b in range(a, min(n, a + 9) + 1))
        # the gazetteer read from the phrase matcher: the ruler's own spans, in its order
        assert finder._gazetteer(doc) == [(s.start, s.end, s.id_) for s in finder.ruler.match(doc)]
