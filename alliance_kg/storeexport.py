"""Export an Oxigraph store without loading it in Python objects.

N-Quads and N-Triples are sorted line by line (an external merge sort,
byte-identical to the export of the same graph from a file); Turtle and TriG
are streamed in the store's order. Literals are written in alliance-kg's
forms (see :mod:`alliance_kg.storeterms`).
"""

from __future__ import annotations

import heapq
import re
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from rdflib import Dataset
from rdflib.namespace import XSD

from alliance_kg.errors import GraphError
from alliance_kg.namespaces import OA, PREFIXES
from alliance_kg.storeio import native_store
from alliance_kg.storeterms import OFFSETS, XSD_DECIMAL, XSD_INTEGER

_SORT_CHUNK = 200_000
_LINE_FIXES = (
    (re.compile(r'"(-?\d+)"\^\^<' + re.escape(XSD_DECIMAL) + ">"), r'"\1.0"^^<' + XSD_DECIMAL + ">"),
    (re.compile(r'(<' + re.escape(str(OA)) + r'(?:start|end)>) "(\d+)"\^\^<' + re.escape(XSD_INTEGER) + ">"),
     r'\1 "\2"^^<' + str(XSD.nonNegativeInteger) + ">"),
)


def _fix_line(line: str) -> str:
    for pattern, replacement in _LINE_FIXES:
        line = pattern.sub(replacement, line)
    return line


def _lines(native: object, triples: bool) -> Iterator[str]:
    """Yield one N-Quads (or N-Triples) line per quad of the store, in alliance-kg's literal forms."""
    import pyoxigraph as ox  # noqa: PLC0415

    for quad in native.quads_for_pattern(None, None, None, None):
        line = str(quad.triple) if triples or isinstance(quad.graph_name, ox.DefaultGraph) else str(quad)
        yield _fix_line(line) + " .\n"


def write_sorted_lines(lines: Iterable[str], handle: IO[bytes], chunk: int = _SORT_CHUNK) -> int:
    """Write ``lines`` sorted and without duplicates, spilling sorted runs to disk (bounded memory).

    Returns the number of lines written.

    >>> import io
    >>> out = io.BytesIO()
    >>> write_sorted_lines(["b\\n", "a\\n", "c\\n", "a\\n"], out, chunk=2)
    3
    >>> out.getvalue()
    b'a\\nb\\nc\\n'
    """
    runs: list[IO[str]] = []
    buffer: list[str] = []
    try:
        for line in lines:
            buffer.append(line)
            if len(buffer) >= chunk:
                run = tempfile.TemporaryFile("w+", encoding="utf-8")
                run.writelines(sorted(buffer))
                run.seek(0)
                runs.append(run)
                buffer = []
        buffer.sort()
        merged = heapq.merge(*runs, buffer) if runs else iter(buffer)
        written, previous = 0, None
        for line in merged:
            if line != previous:
                handle.write(line.encode("utf-8"))
                written += 1
                previous = line
        return written
    finally:
        for run in runs:
            run.close()


def _fixed_ox_quads(native: object, triples: bool) -> Iterator[object]:
    import pyoxigraph as ox  # noqa: PLC0415

    integer, decimal = ox.NamedNode(XSD_INTEGER), ox.NamedNode(XSD_DECIMAL)
    non_negative = ox.NamedNode(str(XSD.nonNegativeInteger))
    for quad in native.quads_for_pattern(None, None, None, None):
        obj = quad.object
        if isinstance(obj, ox.Literal) and obj.datatype in (integer, decimal):
            if obj.datatype == decimal and re.fullmatch(r"-?\d+", obj.value):
                obj = ox.Literal(obj.value + ".0", datatype=decimal)
            elif obj.datatype == integer and quad.predicate.value in OFFSETS:
                obj = ox.Literal(obj.value, datatype=non_negative)
            quad = ox.Quad(quad.subject, quad.predicate, obj, quad.graph_name)
        yield ox.Triple(quad.subject, quad.predicate, quad.object) if triples else quad


def write_native(ds: Dataset, handle: IO[bytes], fmt: str) -> None:
    """Write a store-backed dataset to ``handle`` in ``fmt`` without loading it in Python objects.

    ``nquads`` and ``nt`` (the union of the graphs) are sorted and
    deduplicated like :func:`alliance_kg.rdfio.serialize`; ``turtle`` (the
    union) and ``trig`` are streamed in the store's order (deterministic for
    a given content) with the project prefixes.
    """
    import pyoxigraph as ox  # noqa: PLC0415

    native = native_store(ds)
    if native is None:
        raise GraphError("write_native needs a store-backed dataset")
    if fmt in ("nquads", "nt"):
        write_sorted_lines(_lines(native, triples=fmt == "nt"), handle)
        return
    if fmt not in ("turtle", "trig"):
        raise GraphError(f"cannot write {fmt} natively", "use turtle, trig, nt or nquads")
    rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.TRIG
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    ox.serialize(_fixed_ox_quads(native, triples=fmt == "turtle"), handle, rdf_format, prefixes=prefixes)


__all__ = ["write_native", "write_sorted_lines"]
