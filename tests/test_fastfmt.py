"""The fast path of `fmt` writes exactly what the slow path (ruamel.yaml) writes.

`fast_format` formats what it is sure of and hands the rest to ruamel.yaml; a file it
takes must come out byte for byte as the slow path writes it, or `fmt --check` would
depend on which path ran.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.fastfmt import fast_format
from argmap.fmt import _format_tree, format_text

ROOT = Path(__file__).resolve().parent.parent

BASE = """\
title: T
description: D

sources:
  s:
    title: S
    publisher: P
    date: 2024-03-01
actors:
  jo:
    kind: person
    name: Jo
    affiliations:
      - green
  green: {name: Greens, kind: party}
claims:
  c:
    text: {text}
    kind: proposal

stances:
- actor: jo
  quote: {quote}
  source: s
  supports: c
"""


def slow(text: str) -> str:
    return _format_tree(text, "arguments.yaml")


def fast(text: str) -> str | None:
    # As format_text does: a piece ruamel.yaml refuses sends the whole file the slow way.
    try:
        return fast_format(text, slow)
    except ArgmapError:
        return None


def both(text: str) -> tuple[str | None, str]:
    return fast(text), slow(text)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_maps_take_the_fast_path_and_agree(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "map.yaml"
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--stances", "150"]
    subprocess.run([*generate, "--seed", str(seed), "-o", str(path)], check=True)
    quick, slow_text = both(path.read_text(encoding="utf-8"))
    assert quick is not None
    assert quick == slow_text


EDGES = [
    "plain words",
    "?a",
    ":a",
    "a  b",
    "é “curly” – dash",
    "x: y",
    "a #b",
    "- x",
    "1.10",
    "2024-03-01",
    "yes",
    "null",
    "'quoted'",
    'a\'b: "c"',
    "back\\slash: x",
    "[x]",
    "{x}",
    "&a",
    "*a",
    "!a",
    "%a",
    "@a",
    "`a",
    "a:b",
    "http://x.example/a?b=c",
    "ends with colon:",
]


@pytest.mark.parametrize("value", EDGES)
@pytest.mark.parametrize("quoting", ["plain", "single", "double"])
def test_edge_values_agree(value: str, quoting: str) -> None:
    if quoting == "single":
        written = "'" + value.replace("'", "''") + "'"
    elif quoting == "double":
        if '"' in value or "\\" in value:
            pytest.skip("needs escapes")
        written = f'"{value}"'
    else:
        written = value
    text = BASE.replace("{text}", written).replace("{quote}", "Words.")
    try:
        expected = format_text(text)  # also refuses what the loader refuses
    except ArgmapError:
        return
    quick = fast(text)
    assert quick is None or quick == expected == slow(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12))
def test_any_quoted_text_agrees(value: str) -> None:
    for written in ("'" + value.replace("'", "''") + "'", value):
        text = BASE.replace("{text}", "T").replace("{quote}", written)
        try:
            expected = format_text(text)
        except ArgmapError:
            continue
        quick = fast(text)
        assert quick is None or quick == expected


def test_a_comment_anywhere_takes_the_slow_path() -> None:
    text = BASE.replace("{text}", "T").replace("{quote}", "Words.")
    assert fast_format(text, slow) is not None
    assert fast_format(text.replace("title: T", "title: T  # t"), slow) is None
