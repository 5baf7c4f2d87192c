"""circular-support on graphs where most claims are on no cycle: the same circles, linear."""

from __future__ import annotations

import datetime as dt

from argmap.checks import circular_support
from argmap.model import ArgumentMap, Claim, Location, Relation, RelationKind

TODAY = dt.date(2026, 1, 1)


def _map(pairs: list[tuple[str, str]]) -> ArgumentMap:
    ids = sorted({c for pair in pairs for c in pair})
    relations = tuple(
        Relation(f"{a}/supports/{b}", a, b, RelationKind.SUPPORTS, loc=Location("m.yaml", i, 5))
        for i, (a, b) in enumerate(pairs, 1)
    )
    return ArgumentMap("t", claims=tuple(Claim(c, c) for c in ids), relations=relations)


def _found(pairs: list[tuple[str, str]]) -> list[tuple[int, str]]:
    return sorted((p.loc.line, p.message) for p in circular_support(_map(pairs), TODAY))


def test_a_circle_with_claims_upstream_and_downstream_of_it() -> None:
    # up -> a -> b -> a, and b -> down -> sink: only a and b argue in a circle.
    pairs = [("up", "a"), ("a", "b"), ("b", "down"), ("b", "a"), ("down", "sink")]
    assert _found(pairs) == [(2, "support relations run in a circle through a, b")]


def test_a_chain_has_no_circle() -> None:
    assert _found([(f"c{i}", f"c{i + 1}") for i in range(2_000)]) == []


def test_two_circles_joined_by_a_one_way_support() -> None:
    pairs = [("a", "b"), ("b", "a"), ("b", "x"), ("x", "y"), ("y", "z"), ("z", "x")]
    assert _found(pairs) == [
        (1, "support relations run in a circle through a, b"),
        (4, "support relations run in a circle through x, y, z"),
    ]


def test_many_small_circles_each_at_its_own_first_relation() -> None:
    pairs = [p for i in range(3_000) for p in ((f"p{i}", f"q{i}"), (f"q{i}", f"p{i}"))]
    found = _found(pairs)
    assert len(found) == 3_000
    assert found[:2] == [
        (1, "support relations run in a circle through p0, q0"),
        (3, "support relations run in a circle through p1, q1"),
    ]
