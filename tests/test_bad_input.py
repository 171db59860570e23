"""Bad input gets a clear answer and nothing is lost: one case per row of README's "Bad input" table.

Each case runs the real command line through click's CliRunner and checks
the exit code, the one-line message on stderr, that no traceback is shown,
and what must still hold (the other articles processed, a file untouched,
evidence == text[start:end] on the text as read).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from alliance_kg.cli import cli
from alliance_kg.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "examples" / "corpus" / "dev"
GOOD = "date 2024-11 Nissan se méfie de Geely, selon des sources proches du dossier.\n"
FRENCH = ("date 2023-04 Le constructeur français Renault détient 43 % de Nissan.\n\n"
          "Selon des sources proches du dossier, Nissan se méfie de Geely, son concurrent chinois.\n")
NISSAN_GEELY = ("Nissan", "distrusts", "Geely")


@pytest.fixture(scope="module", autouse=True)
def extractor() -> Extractor:
    """Load the French pipeline once for the module (the commands share the cached pipeline)."""
    ex = Extractor()
    ex.pipeline("fr")
    return ex


def _run(*args) -> object:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _statements(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()]


def _articles(tmp: Path, files: dict[str, bytes]) -> Path:
    folder = tmp / "articles"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _text_as_read(path: Path) -> str:
    """The article as Python's open() reads it (universal newlines): what offsets count in."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    with open(path, encoding=encoding) as handle:
        return handle.read()


def _offsets_hold(out: Path, folder: Path) -> list[dict]:
    statements = _statements(out)
    texts: dict[str, str] = {}
    for s in statements:
        if s["doc"] not in texts:
            texts[s["doc"]] = _text_as_read(folder / f"{s['doc']}.txt")
        text = texts[s["doc"]]
        assert s["evidence"] == text[s["start"]:s["end"]], s
    return statements


def _has(statements: list[dict], triple: tuple[str, str, str]) -> bool:
    return any((s["subject"], s["predicate"], s["object"]) == triple for s in statements)


@pytest.fixture(scope="module")
def graph_files(tmp_path_factory):
    """A good graph of the seed story (hand-written statements, no spaCy) and a malformed copy."""
    from conftest import seed_story

    from alliance_kg.graph import add_article, new_dataset
    from alliance_kg.kb import load_kb
    from alliance_kg.rdfio import write_graph

    ds = new_dataset()
    for article, statements in seed_story():
        add_article(ds, article, statements, load_kb())
    folder = tmp_path_factory.mktemp("graphs")
    good = folder / "good.ttl"
    write_graph(ds, good)
    lines = good.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[29] = lines[29].rstrip("\n") + " this is not turtle ;;\n"
    (folder / "bad.ttl").write_text("".join(lines), encoding="utf-8")
    return {"good": good, "bad": folder / "bad.ttl", "bad_line": 30}


# ------------------------------------------------------------------- the cases

@dataclass
class Case:
    """One row of the table: how to make the input, the command, the expected exit code and message."""

    id: str
    run: Callable  # (tmp_path, graph_files) -> (result, context)
    code: int
    message: str
    check: Callable | None = None  # (result, context) -> None


def _build_folder(files: dict[str, bytes], *extra):
    def run(tmp, graphs):
        folder = _articles(tmp, files)
        out = tmp / "out"
        return _run("build", folder, "-o", out, *extra), {"folder": folder, "out": out}
    return run


def _others_processed(result, ctx):
    statements = _offsets_hold(ctx["out"], ctx["folder"])
    assert _has(statements, NISSAN_GEELY), statements  # the good article is in the graph


def _encoded_check(note: str):
    def check(result, ctx):
        assert f"note: {ctx['folder'] / 'article.txt'}: " in result.stderr and note in result.stderr, result.stderr
        statements = _offsets_hold(ctx["out"], ctx["folder"])
        assert _has(statements, NISSAN_GEELY), statements
        assert _has(statements, ("Renault", "shareholderOf", "Nissan")), statements
    return check


def _five_mb(tmp, graphs):
    paragraphs = [p for path in sorted(DEV.glob("fr_*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]
    real = "\n\n".join(paragraphs)
    while len(real) < 30_000:
        real += "\n\n" + real
    real = real[:real.index("\n\n", 20_000)]  # real text, then pieces of scraped-layout white space
    layout = ("    \n" * 2000 + "\n")
    middle = "Nissan se méfie de Geely, selon des sources proches du dossier.\n\n"
    filler = layout * (2_500_000 // len(layout))
    text = ("date 2024-11 Renault détient 43 % de Nissan.\n\n" + real + "\n\n" + filler + middle + filler
            + "Toyota n'a pas l'intention d'investir dans Nissan.\n")
    assert len(text.encode("utf-8")) > 5_000_000
    folder = _articles(tmp, {"big.txt": text.encode("utf-8")})
    out = tmp / "out"
    return _run("build", folder, "-o", out, "--no-validate"), {"folder": folder, "out": out, "text": text}


def _five_mb_check(result, ctx):
    statements = _offsets_hold(ctx["out"], ctx["folder"])
    text = ctx["text"]
    assert any(s["start"] < 100 for s in statements)  # the first paragraph
    assert any(2_500_000 < s["start"] < 5_000_000 and s["predicate"] == "distrusts" for s in statements)
    assert any(s["start"] > len(text) - 100 and s["polarity"] == "negated" for s in statements), \
        [s for s in statements if s["start"] > 5_000_000]


def _strict(tmp, graphs):
    folder = _articles(tmp, {"empty.txt": b"", "good.txt": GOOD.encode()})
    out = tmp / "out"
    return _run("build", folder, "-o", out, "--strict"), {"folder": folder, "out": out}


def _graph_cmd(*args, touched: str = "bad"):
    def run(tmp, graphs):
        before = graphs[touched].read_bytes()
        resolved = [graphs[a] if a in graphs else (tmp / a[4:] if a.startswith("TMP/") else a) for a in args]
        result = _run(*resolved)
        return result, {"graphs": graphs, "before": before, "touched": graphs[touched], "tmp": tmp}
    return run


def _untouched(result, ctx):
    assert ctx["touched"].read_bytes() == ctx["before"]
    assert not list(ctx["touched"].parent.glob(".*.tmp"))


def _into_bad(tmp, graphs):
    folder = _articles(tmp, {"good.txt": GOOD.encode()})
    before = graphs["bad"].read_bytes()
    result = _run("build", folder, "--into", graphs["bad"])
    return result, {"before": before, "touched": graphs["bad"]}


def _unwritable(tmp, graphs):
    if os.geteuid() == 0:  # root writes through file modes: /sys refuses even root
        target = Path("/sys")
        try:
            probe = target / ".alliance-kg-probe"
            probe.touch()
            probe.unlink()
            pytest.skip("/sys is writable here")
        except OSError:
            pass
    else:
        target = tmp / "read-only"
        target.mkdir()
        target.chmod(0o555)
    folder = _articles(tmp, {"good.txt": GOOD.encode()})
    return _run("build", folder, "-o", target / "out"), {"target": target}


def _no_statements(ctx) -> None:
    assert _statements(ctx["out"]) == []


def _no_output(result, ctx):
    assert not (ctx["out"]).exists()


CASES = [
    Case("empty file", _build_folder({"empty.txt": b"", "good.txt": GOOD.encode()}), 3,
         "warning: skipped {folder}/empty.txt: empty file", _others_processed),
    Case("binary file", _build_folder({"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
                                       "good.txt": GOOD.encode()}), 3,
         "warning: skipped {folder}/image.txt: binary file (a PNG image), not text", _others_processed),
    Case("Windows-1252 / Latin-1 file", _build_folder({"article.txt": FRENCH.encode("cp1252")}), 0,
         "decoded as Windows-1252 (not UTF-8)", _encoded_check("decoded as Windows-1252")),
    Case("UTF-8 byte-order mark", _build_folder({"article.txt": b"\xef\xbb\xbf" + FRENCH.encode()}), 0,
         "removed a UTF-8 byte-order mark", _encoded_check("byte-order mark")),
    Case("CRLF line ends", _build_folder({"article.txt": FRENCH.replace("\n", "\r\n").encode()}), 0,
         "converted CRLF line ends", _encoded_check("CRLF")),
    Case("no organisation", _build_folder({"weather.txt": "date 2024-01 Il a beaucoup plu sur Paris hier soir, "
                                           "et les routes étaient glissantes.\n".encode()}), 0,
         "statements: 0", lambda r, ctx: _no_statements(ctx)),
    Case("5 MB article", _five_mb, 0, "articles read: 1", _five_mb_check),
    Case("folder without .txt", lambda tmp, g: (_run("build", _articles(tmp, {"notes.md": b"x"}), "-o", tmp / "out"),
                                                {"out": tmp / "out", "folder": tmp / "articles"}), 2,
         "Error: {folder}: no .txt article in this folder (articles must end in .txt)", _no_output),
    Case("missing path", lambda tmp, g: (_run("build", tmp / "nowhere", "-o", tmp / "out"),
                                         {"out": tmp / "out", "folder": tmp / "nowhere"}), 2,
         "Error: {folder}: no such file or folder (check the path)", _no_output),
    Case("language other than French or English",
         _build_folder({"de.txt": "Der japanische Autohersteller misstraut seinem chinesischen Partner, sagten "
                        "mit der Angelegenheit vertraute Personen, und die Gespräche sind noch nicht "
                        "abgeschlossen.\n".encode(), "good.txt": GOOD.encode()}), 3,
         "warning: skipped {folder}/de.txt: language 'de': alliance-kg reads French and English",
         _others_processed),
    Case("--strict and a skipped article", _strict, 3,
         "Error: skipped {folder}/empty.txt: empty file (--strict: nothing was written)", _no_output),
    Case("malformed Turtle to query", _graph_cmd("query", "bad", "ASK { ?s ?p ?o }"), 2,
         "Error: {bad}: syntax error at line 30:", _untouched),
    Case("malformed Turtle to paths", _graph_cmd("paths", "bad", "Nissan", "Aramco"), 2,
         "Error: {bad}: syntax error at line 30:", _untouched),
    Case("malformed Turtle to export", _graph_cmd("export", "bad", "-o", "TMP/out.nt"), 2,
         "Error: {bad}: syntax error at line 30:", _untouched),
    Case("malformed Turtle to build --into", _into_bad, 2,
         "Error: {bad}: syntax error at line 30:", _untouched),
    Case("SPARQL syntax error", _graph_cmd("query", "good", "SELECT ?s WHERE { ?s ?p ?o", touched="good"), 2,
         "Error: SPARQL syntax error at line 1, column 27:", _untouched),
    Case("unknown company in paths", _graph_cmd("paths", "good", "Nissan", "Foobar Motors", touched="good"), 2,
         "Error: unknown company 'Foobar Motors'", _untouched),
    Case("output folder does not exist",
         lambda tmp, g: (_run("build", _articles(tmp, {"good.txt": GOOD.encode()}), "-o", tmp / "no" / "such" / "out"),
                         {"out": tmp / "no", "folder": tmp / "no" / "such"}), 2,
         "Error: {folder}: no such folder (create it first or choose another -o path)", _no_output),
    Case("output folder cannot be written", _unwritable, 2,
         "Error: {target}: cannot write there (Permission denied) (choose another -o path)"),
    Case("export to a folder that does not exist", _graph_cmd("export", "good", "-o", "TMP/no/such/x.gexf",
                                                              touched="good"), 2,
         "Error: {tmp}/no/such: no such folder (create it first or choose another output path)", _untouched),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path, graph_files):
    result, ctx = case.run(tmp_path, graph_files)
    assert result.exit_code == case.code, (result.exit_code, result.stdout, result.stderr)
    names = {k: str(v) for k, v in {**graph_files, **ctx}.items() if isinstance(v, Path)}
    expected = case.message.format(**names)
    assert expected in result.stderr, (expected, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    if case.code == 2:
        assert len(errors) == 1 and errors[0].startswith(expected), result.stderr  # one line, nothing else
    if case.check:
        case.check(result, ctx)


def test_table_in_readme_lists_every_case():
    """The README's "Bad input" table has one row per case, with the same exit code."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Bad input", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| input")]
    rows = [r for r in rows if not set(r) <= set("|- ")]
    assert len(rows) == len(CASES), rows
    for case, row in zip(CASES, rows):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[0] == case.id, (cells[0], case.id)
        assert cells[1] == str(case.code), (case.id, cells[1])


def test_debug_shows_the_traceback(tmp_path):
    result = CliRunner().invoke(cli, ["--debug", "build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert result.exception is not None and not isinstance(result.exception, SystemExit)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
