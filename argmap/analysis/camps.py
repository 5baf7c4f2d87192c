"""The actor agreement network of discourse network analysis, and the camps in it.

The network has one pair per two actors who share a claim, so it grows as the sum over
claims of the square of each claim's number of actors (2.76 million pairs at 100,000
generated stances). `analyse` therefore never builds it as a networkx graph: `network`
counts the pairs as integers (`i * n + j` for the actors' positions `i < j` in id order)
in C-level counters and keeps them in flat arrays, and the camps' local search reads
plain index lists and revisits only actors whose neighbours moved. `agreement` still
returns the networkx graph, built from the same arrays, for callers who want one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, overload

import numpy as np
import numpy.typing as npt

from argmap.analysis.graph import StanceEdges, Stances, as_stance_edges

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "NORMALISATIONS",
    "Agreement",
    "Network",
    "agreement",
    "balance",
    "camps",
    "frustrated_edges",
    "network",
]


#: The agreement normalisations, as in discourse network analysis.
NORMALISATIONS = ("none", "average", "jaccard", "cosine")


# Comparisons of float sums use this slack so that rounding noise never moves an actor.
_EPS = 1e-12


# Each improving move lowers the frustration, so the local search ends; the cap only
# guards against floating-point ties bouncing an actor back and forth.
_MAX_PASSES = 100


def _held(stances: StanceEdges) -> dict[str, set[tuple[str, int]]]:
    """Each actor's set of (claim, sign) pairs, neutral stances left out."""
    held: dict[str, set[tuple[str, int]]] = {actor: set() for actor in stances.actors}
    for actor, claim, _, sign, _ in stances.edges:
        if sign:
            held.setdefault(actor, set()).add((claim, sign))
    return held


@dataclass(frozen=True)
class Network:
    """The signed agreement network in flat arrays (see `network`).

    `actors` are every actor in id order; pair `k` joins `actors[keys[k] // n]` and
    `actors[keys[k] % n]` (`n = len(actors)`, the first before the second) with weight
    `weights[k]` (never zero), congruence `congruence[k]` and conflict `conflict[k]`. The
    pairs are in the order they were first counted, the order of `agreement`'s edges.
    `signs[i]`, where given, is actor i's (claim number, sum of its signs on the claim)
    for each claim where that sum is not zero: with normalisation `none` each weight is
    the dot product of two actors' sums (see `_Bilinear`), which lets the camps' search
    read per-claim sums instead of the pairs.
    """

    actors: tuple[str, ...]
    keys: npt.NDArray[np.int64]
    weights: npt.NDArray[np.float64]
    congruence: npt.NDArray[np.int64]
    conflict: npt.NDArray[np.int64]
    signs: tuple[tuple[tuple[int, int], ...], ...] | None = None

    def pairs(self) -> Iterator[tuple[int, int, float]]:
        """(i, j, weight) of every pair, i < j, in the arrays' order."""
        n = max(len(self.actors), 1)
        yield from zip(
            (self.keys // n).tolist(), (self.keys % n).tolist(), self.weights.tolist(), strict=True
        )

    def sorted_edges(self) -> Agreement:
        """Every pair as (a, b, weight), a < b, sorted: `Analysis.agreement`."""
        n = max(len(self.actors), 1)
        # Keys are distinct and i * n + j orders as (i, j), that is as (a, b) in id order.
        keys, order = _sorted_places(self.keys)
        # Each weight's place among the few distinct ones (a hundred on the 100,000-stance
        # map): `np.unique` of the weights alone does not sort the millions (numpy 2), and
        # every weight is one of `values` exactly (none is NaN), so the search finds the
        # place `return_inverse` gives, with no sort of the millions for it either.
        values = np.unique(self.weights)
        inverse = np.searchsorted(values, self.weights[order])
        # The order let go and the second ends made in the sorted keys' place (the sort's
        # own array): each is as long as the pairs, 22 MiB for 2.76 M of them.
        del order
        first = keys // n
        keys %= n
        return Agreement(self.actors, first, keys, inverse, tuple(values.tolist()))

    def linked(self) -> frozenset[str]:
        """The actors with at least one pair."""
        n = max(len(self.actors), 1)
        seen = np.zeros(n, dtype=np.bool_)
        seen[self.keys // n] = True
        seen[self.keys % n] = True
        ends = np.flatnonzero(seen).tolist()
        return frozenset(map(self.actors.__getitem__, ends))


#: Pairs made into tuples at a time while an `Agreement` is read: a few MB at most.
_CHUNK = 1 << 16


class Agreement(Sequence[tuple[str, str, float]]):
    """The agreement pairs (a, b, weight), a < b, sorted: a tuple's behaviour, flat arrays' size.

    Millions of pairs on a big map (2.76 M at 100,000 stances): as a tuple of tuples they
    took 190 MiB, about a quarter of the analysis' peak, while every reader only loops
    over them. Here they are three small-integer arrays (the two actors' positions in
    id order and the weight's position among the distinct weights, a few dozen), and the
    tuples are made as they are read, from the same string and float objects each time.
    It equals a tuple with the same pairs, and prints as one.

    >>> first, second, weight = np.array([0, 0]), np.array([1, 2]), np.array([1, 0])
    >>> pairs = Agreement(("a", "b", "c"), first, second, weight, (-1.0, 2.0))
    >>> pairs
    (('a', 'b', 2.0), ('a', 'c', -1.0))
    >>> len(pairs), pairs[1], pairs[-1:], pairs == (("a", "b", 2.0), ("a", "c", -1.0))
    (2, ('a', 'c', -1.0), (('a', 'c', -1.0),), True)
    """

    __slots__ = ("_actors", "_first", "_second", "_values", "_weight")

    def __init__(
        self,
        actors: Sequence[str],
        first: npt.NDArray[np.integer[Any]],
        second: npt.NDArray[np.integer[Any]],
        weight: npt.NDArray[np.integer[Any]],
        values: Sequence[float],
    ) -> None:
        self._actors = tuple(actors)
        self._first = np.asarray(first, dtype=_index_type(len(actors)))
        self._second = np.asarray(second, dtype=_index_type(len(actors)))
        self._weight = np.asarray(weight, dtype=_index_type(len(values)))
        self._values = tuple(values)

    def __len__(self) -> int:
        return len(self._first)

    @overload
    def __getitem__(self, index: int) -> tuple[str, str, float]: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[str, str, float], ...]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[str, str, float] | tuple[tuple[str, str, float], ...]:
        if isinstance(index, slice):
            return tuple(self._pairs(index))  # numpy slices as Python does
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("agreement pair index out of range")
        return next(self._pairs(slice(index, index + 1)))

    def __iter__(self) -> Iterator[tuple[str, str, float]]:
        for start in range(0, len(self), _CHUNK):
            yield from self._pairs(slice(start, start + _CHUNK))

    def _pairs(self, part: slice) -> Iterator[tuple[str, str, float]]:
        return zip(
            map(self._actors.__getitem__, self._first[part].tolist()),
            map(self._actors.__getitem__, self._second[part].tolist()),
            map(self._values.__getitem__, self._weight[part].tolist()),
            strict=True,
        )

    @property
    def actors(self) -> tuple[str, ...]:
        """Every actor a pair may name, in id order."""
        return self._actors

    @property
    def values(self) -> tuple[float, ...]:
        """The distinct weights, ascending."""
        return self._values

    def arrays(
        self,
    ) -> tuple[
        npt.NDArray[np.integer[Any]], npt.NDArray[np.integer[Any]], npt.NDArray[np.integer[Any]]
    ]:
        """The pairs in order as three read-only index arrays (first actors, second actors,
        weights), each an index into `actors` or `values`: what a reader of millions of
        pairs computes on in numpy instead of making a tuple per pair. `actors` is in id
        order, so comparing two indexes compares the two ids.

        >>> first, second, weight = Agreement(("a", "b", "c"), np.array([0, 1]),
        ...     np.array([2, 2]), np.array([1, 0]), (-1.0, 2.0)).arrays()
        >>> first.tolist(), second.tolist(), weight.tolist(), first.flags.writeable
        ([0, 1], [2, 2], [1, 0], False)
        """
        return (
            self._read_only(self._first),
            self._read_only(self._second),
            self._read_only(self._weight),
        )

    @staticmethod
    def _read_only(array: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.integer[Any]]:
        view = array.view()  # the pairs are shared: a reader's write must not change them
        view.flags.writeable = False
        return view

    def only(self, wanted: Iterable[tuple[str, str]]) -> Agreement:
        """The pairs whose (a, b) is among `wanted`, alone, in order: what a reader that
        needs a few pairs keeps instead of millions.

        >>> pairs = Agreement(("a", "b", "c"), np.array([0, 0, 1]), np.array([1, 2, 2]),
        ...     np.array([1, 0, 1]), (-1.0, 2.0))
        >>> pairs.only([("b", "c"), ("c", "a"), ("a", "x"), ("a", "b")])
        (('a', 'b', 2.0), ('b', 'c', 2.0))
        """
        index = {a: i for i, a in enumerate(self._actors)}
        span = len(self._actors)
        keys = [index[a] * span + index[b] for a, b in wanted if a in index and b in index]
        rows = np.flatnonzero(np.isin(self._first.astype(np.int64) * span + self._second, keys))
        return Agreement(
            self._actors, self._first[rows], self._second[rows], self._weight[rows], self._values
        )

    def columns(self) -> Iterator[tuple[list[int], list[int], list[int]]]:
        """The pairs in order as (first actors, second actors, weights), a chunk at a time,
        each an index into `actors` or `values`: what a writer of millions of pairs reads
        instead of a tuple per pair."""
        for start in range(0, len(self), _CHUNK):
            part = slice(start, start + _CHUNK)
            yield (
                self._first[part].tolist(),
                self._second[part].tolist(),
                self._weight[part].tolist(),
            )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Agreement, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a tuple, but not hashed like one

    def __repr__(self) -> str:
        return repr(tuple(self))


def _index_type(count: int) -> type[np.integer[Any]]:
    return np.int32 if count < 2**31 else np.int64


def network(stances: Stances, *, normalisation: str = "none") -> Network:
    """The agreement network of `agreement`, as flat arrays instead of a graph.

    >>> import networkx as nx
    >>> st = nx.MultiDiGraph()
    >>> for actor, claim, sign in [("a", "x", 1), ("b", "x", 1), ("c", "x", -1)]:
    ...     _ = st.add_edge(actor, claim, sign=sign)
    >>> net = network(st)
    >>> net.sorted_edges()
    (('a', 'b', 1.0), ('a', 'c', -1.0), ('b', 'c', -1.0))
    """
    if normalisation not in NORMALISATIONS:
        raise ValueError(f"unknown normalisation {normalisation!r}; use one of {NORMALISATIONS}")
    held = _held(as_stance_edges(stances))
    actors = tuple(sorted(held))
    n = len(actors)
    # Each actor's pairs in order, sorted once for the holders and the sums alike.
    ordered = [sorted(held[actor]) for actor in actors]
    holders: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, pairs in enumerate(ordered):
        for pair in pairs:
            holders[pair].append(i)
    # Every pair of holders of one (claim, sign) is one congruence, every (supporter,
    # opponent) of a claim one conflict: numpy writes them as integers i * n + j in the
    # order the counting loops of the second pass met them, and counts them by sorting.
    # The keys are below n * n: 32-bit integers where that fits (every map short of
    # 46,341 actors), which halves the arrays that sorting and counting them copy.
    key_type = np.int32 if n * n < 2**31 else np.int64
    rows: list[npt.NDArray[Any]] = []
    against: list[npt.NDArray[Any]] = []
    for (claim, sign), holding in holders.items():
        h: npt.NDArray[Any] = np.array(holding, dtype=key_type)
        if len(h) > 1:
            upper, lower = _triangle(len(h))
            rows.append(h[upper] * n + h[lower])
        if sign == 1 and (claim, -1) in holders:
            opposed: npt.NDArray[Any] = np.array(holders[claim, -1], dtype=key_type)
            # Each (supporter, opponent) as the key of (earlier, later) actor, in the
            # order of the outer product. An actor who took both positions on a claim
            # is in conflict with itself: no pair.
            low, high = np.minimum.outer(h, opposed).ravel(), np.maximum.outer(h, opposed).ravel()
            against.append((low * n + high)[low != high])
    width = max(n, 1)
    # Each list is joined and let go at once: the parts and the whole would double it.
    agreeing = _first_counts(_joined(rows, key_type))
    del rows
    conflicting = _first_counts(_joined(against, key_type))
    del against
    keys, c, x = _in_counted_order(agreeing, conflicting)
    del agreeing, conflicting

    def ends() -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        sizes = np.array([len(held[actor]) for actor in actors], dtype=np.int64)
        return sizes[keys // width], sizes[keys % width]

    weights = _normalise_all(normalisation, c, x, ends)
    kept = weights != 0
    signs = _signs(ordered) if normalisation == "none" else None
    # Each array is replaced by its kept part in turn, so only one of the four (22 MiB
    # each for the 2.76 M pairs of the 100,000-stance map) is ever there twice.
    keys = keys[kept]
    weights = weights[kept]
    c = c[kept]
    x = x[kept]
    return Network(actors, keys, weights, c, x, signs)


#: Distinct keys (sorted), where each was first met, and how often: `_first_counts`.
_Counted = tuple[npt.NDArray[Any], npt.NDArray[Any], npt.NDArray[Any]]


def _in_counted_order(
    agreeing: _Counted, conflicting: _Counted
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every pair's key, congruence and conflict, from the congruent and the conflicting
    pairs' counts: the congruent pairs first, in the order first counted, then the pairs
    with conflict only (the order `agreement` always had).

    A function of its own so that its dozen arrays of the pairs' size (a few hundred MiB
    in all on the 100,000-stance map) are let go as it returns, before the weights are
    worked out and the pairs kept.

    >>> counted = _first_counts(np.array([7, 3, 7])), _first_counts(np.array([9, 3]))
    >>> [a.tolist() for a in _in_counted_order(*counted)]
    [[7, 3, 9], [2, 1, 0], [0, 1, 1]]
    """
    agree_keys, agree_first, agree_counts = agreeing
    conflict_keys, conflict_first, conflict_counts = conflicting
    # Both key lists are sorted, so each is looked up in the other in order, before the
    # congruent pairs are put in the order counted.
    agree_conflict = _counts_of(agree_keys, conflict_keys, conflict_counts)
    only = _counts_of(conflict_keys, agree_keys, agree_counts) == 0
    by_first = _order_of(agree_first, len(agree_first) and int(agree_first.max()) + 1)
    only_first = conflict_first[only]
    only_by_first = _order_of(only_first, len(only_first) and int(only_first.max()) + 1)
    keys = np.concatenate([agree_keys[by_first], conflict_keys[only][only_by_first]]).astype(
        np.int64
    )
    c = np.concatenate([agree_counts[by_first], np.zeros(len(only_by_first), dtype=np.int64)])
    x = np.concatenate([agree_conflict[by_first], conflict_counts[only][only_by_first]])
    return keys, c, x


def _signs(ordered: Sequence[list[tuple[str, int]]]) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Each actor's (claim number, sum of its signs on the claim), zero sums left out,
    from each actor's sorted (claim, sign) pairs."""
    number: dict[str, int] = {}
    found = []
    for pairs in ordered:
        total: dict[int, int] = defaultdict(int)
        for claim, sign in pairs:
            total[number.setdefault(claim, len(number))] += sign
        found.append(tuple(sorted((claim, s) for claim, s in total.items() if s)))
    return tuple(found)


@lru_cache(maxsize=64)
def _triangle(size: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Row and column of each cell above the diagonal of a size x size matrix, by rows."""
    return np.triu_indices(size, 1)


def _joined(
    parts: list[npt.NDArray[Any]], dtype: type[np.integer[Any]] = np.int64
) -> npt.NDArray[Any]:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _counts_of(
    keys: npt.NDArray[np.int64], known: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The count of each of `keys` in sorted `known` with `counts`, 0 where absent."""
    if not len(known):
        return np.zeros(len(keys), dtype=np.int64)
    at = np.minimum(np.searchsorted(known, keys), len(known) - 1)
    return np.where(known[at] == keys, counts[at], 0)


def _first_counts(
    keys: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The distinct keys (sorted), where each first occurs, and how often each occurs:
    `np.unique(keys, return_index=True, return_counts=True)`, from `_sorted_places`.

    >>> [a.tolist() for a in _first_counts(np.array([5, 2, 5, 9, 2, 5], dtype=np.int32))]
    [[2, 5, 9], [1, 0, 3], [2, 3, 1]]
    """
    ordered, places = _sorted_places(keys)
    # Where each run of equal keys starts (none in no keys).
    starts = np.flatnonzero(
        np.concatenate((ordered[:1] == ordered[:1], ordered[1:] != ordered[:-1]))
    )
    return ordered[starts], places[starts], np.diff(np.append(starts, len(keys)))


def _sorted_places(keys: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
    """`keys` sorted, and the stable sort's order: `keys[order]` and `order`, with
    `order = np.argsort(keys, kind="stable")`.

    Keys within 32 bits are each packed with its place into one 64-bit integer, and
    those are sorted by value, which orders them by key then by place, the stable order:
    numpy sorts integers by value several times quicker than it argsorts them stably,
    the millions of agreement pairs' keys included.

    >>> [a.tolist() for a in _sorted_places(np.array([5, -2, 5, 9, -2]))]
    [[-2, -2, 5, 5, 9], [1, 4, 0, 2, 3]]
    """
    count = len(keys)
    if not count or count >= 2**32 or keys.min() < -(2**31) or keys.max() >= 2**31:
        order = np.argsort(keys, kind="stable")
        return keys[order], order
    # In place where numpy allows: the 2.76 M keys of the 100,000-stance map's pairs took
    # five 22 MiB arrays at once with a new array per step, three this way.
    packed = keys.astype(np.int64)
    packed <<= 32
    packed |= np.arange(count, dtype=np.int64)
    packed.sort()
    places = packed & 0xFFFFFFFF
    packed >>= 32
    return packed.astype(keys.dtype, copy=False), places


def _order_of(distinct: npt.NDArray[np.integer[Any]], size: int) -> npt.NDArray[np.intp]:
    """`np.argsort(distinct)` of distinct integers in `range(size)`, by placing each at
    its value instead of sorting: linear, where the sort of the millions of pairs' first
    places was a tenth of `network` on the 100,000-stance map. Distinct values leave one
    order that sorts them, so it is the stable sort's.

    >>> _order_of(np.array([7, 0, 3]), 8).tolist()
    [1, 2, 0]
    """
    slot = np.full(size, -1, dtype=np.intp)
    slot[distinct] = np.arange(len(distinct), dtype=np.intp)
    return slot[slot >= 0]


def agreement(stances: Stances, *, normalisation: str = "none") -> nx.Graph:
    """The signed actor agreement network of discourse network analysis (Leifeld).

    For actors a and b with sets A and B of (claim, position) pairs, congruence `c` is the
    number of pairs they share and conflict `x` the number of claims one supports and the
    other opposes (an actor who took both positions on a claim counts on both sides, as in
    DNA). The edge weight is congruence minus conflict, normalised by `normalisation`:
    `none`: `c - x`; `average` (average activity): `(c - x) / ((|A| + |B|) / 2)`;
    `jaccard`: `c / |A ∪ B| - x / |A ∪ flip(B)|`, i.e. `c / (|A|+|B|-c) - x / (|A|+|B|-x)`;
    `cosine`: `(c - x) / sqrt(|A| |B|)`, the cosine of the actors' +1/-1 claim vectors.
    All but `none` lie in [-1, 1]. Every actor is a node; an edge (attributes `weight`,
    `congruence`, `conflict`) joins two actors only where the weight is not zero.
    The network has one pair per two actors sharing a claim, so building it costs the sum
    over claims of the square of the claim's number of actors: the size of the output.
    (`network` gives the same pairs as flat arrays, without a dict per edge.)

    >>> import networkx as nx
    >>> st = nx.MultiDiGraph()
    >>> for actor, claim, sign in [("a", "x", 1), ("b", "x", 1), ("b", "y", 1), ("c", "x", -1)]:
    ...     _ = st.add_edge(actor, claim, sign=sign)
    >>> sorted(agreement(st).edges(data="weight"))
    [('a', 'b', 1.0), ('a', 'c', -1.0), ('b', 'c', -1.0)]
    >>> round(agreement(st, normalisation="cosine").edges["a", "b"]["weight"], 4)
    0.7071
    """
    import networkx as nx

    net = network(stances, normalisation=normalisation)
    actors = net.actors
    graph = nx.Graph()
    graph.add_nodes_from(actors)
    graph.add_edges_from(
        (actors[i], actors[j], {"weight": weight, "congruence": c, "conflict": x})
        for (i, j, weight), c, x in zip(net.pairs(), net.congruence, net.conflict, strict=True)
    )
    return graph


def _normalise_all(
    method: str,
    c: npt.NDArray[np.int64],
    x: npt.NDArray[np.int64],
    sizes: Callable[[], tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]],
) -> npt.NDArray[np.float64]:
    """Each pair's weight from its congruence `c` and conflict `x`; `sizes()` gives the
    two actors' numbers of (claim, sign) pairs, asked only by the methods that read them
    (finding both for millions of pairs was a tenth of `network` at 100,000 stances)."""
    # The same operations in the same order as on Python numbers, each correctly rounded
    # (integers this small convert to float exactly), so the same bits.
    if method == "none":
        return (c - x).astype(np.float64)
    size_a, size_b = sizes()
    if method == "average":
        return (c - x) / ((size_a + size_b) / 2)
    if method == "jaccard":
        return c / (size_a + size_b - c) - x / (size_a + size_b - x)
    if method == "cosine":
        root: npt.NDArray[np.float64] = np.sqrt(size_a * size_b)
        return (c - x) / root
    raise ValueError(f"unknown normalisation {method!r}")  # `network` checked it already


@dataclass(frozen=True)
class _Indexed:
    """A signed network by actor position (id order): what the camps' search reads.

    `neighbours[i]` and `weights[i]` are actor i's other ends and weights, loops left
    out, in the graph's adjacency order; `edges()` yields every edge once, (i, j, w),
    in the graph's edge order, loops included.
    """

    actors: tuple[str, ...]
    neighbours: list[list[int]]
    weights: list[list[float]]
    edges: Callable[[], Iterable[tuple[int, int, float]]]


def _from_graph(graph: nx.Graph) -> _Indexed:
    actors = tuple(sorted(graph))
    index = {actor: i for i, actor in enumerate(actors)}
    neighbours: list[list[int]] = [[] for _ in actors]
    weights: list[list[float]] = [[] for _ in actors]
    for actor, others in graph.adjacency():
        i = index[actor]
        for other, edge in others.items():
            if other != actor:
                neighbours[i].append(index[other])
                weights[i].append(edge.get("weight", 1))

    def edges() -> Iterator[tuple[int, int, float]]:
        for a, b, weight in graph.edges(data="weight", default=1):
            yield index[a], index[b], weight

    return _Indexed(actors, neighbours, weights, edges)


def _from_network(net: Network) -> _Indexed:
    count = len(net.actors)
    neighbours: list[list[int]] = [[] for _ in range(count)]
    weights: list[list[float]] = [[] for _ in range(count)]
    for i, j, weight in net.pairs():
        neighbours[i].append(j)
        weights[i].append(weight)
        neighbours[j].append(i)
        weights[j].append(weight)

    def edges() -> Iterator[tuple[int, int, float]]:
        # networkx's edge order on the graph `agreement` builds: nodes in id order, each
        # node's neighbours in adjacency order, every edge from its earlier end.
        for i in range(count):
            for j, weight in zip(neighbours[i], weights[i], strict=True):
                if j > i:
                    yield i, j, weight

    return _Indexed(net.actors, neighbours, weights, edges)


def camps(
    agreement: nx.Graph | Network, *, lean: Mapping[str, float] | None = None
) -> tuple[tuple[str, ...], ...]:
    """Split the actors into camps by structural balance on the signed agreement network.

    The frustration of a partition is the weight of positive edges between camps plus
    the weight of negative edges inside camps; a balanced network has a partition with
    none. A local search runs from two deterministic starts and the partition with the
    lower frustration wins (the first start on a tie):

    1. by `lean` (each actor's mean position score): actors leaning for in one camp,
       actors leaning against in another; then each other actor, in id order, joins the
       camp its agreement edges pull it to most, or stays alone if none pulls;
    2. by structure: each connected part of the network split in two along a maximum
       spanning forest (Kruskal's order, strongest edge first, ties by id; an agreement
       puts two actors on one side, a conflict on opposite sides), which is exact when
       the part is balanced; the sides join the camps of start 1 by their total lean.

    The search makes passes over the actors in id order, moving each to the camp (or a
    new camp of its own) that lowers the frustration most, until no move lowers it; ties
    keep the actor where it is, then go to the lowest-numbered camp. So a third camp
    appears only where it lowers the frustration, and an actor with no agreement edge
    stays in the camp of its lean, or alone without one. An actor none of whose
    neighbours moved since it was last weighed would stay, so it is not weighed again.
    Sorting the edges and each pass cost O(E log E). Camps are sorted largest first,
    then by first member. `agreement` is a graph or a `Network`; on a `Network` with
    normalisation `none` the search reads per-claim sums, not the pairs (`_Bilinear`).

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=1)
    >>> g.add_edge("b", "c", weight=-1)
    >>> camps(g)
    (('a', 'b'), ('c',))
    """
    if isinstance(agreement, Network):
        return _camps(_search_of(agreement), lean or {})[0]
    return _camps(_over_pairs(_from_graph(agreement)), lean or {})[0]


def balance(
    net: Network, *, lean: Mapping[str, float] | None = None
) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, str], ...]]:
    """`camps` of `net` and its `frustrated_edges`, from one index of the network.

    >>> import networkx as nx
    >>> st = nx.MultiDiGraph()
    >>> for actor, claim, sign in [("a", "x", 1), ("b", "x", 1), ("c", "x", -1)]:
    ...     _ = st.add_edge(actor, claim, sign=sign)
    >>> balance(network(st))
    ((('a', 'b'), ('c',)), ())
    """
    found, cost, camp_of = _camps(_search_of(net), lean or {})
    if cost == 0.0:  # every weight is non-zero, so no edge is frustrated
        return found, ()
    n = max(len(net.actors), 1)
    camp = np.array(camp_of, dtype=np.int64)
    first, second = net.keys // n, net.keys % n
    broken = (net.weights > 0) != (camp[first] == camp[second])
    # Keys are distinct and order as (first, second): sorting them sorts the pairs.
    order = np.argsort(net.keys[broken], kind="stable")
    actors = net.actors
    return found, tuple(
        zip(
            map(actors.__getitem__, first[broken][order].tolist()),
            map(actors.__getitem__, second[broken][order].tolist()),
            strict=True,
        )
    )


@dataclass(frozen=True)
class _Search:
    """What the camps' search needs of a network: two starts, the moves, the cost."""

    actors: tuple[str, ...]
    starts: tuple[Callable[[Sequence[float]], list[int]], ...]
    local_moves: Callable[[Sequence[int]], list[int]]
    frustration: Callable[[Sequence[int]], float]


def _over_pairs(net: _Indexed) -> _Search:
    """The search over every pair of an indexed network (any weights)."""
    return _Search(
        net.actors,
        (partial(_lean_start, net), partial(_balanced_start, net)),
        partial(_local_moves, net),
        partial(_frustration, net),
    )


def _search_of(net: Network) -> _Search:
    if net.signs is None:
        return _over_pairs(_from_network(net))
    bilinear = _Bilinear(net, net.signs)
    return _Search(
        net.actors,
        (bilinear.lean_start, bilinear.balanced_start),
        bilinear.local_moves,
        bilinear.frustration,
    )


def _camps(
    search: _Search, lean: Mapping[str, float]
) -> tuple[tuple[tuple[str, ...], ...], float, list[int]]:
    """The camps, their frustration and each actor's camp by position."""
    best: list[int] | None = None
    best_cost = math.inf
    leaning = [lean.get(actor, 0.0) for actor in search.actors]
    for make_start in search.starts:
        if best_cost <= _EPS:
            break  # balanced already: nothing can do better
        camp_of = search.local_moves(make_start(leaning))
        cost = search.frustration(camp_of)
        if cost < best_cost - _EPS:
            best, best_cost = camp_of, cost
    members: dict[int, list[str]] = defaultdict(list)
    for actor, camp in zip(search.actors, best or [], strict=False):
        members[camp].append(actor)
    found = sorted((tuple(group) for group in members.values()), key=lambda g: (-len(g), g))
    return tuple(found), best_cost, best or []


def _frustration(net: _Indexed, camp_of: Sequence[int]) -> float:
    return float(
        sum(
            abs(weight)
            for a, b, weight in net.edges()
            if (weight > 0) != (camp_of[a] == camp_of[b])
        )
    )


def _choice(pull: Mapping[int, float], current: int) -> tuple[int, bool]:
    """Where the search moves an actor pulled so to the camps: (camp, whether a new one).

    Moving to camp X changes frustration by W(current) - W(X), where W(X) is the signed
    weight from the actor to X's members (`pull`, which has the camps of the actor's
    neighbours); a new camp has W = 0, so the actor leaves for one only when even the
    best camp pulls it away.
    """
    best, best_pull = current, pull.get(current, 0.0)
    for camp in sorted(pull):
        if pull[camp] > best_pull + _EPS:
            best, best_pull = camp, pull[camp]
    return best, best_pull < -_EPS  # only when not alone: alone, W(current) is 0


def _local_moves(net: _Indexed, start: Sequence[int]) -> list[int]:
    camp_of = list(start)
    neighbours, weights = net.neighbours, net.weights
    next_camp = max(camp_of, default=0) + 1
    # An actor is weighed again only once a neighbour has moved: with the same camps
    # around it, it would make the same choice, which is to stay.
    dirty = [True] * len(camp_of)
    for _ in range(_MAX_PASSES):
        moved = False
        for actor, others in enumerate(neighbours):
            if not dirty[actor]:
                continue
            dirty[actor] = False
            pull: dict[int, float] = defaultdict(float)
            for other, weight in zip(others, weights[actor], strict=True):
                pull[camp_of[other]] += weight
            best, new = _choice(pull, camp_of[actor])
            if new:
                best, next_camp = next_camp, next_camp + 1
            if best != camp_of[actor]:
                camp_of[actor] = best
                moved = True
                for other in others:
                    dirty[other] = True
        if not moved:
            break
    return camp_of


def _by_lean(lean: Sequence[float]) -> tuple[list[int], list[int]]:
    """Each actor's camp by its lean (0 for, 1 against, -1 not yet placed), and the
    actors without a lean, in order: the first step of both lean starts."""
    camp_of = [-1] * len(lean)
    undecided = []
    for actor, side in enumerate(lean):
        if side:
            camp_of[actor] = 0 if side > 0 else 1
        else:
            undecided.append(actor)
    return camp_of, undecided


def _lean_start(net: _Indexed, lean: Sequence[float]) -> list[int]:
    """Camp 0 leans for, camp 1 against; the rest join the camp that pulls them most."""
    unplaced = -1
    camp_of, undecided = _by_lean(lean)
    # Placing an actor without a lean now, rather than alone, keeps the local search
    # from pulling a leaning actor out of its camp to join it.
    next_camp = 2
    for actor in undecided:
        pull: dict[int, float] = defaultdict(float)
        for other, weight in zip(net.neighbours[actor], net.weights[actor], strict=True):
            if camp_of[other] != unplaced:
                pull[camp_of[other]] += weight
        best = _joined_camp(pull)
        if best is not None:
            camp_of[actor] = best
        else:
            camp_of[actor], next_camp = next_camp, next_camp + 1
    return camp_of


def _joined_camp(pull: Mapping[int, float]) -> int | None:
    """The camp pulling an unplaced actor most (the lowest on a tie), if it pulls at all."""
    best = min(pull, key=lambda camp: (-pull[camp], camp), default=None)
    return best if best is not None and pull[best] > _EPS else None


def _balanced_start(net: _Indexed, lean: Sequence[float]) -> list[int]:
    """Camp 0 leans for, camp 1 against; other camps are numbered from 2 in id order."""
    # Positions are in id order, so ordering by them is ordering by id.
    edges = sorted((-abs(w), min(a, b), max(a, b), w) for a, b, w in net.edges())
    return _spanning_sides(len(net.actors), ((a, b, w) for _, a, b, w in edges), lean)


def _spanning_sides(
    count: int, strongest_first: Iterable[tuple[int, int, float]], lean: Sequence[float]
) -> list[int]:
    """`_balanced_start` from the edges (a < b) sorted by -|weight|, a, b."""
    parent = list(range(count))
    parity = [0] * count  # 1 when on the other side from the parent

    def find(actor: int) -> tuple[int, int]:
        path = []
        while parent[actor] != actor:
            path.append(actor)
            actor = parent[actor]
        # Path compression: point every actor on the way straight at the root.
        side = 0
        for node in reversed(path):
            side ^= parity[node]
            parity[node], parent[node] = side, actor
        return actor, side

    joins = 0
    for a, b, weight in strongest_first:
        if joins == count - 1:
            break  # one tree spans every actor: no later edge joins anything
        (root_a, side_a), (root_b, side_b) = find(a), find(b)
        if root_a != root_b and weight:
            # Attach the later root under the earlier, so the result is order-independent.
            if root_b < root_a:
                root_a, root_b = root_b, root_a
            parent[root_b] = root_a
            parity[root_b] = side_a ^ side_b ^ (1 if weight < 0 else 0)
            joins += 1
    sides: dict[int, tuple[list[int], list[int]]] = {}
    for actor in range(count):
        root, side = find(actor)
        sides.setdefault(root, ([], []))[side].append(actor)
    camp_of = [0] * count
    next_camp = 2
    for first, second in sides.values():
        pull = sum(lean[a] for a in first) - sum(lean[a] for a in second)
        if abs(pull) > _EPS:
            for_camp, against_camp = (0, 1) if pull > 0 else (1, 0)
            for actor in first:
                camp_of[actor] = for_camp
            for actor in second:
                camp_of[actor] = against_camp
            continue
        for group in (first, second):
            if group:
                for actor in group:
                    camp_of[actor] = next_camp
                next_camp += 1
    return camp_of


class _Bilinear:
    """The camps' search on a network whose weights are dot products of per-claim sums.

    With normalisation `none`, w(a, b) = c - x = Σ over claims of σa·σb, σ being an
    actor's sum of signs on the claim (+1, -1, or 0 for both positions). So actor a's
    pull to camp X, Σ over X's members b of w(a, b), is Σ over a's claims of σa times
    the sum of X's members' σ on the claim, less a's own σa² when a is in X: per-claim,
    per-camp sums, kept as actors move, read in time linear in a's claims and the camps
    on them instead of a's pairs. All integers, so every sum is exact and equals the
    pairs' sum. The moves are those of `_local_moves` exactly; where they depend on
    which camps hold a neighbour at all (see `_pull`), the actor's pairs are counted.
    """

    def __init__(self, net: Network, signs: Sequence[Sequence[tuple[int, int]]]) -> None:
        self.net = net
        self.signs = signs
        claims = 1 + max((claim for held in signs for claim, _ in held), default=-1)
        self.holders: list[list[tuple[int, int]]] = [[] for _ in range(claims)]
        for actor, held in enumerate(signs):
            for claim, sign in held:
                self.holders[claim].append((actor, sign))
        self.own = [sum(sign * sign for _, sign in held) for held in signs]

    def _sums(self, camp_of: Sequence[int], placed: Iterable[int]) -> list[dict[int, int]]:
        """Per claim, per camp: the sum of the placed actors' σ, zero sums left out."""
        sums: list[dict[int, int]] = [{} for _ in self.holders]
        for actor in placed:
            self._add(sums, actor, camp_of[actor], 1)
        return sums

    def _add(self, sums: list[dict[int, int]], actor: int, camp: int, times: int) -> None:
        for claim, sign in self.signs[actor]:
            total = sums[claim].get(camp, 0) + times * sign
            if total:
                sums[claim][camp] = total
            else:
                del sums[claim][camp]

    def _formula(self, sums: list[dict[int, int]], actor: int) -> dict[int, int]:
        pull: dict[int, int] = defaultdict(int)
        for claim, sign in self.signs[actor]:
            for camp, total in sums[claim].items():
                pull[camp] += sign * total
        return pull

    def _pairs_pull(self, camp_of: Sequence[int], actor: int) -> dict[int, float]:
        """The pull of `_local_moves`, counted from the actor's pairs: neighbours' camps."""
        weight: dict[int, int] = defaultdict(int)
        for claim, sign in self.signs[actor]:
            for other, other_sign in self.holders[claim]:
                weight[other] += sign * other_sign
        pull: dict[int, float] = defaultdict(float)
        for other, w in weight.items():
            if w and other != actor:
                pull[camp_of[other]] += w
        return pull

    def _pull(
        self, sums: list[dict[int, int]], camp_of: Sequence[int], actor: int
    ) -> Mapping[int, float]:
        current = camp_of[actor]
        pull = self._formula(sums, actor)
        pull[current] -= self.own[actor]  # the actor is not its own neighbour
        # A zero here is a camp with no neighbour or neighbours that cancel out, which
        # `_choice` tells apart only when the actor's own camp pulls it away and no other
        # camp pulls it in: then a camp holding a neighbour at zero is a place to go, and
        # no neighbour a new camp. Only then are the actor's pairs counted.
        if pull.get(current, 0) < 0 and all(
            total <= 0 for camp, total in pull.items() if camp != current
        ):
            return self._pairs_pull(camp_of, actor)
        return {camp: float(total) for camp, total in pull.items()}

    def local_moves(self, start: Sequence[int]) -> list[int]:
        """`_local_moves` on the same network: the same moves in the same order."""
        camp_of = list(start)
        sums = self._sums(camp_of, range(len(camp_of)))
        next_camp = max(camp_of, default=0) + 1
        # A move stamps the claims of the actor who moved; an actor is weighed again once
        # one of its claims has a newer stamp than its last weighing. That includes every
        # neighbour of the mover (and co-holders at weight zero, who would stay: their
        # pulls have not changed), so the moves are those of `_local_moves`.
        clock = 0
        stamp = [0] * len(self.holders)
        weighed = [-1] * len(camp_of)
        for _ in range(_MAX_PASSES):
            moved = False
            for actor, held in enumerate(self.signs):
                last = weighed[actor]
                if last >= 0 and all(stamp[claim] <= last for claim, _ in held):
                    continue
                best, new = _choice(self._pull(sums, camp_of, actor), camp_of[actor])
                if new:
                    best, next_camp = next_camp, next_camp + 1
                if best != camp_of[actor]:
                    self._add(sums, actor, camp_of[actor], -1)
                    self._add(sums, actor, best, 1)
                    camp_of[actor] = best
                    moved = True
                    clock += 1
                    for claim, _ in held:
                        stamp[claim] = clock
                weighed[actor] = clock
            if not moved:
                break
        return camp_of

    def lean_start(self, lean: Sequence[float]) -> list[int]:
        """`_lean_start` on the same network."""
        camp_of, undecided = _by_lean(lean)
        sums = self._sums(camp_of, (actor for actor, side in enumerate(lean) if side))
        next_camp = 2
        for actor in undecided:
            # Only placed actors are in the sums; a camp pulling at all has a neighbour.
            pull = self._formula(sums, actor)
            best = _joined_camp({camp: float(total) for camp, total in pull.items()})
            if best is not None:
                camp_of[actor] = best
            else:
                camp_of[actor], next_camp = next_camp, next_camp + 1
            self._add(sums, actor, camp_of[actor], 1)
        return camp_of

    def balanced_start(self, lean: Sequence[float]) -> list[int]:
        """`_balanced_start` on the same network, its edges ordered by numpy."""
        net = self.net
        n = max(len(net.actors), 1)
        order = np.lexsort((net.keys, -np.abs(net.weights)))
        keys = net.keys[order]
        edges = zip(
            (keys // n).tolist(), (keys % n).tolist(), net.weights[order].tolist(), strict=True
        )
        return _spanning_sides(len(net.actors), edges, lean)

    def frustration(self, camp_of: Sequence[int]) -> float:
        """`_frustration`: the positive weight less the signed weight inside camps.

        Frustration is the positive weight across camps plus the negative weight inside,
        which is all positive weight less the signed weight inside; the latter is half of
        Σ over claims and camps of (members' σ sum)² less each actor's own Σ σ².
        """
        weights = self.net.weights
        positive = int(weights[weights > 0].sum())
        sums = self._sums(camp_of, range(len(camp_of)))
        inside = sum(total * total for per_claim in sums for total in per_claim.values())
        return float(positive - (inside - sum(self.own)) // 2)


def frustrated_edges(
    agreement: nx.Graph, camps: Iterable[Iterable[str]]
) -> tuple[tuple[str, str], ...]:
    """The agreement edges that break balance: positive across camps, negative inside.

    Each edge is `(a, b)` with `a < b`, sorted.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=1)
    >>> g.add_edge("b", "c", weight=1)
    >>> g.add_edge("a", "c", weight=-1)
    >>> frustrated_edges(g, [("a", "b"), ("c",)])
    (('b', 'c'),)
    """
    camp_of = {actor: index for index, camp in enumerate(camps) for actor in camp}
    frustrated = []
    for a, b, weight in agreement.edges(data="weight", default=1):
        same = camp_of.get(a) == camp_of.get(b)
        if (weight > 0 and not same) or (weight < 0 and same):
            frustrated.append((a, b) if a < b else (b, a))
    return tuple(sorted(frustrated))
