"""Keep the extractor's statements within the domain and range of their predicate.

Every predicate takes an organisation as its subject; its object is an
organisation too, except ``basedIn`` (a country) and ``developsTechnology``,
``sharesTechnology``, ``seeksPartnership`` (a technology): the ontology's
domains and ranges, which ``ontologies/shapes.ttl`` checks. A statement that
names a knowledge-base entity of another kind is a misreading: in a
generated benchmark article, "une berline électrique conçue et produite par
Vauxhall Mitsubishi, sa coentreprise avec le chinois Vauxhall" (Vauxhall
Mitsubishi unknown to the knowledge base) gave "Mitsubishi memberOf electric
vehicles" and "shareholderOf electric vehicles", and the 500-article graph
did not conform. Such statements are dropped. A name the knowledge base does
not know is typed by the graph after its predicate
(:func:`alliance_kg.rdfmodel.resolve_entity`), so it always fits.

>>> from dataclasses import replace
>>> from alliance_kg.kb import load_kb
>>> wrong = Statement(doc="d", subject="Mitsubishi", subject_iri="ake:mitsubishi", predicate="memberOf",
...                   object="electric vehicles", object_iri="ake:electric-vehicles")
>>> fits_range(wrong, load_kb()), fits_range(replace(wrong, object="Horse", object_iri="ake:horse"), load_kb())
(False, True)
"""

from __future__ import annotations

from alliance_kg.kb import KnowledgeBase
from alliance_kg.rdfmodel import RANGE_KIND, resolve_entity
from alliance_kg.statement import Statement


def fits_range(statement: Statement, kb: KnowledgeBase) -> bool:
    """Return True when the subject is an organisation and the object of the kind the predicate takes.

    The entities are those the graph will use for the statement (the
    knowledge base's, or new ones typed after the predicate).
    """
    subject = resolve_entity(statement.subject, statement.subject_iri, kb)
    wanted = RANGE_KIND.get(statement.predicate)
    obj = resolve_entity(statement.object, statement.object_iri, kb, wanted or "Organisation")
    return subject.is_organisation and (obj.kind == wanted if wanted else obj.is_organisation)


def within_range(statements: list[Statement], kb: KnowledgeBase) -> list[Statement]:
    """Return the statements that :func:`fits_range`, in their order."""
    return [s for s in statements if fits_range(s, kb)]
