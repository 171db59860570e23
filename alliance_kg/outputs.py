"""Where a build writes: checked before any article is parsed, and the Oxigraph store opened and closed.

A folder that does not exist or cannot be written is an error at once, not
after an hour of parsing. No spaCy here (the store module is imported only
when a store is asked for).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset

from alliance_kg.errors import AllianceKGError
from alliance_kg.rdfio import format_for

STORE_SCHEME = "oxigraph:"


def check_writable(folder: str | Path, what: str = "output") -> None:
    """Raise AllianceKGError unless a file can be created in ``folder`` (tried, then removed)."""
    folder = Path(folder) if str(folder) else Path(".")
    if not folder.exists():
        raise AllianceKGError(f"{folder}: no such folder", f"create it first or choose another {what} path")
    if not folder.is_dir():
        raise AllianceKGError(f"{folder}: not a folder", f"choose another {what} path")
    try:
        fd, probe = tempfile.mkstemp(prefix=".alliance-kg-probe.", dir=folder)
    except OSError as exc:
        raise AllianceKGError(f"{folder}: cannot write there ({exc.strerror or exc})",
                              f"choose another {what} path") from None
    os.close(fd)
    os.unlink(probe)


def is_store(spec: object) -> bool:
    """Return True if ``spec`` names an Oxigraph store (``oxigraph:DIR``)."""
    return isinstance(spec, str) and spec.startswith(STORE_SCHEME)


def check_outputs(out_dir: Path | None, into: str | Path | None, store: str | None) -> None:
    """Raise AllianceKGError unless every output of a build can be written (before any article is parsed)."""
    if out_dir is None and into is None and store is None:
        raise AllianceKGError("nowhere to write", "give -o DIR, --into GRAPH or --store oxigraph:DIR")
    if into is not None and store is not None:
        raise AllianceKGError("give --into GRAPH or --store oxigraph:DIR, not both",
                              "a store is updated in place like --into")
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise AllianceKGError(f"{out_dir}: exists and is not a folder", "choose another -o")
        check_writable(out_dir if out_dir.exists() else out_dir.parent, "-o")
    if into is not None:
        into = Path(into)
        format_for(into)  # a suffix alliance-kg cannot write is an error now, not after the parsing
        if into.exists() and not into.is_file():
            raise AllianceKGError(f"{into}: not a graph file", "give a .ttl, .trig, .nt, .nq or .jsonld file")
        check_writable(into.parent, "--into")
    if store is not None and not is_store(store):
        raise AllianceKGError(f"{store!r} is not a store", f"write {STORE_SCHEME}DIR, e.g. {STORE_SCHEME}out/store")


def open_store(spec: str) -> Dataset:
    """Open (or create) the Oxigraph store ``spec`` as a Dataset; AllianceKGError if the support is missing."""
    try:
        from alliance_kg.store import open_dataset  # noqa: PLC0415 - optional: pyoxigraph/oxrdflib
    except ImportError as exc:
        raise AllianceKGError(f"--store needs the Oxigraph store support ({exc})",
                              "pip install oxrdflib pyoxigraph") from None
    return open_dataset(spec, create=True)


def close_store(ds: Dataset) -> None:
    """Close a store opened by :func:`open_store`."""
    from alliance_kg.store import close_dataset  # noqa: PLC0415

    close_dataset(ds)
