"""Mutations of real maps, the mistakes people make while editing, never crash argmap.

Each example takes a valid map (the small test map and the curated arguments.yaml),
applies one edit of the kinds people really make (a reference renamed, a key misspelt,
a field of the wrong type, an entry duplicated, a list where a mapping belongs, an entry
deleted) at a random place, and checks that loading and checking end in a model and
located problems, never an uncaught exception.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap.checks import check
from argmap.errors import LoadError
from argmap.load import loads

from .helpers import BASE, fuzz_settings

ROOT = Path(__file__).parent.parent
MAPS = {"base": BASE}
if (ROOT / "arguments.yaml").is_file():
    MAPS["curated"] = (ROOT / "arguments.yaml").read_text(encoding="utf-8")

MUTATIONS = (
    "rename-value",
    "misspell-key",
    "wrong-type",
    "duplicate",
    "list-for-mapping",
    "delete",
)
SETTINGS = fuzz_settings(150)


def places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside `data`, in a stable order."""
    found = [path]
    if isinstance(data, dict):
        for key in data:
            found.extend(places(data[key], (*path, key)))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found.extend(places(item, (*path, index)))
    return found


def mutate(data: Any, path: tuple[Any, ...], kind: str, word: str) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return [data] if kind == "list-for-mapping" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    value = parent[last]
    if kind == "rename-value" and isinstance(value, str):
        parent[last] = value + word
    elif kind == "misspell-key" and isinstance(parent, dict):
        parent[str(last)[:-1] + word] = parent.pop(last)
    elif kind == "wrong-type":
        parent[last] = {"x": value} if isinstance(value, str) else str(value)
    elif kind == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(value))
    elif kind == "duplicate" and isinstance(parent, dict):
        parent[f"{last}-copy"] = copy.deepcopy(value)
    elif kind == "list-for-mapping" and isinstance(value, dict):
        parent[last] = list(value.items())
    elif kind == "delete":
        del parent[last]
    return data


@pytest.mark.parametrize("name", sorted(MAPS))
@SETTINGS
@given(data=st.data())
def test_mutated_maps_load_or_fail_cleanly(name: str, data: st.DataObject) -> None:
    original = yaml.safe_load(MAPS[name])
    path = data.draw(st.sampled_from(places(original)))
    kind = data.draw(st.sampled_from(MUTATIONS))
    word = data.draw(st.sampled_from(["x", "-", "", "0", " "]))
    text = yaml.safe_dump(mutate(original, path, kind, word), allow_unicode=True, sort_keys=False)
    try:
        loaded = loads(text)
    except LoadError:
        return
    for problem in [
        *loaded.problems,
        *check(loaded.map, today=dt.date(2026, 1, 1), verify_quotes=False),
    ]:
        assert problem.loc.line >= 1, problem
