"""Answer ``token.sent`` and ``span.sent`` from a table made once per document.

spaCy finds a token's sentence by walking the sentence-start flags and
slicing the document at every call (a few microseconds each); the rules ask
for it tens of thousands of times per article. :func:`index_sentences`
installs spaCy's own ``user_token_hooks["sent"]`` and
``user_span_hooks["sent"]`` with the sentences of the document listed once,
so the answers are the same spans (same start and end: the first sentence
the span starts in), only found by a list lookup. :func:`drop_sentence_index`
removes the hooks when the components are done (the sentence boundaries
must not change in between). While they are installed, :func:`sentences`
and :func:`sentence_numbers` give the list of ``doc.sents`` and the
sentence number of each token without walking the document again.

>>> import spacy
>>> nlp = spacy.blank("fr"); _ = nlp.add_pipe("sentencizer")
>>> doc = nlp("Renault vend. Nissan achète des parts.")
>>> index_sentences(doc)
>>> (doc[4].sent.start, doc[4].sent.end, doc[1:5].sent.text)
(3, 8, 'Renault vend.')
>>> [(s.start, s.end) for s in sentences(doc)], sentence_numbers(doc)
([(0, 3), (3, 8)], [0, 0, 0, 1, 1, 1, 1, 1])
>>> drop_sentence_index(doc); "sent" in doc.user_token_hooks
False
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def index_sentences(doc: Doc) -> None:
    """Install sentence lookups on ``doc`` (nothing when it has no sentence boundaries)."""
    if len(doc) == 0 or "sent" in doc.user_token_hooks or not doc.has_annotation("SENT_START"):
        return
    sents: list[Span] = []
    of: list[int] = []
    for k, sent in enumerate(doc.sents):
        sents.append(sent)
        of.extend([k] * (sent.end - sent.start))
    last = len(of) - 1

    def token_sent(token: Token) -> Span:
        return sents[of[token.i]]

    def span_sent(span: Span) -> Span:
        return sents[of[min(span.start, last)]]  # spaCy answers the last sentence for an empty span at the end

    token_sent.alliance_index = span_sent.alliance_index = True  # type: ignore[attr-defined]
    token_sent.sents, token_sent.numbers = sents, of  # type: ignore[attr-defined]
    doc.user_token_hooks["sent"] = token_sent
    doc.user_span_hooks["sent"] = span_sent


def drop_sentence_index(doc: Doc) -> None:
    """Remove the lookups :func:`index_sentences` installed (spaCy computes the sentences again)."""
    for hooks in (doc.user_token_hooks, doc.user_span_hooks):
        if getattr(hooks.get("sent"), "alliance_index", False):
            del hooks["sent"]


def sentences(doc: Doc) -> list[Span]:
    """Return ``list(doc.sents)``: the indexed list while :func:`index_sentences` is in force."""
    hook = doc.user_token_hooks.get("sent")
    if getattr(hook, "alliance_index", False):
        return hook.sents
    return list(doc.sents)


def sentence_numbers(doc: Doc) -> list[int]:
    """Return the number of the sentence (in ``doc.sents``) of each token of ``doc``."""
    hook = doc.user_token_hooks.get("sent")
    if getattr(hook, "alliance_index", False):
        return hook.numbers
    numbers: list[int] = []
    for k, sent in enumerate(doc.sents):
        numbers.extend([k] * (sent.end - sent.start))
    return numbers
