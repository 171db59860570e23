"""Keep the graph in a persistent Oxigraph store: ``oxigraph:DIR`` wherever a graph file is accepted.

A graph file is parsed into Python objects on every command; a store is a
RocksDB folder that Oxigraph (through the ``oxrdflib`` rdflib store) reads in
place, so ``query``, ``paths`` and ``export`` work on graphs of millions of
triples without loading them. This module gathers the store's API; each part
lives in its own module:

* :mod:`alliance_kg.storeio`: :func:`open_dataset` returns an rdflib
  ``Dataset`` backed by the store (``graph.add_article`` works on it
  unchanged), or loads a graph file; :func:`opened`, :func:`to_memory`,
  :func:`import_file` (a graph file into a new store);
* :mod:`alliance_kg.storenet`: :func:`paths_network` answers ``paths`` from a
  few native reads: the names of the entities, the step graph from the
  direct triples (one index range), then the statements and evidence of the
  ties along the paths found only; :func:`load_network` (``stats``,
  ``tensions``, network exports) reads only the triples the network
  projection uses;
* :mod:`alliance_kg.storeexport`: :func:`write_native` exports N-Quads and
  N-Triples sorted line by line (an external merge sort, byte-identical to
  the export of the same graph from a file), Turtle and TriG streamed in the
  store's order;
* :mod:`alliance_kg.storeterms`: terms between rdflib and pyoxigraph.
  Oxigraph keeps literals in canonical form (``43.0`` as ``43``, the
  ``xsd:nonNegativeInteger`` offsets as ``xsd:integer``); terms read back are
  put in alliance-kg's forms again, so a graph read from a store and from a
  file compare equal.

:func:`alliance_kg.query.run_query` runs SPARQL natively in Oxigraph on a
store-backed dataset (same prefixes, same safety checks, same output formats).

>>> is_store_spec("oxigraph:out/store"), is_store_spec("out/alliance.trig")
(True, False)
>>> store_dir("oxigraph:out/store").as_posix()
'out/store'
"""

from __future__ import annotations

from alliance_kg.storeexport import write_native, write_sorted_lines
from alliance_kg.storeio import (
    SCHEME,
    add_quads,
    close_dataset,
    import_file,
    is_store_spec,
    iter_quads,
    native_store,
    open_dataset,
    opened,
    store_dir,
    store_size,
    to_memory,
)
from alliance_kg.storenet import NETWORK_PREDICATES, load_network, network_graph, network_of, paths_network
from alliance_kg.storeterms import ox_term, rdf_quad, rdf_term

__all__ = [
    "NETWORK_PREDICATES", "SCHEME", "add_quads", "close_dataset", "import_file", "is_store_spec",
    "iter_quads", "load_network", "native_store", "network_graph", "network_of", "open_dataset", "opened",
    "ox_term", "paths_network", "rdf_quad", "rdf_term", "store_dir", "store_size", "to_memory",
    "write_native", "write_sorted_lines",
]
