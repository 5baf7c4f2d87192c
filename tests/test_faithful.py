"""Conclusions never say more than the sources: stated vs inferred, undercuts, reasons,
gradual strength, one count and one camp numbering. Each on a small literal map."""

from __future__ import annotations

import networkx as nx
import pytest

from argmap.analysis import analyse
from argmap.analysis.acceptance import (
    bipolar_labelling,
    defeaters,
    dfquad_strengths,
    grounded_labelling,
)
from argmap.load import loads

HEAD = """\
title: T
sources:
  gazette: {title: G, publisher: P, date: unknown}
  herald: {title: H, publisher: P, date: unknown}
actors:
  jo: {name: Jo, kind: person}
  sam: {name: Sam, kind: person}
  vic: {name: Vic, kind: person}
claims:
  uk: {kind: proposal, text: Allow rooms in the UK}
  town: {kind: proposal, text: Open a room in the town}
  saves: {text: Rooms save lives}
  illegal: {text: Rooms are illegal under current law}
  change: {text: The law can be changed}
"""


def analysed(stances: str, relations: str = ""):  # type: ignore[no-untyped-def]
    text = HEAD + "stances:\n" + stances + ("relations:\n" + relations if relations else "")
    loaded = loads(text)
    assert [p for p in loaded.problems if p.level.value == "error"] == []
    return analyse(loaded.map)


def stance(actor: str, position: str, claim: str, source: str) -> str:
    return f"  - {{actor: {actor}, {position}: {claim}, source: {source}, quote: q}}\n"


def scores(positions) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    return {a: {p: round(s.score, 4) for p, s in by.items()} for a, by in positions.items()}


# --------------------------------------------------------------------------- stated or inferred


def test_a_relation_from_the_stances_own_source_makes_a_stated_position() -> None:
    result = analysed(
        stance("jo", "supports", "saves", "gazette"),
        "  - {from: saves, supports: town, source: gazette}\n",
    )
    assert scores(result.positions) == {"jo": {"town": 1.0}}
    assert result.inferred_positions == {}
    (contribution,) = result.positions["jo"]["town"].contributions
    assert (contribution.relations, contribution.sources, contribution.stated) == (
        ("saves/supports/town",),
        ("gazette",),
        True,
    )


def test_a_chain_of_two_relations_only_infers_a_position() -> None:
    # The gazette cites saving lives as a reason the law should change, and that as a
    # reason for the room: Jo, quoted on saving lives, has not been put on the room.
    result = analysed(
        stance("jo", "supports", "saves", "gazette"),
        "  - {from: saves, supports: change, source: gazette}\n"
        "  - {from: change, supports: town, source: gazette}\n",
    )
    assert result.positions == {}
    assert scores(result.inferred_positions) == {"jo": {"town": 1.0}}


def test_a_relation_then_a_generalisation_stays_stated() -> None:
    result = analysed(
        stance("jo", "supports", "saves", "gazette"),
        "  - {from: saves, supports: town, source: gazette}\n"
        "  - {from: town, supports: uk, source: herald}\n",
    )
    assert scores(result.positions) == {"jo": {"town": 1.0, "uk": 1.0}}


def test_a_relation_from_another_source_only_infers_a_position() -> None:
    # Sam speaks in the herald; only the gazette links saving lives to the town's room.
    result = analysed(
        stance("sam", "supports", "saves", "herald"),
        "  - {from: saves, supports: town, source: gazette}\n",
    )
    assert result.positions == {}
    assert scores(result.inferred_positions) == {"sam": {"town": 1.0}}
    assert result.sides["town"].summary() == "no stated position"


def test_an_unsourced_or_inferred_relation_never_states_a_position() -> None:
    unsourced = analysed(
        stance("jo", "supports", "saves", "gazette"), "  - {from: saves, supports: town}\n"
    )
    marked = analysed(
        stance("jo", "supports", "saves", "gazette"),
        "  - {from: saves, supports: town, source: gazette, inferred: true, note: mine}\n",
    )
    assert unsourced.positions == marked.positions == {}
    assert scores(marked.inferred_positions) == {"jo": {"town": 1.0}}


def test_a_local_room_generalises_to_the_national_question_for_supporters_only() -> None:
    relations = "  - {from: town, supports: uk, source: herald}\n"
    backer = analysed(stance("jo", "supports", "town", "gazette"), relations)
    opponent = analysed(stance("sam", "opposes", "town", "gazette"), relations)
    # Backing a room in the town states backing rooms in the UK, whoever drew the link.
    assert scores(backer.positions) == {"jo": {"town": 1.0, "uk": 1.0}}
    # Opposing the town's room states nothing about rooms elsewhere.
    assert scores(opponent.positions) == {"sam": {"town": -1.0}}
    assert scores(opponent.inferred_positions) == {"sam": {"uk": -1.0}}


def test_opposing_the_town_room_states_nothing_national_even_in_one_source() -> None:
    result = analysed(
        stance("sam", "opposes", "town", "gazette"),
        "  - {from: town, supports: uk, source: gazette}\n",
    )
    assert scores(result.positions) == {"sam": {"town": -1.0}}
    assert scores(result.inferred_positions) == {"sam": {"uk": -1.0}}


def test_a_mixed_view_of_the_town_room_is_not_carried_to_the_uk() -> None:
    # Vic sees a benefit and objects: mixed on the town, so nothing stated on the UK.
    result = analysed(
        stance("vic", "supports", "saves", "gazette")
        + stance("vic", "supports", "illegal", "gazette"),
        "  - {from: saves, supports: town, source: gazette}\n"
        "  - {from: illegal, attacks: town, source: gazette}\n"
        "  - {from: town, supports: uk, source: gazette}\n",
    )
    assert result.sides["town"].mixed == ("vic",)
    assert "uk" not in result.positions["vic"]
    assert result.inferred_positions["vic"]["uk"].mixed is True


def test_backing_rooms_in_general_states_nothing_about_the_town() -> None:
    # The generalisation runs from the town to the UK; nothing leads back down.
    result = analysed(
        stance("jo", "supports", "uk", "gazette"),
        "  - {from: town, supports: uk, source: gazette}\n",
    )
    assert scores(result.positions) == {"jo": {"uk": 1.0}}
    assert result.inferred_positions == {}


def test_a_pair_is_stated_or_inferred_never_both() -> None:
    result = analysed(
        stance("jo", "supports", "town", "gazette") + stance("jo", "supports", "illegal", "herald"),
        "  - {from: illegal, attacks: town, source: gazette}\n",
    )
    # The herald stance reaches the town only through a gazette relation: it is left out
    # of the stated position, which rests on the direct stance alone.
    assert scores(result.positions) == {"jo": {"town": 1.0}}
    assert result.positions["jo"]["town"].mixed is False
    assert result.inferred_positions == {}


# --------------------------------------------------------------------------- one count


def test_sides_count_stated_positions_with_mixed_and_neutral_apart() -> None:
    result = analysed(
        stance("jo", "supports", "town", "gazette")
        + stance("sam", "opposes", "town", "gazette")
        + stance("vic", "supports", "town", "gazette")
        + stance("vic", "supports", "illegal", "gazette")
        + "  - {actor: vic, neutral: uk, source: herald, quote: q}\n",
        "  - {from: illegal, attacks: town, source: gazette}\n",
    )
    town, uk = result.sides["town"], result.sides["uk"]
    assert (town.for_, town.against, town.mixed) == (("jo",), ("sam",), ("vic",))
    assert town.summary() == "1 for, 1 against, 1 mixed"
    assert uk.summary() == "0 for, 0 against, 1 neutral"


def test_what_each_stance_means_for_the_proposal() -> None:
    result = analysed(
        stance("jo", "supports", "illegal", "gazette")
        + stance("sam", "opposes", "illegal", "gazette"),
        "  - {from: illegal, attacks: town, source: gazette}\n",
    )
    assert result.stance_sides["town"] == {
        "jo/supports/illegal": -1,
        "sam/opposes/illegal": 1,
    }
    assert result.stance_sides["uk"] == {}


# --------------------------------------------------------------------------- camps


def test_camps_are_numbered_once_and_named_by_what_their_members_state() -> None:
    result = analysed(
        stance("jo", "supports", "town", "gazette")
        + stance("vic", "supports", "town", "herald")
        + stance("sam", "opposes", "town", "gazette")
    )
    titles = [c.title("the town's room") for c in result.camp_info]
    assert titles == [
        "For: the town's room · mean +1.00 · 2 actors",
        "Against: the town's room · mean -1.00 · 1 actor",
    ]
    assert result.camps == (("jo", "vic"), ("sam",))
    assert result.camp_of() == {"jo": 1, "vic": 1, "sam": 2}
    assert result.unaligned == ()


def test_an_actor_with_nothing_stated_and_no_agreement_is_unaligned() -> None:
    result = analysed(
        stance("jo", "supports", "town", "gazette") + stance("vic", "neutral", "saves", "herald")
    )
    assert [c.members for c in result.camp_info] == [("jo",)]
    assert result.unaligned == ("sam", "vic")
    assert result.camps == (("jo",), ("sam",), ("vic",))


# --------------------------------------------------------------------------- undercuts


def test_an_undercut_defeats_the_inference_not_the_fact() -> None:
    result = analysed(
        stance("jo", "supports", "illegal", "gazette")
        + stance("sam", "supports", "change", "gazette"),
        "  - {from: illegal, attacks: town, source: gazette}\n"
        "  - {from: change, undercuts: illegal/attacks/town, source: gazette}\n",
    )
    # Nobody disputes that rooms are illegal now; the reply says the law should change.
    assert result.acceptance["illegal"] == "in"
    assert result.acceptance["town"] == "in"
    assert result.acceptance_reasons == {}
    assert result.disabled_relations == ("illegal/attacks/town",)


def test_an_attack_on_the_fact_would_defeat_it() -> None:
    result = analysed(
        stance("jo", "supports", "illegal", "gazette")
        + stance("sam", "supports", "change", "gazette"),
        "  - {from: illegal, attacks: town, source: gazette}\n"
        "  - {from: change, attacks: illegal, source: gazette}\n",
    )
    assert (result.acceptance["illegal"], result.acceptance["town"]) == ("out", "in")
    assert result.acceptance_reasons == {"illegal": ("change",)}


def test_an_inferred_attack_or_undercut_decides_nothing() -> None:
    attack = analysed(
        stance("jo", "supports", "change", "gazette"),
        "  - {from: change, attacks: illegal, inferred: true, note: my reading}\n",
    )
    assert attack.acceptance["illegal"] == "in"
    assert attack.acceptance_reasons == {}
    assert attack.strength["illegal"] == 0.5
    undercut = analysed(
        stance("jo", "supports", "illegal", "gazette"),
        "  - {from: illegal, attacks: town, source: gazette}\n"
        "  - {from: change, undercuts: illegal/attacks/town, inferred: true, note: mine}\n",
    )
    assert undercut.acceptance["town"] == "out"
    assert undercut.disabled_relations == ()


def test_an_undercut_of_an_undercut_restores_the_attack() -> None:
    result = analysed(
        stance("jo", "supports", "illegal", "gazette"),
        "  - {from: illegal, attacks: town, source: gazette}\n"
        "  - {from: change, undercuts: illegal/attacks/town}\n"
        "  - {from: saves, undercuts: change/undercuts/illegal/attacks/town}\n",
    )
    assert result.acceptance["town"] == "out"
    assert result.acceptance_reasons["town"] == ("illegal",)
    assert result.disabled_relations == ("change/undercuts/illegal/attacks/town",)


def test_an_undercut_support_implies_no_derived_attack() -> None:
    graph = nx.DiGraph()
    graph.add_edge("a", "b", sign=-1, relation="a/attacks/b")
    graph.add_edge("b", "c", sign=1, relation="b/supports/c")
    graph.add_node("u")
    assert bipolar_labelling(graph)["c"] == "out"  # a attacks b, b supports c
    assert (
        bipolar_labelling(graph, {"b/supports/c": [("u/undercuts/b/supports/c", "u")]})["c"] == "in"
    )


def test_an_undecided_undercutter_leaves_its_target_undecided() -> None:
    graph = nx.DiGraph()
    graph.add_edge("a", "t", sign=-1, relation="r")
    graph.add_edge("x", "y", sign=-1, relation="x/attacks/y")
    graph.add_edge("y", "x", sign=-1, relation="y/attacks/x")
    cuts = {"r": [("x/undercuts/r", "x")]}
    labels = grounded_labelling(graph, cuts)
    assert (labels["a"], labels["t"], labels["x"]) == ("in", "undecided", "undecided")
    assert defeaters(graph, labels, cuts) == {"t": (), "x": ("y",), "y": ("x",)}


# --------------------------------------------------------------------------- DF-QuAD
# Worked examples computed by hand from the definitions in Rago, Toni, Aurisicchio and
# Baroni, "Discontinuity-free decision support with quantitative argumentation debates"
# (KR 2016), with every base score 0.5: F(v1..vn) = 1 - prod(1 - vi); the strength is
# v0 - v0 (va - vs) when va >= vs, else v0 + (1 - v0) (vs - va).


def graph_of(edges: list[tuple[str, str, int]], nodes: tuple[str, ...] = ()) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for origin, target, sign in edges:
        graph.add_edge(origin, target, sign=sign, relation=f"{origin}/{target}")
    return graph


@pytest.mark.parametrize(
    ("edges", "claim", "expected"),
    [
        ([], "a", 0.5),  # no attacker, no supporter: the base score
        ([("a", "b", -1)], "b", 0.25),  # 0.5 - 0.5 * 0.5
        ([("a", "b", 1)], "b", 0.75),  # 0.5 + 0.5 * 0.5
        ([("a", "b", -1), ("c", "b", -1)], "b", 0.125),  # F = 0.75; 0.5 - 0.5 * 0.75
        ([("a", "b", -1), ("c", "b", 1)], "b", 0.5),  # va = vs: the base score stays
        ([("c", "a", -1), ("a", "b", -1)], "b", 0.375),  # a = 0.25; 0.5 - 0.5 * 0.25
        ([("a", "b", 1), ("c", "b", 1), ("d", "b", -1)], "b", 0.625),  # vs .75, va .5
    ],
)
def test_dfquad_worked_examples(
    edges: list[tuple[str, str, int]], claim: str, expected: float
) -> None:
    assert dfquad_strengths(graph_of(edges, ("a",)))[claim] == pytest.approx(expected)


def test_dfquad_aggregation_of_two_supporters_matches_the_probabilistic_sum() -> None:
    # F(0.6, 0.5) = 1 - 0.4 * 0.5 = 0.8; with base 0.5 the strength is 0.5 + 0.5 * 0.8.
    graph = graph_of([("s1", "b", 1), ("s2", "b", 1), ("x", "s1", 1)])
    # s1 = 0.5 + 0.5 * 0.5 = 0.75, s2 = 0.5: F = 1 - 0.25 * 0.5 = 0.875.
    assert dfquad_strengths(graph)["b"] == pytest.approx(0.5 + 0.5 * 0.875)


def test_dfquad_undercut_weakens_the_relation_it_targets() -> None:
    graph = graph_of([("a", "b", -1)], ("u",))
    # The attack carries 0.5 * (1 - 0.5) = 0.25: 0.5 - 0.5 * 0.25.
    assert dfquad_strengths(graph, {"a/b": [("u/undercuts/a/b", "u")]})["b"] == pytest.approx(0.375)


def test_dfquad_on_a_cycle_stays_in_range_and_is_symmetric() -> None:
    strengths = dfquad_strengths(graph_of([("a", "b", -1), ("b", "a", -1)]))
    assert strengths["a"] == pytest.approx(strengths["b"])
    assert 0 <= strengths["a"] <= 1
