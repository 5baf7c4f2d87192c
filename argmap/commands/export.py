"""`argmap export`: the map and its analysis in a format other tools read."""

from __future__ import annotations

import click

from argmap.analysis import NORMALISATIONS
from argmap.exporters import EXPORTERS


@click.command()
@click.argument("file", default="arguments.yaml", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(EXPORTERS)),
    required=True,
    help="The format to write.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="The file to write; '-' or no -o for standard output.",
)
@click.option(
    "--normalisation",
    type=click.Choice(NORMALISATIONS),
    default="none",
    show_default=True,
    help="How actor agreement is normalised (see docs/analysis.md).",
)
def export(file: str, fmt: str, output: str | None, normalisation: str) -> None:
    """Export FILE (default arguments.yaml) with its analysis in another format.

    The json format is a stable contract for scripts, described in docs/json.md.

    \b
    Examples:
      $ argmap export --format json -o output/map.json
      $ argmap export --format json | jq '.analysis.camps'
    """
    from argmap.analysis import analyse
    from argmap.commands.report import emit, load_valid
    from argmap.errors import ArgmapError

    try:
        amap = load_valid(file)
        emit(EXPORTERS[fmt](amap, analyse(amap, normalisation=normalisation)), output)
    except ArgmapError as error:
        raise click.ClickException(str(error)) from None
