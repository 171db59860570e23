"""Regenerate examples/seed.gexf, seed.html and seed.png from a graph file.

Usage (from the repository root, after building the seed graph)::

    alliance-kg build seeds/ -o out/
    python examples/render_examples.py                 # reads out/alliance.ttl
    python examples/render_examples.py other.trig -o /tmp/pictures

The output is deterministic: the same graph gives the same files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing

from alliance_kg.errors import AllianceKGError  # noqa: E402
from alliance_kg.netexport import write_network  # noqa: E402
from alliance_kg.network import load_network  # noqa: E402

OUTPUTS = (("gexf", "seed.gexf"), ("html", "seed.html"), ("png", "seed.png"))


def main(argv: list[str] | None = None) -> int:
    """Write the three example files; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", default="out/alliance.ttl",
                        help="graph file written by alliance-kg build (default: out/alliance.ttl)")
    parser.add_argument("-o", "--out", default=str(HERE), help="folder for the files (default: examples/)")
    args = parser.parse_args(argv)
    try:
        net = load_network(args.graph)
        for fmt, name in OUTPUTS:
            for path in write_network(net, fmt, Path(args.out) / name):
                print(f"wrote {path}")
    except AllianceKGError as exc:
        hint = f" ({exc.hint})" if exc.hint else ""
        print(f"Error: {exc}{hint}", file=sys.stderr)
        if not Path(args.graph).exists():
            print("Build the seed graph first: alliance-kg build seeds/ -o out/", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
