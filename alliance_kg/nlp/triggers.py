"""Find the trigger words of a sentence: one-word triggers by form and lemma, multiword ones by matcher.

A mixin of :class:`alliance_kg.nlp.relations.RelationFinder`. The lexicon's
triggers are read once, at construction: one-word triggers into a table of
their inflected forms, multiword ones ("mettre fin à", "joint venture") into
a token ``Matcher`` run only from the words they can start with. A trigger
whose lexicon entry requires another word ("faire partie de", "develop ...
together") counts only with that word near it.
"""

from __future__ import annotations

from itertools import chain

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from alliance_kg.kb import normalize
from alliance_kg.lexicon import Trigger
from alliance_kg.nlp.doctable import doc_parsed, doc_tokens
from alliance_kg.nlp.mentions import Mention
from alliance_kg.nlp.segmatch import SegmentedMatcher
from alliance_kg.nlp.surface import inflections
from alliance_kg.nlp.verbforms import _verb_tagged_as_noun, verb_lemma_guesses

VETO_WINDOW = 6  # a vetoed word ("!stake") counts in the six words after the trigger

POS_OK = {"VERB": {"VERB", "AUX"}, "NOUN": {"NOUN", "PROPN", "ADJ", "X"}, "ADJ": {"ADJ", "VERB", "NOUN"}}


class TriggerReader:
    """Mixin: the trigger occurrences of a sentence (see the module docstring)."""

    def _read_triggers(self, nlp: Language, lang: str) -> None:
        """Make the form table and the multiword matcher of the lexicon's triggers of ``lang``."""
        self.matcher = Matcher(nlp.vocab)
        self.forms: dict[str, list[Trigger]] = {}
        self._first_words: set[int] = set()  # the words a multiword trigger can start with (hashes)
        self._entries_memo: dict[tuple, list[Trigger]] = {}  # per (lower, lemma, is_alpha): see _entries
        self._rows: list = []  # (lower, lemma, is_alpha) of each token of the current doc
        self._forms: dict[int, tuple[str, str]] = {}  # normalised lemma and text of the tokens asked so far
        self._needs: dict[str, tuple] = {}  # a trigger's requirement, split and normalised
        for trig in self.lexicon.all_triggers(lang):
            words = trig.lemma.replace("'", "' ").replace("-", " - ").split()
            words = [w for w in words if w not in ("se", "s'")]
            if len(words) == 1:
                for form in inflections(words[0], trig.pos, lang):
                    self.forms.setdefault(form, []).append(trig)
                continue
            first = sorted(inflections(words[0], trig.pos if trig.pos == "VERB" else "X", lang))
            last = sorted(inflections(words[-1], trig.pos if trig.pos == "NOUN" else "X", lang))
            middle = [{"LOWER": w} for w in words[1:-1]] + [{"LOWER": {"IN": last}}]
            patterns = [[{"LOWER": {"IN": first}}, *middle]]
            self._first_words.update(nlp.vocab.strings.add(w) for w in first)
            if lang == "fr" and trig.pos == "VERB":  # "a mis la main sur", "ont mis au point": the verb is conjugated
                patterns.append([{"LEMMA": words[0]}, *middle])
                self._first_words.add(nlp.vocab.strings.add(words[0]))
            self.matcher.add(normalize(trig.lemma), patterns)
        self.trigger_matcher = SegmentedMatcher(self.matcher)

    def _occurrences(self, doc: Doc, sent: Span, mention_at: dict[int, Mention]):
        parsed = doc_parsed(doc)
        seen: set[int] = set()
        for match_id, start, end in self._matches(sent):
            span = doc[start:end]
            key = doc.vocab.strings[match_id]
            entries = self.lexicon.triggers_by_key(self.lang).get(key, [])
            anchor = span.root if parsed else span[0]
            seen.update(range(start, end))
            for trig in entries:
                yield anchor, span, trig
        rows, memo = self._rows, self._entries_memo
        for i in range(sent.start, sent.end):
            lower, lemma, alpha = rows[i]
            entries = memo.get((lower, lemma if parsed else 0, alpha))  # most words: known, and no trigger
            if entries is None:
                entries = self._entries(doc, i, parsed)
            if not entries:
                continue
            if i in seen or (i in mention_at and mention_at[i].via not in ("description", "anaphor")):
                continue
            token = doc_tokens(doc)[i]
            pos = token.pos_ if parsed else ""
            for trig in entries:
                fits = POS_OK.get(trig.pos)  # an entry of another part of speech takes any word
                if (
                    parsed
                    and fits is not None
                    and pos not in fits
                    and not (trig.pos == "VERB" and _verb_tagged_as_noun(token))
                ):
                    continue
                yield token, doc[i : i + 1], trig

    def _matches(self, sent: Span):
        """Return the multiword triggers in ``sent`` (doc offsets).

        The matcher runs only from the first word a multiword trigger can
        start with (most sentences have none): the same matches, much faster.
        """
        rows = self._rows[sent.start : sent.end]
        first = next(
            (k for k, row in enumerate(rows) if row[0] in self._first_words or row[1] in self._first_words), None
        )
        if first is None:
            return []
        offset = sent.start + first
        return self.trigger_matcher.matches(sent.doc, [sent.doc[offset : sent.end]])  # = self.matcher(that span)

    def _entries(self, doc: Doc, i: int, parsed: bool) -> list[Trigger]:
        """Return the one-word triggers token ``i`` may be, by form then lemma (memoised by its words)."""
        lower, lemma, alpha = self._rows[i]
        key = (lower, lemma if parsed else 0, alpha)
        entries = self._entries_memo.get(key)
        if entries is None:
            token = doc_tokens(doc)[i]
            entries = list(self.forms.get(token.lower_, []))
            if parsed and token.lemma_:
                for lemma in (token.lemma_, *verb_lemma_guesses(token, self.lang)):
                    entries += [t for t in self.lexicon.triggers(self.lang, lemma) if t not in entries]
            if len(self._entries_memo) < 200_000:
                self._entries_memo[key] = entries
        return entries

    def _requirement_met(
        self, anchor: Token, span: Span, trig: Trigger, parsed: bool, mention_at: dict[int, Mention]
    ) -> bool:
        if not trig.requires:
            return True
        needs = self._needs.get(trig.requires)
        if needs is None:
            alternatives = trig.requires.split("|")
            words = [normalize(n) for n in alternatives if not n.startswith("!")]
            # a word stem ("batter", "partenaire") also matches its inflections; a clitic ("se", "s'") only itself,
            # or "ses", "second" and "secteur" would make any verb reflexive; "!stake": no such word may follow
            needs = self._needs[trig.requires] = (
                tuple(n for n in words if len(n) > 2),
                frozenset(n for n in words if len(n) <= 2),
                tuple(normalize(n[1:]) for n in alternatives if n.startswith("!")),
            )
        stems, whole, vetoes = needs
        if vetoes and self._vetoed(anchor, span, vetoes, mention_at):
            return False
        if not stems and not whole:  # only vetoes
            return True
        if parsed:  # "faire partie de": the requirement governs the trigger; the next words when the parse is lost
            # any of these words will do: the head and the next words first, the subtree (maybe long) only then
            near = chain(
                (anchor.head.i,), range(span.end, min(span.sent.end, span.end + 4)), (t.i for t in anchor.subtree)
            )
        else:  # "will jointly develop", "develop ... together"
            near = range(max(span.sent.start, span.start - 2), min(span.sent.end, span.end + 8))
        forms = self._forms  # token -> its normalised lemma (or text) and text, read once per token of the doc
        for i in near:
            pair = forms.get(i)
            if pair is None:
                token = doc_tokens(anchor.doc)[i]
                pair = forms[i] = (normalize(token.lemma_ or token.text), normalize(token.text))
            if pair[0].startswith(stems) or pair[1].startswith(stems) or pair[0] in whole or pair[1] in whole:
                return True
        return False

    def _vetoed(self, anchor: Token, span: Span, vetoes: tuple[str, ...], mention_at: dict[int, Mention]) -> bool:
        """Say whether a word the trigger must not govern follows it ("sell its stake ... to": no goods) or
        stands right before it ("58 % owned by", "jointly owned by"); a company's name is no such word
        ("sold Volvo Cars to Geely" sells no cars)."""
        tokens = doc_tokens(anchor.doc)
        for token in chain(
            tokens[max(span.sent.start, span.start - 2) : span.start],
            tokens[span.end : min(span.sent.end, span.end + VETO_WINDOW)],
        ):
            named = mention_at.get(token.i)
            if named is not None and named.via not in ("description", "anaphor"):
                continue
            if normalize(token.lemma_ or token.text).startswith(vetoes) or normalize(token.text).startswith(vetoes):
                return True
        return False
