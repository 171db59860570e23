"""Polarity safeguards of the relation finder: what undoes, ends or excludes a tie.

A mixin of :class:`alliance_kg.nlp.relations.RelationFinder` (it reads the
finder's lexicon cues and per-document memos): "former"/"ancien" before a tie
noun, "au lieu de"/"instead of", "except"/"sauf", a sentence that ends a tie
("called off", "a mis fin"), and two triggers of one sentence that give a tie
both ways.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from alliance_kg.nlp.doctable import doc_lowers, doc_parsed, doc_texts, doc_tokens, morph_values, token_children
from alliance_kg.kb import normalize
from alliance_kg.nlp import syntax, syntax_clauses
from alliance_kg.nlp.qualifiers import qualify_parsed
from alliance_kg.nlp.records import Relation
from alliance_kg.nlp.surface_en_holdings import SELL_VERBS
from alliance_kg.nlp.spans import Mention

DETERMINERS = {"the", "le", "la", "l'", "l’"}


ENDED_AS_IT = {"jointVenture", "partnerOf", "mergesWith", "memberOf", "shareholderOf"}


def _year_ranges(doc: Doc, sent: Span) -> list[int]:
    """Return where a closed range of years ends its first year ("de 2010 à 2017", "from 2010 to 2017")."""
    texts, lowers = doc_texts(doc), doc_lowers(doc)  # each word's text and lower_: no Token per word

    def year(k: int) -> bool:
        return sent.start <= k < sent.end and len(texts[k]) == 4 and texts[k].isdigit() and texts[k][:2] in (
            "19", "20")

    return [
        k
        for k in range(sent.start + 2, sent.end - 1)
        if lowers[k] in ("à", "to", "-", "–") and year(k - 1) and year(k + 1)
        and lowers[k - 2] in ("de", "from", "between", "entre")
    ]


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
            opposite = [q for q in by_key[(r.subject.iri, r.predicate, r.object.iri, r.sent_start)]
                        if q.polarity != r.polarity]
            if r.polarity == "affirmed" and any(q.trigger == r.trigger for q in opposite):
                continue  # one trigger read both ways ("supplies every German carmaker except Volkswagen"): not a fact
            others = [q for q in opposite if q.trigger != r.trigger]
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
                    doc_tokens(doc)[r.trigger].pos_ in ("NOUN", "PROPN")
                    and not all(syntax_clauses.in_relative_clause(doc_tokens(doc)[q.trigger]) for q in others)
                )
            ):
                # "céder sa participation dans Horse, sa coentreprise"; "Geely holds no stake in Renault"; but
                # "Aramco, qui ne détient pas encore de participation, doit entrer au capital": both stand
                continue
            kept.append(r)
        return kept

    def _sold_later(self, doc: Doc, relations: list[Relation]) -> list[Relation]:
        """Negate a stake that a later verb of the same sentence sells without naming the company again.

        "General Motors, qui avait pris 7 % de PSA en 2012, a revendu l'intégralité de sa participation":
        the sale's object is "sa participation", the stake taken before it by the same subject.
        """
        out = list(relations)
        held = [r for r in relations if r.predicate in ("shareholderOf", "investsIn") and r.polarity == "affirmed"]
        for sent_start in sorted({r.sent_start for r in held}):
            here = [r for r in held if r.sent_start == sent_start]
            sent = doc[here[0].trigger].sent
            for verb in sent:
                sale = any(
                    t.predicate == "shareholderOf" and t.polarity == "negated"
                    for t in self.lexicon.triggers(self.lang, verb.lemma_)
                )
                if not sale or verb.pos_ != "VERB" or not self._sells_own_stake(verb):
                    continue
                if qualify_parsed(verb, self._chain(verb), self.lexicon, self.lang).polarity == "negated":
                    continue  # "Rostec, qui détient 32 % d'Avtovaz, n'a aucune intention de vendre ses titres"
                sellers = {m.iri for m in self._expand(syntax.subject_tokens(verb), self._mention_at, doc._.mentions)}
                opening = self._mention_at.get(sent.start)
                if not sellers and verb.dep_ == "ROOT" and opening is not None and opening.is_organisation:
                    sellers = {opening.iri}  # the parse lost the subject of the main verb: the name opening it
                for r in here:
                    if r.subject.iri in sellers and r.trigger < verb.i and r in out:
                        out.remove(r)
                        out.append(replace(r, polarity="negated", trigger=verb.i))
        return out

    def _sold_it_later(self, doc: Doc, relations: list[Relation]) -> list[Relation]:
        """Negate a stake that the rest of an unparsed sentence sells as "it" or "its stake".

        "Mercedes-Benz once owned a stake in Tesla but sold it in 2014": no
        other company may stand between the stake and the sale.
        """
        out = list(relations)
        ventures = {(r.trigger, r.object.iri) for r in relations if r.predicate == "memberOf"}
        for r in relations:
            if r.predicate in ENDED_AS_IT and r.polarity == "affirmed" and r.object.end >= 0:
                ended = self._ended_as_it(doc, r, {iri for t, iri in ventures if t == r.trigger})
                if ended is not None:  # "set up a joint venture, Zenuity, in 2017, but split it up last year"
                    out.remove(r)
                    out.append(replace(r, polarity="negated", trigger=ended))
                    continue
            if r.predicate not in ("shareholderOf", "investsIn") or r.polarity != "affirmed" or r.object.end < 0:
                continue
            sent = doc_tokens(doc)[r.trigger].sent
            for k in range(max(r.trigger, r.object.end), sent.end - 1):
                if any(m.is_organisation and m.iri not in (r.subject.iri, r.object.iri)
                       for m in [self._mention_at.get(k)] if m is not None):
                    break  # another company: "... and Z sold it" is about Z
                low = doc_lowers(doc)
                if low[k] not in SELL_VERBS:
                    continue  # only a sale verb can end the stake
                words = " ".join(low[k + 1 : min(sent.end, k + 4)]) + " "
                sold = any(words.startswith(w + " ") for w in self.sold_objects) and not any(
                    words.startswith(f"{what} {prep} ")
                    for what in self.sold_objects
                    if " " in what  # "sold it in 2014" is still the stake
                    for prep in ("in", "of")
                )  # "sold it", "sold its stake", but "sold its stake in Isuzu" is another stake
                relative = k >= 2 and f"{low[k - 2]} {low[k - 1]}" in ("which it", "that it")
                if sold or relative:  # "a stake in Lyft, which it sold"
                    out.remove(r)
                    out.append(replace(r, polarity="negated", trigger=k))
                    break
        return out

    def _ended_as_it(self, doc: Doc, r: Relation, ventures: set[str]) -> int | None:
        """Return where the rest of an unparsed sentence ends a tie as "it" ("but split it up", "dissolved
        them"), with no other company between the tie and that verb but the venture the trigger names
        (``ventures``); None when it does not."""
        sent = doc[r.trigger].sent
        for k in range(max(r.trigger, r.object.end), sent.end - 1):
            mention = self._mention_at.get(k)
            if (
                mention is not None
                and mention.is_organisation
                and mention.iri not in (r.subject.iri, r.object.iri, *ventures)  # "a joint venture, Zenuity, ..."
            ):
                return None
            if doc[k].lower_ in self.ending_verbs and doc[k + 1].lower_ in ("it", "them"):
                return k
        return None

    def _sells_own_stake(self, verb: Token) -> bool:
        """Return True when the verb's object is the subject's own stake, its company unnamed ("sa participation")."""
        for obj in token_children(verb):
            if obj.dep_ not in ("obj", "dobj"):
                continue
            stake = obj
            if normalize(obj.lemma_) in self.whole_words:  # "l'intégralité de sa participation"
                stake = next((c for c in token_children(obj) if c.dep_ == "nmod"), obj)
            if stake.lower_ not in self.stake_words and normalize(stake.lemma_) not in self.stake_words:
                continue
            owned = any(c.lower_ in self.possessives or c.lower_ in self.demonstratives for c in token_children(stake))
            named = any(c.i in self._mention_at for c in stake.subtree)
            return owned and not named
        return False

    def _ended_until(self, anchor: Token, sent: Span) -> bool:
        """Return True for a tie stated in the past up to a date: "a été actionnaire de Renault jusqu'en 2021",
        "was a partner of BYD until last year" (it no longer holds; "restera ... jusqu'en 2030" still does)."""
        doc = anchor.doc
        untils = self._untils.get(sent.start)
        if untils is None:  # once per sentence: most have no "until"
            ids, rows = _hashes(self.until_words), self._rows  # LOWER hashes of the words: no Token per word
            untils = [i for i in range(sent.start, sent.end) if rows[i][0] in ids]
            untils += _year_ranges(doc, sent)  # "fut actionnaire de Tesla de 2010 à 2017": up to 2017
            self._untils[sent.start] = untils
        if not any(i > anchor.i for i in untils):
            return False
        if not doc_parsed(doc):
            return any(t.lower_ in self.past_words for t in doc_tokens(doc)[max(sent.start, anchor.i - 4) : anchor.i])
        if not any(self._governs(doc, top, i) for i in untils if i > anchor.i for top in (anchor.i, anchor.head.i)):
            return False  # "a pris le contrôle de Behr, dont il détenait jusqu'ici ...": another clause's "until"
        verbs = [anchor, *(c for c in token_children(anchor) if c.dep_.startswith(("aux", "cop")))]
        return any(
            "Imp" in morph_values(v, "Tense") or ("Past" in morph_values(v, "Tense") and v.pos_ in ("VERB", "AUX"))
            for v in verbs
        )

    def _governs(self, doc: Doc, top: int, below: int) -> bool:
        """Return True when token ``top`` is above token ``below`` with no apposition or relative clause between."""
        token = doc_tokens(doc)[below]
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
        if mention.via == "description" and mention.start > 0:
            # "Leapmotor rather than Xpeng as its Chinese partner": the description stands for an excluded name
            sent = doc_tokens(doc)[mention.start].sent
            return any(
                self._excepted(doc, named)
                for named in doc._.mentions or []
                if named.iri == mention.iri and named.via == "name" and sent.start <= named.start < mention.start
            )
        if mention.start <= 0 or mention.via != "name":
            return False
        end = mention.start
        while end > 0 and doc_lowers(doc)[end - 1] in self.exception_prepositions:
            end -= 1  # "sauf avec BYD", "mais pas dans Ampere", "plutôt que dans Xpeng"
        words = " ".join(doc_lowers(doc)[max(0, end - 4) : end]).replace("' ", "'").replace("’ ", "'")
        markers, ends = _markers(self.exception_markers, self.alternative_markers)
        return words in markers or words.endswith(ends)

    def _former(self, anchor: Token) -> bool:
        """Return True when "former"/"ancien"/"ex-" stands before a trigger noun ("its former partner")."""
        if anchor.pos_ in ("VERB", "AUX") and doc_parsed(anchor.doc):
            return False
        if anchor.lower_.startswith("ex-"):
            return True  # "l'ex-filiale de Renault"
        if self._sold_unit(anchor):
            return True  # « la cession de sa filiale UD Trucks à Isuzu »: a unit sold is a former unit
        doc = anchor.doc
        for i in range(anchor.i - 1, max(anchor.sent.start, anchor.i - 4) - 1, -1):
            word = doc_lowers(doc)[i]
            if word in self.former_words or (word.startswith("ex-") and doc_tokens(doc)[i].is_lower):
                return True
            if i in self._mention_at and i + 1 < anchor.i and doc_lowers(doc)[i + 1] in ("'s", "’s"):
                owner = self._mention_at[i]  # "once Renault's closest ally": the word before the genitive
                return owner.start > anchor.sent.start and doc_lowers(doc)[owner.start - 1] in self.former_words
            if doc_tokens(doc)[i].is_punct or i in self._mention_at or word in self.possessives or word in DETERMINERS:
                break
        return False

    def _alternative(self, anchor: Token) -> bool:
        """Return True when the trigger follows "au lieu de", "plutôt que", "instead of", "rather than"."""
        doc = anchor.doc
        i = anchor.i - 1
        while i >= 0 and doc_lowers(doc)[i] in ("se", "s'", "s’", "de", "d'", "to", "with", "avec"):
            i -= 1
        words = " ".join(doc_lowers(doc)[max(0, i - 3) : anchor.i])
        return any(f" {m} " in f" {words} " or words.endswith(m) for m in self.alternative_markers)

    def _terminated(self, sent: Span, anchor: Token) -> bool:
        """Return True when the sentence says a tie ended ("called off", "ont mis fin") in the trigger's clause
        or the main one; where the ending words stand is read once per sentence."""
        found = self._ended.get(sent.start)
        if found is None:
            found = self._ended[sent.start] = syntax_clauses.ending_clauses(sent, self.terminators)
        if not found:
            return False
        return None in found or (doc_parsed(sent.doc) and syntax_clauses.relative_clause_of(anchor) in found)


@lru_cache(maxsize=8)
def _markers(exception: frozenset[str], alternative: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Return the markers :meth:`PolarityReader._excepted` looks for and their ends after a space, made once."""
    markers = exception | alternative
    return markers, tuple(" " + marker for marker in markers)


@lru_cache(maxsize=8)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """Return the string-store hashes of ``words``, made once per word list."""
    return frozenset(get_string_id(w) for w in words)
