"""Qualify a statement from the words alone, where there is no parse: polarity and modality of a window.

:func:`qualify_window` reads the negation, hedging and intention cues of the
lexicon in the words between the subject and the trigger (the blank English
pipeline, and the word-order fallbacks of French); :func:`denied_by_apposition`
tells the words after a statement that deny it (", a report both carmakers
swiftly denied").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from alliance_kg.lexicon import Lexicon
from alliance_kg.nlp.doctable import doc_lowers
from alliance_kg.nlp.qualifiers import Qualifiers


def qualify_window(tokens: Span, lexicon: Lexicon, lang: str) -> Qualifiers:
    """Return polarity and modality from the words of an unparsed window."""
    words = doc_lowers(tokens.doc)[tokens.start : tokens.end]
    joined = f" {' '.join(words)} "
    particles = lexicon.cues(lang, "negation_particles", raw=True)
    for word in lexicon.cues(lang, "negation_cancelling", raw=True):
        if f" {word} " not in joined:
            continue  # no " particle word " to take out (the replacements below would change nothing)
        for particle in particles:  # "did not hesitate to", "never stopped": two negations, an affirmation
            joined = joined.replace(f" {particle} {word} ", " ")
    joined = joined.strip()
    neg, speculative, planned = _window_cues(lexicon, lang)
    padded, pieces = f" {joined} ", set(joined.split(" "))

    def has(cues: tuple[frozenset[str], tuple[str, ...]]) -> bool:
        # a cue without a space is in " joined " between two spaces exactly when it is one of its pieces
        words, phrases = cues
        return not words.isdisjoint(pieces) or any(f" {c} " in padded for c in phrases)

    polarity = "negated" if has(neg) else "affirmed"
    modality = "speculative" if has(speculative) else "planned" if has(planned) else "asserted"
    return Qualifiers(polarity, modality)


@lru_cache(maxsize=8)
def _window_cues(lexicon: Lexicon, lang: str) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """Return the negating, speculative and planned cues of :func:`qualify_window`, each split in
    (cues without a space, cues with one), made once per lexicon and language."""
    negating = lexicon.cues(lang, "negation_particles", raw=True) | lexicon.cues(lang, "negators", raw=True)
    out = []
    for cues in (negating, lexicon.cues(lang, "speculative", raw=True), lexicon.cues(lang, "planned", raw=True)):
        out.append((frozenset(c for c in cues if " " not in c), tuple(c for c in cues if " " in c)))
    return tuple(out)


def denied_by_apposition(words: list[str], lexicon: Lexicon, lang: str) -> bool:
    """Return True when the words after a statement deny it in an apposition: ", a report both carmakers
    swiftly denied", ", une information aussitôt démentie par les deux constructeurs".

    >>> from alliance_kg.lexicon import load_lexicon
    >>> denied_by_apposition([",", "une", "information", "aussitôt", "démentie"], load_lexicon(), "fr")
    True
    """
    nouns = lexicon.cues(lang, "denial_nouns", raw=True)
    denials = lexicon.cues(lang, "denial_words", raw=True)
    for k, word in enumerate(words):
        if word == "," and any(w in nouns for w in words[k + 1 : k + 4]):
            return any(w in denials for w in words[k + 1 : k + 9])
    return False
