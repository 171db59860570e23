"""Determinism: the whole development corpus built twice, in two processes, gives byte-identical files.

The two builds run at the same time in separate processes
(``python -m alliance_kg build``), with the article files listed in
opposite orders: the Turtle graph and the statements must be the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "examples" / "corpus" / "dev"


def test_dev_corpus_builds_byte_identical_in_two_processes_whatever_the_file_order(tmp_path):
    files = sorted(str(p) for p in DEV.glob("*.txt"))
    assert len(files) >= 20
    orders = {"a": files, "b": list(reversed(files[::2])) + list(reversed(files[1::2]))}
    assert orders["a"] != orders["b"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = {name: subprocess.Popen([sys.executable, "-m", "alliance_kg", "build", *order, "-o",
                                     str(tmp_path / name), "--quiet", "--no-validate"],
                                    cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name, order in orders.items()}
    for name, proc in procs.items():
        try:
            _, err = proc.communicate(timeout=900)
        except subprocess.TimeoutExpired:
            for other in procs.values():
                other.kill()
            raise
        assert proc.returncode == 0, (name, err)
    for produced in ("alliance.ttl", "statements.jsonl"):
        first = (tmp_path / "a" / produced).read_bytes()
        second = (tmp_path / "b" / produced).read_bytes()
        assert first == second, produced
        assert len(first) > 10_000
