"""`argmap report`: where each actor stands, the camps, and which claims stand."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from argmap.commands.options import max_bytes, max_mib_option, normalisation_option

if TYPE_CHECKING:
    from argmap.fsutil import Text
    from argmap.model import ArgumentMap

DEFAULT_OUTPUT = "output/report.md"


def load_valid(file: str, max_mib: int) -> ArgumentMap:
    """Load FILE in canonical order, refusing it with `InvalidMapError` if it has errors."""
    from argmap.pipeline import load_valid as load

    return load(file, max_bytes=max_bytes(max_mib))[0]


def emit(text: Text, output: str | None, source: str | None = None) -> None:
    """Print `text` (a string or its parts) when `output` is None or '-', else write it
    atomically and say where.

    `output` naming the map `source` itself (by any path or link) is refused: `-o
    arguments.yaml` would replace the curator's map with a report.
    """
    import os

    from argmap.errors import OutputError
    from argmap.fsutil import write_atomic

    if output in (None, "-"):
        for part in [text] if isinstance(text, str) else text:
            click.echo(part, nl=False)
        return
    if source is not None and os.path.exists(output) and os.path.samefile(output, source):
        raise OutputError(f"{output} is the map being read; it is not overwritten")
    write_atomic(output, text)
    click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("file", default="arguments.yaml", type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help=f"Where to write the report; '-' for standard output. [default: {DEFAULT_OUTPUT}"
    " for markdown, standard output for text]",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("markdown", "text")),
    default="markdown",
    show_default=True,
    help="A Markdown report, or a short summary for the terminal.",
)
@normalisation_option
@max_mib_option
def report(file: str, output: str | None, fmt: str, normalisation: str, max_mib: int) -> None:
    """Analyse FILE (default arguments.yaml) and report who stands where.

    The Markdown report covers each proposal's actors with their scores and quotes, the
    camps, the contested and key claims, which claims stand, and incoherent positions.

    \b
    Examples:
      $ argmap report                      # writes output/report.md
      $ argmap report --format text        # a summary in the terminal
      $ argmap report -o - arguments.yaml  # the Markdown on standard output
    """
    from argmap.analysis import analyse
    from argmap.errors import ArgmapError
    from argmap.render.report import render_markdown, render_text

    try:
        amap = load_valid(file, max_mib)
        analysis = analyse(amap, normalisation=normalisation)
        if fmt == "text":
            emit(render_text(amap, analysis), output, file)
        else:
            emit(render_markdown(amap, analysis), output or DEFAULT_OUTPUT, file)
    except ArgmapError as error:
        raise click.ClickException(str(error)) from None
