"""Tests written against mutmut's survivors in argmap/analysis (docs/testing.md).

Each pins an exact result on a graph small enough to work out by hand; the comments say
how. The camps' two starts and their local search are module-level functions with a
documented contract, so they are tested directly as well as through `camps`.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pytest

from argmap.analysis import analyse
from argmap.analysis.acceptance import dfquad_strengths
from argmap.analysis.camps import _balanced_start, _from_graph, _lean_start, _local_moves
from argmap.analysis.positions import PositionScore, proposal_paths
from argmap.analysis.sides import Camp, Sides, central_question, name_camps, sides, stance_sides
from argmap.load import loads


def signed(edges: Iterable[tuple[str, str, float]], nodes: Iterable[str] = ()) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from(edges)
    return graph


# The search works on actors by position in id order; these read and write by name.


def balanced_start(graph: nx.Graph, lean: dict[str, float] | None = None) -> dict[str, int]:
    net = _from_graph(graph)
    leaning = [(lean or {}).get(actor, 0.0) for actor in net.actors]
    return dict(zip(net.actors, _balanced_start(net, leaning), strict=True))


def lean_start(graph: nx.Graph, lean: dict[str, float]) -> dict[str, int]:
    net = _from_graph(graph)
    leaning = [lean.get(actor, 0.0) for actor in net.actors]
    return dict(zip(net.actors, _lean_start(net, leaning), strict=True))


def local_moves(graph: nx.Graph, start: dict[str, int]) -> dict[str, int]:
    net = _from_graph(graph)
    moved = _local_moves(net, [start[actor] for actor in net.actors])
    return dict(zip(net.actors, moved, strict=True))


# --------------------------------------------------------------------------- camps: starts

# A balanced part whose spanning tree is deep: Kruskal joins d-e (5), then b-c (4), then
# {b, c} with {d, e} by c-d (3), then a (2), so e hangs three levels below the root a
# and its side comes from the parities along the whole path. d, e and b are on a's side
# (d-e agree, c disagrees with both b and d), c on the other. x-y disagree; the
# zero-weight edge x-z joins nothing, so z is a part of its own.
DEEP = [("d", "e", 5), ("b", "c", -4), ("c", "d", -3), ("a", "b", 2), ("x", "y", -1), ("x", "z", 0)]


def test_the_balanced_start_numbers_sides_without_lean_from_two_in_id_order() -> None:
    assert balanced_start(signed(DEEP)) == {
        "a": 2, "b": 2, "d": 2, "e": 2, "c": 3, "x": 4, "y": 5, "z": 6
    }  # fmt: skip


def test_the_balanced_start_puts_the_side_leaning_for_in_camp_zero() -> None:
    # The part's pull is a's side minus c's side: 0 - 0.5 < 0, so c's side is "for".
    assert balanced_start(signed(DEEP), {"c": 0.5}) == {
        "c": 0, "a": 1, "b": 1, "d": 1, "e": 1, "x": 2, "y": 3, "z": 4
    }  # fmt: skip
    # x's side leans for by 0.25 net (x +0.5, y +0.25); e's lean puts a's side for.
    assert balanced_start(signed(DEEP), {"e": 1.0, "x": 0.5, "y": 0.25}) == {
        "a": 0, "b": 0, "d": 0, "e": 0, "c": 1, "x": 0, "y": 1, "z": 2
    }  # fmt: skip


def test_the_balanced_start_ignores_a_lean_that_cancels_out() -> None:
    # a and c lean the same amount on opposite sides: a pull of exactly 0.
    assert balanced_start(signed(DEEP), {"a": 0.5, "c": 0.5})["a"] == 2
    assert balanced_start(signed(DEEP), {"a": 0.5, "c": 0.5 + 1e-13})["a"] == 2


def test_a_lean_of_exactly_the_slack_is_no_lean() -> None:
    # Rounding noise up to 1e-12 never decides a side; just above it does.
    assert balanced_start(signed(DEEP), {"c": 1e-12})["c"] == 3
    assert balanced_start(signed(DEEP), {"c": 2e-12})["c"] == 0


def test_an_edge_without_a_weight_is_an_agreement_of_one() -> None:
    graph = nx.Graph([("a", "b"), ("b", "c")])
    graph.add_edge("c", "d", weight=-1)
    assert balanced_start(graph) == {"a": 2, "b": 2, "c": 2, "d": 3}


def test_the_balanced_start_follows_the_strongest_edges_first() -> None:
    # b-c (-2) is kept, then a-b: a with b, opposite c; a-c (+1) is left out.
    assert balanced_start(signed([("a", "b", 1), ("a", "c", 1), ("b", "c", -2)])) == {
        "a": 2, "b": 2, "c": 3
    }  # fmt: skip
    # Equal weights go by ids: a-b, then a-c (c opposite a); b-c (+1) is left out.
    assert balanced_start(signed([("b", "c", 1), ("a", "c", -1), ("a", "b", 1)])) == {
        "a": 2, "b": 2, "c": 3
    }  # fmt: skip
    # The same edges added in another order give the same start.
    assert balanced_start(signed([("a", "b", 1), ("b", "c", 1), ("a", "c", -1)])) == {
        "a": 2, "b": 2, "c": 3
    }  # fmt: skip


def test_the_lean_start_places_the_undecided_by_their_pull() -> None:
    graph = signed(
        [
            ("c", "a", 1), ("c", "b", 1),  # a tie: the lower camp, 0
            ("d", "b", 2),  # pulled against
            ("e", "a", -1),  # pushed away only: a camp of its own
            ("g", "c", 1),  # c, placed before g, pulls g to camp 0
        ],
        nodes=["f", "h"],
    )  # fmt: skip
    lean = {"a": 0.4, "b": -0.1, "h": 0.0}
    assert lean_start(graph, lean) == {
        "a": 0, "b": 1, "c": 0, "d": 1, "e": 2, "f": 3, "g": 0, "h": 4
    }  # fmt: skip


def test_the_lean_start_leaves_alone_an_actor_pulled_by_almost_nothing() -> None:
    graph = signed([("a", "b", 1e-13)])
    assert lean_start(graph, {"a": 1.0}) == {"a": 0, "b": 2}


# --------------------------------------------------------------------------- camps: search


def test_an_actor_moves_to_the_camp_that_pulls_it() -> None:
    assert local_moves(signed([("a", "b", 1)]), {"a": 0, "b": 1}) == {"a": 1, "b": 1}


def test_a_tie_between_other_camps_goes_to_the_lowest_numbered() -> None:
    # a is pulled equally to 1 (c) and 2 (b); then b follows a into 1.
    graph = signed([("a", "b", 1), ("a", "c", 1)])
    assert local_moves(graph, {"a": 0, "b": 2, "c": 1}) == {"a": 1, "b": 1, "c": 1}


def test_a_tie_with_the_current_camp_keeps_the_actor() -> None:
    # a is pulled as much to 2 (c) as to its own 1 (b): it stays; c joins it.
    graph = signed([("a", "b", 1), ("a", "c", 1)])
    assert local_moves(graph, {"a": 1, "b": 1, "c": 2}) == {"a": 1, "b": 1, "c": 1}


def test_an_actor_pulled_by_almost_nothing_stays() -> None:
    graph = signed([("a", "b", 1e-13)])
    assert local_moves(graph, {"a": 0, "b": 1}) == {"a": 0, "b": 1}
    assert local_moves(signed([("a", "b", -1e-13)]), {"a": 0, "b": 0}) == {"a": 0, "b": 0}


def test_an_actor_pushed_out_of_its_camp_opens_a_new_one() -> None:
    # a leaves camp 0 for new camp 1, b for new camp 2 (pushed as much by 0 as by 1);
    # c, now alone in 0, stays.
    graph = signed([("a", "b", -1), ("b", "c", -1), ("a", "c", -1)])
    assert local_moves(graph, {"a": 0, "b": 0, "c": 0}) == {"a": 1, "b": 2, "c": 0}
    # New camps are numbered after the highest camp of the start.
    assert local_moves(signed([("a", "b", -1)]), {"a": 4, "b": 4}) == {"a": 5, "b": 4}


def test_the_search_passes_again_until_nothing_moves() -> None:
    # Pass 1: a stays with d; d leaves for e (pull 2 against 1). Pass 2: a follows d.
    graph = signed([("a", "d", 1), ("d", "e", 2)])
    assert local_moves(graph, {"a": 0, "d": 0, "e": 1}) == {"a": 1, "d": 1, "e": 1}


# --------------------------------------------------------------------------- acceptance


def test_dfquad_on_a_cycle_weakens_an_undercut_relation() -> None:
    # a and b attack each other; u (base 0.5, unattacked) undercuts a's attack by half.
    # The rounds settle at a = 0.5 - 0.5 b and b = 0.5 - 0.5 (0.5 a): a = 2/7, b = 3/7.
    graph = nx.DiGraph()
    graph.add_edge("a", "b", sign=-1, relation="ab")
    graph.add_edge("b", "a", sign=-1, relation="ba")
    graph.add_node("u")
    found = dfquad_strengths(graph, {"ab": [("u/undercuts/ab", "u")]})
    assert found == pytest.approx({"a": 2 / 7, "b": 3 / 7, "u": 0.5}, abs=1e-9)


# --------------------------------------------------------------------------- sides


def at(score: float, mixed: bool = False) -> PositionScore:
    return PositionScore(score, mixed, ())


def test_camps_are_named_by_the_proposal_most_of_them_hold() -> None:
    stated = {
        "a": {"p": at(1.0), "q": at(1.0)},
        "b": {"q": at(-1.0)},  # q is held by two of a, b, c: the camp is divided on it
        "e": {"p": at(-0.4)},
        "f": {"r": at(0.2)},  # p and r once each: the question, r, names the camp
        "g": {"p": at(5e-10)},  # a mean this close to zero is no side
    }
    partition = [("f", "e"), ("h",), ("a", "b", "c"), ("g",), ("z",), ()]
    assert name_camps(partition, stated, "r", ["z", "h"]) == (
        Camp(1, ("a", "b", "c"), "divided", "q", 0.0, 2),
        Camp(2, ("e", "f"), "for", "r", 0.2, 1),
        Camp(3, ("g",), "divided", "p", 5e-10, 1),
    )
    # Without a question, the tie goes to the first id.
    assert name_camps([("e", "f")], stated, None, [])[0] == Camp(
        1, ("e", "f"), "against", "p", -0.4, 1
    )
    # An actor with nothing stated who is not unaligned keeps a camp with no name.
    assert name_camps([("h",)], stated, "r", []) == (Camp(1, ("h",), "none", None, None, 0),)


def test_a_camp_title_counts_the_members_with_a_stated_position() -> None:
    assert (
        Camp(3, ("a", "b", "c"), "divided", "p", 0.0, 2).title(None)
        == "Divided on: p · mean +0.00 · 3 actors, 2 with a stated position"
    )
    assert (
        Camp(1, ("a",), "against", "p", -0.25, 1).title("") == "Against: p · mean -0.25 · 1 actor"
    )


def test_sides_count_a_neutral_actor_once_and_only_without_a_position() -> None:
    stated = {"ann": {"p": at(1.0), "elsewhere": at(-1.0)}, "dee": {"p": at(-0.5, mixed=True)}}
    neutral = [("bob", "p"), ("ann", "p"), ("bob", "p"), ("cy", "claim")]
    assert sides(stated, ["p", "q"], neutral) == {
        "p": Sides(for_=("ann",), mixed=("dee",), neutral=("bob",)),
        "q": Sides(),
    }
    assert Sides(mixed=("dee", "eve")).summary() == "0 for, 0 against, 2 mixed"
    assert Sides(against=("x",), neutral=("y",)).summary() == "0 for, 1 against, 1 neutral"


def test_the_central_question_ignores_differences_below_rounding() -> None:
    graph = nx.DiGraph()
    for node in ("q", "p"):
        graph.add_node(node, kind="proposal")
    graph.add_node("c", kind="claim")
    assert central_question(graph, {"p": 0.3, "q": 0.3 + 1e-12, "c": 0.9}) == "p"
    # Differences from the tenth decimal on are noise; in the ninth they count.
    assert central_question(graph, {"p": 0.3, "q": 0.30000000007}) == "p"
    assert central_question(graph, {"p": 0.3, "q": 0.300000002}) == "q"
    assert central_question(graph, {"q": 0.1}) == "q"
    assert central_question(nx.DiGraph([("a", "b")]), {"a": 1.0}) is None


def test_a_stance_reads_its_shortest_route_without_inferred_relations() -> None:
    graph = nx.DiGraph()
    graph.add_node("p", kind="proposal")
    graph.add_edge("x", "p", sign=-1, inferred=True)  # short, but inferred
    graph.add_edge("x", "y", sign=1)
    graph.add_edge("y", "p", sign=1)  # the clean route says x is for p
    graph.add_edge("w", "p", sign=1)
    graph.add_edge("w", "v", sign=-1)
    graph.add_edge("v", "p", sign=1)  # w: for p directly, against through v
    graph.add_edge("m", "n", sign=1)
    graph.add_edge("n", "p", sign=1)
    graph.add_edge("m", "o", sign=-1)
    graph.add_edge("o", "p", sign=1)  # m: two routes of one length that disagree
    st = nx.MultiDiGraph()
    for key, claim, sign in [
        ("s1", "x", 1), ("s2", "w", -1), ("s3", "m", 1), ("s4", "p", 0), ("s5", "elsewhere", 1)
    ]:  # fmt: skip
        st.add_edge("ann", claim, key=key, sign=sign)
    assert stance_sides(proposal_paths(graph), st, "p") == {"s1": 1, "s2": -1, "s3": 0, "s4": 0}


def test_dfquad_weakens_an_undercut_support() -> None:
    # a (0.5) supports b through a relation u (0.5) undercuts by half: support 0.25, so
    # b = 0.5 + 0.5 * 0.25; c's attack on u leaves u 0.25 and the support 0.375 in the
    # second graph: b = 0.5 + 0.5 * 0.375.
    graph = nx.DiGraph()
    graph.add_edge("a", "b", sign=1, relation="ab")
    graph.add_node("u")
    cuts = {"ab": [("u/undercuts/ab", "u")]}
    assert dfquad_strengths(graph, cuts) == {"a": 0.5, "b": 0.625, "u": 0.5}
    graph.add_edge("c", "u", sign=-1, relation="cu")
    assert dfquad_strengths(graph, cuts) == {"a": 0.5, "b": 0.6875, "u": 0.25, "c": 0.5}


UNDERCUT = """\
title: T
sources:
  gazette: {title: G, publisher: P, date: unknown}
actors:
  jo: {name: Jo, kind: person}
  sam: {name: Sam, kind: person}
claims:
  town: {kind: proposal, text: Open a room in the town}
  illegal: {text: Rooms are illegal under current law}
  change: {text: The law can be changed}
stances:
  - {actor: jo, supports: illegal, source: gazette, quote: q}
  - {actor: sam, supports: change, source: gazette, quote: q}
relations:
  - {from: illegal, attacks: town, source: gazette}
  - {from: change, undercuts: illegal/attacks/town, source: gazette}
"""


def test_the_analysis_weakens_an_undercut_attack_in_the_strengths() -> None:
    # illegal (0.5) attacks town through a relation that change (0.5) undercuts by half:
    # the attack is 0.25, so town keeps 0.5 - 0.5 * 0.25.
    result = analyse(loads(UNDERCUT).map)
    assert result.strength == {"town": 0.375, "illegal": 0.5, "change": 0.5}
