"""The `argmap` command: a click group whose subcommands live in argmap/commands/.

Subcommands are imported only when used (or listed by --help), so starting the CLI
costs no heavy import.
"""

from __future__ import annotations

import importlib

import click

from argmap import __version__

# name -> "module:attribute" of the click command.
_COMMANDS = {
    "build": "argmap.commands.build:build",
    "check": "argmap.commands.check:check",
    "diff": "argmap.commands.diff:diff",
    "coverage": "argmap.commands.coverage:coverage",
    "add": "argmap.commands.add:add",
    "fmt": "argmap.commands.fmt:fmt",
    "schema": "argmap.commands.schema:schema",
    "watch": "argmap.commands.watch:watch",
    "export": "argmap.commands.export:export",
    "report": "argmap.commands.report:report",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def cli() -> None:
    """Check, analyse and draw maps of a public debate kept in arguments.yaml.

    \b
    Examples:
      argmap check arguments.yaml
      python build.py          # writes the map into output/
    """
