"""English names the knowledge base does not know, found without a named-entity model.

:class:`EnglishNames` is a mixin of :class:`~alliance_kg.nlp.names.UnknownNames`
for the blank English pipeline:

- a capitalised name between a possessive and a unit noun: "its Cruise
  unit", "GM's Zoox arm";
- a name a country introduces in the genitive: "China's Weichai Power";
- a name set off by an apposition whose head is a company noun (the
  lexicon's ``apposition_name_nouns``): "SiliconAuto, a 50-50 joint
  venture", "Pony.ai, a Chinese autonomous-driving start-up", "FinDreams,
  BYD's battery-making arm". Two known names side by side before such an
  apposition are one venture's name ("FAW Toyota, a joint venture").
"""

from __future__ import annotations

from spacy.tokens import Doc

from alliance_kg.nlp.doctable import doc_lowers, doc_texts, doc_tokens
from alliance_kg.kb import normalize
from alliance_kg.lexicon import load_lexicon
from alliance_kg.namespaces import entity_iri
from alliance_kg.nlp.spans import STAKE_NOUNS, Mention, unit_nouns

# "its Cruise unit": English nouns after which an unknown capitalised name is a company's unit
REGION_WORDS = {"european", "asian", "african", "american", "latin", "north", "south", "east", "west", "nordic"}
REGION_WORDS |= {"western", "eastern", "northern", "southern", "middle", "global", "international", "ev", "ai"}
# words that may follow the head noun of the apposition: "a joint venture that", "a start-up in which", "a unit of"
APPOSITION_ENDS = {",", ".", ";", ":", "(", "that", "which", "whose", "in", "with", "of", "for", "between", "from"}
APPOSITION_ENDS |= {"and", "to", "the", "it", "its", "their", "based", "set", "owned", "formed", "created", "founded"}
APPOSITION_ENDS |= {"backed", "launched", "led", "run", "controlled", "best", "known", "specialising", "specializing"}
APPOSITION_ENDS |= {"focused", "focusing", "majority", "co-owned", "jointly", "equally", "we", "they", "which"}
OPENERS = {"a", "an", "the", "its", "their"}
# "a stake in Weichai Westport, a venture with ...": after these "in" introduces a company, not a place
HOLDING_NOUNS = STAKE_NOUNS | {"interests", "investment", "investments"}
# a preposition before the name makes it a date or a place ("In Wuhan, the unit ...", "since March, the venture")
BEFORE_NON_NAMES = {"in", "at", "near", "since", "until", "during"}
DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february"}
DATE_WORDS |= {"march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def name_like(token) -> bool:
    """Return True for a token that can be part of a company name ("MOIA", "Pony.ai", "Momenta")."""
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text) and not token.is_sent_start


class EnglishNames:
    """Mixin: unknown English company names introduced by a unit noun or an apposition."""

    def _names_before_unit_nouns(self, doc: Doc, taken: set[int], lowers: list[str]) -> list[Mention]:
        """Return unknown names between a possessive and a unit noun: "its Cruise unit", "GM's Zoox arm" (English)."""
        found: list[Mention] = []
        units = unit_nouns("en")
        for k, low in enumerate(lowers):  # each word's lower_: no Token object for the words skipped
            if low not in units or k < 2:
                continue
            start = k
            while start > 0 and k - start < 3 and start - 1 not in taken and name_like(doc_tokens(doc)[start - 1]):
                start -= 1
            opener = doc_lowers(doc)[start - 1] if start > 0 else ""
            words = set(doc_lowers(doc)[start:k])
            region = words & REGION_WORDS or words & self.country_demonyms
            if start == k or opener not in ("its", "their", "'s", "’s") or region:
                continue
            text = doc[start:k].text
            if self.kb.lookup(text) is None and normalize(text) not in self.stoplist and not text.isupper():
                found.append(Mention(start, k, entity_iri(text), text, "Organisation", via="model"))
                taken.update(range(start, k))
        return found

    def _named_before_english_apposition(
        self, doc: Doc, taken: set[int], named: list[Mention], lowers: list[str]
    ) -> list[Mention]:
        """Return unknown names before an apposition headed by a company noun ("SiliconAuto, a joint venture")."""
        nouns = self.lexicon.cues("en", "apposition_name_nouns", raw=True)
        at = {i: m for m in named for i in range(m.start, m.end)}
        found: list[Mention] = []
        for comma in range(1, len(doc) - 2):
            if lowers[comma] != ",":  # lowers: each word's lower_
                continue
            head = self._apposition_head(doc, comma + 1, at, nouns)
            if head is None and not _owned_by_known(lowers, comma + 1, at):
                continue
            start, known = self._name_before(doc, comma, at)
            if start is None:
                continue
            unknown = any(i not in at for i in range(start, comma))
            if not unknown and known < 2:
                continue  # "Nissan, the Japanese carmaker": a known name
            if any(i in taken and i not in at for i in range(start, comma)):
                continue  # already found by another rule
            text = doc[start:comma].text
            known_text = self.kb.lookup(text) is not None or normalize(text) in self.stoplist
            if known_text or (text.isupper() and len(text) <= 2) or text.rstrip(".") in self.legal_form_words:
                continue  # "Ltd." alone is no name
            kind = "JointVenture" if head is not None and lowers[head] in ("venture", "ventures") else "Organisation"
            found.append(Mention(start, comma, entity_iri(text), text, kind, via="model"))
            taken.update(range(start, comma))
        return found

    def _named_after_country_possessive(
        self, doc: Doc, taken: set[int], named: list[Mention], lowers: list[str]
    ) -> list[Mention]:
        """Return unknown names a country introduces in the genitive: "China's Weichai Power", "Turkey's Koç"."""
        found: list[Mention] = []
        for country in named:
            j = country.end + 1
            if country.kind != "Country" or j >= len(doc) or lowers[country.end] not in ("'s", "’s"):
                continue
            end = j
            while end < len(doc) and end - j < 4 and end not in taken and name_like(doc_tokens(doc)[end]):
                end += 1
            text = doc[j:end].text
            if end == j or lowers[j] in DATE_WORDS or self.kb.lookup(text) is not None:
                continue
            if normalize(text) in self.stoplist or (text.isupper() and len(text) <= 2):
                continue
            found.append(Mention(j, end, entity_iri(text), text, "Organisation", via="model"))
            taken.update(range(j, end))
        return found

    def _apposition_head(self, doc: Doc, i: int, at: dict[int, Mention], nouns: frozenset[str]) -> int | None:
        """Return the index of the company noun heading the apposition that starts at ``i``, if it is one."""
        if doc_lowers(doc)[i] in OPENERS:
            i += 1
        elif i in at and at[i].is_organisation and at[i].end < len(doc) and doc[at[i].end].lower_ in ("'s", "’s"):
            i = at[i].end + 1  # "FinDreams, BYD's battery-making arm"
        else:
            return None
        demonyms = self.demonym_words
        for k in range(i, min(len(doc) - 1, i + 7)):
            token = doc_tokens(doc)[k]
            low = token.lower_
            noun = low if low in nouns else None
            if low == "up" and k >= 2 and doc_texts(doc)[k - 1] == "-" and doc_lowers(doc)[k - 2] == "start":
                noun = "start-up"  # the blank tokenizer splits "start-up"
            if noun is not None and (k + 1 >= len(doc) or doc_lowers(doc)[k + 1] in APPOSITION_ENDS):
                return k
            modifier = (
                token.is_lower
                or token.like_num
                or token.text in ("-", "%", "/")
                or normalize(token.text) in demonyms
                or (k in at and at[k].kind in ("Country", "Technology"))
            )
            if not modifier or low in APPOSITION_ENDS - {"-"}:
                return None
        return None

    def _name_before(self, doc: Doc, comma: int, at: dict[int, Mention]) -> tuple[int | None, int]:
        """Return where the name ending at ``comma`` starts, and how many known organisations it holds."""
        start, known = comma, 0
        while start > 0 and comma - start < 6:
            prev = doc_tokens(doc)[start - 1]
            mention = at.get(start - 1)
            if mention is not None and mention.is_organisation and mention.end == start:
                start, known = mention.start, known + 1
            elif mention is not None and mention.kind in ("Technology", "Country") and name_like(prev) and (
                start < comma
            ):
                # "BYD Toyota EV Technology", "Mahindra Ford India Ltd.": a technology or country word inside a name
                start = mention.start
            elif mention is None and (
                name_like(prev) or (prev.is_sent_start and prev.text[:1].isupper() and not prev.is_stop)
            ):
                start -= 1
            elif prev.text in ("&", "-", ".") and start - 1 > 0 and start < comma:
                start -= 1
            else:
                break
        if start == comma or doc_texts(doc)[start] in ("&", "-", "."):
            return None, 0
        first = doc_tokens(doc)[start]
        if first.is_sent_start and start not in at and (first.lower_.endswith("ly") or first.is_stop):
            return None, 0  # "Separately, a joint venture ...", "However, ..."
        held = start > 1 and doc_lowers(doc)[start - 1] == "in" and doc_lowers(doc)[start - 2] in HOLDING_NOUNS
        # "will invest in Arrival, a British start-up": mid-sentence, an indefinite apposition names a company,
        # not a place ("In Wuhan, the unit ...")
        held = held or (
            start > 1 and doc_lowers(doc)[start - 1] == "in" and not doc_tokens(doc)[start - 1].is_sent_start
            and comma + 1 < len(doc) and doc_lowers(doc)[comma + 1] in ("a", "an")
        )
        if (start > 0 and doc_lowers(doc)[start - 1] in BEFORE_NON_NAMES and not held) or any(
            t.lower_ in DATE_WORDS for t in doc_tokens(doc)[start:comma]
        ):
            return None, 0
        return start, known


OWNED_PARTICIPLES = load_lexicon().cues("en", "owned_by_participles", raw=True)  # "Pininfarina, owned by Mahindra"


def _owned_by_known(lowers: list[str], i: int, at: dict[int, Mention]) -> bool:
    """Return True for "owned by" / "backed by" a known organisation at ``i``: "Pininfarina, owned by Mahindra"."""
    k = i + 1 if lowers[i] in ("which", "that") and i + 1 < len(lowers) and lowers[i + 1] in ("is", "was") else i
    k = k + 1 if lowers[k] in ("is", "was") else k
    if k + 2 >= len(lowers) or lowers[k] not in OWNED_PARTICIPLES or lowers[k + 1] != "by":
        return False
    owner = at.get(k + 2)
    if owner is not None and owner.kind == "Country" and lowers[k + 3 : k + 4] == ["'s"]:
        owner = at.get(k + 4)  # "owned by India's Mahindra"
    return owner is not None and owner.is_organisation
