"""A layered (Sugiyama-style) drawing of a directed graph, deterministic and fast enough
for the 2,000 nodes a view may draw.

The four classic steps, each a small function over plain lists:

1. **Cycles**: a depth-first search in sorted order turns every back edge round, so the
   rest works on a DAG (the turned edges are the only ones drawn pointing down).
2. **Layers**: the `top` nodes (proposals) form layer 0; every other node sits one layer
   below the lowest of the nodes it points at (longest path), so every edge points up.
   Edges among `top` nodes stay on the top row; they are drawn as arcs by the caller.
3. **Order**: an edge spanning several layers gets a dummy node in each layer between,
   then barycenter sweeps down and up with adjacent transpositions reduce crossings; the
   best order seen is kept. The top row is ordered as a forest of its own edges, each
   subtree kept together, so its arcs never cross.
4. **Coordinates**: each layer in turn, every node is pulled to the weighted mean of its
   neighbours' x (dummies strongly towards the straight line between their edge's ends,
   as the page draws edges straight), and the optimum under "keep order, keep boxes
   apart" is found exactly by pool-adjacent-violators. Dummies take room in their layer,
   so boxes move off the lines that pass through it.

Why not a library: grandalf (the maintained pure-Python Sugiyama) iterates over sets in
places, so its output can depend on PYTHONHASHSEED, and needs minutes at 2,000 nodes in
its crossing reduction; Graphviz is a system binary the page build cannot assume. This
module is about 400 lines, uses only lists and dicts, and sorts every input.
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["Layered", "count_crossings", "layered"]

Edge = tuple[str, str]

# Edge weights of the coordinate step, after Gansner et al.'s "dot": a line between two
# dummies is the middle of a long edge and should run straight.
_REAL, _MIXED, _DUMMY = 1.0, 2.0, 8.0


@dataclass(frozen=True, slots=True)
class Layered:
    """The result: integer centres, the real nodes of each layer left to right, the
    waypoints (dummy centres, top to bottom) of each edge spanning more than one layer, and
    the edges drawn against their direction to break cycles."""

    positions: dict[str, tuple[int, int]]
    layers: tuple[tuple[str, ...], ...]
    routes: dict[Edge, tuple[tuple[int, int], ...]]
    turned: tuple[Edge, ...]
    crossings: int


def _clean(nodes: Sequence[str], edges: Sequence[Edge]) -> tuple[list[str], list[Edge]]:
    node_list = sorted(set(nodes))
    known = set(node_list)
    edge_list = sorted({(a, b) for a, b in edges if a in known and b in known and a != b})
    return node_list, edge_list


def _turned_edges(nodes: Sequence[str], edges: Sequence[Edge]) -> set[Edge]:
    """The back edges of an iterative depth-first search in sorted order."""
    out: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        out[a].append(b)
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    back: set[Edge] = set()
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, 0)]
        while stack:
            node, i = stack[-1]
            if i < len(out[node]):
                stack[-1] = (node, i + 1)
                nxt = out[node][i]
                seen = state.get(nxt)
                if seen == 1:
                    back.add((node, nxt))
                elif seen is None:
                    state[nxt] = 1
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                stack.pop()
    return back


def _layers(
    nodes: Sequence[str],
    upward: Sequence[Edge],
    top: Collection[str],
    bottom: Collection[str],
    width_of: Mapping[str, float] | None = None,
    max_width: float = 0.0,
) -> dict[str, int]:
    """Layer of each node: 0 for `top`, else one below its lowest target (longest path).

    `upward` edges are (lower, upper) and form a DAG. Nodes with no edge at all go to the
    bottom layer, out of the way; `bottom` nodes that nothing points up to go there too.
    """
    ups: dict[str, list[str]] = {n: [] for n in nodes}
    downs: dict[str, list[str]] = {n: [] for n in nodes}
    for lower, upper in upward:
        ups[lower].append(upper)
        downs[upper].append(lower)
    pending = {n: len(ups[n]) for n in nodes}
    ready = [n for n in nodes if pending[n] == 0]
    layer: dict[str, int] = {}
    while ready:
        node = ready.pop()
        above = [layer[u] for u in ups[node]]
        layer[node] = 0 if node in top else (max(above) + 1 if above else 1)
        for lower in downs[node]:
            pending[lower] -= 1
            if pending[lower] == 0:
                ready.append(lower)
    deepest = max(layer.values(), default=0)
    linked = {n for edge in upward for n in edge}
    for node in nodes:
        if node in top:
            continue
        if node not in linked or (node in bottom and not downs[node]):
            layer[node] = max(deepest, 1)
    if width_of is not None and max_width > 0:
        _balance(layer, downs, width_of, max_width, top)
    return layer


def _balance(
    layer: dict[str, int],
    downs: Mapping[str, list[str]],
    width_of: Mapping[str, float],
    max_width: float,
    top: Collection[str],
) -> None:
    """Move nodes down a layer, from the top, while their layer is wider than `max_width`
    and the move keeps every edge pointing up: a screen is only so wide, and a node that
    nothing argues about can sit lower at the cost of a longer line."""
    index = 1
    while True:
        row = sorted(n for n, i in layer.items() if i == index and n not in top)
        if not row and index > max(layer.values(), default=0):
            return
        width = sum(width_of.get(n, 0.0) for n in row)
        left = len(row)
        # Fewest lines first: moving them lengthens the fewest edges.
        for node in sorted(row, key=lambda n: (len(downs[n]), n)):
            # A row keeps one node: a box wider than `max_width` would move down for ever.
            if width <= max_width or left == 1:
                break
            if all(layer[m] > index + 1 for m in downs[node]):
                layer[node] = index + 1
                width -= width_of.get(node, 0.0)
                left -= 1
        index += 1


def count_crossings(order: Sequence[Sequence[str]], down: Mapping[str, Sequence[str]]) -> int:
    """Crossings between consecutive layers of `order`, `down` giving each node's
    neighbours in the next layer (accumulator tree, O(E log V) per pair of layers).

    >>> count_crossings([["a", "b"], ["c", "d"]], {"a": ["d"], "b": ["c"]})
    1
    """
    total = 0
    for upper, lower in pairwise(order):
        if len(upper) < 2 or len(lower) < 2:
            continue  # the lines fan out of one node or into one: none cross
        pos = {n: i for i, n in enumerate(lower)}
        ends = sorted((i, pos[m]) for i, n in enumerate(upper) for m in down.get(n, ()) if m in pos)
        total += _inversions([b for _, b in ends], len(lower))
    return total


def _inversions(seq: Sequence[int], size: int) -> int:
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(seq):
        # Earlier entries greater than `value` cross it.
        i = value + 1
        smaller_or_equal = 0
        while i > 0:
            smaller_or_equal += tree[i]
            i -= i & -i
        count += seen - smaller_or_equal
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def _sort_by_barycenter(
    layer: list[str], fixed: Mapping[str, int], neighbours: Mapping[str, list[str]], span: int
) -> list[str]:
    """`layer` ordered by the mean position of each node's neighbours in the fixed layer;
    a node with none keeps its relative place."""
    count = max(1, len(layer) - 1)
    keys: dict[str, float] = {}
    for i, node in enumerate(layer):
        near = [fixed[m] for m in neighbours[node] if m in fixed]
        keys[node] = sum(near) / len(near) if near else i * max(1, span - 1) / count
    return sorted(layer, key=keys.__getitem__)


def _pair_crossings(
    u: str, v: str, pos: Mapping[str, int], neighbours: Mapping[str, list[str]]
) -> int:
    """Crossings among the edges of u and v to one neighbouring layer, u left of v."""
    pu = [pos[m] for m in neighbours[u] if m in pos]
    pv = [pos[m] for m in neighbours[v] if m in pos]
    return sum(1 for a in pu for b in pv if a > b)


def _crossed_both_ways(left: Sequence[int], right: Sequence[int]) -> tuple[int, int]:
    """For two nodes' sorted neighbour positions in one adjacent layer: the crossings of
    their edges with the `left` node on the left, and with the two swapped (each as
    `_pair_crossings` counts them: pairs of ends strictly out of order)."""
    if not left or not right:
        return 0, 0
    if left[-1] < right[0]:
        return 0, len(left) * len(right)
    if left[0] > right[-1]:
        return len(left) * len(right), 0
    if len(right) == 1:
        b = right[0]
        return len(left) - bisect_right(left, b), bisect_left(left, b)
    now = swapped = 0
    size = len(right)
    for a in left:
        now += bisect_left(right, a)
        swapped += size - bisect_right(right, a)
    return now, swapped


def _transpose(
    order: list[list[str]],
    ups: Mapping[str, list[str]],
    downs: Mapping[str, list[str]],
    frozen: Collection[int],
    passes: int,
) -> None:
    """Swap neighbours in a layer while that lowers the crossings with both adjacent layers.

    A swap within a layer moves no node of the layers above and below, so each node's
    neighbour positions there are worked out once per layer and pass, sorted, and every
    pair compared from them. A layer that swapped nothing last time, and whose neighbours
    have not changed since, would swap nothing again: it is skipped, with the same result.
    (This was most of a build at 10,000 stances, when every pair listed its neighbours
    four times and compared every two ends, in every layer on every pass.)"""
    unsettled = set(range(len(order))) - set(frozen)
    for _ in range(passes):
        improved = False
        for index in range(len(order)):
            if index not in unsettled:
                continue
            if not _transpose_layer(order, index, ups, downs):
                unsettled.discard(index)
                continue
            improved = True
            unsettled.update(i for i in (index - 1, index + 1) if i not in frozen)
        if not improved:
            return


def _transpose_layer(
    order: list[list[str]],
    index: int,
    ups: Mapping[str, list[str]],
    downs: Mapping[str, list[str]],
) -> bool:
    """One left-to-right pass of adjacent swaps over `order[index]`; whether any was made."""
    layer = order[index]
    if len(layer) < 2:
        return False
    above = {n: i for i, n in enumerate(order[index - 1])} if index else {}
    below = {n: i for i, n in enumerate(order[index + 1])} if index + 1 < len(order) else {}
    up = _positions([ups[n] for n in layer], above)
    down = _positions([downs[n] for n in layer], below)
    swapped_any = False
    now: int
    swapped: int
    # `up` and `down` follow the layer's swaps, so up[i] stays the entry of layer[i].
    for i in range(len(layer) - 1):
        u_up, v_up, u_down, v_down = up[i], up[i + 1], down[i], down[i + 1]
        # Most nodes (every dummy) have one line each way: two one-item lists compare as
        # their items do.
        if len(u_up) == 1 == len(v_up):
            now, swapped = u_up > v_up, u_up < v_up
        else:
            now, swapped = _crossed_both_ways(u_up, v_up)
        if len(u_down) == 1 == len(v_down):
            now += u_down > v_down
            swapped += u_down < v_down
        else:
            more_now, more_swapped = _crossed_both_ways(u_down, v_down)
            now += more_now
            swapped += more_swapped
        if swapped < now:
            layer[i], layer[i + 1] = layer[i + 1], layer[i]
            up[i], up[i + 1] = v_up, u_up
            down[i], down[i + 1] = v_down, u_down
            swapped_any = True
    return swapped_any


def _positions(neighbours: Sequence[Sequence[str]], pos: Mapping[str, int]) -> list[list[int]]:
    """For each list of `neighbours`, the sorted positions in `pos` of those it has (one
    comprehension for all, with the single neighbour of a dummy taken directly: this was
    a third of the transpositions at 10,000 stances)."""
    return [
        ([pos[near[0]]] if near[0] in pos else [])
        if len(near) == 1
        else sorted([pos[m] for m in near if m in pos])
        for near in neighbours
    ]


def _top_row(row: list[str], keys: Mapping[str, float], parent: Mapping[str, str]) -> list[str]:
    """The top row ordered by `keys` with every subtree of the `parent` forest kept
    together, so arcs from child to parent drawn above the row never cross."""
    children: dict[str, list[str]] = {n: [] for n in row}
    roots: list[str] = []
    for node in row:
        if node in parent:
            children[parent[node]].append(node)
        else:
            roots.append(node)

    def block(node: str) -> tuple[float, list[str]]:
        items: list[tuple[float, list[str]]] = [(keys[node], [node])]
        items += [block(child) for child in children[node]]
        items.sort(key=lambda item: item[0])
        members = [n for _, ns in items for n in ns]
        return sum(keys[n] for n in members) / len(members), members

    blocks = sorted((block(r) for r in roots), key=lambda item: item[0])
    return [n for _, members in blocks for n in members]


def _forest(row: Sequence[str], edges: Sequence[Edge]) -> dict[str, str]:
    """Each top node's parent: the first node it points at, in sorted order, that is not
    below it already (so the parent links form a forest)."""
    targets: dict[str, list[str]] = {n: [] for n in row}
    for a, b in edges:
        targets[a].append(b)
    parent: dict[str, str] = {}

    def ancestors(node: str) -> set[str]:
        seen = {node}
        while node in parent:
            node = parent[node]
            seen.add(node)
        return seen

    for node in row:
        for target in targets[node]:
            if node not in ancestors(target):
                parent[node] = target
                break
    return parent


def _isotonic(target: list[float], weight: list[float]) -> list[float]:
    """The non-decreasing sequence closest to `target` in weighted least squares (PAVA)."""
    blocks: list[list[float]] = []  # [weighted sum, weight, count]
    for t, w in zip(target, weight, strict=True):
        blocks.append([t * w, w, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            s, w2, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += w2
            blocks[-1][2] += c
    out: list[float] = []
    for s, w, c in blocks:
        out.extend([s / w] * int(c))
    return out


def _place_layer(
    desired: list[float], weight: list[float], half: list[float], gaps: list[float]
) -> list[float]:
    """x for each node of a layer, in order, `half` widths plus `gaps[i - 1]` apart, as
    close as possible to `desired` (weighted least squares)."""
    if len(desired) == 1:
        # What PAVA makes of one node (its weighted mean, offset 0.0), without the lists.
        return [(desired[0] - 0.0) * weight[0] / weight[0] + 0.0]
    offsets = [0.0]
    for i in range(1, len(desired)):
        offsets.append(offsets[-1] + half[i - 1] + half[i] + gaps[i - 1])
    fitted = _isotonic([d - o for d, o in zip(desired, offsets, strict=True)], weight)
    return [f + o for f, o in zip(fitted, offsets, strict=True)]


#: Shuffled starts tried on a small view, besides the two depth-first walks: the sweeps
#: only find a local optimum, and on the curated map the best of a dozen starts has a
#: quarter fewer crossings than the best walk. Seeded, so the output stays the same.
_SHUFFLED_STARTS = 12
#: Views with more nodes (dummies included) than this get one start and fewer sweeps.
_BIG = 1500
_SMALL = 400


def _starts(
    node_list: Sequence[str],
    layer: Mapping[str, int],
    downs: Mapping[str, list[str]],
    depth: int,
) -> list[list[list[str]]]:
    """First orders for the crossing reduction: depth-first walks (and, on a small
    view, seeded shuffles of the first walk's layers)."""
    first = _dfs_order(node_list, layer, downs, depth, False)
    if len(layer) > _BIG:
        return [first]
    starts = [first, _dfs_order(node_list, layer, downs, depth, True)]
    if len(layer) <= _SMALL:
        for seed in range(_SHUFFLED_STARTS):
            rng = random.Random(seed)
            shuffled = [list(row) for row in first]
            for row in shuffled:
                rng.shuffle(row)
            starts.append(shuffled)
    return starts


def _dfs_order(
    node_list: Sequence[str],
    layer: Mapping[str, int],
    downs: Mapping[str, list[str]],
    depth: int,
    flip: bool,
) -> list[list[str]]:
    """A first order: a depth-first walk down from the top row, so related nodes start
    together (children in reversed order when `flip`)."""
    order: list[list[str]] = [[] for _ in range(depth)]
    seen: set[str] = set()
    tops = [n for n in node_list if layer[n] == 0]
    for start in (tops[::-1] if flip else tops) + sorted(layer):
        if start in seen:
            continue
        stack = [start]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            order[layer[node]].append(node)
            stack.extend(downs[node] if flip else reversed(downs[node]))
    return order


def _sort_by_median(
    layer: list[str], fixed: Mapping[str, int], neighbours: Mapping[str, list[str]]
) -> list[str]:
    """`layer` ordered by the median position of each node's neighbours in the fixed
    layer (the mean of the two middle ones for an even count); a node with none keeps
    its place."""
    keys: dict[str, float] = {}
    last = 0.0
    for node in layer:
        near = sorted(fixed[m] for m in neighbours[node] if m in fixed)
        if near:
            mid = len(near) // 2
            last = near[mid] if len(near) % 2 else (near[mid - 1] + near[mid]) / 2
        keys[node] = last
    return sorted(layer, key=keys.__getitem__)


def _minimise_crossings(
    starts: Sequence[list[list[str]]],
    ups: Mapping[str, list[str]],
    downs: Mapping[str, list[str]],
    parent: Mapping[str, str],
    *,
    rounds: int,
    passes: int,
) -> tuple[list[list[str]], int]:
    """The order with fewest crossings found from each start by sweeps down and up,
    alternating barycenters and medians, each followed by adjacent transpositions until
    they gain nothing. The top row is reordered as whole subtrees of `parent` only."""
    best: list[list[str]] = []
    best_count = -1
    for first in starts:
        order = [list(row) for row in first]
        depth = len(order)

        def reorder_top(order: list[list[str]] = order) -> None:
            below = {n: i for i, n in enumerate(order[1])} if len(order) > 1 else {}
            keys = {}
            for i, node in enumerate(order[0]):
                near = [below[m] for m in downs[node] if m in below]
                keys[node] = sum(near) / len(near) if near else float(i)
            order[0] = _top_row(order[0], keys, parent)

        reorder_top()
        count = count_crossings(order, downs)
        if best_count < 0 or count < best_count:
            best, best_count = [list(row) for row in order], count
        stale = 0
        for sweep in range(rounds):
            if best_count == 0 or stale >= 4:
                break
            median = sweep % 2 == 1
            for index in range(1, depth):
                fixed = {n: i for i, n in enumerate(order[index - 1])}
                order[index] = (
                    _sort_by_median(order[index], fixed, ups)
                    if median
                    else _sort_by_barycenter(order[index], fixed, ups, len(order[index - 1]))
                )
            _transpose(order, ups, downs, {0}, passes)
            for index in range(depth - 2, -1, -1):
                if index == 0:
                    reorder_top()
                    continue
                fixed = {n: i for i, n in enumerate(order[index + 1])}
                order[index] = (
                    _sort_by_median(order[index], fixed, downs)
                    if median
                    else _sort_by_barycenter(order[index], fixed, downs, len(order[index + 1]))
                )
            _transpose(order, ups, downs, {0}, passes)
            count = count_crossings(order, downs)
            if count < best_count:
                best, best_count = [list(row) for row in order], count
                stale = 0
            else:
                stale += 1
    return best, best_count


def _given_layers(
    node_list: Sequence[str], edge_list: Sequence[Edge], layer_of: Mapping[str, int]
) -> tuple[dict[str, int], list[Edge], list[Edge], list[Edge]]:
    """The caller's layers, the (lower, upper) edges between layers, the edges within the
    top row and those drawn against their direction."""
    layer = {n: layer_of.get(n, 0) for n in node_list}
    upward: list[Edge] = []
    top_edges: list[Edge] = []
    turned: list[Edge] = []
    for a, b in edge_list:
        if layer[a] > layer[b]:
            upward.append((a, b))
        elif layer[a] < layer[b]:
            upward.append((b, a))
            turned.append((a, b))
        elif layer[a] == 0:
            top_edges.append((a, b))
    return layer, upward, top_edges, turned


def _longest_path_layers(
    node_list: Sequence[str],
    edge_list: Sequence[Edge],
    sizes: Mapping[str, tuple[float, float]],
    top: Collection[str],
    bottom: Collection[str],
    gap: float,
    max_width: float,
) -> tuple[dict[str, int], list[Edge], list[Edge], list[Edge]]:
    """Layers by longest path (see `_layers`), cycles broken by turning back edges."""
    top_set = set(top) & set(node_list)
    rest = [n for n in node_list if n not in top_set]
    rest_set = set(rest)
    inner = [(a, b) for a, b in edge_list if a in rest_set and b in rest_set]
    back = _turned_edges(rest, inner)
    upward: list[Edge] = []
    top_edges: list[Edge] = []
    turned: list[Edge] = []
    for a, b in edge_list:
        if a in top_set and b in top_set:
            top_edges.append((a, b))
        elif a in top_set or (a, b) in back:
            upward.append((b, a))  # drawn pointing down
            turned.append((a, b))
        else:
            upward.append((a, b))
    widths = {n: sizes.get(n, (100.0, 40.0))[0] + gap for n in node_list}
    layer = _layers(node_list, sorted(set(upward)), top_set, set(bottom), widths, max_width)
    return layer, upward, top_edges, turned


def layered(
    nodes: Sequence[str],
    edges: Sequence[Edge],
    sizes: Mapping[str, tuple[float, float]],
    *,
    top: Collection[str] = (),
    bottom: Collection[str] = (),
    gap: float = 40.0,
    layer_gap: float = 90.0,
    dummy_width: float = 12.0,
    sweeps: int = 16,
    max_width: float = 0.0,
    layer_of: Mapping[str, int] | None = None,
) -> Layered:
    """Lay out `edges` (origin, target: the origin argues about the target) in layers,
    targets above origins, `top` nodes on the top row.

    `sizes` gives each node's box (width, height) on the canvas; boxes in a layer stay at
    least `gap` apart and layers `layer_gap` apart (between the tallest boxes). With
    `max_width`, nodes move down while their layer's boxes are wider than that. With
    `layer_of`, each node sits in the layer given (0 at the top) and edges join whichever
    end is higher; an edge within a layer below the top is left to the caller.

    >>> out = layered(["p", "a", "b"], [("a", "p"), ("b", "a")], {}, top=["p"])
    >>> out.layers
    (('p',), ('a',), ('b',))
    """
    node_list, edge_list = _clean(nodes, edges)
    if layer_of is not None:
        layer, upward, top_edges, turned = _given_layers(node_list, edge_list, layer_of)
    else:
        layer, upward, top_edges, turned = _longest_path_layers(
            node_list, edge_list, sizes, top, bottom, gap, max_width
        )
    depth = max(layer.values(), default=0) + 1

    # Dummy chains: the layered graph's edges all join consecutive layers.
    downs: dict[str, list[str]] = {n: [] for n in node_list}
    ups: dict[str, list[str]] = {n: [] for n in node_list}
    chains: dict[Edge, list[str]] = {}
    dummy_ends: dict[str, tuple[str, str, int, int]] = {}
    for lower, upper in sorted(set(upward)):
        span = layer[lower] - layer[upper]
        chain = [upper]
        for step in range(1, span):
            dummy = f"\0{lower}\0{upper}\0{step}"
            downs[dummy] = []
            ups[dummy] = []
            dummy_ends[dummy] = (upper, lower, step, span)
            layer[dummy] = layer[upper] + step
            chain.append(dummy)
        chain.append(lower)
        for a, b in pairwise(chain):
            downs[a].append(b)
            ups[b].append(a)
        chains[(lower, upper)] = chain

    parent = _forest([n for n in node_list if layer[n] == 0], top_edges)
    big = len(layer) > _BIG
    order, best_count = _minimise_crossings(
        _starts(node_list, layer, downs, depth),
        ups,
        downs,
        parent,
        rounds=min(sweeps, 4) if big else sweeps,
        passes=2 if big else 50,
    )

    # Coordinates: y per layer from the tallest box, x by weighted means and PAVA.
    box = {
        n: (dummy_width, 0.0) if n in dummy_ends else sizes.get(n, (100.0, 40.0))
        for row in order
        for n in row
    }
    heights = [max((box[n][1] for n in row), default=0.0) for row in order]
    ys: list[float] = []
    y = 0.0
    for i, h in enumerate(heights):
        y = 0.0 if i == 0 else y + heights[i - 1] / 2 + layer_gap + h / 2
        ys.append(y)
    x: dict[str, float] = {}
    for row in order:
        offset = 0.0
        for n in row:
            x[n] = offset + box[n][0] / 2
            offset += box[n][0] + gap
        shift = offset / 2
        for n in row:
            x[n] -= shift

    def weight(a: str, b: str) -> float:
        da, db = a in dummy_ends, b in dummy_ends
        return _DUMMY if da and db else _MIXED if da or db else _REAL

    # What each pass needs but no pass changes, worked out once: each box's pulls (its
    # neighbours and weights) and their total, each dummy's rise, each row's gaps. Every
    # float is then made by the same operations in the same order as before.
    pulls = {n: [(m, weight(n, m)) for m in (*ups[n], *downs[n])] for n in x if n not in dummy_ends}
    totals = {n: sum(w for _, w in near) for n, near in pulls.items()}
    rise = {
        d: max(1.0, ys[layer[lower]] - ys[layer[upper]])
        for d, (upper, lower, _, _) in dummy_ends.items()
    }
    # Lines may run closer to each other than to a box.
    row_gaps = [
        [
            gap / 6
            if a in dummy_ends and b in dummy_ends
            else gap / 3
            if a in dummy_ends or b in dummy_ends
            else gap
            for a, b in pairwise(row)
        ]
        for row in order
    ]
    iterations = 8 if big else 24
    for it in range(iterations):
        indices = range(depth) if it % 2 == 0 else range(depth - 1, -1, -1)
        for index in indices:
            row = order[index]
            # The top row moves too: packed, it pulled the lines from a wide layer under it
            # into shallow fans that cut through their neighbours' boxes.
            if not row:
                continue
            height = heights[index]
            desired: list[float] = []
            weights: list[float] = []
            half: list[float] = []
            for n in row:
                ends = dummy_ends.get(n)
                if ends is not None:
                    upper, lower, step, span = ends
                    x_upper, x_lower = x[upper], x[lower]
                    desired.append(x_upper + (x_lower - x_upper) * step / span)
                    weights.append(_DUMMY)
                    # A slanted line sweeps sideways across the layer's height.
                    slope = abs(x_lower - x_upper) / rise[n]
                    half.append(dummy_width / 2 + min(dummy_width, slope * height / 4))
                    continue
                total = totals[n]
                if total:
                    desired.append(sum([x[m] * w for m, w in pulls[n]]) / total)
                    weights.append(total)
                else:
                    desired.append(x[n])
                    weights.append(0.1)
                half.append(box[n][0] / 2)
            placed = _place_layer(desired, weights, half, row_gaps[index])
            for n, value in zip(row, placed, strict=True):
                x[n] = value

    left = min(x.values(), default=0.0)
    positions = {n: (round(x[n] - left), round(ys[layer[n]])) for n in node_list}
    routes: dict[Edge, tuple[tuple[int, int], ...]] = {}
    for (lower, upper), chain in chains.items():
        if len(chain) > 2:
            key = (upper, lower) if (upper, lower) in set(turned) else (lower, upper)
            routes[key] = tuple((round(x[d] - left), round(ys[layer[d]])) for d in chain[1:-1])
    return Layered(
        positions,
        tuple(tuple(n for n in row if n not in dummy_ends) for row in order),
        routes,
        tuple(turned),
        best_count,
    )
