"""The closed word classes the word-order reader steps over or stops at, and English/French inflection.

>>> sorted(inflections("acquire", "VERB", "en"))
['acquire', 'acquired', 'acquires', 'acquiring']
"""

from __future__ import annotations

CLAUSE_STOPS = {
    ";",
    ":",
    "—",
    "–",
    "(",
    ")",
    "that",
    "which",
    "who",
    "while",
    "but",
    "whereas",
    "although",
    "after",
    "before",
    "because",
    "qui",
    "que",
    "dont",
    "mais",
    "alors",
    "tandis",
    "lorsque",
    "quand",
    "car",
    "«",
    "»",
    '"',
}
COPULAS = {"is", "was", "are", "were", "becomes", "became", "remains", "est", "était", "reste", "devient"}
LINKS = {"and", ",", "et", "as", "well", "ainsi", "que", "or", "ou"}
FILLER = {
    "the",
    "a",
    "an",
    "its",
    "their",
    "le",
    "la",
    "l'",
    "les",
    "un",
    "une",
    "des",
    "du",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "new",
    "nouveau",
    "nouvelle",
    "%",
    "per",
    "cent",
    "percent",
    "stake",
    "about",
    "around",
    "some",
    "roughly",
    "nearly",
    "almost",
    "environ",
    "quelque",
    "près",
    "plus",
    "than",
    "more",
    "up",
    "to",
    "'s",
    "’s",
    "-",
}


def inflections(word: str, pos: str, lang: str) -> set[str]:
    """Return the lowercase forms a trigger word can take in text.

    French words are matched by lemma, so only the word and its plural;
    English verbs get their regular inflections (irregular forms are lexicon
    entries of their own).
    """
    word = word.lower()
    forms = {word}
    if lang != "en":
        if pos == "NOUN":
            forms.add(word + "s")
        return forms
    if pos == "NOUN":
        forms.add(word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s")
    elif pos == "VERB":
        if word.endswith("e"):
            forms |= {word + "s", word + "d", word[:-1] + "ing"}
        elif word.endswith("y") and word[-2:-1] not in "aeiou":
            forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
        else:
            forms |= {word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s"), word + "ed", word + "ing"}
        forms |= IRREGULAR.get(word, set())
    return forms


IRREGULAR = {
    "buy": {"bought"},
    "choose": {"chose", "chosen"},
    "tap": {"tapped", "tapping"},
    "hold": {"held"},
    "take": {"took", "taken", "takes", "taking"},
    "leave": {"left"},
    "seek": {"sought"},
    "team": {"teamed"},
    "pull": {"pulled"},
    "partner": {"partnered", "partnering"},
    "join": {"joined"},
    "own": {"owned"},
    "control": {"controlled", "controlling"},
    "lose": {"lost", "losing"},
    "sell": {"sold"},
    "win": {"won", "winning"},
    "ship": {"shipped", "shipping"},
    "put": {"putting"},
}
