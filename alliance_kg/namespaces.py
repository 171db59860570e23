"""The IRIs alliance-kg mints and the prefixes it binds in every file.

>>> str(AKA.distrusts)
'https://w3id.org/alliance-kg/ontology#distrusts'
>>> entity_iri("Renault-Nissan-Mitsubishi Alliance")
'https://w3id.org/alliance-kg/entity/renault-nissan-mitsubishi-alliance'
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/alliance-kg/"
AKA = Namespace(BASE + "ontology#")
AKE = Namespace(BASE + "entity/")
AKS = Namespace(BASE + "statement/")
AKD = Namespace(BASE + "article/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

PREFIXES: dict[str, Namespace] = {
    "aka": AKA,
    "ake": AKE,
    "aks": AKS,
    "akd": AKD,
    "prov": Namespace(str(PROV)),
    "oa": OA,
    "org": ORG,
    "schema": SCHEMA,
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "dcterms": Namespace(str(DCTERMS)),
    "wd": WD,
    "wdt": WDT,
}


def slugify(name: str) -> str:
    """Return a lowercase ASCII slug of ``name`` for use in an IRI.

    >>> slugify("Société Générale & Co.")
    'societe-generale-co'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def entity_iri(name: str) -> str:
    """Return the IRI of an entity that is not in the knowledge base."""
    return str(AKE[slugify(name)])
