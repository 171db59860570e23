"""Run the command line as ``python -m alliance_kg``."""

from alliance_kg.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
