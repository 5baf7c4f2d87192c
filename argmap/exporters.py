"""The formats `argmap export` writes: one function per format name.

Each entry turns a map and its analysis into the file's text. This module is imported
when the `export` command starts, so an entry must be a light function that imports its
format's module (and anything heavy, such as networkx) inside its body.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.analysis import Analysis
from argmap.model import ArgumentMap

__all__ = ["EXPORTERS", "Exporter"]

Exporter = Callable[[ArgumentMap, Analysis], str]


def _json(amap: ArgumentMap, analysis: Analysis) -> str:
    from argmap.jsonexport import dumps

    return dumps(amap, analysis)


#: format name -> exporter; the names are the choices of `argmap export --format`.
EXPORTERS: dict[str, Exporter] = {
    "json": _json,
}
