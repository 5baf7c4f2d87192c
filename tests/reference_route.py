"""`layout.route_around` as it was before the fifth pass of issue 18 (its curves tried one
point and one box at a time), kept verbatim as the reference the vectorised one must
equal (tests/test_views_fifth.py).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from itertools import pairwise

_BENDS = (0.1, 0.2, 0.3, 0.4, 0.55, 0.7)
_SAMPLES = 16

Box = tuple[float, float, float, float]  # left, top, right, bottom


def curve_point(
    start: tuple[float, float], end: tuple[float, float], kind: str, roundness: float, t: float
) -> tuple[float, float]:
    """The point at `t` of vis-network 9.1.2's quadratic curve of that kind, as it draws it
    (its BezierEdgeStatic via point, copied so the build knows where a line runs)."""
    dx = end[0] - start[0]
    dy = start[1] - end[1]
    radius = math.hypot(dx, dy)
    turn = 0.5 * roundness + 0.5 if kind == "curvedCW" else -0.5 * roundness + 0.5
    angle = (math.atan2(dy, dx) + turn * math.pi) % (2 * math.pi)
    via = (
        start[0] + (0.5 * roundness + 0.5) * radius * math.sin(angle),
        start[1] + (0.5 * roundness + 0.5) * radius * math.cos(angle),
    )
    u = 1 - t
    return (
        u * u * start[0] + 2 * t * u * via[0] + t * t * end[0],
        u * u * start[1] + 2 * t * u * via[1] + t * t * end[1],
    )


def _segment_hits(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    # Liang-Barsky clipping: does the segment enter the box's inside?
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - box[0]),
        (dx, box[2] - a[0]),
        (-dy, a[1] - box[1]),
        (dy, box[3] - a[1]),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return t1 - t0 > 1e-9


class _BoxIndex:
    """Boxes in a uniform grid, to find those near a segment quickly."""

    def __init__(self, boxes: Mapping[str, Box], cell: float = 300.0) -> None:
        self.boxes = boxes
        self.cell = cell
        self.grid: dict[tuple[int, int], list[str]] = {}
        for node, (left, top, right, bottom) in sorted(boxes.items()):
            for gx in range(int(left // cell), int(right // cell) + 1):
                for gy in range(int(top // cell), int(bottom // cell) + 1):
                    self.grid.setdefault((gx, gy), []).append(node)

    def hits(
        self, points: Sequence[tuple[float, float]], skip: Collection[str], *, first: bool = False
    ) -> set[str]:
        """The boxes the polyline `points` enters, `skip` aside (with `first`, at most one:
        enough to know a line is blocked)."""
        found: set[str] = set()
        c = self.cell
        for a, b in pairwise(points):
            for gx in range(int(min(a[0], b[0]) // c), int(max(a[0], b[0]) // c) + 1):
                for gy in range(int(min(a[1], b[1]) // c), int(max(a[1], b[1]) // c) + 1):
                    for node in self.grid.get((gx, gy), ()):
                        if (
                            node not in skip
                            and node not in found
                            and _segment_hits(a, b, self.boxes[node])
                        ):
                            found.add(node)
                            if first:
                                return found
        return found


def _first_clear(
    a: tuple[float, float],
    b: tuple[float, float],
    skip: Collection[str],
    index: _BoxIndex,
    bends: Sequence[float],
) -> tuple[str, float] | None:
    """None when the straight line a-b is clear or no bend clears it, else the least bend
    that does."""
    if not index.hits([a, b], skip, first=True):
        return None
    for roundness in bends:
        for kind in ("curvedCW", "curvedCCW"):
            points = [curve_point(a, b, kind, roundness, i / _SAMPLES) for i in range(_SAMPLES + 1)]
            if not index.hits(points, skip, first=True):
                return (kind, roundness)
    return None


def route_around(
    edges: Sequence[tuple[str, str]],
    positions: Mapping[str, tuple[float, float]],
    sizes: Mapping[str, tuple[float, float]],
    *,
    margin: float = 4.0,
    partial: bool = True,
    shift: Mapping[str, float] | None = None,
    bends: Sequence[float] = _BENDS,
) -> list[tuple[str, float] | None]:
    """For each edge, None when its straight line misses every other node's box, else the
    least bend ((kind, roundness) of vis-network's curved edges) that misses them all, or
    failing that (with `partial`) the one that crosses fewest. A line through an unrelated
    box reads as a link to it; a curve around costs nothing. Without `partial` a line no
    bend clears stays straight: a curve that still crosses a box crosses more lines too.

    A node's box is centred `shift[node]` below the node (an actor's label hangs under its
    shape, so its box is not centred on the point lines start from); `bends` are the
    roundnesses tried, least first.
    """
    boxes: dict[str, Box] = {}
    below = shift or {}
    for node, (x, y) in positions.items():
        w, h = sizes.get(node, (0.0, 0.0))
        cy = y + below.get(node, 0.0)
        boxes[node] = (
            x - w / 2 - margin,
            cy - h / 2 - margin,
            x + w / 2 + margin,
            cy + h / 2 + margin,
        )
    index = _BoxIndex(boxes)
    out: list[tuple[str, float] | None] = []
    for origin, target in edges:
        a = positions.get(origin)
        b = positions.get(target)
        if a is None or b is None:
            out.append(None)
            continue
        skip = (origin, target)
        if not partial:
            # Only a bend that clears every box will do: stop at the first box met.
            out.append(_first_clear(a, b, skip, index, bends))
            continue
        straight = len(index.hits([a, b], skip))
        if straight == 0:
            out.append(None)
            continue
        best: tuple[int, tuple[str, float] | None] = (straight, None)
        for roundness in bends:
            for kind in ("curvedCW", "curvedCCW"):
                pts = [
                    curve_point(a, b, kind, roundness, i / _SAMPLES) for i in range(_SAMPLES + 1)
                ]
                count = len(index.hits(pts, skip))
                if count < best[0]:
                    best = (count, (kind, roundness))
            if best[0] == 0:
                break
        out.append(best[1] if partial or best[0] == 0 else None)
    return out
