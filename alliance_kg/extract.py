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

import gc
import multiprocessing
import multiprocessing.util
import os
import signal
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from alliance_kg.articles import Article
from alliance_kg.nlp.pipeline import SUPPORTED, load_pipeline
from alliance_kg.nlp.records import article_labels
from alliance_kg.statement import COOPERATION, Statement

MORE_SPECIFIC = {"jointVenture", "mergesWith"}
MODALITY_RANK = {"asserted": 0, "planned": 1, "speculative": 2}
PLAIN_COMPONENT = "alliance_plain_relations"
PLAIN_KEY = "alliance_kg.relations"
#: Longest piece of an article body given to spaCy at once (characters): above
#: nearly every news article, far below spaCy's ``nlp.max_length`` (1,000,000).
MAX_CHARS = 20_000
#: A piece longer than this goes through a second pipe whose batches hold about as
#: many characters as a batch of articles (:data:`BATCH_CHARS` per article of the
#: batch size): a batch of 32 pieces of 20,000 characters would need gigabytes.
LONG_CHARS = 8_000
BATCH_CHARS = 4_000
#: Articles per ``nlp.pipe`` batch: measured by ``benchmarks/bench_extract.py`` (README, "Speed").
DEFAULT_BATCH_SIZE = 32


@dataclass
class Result:
    """What extraction made of one article: its statements, or why it was skipped."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    skipped: str | None = None


# ------------------------------------------------------------ plain relations

def plain_relation(rel, labels: dict[str, str] | None = None) -> tuple:
    """Return a ``doc._.relations`` item as a tuple of str, float and int (picklable, msgpack-able).

    ``labels`` (from :func:`article_labels`) names the organisations as the article does.
    """
    labels = labels or {}
    return (labels.get(rel.subject.iri, rel.subject.name), rel.subject.iri, rel.predicate,
            labels.get(rel.object.iri, rel.object.name), rel.object.iri,
            rel.polarity, rel.modality, rel.attributed_to, rel.share, rel.sent_start, rel.sent_end)


class PlainRelations:
    """The last pipeline component: ``doc._.relations`` as plain tuples in ``doc.user_data``.

    Called with ``strip=True`` (through ``component_cfg``, in a worker
    process) it returns an empty Doc that carries only those tuples: the
    parsed Doc holds Python objects spaCy cannot serialise
    (``doc._.mentions``, ``_.descriptions``, ``_.relations``), and the main
    process needs nothing else from it, so nothing else is sent back.
    """

    def __call__(self, doc, strip: bool = False):
        labels = article_labels(doc)
        records = [plain_relation(rel, labels) for rel in (doc._.relations or [])]
        if strip:
            doc = Doc(doc.vocab, words=[])
        doc.user_data[PLAIN_KEY] = records
        return doc


@Language.factory(PLAIN_COMPONENT)
def make_plain_relations(nlp: Language, name: str) -> PlainRelations:
    """Create the ``alliance_plain_relations`` component (see :class:`PlainRelations`)."""
    return PlainRelations()


def with_plain_relations(nlp: Language) -> Language:
    """Add ``alliance_plain_relations`` at the end of ``nlp`` (once) and return ``nlp``."""
    if PLAIN_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PLAIN_COMPONENT, last=True)
    return nlp


# ----------------------------------------------------------------- statements

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


def statements_from_doc(article: Article, doc, offset: int | None = None) -> list[Statement]:
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
    specific = {frozenset((s.subject_iri, s.object_iri)) for s in statements
                if s.predicate in MORE_SPECIFIC and s.polarity == "affirmed"}
    return [s for s in statements
            if not (s.predicate == "partnerOf" and frozenset((s.subject_iri, s.object_iri)) in specific)]


# --------------------------------------------------------------------- pieces

_CUTS = ("\n\n", "\n", ". ", " ")


def split_body(text: str, start: int = 0, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the pieces of ``text[start:]`` to parse, each at most ``max_chars`` long.

    Cuts fall after a blank line when possible, else after a line end, a
    sentence end, a space, and only as a last resort inside a word. Pieces of
    white space only are left out (nothing to extract there).

    >>> text = "Renault.\\n\\nNissan.\\n\\n\\n\\nGeely."
    >>> [text[a:b] for a, b in split_body(text, 0, 12)]
    ['Renault.\\n\\n', 'Nissan.\\n\\n\\n\\n', 'Geely.']
    >>> split_body("abcdefgh", 0, 3)
    [(0, 3), (3, 6), (6, 8)]
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    pieces: list[tuple[int, int]] = []
    pos, length = start, len(text)
    while pos < length:
        end = min(pos + max_chars, length)
        if end < length:
            for cut in _CUTS:
                found = text.rfind(cut, pos, end)
                if found > pos:
                    end = found + len(cut)
                    break
        if text[pos:end].strip():
            pieces.append((pos, end))
        pos = end
    return pieces


def skip_reason(article: Article) -> str | None:
    """Return why ``article`` is not parsed (unreadable, empty, other language), or None."""
    if article.problem:
        return article.problem
    if not article.text.strip():
        return "empty file"
    if not article.body.strip():
        return "no text after the date line"
    if article.lang not in SUPPORTED:
        what = f"language {article.lang!r}" if article.lang else "no language recognised"
        return f"{what}: alliance-kg reads French and English"
    return None


# ------------------------------------------------------------------ streaming

@dataclass(eq=False)
class _Entry:
    """One article on its way through the pipelines."""

    article: Article
    skipped: str | None = None
    pending: int = 0
    pieces: list = field(default_factory=list)
    streams: list = field(default_factory=list)  # the stream of each unit, in order

    def receive(self, offset: int, records, error: str | None) -> None:
        self.pending -= 1
        if error is not None:
            self.skipped = self.skipped or f"the NLP pipeline failed on it ({error})"
        else:
            self.pieces.append((offset, records))

    def result(self) -> Result:
        if self.skipped:
            return Result(self.article, skipped=self.skipped)
        return Result(self.article, statements_from_records(self.article, sorted(self.pieces, key=lambda p: p[0])))


@dataclass(eq=False)
class _Unit:
    """One piece of one article body, as given to ``nlp.pipe``."""

    entry: _Entry
    offset: int
    end: int

    @property
    def text(self) -> str:
        return self.entry.article.text[self.offset:self.end]


def _last_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return (lines[-1] if lines else type(exc).__name__)[:300]


def _queues() -> list:
    from multiprocessing.queues import Queue  # noqa: PLC0415

    return [obj for obj in gc.get_objects() if isinstance(obj, Queue)]


def _queue_ids() -> set[int]:
    return {id(queue) for queue in _queues()}


class _Workers:
    """The worker processes of one multiprocessing ``nlp.pipe``, ended safely whatever happens.

    spaCy's pipe joins its workers when it stops early (Ctrl-C, an error, the
    reader closing the stream); a worker blocked sending a finished batch to
    a main process that no longer reads would then wait for ever, and the
    main process with it. So while the pipe runs: the workers ignore SIGINT
    (set after fork), Ctrl-C in the main process first terminates them, and
    so does the error handler spaCy calls in the main process when a worker
    failed; :meth:`stop` terminates them before the pipe is closed.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.pid = os.getpid()
        self.before = set(multiprocessing.active_children())
        self.queues_before = _queue_ids()
        self.own: list | None = None
        self.stopped = False
        self._guard = self  # registered below; alive as long as this object
        multiprocessing.util.register_after_fork(self._guard, _Workers._in_worker)
        self._handler = nlp.default_error_handler
        nlp.default_error_handler = self._on_error
        self._sigint = None
        if threading.current_thread() is threading.main_thread():
            previous = signal.getsignal(signal.SIGINT)
            if previous not in (signal.SIG_IGN, None):
                self._sigint = previous
                signal.signal(signal.SIGINT, self._on_sigint)

    @staticmethod
    def _in_worker(_self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's business

    def _on_sigint(self, signum, frame) -> None:
        self.stop()
        if callable(self._sigint):
            self._sigint(signum, frame)
        raise KeyboardInterrupt

    def _on_error(self, proc_name, proc, docs, error) -> None:
        if proc is None and os.getpid() == self.pid:  # a worker failed: spaCy is about to join them all
            self.stop()
        raise error

    def started(self) -> None:
        """Remember which processes are this pipe's (called once its first result came back)."""
        if self.own is None:
            self.own = [p for p in multiprocessing.active_children() if p not in self.before]

    def stop(self) -> None:
        """Terminate the workers (their results are not wanted any more)."""
        if os.getpid() != self.pid or self.stopped:
            return
        self.stopped = True
        warnings.filterwarnings("ignore", message=r".*\[W127\]")  # "a worker exited abnormally": we ended it
        own = self.own if self.own is not None else \
            [p for p in multiprocessing.active_children() if p not in self.before]
        for process in own:
            if process.is_alive():
                process.terminate()
        # the pipe's feeder threads may still hold texts for the ended workers: at exit, Python
        # would wait for them for ever (the multiprocessing.Queue caveat)
        for queue in _queues():
            if id(queue) not in self.queues_before:
                queue.cancel_join_thread()

    def release(self) -> None:
        """Put back the error handler and the Ctrl-C handler."""
        if os.getpid() != self.pid:
            return
        if self.nlp.default_error_handler == self._on_error:
            self.nlp.default_error_handler = self._handler
        if self._sigint is not None and signal.getsignal(signal.SIGINT) == self._on_sigint:
            signal.signal(signal.SIGINT, self._sigint)
        self._guard = None


class _Stream:
    """The units of one language through one long-running ``nlp.pipe``, in order.

    ``queue`` receives the units to parse (filled by the router); ``inflight``
    holds those handed to spaCy but not yet returned. If the pipe raises, the
    units in flight are parsed again one by one (the culprit is reported as
    skipped) and a new pipe takes over the rest of the stream.
    """

    def __init__(self, nlp: Language, pull, batch_size: int, n_process: int) -> None:
        self.nlp = nlp
        self.pull = pull
        self.batch_size = batch_size
        self.n_process = n_process
        self.queue: deque[_Unit] = deque()
        self.inflight: deque[_Unit] = deque()
        self.ready: deque[tuple[_Unit, object, str | None]] = deque()
        self.docs = None
        self.workers: _Workers | None = None
        self.exhausted = False
        self.feed_error: BaseException | None = None

    def _feed(self) -> Iterator[str]:
        while True:
            while not self.queue:
                try:
                    more = self.pull()
                except BaseException as exc:  # an input error, not a parse error: it must propagate
                    self.feed_error = exc
                    raise
                if not more:
                    self.exhausted = True
                    return
            unit = self.queue.popleft()
            self.inflight.append(unit)
            yield unit.text

    def _start(self) -> None:
        if self.n_process > 1:
            self.workers = _Workers(self.nlp)
        self.docs = self.nlp.pipe(self._feed(), batch_size=self.batch_size, n_process=self.n_process,
                                  component_cfg={PLAIN_COMPONENT: {"strip": self.n_process > 1}})

    def _end(self) -> None:
        """Forget the pipe (after it ended or failed) and its workers' handlers."""
        self.docs = None
        if self.workers is not None:
            self.workers.release()
            self.workers = None

    def next_unit(self) -> tuple[_Unit, object, str | None]:
        """Return the next unit of this language with its plain relations (or its error)."""
        if self.ready:
            return self.ready.popleft()
        if self.docs is None:
            self._start()
        try:
            doc = next(self.docs)
        except StopIteration:
            self._end()
            raise RuntimeError("the spaCy pipe ended before every article was parsed") from None
        except (KeyboardInterrupt, SystemExit, MemoryError):
            self.close()
            raise
        except Exception as exc:  # noqa: BLE001 - find the culprit, skip it, go on
            self._end()
            if self.feed_error is not None:
                raise self.feed_error from None
            self._recover(_last_line(exc))
            return self.next_unit()
        if self.workers is not None:
            self.workers.started()
        return self.inflight.popleft(), doc.user_data.get(PLAIN_KEY, []), None

    def _recover(self, reason: str) -> None:
        """Parse the units that were in flight one at a time; a unit that fails again gets the error."""
        while self.inflight:
            unit = self.inflight.popleft()
            try:
                doc = self.nlp(unit.text)
            except (KeyboardInterrupt, SystemExit, MemoryError):
                raise
            except Exception as exc:  # noqa: BLE001 - this unit is the culprit
                self.ready.append((unit, None, _last_line(exc) or reason))
                continue
            self.ready.append((unit, doc.user_data.get(PLAIN_KEY, []), None))
        if not self.ready:
            raise RuntimeError(f"the spaCy pipe failed: {reason}")

    def close(self) -> None:
        """End the pipe: let it finish when all was read, else stop its workers first."""
        if self.docs is None:
            return
        try:
            if self.workers is not None:
                if self.exhausted and not self.inflight and self.feed_error is None:
                    for _ in self.docs:  # nothing left: the workers get their end sentinel and exit
                        pass
                else:
                    self.workers.stop()
            self.docs.close()
        finally:
            self._end()


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

    def _jobs(self, nlp: Language) -> int:
        """Worker processes for ``nlp``: none for a rule-based pipeline (nothing heavy to share out)."""
        trained = any(name in nlp.pipe_names for name in ("tok2vec", "parser", "tagger", "transformer"))
        return self.n_process if trained else 1

    def _stream(self, lang: str, long: bool, pull) -> _Stream:
        nlp = self.pipeline(lang)
        if long:  # few and big: small batches, in this process
            return _Stream(nlp, pull, max(1, self.batch_size * BATCH_CHARS // self.max_chars), 1)
        return _Stream(nlp, pull, self.batch_size, self._jobs(nlp))

    def extract(self, article: Article) -> Result:
        """Return the statements of one article (parsed in this process)."""
        single = Extractor(self.model, self.batch_size, 1, self.max_chars, self.long_chars)
        return list(single.extract_many([article]))[0]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Yield one Result per article, in input order, as soon as its batch is parsed.

        ``articles`` is read lazily (a generator of thousands of files is
        fine): only the articles of the batches in progress are held.
        """
        source = iter(articles)
        order: deque[_Entry] = deque()
        streams: dict[tuple[str, bool], _Stream] = {}  # (language, long pieces?) -> stream

        def pull() -> bool:
            try:
                article = next(source)
            except StopIteration:
                return False
            entry = _Entry(article, skipped=skip_reason(article))
            order.append(entry)
            if entry.skipped is None:
                for start, end in split_body(article.text, article.body_offset, self.max_chars):
                    key = (article.lang, end - start > self.long_chars)
                    stream = streams.get(key)
                    if stream is None:
                        stream = streams[key] = self._stream(article.lang, key[1], pull)
                    stream.queue.append(_Unit(entry, start, end))
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
                yield entry.result()
        finally:
            for stream in streams.values():
                stream.close()


def extract_article(article: Article, model: str | None = None) -> list[Statement]:
    """Return the statements of one article (convenience wrapper)."""
    return Extractor(model=model).extract(article).statements


__all__ = ["COOPERATION", "DEFAULT_BATCH_SIZE", "MAX_CHARS", "Extractor", "Result", "extract_article",
           "skip_reason", "split_body", "statements_from_doc", "statements_from_records"]
