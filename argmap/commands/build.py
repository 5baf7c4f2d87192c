"""`argmap build`: the interactive map, its outline and the report, into one folder."""

from __future__ import annotations

import click

from argmap.commands.options import max_bytes, max_mib_option


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
@click.option(
    "--sources-dir",
    type=click.Path(file_okay=False, exists=True),
    help="Folder holding the sources' text files, to verify quotes against.",
)
@max_mib_option
def build(file: str, output: str, sources_dir: str | None, max_mib: int) -> None:
    """Build FILE (default arguments.yaml) into an offline, interactive HTML map.

    Writes index.html (the argument, stance and camps maps), outline.html (the same map
    as text) and report.md. A map with errors writes nothing; run `argmap check` to see
    them all. Quotes are checked against the sources' texts (read from --sources-dir
    when given); a text that may not be read leaves its quotes unverified. Files are
    replaced all together or not at all.

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
        built = run_build(file, output, sources_dir=sources_dir, max_bytes=max_bytes(max_mib))
    except ArgmapError as error:
        raise click.ClickException(str(error)) from None
    for path in built.files:
        click.echo(f"wrote {path}")
