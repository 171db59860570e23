"""Articles on their way through ``nlp.pipe``: one stream of pieces per language, results in order.

Each piece of an article body is a unit; a :class:`PipeStream` sends the
units of one language through one long-running ``nlp.pipe`` (in worker
processes with ``n_process > 1``) and gives back each unit's plain
relations in order; an :class:`Entry` gathers the pieces of one article
into its :class:`Result`. If the pipe fails, the units in flight are parsed
again one by one and the culprit is reported as skipped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from alliance_kg.articles import Article
from alliance_kg.nlp.plain import PLAIN_COMPONENT, PLAIN_KEY
from alliance_kg.nlp.to_statements import statements_from_records
from alliance_kg.pipe_workers import PipeWorkers
from alliance_kg.statement import Statement


@dataclass
class Result:
    """What extraction made of one article: its statements, or why it was skipped."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    skipped: str | None = None


@dataclass(eq=False)
class Entry:
    """One article on its way through the pipelines."""

    article: Article
    skipped: str | None = None
    pending: int = 0
    pieces: list = field(default_factory=list)
    streams: list = field(default_factory=list)  # the stream of each unit, in order

    def receive(self, offset: int, records: list | None, error: str | None) -> None:
        """Take the plain relations of the piece at ``offset``, or the error that piece met."""
        self.pending -= 1
        if error is not None:
            self.skipped = self.skipped or f"the NLP pipeline failed on it ({error})"
        else:
            self.pieces.append((offset, records))

    def result(self) -> Result:
        """Return the article's Result once every piece came back: its statements, or why it was skipped."""
        if self.skipped:
            return Result(self.article, skipped=self.skipped)
        return Result(self.article, statements_from_records(self.article, sorted(self.pieces, key=lambda p: p[0])))


@dataclass(eq=False)
class Unit:
    """One piece of one article body, as given to ``nlp.pipe``."""

    entry: Entry
    offset: int
    end: int

    @property
    def text(self) -> str:
        """Return the text of this piece."""
        return self.entry.article.text[self.offset:self.end]


def _last_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return (lines[-1] if lines else type(exc).__name__)[:300]


class PipeStream:
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
        self.queue: deque[Unit] = deque()
        self.inflight: deque[Unit] = deque()
        self.ready: deque[tuple[Unit, object, str | None]] = deque()
        self.docs = None
        self.workers: PipeWorkers | None = None
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
            self.workers = PipeWorkers(self.nlp)
        self.docs = self.nlp.pipe(self._feed(), batch_size=self.batch_size, n_process=self.n_process,
                                  component_cfg={PLAIN_COMPONENT: {"strip": self.n_process > 1}})

    def _end(self) -> None:
        """Forget the pipe (after it ended or failed) and its workers' handlers."""
        self.docs = None
        if self.workers is not None:
            self.workers.release()
            self.workers = None

    def next_unit(self) -> tuple[Unit, object, str | None]:
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
