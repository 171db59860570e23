"""Shared by the one-sentence extraction tests: the (subject, predicate, object, polarity) tuples of a text."""

from __future__ import annotations

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor
from alliance_kg.kb import load_kb


def statement_keys(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    """Return the tuples the extractor gives ``text``, nationalities (``basedIn``) left out."""
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    return {(s.subject, s.predicate, s.object, s.polarity) for s in statements if s.predicate != "basedIn"}


def statement_modalities(extractor: Extractor, text: str) -> dict[tuple[str, str, str], str]:
    """Return each (subject, predicate, object) the extractor gives ``text`` with its modality."""
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    return {(s.subject, s.predicate, s.object): s.modality for s in statements}


def canonical_keys(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    """Return the (subject, predicate, object, polarity) tuples of an English ``text``, known companies by their
    canonical name (the statements name them as the sentence does, e.g. "Mitsubishi Motors"): the tests check the
    reading, not the naming."""
    article = article_from_text(text, doc="t")
    assert article.lang == "en", text
    result = extractor.extract(article)
    assert result.skipped is None
    kb = load_kb()

    def name(label: str, iri: str) -> str:
        entity = kb.get(iri)
        return entity.name if entity is not None else label

    return {(name(s.subject, s.subject_iri), s.predicate, name(s.object, s.object_iri), s.polarity)
            for s in result.statements}
