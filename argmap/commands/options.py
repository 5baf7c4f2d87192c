"""Options shared by several commands, each one decorator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from argmap.analysis import NORMALISATIONS

#: `--normalisation`, shared by the commands that analyse a map.
normalisation_option: Callable[[Callable[..., Any]], Callable[..., Any]] = click.option(
    "--normalisation",
    type=click.Choice(NORMALISATIONS),
    default="none",
    show_default=True,
    help="How actor agreement is normalised (see docs/analysis.md).",
)
