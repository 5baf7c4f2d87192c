"""circular-support's first peeling over whole columns (`checks._peeled`) against the old rule."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from argmap import checks
from argmap.checks import _in_cycles, _peeled, _strongly_connected, circular_support
from argmap.model import ArgumentMap, Claim, Location, Problem, Relation, RelationKind

from .helpers import fuzz_settings

TODAY = dt.date(2026, 1, 1)


def _edges(origins: list[str], targets: list[str]) -> dict[str, list[str]]:
    edges: dict[str, list[str]] = defaultdict(list)
    for origin, target in zip(origins, targets, strict=True):
        edges[origin].append(target)
    return edges


def _circles(edges: dict[str, list[str]]) -> set[frozenset[str]]:
    return {frozenset(c) for c in _strongly_connected(edges) if len(c) >= 2}


def test_peeling_keeps_exactly_what_may_be_on_a_cycle() -> None:
    # up -> a <-> b -> down: the rounds take up, then down; a circle's edges stay.
    assert _peeled(["up", "a", "b", "b"], ["a", "b", "a", "down"]) == (["a", "b"], ["b", "a"])
    assert _peeled(["a", "b"], ["b", "c"]) == ([], [])
    assert _peeled([], []) == ([], [])


def test_peeling_stops_when_a_round_takes_little() -> None:
    # A chain of 100 edges loses its two end edges a round: less than an eighth.
    origins = [f"c{i}" for i in range(100)]
    targets = [f"c{i + 1}" for i in range(100)]
    assert _peeled(origins, targets) == (origins[1:-1], targets[1:-1])
    # A star of 9 edges into a circle loses all 9 at once (9 of 11: more than an eighth).
    star = ([f"s{i}" for i in range(9)] + ["a", "b"], ["a"] * 9 + ["b", "a"])
    assert _peeled(*star) == (["a", "b"], ["b", "a"])


GRAPHS = st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh")), max_size=40)


@fuzz_settings(300)
@given(GRAPHS)
def test_the_same_circles_as_without_peeling(pairs: list[tuple[str, str]]) -> None:
    pairs = [(a, b) for a, b in pairs if a != b]
    origins, targets = [a for a, _ in pairs], [b for _, b in pairs]
    full = _edges(origins, targets)
    peeled = _edges(*_peeled(origins, targets))
    assert _circles(_in_cycles(peeled)) == _circles(full)
    # Nothing but the kept edges, in their order.
    kept = list(zip(*_peeled(origins, targets), strict=True))
    assert kept == [pair for pair in pairs if pair in set(kept)]


def _old_circular_support(amap: ArgumentMap) -> Iterator[Problem]:
    """The rule before `_peeled`: every support in a dict, then Kahn and Tarjan."""
    edges: dict[str, list[str]] = defaultdict(list)
    for relation in amap.relations:
        if relation.kind is RelationKind.SUPPORTS and relation.origin != relation.target:
            edges[relation.origin].append(relation.target)
    components = [c for c in _strongly_connected(_in_cycles(edges)) if len(c) >= 2]
    first: dict[tuple[str, str], Location | None] = {}
    for relation in amap.relations:
        if relation.kind is RelationKind.SUPPORTS:
            first.setdefault((relation.origin, relation.target), relation.loc)
    for component in components:
        members = set(component)
        locs = [
            loc
            for origin in component
            for target in edges[origin]
            if target in members and (loc := first[origin, target]) is not None
        ]
        yield checks._report(
            min(locs) if locs else Location(amap.path, 0, 0),
            f"support relations run in a circle through {', '.join(sorted(component))}",
            "circular-support",
            "circular reasoning: remove the support that is not in the sources",
        )


KINDS = st.sampled_from([RelationKind.SUPPORTS, RelationKind.SUPPORTS, RelationKind.ATTACKS])


@fuzz_settings(300)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcdef"), st.sampled_from("abcdef"), KINDS, st.booleans()),
        max_size=30,
    )
)
def test_the_same_problems_as_the_old_rule(
    rows: list[tuple[str, str, RelationKind, bool]],
) -> None:
    relations = tuple(
        Relation(
            f"{a}/{kind.value}/{b}",
            a,
            b,
            kind,
            loc=Location("m.yaml", i, 5) if located else None,
        )
        for i, (a, b, kind, located) in enumerate(rows, 1)
    )
    amap = ArgumentMap(
        "t", claims=tuple(Claim(c, c) for c in "abcdef"), relations=relations, path="m.yaml"
    )
    assert sorted(circular_support(amap, TODAY)) == sorted(_old_circular_support(amap))
