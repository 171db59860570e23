"""Attribution: who does the article say a sentence comes from?

"selon des sources", "d'après Reuters", "a déclaré X, directeur général de
Renault", "according to people familiar with the matter", "Nissan said":
the source is a named organisation (a quoted executive counts as their
company) or ``unnamed sources``. A joint announcement and the article's own
voice give no attribution.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from alliance_kg.nlp.doctable import doc_ents, doc_lowers, doc_texts, doc_tokens, token_children
from alliance_kg.kb import normalize
from alliance_kg.lexicon import Lexicon
from alliance_kg.nlp.mentions import Mention
from alliance_kg.statement import UNNAMED_SOURCES


_VERBAL = (VERB, AUX)



class Attributor:
    """Find the source of each sentence of a document."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lexicon = lexicon
        self.lang = lang
        self.speech = lexicon.cues(lang, "speech_verbs")
        self.speech_raw = lexicon.cues(lang, "speech_verbs", raw=True)
        self.markers = lexicon.cues(lang, "source_markers", raw=True)
        # markers that give a source only at the head of a clause ("Pour Renault, ..."), not in "construira pour Honda"
        self.weak_markers = lexicon.cues(lang, "weak_source_markers", raw=True)
        self.roles = lexicon.cues(lang, "role_nouns", raw=True)
        self._marker_ids = frozenset(get_string_id(m) for m in (*self.markers, "après"))
        self._pair_firsts = frozenset(m.split(" ")[0] for m in self.markers if " " in m)  # "according to"
        self.unnamed_nouns = lexicon.cues(lang, "unnamed_source_nouns", raw=True)

    # -- helpers --------------------------------------------------------
    def _org_in(self, tokens: list[Token], mention_at: dict[int, Mention]) -> str | None:
        for token in tokens:
            mention = mention_at.get(token.i)
            if mention is not None and mention.is_organisation:
                return mention.name
        return None

    def _source_of(self, head: Token, mention_at: dict[int, Mention]) -> str | None:
        """Return the source named by the phrase headed by ``head``."""
        if unnamed(head, self.lexicon, self.lang):
            return UNNAMED_SOURCES
        mention = mention_at.get(head.i)
        if mention is not None and mention.is_organisation:
            return mention.name
        return self._org_in(list(head.subtree), mention_at)

    # -- parsed ---------------------------------------------------------
    def parsed(self, sent: Span, mention_at: dict[int, Mention]) -> str | None:
        """Return the source of a parsed sentence, or None."""
        found: list[str | None] = []
        for token in self._candidates(sent):
            low = token.lower_
            opens = token.i == sent.start or token.nbor(-1).text in (",", ";", ":", "«", '"')
            if (low in self.markers and (low not in self.weak_markers or opens)) or (
                low == "après" and token.i > sent.start and token.nbor(-1).lower_ in ("d'", "d’")
            ):
                if token.dep_ in ("case", "fixed", "prep") and token.head.i != token.i:
                    noun = token.head if token.dep_ == "case" else token.head.head
                    if token.dep_ == "prep":
                        noun = next((c for c in token_children(token) if c.dep_ == "pobj"), token)
                    found.append(self._source_of(noun, mention_at))
            elif token.pos_ in ("VERB", "AUX") and normalize(token.lemma_) in self.speech:
                subjects = [c for c in token_children(token) if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
                if (
                    token.i > sent.start
                    and token.nbor(-1).text in (",", "»", '"', "”")
                    or any(
                        c.dep_.startswith("aux") and c.i > sent.start and c.nbor(-1).text in (",", "»")
                        for c in token_children(token)
                    )
                ):
                    # inverted subject: "..., ont ajouté ces sources" (parsed as an object)
                    subjects += [c for c in token_children(token) if c.dep_ in ("obj", "dobj") and c.i > token.i]
                for subject in subjects:
                    if subject.pos_ == "PRON":
                        continue
                    found.append(
                        self._source_of(subject, mention_at) or self._person_company(subject, sent, mention_at)
                    )
        return source_name(found)

    def reset(self) -> None:
        """Forget the people met in the previous document."""
        self.people: dict[str, str] = {}

    def _person_company(self, person: Token, sent: Span, mention_at: dict[int, Mention]) -> str | None:
        """Return the company of a quoted person: "X, le directeur général de Renault", or met earlier."""
        name = " ".join(t.text for t in person.subtree if t.dep_ in ("flat:name", "flat", "compound") or t is person)
        people = getattr(self, "people", {})
        for i in range(person.i + 1, min(sent.end, person.i + 12)):
            token = doc_tokens(sent.doc)[i]
            if token.lower_ in self.roles or normalize(token.lemma_) in self.roles:
                for j in range(i + 1, min(sent.end, i + 6)):
                    mention = mention_at.get(j)
                    if mention is not None and mention.is_organisation:
                        people[name] = mention.name
                        self.people = people
                        return mention.name
                break
        return people.get(name)

    def _candidates(self, sent: Span):
        """Yield the tokens of ``sent`` that may be a source marker or a speech verb (read from arrays)."""
        doc = sent.doc
        if getattr(self, "_rows_of", (None,))[0] is not doc:  # the candidates of the whole doc, once
            self._rows_of = (doc, self._candidate_positions(doc))
        positions = self._rows_of[1]
        toks = doc_tokens(doc)
        for i in positions[bisect_left(positions, sent.start) : bisect_left(positions, sent.end)]:
            yield toks[i]

    def _candidate_positions(self, doc) -> list[int]:
        """Return the positions of the verbs whose lemma is a speech verb and of the markers, in order.

        Read from arrays: the hashes of LOWER, POS and LEMMA, the verbs' lemmas looked up once each.
        """
        rows = doc.to_array([LOWER, POS, LEMMA])
        if not len(rows):
            return []
        memo: dict[int, bool] = self.__dict__.setdefault("_speech_memo", {})  # lemma hash -> speech verb?
        strings = doc.vocab.strings
        verbal = numpy.isin(rows[:, 1], _VERBAL)
        lemmas = set(rows[verbal, 2].tolist())
        for lemma in lemmas:
            if lemma not in memo:
                memo[lemma] = normalize(strings[lemma]) in self.speech
        speech = sorted(h for h in lemmas if memo[h])
        found = (verbal & numpy.isin(rows[:, 2], numpy.array(speech, dtype=rows.dtype))) | numpy.isin(
            rows[:, 0], numpy.array(sorted(self._marker_ids), dtype=rows.dtype)
        )  # the hashes of the markers and "après": no string per token
        return numpy.flatnonzero(found).tolist()

    def learn_people(self, sent: Span, mention_at: dict[int, Mention]) -> None:
        """Remember "Carlos Tavares, le directeur général de Stellantis" for later quotes."""
        if getattr(self, "_ents_of", (None,))[0] is not sent.doc:  # doc.ents once per doc, not per sentence
            self._ents_of = (sent.doc, [e for e in doc_ents(sent.doc) if e.label_ in ("PER", "PERSON")])
        for ent in self._ents_of[1]:
            if ent.start >= sent.start and ent.end <= sent.end:  # what sent.ents gives
                self._person_company(ent.root, sent, mention_at)

    # -- unparsed -------------------------------------------------------
    def _person_words(self, tokens: list[Token]) -> bool:
        """Return True if ``tokens`` can be a name and title ("chief executive Oliver Blume")."""
        return all(
            t.is_title
            or t.is_upper
            or t.lower_ in self.roles
            or t.lower_ in ("'s", "’s", ",", "of", "the")
            or any(t.lower_ in r.split() for r in self.roles)
            for t in tokens
        )

    def _speaker_before(self, before: list[Token], mention_at: dict[int, Mention]) -> str | None:
        """Return the company just before a speech verb ("Nissan said", "VW chief Blume said").

        A relative clause closed by a comma is stepped over: "Renault, which
        owns 43% of Nissan, said" is Renault speaking.
        """
        if before and before[-1].text == ",":
            doc = before[-1].doc
            for i in range(before[-1].i - 1, max(before[-1].sent.start, before[-1].i - 25), -1):
                if doc_texts(doc)[i] == ",":
                    break
                if doc_lowers(doc)[i] in ("which", "who") and doc_texts(doc)[i - 1] == "," and i - 2 in mention_at:
                    mention = mention_at[i - 2]
                    return mention.name if mention.is_organisation else None
        for j in range(len(before) - 1, -1, -1):
            mention = mention_at.get(before[j].i)
            if mention is not None:
                k = mention.start - before[0].i - 1  # "Renault and Nissan said": a joint announcement, no one source
                if k >= 1 and before[k].lower_ in ("and", "et") and before[k - 1].i in mention_at:
                    return None
                return mention.name if mention.is_organisation and self._person_words(before[j + 1 :]) else None
        return None

    def _speaker_after(self, after: list[Token], mention_at: dict[int, Mention]) -> str | None:
        """Return the company right after a speech verb ("said Nissan", "said Blume, VW's chief")."""
        for j, token in enumerate(after):
            mention = mention_at.get(token.i)
            if mention is not None:
                return mention.name if mention.is_organisation and self._person_words(after[:j]) else None
            if token.text in ".;":
                return None
        return None

    def surface(self, sent: Span, mention_at: dict[int, Mention]) -> str | None:
        """Return the source of an unparsed sentence from nearby words."""
        found: list[str | None] = []
        tokens = doc_tokens(sent.doc)[sent.start : sent.end]
        text = doc_lowers(sent.doc)[sent.start : sent.end]
        unnamed_nouns, markers, firsts = self.unnamed_nouns, self.markers, self._pair_firsts
        for k in range(len(tokens)):
            # a two-word marker starts with one of its first words (most words are none)
            marker = text[k] in markers or (text[k] in firsts and " ".join(text[k : k + 2]) in markers)
            if marker and text[k] in ("according", "per", "selon"):
                window = tokens[k + 1 : k + 10]
                window = window[: next((j for j, t in enumerate(window) if t.text in ",;."), len(window))]
                if any(t.lower_ in unnamed_nouns for t in window):
                    found.append(UNNAMED_SOURCES)
                else:
                    found.append(self._org_in(window, mention_at))
            elif text[k] in self.speech_raw:
                before = tokens[max(0, k - 8) : k]
                if any(t.lower_ in unnamed_nouns for t in before[-7:]):  # "people familiar with the matter said"
                    found.append(UNNAMED_SOURCES)
                    continue
                if k > 0 and tokens[k - 1].text in (",", '"', "”", "’", "'"):  # '..., said Nissan'
                    found.append(
                        self._speaker_after(tokens[k + 1 : k + 10], mention_at)
                        or self._speaker_before(before, mention_at)
                    )
                else:  # "Renault said Nissan would ...", "Nissan told Reuters ...": the speaker comes first
                    speaker = self._speaker_before(before, mention_at)
                    pairs = [(t.lower_, f"{t.lower_} {t.nbor(1).lower_}") for t in before[-5:]]
                    role = any(w in self.roles for pair in pairs for w in pair)
                    if speaker is None and role:  # "Chief Executive Koji Sato has said Toyota has no plans to ..."
                        speaker = self._speaker_after(tokens[k + 1 : k + 10], mention_at)
                    found.append(speaker)
        return source_name(found)


def unnamed(token: Token, lexicon: Lexicon, lang: str) -> bool:
    """Return True if ``token`` heads an unnamed source ("des sources", "people familiar")."""
    return normalize(token.lemma_ or token.text) in lexicon.cues(lang, "unnamed_source_nouns") or normalize(
        token.text
    ) in lexicon.cues(lang, "unnamed_source_nouns")


def source_name(candidates: list[str | None]) -> str | None:
    """Return the first attribution found, preferring unnamed sources."""
    names = [c for c in candidates if c]
    if UNNAMED_SOURCES in names:
        return UNNAMED_SOURCES
    return names[0] if names else None
