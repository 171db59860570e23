"""What a description says and whom it denotes: "le constructeur franco-italien", "the Japanese carmaker".

:class:`DescriptionMeaning` is a mixin of
:class:`~alliance_kg.nlp.descriptions.DescriptionReader` (it reads the
finder's ``kb``, ``lexicon``, ``lang`` and cue maps ``demonym_prefixes``,
``descriptor_kinds``, ``sector_kinds``): the countries and kinds of company a
description states, and the named entity of the article that a description
standing alone denotes (the one mentioned just before, then the most named).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from alliance_kg.kb import Entity, normalize
from alliance_kg.nlp.anaphora import previous_subject
from alliance_kg.nlp.sentindex import sentence_numbers
from alliance_kg.nlp.spans import Mention


class DescriptionMeaning:
    """Mixin: read the countries and kinds of a description, and resolve one to a named entity."""

    def _countries(self, span: Span) -> list[str]:
        """Return every country a compound nationality names: "franco-italien" -> France, Italy."""
        prefixes = self.demonym_prefixes
        out: list[str] = []
        for token in span:
            parts = normalize(token.text).split("-")
            if len(parts) < 2 or not all(p in prefixes for p in parts[:-1]):
                continue
            for part in parts[:-1]:
                entity = self.kb.lookup(prefixes[part][0])
                if entity is not None and entity.iri not in out:
                    out.append(entity.iri)
            last = self.kb.country_of_demonym(parts[-1])
            if last is not None and last.iri not in out:
                out.append(last.iri)
        return out

    def _read_description(self, span: Span, countries: list[str]) -> tuple[str | None, tuple[str, ...]]:
        """Return the (first) country and the kinds of company a description states."""
        country = countries[0] if countries else None
        kinds: set[str] = set()
        descriptors, sectors = self.descriptor_kinds, self.sector_kinds
        for token in span:
            word = normalize(token.text)
            entity = self.kb.country_of_demonym(word)
            if entity is not None and country is None:
                country = entity.iri
            kinds.update(descriptors.get(word, ()))
            kinds.update(sectors.get(word, ()))
            if word in ("coentreprise", "co-entreprise", "joint-venture", "joint", "venture"):
                kinds.add("JointVenture")
        return country, tuple(sorted(kinds))

    def _resolve(
        self, doc: Doc, span: Span, named: list[Mention], country: str | None, kinds: tuple[str, ...]
    ) -> Entity | None:
        """Return the named entity of the article that the description denotes."""
        if not country and not kinds:
            return None
        possessor = None
        if normalize(span[0].text) in self.lexicon.cues(self.lang, "possessives"):
            possessor = previous_subject(doc, span.start, named)
        if "JointVenture" in kinds and normalize(span[0].text) not in ("la", "le", "l'", "the"):
            return None  # "sa coentreprise avec GAC" is often another venture than the one named
        # the sentence of each token (all 0 without sentence boundaries)
        sentence_of = sentence_numbers(doc) if doc.has_annotation("SENT_START") else [0] * len(doc)
        here = sentence_of[span.start]
        counts: dict[str, int] = {}
        for mention in named:
            counts[mention.iri] = counts.get(mention.iri, 0) + 1
        candidates: dict[str, tuple[tuple, Entity]] = {}
        for mention in named:
            entity = self.kb.get(mention.iri)
            if entity is None and mention.kind == "JointVenture" and "JointVenture" in kinds:
                entity = Entity(mention.iri, mention.name, mention.kind)  # « baptisée Nidec PSA emotors »: unknown
            if entity is None or not entity.is_organisation or entity.kind == "NewsAgency":
                continue
            if possessor is not None and mention.iri == possessor.iri:
                continue
            if country and not entity.has_nationality(country):
                continue
            if kinds and entity.kind not in kinds:
                continue
            if not kinds and entity.kind in ("BusinessUnit", "JointVenture", "Alliance"):
                continue  # "le groupe japonais", "son partenaire français": a company, not a unit
            before = mention.end <= span.start
            near = before and here - sentence_of[mention.start] <= 1
            # rank: mentioned just before, then how often the article names it, then closeness
            rank = (
                0 if near else 1,
                -counts[mention.iri],
                (span.start - mention.end) if before else 10_000 + mention.start,
            )
            if mention.iri not in candidates or rank < candidates[mention.iri][0]:
                candidates[mention.iri] = (rank, entity)
        if not country and len(candidates) > 1:
            # without a nationality, only an unambiguous kind resolves ("le constructeur"), or the one company
            # of that kind named in this sentence or the one before ("GS Yuasa ... the battery maker said")
            near = [c for c in candidates.values() if c[0][0] == 0]
            earlier = [m for m in named if m.end <= span.start and m.is_organisation]
            last = max(earlier, key=lambda m: m.end, default=None)
            if len(near) == 1 and last is not None and last.iri == near[0][1].iri:
                return near[0][1]  # and no other company named in between
            return None
        if not candidates:
            return None
        return min(candidates.values(), key=lambda pair: (pair[0], pair[1].iri))[1]
