"""Exceptions raised by the library; the CLI turns them into one-line errors."""


class AllianceKGError(Exception):
    """Base class of every error alliance-kg raises on purpose.

    ``hint`` is the next step a user can take, shown after the message.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class InputError(AllianceKGError):
    """An input file or directory cannot be read as an article or a graph."""


class ModelError(AllianceKGError):
    """A spaCy pipeline could not be loaded."""


class GraphError(AllianceKGError):
    """A graph file cannot be parsed, written or validated."""


class QueryError(AllianceKGError):
    """A SPARQL query is malformed or asks for something refused (network)."""


class UnknownEntityError(AllianceKGError):
    """A company name given by the user is not in the graph."""
