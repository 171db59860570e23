"""Find alliance tensions: unbalanced triads and contradicted ties, ranked with evidence.

Structural balance reads a triad of companies as unbalanced when two of its
ties are positive (cooperation) and one is negative: two companies share a
partner but one distrusts or competes with the other. A contradiction is a
tie affirmed in one article and negated in another.

Scores: a tie's strength is its number of articles times the weight of its
modality (asserted 1, planned 0.6, speculative 0.3); a tension scores its
weakest tie's strength times its severity (distrust 1, competition 0.5; a
contradiction across articles 1, within one article 0.5, halved again for a
predicate that is neither a cooperation nor a negative tie).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import networkx as nx

from alliance_kg.network import NEGATIVE, POSITIVE, is_organisation, modality_rank

MODALITY_WEIGHT = {"asserted": 1.0, "planned": 0.6, "speculative": 0.3}
NEGATIVE_WEIGHT = {"distrusts": 1.0, "competesWith": 0.5}


@dataclass(frozen=True)
class Evidence:
    """One tie that takes part in a tension, with one sentence supporting it."""

    source: str
    relation: str
    target: str
    predicate: str
    polarity: str
    modality: str
    date: str | None
    sentence: str
    article: str
    articles: int


@dataclass(frozen=True)
class Tension:
    """An unbalanced triad or a contradiction, with its score and its evidence."""

    kind: str  # "triad" or "contradiction"
    score: float
    summary: str
    parties: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict:
        """Return the tension as a JSON-ready dict."""
        data = asdict(self)
        data["parties"] = list(self.parties)
        return data


def _strength(data: dict) -> float:
    return data["articles"] * MODALITY_WEIGHT.get(data["modality"], 0.3)


def _evidence(net: nx.MultiDiGraph, u: str, v: str, data: dict, polarity: str | None = None) -> Evidence:
    best = data["evidence"][0] if data["evidence"] else {"sentence": "", "article": "", "date": None}
    return Evidence(
        source=net.nodes[u]["label"], relation=data["label"], target=net.nodes[v]["label"],
        predicate=data["predicate"], polarity=polarity or data["polarity"],
        modality=data["modality"], date=best["date"] or data["first_date"],
        sentence=best["sentence"], article=best["article"], articles=data["articles"],
    )


GROUP_TYPES = frozenset({"Alliance", "JointVenture"})


def _positive_graph(net: nx.MultiDiGraph) -> nx.Graph:
    """Return the undirected graph of positive ties between organisations.

    A tie is a direct affirmed cooperation tie, or else co-membership of the
    same alliance or joint venture (both ``memberOf`` it). Each edge keeps
    ``ties`` (the one or two underlying edges), ``via`` and ``strength``.
    """
    graph = nx.Graph()
    members: dict[str, list[tuple[str, str, dict]]] = {}
    for u, v, data in sorted(net.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"])):
        if data["sign"] != "positive" or u == v or not (is_organisation(net, u) and is_organisation(net, v)):
            continue
        if data["predicate"] == "memberOf" and net.nodes[v]["type"] in GROUP_TYPES:
            members.setdefault(v, []).append((u, v, data))
        rank = (modality_rank(data["modality"]), -data["articles"], data["predicate"])
        if not graph.has_edge(u, v) or rank < graph.edges[u, v]["rank"]:
            graph.add_edge(u, v, rank=rank, ties=((u, v, data),), via=None, strength=_strength(data))
    derived: dict[tuple[str, str], dict] = {}
    for group, ties in sorted(members.items()):
        for i, first in enumerate(ties):
            for second in ties[i + 1:]:
                a, b = sorted((first[0], second[0]))
                if a == b or graph.has_edge(a, b):
                    continue
                strength = 0.8 * min(_strength(first[2]), _strength(second[2]))
                if (a, b) not in derived or strength > derived[a, b]["strength"]:
                    derived[a, b] = {"rank": (9,), "ties": (first, second), "via": group, "strength": strength}
    for (a, b), attrs in sorted(derived.items()):
        graph.add_edge(a, b, **attrs)
    return graph


def unbalanced_triads(net: nx.MultiDiGraph) -> list[Tension]:
    """Return triads where two companies share a positive partner but one has a negative tie to the other."""
    positive = _positive_graph(net)
    negatives: dict[tuple[str, str], list[tuple[str, str, dict]]] = {}
    for u, v, data in net.edges(data=True):
        if data["sign"] == "negative" and u != v and is_organisation(net, u) and is_organisation(net, v):
            negatives.setdefault(tuple(sorted((u, v))), []).append((u, v, data))
    found: list[Tension] = []
    for (a, b), ties in sorted(negatives.items()):
        if a not in positive or b not in positive:
            continue
        ties.sort(key=lambda t: (-NEGATIVE_WEIGHT.get(t[2]["predicate"], 0.5), t[2]["predicate"], t[0]))
        severity = NEGATIVE_WEIGHT.get(ties[0][2]["predicate"], 0.5)
        negative = sum(_strength(d) for _, _, d in ties)
        for w in sorted(set(positive[a]) & set(positive[b]) - {a, b}):
            links = [positive.edges[x, w] for x in (a, b)]
            score = severity * min(negative, links[0]["strength"], links[1]["strength"])
            u, v, data = ties[0]
            summary = (f"{net.nodes[u]['label']} {data['label']} {net.nodes[v]['label']} "
                       f"while both are tied to {net.nodes[w]['label']}")
            vias = [net.nodes[link["via"]]["label"] for link in links if link["via"]]
            if vias:
                summary += " (through " + " and ".join(dict.fromkeys(vias)) + ")"
            evidence = [_evidence(net, x, y, d) for x, y, d in ties]
            evidence += [_evidence(net, x, y, d) for link in links for x, y, d in link["ties"]]
            found.append(Tension("triad", round(score, 3), summary,
                                 (net.nodes[u]["label"], net.nodes[v]["label"], net.nodes[w]["label"]),
                                 tuple(evidence)))
    return found


def contradictions(net: nx.MultiDiGraph) -> list[Tension]:
    """Return ties that are affirmed in one article and negated in another (or the same)."""
    found: list[Tension] = []
    for u, v, _key, data in sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        if data["polarity"] != "negated" or not net.has_edge(u, v, f"{data['predicate']}|affirmed"):
            continue
        affirmed = net.edges[u, v, f"{data['predicate']}|affirmed"]
        yes, no = set(affirmed["article_ids"]), set(data["article_ids"])
        across = bool(yes - no or no - yes)
        severity = (1.0 if across else 0.5) * (1.0 if data["predicate"] in POSITIVE | NEGATIVE else 0.5)
        score = severity * min(_strength(affirmed), _strength(data))
        relation = f"{net.nodes[u]['label']} {data['label']} {net.nodes[v]['label']}"
        where_yes, where_no = ", ".join(sorted(yes)) or "?", ", ".join(sorted(no)) or "?"
        summary = (f"{relation} is affirmed in {where_yes} and negated in {where_no}" if across
                   else f"{relation} is both affirmed and negated in {where_yes}")
        found.append(Tension("contradiction", round(score, 3), summary,
                             (net.nodes[u]["label"], net.nodes[v]["label"]),
                             (_evidence(net, u, v, affirmed), _evidence(net, u, v, data))))
    return found


def find_tensions(net: nx.MultiDiGraph) -> list[Tension]:
    """Return every tension of the network, strongest first."""
    tensions = unbalanced_triads(net) + contradictions(net)
    return sorted(tensions, key=lambda t: (-t.score, t.kind != "triad", t.summary))


def format_tensions(tensions: list[Tension]) -> str:
    """Return the tensions as readable text, each with its evidence."""
    if not tensions:
        return "No tension found: no unbalanced triad and no contradicted tie.\n"
    lines: list[str] = []
    for i, tension in enumerate(tensions, 1):
        lines.append(f"{i}. [{tension.kind}] {tension.summary} (score {tension.score:g})")
        for ev in tension.evidence:
            when = f", {ev.date}" if ev.date else ""
            neg = "not " if ev.polarity == "negated" else ""
            lines.append(f"   - {ev.source} {neg}{ev.relation} {ev.target} [{ev.modality}{when}; "
                         f"{ev.articles} article(s)]")
            if ev.sentence:
                lines.append(f"     \"{ev.sentence}\" ({ev.article})")
    return "\n".join(lines) + "\n"
