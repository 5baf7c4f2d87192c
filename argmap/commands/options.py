"""Options shared by several commands, each one decorator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from argmap.load import MAX_BYTES, MIB

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]

#: The loader's default size limit, in the unit `--max-mib` takes.
DEFAULT_MAX_MIB = MAX_BYTES // MIB


def _positive(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if value < 1:
        raise click.BadParameter(f"{value} is not a positive number of MiB")
    return value


#: `--max-mib`, shared by the commands that load a map: the size limit a trusted big map
#: may raise (the default still guards CI against a hostile file of gigabytes).
max_mib_option: Decorator = click.option(
    "--max-mib",
    type=click.INT,
    callback=_positive,
    default=DEFAULT_MAX_MIB,
    show_default=True,
    metavar="N",
    help="Refuse a map file over N MiB; raise it for a big map you trust.",
)


def max_bytes(max_mib: int) -> int:
    """The byte limit `--max-mib N` gives the loader."""
    return max_mib * MIB


def __getattr__(name: str) -> Decorator:
    # `--normalisation`, shared by the commands that analyse a map, is made on first use:
    # its choices come from the analysis package, which `argmap check` (a user of
    # `--max-mib`) must start without importing.
    if name != "normalisation_option":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from argmap.analysis import NORMALISATIONS

    option: Decorator = click.option(
        "--normalisation",
        type=click.Choice(NORMALISATIONS),
        default="none",
        show_default=True,
        help="How actor agreement is normalised (see docs/analysis.md).",
    )
    globals()[name] = option  # one option object, however many commands use it
    return option
