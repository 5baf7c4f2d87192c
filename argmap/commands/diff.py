"""`argmap diff`: what changed in the debate between two versions of a map."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from argmap.load import Loaded


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option(
    "--git",
    "rev",
    metavar="REV",
    help="Compare FILE (the one argument, default arguments.yaml) as it was at git"
    " revision REV with the file as it is now.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown")),
    default="text",
    show_default=True,
    help="Text for the terminal, or Markdown for a pull-request comment.",
)
def diff(old: str | None, new: str | None, rev: str | None, fmt: str) -> None:
    """Show what changed in the debate from OLD to NEW.

    Lists the sources, actors, claims, stances and relations added, removed or changed,
    and, when both maps are free of errors, the positions on each proposal and the
    camps that moved as a result. OLD and NEW are files, or `REV:path` for a file as
    it was at a git revision. Exit code 0 whatever changed; 1 if a map cannot be read.

    \b
    Examples:
      $ argmap diff old.yaml arguments.yaml
      $ argmap diff --git HEAD                    # arguments.yaml against HEAD
      $ argmap diff --git origin/main arguments.yaml --format markdown
      $ argmap diff HEAD~3:arguments.yaml HEAD:arguments.yaml
    """
    from argmap.diff import compare, render_markdown, render_text, revision_of
    from argmap.errors import ArgmapError
    from argmap.text import terminal_safe

    if rev is not None:
        if new is not None:
            raise click.UsageError("with --git, give one FILE")
        new = old or "arguments.yaml"
        old_spec, where = revision_of(rev, new)
        old_label = f"{rev}:{new}"
    elif old is None or new is None:
        raise click.UsageError("give OLD and NEW, or --git REV [FILE]")
    else:
        old_spec, where, old_label = old, None, old
    try:
        old_map = _load(old_spec, old_label, where)
        new_map = _load(new, new, None)
    except ArgmapError as error:
        raise click.ClickException(terminal_safe(str(error))) from None
    render = render_markdown if fmt == "markdown" else render_text
    click.echo(render(compare(old_map, new_map), old_label, new), nl=False)


def _load(spec: str, label: str, cwd: str | None) -> Loaded:
    """A map from a file, or from git when `spec` is `REV:path` and names no file."""
    from pathlib import Path

    from argmap.diff import read_revision
    from argmap.load import load_file, loads

    if cwd is None and (Path(spec).exists() or ":" not in spec):
        return load_file(spec)
    return loads(read_revision(spec, cwd), label)
