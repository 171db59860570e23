"""French verb forms the tagger or the lemmatizer missed.

Used by the relation stage to find one-word triggers: the infinitives a form
may have ("cherche" -> chercher) and verbs tagged as nouns ("s'approvisionne").
"""

from __future__ import annotations

from spacy.tokens import Token

from alliance_kg.nlp.doctable import token_children

FRENCH_VERB_ENDINGS = (
    "eraient",
    "erait",
    "eront",
    "erons",
    "erez",
    "era",
    "aient",
    "ait",
    "ais",
    "ent",
    "ons",
    "ez",
    "ées",
    "és",
    "ée",
    "é",
    "ant",
    "es",
    "e",
    "er",
)


def verb_lemma_guesses(token: Token, lang: str) -> list[str]:
    """Return infinitives a French verb form may have when the lemmatizer missed it.

    >>> from spacy.lang.fr import French
    >>> verb_lemma_guesses(French()("cherche")[0], "fr")[:2]
    ['chercher', 'cherchir']
    """
    if lang != "fr" or not token.is_alpha:
        return []
    form = token.lower_
    for ending in FRENCH_VERB_ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            stem = form[: -len(ending)]
            return [stem + "er", stem + "ir", stem + "re"]
    return []


def _verb_tagged_as_noun(token: Token) -> bool:
    """Return True for a verb the tagger took for a noun ("s'approvisionne", "CATL équipe BMW")."""
    if token.pos_ not in ("NOUN", "ADJ") or any(c.dep_ == "det" for c in token_children(token)):
        return False
    before = token.nbor(-1) if token.i > 0 else None
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if before is not None and before.text == "," and after is not None and after.pos_ in ("ADV", "PROPN", "DET"):
        return True  # "CATL, premier fabricant mondial, équipe également BMW"
    return before is not None and (
        before.lower_ in ("se", "s'", "ne", "n'", "qui", "il", "elle") or before.pos_ in ("ADV", "PROPN", "PRON")
    )
