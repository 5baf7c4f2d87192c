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
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "NORMALISATIONS",
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


def _held(stances: nx.MultiDiGraph) -> dict[str, set[tuple[str, int]]]:
    """Each actor's set of (claim, sign) pairs, neutral stances left out."""
    held: dict[str, set[tuple[str, int]]] = {}
    for actor, bipartite in stances.nodes(data="bipartite"):
        if bipartite == 0:
            held[actor] = set()
    for actor, claim, sign in stances.edges(data="sign"):
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
    """

    actors: tuple[str, ...]
    keys: Sequence[int]
    weights: Sequence[float]
    congruence: Sequence[int]
    conflict: Sequence[int]

    def pairs(self) -> Iterator[tuple[int, int, float]]:
        """(i, j, weight) of every pair, i < j, in the arrays' order."""
        n = len(self.actors)
        for key, weight in zip(self.keys, self.weights, strict=True):
            i, j = divmod(key, n)
            yield i, j, weight

    def sorted_edges(self) -> tuple[tuple[str, str, float], ...]:
        """Every pair as (a, b, weight), a < b, sorted: `Analysis.agreement`."""
        actors, n, weights = self.actors, len(self.actors), self.weights
        keys = self.keys
        order = sorted(range(len(keys)), key=keys.__getitem__)
        return tuple((actors[keys[k] // n], actors[keys[k] % n], weights[k]) for k in order)


def network(stances: nx.MultiDiGraph, *, normalisation: str = "none") -> Network:
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
    held = _held(stances)
    actors = tuple(sorted(held))
    n = len(actors)
    holders: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, actor in enumerate(actors):
        for pair in sorted(held[actor]):
            holders[pair].append(i)
    # A pair of actors is one integer, i * n + j: Counter.update counts an iterable of
    # them in C, and `map(base.__add__, ...)` makes one row of them in C, so the Python
    # loop runs once per stance, not once per pair.
    congruence: Counter[int] = Counter()
    opposed: Counter[int] = Counter()
    for (claim, sign), holding in holders.items():
        for at, i in enumerate(holding):
            congruence.update(map((i * n).__add__, holding[at + 1 :]))  # i < j: sorted
        if sign == 1 and (claim, -1) in holders:
            against = holders[claim, -1]
            for i in holding:
                opposed.update(map((i * n).__add__, against))
    conflict: Counter[int] = Counter()
    for key, count in opposed.items():
        i, j = divmod(key, n)
        if i != j:
            conflict[key if i < j else j * n + i] += count
    del opposed
    sizes = [len(held[actor]) for actor in actors]
    keys, weights, agree, disagree = array("q"), array("d"), array("q"), array("q")
    for key, c, x in _pair_counts(congruence, conflict):
        i, j = divmod(key, n)
        weight = _normalise(normalisation, c, x, sizes[i], sizes[j])
        if weight:
            keys.append(key)
            weights.append(weight)
            agree.append(c)
            disagree.append(x)
    return Network(actors, keys, weights, agree, disagree)


def agreement(stances: nx.MultiDiGraph, *, normalisation: str = "none") -> nx.Graph:
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


def _pair_counts(
    congruence: Mapping[int, int], conflict: Mapping[int, int]
) -> Iterable[tuple[int, int, int]]:
    # Pairs in a fixed order (congruent pairs first, as counted), without sorting millions.
    for pair, c in congruence.items():
        yield pair, c, conflict.get(pair, 0)
    for pair, x in conflict.items():
        if pair not in congruence:
            yield pair, 0, x


def _normalise(method: str, c: int, x: int, size_a: int, size_b: int) -> float:
    if method == "average":
        return (c - x) / ((size_a + size_b) / 2)
    if method == "jaccard":
        return c / (size_a + size_b - c) - x / (size_a + size_b - x)
    if method == "cosine":
        return (c - x) / math.sqrt(size_a * size_b)
    return float(c - x)


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
    then by first member. `agreement` is a graph or a `Network`.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=1)
    >>> g.add_edge("b", "c", weight=-1)
    >>> camps(g)
    (('a', 'b'), ('c',))
    """
    indexed = _from_network(agreement) if isinstance(agreement, Network) else _from_graph(agreement)
    return _camps(indexed, lean or {})[0]


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
    indexed = _from_network(net)
    found, cost, camp_of = _camps(indexed, lean or {})
    if cost == 0.0:  # every weight is non-zero, so no edge is frustrated
        return found, ()
    actors = net.actors
    frustrated = sorted(
        (a, b) for a, b, weight in indexed.edges() if (weight > 0) != (camp_of[a] == camp_of[b])
    )
    return found, tuple((actors[a], actors[b]) for a, b in frustrated)


def _camps(
    net: _Indexed, lean: Mapping[str, float]
) -> tuple[tuple[tuple[str, ...], ...], float, list[int]]:
    """The camps, their frustration and each actor's camp by position."""
    best: list[int] | None = None
    best_cost = math.inf
    leaning = [lean.get(actor, 0.0) for actor in net.actors]
    for make_start in (_lean_start, _balanced_start):
        if best_cost <= _EPS:
            break  # balanced already: nothing can do better
        camp_of = _local_moves(net, make_start(net, leaning))
        cost = _frustration(net, camp_of)
        if cost < best_cost - _EPS:
            best, best_cost = camp_of, cost
    members: dict[int, list[str]] = defaultdict(list)
    for actor, camp in zip(net.actors, best or [], strict=False):
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
            # Moving to camp X changes frustration by W(current) - W(X), where W(X) is
            # the signed weight from the actor to X's members; a new camp has W = 0.
            pull: dict[int, float] = defaultdict(float)
            for other, weight in zip(others, weights[actor], strict=True):
                pull[camp_of[other]] += weight
            current = camp_of[actor]
            best, best_pull = current, pull.get(current, 0.0)
            for camp in sorted(pull):
                if pull[camp] > best_pull + _EPS:
                    best, best_pull = camp, pull[camp]
            if best_pull < -_EPS:  # only when not alone: alone, W(current) is 0
                best, next_camp = next_camp, next_camp + 1
            if best != current:
                camp_of[actor] = best
                moved = True
                for other in others:
                    dirty[other] = True
        if not moved:
            break
    return camp_of


def _lean_start(net: _Indexed, lean: Sequence[float]) -> list[int]:
    """Camp 0 leans for, camp 1 against; the rest join the camp that pulls them most."""
    unplaced = -1
    camp_of = [unplaced] * len(net.actors)
    undecided = []
    for actor, side in enumerate(lean):
        if side:
            camp_of[actor] = 0 if side > 0 else 1
        else:
            undecided.append(actor)
    # Placing an actor without a lean now, rather than alone, keeps the local search
    # from pulling a leaning actor out of its camp to join it.
    next_camp = 2
    for actor in undecided:
        pull: dict[int, float] = defaultdict(float)
        for other, weight in zip(net.neighbours[actor], net.weights[actor], strict=True):
            if camp_of[other] != unplaced:
                pull[camp_of[other]] += weight
        best = min(pull, key=lambda camp: (-pull[camp], camp), default=None)
        if best is not None and pull[best] > _EPS:
            camp_of[actor] = best
        else:
            camp_of[actor], next_camp = next_camp, next_camp + 1
    return camp_of


def _balanced_start(net: _Indexed, lean: Sequence[float]) -> list[int]:
    """Camp 0 leans for, camp 1 against; other camps are numbered from 2 in id order."""
    count = len(net.actors)
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

    # Positions are in id order, so ordering by them is ordering by id.
    edges = sorted((-abs(w), min(a, b), max(a, b), w) for a, b, w in net.edges())
    for _, a, b, weight in edges:
        (root_a, side_a), (root_b, side_b) = find(a), find(b)
        if root_a != root_b and weight:
            # Attach the later root under the earlier, so the result is order-independent.
            if root_b < root_a:
                root_a, root_b = root_b, root_a
            parent[root_b] = root_a
            parity[root_b] = side_a ^ side_b ^ (1 if weight < 0 else 0)
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
