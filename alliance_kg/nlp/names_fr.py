"""French names the knowledge base does not know: the readings of the French mention stage alone.

A mixin of :class:`~alliance_kg.nlp.names.UnknownNames`: names after a company
noun and its complement (« le fabricant de batteries Primearth »), names
before an apposition headed by a company noun (« Argo AI, la start-up de
... »), and the car models the model labels as organisations (« la Micra »).
"""

from __future__ import annotations

from spacy.tokens import Doc

from alliance_kg.kb import normalize
from alliance_kg.namespaces import entity_iri
from alliance_kg.nlp.doctable import doc_ents, doc_lowers, doc_texts, doc_tokens
from alliance_kg.nlp.names_en import name_like
from alliance_kg.nlp.spans import Mention

MODEL_DETERMINERS = frozenset({"le", "la", "l'", "l’"})  # « la Micra », « le Z4 »: a car model


class FrenchNames:
    """Mixin: unknown French names (see the module docstring)."""

    def _article_names(self, doc: Doc) -> frozenset[str]:
        """Return the French names the article always writes right after « le », « la » or « l' »: car models.

        Companies go without an article (« Stellantis », « BYD »); a model takes
        the article of « la voiture » or « le SUV » (« la Micra », « le Z4 »). An
        acronym (« le PIF ») or a name with a lower-case word (« la Française de
        Mécanique ») is left to the other rules.
        """
        if self.lang != "fr":
            return frozenset()
        lowers, texts = doc_lowers(doc), doc_texts(doc)
        after_article: set[str] = set()
        bare: set[str] = set()
        for ent in doc_ents(doc):
            if ent.text.isupper() or any(texts[k][:1].islower() for k in range(ent.start, ent.end)):
                continue
            before = lowers[ent.start - 1] if ent.start > 0 else ""
            (after_article if before in MODEL_DETERMINERS else bare).add(ent.text)
        return frozenset(after_article - bare)

    def _named_after_complement(self, doc: Doc, taken: set[int], lowers: list[str]) -> list[Mention]:
        """Return unknown names after a company noun and its complement (French).

        "le fabricant de batteries Primearth", "sa filiale de voitures autonomes
        Cruise", "une coentreprise de recherche, BYD Toyota EV Technology": the
        name may hold known names, and then replaces them.
        """
        found: list[Mention] = []
        for k, low in enumerate(lowers):  # each word's lower_: no Token object for the words skipped
            if low not in self.introducers:
                continue
            noun = doc_tokens(doc)[k]
            j = noun.i + 1
            while j < len(doc) and normalize(doc_texts(doc)[j]) in self.demonym_words:
                j += 1
            if j < len(doc) and doc_lowers(doc)[j] in ("de", "des", "du", "d'", "d’"):
                j += 1
                while j < len(doc) and doc_tokens(doc)[j].pos_ == "DET":
                    j += 1
                words = 0
                while (
                    j < len(doc)
                    and words < 3
                    and doc_tokens(doc)[j].is_lower
                    and doc_tokens(doc)[j].is_alpha
                    and doc_lowers(doc)[j] not in ("de", "des", "du", "à", "en", "dans")
                ):
                    j, words = j + 1, words + 1  # not "la start-up de conduite autonome de Pittsburgh"
                if not words or any(lowers[w] in self.person_nouns for w in range(j - words, j)):
                    continue  # "la holding de la famille Schaeffler": a family, not a company
            if j < len(doc) and doc_texts(doc)[j] == "," and j > noun.i + 1:
                j += 1
            end = j
            while end < len(doc) and end - j < 5 and (
                (doc_texts(doc)[end][:1].isupper() and not doc_tokens(doc)[end].is_sent_start)
                or (doc_texts(doc)[end] in ("-", "&") and end > j)
            ):
                end += 1
            if end == j or j == noun.i + 1 or all(i in taken for i in range(j, end)):
                continue
            text = doc[j:end].text
            if (
                self.kb.lookup(text) is None
                and normalize(text) not in self.stoplist
                and text not in self.city_holders
                and not (text.isupper() and len(text) <= 2)
            ):
                found.append(Mention(j, end, entity_iri(text), text, self._kind_of(noun.lower_), via="model"))
                taken.update(range(j, end))
        return found

    def _kind_of(self, noun: str) -> str:
        """Return the kind a company noun gives an unknown name ("coentreprise" -> JointVenture)."""
        kinds = self.descriptor_kinds.get(normalize(noun), ())
        return kinds[0] if len(kinds) == 1 and kinds[0] in ("JointVenture", "BusinessUnit") else "Organisation"

    def _named_before_apposition(
        self, doc: Doc, taken: set[int], named: list[Mention], lowers: list[str]
    ) -> list[Mention]:
        """Return unknown names followed by a company noun in apposition: "Argo AI, la start-up de ..."."""
        found: list[Mention] = []
        dets = self.determiners
        for comma in range(2, len(doc) - 2):
            if lowers[comma] != "," or lowers[comma + 1] not in dets:  # lowers: each word's lower_
                continue
            noun = comma + 2
            while noun < len(doc) - 1 and doc_tokens(doc)[noun].pos_ == "ADJ":
                noun += 1
            if lowers[noun] not in self.introducers:
                continue
            start = comma
            while start - 1 >= 0 and comma - start < 4 and (start - 1) not in taken:
                if name_like(doc_tokens(doc)[start - 1]):
                    start -= 1
                elif (  # "J-Bus, la coentreprise": a hyphen inside the name
                    doc_texts(doc)[start - 1] in ("-", "‑")
                    and start < comma
                    and start - 2 >= 0
                    and (start - 2) not in taken
                    and name_like(doc_tokens(doc)[start - 2])
                ):
                    start -= 2
                else:
                    break
            if start < comma and start - 1 >= 0 and (start - 1) in taken and doc_texts(doc)[start - 1][:1].isupper():
                head = max(m.start for m in named if m.start <= start - 1 < m.end)
                start = head if comma - head <= 4 else start  # "Ford Otosan": the parent's name is part of it
            text = doc[start:comma].text
            if (
                start < comma
                and (start - 1 < 0 or not name_like(doc_tokens(doc)[start - 1]))
                and self.kb.lookup(text) is None
                and normalize(text) not in self.stoplist
                and not (text.isupper() and len(text) <= 2)
            ):
                found.append(Mention(start, comma, entity_iri(text), text, "Organisation", via="model"))
                taken.update(range(start, comma))
        return found
