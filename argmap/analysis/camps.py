"""The actor agreement network of discourse network analysis, and the camps in it."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations, product
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["NORMALISATIONS", "agreement", "camps", "frustrated_edges"]


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

    if normalisation not in NORMALISATIONS:
        raise ValueError(f"unknown normalisation {normalisation!r}; use one of {NORMALISATIONS}")
    held = _held(stances)
    holders: dict[tuple[str, int], list[str]] = defaultdict(list)
    for actor in sorted(held):
        for pair in sorted(held[actor]):
            holders[pair].append(actor)
    # Counter.update counts an iterable of pairs in C: on a map of 100,000 stances this
    # is the difference between seconds and minutes.
    congruence: Counter[tuple[str, str]] = Counter()
    opposed: Counter[tuple[str, str]] = Counter()
    for (claim, sign), actors in holders.items():
        congruence.update(combinations(actors, 2))  # actors are sorted, so a < b
        if sign == 1 and (claim, -1) in holders:
            opposed.update(product(actors, holders[claim, -1]))
    conflict: Counter[tuple[str, str]] = Counter()
    for (a, b), count in opposed.items():
        if a != b:
            conflict[(a, b) if a < b else (b, a)] += count
    graph = nx.Graph()
    graph.add_nodes_from(sorted(held))
    sizes = {actor: len(pairs) for actor, pairs in held.items()}
    graph.add_edges_from(
        (a, b, {"weight": weight, "congruence": c, "conflict": x})
        for (a, b), c, x in _pair_counts(congruence, conflict)
        if (weight := _normalise(normalisation, c, x, sizes[a], sizes[b]))
    )
    return graph


def _pair_counts(
    congruence: Mapping[tuple[str, str], int], conflict: Mapping[tuple[str, str], int]
) -> Iterable[tuple[tuple[str, str], int, int]]:
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


def camps(
    agreement: nx.Graph, *, lean: Mapping[str, float] | None = None
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
    stays in the camp of its lean, or alone without one. Sorting the edges and each pass
    cost O(E log E). Camps are sorted largest first, then by first member.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=1)
    >>> g.add_edge("b", "c", weight=-1)
    >>> camps(g)
    (('a', 'b'), ('c',))
    """
    lean = lean or {}
    best: dict[str, int] | None = None
    best_cost = math.inf
    adjacent = _adjacency(agreement)
    for make_start in (_lean_start, _balanced_start):
        if best_cost <= _EPS:
            break  # balanced already: nothing can do better
        camp_of = _local_moves(adjacent, make_start(agreement, lean, adjacent))
        cost = _frustration(agreement, camp_of)
        if cost < best_cost - _EPS:
            best, best_cost = camp_of, cost
    members: dict[int, list[str]] = defaultdict(list)
    for actor in sorted(best or {}):
        members[(best or {})[actor]].append(actor)
    return tuple(sorted((tuple(group) for group in members.values()), key=lambda g: (-len(g), g)))


def _frustration(agreement: nx.Graph, camp_of: Mapping[str, int]) -> float:
    return float(
        sum(
            abs(weight)
            for a, b, weight in agreement.edges(data="weight", default=1)
            if (weight > 0) != (camp_of[a] == camp_of[b])
        )
    )


Adjacency = dict[str, list[tuple[str, float]]]


def _adjacency(agreement: nx.Graph) -> Adjacency:
    """Each actor's (other actor, weight) pairs, in the graph's order, loops left out.

    Read once from networkx's own dicts: the search reads every edge on every pass, and
    going through the graph's views each time cost most of its time on large maps.
    """
    return {
        actor: [(other, edge.get("weight", 1)) for other, edge in others.items() if other != actor]
        for actor, others in agreement.adjacency()
    }


def _local_moves(adjacent: Adjacency, start: Mapping[str, int]) -> dict[str, int]:
    camp_of = dict(start)
    actors = sorted(camp_of)
    size: dict[int, int] = defaultdict(int)
    for camp in camp_of.values():
        size[camp] += 1
    next_camp = max(camp_of.values(), default=0) + 1
    for _ in range(_MAX_PASSES):
        moved = False
        for actor in actors:
            # Moving to camp X changes frustration by W(current) - W(X), where W(X) is
            # the signed weight from the actor to X's members; a new camp has W = 0.
            pull: dict[int, float] = defaultdict(float)
            for other, weight in adjacent[actor]:
                pull[camp_of[other]] += weight
            current = camp_of[actor]
            best, best_pull = current, pull.get(current, 0.0)
            for camp in sorted(pull):
                if pull[camp] > best_pull + _EPS:
                    best, best_pull = camp, pull[camp]
            if best_pull < -_EPS:  # only when not alone: alone, W(current) is 0
                best, next_camp = next_camp, next_camp + 1
            if best != current:
                size[current] -= 1
                size[best] += 1
                camp_of[actor] = best
                moved = True
        if not moved:
            break
    return camp_of


def _lean_start(
    agreement: nx.Graph, lean: Mapping[str, float], adjacent: Adjacency
) -> dict[str, int]:
    """Camp 0 leans for, camp 1 against; the rest join the camp that pulls them most."""
    camp_of: dict[str, int] = {}
    undecided = []
    for actor in sorted(agreement):
        side = lean.get(actor, 0.0)
        if side:
            camp_of[actor] = 0 if side > 0 else 1
        else:
            undecided.append(actor)
    # Placing an actor without a lean now, rather than alone, keeps the local search
    # from pulling a leaning actor out of its camp to join it.
    next_camp = 2
    for actor in undecided:
        pull: dict[int, float] = defaultdict(float)
        for other, weight in adjacent[actor]:
            if other in camp_of:
                pull[camp_of[other]] += weight
        best = min(pull, key=lambda camp: (-pull[camp], camp), default=None)
        if best is not None and pull[best] > _EPS:
            camp_of[actor] = best
        else:
            camp_of[actor], next_camp = next_camp, next_camp + 1
    return camp_of


def _balanced_start(
    agreement: nx.Graph, lean: Mapping[str, float], adjacent: Adjacency
) -> dict[str, int]:
    """Camp 0 leans for, camp 1 against; other camps are numbered from 2 in id order."""
    parent = {actor: actor for actor in agreement}
    parity = dict.fromkeys(agreement, 0)  # 1 when on the other side from the parent

    def find(actor: str) -> tuple[str, int]:
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

    edges = sorted(
        (-abs(w), min(a, b), max(a, b), w) for a, b, w in agreement.edges(data="weight", default=1)
    )
    for _, a, b, weight in edges:
        (root_a, side_a), (root_b, side_b) = find(a), find(b)
        if root_a != root_b and weight:
            # Attach the later root under the earlier, so the result is order-independent.
            if root_b < root_a:
                root_a, root_b = root_b, root_a
            parent[root_b] = root_a
            parity[root_b] = side_a ^ side_b ^ (1 if weight < 0 else 0)
    sides: dict[str, tuple[list[str], list[str]]] = {}
    for actor in sorted(agreement):
        root, side = find(actor)
        sides.setdefault(root, ([], []))[side].append(actor)
    camp_of: dict[str, int] = {}
    next_camp = 2
    for first, second in sides.values():
        pull = sum(lean.get(a, 0.0) for a in first) - sum(lean.get(a, 0.0) for a in second)
        if abs(pull) > _EPS:
            for_camp, against_camp = (0, 1) if pull > 0 else (1, 0)
            camp_of.update(dict.fromkeys(first, for_camp))
            camp_of.update(dict.fromkeys(second, against_camp))
            continue
        for group in (first, second):
            if group:
                camp_of.update(dict.fromkeys(group, next_camp))
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
