"""The last pipeline component: the relations of a parsed document as plain tuples.

``doc._.relations`` holds Python objects (mentions, spans) that spaCy cannot
send back from a worker process; ``alliance_plain_relations`` writes them as
tuples of str, float and int in ``doc.user_data``, which is all the main
process needs (:mod:`alliance_kg.nlp.to_statements` turns them into
Statements). So one job or several give the same statements.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from alliance_kg.nlp.doctable import forget
from alliance_kg.nlp.records import Relation, article_labels

PLAIN_COMPONENT = "alliance_plain_relations"
PLAIN_KEY = "alliance_kg.relations"


def plain_relation(rel: Relation, labels: dict[str, str] | None = None) -> tuple:
    """Return a ``doc._.relations`` item as a tuple of str, float and int (picklable, msgpack-able).

    ``labels`` (from :func:`article_labels`) names the organisations as the article does.
    """
    labels = labels or {}
    return (labels.get(rel.subject.iri, rel.subject.name), rel.subject.iri, rel.predicate,
            labels.get(rel.object.iri, rel.object.name), rel.object.iri,
            rel.polarity, rel.modality, rel.attributed_to, rel.share, rel.sent_start, rel.sent_end)


class PlainRelations:
    """The last pipeline component: ``doc._.relations`` as plain tuples in ``doc.user_data``.

    Called with ``strip=True`` (through ``component_cfg``, in a worker
    process) it returns an empty Doc that carries only those tuples: the
    parsed Doc holds Python objects spaCy cannot serialise
    (``doc._.mentions``, ``_.descriptions``, ``_.relations``), and the main
    process needs nothing else from it, so nothing else is sent back.
    """

    def __call__(self, doc, strip: bool = False):
        labels = article_labels(doc)
        records = [plain_relation(rel, labels) for rel in (doc._.relations or [])]
        forget(doc)  # the lists of its words the components kept: this is the last of them
        if strip:
            doc = Doc(doc.vocab, words=[])
        doc.user_data[PLAIN_KEY] = records
        return doc


@Language.factory(PLAIN_COMPONENT)
def make_plain_relations(nlp: Language, name: str) -> PlainRelations:
    """Create the ``alliance_plain_relations`` component (see :class:`PlainRelations`)."""
    return PlainRelations()


def with_plain_relations(nlp: Language) -> Language:
    """Add ``alliance_plain_relations`` at the end of ``nlp`` (once) and return ``nlp``."""
    if PLAIN_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PLAIN_COMPONENT, last=True)
    return nlp
