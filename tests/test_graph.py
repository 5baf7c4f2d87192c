"""The model as networkx graphs: nodes, edges and attributes exactly as the analyses read them."""

from __future__ import annotations

from argmap.analysis.graph import argument_graph, stance_graph
from argmap.model import (
    ClaimKind,
    Position,
    RelationKind,
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
