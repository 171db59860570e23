"""Read and write graph files: Turtle, TriG, N-Triples, N-Quads and JSON-LD.

Output is deterministic: the same dataset gives byte-identical files (sorted
subjects, graphs and lines; no blank nodes in the model). Writes are atomic:
a temporary file in the target folder, fsync, then ``os.replace``. JSON-LD is
written with the context shipped in the package and a remote ``@context`` is
never fetched. ``oxigraph:DIR`` names a persistent Oxigraph store instead of a
file: :func:`load_graph` opens it and :func:`write_graph` writes from it
without loading it (see :mod:`alliance_kg.store`).

>>> format_for("out/alliance.trig"), format_for("x.jsonld"), format_for("x", "nq")
('trig', 'json-ld', 'nquads')
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import IO

from rdflib import BNode, Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer

from alliance_kg.errors import GraphError
from alliance_kg.graph import bind_prefixes, new_dataset, regroup_statements, union_graph
from alliance_kg.turtle import sorted_turtle

SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld", ".json": "json-ld"}
ALIASES = {"turtle": "turtle", "ttl": "turtle", "trig": "trig", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
           "nquads": "nquads", "nq": "nquads", "n-quads": "nquads", "jsonld": "json-ld", "json-ld": "json-ld"}
QUAD_FORMATS = frozenset({"trig", "nquads", "json-ld"})
CONTEXT_IRI = "https://w3id.org/alliance-kg/context.jsonld"
_CONTEXT_FILE = Path(__file__).resolve().parent / "context.jsonld"


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """Return the rdflib format name for ``fmt`` or, if None, for the file suffix."""
    if fmt:
        try:
            return ALIASES[fmt.lower()]
        except KeyError:
            raise GraphError(f"unknown graph format {fmt!r}", f"use one of {', '.join(sorted(set(ALIASES)))}") from None
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise GraphError(f"{path}: cannot tell the graph format from the suffix {suffix or '(none)'!r}",
                         f"name the file with one of {' '.join(SUFFIXES)}")
    return SUFFIXES[suffix]


@lru_cache(maxsize=1)
def jsonld_context() -> dict:
    """Return the compact JSON-LD ``@context`` shipped in the package (a dict of prefixes)."""
    return json.loads(_CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


# --------------------------------------------------------------------- reading

def _syntax_message(exc: Exception, fmt: str, data: str | None) -> str:
    """Return a one-line description of a parse error, with its line when known."""
    lines = getattr(exc, "lines", None)
    if isinstance(lines, int):  # notation3.BadSyntax: 0-based line number
        why = re.search(r"Bad syntax \((.*?)\) at \^", str(exc), re.S)
        return f"syntax error at line {lines + 1}: {why.group(1) if why else 'bad syntax'}"
    if getattr(exc, "lineno", None):  # json.JSONDecodeError and friends
        return f"syntax error at line {exc.lineno}: {getattr(exc, 'msg', exc)}"
    if fmt in ("nt", "nquads") and data is not None:
        for number, line in enumerate(data.splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#"):
                try:
                    Dataset().parse(data=line + "\n", format=fmt)
                except Exception:  # noqa: BLE001 - any failure marks the culprit line
                    return f"syntax error at line {number}: {line.strip()[:80]}"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"cannot parse as {fmt}: {first[:200]}"


def _check_context(node: object) -> object:
    """Return the JSON-LD document with the shipped context in place of its IRI; refuse remote contexts."""
    if isinstance(node, list):
        return [_check_context(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "@context":
            out[key] = _local_context(value)
        else:
            out[key] = _check_context(value)
    return out


def _local_context(value: object) -> object:
    if isinstance(value, list):
        return [_local_context(v) for v in value]
    if isinstance(value, str):
        if value == CONTEXT_IRI:
            return jsonld_context()
        raise GraphError(f"JSON-LD refers to a remote @context {value!r}, which is never fetched",
                         "embed the context in the file")
    if isinstance(value, dict):
        if "@import" in value:
            raise GraphError("JSON-LD context uses @import, which is never fetched", "embed the context in the file")
        return {k: (_local_context(v) if k == "@context" else v) for k, v in value.items()}
    return value


def parse_data(data: str, fmt: str, name: str = "<data>") -> Dataset:
    """Parse graph text of format ``fmt`` into a new Dataset (named graphs recovered).

    Triple formats go to the default graph, then the statement nodes are moved
    back into their article's named graph.
    """
    fmt = format_for(name, fmt)
    ds = new_dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's parsers call its own deprecated API
        _parse_into(ds, data, fmt, name)
    regroup_statements(ds)
    bind_prefixes(ds)
    return ds


def _parse_into(ds: Dataset, data: str, fmt: str, name: str) -> None:
    try:
        if fmt == "json-ld":
            document = _check_context(json.loads(data))
            ds.parse(data=json.dumps(document), format="json-ld")
        elif fmt in QUAD_FORMATS:
            ds.parse(data=data, format=fmt)
        else:
            single = Graph()
            single.parse(data=data, format=fmt)
            for triple in single:
                ds.default_graph.add(triple)
    except GraphError as exc:
        raise GraphError(f"{name}: {exc}", exc.hint) from None
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds of parse errors
        raise GraphError(f"{name}: {_syntax_message(exc, fmt, data)}",
                         "fix the file or rebuild it with alliance-kg build") from None


def load_graph(path: str | Path) -> Dataset:
    """Load a graph file into a Dataset; the format comes from the suffix.

    A ``.ttl`` or ``.nt`` file (one graph) gets its article named graphs back
    through ``prov:wasDerivedFrom``. A malformed file raises GraphError with
    the line number when the parser gives one; the file is never modified.
    ``oxigraph:DIR`` opens an existing Oxigraph store instead (nothing is
    loaded; see :func:`alliance_kg.store.open_dataset`).
    """
    from alliance_kg.store import is_store_spec, open_dataset  # noqa: PLC0415 - store imports this module

    if is_store_spec(path):
        return open_dataset(str(path), create=False)
    path = Path(path)
    fmt = format_for(path)
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GraphError(f"{path}: no such file", "check the path or build the graph first") from None
    except UnicodeDecodeError:
        raise GraphError(f"{path}: not UTF-8 text", "graph files are UTF-8") from None
    except OSError as exc:
        raise GraphError(f"{path}: cannot read ({exc.strerror})") from None
    return parse_data(data, fmt, str(path))


# --------------------------------------------------------------------- writing

class _SortedTurtleSerializer(TurtleSerializer):
    """Turtle with the subjects sorted by IRI (rdflib sorts by reference count first)."""

    def orderSubjects(self) -> list:  # noqa: N802 - rdflib's method name
        return sorted(self._subjects, key=lambda s: (isinstance(s, BNode), str(s)))


class _SortedTrigSerializer(TrigSerializer):
    """TriG with the default graph first, the named graphs and the subjects sorted by IRI."""

    orderSubjects = _SortedTurtleSerializer.orderSubjects

    def __init__(self, ds: Dataset) -> None:
        default = ds.default_graph
        named = [g for g in ds.graphs() if g.identifier != default.identifier]
        self.contexts = [default, *sorted(named, key=lambda g: str(g.identifier))]
        self.default_context = default.identifier
        TurtleSerializer.__init__(self, ds)


def _sorted_lines(text: str) -> str:
    lines = sorted({re.sub(r"\s+\.$", " .", line) for line in text.splitlines() if line.strip()})
    return "".join(line + "\n" for line in lines)


def _canonical_json(node: object) -> object:
    """Sort JSON-LD node arrays (order carries no meaning outside @list) for stable output."""
    if isinstance(node, dict):
        return {k: (v if k == "@list" else _canonical_json(v)) for k, v in node.items()}
    if isinstance(node, list):
        items = [_canonical_json(x) for x in node]
        return sorted(items, key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
    return node


def serialize(ds: Dataset | Graph, fmt: str) -> str:
    """Return the dataset as text in ``fmt`` (turtle, trig, nt, nquads or json-ld), deterministically.

    Turtle and N-Triples hold one graph: the union of the default and named graphs.
    A store-backed dataset is copied in memory first (:func:`write_graph`
    writes one without loading it).
    """
    from alliance_kg.store import to_memory  # noqa: PLC0415

    fmt = format_for("", fmt)
    if isinstance(ds, Dataset):
        ds = to_memory(ds)
    if not isinstance(ds, Dataset):
        single, ds = ds, new_dataset()
        for triple in single:
            ds.default_graph.add(triple)
    if fmt == "turtle":
        text = sorted_turtle((s, p, o) for s, p, o, _ in ds.quads((None, None, None, None)))
        if text is not None:  # None: something only rdflib's serializer writes the same way
            return text
    if fmt in ("turtle", "trig"):
        stream = io.BytesIO()
        if fmt == "turtle":
            _SortedTurtleSerializer(union_graph(ds)).serialize(stream, encoding="utf-8")
        else:
            _SortedTrigSerializer(bind_prefixes(ds)).serialize(stream, encoding="utf-8")
        return stream.getvalue().decode("utf-8")
    if fmt == "nt":
        return _sorted_lines(union_graph(ds).serialize(format="nt"))
    if fmt == "nquads":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's serializer uses its deprecated API
            return _sorted_lines(ds.serialize(format="nquads"))
    default = ds.default_graph
    nodes = _jsonld_nodes(default)
    for graph in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if graph.identifier != default.identifier and len(graph):
            nodes.append({"@id": str(graph.identifier), "@graph": _jsonld_nodes(graph)})
    document = {"@context": jsonld_context(), "@graph": _canonical_json(nodes)}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _jsonld_nodes(graph: Graph) -> list:
    """Return the compacted JSON-LD node objects of one graph (default-graph form)."""
    plain = Graph()
    for triple in graph:
        plain.add(triple)
    if not len(plain):
        return []
    document = json.loads(plain.serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    document.pop("@context", None)
    if "@graph" in document:
        return document["@graph"]
    return [document] if document else []


def atomic_write(path: str | Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write a file atomically: ``write`` fills a temp file in the same folder, then it replaces ``path``.

    If ``write`` raises (or the process dies) the previous file is left intact.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise GraphError(f"{folder}: no such folder", "create it first or choose another output path")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def _umask() -> int:
    """Return the process umask without changing it (Linux), else by setting and restoring it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:  # pragma: no cover - not Linux
        pass
    mask = os.umask(0o022)  # pragma: no cover
    os.umask(mask)  # pragma: no cover
    return mask  # pragma: no cover


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def write_graph(ds: Dataset | Graph, path: str | Path, fmt: str | None = None) -> str:
    """Write ``ds`` to ``path`` atomically in ``fmt`` (default: from the suffix); return the format used.

    A dataset kept in an Oxigraph store is written from the store, in
    bounded memory, for every format but JSON-LD (see
    :func:`alliance_kg.store.write_native`).
    """
    from alliance_kg.store import native_store, write_native  # noqa: PLC0415

    fmt = format_for(path, fmt)
    if fmt != "json-ld" and native_store(ds) is not None:
        atomic_write(path, lambda handle: write_native(ds, handle, fmt))
        return fmt
    text = serialize(ds, fmt)
    atomic_write(path, lambda handle: handle.write(text.encode("utf-8")))
    return fmt
