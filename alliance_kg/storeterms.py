"""Convert terms between rdflib and pyoxigraph, keeping alliance-kg's literal forms.

Oxigraph keeps literals in canonical form (``43.0`` as ``43``, the
``xsd:nonNegativeInteger`` offsets as ``xsd:integer``); terms read back are
put in alliance-kg's forms again (``43.0``; ``oa:start``/``oa:end`` typed
``xsd:nonNegativeInteger`` in quads), so a graph read from a store and from a
file compare equal. pyoxigraph is imported only when a function needs it.
"""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from alliance_kg.errors import GraphError
from alliance_kg.namespaces import OA

XSD_STRING = str(XSD.string)
XSD_DECIMAL = str(XSD.decimal)
XSD_INTEGER = str(XSD.integer)
#: The predicates of the text offsets, typed xsd:nonNegativeInteger by alliance-kg.
OFFSETS = frozenset({str(OA.start), str(OA.end)})


def rdf_term(term: object) -> object:
    """Return the rdflib term of a pyoxigraph term (plain literals stay plain; decimals keep ``.0``)."""
    import pyoxigraph as ox  # noqa: PLC0415 - a compiled extension: only imported where a store is used

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value)
        if datatype == XSD_DECIMAL and re.fullmatch(r"-?\d+", term.value):
            return Literal(term.value + ".0", datatype=XSD.decimal)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    if isinstance(term, ox.Triple):
        return rdf_term(term.subject), rdf_term(term.predicate), rdf_term(term.object)
    if term is None:
        return None
    raise GraphError(f"unexpected Oxigraph term {term!r}")


def rdf_quad(quad: object) -> tuple:
    """Return (s, p, o, graph identifier) in rdflib terms, in alliance-kg's literal forms."""
    s, p, o = rdf_term(quad.subject), rdf_term(quad.predicate), rdf_term(quad.object)
    if str(p) in OFFSETS and isinstance(o, Literal) and o.datatype == XSD.integer:
        o = Literal(str(o), datatype=XSD.nonNegativeInteger)
    return s, p, o, rdf_term(quad.graph_name)


def ox_term(term: object) -> object:
    """Return the pyoxigraph term of an rdflib term (None stays None, as in a pattern)."""
    import pyoxigraph as ox  # noqa: PLC0415

    if term is None:
        return None
    if isinstance(term, Graph):
        term = term.identifier
    if term == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), language=term.language, datatype=datatype)
    raise GraphError(f"cannot store the term {term!r}")


def ox_quad(s: object, p: object, o: object, g: object = None) -> object:
    """Return the pyoxigraph quad of rdflib terms (in the default graph when ``g`` is None)."""
    import pyoxigraph as ox  # noqa: PLC0415

    return ox.Quad(ox_term(s), ox_term(p), ox_term(o), ox_term(g) if g is not None else ox.DefaultGraph())


__all__ = ["OFFSETS", "XSD_DECIMAL", "XSD_INTEGER", "XSD_STRING", "ox_quad", "ox_term", "rdf_quad", "rdf_term"]
