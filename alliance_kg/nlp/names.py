"""Companies the knowledge base does not know: how the mention stage finds their names.

:class:`UnknownNames` is a mixin of :class:`~alliance_kg.nlp.mentions.MentionFinder`
(it reads the finder's knowledge base, lexicon and cue sets): the model's
named entities that the article uses as a company, and names a company noun
introduces ("le conglomérat turc Koç", "le fabricant de batteries Primearth",
"Argo AI, la start-up ...", "its Cruise unit").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from alliance_kg.nlp.doctable import doc_ents, doc_lowers, doc_texts, doc_tokens, span_text
from alliance_kg.kb import normalize
from alliance_kg.namespaces import entity_iri
from alliance_kg.nlp.name_units import unit_names
from alliance_kg.nlp.names_called import CalledNames
from alliance_kg.nlp.names_en import EnglishNames, name_like
from alliance_kg.nlp.names_en_forms import EnglishNameForms
from alliance_kg.nlp.names_fr import FrenchNames
from alliance_kg.nlp.spans import Mention

DEFINITE_ARTICLES = frozenset({"l'", "l’", "la", "le", "les", "du", "des"})  # "de l'Ohio": a place
PLACE_PREPOSITIONS = frozenset({"à", "en", "dans", "vers", "depuis", "in", "at", "near"})


_name_like = name_like


class UnknownNames(EnglishNames, EnglishNameForms, FrenchNames, CalledNames):
    """Mixin: find the organisations an article names that the knowledge base does not know."""

    def _model_orgs(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        if not self.use_model_entities:
            return []
        taken = {i for m in named for i in range(m.start, m.end)}
        found = []
        evidence = self._company_evidence(doc, named)
        # « fournir à Saab des moteurs »: « à » before a name the article also uses as a company's is no place's
        organised = {ent.text for ent in doc_ents(doc) if ent.label_ == "ORG"}
        places = self._place_names(doc) - (evidence & organised)
        products = self._article_names(doc)
        for ent in doc_ents(doc):
            if any(i in taken for i in range(ent.start, ent.end)) or not self._company_like(ent, places):
                continue
            if ent.text in products:
                continue  # « la Micra », « le Ram ProMaster »: a model, never named without its article
            if ent.label_ != "ORG" and ent.text not in evidence:
                continue
            span = ent
            while len(span) > 1 and span[0].pos_ in ("DET", "ADP"):
                span = span[1:]
            text = span.text.strip()
            if (
                len(span) > 6
                or not text[:1].isupper()
                or normalize(text) in self.stoplist
                # "LFP", "NMC", "VE": acronyms, rarely companies here unless used as one (« les chemins de fer RZD »)
                or (text.isupper() and len(text) <= 4 and text not in evidence)
                or self.kb.lookup(text) is not None
                or not any(c.isalpha() for c in text)
                or (span.start > 0 and doc_lowers(doc)[span.start - 1] in self.person_nouns)  # "la famille Dupont"
            ):
                continue
            known = self._named_prefix(text, named)
            if known is not None:  # "Great Wall" after "Great Wall Motor"
                found.append(Mention(span.start, span.end, known.iri, known.name, known.kind, via="name"))
                continue
            found.append(Mention(span.start, span.end, entity_iri(text), text, "Organisation", via="model"))
        return found

    @staticmethod
    def _named_prefix(text: str, named: list[Mention]) -> Mention | None:
        """Return the organisation of the article whose name starts with ``text`` (a shortened name)."""
        for mention in named:
            # not a venture named after its parents: "Behr" is no short form of "Behr Hella Service"
            if mention.is_organisation and mention.kind != "JointVenture" and (
                mention.name.casefold().startswith(text.casefold() + " ")
            ):
                return mention
        return None

    def _company_evidence(self, doc: Doc, named: list[Mention]) -> frozenset[str]:
        """Return the entity texts the article uses as a company at least once.

        Evidence: the name is a subject or an agent ("conçus par Symbio"), or
        a company noun or a nationality stands right before it ("l'équipementier
        Forvia", "l'américain Plug Power") or in apposition after it.
        """
        nouns = self.company_nouns
        orgs = {i for m in named if m.is_organisation for i in range(m.start, m.end)}
        out = set()
        toks, lowers, texts = doc_tokens(doc), doc_lowers(doc), doc_texts(doc)  # words by position: no Span each
        for ent in doc_ents(doc):
            root = ent.root
            before = toks[ent.start - 1] if ent.start > 0 else None
            after = range(ent.end, min(ent.end + 3, len(doc)))  # the positions of doc[ent.end : ent.end + 3]
            window = range(max(ent.sent.start, ent.start - 4), ent.start)
            if root.dep_.startswith("nsubj") or root.dep_ in ("obl:agent", "agent"):
                out.add(ent.text)
            elif before is not None and (lowers[before.i] in nouns or normalize(texts[before.i]) in self.demonym_words):
                out.add(ent.text)
            elif len(after) >= 2 and texts[after[0]] == "," and any(lowers[k] in nouns for k in after[1:]):
                out.add(ent.text)
            elif before is not None and lowers[before.i] in ("avec", "par", "with", "by") and ent.label_ != "LOC":
                out.add(ent.text)  # "nouée avec Brilliance Auto" (a place after "avec" is rare but LOC)
            elif (
                any(lowers[k] in nouns for k in window)
                and not any(toks[k].is_punct for k in window)
                and not (ent.label_ == "LOC" and before is not None and lowers[before.i] in DEFINITE_ARTICLES)
            ):
                out.add(ent.text)  # "sa filiale de voitures autonomes Cruise", not "leur coentreprise de l'Ohio"
            elif any(c.i in orgs for c in (*root.conjuncts, root.head) if c.dep_ == "conj" or root.dep_ == "conj"):
                out.add(ent.text)  # coordinated with a company: "Honda, GM et ... Cruise"
        return frozenset(out)

    def _place_names(self, doc: Doc) -> frozenset[str]:
        """Return the names the article uses as places ("à Grenoble", "près de Lyon")."""
        places = set()
        for ent in doc_ents(doc):
            before = doc_lowers(doc)[ent.start - 1] if ent.start > 0 else ""
            near_de = before == "de" and ent.start > 1 and doc_lowers(doc)[ent.start - 2] == "près"
            if before in PLACE_PREPOSITIONS or near_de:
                places.add(ent.text)
        return frozenset(places)

    def _company_like(self, ent: Span, places: frozenset[str]) -> bool:
        """Return True for a named entity that may be a company the model labelled otherwise.

        The French model labels company names ORG, but also LOC ("Symbio"),
        PER ("Forvia") or MISC ("Plug Power"): those count unless the article
        uses the name as a place or it reads as a person's (two words or more).
        """
        if ent.text in places or ent.text in self.city_holders:
            return False  # "le groupe de Ningde": a city, even when labelled ORG
        if ent[0].lower_ in self.product_nouns:
            return False  # "le SUV Nexo", "the Model Y": a product
        if ent.label_ == "ORG":
            return True
        if ent.label_ not in ("LOC", "PER", "MISC"):
            return False
        if ent.label_ == "PER" and len(ent) > 1:
            return False
        if any(not (t.pos_ in ("PROPN", "X") or t.text[:1].isupper()) for t in ent):
            return False
        return all(t.is_title or t.is_upper or t.text[:1].isupper() for t in ent) and ent[0].pos_ != "DET"

    def _introduced_names(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        """Return unknown names a company noun introduces: "its mobility unit MOIA", "start-up Momenta".

        Without a named-entity model (the blank English pipeline) this is how
        companies missing from the knowledge base are found; with one, it
        adds the names the model missed.
        """
        taken = {i for m in named for i in range(m.start, m.end)}
        nouns = self.introducers
        # names given in so many words win over the known names inside them (« baptisée Nidec PSA emotors »)
        found: list[Mention] = []
        for m in self._called_names(doc, named) + (self._longer_model_names(doc, named) if self.lang == "fr" else []):
            if not any(f.start < m.end and m.start < f.end for f in found):
                found.append(m)
        taken.update(i for m in found for i in range(m.start, m.end))
        lowers = doc_lowers(doc)  # no Token object per word
        demonyms = self.demonym_words
        french = self.lang == "fr"
        # the words after a company noun or (French) a nationality, in order: the only places a name is introduced
        texts = doc_texts(doc)  # a noun written in capitals is part of a name: "Bridges Fund Management"
        after = [
            k + 1
            for k, w in enumerate(lowers[:-1])
            if (w in nouns and not texts[k][:1].isupper()) or (french and normalize(w) in demonyms)
        ]
        resume = 1  # where the reading goes on after a name found
        for i in after:
            if i < resume:
                continue
            j = i + 1 if doc_texts(doc)[i] == "," and doc_lowers(doc)[i - 1] in nouns else i
            k = i - 1
            while self.lang == "fr" and k > i - 3 and k > 0 and normalize(doc_texts(doc)[k]) in demonyms:
                k -= 1  # "le conglomérat turc Koç"
            # "le suisse ANYbotics": a nationality used as a noun after an article introduces a name too
            demonym_noun = self.lang == "fr" and k < i - 1 and lowers[k] in ("le", "la", "l'", "l’", "du", "au")
            if (lowers[k] in nouns or demonym_noun) and j < len(doc) and j not in taken and _name_like(
                doc_tokens(doc)[j]
            ):
                end = j
                while (
                    end < len(doc)
                    and end - j < 4
                    and end not in taken
                    and (
                        _name_like(doc_tokens(doc)[end])
                        or (
                            doc_texts(doc)[end] in ("&", "-") and end + 1 < len(doc)
                            and _name_like(doc_tokens(doc)[end + 1])
                        )
                    )
                ):
                    end += 1
                text = span_text(doc, j, end)
                if (
                    end > j
                    and self.kb.lookup(text) is None
                    and normalize(text) not in self.stoplist
                    and not (text.isupper() and len(text) <= 2)
                ):
                    found.append(Mention(j, end, entity_iri(text), text, "Organisation", via="model"))
                    taken.update(range(j, end))
                    resume = end
        if self.lang == "fr":
            found += self._named_before_apposition(doc, taken, named, lowers)
            found += self._named_after_complement(doc, taken, lowers)
        if self.lang == "en":
            found += self._names_before_unit_nouns(doc, taken, lowers)
            found += self._named_before_english_apposition(doc, taken, named, lowers)
            found += self._named_after_country_possessive(doc, taken, named, lowers)
            found += self._names_by_form(doc, taken, named)
        found += unit_names(doc, named, found, self.kb, self.lexicon, self.lang)
        return found
