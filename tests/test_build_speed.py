"""The faster build, report and exports (issue 18, third pass) give what the slow ones gave.

Each rewritten function is checked on small literal inputs for exact values, and against
the plain implementation it replaced (kept here as the reference) on seeded random inputs.
"""

from __future__ import annotations

import heapq
import itertools
import random
from types import SimpleNamespace
from typing import Any

import pytest

from argmap.render import sugiyama
from argmap.render.html import _partners

# ---- sugiyama: the adjacent transpositions -------------------------------------------


def test_crossed_both_ways_counts_each_order_of_two_nodes() -> None:
    # u's ends at 0 and 3, v's at 1 and 2: with u left, 3 > 1 and 3 > 2 cross; swapped,
    # 1 > 0 and 2 > 0 cross.
    assert sugiyama._crossed_both_ways([0, 3], [1, 2]) == (2, 2)
    assert sugiyama._crossed_both_ways([2], [0, 1, 2]) == (2, 0)
    assert sugiyama._crossed_both_ways([0, 1, 2], [2]) == (0, 2)
    assert sugiyama._crossed_both_ways([4], [1]) == (1, 0)
    assert sugiyama._crossed_both_ways([1], [4]) == (0, 1)
    # A shared end is no crossing either way.
    assert sugiyama._crossed_both_ways([1], [1]) == (0, 0)
    assert sugiyama._crossed_both_ways([1, 1], [1, 1]) == (0, 0)
    assert sugiyama._crossed_both_ways([], [1, 2]) == (0, 0)
    assert sugiyama._crossed_both_ways([1, 2], []) == (0, 0)


def test_crossed_both_ways_agrees_with_pair_crossings() -> None:
    rng = random.Random(7)
    for _ in range(500):
        pos = {f"n{i}": i for i in range(rng.randint(0, 6))}
        names = [*pos, "elsewhere"]
        near = {
            "u": [rng.choice(names) for _ in range(rng.randint(0, 4))],
            "v": [rng.choice(names) for _ in range(rng.randint(0, 4))],
        }
        left = sorted(pos[m] for m in near["u"] if m in pos)
        right = sorted(pos[m] for m in near["v"] if m in pos)
        assert sugiyama._crossed_both_ways(left, right) == (
            sugiyama._pair_crossings("u", "v", pos, near),
            sugiyama._pair_crossings("v", "u", pos, near),
        )


def _transpose_before(
    order: list[list[str]],
    ups: dict[str, list[str]],
    downs: dict[str, list[str]],
    frozen: set[int],
    passes: int,
) -> None:
    """The transposition as it was before this pass: every layer on every pass, every
    pair's crossings counted from scratch."""
    for _ in range(passes):
        improved = False
        for index, layer in enumerate(order):
            if index in frozen or len(layer) < 2:
                continue
            above = {n: i for i, n in enumerate(order[index - 1])} if index else {}
            below = {n: i for i, n in enumerate(order[index + 1])} if index + 1 < len(order) else {}
            for i in range(len(layer) - 1):
                u, v = layer[i], layer[i + 1]
                now = sugiyama._pair_crossings(u, v, above, ups) + sugiyama._pair_crossings(
                    u, v, below, downs
                )
                swapped = sugiyama._pair_crossings(v, u, above, ups) + sugiyama._pair_crossings(
                    v, u, below, downs
                )
                if swapped < now:
                    layer[i], layer[i + 1] = v, u
                    improved = True
        if not improved:
            return


def _layered_graph(
    rng: random.Random,
) -> tuple[list[list[str]], dict[str, list[str]], dict[str, list[str]]]:
    depth = rng.randint(1, 5)
    order = [[f"L{d}n{i}" for i in range(rng.randint(0, 7))] for d in range(depth)]
    ups: dict[str, list[str]] = {n: [] for row in order for n in row}
    downs: dict[str, list[str]] = {n: [] for row in order for n in row}
    for upper, lower in itertools.pairwise(order):
        for node in lower:
            for target in rng.sample(upper, min(len(upper), rng.randint(0, 3))):
                ups[node].append(target)
                downs[target].append(node)
    for row in order:
        rng.shuffle(row)
    return order, ups, downs


@pytest.mark.parametrize("passes", [1, 2, 50])
def test_transpose_makes_the_swaps_the_plain_transposition_made(passes: int) -> None:
    rng = random.Random(passes)
    for _ in range(300):
        order, ups, downs = _layered_graph(rng)
        frozen = {0} if rng.random() < 0.5 else set()
        expected = [list(row) for row in order]
        _transpose_before(expected, ups, downs, frozen, passes)
        sugiyama._transpose(order, ups, downs, frozen, passes)
        assert order == expected


def test_transpose_swaps_two_crossing_lines_and_keeps_the_frozen_row() -> None:
    # a-d and b-c cross; swapping c and d uncrosses them. The top row is frozen.
    ups = {"a": [], "b": [], "c": ["b"], "d": ["a"]}
    downs = {"a": ["d"], "b": ["c"], "c": [], "d": []}
    order = [["a", "b"], ["c", "d"]]
    sugiyama._transpose(order, ups, downs, {0}, 5)
    assert order == [["a", "b"], ["d", "c"]]
    # Frozen, the lower row stays crossed; the upper row then moves instead.
    order = [["a", "b"], ["c", "d"]]
    sugiyama._transpose(order, ups, downs, {1}, 5)
    assert order == [["b", "a"], ["c", "d"]]


# ---- html: each actor's strongest partners -------------------------------------------


def _partners_before(agreement: tuple[tuple[str, str, float], ...]) -> dict[str, Any]:
    """The page's partners as they were computed before: every pair sorted by a key."""
    found: dict[str, list[tuple[str, float]]] = {}
    for a, b, weight in agreement:
        found.setdefault(a, []).append((b, weight))
        found.setdefault(b, []).append((a, weight))
    result = {}
    for actor, pairs in sorted(found.items()):
        agree = heapq.nsmallest(8, (p for p in pairs if p[1] > 0), key=lambda p: (-abs(p[1]), p[0]))
        conflict = heapq.nsmallest(
            8, (p for p in pairs if p[1] < 0), key=lambda p: (-abs(p[1]), p[0])
        )
        result[actor] = [[other, round(w, 3)] for other, w in (*agree, *conflict)]
    return result


def test_partners_are_the_eight_strongest_of_each_sign_then_by_id() -> None:
    pairs = [("a", f"b{i}", 1.0) for i in range(9)] + [
        ("a", "c", 2.5),
        ("a", "d", -1.0),
        ("a", "e", -3.0),
        ("a", "f", -1.0),
        ("b0", "c", 0.33333),
    ]
    found = _partners(SimpleNamespace(agreement=tuple(sorted(pairs))))  # type: ignore[arg-type]
    assert found["a"] == [
        ["c", 2.5],
        *([f"b{i}", 1.0] for i in range(7)),
        ["e", -3.0],
        ["d", -1.0],
        ["f", -1.0],
    ]
    assert found["b0"] == [["a", 1.0], ["c", 0.333]]
    assert found["c"] == [["a", 2.5], ["b0", 0.333]]
    assert found["e"] == [["a", -3.0]]
    assert list(found) == sorted(found)
    assert len(found) == 14


def test_partners_list_an_actor_of_only_zero_weights_with_none() -> None:
    found = _partners(SimpleNamespace(agreement=(("a", "b", 0.0),)))  # type: ignore[arg-type]
    assert found == {"a": [], "b": []}


def test_partners_choose_as_the_sorting_by_key_did() -> None:
    rng = random.Random(3)
    for _ in range(300):
        ids = [f"a{i}" for i in range(rng.randint(0, 25))]
        pairs: dict[tuple[str, str], float] = {}
        for _ in range(rng.randint(0, 200) if len(ids) > 1 else 0):
            x, y = sorted(rng.sample(ids, 2))
            pairs[x, y] = rng.choice([1.0, -1.0, 2.0, 0.5, -0.25, 0.0, -3.0, rng.uniform(-3, 3)])
        agreement = tuple((x, y, w) for (x, y), w in pairs.items())  # any order
        found = _partners(SimpleNamespace(agreement=agreement))  # type: ignore[arg-type]
        assert found == _partners_before(agreement)
