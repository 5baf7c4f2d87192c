"""The formats `argmap export` writes: one function per format name.

Each entry turns a map and its analysis into the file's text. This module is imported
when the `export` command starts, so an entry must be a light function that imports its
format's module (and anything heavy, such as networkx) inside its body.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from argmap.analysis import Analysis
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.fsutil import Text

__all__ = ["EXPORTERS", "NETWORKS", "NETWORK_EXPORTERS", "Exporter", "NetworkExporter"]

#: A format's text: one string, or its parts (`argmap.fsutil.Text`) when it is big.
Exporter = Callable[[ArgumentMap, Analysis], "Text"]
# A graph format also takes the network to write: one of NETWORKS.
NetworkExporter = Callable[[ArgumentMap, Analysis, str], str]

#: The networks a graph format can write (`argmap export --network`); the first is the default.
NETWORKS = ("full", "agreement", "stances")


def _json(amap: ArgumentMap, analysis: Analysis) -> Text:
    from argmap.export.json import dump_parts

    return dump_parts(amap, analysis)


def _graphml(amap: ArgumentMap, analysis: Analysis, network: str = "full") -> str:
    from argmap.export.graph import graphml

    return graphml(amap, analysis, network)


def _gexf(amap: ArgumentMap, analysis: Analysis, network: str = "full") -> str:
    from argmap.export.graph import gexf

    return gexf(amap, analysis, network)


def _argdown(amap: ArgumentMap, analysis: Analysis) -> str:
    from argmap.export.argdown import argdown

    return argdown(amap, analysis)


def _aif(amap: ArgumentMap, analysis: Analysis) -> str:
    from argmap.export.aif import aif

    return aif(amap, analysis)


def _csv(amap: ArgumentMap, analysis: Analysis) -> str:
    from argmap.export.csv import csv_text

    return csv_text(amap, analysis)


def _kumu(amap: ArgumentMap, analysis: Analysis) -> str:
    from argmap.export.kumu import kumu

    return kumu(amap, analysis)


#: graph format name -> exporter that also takes the network.
NETWORK_EXPORTERS: dict[str, NetworkExporter] = {
    "gexf": _gexf,
    "graphml": _graphml,
}

#: format name -> exporter; the names are the choices of `argmap export --format`.
EXPORTERS: dict[str, Exporter] = {
    "aif": _aif,
    "argdown": _argdown,
    "csv": _csv,
    "gexf": _gexf,
    "graphml": _graphml,
    "json": _json,
    "kumu": _kumu,
}
