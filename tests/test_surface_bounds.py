"""The boundaries of appositions and lists read from the words (alliance_kg/nlp/surface_bounds.py).

The English blank pipeline, real lexicon, sentences written for the tests;
the mentions come from the pipeline's own gazetteer.
"""

from __future__ import annotations

import pytest

from alliance_kg.lexicon import load_lexicon
from alliance_kg.nlp.pipeline import load_pipeline
from alliance_kg.nlp.surface import SurfaceReader


@pytest.fixture(scope="module")
def english():
    """The English pipeline and a word-order reader with the English lexicon."""
    return load_pipeline("en"), SurfaceReader(load_lexicon(), "en")


def _read(english, text: str):
    nlp, reader = english
    doc = nlp(text)
    mention_at = {i: m for m in doc._.mentions for i in range(m.start, m.end)}
    return doc, reader, mention_at


def test_an_apposition_with_a_complement_follows_a_name(english):
    doc, reader, mention_at = _read(english, "BMW works with Toyota, a longtime rival of Volkswagen, on hydrogen.")
    comma = [t.i for t in doc if t.text == ","][0]
    assert reader._apposition_follows(doc, comma, len(doc))
    doc, reader, mention_at = _read(english, "BMW works with Toyota, Nissan and Honda.")
    comma = [t.i for t in doc if t.text == ","][0]
    assert not reader._apposition_follows(doc, comma, len(doc))


def test_a_list_resumes_after_an_apposition_at_its_and(english):
    doc, reader, mention_at = _read(english, "Renault teamed up with Geely, the owner of Volvo, and Aramco.")
    comma = [t.i for t in doc if t.text == ","][0]
    resume = reader._list_resumes(doc, comma, len(doc), mention_at)
    assert mention_at[resume].name == "Aramco"


def test_a_name_before_a_unit_noun_names_a_unit(english):
    doc, reader, mention_at = _read(english, "Hyundai could become a supplier for the Alphabet unit.")
    alphabet = next(m for m in doc._.mentions if m.name == "Alphabet")
    assert reader._names_a_unit(doc, alphabet)


def test_the_names_coordinated_before_a_name_are_listed_with_it(english):
    doc, reader, mention_at = _read(english, "Renault and Nissan, which have been allies since 1999, disagree.")
    nissan = next(m for m in doc._.mentions if m.name == "Nissan")
    assert [m.name for m in reader.with_coordinated(nissan, doc, mention_at)] == ["Renault", "Nissan"]
