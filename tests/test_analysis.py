"""Each analysis on tiny literal graphs, with the exact values worked out by hand."""

from __future__ import annotations

import doctest
import math
import random
from collections.abc import Iterable

import networkx as nx
import pytest

import argmap.analysis
import argmap.analysis.graph
from argmap.analysis import (
    Contribution,
    agreement,
    analyse,
    bipolar_labelling,
    camps,
    centrality,
    contested,
    controversy,
    derived_attacks,
    frustrated_edges,
    grounded_labelling,
    incoherent,
    positions,
    proposal_paths,
)
from argmap.analysis.positions import Paths
from argmap.model import ClaimKind, Position, RelationKind

from .helpers import make

S, OPP, N = 1, -1, 0  # stance signs


def arguments(
    edges: Iterable[tuple[str, str, int]], proposals: Iterable[str] = ("p",)
) -> nx.DiGraph:
    graph = nx.DiGraph()
    for proposal in proposals:
        graph.add_node(proposal, kind="proposal")
    for origin, target, sign in edges:
        graph.add_edge(origin, target, sign=sign)
    return graph


def stances(triples: Iterable[tuple[str, str, int]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for actor, claim, sign in triples:
        graph.add_node(actor, bipartite=0)
        graph.add_edge(actor, claim, key=f"{actor}/{claim}/{sign}", sign=sign)
    return graph


def signed(edges: Iterable[tuple[str, str, float]], nodes: Iterable[str] = ()) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from(edges)
    return graph


def test_docstring_examples_run() -> None:
    for module in (argmap.analysis, argmap.analysis.graph):
        result = doctest.testmod(module)
        assert result.failed == 0
        assert result.attempted > 0


# --------------------------------------------------------------------------- positions


def test_proposal_paths_multiply_signs_and_stay_simple_and_short() -> None:
    # a -> p attack, b attacks a, c supports b; and a cycle a -> b -> a.
    graph = arguments([("a", "p", -1), ("b", "a", -1), ("c", "b", 1), ("a", "b", 1)])
    paths = proposal_paths(graph)

    def signs(claim: str, found: Paths = paths) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        return {p: [(path, sign) for path, sign, _ in routes] for p, routes in found[claim].items()}

    assert signs("p") == {"p": [(("p",), 1)]}
    assert signs("a") == {"p": [(("a", "p"), -1)]}
    assert signs("b") == {"p": [(("b", "a", "p"), 1)]}
    assert signs("c") == {"p": [(("c", "b", "a", "p"), 1)]}
    assert signs("b", proposal_paths(graph, max_hops=2)) == {"p": [(("b", "a", "p"), 1)]}
    assert "c" not in proposal_paths(graph, max_hops=2)
    # Each edge's data rides along, from the claim towards the proposal.
    assert paths["c"]["p"][0][2] == (
        ("c->b", None, False, False, 1),
        ("b->a", None, False, False, -1),
        ("a->p", None, False, False, -1),
    )


def test_a_direct_stance_scores_one() -> None:
    found = positions(arguments([]), stances([("ann", "p", OPP)]))
    assert found == {
        "ann": {
            "p": argmap.analysis.PositionScore(
                -1.0, False, (Contribution("ann/p/-1", "p", ("p",), -1, 1.0),)
            )
        }
    }


def test_attacking_an_attacker_counts_for_and_opposing_flips() -> None:
    graph = arguments([("a", "p", -1), ("b", "a", -1)])
    found = positions(graph, stances([("ann", "b", S), ("bob", "a", OPP), ("cy", "a", S)]))
    assert found["ann"]["p"].contributions == (
        Contribution(
            "ann/b/1",
            "b",
            ("b", "a", "p"),
            1,
            0.25,
            relations=("b->a", "a->p"),
            sources=(None, None),
            stated=False,
        ),
    )
    assert (found["ann"]["p"].score, found["bob"]["p"].score, found["cy"]["p"].score) == (
        1.0,
        1.0,
        -1.0,
    )


def test_an_actor_on_both_sides_is_mixed_with_every_contribution_listed() -> None:
    # Supports the proposal (+1, weight 1) and a claim attacking it (-1, weight 0.5).
    graph = arguments([("r", "p", -1)])
    found = positions(graph, stances([("ann", "p", S), ("ann", "r", S)]))["ann"]["p"]
    assert found.mixed is True
    assert found.score == pytest.approx(1 / 3)
    assert found.contributions == (
        Contribution("ann/p/1", "p", ("p",), 1, 1.0),
        Contribution("ann/r/1", "r", ("r", "p"), -1, 0.5, ("r->p",), (None,), stated=False),
    )


def test_neutral_stances_and_unreachable_claims_say_nothing() -> None:
    graph = arguments([("r", "p", -1)])
    graph.add_node("island")
    assert positions(graph, stances([("ann", "p", N), ("bob", "island", S)])) == {}


def test_paths_past_max_hops_are_dropped_and_two_routes_both_count() -> None:
    chain = arguments([("c4", "c3", 1), ("c3", "c2", 1), ("c2", "c1", 1), ("c1", "p", 1)])
    chain.add_edge("c5", "c4", sign=1)
    found = positions(chain, stances([("ann", "c4", S), ("bob", "c5", S)]))
    assert found["ann"]["p"].contributions[0].weight == 1 / 16
    assert "bob" not in found
    # c reaches p directly (+, 0.5) and through an attacker (-, 0.25).
    routes = arguments([("c", "p", 1), ("c", "r", 1), ("r", "p", -1)])
    both = positions(routes, stances([("ann", "c", S)]))["ann"]["p"]
    assert [(c.path, c.sign, c.weight) for c in both.contributions] == [
        (("c", "p"), 1, 0.5),
        (("c", "r", "p"), -1, 0.25),
    ]
    assert both.score == pytest.approx(0.25 / 0.75)
    assert both.mixed is True


def test_positions_cover_every_proposal_in_graph_order() -> None:
    graph = arguments([("a", "p", 1), ("a", "q", -1)], proposals=("q", "p"))
    found = positions(graph, stances([("ann", "a", S)]))
    assert [(k, v.score) for k, v in found["ann"].items()] == [("q", -1.0), ("p", 1.0)]


# --------------------------------------------------------------------------- agreement

# a holds x+ y+ z+; b holds x+ y+ z-; c holds x-; e holds x+ y- (cancels out with a).
HELD = [
    ("a", "x", S), ("a", "y", S), ("a", "z", S),
    ("b", "x", S), ("b", "y", S), ("b", "z", OPP),
    ("c", "x", OPP),
    ("e", "x", S), ("e", "y", OPP),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "ab", "ac"),
    [
        ("none", 1.0, -1.0),
        ("average", 1 / 3, -0.5),
        ("jaccard", 2 / 4 - 1 / 5, -1 / 3),
        ("cosine", 1 / 3, -1 / math.sqrt(3)),
    ],
)
def test_agreement_subtracts_conflict_from_congruence(method: str, ab: float, ac: float) -> None:
    graph = agreement(stances(HELD), normalisation=method)
    assert set(graph.nodes) == {"a", "b", "c", "e"}
    weights = {(a, b) if a < b else (b, a): w for a, b, w in graph.edges(data="weight")}
    assert weights["a", "b"] == pytest.approx(ab)
    assert weights["a", "c"] == pytest.approx(ac)
    assert weights["b", "c"] == pytest.approx(ac)  # same sizes as a-c
    assert ("a", "e") not in weights  # one agreement, one conflict: no edge
    assert graph.edges["a", "b"]["congruence"] == 2
    assert graph.edges["a", "b"]["conflict"] == 1


def test_agreement_counts_an_actor_with_both_positions_on_both_sides() -> None:
    graph = agreement(stances([("a", "x", S), ("a", "x", OPP), ("b", "x", S), ("c", "x", S)]))
    assert graph.get_edge_data("a", "b") is None  # 1 congruence - 1 conflict
    assert graph.edges["b", "c"]["weight"] == 1.0


def test_agreement_ignores_neutral_stances_and_rejects_unknown_normalisation() -> None:
    assert agreement(stances([("a", "x", N), ("b", "x", N)])).number_of_edges() == 0
    with pytest.raises(ValueError, match="unknown normalisation 'dice'"):
        agreement(stances([]), normalisation="dice")


# --------------------------------------------------------------------------- camps


def test_a_balanced_network_splits_without_frustration_whatever_the_start() -> None:
    graph = signed([("a", "b", 1), ("c", "d", 2), ("a", "c", -1), ("b", "d", -1)])
    for lean in ({}, {"a": 1.0, "b": -1.0, "c": 1.0, "d": -1.0}):
        found = camps(graph, lean=lean)
        assert found == (("a", "b"), ("c", "d"))
        assert frustrated_edges(graph, found) == ()


def test_an_unbalanced_triangle_frustrates_its_lightest_edge() -> None:
    graph = signed([("a", "b", 2), ("b", "c", 1), ("a", "c", -3)])
    found = camps(graph)
    assert found == (("a", "b"), ("c",))
    assert frustrated_edges(graph, found) == (("b", "c"),)


def test_a_third_camp_only_where_it_lowers_frustration() -> None:
    hostile = signed([("a", "b", -1), ("b", "c", -1), ("a", "c", -1)])
    found = camps(hostile, lean={"a": 1.0, "b": 0.5, "c": -1.0})
    assert found == (("a",), ("b",), ("c",))
    assert frustrated_edges(hostile, found) == ()
    # Same leans, but b agrees with a: two camps suffice.
    friendly = signed([("a", "b", 1), ("b", "c", -1), ("a", "c", -1)])
    assert camps(friendly, lean={"a": 1.0, "b": 0.5, "c": -1.0}) == (("a", "b"), ("c",))


def test_actors_without_agreement_edges_follow_their_lean_or_stay_alone() -> None:
    graph = signed([("a", "b", 1)], nodes=["lone-for", "lone-against", "unknown"])
    found = camps(graph, lean={"a": 1.0, "lone-for": 0.3, "lone-against": -0.2})
    assert found == (("a", "b", "lone-for"), ("lone-against",), ("unknown",))


def test_camps_do_not_depend_on_insertion_order() -> None:
    edges = [("a", "b", 1), ("b", "c", 1), ("c", "a", -1), ("d", "a", -2), ("d", "e", 1)]
    forward, backward = signed(edges), signed(reversed(edges))
    # b-c is frustrated whatever the split; both starts find a split with only b-c.
    assert camps(forward) == camps(backward) == (("a", "b"), ("d", "e"), ("c",))
    assert frustrated_edges(forward, camps(forward)) == (("b", "c"),)


# --------------------------------------------------------------------------- contested


def test_contested_claims_are_ranked_by_balance_and_size() -> None:
    held = [
        ("a", "even", S), ("b", "even", OPP),
        ("a", "big", S), ("b", "big", S), ("c", "big", OPP), ("d", "big", OPP),
        ("a", "lopsided", S), ("b", "lopsided", S), ("c", "lopsided", OPP),
        ("a", "tie", S), ("c", "tie", OPP),
        ("a", "one-sided", S), ("b", "one-sided", S), ("c", "mute", N),
    ]  # fmt: skip
    found = contested(stances(held))
    assert [(c.claim, round(c.score, 4)) for c in found] == [
        ("big", round(math.log(5), 4)),
        ("even", round(math.log(3), 4)),
        ("tie", round(math.log(3), 4)),
        ("lopsided", round(2 / 3 * math.log(4), 4)),
    ]
    assert (found[0].supporters, found[0].opponents) == (("a", "b"), ("c", "d"))
    assert controversy(0, 0) == 0.0


def test_centrality_is_pagerank_from_arguing_claim_to_argued_claim() -> None:
    graph = arguments([("a", "p", 1), ("b", "p", -1), ("c", "a", 1)])
    found = centrality(graph)
    assert sum(found.values()) == pytest.approx(1.0)
    assert {k: round(v, 4) for k, v in found.items()} == {
        "p": 0.4706,
        "a": 0.2544,
        "b": 0.1375,
        "c": 0.1375,
    }
    assert centrality(nx.DiGraph()) == {}


def test_centrality_matches_networkx_pagerank_on_random_graphs() -> None:
    reference = pytest.importorskip("networkx.algorithms.link_analysis.pagerank_alg")
    rng = random.Random(7)
    for _ in range(20):
        graph = nx.gnp_random_graph(
            rng.randint(1, 12), 0.25, seed=rng.randint(0, 10**6), directed=True
        )
        expected = reference._pagerank_python(graph, tol=1e-12, max_iter=10_000)
        found = centrality(graph, tolerance=1e-13)
        assert found == pytest.approx(expected, abs=1e-8)


# --------------------------------------------------------------------------- acceptance


def test_grounded_labelling_on_chains_and_cycles() -> None:
    framework = nx.DiGraph(
        [
            ("a", "b"), ("b", "c"),  # chain: a in, b out, c in
            ("x", "y"), ("y", "z"), ("z", "x"),  # odd cycle: undecided
            ("u", "v"), ("v", "u"),  # even cycle: undecided (grounded is sceptical)
            ("s", "s"), ("s", "t"),  # self-attacker and its target: undecided
            ("k", "m"), ("m", "n"), ("n", "m"),  # a cycle broken from outside
        ]
    )  # fmt: skip
    assert grounded_labelling(framework) == {
        "a": "in", "b": "out", "c": "in",
        "x": "undecided", "y": "undecided", "z": "undecided",
        "u": "undecided", "v": "undecided",
        "s": "undecided", "t": "undecided",
        "k": "in", "m": "out", "n": "in",
    }  # fmt: skip


def test_grounded_labelling_ignores_supports() -> None:
    graph = arguments([("a", "p", 1), ("b", "a", -1)])
    assert grounded_labelling(graph) == {"p": "in", "a": "out", "b": "in"}


def naive_grounded(nodes: list[str], attacks: set[tuple[str, str]]) -> dict[str, str]:
    """The least fixed point of Dung's characteristic function, by plain iteration."""
    extension: set[str] = set()
    while True:
        defended = {
            a
            for a in nodes
            if all(any((d, b) in attacks for d in extension) for b in nodes if (b, a) in attacks)
        }
        if defended == extension:
            break
        extension = defended
    beaten = {b for a, b in attacks if a in extension}
    return {a: "in" if a in extension else "out" if a in beaten else "undecided" for a in nodes}


def random_frameworks(count: int, seed: int) -> Iterable[tuple[list[str], set[tuple[str, str]]]]:
    rng = random.Random(seed)
    for _ in range(count):
        nodes = [f"a{i}" for i in range(rng.randint(1, 12))]
        density = rng.choice((0.05, 0.1, 0.2, 0.35))
        attacks = {(a, b) for a in nodes for b in nodes if rng.random() < density}
        yield nodes, attacks


def as_graph(nodes: list[str], attacks: set[tuple[str, str]]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(sorted(attacks))
    return graph


def test_grounded_labelling_matches_the_characteristic_fixpoint() -> None:
    for nodes, attacks in random_frameworks(400, seed=1):
        assert grounded_labelling(as_graph(nodes, attacks)) == naive_grounded(nodes, attacks)


def test_grounded_labelling_matches_python_argumentation() -> None:
    pytest.importorskip("py_arg")
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    for nodes, attacks in random_frameworks(300, seed=2):
        arguments = {name: Argument(name) for name in nodes}
        defeats = [Defeat(arguments[a], arguments[b]) for a, b in sorted(attacks)]
        framework = AbstractArgumentationFramework("random", list(arguments.values()), defeats)
        extension = {argument.name for argument in get_grounded_extension(framework)}
        labels = grounded_labelling(as_graph(nodes, attacks))
        assert {a for a, label in labels.items() if label == "in"} == extension
        beaten = {b for a, b in attacks if a in extension}
        assert {a for a, label in labels.items() if label == "out"} == beaten


def test_supported_and_secondary_attacks_are_derived() -> None:
    supported = arguments([("a", "b", 1), ("b", "c", -1)], proposals=())
    assert derived_attacks(supported) == (("a", "c"),)
    secondary = arguments([("a", "b", -1), ("b", "c", 1), ("c", "d", 1)], proposals=())
    assert derived_attacks(secondary) == (("a", "c"), ("a", "d"))
    chained = arguments([("s1", "s2", 1), ("s2", "b", 1), ("b", "c", -1)], proposals=())
    assert derived_attacks(chained) == (("s1", "c"), ("s2", "c"))
    both = arguments([("a", "b", 1), ("b", "c", -1), ("c", "d", 1)], proposals=())
    assert derived_attacks(both) == (("a", "c"), ("a", "d"), ("b", "d"))
    direct = arguments([("a", "b", 1), ("b", "c", -1), ("a", "c", -1)], proposals=())
    assert derived_attacks(direct) == ()


def test_bipolar_labelling_uses_the_derived_attacks() -> None:
    # e attacks s; s supports c. Grounded: e in, s out, c in (nothing attacks c).
    # Bipolar: e attacks c too (secondary), so c is out.
    graph = arguments([("e", "s", -1), ("s", "c", 1)], proposals=())
    assert grounded_labelling(graph) == {"e": "in", "s": "out", "c": "in"}
    assert bipolar_labelling(graph) == {"e": "in", "s": "out", "c": "out"}
    # a supports b, b attacks c, c attacks a. Derived: a attacks c (supported), c attacks
    # b (secondary), so nothing is unattacked any more and everything is undecided.
    cycle = arguments([("a", "b", 1), ("b", "c", -1), ("c", "a", -1)], proposals=())
    assert derived_attacks(cycle) == (("a", "c"), ("c", "b"))
    assert grounded_labelling(cycle) == {"a": "in", "b": "in", "c": "out"}
    assert bipolar_labelling(cycle) == dict.fromkeys("abc", "undecided")


# --------------------------------------------------------------------------- coherence


def test_incoherent_actors_support_a_claim_and_its_attacker() -> None:
    graph = arguments([("x", "y", -1), ("y", "x", -1), ("x", "z", 1), ("w", "w", -1)])
    held = [
        ("ann", "x", S), ("ann", "y", S),  # mutual attack: two triples
        ("bob", "x", S), ("bob", "z", S),  # support is fine
        ("cy", "x", OPP), ("cy", "y", S),  # opposing the attacker is fine
        ("dee", "w", S),  # a self-attacking claim is not a pair
    ]  # fmt: skip
    assert incoherent(graph, stances(held)) == (("ann", "x", "y"), ("ann", "y", "x"))


# --------------------------------------------------------------------------- analyse


def test_analyse_ties_the_analyses_together() -> None:
    R, P = RelationKind, Position
    amap = make(
        [("p", ClaimKind.PROPOSAL), ("saves", ClaimKind.CLAIM), ("harm", ClaimKind.CLAIM)],
        [("saves", R.SUPPORTS, "p"), ("harm", R.ATTACKS, "p"), ("saves", R.ATTACKS, "harm")],
        [
            ("ann", P.SUPPORTS, "p"),
            ("ann", P.SUPPORTS, "saves"),
            ("bob", P.OPPOSES, "p"),
            ("bob", P.SUPPORTS, "harm"),
            ("cy", P.SUPPORTS, "saves"),
            ("cy", P.SUPPORTS, "harm"),
        ],
        actors=["ann", "bob", "cy", "dee"],
    )
    result = analyse(amap, normalisation="cosine")
    scores = {
        a: {p: round(s.score, 4) for p, s in by.items()} for a, by in result.positions.items()
    }
    # The relations cite no source, so only the direct stances on p are stated.
    assert scores == {"ann": {"p": 1.0}, "bob": {"p": -1.0}}
    # cy: saves -> p (+0.5), saves -> harm -> p (+0.25), harm -> p (-0.5): 0.25 / 1.25.
    assert {
        a: {p: round(s.score, 4) for p, s in by.items()}
        for a, by in result.inferred_positions.items()
    } == {"cy": {"p": 0.2}}
    assert result.inferred_positions["cy"]["p"].mixed is True
    assert result.sides["p"].summary() == "1 for, 1 against"
    assert result.question == "p"
    assert [(c.number, c.members, c.side) for c in result.camp_info] == [
        (1, ("ann", "cy"), "for"),
        (2, ("bob",), "against"),
    ]
    assert result.unaligned == ("dee",)
    assert result.acceptance_reasons == {"harm": ("saves",)}
    # DF-QuAD: saves 0.5; harm attacked by saves: 0.25; p: attack 0.25 < support 0.5,
    # so 0.5 + 0.5 * 0.25 = 0.625.
    assert result.strength == {"p": 0.625, "saves": 0.5, "harm": 0.25}
    assert result.stance_sides["p"] == {
        "ann/supports/p": 1,
        "ann/supports/saves": 1,
        "bob/opposes/p": -1,
        "bob/supports/harm": -1,
        "cy/supports/saves": 1,
        "cy/supports/harm": -1,
    }
    assert result.agreement == (
        ("ann", "bob", pytest.approx(-0.5)),
        ("ann", "cy", pytest.approx(0.5)),
        ("bob", "cy", pytest.approx(0.5)),
    )
    assert result.camps == (("ann", "cy"), ("bob",), ("dee",))
    assert result.frustration == (("bob", "cy"),)
    assert [c.claim for c in result.contested] == ["p"]
    assert result.acceptance == {"p": "in", "saves": "in", "harm": "out"}
    assert result.bipolar_acceptance == {"p": "in", "saves": "in", "harm": "out"}
    assert result.derived_attacks == ()
    assert result.incoherent == (("cy", "saves", "harm"),)
    assert result.normalisation == "cosine"
    assert max(result.centrality, key=result.centrality.__getitem__) == "p"


def snapshot(graph: nx.Graph) -> tuple[object, ...]:
    return (list(graph.nodes(data=True)), list(graph.edges(data=True)), type(graph))


def test_no_analysis_changes_its_input_graphs() -> None:
    args = arguments([("a", "p", 1), ("b", "a", -1), ("c", "b", 1)])
    held = stances([("ann", "a", S), ("bob", "b", OPP), ("bob", "c", S)])
    network = signed([("ann", "bob", -1)], nodes=["cy"])
    before = [snapshot(g) for g in (args, held, network)]
    positions(args, held)
    agreement(held, normalisation="jaccard")
    camps(network, lean={"ann": 1.0})
    frustrated_edges(network, [("ann", "bob")])
    contested(held)
    centrality(args)
    grounded_labelling(args)
    bipolar_labelling(args)
    derived_attacks(args)
    incoherent(args, held)
    assert [snapshot(g) for g in (args, held, network)] == before
