"""The aggregated argument drawings (issue 18, eighth pass): a level of `claim_levels`
numbers its relations' ends from its singles and its clusters' runs of the claim tree's
order (`views._run_ends`); that must be what a look-up of every claim in its scope
(`views._unit_ends`, the seventh pass's reading of `unit_of`) gives."""

from __future__ import annotations

import random

import numpy as np
import pytest

from argmap.model import ArgumentMap
from argmap.render import aggregate, views
from tests.test_views_seventh import _chain_map, _random_map


def _end_names(units: list[str], numbers: np.ndarray) -> list[str | None]:
    return [units[k] if k >= 0 else None for k in numbers.tolist()]


def _both_ways(amap: ArgumentMap, level: views.Level) -> tuple[object, object]:
    index = views._by_claim(amap)
    runs, run_u, run_v = views._run_ends(amap, level)
    looked, look_u, look_v = views._unit_ends(index, level.unit_of)
    return (
        (_end_names(runs, run_u), _end_names(runs, run_v)),
        (_end_names(looked, look_u), _end_names(looked, look_v)),
    )


@pytest.mark.parametrize("limit", [3, 4, 6, 10])
def test_runs_number_the_ends_as_the_look_ups_do_on_random_maps(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", limit)
    rng = random.Random(100 + limit)
    for _ in range(150):
        amap = _random_map(rng)
        for level in views.claim_levels(amap):
            assert level.runs
            by_runs, by_look_up = _both_ways(amap, level)
            assert by_runs == by_look_up


def test_a_level_made_by_hand_reads_its_unit_of() -> None:
    # Not from `claim_levels`: `runs` is off, and the lines follow `unit_of` as given
    # (here b is drawn apart from a's cluster, which a run of the tree would not do).
    amap = _chain_map()
    unit_of = {"a": "@a", "b": "b", "c": "@a", "p": "p"}
    level = views.Level("k", "", "t", ("b", "p"), ("a",), tuple(sorted(unit_of)), unit_of)
    assert not level.runs
    lines = views._relation_edges(amap, level)
    assert [(e.id, e.origin, e.target, e.items) for e in lines] == [
        ("@a>b>attacks", "@a", "b", ("c/attacks/b",)),
        ("@a>p>supports", "@a", "p", ("a/supports/p",)),
        ("b>@a>supports", "b", "@a", ("b/supports/a",)),
    ]


def test_the_ends_of_a_chains_drawing_worked_by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    amap = _chain_map()
    level = views.claim_levels(amap)[1]  # p's drawing: p and e, a's cluster one node
    assert (level.singles, level.clusters) == (("p", "e"), ("a",))
    units, origins, targets = views._run_ends(amap, level)
    # The relations by id: a/supports/p, b/supports/a, c/attacks/b, c/attacks/x,
    # d/supports/a, e/attacks/p, u (e undercuts a/supports/p), x/supports/y.
    assert _end_names(units, origins) == ["@a", "@a", "@a", "@a", "@a", "e", "e", None]
    assert _end_names(units, targets) == ["p", "@a", "@a", None, "@a", "p", None, None]
