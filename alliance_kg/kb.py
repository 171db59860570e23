"""The knowledge base: entities, countries and technologies read from Turtle.

The gazetteer of the extractor, the labels of the graph and the node
attributes of the network all come from ``ontologies/entities.ttl``; adding a
company or an alias is an edit of that file, never of code.

>>> kb = load_kb()
>>> kb.lookup("groupe Renault").name
'Renault'
>>> kb.lookup("Nissan Motor Co.").kind
'Automaker'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from alliance_kg.data import data_path
from alliance_kg.namespaces import AKA


@lru_cache(maxsize=1 << 18)  # called for every token and lexicon word the extractor looks at
def normalize(text: str) -> str:
    """Return ``text`` case-folded, accent-stripped, with spaces collapsed.

    >>> normalize("  Société  GÉNÉRALE ")
    'societe generale'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‑", "-").replace("–", "-")
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class Entity:
    """One organisation, country or technology of the knowledge base."""

    iri: str
    name: str
    kind: str
    labels: tuple[str, ...] = ()
    country: str | None = None
    qid: str | None = None
    demonyms: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_organisation(self) -> bool:
        """Return True for companies, units, ventures, alliances, agencies."""
        return self.kind not in ("Country", "Technology")


ORG_KINDS = (
    "Organisation",
    "Automaker",
    "EnergyCompany",
    "Supplier",
    "TechnologyCompany",
    "BusinessUnit",
    "JointVenture",
    "Alliance",
    "NewsAgency",
)


class KnowledgeBase:
    """Entities indexed by IRI and by every normalised label."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities: dict[str, Entity] = {e.iri: e for e in entities}
        self._by_label: dict[str, Entity] = {}
        for entity in sorted(entities, key=lambda e: (e.kind == "Country", e.iri)):
            for label in (entity.name, *entity.labels):
                self._by_label.setdefault(normalize(label), entity)
        self._by_demonym: dict[str, Entity] = {}
        for entity in entities:
            for demonym in entity.demonyms:
                self._by_demonym.setdefault(normalize(demonym), entity)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self):
        return iter(sorted(self.entities.values(), key=lambda e: e.iri))

    def get(self, iri: str) -> Entity | None:
        """Return the entity with this IRI, or None."""
        return self.entities.get(str(iri))

    def lookup(self, label: str) -> Entity | None:
        """Return the entity one of whose labels or aliases is ``label``."""
        return self._by_label.get(normalize(label))

    def country_of_demonym(self, word: str) -> Entity | None:
        """Return the country a nationality adjective names ("japonais")."""
        return self._by_demonym.get(normalize(word))

    def of_kind(self, *kinds: str) -> list[Entity]:
        """Return the entities of the given kinds, sorted by IRI."""
        return [e for e in self if e.kind in kinds]

    @property
    def demonyms(self) -> dict[str, Entity]:
        """Return every normalised nationality adjective with its country."""
        return dict(self._by_demonym)


def _kind(graph: Graph, iri: URIRef) -> str:
    kinds = sorted(str(t)[len(str(AKA)) :] for t in graph.objects(iri, RDF.type) if str(t).startswith(str(AKA)))
    # most specific first: any kind other than the generic Organisation
    specific = [k for k in kinds if k != "Organisation"]
    return specific[0] if specific else (kinds[0] if kinds else "Organisation")


def kb_from_graph(graph: Graph) -> KnowledgeBase:
    """Build a KnowledgeBase from an rdflib graph in the entities.ttl shape."""
    entities = []
    subjects = set(graph.subjects(SKOS.prefLabel, None))
    for iri in sorted(subjects):
        names = sorted(
            str(n) for n in graph.objects(iri, SKOS.prefLabel) if getattr(n, "language", None) in (None, "en")
        )
        if not names:
            continue
        labels = sorted({str(x) for p in (RDFS.label, SKOS.altLabel, SKOS.prefLabel) for x in graph.objects(iri, p)})
        country = graph.value(iri, AKA.homeCountry)
        qid = next(
            (
                str(m).rsplit("/", 1)[-1]
                for m in sorted(graph.objects(iri, SKOS.exactMatch))
                if "wikidata.org" in str(m)
            ),
            None,
        )
        demonyms = sorted({str(d) for d in graph.objects(iri, AKA.demonym)})
        entities.append(
            Entity(
                iri=str(iri),
                name=names[0],
                kind=_kind(graph, iri),
                labels=tuple(labels),
                country=str(country) if country else None,
                qid=qid,
                demonyms=tuple(demonyms),
            )
        )
    return KnowledgeBase(entities)


@lru_cache(maxsize=4)
def load_kb(path: str | Path | None = None) -> KnowledgeBase:
    """Load the knowledge base from ``entities.ttl`` (the shipped one by default)."""
    graph = Graph()
    graph.parse(str(path or data_path("entities.ttl")), format="turtle")
    return kb_from_graph(graph)
