"""alliance-kg: news about carmaker alliances in, an RDF knowledge graph out.

The stages, each usable on its own::

    text --> spaCy Doc --> Statement --> rdflib graph --> networkx --> files

Only the NLP stage (:mod:`alliance_kg.extract`, :mod:`alliance_kg.nlp`)
imports spaCy; everything from :class:`~alliance_kg.statement.Statement`
onwards works without it.
"""

__version__ = "0.1.0"
