"""The ``alliance-kg`` command line: a thin click group over the library.

Each command parses its options, calls one library function and formats the
result. Data goes to stdout, messages to stderr. Library errors
(:class:`~alliance_kg.errors.AllianceKGError`) become one ``Error: ...`` line
and exit code 2; a traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import sys

import click

from alliance_kg import __version__
from alliance_kg.cli.common import AllianceGroup

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=AllianceGroup, context_settings=CONTEXT_SETTINGS)
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


def _register() -> None:
    from alliance_kg.cli import extract_cmds

    for module in (extract_cmds,):
        for command in module.COMMANDS:
            cli.add_command(command)
    for name in ("graph_cmds", "network_cmds"):
        try:
            module = __import__(f"alliance_kg.cli.{name}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:  # a command module not written yet
            if exc.name != f"alliance_kg.cli.{name}":
                raise
            continue
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Entry point of the ``alliance-kg`` console script."""
    cli(prog_name="alliance-kg")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
