"""The model as networkx graphs: nodes, edges and attributes exactly as the analyses read them."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx

from argmap.analysis.graph import (
    StanceEdges,
    argument_graph,
    as_stance_edges,
    map_stance_edges,
    stance_edges,
    stance_graph,
)
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    RelationKind,
    Stance,
)

from .helpers import make

SUP, ATT = RelationKind.SUPPORTS, RelationKind.ATTACKS


def test_argument_graph_has_claims_with_kinds_and_signed_relations() -> None:
    amap = make(
        [("p", ClaimKind.PROPOSAL), ("a", ClaimKind.CLAIM), ("e", ClaimKind.EVIDENCE)],
        [("a", SUP, "p"), ("e", ATT, "a")],
    )
    graph = argument_graph(amap)
    assert list(graph.nodes(data=True)) == [
        ("p", {"kind": "proposal", "label": "p!"}),
        ("a", {"kind": "claim", "label": "a!"}),
        ("e", {"kind": "evidence", "label": "e!"}),
    ]
    assert list(graph.edges(data=True)) == [
        (
            "a",
            "p",
            {
                "kind": "supports",
                "sign": 1,
                "relation": "a/supports/p",
                "source": None,
                "inferred": False,
            },
        ),
        (
            "e",
            "a",
            {
                "kind": "attacks",
                "sign": -1,
                "relation": "e/attacks/a",
                "source": None,
                "inferred": False,
            },
        ),
    ]


def test_a_pair_related_both_ways_keeps_the_attack_whatever_the_order() -> None:
    claims = [("a", ClaimKind.CLAIM), ("b", ClaimKind.CLAIM)]
    for relations in ([("a", SUP, "b"), ("a", ATT, "b")], [("a", ATT, "b"), ("a", SUP, "b")]):
        graph = argument_graph(make(claims, relations))
        assert graph.edges["a", "b"]["sign"] == -1


def test_relations_to_unknown_claims_are_left_out() -> None:
    graph = argument_graph(make([("a", ClaimKind.CLAIM)], [("a", SUP, "ghost")]))
    assert list(graph.nodes) == ["a"]
    assert graph.number_of_edges() == 0


def test_stance_graph_is_bipartite_with_one_edge_per_stance() -> None:
    amap = make(
        [("p", ClaimKind.PROPOSAL)],
        stances=[
            ("ann", Position.SUPPORTS, "p"),
            ("ann", Position.OPPOSES, "p"),
            ("bob", Position.NEUTRAL, "p"),
            ("ghost", Position.SUPPORTS, "p"),
        ],
        actors=["ann", "bob", "cy"],
    )
    graph = stance_graph(amap)
    assert list(graph.nodes(data="bipartite")) == [("ann", 0), ("bob", 0), ("cy", 0), ("p", 1)]
    assert list(graph.edges(keys=True, data=True)) == [
        ("ann", "p", "ann/supports/p", {"position": "supports", "sign": 1, "source": "src"}),
        ("ann", "p", "ann/opposes/p", {"position": "opposes", "sign": -1, "source": "src"}),
        ("bob", "p", "bob/neutral/p", {"position": "neutral", "sign": 0, "source": "src"}),
    ]


# --------------------------------------------------------------------------- stance edges


def _graph_reading(graph: nx.MultiDiGraph) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """What `StanceEdges` must hold, read through networkx's own views."""
    actors = tuple(node for node, bipartite in graph.nodes(data="bipartite") if bipartite == 0)
    edges = [
        (a, c, key, data.get("sign"), data.get("source", ""))
        for a, c, key, data in graph.edges(keys=True, data=True)
    ]
    return actors, edges


def test_stance_edges_are_the_graphs_edges_in_order_with_sign_and_source() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("zed", bipartite=0)
    graph.add_node("c", bipartite=1)
    graph.add_edge("ann", "d", key="k1", sign=1, source="s")
    graph.add_edge("zed", "c", key="k2", sign=-1)
    graph.add_edge("ann", "c", key="k3", source=None)
    graph.add_edge("ann", "d", key="k4", sign=0, source="t")
    found = stance_edges(graph)
    assert found == StanceEdges(
        ("zed",),
        [
            ("zed", "c", "k2", -1, ""),
            ("ann", "d", "k1", 1, "s"),
            ("ann", "d", "k4", 0, "t"),
            ("ann", "c", "k3", None, None),
        ],
    )
    assert as_stance_edges(found) is found
    assert as_stance_edges(graph) == found


def test_map_stance_edges_group_by_actor_then_claim_as_the_graph_does() -> None:
    source = "src"
    amap = ArgumentMap(
        title="t",
        actors=(
            Actor("bob", "Bob", ActorKind.PERSON),
            Actor("ann", "Ann", ActorKind.PERSON),
            Actor("bob", "Bob again", ActorKind.PERSON),
            Actor("p", "Same id as a claim", ActorKind.PERSON),
            Actor("cy", "Cy", ActorKind.PERSON),
        ),
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("q", "Q")),
        stances=(
            Stance("a1", "ann", "q", Position.SUPPORTS, source),
            Stance("b1", "bob", "p", Position.OPPOSES, source),
            Stance("a2", "ann", "p", Position.NEUTRAL, "other"),
            Stance("a3", "ann", "q", Position.OPPOSES, source),
            Stance("a1", "ann", "q", Position.OPPOSES, "later"),  # same id: replaces a1
            Stance("g1", "ghost", "p", Position.SUPPORTS, source),
            Stance("b2", "bob", "ghost", Position.SUPPORTS, source),
            Stance("p1", "p", "q", Position.SUPPORTS, source),
        ),
    )
    found = map_stance_edges(amap)
    assert found == StanceEdges(
        ("bob", "ann", "cy"),
        [
            ("bob", "p", "b1", -1, "src"),
            ("ann", "q", "a1", -1, "later"),
            ("ann", "q", "a3", -1, "src"),
            ("ann", "p", "a2", 0, "other"),
            ("p", "q", "p1", 1, "src"),
        ],
    )
    assert (found.actors, found.edges) == _graph_reading(stance_graph(amap))


def test_map_stance_edges_match_the_graph_on_random_maps() -> None:
    rng = random.Random(18)
    positions = list(Position)
    for _ in range(300):
        names = [f"n{i}" for i in range(rng.randint(0, 6))]
        actors = (
            tuple(Actor(rng.choice(names), "A", ActorKind.PERSON) for _ in range(rng.randint(0, 5)))
            if names
            else ()
        )
        claims = (
            tuple(Claim(rng.choice(names), "C") for _ in range(rng.randint(0, 5))) if names else ()
        )
        stances = tuple(
            Stance(
                rng.choice(["s1", "s2", "s3", f"s{rng.randint(4, 40)}"]),
                rng.choice([*names, "ghost"]),
                rng.choice([*names, "ghost"]),
                rng.choice(positions),
                rng.choice(["x", "y"]),
            )
            for _ in range(rng.randint(0, 12))
        )
        amap = ArgumentMap(title="t", actors=actors, claims=claims, stances=stances)
        found = map_stance_edges(amap)
        assert (found.actors, found.edges) == _graph_reading(stance_graph(amap))
        assert found == stance_edges(stance_graph(amap))
