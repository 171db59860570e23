"""Shared pieces of the CLI: the error-handling group and small helpers."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from alliance_kg.errors import AllianceKGError

EXIT_ERROR = 2


class AllianceGroup(click.Group):
    """A click group that turns library errors into one ``Error:`` line."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AllianceKGError as exc:
            if _debug(ctx):
                raise
            message = f"Error: {exc}"
            if exc.hint:
                message += f" ({exc.hint})"
            click.echo(message, err=True)
            ctx.exit(EXIT_ERROR)
        except (KeyboardInterrupt, click.exceptions.Abort):
            click.echo("Error: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.ClickException, click.exceptions.Exit):
            raise
        except OSError as exc:
            if _debug(ctx):
                raise
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except Exception as exc:  # noqa: BLE001 - last resort: never a bare traceback
            if _debug(ctx):
                raise
            click.echo(f"Error: unexpected {type(exc).__name__}: {exc} (rerun with --debug "
                       "for the traceback and report it)", err=True)
            ctx.exit(1)

    def list_commands(self, ctx: click.Context) -> list[str]:
        order = ["build", "extract", "evaluate", "query", "validate", "export",
                 "paths", "tensions", "stats"]
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n))


def _debug(ctx: click.Context) -> bool:
    return "--debug" in sys.argv or bool((ctx.obj or {}).get("debug"))


def echo_err(message: str) -> None:
    """Write one message line to stderr."""
    click.echo(message, err=True)


def ensure_parent(path: Path) -> None:
    """Raise a clear error when the folder of ``path`` does not exist."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise AllianceKGError(f"{parent}: no such folder", "create it first or choose another output path")
