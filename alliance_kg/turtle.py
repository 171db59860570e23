"""A fast writer of sorted Turtle: the bytes rdflib's Turtle serializer gives, in a fraction of its time.

``alliance-kg build`` writes the union of a dataset's graphs as Turtle with
the subjects sorted by IRI. rdflib's ``TurtleSerializer`` does it through a
copy of the union into a new ``Graph`` and a prefixed name computed several
times for every node of every triple: about 10 s for a 500-article graph
(135,000 triples). :func:`sorted_turtle` writes the same text from one pass
over the quads, each node's label computed once, with rdflib's own
functions for what decides the bytes (prefixed names, literal syntax, term
order), so the output stays byte-identical to
``_SortedTurtleSerializer(union_graph(ds))`` (``tests/test_turtle.py``).

It covers the graphs alliance-kg makes: IRIs and literals. For anything
else (a blank node, a predicate with no bound prefix, a prefix rdflib
would rename) it returns None and the caller uses rdflib's serializer.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XMLNS
from rdflib.plugins.serializers.turtle import TurtleSerializer

from alliance_kg.graph import bind_prefixes

_INDENT = "    "
_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\Z")
_NIL, _TYPE = str(RDF.nil), str(RDF.type)


class _Names:
    """Prefixed names as rdflib's Turtle serializer computes them, memoised, with the prefixes used.

    rdflib finds a name by scanning the IRI character by character (about
    30 µs an IRI). An IRI made of a bound namespace ending in ``/`` or ``#``
    and a local part of ASCII letters, digits, ``_`` and ``-`` (not first)
    gets ``prefix:local`` from rdflib whenever no longer bound namespace
    starts it, so that case is answered here; any other IRI goes to rdflib.
    """

    def __init__(self) -> None:
        graph = bind_prefixes(Graph(bind_namespaces="none"))
        self._serializer = TurtleSerializer(graph)
        self._memo: dict[str, str | None] = {}
        self._registered: set[str] = set()
        bound = {str(ns): prefix for prefix, ns in graph.namespaces()}
        self._simple = {
            ns: prefix
            for ns, prefix in bound.items()
            if ns.endswith(("/", "#"))
            and not ns.startswith(XMLNS)
            and not prefix.startswith("_")
            and not any(other != ns and other.startswith(ns) for other in bound)
        }

    def pname(self, key: str, uri: URIRef) -> str | None:
        """Return ``prefix:local`` for ``uri`` whose text is ``key`` (None: written as ``<uri>``)."""
        name = self._memo.get(key, self)
        if name is self:
            cut = max(key.rfind("/"), key.rfind("#")) + 1
            prefix = self._simple.get(key[:cut])
            if prefix is not None and _LOCAL.match(key, cut):
                if prefix not in self._registered:
                    if self._serializer.addNamespace(prefix, URIRef(key[:cut])) != prefix:
                        raise _Unsupported(prefix)  # rdflib would rename the prefix
                    self._registered.add(prefix)
                name = f"{prefix}:{key[cut:]}"
            else:
                # a predicate with no known prefix would get a generated one (ns1...): not handled here
                name = self._serializer.get_pname(uri, gen_prefix=False)
            self._memo[key] = name
        return name

    @property
    def known(self) -> dict[str, str | None]:
        """Return the names computed so far, by IRI."""
        return self._memo

    @property
    def used(self) -> dict[str, URIRef]:
        """Return the prefixes the names given so far need."""
        return self._serializer.namespaces


class _Unsupported(Exception):
    """The graph holds something this writer leaves to rdflib."""


def sorted_turtle(triples) -> str | None:
    """Return the Turtle text of the union of ``triples`` (duplicates allowed), or None.

    None means the graph holds something only rdflib's serializer writes
    the same way (see the module docstring).
    """
    try:
        with gc_paused():
            return _write(triples)
    except _Unsupported:
        return None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (reference counting still frees memory).

    Creating many small objects beside a big rdflib graph makes the
    collector walk the whole graph again and again: most of the time of
    building a 500-article graph or writing it went there.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _key(node) -> object:
    """Return a plain key that is equal for equal rdflib terms (rdflib's own __eq__ is slow)."""
    if isinstance(node, URIRef):
        return str(node)
    if isinstance(node, Literal):
        language = node.language.lower() if node.language else None
        return (str(node), str(node.datatype) if node.datatype is not None else None, language)
    raise _Unsupported(node)


def _write(triples) -> str:
    # subject key -> (subject, {predicate key -> (predicate, {object key -> object})})
    subjects: dict = {}
    for s, p, o in triples:
        ks = str(s) if type(s) is URIRef else _key(s)
        entry = subjects.get(ks)
        if entry is None:
            entry = subjects[ks] = (s, {})
        kp = str(p) if type(p) is URIRef else _key(p)
        objects = entry[1].get(kp)
        if objects is None:
            objects = entry[1][kp] = (p, {})
        objects[1].setdefault(str(o) if type(o) is URIRef else _key(o), o)
    names = _Names()
    # first every name, as rdflib's preprocess does: the prefixes written are those these need
    known = names.known
    for ks, (s, properties) in subjects.items():
        if type(ks) is not str:
            raise _Unsupported(s)
        if ks not in known:
            names.pname(ks, s)
        for kp, (p, objects) in properties.items():
            if type(kp) is not str or (kp != _TYPE and names.pname(kp, p) is None):
                raise _Unsupported(p)  # rdflib would generate a prefix for a predicate it cannot name
            for ko, o in objects.items():
                if type(ko) is str:
                    if ko not in known:
                        names.pname(ko, o)
                elif ko[1] is not None and ko[1] not in known:  # a literal's datatype
                    names.pname(ko[1], o.datatype)
    if any(prefix.startswith("_") for prefix in names.used):
        raise _Unsupported("prefix")

    labels: dict = {}

    def label(key, node) -> str:
        # what TurtleSerializer.label gives for a subject or object that is no blank node (base: none)
        if type(key) is not str:
            key = (key, node.language)  # keys ignore the case of a language tag, as rdflib's equality does
        text = labels.get(key)
        if text is None:
            if key == _NIL:
                text = "()"
            elif type(key) is str:
                text = names.pname(key, node) or node.n3()
            else:
                text = node._literal_n3(use_plain=True, qname_callback=lambda dt: names.pname(str(dt), dt))
            labels[key] = text
        return text

    verbs = {_TYPE: "a"}
    out = [f"@prefix {prefix}: <{uri}> .\n" for prefix, uri in sorted(names.used.items())]
    first_keys = [_TYPE, str(RDFS.label)]
    for ks in sorted(subjects):
        s, properties = subjects[ks]
        first = [kp for kp in first_keys if kp in properties]
        order = first + sorted(kp for kp in properties if kp not in first) if first else sorted(properties)
        parts = ["\n", label(ks, s)]
        for k, kp in enumerate(order):
            p, objects = properties[kp]
            verb = verbs.get(kp)
            if verb is None:
                verb = verbs[kp] = label(kp, p)
            parts.append((" " if k == 0 else " ;\n" + _INDENT) + verb)
            if len(objects) == 1:
                for ko, o in objects.items():
                    parts.append(" " + label(ko, o))
                continue
            if all(type(ko) is str for ko in objects):
                ordered = [(ko, objects[ko]) for ko in sorted(objects)]  # IRIs: rdflib orders them as strings
            else:
                by_node = {o: ko for ko, o in objects.items()}
                ordered = [(by_node[o], o) for o in sorted(objects.values())]
            parts.append(" " + label(*ordered[0]))
            for ko, o in ordered[1:]:
                parts.append(",\n" + _INDENT * 2 + label(ko, o))
        parts.append(" .\n")
        out.append("".join(parts))
    out.append("\n")
    return "".join(out).encode("utf-8", "replace").decode("utf-8")
