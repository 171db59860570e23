"""The worker processes of one multiprocessing ``nlp.pipe`` (``--jobs N``), ended safely whatever happens."""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.util
import os
import signal
import threading
import warnings

from spacy.language import Language


def _queues() -> list:
    from multiprocessing.queues import Queue  # noqa: PLC0415

    return [obj for obj in gc.get_objects() if isinstance(obj, Queue)]


def _queue_ids() -> set[int]:
    return {id(queue) for queue in _queues()}


class PipeWorkers:
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
        multiprocessing.util.register_after_fork(self._guard, PipeWorkers._in_worker)
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
