"""layout.force_layout, coordinate by coordinate (mutmut, fifth pass).

The force layout's promises (tests/test_render_mutants.py) hold directions and balances;
a changed constant that keeps them lived. Here a plain loop, written from the docstring
and the comments (seeded jitter of at most one pixel each way; repulsion `k^2 / d^2`
within two distances; pull `d * w / distance` along positive edges; the pull to a centre;
one Barnes-Hut level for a cell of more than 24 nodes; a step capped by a temperature
that falls linearly to zero), places small literal graphs, and force_layout must give
the same rounded coordinates. The inputs are small enough that no coordinate sits on a
rounding boundary, so the order in which floats are summed cannot change a result.
"""

from __future__ import annotations

import math
import random

from argmap.render import layout

CROWDED = 24  # a cell of more than this many nodes acts on others as one mass


def _reference(
    count: int,
    edges: list[tuple[int, int, float]],
    start: list[tuple[float, float]],
    *,
    distance: float,
    iterations: int,
    centres: list[tuple[float, float]] | None = None,
    pull: float = 0.05,
    seed: int = 0,
) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    xs = [x + rng.uniform(-1, 1) for x, _ in start]
    ys = [y + rng.uniform(-1, 1) for _, y in start]
    k2 = distance * distance
    cell = 2 * distance
    for step in range(iterations):
        temperature = distance * 2 * (1 - step / iterations)
        grid: dict[tuple[int, int], list[int]] = {}
        for i in range(count):
            grid.setdefault((math.floor(xs[i] / cell), math.floor(ys[i] / cell)), []).append(i)
        crowded = {key for key, members in grid.items() if len(members) > CROWDED}
        dx = [0.0] * count
        dy = [0.0] * count
        for (cx, cy), here in grid.items():
            for i in here:
                for ox in (-1, 0, 1):
                    for oy in (-1, 0, 1):
                        key = (cx + ox, cy + oy)
                        members = grid.get(key, [])
                        if key in crowded:
                            n = len(members)
                            sx = sum(xs[j] for j in members)
                            sy = sum(ys[j] for j in members)
                            if key == (cx, cy):  # its own cell, less itself
                                n, sx, sy = n - 1, sx - xs[i], sy - ys[i]
                            ddx, ddy = xs[i] - sx / n, ys[i] - sy / n
                            d2 = max(ddx * ddx + ddy * ddy, k2 / 4)
                            dx[i] += ddx * n * k2 / d2
                            dy[i] += ddy * n * k2 / d2
                            continue
                        for j in members:
                            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
                            d2 = ddx * ddx + ddy * ddy
                            if j != i and d2 < 4 * k2:
                                f = k2 / max(d2, 0.01)
                                dx[i] += ddx * f
                                dy[i] += ddy * f
        for a, b, w in edges:
            if w > 0 and a != b:
                ddx, ddy = xs[a] - xs[b], ys[a] - ys[b]
                f = math.hypot(ddx, ddy) * w / distance
                dx[a] -= ddx * f
                dy[a] -= ddy * f
                dx[b] += ddx * f
                dy[b] += ddy * f
        for i, (hx, hy) in enumerate(centres or []):
            dx[i] += (hx - xs[i]) * pull * distance
            dy[i] += (hy - ys[i]) * pull * distance
        for i in range(count):
            d = math.hypot(dx[i], dy[i])
            if d > 0:
                xs[i] += dx[i] * min(d, temperature) / d
                ys[i] += dy[i] * min(d, temperature) / d
    return [(round(x), round(y)) for x, y in zip(xs, ys, strict=True)]


def _both(*args: object, **kwargs: object) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return layout.force_layout(*args, **kwargs), _reference(*args, **kwargs)  # type: ignore[arg-type]


def test_no_iteration_is_the_seeded_jitter_of_the_start() -> None:
    # random.Random(0).uniform(-1, 1) gives 0.689, 0.516, -0.159, -0.482: x of both
    # nodes first, then y.
    start = [(10.4, 20.0), (30.0, 40.0)]
    assert layout.force_layout(2, [], start, distance=100, iterations=0) == [(11, 20), (31, 40)]
    assert layout.force_layout(2, [], start, distance=100, iterations=0, seed=3) == (
        _reference(2, [], start, distance=100, iterations=0, seed=3)
    )


def test_two_near_nodes_one_step_is_the_hand_worked_push() -> None:
    # One step: temperature 2 x 100. The nodes 50 apart (plus the jitter) push each
    # other by k^2 / d = 10000 / 50 = about 200 along x, which the temperature caps at
    # 200: each moves about 200 away from the other, and y only by the jitter.
    out, ref = _both(2, [], [(0.0, 0.0), (50.0, 0.0)], distance=100, iterations=1)
    assert out == ref
    assert out[0][0] < -150 and out[1][0] > 200


def test_repulsion_reaches_two_distances_and_no_further() -> None:
    for gap in (150.0, 195.0, 205.0, 390.0, 410.0):
        start = [(0.0, 0.0), (gap, 0.0), (gap / 2, gap / 3)]
        out, ref = _both(3, [], start, distance=100, iterations=3)
        assert out == ref, gap


def test_a_weighted_chain_and_a_star_settle_where_the_loop_puts_them() -> None:
    start = [(0.0, 0.0), (120.0, 10.0), (260.0, -30.0), (90.0, 170.0), (-60.0, 80.0)]
    edges = [(0, 1, 1.0), (1, 2, 0.5), (0, 3, 2.0), (3, 4, 0.25), (4, 0, -1.0), (2, 2, 3.0)]
    for iterations in (1, 2, 7, 25):
        out, ref = _both(5, edges, start, distance=80, iterations=iterations, seed=5)
        assert out == ref, iterations
    # A weight of zero pulls nothing, like a negative one.
    assert _both(2, [(0, 1, 0.0)], start[:2], distance=80, iterations=4)[0] == (
        layout.force_layout(2, [], start[:2], distance=80, iterations=4)
    )


def test_the_pull_to_a_centre_scales_with_pull_and_distance() -> None:
    start = [(0.0, 0.0), (400.0, 0.0), (0.0, 500.0)]
    centres = [(300.0, -200.0), (100.0, 100.0)]  # the third node has no centre
    for pull in (0.05, 0.2):
        out, ref = _both(3, [], start, distance=60, iterations=6, centres=centres, pull=pull)
        assert out == ref, pull
    # The default pull is 0.05; the third node, with no centre and out of everyone's
    # reach, stays where it was.
    out = layout.force_layout(3, [], start, distance=60, iterations=6, centres=centres)
    assert out == _reference(3, [], start, distance=60, iterations=6, centres=centres, pull=0.05)
    assert abs(out[2][0]) <= 1 and abs(out[2][1] - 500) <= 1


def test_a_crowded_cell_acts_as_one_mass_on_itself_and_its_neighbours() -> None:
    # 30 nodes spread over one cell (of 2 x 20) and 3 in the next: the 30 are one mass
    # for each other (less each node itself) and for the 3, which push the 30 one by one.
    rng = random.Random(7)
    start = [(rng.uniform(1, 39), rng.uniform(1, 39)) for _ in range(30)]
    start += [(45.0, 10.0), (50.0, 30.0), (70.0, 20.0)]
    for iterations in (1, 2, 5):
        out, ref = _both(33, [(30, 31, 1.0)], start, distance=20, iterations=iterations)
        assert out == ref, iterations


def test_a_cell_of_exactly_24_is_still_exact() -> None:
    rng = random.Random(8)
    start = [(rng.uniform(1, 39), rng.uniform(1, 39)) for _ in range(24)]
    out, ref = _both(24, [], start, distance=20, iterations=2)
    assert out == ref


def test_cells_are_floored_so_the_four_around_the_origin_stay_four() -> None:
    # 13 nodes in each quarter around (0, 0): four cells of 13, each exact. Cells cut by
    # truncation towards zero, in x or in y, would make two crowded cells of 26.
    rng = random.Random(9)
    start = [
        (sx * rng.uniform(1, 39), sy * rng.uniform(1, 39))
        for sx in (-1, 1)
        for sy in (-1, 1)
        for _ in range(13)
    ]
    for iterations in (1, 3):
        out, ref = _both(52, [], start, distance=20, iterations=iterations)
        assert out == ref, iterations


def test_the_pull_to_a_centre_adds_to_the_push_of_near_nodes() -> None:
    # Three nodes near one another, each pulled to a centre of its own: the step is the
    # sum of their pushes and the pull, not the pull alone.
    start = [(0.0, 0.0), (30.0, 10.0), (10.0, 40.0)]
    centres = [(100.0, 0.0), (0.0, 100.0), (-100.0, -100.0)]
    for iterations in (1, 4):
        out, ref = _both(3, [], start, distance=50, iterations=iterations, centres=centres)
        assert out == ref, iterations


def test_a_force_under_one_pixel_still_moves_its_node() -> None:
    # The jitter puts the node at (0.689, 0.516); pull 0.05 x distance 10 towards its
    # centre (0, 0) is a force of (-0.34, -0.26), under a pixel, and the node moves by
    # all of it (the temperature is 20): to (0.34, 0.26), which rounds to (0, 0).
    out, ref = _both(1, [], [(0.0, 0.0)], distance=10, iterations=1, centres=[(0.0, 0.0)])
    assert out == ref == [(0, 0)]
