"""Polarity safeguards of the relation finder: what undoes, ends or excludes a tie.

A mixin of :class:`alliance_kg.nlp.relations.RelationFinder` (it reads the
finder's lexicon cues and per-document memos): "former"/"ancien" before a tie
noun, "au lieu de"/"instead of", "except"/"sauf", a sentence that ends a tie
("called off", "a mis fin"), and two triggers of one sentence that give a tie
both ways.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from alliance_kg.nlp import syntax
from alliance_kg.nlp.records import Relation
from alliance_kg.nlp.spans import Mention

DETERMINERS = {"the", "le", "la", "l'", "l’"}


class PolarityReader:
    """Mixin: the polarity checks of the relation finder (see the module docstring)."""

    def _without_undone(self, doc: Doc, relations: list[Relation], parsed: bool) -> list[Relation]:
        """Keep one polarity when a sentence gives a tie both ways through two of its triggers.

        "Mercedes-Benz a vendu sa participation dans BAIC": "participation" says
        Mercedes holds a stake, "vendu" that it no longer does; the verb governing
        the noun decides ("a exclu de céder sa participation": the verb, affirmed,
        stands). An affirmed noun beside a negated tie elsewhere in the sentence,
        or any affirmed tie without a parse to tell them apart, gives way to it.
        """
        by_key: dict[tuple, list[Relation]] = {}
        for r in relations:
            by_key.setdefault((r.subject.iri, r.predicate, r.object.iri, r.sent_start), []).append(r)
        kept = []
        for r in relations:
            others = [q for q in by_key[(r.subject.iri, r.predicate, r.object.iri, r.sent_start)]
                      if q.polarity != r.polarity and q.trigger != r.trigger]
            if not others:
                kept.append(r)
                continue
            if parsed and any(self._governs(doc, q.trigger, r.trigger) for q in others):
                continue  # the verb above this trigger decides
            if parsed and any(self._governs(doc, r.trigger, q.trigger) for q in others):
                kept.append(r)
                continue  # this trigger governs the other
            if r.polarity == "affirmed" and (
                not parsed
                or (
                    doc[r.trigger].pos_ in ("NOUN", "PROPN")
                    and not all(syntax.in_relative_clause(doc[q.trigger]) for q in others)
                )
            ):
                # "céder sa participation dans Horse, sa coentreprise"; "Geely holds no stake in Renault"; but
                # "Aramco, qui ne détient pas encore de participation, doit entrer au capital": both stand
                continue
            kept.append(r)
        return kept

    def _governs(self, doc: Doc, top: int, below: int) -> bool:
        """Return True when token ``top`` is above token ``below`` with no apposition or relative clause between."""
        token = doc[below]
        while token.head.i != token.i:
            stake = token.head.text == "%" or token.head.lower_ in self.stake_words  # "les 1,5 % qu'il détenait"
            if (token.dep_ in ("acl:relcl", "relcl") and not stake) or token.dep_ == "appos" or (
                self._comma_appositive(token, self._mention_at)
            ):
                return False  # "travaille avec Renault, son ancien allié": background, not governed
            token = token.head
            if token.i == top:
                return True
        return False

    def _excepted(self, doc: Doc, mention: Mention) -> bool:
        """Return True when "except"/"à l'exception de"/"sauf" introduces the mention."""
        if mention.start <= 0 or mention.via != "name":
            return False
        words = " ".join(t.lower_ for t in doc[max(0, mention.start - 4) : mention.start])
        return any(words.endswith(marker) for marker in self.exception_markers)

    def _former(self, anchor: Token) -> bool:
        """Return True when "former"/"ancien"/"ex-" stands before a trigger noun ("its former partner")."""
        if anchor.pos_ in ("VERB", "AUX") and anchor.doc.has_annotation("DEP"):
            return False
        if anchor.lower_.startswith("ex-"):
            return True  # "l'ex-filiale de Renault"
        doc = anchor.doc
        for i in range(anchor.i - 1, max(anchor.sent.start, anchor.i - 4) - 1, -1):
            word = doc[i].lower_
            if word in self.former_words or (word.startswith("ex-") and doc[i].is_lower):
                return True
            if doc[i].is_punct or i in self._mention_at or word in self.possessives or word in DETERMINERS:
                break
        return False

    def _alternative(self, anchor: Token) -> bool:
        """Return True when the trigger follows "au lieu de", "plutôt que", "instead of", "rather than"."""
        doc = anchor.doc
        i = anchor.i - 1
        while i >= 0 and doc[i].lower_ in ("se", "s'", "s’", "de", "d'", "to", "with", "avec"):
            i -= 1
        words = " ".join(t.lower_ for t in doc[max(0, i - 3) : anchor.i])
        return any(f" {m} " in f" {words} " or words.endswith(m) for m in self.alternative_markers)

    def _terminated(self, sent: Span) -> bool:
        """Return True when the sentence says a tie ended ("called off", "ont mis fin"), once per sentence."""
        found = self._ended.get(sent.start)
        if found is None:
            found = self._ended[sent.start] = self._ends_a_tie(sent)
        return found

    def _ends_a_tie(self, sent: Span) -> bool:
        words = [t.lower_ for t in sent]
        present = set(words)
        parsed = sent.doc.has_annotation("DEP")
        for phrase in self.terminators:
            parts = phrase.split()
            if parts and parts[0] not in present:
                continue  # its first word is not in the sentence
            for k in range(len(words) - len(parts) + 1):
                if words[k : k + len(parts)] == parts:
                    if not (parsed and syntax.in_relative_clause(sent[k])):
                        return True  # "un accord qui met fin à ...": the agreement itself is not ended
        return False
