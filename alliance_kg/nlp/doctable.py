"""The tokens of a document and their lowercase forms, listed once per document.

``doc[i]`` makes a new ``Token`` object at every call (about 0.2 µs) and
``token.lower_`` looks the string up again (0.1 µs); the rules read the
words around a trigger over and over, a few hundred thousand times per
hundred articles. :func:`doc_tokens`, :func:`doc_lowers` and :func:`doc_texts` list them once for the
document being read (the last one asked for: the components read one
document at a time) and answer from the list: the same tokens, the same
strings. The lists of the last :data:`KEPT_DOCS` documents are kept, so
that the next component (``nlp.pipe`` runs each component over a whole
batch) finds them made; :func:`forget` drops a document's lists when the
last component that reads them is done with it.

>>> import spacy
>>> doc = spacy.blank("en")("Renault buys Nissan")
>>> doc_tokens(doc)[1].text, doc_lowers(doc)[0], doc_tokens(doc) is doc_tokens(doc)
('buys', 'renault', True)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

import numpy
from spacy.attrs import HEAD, LOWER, MORPH, ORTH, SPACY
from spacy.tokens import Doc, Span, Token

_tokens: list = [None, []]  # [the document, its tokens]; holding the document keeps its identity unique
_lowers: list = [None, []]
_texts: list = [None, []]
_parsed: list = [None, False]
_children: list = [None, []]
_memos: dict[str, list] = {}  # name -> [the document, {token index: answer}]
_morphs: list = [None, []]
_features: dict[tuple[int, str], list[str]] = {}  # (morphology key, field) -> its values
T = TypeVar("T")
_known: dict[int, str] = {}  # string hash -> string, for the words met so far
KEPT_DOCS = 64  # documents whose lists are kept for the next component (a batch of ``nlp.pipe``, usually)
_kept: dict[int, tuple[Doc, dict[str, object]]] = {}  # id(doc) -> (the document, its lists by name)


def _tables(doc: Doc) -> dict[str, object]:
    """Return the lists made so far for ``doc`` (kept for the last ``KEPT_DOCS`` documents)."""
    entry = _kept.get(id(doc))
    if entry is None or entry[0] is not doc:  # holding the document keeps its id unique
        if len(_kept) >= KEPT_DOCS:
            del _kept[next(iter(_kept))]  # the oldest
        entry = _kept[id(doc)] = (doc, {})
    return entry[1]


def _table(doc: Doc, name: str, make: Callable[[], T]) -> T:
    """Return ``doc``'s list ``name``, made by ``make()`` the first time it is asked for."""
    tables = _tables(doc)
    found = tables.get(name)
    if found is None:
        found = tables[name] = make()
    return found  # type: ignore[return-value]


def forget(doc: Doc) -> None:
    """Drop the lists kept for ``doc`` (the components are done with it)."""
    _kept.pop(id(doc), None)


def doc_tokens(doc: Doc) -> list[Token]:
    """Return ``list(doc)``, made once for the current document."""
    if _tokens[0] is not doc:
        _tokens[0], _tokens[1] = doc, _table(doc, "tokens", lambda: _all_tokens(doc))
    return _tokens[1]


def _all_tokens(doc: Doc) -> list[Token]:
    """Return ``list(doc)``: each ``Token`` made as ``Doc.__iter__`` makes it, without its generator."""
    vocab = doc.vocab
    return [Token(vocab, doc, i) for i in range(len(doc))]


def doc_lowers(doc: Doc) -> list[str]:
    """Return ``[t.lower_ for t in doc]``, made once for the current document."""
    if _lowers[0] is not doc:
        _lowers[0], _lowers[1] = doc, _table(doc, "lowers", lambda: _strings(doc, LOWER))
    return _lowers[1]


def doc_texts(doc: Doc) -> list[str]:
    """Return ``[t.text for t in doc]``, made once for the current document."""
    if _texts[0] is not doc:
        _texts[0], _texts[1] = doc, _table(doc, "texts", lambda: _strings(doc, ORTH))
    return _texts[1]


def _strings(doc: Doc, attr: int) -> list[str]:
    """Return the string of ``attr`` (``LOWER``: ``token.lower_``, ``ORTH``: ``token.text``) of each token.

    The hashes of the document are read in one array and each is looked up
    in a table of the strings met so far (the string store only on a miss).
    """
    hashes = doc.to_array(attr).tolist()
    known = _known
    try:
        return [known[h] for h in hashes]
    except KeyError:  # a word not met yet
        if len(known) > 1_000_000:  # bounded: a long run meets ever more words
            known.clear()
        strings, out = doc.vocab.strings, []
        for h in hashes:
            word = known.get(h)
            if word is None:
                word = known[h] = strings[h]
            out.append(word)
        return out


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """Return ``doc.ents`` (spaCy makes the spans anew at each call), made once per document."""
    return _table(doc, "ents", lambda: doc.ents)


def span_text(doc: Doc, start: int, end: int) -> str:
    """Return ``doc[start:end].text`` without making the span (``0 <= start``, ``end <= len(doc)``).

    spaCy joins each word and the space after it (``token.text_with_ws``),
    but the last word's.
    """
    texts = doc_texts(doc)
    if end - start <= 1:
        return texts[start] if end > start else ""
    spaced = _table(doc, "spaces", lambda: doc.to_array(SPACY).tolist())
    return "".join([texts[k] + " " if spaced[k] else texts[k] for k in range(start, end - 1)]) + texts[end - 1]


def doc_parsed(doc: Doc) -> bool:
    """Return ``doc.has_annotation("DEP")``, asked once for the current document.

    Without a parse (the blank English pipeline) spaCy answers by looking
    at every token, and the rules ask for each sentence and statement.
    """
    if _parsed[0] is not doc:
        _parsed[0], _parsed[1] = doc, _table(doc, "parsed", lambda: doc.has_annotation("DEP"))
    return _parsed[1]


def morph_values(token: Token, field: str) -> list[str]:
    """Return ``token.morph.get(field)`` (a new list), read once per morphology key and field.

    spaCy builds a ``MorphAnalysis`` and splits its features at every call
    (about 2.5 µs); the answer depends on the token's morphology key alone.
    """
    doc = token.doc
    if _morphs[0] is not doc:
        _morphs[0], _morphs[1] = doc, _table(doc, "morphs", lambda: doc.to_array(MORPH).tolist())
    key = (_morphs[1][token.i], field)
    found = _features.get(key)
    if found is None:
        if len(_features) > 100_000:  # bounded (a few hundred keys in practice)
            _features.clear()
        found = _features[key] = token.morph.get(field)
    return list(found)


def token_children(token: Token) -> list[Token]:
    """Return ``list(token.children)``, each token's children listed the first time they are asked for.

    spaCy walks the token's whole subtree span at each call (a sentence for
    its root); here the words are grouped by head once per document (a
    stable sort of the head positions: children in text order, which is the
    order spaCy gives them in) and a token's list is made when first asked
    for (about one word in five is).
    """
    doc = token.doc
    if _children[0] is not doc:
        _children[0], _children[1] = doc, _table(doc, "children", lambda: _child_index(doc))
    order, bounds, made = _children[1]
    i = token.i
    kids = made[i]
    if kids is None:
        toks = doc_tokens(doc)
        kids = made[i] = [toks[j] for j in order[bounds[i] : bounds[i + 1]] if j != i]  # a root heads itself
    return kids


def doc_heads(doc: Doc) -> list[int]:
    """Return ``[t.head.i for t in doc]``, made once per document (a root is its own head)."""
    return _table(doc, "heads", lambda: (numpy.arange(len(doc)) + doc.to_array(HEAD).astype("int64")).tolist())


def _child_index(doc: Doc) -> tuple[list[int], list[int], list[list[Token] | None]]:
    """Return the positions sorted by head (stably), where each head's group starts, and no list made yet."""
    heads = numpy.array(doc_heads(doc), dtype="int64")
    order = numpy.argsort(heads, kind="stable")
    bounds = numpy.searchsorted(heads[order], numpy.arange(len(doc) + 1))
    return order.tolist(), bounds.tolist(), [None] * len(doc)


def per_token(compute: Callable[[Token], T]) -> Callable[[Token], T]:
    """Decorate a function of a token that depends on the parse alone (which the components do not
    change): it is computed once per token of the current document (a preposition, a passive, a
    relative clause). The answer is shared: callers must not change it."""
    name = compute.__qualname__

    @wraps(compute)
    def once(token: Token) -> T:
        slot = _memos.get(name)
        doc = token.doc
        if slot is None or slot[0] is not doc:
            slot = _memos[name] = [doc, _table(doc, "memo " + name, dict)]
        table, i = slot[1], token.i
        if i in table:
            return table[i]
        found = table[i] = compute(token)
        return found

    return once
