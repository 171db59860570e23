"""The ``alliance-kg`` command line: a thin click group over the library.

Each command parses its options, calls one library function and formats the
result. Data goes to stdout, messages to stderr. Library errors
(:class:`~alliance_kg.errors.AllianceKGError`) become one ``Error: ...`` line
and exit code 2; a traceback is shown only with ``--debug``.

Command modules are imported only when one of their commands runs (or for
the list in ``--help``): ``query`` never imports the network code, and no
command but ``build``, ``extract`` and ``evaluate`` imports spaCy.
"""

from __future__ import annotations

import importlib
import sys

import click

from alliance_kg import __version__
from alliance_kg.cli.common import AllianceGroup

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
#: Where each command lives; a command module not listed here is still found (all are imported then).
COMMAND_MODULES = {
    "build": "extract_cmds", "extract": "extract_cmds", "evaluate": "extract_cmds",
    "query": "graph_cmds", "validate": "graph_cmds", "export": "graph_cmds",
    "paths": "network_cmds", "tensions": "network_cmds", "stats": "network_cmds",
}
MODULES = ("extract_cmds", "graph_cmds", "network_cmds")


class _LazyCommands(dict):
    """``group.commands`` that imports every command module the first time it is read as a whole."""

    def __init__(self, load_all) -> None:
        super().__init__()
        self._load_all = load_all

    def _full(self) -> "_LazyCommands":
        self._load_all()
        return self

    def __iter__(self):
        return dict.__iter__(self._full())

    def __len__(self) -> int:
        return dict.__len__(self._full())

    def __contains__(self, name) -> bool:
        return dict.__contains__(self._full(), name)

    def __getitem__(self, name):
        return dict.__getitem__(self._full(), name)

    def get(self, name, default=None):
        return dict.get(self._full(), name, default)

    def keys(self):
        return dict.keys(self._full())

    def values(self):
        return dict.values(self._full())

    def items(self):
        return dict.items(self._full())


class LazyGroup(AllianceGroup):
    """The error-handling group, importing a command's module only when the command is used."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()
        self.commands = _LazyCommands(self._load_all)

    def _load(self, module_name: str) -> None:
        if module_name in self._loaded:
            return
        self._loaded.add(module_name)
        try:
            module = importlib.import_module(f"alliance_kg.cli.{module_name}")
        except ModuleNotFoundError as exc:  # a command module not written yet
            if exc.name != f"alliance_kg.cli.{module_name}":
                raise
            return
        for command in module.COMMANDS:
            self.add_command(command)

    def _load_all(self) -> None:
        for name in MODULES:
            self._load(name)

    def get_command(self, ctx: click.Context, cmd_name: str):
        module = COMMAND_MODULES.get(cmd_name)
        if module is not None:
            self._load(module)
            command = dict.get(self.commands, cmd_name)
            if command is not None:
                return command
        return self.commands.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_all()
        return super().list_commands(ctx)


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="alliance-kg")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn news articles about carmaker alliances into a knowledge graph.

    \b
    Example:
      alliance-kg build seeds/ -o out/
      alliance-kg query out/alliance.ttl 'SELECT ?a ?b WHERE { ?a aka:distrusts ?b }'
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main() -> None:
    """Entry point of the ``alliance-kg`` console script."""
    cli(prog_name="alliance-kg")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
