"""The record the relation stage writes on ``doc._.relations``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span

from alliance_kg.lexicon import load_lexicon
from alliance_kg.nlp.doctable import doc_lowers, doc_tokens, span_text
from alliance_kg.nlp.surface_words import inflections
from alliance_kg.nlp.mentions import Mention


@dataclass(frozen=True)
class Relation:
    """One statement found in a sentence, before it becomes a Statement."""

    subject: Mention
    predicate: str
    object: Mention
    polarity: str
    modality: str
    attributed_to: str | None
    share: float | None
    sent_start: int
    sent_end: int
    trigger: int


def article_labels(doc) -> dict[str, str]:
    """Return the name to give each organisation of a parsed article: its canonical name, or the article's.

    A knowledge-base entity keeps its canonical name when the article writes
    it so ("Renault"); otherwise it is called as the article calls it most
    often ("BMW Brilliance Automotive", not the shorter "BMW Brilliance"), so
    that a reader, or a gold file listing the article's names, finds it.
    """
    forms: dict[str, dict[str, int]] = {}
    canonical: dict[str, str] = {}
    for mention in doc._.mentions or []:
        if not mention.is_organisation or mention.via not in ("name", "model"):
            continue
        start, end = mention.start, mention.end  # a span's words by position: no Span per mention
        while end - start > 1 and (
            doc_tokens(doc)[start].pos_ in ("DET", "ADP") or doc_lowers(doc)[start] in ("l'", "l’", "d'", "d’", "the")
        ):
            start += 1  # "l'Alliance Renault-Nissan-Mitsubishi"
        end -= mention.suffix  # "Kia Motors Corp" is called "Kia Motors"
        text = span_text(doc, start, end)
        counts = forms.setdefault(mention.iri, {})
        counts[text] = counts.get(text, 0) + 1
        canonical[mention.iri] = mention.name
    labels = {}
    for iri, counts in forms.items():
        name = canonical[iri]
        written = max(counts.values())
        if any(text.casefold() == name.casefold() and n == written for text, n in counts.items()):
            labels[iri] = name
        else:
            labels[iri] = max(sorted(counts), key=lambda text: (counts[text], len(text)))
    return labels


def trimmed(sent: Span) -> tuple[int, int]:
    """Return the character offsets of a sentence without its surrounding white space."""
    doc = sent.doc  # from both ends: called for every relation, a sentence can be long
    first = next((doc_tokens(doc)[i] for i in range(sent.start, sent.end) if not doc_tokens(doc)[i].is_space), None)
    if first is None:
        return sent.start_char, sent.start_char
    last = next(doc_tokens(doc)[i] for i in range(sent.end - 1, first.i - 1, -1) if not doc_tokens(doc)[i].is_space)
    return first.idx, last.idx + len(last.text)


def co_developers(relations: list[Relation]) -> list[Relation]:
    """Return the technology a partner develops with the subject through the same word.

    "Honda développe des voitures électriques avec Sony", "GM builds fuel cells
    with Honda": the trigger that gives Honda the technology also pairs it with
    its partner, who develops it too (with the same qualifiers).
    """
    partners: dict[tuple[int, str], set[tuple[str, str]]] = {}
    by_iri = {}
    for r in relations:
        if r.predicate in ("partnerOf", "jointVenture"):
            for one, other in ((r.subject, r.object), (r.object, r.subject)):
                if other.start > r.trigger:  # "développe X avec Sony": the partner named after the verb
                    partners.setdefault((r.trigger, one.iri), set()).add((other.iri, r.polarity))
                    by_iri[other.iri] = other
    out = []
    have = {(r.subject.iri, r.object.iri, r.polarity) for r in relations if r.predicate == "developsTechnology"}
    for r in relations:
        if r.predicate != "developsTechnology":
            continue
        for iri, polarity in sorted(partners.get((r.trigger, r.subject.iri), ())):
            if polarity == r.polarity and (iri, r.object.iri, r.polarity) not in have:
                have.add((iri, r.object.iri, r.polarity))
                out.append(replace(r, subject=by_iri[iri]))
    return out


def sharers_develop(relations: list[Relation]) -> list[Relation]:
    """Return developsTechnology for each company said to share a technology it does not yet develop.

    "Saft apporte à ACC son savoir-faire dans les batteries": what a company
    brings it has, so it develops it (the annotators' reading, 28 of 29 times in
    the development corpus); the know-how exists now, so a planned share gives
    an asserted development.
    """
    have = {(r.subject.iri, r.object.iri) for r in relations if r.predicate == "developsTechnology"}
    out = []
    for r in relations:
        if r.predicate == "sharesTechnology" and r.polarity == "affirmed" and (r.subject.iri, r.object.iri) not in have:
            have.add((r.subject.iri, r.object.iri))
            modality = "asserted" if r.modality == "planned" else r.modality
            out.append(replace(r, predicate="developsTechnology", modality=modality))
    return out


@lru_cache(maxsize=4)
def _founding_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the founding verbs' lemmas and the forms they take in text (cue ``founding_verbs``)."""
    verbs = load_lexicon().cues(lang, "founding_verbs", raw=True)
    return verbs, frozenset({form for verb in verbs for form in inflections(verb, "VERB", lang)} | verbs)


def founded_ventures(doc, relations: list[Relation], ventures: frozenset[str] = frozenset()) -> list[Relation]:
    """Return the relations without the memberships read from a founding verb whose object is no joint venture.

    "Renault et Geely ont fondé Horse", "BMW and Daimler set up Ionity": the
    founders of a joint venture are its members; "Toyota created Woven
    Planet" founds a unit, not a venture (cue ``founding_verbs``).
    ``ventures`` adds the organisations the article calls a joint venture.
    """
    verbs, forms = _founding_words(doc.lang_ if doc.lang_ in ("fr", "en") else "en")
    toks = doc_tokens(doc)

    def founded(r: Relation) -> bool:
        return 0 <= r.trigger < len(toks) and (toks[r.trigger].lower_ in forms or toks[r.trigger].lemma_ in verbs)

    return [
        r for r in relations
        if not (r.predicate == "memberOf" and founded(r) and r.object.kind != "JointVenture"
                and r.object.iri not in ventures)
    ]


def co_owner_stakes(
    relations: list[Relation], ventures: frozenset[str] = frozenset(), alliances: frozenset[str] = frozenset()
) -> list[Relation]:
    """Return the ties that owning part of a joint venture implies, per the guidelines' annotators.

    A venture's affirmed member is a shareholder ("la coentreprise de Stellantis
    et de CATL"), and a shareholder of a venture is a member of it ("Horse,
    dans laquelle Aramco doit prendre 10 %"), with the same qualifiers.
    ``ventures`` adds the organisations the article calls a joint venture; the members of those it calls an
    alliance (``alliances``) set up no venture together.
    """
    out = []
    for r in relations:
        if r.object.kind != "JointVenture" and r.object.iri not in ventures:
            continue
        if r.predicate == "memberOf" and r.polarity == "affirmed":
            out.append(replace(r, predicate="shareholderOf", share=None))
        elif r.predicate == "shareholderOf":
            out.append(replace(r, predicate="memberOf", share=None))
    # co-owners of one venture in one sentence set it up together: jointVenture, every pair
    owners: dict[tuple[str, int], dict[str, Relation]] = {}
    for r in [*relations, *out]:
        if r.predicate == "memberOf" and r.polarity == "affirmed" and r.object.kind != "Alliance" and (
            r.object.iri not in alliances or r.object.iri in ventures
        ):
            owners.setdefault((r.object.iri, r.sent_start), {}).setdefault(r.subject.iri, r)
    stated = {(r.subject.iri, r.object.iri) for r in relations if r.predicate == "jointVenture"}
    for members in owners.values():
        ranked = sorted(members.values(), key=lambda r: r.subject.start)
        for i, first in enumerate(ranked):
            for second in ranked[i + 1 :]:
                pair = (first.subject.iri, second.subject.iri)
                if pair not in stated and pair[::-1] not in stated:
                    out.append(replace(first, predicate="jointVenture", object=second.subject, share=None))
    return out



def _words(name: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in name.casefold()).split() if w]


def _inside(part: list[str], whole: list[str]) -> bool:
    return bool(part) and any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def named_venture_members(doc, relations: list[Relation], mentions: list[Mention]) -> list[Relation]:
    """Return memberOf for the partners of a joint venture that the article names after both of them.

    "Toyota's joint venture with BYD ... BYD Toyota EV Technology": the
    venture the two set up is the one named after both (the guidelines' "an
    unnamed joint venture linked to a named one"). Only an affirmed
    jointVenture of the article counts, and the venture's name must contain
    both partners' names; the evidence is the sentence that names the venture.
    """
    ventures = {}
    for m in mentions:
        if m.kind == "JointVenture" and m.via in ("name", "model") and m.start >= 0:
            ventures.setdefault(m.iri, m)
    out: list[Relation] = []
    for venture in ventures.values():
        whole = _words(venture.name)
        for r in relations:
            if r.predicate != "jointVenture" or r.polarity != "affirmed":
                continue
            pair = (r.subject, r.object)
            if venture.iri in (r.subject.iri, r.object.iri) or not all(_inside(_words(p.name), whole) for p in pair):
                continue
            start, end = trimmed(doc_tokens(doc)[venture.start].sent)
            for partner in pair:
                out.append(replace(r, subject=partner, predicate="memberOf", object=venture, attributed_to=None,
                                   share=None, sent_start=start, sent_end=end, trigger=venture.start))
    return out


def co_holders(
    doc, relations: list[Relation], mention_at: dict[int, Mention], phrases: frozenset[str]
) -> list[Relation]:
    """Return the stakes that a holder's co-owner shares ("détient 49 % de Beijing Benz aux côtés de
    BAIC", "holds 50% of the venture alongside Toyota"): the company after one of ``phrases``.

    The phrase must follow the company held; the co-owner is the first organisation within three words
    after it and holds a stake in the same company, with the same qualifiers (its share is not given).
    """
    out = []
    longest = max((len(p.split()) for p in phrases), default=0)
    for r in relations:
        if r.predicate != "shareholderOf" or r.polarity != "affirmed":
            continue
        start = r.object.end  # right after the company held: "49 % de Beijing Benz aux côtés de BAIC"
        if start <= r.trigger or start >= r.sent_end:
            continue
        words = [t.lower_ for t in doc[start : min(r.sent_end, start + longest + 4)]]
        size = next((n for n in range(longest, 0, -1) if " ".join(words[:n]) in phrases), 0)
        for j in range(start + size, min(r.sent_end, start + size + 3)) if size else ():
            m = mention_at.get(j)
            if m is not None and m.is_organisation and m.iri not in (r.subject.iri, r.object.iri):
                out.append(replace(r, subject=m, share=None))
                break
    return out


def one_parent_each(relations: list[Relation]) -> list[Relation]:
    """Drop the subsidiaryOf relations one word gives a company towards several parents.

    "Amplify, a venture owned by Accelera, Daimler Truck and Paccar", "Accelera, the unit of Cummins,
    Daimler Truck and Paccar": a company is no unit of each of several owners at once; the word read a
    list of co-owners or a list the parse ran on.
    """
    parents: dict[tuple[int, str, str], set[str]] = {}
    for r in relations:
        if r.predicate == "subsidiaryOf":  # "passe de Tata Motors à Tata Sons": one parent left, one joined
            parents.setdefault((r.trigger, r.subject.iri, r.polarity), set()).add(r.object.iri)
    return [
        r
        for r in relations
        if r.predicate != "subsidiaryOf" or len(parents[(r.trigger, r.subject.iri, r.polarity)]) == 1
    ]


def one_stake_denial(relations: list[Relation]) -> list[Relation]:
    """Drop a denied investment beside the denied stake of the same pair in the same sentence.

    "Toyota ne prendra aucune participation dans CFAO", "has no plans to take a stake in": the
    annotators deny the holding, not also an investment the sentence never speaks of.
    """
    denied = {
        (r.subject.iri, r.object.iri, r.sent_start)
        for r in relations
        if r.predicate == "shareholderOf" and r.polarity == "negated"
    }
    return [
        r for r in relations
        if not (r.predicate == "investsIn" and r.polarity == "negated"
                and (r.subject.iri, r.object.iri, r.sent_start) in denied)
    ]
