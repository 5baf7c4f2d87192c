"""Deterministic node positions, computed in Python so the page opens already laid out.

The layouts besides the argument map's layered one (`sugiyama.layered`), all pure
functions of sorted input:

- `force_layout`, a Fruchterman-Reingold layout whose repulsion only looks at nodes in
  neighbouring grid cells (O(V + E) per iteration instead of O(V^2)), with a fixed number
  of iterations and a seeded start, for the stance and camps maps.
- `ring_positions` (with `ring_order`), the camps map's rings of actors.
- `pack_boxes`, the shelf packing that places groups side by side.

Coordinates are integers (vis-network canvas pixels) so the output is byte-stable.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import pairwise

import numpy as np
import numpy.typing as npt

__all__ = [
    "FINE_BENDS",
    "Point",
    "band_layers",
    "band_rows",
    "bounds",
    "circular_crossings",
    "force_layout",
    "grid_positions",
    "lines_through_boxes",
    "pack_boxes",
    "ring_order",
    "ring_positions",
    "route_around",
    "separate",
]

Point = tuple[int, int]

#: Above this many nodes a grid cell is treated as one mass by its neighbours.
_CROWDED = 24

#: The screen's width over height the packings aim for (1440 x 900 and most laptops).
ASPECT = 1.6


def pack_boxes(sizes: Sequence[tuple[float, float]], *, gap: float) -> list[tuple[float, float]]:
    """Place boxes of the given (width, height) left to right in shelves; return top-lefts.

    The shelf width is chosen so the whole packing is about `ASPECT` times as wide as high,
    but never narrower than the widest box. Boxes keep their order, so the first (the most
    important, by the caller's sorting) sit at the top left.
    """
    if not sizes:
        return []
    area = sum((w + gap) * (h + gap) for w, h in sizes)
    shelf_width = max(math.sqrt(area * ASPECT), max(w for w, _ in sizes))
    corners: list[tuple[float, float]] = []
    x = y = shelf_height = 0.0
    for w, h in sizes:
        if x > 0 and x + w > shelf_width:
            y += shelf_height + gap
            x = shelf_height = 0.0
        corners.append((x, y))
        x += w + gap
        shelf_height = max(shelf_height, h)
    return corners


def grid_positions(count: int, *, col_width: float, row_height: float) -> list[tuple[float, float]]:
    """Centres of `count` cells in a grid about `ASPECT` times as wide as high."""
    if count == 0:
        return []
    cols = max(1, round(math.sqrt(count * ASPECT * row_height / col_width)))
    return [((i % cols) * col_width, (i // cols) * row_height) for i in range(count)]


def band_rows(inner: float, outer: float, pitch: float, aspect: float = ASPECT) -> int:
    """How many rows of inner nodes a band drawing (see `band_layers`) should have so that it
    is about `aspect` times as wide as high: `inner` and `outer` are the total widths of the
    two kinds of node, `pitch` the height of one layer. R inner rows make 2R + 1 layers,
    each about max(inner / R, outer / (R + 1)) wide.

    >>> band_rows(8000, 16000, 300, 2.2)
    3
    >>> band_rows(0, 0, 300, 2.2), band_rows(0, 16000, 300, 2.2)
    (1, 3)
    """
    if inner <= 0 and outer <= 0:
        # Nothing to draw (a cluster of an aggregated stance view that nobody speaks on):
        # no shape to fit, and the ratio below would be a logarithm of zero.
        return 1
    best, best_error = 1, math.inf
    for rows in range(1, 64):
        width = max(inner / rows, outer / (rows + 1))
        height = (2 * rows + 1) * pitch
        error = abs(math.log(width / height / aspect))
        if error < best_error:
            best, best_error = rows, error
    return best


def band_layers(
    inner: Sequence[str],
    links: Sequence[tuple[str, str]],
    widths: Mapping[str, float],
    *,
    rows: int,
) -> dict[str, int]:
    """A layer for each node of a two-sided graph (actors and the claims they speak of)
    drawn in bands, so that nearly every line joins two neighbouring layers.

    The `inner` nodes, in the order given (the caller groups them, camps together), are cut
    into `rows` rows of about equal total width and sit on the odd layers 1, 3, ...; each
    outer node of `links` ((inner, outer) pairs) sits on an even layer: between the two
    rows of its inner nodes when they span two rows, beside the one row when they span one
    (above or below, whichever is narrower so far), and when they span more, on the even
    layer nearest their middle (only those lines cross a row). Between neighbouring layers
    a line needs no room in a third layer, so it cannot run through a box there.

    >>> band_layers(["a", "b"], [("a", "x"), ("b", "x"), ("a", "y")], {}, rows=2)
    {'a': 1, 'b': 3, 'x': 2, 'y': 0}
    """
    total = sum(widths.get(n, 1.0) for n in inner)
    row_of: dict[str, int] = {}
    used = 0.0
    for node in inner:
        width = widths.get(node, 1.0)
        # The row whose share of the total width the node's middle falls in.
        row_of[node] = min(rows - 1, int((used + width / 2) / total * rows)) if total else 0
        used += width
    spoken: dict[str, list[int]] = {}
    for origin, outer in sorted(set(links)):
        if origin in row_of:
            spoken.setdefault(outer, []).append(row_of[origin])
    layer = {node: 2 * row + 1 for node, row in row_of.items()}
    filled = [0.0] * (rows + 1)  # width placed so far on each even layer, top to bottom
    # Most spoken-of first, so the widest choices are made while the layers are empty.
    for outer in sorted(spoken, key=lambda n: (-len(spoken[n]), n)):
        seen = sorted(spoken[outer])
        low, high = seen[0], seen[-1]
        if high == low:
            slot = low if filled[low] <= filled[low + 1] else low + 1
        elif high == low + 1:
            slot = high
        else:
            slot = seen[(len(seen) - 1) // 2] + 1 if len(seen) % 2 == 0 else seen[len(seen) // 2]
            slot = max(low + 1, min(high, slot))
        layer[outer] = 2 * slot
        filled[slot] += widths.get(outer, 1.0)
    return layer


def bounds(points: Iterable[Point]) -> tuple[int, int, int, int]:
    """The (left, top, right, bottom) of `points`; (0, 0, 0, 0) when there are none."""
    xs: list[int] = []
    ys: list[int] = []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        return (0, 0, 0, 0)
    return (min(xs), min(ys), max(xs), max(ys))


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
) -> list[Point]:
    """Refine `start` positions with a grid-accelerated Fruchterman-Reingold layout.

    Nodes repel within two `distance`s (other pairs are ignored, which is what makes an
    iteration linear); an edge with positive weight pulls its ends together in proportion
    to the weight, a negative one does not (conflict is shown, not used to place). When
    `centres` is given, each node is also pulled towards its own centre (its group's
    place), so groups stay apart. The step shrinks linearly to zero, so the result is
    settled, and a seeded jitter separates nodes that start on the same spot.

    A build asks for the same layout more than once (the 20,000-statement debate's camps
    drawings: four parts of 400 actors with no lines, the same grid start): the last
    `_FORCE_KEPT` results are kept by their inputs (`_kept_force_layout`) and handed out
    as new lists.
    """
    return list(
        _kept_force_layout(
            count,
            tuple(edges),
            tuple(start),
            distance,
            iterations,
            None if centres is None else tuple(centres),
            pull,
            seed,
        )
    )


#: How many force layouts `force_layout` keeps by their inputs.
_FORCE_KEPT = 4


@functools.lru_cache(maxsize=_FORCE_KEPT)
def _kept_force_layout(
    count: int,
    edges: tuple[tuple[int, int, float], ...],
    start: tuple[tuple[float, float], ...],
    distance: float,
    iterations: int,
    centres: tuple[tuple[float, float], ...] | None,
    pull: float,
    seed: int,
) -> tuple[Point, ...]:
    """`_force_layout` of hashable inputs, as a tuple (so no caller can change a kept one)."""
    return tuple(
        _force_layout(
            count,
            edges,
            start,
            distance=distance,
            iterations=iterations,
            centres=centres,
            pull=pull,
            seed=seed,
        )
    )


def _force_layout(
    count: int,
    edges: Sequence[tuple[int, int, float]],
    start: Sequence[tuple[float, float]],
    *,
    distance: float,
    iterations: int,
    centres: Sequence[tuple[float, float]] | None = None,
    pull: float = 0.05,
    seed: int = 0,
) -> list[Point]:
    """`force_layout`, computed."""
    rng = random.Random(seed)
    xs = [x + rng.uniform(-1, 1) for x, _ in start]
    ys = [y + rng.uniform(-1, 1) for _, y in start]
    k2 = distance * distance
    cell = 2 * distance
    attract = [(a, b, w) for a, b, w in edges if w > 0 and a != b]
    pulled = np.array([(a, b) for a, b, _ in attract], dtype=np.intp).reshape(-1, 2)
    weights = np.array([w for _, _, w in attract], dtype=np.float64)
    homes = None if centres is None else np.array(centres, dtype=np.float64).reshape(-1, 2)
    xa = np.array(xs, dtype=np.float64)
    ya = np.array(ys, dtype=np.float64)
    for step in range(iterations):
        temperature = distance * 2 * (1 - step / iterations)
        dx, dy = _repulsion(xa, ya, cell, k2)
        _attraction(xa, ya, dx, dy, pulled, weights, distance)
        if homes is not None:
            m = len(homes)
            dx[:m] += (homes[:, 0] - xa[:m]) * pull * distance
            dy[:m] += (homes[:, 1] - ya[:m]) * pull * distance
        d = np.sqrt(dx * dx + dy * dy)
        moving = d > 0
        move = np.minimum(d, temperature) / np.where(moving, d, 1.0)
        xa = np.where(moving, xa + dx * move, xa)
        ya = np.where(moving, ya + dy * move, ya)
    return [(round(x), round(y)) for x, y in zip(xa.tolist(), ya.tolist(), strict=True)]


#: The neighbouring grid cells, in the order a node's pushes are summed: (dx, dy) of the
#: cell, x outer, y inner.
_AROUND = tuple((ox, oy) for ox in (-1, 0, 1) for oy in (-1, 0, 1))


def _repulsion(
    xa: npt.NDArray[np.float64], ya: npt.NDArray[np.float64], cell: float, k2: float
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The push on every node from the nodes in its own and the 8 neighbouring grid cells
    (`cell` wide), a cell of more than `_CROWDED` nodes acting as one mass at its centre
    (one level of Barnes-Hut, so a dense start costs no more than a spread one).

    The same float operations, in the same order, as a loop per node would make (the
    loops of tests/reference_force.py): first the exact pushes, from the uncrowded cells'
    nodes, cell after cell in `_AROUND` order and each cell's nodes in index order
    (`_exact_pushes`), then the masses in `_AROUND` order. numpy's element-wise operations
    round as Python's do; a cell's mass is its nodes' coordinates summed in index order
    by `np.bincount`, as `sum` does (a numpy sum would add them pairwise and round
    differently). All cells at once, as arrays: one call per cell per iteration was most
    of the camps drawings' layout at 100,000 stances.
    """
    count = len(xa)
    if not count:
        return np.zeros(0), np.zeros(0)
    # int(x // cell) per node (np.floor_divide rounds as Python's // does); keys with a
    # margin of one cell, so a neighbour's key is the key plus a fixed step and never
    # wraps onto another row of cells.
    gx = np.floor_divide(xa, cell).astype(np.int64)
    gy = np.floor_divide(ya, cell).astype(np.int64)
    gx -= gx.min() - 1
    gy -= gy.min() - 1
    rows = int(gy.max()) + 2
    keys, cell_of = np.unique(gx * rows + gy, return_inverse=True)
    cell_of = cell_of.reshape(-1)
    size = np.bincount(cell_of)
    members = np.argsort(cell_of, kind="stable")  # each cell's nodes in index order
    first = np.concatenate(([0], np.cumsum(size)[:-1]))
    crowded = size > _CROWDED
    sum_x = np.bincount(cell_of, weights=xa)
    sum_y = np.bincount(cell_of, weights=ya)
    # Each cell's neighbour in each direction (-1: no such cell).
    around = np.empty((len(keys), len(_AROUND)), dtype=np.int64)
    for o, (ox, oy) in enumerate(_AROUND):
        want = keys + (ox * rows + oy)
        at = np.minimum(np.searchsorted(keys, want), len(keys) - 1)
        around[:, o] = np.where(keys[at] == want, at, -1)
    fx, fy = _exact_pushes(xa, ya, cell_of, around, crowded, size, members, first, k2)
    own = crowded[cell_of]
    n_own, x_own, y_own = size[cell_of], sum_x[cell_of], sum_y[cell_of]
    for o in range(len(_AROUND)):
        lump = around[cell_of, o]
        pushed = (lump >= 0) & crowded[np.maximum(lump, 0)]
        if not pushed.any():
            continue
        n, sx, sy = size[lump], sum_x[lump], sum_y[lump]
        # The node's own cell, less itself (a mass equal to its own cell's counts as it).
        mine = own & (n == n_own) & (sx == x_own) & (sy == y_own)
        left = np.where(mine, n - 1, n)
        ddx = np.where(mine, xa - (sx - xa) / np.maximum(n - 1, 1), xa - sx / n)
        ddy = np.where(mine, ya - (sy - ya) / np.maximum(n - 1, 1), ya - sy / n)
        d2 = np.maximum(ddx * ddx + ddy * ddy, k2 / 4)
        f = left * k2 / d2
        fx = np.where(pushed, fx + ddx * f, fx)
        fy = np.where(pushed, fy + ddy * f, fy)
    return fx, fy


def _exact_pushes(
    xa: npt.NDArray[np.float64],
    ya: npt.NDArray[np.float64],
    cell_of: npt.NDArray[np.intp],
    around: npt.NDArray[np.int64],
    crowded: npt.NDArray[np.bool_],
    size: npt.NDArray[np.intp],
    members: npt.NDArray[np.intp],
    first: npt.NDArray[np.intp],
    k2: float,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """`_repulsion`'s pushes from single nodes: each cell's neighbours from uncrowded
    cells listed in one row (`_AROUND` order, then index order), each node paired with its
    cell's row, the pairs near enough summed per node by `np.bincount`, in row order.

    A loop adds its terms from 0.0, a pair too far apart adding nothing: `np.bincount`
    adds the near pairs' terms to 0.0 one by one in the order given, which is the loop's
    order with those zeros left out (adding 0.0 changes no partial sum but a zero one, and
    the next term makes the same partial sum of either zero)."""
    cells = len(size)
    count = len(xa)
    exact = (around >= 0) & ~crowded[np.maximum(around, 0)]
    takes = np.where(exact, size[np.maximum(around, 0)], 0)  # cells x 9: nodes taken
    length = takes.sum(axis=1)
    width = int(length.max()) if cells else 0
    if not width:
        return np.zeros(count), np.zeros(count)
    # Fill each cell's row: entry (cell c, direction o) puts its neighbour's nodes at
    # the row's next free columns.
    flat = takes.ravel()
    offset = (np.cumsum(takes, axis=1) - takes).ravel()
    entry = np.repeat(np.arange(len(flat)), flat)
    within = np.arange(len(entry)) - np.repeat(np.cumsum(flat) - flat, flat)
    table = np.full((cells, width), -1, dtype=np.intp)
    table[entry // len(_AROUND), offset[entry] + within] = members[
        first[around.ravel()[entry]] + within
    ]
    # Every (node, neighbour) pair, node by node, each node's in its cell's row order.
    per_node = length[cell_of]
    node = np.repeat(np.arange(count), per_node)
    column = np.arange(len(node)) - np.repeat(np.cumsum(per_node) - per_node, per_node)
    other = table[cell_of[node], column]
    ddx = xa[node] - xa[other]
    ddy = ya[node] - ya[other]
    d2 = ddx * ddx + ddy * ddy
    near = np.flatnonzero((d2 < 4 * k2) & (node != other))
    f = k2 / np.maximum(d2[near], 0.01)
    fx = np.bincount(node[near], weights=ddx[near] * f, minlength=count).astype(np.float64)
    fy = np.bincount(node[near], weights=ddy[near] * f, minlength=count).astype(np.float64)
    return fx, fy


def _attraction(
    xa: npt.NDArray[np.float64],
    ya: npt.NDArray[np.float64],
    dx: npt.NDArray[np.float64],
    dy: npt.NDArray[np.float64],
    pulled: npt.NDArray[np.intp],
    weights: npt.NDArray[np.float64],
    distance: float,
) -> None:
    """Add each edge's pull (`pulled` rows are (a, b), `weights` theirs) to `dx`, `dy`, as
    a loop over the edges would: minus to a, plus to b, edge after edge. `np.add.at` adds
    unbuffered in index order, so with a's and b's indices interleaved every node's total
    is summed in the loop's order (x - t and x + (-t) round alike)."""
    if not len(weights):
        return
    a, b = pulled[:, 0], pulled[:, 1]
    ddx = xa[a] - xa[b]
    ddy = ya[a] - ya[b]
    f = np.sqrt(ddx * ddx + ddy * ddy) * weights / distance
    ends = pulled.ravel()
    np.add.at(dx, ends, np.stack((-(ddx * f), ddx * f), axis=1).ravel())
    np.add.at(dy, ends, np.stack((-(ddy * f), ddy * f), axis=1).ravel())


def stretch_to_aspect(points: Sequence[Point], aspect: float = ASPECT) -> list[Point]:
    """Scale x up and y down (or the reverse) about the centre, keeping the area, until
    the points' bounding box is `aspect` times as wide as high.

    A force layout settles into a round blob; screens are wide, so a round drawing opens
    either too small to read or cut off at the top and bottom.

    >>> stretch_to_aspect([(0, 0), (100, 100)], 4.0)
    [(-50, 25), (150, 75)]
    """
    if len(points) < 2:
        return list(points)
    x0, y0, x1, y1 = bounds(points)
    if x1 == x0 or y1 == y0:
        return list(points)
    factor = math.sqrt(aspect * (y1 - y0) / (x1 - x0))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return [(round(cx + (x - cx) * factor), round(cy + (y - cy) / factor)) for x, y in points]


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
    for _ in range(iterations):
        # A cell's key is one int, column * span + row (rows counted from the lowest):
        # cheaper to make and hash than a tuple of two, 400 times a pass. A column is
        # one key longer than its rows, so the key of the row above the lowest or below
        # the highest, a neighbour's, is no cell's.
        rows = [int(y // cell_h) for y in ys]
        low = min(rows)
        span = max(rows) - low + 2
        grid: dict[int, list[int]] = {}
        keys = [int(x // cell_w) * span + r - low for x, r in zip(xs, rows, strict=True)]
        for i, key in enumerate(keys):
            cell = grid.get(key)
            if cell is None:
                grid[key] = [i]
            else:
                cell.append(i)
        moved = False
        for key, here in grid.items():
            near: list[int] = []
            for around in _cells_around(key, span):
                found = grid.get(around)
                if found is not None:
                    near += found
            for i in here:
                # Only this loop's pushes move node i (j is never i): kept in locals.
                xi, yi, wi, hi = xs[i], ys[i], half_w[i], half_h[i]
                for j in near:
                    if j <= i:
                        continue
                    dx = xs[j] - xi
                    over_x = wi + half_w[j] - abs(dx)
                    if over_x <= 0:
                        continue
                    dy = ys[j] - yi
                    over_y = hi + half_h[j] - abs(dy)
                    if over_y <= 0:
                        continue
                    moved = True
                    # Along the axis that needs the smaller move, relative to the box.
                    if over_x * hi < over_y * wi:
                        push = over_x / 2 if dx >= 0 else -over_x / 2
                        xi -= push
                        xs[i] = xi
                        xs[j] += push
                    else:
                        push = over_y / 2 if dy >= 0 else -over_y / 2
                        yi -= push
                        ys[i] = yi
                        ys[j] += push
        if not moved:
            break
    return [(round(x), round(y)) for x, y in zip(xs, ys, strict=True)]


def _cells_around(key: int, span: int) -> tuple[int, ...]:
    """The keys of `separate`'s cell `key` and its 8 neighbours, in the order its pairs
    are tried: column outer, row inner (a column is `span` keys)."""
    left, right = key - span, key + span
    return (left - 1, left, left + 1, key - 1, key, key + 1, right - 1, right, right + 1)


#: Bends tried, least first, for a line that would cross an unrelated box: vis-network's
#: "curvedCW"/"curvedCCW" roundness (0 is straight, 1 a half circle).
_BENDS = (0.1, 0.2, 0.3, 0.4, 0.55, 0.7)
#: A finer and deeper choice, for views whose lines run between rows of wide boxes.
FINE_BENDS = tuple(round(0.05 * i, 2) for i in range(1, 21))
_SAMPLES = 16

Box = tuple[float, float, float, float]  # left, top, right, bottom


def curve_point(
    start: tuple[float, float], end: tuple[float, float], kind: str, roundness: float, t: float
) -> tuple[float, float]:
    """The point at `t` of vis-network 9.1.2's quadratic curve of that kind, as it draws it
    (its BezierEdgeStatic via point, copied so the build knows where a line runs)."""
    via = _via(start, end, kind, roundness)
    u = 1 - t
    return (
        u * u * start[0] + 2 * t * u * via[0] + t * t * end[0],
        u * u * start[1] + 2 * t * u * via[1] + t * t * end[1],
    )


def _via(
    start: tuple[float, float], end: tuple[float, float], kind: str, roundness: float
) -> tuple[float, float]:
    """The control point of vis-network's curve of that kind from `start` to `end`."""
    dx = end[0] - start[0]
    dy = start[1] - end[1]
    radius = math.hypot(dx, dy)
    turn = 0.5 * roundness + 0.5 if kind == "curvedCW" else -0.5 * roundness + 0.5
    angle = (math.atan2(dy, dx) + turn * math.pi) % (2 * math.pi)
    return (
        start[0] + (0.5 * roundness + 0.5) * radius * math.sin(angle),
        start[1] + (0.5 * roundness + 0.5) * radius * math.cos(angle),
    )


#: The curve parameter at each sample, and its three Bernstein weights, as `curve_point`
#: computes them (u * u, 2 * t * u, t * t with u = 1 - t), so the arrays round alike.
_T = np.arange(_SAMPLES + 1) / _SAMPLES
_U = 1 - _T
_WEIGHTS = (_U * _U, 2 * _T * _U, _T * _T)


def _curves(
    start: tuple[float, float], end: tuple[float, float], tried: Sequence[tuple[str, float]]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The x and y of `curve_point` at every sample (columns) of each curve `tried`
    ((kind, roundness), rows): the same float operations in the same order."""
    vias = np.array([_via(start, end, kind, roundness) for kind, roundness in tried])
    first, middle, last = _WEIGHTS
    xs = first * start[0] + middle * vias[:, 0:1] + last * end[0]
    ys = first * start[1] + middle * vias[:, 1:2] + last * end[1]
    return xs, ys


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


class _BoxArrays:
    """The boxes of `route_around` as arrays, to test a bundle of curves against all the
    boxes near them in a few numpy operations instead of point by point and box by box
    (that loop was a quarter of the 100,000-stance map's drawings)."""

    def __init__(self, boxes: Mapping[str, Box]) -> None:
        self.names = list(boxes)
        self.place = {n: i for i, n in enumerate(self.names)}
        table = np.array(list(boxes.values()), dtype=np.float64).reshape(-1, 4)
        self.left, self.top, self.right, self.bottom = table.T

    def counts(
        self, xs: npt.NDArray[np.float64], ys: npt.NDArray[np.float64], skip: Sequence[str]
    ) -> npt.NDArray[np.intp]:
        """For each polyline (a row of `xs`, `ys`), how many boxes it enters, `skip`
        aside: the size of `_BoxIndex.hits`' set for it.

        A box enters the test when its box and a segment's bounding box meet (closed). That
        takes in every box the grid would, and a box it leaves out is one the segment
        stays strictly away from, which `_segment_hits` never counts."""
        rows, cols = xs.shape
        ax, bx = xs[:, :-1].ravel(), xs[:, 1:].ravel()
        ay, by = ys[:, :-1].ravel(), ys[:, 1:].ravel()
        low_x, high_x = np.minimum(ax, bx), np.maximum(ax, bx)
        low_y, high_y = np.minimum(ay, by), np.maximum(ay, by)
        near = (
            (self.right >= low_x.min())
            & (self.left <= high_x.max())
            & (self.bottom >= low_y.min())
            & (self.top <= high_y.max())
        )
        for node in skip:
            if node in self.place:
                near[self.place[node]] = False
        boxes = np.flatnonzero(near)
        if not len(boxes):
            return np.zeros(rows, dtype=np.intp)
        left, top = self.left[boxes], self.top[boxes]
        right, bottom = self.right[boxes], self.bottom[boxes]
        seg, box = np.nonzero(
            (right >= low_x[:, None])
            & (left <= high_x[:, None])
            & (bottom >= low_y[:, None])
            & (top <= high_y[:, None])
        )
        hit = _segments_hit(
            (ax[seg], ay[seg]), (bx[seg], by[seg]), (left[box], top[box], right[box], bottom[box])
        )
        # Distinct (polyline, box) pairs: a box entered by two segments counts once. A
        # table of a few dozen polylines by the boxes near them, marked, is cheaper than
        # `np.unique` of the pairs (which sorts, or hashes, and copies them).
        entered = np.zeros((rows, len(boxes)), dtype=np.bool_)
        entered[seg[hit] // (cols - 1), box[hit]] = True
        counts: npt.NDArray[np.intp] = np.count_nonzero(entered, axis=1)
        return counts

    def straight_counts(
        self, edges: Sequence[tuple[str, str]], positions: Mapping[str, tuple[float, float]]
    ) -> list[int]:
        """For each edge, how many boxes its straight line enters, its own ends' aside (0
        for an edge with an end not placed): `len(_BoxIndex.hits([a, b], ends))` for all
        the edges at once, where a Python call per line was most of a drawing's routing.
        The boxes tested are those whose box meets the line's bounding box, as in
        `counts`."""
        drawn = [i for i, (o, t) in enumerate(edges) if o in positions and t in positions]
        crossed = [0] * len(edges)
        if not drawn or not self.names:
            return crossed
        ends = np.array(
            [(*positions[edges[i][0]], *positions[edges[i][1]]) for i in drawn], np.float64
        )
        own = np.array(
            [(self.place.get(edges[i][0], -1), self.place.get(edges[i][1], -1)) for i in drawn]
        )
        counts = np.zeros(len(drawn), dtype=np.intp)
        # In slices of lines, so that a slice's lines by the boxes stay about a million.
        step = max(1, (1 << 20) // len(self.names))
        for first in range(0, len(drawn), step):
            ax, ay, bx, by = ends[first : first + step].T
            line, box = np.nonzero(
                (self.right >= np.minimum(ax, bx)[:, None])
                & (self.left <= np.maximum(ax, bx)[:, None])
                & (self.bottom >= np.minimum(ay, by)[:, None])
                & (self.top <= np.maximum(ay, by)[:, None])
            )
            mine = own[first + line]
            keep = (box != mine[:, 0]) & (box != mine[:, 1])
            line, box = line[keep], box[keep]
            hit = _segments_hit(
                (ax[line], ay[line]),
                (bx[line], by[line]),
                (self.left[box], self.top[box], self.right[box], self.bottom[box]),
            )
            counts[first : first + step] = np.bincount(line[hit], minlength=len(ax))
        for i, count in zip(drawn, counts.tolist(), strict=True):
            crossed[i] = count
        return crossed


def _segments_hit(
    a: tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]],
    b: tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]],
    box: tuple[npt.NDArray[np.float64], ...],
) -> npt.NDArray[np.bool_]:
    """`_segment_hits` element by element: the same divisions, maxima and minima. Its
    early "no" once t0 > t1 is kept by the end: t0 only grows and t1 only shrinks."""
    t0 = np.zeros(len(a[0]))
    t1 = np.ones(len(a[0]))
    inside = np.ones(len(a[0]), dtype=np.bool_)
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - box[0]),
        (dx, box[2] - a[0]),
        (-dy, a[1] - box[1]),
        (dy, box[3] - a[1]),
    ):
        flat = p == 0
        inside &= ~(flat & (q < 0))
        r = q / np.where(flat, 1.0, p)
        t0 = np.where(p < 0, np.maximum(t0, r), t0)
        t1 = np.where(p > 0, np.minimum(t1, r), t1)
    hit: npt.NDArray[np.bool_] = inside & (t1 - t0 > 1e-9)
    return hit


def _tried(bends: Sequence[float]) -> list[tuple[str, float]]:
    """The curves a blocked line tries, in order: each roundness clockwise, then anti."""
    return [(kind, roundness) for roundness in bends for kind in ("curvedCW", "curvedCCW")]


def _first_clear(
    a: tuple[float, float],
    b: tuple[float, float],
    skip: Sequence[str],
    index: _BoxIndex,
    arrays: _BoxArrays,
    bends: Sequence[float],
) -> tuple[str, float] | None:
    """None when no bend clears the blocked straight line a-b, else the least bend that
    does. The first curve is tried point by point (one curve is cheaper so than a numpy
    bundle is to set up, and often clears), the others in one bundle."""
    tried = _tried(bends)
    kind, roundness = tried[0]
    first = [curve_point(a, b, kind, roundness, i / _SAMPLES) for i in range(_SAMPLES + 1)]
    if not index.hits(first, skip, first=True):
        return tried[0]
    rest = tried[1:]
    if not rest:
        return None
    clear = np.flatnonzero(arrays.counts(*_curves(a, b, rest), skip) == 0)
    return rest[int(clear[0])] if len(clear) else None


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
    arrays = _BoxArrays(boxes)
    tried = _tried(bends)
    crossed = arrays.straight_counts(edges, positions)
    index: _BoxIndex | None = None  # made for the first blocked line (most drawings have none)
    out: list[tuple[str, float] | None] = []
    for (origin, target), straight in zip(edges, crossed, strict=True):
        if straight == 0:  # clear, or an end not drawn
            out.append(None)
            continue
        a, b = positions[origin], positions[target]
        skip = (origin, target)
        if not partial:
            # Only a bend that clears every box will do: stop at the first that does.
            index = index or _BoxIndex(boxes)
            out.append(_first_clear(a, b, skip, index, arrays, bends))
            continue
        out.append(_fewest(straight, tried, arrays.counts(*_curves(a, b, tried), skip)))
    return out


def _fewest(
    straight: int, tried: Sequence[tuple[str, float]], counts: npt.NDArray[np.intp]
) -> tuple[str, float] | None:
    """The first curve that crosses fewer boxes than the straight line and every curve
    before it, trying a roundness's two curves before stopping at one that crosses none."""
    best: tuple[int, tuple[str, float] | None] = (straight, None)
    for i, curve in enumerate(tried):
        if counts[i] < best[0]:
            best = (int(counts[i]), curve)
        if i % 2 and best[0] == 0:
            break
    return best[1]


def lines_through_boxes(
    edges: Sequence[tuple[str, str, tuple[str, float] | None]],
    positions: Mapping[str, tuple[float, float]],
    sizes: Mapping[str, tuple[float, float]],
    *,
    shift: Mapping[str, float] | None = None,
) -> list[tuple[int, str]]:
    """(edge index, node) for every edge drawn as given ((origin, target, bend), bend as
    `route_around` returns it) that enters the box of a node other than its ends, boxes as
    `route_around` reads them but without its margin: what bench/layout_metrics.py counts
    in the page, so a layout can be judged at build time.

    >>> xy = {"a": (0, 0), "b": (400, 0), "m": (200, 0)}
    >>> lines_through_boxes([("a", "b", None)], xy, dict.fromkeys(xy, (100.0, 40.0)))
    [(0, 'm')]
    """
    below = shift or {}
    boxes: dict[str, Box] = {}
    for node, (x, y) in positions.items():
        w, h = sizes.get(node, (0.0, 0.0))
        cy = y + below.get(node, 0.0)
        boxes[node] = (x - w / 2, cy - h / 2, x + w / 2, cy + h / 2)
    index = _BoxIndex(boxes)
    found: list[tuple[int, str]] = []
    for i, (origin, target, bend) in enumerate(edges):
        a, b = positions.get(origin), positions.get(target)
        if a is None or b is None:
            continue
        points = (
            [a, b]
            if bend is None
            else [curve_point(a, b, bend[0], bend[1], k / _SAMPLES) for k in range(_SAMPLES + 1)]
        )
        found.extend((i, node) for node in sorted(index.hits(points, (origin, target))))
    return found


def _between(low: int, high: int, p: int) -> bool:
    return low < p < high


def _chords_cross(a: int, b: int, c: int, d: int) -> bool:
    """Whether chords a-b and c-d between slots of a circle cross (no shared end)."""
    low, high = min(a, b), max(a, b)
    return _between(low, high, c) != _between(low, high, d)


def circular_crossings(order: Sequence[str], edges: Sequence[tuple[str, str]]) -> int:
    """Crossings between the chords `edges` when `order` is placed round a circle (or any
    convex curve): two chords with four distinct ends cross when exactly one end of
    one lies between the ends of the other.

    >>> circular_crossings(["a", "b", "c", "d"], [("a", "c"), ("b", "d")])
    1
    >>> circular_crossings(["a", "c", "b", "d"], [("a", "c"), ("b", "d")])
    0
    """
    slot = {n: i for i, n in enumerate(order)}
    chords = sorted({(min(slot[a], slot[b]), max(slot[a], slot[b])) for a, b in edges if a != b})
    return sum(
        1
        for i, (a, b) in enumerate(chords)
        for c, d in chords[i + 1 :]
        if len({a, b, c, d}) == 4 and _chords_cross(a, b, c, d)
    )


def ring_order(nodes: Sequence[str], edges: Sequence[tuple[str, str]]) -> list[str]:
    """An order of `nodes` round a circle with few crossing chords.

    A greedy start (the best-linked node, then each time the node with most links to
    those placed, ties to the last placed), then sifting: each node in turn, best-linked
    first, is walked once round the circle by swaps with its neighbour and put where the
    chords crossed fewest, until a round gains nothing. Swapping neighbours u and v only
    flips the pairs (u-x, v-y) of their chords to four distinct nodes, so a walk costs
    deg(u) times the sum of the other degrees.

    >>> ring_order(["a", "b", "c", "d"], [("a", "c"), ("b", "d"), ("a", "b")])
    ['a', 'b', 'd', 'c']
    """
    near: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in edges:
        if a in near and b in near and a != b:
            near[a].add(b)
            near[b].add(a)
    order: list[str] = []
    placed: set[str] = set()
    links = dict.fromkeys(nodes, 0)
    while len(order) < len(near):
        last = order[-1] if order else None
        node = min(
            (n for n in near if n not in placed),
            key=lambda n: (-links[n], last not in near[n], -len(near[n]), n),
        )
        order.append(node)
        placed.add(node)
        for other in near[node]:
            links[other] += 1
    if len(order) < 4:
        return order
    by_links = sorted(order, key=lambda n: (-len(near[n]), n))
    for _ in range(_SIFT_ROUNDS):
        improved = False
        for node in by_links:
            start = order.index(node)
            walk = order[start:] + order[:start]  # the node first, then round the circle
            slot = {n: i for i, n in enumerate(walk)}
            gained, best, best_at = 0, 0, 0
            for step in range(len(walk) - 1):
                other = walk[step + 1]
                for x in near[node]:
                    if x == other:
                        continue
                    for y in near[other]:
                        if y not in (node, x):
                            crossed = _chords_cross(slot[node], slot[x], slot[other], slot[y])
                            gained += 1 if crossed else -1
                walk[step], walk[step + 1] = other, node
                slot[node], slot[other] = step + 1, step
                if gained > best:
                    best, best_at = gained, step + 1
            if best > 0:
                walk.remove(node)
                walk.insert(best_at, node)
                order = walk
                improved = True
        if not improved:
            break
    return order


#: Rounds of sifting at most (each round walks every node once round its ring).
_SIFT_ROUNDS = 12


def ring_positions(
    order: Sequence[str],
    sizes: Mapping[str, tuple[float, float]],
    *,
    gap: float,
    aspect: float = ASPECT,
    slack: float = 1.5,
) -> dict[str, tuple[float, float]]:
    """Centres for `order` clockwise round an ellipse `aspect` times as wide as high,
    starting at the top, centred on (0, 0), just big enough that neighbouring boxes
    (`sizes`, width and height) stay `gap` apart along the curve, times `slack` so a
    chord to a near neighbour passes inside the boxes between.

    Wide labels need more room where the curve runs across (top and bottom) than where it
    runs up and down (the sides), so each node's share of the curve follows what its box
    needs along the curve's direction at its place, found in a few rounds.

    >>> ring_positions(["a", "b"], {"a": (100.0, 40.0), "b": (100.0, 40.0)}, gap=20)
    {'a': (0.0, -43.5), 'b': (0.0, 43.5)}
    """
    count = len(order)
    if count == 0:
        return {}
    samples = 720
    unit = [
        (aspect * math.sin(2 * math.pi * k / samples), -math.cos(2 * math.pi * k / samples))
        for k in range(samples + 1)
    ]
    arc = [0.0]
    for p, q in pairwise(unit):
        arc.append(arc[-1] + math.dist(p, q))
    perimeter = arc[-1]
    share = [i / count for i in range(count)]  # where each node sits, as a part of the curve
    scale = 1.0
    for _ in range(4):
        points: list[tuple[float, float]] = []
        tangents: list[tuple[float, float]] = []
        for part in share:
            k = min(samples - 1, _index_at(arc, part * perimeter))
            points.append(unit[k])
            dx, dy = unit[k + 1][0] - unit[k][0], unit[k + 1][1] - unit[k][1]
            norm = math.hypot(dx, dy) or 1.0
            tangents.append((abs(dx) / norm, abs(dy) / norm))
        needs: list[float] = []
        for i in range(count):
            j = (i + 1) % count
            tx = (tangents[i][0] + tangents[j][0]) / 2
            ty = (tangents[i][1] + tangents[j][1]) / 2
            (wi, hi), (wj, hj) = sizes[order[i]], sizes[order[j]]
            along_x = ((wi + wj) / 2 + gap) / tx if tx > 1e-6 else math.inf
            along_y = ((hi + hj) / 2 + gap) / ty if ty > 1e-6 else math.inf
            needs.append(min(along_x, along_y))
        total = sum(needs)
        scale = max(scale, slack * total / perimeter)
        share = [0.0]
        for need in needs[:-1]:
            share.append(share[-1] + need / total)
    out: dict[str, tuple[float, float]] = {}
    for node, part in zip(order, share, strict=True):
        k = _index_at(arc, part * perimeter)
        out[node] = (round(unit[k][0] * scale, 1), round(unit[k][1] * scale, 1))
    return out


def _index_at(arc: Sequence[float], length: float) -> int:
    """The sample whose arc length from the start is nearest to `length`."""
    lo, hi = 0, len(arc) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if arc[mid] < length:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo == 0 or arc[lo] - length < length - arc[lo - 1] else lo - 1
