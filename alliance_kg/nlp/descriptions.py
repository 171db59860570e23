"""Descriptions of companies: "le constructeur japonais", "the Chinese carmaker", "la coentreprise".

:class:`DescriptionReader` is a mixin of
:class:`~alliance_kg.nlp.mentions.MentionFinder`: a description next to a
name is attached to it (and later gives ``basedIn``); one standing alone is
resolved to the article's named entity with that nationality, kind or
headquarters city, or, for a bare "la société", to the most salient subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from alliance_kg.nlp.doctable import doc_lowers, doc_parsed, doc_texts, doc_tokens
from alliance_kg.nlp.anaphora import previous_subject
from alliance_kg.nlp.description_meaning import DescriptionMeaning
from alliance_kg.nlp.spans import GENITIVE_MARKS, Description, Mention, person_nouns


class DescriptionReader(DescriptionMeaning):
    """Mixin: attach or resolve the descriptions of an article."""

    def _descriptions(self, doc: Doc, named: list[Mention]) -> tuple[list[Description], list[Mention]]:
        """Attach or resolve each description; return (attached, resolved)."""
        taken = {
            i for m in named if m.is_organisation for i in range(m.start, m.end)
        }  # "battery makers" may hold a technology
        by_start = {m.start: m for m in named}
        by_end = {m.end: m for m in named}
        attached: list[Description] = []
        resolved: list[Mention] = []
        matches = sorted([*self._description_spans(doc), *self._city_spans(doc)], key=lambda s: (s.start, -len(s)))
        for span in filter_spans(matches):
            while len(span) > 2 and span[-1].lower_ in ("et", "and", "-"):
                span = Span(doc, span.start, span.end - 1, label=span.label)  # "le constructeur français et [...]"
            if any(i in taken for i in range(span.start, span.end)):
                continue
            label = doc.vocab.strings[span.label]
            if label.startswith("CITY|"):
                entity = self._resolve_city(span, named, label[len("CITY|") :])
                if entity is not None:
                    resolved.append(
                        Mention(span.start, span.end, entity.iri, entity.name, entity.kind, via="description")
                    )
                continue
            first = span[0].lower_
            bare = label == "DESCRIPTION" and self.lang == "fr" and first not in self.determiners
            indefinite = first in ("un", "une")  # French only: English "a Japanese automaker" keeps resolving
            before = doc_lowers(doc)[span.start - 1] if span.start > 0 else ""
            if first in self.quantifiers or before in self.quantifiers:
                continue  # "every German carmaker", "chaque constructeur japonais": no one company
            if bare and (span.start == 0 or doc_texts(doc)[span.start - 1] != ","):
                continue  # a description without a determiner is one only in apposition
            countries = self._countries(span)
            country, kinds = self._read_description(span, countries)
            if label == "COUNTRY_POSSESSIVE":
                entity = self.kb.lookup(span[:-1].text)
                country = entity.iri if entity is not None and entity.kind == "Country" else None
            if label == "COMPATRIOT":  # "son compatriote Honda": the possessor's home country
                possessor = previous_subject(doc, span.start, named)
                home = self.kb.get(possessor.iri) if possessor is not None else None
                country = home.country if home is not None else None
                nxt = by_start.get(span.end)
                if country and nxt is not None and nxt.is_organisation and nxt.iri != possessor.iri:
                    attached.append(Description(span.start, span.end, nxt, country))
                continue
            after = by_start.get(self._skip_opener(doc, span.end)) or self._name_after_complement(doc, span, by_start)
            before = None
            comma = _apposition_comma(span) if self.lang == "en" else span.start - 1
            genitive = self.lang == "en" and span.start > 0 and doc_lowers(doc)[span.start - 1] in GENITIVE_MARKS
            possessor = by_end.get(span.start - 1) if genitive else None
            if possessor is not None:  # "Freightliner, Daimler Truck's American brand": over the possessor
                comma = possessor.start - 1
                if comma >= 1 and doc_lowers(doc)[comma] == "the":
                    comma -= 1  # "Hyundai Mobis, the Hyundai Motor Group's parts maker"
            if comma >= 1 and doc_texts(doc)[comma] == "," and _appositive(span):
                before = by_end.get(comma)  # "Tata AutoComp, a group parts maker": the name it describes
                if before is not None and before.kind == "NewsAgency":
                    before = None
            target = after or before
            owner_follows = span.end < len(doc) and doc_lowers(doc)[span.end] in ("de", "du", "d'", "d’", "des", "of")
            if before is not None and owner_follows:
                # "Magna Steyr, la filiale autrichienne de l'équipementier Magna": the name before; "de" gives the owner
                target = before
            if target is not None and target.is_organisation:
                targets = [target]
                if after is not None and (label == "COUNTRY_POSSESSIVE" or _plural(span, self.plural_words)):
                    targets += _coordinated(doc, after, by_start)  # "les marques chinoises BYD et Leapmotor"
                elif target is before and _plural(span, self.plural_words):
                    # "BYD et Great Wall Motor, deux constructeurs chinois"
                    targets += _coordinated_before(doc, before, by_end)
                for each in countries or ([country] if country else []):
                    attached += [Description(span.start, span.end, t, each) for t in targets]
                if not countries and not country and target is before and len(targets) == 1 and genitive:
                    # "Hyundai Mobis, the Hyundai Motor Group's parts maker": the apposition stands for the name
                    resolved.append(
                        Mention(span.start, span.end, target.iri, target.name, target.kind, via="description")
                    )
                continue
            if len(countries) > 1:
                # "le constructeur franco-italien" alone: only a company the base knows by all those nationalities
                entity = self._resolve(doc, span, named, countries[0], kinds)
                if entity is not None and all(entity.has_nationality(c) for c in countries):
                    stand_in = Mention(span.start, span.end, entity.iri, entity.name, entity.kind, via="description")
                    resolved.append(stand_in)
                    attached += [Description(span.start, span.end, stand_in, each) for each in countries]
                continue
            if indefinite or bare:
                continue  # "un constructeur chinois" not in apposition introduces another company
            if label == "COUNTRY_POSSESSIVE" or _plural(span, self.plural_words):
                listed = self._listed_before_others(doc, span, by_end) if country else []
                attached += [Description(span.start, span.end, m, country) for m in listed]
                continue  # a plural description with no names after it is generic ("les constructeurs japonais")
            if label == "DEMONYM_NAME":
                continue
            if label == "ANAPHOR":
                nxt = doc_tokens(doc)[span.end] if span.end < len(doc) else None
                if nxt is not None and (nxt.pos_ in ("ADJ", "PROPN", "NOUN") or nxt.i in taken):
                    continue  # "le groupe japonais", "le groupe Renault": not a bare anaphor
                pool = named
                if self.lang == "en" and span[-1].lower_ == "venture":  # "the venture": a joint venture only
                    pool = [m for m in named if m.kind == "JointVenture"]
                antecedent = previous_subject(doc, span.start, pool)
                wanted = kinds if "JointVenture" in kinds or "BusinessUnit" in kinds else ()
                if wanted and antecedent is not None and antecedent.kind not in wanted:
                    # "la coentreprise", "la filiale": the last venture or unit named, not the last company
                    antecedent = next((m for m in reversed(named) if m.end <= span.start and m.kind in wanted), None)
                if antecedent is not None and antecedent.kind not in ("Technology", "Country", "NewsAgency"):
                    resolved.append(
                        Mention(span.start, span.end, antecedent.iri, antecedent.name, antecedent.kind, via="anaphor")
                    )
                continue
            entity = self._resolve(doc, span, named, country, kinds)
            if entity is not None:
                resolved.append(
                    Mention(
                        span.start, span.end, entity.iri, entity.name, entity.kind, via="description", country=country
                    )
                )
        return attached, resolved

    def _listed_before_others(self, doc: Doc, span: Span, by_end: dict[int, Mention]) -> list[Mention]:
        """Return the companies before "et les autres constructeurs chinois" / "and other Chinese carmakers"."""
        if not any(t.lower_ in self.other_words for t in doc_tokens(doc)[max(0, span.start - 1) : span.end]):
            return []
        k, linked = span.start, False
        low = doc_lowers(doc)
        while k > 0 and low[k - 1] in ("et", "and", "à", "aux", "au", "de", "des", "du", "les", "the", "other"):
            linked = linked or doc_lowers(doc)[k - 1] in ("et", "and")
            k -= 1
        last = by_end.get(k)
        if not linked or last is None or not last.is_organisation:
            return []
        return [last, *_coordinated_before(doc, last, by_end)]

    @staticmethod
    def _name_after_complement(doc: Doc, span: Span, by_start: dict[int, Mention]) -> Mention | None:
        """Return the name after a description's complement: "le géant chinois des télécoms Huawei"."""
        j = span.end
        if j >= len(doc) or doc_lowers(doc)[j] not in ("de", "des", "du", "d'", "d’", "of"):
            return None
        j += 1
        while j < len(doc) and doc_tokens(doc)[j].pos_ == "DET":
            j += 1
        words = 0
        while j < len(doc) and words < 2 and doc_tokens(doc)[j].is_lower and doc_tokens(doc)[j].is_alpha:
            if doc_lowers(doc)[j] in person_nouns(doc.lang_):
                return None  # "la holding de la famille Schaeffler": the name is a family's
            j += 1
            words += 1
        mention = by_start.get(j) if words else None
        return mention if mention is not None and mention.is_organisation else None

    def _skip_opener(self, doc: Doc, i: int) -> int:
        """Return the index after "such as"/"comme"/"including" at ``i`` (or ``i``)."""
        for opener in sorted(self.lexicon.cues(self.lang, "list_openers", raw=True), key=len, reverse=True):
            words = opener.split()
            if i + len(words) <= len(doc) and all(doc_lowers(doc)[i + k] == w for k, w in enumerate(words)):
                if _relative_pronoun(doc, i + len(words)):
                    return i  # "le fabricant suédois, dont Volkswagen détient 21 %": "of which", not "including"
                return i + len(words)
        if i < len(doc) and doc_texts(doc)[i] == "," and i + 1 < len(doc):
            nxt = self._skip_opener(doc, i + 1)
            return nxt if nxt != i + 1 else i
        return i



def _appositive(span: Span) -> bool:
    """Return True when a description after "NAME," is an apposition, not the next clause's subject."""
    if doc_parsed(span.doc):
        return not span.root.dep_.startswith("nsubj") or span.root.head.i < span.start - 1
    nxt = doc_tokens(span.doc)[span.end] if span.end < len(span.doc) else None
    return nxt is None or nxt.text in (",", ")", ".", ";") or nxt.lower_ in ("of", "de", "in", "based", "which")


def _apposition_comma(span: Span) -> int:
    """Return the comma before an English apposition, over its opener and modifiers ("X, a group parts maker")."""
    doc, i = span.doc, span.start - 1
    while i > span.start - 4 and i > 0 and doc_tokens(doc)[i].is_lower and doc_lowers(doc)[i] not in ("a", "an", "the"):
        i -= 1
    return i - 1 if i > 0 and doc_lowers(doc)[i] in ("a", "an", "the") else span.start - 1


def _plural(span: Span, plural_words: frozenset[str]) -> bool:
    """Return True when a description's head word is plural ("les marques chinoises", "carmakers").

    The head word decides: nationality adjectives such as "japonais" are
    invariable and the tagger often calls them plural.
    """
    return span[0].lower_ in ("les", "des", "ses", "leurs", "ces") or any(t.lower_ in plural_words for t in span)


def _coordinated_before(doc: Doc, last: Mention, by_end: dict[int, Mention]) -> list[Mention]:
    """Return the mentions coordinated before ``last`` ("BYD et à Great Wall Motor", "BYD, Xpeng et GAC")."""
    out, start = [], last.start
    links = (",", "et", "and", "à", "au", "aux", "with")
    while start > 0 and doc_lowers(doc)[start - 1] in links:
        prev = start - 1
        while prev > 0 and doc_lowers(doc)[prev - 1] in links:
            prev -= 1
        mention = by_end.get(prev)
        linked = any(doc_lowers(doc)[k] in ("et", "and", ",") for k in range(prev, start))
        if mention is None or not mention.is_organisation or not linked:
            break
        out.append(mention)
        start = mention.start
    return out


def _coordinated(doc: Doc, first: Mention, by_start: dict[int, Mention]) -> list[Mention]:
    """Return the mentions coordinated after ``first`` ("BYD, Leapmotor et GAC")."""
    out, end = [], first.end
    while end < len(doc) and doc_lowers(doc)[end] in (",", "et", "and", "ainsi", "que"):
        nxt = end
        while nxt < len(doc) and doc_lowers(doc)[nxt] in (",", "et", "and", "ainsi", "que"):
            nxt += 1
        mention = by_start.get(nxt)
        if mention is None or not mention.is_organisation:
            break
        out.append(mention)
        end = max(end + 1, mention.end)
    return out


VERB_CLITICS = frozenset({"ne", "n'", "n’", "se", "s'", "s’", "en", "y", "l'", "l’", "lui", "leur"})


def _relative_pronoun(doc: Doc, i: int) -> bool:
    """Return True when the name at ``i`` is followed by its verb: the "dont" before it is a relative pronoun."""
    tokens = doc_tokens(doc)
    j = i
    while j < len(doc) and tokens[j].pos_ == "PROPN":
        j += 1
    named = j > i
    while j < len(doc) and doc_lowers(doc)[j] in VERB_CLITICS:  # "dont Varta n'a jamais confirmé le nom"
        j += 1
    return named and j < len(doc) and tokens[j].pos_ in ("VERB", "AUX")
