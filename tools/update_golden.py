"""Rewrite the expected export texts in tests/fixtures/exports/ from the current code.

    python tools/update_golden.py

tests/test_export_golden.py compares every export of the tricky map (tests/export_helpers.py)
with these files, byte for byte. After a deliberate change to an export, run this, read
the diff (`git diff tests/fixtures/exports`) as the review of the change, and commit it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.analysis import Analysis  # noqa: E402
from argmap.export.aif import aif  # noqa: E402
from argmap.export.argdown import argdown  # noqa: E402
from argmap.export.csv import csv_text  # noqa: E402
from argmap.export.graph import NETWORKS, gexf, graphml  # noqa: E402
from argmap.export.json import dumps  # noqa: E402
from argmap.export.kumu import kumu  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402
from tests.export_helpers import tricky  # noqa: E402

FOLDER = ROOT / "tests" / "fixtures" / "exports"

Export = Callable[[ArgumentMap, Analysis], str]


def _network(write: Callable[[ArgumentMap, Analysis, str], str], network: str) -> Export:
    return lambda amap, analysis: write(amap, analysis, network)


#: file name -> how its text is made from the tricky map and its analysis.
EXPORTS: dict[str, Export] = {
    "tricky.aif.json": aif,
    "tricky.argdown": argdown,
    "tricky.csv": csv_text,
    "tricky.json": dumps,
    "tricky.kumu.json": kumu,
    **{f"tricky-{n}.graphml": _network(graphml, n) for n in NETWORKS},
    **{f"tricky-{n}.gexf": _network(gexf, n) for n in NETWORKS},
}


def texts() -> dict[str, str]:
    """Every export of the tricky map by file name, as the code writes it now."""
    amap, analysis = tricky()
    return {name: make(amap, analysis) for name, make in EXPORTS.items()}


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, text in texts().items():
        # newline="" keeps CSV's CRLF as written.
        (FOLDER / name).write_text(text, encoding="utf-8", newline="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
