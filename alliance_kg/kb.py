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

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import astuple, dataclass, field, fields
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
    cities: tuple[str, ...] = field(default=(), compare=False)
    nationalities: tuple[str, ...] = field(default=(), compare=False)

    def has_nationality(self, country: str) -> bool:
        """Return True when the press may call the organisation after ``country`` (an IRI).

        >>> Entity("x", "Stellantis", "Automaker", country="nl", nationalities=("fr", "it")).has_nationality("it")
        True
        """
        return country == self.country or country in self.nationalities

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
    "Government",
)


class KnowledgeBase:
    """Entities indexed by IRI and by every normalised label."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities: dict[str, Entity] = {e.iri: e for e in entities}
        self._sorted = tuple(sorted(self.entities.values(), key=lambda e: e.iri))  # read per document: sorted once
        self._of_kinds: dict[tuple[str, ...], tuple[Entity, ...]] = {}
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
        return iter(self._sorted)

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
        found = self._of_kinds.get(kinds)
        if found is None:
            found = self._of_kinds[kinds] = tuple(e for e in self._sorted if e.kind in kinds)
        return list(found)

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
        cities = sorted({str(c) for c in graph.objects(iri, AKA.headquartersCity)})
        nationalities = sorted({str(c) for c in graph.objects(iri, AKA.nationality)})
        entities.append(
            Entity(
                iri=str(iri),
                name=names[0],
                kind=_kind(graph, iri),
                labels=tuple(labels),
                country=str(country) if country else None,
                qid=qid,
                demonyms=tuple(demonyms),
                cities=tuple(cities),
                nationalities=tuple(nationalities),
            )
        )
    return KnowledgeBase(entities)


@lru_cache(maxsize=4)
def load_kb(path: str | Path | None = None) -> KnowledgeBase:
    """Load the knowledge base from ``entities.ttl`` (the shipped one by default).

    Parsing the Turtle takes longer than a network command's own work, so
    the entities are also kept as JSON in the user's cache folder (see
    :func:`cache_dir`), under a name made from the hash of the file and of
    this module: an edited file or a new version is parsed again. A cache
    that cannot be read or written is ignored.
    """
    source = Path(path or data_path("entities.ttl"))
    cached = _cache_file(source)
    if cached is not None:
        try:
            rows = json.loads(cached.read_text(encoding="utf-8"))
            return KnowledgeBase([_entity_from_row(row) for row in rows])
        except (OSError, ValueError, TypeError):
            pass  # no cache yet, or a broken one: parse the file
    graph = Graph()
    graph.parse(str(source), format="turtle")
    kb = kb_from_graph(graph)
    if cached is not None:
        write_json_cache(cached, [list(astuple(e)) for e in kb.entities.values()])
    return kb


def cache_dir() -> Path | None:
    """Return the folder of alliance-kg's cache, or None when caching is off.

    ``$ALLIANCE_KG_CACHE_DIR`` if set (empty: no cache), else
    ``$XDG_CACHE_HOME/alliance-kg`` or ``~/.cache/alliance-kg``.
    """
    explicit = os.environ.get("ALLIANCE_KG_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "alliance-kg"


def _cache_file(source: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        digest = hashlib.sha256(source.read_bytes())
        digest.update(Path(__file__).read_bytes())  # a change in how entities are read invalidates the cache
    except OSError:
        return None  # the parser will say what is wrong with the file
    return folder / f"kb-{digest.hexdigest()[:32]}.json"


def _entity_from_row(row: list) -> Entity:
    names = [f.name for f in fields(Entity)]
    if len(row) != len(names):
        raise ValueError("cache row of another shape")
    values = dict(zip(names, row))
    return Entity(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def write_json_cache(target: Path, rows: list) -> None:
    """Write a cache file of JSON rows atomically; any failure (read-only folder, full disk) leaves no trace."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
