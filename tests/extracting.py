"""Shared by the one-sentence extraction tests: the (subject, predicate, object, polarity) tuples of a text."""

from __future__ import annotations

from alliance_kg.articles import article_from_text
from alliance_kg.extract import Extractor


def statement_keys(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    """Return the tuples the extractor gives ``text``, nationalities (``basedIn``) left out."""
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    return {(s.subject, s.predicate, s.object, s.polarity) for s in statements if s.predicate != "basedIn"}


def statement_modalities(extractor: Extractor, text: str) -> dict[tuple[str, str, str], str]:
    """Return each (subject, predicate, object) the extractor gives ``text`` with its modality."""
    statements = extractor.extract(article_from_text(text, doc="t")).statements
    return {(s.subject, s.predicate, s.object): s.modality for s in statements}
