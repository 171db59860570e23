"""Run a token ``Matcher`` only on the stretches of a sentence where a match can lie.

spaCy's ``Matcher`` tests its ``IN`` sets in Python, token after token, for
every pattern: about 15 microseconds a token for the description patterns,
most of the mentions component's time. Every token of a match satisfies the
token pattern it stands for, so it has at least one of the values that
pattern asks for (a ``NORM`` in a set, a ``POS``, ``IS_LOWER``, a ``LOWER``
matching a regex...). A token with none of the values any pattern asks for
(most verbs, nouns, names, punctuation) can be in no match: the matches of a
sentence are the matches of the stretches between such tokens, found the
same way, in the same order. A stretch is matched only when, for some
pattern, it is long enough and holds a token that may fit each of the
pattern's required token patterns (those without ``?`` or ``*``).

Greedy filtering (``greedy="LONGEST"``/``"FIRST"``) compares the matches of a
whole sentence, so :class:`SegmentedMatcher` takes it over from the
matcher: the matcher then returns every match, in the order it finds them,
and the filter is applied to the sentence's matches as spaCy applies it
(same sort, same tie order). :meth:`SegmentedMatcher.spans` gives, for each
sentence, exactly ``matcher(sentence, as_spans=True)`` of the original
matcher.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable

import numpy
from spacy.attrs import IDS as ATTR_IDS
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

_VALUE_ATTRS = ("NORM", "LOWER", "ORTH", "LEMMA", "POS")  # attributes whose values are read here; TEXT is ORTH
_FLAGS = frozenset({  # lexeme flags (a pattern asking one of them true)
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER", "IS_STOP",
    "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_URL", "LIKE_NUM", "LIKE_EMAIL",
})


class SegmentedMatcher:
    """Wrap ``matcher`` (which it changes: its greedy filters move here); see the module docstring."""

    def __init__(self, matcher: Matcher) -> None:
        if any(callback is not None for callback in matcher._callbacks.values()):
            raise ValueError("SegmentedMatcher takes matchers without on_match callbacks")
        self.matcher = matcher
        self.greedy: dict[int, str] = {key: how for key, how in matcher._filter.items() if how}
        for key in self.greedy:
            matcher._filter[key] = None
        # each distinct token pattern gets a bit; a token gets the bits of the token patterns it may fit
        self.value_bits: dict[str, dict[int, int]] = {attr: {} for attr in _VALUE_ATTRS}
        self.flag_bits: dict[str, int] = {}
        self.regexes: list[tuple[str, re.Pattern, int]] = []
        self.free = 0  # bits of token patterns that may take any token
        needs: set[tuple[int, int]] = set()  # per pattern: (bits of its required token patterns, fewest tokens)
        bits: dict[str, int] = {}
        for key in matcher._patterns:
            for pattern in matcher.get(key)[1]:
                required, fewest = 0, 0
                for spec in pattern:
                    signature = repr(sorted(spec.items(), key=lambda item: item[0]))
                    if signature not in bits:
                        bits[signature] = 1 << len(bits)
                        self._read_spec(spec, bits[signature])
                    if spec.get("OP") in (None, "+", "!", "1"):
                        required |= bits[signature]
                        fewest += 1
                needs.add((required, fewest))
        self.needs = sorted(needs)
        self.columns = [a for a in _VALUE_ATTRS if self.value_bits[a]]
        self.columns += sorted({a for a, _, _ in self.regexes} - set(self.columns))
        self.flags = sorted(self.flag_bits)
        self._bits_memo: dict[bytes, int] = {}  # by the bytes of a token's attribute row
        self._table: tuple[weakref.ref, numpy.ndarray, list[bytes]] | None = None  # the last document's rows

    def _read_spec(self, spec: dict, bit: int) -> None:
        """Give ``bit`` to the tokens that have a value ``spec`` asks for (one of its conditions is enough)."""
        if spec.get("OP") == "!":  # any token without the values fits
            self.free |= bit
            return
        for attr, value in spec.items():
            attr = "ORTH" if attr.upper() == "TEXT" else attr.upper()
            if attr in _VALUE_ATTRS:
                if isinstance(value, str):
                    values = [value]
                elif isinstance(value, dict) and "IN" in value:
                    values = list(value["IN"])
                elif isinstance(value, dict) and "REGEX" in value:
                    self.regexes.append((attr, re.compile(value["REGEX"]), bit))
                    return
                else:
                    continue
                table = self.value_bits[attr]
                for v in values:
                    v = POS_IDS[v] if attr == "POS" else get_string_id(v)
                    table[v] = table.get(v, 0) | bit
                return
            if attr in _FLAGS and value is True:
                self.flag_bits[attr] = self.flag_bits.get(attr, 0) | bit
                return
        self.free |= bit  # no condition read here: every token may fit

    def _bits(self, doc: Doc, sentences: list[Span]) -> dict[int, int]:
        """Return the bits of each token of ``sentences`` (the attributes read once per document)."""
        if self._table is not None and self._table[0]() is doc:
            _, table, rows = self._table
        else:
            table = doc.to_array([ATTR_IDS[a] for a in self.columns] + [ATTR_IDS[f] for f in self.flags])
            table = numpy.ascontiguousarray(table.reshape(len(doc), -1))
            # each row's bytes, a cheap key for the memo (the values themselves are read on a miss only)
            rows = table.view(numpy.dtype((numpy.void, table.shape[1] * table.itemsize))).ravel().tolist()
            self._table = (weakref.ref(doc), table, rows)
        memo = self._bits_memo  # a token's bits depend on its attribute row only
        out: dict[int, int] = {}
        for sent in sentences:
            for i in range(sent.start, sent.end):
                row = rows[i]
                b = memo.get(row)
                if b is None:
                    b = self._row_bits(tuple(table[i].tolist()), doc.vocab.strings)
                    if len(memo) < 200_000:
                        memo[row] = b
                out[i] = b
        return out

    def _row_bits(self, row: tuple[int, ...], strings) -> int:
        """Return the bits of a token with these attribute values (``self.columns``, then ``self.flags``)."""
        b = self.free
        for k, attr in enumerate(self.columns):
            b |= self.value_bits[attr].get(row[k], 0)
        for k, flag in enumerate(self.flags):
            if row[len(self.columns) + k]:
                b |= self.flag_bits[flag]
        for attr, regex, bit in self.regexes:
            if regex.search(strings[row[self.columns.index(attr)]]) is not None:
                b |= bit
        return b

    def spans(self, doc: Doc, sentences: Iterable[Span]) -> list[Span]:
        """Return ``matcher(sent, as_spans=True)`` of the original matcher for each sentence, one after the other."""
        return [Span(doc, start, end, label=key) for key, start, end in self.matches(doc, sentences)]

    def matches(self, doc: Doc, sentences: Iterable[Span]) -> list[tuple[int, int, int]]:
        """Return the (key, start, end) of :meth:`spans`, offsets in ``doc``."""
        sentences = list(sentences)
        if not sentences:
            return []
        bits = self._bits(doc, sentences)
        out: list[tuple[int, int, int]] = []
        for sent in sentences:
            found: list[tuple[int, int, int]] = []
            for start, end in self._stretches(sent, bits):
                found += [(key, s + start, e + start) for key, s, e in self.matcher(doc[start:end])]
            out += self._filtered(found)
        return out

    def _stretches(self, sent: Span, bits: dict[int, int]) -> list[tuple[int, int]]:
        """Return the stretches of ``sent`` that may hold a match."""
        out = []
        start, held = None, 0
        for i in range(sent.start, sent.end + 1):
            b = bits[i] if i < sent.end else 0
            if b:
                if start is None:
                    start, held = i, 0
                held |= b
                continue
            if start is not None:
                if any(required & held == required and i - start >= fewest for required, fewest in self.needs):
                    out.append((start, i))
                start = None
        return out

    def _filtered(self, found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Apply the greedy filters as ``Matcher.__call__`` does: other keys first, in order found."""
        final = []
        by_key: dict[int, list[tuple[int, int]]] = {}
        for key, start, end in found:
            if key in self.greedy:
                by_key.setdefault(key, []).append((start, end))
            else:
                final.append((key, start, end))
        for key, pairs in by_key.items():
            if self.greedy[key] == "FIRST":
                ordered = sorted(pairs, key=lambda x: (x[0], -x[1]))
            else:
                ordered = sorted(pairs, key=lambda x: (x[1] - x[0], -x[0]), reverse=True)
            taken: set[int] = set()
            for start, end in ordered:
                if not any(i in taken for i in range(start, end)):
                    final.append((key, start, end))
                    taken.update(range(start, end))
        return final
