"""`argmap schema`: the JSON Schema of the map format, for editors."""

from __future__ import annotations

import click


@click.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the arguments.yaml format.

    Editors with the YAML language server use it to complete keys and flag typos
    as you type, when the map's first line names it:

    \b
      # yaml-language-server: $schema=argmap.schema.json

    The schema judges one entry at a time; `argmap check` also checks what needs
    the whole map (unknown ids, duplicates, quotes against the sources).

    \b
    Example:
      $ argmap schema > argmap.schema.json
    """
    from argmap.schema import dumps

    click.echo(dumps(), nl=False)
