"""`argmap export`: the map and its analysis in a format other tools read."""

from __future__ import annotations

import click

from argmap.commands.options import max_mib_option, normalisation_option
from argmap.export import EXPORTERS, NETWORK_EXPORTERS, NETWORKS


@click.command()
@click.argument("file", default="arguments.yaml", type=click.Path())
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
@normalisation_option
@click.option(
    "--network",
    type=click.Choice(NETWORKS),
    default=NETWORKS[0],
    show_default=True,
    help="For graphml and gexf: the whole map, the actor agreement network, or the"
    " two-mode actor-claim network (see docs/exports.md).",
)
@click.option(
    "--dialect",
    type=click.Choice(("argmap", "dna")),
    default="argmap",
    show_default=True,
    help="For csv: readable columns, or DNA's statement table for rDNA (see docs/exports.md).",
)
@click.option("--bom", is_flag=True, help="For csv: a UTF-8 byte order mark, for spreadsheets.")
@click.option(
    "--neutralise/--no-neutralise",
    default=True,
    show_default=True,
    help="For csv: put ' before a cell that starts with = + - @, a tab or a carriage return,"
    " so a spreadsheet never runs it as a formula; --no-neutralise writes every cell as it"
    " is, for scripts.",
)
@max_mib_option
def export(
    file: str,
    fmt: str,
    output: str | None,
    normalisation: str,
    network: str,
    dialect: str,
    bom: bool,
    neutralise: bool,
    max_mib: int,
) -> None:
    """Export FILE (default arguments.yaml) with its analysis in another format.

    The json format is a stable contract for scripts, described in docs/json.md.

    \b
    Examples:
      $ argmap export --format json -o output/map.json
      $ argmap export --format json | jq '.analysis.camps'
      $ argmap export --format gexf --network agreement -o output/agreement.gexf
      $ argmap export --format csv --dialect dna --bom -o output/statements.csv
      $ argmap export --format csv --no-neutralise | python my_script.py
    """
    from argmap.analysis import analyse
    from argmap.commands.report import emit, load_valid
    from argmap.errors import ArgmapError

    if network != NETWORKS[0] and fmt not in NETWORK_EXPORTERS:
        raise click.UsageError(f"--network applies only to {' and '.join(NETWORK_EXPORTERS)}")
    if (dialect != "argmap" or bom or not neutralise) and fmt != "csv":
        raise click.UsageError("--dialect, --bom and --no-neutralise apply only to csv")
    try:
        amap = load_valid(file, max_mib)
        analysis = analyse(amap, normalisation=normalisation)
        if fmt == "csv":
            from argmap.export.csv import csv_text

            text = csv_text(
                amap, analysis, dialect=dialect, bom=bom, neutralise_formulas=neutralise
            )
            emit(text, output, file)
        elif fmt in NETWORK_EXPORTERS:
            emit(NETWORK_EXPORTERS[fmt](amap, analysis, network), output, file)
        else:
            emit(EXPORTERS[fmt](amap, analysis), output, file)
    except ArgmapError as error:
        raise click.ClickException(str(error)) from None
