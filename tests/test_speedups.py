"""The shortcuts taken for speed give what spaCy gives: sentence lookups, matchers run on stretches.

Each is compared with spaCy's own answer on the development articles (real
model, real texts) and on patterns written to exercise the matcher's
quantifiers, greedy filters, flags and regular expressions.
"""

from __future__ import annotations


import pytest
from devdocs import DEV, parsed_dev
import spacy
from spacy.matcher import Matcher

from alliance_kg.articles import read_article
from alliance_kg.nlp.segmatch import SegmentedMatcher
from alliance_kg.nlp.sentindex import drop_sentence_index, index_sentences

@pytest.fixture(scope="module")
def french():
    return parsed_dev("fr")


@pytest.fixture(scope="module")
def english():
    return parsed_dev("en")


def _sentences_by_spacy(doc):
    tokens = [(t.sent.start, t.sent.end) for t in doc]
    spans = [(doc[i:j].sent.start, doc[i:j].sent.end) for i in range(0, len(doc), 3) for j in (i, i + 1, i + 5)
             if j <= len(doc)]
    return tokens, spans


@pytest.mark.parametrize("which", ["french", "english"])
def test_the_sentence_index_gives_the_sentences_spacy_gives(which, request):
    _, docs = request.getfixturevalue(which)
    for doc in docs:
        expected = _sentences_by_spacy(doc)
        index_sentences(doc)
        assert "sent" in doc.user_token_hooks
        assert _sentences_by_spacy(doc) == expected
        drop_sentence_index(doc)
        assert "sent" not in doc.user_token_hooks and "sent" not in doc.user_span_hooks


def test_the_sentence_index_leaves_other_hooks_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("One. Two.")
    mine = doc.user_token_hooks["sent"] = lambda token: doc[:]
    index_sentences(doc)  # a hook is there already: not replaced
    drop_sentence_index(doc)
    assert doc.user_token_hooks["sent"] is mine
    assert index_sentences(nlp("")) is None  # an empty document has no sentence to list


def _same_as_matcher(build, nlp, docs):
    """Check ``SegmentedMatcher`` against a plain matcher built the same way, sentence by sentence."""
    reference, segmented = build(), SegmentedMatcher(build())
    found = 0
    for doc in docs:
        sents = list(doc.sents)
        expected = [(s.start, s.end, s.label) for sent in sents for s in reference(sent, as_spans=True)]
        got = [(s.start, s.end, s.label) for s in segmented.spans(doc, sents)]
        assert got == expected
        found += len(expected)
    return found


@pytest.mark.parametrize("which", ["french", "english"])
def test_description_patterns_on_stretches_find_what_the_matcher_finds(which, request):
    nlp, docs = request.getfixturevalue(which)
    finder = nlp.get_pipe("alliance_mentions")
    assert _same_as_matcher(lambda: finder._build_matcher(nlp), nlp, docs) > 20


@pytest.mark.parametrize(("which", "negated"), [("english", False), ("french", False), ("english", True)])
def test_quantifiers_greedy_filters_flags_and_regexes_on_stretches(which, negated, request):
    nlp, docs = request.getfixturevalue(which)

    def build():
        matcher = Matcher(nlp.vocab)
        matcher.add("LONG", [[{"LOWER": "the", "OP": "?"}, {"IS_LOWER": True, "OP": "+"}, {"IS_TITLE": True}]],
                    greedy="LONGEST")
        stake = {"LOWER": {"REGEX": "^(?:stake|share|participation|part)s?$"}}
        matcher.add("FIRST", [[{"POS": {"IN": ["ADJ", "NUM"]}, "OP": "*"}, stake]], greedy="FIRST")
        matcher.add("PLAIN", [[{"NORM": {"IN": ["joint", "electric", "la", "les"]}}, {"OP": "?"},
                               {"TEXT": {"IN": ["venture", "cars", "coentreprise", "groupes"]}}]])
        matcher.add("COUNT", [[{"LOWER": {"IN": ["of", "de"]}}, {"IS_PUNCT": True, "OP": "?"},
                               {"LIKE_NUM": True, "OP": "{1,2}"}]])
        if negated:  # "!" takes any token without the value: the whole sentence is one stretch
            matcher.add("NOT", [[{"LOWER": {"IN": ["by", "par"]}}, {"IS_PUNCT": True, "OP": "!"}]])
        return matcher

    assert _same_as_matcher(build, nlp, docs) > 50


@pytest.mark.parametrize("which", ["french", "english"])
def test_multiword_triggers_on_stretches_are_the_matcher_s(which, request):
    nlp, docs = request.getfixturevalue(which)
    extra = {"french": "Renault et Nissan ont mis au point une batterie et créé une société commune. Geely a mis "
                       "la main sur Volvo, sa maison mère.",
             "english": "Ford and VW teamed up with Argo in a joint venture. Stellantis pulled out and took over "
                        "the tie-up."}[which]
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if not n.startswith("alliance_") or "space" in n]):
        docs = [*docs, nlp(extra)]
    finder = nlp.get_pipe("alliance_relations")
    assert not finder.trigger_matcher.greedy  # no greedy filter: the wrapped matcher is unchanged
    found = 0
    for doc in docs:
        for sent in doc.sents:
            expected = [(key, sent.start + s, sent.start + e) for key, s, e in finder.matcher(sent)]
            assert finder.trigger_matcher.matches(doc, [sent]) == expected
            found += len(expected)
    assert found >= 3


def _space_boundaries_token_by_token(doc):
    """``alliance_space_boundaries`` as it was written first, one Token at a time (the reference)."""
    for token in doc:
        if token.is_space and token.is_sent_start and token.i + 1 < len(doc):
            if not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = True
            if token.i > 0:
                token.is_sent_start = False
    return doc


def test_space_boundaries_from_arrays_move_the_breaks_the_token_loop_moves():
    from alliance_kg.nlp.pipeline import space_boundaries

    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    texts = [a.body for a in map(read_article, sorted(DEV.glob("*.txt")))]
    texts += ["", " ", "\n", "a", "Renault.\n\nNissan.", "A.\n\n \nB", "A. \n\n", "A.\n\n\n B. C", "\n\nA. B.\n\n"]
    for text in texts:
        expected = _space_boundaries_token_by_token(nlp(text)).to_array("SENT_START").tolist()
        assert space_boundaries(nlp(text)).to_array("SENT_START").tolist() == expected, text[:60]


def _window_by_padded_strings(tokens, lexicon, lang):
    """``qualify_window`` as it was written first, a padded string per cue (the reference)."""
    from alliance_kg.nlp.qualifiers import Qualifiers

    joined = f" {' '.join(t.lower_ for t in tokens)} "
    particles = lexicon.cues(lang, "negation_particles", raw=True)
    for word in lexicon.cues(lang, "negation_cancelling", raw=True):
        for particle in particles:
            joined = joined.replace(f" {particle} {word} ", " ")
    joined = joined.strip()

    def has(cues):
        return any((f" {c} " in f" {joined} ") for c in cues)

    neg = particles | lexicon.cues(lang, "negators", raw=True)
    polarity = "negated" if has(neg) else "affirmed"
    modality = ("speculative" if has(lexicon.cues(lang, "speculative", raw=True))
                else "planned" if has(lexicon.cues(lang, "planned", raw=True)) else "asserted")
    return Qualifiers(polarity, modality)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_qualifier_window_finds_the_cues_the_padded_strings_find(lang):
    from alliance_kg.lexicon import load_lexicon
    from alliance_kg.nlp.qualifiers_window import qualify_window

    lexicon, nlp = load_lexicon(), spacy.blank(lang)
    names = ("negation_particles", "negation_cancelling", "negators", "speculative", "planned")
    cues = sorted({c for name in names for c in lexicon.cues(lang, name, raw=True)})
    texts = [f"Renault {c} Nissan" for c in cues] + [f"{c}" for c in cues] + [f"x{c} {c}x" for c in cues]
    texts += [f"{a} {b} Geely" for a in cues[:25] for b in cues[-25:]] + ["", "  ", "Renault  achète Nissan"]
    texts += [a.body[:400] for a in map(read_article, sorted(DEV.glob(f"*{lang}*.txt")))][:6]
    for text in texts:
        doc = nlp(text)
        for start in range(0, max(1, len(doc)), 3):
            window = doc[start : start + 9]
            assert qualify_window(window, lexicon, lang) == _window_by_padded_strings(window, lexicon, lang), text
