"""Shared fixtures: a small dataset built from hand-written statements of the seed story.

``seed_story()`` returns two articles with their statements (no spaCy: the
statements are written by hand, as the extractor would give them);
``seed_dataset`` is a fresh Dataset built from them for each test.
"""

from __future__ import annotations

import re
import sys

import pytest

from alliance_kg.articles import Article, article_from_text
from alliance_kg.kb import KnowledgeBase, load_kb
from alliance_kg.statement import Statement

SEED_FR = (
    "date 2024-11 Le constructeur japonais Nissan se méfie de Geely, selon des sources proches du dossier. "
    "Renault, Geely et Aramco sont associés dans la coentreprise Horse. "
    "Les trois groupes vont détenir ensemble Horse. "
    "Nissan n'a aucune intention de participer à la joint-venture. "
    "Renault, Nissan et Mitsubishi restent membres de l'Alliance Renault-Nissan-Mitsubishi. "
    "Nissan envisagerait une contribution dans Ampere, la filiale électrique de Renault, selon Reuters. "
    "Le groupe japonais développe sa technologie hybride e-Power et cherche de nouveaux partenaires "
    "dans le VE et les logiciels. "
    "Renault détient 43 % de Nissan."
)
SEED_EN = (
    "date 2023-02-06 Renault holds a 43% stake in Nissan, its partner since 1999. "
    "Ampere, Renault's EV unit, will list in Paris."
)
NAMES = {
    "Nissan": "ake:nissan", "Geely": "ake:geely", "Renault": "ake:renault", "Aramco": "ake:aramco",
    "Horse": "ake:horse", "Mitsubishi": "ake:mitsubishi", "Ampere": "ake:ampere", "Japan": "ake:japan",
    "Renault-Nissan-Mitsubishi Alliance": "ake:renault-nissan-mitsubishi-alliance",
    "e-Power": "ake:e-power", "electric vehicles": "ake:electric-vehicles", "software": "ake:software",
}


def _sentences(article: Article) -> list[str]:
    """Return the sentences of the article body (every one ends with a full stop)."""
    return [m.group().strip() for m in re.finditer(r"[^.]+\.", article.body)]


def _st(article: Article, sentence: str, subject: str, predicate: str, obj: str, **qualifiers) -> Statement:
    """Return a Statement whose evidence is ``sentence`` (located in the article text)."""
    start = article.text.index(sentence)
    return Statement(doc=article.doc, subject=subject, subject_iri=NAMES[subject], predicate=predicate,
                     object=obj, object_iri=NAMES[obj], evidence=sentence, start=start,
                     end=start + len(sentence), date=article.date, lang=article.lang, **qualifiers)


def seed_story() -> list[tuple[Article, list[Statement]]]:
    """Return the two seed-like articles with their hand-written statements."""
    fr = article_from_text(SEED_FR, doc="seed-nissan-horse")
    en = article_from_text(SEED_EN, doc="seed-renault-stake")
    s = _sentences(fr)
    fr_statements = [
        _st(fr, s[0], "Nissan", "distrusts", "Geely", attributedTo="unnamed sources"),
        _st(fr, s[0], "Nissan", "basedIn", "Japan"),
        *(_st(fr, s[1], a, "jointVenture", b) for a, b in
          (("Renault", "Geely"), ("Renault", "Aramco"), ("Geely", "Aramco"))),
        *(_st(fr, s[2], who, "memberOf", "Horse", modality="planned") for who in ("Renault", "Geely", "Aramco")),
        _st(fr, s[3], "Nissan", "memberOf", "Horse", polarity="negated"),
        *(_st(fr, s[4], who, "memberOf", "Renault-Nissan-Mitsubishi Alliance")
          for who in ("Renault", "Nissan", "Mitsubishi")),
        _st(fr, s[5], "Nissan", "investsIn", "Ampere", modality="speculative", attributedTo="Reuters"),
        _st(fr, s[5], "Ampere", "subsidiaryOf", "Renault"),
        _st(fr, s[6], "Nissan", "developsTechnology", "e-Power"),
        _st(fr, s[6], "Nissan", "seeksPartnership", "electric vehicles"),
        _st(fr, s[6], "Nissan", "seeksPartnership", "software"),
        _st(fr, s[7], "Renault", "shareholderOf", "Nissan", share=43.0),
    ]
    e = _sentences(en)
    en_statements = [
        _st(en, e[0], "Renault", "shareholderOf", "Nissan", share=43),
        _st(en, e[0], "Nissan", "partnerOf", "Renault"),
        _st(en, e[1], "Ampere", "subsidiaryOf", "Renault"),
    ]
    return [(fr, fr_statements), (en, en_statements)]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base (ontologies/entities.ttl)."""
    return load_kb()


@pytest.fixture
def seed_articles() -> list[tuple[Article, list[Statement]]]:
    """The seed-like articles with their hand-written statements."""
    return seed_story()


@pytest.fixture
def seed_dataset(kb, seed_articles):
    """A fresh Dataset built with add_article from the hand-written seed statements."""
    from alliance_kg.graph import add_article, new_dataset

    ds = new_dataset()
    for article, statements in seed_articles:
        add_article(ds, article, statements, kb)
    return ds


@pytest.fixture
def seed_files(tmp_path, seed_dataset):
    """The seed dataset written as TriG and Turtle in a temp folder: {"trig": path, "ttl": path}."""
    from alliance_kg.rdfio import write_graph

    paths = {"trig": tmp_path / "alliance.trig", "ttl": tmp_path / "alliance.ttl"}
    for path in paths.values():
        write_graph(seed_dataset, path)
    return paths


_NETWORK = {"blocked": False, "attempts": [], "installed": False}
_NETWORK_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request")


def _audit(event: str, args: tuple) -> None:
    if _NETWORK["blocked"] and event in _NETWORK_EVENTS:
        _NETWORK["attempts"].append((event, args))
        raise RuntimeError(f"network access attempted during a test: {event} {args!r}")


@pytest.fixture
def no_network():
    """Fail any socket connection (audit hook) while the test runs; yields the list of attempts."""
    if not _NETWORK["installed"]:
        sys.addaudithook(_audit)  # audit hooks cannot be removed: it only acts while blocked
        _NETWORK["installed"] = True
    _NETWORK["attempts"] = []
    _NETWORK["blocked"] = True
    try:
        yield _NETWORK["attempts"]
    finally:
        _NETWORK["blocked"] = False
