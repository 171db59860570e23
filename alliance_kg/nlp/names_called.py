"""Names an article gives a company in so many words, over the known names inside them.

:class:`CalledNames` is a mixin of :class:`~alliance_kg.nlp.names.UnknownNames`:

- a name after a naming verb (the lexicon's ``name_verbs``) next to a company
  noun: « Baptisée Nidec PSA emotors, la société ... », "a venture called
  Ionna", « une coentreprise baptisée Horse ». The name may hold known names
  ("Nidec", "PSA"): the venture is its own company, not its parents;
- (French) a name the model reads as one organisation that starts with a
  known name and ends with a company word (the lexicon's
  ``company_name_ends``): "Nidec Leroy-Somer Holding" is the holding, not
  Nidec.

The caller lets these names win over the known names they overlap.
"""

from __future__ import annotations

from spacy.tokens import Doc

from alliance_kg.kb import normalize
from alliance_kg.namespaces import entity_iri
from alliance_kg.nlp.doctable import doc_ents, doc_lowers, doc_texts, doc_tokens, span_text
from alliance_kg.nlp.names_en_forms import capitalised
from alliance_kg.nlp.spans import Mention

QUOTES = frozenset({"«", "»", '"', "“", "”", "'", "‘", "’"})
NAME_ENDS = frozenset({",", ".", ";", ":", ")", "(", "»", '"', "”", "-", "–", "—"})
LINKS = frozenset({"as", "comme"})  # "known as X"
REACH = 6  # how far a company noun may stand from the naming verb or the name


class CalledNames:
    """Mixin: names given by a naming verb, and longer model names over a known one (see the module docstring)."""

    def _called_names(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        """Return the names after a naming verb close to a company noun (« baptisée Nidec PSA emotors »)."""
        lowers, texts = doc_lowers(doc), doc_texts(doc)
        verbs = self.name_verbs
        found: list[Mention] = []
        for i, low in enumerate(lowers):
            if low not in verbs:
                continue
            j = i + 1
            while j < len(doc) and (lowers[j] in LINKS or texts[j] in QUOTES):
                j += 1
            end = self._called_end(doc, j)
            noun = self._near_company_noun(doc, i, end) if end > j else None
            if noun is None:
                continue
            if any(ent.label_ == "PER" and ent.start <= j < ent.end for ent in doc_ents(doc)):
                continue  # « un dirigeant, appelé Jean Dupont »
            text = span_text(doc, j, end)
            if self.kb.lookup(text) is not None or normalize(text) in self.stoplist:
                continue  # a known company named again: the gazetteer has it
            # a venture noun near the name, or a name made of two known companies' names: a joint venture
            inside = {m.iri for m in named if m.is_organisation and j <= m.start and m.end <= end}
            venture = "JointVenture" in self.descriptor_kinds.get(noun, ()) or len(inside) >= 2
            kind = "JointVenture" if venture else "Organisation"
            found.append(Mention(j, end, entity_iri(text), text, kind, via="model"))
        return found

    def _called_end(self, doc: Doc, start: int) -> int:
        """Return the end of the name starting at ``start``: capitalised words, then at most one lower-case word
        right before a punctuation mark ("Nidec PSA emotors,"); ``start`` when there is no name."""
        texts, lowers = doc_texts(doc), doc_lowers(doc)
        end = start
        while end < len(doc) and end - start < 5 and (
            capitalised(texts[end]) or (texts[end] in ("&", "-") and end > start)
        ):
            end += 1
        if (
            start < end < len(doc) - 1
            and texts[end].isalpha()
            and texts[end].islower()
            and texts[end + 1] in NAME_ENDS
            and lowers[end] not in self.stop_words
        ):
            end += 1
        while end > start and texts[end - 1] in ("&", "-"):
            end -= 1
        closed = end == len(doc) or texts[end] in NAME_ENDS or lowers[end] in self.stop_words
        return end if end > start and closed else start

    def _near_company_noun(self, doc: Doc, verb: int, name_end: int) -> str | None:
        """Return the company noun just before the naming verb or just after the name's comma, if any."""
        lowers = doc_lowers(doc)
        near = list(range(verb - 1, max(-1, verb - REACH - 1), -1))
        if name_end < len(doc) and lowers[name_end] == ",":
            near += range(name_end + 1, min(len(doc), name_end + 3))
        return next((lowers[k] for k in near if lowers[k] in self.company_nouns), None)

    def _longer_model_names(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        """Return the model's organisation names that start with a known name and end with a company word
        ("Nidec Leroy-Somer Holding")."""
        starts = {m.start: m for m in named if m.is_organisation}
        found: list[Mention] = []
        for ent in doc_ents(doc):
            known = starts.get(ent.start)
            if ent.label_ != "ORG" or known is None or ent.end <= known.end or len(ent) > 6:
                continue
            last = doc_tokens(doc)[ent.end - 1].text
            if not last[:1].isupper() or last.lower() not in self.company_end_words:
                continue
            text = ent.text.strip()
            if self.kb.lookup(text) is None:
                found.append(Mention(ent.start, ent.end, entity_iri(text), text, "Organisation", via="model"))
        return found
