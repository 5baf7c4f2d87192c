"""`layout.separate` as it was at 0398f3c (issue 18, eighth pass), with its cells keyed by
(column, row) tuples and every node read from the lists at each pair: the reference the
faster pass must equal exactly (tests/test_views_eighth.py). Kept verbatim."""

from __future__ import annotations

from collections.abc import Sequence

from argmap.render.layout import Point


def separate(
    points: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    *,
    iterations: int = 20,
) -> list[Point]:
    """Push apart nodes whose boxes (width, height around the point) overlap.

    Each pass looks only at nodes in neighbouring grid cells and moves both nodes of an
    overlapping pair half the overlap apart along the axis where the overlap is smaller,
    so labels stop covering each other while the layout's shape is kept. Passes stop
    early once nothing overlaps.
    """
    if not points:
        return []
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    half_w = [w / 2 for w, _ in sizes]
    half_h = [h / 2 for _, h in sizes]
    cell_w = 2 * max(half_w)
    cell_h = 2 * max(half_h)
    count = len(xs)
    for _ in range(iterations):
        grid: dict[tuple[int, int], list[int]] = {}
        for i in range(count):
            grid.setdefault((int(xs[i] // cell_w), int(ys[i] // cell_h)), []).append(i)
        moved = False
        for (cx, cy), here in grid.items():
            near = [
                j
                for ox in (-1, 0, 1)
                for oy in (-1, 0, 1)
                for j in grid.get((cx + ox, cy + oy), ())
            ]
            for i in here:
                for j in near:
                    if j <= i:
                        continue
                    dx = xs[j] - xs[i]
                    over_x = half_w[i] + half_w[j] - abs(dx)
                    if over_x <= 0:
                        continue
                    dy = ys[j] - ys[i]
                    over_y = half_h[i] + half_h[j] - abs(dy)
                    if over_y <= 0:
                        continue
                    moved = True
                    # Along the axis that needs the smaller move, relative to the box.
                    if over_x * half_h[i] < over_y * half_w[i]:
                        push = over_x / 2 if dx >= 0 else -over_x / 2
                        xs[i] -= push
                        xs[j] += push
                    else:
                        push = over_y / 2 if dy >= 0 else -over_y / 2
                        ys[i] -= push
                        ys[j] += push
        if not moved:
            break
    return [(round(x), round(y)) for x, y in zip(xs, ys, strict=True)]
