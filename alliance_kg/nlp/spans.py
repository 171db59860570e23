"""The records of the mention stage: :class:`Mention` and :class:`Description`.

Kept apart from the component (:mod:`.mentions`) so that the helpers that
read them (:mod:`.anaphora`, :mod:`.names`, :mod:`.descriptions`) import no
component. ``doc._.mentions`` and ``doc._.descriptions`` are declared here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class Mention:
    """A span of the article that denotes one entity."""

    start: int
    end: int
    iri: str
    name: str
    kind: str
    via: str = "name"  # name | model | description
    country: str | None = None  # country IRI stated by a description

    @property
    def is_organisation(self) -> bool:
        """Return True unless the mention is a technology or a country."""
        return self.kind not in ("Technology", "Country")


@dataclass(frozen=True)
class Description:
    """A nationality or kind description attached to a named mention."""

    start: int
    end: int
    mention: Mention
    country: str | None


for _name in ("mentions", "descriptions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
