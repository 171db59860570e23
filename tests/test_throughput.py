"""Streaming, parallel and robust extraction; commands that need no NLP stay light.

No timing is asserted here (benchmarks/bench_extract.py measures speed);
these tests check the properties speed must not break: same statements
with one or several processes, results in input order as batches finish,
long articles parsed in pieces with offsets kept, a failing article skipped
without stopping the others, and no spaCy import where no NLP is needed.
"""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from alliance_kg.articles import article_from_text, read_article
from alliance_kg.extract import Extractor, split_body, with_plain_relations

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "examples" / "corpus" / "dev"
# a few dev articles of both languages (the English pipeline is rule-based: it runs in the main process)
SAMPLE = ["fr_02_horse_aramco", "fr_04_stellantis_leapmotor", "en_02_volkswagen_xpeng",
          "fr_06_acc_batteries", "fr_10_honda_nissan_holding", "en_09_us_battery_ventures"]


@pytest.fixture(scope="module")
def articles():
    return [read_article(DEV / f"{name}.txt") for name in SAMPLE]


@pytest.fixture(scope="module", autouse=True)
def loaded():
    """Load both pipelines once for the module (forked workers inherit them)."""
    ex = Extractor()
    ex.pipeline("fr")
    ex.pipeline("en")


def _keys(results):
    return [(r.article.doc, r.skipped, [s.to_json() for s in r.statements]) for r in results]


def test_jobs_2_gives_the_same_statements_as_jobs_1(articles):
    one = list(Extractor(batch_size=2, n_process=1).extract_many(articles))
    two = list(Extractor(batch_size=2, n_process=2).extract_many(articles))
    assert [r.article.doc for r in two] == SAMPLE  # input order kept
    assert _keys(two) == _keys(one)
    assert sum(len(r.statements) for r in one) > 20


def test_extract_many_streams_results_as_batches_finish(articles):
    pulled = []

    def source():
        for article in itertools.cycle(articles):  # endless: a list would never be made
            pulled.append(article.doc)
            yield article

    stream = Extractor(batch_size=2).extract_many(source())
    first = [next(stream) for _ in range(3)]
    stream.close()
    assert [r.article.doc for r in first] == SAMPLE[:3]
    assert len(pulled) <= 8, pulled  # only the batches in progress were read


def test_mixed_skipped_and_parsed_articles_keep_input_order(articles):
    mixed = [article_from_text("", doc="empty"), articles[0],
             article_from_text("Der Konzern hat sich mit dem Partner auf eine Allianz geeinigt und die "
                               "Gespräche sind abgeschlossen.", doc="de"),
             articles[2], article_from_text("date 2024-01 ", doc="prefix-only"), articles[1]]
    results = list(Extractor(batch_size=2, n_process=2).extract_many(mixed))
    assert [r.article.doc for r in results] == [a.doc for a in mixed]
    assert [bool(r.skipped) for r in results] == [True, False, True, False, True, False]
    assert results[0].skipped == "empty file" and results[4].skipped == "no text after the date line"


def test_a_long_article_is_parsed_in_pieces_with_offsets_kept(articles):
    article = articles[0]
    pieces = split_body(article.text, article.body_offset, 600)
    assert len(pieces) > 3
    long_chars = sorted(b - a for a, b in pieces)[len(pieces) // 2]  # half the pieces are "long"
    assert any(b - a > long_chars for a, b in pieces) and any(b - a <= long_chars for a, b in pieces)
    assert "".join(article.text[a:b] for a, b in pieces).strip() == article.body.strip()
    # pieces longer than long_chars go through the second pipe (small batches, this process)
    one, two = (list(Extractor(max_chars=600, long_chars=long_chars, batch_size=2, n_process=jobs)
                     .extract_many(articles)) for jobs in (1, 2))
    assert _keys(one) == _keys(two)
    statements = one[0].statements
    assert statements
    for s in statements:
        assert s.evidence == article.text[s.start:s.end]
        assert any(a <= s.start and s.end <= b for a, b in pieces), s


@Language.component("alliance_test_boom")
def _boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("boom: a component failed on this text")
    return doc


class _BoomExtractor(Extractor):
    """The rule-based English pipeline with a component that fails on texts holding BOOM."""

    _nlp = None

    def pipeline(self, lang):
        if _BoomExtractor._nlp is None:
            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
            nlp.add_pipe("alliance_test_boom")
            nlp.add_pipe("alliance_mentions", config={"lang": "en", "use_model_entities": False})
            nlp.add_pipe("alliance_relations", config={"lang": "en"})
            _BoomExtractor._nlp = with_plain_relations(nlp)
        return _BoomExtractor._nlp


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_that_breaks_the_pipeline_is_skipped_and_the_others_go_on(jobs):
    texts = (["Nissan is wary of Geely."] * 3 + ["Nissan is wary of Geely. BOOM."]
             + ["Renault holds a 43% stake in Nissan."] * 4)
    batch = [article_from_text(t, doc=f"a{i}") for i, t in enumerate(texts)]
    results = list(_BoomExtractor(batch_size=2, n_process=jobs).extract_many(batch))
    assert [r.article.doc for r in results] == [a.doc for a in batch]
    assert [bool(r.skipped) for r in results] == [False, False, False, True, False, False, False, False]
    assert "boom: a component failed" in results[3].skipped
    assert all(r.statements for i, r in enumerate(results) if i != 3)


# ------------------------------------------------------------ no NLP, no spaCy

NO_SPACY = """
import sys, time
import alliance_kg.cli
assert 'spacy' not in sys.modules, 'import alliance_kg.cli loaded spaCy'
from click.testing import CliRunner
from alliance_kg.cli import cli
graph, out = sys.argv[1], sys.argv[2]
for args in (['--help'], ['query', '--help'], ['stats', graph], ['tensions', graph],
             ['paths', graph, 'Nissan', 'Aramco'], ['query', graph, 'ASK { ?s ?p ?o }'],
             ['export', graph, '-o', out + '/x.trig'], ['export', graph, '-o', out + '/x.gexf'],
             ['validate', graph]):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, (args, result.output)
    assert 'spacy' not in sys.modules, f'{args} loaded spaCy'
print('ok')
"""


def test_commands_without_nlp_never_import_spacy(seed_files, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", NO_SPACY, str(seed_files["ttl"]), str(tmp_path)], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


HELP_ONLY = """
import sys
from click.testing import CliRunner
from alliance_kg.cli import cli
for args in (['--help'], ['stats', '--help'], ['paths', '--help'], ['export', '--help']):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, (args, result.output)
heavy = sorted(m for m in ('networkx', 'rdflib', 'numpy', 'spacy', 'pyshacl') if m in sys.modules)
print(' '.join(heavy) or 'none')
"""


def test_help_imports_no_graph_library():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", HELP_ONLY], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "none"


def test_the_paths_help_states_the_real_default_length():
    from alliance_kg.cli.network_cmds import DEFAULT_MAX_LENGTH
    from alliance_kg.paths import DEFAULT_MAX_LENGTH as used

    assert DEFAULT_MAX_LENGTH == used


# ------------------------------------------------------------------ progress

class _Terminal(io.StringIO):
    def isatty(self):
        return True


def _progress(stream, quiet=False, total=10):
    from alliance_kg.cli.extract_cmds import _Progress
    from alliance_kg.extract import Result

    bar = _Progress(quiet, stream)
    bar.start(total)
    for i in range(total):
        bar(Result(article_from_text("Nissan se méfie de Geely.", doc=f"a{i}")))
    bar.close()
    return stream.getvalue()


def test_progress_bar_on_a_terminal_only():
    shown = _progress(_Terminal())
    assert "10/10 articles" in shown and "words/s" in shown
    assert _progress(io.StringIO()) == ""  # not a terminal: nothing
    assert _progress(_Terminal(), quiet=True) == ""  # --quiet: nothing
    assert _progress(_Terminal(), total=3) == ""  # a few articles: no bar


# ---------------------------------------------------------------- interrupted
# spaCy's pipe joins its workers when it stops early; a worker blocked sending a batch, or a queue
# thread blocked feeding texts to a worker that is gone, would then hang the process for ever. This
# stops a parallel run in its steady state (batches queued both ways) and expects a prompt, clean end.

def _corpus(folder: Path, n: int, seed: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import make_corpus

    make_corpus(folder, n, seed=seed)
    return folder


def test_ctrl_c_during_a_parallel_extract_stops_cleanly(tmp_path):
    import signal
    import time

    corpus = _corpus(tmp_path / "corpus", 160, seed=6)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = tmp_path / "statements.jsonl"
    with open(out, "w", encoding="utf-8") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "alliance_kg", "extract", str(corpus), "--jobs", "2"],
                                env=env, cwd=ROOT, stdout=sink, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        try:
            deadline = time.monotonic() + 240
            while out.stat().st_size < 150_000:  # about 50 articles done: batches are queued both ways
                assert proc.poll() is None, "the run ended before it could be interrupted"
                assert time.monotonic() < deadline
                time.sleep(0.05)
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 130, err
    assert "Error: interrupted" in err
    assert "Traceback" not in err and "W127" not in err
