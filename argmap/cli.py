"""The `argmap` command: a click group whose subcommands live in argmap/commands/.

Subcommands are imported only when used (or listed by --help), so starting the CLI
costs no heavy import.
"""

from __future__ import annotations

import atexit
import importlib
import os
import sys
import threading
from typing import Any, NoReturn

import click

from argmap import __version__

# name -> ("module:attribute" of the click command, the line `argmap --help` shows).
# Keeping the summaries here lets --help list every command without importing any.
_COMMANDS = {
    "add": ("argmap.commands.add:add", "Add an actor, claim, stance or relation."),
    "build": ("argmap.commands.build:build", "Build the interactive map and report."),
    "check": ("argmap.commands.check:check", "Check the map and list every problem."),
    "coverage": ("argmap.commands.coverage:coverage", "List quoted passages no stance cites."),
    "diff": ("argmap.commands.diff:diff", "Show what changed in the debate."),
    "draft": ("argmap.commands.draft:draft", "Draft the stances of a new article; merge a draft."),
    "export": ("argmap.commands.export:export", "Export for Gephi, Argdown, AIF, CSV, Kumu."),
    "fmt": ("argmap.commands.fmt:fmt", "Rewrite the map in the canonical layout."),
    "report": ("argmap.commands.report:report", "Write the Markdown report."),
    "schema": ("argmap.commands.schema:schema", "Print the JSON Schema of the format."),
    "watch": ("argmap.commands.watch:watch", "Rebuild on every save and serve locally."),
}


class _LazyGroup(click.Group):
    def main(self, args: Any = None, *rest: Any, **options: Any) -> Any:
        # Read from the command line (`argmap ...`, `python -m argmap ...`): the process
        # ends here, and freeing a large map's millions of objects one by one on the way
        # out is 0.3 s of `argmap check` at 100,000 statements (7%). CliRunner and other
        # in-process callers pass `args` and get the SystemExit as before.
        try:
            return super().main(args, *rest, **options)
        except SystemExit as done:
            if args is None:
                _exit_unfreed(done)
            raise

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module, attribute = _COMMANDS[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl(
                [(name, summary) for name, (_, summary) in sorted(_COMMANDS.items())]
            )


def _exit_unfreed(done: SystemExit) -> NoReturn:
    """End the process with `done`'s exit code without freeing its heap (`os._exit`).

    What a normal exit does first is done here too: the atexit handlers run and the
    standard streams are flushed. An exit with a message instead of a number, another
    thread still running, or a stream that cannot be flushed (a closed pipe) takes the
    normal exit instead, so its behaviour (and its exit code) stays Python's. So does a
    run under a profiler or tracer (`python -m cProfile -m argmap`, `coverage run`,
    pyinstrument): they write what they measured after the program returns, and
    `os._exit` would end the process before they could.
    """
    code = done.code
    if (
        (code is not None and type(code) is not int)
        or threading.active_count() > 1
        or sys.getprofile() is not None
        or sys.gettrace() is not None
    ):
        raise done
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        raise done from None
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code or 0)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def cli() -> None:
    """Check, analyse and draw maps of a public debate kept in arguments.yaml.

    \b
    Examples:
      argmap check arguments.yaml
      python build.py          # writes the map into output/
    """
