"""The agreement network and the camps against a reference written from their definitions.

`argmap.analysis.camps` counts the pairs with numpy and, with normalisation `none`, runs
the camps' search on per-claim sums instead of the pairs (`_Bilinear`). Here the pairs
come from the definition (congruence and conflict of two actors' (claim, sign) sets),
and the search is the documented one done plainly: every actor weighed on every pass,
its pull summed over its pairs. A few hundred small random maps, with actors holding
both signs on a claim, neutral stances, actors with no stance, ties and zero sums.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from itertools import combinations

import networkx as nx
import pytest

from argmap.analysis.camps import (
    NORMALISATIONS,
    _Bilinear,
    _camps,
    _from_network,
    _local_moves,
    _search_of,
    agreement,
    balance,
    camps,
    network,
)

EPS = 1e-12
Held = dict[str, set[tuple[str, int]]]


def weight(normalisation: str, mine: set[tuple[str, int]], theirs: set[tuple[str, int]]) -> float:
    c = len(mine & theirs)
    x = sum(1 for claim, sign in mine if (claim, -sign) in theirs)
    size = len(mine) + len(theirs)
    if normalisation == "average":
        return (c - x) / (size / 2)
    if normalisation == "jaccard":
        return c / (size - c) - x / (size - x)
    if normalisation == "cosine":
        return (c - x) / math.sqrt(len(mine) * len(theirs))
    return float(c - x)


def reference_pairs(held: Held, normalisation: str) -> dict[tuple[str, str], float]:
    pairs = {}
    for a, b in combinations(sorted(held), 2):
        if held[a] and held[b]:
            w = weight(normalisation, held[a], held[b])
            if w:
                pairs[a, b] = w
    return pairs


class Reference:
    """The documented search, every actor weighed on every pass."""

    def __init__(self, actors: list[str], pairs: Mapping[tuple[str, str], float]) -> None:
        self.actors = actors
        self.pairs = pairs
        self.near: dict[str, dict[str, float]] = {a: {} for a in actors}
        for (a, b), w in pairs.items():
            self.near[a][b] = self.near[b][a] = w

    def cost(self, camp: Mapping[str, int]) -> float:
        return sum(abs(w) for (a, b), w in self.pairs.items() if (w > 0) != (camp[a] == camp[b]))

    def frustrated(self, camp: Mapping[str, int]) -> list[tuple[str, str]]:
        return sorted(p for p, w in self.pairs.items() if (w > 0) != (camp[p[0]] == camp[p[1]]))

    def moves(self, start: Mapping[str, int]) -> dict[str, int]:
        camp = dict(start)
        fresh = max(camp.values(), default=0) + 1
        for _ in range(100):
            moved = False
            for a in self.actors:
                pull: dict[int, float] = {}
                for b, w in self.near[a].items():
                    pull[camp[b]] = pull.get(camp[b], 0.0) + w
                best, best_pull = camp[a], pull.get(camp[a], 0.0)
                for other in sorted(pull):
                    if pull[other] > best_pull + EPS:
                        best, best_pull = other, pull[other]
                if best_pull < -EPS:
                    best, fresh = fresh, fresh + 1
                if best != camp[a]:
                    camp[a], moved = best, True
            if not moved:
                break
        return camp

    def lean_start(self, lean: Mapping[str, float]) -> dict[str, int]:
        camp = {a: (0 if lean[a] > 0 else 1) for a in self.actors if lean.get(a, 0.0)}
        fresh = 2
        for a in self.actors:
            if a in camp:
                continue
            pull: dict[int, float] = {}
            for b, w in self.near[a].items():
                if b in camp:
                    pull[camp[b]] = pull.get(camp[b], 0.0) + w
            top = max(pull.values(), default=0.0)
            if top > EPS:
                camp[a] = min(x for x, p in pull.items() if p == top)
            else:
                camp[a], fresh = fresh, fresh + 1
        return camp

    def balanced_start(self, lean: Mapping[str, float]) -> dict[str, int]:
        # Kruskal: strongest first, ties by id; each actor's side relative to its root.
        root = {a: a for a in self.actors}
        flip = dict.fromkeys(self.actors, 0)

        def find(a: str) -> tuple[str, int]:
            side = 0
            while root[a] != a:
                side ^= flip[a]
                a = root[a]
            return a, side

        for (a, b), w in sorted(self.pairs.items(), key=lambda item: (-abs(item[1]), item[0])):
            (ra, sa), (rb, sb) = find(a), find(b)
            if ra != rb:
                ra, rb = min(ra, rb), max(ra, rb)
                root[rb], flip[rb] = ra, sa ^ sb ^ (w < 0)
        parts: dict[str, tuple[list[str], list[str]]] = {}
        for a in self.actors:
            r, side = find(a)
            parts.setdefault(r, ([], []))[side].append(a)
        camp, fresh = {}, 2
        for first, second in parts.values():
            pull = sum(lean.get(a, 0.0) for a in first) - sum(lean.get(a, 0.0) for a in second)
            if abs(pull) > EPS:
                for a in first:
                    camp[a] = 0 if pull > 0 else 1
                for a in second:
                    camp[a] = 1 if pull > 0 else 0
                continue
            for group in (first, second):
                if group:
                    for a in group:
                        camp[a] = fresh
                    fresh += 1
        return camp

    def search(self, lean: Mapping[str, float]) -> tuple[tuple[tuple[str, ...], ...], float, dict]:
        best, best_cost = None, math.inf
        for start in (self.lean_start, self.balanced_start):
            if best_cost <= EPS:
                break
            camp = self.moves(start(lean))
            cost = self.cost(camp)
            if cost < best_cost - EPS:
                best, best_cost = camp, cost
        assert best is not None or not self.actors
        members: dict[int, list[str]] = {}
        for a in self.actors:
            members.setdefault((best or {})[a], []).append(a)
        found = sorted((tuple(g) for g in members.values()), key=lambda g: (-len(g), g))
        return tuple(found), best_cost, best or {}


def random_map(seed: int) -> tuple[nx.MultiDiGraph, Held, dict[str, float]]:
    """A small stance graph: each actor-claim none, +, -, both, or neutral."""
    rng = random.Random(seed)
    actors = [f"a{i}" for i in rng.sample(range(20), rng.randint(1, 9))]
    claims = [f"c{i}" for i in range(rng.randint(1, 4))]
    graph = nx.MultiDiGraph()
    for actor in actors:  # file order, not id order
        graph.add_node(actor, bipartite=0)
    for claim in claims:
        graph.add_node(claim, bipartite=1)
    held: Held = {actor: set() for actor in actors}
    for actor in actors:
        for claim in claims:
            kind = rng.choices(["none", "+", "-", "both", "neutral"], [8, 5, 4, 2, 1])[0]
            signs = {"none": [], "+": [1], "-": [-1], "both": [1, -1], "neutral": [0]}[kind]
            for number, sign in enumerate(signs):
                graph.add_edge(actor, claim, key=f"{actor}/{claim}/{number}", sign=sign)
                if sign:
                    held[actor].add((claim, sign))
            if kind == "+" and rng.random() < 0.2:  # the same stance twice, in two sources
                graph.add_edge(actor, claim, key=f"{actor}/{claim}/again", sign=1)
    lean = {a: rng.choice([0.0, 0.0, 0.0, 0.5, -0.5, 1.0, -1.0]) for a in actors}
    return graph, held, lean


SEEDS = range(400)


@pytest.mark.parametrize("normalisation", NORMALISATIONS)
def test_the_pairs_are_those_of_the_definition(normalisation: str) -> None:
    for seed in SEEDS:
        graph, held, _ = random_map(seed)
        expected = tuple(
            (a, b, w) for (a, b), w in sorted(reference_pairs(held, normalisation).items())
        )
        net = network(graph, normalisation=normalisation)
        assert net.sorted_edges() == expected, seed
        assert sorted(agreement(graph, normalisation=normalisation).edges(data="weight")) == list(
            expected
        )
        assert net.linked() == {end for a, b, _ in expected for end in (a, b)}


@pytest.mark.parametrize("normalisation", NORMALISATIONS)
def test_the_camps_and_frustrated_edges_are_those_of_the_reference(normalisation: str) -> None:
    for seed in SEEDS:
        graph, held, lean = random_map(seed)
        reference = Reference(sorted(held), reference_pairs(held, normalisation))
        found, cost, camp = reference.search(lean)
        net = network(graph, normalisation=normalisation)
        assert balance(net, lean=lean) == (found, tuple(reference.frustrated(camp))), seed
        assert camps(net, lean=lean) == found, seed
        assert camps(agreement(graph, normalisation=normalisation), lean=lean) == found, seed
        if normalisation == "none":  # integer weights: the same sums in any order
            assert _camps(_search_of(net), lean)[1] == cost, seed


def test_the_search_on_claim_sums_moves_as_the_search_on_pairs_from_any_start() -> None:
    # Random starts put actors in camps whose pull is negative, zero or cancels out: the
    # case where a camp holding neighbours at zero differs from a camp holding none.
    rng = random.Random(7)
    for seed in SEEDS:
        graph, held, lean = random_map(seed)
        net = network(graph)
        assert net.signs is not None
        bilinear, pairs = _Bilinear(net, net.signs), _from_network(net)
        reference = Reference(sorted(held), reference_pairs(held, "none"))
        leaning = [lean[a] for a in net.actors]
        for _ in range(5):
            start = [rng.randrange(4) for _ in net.actors]
            moved = bilinear.local_moves(start)
            assert moved == _local_moves(pairs, start), seed
            assert moved == [
                reference.moves(dict(zip(net.actors, start, strict=True)))[a] for a in net.actors
            ]
            assert bilinear.frustration(moved) == reference.cost(
                dict(zip(net.actors, moved, strict=True))
            )
        assert bilinear.lean_start(leaning) == [reference.lean_start(lean)[a] for a in net.actors]
        assert bilinear.balanced_start(leaning) == [
            reference.balanced_start(lean)[a] for a in net.actors
        ]


def stance_graph_of(stances: Mapping[str, list[tuple[str, int]]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for actor, held in stances.items():
        graph.add_node(actor, bipartite=0)
        for number, (claim, sign) in enumerate(held):
            graph.add_edge(actor, claim, key=f"{actor}/{number}", sign=sign)
    return graph


def test_a_camp_whose_neighbours_cancel_out_is_a_place_to_go_not_a_new_camp() -> None:
    # One claim x: e and h support it, b, g and i oppose it; c, d, f and a hold nothing.
    # The lean start puts e (for) in camp 0 with b and i (against: -1 each), and camp 1
    # holds g (-1 to e) and h (+1 to e), which cancel out. e's own camp pulls it away
    # (-2) and camp 1 pulls it neither way, but holds neighbours: e joins camp 1, g then
    # leaves for camp 0, and the actors with no stance stay in camp 1 with e and h. Were
    # a camp at zero taken for one without neighbours, e would open a camp of its own,
    # h would follow it, and c, d, f would be left alone in camp 1.
    graph = stance_graph_of(
        {
            **{actor: [("x", 1)] for actor in "eh"},
            **{actor: [("x", -1)] for actor in "bgi"},
            **{actor: [] for actor in "acdf"},
        }
    )
    lean = {"b": 0.5, "c": -0.5, "d": -0.5, "e": 1.0, "f": -1.0, "g": -1.0, "h": -0.5, "i": 1.0}
    assert balance(network(graph), lean=lean) == (
        (("c", "d", "e", "f", "h"), ("b", "g", "i"), ("a",)),
        (),
    )


def test_the_frustration_is_the_positive_weight_across_and_the_negative_inside() -> None:
    # a and d agree twice (+2); c opposes a, b and d on x (-1 each); b supports x but
    # opposes y, where a and d support it: b-a and b-d are 1 - 1 = 0, no pair. e holds
    # both positions on x (its sum is 0): it is in no pair at all.
    graph = stance_graph_of(
        {
            "a": [("x", 1), ("y", 1)],
            "b": [("x", 1), ("y", -1)],
            "c": [("x", -1)],
            "d": [("x", 1), ("y", 1)],
            "e": [("x", 1), ("x", -1)],
        }
    )
    net = network(graph)
    assert net.sorted_edges() == (
        ("a", "c", -1.0),
        ("a", "d", 2.0),
        ("b", "c", -1.0),
        ("c", "d", -1.0),
    )
    assert net.signs == (((0, 1), (1, 1)), ((0, 1), (1, -1)), ((0, -1),), ((0, 1), (1, 1)), ())
    bilinear = _Bilinear(net, net.signs)
    one_camp = [0, 0, 0, 0, 0]  # a b c d e
    assert bilinear.frustration(one_camp) == 3.0  # the three conflicts inside
    assert bilinear.frustration([0, 1, 0, 2, 3]) == 3.0  # a-d across (+2), a-c inside (-1)
    assert bilinear.frustration([0, 0, 1, 0, 2]) == 0.0
    # Without a lean, b is pulled only away from c: it stays alone, as c and e do.
    assert balance(net) == ((("a", "d"), ("b",), ("c",), ("e",)), ())
