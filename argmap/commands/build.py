"""`argmap build`: the interactive map, its outline and the report, into one folder."""

from __future__ import annotations

import click


@click.command()
@click.argument("file", default="arguments.yaml", type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default="output",
    show_default=True,
    help="Folder to write index.html, outline.html and report.md into.",
)
def build(file: str, output: str) -> None:
    """Build FILE (default arguments.yaml) into an offline, interactive HTML map.

    Writes index.html (the argument, stance and camps maps), outline.html (the same map
    as text) and report.md. A map with errors writes nothing; run `argmap check` to see
    them all. Files are replaced only when all are written.

    \b
    Example:
      $ argmap build arguments.yaml -o output
      wrote output/index.html
      wrote output/outline.html
      wrote output/report.md
    """
    from argmap.errors import ArgmapError
    from argmap.pipeline import build as run_build

    try:
        built = run_build(file, output)
    except ArgmapError as error:
        raise click.ClickException(str(error)) from None
    for path in built.files:
        click.echo(f"wrote {path}")
