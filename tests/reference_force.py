"""`layout.force_layout` as it was at 82d28c9 (issue 18, fourth pass), before numpy: the
reference the array version must equal to the last bit (tests/test_build_speed.py,
tests/test_views_sixth.py). Kept verbatim but for its name and one iteration's pushes, which
are `repulsion` (tests/reference_views.py uses it too).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from argmap.render import layout


def force_layout(
    count: int,
    edges: Sequence[tuple[int, int, float]],
    start: Sequence[tuple[float, float]],
    *,
    distance: float,
    iterations: int,
    centres: Sequence[tuple[float, float]] | None = None,
    pull: float = 0.05,
    seed: int = 0,
) -> list[layout.Point]:
    """`layout.force_layout` as it was at 82d28c9: every float made in plain Python, node
    by node and edge by edge.

    Refine `start` positions with a grid-accelerated Fruchterman-Reingold layout.

    Nodes repel within two `distance`s (other pairs are ignored, which is what makes an
    iteration linear); an edge with positive weight pulls its ends together in proportion
    to the weight, a negative one does not (conflict is shown, not used to place). When
    `centres` is given, each node is also pulled towards its own centre (its group's
    place), so groups stay apart. The step shrinks linearly to zero, so the result is
    settled, and a seeded jitter separates nodes that start on the same spot.
    """
    rng = random.Random(seed)
    xs = [x + rng.uniform(-1, 1) for x, _ in start]
    ys = [y + rng.uniform(-1, 1) for _, y in start]
    k2 = distance * distance
    cell = 2 * distance
    attract = [(a, b, w) for a, b, w in edges if w > 0 and a != b]
    for step in range(iterations):
        temperature = distance * 2 * (1 - step / iterations)
        dx, dy = repulsion(xs, ys, cell, k2)
        for a, b, w in attract:
            ddx = xs[a] - xs[b]
            ddy = ys[a] - ys[b]
            d = math.sqrt(ddx * ddx + ddy * ddy)
            f = d * w / distance
            dx[a] -= ddx * f
            dy[a] -= ddy * f
            dx[b] += ddx * f
            dy[b] += ddy * f
        if centres is not None:
            for i, (cx_, cy_) in enumerate(centres):
                dx[i] += (cx_ - xs[i]) * pull * distance
                dy[i] += (cy_ - ys[i]) * pull * distance
        for i in range(count):
            d = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if d > 0:
                move = min(d, temperature) / d
                xs[i] += dx[i] * move
                ys[i] += dy[i] * move
    return [(round(x), round(y)) for x, y in zip(xs, ys, strict=True)]


def repulsion(
    xs: list[float], ys: list[float], cell: float, k2: float
) -> tuple[list[float], list[float]]:
    """One iteration's pushes of `force_layout` (the loops of 82d28c9): node by node, cell
    by cell."""
    count = len(xs)
    dx = [0.0] * count
    dy = [0.0] * count
    grid: dict[tuple[int, int], list[int]] = {}
    for i in range(count):
        grid.setdefault((int(xs[i] // cell), int(ys[i] // cell)), []).append(i)
    mass = {
        key: (len(members), sum(xs[j] for j in members), sum(ys[j] for j in members))
        for key, members in grid.items()
        if len(members) > layout._CROWDED
    }
    for (cx, cy), here in grid.items():
        exact: list[int] = []
        lumps: list[tuple[int, float, float]] = []
        for ox in (-1, 0, 1):
            for oy in (-1, 0, 1):
                key = (cx + ox, cy + oy)
                if key in mass:
                    lumps.append(mass[key])
                else:
                    exact.extend(grid.get(key, ()))
        for i in here:
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for j in exact:
                if j == i:
                    continue
                ddx = xi - xs[j]
                ddy = yi - ys[j]
                d2 = ddx * ddx + ddy * ddy
                if d2 < 4 * k2:
                    d2 = max(d2, 0.01)
                    f = k2 / d2
                    fx += ddx * f
                    fy += ddy * f
            for n, sx, sy in lumps:
                if (cx, cy) in mass and mass[(cx, cy)] == (n, sx, sy):
                    n, sx, sy = n - 1, sx - xi, sy - yi  # the node's own cell, less itself
                ddx = xi - sx / n
                ddy = yi - sy / n
                d2 = max(ddx * ddx + ddy * ddy, k2 / 4)
                f = n * k2 / d2
                fx += ddx * f
                fy += ddy * f
            dx[i] += fx
            dy[i] += fy
    return dx, dy
