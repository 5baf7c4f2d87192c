"""The analysis's one-pass helpers give what the functions they replace gave.

`readings` (one pass over the relations for every labelling, the defeaters and DF-QuAD),
Kahn's order for DF-QuAD, `stances_sides` (one pass over the stances for every
proposal), positions' per-claim route parts and centrality's arrays: exact values on
small literal graphs, and the same values as the separate public functions on random ones.
"""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from argmap.analysis.acceptance import (
    _derived,
    _flatten,
    _grounded,
    _indexed,
    _topological,
    bipolar_labelling,
    defeaters,
    derived_attacks,
    dfquad_strengths,
    disabled_relations,
    grounded_labelling,
    labellings,
    readings,
)
from argmap.analysis.contested import _python_sum, centrality
from argmap.analysis.positions import _prepare, proposal_paths
from argmap.analysis.sides import stance_sides, stances_sides
from tests import reference_acceptance


def _framework() -> tuple[nx.DiGraph, dict[str, list[tuple[str, str]]]]:
    # u undercuts the attack a -> p; b supports a; c attacks b; p has no attacker left.
    g = nx.DiGraph()
    for node in ("p", "a", "b", "c", "u"):
        g.add_node(node)
    g.add_edge("a", "p", sign=-1, relation="a/attacks/p")
    g.add_edge("b", "a", sign=1, relation="b/supports/a")
    g.add_edge("c", "b", sign=-1, relation="c/attacks/b")
    return g, {"a/attacks/p": [("u/undercuts/a/attacks/p", "u")]}


def test_indexed_splits_attacks_and_supports_in_edge_order() -> None:
    g = nx.DiGraph()
    g.add_edge("a", "b", sign=1, relation="r1")
    g.add_edge("a", "c", sign=-1, relation="r2")
    g.add_edge("c", "b")  # no sign: an attack, named by its ends
    g.add_edge("b", "d", sign=1)
    framework = _indexed(g)
    assert framework.nodes == ["a", "b", "c", "d"]
    assert framework.position == {"a": 0, "b": 1, "c": 2, "d": 3}
    assert framework.attacks == [(0, 2, "r2"), (2, 1, "c->b")]
    assert framework.supports == [(0, 1, "r1"), (1, 3, "b->d")]


def test_rank_is_each_claims_place_in_id_order() -> None:
    g = nx.DiGraph()
    g.add_nodes_from(["m", "b", "z", "a"])
    framework = _indexed(g)
    assert framework.rank() == [2, 1, 3, 0]
    assert framework.by_id([0, 2, 3], framework.rank()) == ("a", "m", "z")


def test_flatten_numbers_relation_nodes_as_met() -> None:
    # a attacks p by r; u undercuts r by "c"; "d" undercuts "c" from w; "e" undercuts a
    # support s of no edge here from a claim not in the graph.
    g = nx.DiGraph()
    g.add_nodes_from(["p", "a", "u", "w"])
    g.add_edge("a", "p", sign=-1, relation="r")
    cuts = {"r": [("c", "u")], "c": [("d", "w")], "s": [("e", "nowhere")]}
    targets, holds = _flatten(_indexed(g), cuts)
    # 4, 5: r's nodes; 6, 7: c's; 8, 9: d's; 10: s's "holds" node, attacking nothing.
    assert targets == [[], [4], [6], [8], [5], [0], [7], [5], [9], [7], []]
    assert holds == {"r": 5, "c": 7, "d": 9, "s": 10}


def test_grounded_counts_a_repeated_attack_once_lifted() -> None:
    # 0 attacks 1 twice; 1 attacks 2; 3 and 4 attack each other; 5 attacks itself.
    assert list(_grounded([[1, 1], [2], [], [4], [3], [5]])) == [1, 2, 1, 0, 0, 0]
    # Both attackers of 2 must be out before 2 is in: 0 -> 1 -> 2 <- 3 <- 4.
    assert list(_grounded([[1], [2], [], [2], [3]])) == [1, 2, 1, 2, 1]
    assert list(_grounded([])) == []


def test_derived_pairs_come_sorted_by_id_not_by_position() -> None:
    g = nx.DiGraph()
    g.add_nodes_from(["z", "b", "y", "a"])
    g.add_edge("z", "b", sign=1, relation="z/supports/b")
    g.add_edge("a", "b", sign=1, relation="a/supports/b")
    g.add_edge("b", "y", sign=-1, relation="b/attacks/y")
    framework = _indexed(g)
    # z and a support b, which attacks y: a and z attack y, a first by id.
    assert _derived(framework, framework.rank(), frozenset()) == [(3, 2), (0, 2)]
    assert _derived(framework, framework.rank(), frozenset({"a/supports/b"})) == [(0, 2)]
    assert derived_attacks(g) == (("a", "y"), ("z", "y"))


def test_readings_exact_values_with_an_undercut() -> None:
    g, cuts = _framework()
    r = readings(g, cuts)
    assert r.grounded == {"p": "in", "a": "in", "b": "out", "c": "in", "u": "in"}
    assert r.bipolar == {"p": "in", "a": "out", "b": "out", "c": "in", "u": "in"}
    assert r.disabled == frozenset({"a/attacks/p"})
    assert r.derived == (("c", "a"),)
    assert r.grounded_reasons == {"b": ("c",)}
    assert r.bipolar_reasons == {"a": ("c",), "b": ("c",)}
    # c = u = 0.5; b = 0.5 - 0.5 * 0.5 = 0.25; a = 0.5 + 0.5 * 0.25 = 0.625;
    # the attack on p carries 0.625 * (1 - 0.5) = 0.3125: p = 0.5 - 0.5 * 0.3125.
    assert r.strength == {"p": 0.34375, "a": 0.625, "b": 0.25, "c": 0.5, "u": 0.5}


def _random_framework(rng: random.Random) -> tuple[nx.DiGraph, dict[str, list[tuple[str, str]]]]:
    g = nx.DiGraph()
    nodes = [f"n{i}" for i in range(rng.randint(1, 12))]
    g.add_nodes_from(nodes)
    for _ in range(rng.randint(0, 20)):
        a, b = rng.choice(nodes), rng.choice(nodes)
        sign = rng.choice((-1, 1))
        g.add_edge(a, b, sign=sign, relation=f"{a}/{'attacks' if sign < 0 else 'supports'}/{b}")
    cuts: dict[str, list[tuple[str, str]]] = {}
    relations = [data["relation"] for _, _, data in g.edges(data=True)]
    for _ in range(rng.randint(0, 3)):
        if relations:
            relation, claim = rng.choice(relations), rng.choice(nodes)
            cuts.setdefault(relation, []).append((f"{claim}/undercuts/{relation}", claim))
    return g, cuts


@pytest.mark.parametrize("seed", range(150))
def test_readings_equal_the_separate_functions(seed: int) -> None:
    g, cuts = _random_framework(random.Random(seed))
    r = readings(g, cuts)
    disabled = disabled_relations(g, cuts)
    derived = derived_attacks(g, disabled)
    assert (r.grounded, r.bipolar, r.disabled, r.derived) == labellings(g, cuts)
    assert r.grounded == grounded_labelling(g, cuts)
    assert r.bipolar == bipolar_labelling(g, cuts)
    assert r.disabled == disabled
    assert r.grounded_reasons == defeaters(g, r.grounded, cuts)
    assert r.bipolar_reasons == defeaters(g, r.bipolar, cuts, derived)
    assert r.strength == dfquad_strengths(g, cuts)
    assert list(r.strength) == list(g)


def _tangled_framework(
    rng: random.Random,
) -> tuple[nx.DiGraph, dict[str, list[tuple[str, str]]]]:
    # Ids whose order is not the graph's, self-attacks, pairs related both ways, edges
    # without a relation id or a sign, undercuts of undercuts, undercuts of relations
    # not in the graph and undercuts from claims not in it.
    g = nx.DiGraph()
    nodes = [f"{rng.choice('zyxabc')}{i}" for i in range(rng.randint(1, 30))]
    rng.shuffle(nodes)
    g.add_nodes_from(nodes)
    for _ in range(rng.randint(0, 60)):
        a, b = rng.choice(nodes), rng.choice(nodes)
        data: dict[str, object] = {}
        if rng.random() < 0.9:
            data["sign"] = rng.choice((-1, 1))
        if rng.random() < 0.8:
            data["relation"] = f"{a}/{data.get('sign', 0)}/{b}"
        g.add_edge(a, b, **data)
    relations = [data.get("relation", f"{a}->{b}") for a, b, data in g.edges(data=True)]
    relations.append("not/in/the/graph")
    cuts: dict[str, list[tuple[str, str]]] = {}
    for _ in range(rng.randint(0, 8)):
        relation = rng.choice(relations)
        claim = rng.choice([*nodes, "nowhere"])
        undercut = f"{claim}/undercuts/{relation}"
        cuts.setdefault(relation, []).append((undercut, claim))
        relations.append(undercut)
    return g, cuts


@pytest.mark.parametrize("seed", range(300))
def test_readings_equal_the_reference_module(seed: int) -> None:
    # The reference is the module before it worked on positions (tests/reference_acceptance.py).
    rng = random.Random(seed)
    g, cuts = _tangled_framework(rng) if seed % 3 else _random_framework(rng)
    # repr: the same values, floats bit for bit, and every dict in the same order.
    assert repr(readings(g, cuts)) == repr(reference_acceptance.readings(g, cuts))
    assert repr(dfquad_strengths(g, cuts)) == repr(reference_acceptance.dfquad_strengths(g, cuts))
    labels = grounded_labelling(g, cuts)
    assert labels == reference_acceptance.grounded_labelling(g, cuts)
    assert disabled_relations(g, cuts) == reference_acceptance.disabled_relations(g, cuts)
    derived = derived_attacks(g)
    assert derived == reference_acceptance.derived_attacks(g)
    assert defeaters(g, labels, cuts, derived) == reference_acceptance.defeaters(
        g, labels, cuts, derived
    )


def test_readings_equal_the_reference_module_on_a_deep_debate() -> None:
    # Chains hundreds of relations deep, the debate's shape (bench/generate.py).
    rng = random.Random(7)
    g = nx.DiGraph()
    g.add_node("p0")
    for i in range(1, 600):
        target = f"p{rng.randrange(max(0, i - 3), i)}"
        sign = rng.choice((-1, 1))
        g.add_edge(f"p{i}", target, sign=sign, relation=f"p{i}/{sign}/{target}")
    cuts = {"p5/1/p4": [("u", "p9")]} if g.has_edge("p5", "p4") else {}
    assert repr(readings(g, cuts)) == repr(reference_acceptance.readings(g, cuts))


def test_topological_puts_each_key_after_what_it_needs() -> None:
    assert _topological([[1, 3], [3], [], [2]]) == [2, 3, 1, 0]
    assert _topological([[2, 1], [], [1], []]) == [1, 3, 2, 0]
    # Needed twice: waited for twice.
    assert _topological([[1, 1], []]) == [1, 0]
    assert _topological([]) == []


@pytest.mark.parametrize(
    "needs",
    [[[0]], [[1], [2], [0], []]],
    ids=["self-loop", "three-cycle"],
)
def test_topological_is_none_on_a_cycle(needs: list[list[int]]) -> None:
    assert _topological(needs) is None


def test_dfquad_on_a_cycle_still_runs_the_rounds() -> None:
    g = nx.DiGraph()
    g.add_edge("a", "b", sign=-1)
    g.add_edge("b", "a", sign=-1)
    # Symmetric: both settle at the fixed point v = 0.5 - 0.5 v, v = 1/3.
    assert {k: round(v, 9) for k, v in dfquad_strengths(g).items()} == {
        "a": 0.333333333,
        "b": 0.333333333,
    }


def _proposals_and_stances() -> tuple[nx.DiGraph, nx.MultiDiGraph]:
    args = nx.DiGraph()
    args.add_node("p", kind="proposal")
    args.add_node("q", kind="proposal")
    args.add_edge("x", "p", sign=-1, relation="x/attacks/p", source="s", inferred=False)
    args.add_edge("x", "q", sign=1, relation="x/supports/q", source="s", inferred=False)
    args.add_edge("y", "x", sign=1, relation="y/supports/x", source="s", inferred=False)
    st = nx.MultiDiGraph()
    st.add_edge("ann", "y", key="ann/y", sign=1)
    st.add_edge("bob", "x", key="bob/x", sign=-1)
    st.add_edge("cy", "x", key="cy/x", sign=0)
    st.add_edge("dee", "p", key="dee/p", sign=1)
    st.add_edge("eve", "z", key="eve/z", sign=1)  # reaches no proposal
    return args, st


def test_stances_sides_exact_values() -> None:
    args, st = _proposals_and_stances()
    found = stances_sides(proposal_paths(args), st, ["p", "q"])
    assert found == {
        "p": {"ann/y": -1, "bob/x": 1, "cy/x": 0, "dee/p": 1},
        "q": {"ann/y": 1, "bob/x": -1, "cy/x": 0},
    }
    assert list(found["p"]) == ["ann/y", "bob/x", "cy/x", "dee/p"]


def test_stances_sides_equal_stance_sides_per_proposal() -> None:
    args, st = _proposals_and_stances()
    paths = proposal_paths(args)
    assert stances_sides(paths, st, ["q", "p"]) == {p: stance_sides(paths, st, p) for p in "qp"}


def test_stances_sides_two_disagreeing_shortest_routes_give_zero() -> None:
    args = nx.DiGraph()
    args.add_node("p", kind="proposal")
    args.add_edge("a", "p", sign=1, relation="a/supports/p", source="s", inferred=False)
    args.add_edge("b", "p", sign=-1, relation="b/attacks/p", source="s", inferred=False)
    args.add_edge("c", "a", sign=1, relation="c/supports/a", source="s", inferred=False)
    args.add_edge("c", "b", sign=1, relation="c/supports/b", source="s", inferred=False)
    st = nx.MultiDiGraph()
    st.add_edge("ann", "c", key="ann/c", sign=-1)
    assert stances_sides(proposal_paths(args), st, ["p"]) == {"p": {"ann/c": 0}}


def test_prepare_keeps_the_route_and_reads_its_edges() -> None:
    edges = (("c/m", "s1", False, True, 1), ("m/n", None, True, False, -1), ("n/p", "s2", 0, 1, 1))
    route = (("c", "m", "n", "p"), -1, edges)
    assert _prepare(route, 0.5) == (
        route,
        0.125,
        ("c/m", "m/n", "n/p"),
        ("s1", None, "s2"),
        ("c", "n"),
        True,  # an inferred edge: never stated
    )
    assert _prepare((("p",), 1, ()), 0.5) == ((("p",), 1, ()), 1.0, (), (), (), False)


def _plain_pagerank(g: nx.DiGraph, damping: float = 0.85) -> dict[str, float]:
    # The loop centrality had before its ranks moved to arrays: the reference bits.
    nodes = list(g)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    rank = [1 / n] * n
    for _ in range(1000):
        dangling = sum(rank[i] for i, node in enumerate(nodes) if not g.out_degree(node))
        base = (1 - damping) / n + damping * dangling / n
        new = [base] * n
        for i, node in enumerate(nodes):
            targets = list(g.successors(node))
            for t in targets:
                new[index[t]] += damping * rank[i] / len(targets)
        change = sum(abs(a - b) for a, b in zip(new, rank, strict=True))
        rank = new
        if change < 1e-10:
            break
    return dict(zip(nodes, rank, strict=True))


def test_centrality_exact_values_with_several_targets_and_a_cycle() -> None:
    g = nx.DiGraph([("a", "p"), ("a", "q"), ("b", "p"), ("q", "b"), ("b", "q")])
    ranks = centrality(g)
    # By hand: with t = 0.0375 + 0.2125 p (teleport plus dangling p), a = t,
    # p = q = t + 0.425 (a + b), b = t + 0.85 q and a + p + q + b = 1 give
    # t = 1 / 10.254403 and p = 1.85 t / 0.63875.
    assert {k: round(v, 6) for k, v in ranks.items()} == {
        "a": 0.097519,
        "p": 0.282443,
        "q": 0.282443,
        "b": 0.337595,
    }
    assert all(type(v) is float for v in ranks.values())


@pytest.mark.parametrize("seed", range(40))
def test_centrality_same_bits_as_the_plain_loop(seed: int) -> None:
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(rng.randint(1, 30))]
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from((rng.choice(nodes), rng.choice(nodes)) for _ in range(rng.randint(0, 60)))
    assert centrality(g) == _plain_pagerank(g)


@pytest.mark.parametrize(
    "values",
    [[], [0.5], [1e16, 1.0, -1e16], [0.1] * 10, [1.0, 1e-17, 1e-17, -1.0], [3.0, -0.0]],
    ids=["empty", "one", "cancelling", "tenths", "tiny", "negative-zero"],
)
def test_python_sum_is_sum_bit_for_bit(values: list[float]) -> None:
    found = _python_sum(np.array(values, dtype=np.float64))
    assert repr(found) == repr(sum(values))
