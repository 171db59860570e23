"""Locate the data files shipped with alliance-kg (ontologies, lexicons).

In an installed package they sit in ``alliance_kg/ontologies``; in a source
checkout they are the top-level ``ontologies/`` folder.

>>> data_path("alliance.ttl").name
'alliance.ttl'
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE / "ontologies", _HERE.parent / "ontologies")


def data_dir() -> Path:
    """Return the folder that holds ``alliance.ttl`` and ``entities.ttl``."""
    for candidate in _CANDIDATES:
        if (candidate / "alliance.ttl").is_file():
            return candidate
    return _CANDIDATES[-1]


def data_path(name: str) -> Path:
    """Return the path of one shipped data file, e.g. ``"entities.ttl"``."""
    return data_dir() / name
