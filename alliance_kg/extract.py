"""Extract statements from articles: text -> spaCy Doc -> :class:`Statement`.

>>> from alliance_kg.articles import article_from_text
>>> article = article_from_text("Nissan se méfie de Geely.", doc="demo")
>>> [s.key() for s in extract_article(article)]
[('Nissan', 'distrusts', 'Geely', 'affirmed')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from alliance_kg.articles import Article
from alliance_kg.nlp.pipeline import SUPPORTED, load_pipeline
from alliance_kg.statement import COOPERATION, Statement

MORE_SPECIFIC = {"jointVenture", "mergesWith"}
MODALITY_RANK = {"asserted": 0, "planned": 1, "speculative": 2}


@dataclass
class Result:
    """What extraction made of one article: its statements, or why it was skipped."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    skipped: str | None = None


def statements_from_doc(article: Article, doc) -> list[Statement]:
    """Turn the ``doc._.relations`` of a parsed article body into Statements."""
    offset = article.body_offset
    found: dict[tuple, Statement] = {}
    for rel in doc._.relations or []:
        start, end = offset + rel.sent_start, offset + rel.sent_end
        statement = Statement(
            doc=article.doc, subject=rel.subject.name, subject_iri=rel.subject.iri,
            predicate=rel.predicate, object=rel.object.name, object_iri=rel.object.iri,
            polarity=rel.polarity, modality=rel.modality, attributedTo=rel.attributed_to,
            share=rel.share, evidence=article.text[start:end], start=start, end=end,
            date=article.date, lang=article.lang,
        )
        key = (*statement.key(), start)
        kept = found.get(key)
        if kept is None or MODALITY_RANK[statement.modality] < MODALITY_RANK[kept.modality]:
            found[key] = statement
    return _most_specific(sorted(found.values(), key=lambda s: (s.start, s.predicate, s.subject, s.object)))


def _most_specific(statements: list[Statement]) -> list[Statement]:
    """Drop ``partnerOf`` where the article states a joint venture or merger of the pair."""
    specific = {frozenset((s.subject_iri, s.object_iri)) for s in statements
                if s.predicate in MORE_SPECIFIC and s.polarity == "affirmed"}
    return [s for s in statements
            if not (s.predicate == "partnerOf" and frozenset((s.subject_iri, s.object_iri)) in specific)]


class Extractor:
    """Load each language's pipeline once and extract statements from articles."""

    def __init__(self, model: str | None = None, batch_size: int = 32, n_process: int = 1) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process

    def pipeline(self, lang: str):
        """Return the spaCy pipeline used for ``lang``."""
        model = self.model if self.model and lang == "en" or (self.model and self.model.startswith(lang)) else None
        return load_pipeline(lang, model)

    def extract(self, article: Article) -> Result:
        """Return the statements of one article."""
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Yield one Result per article, in input order, parsing in batches."""
        articles = list(articles)
        results: dict[int, Result] = {}
        by_lang: dict[str, list[int]] = {}
        for index, article in enumerate(articles):
            if article.lang not in SUPPORTED:
                what = f"language {article.lang!r}" if article.lang else "no language recognised"
                results[index] = Result(article, skipped=f"{what}: alliance-kg reads French and English")
            elif not article.body.strip():
                results[index] = Result(article, skipped="empty article")
            else:
                by_lang.setdefault(article.lang, []).append(index)
        for lang, indices in sorted(by_lang.items()):
            nlp = self.pipeline(lang)
            texts = (articles[i].body for i in indices)
            docs = nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process)
            for index, doc in zip(indices, docs):
                results[index] = Result(articles[index], statements_from_doc(articles[index], doc))
        for index in range(len(articles)):
            yield results[index]


def extract_article(article: Article, model: str | None = None) -> list[Statement]:
    """Return the statements of one article (convenience wrapper)."""
    return Extractor(model=model).extract(article).statements


__all__ = ["COOPERATION", "Extractor", "Result", "extract_article", "statements_from_doc"]
