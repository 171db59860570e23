"""Turn the plain relations of parsed documents into Statements (spaCy Doc -> Statement).

The records come from :mod:`alliance_kg.nlp.plain`, one list per parsed
piece of an article; offsets are shifted back to the article's text, the
same statement found twice keeps its firmest modality, and ``partnerOf``
gives way to a joint venture or merger of the same pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from alliance_kg.articles import Article
from alliance_kg.nlp.plain import PLAIN_KEY, plain_relation
from alliance_kg.nlp.records import article_labels
from alliance_kg.statement import Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

MORE_SPECIFIC = {"jointVenture", "mergesWith"}
MODALITY_RANK = {"asserted": 0, "planned": 1, "speculative": 2}


def statements_from_records(article: Article, pieces: Iterable[tuple[int, Iterable]]) -> list[Statement]:
    """Turn plain relations into Statements; ``pieces`` holds (offset in ``article.text``, records)."""
    found: dict[tuple, Statement] = {}
    for offset, records in pieces:
        for record in records:
            (subject, subject_iri, predicate, obj, object_iri, polarity, modality,
             attributed_to, share, sent_start, sent_end) = record
            start, end = offset + sent_start, offset + sent_end
            statement = Statement(
                doc=article.doc, subject=subject, subject_iri=subject_iri,
                predicate=predicate, object=obj, object_iri=object_iri,
                polarity=polarity, modality=modality, attributedTo=attributed_to,
                share=share, evidence=article.text[start:end], start=start, end=end,
                date=article.date, lang=article.lang,
            )
            key = (*statement.key(), start)
            kept = found.get(key)
            if kept is None or MODALITY_RANK[statement.modality] < MODALITY_RANK[kept.modality]:
                found[key] = statement
    return _most_specific(sorted(found.values(), key=lambda s: (s.start, s.predicate, s.subject, s.object)))


def statements_from_doc(article: Article, doc: Doc, offset: int | None = None) -> list[Statement]:
    """Turn the relations of a parsed article body into Statements.

    ``offset`` is where the doc's text starts in ``article.text`` (default:
    the body offset). Reads the plain relations when the pipeline has
    ``alliance_plain_relations``, else ``doc._.relations``.
    """
    records = doc.user_data.get(PLAIN_KEY)
    if records is None:
        labels = article_labels(doc)
        records = [plain_relation(rel, labels) for rel in (doc._.relations or [])]
    return statements_from_records(article, [(article.body_offset if offset is None else offset, records)])


def _most_specific(statements: list[Statement]) -> list[Statement]:
    """Drop ``partnerOf`` where the article states a joint venture or merger of the pair.

    The guidelines' annotators read "the most specific predicate only" over
    the whole article (measured: reading it sentence by sentence scores lower).
    """
    specific = {(frozenset((s.subject_iri, s.object_iri)), s.polarity) for s in statements
                if s.predicate in MORE_SPECIFIC}
    # a negated merger makes a negated partnership redundant ("walked away from merger talks with Honda"), but
    # not an affirmed one: they were partners and are not merging
    return [s for s in statements
            if not (s.predicate == "partnerOf"
                    and (frozenset((s.subject_iri, s.object_iri)), "affirmed") in specific)
            and not (s.predicate == "partnerOf" and s.polarity == "negated"
                     and (frozenset((s.subject_iri, s.object_iri)), "negated") in specific)]
