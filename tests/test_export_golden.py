"""Every export of the tricky map, byte for byte against the texts in tests/fixtures/exports.

The expected texts were written by tools/update_golden.py and read when committed; after
a deliberate change to an export, rerun it and review `git diff tests/fixtures/exports`.
A test in one process can only show an export is a function of its input; these files,
written in another process with another hash seed, also show it does not depend on set
or dict order.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "exports"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_golden", ROOT / "tools" / "update_golden.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()


def test_every_expected_file_is_an_export_and_every_export_has_one() -> None:
    assert sorted(p.name for p in FOLDER.iterdir()) == sorted(TOOL.EXPORTS)


@pytest.mark.parametrize("name", sorted(TOOL.EXPORTS))
def test_export_is_the_expected_text(name: str) -> None:
    expected = (FOLDER / name).read_bytes().decode("utf-8")
    amap, analysis = TOOL.tricky()
    assert TOOL.EXPORTS[name](amap, analysis) == expected
