"""Analysis of an argument map: positions, coalitions, contested claims, acceptance.

Each question is one small function that takes a graph from `argmap.analysis.graph` first, returns
plain data and never changes its input; `analyse` runs them all on a map. The methods and
their parameters are documented in docs/analysis.md.

The dataclasses at the top are a contract: the renderers and exporters read them.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations, product
from typing import TYPE_CHECKING

from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DISCOUNT",
    "MAX_HOPS",
    "NORMALISATIONS",
    "Analysis",
    "Contested",
    "Contribution",
    "PositionScore",
    "agreement",
    "analyse",
    "bipolar_labelling",
    "camps",
    "centrality",
    "contested",
    "controversy",
    "derived_attacks",
    "frustrated_edges",
    "grounded_labelling",
    "incoherent",
    "lean",
    "positions",
    "proposal_paths",
]


@dataclass(frozen=True)
class Contribution:
    """One stance's effect on one proposal, through one path of relations."""

    stance: str  # stance id
    claim: str  # the claim the stance is on
    path: tuple[str, ...]  # claim ids from `claim` to the proposal, both included
    sign: int  # +1 pulls towards supporting the proposal, -1 towards opposing
    weight: float  # the contribution's size after the path-length discount


@dataclass(frozen=True)
class PositionScore:
    score: float  # in [-1, 1]
    mixed: bool  # the actor has contributions on both sides
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class Contested:
    claim: str
    score: float
    supporters: tuple[str, ...]  # actor ids
    opponents: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    # actor -> proposal -> score; only pairs where the actor reaches the proposal
    positions: Mapping[str, Mapping[str, PositionScore]]
    # signed actor agreement edges (a, b, weight) with a < b and weight != 0
    agreement: tuple[tuple[str, str, float], ...]
    camps: tuple[tuple[str, ...], ...]  # every actor in exactly one camp
    frustration: tuple[tuple[str, str], ...]  # agreement edges that break balance
    contested: tuple[Contested, ...]  # most contested first
    centrality: Mapping[str, float]  # claim -> centrality in the argument graph
    acceptance: Mapping[str, str]  # claim -> "in" | "out" | "undecided" (grounded)
    bipolar_acceptance: Mapping[str, str]  # same, with derived attacks from supports
    incoherent: tuple[tuple[str, str, str], ...]  # (actor, claim, claim it attacks)
    # Added after the contract; defaults keep hand-built Analysis objects valid.
    derived_attacks: tuple[tuple[str, str], ...] = ()  # bipolar attacks not in the map
    normalisation: str = "none"  # how `agreement` was normalised


#: A path longer than this many relations carries too little (DISCOUNT**5 = 1/32) to say
#: where an actor stands, and the number of paths grows exponentially with the length.
MAX_HOPS = 4
#: Each relation on a path halves a stance's weight: a claim two steps from a proposal
#: says less about the proposal than a stance on the proposal itself.
DISCOUNT = 0.5
#: The agreement normalisations, as in discourse network analysis.
NORMALISATIONS = ("none", "average", "jaccard", "cosine")

# Comparisons of float sums use this slack so that rounding noise never moves an actor.
_EPS = 1e-12
# Each improving move lowers the frustration, so the local search ends; the cap only
# guards against floating-point ties bouncing an actor back and forth.
_MAX_PASSES = 100

Paths = dict[str, dict[str, tuple[tuple[tuple[str, ...], int], ...]]]


def proposal_paths(arguments: nx.DiGraph, *, max_hops: int = MAX_HOPS) -> Paths:
    """Every simple relation path of at most `max_hops` edges from a claim to a proposal.

    Returns `{claim: {proposal: ((path, sign), ...)}}` where `path` runs from the claim to
    the proposal (a proposal reaches itself by the path `(proposal,)`) and `sign` is the
    product of the edge signs (+1 support, -1 attack), so attacking an attacker supports.
    Computed once for the whole map by a breadth-first walk backwards from each proposal,
    so the cost is the number of paths, not the number of stances; paths come shortest
    first, then in id order.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_node("p", kind="proposal")
    >>> g.add_edge("a", "p", sign=-1)
    >>> g.add_edge("b", "a", sign=-1)
    >>> proposal_paths(g)["b"]
    {'p': ((('b', 'a', 'p'), 1),)}
    """
    found: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = defaultdict(dict)
    proposals = [node for node, kind in arguments.nodes(data="kind") if kind == "proposal"]
    for proposal in proposals:
        frontier: list[tuple[tuple[str, ...], int]] = [((proposal,), 1)]
        for hops in range(max_hops + 1):
            extended: list[tuple[tuple[str, ...], int]] = []
            for path, sign in frontier:
                found[path[0]].setdefault(proposal, []).append((path, sign))
                if hops == max_hops:
                    continue
                for origin in sorted(arguments.predecessors(path[0])):
                    if origin not in path:
                        edge_sign = arguments.edges[origin, path[0]]["sign"]
                        extended.append(((origin, *path), sign * edge_sign))
            frontier = extended
    return {
        claim: {proposal: tuple(paths) for proposal, paths in by_proposal.items()}
        for claim, by_proposal in found.items()
    }


def positions(
    arguments: nx.DiGraph,
    stances: nx.MultiDiGraph,
    *,
    max_hops: int = MAX_HOPS,
    discount: float = DISCOUNT,
) -> dict[str, dict[str, PositionScore]]:
    """Where each actor stands on each proposal, with the stances and paths that say so.

    Every stance (supports +1, opposes -1; neutral stances say nothing) on a claim that
    reaches a proposal by a path of `proposal_paths` gives one contribution with sign
    `stance sign * path sign` and weight `discount ** hops`. The score is the weighted mean
    of the signs, `sum(sign * weight) / sum(weight)`, in [-1, 1]; an actor whose
    contributions have both signs is `mixed`, whatever the mean. Each stance and each path
    counts once, so repeating a stance in several sources, or a claim that bears on the
    proposal by two routes, weighs more. Only pairs the actor reaches appear.

    >>> import networkx as nx
    >>> args = nx.DiGraph()
    >>> args.add_node("p", kind="proposal")
    >>> args.add_edge("r", "p", sign=-1)
    >>> st = nx.MultiDiGraph()
    >>> st.add_edge("ann", "p", key="ann/p", sign=1)
    'ann/p'
    >>> st.add_edge("ann", "r", key="ann/r", sign=1)
    'ann/r'
    >>> found = positions(args, st)["ann"]["p"]
    >>> round(found.score, 4), found.mixed
    (0.3333, True)
    """
    paths = proposal_paths(arguments, max_hops=max_hops)
    found: dict[str, dict[str, list[Contribution]]] = {}
    for actor, claim, stance, sign in stances.edges(keys=True, data="sign"):
        if not sign:
            continue
        for proposal, routes in paths.get(claim, {}).items():
            for path, path_sign in routes:
                contribution = Contribution(
                    stance, claim, path, sign * path_sign, discount ** (len(path) - 1)
                )
                found.setdefault(actor, {}).setdefault(proposal, []).append(contribution)
    order = {node: index for index, node in enumerate(arguments)}
    return {
        actor: {
            proposal: _score(by_proposal[proposal])
            for proposal in sorted(by_proposal, key=order.__getitem__)
        }
        for actor, by_proposal in found.items()
    }


def _score(contributions: list[Contribution]) -> PositionScore:
    total = sum(c.weight for c in contributions)
    signed = sum(c.sign * c.weight for c in contributions)
    signs = {c.sign for c in contributions}
    return PositionScore(signed / total, len(signs) > 1, tuple(contributions))


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
    for make_start in (_lean_start, _balanced_start):
        if best_cost <= _EPS:
            break  # balanced already: nothing can do better
        camp_of = _local_moves(agreement, make_start(agreement, lean))
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


def _local_moves(agreement: nx.Graph, start: Mapping[str, int]) -> dict[str, int]:
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
            for other, edge in agreement[actor].items():
                if other != actor:
                    pull[camp_of[other]] += edge.get("weight", 1)
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


def _lean_start(agreement: nx.Graph, lean: Mapping[str, float]) -> dict[str, int]:
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
        for other, edge in agreement[actor].items():
            if other in camp_of and other != actor:
                pull[camp_of[other]] += edge.get("weight", 1)
        best = min(pull, key=lambda camp: (-pull[camp], camp), default=None)
        if best is not None and pull[best] > _EPS:
            camp_of[actor] = best
        else:
            camp_of[actor], next_camp = next_camp, next_camp + 1
    return camp_of


def _balanced_start(agreement: nx.Graph, lean: Mapping[str, float]) -> dict[str, int]:
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


def controversy(supporters: int, opponents: int) -> float:
    """How contested a claim is: balance times the log of the number of actors.

    `(1 - |s - o| / (s + o)) * ln(1 + s + o)`: zero for a one-sided claim, highest when
    the sides are even, and growing slowly with the number of actors so that a claim
    two actors dispute ranks below one twenty dispute evenly.

    >>> round(controversy(1, 1), 4), round(controversy(2, 1), 4), controversy(3, 0)
    (1.0986, 0.9242, 0.0)
    """
    total = supporters + opponents
    if not total:
        return 0.0
    return (1 - abs(supporters - opponents) / total) * math.log(1 + total)


def contested(stances: nx.MultiDiGraph) -> tuple[Contested, ...]:
    """The claims that some actors support and others oppose, most contested first.

    Ranked by `controversy` of the numbers of distinct supporting and opposing actors
    (an actor who took both positions counts on both sides), then by claim id.

    >>> import networkx as nx
    >>> st = nx.MultiDiGraph()
    >>> for actor, claim, sign in [("a", "x", 1), ("b", "x", -1), ("a", "y", 1)]:
    ...     _ = st.add_edge(actor, claim, sign=sign)
    >>> [(c.claim, round(c.score, 4), c.supporters, c.opponents) for c in contested(st)]
    [('x', 1.0986, ('a',), ('b',))]
    """
    sides: dict[str, tuple[set[str], set[str]]] = {}
    for actor, claim, sign in stances.edges(data="sign"):
        if sign:
            supporters, opponents = sides.setdefault(claim, (set(), set()))
            (supporters if sign > 0 else opponents).add(actor)
    found = [
        Contested(claim, controversy(len(s), len(o)), tuple(sorted(s)), tuple(sorted(o)))
        for claim, (s, o) in sides.items()
        if s and o
    ]
    return tuple(sorted(found, key=lambda c: (-c.score, c.claim)))


def centrality(
    arguments: nx.DiGraph, *, damping: float = 0.85, tolerance: float = 1e-10
) -> dict[str, float]:
    """PageRank of each claim on the relation graph: how much the debate argues about it.

    Every relation, support or attack, is an edge from the arguing claim to the claim
    argued about, so rank flows towards the claims that many (well-argued-about) claims
    bear on: proposals first, then the key intermediate claims. Standard power iteration
    with damping 0.85 and a uniform teleport; claims with no outgoing relation spread
    their rank uniformly. Scores sum to 1. (networkx's own pagerank needs scipy.)

    >>> import networkx as nx
    >>> g = nx.DiGraph([("a", "p"), ("b", "p")])
    >>> {k: round(v, 4) for k, v in centrality(g).items()}
    {'a': 0.2128, 'p': 0.5745, 'b': 0.2128}
    """
    nodes = list(arguments)
    if not nodes:
        return {}
    n = len(nodes)
    rank = dict.fromkeys(nodes, 1 / n)
    out_degree = {node: arguments.out_degree(node) for node in nodes}
    for _ in range(1000):
        dangling = sum(rank[node] for node in nodes if not out_degree[node])
        base = (1 - damping) / n + damping * dangling / n
        new = dict.fromkeys(nodes, base)
        for node in nodes:
            if out_degree[node]:
                share = damping * rank[node] / out_degree[node]
                for target in arguments.successors(node):
                    new[target] += share
        change = sum(abs(new[node] - rank[node]) for node in nodes)
        rank = new
        if change < tolerance:
            break
    return rank


def _attacks(arguments: nx.DiGraph) -> dict[str, list[str]]:
    """Each claim's attacked claims; an edge without a `sign` is an attack."""
    attacks: dict[str, list[str]] = {node: [] for node in arguments}
    for origin, target, sign in arguments.edges(data="sign", default=-1):
        if sign < 0:
            attacks[origin].append(target)
    return attacks


def _grounded(attacks: Mapping[str, Iterable[str]]) -> dict[str, str]:
    # The standard linear-time labelling: an argument is in once all its attackers are
    # out, and out as soon as one attacker is in; what is left is undecided.
    targets = {node: sorted(set(attacked)) for node, attacked in attacks.items()}
    unbeaten: dict[str, int] = dict.fromkeys(targets, 0)
    for attacked in targets.values():
        for target in attacked:
            unbeaten[target] += 1
    label = {node: "in" for node, count in unbeaten.items() if count == 0}
    queue = deque(label)
    while queue:
        for beaten in targets[queue.popleft()]:
            if beaten in label:
                continue
            label[beaten] = "out"
            for freed in targets[beaten]:
                if freed not in label:
                    unbeaten[freed] -= 1
                    if unbeaten[freed] == 0:
                        label[freed] = "in"
                        queue.append(freed)
    return {node: label.get(node, "undecided") for node in targets}


def grounded_labelling(arguments: nx.DiGraph) -> dict[str, str]:
    """The grounded labelling (Dung) of the attack edges: each claim in, out or undecided.

    Only edges with `sign` -1 count (an edge with no `sign` is taken as an attack, so a
    plain DiGraph is a Dung framework). A claim is in when every attacker is out, out when
    some attacker is in, and undecided otherwise: the least fixed point, found by the
    queue-based algorithm in time linear in claims plus attacks. An odd attack cycle stays
    undecided, and so does an even one, since grounded semantics is sceptical.

    >>> import networkx as nx
    >>> grounded_labelling(nx.DiGraph([("a", "b"), ("b", "c"), ("x", "y"), ("y", "x")]))
    {'a': 'in', 'b': 'out', 'c': 'in', 'x': 'undecided', 'y': 'undecided'}
    """
    return _grounded(_attacks(arguments))


def _supports(arguments: nx.DiGraph) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    forward: dict[str, list[str]] = {node: [] for node in arguments}
    backward: dict[str, list[str]] = {node: [] for node in arguments}
    for origin, target, sign in arguments.edges(data="sign", default=-1):
        if sign > 0:
            forward[origin].append(target)
            backward[target].append(origin)
    return forward, backward


def _reach(start: str, step: Mapping[str, list[str]]) -> set[str]:
    seen, stack = {start}, [start]
    while stack:
        for nxt in step[stack.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def derived_attacks(arguments: nx.DiGraph) -> tuple[tuple[str, str], ...]:
    """The attacks that support chains add, after Cayrol and Lagasquie-Schiex.

    Supported attack: a supports ... supports b and b attacks c, so a attacks c.
    Secondary attack: a attacks b and b supports ... supports c, so a attacks c.
    Applying both until nothing new appears gives: a attacks d whenever a reaches b by
    zero or more supports, b attacks c, and c reaches d by zero or more supports. Returns
    the derived attacks that are not already direct attacks, sorted. The cost is one
    support-reachability search per attack end: at most quadratic, the size of the output.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=1)
    >>> g.add_edge("b", "c", sign=-1)
    >>> g.add_edge("c", "d", sign=1)
    >>> derived_attacks(g)
    (('a', 'c'), ('a', 'd'), ('b', 'd'))
    """
    forward, backward = _supports(arguments)
    direct = {(a, b) for a, attacked in _attacks(arguments).items() for b in attacked}
    upstream: dict[str, set[str]] = {}
    downstream: dict[str, set[str]] = {}
    derived: set[tuple[str, str]] = set()
    for origin, target in direct:
        if origin not in upstream:
            upstream[origin] = _reach(origin, backward)
        if target not in downstream:
            downstream[target] = _reach(target, forward)
        derived.update((a, d) for a in upstream[origin] for d in downstream[target])
    return tuple(sorted(derived - direct))


def bipolar_labelling(arguments: nx.DiGraph) -> dict[str, str]:
    """The grounded labelling once `derived_attacks` are added to the direct attacks.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=-1)
    >>> g.add_edge("b", "c", sign=1)
    >>> grounded_labelling(g)["c"], bipolar_labelling(g)["c"]
    ('in', 'out')
    """
    attacks = _attacks(arguments)
    for origin, target in derived_attacks(arguments):
        attacks[origin].append(target)
    return _grounded(attacks)


def incoherent(arguments: nx.DiGraph, stances: nx.MultiDiGraph) -> tuple[tuple[str, str, str], ...]:
    """Actors who support two claims one of which attacks the other.

    Returns `(actor, claim, attacked claim)` triples, by actor in graph order then by
    claim. Only direct attacks between two different claims count, as in the
    `incoherent-actor` check: a set of claims that attack each other is not
    conflict-free, which every Dung semantics requires of a coherent position. Opposing a
    claim that supports one the actor supports is not flagged, since support is
    defeasible: one may reject one argument for a conclusion and hold the conclusion.

    >>> import networkx as nx
    >>> args = nx.DiGraph()
    >>> args.add_edge("x", "y", sign=-1)
    >>> st = nx.MultiDiGraph()
    >>> for claim in ("x", "y"):
    ...     _ = st.add_edge("ann", claim, sign=1)
    >>> incoherent(args, st)
    (('ann', 'x', 'y'),)
    """
    supported: dict[str, set[str]] = {}
    for actor, claim, sign in stances.edges(data="sign"):
        if sign > 0:
            supported.setdefault(actor, set()).add(claim)
    found = []
    for actor, claims in supported.items():
        for claim in sorted(claims):
            if claim not in arguments:
                continue
            for target in sorted(arguments.successors(claim)):
                if (
                    target != claim
                    and target in claims
                    and arguments.edges[claim, target].get("sign", -1) < 0
                ):
                    found.append((actor, claim, target))
    return tuple(found)


def lean(scores: Mapping[str, Mapping[str, PositionScore]]) -> dict[str, float]:
    """Each actor's mean position score over the proposals it reaches.

    >>> lean({"ann": {"p": PositionScore(1.0, False, ()), "q": PositionScore(-0.5, True, ())}})
    {'ann': 0.25}
    """
    return {
        actor: sum(s.score for s in by_proposal.values()) / len(by_proposal)
        for actor, by_proposal in scores.items()
        if by_proposal
    }


def analyse(amap: ArgumentMap, *, normalisation: str = "none") -> Analysis:
    """Run every analysis on a valid map; `normalisation` is one of `NORMALISATIONS`.

    >>> from argmap.model import Actor, ActorKind, ArgumentMap, Claim, ClaimKind, Position, Stance
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     actors=(Actor("ann", "Ann", ActorKind.PERSON), Actor("bob", "Bob", ActorKind.PERSON)),
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL),),
    ...     stances=(
    ...         Stance("ann/p", "ann", "p", Position.SUPPORTS, "s"),
    ...         Stance("bob/p", "bob", "p", Position.OPPOSES, "s"),
    ...     ),
    ... )
    >>> result = analyse(amap)
    >>> result.camps, result.agreement, result.acceptance
    ((('ann',), ('bob',)), (('ann', 'bob', -1.0),), {'p': 'in'})
    """
    from argmap.analysis.graph import argument_graph, stance_graph

    arguments = argument_graph(amap)
    stances = stance_graph(amap)
    scores = positions(arguments, stances)
    network = agreement(stances, normalisation=normalisation)
    partition = camps(network, lean=lean(scores))
    return Analysis(
        positions=scores,
        agreement=tuple(
            sorted((min(a, b), max(a, b), w) for a, b, w in network.edges(data="weight"))
        ),
        camps=partition,
        frustration=frustrated_edges(network, partition),
        contested=contested(stances),
        centrality=centrality(arguments),
        acceptance=grounded_labelling(arguments),
        bipolar_acceptance=bipolar_labelling(arguments),
        incoherent=incoherent(arguments, stances),
        derived_attacks=derived_attacks(arguments),
        normalisation=normalisation,
    )
