"""`argmap fmt`: rewrite a map in the canonical layout, or check that it is."""

from __future__ import annotations

import click


@click.command()
@click.argument("file", default="arguments.yaml", type=click.Path())
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Change nothing; exit 1 and show the changes if FILE is not formatted.",
)
def fmt(file: str, check_only: bool) -> None:
    """Rewrite FILE (default arguments.yaml) in the canonical layout.

    Keys in the order of docs/format.md, two-space indentation, quotes only where
    YAML needs them, long quotes on one line. Every comment and every value is kept,
    and entries stay in the curator's order. A file with errors in its shape is left
    untouched: fix what `argmap check` reports first.

    \b
    Examples:
      $ argmap fmt arguments.yaml
      $ argmap fmt --check arguments.yaml    # for CI: exit 1 and a diff if not formatted
    """
    from argmap.errors import ArgmapError
    from argmap.fmt import edit_map, format_text, read_map_text, unified_diff

    try:
        if check_only:
            text = read_map_text(file)
            formatted = format_text(text, file)
            if formatted != text:
                click.echo(unified_diff(text, formatted, file), nl=False)
                raise SystemExit(1)
            return
        changed = edit_map(file, lambda text: format_text(text, file))
    except ArgmapError as error:
        raise click.ClickException(str(error)) from None
    if changed:
        click.echo(f"formatted {file}", err=True)
