"""Pieces of the drawings as they were before issue 18's sixth pass, in plain Python: the
references the array versions must equal exactly (tests/test_views_sixth.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from argmap.render import layout


def repulsion(
    xs: list[float], ys: list[float], cell: float, k2: float
) -> tuple[list[float], list[float]]:
    """One iteration's pushes of `layout.force_layout`, as tests/reference_force.py (the
    loops of 82d28c9) makes them: node by node, cell by cell."""
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


def agreement_weights(
    pairs: Iterable[tuple[str, str, float]], known: Collection[str]
) -> list[tuple[str, str, float]]:
    """`views.camps_view`'s weights as it made them at 44e3dff."""
    return sorted(
        (min(a, b), max(a, b), w)
        for a, b, w in pairs
        if a in known and b in known and a != b and w != 0
    )
