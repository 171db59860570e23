"""Extract statements from articles: text -> spaCy Doc -> :class:`Statement`.

>>> from alliance_kg.articles import article_from_text
>>> article = article_from_text("Nissan se méfie de Geely.", doc="demo")
>>> [s.key() for s in extract_article(article)]
[('Nissan', 'distrusts', 'Geely', 'affirmed')]

:meth:`Extractor.extract_many` streams: it reads articles lazily, sends each
language's bodies through one ``nlp.pipe`` (one pipeline per language, loaded
once), and yields one :class:`Result` per article, in input order, as soon as
the batch holding it is parsed. With ``n_process > 1`` spaCy parses in worker
processes; the last component of the pipeline, ``alliance_plain_relations``,
turns ``doc._.relations`` (Python objects that spaCy cannot send back from a
worker) into plain tuples in ``doc.user_data``, so one job or several give the
same statements. A body longer than ``max_chars`` is parsed in pieces cut at
paragraph boundaries, offsets shifted back, so spaCy's ``max_length`` is
never reached; long pieces go through a pipe of smaller batches, in this
process, so that memory stays bounded whatever the length of an article.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language

from alliance_kg.articles import Article
from alliance_kg.kb import load_kb
from alliance_kg.nlp.pipeline import load_pipeline
from alliance_kg.nlp.plain import (  # noqa: F401 - re-exported
    PLAIN_COMPONENT, PLAIN_KEY, PlainRelations, plain_relation, with_plain_relations,
)
from alliance_kg.nlp.to_statements import statements_from_doc, statements_from_records  # noqa: F401
from alliance_kg.pieces import BATCH_CHARS, LONG_CHARS, MAX_CHARS, skip_reason, split_body  # noqa: F401
from alliance_kg.pipe_stream import Entry, PipeStream, Result, Unit
from alliance_kg.ranges import within_range
from alliance_kg.statement import COOPERATION, Statement  # noqa: F401 - COOPERATION: re-exported

#: Articles per ``nlp.pipe`` batch: measured by ``benchmarks/bench_extract.py`` (README, "Speed").
DEFAULT_BATCH_SIZE = 32


class Extractor:
    """Load each language's pipeline once and extract statements from articles.

    ``batch_size`` is the number of texts per ``nlp.pipe`` batch,
    ``n_process`` the number of spaCy worker processes, ``max_chars`` the
    longest piece of a body parsed at once; pieces longer than ``long_chars``
    go through a second pipe, in this process, in batches of about
    ``batch_size * BATCH_CHARS`` characters.
    """

    def __init__(self, model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE, n_process: int = 1,
                 max_chars: int = MAX_CHARS, long_chars: int = LONG_CHARS) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.max_chars = max_chars
        self.long_chars = long_chars

    def pipeline(self, lang: str) -> Language:
        """Return the spaCy pipeline used for ``lang`` (loaded once per process)."""
        model = self.model if self.model and lang == "en" or (self.model and self.model.startswith(lang)) else None
        return with_plain_relations(load_pipeline(lang, model))

    def _stream(self, lang: str, long: bool, pull) -> PipeStream:
        nlp = self.pipeline(lang)
        if long:  # few and big: small batches, in this process
            return PipeStream(nlp, pull, max(1, self.batch_size * BATCH_CHARS // self.max_chars), 1)
        # the rule-based English pipeline gets workers too: its own components are most of its time (with a
        # second pipe's workers for English, --jobs 2 went from 1.54x to 1.62x faster than one job)
        return PipeStream(nlp, pull, self.batch_size, self.n_process)

    def extract(self, article: Article) -> Result:
        """Return the statements of one article (parsed in this process)."""
        single = Extractor(self.model, self.batch_size, 1, self.max_chars, self.long_chars)
        return list(single.extract_many([article]))[0]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Yield one Result per article, in input order, as soon as its batch is parsed.

        ``articles`` is read lazily (a generator of thousands of files is
        fine): only the articles of the batches in progress are held. A
        statement whose subject or object is of a kind its predicate does not
        take is dropped (:mod:`alliance_kg.ranges`).
        """
        source = iter(articles)
        kb = load_kb()
        order: deque[Entry] = deque()
        streams: dict[tuple[str, bool], PipeStream] = {}  # (language, long pieces?) -> stream

        def pull() -> bool:
            try:
                article = next(source)
            except StopIteration:
                return False
            entry = Entry(article, skipped=skip_reason(article))
            order.append(entry)
            if entry.skipped is None:
                for start, end in split_body(article.text, article.body_offset, self.max_chars):
                    key = (article.lang, end - start > self.long_chars)
                    stream = streams.get(key)
                    if stream is None:
                        stream = streams[key] = self._stream(article.lang, key[1], pull)
                    stream.queue.append(Unit(entry, start, end))
                    entry.streams.append(stream)
                    entry.pending += 1
            return True

        try:
            while order or pull():
                entry = order[0]
                for stream in entry.streams:  # each stream gives its units in order: these are the next
                    unit, records, error = stream.next_unit()
                    unit.entry.receive(unit.offset, records, error)
                order.popleft()
                result = entry.result()
                yield replace(result, statements=within_range(result.statements, kb))
        finally:
            for stream in streams.values():
                stream.close()


def extract_article(article: Article, model: str | None = None) -> list[Statement]:
    """Return the statements of one article (convenience wrapper)."""
    return Extractor(model=model).extract(article).statements


__all__ = ["BATCH_CHARS", "COOPERATION", "DEFAULT_BATCH_SIZE", "LONG_CHARS", "MAX_CHARS", "PLAIN_COMPONENT",
           "PLAIN_KEY", "Extractor", "PlainRelations", "Result", "extract_article", "plain_relation",
           "skip_reason", "split_body", "statements_from_doc", "statements_from_records", "with_plain_relations"]
