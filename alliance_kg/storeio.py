"""Open an Oxigraph store (``oxigraph:DIR``) as an rdflib Dataset, read it whole, fill it from a file.

A store is a RocksDB folder that Oxigraph reads in place, through
``oxrdflib``'s rdflib store (subclassed here so that terms read back keep
alliance-kg's literal forms, see :mod:`alliance_kg.storeterms`).
:func:`open_dataset` also accepts a graph file, loaded in memory, so the
commands take either.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from alliance_kg.errors import GraphError
from alliance_kg.storeterms import ox_quad, ox_term, rdf_quad

SCHEME = "oxigraph:"


def is_store_spec(spec: object) -> bool:
    """Return True when ``spec`` names an Oxigraph store (``oxigraph:DIR``), not a graph file."""
    return isinstance(spec, str) and spec.startswith(SCHEME)


def store_dir(spec: str) -> Path:
    """Return the folder of an ``oxigraph:DIR`` spec (GraphError when it names none)."""
    if not is_store_spec(spec):
        raise GraphError(f"{spec!r} is not a store", f"write {SCHEME}DIR")
    folder = spec[len(SCHEME):].strip()
    if not folder:
        raise GraphError(f"{spec!r} names no folder", f"write {SCHEME}DIR, e.g. {SCHEME}out/store")
    return Path(folder).expanduser()


def _is_store_folder(folder: Path) -> bool:
    return (folder / "CURRENT").is_file() and any(folder.glob("MANIFEST-*"))


# --------------------------------------------------------------------- the rdflib store

_STORE_CLASS = None


def _store_class() -> type:
    """Return the rdflib store class (oxrdflib's, reading terms in alliance-kg's forms); built on first use."""
    global _STORE_CLASS  # noqa: PLW0603 - a lazily built class: oxrdflib is imported only when needed
    if _STORE_CLASS is not None:
        return _STORE_CLASS
    try:
        from oxrdflib import OxigraphStore  # noqa: PLC0415
    except ImportError:  # pragma: no cover - a dependency of the package
        raise GraphError("the Oxigraph store needs the oxrdflib package", "pip install oxrdflib") from None

    class AllianceOxigraphStore(OxigraphStore):
        """oxrdflib's store, with plain literals kept plain and a clear error once closed."""

        alliance_native = True

        @property
        def _inner(self):  # noqa: ANN202 - pyoxigraph.Store
            store = getattr(self, "_store", None)
            if store is None:
                raise GraphError("the Oxigraph store is closed")
            return store

        def triples(self, triple_pattern, context=None):  # noqa: ANN001, ANN201 - rdflib's signature
            s, p, o = triple_pattern
            if any(isinstance(t, (Graph, tuple)) for t in (s, p, o)):  # quoted graphs: none in a store
                return iter(())
            try:
                pattern = (ox_term(s), ox_term(p), ox_term(o), ox_term(context))
            except GraphError:  # a term Oxigraph cannot hold matches nothing
                return iter(())
            store = self

            def found() -> Iterator:
                for quad in store._inner.quads_for_pattern(*pattern):
                    qs, qp, qo, qg = rdf_quad(quad)
                    yield (qs, qp, qo), iter((Graph(store=store, identifier=qg),))

            return found()

        def close(self, commit_pending_transaction: bool = False) -> None:  # noqa: ARG002, FBT001, FBT002
            store = getattr(self, "_store", None)
            if store is not None:
                try:
                    store.flush()
                except OSError:  # pragma: no cover - nothing left to flush
                    pass
            self._store = None

    _STORE_CLASS = AllianceOxigraphStore
    return _STORE_CLASS


def native_store(ds: object) -> object | None:
    """Return the pyoxigraph ``Store`` behind a store-backed Dataset, or None for an in-memory one."""
    store = getattr(ds, "store", None)
    if getattr(store, "alliance_native", False):
        return store._inner
    return None


def _open_native(folder: Path) -> object:
    import pyoxigraph as ox  # noqa: PLC0415

    try:
        return ox.Store(str(folder))
    except OSError as exc:
        text = str(exc)
        if "current process" in text:  # a closed store still referenced from a garbage cycle
            gc.collect()
            try:
                return ox.Store(str(folder))
            except OSError as again:
                text = str(again)
        if "lock" in text.lower():
            raise GraphError(f"{folder}: the Oxigraph store is locked: another process (or another command "
                             "in this one) has it open",
                             "wait for it to finish, or stop it, then run the command again") from None
        raise GraphError(f"{folder}: cannot open the Oxigraph store ({text.splitlines()[0] if text else exc})",
                         "check the folder; a store is the folder written by --store oxigraph:DIR") from None


def open_dataset(spec: str | Path, *, create: bool = True) -> Dataset:
    """Return the dataset named by ``spec``.

    ``oxigraph:DIR`` opens the persistent Oxigraph store in DIR (created when
    ``create`` and DIR does not exist or is empty) as an rdflib ``Dataset``;
    close it with :func:`close_dataset` (or use :func:`opened`) to release
    its lock. Anything else is a graph file, loaded in memory by
    :func:`alliance_kg.rdfio.load_graph`.
    """
    if not is_store_spec(spec):
        from alliance_kg.rdfio import load_graph  # noqa: PLC0415 - rdfio imports this module too

        return load_graph(spec)
    folder = store_dir(str(spec))
    if folder.exists() and not folder.is_dir():
        raise GraphError(f"{folder}: not a folder, so not an Oxigraph store",
                         f"give a folder after {SCHEME}, or the graph file without {SCHEME}")
    empty = not folder.exists() or not any(folder.iterdir())
    if empty and not create:
        raise GraphError(f"{folder}: no Oxigraph store there",
                         f"check the path, or make one with alliance-kg build ARTICLES --store {SCHEME}{folder}")
    if not empty and not _is_store_folder(folder):
        raise GraphError(f"{folder}: the folder is not empty and holds no Oxigraph store",
                         "give a new or empty folder, or the folder of an existing store")
    if empty:
        parent = folder.parent if str(folder.parent) else Path(".")
        if not parent.is_dir():
            raise GraphError(f"{parent}: no such folder", "create it first or choose another store folder")
    native = _open_native(folder)
    from alliance_kg.graph import bind_prefixes  # noqa: PLC0415

    ds = Dataset(store=_store_class()(store=native))
    return bind_prefixes(ds)  # type: ignore[return-value]


def close_dataset(ds: object) -> None:
    """Close the store behind ``ds`` (flush, release the lock); nothing for an in-memory dataset."""
    if native_store(ds) is not None:
        ds.store.close()


@contextmanager
def opened(spec: str | Path, *, create: bool = False) -> Iterator[Dataset]:
    """Open a graph file or an existing store for the duration of a ``with`` block.

    >>> with opened("oxigraph:/nonexistent/store") as ds:
    ...     pass
    Traceback (most recent call last):
    ...
    alliance_kg.errors.GraphError: /nonexistent/store: no Oxigraph store there
    """
    ds = open_dataset(spec, create=create)
    try:
        yield ds
    finally:
        close_dataset(ds)


# --------------------------------------------------------------------- reading whole graphs

def iter_quads(ds: Dataset, predicate: URIRef | None = None) -> Iterator[tuple]:
    """Yield every quad of ``ds`` (with ``predicate`` only, when given) as rdflib terms."""
    native = native_store(ds)
    if native is None:
        default = ds.default_graph.identifier
        for s, p, o, g in ds.quads((None, predicate, None, None)):
            yield s, p, o, (g.identifier if isinstance(g, Graph) else g) or default
        return
    for quad in native.quads_for_pattern(None, ox_term(predicate), None, None):
        yield rdf_quad(quad)


def to_memory(ds: Dataset) -> Dataset:
    """Return an in-memory copy of a dataset (``ds`` itself when it is already in memory)."""
    if native_store(ds) is None:
        return ds
    from alliance_kg.graph import new_dataset  # noqa: PLC0415

    out = new_dataset()
    graphs = {DATASET_DEFAULT_GRAPH_ID: out.default_graph}
    for s, p, o, g in iter_quads(ds):
        graph = graphs.get(g)
        if graph is None:
            graph = graphs[g] = out.graph(g)
        graph.add((s, p, o))
    return out


# --------------------------------------------------------------------- filling a store

def import_file(spec: str, path: str | Path) -> int:
    """Load a graph file into a new (or empty) store ``spec``; return the number of quads stored.

    TriG and N-Quads are loaded natively in bulk (never held in Python
    objects); Turtle, N-Triples and JSON-LD go through
    :func:`alliance_kg.rdfio.load_graph` first, which recovers the article
    named graphs. On failure the folder is removed when this call created it.
    """
    from alliance_kg.rdfio import format_for, load_graph  # noqa: PLC0415

    path = Path(path)
    fmt = format_for(path)
    if not path.is_file():
        raise GraphError(f"{path}: no such file", "check the path")
    folder = store_dir(spec)
    created = not folder.exists()
    ds = open_dataset(spec, create=True)
    try:
        native = native_store(ds)
        if len(native):
            raise GraphError(f"{folder}: the store already holds a graph",
                             "choose a new folder, or remove the store first")
        if fmt in ("trig", "nquads"):
            import pyoxigraph as ox  # noqa: PLC0415

            rdf_format = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
            try:
                native.bulk_load(path=str(path), format=rdf_format)
            except SyntaxError as exc:
                raise GraphError(f"{path}: syntax error: {str(exc).splitlines()[0]}",
                                 "fix the file or rebuild it with alliance-kg build") from None
        else:
            add_quads(ds, iter_quads(load_graph(path)))
        native.optimize()
        count = len(native)
    except BaseException:
        close_dataset(ds)
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    close_dataset(ds)
    return count


def add_quads(ds: Dataset, quads: Iterable[tuple]) -> None:
    """Add (s, p, o, graph) quads to a dataset: in bulk for a store, one by one in memory."""
    native = native_store(ds)
    if native is None:
        for s, p, o, g in quads:
            (ds.default_graph if g in (None, DATASET_DEFAULT_GRAPH_ID) else ds.graph(g)).add((s, p, o))
        return
    native.bulk_extend(ox_quad(s, p, o, None if g == DATASET_DEFAULT_GRAPH_ID else g) for s, p, o, g in quads)


def store_size(spec: str) -> int:
    """Return the bytes the store folder takes on disk."""
    folder = store_dir(spec)
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.is_dir() else 0


__all__ = [
    "SCHEME", "add_quads", "close_dataset", "import_file", "is_store_spec", "iter_quads", "native_store",
    "open_dataset", "opened", "store_dir", "store_size", "to_memory",
]
