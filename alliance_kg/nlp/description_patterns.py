"""The Matcher patterns of descriptions: "le constructeur japonais", "the Chinese autonomous-driving start-up",
"le géant pétrolier saoudien", "son compatriote Honda", "the Wolfsburg-based carmaker".

Built once per pipeline from the lexicon (descriptors, sector words, determiners) and the knowledge base
(demonyms, countries, headquarters cities); :class:`alliance_kg.nlp.mentions.MentionFinder` runs them.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

#: words that never stand inside "Chinese [autonomous-driving] start-up": a clause goes on
FUNCTION_WORDS = ("and", "or", "of", "while", "as", "which", "that", "who", "is", "are", "was", "were", "has", "have")


class DescriptionPatterns:
    """Mixin: build the description Matcher (needs ``self.lexicon``, ``self.kb``, ``self.lang``)."""

    def _build_matcher(self, nlp: Language) -> Matcher:
        lex = self.lexicon
        dets = sorted(lex.cues(self.lang, "determiners", raw=True))
        descriptors = sorted(
            set(lex.cue_map(self.lang, "descriptors", raw=True)) | lex.cues(self.lang, "plural_descriptors", raw=True)
        )
        demonyms = {d.lower() for e in self.kb.of_kind("Country") for d in e.demonyms}
        modifiers = sorted(demonyms | set(lex.cue_map(self.lang, "sector_words", raw=True)))
        matcher = Matcher(nlp.vocab)
        self._compound_re: re.Pattern | None = None  # a sentence holding "franco-", "sino-" ...
        prefixes = sorted(lex.cue_map(self.lang, "demonym_prefixes", raw=True), key=len, reverse=True)
        if prefixes:  # "franco-italien", "sino-japonais": one token, several nationalities
            alternatives = "|".join(prefixes)
            compound = {"LOWER": {"REGEX": rf"^(?:(?:{alternatives})-)+[^\W\d_]+$"}}
            self._compound_re = re.compile(rf"(?<!\w)(?:{alternatives})-", re.IGNORECASE)
        anaphor_words = lex.cues(self.lang, "generic_anaphors", raw=True)
        keys = {*descriptors, *modifiers, *anaphor_words, "coentreprise", "co-entreprise", "joint-venture", "joint"}
        keys |= {"venture", "'s", "’s", *lex.cues(self.lang, "compatriot_words", raw=True)}
        # every pattern holds one of these words: sentences without any are not matched at all
        self._description_keys = frozenset(nlp.vocab.strings.add(w) for w in keys)
        joiners = ["-", "et", "and"]  # "sino-japonais", "electric-vehicle maker"
        joiners += sorted({w for d in demonyms if " " in d for w in d.split()[:-1]})  # "south korean"
        if self.lang == "fr":
            matcher.add(
                "DESCRIPTION",
                [
                    [
                        {"NORM": {"IN": dets}},
                        {"POS": "ADJ", "OP": "?", "NORM": {"NOT_IN": modifiers}},
                        {"NORM": {"IN": descriptors}},
                        {"POS": "NUM", "OP": "?"},
                        {"NORM": {"IN": modifiers + joiners}, "OP": "+"},
                    ],
                    [  # without a determiner: only as an apposition ("Rivian, fabricant américain de ...")
                        {"NORM": {"IN": descriptors}},
                        {"NORM": {"IN": modifiers + joiners}, "OP": "+"},
                    ],
                    [
                        {"NORM": {"IN": dets}},
                        {"NORM": {"IN": ["coentreprise", "co-entreprise", "joint-venture"]}},
                    ],
                    [
                        {"NORM": {"IN": dets}},
                        {"NORM": "joint"},
                        {"NORM": "-", "OP": "?"},
                        {"NORM": "venture"},
                    ],
                ],
                greedy="LONGEST",
            )
            matcher.add(
                "DEMONYM_NAME",
                [
                    [
                        {"NORM": {"IN": dets}},
                        {"NORM": {"IN": modifiers}},
                        {"NORM": {"IN": modifiers + joiners}, "OP": "*"},
                    ]
                ],
                greedy="LONGEST",
            )
            if prefixes:  # "le constructeur franco-italien", "du sino-japonais Envision AESC"
                matcher.add(
                    "DESCRIPTION",
                    [[{"NORM": {"IN": dets}}, {"POS": "ADJ", "OP": "?"}, {"NORM": {"IN": descriptors}}, compound]],
                    greedy="LONGEST",
                )
                matcher.add("DEMONYM_NAME", [[{"NORM": {"IN": dets}}, compound]], greedy="LONGEST")
        else:
            matcher.add(
                "DESCRIPTION",
                [
                    [
                        {"NORM": {"IN": dets}, "OP": "?"},
                        {
                            "NORM": {
                                "IN": [
                                    "smaller",
                                    "larger",
                                    "biggest",
                                    "largest",
                                    "local",
                                    "rival",
                                    "fellow",
                                    "new",
                                    "young",
                                    "struggling",
                                    "loss-making",
                                    "state-owned",
                                    "privately",
                                    "owned",
                                ]
                            },
                            "OP": "*",
                        },
                        {"NORM": {"IN": modifiers + joiners}, "OP": "+"},
                        # up to three words of what it makes: "Chinese robotaxi developer", "Chinese
                        # autonomous-driving start-up"
                        *[
                            {
                                "NORM": {
                                    "REGEX": r"^(?:[a-z][a-z-]*|-)$",
                                    "NOT_IN": [*descriptors, *dets, *modifiers, *FUNCTION_WORDS],
                                },
                                "OP": "?",
                            }
                        ] * 3,
                        {"NORM": {"IN": descriptors}},
                    ],
                    [
                        {"NORM": {"IN": ["the", "its", "their"]}},
                        {"NORM": {"IN": ["joint", "venture"]}, "OP": "+"},
                    ],
                ],
                greedy="LONGEST",
            )
            countries = sorted({label.lower() for e in self.kb.of_kind("Country") for label in (e.name, *e.labels)})
            matcher.add(
                "COUNTRY_POSSESSIVE",
                [
                    [{"LOWER": {"IN": countries}}, {"LOWER": {"IN": ["'s", "’s"]}}],
                    [{"LOWER": "south"}, {"LOWER": "korea"}, {"LOWER": {"IN": ["'s", "’s"]}}],
                    [{"LOWER": "saudi"}, {"LOWER": "arabia"}, {"LOWER": {"IN": ["'s", "’s"]}}],
                ],
            )
        self._add_city_patterns(nlp, matcher, dets, descriptors)
        anaphors = sorted(lex.cues(self.lang, "generic_anaphors", raw=True))
        compatriots = sorted(lex.cues(self.lang, "compatriot_words", raw=True))
        if compatriots:  # "son compatriote Honda", "its compatriot BYD": a name of the possessor's country
            possessives = sorted(lex.cues(self.lang, "possessives", raw=True))
            matcher.add("COMPATRIOT", [[{"NORM": {"IN": possessives}}, {"NORM": {"IN": compatriots}}]])
        matcher.add(
            "ANAPHOR",
            [
                [{"NORM": {"IN": ["le", "la", "l'", "the"]}}, {"NORM": {"IN": anaphors}}],
                [  # "la jeune entreprise", "le nouveau groupe"
                    {"NORM": {"IN": ["le", "la", "l'", "the"]}},
                    {"NORM": {"IN": sorted(lex.cues(self.lang, "anaphor_adjectives", raw=True))}},
                    {"NORM": {"IN": anaphors}},
                ],
            ],
        )
        return matcher

    def _add_city_patterns(self, nlp: Language, matcher: Matcher, dets: list[str], descriptors: list[str]) -> None:
        """Prepare "le constructeur de Yokohama" / "the Wolfsburg-based carmaker" (see :meth:`_city_spans`).

        The cities go to a ``PhraseMatcher``, one key per city, and the words
        around a match are checked in Python: one token pattern per city,
        with optional tokens, made the ``Matcher`` several times slower.
        """
        self.city_holders: dict[str, list[str]] = {}
        for entity in self.kb:
            for city in entity.cities:
                self.city_holders.setdefault(city, []).append(entity.iri)
        self.city_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for city in sorted(self.city_holders):
            self.city_matcher.add("CITY|" + city, [nlp.make_doc(city)])
        self._city_dets = frozenset(dets)
        self._city_descriptors = frozenset(descriptors)
