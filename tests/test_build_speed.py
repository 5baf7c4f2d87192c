"""The faster build, report and exports (issue 18, third and fourth passes) give what the
slow ones gave.

Each rewritten function is checked on small literal inputs for exact values, and against
the plain implementation it replaced (kept here as the reference) on seeded random inputs.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from argmap.render import layout, sugiyama
from argmap.render.html import _partners
from tests import reference_sugiyama
from tests.reference_force import force_layout as _force_layout_before

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


# ---- sugiyama, fourth pass: the whole layout against the module as it was -----------


def test_crossed_both_ways_shortcuts_give_the_counts_the_bisection_gave() -> None:
    # Every end of u left of every end of v: no crossing now, all four pairs if swapped.
    assert sugiyama._crossed_both_ways([0, 1], [2, 5]) == (0, 4)
    assert sugiyama._crossed_both_ways([3, 4, 6], [0, 2]) == (6, 0)
    # Touching ranges are not disjoint: the shared end 2 crosses nothing.
    assert sugiyama._crossed_both_ways([0, 2], [2, 3]) == (0, 3)
    assert sugiyama._crossed_both_ways([2, 3], [0, 2]) == (3, 0)
    # One end on the right: the left ends above it cross now, those below it if swapped.
    assert sugiyama._crossed_both_ways([0, 2, 3, 5], [3]) == (1, 2)
    assert sugiyama._crossed_both_ways([1, 3, 3], [3]) == (0, 1)


def test_count_crossings_skips_no_crossing_of_a_wide_pair_of_layers() -> None:
    down = {"a": ["d", "e"], "b": ["c"], "c": ["f"], "d": ["f"], "e": []}
    # a-d, a-e and b-c: b-c crosses both of a's lines; below, c and d both go to f.
    assert sugiyama.count_crossings([["a", "b"], ["c", "d", "e"], ["f"]], down) == 2
    # One node above fans out without crossings; one node below gathers them without.
    assert sugiyama.count_crossings([["a"], ["e", "d"]], down) == 0
    assert sugiyama.count_crossings([["c", "d"], ["f"]], down) == 0
    assert sugiyama.count_crossings([[], ["a"]], down) == 0


def test_place_layer_of_one_node_is_its_weighted_mean() -> None:
    # (0.1 * 3.0) / 3.0 is 0.10000000000000002 in floats: the shortcut rounds as PAVA did.
    assert sugiyama._place_layer([0.1], [3.0], [50.0], []) == [0.10000000000000002]
    assert sugiyama._place_layer([-7.5], [0.1], [6.0], []) == [-7.5]
    assert sugiyama._place_layer([12.0, 11.0], [1.0, 1.0], [5.0, 5.0], [2.0]) == [5.5, 17.5]


def _random_layered_input(rng: random.Random) -> tuple[tuple[Any, ...], dict[str, Any]]:
    names = [f"n{i:02d}" for i in range(rng.randint(0, 20))]
    edges = [
        (rng.choice(names), rng.choice(names))
        for _ in range(rng.randint(0, 3 * len(names)) if names else 0)
    ]
    sizes = {
        n: (rng.choice([60.0, 100.0, 173.5]), rng.choice([20.0, 40.0, 61.0]))
        for n in names
        if rng.random() < 0.7
    }
    kwargs: dict[str, Any] = {
        "top": [n for n in names if rng.random() < 0.15],
        "bottom": [n for n in names if rng.random() < 0.1],
        "sweeps": rng.choice([1, 4, 16]),
    }
    if rng.random() < 0.3:
        kwargs["max_width"] = rng.choice([150.0, 400.0])
    if rng.random() < 0.25:
        kwargs["layer_of"] = {n: rng.randint(0, 4) for n in names if rng.random() < 0.9}
    return (names, edges, sizes), kwargs


def test_layered_gives_what_the_module_gave_before_on_random_graphs() -> None:
    rng = random.Random(18)
    for _ in range(60):
        args, kwargs = _random_layered_input(rng)
        got = sugiyama.layered(*args, **kwargs)
        expected = reference_sugiyama.layered(*args, **kwargs)
        assert got.positions == expected.positions
        assert got.layers == expected.layers
        assert got.routes == expected.routes
        assert (got.turned, got.crossings) == (expected.turned, expected.crossings)


def test_layered_gives_what_it_gave_before_on_a_wide_drawing_of_long_lines() -> None:
    # Rows of many one-line dummies (the transpositions' shortcut) and nodes of many lines.
    rng = random.Random(5)
    names = [f"c{i:03d}" for i in range(120)]
    edges = [(names[i], names[rng.randrange(max(1, i // 3))]) for i in range(1, 120)]
    edges += [(rng.choice(names), rng.choice(names)) for _ in range(150)]
    got = sugiyama.layered(names, edges, {}, top=names[:3])
    expected = reference_sugiyama.layered(names, edges, {}, top=names[:3])
    assert len(got.positions) == 120
    # Field by field: the two modules' Layered classes never compare equal as a whole.
    assert got.positions == expected.positions
    assert got.layers == expected.layers
    assert got.routes == expected.routes
    assert (got.turned, got.crossings) == (expected.turned, expected.crossings)


# ---- layout.force_layout, fourth pass: numpy, the same floats -----------------------


def _random_force_input(rng: random.Random) -> tuple[tuple[Any, ...], dict[str, Any]]:
    count = rng.randint(0, 120)
    spread = rng.choice([1.0, 40.0, 400.0])  # 1.0: crowded cells, lumped as one mass
    start = [
        (round(rng.uniform(-spread, spread), 1), round(rng.uniform(-spread, spread), 1))
        for _ in range(count)
    ]
    if count and rng.random() < 0.3:
        start[1:4] = [start[0]] * len(start[1:4])  # nodes starting on one spot
    edges = [
        (rng.randrange(count), rng.randrange(count), rng.choice([2.0, 1.0, 0.5, -1.0, 0.0]))
        for _ in range(rng.randint(0, 2 * count) if count else 0)
    ]
    kwargs: dict[str, Any] = {
        "distance": rng.choice([30.0, 90.0]),
        "iterations": rng.randint(0, 12),
        "seed": rng.randrange(5),
    }
    if rng.random() < 0.4:
        kwargs["centres"] = [(rng.uniform(-300, 300), rng.uniform(-300, 300)) for _ in start]
        kwargs["pull"] = rng.choice([0.05, 0.3])
    return (count, edges, start), kwargs


def test_force_layout_gives_what_the_plain_loops_gave_on_random_inputs() -> None:
    rng = random.Random(18)
    crowded = 0
    for _ in range(80):
        args, kwargs = _random_force_input(rng)
        crowded += args[0] > layout._CROWDED
        assert layout.force_layout(*args, **kwargs) == _force_layout_before(*args, **kwargs)
    assert crowded > 25


def test_force_layout_of_two_linked_nodes_exactly() -> None:
    # Two linked nodes 10 apart: pushed far apart in the first, hottest step, then pulled
    # back as the step shrinks (the seeded jitter moves y by less than a pixel).
    start = [(0.0, 0.0), (10.0, 0.0)]
    once = layout.force_layout(2, [(0, 1, 1.0)], start, distance=30.0, iterations=1)
    assert once == _force_layout_before(2, [(0, 1, 1.0)], start, distance=30.0, iterations=1)
    assert once == [(-59, 2), (70, -2)]
    got = layout.force_layout(2, [(0, 1, 1.0)], start, distance=30.0, iterations=3)
    assert got == _force_layout_before(2, [(0, 1, 1.0)], start, distance=30.0, iterations=3)
    assert got == [(1, 0), (11, 0)]
    assert layout.force_layout(0, [], [], distance=30.0, iterations=3) == []


def test_repulsion_of_a_lone_pair_and_of_a_mass() -> None:
    xa = np.array([0.0, 3.0, 100.0])
    ya = np.array([0.0, 4.0, 0.0])
    fx, fy = layout._repulsion(xa, ya, 10.0, 25.0)
    # d2 = 25 between 0 and 1 (k2 / d2 = 1); node 2 is beyond 4 * k2.
    assert fx.tolist() == [-3.0, 3.0, 0.0]
    assert fy.tolist() == [-4.0, 4.0, 0.0]
    # A crowded cell of 30 nodes centred at (10, 0) pushes node 0 away as one mass, with
    # d2 at least k2 / 4; its own nodes feel the rest of their cell (all on their spot).
    xa = np.array([0.0] + [10.0] * 30)
    ya = np.zeros(31)
    fx, fy = layout._repulsion(xa, ya, 10.0, 25.0)
    assert fx.tolist() == [-10.0 * 30 * 25.0 / 100.0] + [0.0] * 30
    assert fy.tolist() == [0.0] * 31
    assert all(math.copysign(1.0, y) == 1.0 for y in fy.tolist())
    # Off the spot, the rest of the cell (less the node itself) pushes it.
    xa[1] = 11.0
    fx, _ = layout._repulsion(xa, ya, 10.0, 25.0)
    # The rest's centre is (301 - 11) / 29 = 10, 1 away: d2 is raised to k2 / 4.
    assert fx[1] == 1.0 * 29 * 25.0 / (25.0 / 4) == 116.0
