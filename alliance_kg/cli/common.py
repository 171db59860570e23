"""Shared pieces of the CLI: the error-handling group and small helpers.

No command shows a traceback unless ``--debug`` is given: a library error
(:class:`AllianceKGError`) is one ``Error: message (hint)`` line and exit code
2 (or the error's ``exit_code``, e.g. 3 for ``build --strict``); an operating
system error (a full disk, a permission) is one line too; anything else is
one ``Error: unexpected ...`` line and exit code 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
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
            message = f"Error: {one_line(str(exc))}"
            if exc.hint:
                message += f" ({one_line(exc.hint)})"
            click.echo(message, err=True)
            ctx.exit(getattr(exc, "exit_code", EXIT_ERROR))
        except (KeyboardInterrupt, click.exceptions.Abort):
            click.echo("\nError: interrupted (files are written atomically: none was left half-written)", err=True)
            ctx.exit(130)
        except (click.exceptions.ClickException, click.exceptions.Exit):
            raise
        except BrokenPipeError:
            # the reader went away (``alliance-kg extract ... | head``): stop quietly
            _silence_stdout()
            ctx.exit(141)
        except OSError as exc:
            if _debug(ctx):
                raise
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            click.echo(f"Error: {where}{one_line(exc.strerror or str(exc))}", err=True)
            ctx.exit(EXIT_ERROR)
        except Exception as exc:  # noqa: BLE001 - last resort: never a bare traceback
            if _debug(ctx):
                raise
            click.echo(f"Error: unexpected {type(exc).__name__}: {one_line(str(exc))} (rerun with --debug "
                       "for the traceback and report it)", err=True)
            ctx.exit(1)

    def list_commands(self, ctx: click.Context) -> list[str]:
        order = ["build", "extract", "evaluate", "query", "validate", "export",
                 "paths", "tensions", "stats"]
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n))


def one_line(text: str, limit: int = 400) -> str:
    """Return the first non-empty line of ``text`` (an error message must fit one line).

    >>> one_line("bad thing\\nTraceback (most recent call last):\\n  ...")
    'bad thing'
    """
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= limit else line[:limit - 3] + "..."
    return text.strip()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - e.g. stdout is not a real file
        pass


def _debug(ctx: click.Context) -> bool:
    return "--debug" in sys.argv or bool((ctx.obj or {}).get("debug"))


def echo_err(message: str) -> None:
    """Write one message line to stderr."""
    click.echo(message, err=True)


def ensure_parent(path: Path) -> None:
    """Raise a clear error when the folder of ``path`` does not exist or cannot be written.

    Checked before any work, so that a long command does not fail at its end.
    """
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise AllianceKGError(f"{parent}: no such folder", "create it first or choose another output path")
    if not parent.is_dir():
        raise AllianceKGError(f"{parent}: not a folder", "choose another output path")
    try:
        fd, probe = tempfile.mkstemp(prefix=".alliance-kg-probe.", dir=parent)
    except OSError as exc:
        raise AllianceKGError(f"{parent}: cannot write there ({exc.strerror or exc})",
                              "choose another output path") from None
    os.close(fd)
    os.unlink(probe)
