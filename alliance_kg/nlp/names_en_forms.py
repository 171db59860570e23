"""English company names known by their form: a company word at the end, a web domain, a short form.

A mixin of :class:`~alliance_kg.nlp.names.UnknownNames` for English, where
no named-entity model is installed. Real articles name many companies the
knowledge base does not know, often with no apposition to introduce them
("will invest $500 million in Joby Aviation"); their names say what they
are:

- a capitalised name whose last word is a company word (the lexicon's
  ``company_name_ends`` and ``legal_forms``): "Joby Aviation", "Farasis
  Energy", "Delta Air Lines", "Cox Automotive";
- a web-domain name (the lexicon's ``domain_name_ends``): "Helm.ai";
- after such a name, found so or known to the knowledge base, its short
  form, the word before the company words ("Joby", "Farasis"), wherever the
  article uses it, unless the article also writes that word in lower case (a
  common word: "Solid" of "Solid Power") or the word names a known entity.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from alliance_kg.kb import normalize
from alliance_kg.namespaces import entity_iri
from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.nlp.spans import Mention

LONGEST_NAME = 6  # words
# one word with a capital inside it: "LiveWire", "QuantumScape", "ProLogium" (companies write their names so;
# people's names and common words do not)
CAMEL_CASE = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")


def domain_pattern(ends: frozenset[str]) -> re.Pattern | None:
    """Return the pattern of a company's web-domain name ("Helm.ai") for these domain endings, or None.

    >>> domain_pattern(frozenset({"ai"})).match("Helm.ai") is not None
    True
    """
    if not ends:
        return None
    return re.compile(r"^[A-Z][A-Za-z0-9-]*\.(?:" + "|".join(sorted(map(re.escape, ends))) + r")$")


def capitalised(text: str) -> bool:
    """Return True for a word that starts with a capital and has a letter ("Joby", "Helm.ai", not "2024").

    >>> capitalised("Joby"), capitalised("joby"), capitalised("2024")
    (True, False, False)
    """
    return text[:1].isupper() and any(c.isalpha() for c in text)


class EnglishNameForms:
    """Mixin: unknown English names that end with a company word or are web domains, and their short forms."""

    def _names_by_form(self, doc: Doc, taken: set[int], named: list[Mention]) -> list[Mention]:
        """Return unknown names ending with a company word ("Joby Aviation") and web-domain names ("Helm.ai")."""
        ends = self.company_end_words
        texts, lowers, tokens = doc_texts(doc), doc_lowers(doc), doc_tokens(doc)
        organisations = {i for m in named if m.is_organisation for i in range(m.start, m.end)}
        found: list[Mention] = []
        i = 0
        while i < len(doc):
            if i in taken or not capitalised(texts[i]):
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end not in taken and end - i < LONGEST_NAME and (
                capitalised(texts[end])
                or (texts[end] in ("&", "-") and end + 1 < len(doc) and capitalised(texts[end + 1]))
            ):
                end += 1
            start = i
            while start < end and (tokens[start].is_stop or lowers[start] in self.determiners):
                start += 1  # "In Joby Aviation's plant", "The Farasis Energy plant"
            mention = self._form_name(doc, start, end, ends, organisations)
            if mention is not None:
                found.append(mention)
                taken.update(range(mention.start, mention.end))
            i = end
        return found

    def _form_name(
        self, doc: Doc, start: int, end: int, ends: frozenset[str], organisations: set[int]
    ) -> Mention | None:
        """Return the mention of ``doc[start:end]`` if its form makes it a company's name, else None."""
        texts, lowers = doc_texts(doc), doc_lowers(doc)
        if start >= end or (start > 0 and start - 1 in organisations):
            return None  # "Toyota Tsusho Investments": a unit named after its parent is name_units' business
        if end - start == 1 and self.domain_name is not None and self.domain_name.match(texts[start]):
            name = texts[start]
        elif end - start == 1 and CAMEL_CASE.match(texts[start]) and not texts[start].startswith(("Mc", "Mac")):
            name = texts[start]  # "LiveWire" (not "McLaren", a family name as often as a company's)
        elif end - start >= 2 and lowers[end - 1].rstrip(".") in ends and any(
            lowers[k] not in ends for k in range(start, end - 1)
        ):
            name = doc[start:end].text
        else:
            return None
        words = lowers[start:end]
        if (
            self.kb.lookup(name) is not None
            or normalize(name) in self.stoplist
            or normalize(texts[start]) in self.demonym_words
            or any(w in self.person_nouns or w in ("'s", "’s") for w in words)
        ):
            return None
        return Mention(start, end, entity_iri(name), name, "Organisation", via="model")

    def _short_forms(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        """Return the other mentions of a name found by its form, by its short form ("Joby" for "Joby Aviation")."""
        ends = self.company_end_words
        texts, lowers = doc_texts(doc), doc_lowers(doc)
        common = {low for low, text in zip(lowers, texts) if text.islower()}  # words the article writes in lower case
        short: dict[str, Mention] = {}
        for m in named:
            if m.via not in ("model", "name") or not m.is_organisation or m.end - m.start < 2:
                continue
            if lowers[m.end - 1].rstrip(".") not in ends:
                continue
            cut = m.end - 1
            while cut > m.start + 1 and lowers[cut - 1].rstrip(".") in ends:
                cut -= 1  # "Delta Air Lines" -> "Delta"
            if cut - m.start != 1:
                continue  # one-word short forms only: "Joby", "Farasis"
            word = texts[m.start]
            if lowers[m.start] in common or self.kb.lookup(word) is not None or normalize(word) in self.stoplist:
                continue
            short.setdefault(word, m)
        if not short:
            return []
        taken = {i for m in named for i in range(m.start, m.end)}
        return [
            Mention(i, i + 1, short[word].iri, short[word].name, short[word].kind, via="model")
            for i, word in enumerate(texts)
            if word in short and i not in taken
        ]
