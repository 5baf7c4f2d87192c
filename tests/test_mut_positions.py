"""`positions`, pinned where mutmut 3.8.1 found a gap (sixth pass, docs/performance.md).

Each test is a small literal graph with the exact contributions it must give.
"""

from __future__ import annotations

import json

import networkx as nx

from argmap.analysis.graph import StanceEdges
from argmap.analysis.positions import Paths, Route, positions, proposal_paths


def _arguments() -> nx.DiGraph:
    # c supports m, m attacks p: a stance on c reaches p in two steps, on m in one.
    g = nx.DiGraph()
    g.add_node("p", kind="proposal")
    g.add_edge("m", "p", sign=-1, relation="m/attacks/p", source="s")
    g.add_edge("c", "m", sign=1, relation="c/supports/m", source="s")
    return g


def test_a_neutral_stance_first_leaves_the_signed_ones_after_it() -> None:
    stances = StanceEdges(
        ("ann", "bob"),
        [("ann", "p", "ann/neutral/p", 0, "s"), ("bob", "p", "bob/supports/p", 1, "s")],
    )
    found = positions(_arguments(), stances)
    assert list(found) == ["bob"]
    assert found["bob"]["p"].score == 1.0


def test_a_proposal_with_no_route_leaves_the_next_proposals_routes() -> None:
    route: Route = (("c", "q"), 1, (("c/supports/q", "s", False, False, 1),))
    paths: Paths = {"c": {"p": (), "q": (route,)}}
    g = nx.DiGraph()
    g.add_nodes_from(["p", "q", "c"])
    stances = StanceEdges(("ann",), [("ann", "c", "ann/supports/c", 1, "s")])
    found = positions(g, stances, paths=paths)
    assert list(found["ann"]) == ["q"]
    assert found["ann"]["q"].contributions[0].weight == 0.5


def test_a_contributions_sign_is_the_integer_product_of_the_signs() -> None:
    stances = StanceEdges(("ann",), [("ann", "c", "ann/opposes/c", -1, "s")])
    (contribution,) = positions(_arguments(), stances)["ann"]["p"].contributions
    assert contribution.path == ("c", "m", "p")
    assert contribution.sign == 1 and type(contribution.sign) is int
    assert json.dumps(contribution.sign) == "1"
    assert contribution.weight == 0.25


def test_max_hops_bounds_the_paths_positions_works_out_itself() -> None:
    stances = StanceEdges(("ann",), [("ann", "c", "ann/supports/c", 1, "s")])
    assert positions(_arguments(), stances, max_hops=1) == {}
    assert list(positions(_arguments(), stances, max_hops=2)) == ["ann"]
    assert positions(_arguments(), stances, max_hops=1) == positions(
        _arguments(), stances, paths=proposal_paths(_arguments(), max_hops=1)
    )
