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
module uses only lists and dicts and sorts every input. Inside `layered` nodes are
integer ids (names sorted, then dummies), so the crossing reduction and the coordinates
index lists instead of building a dict per layer and pass (issue 18, fifth pass); the
helpers that take names run the same code, generic over the node, or (`_transpose`)
converting names to ids and back.
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple, Protocol, TypeVar

__all__ = ["Layered", "count_crossings", "layered"]

Edge = tuple[str, str]
_N = TypeVar("_N")  # a node: an integer id inside `layered`, a name in the helpers' tests
_K = TypeVar("_K", contravariant=True)
_V = TypeVar("_V", covariant=True)

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


class _Lookup(Protocol[_K, _V]):
    """What the ordering steps read a node's position or neighbours from: in `layered` a
    list indexed by the node's integer id (no dictionary is built per layer or pass), in
    the helpers' own small API a dict keyed by name."""

    def __getitem__(self, key: _K, /) -> _V: ...


class _Places(_Lookup[_K, int], Protocol[_K]):
    """Each node's position in its layer, kept up to date as layers are reordered."""

    def __setitem__(self, key: _K, value: int, /) -> None: ...


def _number(row: Sequence[_N], pos: _Places[_N]) -> None:
    for i, n in enumerate(row):
        pos[n] = i


def _adjacent(
    order: Sequence[Sequence[_N]], ups: Mapping[_N, Sequence[_N]], downs: Mapping[_N, Sequence[_N]]
) -> tuple[dict[_N, int], dict[_N, list[_N]], dict[_N, list[_N]]]:
    """For helpers given names: each node's position in its layer and its neighbours in the
    layers above and below it (those the steps look at; others are ignored)."""
    pos: dict[_N, int] = {}
    row_of: dict[_N, int] = {}
    for r, row in enumerate(order):
        for i, n in enumerate(row):
            pos[n], row_of[n] = i, r
    up = {n: [m for m in ups.get(n, ()) if row_of.get(m) == row_of[n] - 1] for n in pos}
    down = {n: [m for m in downs.get(n, ()) if row_of.get(m) == row_of[n] + 1] for n in pos}
    return pos, up, down


def count_crossings(order: Sequence[Sequence[str]], down: Mapping[str, Sequence[str]]) -> int:
    """Crossings between consecutive layers of `order` (each node in one layer), `down`
    giving each node's neighbours in the next layer (accumulator tree, O(E log V) per pair
    of layers).

    >>> count_crossings([["a", "b"], ["c", "d"]], {"a": ["d"], "b": ["c"]})
    1
    """
    pos, _, below = _adjacent(order, {}, down)
    return _crossings(order, pos, below)


def _crossings(
    order: Sequence[Sequence[_N]], pos: _Lookup[_N, int], down: _Lookup[_N, Sequence[_N]]
) -> int:
    """`count_crossings` with positions and next-layer neighbours given."""
    total = 0
    for upper, lower in pairwise(order):
        if len(upper) < 2 or len(lower) < 2:
            continue  # the lines fan out of one node or into one: none cross
        total += _between(upper, len(lower), pos, down)
    return total


def _between(
    upper: Sequence[_N], size: int, pos: _Lookup[_N, int], down: _Lookup[_N, Sequence[_N]]
) -> int:
    """Crossings of the lines from `upper` to the layer of `size` nodes below it."""
    ends: list[int] = []
    for n in upper:
        near = down[n]
        if len(near) == 1:
            ends.append(pos[near[0]])
        elif near:
            ends.extend(sorted([pos[m] for m in near]))
    # Ends already in order cross nothing (a chain of boxes, a settled fan).
    if any(a > b for a, b in pairwise(ends)):
        return _inversions(ends, size)
    return 0


#: Up to this many line ends, `_inversions` counts by bisection into a sorted list.
_BISECT = 4096


def _inversions(seq: Sequence[int], size: int) -> int:
    """Pairs of `seq` out of order (an earlier entry greater than a later one); the
    entries are positions in a layer of `size` nodes."""
    if len(seq) > _BISECT:
        return _inversions_tree(seq, size)
    # Each entry's earlier greater ones found by bisection in the sorted entries so far:
    # an insertion is one memmove, cheaper for a few thousand ends than the tree's Python
    # loop over log(size) levels per entry; past that the memmoves grow, so the tree.
    seen: list[int] = []
    count = 0
    for i, value in enumerate(seq):
        at = bisect_right(seen, value)
        count += i - at
        seen.insert(at, value)
    return count


def _inversions_tree(seq: Sequence[int], size: int) -> int:
    """`_inversions` by an accumulator (binary indexed) tree, O(len(seq) log size)."""
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
    near = {n: [m for m in neighbours[n] if m in fixed] for n in layer}
    return _by_barycenter(layer, fixed, near, span)


def _by_barycenter(
    layer: Sequence[_N], pos: _Lookup[_N, int], near: _Lookup[_N, Sequence[_N]], span: int
) -> list[_N]:
    """`_sort_by_barycenter` with every neighbour in `near` in the fixed layer."""
    count = max(1, len(layer) - 1)
    step = max(1, span - 1)
    keys: list[float] = []
    for i, node in enumerate(layer):
        ns = near[node]
        if len(ns) == 1:
            # An int sorts as the float `pos / 1` would: int and float compare exactly.
            keys.append(pos[ns[0]])
        elif ns:
            keys.append(sum([pos[m] for m in ns]) / len(ns))
        else:
            keys.append(i * step / count)
    return [layer[i] for i in sorted(range(len(layer)), key=keys.__getitem__)]


def _sort_by_median(
    layer: list[str], fixed: Mapping[str, int], neighbours: Mapping[str, list[str]]
) -> list[str]:
    """`layer` ordered by the median position of each node's neighbours in the fixed
    layer (the mean of the two middle ones for an even count); a node with none keeps
    its place."""
    near = {n: [m for m in neighbours[n] if m in fixed] for n in layer}
    return _by_median(layer, fixed, near)


def _by_median(
    layer: Sequence[_N], pos: _Lookup[_N, int], near: _Lookup[_N, Sequence[_N]]
) -> list[_N]:
    """`_sort_by_median` with every neighbour in `near` in the fixed layer."""
    keys: list[float] = []
    last: float = 0.0
    for node in layer:
        ns = near[node]
        if len(ns) == 1:
            last = pos[ns[0]]
        elif ns:
            at = sorted([pos[m] for m in ns])
            mid = len(at) // 2
            last = at[mid] if len(at) % 2 else (at[mid - 1] + at[mid]) / 2
        keys.append(last)
    return [layer[i] for i in sorted(range(len(layer)), key=keys.__getitem__)]


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
    """Swap neighbours in a layer while that lowers the crossings with both adjacent layers
    (`_Rows.transpose` on names)."""
    names = [n for row in order for n in row]
    ids = {n: i for i, n in enumerate(names)}
    _, up, down = _adjacent(order, ups, downs)
    rows = _Rows(
        len(names),
        [[ids[m] for m in up[n]] for n in names],
        [[ids[m] for m in down[n]] for n in names],
    )
    rows.start([[ids[n] for n in row] for row in order])
    rows.transpose(frozen, passes)
    for row, moved in zip(order, rows.order, strict=True):
        row[:] = [names[v] for v in moved]


_Ends = tuple[list[int], list[int], list[int], list[list[int]]]
#: The first position of a node with no neighbour that way: past any other.
_NONE = 1 << 62


def _ends(size: int) -> _Ends:
    empty: list[int] = []
    return [_NONE] * size, [-1] * size, [0] * size, [empty] * size


def _both_ways(u: int, v: int, at: _Ends) -> tuple[int, int]:
    """`_crossed_both_ways` of the ends of u and v kept in `at`."""
    first, _, count, ends = at
    return _crossed_both_ways(
        [first[u]] if count[u] == 1 else ends[u], [first[v]] if count[v] == 1 else ends[v]
    )


class _Rows:
    """The crossing reduction's order on integer ids, with what its steps may reuse.

    `up` and `down` give each node's neighbours in the layers above and below; `pos` is
    every node's place in its layer. Each layer has a version, renewed whenever its order
    changes (a sort that gives the same order is no change). The transpositions keep
    each node's sorted neighbour positions above (below) with the version of the layer
    they were read from, and a layer found settled with the versions of itself and its
    neighbours: while those stay the same it would be found settled again, so it is not
    looked at. The crossings between two layers are kept with their versions likewise.
    Late sweeps change few layers, so most of their work is skipped; what is done is
    what was done before, in the same order, with the same results."""

    __slots__ = (
        "clock",
        "counted",
        "down",
        "down_at",
        "down_read",
        "order",
        "pos",
        "settled",
        "split",
        "up",
        "up_at",
        "up_read",
        "version",
    )

    def __init__(self, size: int, up: Sequence[Sequence[int]], down: Sequence[Sequence[int]]):
        self.up, self.down = up, down
        self.pos = [0] * size
        # Per node, of its neighbours' positions above (below): the first and last, how
        # many and all of them sorted.
        self.up_at, self.down_at = _ends(size), _ends(size)
        # What no order changes is set once: a node's count of neighbours each way, and
        # the first and last of a node with none (the empty range, see `_transpose_row`).
        for (_, _, count, _), near_of in ((self.up_at, up), (self.down_at, down)):
            for v, near in enumerate(near_of):
                count[v] = len(near)
        self.split: dict[tuple[int, bool], tuple[list[tuple[int, int]], list[int]]] = {}
        self.order: list[list[int]] = []
        self.version: list[int] = []
        self.up_read: list[int] = []
        self.down_read: list[int] = []
        self.settled: list[tuple[int, int, int] | None] = []
        self.counted: list[tuple[int, int, int] | None] = []
        self.clock = 0

    def start(self, order: list[list[int]]) -> None:
        """Take `order` (every layer a new version)."""
        self.order = order
        depth = len(order)
        self.version = [self._tick() for _ in range(depth)]
        self.up_read, self.down_read = [-1] * depth, [-1] * depth
        self.settled, self.counted = [None] * depth, [None] * depth
        self.split = {}
        for row in order:
            _number(row, self.pos)

    def _tick(self) -> int:
        self.clock += 1
        return self.clock

    def put(self, index: int, row: list[int]) -> None:
        """Make `row` layer `index`."""
        if row != self.order[index]:
            self.order[index] = row
            _number(row, self.pos)
            self.version[index] = self._tick()

    def crossings(self) -> int:
        """`count_crossings` of the order."""
        order, version, counted = self.order, self.version, self.counted
        total = 0
        for index in range(len(order) - 1):
            if len(order[index]) < 2 or len(order[index + 1]) < 2:
                continue  # the lines fan out of one node or into one: none cross
            seen = counted[index]
            if seen is not None and seen[0] == version[index] and seen[1] == version[index + 1]:
                total += seen[2]
                continue
            count = _between(order[index], len(order[index + 1]), self.pos, self.down)
            counted[index] = (version[index], version[index + 1], count)
            total += count
        return total

    def transpose(self, frozen: Collection[int], passes: int) -> None:
        """Swap neighbours in a layer while that lowers the crossings with both adjacent
        layers, up to `passes` times over the layers not `frozen`.

        A swap within a layer moves no node of the layers above and below, so each
        node's neighbour positions there are read once and sorted, and every pair
        compared from them. A layer that swapped nothing last time, and whose neighbours
        have not changed since, would swap nothing again: it is skipped, with the same
        result. (This was most of a build at 10,000 stances, when every pair listed its
        neighbours four times and compared every two ends, in every layer on every
        pass.)"""
        order = self.order
        unsettled = set(range(len(order))) - set(frozen)
        for _ in range(passes):
            improved = False
            for index in range(len(order)):
                if index not in unsettled:
                    continue
                if not self._transpose_row(index):
                    unsettled.discard(index)
                    continue
                improved = True
                unsettled.update(i for i in (index - 1, index + 1) if i not in frozen)
            if not improved:
                return

    def _read(self, index: int, above: bool, near_of: Sequence[Sequence[int]], at: _Ends) -> None:
        """Keep the first, last and (for more than one) sorted positions of the neighbours
        of each node of layer `index` in the layer above (below)."""
        split = self.split.get((index, above))
        if split is None:
            # A layer keeps its nodes, whatever their order: its nodes of one neighbour
            # that way (with it) and of more are listed once per start.
            layer = self.order[index]
            singles = [(v, near_of[v][0]) for v in layer if len(near_of[v]) == 1]
            split = singles, [v for v in layer if len(near_of[v]) > 1]
            self.split[(index, above)] = split
        pos = self.pos
        first, last, _, ends = at
        for v, m in split[0]:  # its `ends` are left stale: see `_both_ways`
            first[v] = last[v] = pos[m]
        for v in split[1]:
            e = ends[v] = sorted([pos[m] for m in near_of[v]])
            first[v] = e[0]
            last[v] = e[-1]

    def _transpose_row(self, index: int) -> bool:
        """One left-to-right pass of adjacent swaps over layer `index`; whether any was
        made."""
        layer = self.order[index]
        if len(layer) < 2:
            return False
        version = self.version
        above = version[index - 1] if index else 0
        below = version[index + 1] if index + 1 < len(version) else 0
        state = (above, version[index], below)
        if self.settled[index] == state:
            return False
        if self.up_read[index] != above:
            self._read(index, True, self.up, self.up_at)
            self.up_read[index] = above
        if self.down_read[index] != below:
            self._read(index, False, self.down, self.down_at)
            self.down_read[index] = below
        up_first, up_last, up_count, _ = self.up_at
        down_first, down_last, down_count, _ = self.down_at
        swapped_any = False
        now: int
        swapped: int
        u = layer[0]  # the left one of the pair: after a swap, still the same node
        for i in range(1, len(layer)):
            v = layer[i]
            # `_crossed_both_ways` written out for ends in disjoint ranges (a node with
            # none has the empty range (_NONE, -1), so its count of 0 gives no crossing)
            # and for two single ends in one place: most pairs, every two dummies.
            if up_last[u] < up_first[v]:
                now, swapped = 0, up_count[u] * up_count[v]
            elif up_first[u] > up_last[v]:
                now, swapped = up_count[u] * up_count[v], 0
            elif up_count[u] == 1 == up_count[v]:
                now = swapped = 0
            else:
                now, swapped = _both_ways(u, v, self.up_at)
            if down_last[u] < down_first[v]:
                swapped += down_count[u] * down_count[v]
            elif down_first[u] > down_last[v]:
                now += down_count[u] * down_count[v]
            elif down_count[u] != 1 or down_count[v] != 1:
                more_now, more_swapped = _both_ways(u, v, self.down_at)
                now += more_now
                swapped += more_swapped
            if swapped < now:
                layer[i - 1], layer[i] = v, u
                swapped_any = True
            else:
                u = v
        if swapped_any:
            _number(layer, self.pos)
            version[index] = self._tick()
        else:
            self.settled[index] = state
        return swapped_any


def _top_row(row: list[_N], keys: Mapping[_N, float], parent: Mapping[_N, _N]) -> list[_N]:
    """The top row ordered by `keys` with every subtree of the `parent` forest kept
    together, so arcs from child to parent drawn above the row never cross."""
    children: dict[_N, list[_N]] = {n: [] for n in row}
    roots: list[_N] = []
    for node in row:
        if node in parent:
            children[parent[node]].append(node)
        else:
            roots.append(node)

    def block(node: _N) -> tuple[float, list[_N]]:
        items: list[tuple[float, list[_N]]] = [(keys[node], [node])]
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


def _isotonic(target: Sequence[float], weight: Sequence[float]) -> list[float]:
    """The non-decreasing sequence closest to `target` in weighted least squares (PAVA)."""
    # Blocks as (mean, sum, weight, count), each block's mean kept rather than divided
    # again: the same sums, the same divisions, so the same floats. The last block is
    # held apart, so a target that pools with nothing costs one comparison.
    blocks: list[tuple[float, float, float, int]] = []
    top: tuple[float, float, float, int] | None = None
    for t, w in zip(target, weight, strict=True):
        s = t * w
        mean = s / w
        c = 1
        while top is not None and top[0] >= mean:
            s = top[1] + s
            w = top[2] + w
            c += top[3]
            mean = s / w
            top = blocks.pop() if blocks else None
        if top is not None:
            blocks.append(top)
        top = (mean, s, w, c)
    if top is not None:
        blocks.append(top)
    if len(blocks) == len(target):
        return [block[0] for block in blocks]
    out: list[float] = []
    for mean, _, _, c in blocks:
        out += [mean] * c
    return out


def _offsets(half: Sequence[float], gaps: Sequence[float]) -> list[float]:
    """Each box's offset from the first when packed `half` widths plus `gaps` apart."""
    offsets = [0.0]
    for i in range(1, len(half)):
        offsets.append(offsets[-1] + half[i - 1] + half[i] + gaps[i - 1])
    return offsets


def _place_layer(
    desired: list[float], weight: list[float], half: list[float], gaps: list[float]
) -> list[float]:
    """x for each node of a layer, in order, `half` widths plus `gaps[i - 1]` apart, as
    close as possible to `desired` (weighted least squares).

    The plain form of a row's step: `_coordinates` writes it out per kind of row
    (`_place_boxes`, `_place_lines`, the inline cases), each giving these floats, and
    the tests hold them to it."""
    if len(desired) == 1:
        # What PAVA makes of one node (its weighted mean, offset 0.0), without the lists.
        return [(desired[0] - 0.0) * weight[0] / weight[0] + 0.0]
    return _fit(desired, weight, _offsets(half, gaps))


def _fit(
    desired: Sequence[float], weight: Sequence[float], offsets: Sequence[float]
) -> list[float]:
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
    tops = [n for n in node_list if layer[n] == 0]
    return list(_first_orders(tops, sorted(layer), layer, downs, depth))


def _first_orders(
    tops: Sequence[_N],
    everyone: Sequence[_N],
    layer: _Lookup[_N, int],
    downs: _Lookup[_N, Sequence[_N]],
    depth: int,
) -> Iterator[list[list[_N]]]:
    """`_starts` from the top row and every node (dummies included) in name order, one
    at a time: the crossing reduction stops asking once it has an order without
    crossings (most argument drawings of a debate), so the rest are never made."""
    first = _walk(tops, everyone, layer, downs, depth, False)
    yield first
    if len(everyone) > _BIG:
        return
    yield _walk(tops, everyone, layer, downs, depth, True)
    if len(everyone) > _SMALL:
        return
    for seed in range(_SHUFFLED_STARTS):
        rng = random.Random(seed)
        shuffled: list[list[_N]] = []
        for row in first:
            # Shuffling one item draws no random number; the starts are copied before
            # anything reorders them, so such a row is shared.
            if len(row) > 1:
                row = list(row)
                rng.shuffle(row)
            shuffled.append(row)
        yield shuffled


def _dfs_order(
    node_list: Sequence[str],
    layer: Mapping[str, int],
    downs: Mapping[str, list[str]],
    depth: int,
    flip: bool,
) -> list[list[str]]:
    """A first order: a depth-first walk down from the top row, so related nodes start
    together (children in reversed order when `flip`)."""
    tops = [n for n in node_list if layer[n] == 0]
    return _walk(tops, sorted(layer), layer, downs, depth, flip)


def _walk(
    tops: Sequence[_N],
    everyone: Sequence[_N],
    layer: _Lookup[_N, int],
    downs: _Lookup[_N, Sequence[_N]],
    depth: int,
    flip: bool,
) -> list[list[_N]]:
    """`_dfs_order` from the top row, then from every node in name order."""
    order: list[list[_N]] = [[] for _ in range(depth)]
    seen: set[_N] = set()
    for start in [*(tops[::-1] if flip else tops), *everyone]:
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


def _minimise_crossings(
    starts: Iterable[list[list[int]]],
    rows: _Rows,
    parent: Mapping[int, int],
    *,
    rounds: int,
    passes: int,
) -> tuple[list[list[int]], int]:
    """The order with fewest crossings found from each start by sweeps down and up,
    alternating barycenters and medians, each followed by adjacent transpositions until
    they gain nothing. The top row is reordered as whole subtrees of `parent` only.
    An order without crossings ends the search: no later one could be better."""
    best: list[list[int]] = []
    best_count = -1
    pos, up, down = rows.pos, rows.up, rows.down
    for first in starts:
        rows.start([list(row) for row in first])
        order = rows.order
        depth = len(order)
        rows.put(0, _top_order(order[0], pos, down, parent))
        count = rows.crossings()
        if best_count < 0 or count < best_count:
            best, best_count = [list(row) for row in order], count
        stale = 0
        for sweep in range(rounds):
            if best_count == 0 or stale >= 4:
                break
            median = sweep % 2 == 1
            for index in range(1, depth):
                rows.put(
                    index,
                    _by_median(order[index], pos, up)
                    if median
                    else _by_barycenter(order[index], pos, up, len(order[index - 1])),
                )
            rows.transpose({0}, passes)
            for index in range(depth - 2, 0, -1):
                rows.put(
                    index,
                    _by_median(order[index], pos, down)
                    if median
                    else _by_barycenter(order[index], pos, down, len(order[index + 1])),
                )
            if depth > 1:
                rows.put(0, _top_order(order[0], pos, down, parent))
            rows.transpose({0}, passes)
            count = rows.crossings()
            if count < best_count:
                best, best_count = [list(row) for row in order], count
                stale = 0
            else:
                stale += 1
        if best_count == 0:
            break
    return best, best_count


def _top_order(
    row: list[int], pos: Sequence[int], downs: Sequence[Sequence[int]], parent: Mapping[int, int]
) -> list[int]:
    """The top row by the mean place of each node's lines below, whole subtrees kept."""
    keys: dict[int, float] = {}
    for i, node in enumerate(row):
        near = downs[node]
        keys[node] = sum([pos[m] for m in near]) / len(near) if near else float(i)
    return _top_row(row, keys, parent)


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
    from argmap.load.gcpause import paused_gc

    # A layout makes many small lists and no cycle, inside a build whose heap is already
    # large: with the collector on, its young collections and the full ones they trigger
    # walk that heap again and again (over a quarter of `layered`'s time in the 20,000-statement
    # debate's build, none of it in a replay of the same calls on a small heap).
    with paused_gc():
        return _layered(
            nodes,
            edges,
            sizes,
            top,
            bottom,
            gap,
            layer_gap,
            dummy_width,
            sweeps,
            max_width,
            layer_of,
        )


def _layered(
    nodes: Sequence[str],
    edges: Sequence[Edge],
    sizes: Mapping[str, tuple[float, float]],
    top: Collection[str],
    bottom: Collection[str],
    gap: float,
    layer_gap: float,
    dummy_width: float,
    sweeps: int,
    max_width: float,
    layer_of: Mapping[str, int] | None,
) -> Layered:
    node_list, edge_list = _clean(nodes, edges)
    if layer_of is not None:
        layer, upward, top_edges, turned = _given_layers(node_list, edge_list, layer_of)
    else:
        layer, upward, top_edges, turned = _longest_path_layers(
            node_list, edge_list, sizes, top, bottom, gap, max_width
        )
    depth = max(layer.values(), default=0) + 1
    graph = _Graph.of(node_list, layer, upward, depth)

    parent = _forest([n for n in node_list if layer[n] == 0], top_edges)
    big = len(graph.names) > _BIG
    everyone = sorted(range(len(graph.names)), key=graph.names.__getitem__)
    tops = [v for v in range(len(node_list)) if graph.layer[v] == 0]
    order, best_count = _minimise_crossings(
        _first_orders(tops, everyone, graph.layer, graph.downs, depth),
        _Rows(len(graph.names), graph.up, graph.down),
        {graph.index[child]: graph.index[p] for child, p in parent.items()},
        rounds=min(sweeps, 4) if big else sweeps,
        passes=2 if big else 50,
    )
    x, ys = _coordinates(
        graph, order, sizes, gap, layer_gap, dummy_width, iterations=8 if big else 24
    )

    left = min(x, default=0.0)
    positions = {
        n: (round(x[v] - left), round(ys[graph.layer[v]])) for v, n in enumerate(node_list)
    }
    routes: dict[Edge, tuple[tuple[int, int], ...]] = {}
    turned_set = set(turned)
    for (lower, upper), chain in graph.chains.items():
        if len(chain) > 2:
            key = (upper, lower) if (upper, lower) in turned_set else (lower, upper)
            routes[key] = tuple(
                (round(x[d] - left), round(ys[graph.layer[d]])) for d in chain[1:-1]
            )
    real = len(node_list)
    return Layered(
        positions,
        tuple(tuple(graph.names[v] for v in row if v < real) for row in order),
        routes,
        tuple(turned),
        best_count,
    )


@dataclass(frozen=True, slots=True)
class _Graph:
    """The layered graph with integer ids: the real nodes 0 to n - 1 in name order, then a
    dummy in each layer an edge passes, so every edge joins consecutive layers."""

    names: list[str]
    index: dict[str, int]
    real: int  # how many real nodes: ids from `real` on are dummies
    layer: list[int]
    ups: list[list[int]]  # every neighbour above and below, in the order edges were added
    downs: list[list[int]]
    up: list[list[int]]  # those in the layer just above (all of them, unless layers wrap)
    down: list[list[int]]
    #: Each dummy's edge ends (upper, lower), its step down from the upper end and the
    #: edge's span; None for a real node.
    ends: list[tuple[int, int, int, int] | None]
    chains: dict[Edge, list[int]]

    @staticmethod
    def of(
        node_list: Sequence[str], layer: Mapping[str, int], upward: Sequence[Edge], depth: int
    ) -> _Graph:
        names = list(node_list)
        index = {n: i for i, n in enumerate(names)}
        rows = [layer[n] for n in names]
        ups: list[list[int]] = [[] for _ in names]
        downs: list[list[int]] = [[] for _ in names]
        ends: list[tuple[int, int, int, int] | None] = [None] * len(names)
        chains: dict[Edge, list[int]] = {}
        for lower, upper in sorted(set(upward)):
            lo, hi = index[lower], index[upper]
            span = rows[lo] - rows[hi]
            chain = [hi]
            for step in range(1, span):
                # Named as before, for the depth-first walks' name order.
                chain.append(len(names))
                names.append(f"\0{lower}\0{upper}\0{step}")
                rows.append(rows[hi] + step)
                ups.append([])
                downs.append([])
                ends.append((hi, lo, step, span))
            chain.append(lo)
            for a, b in pairwise(chain):
                downs[a].append(b)
                ups[b].append(a)
            chains[(lower, upper)] = chain
        # The layer a node is drawn in (a negative one counts from the bottom, as a list
        # index does): the ordering steps look only at neighbours in the adjacent layers.
        slot = [r % depth for r in rows]
        up = [[m for m in near if slot[m] == slot[v] - 1] for v, near in enumerate(ups)]
        down = [[m for m in near if slot[m] == slot[v] + 1] for v, near in enumerate(downs)]
        return _Graph(names, index, len(node_list), rows, ups, downs, up, down, ends, chains)


def _coordinates(
    graph: _Graph,
    order: Sequence[Sequence[int]],
    sizes: Mapping[str, tuple[float, float]],
    gap: float,
    layer_gap: float,
    dummy_width: float,
    *,
    iterations: int,
) -> tuple[list[float], list[float]]:
    """x of every node and y of every layer: y from the tallest box of each layer, x by
    passes down and up, each layer's boxes pulled to the weighted mean of their
    neighbours' x (dummies to the straight line between their edge's ends) and placed by
    PAVA (`_place_layer`)."""
    ends, real = graph.ends, graph.real
    box = [sizes.get(n, (100.0, 40.0)) for n in graph.names[:real]]
    box += [(dummy_width, 0.0)] * (len(ends) - real)
    heights = [
        box[row[0]][1] if len(row) == 1 else max((box[n][1] for n in row), default=0.0)
        for row in order
    ]
    ys: list[float] = []
    y = 0.0
    for i, h in enumerate(heights):
        y = 0.0 if i == 0 else y + heights[i - 1] / 2 + layer_gap + h / 2
        ys.append(y)
    x = [0.0] * len(graph.names)
    for row in order:
        if len(row) == 1:
            n = row[0]
            width = box[n][0]
            # As below: offset 0.0, then 0.0 + the width and gap.
            x[n] = (0.0 + width / 2) - (0.0 + (width + gap)) / 2
            continue
        offset = 0.0
        for n in row:
            x[n] = offset + box[n][0] / 2
            offset += box[n][0] + gap
        shift = offset / 2
        for n in row:
            x[n] -= shift

    # What each pass needs but no pass changes, worked out once: each box's pulls (its
    # neighbours and weights) and their total, each dummy's rise, and for each row of
    # more than one node its gaps, weights and (without dummies, whose room depends on
    # their slope) offsets. Every float is then made by the same operations in the same
    # order as in `_place_layer`.
    ups, downs = graph.ups, graph.downs
    pulls: list[list[tuple[int, float]]] = [
        [(m, _REAL if m < real else _MIXED) for m in ups[n] + downs[n]] for n in range(real)
    ]
    totals = [sum([w for _, w in near]) for near in pulls]
    # Only boxes pull (a dummy goes to its line), so a pull joins two boxes or a box and
    # the end of a long line, never two dummies.
    pulls += [[]] * (len(ends) - real)
    totals += [0] * (len(ends) - real)
    rise = [0.0] * real
    rise += [
        max(1.0, ys[graph.layer[e[1]]] - ys[graph.layer[e[0]]])
        for e in ends[real:]
        if e is not None
    ]
    plan, rows = _plan(order, ends, real, pulls, totals, box, rise, gap)
    pairs, triples, boxes, lines = rows
    backward = plan[::-1]
    for it in range(iterations):
        # The top row moves too: packed, it pulled the lines from a wide layer under it
        # into shallow fans that cut through their neighbours' boxes.
        for kind, n, m, w, m2, w2, total, near in plan if it % 2 == 0 else backward:
            # Each float as `_place_layer` makes it: a one-node row its weighted mean,
            # (d - 0.0) * weight / weight + 0.0, the sum of one or two pulls written
            # out as sum() makes it (0 plus each product in turn).
            if kind == _TWO_PULLS:
                d = (0.0 + x[m] * w + x[m2] * w2) / total
                x[n] = (d - 0.0) * total / total + 0.0
            elif kind == _PAIR:
                # Two boxes of two pulls each (side by side chains): `_place_boxes`
                # written out, the same operations in the same order.
                (a, ma, wa, ma2, wa2, ta, oa), (b, mb, wb, mb2, wb2, tb, ob) = pairs[n]
                sa = ((0.0 + x[ma] * wa + x[ma2] * wa2) / ta - oa) * ta
                sb = ((0.0 + x[mb] * wb + x[mb2] * wb2) / tb - ob) * tb
                mean_a, mean_b = sa / ta, sb / tb
                if mean_a >= mean_b:
                    mean_a = mean_b = (sa + sb) / (ta + tb)
                x[a] = mean_a + oa
                x[b] = mean_b + ob
            elif kind == _TRIPLE:
                # Three such boxes (three chains side by side), PAVA's three cases written
                # out: each block's sum the earlier one's plus the later one's, as it pools.
                (
                    (a, ma, wa, ma2, wa2, ta, oa),
                    (b, mb, wb, mb2, wb2, tb, ob),
                    (c, mc, wc, mc2, wc2, tc, oc),
                ) = triples[n]
                sa = ((0.0 + x[ma] * wa + x[ma2] * wa2) / ta - oa) * ta
                sb = ((0.0 + x[mb] * wb + x[mb2] * wb2) / tb - ob) * tb
                sc = ((0.0 + x[mc] * wc + x[mc2] * wc2) / tc - oc) * tc
                mean_a, mean_b, mean_c = sa / ta, sb / tb, sc / tc
                if mean_a >= mean_b:
                    s, t = sa + sb, ta + tb
                    mean_a = mean_b = s / t
                    if mean_a >= mean_c:
                        mean_a = mean_b = mean_c = (s + sc) / (t + tc)
                elif mean_b >= mean_c:
                    s, t = sb + sc, tb + tc
                    mean_b = mean_c = s / t
                    if mean_a >= mean_b:
                        mean_a = mean_b = mean_c = (sa + s) / (ta + t)
                x[a] = mean_a + oa
                x[b] = mean_b + ob
                x[c] = mean_c + oc
            elif kind == _BOXES:
                _place_boxes(x, boxes[n])
            elif kind == _ONE_PULL:
                d = (0.0 + x[m] * w) / total
                x[n] = (d - 0.0) * total / total + 0.0
            elif kind == _ONE_DUMMY:
                x_upper = x[m]
                d = x_upper + (x[m2] - x_upper) * w / w2
                x[n] = (d - 0.0) * _DUMMY / _DUMMY + 0.0
            elif kind == _MANY_PULLS:
                d = sum([x[a] * b for a, b in near]) / total
                x[n] = (d - 0.0) * total / total + 0.0
            elif kind == _STILL:
                x[n] = (x[n] - 0.0) * 0.1 / 0.1 + 0.0
            else:  # dummies, whose room depends on their slope
                _place_lines(x, lines[n], dummy_width, heights[n])
    return x, ys


# What a pass does with one row: the row's one node, a dummy or a box with no pull, one,
# two or more (most rows of a debate's drawings); two or three boxes of two pulls each
# (chains side by side); any other row of boxes; a row with dummies.
_ONE_DUMMY, _STILL, _ONE_PULL, _TWO_PULLS, _MANY_PULLS, _PAIR, _BOXES, _LINES, _TRIPLE = range(9)
#: (kind, node, then for a dummy: upper end, step, lower end, span; for a box: its first
#: two pulls (neighbour, weight), their total and all of them). A row of more than one
#: node: (kind, its index, then unused).
_Step = tuple[int, int, int, float, int, float, float, Sequence[tuple[int, float]]]
#: A box in a row of boxes: (node, offset, number of pulls, their total, its weight (the
#: total, or 0.1 for a box that nothing pulls), the first two pulls, all of them).
_Spec = tuple[int, float, int, float, float, int, float, int, float, Sequence[tuple[int, float]]]


#: A box of two pulls in a row of such boxes: (node, its pulls (neighbour, weight) and their
#: total, its offset).
_Two = tuple[int, int, float, int, float, float, float]


#: A node in a row with dummies: (node, whether a dummy; for a dummy its edge's upper and
#: lower ends, its step down and the edge's span, and the line's rise; for a box its pulls,
#: their total and its half width; then its weight and the gap before it).
_Line = tuple[
    int, bool, int, int, int, int, float, Sequence[tuple[int, float]], float, float, float, float
]


class _PlanRows(NamedTuple):
    """What a pass needs of each row of more than one node, by the row's index."""

    pairs: dict[int, tuple[_Two, _Two]]
    triples: dict[int, tuple[_Two, _Two, _Two]]
    boxes: dict[int, list[_Spec]]
    lines: dict[int, list[_Line]]


def _plan(
    order: Sequence[Sequence[int]],
    ends: Sequence[tuple[int, int, int, int] | None],
    real: int,
    pulls: Sequence[Sequence[tuple[int, float]]],
    totals: Sequence[float],
    box: Sequence[tuple[float, float]],
    rise: Sequence[float],
    gap: float,
) -> tuple[list[_Step], _PlanRows]:
    """The steps of a pass down the rows of `order` (empty rows left out) and what each
    row of more than one node needs, worked out once for every pass of `_coordinates`:
    the passes then index no list twice and test no node's kind again."""
    plan: list[_Step] = []
    rows = _PlanRows({}, {}, {}, {})
    for index, row in enumerate(order):
        if len(row) == 1:
            n = row[0]
            e = ends[n]
            near = pulls[n]
            total = totals[n]
            if e is not None:
                plan.append((_ONE_DUMMY, n, e[0], e[2], e[1], e[3], 0.0, ()))
            elif not near:
                plan.append((_STILL, n, 0, 0.0, 0, 0.0, 0.0, ()))
            elif len(near) == 1:
                plan.append((_ONE_PULL, n, *near[0], 0, 0.0, total, near))
            elif len(near) == 2:
                plan.append((_TWO_PULLS, n, *near[0], *near[1], total, near))
            else:
                plan.append((_MANY_PULLS, n, 0, 0.0, 0, 0.0, total, near))
            continue
        if not row:
            continue
        if max(row) >= real:  # dummies in it
            # Lines may run closer to each other than to a box.
            gaps = [
                gap / 6
                if ends[a] is not None and ends[b] is not None
                else gap / 3
                if ends[a] is not None or ends[b] is not None
                else gap
                for a, b in pairwise(row)
            ]
            lined: list[_Line] = []
            for n, g in zip(row, [0.0, *gaps], strict=True):
                e = ends[n]
                if e is None:
                    weight = totals[n] or 0.1
                    lined.append(
                        (n, False, 0, 0, 0, 1, 0.0, pulls[n], totals[n], box[n][0] / 2, weight, g)
                    )
                else:
                    upper, lower, step, span = e
                    lined.append(
                        (n, True, upper, lower, step, span, rise[n], (), 0.0, 0.0, _DUMMY, g)
                    )
            rows.lines[index] = lined
            plan.append((_LINES, index, 0, 0.0, 0, 0.0, 0.0, ()))
            continue
        offsets = _offsets([box[n][0] / 2 for n in row], [gap] * (len(row) - 1))
        counts = [len(pulls[n]) for n in row]
        if len(row) < 4 and counts.count(2) == len(row):
            two = [
                (n, *pulls[n][0], *pulls[n][1], totals[n], o)
                for n, o in zip(row, offsets, strict=True)
            ]
            if len(row) == 2:
                rows.pairs[index] = two[0], two[1]
                plan.append((_PAIR, index, 0, 0.0, 0, 0.0, 0.0, ()))
            else:
                rows.triples[index] = two[0], two[1], two[2]
                plan.append((_TRIPLE, index, 0, 0.0, 0, 0.0, 0.0, ()))
            continue
        specs: list[_Spec] = []
        for n, o, count in zip(row, offsets, counts, strict=True):
            near = pulls[n]
            m, w = near[0] if near else (0, 0.0)
            m2, w2 = near[1] if count > 1 else (0, 0.0)
            specs.append((n, o, count, totals[n], totals[n] or 0.1, m, w, m2, w2, near))
        rows.boxes[index] = specs
        plan.append((_BOXES, index, 0, 0.0, 0, 0.0, 0.0, ()))
    return plan, rows


def _place_boxes(x: list[float], row: Sequence[_Spec]) -> None:
    """A row of boxes placed as `_place_layer` places it: each one's pull minus its
    offset (the sum of one or two products written out: sum() adds them to 0 in turn),
    then `_isotonic` on the spot, each block kept as its mean, sum, weight and first box,
    with the same products, sums and divisions, so the same floats."""
    blocks: list[tuple[float, float, float, int]] = []
    top: tuple[float, float, float, int] | None = None
    for i, (n, o, count, total, weight, m, w, m2, w2, near) in enumerate(row):
        if count == 2:
            t = (0.0 + x[m] * w + x[m2] * w2) / total - o
        elif count == 1:
            t = (0.0 + x[m] * w) / total - o
        elif count == 0:
            t = x[n] - o
        else:
            t = sum([x[a] * b for a, b in near]) / total - o
        s = t * weight
        mean = s / weight
        first = i
        while top is not None and top[0] >= mean:
            s = top[1] + s
            weight = top[2] + weight
            first = top[3]
            mean = s / weight
            top = blocks.pop() if blocks else None
        if top is not None:
            blocks.append(top)
        top = (mean, s, weight, first)
    if top is not None:
        blocks.append(top)
    if len(blocks) == len(row):
        for (n, o, *_), (mean, *_) in zip(row, blocks, strict=True):
            x[n] = mean + o
        return
    end = len(row)
    for mean, _, _, first in reversed(blocks):
        for n, o, *_ in row[first:end]:
            x[n] = mean + o
        end = first


def _place_lines(x: list[float], row: Sequence[_Line], dummy_width: float, height: float) -> None:
    """A row with dummies placed as `_place_layer` places it: each dummy wants the
    straight line between its edge's ends and is as wide as its line's slant, each box
    its pulls' mean; their offsets, then `_isotonic` on the spot (as in `_place_boxes`),
    with the same operations in the same order, so the same floats. Every x is read
    before any is written, as when the row's targets were listed first."""
    blocks: list[tuple[float, float, float, int]] = []
    top: tuple[float, float, float, int] | None = None
    offsets: list[float] = []
    o = before = 0.0
    for i, (n, dummy, upper, lower, step, span, rise, near, total, half, weight, gap) in enumerate(
        row
    ):
        if dummy:
            x_upper, x_lower = x[upper], x[lower]
            d = x_upper + (x_lower - x_upper) * step / span
            # A slanted line sweeps sideways across the layer's height.
            slope = abs(x_lower - x_upper) / rise
            half = dummy_width / 2 + min(dummy_width, slope * height / 4)
        else:
            d = sum([x[m] * w for m, w in near]) / total if total else x[n]
        if i:
            o = o + before + half + gap
        offsets.append(o)
        before = half
        s = (d - o) * weight
        mean = s / weight
        first = i
        while top is not None and top[0] >= mean:
            s = top[1] + s
            weight = top[2] + weight
            first = top[3]
            mean = s / weight
            top = blocks.pop() if blocks else None
        if top is not None:
            blocks.append(top)
        top = (mean, s, weight, first)
    if top is not None:
        blocks.append(top)
    end = len(row)
    for mean, _, _, first in reversed(blocks):
        for j in range(first, end):
            x[row[j][0]] = mean + offsets[j]
        end = first
