"""Score statements against gold files with the guidelines' scoring (section 5).

Per article, the distinct ``(subject, predicate, object, polarity)`` tuples
are compared, symmetric predicates in either order, a predicted label
matching a gold entity when it equals (case- and accent-folded) its
canonical name or an alias. Micro-averaged precision, recall and F1; a
coarse score folds the cooperation predicates together; modality and
attribution accuracy are measured on matched tuples.

>>> gold = {"entities": {"Nissan": ["le groupe japonais"], "Geely": []},
...         "statements": [{"subject": "Nissan", "predicate": "distrusts", "object": "Geely",
...                         "polarity": "affirmed", "modality": "asserted"}]}
>>> from alliance_kg.statement import Statement
>>> pred = [Statement("a", "Nissan", "x", "distrusts", "Geely", "y")]
>>> score = Scorer().add("a", gold, pred).report()
>>> score["strict"]["f1"]
1.0
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from alliance_kg.errors import InputError
from alliance_kg.kb import normalize
from alliance_kg.statement import COOPERATION, MODALITIES, SYMMETRIC, Statement


@dataclass(frozen=True)
class GoldStatement:
    """One gold statement: predicates accepted, qualifiers, optional flag."""

    subject: str
    predicates: tuple[str, ...]
    object: str
    polarity: str
    modality: str
    attributed_to: str | None
    optional: bool


def read_gold(path: str | Path) -> dict:
    """Read and check one ``*.gold.json`` file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable gold file ({exc})") from None
    if not isinstance(data, dict) or "statements" not in data:
        raise InputError(f"{path}: a gold file needs 'entities' and 'statements'")
    data.setdefault("entities", {})
    return data


def _gold_statements(gold: dict) -> list[GoldStatement]:
    out = []
    for item in gold["statements"]:
        predicates = item["predicate"] if isinstance(item["predicate"], list) else [item["predicate"]]
        out.append(
            GoldStatement(
                item["subject"],
                tuple(predicates),
                item["object"],
                item.get("polarity", "affirmed"),
                item.get("modality", "asserted"),
                item.get("attributedTo"),
                bool(item.get("optional", False)),
            )
        )
    return out


def _fold(predicate: str, coarse: bool) -> str:
    return "cooperation" if coarse and predicate in COOPERATION else predicate


def _key(subject: str, predicate: str, obj: str, polarity: str, coarse: bool) -> tuple:
    folded = _fold(predicate, coarse)
    if predicate in SYMMETRIC or folded == "cooperation":
        pair = tuple(sorted((subject, obj)))
        return (pair, folded, polarity)
    return ((subject, obj), folded, polarity)


class Scorer:
    """Accumulate per-article comparisons and report micro-averaged scores."""

    def __init__(self) -> None:
        self.counts = {False: Counter(), True: Counter()}
        self.by_predicate: dict[str, Counter] = {}
        self.by_lang: dict[str, Counter] = {}
        self.modality = Counter()
        self.attribution = Counter()
        self.flips = 0
        self.errors: list[dict] = []
        self.skipped: list[dict] = []

    def add(self, doc: str, gold: dict, predicted: list[Statement], lang: str | None = None) -> "Scorer":
        """Compare one article's predictions with its gold; return self."""
        canon: dict[str, str] = {}
        for name, aliases in gold.get("entities", {}).items():
            for label in [name, *aliases]:
                canon.setdefault(normalize(label), name)

        def resolve(label: str | None) -> str | None:
            return None if label is None else canon.get(normalize(label), label)

        gold_items = _gold_statements(gold)
        for name in {g.subject for g in gold_items} | {g.object for g in gold_items}:
            canon.setdefault(normalize(name), name)
        best: dict[tuple, Statement] = {}
        for s in predicted:
            tup = (resolve(s.subject), s.predicate, resolve(s.object), s.polarity)
            kept = best.get(tup)
            if kept is None or MODALITIES.index(s.modality) < MODALITIES.index(kept.modality):
                best[tup] = s
        for coarse in (False, True):
            self._compare(doc, gold_items, best, coarse, lang, resolve)
        predicted_keys = {(_key(s, p, o, "affirmed", False)) for (s, p, o, pol) in best if pol == "affirmed"}
        affirmed_gold = {
            _key(g.subject, p, g.object, "affirmed", False)
            for g in gold_items
            if g.polarity == "affirmed"
            for p in g.predicates
        }
        for g in gold_items:  # a flip: the gold negates it, we affirm it, and no gold statement affirms it
            keys = {_key(g.subject, p, g.object, "affirmed", False) for p in g.predicates}
            if g.polarity == "negated" and keys & predicted_keys and not keys & affirmed_gold:
                self.flips += 1
        return self

    def _compare(self, doc, gold_items, best, coarse, lang, resolve) -> None:
        pred_keys = {_key(s, p, o, pol, coarse): (s, p, o, pol) for (s, p, o, pol) in best}
        used: set[tuple] = set()
        counts = self.counts[coarse]
        for g in gold_items:
            keys = [_key(g.subject, p, g.object, g.polarity, coarse) for p in g.predicates]
            hit = next((k for k in keys if k in pred_keys), None)
            used.update(keys)
            if g.optional:
                continue
            label = g.predicates[0]
            if hit is not None:
                counts["tp"] += 1
                if not coarse:
                    self._count(label, lang, "tp")
                    stmt = best[pred_keys[hit]]
                    self.modality["n"] += 1
                    self.modality["ok"] += stmt.modality == g.modality
                    self.attribution["n"] += 1
                    self.attribution["ok"] += normalize(resolve(stmt.attributedTo) or "") == normalize(
                        g.attributed_to or ""
                    )
            else:
                counts["fn"] += 1
                if not coarse:
                    self._count(label, lang, "fn")
                    self.errors.append(
                        {
                            "doc": doc,
                            "kind": "missed",
                            "tuple": [g.subject, "|".join(g.predicates), g.object, g.polarity],
                        }
                    )
        for key, tup in sorted(pred_keys.items(), key=lambda kv: str(kv[0])):
            if key in used:
                continue
            counts["fp"] += 1
            if not coarse:
                self._count(tup[1], lang, "fp")
                stmt = best[tup]
                self.errors.append(
                    {
                        "doc": doc,
                        "kind": "spurious",
                        "tuple": list(tup),
                        "evidence": stmt.evidence,
                        "modality": stmt.modality,
                    }
                )

    def _count(self, predicate: str, lang: str | None, what: str) -> None:
        self.by_predicate.setdefault(predicate, Counter())[what] += 1
        self.by_lang.setdefault(lang or "?", Counter())[what] += 1

    @staticmethod
    def prf(counts: Counter) -> dict:
        """Return precision, recall, F1 and the counts of a Counter(tp, fp, fn)."""
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}

    def report(self) -> dict:
        """Return every figure as a JSON-ready dict."""
        acc = lambda c: round(c["ok"] / c["n"], 4) if c["n"] else None  # noqa: E731
        return {
            "strict": self.prf(self.counts[False]),
            "coarse": self.prf(self.counts[True]),
            "by_predicate": {p: self.prf(c) for p, c in sorted(self.by_predicate.items())},
            "by_language": {lang: self.prf(c) for lang, c in sorted(self.by_lang.items())},
            "modality_accuracy": acc(self.modality),
            "attribution_accuracy": acc(self.attribution),
            "negated_emitted_as_affirmed": self.flips,
            "skipped": list(self.skipped),
        }


def evaluate_dir(directory: str | Path, extractor=None) -> Scorer:
    """Extract every article that has a ``*.gold.json`` under ``directory`` and score it."""
    from alliance_kg.articles import read_article
    from alliance_kg.extract import Extractor

    directory = Path(directory)
    pairs = []
    for gold_path in sorted(directory.rglob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        if text_path.is_file():
            pairs.append((read_article(text_path), read_gold(gold_path)))
    if not pairs:
        raise InputError(
            f"{directory}: no NAME.txt with NAME.gold.json beside it", "see section 6 of the annotation guidelines"
        )
    extractor = extractor or Extractor()
    scorer = Scorer()
    results = extractor.extract_many([article for article, _ in pairs])
    for (article, gold), result in zip(pairs, results):
        if result.skipped:  # scored with no statement, and said: a crash must not pass for a miss
            scorer.skipped.append({"doc": article.doc, "why": result.skipped})
        scorer.add(article.doc, gold, result.statements, lang=article.lang)
    return scorer


def format_table(report: dict, by_predicate: bool = False, errors: list[dict] | None = None) -> str:
    """Return the report as aligned text for a terminal."""

    def row(name: str, s: dict) -> str:
        return f"{name:<22}{s['precision']:>9.3f}{s['recall']:>9.3f}{s['f1']:>9.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"

    lines = [
        f"{'':<22}{'P':>9}{'R':>9}{'F1':>9}{'tp':>6}{'fp':>6}{'fn':>6}",
        row("strict", report["strict"]),
        row("coarse", report["coarse"]),
    ]
    for lang, s in report["by_language"].items():
        lines.append(row(f"strict [{lang}]", s))
    if by_predicate:
        lines.append("")
        lines += [row(p, s) for p, s in report["by_predicate"].items()]
    fmt = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
    lines += [
        "",
        f"modality accuracy     {fmt(report['modality_accuracy'])}",
        f"attribution accuracy  {fmt(report['attribution_accuracy'])}",
        f"negated gold emitted as affirmed: {report['negated_emitted_as_affirmed']}",
    ]
    for err in errors or []:
        tup = " ".join(str(x) for x in err["tuple"])
        extra = f"  <- {err['evidence']}" if err.get("evidence") else ""
        lines.append(f"{err['doc']}: {err['kind']}: {tup}{extra}")
    return "\n".join(lines)
