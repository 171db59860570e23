"""Dev articles parsed by spaCy's own components only (ours disabled): the tests of our shortcuts compare with them."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from alliance_kg.articles import read_article
from alliance_kg.nlp.pipeline import load_pipeline

DEV = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "dev"


def parsed_dev(lang: str, limit: int = 6) -> tuple[Language, list[Doc]]:
    """Return the ``lang`` pipeline and its first ``limit`` dev articles, parsed without our components."""
    nlp = load_pipeline(lang)
    ours = [name for name in nlp.pipe_names if name.startswith("alliance_") and name != "alliance_space_boundaries"]
    bodies = [a.body for a in map(read_article, sorted(DEV.glob(f"*{lang}*.txt"))) if a.lang == lang][:limit]
    with nlp.select_pipes(disable=ours):
        return nlp, list(nlp.pipe(bodies))
