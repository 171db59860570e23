"""Generate a benchmark corpus of N articles from the development corpus.

Each generated article takes one language of the development corpus
(``examples/corpus/dev``, French and English in the same proportion), a
date, and 4 to 10 paragraphs of 1 to 3 sentences drawn from that language's
articles; then the organisation names of the knowledge base found in it are
swapped, consistently within the article, for other organisations of the
same kind (a carmaker for a carmaker), so the texts keep their grammar and
the gazetteer still recognises every name. The same seed gives the same
files, byte for byte.

Usage::

    python benchmarks/make_corpus.py OUT_DIR               # 500 articles, seed 1
    python benchmarks/make_corpus.py OUT_DIR -n 2000 --seed 7

No spaCy here: sentences are cut at ". ", "? ", "! " and closing quotes.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from alliance_kg.articles import read_article  # noqa: E402
from alliance_kg.kb import load_kb  # noqa: E402

DEV = ROOT / "examples" / "corpus" / "dev"
SWAPPED_KINDS = ("Automaker", "Supplier", "EnergyCompany", "TechnologyCompany")
_SENTENCE_END = re.compile(r"(?<=[.!?»\"”])\s+(?=[A-ZÀ-ÖØ-Þ«\"“])")


def sentences_by_language(folder: Path = DEV) -> dict[str, list[str]]:
    """Return the sentences of the development articles, by language, in a stable order."""
    pools: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.txt")):
        article = read_article(path)
        if article.lang not in ("fr", "en"):
            continue
        for paragraph in article.body.split("\n"):
            for sentence in _SENTENCE_END.split(paragraph.strip()):
                if len(sentence.split()) >= 4:
                    pools.setdefault(article.lang, []).append(sentence.strip())
    return pools


def _names_by_kind() -> dict[str, list[str]]:
    kb = load_kb()
    names: dict[str, list[str]] = {}
    for entity in kb:
        if entity.kind in SWAPPED_KINDS and len(entity.name) > 2 and re.fullmatch(r"[\w .&'-]+", entity.name):
            names.setdefault(entity.kind, []).append(entity.name)
    return {kind: sorted(set(found)) for kind, found in names.items()}


def _swap_names(text: str, rng: random.Random, names: dict[str, list[str]]) -> str:
    """Replace each organisation name of the KB found in ``text`` by another of the same kind."""
    kind_of = {name: kind for kind, found in names.items() for name in found}
    present = sorted({m.group() for m in _NAME_RE(tuple(sorted(kind_of, key=len, reverse=True))).finditer(text)})
    if not present:
        return text
    mapping = {}
    for name in present:
        choices = [n for n in names[kind_of[name]] if n not in mapping.values() and n not in present]
        mapping[name] = rng.choice(choices) if choices else name
    return _NAME_RE(tuple(sorted(mapping, key=len, reverse=True))).sub(lambda m: mapping[m.group()], text)


_PATTERNS: dict[tuple, re.Pattern] = {}


def _NAME_RE(names: tuple[str, ...]) -> re.Pattern:  # noqa: N802 - a cached compiled pattern
    if names not in _PATTERNS:
        _PATTERNS[names] = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return _PATTERNS[names]


def make_corpus(out_dir: str | Path, n: int = 500, seed: int = 1) -> list[Path]:
    """Write ``n`` articles into ``out_dir`` (created) and return their paths."""
    rng = random.Random(seed)
    pools = sentences_by_language()
    names = _names_by_kind()
    dev = sorted(DEV.glob("*.txt"))
    languages = [read_article(p).lang for p in dev]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        lang = languages[i % len(languages)]
        pool = pools[lang]
        paragraphs = []
        for _ in range(rng.randint(4, 10)):
            paragraphs.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 3))))
        body = _swap_names("\n\n".join(paragraphs), rng, names)
        date = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        path = out / f"bench_{i + 1:05d}_{lang}.txt"
        path.write_text(f" date {date} {body}\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", help="folder to write the articles into (created)")
    parser.add_argument("-n", "--articles", type=int, default=500, help="number of articles (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    paths = make_corpus(args.out_dir, args.articles, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles ({words:,} words) to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
