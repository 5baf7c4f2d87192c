"""The aggregated argument drawings (issue 18, eighth pass): a level of `claim_levels`
numbers its relations' ends from its singles and its clusters' runs of the claim tree's
order (`views._run_ends`); that must be what a look-up of every claim in its scope
(`views._unit_ends`, the seventh pass's reading of `unit_of`) gives. The claim tree is
made in one breadth-first pass; it must be the reference's (tests/reference_views.py)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationKind
from argmap.render import aggregate, views
from tests import reference_views
from tests.aggregate_maps import chain_map, random_map


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
        amap = random_map(rng)
        for level in views.claim_levels(amap):
            assert level.runs
            by_runs, by_look_up = _both_ways(amap, level)
            assert by_runs == by_look_up


def test_a_level_made_by_hand_reads_its_unit_of() -> None:
    # Not from `claim_levels`: `runs` is off, and the lines follow `unit_of` as given
    # (here b is drawn apart from a's cluster, which a run of the tree would not do).
    amap = chain_map()
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
    amap = chain_map()
    level = views.claim_levels(amap)[1]  # p's drawing: p and e, a's cluster one node
    assert (level.singles, level.clusters) == (("p", "e"), ("a",))
    units, origins, targets = views._run_ends(amap, level)
    # The relations by id: a/supports/p, b/supports/a, c/attacks/b, c/attacks/x,
    # d/supports/a, e/attacks/p, u (e undercuts a/supports/p), x/supports/y.
    assert _end_names(units, origins) == ["@a", "@a", "@a", "@a", "@a", "e", "e", None]
    assert _end_names(units, targets) == ["p", "@a", "@a", None, "@a", "p", None, None]


def test_the_claim_tree_is_the_references_on_random_maps() -> None:
    rng = random.Random(8)
    for _ in range(400):
        amap = random_map(rng)
        tree = aggregate.claim_tree(amap)
        expected = reference_views.claim_tree(amap)
        assert list(tree.items()) == list(expected.items())


def _rel(origin: str, target: str) -> Relation:
    return Relation(f"{origin}>{target}", origin, target, RelationKind.SUPPORTS, "s")


def test_a_claim_hangs_under_the_least_target_one_layer_up_worked_by_hand() -> None:
    # p and q proposals; a and b argue about p (depth 1); c argues about b, a and q, so
    # its depth is 1 through q, and a and b, at its own depth, are no parents of it; d
    # argues about c and b, both at depth 1, and hangs under the lesser, b (c is reached
    # later in the breadth-first order and offers itself second); e argues about d twice
    # and about itself; f reaches nothing, nor does g (an undercut only).
    claims = tuple(
        Claim(n, n.upper(), ClaimKind.PROPOSAL if n in "pq" else ClaimKind.CLAIM)
        for n in "qpfedcbag"
    )
    relations = (
        _rel("a", "p"),
        _rel("b", "p"),
        _rel("c", "b"),
        _rel("c", "a"),
        _rel("c", "q"),
        _rel("d", "c"),
        _rel("d", "b"),
        _rel("e", "d"),
        _rel("e", "e"),
        _rel("e", "d"),
        Relation("u", "g", "a>p", RelationKind.UNDERCUTS, "s"),
    )
    amap = ArgumentMap("t", claims=claims, relations=relations)
    assert list(aggregate.claim_tree(amap).items()) == [
        ("q", ""),
        ("p", ""),
        ("f", ""),
        ("e", "d"),
        ("d", "b"),
        ("c", "q"),
        ("b", "p"),
        ("a", "p"),
        ("g", ""),
    ]
