"""The aggregated views of a big map (argmap/render/aggregate.py, views.build_views): exact
counts and weights on small literal maps, with the threshold lowered to a few nodes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from argmap.analysis import analyse
from argmap.model import Position
from argmap.render import aggregate, views
from tests.aggregate_maps import small_tree, three_camps


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)


def _nodes(view: views.View) -> dict[str, tuple[str, str, int]]:
    return {n.id: (n.cls, n.label, n.camp) for n in view.nodes}


def _edges(view: views.View) -> dict[str, tuple[str, str, str, str, int]]:
    return {e.id: (e.origin, e.target, e.cls, e.label, len(e.items)) for e in view.edges}


def test_camp_links_sum_every_pair_between_and_inside_groups() -> None:
    group = {"a": 0, "b": 0, "c": 1, "d": 2}
    pairs = [("a", "b", 2.0), ("a", "c", -1.0), ("b", "c", -3.0), ("c", "d", 0.5), ("d", "x", 9.0)]
    sums, counts = aggregate.camp_links(group, pairs)
    assert sums == {(0, 0): 2.0, (0, 1): -4.0, (1, 2): 0.5}
    assert counts == {(0, 0): 1, (0, 1): 2, (1, 2): 1}
    # Either order of a pair's groups counts once, under (low, high).
    assert aggregate.camp_links({"a": 1, "b": 0}, [("a", "b", 1.0)]) == ({(0, 1): 1.0}, {(0, 1): 1})


def test_camps_overview_one_node_per_camp_and_the_net_agreement(tiny: None) -> None:
    amap = three_camps()
    analysis = analyse(amap)
    camps = {frozenset(c) for c in analysis.camps}
    assert camps == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"}), frozenset({"c1", "c2"})}
    view = views.build_views(amap, analysis)[2]
    units = {u.id: u for u in view.units}
    ids = {frozenset(u.members): u.id for u in view.units}
    a, b, c = (ids[frozenset(m)] for m in (("a1", "a2"), ("b1", "b2"), ("c1", "c2")))
    assert sorted(n.label.split(" \u00b7 ")[1] for n in view.nodes) == ["2 actors"] * 3
    assert all(n.cls == "agg-actors" for n in view.nodes)
    # a-b: three pairs of -1 (a1-b1 is 0: no pair); a-c and b-c: two pairs of -1 each.
    lines = {frozenset((e.origin, e.target)): (e.cls, e.label) for e in view.edges}
    assert lines == {
        frozenset((a, b)): ("agg-conflict", "-3"),
        frozenset((a, c)): ("agg-conflict", "-2"),
        frozenset((b, c)): ("agg-conflict", "-2"),
    }
    facts = dict(units[a].facts)
    assert facts["Actors"] == "2"
    assert facts["Agreement inside"] == "+1 over 1 pairs"
    assert sorted(v for k, v in facts.items() if k.startswith("With ")) == [
        "-2 over 2 pairs",
        "-3 over 3 pairs",
    ]
    assert dict(units[c].facts)["Agreement inside"] == "+2 over 1 pairs"
    # Each camp opens its own drawing: its two actors and their +1.
    drawing = next(p for p in view.parts if p.ref == units[a].opens)
    assert sorted(n.id for n in drawing.nodes) == ["a1", "a2"]
    assert [(e.origin, e.target, e.label) for e in drawing.edges] == [("a1", "a2", "+1")]
    assert drawing.parent == "camps"


def test_camp_parts_cut_a_big_camp_evenly_by_affiliation_then_id() -> None:
    amap = three_camps()
    assert aggregate.camp_parts(amap, ["c2", "a2", "b1", "a1", "c1"], 2) == [
        ("a1", "a2"),
        ("b1", "c1"),
        ("c2",),
    ]


def test_claim_levels_cluster_by_the_claim_tree(tiny: None) -> None:
    amap = small_tree()
    assert aggregate.claim_tree(amap) == {
        "p": "",
        "a": "p",
        "b": "a",
        "c": "a",
        "d": "p",
        "e": "p",
        "f": "e",
        "z": "",
    }
    levels = views.claim_levels(amap)
    assert [(lv.key, lv.parent, lv.singles, lv.clusters) for lv in levels] == [
        ("", "", ("z",), ("p",)),
        # d has nothing under it; e (2 claims) opens before a (3), but neither fits.
        ("p", "", ("p", "d"), ("e", "a")),
        ("e", "p", ("e", "f"), ()),
        ("a", "p", ("a", "b", "c"), ()),
    ]


def test_argument_overview_and_cluster_drawings_count_relations_exactly(tiny: None) -> None:
    amap = small_tree()
    argument = views.build_views(amap, analyse(amap))[0]
    assert argument.ref == "argument" and argument.notice is not None
    assert argument.notice.startswith("An overview: this map has 8 claims, more than the 3")
    assert _nodes(argument) == {
        "@p": ("agg-claims", "Proposal P \u00b7 7 claims", -1),
        "z": ("claim", "Claim Z", -1),
    }
    assert argument.edges == ()
    (unit,) = argument.units
    assert unit.members == ("a", "b", "c", "d", "e", "f", "p")
    assert dict(unit.facts) == {
        "Claims": "7: 1 proposals, 6 claims, 0 evidence",
        "Relations inside": "8",
        "Stances on them": "4, by 2 actors",
    }
    parts = {p.ref: p for p in argument.parts}
    assert list(parts) == ["argument/p", "argument/e", "argument/a"]
    level = parts["argument/p"]
    assert level.parent == "argument"
    assert _nodes(level) == {
        "@a": ("agg-claims", "Claim A \u00b7 3 claims", -1),
        "@e": ("agg-claims", "Claim E \u00b7 2 claims", -1),
        "d": ("claim", "Claim D", -1),
        "p": ("proposal", "Proposal P", -1),
    }
    assert _edges(level) == {
        "@a>d>supports": ("@a", "d", "agg-supports", "1", 1),
        "@a>p>supports": ("@a", "p", "agg-supports", "1", 1),
        "@e>@a>attacks": ("@e", "@a", "agg-attacks", "1", 1),
        "@e>p>attacks": ("@e", "p", "agg-attacks", "1", 1),
        "d/supports/p": ("d", "p", "rel-supports", "", 1),
    }
    # A cluster small enough is the argument map's own drawing of its claims.
    assert sorted(n.id for n in parts["argument/a"].nodes) == ["a", "b", "c"]
    assert sorted(e.id for e in parts["argument/a"].edges) == ["b/attacks/a", "c/supports/a"]
    assert parts["argument/a"].parent == "argument/p" and parts["argument/a"].notice is None


def test_stance_drawings_count_each_camps_stances_by_position(tiny: None) -> None:
    amap = small_tree()
    stances = views.build_views(amap, analyse(amap))[1]
    group = "@camp0"  # x and y, each a camp of one: the camps map's one group of the rest
    assert _edges(stances) == {f"{group}>@p": (group, "@p", "agg-stance-even", "+2 \u22122", 4)}
    parts = {p.ref: p for p in stances.parts}
    assert list(parts) == ["stances/p", "stances/e", "stances/a"]
    assert _edges(parts["stances/p"]) == {
        f"{group}>@a": (group, "@a", "agg-stance-for", "+2 \u22121", 3),
        f"{group}>@e": (group, "@e", "agg-stance-against", "\u22121", 1),
    }
    assert _edges(parts["stances/a"]) == {
        f"{group}>a": (group, "a", "agg-stance-even", "+1 \u22121", 2),
        f"{group}>b": (group, "b", "agg-stance-for", "+1", 1),
    }
    # e's cluster fits (1 claim spoken of, 1 speaker): actor by actor.
    assert sorted(n.id for n in parts["stances/e"].nodes) == ["e", "x"]
    assert [e.cls for e in parts["stances/e"].edges] == ["stance-opposes"]
    units = {u.id: u for u in stances.units}
    assert units["@p"].opens == "stances/p"
    # A camp's members are listed by the camps view, which its unit opens.
    assert units[group].members == () and units[group].opens == "camps"
    assert dict(units[group].facts) == {
        "Actors in the camp": "2",
        "Speaking on these claims": "2",
    }
    assert dict(next(u for u in parts["stances/p"].units if u.id == group).facts) == {
        "Actors in the camp": "2",
        "Speaking on these claims": "2",
    }


def test_stance_label_says_each_count_and_leans_by_the_larger() -> None:
    assert aggregate.stance_label({Position.OPPOSES: ["a", "b"], Position.SUPPORTS: ["c"]}) == (
        "agg-stance-against",
        "+1 \u22122",
    )
    assert aggregate.stance_label(
        {Position.SUPPORTS: ["a"], Position.OPPOSES: ["b"], Position.NEUTRAL: ["c", "d"]}
    ) == ("agg-stance-even", "+1 \u22121 0 2")


def test_a_map_below_the_threshold_is_not_aggregated(example_map: Any) -> None:
    analysis = analyse(example_map)
    for view in views.build_views(example_map, analysis):
        assert (view.key, view.units, view.parts, view.note) == ("", (), (), "")


def test_camp_groups_name_each_camp_by_its_info_then_the_rest() -> None:
    amap = three_camps()
    analysis = analyse(amap)
    assert aggregate.camp_groups(amap, analysis) == [
        aggregate.CampGroup(
            0, "Camp 1: For: Proposal P · mean +1.00 · 2 actors", "Camp 1 · 2 actors", ("a1", "a2")
        ),
        aggregate.CampGroup(
            1,
            "Camp 2: Against: Proposal P · mean -1.00 · 2 actors",
            "Camp 2 · 2 actors",
            ("b1", "b2"),
        ),
        aggregate.CampGroup(
            2,
            "Camp 3: Against: Proposal Q · mean -1.00 · 2 actors",
            "Camp 3 · 2 actors",
            ("c1", "c2"),
        ),
    ]
    # A camp that leans on no proposal says so.
    first = replace(analysis.camp_info[0], proposal=None)
    unled = replace(analysis, camp_info=(first, *analysis.camp_info[1:]))
    assert aggregate.camp_groups(amap, unled)[0].name == "Camp 1: No stated position · 2 actors"
    # A camp the analysis gave no info for is named by its place alone.
    bare = replace(analysis, camp_info=analysis.camp_info[:1])
    assert [(g.index, g.name, g.short) for g in aggregate.camp_groups(amap, bare)][1:] == [
        (1, "Camp 2", "Camp 2 · 2 actors"),
        (2, "Camp 3", "Camp 3 · 2 actors"),
    ]


def test_camp_groups_gather_camps_of_one_and_the_unaligned_in_one_group() -> None:
    amap = small_tree()
    analysis = analyse(amap)  # x and y disagree: a camp of one each
    assert aggregate.camp_groups(amap, analysis) == [
        aggregate.CampGroup(
            -1,
            "Unaligned, and camps of one actor",
            "Unaligned, and camps of one actor · 2 actors",
            ("x", "y"),
        )
    ]
    # Only when every one of them is unaligned is the group called just that.
    unaligned = replace(analysis, camps=(), unaligned=("x", "y"))
    assert [(g.index, g.name, g.members) for g in aggregate.camp_groups(amap, unaligned)] == [
        (-1, "Unaligned", ("x", "y"))
    ]


def test_claim_tree_parents_by_depth_then_id_and_skips_what_it_cannot_place() -> None:
    from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationKind

    sup, att, cut = RelationKind.SUPPORTS, RelationKind.ATTACKS, RelationKind.UNDERCUTS
    amap = ArgumentMap(
        "t",
        claims=(
            Claim("p", "P", ClaimKind.PROPOSAL),
            Claim("q", "Q", ClaimKind.PROPOSAL),
            *(Claim(c, c.upper(), ClaimKind.CLAIM) for c in ("a", "b", "c", "d", "m", "n")),
        ),
        relations=(
            Relation("r1", "a", "q", sup, "s"),
            Relation("r2", "a", "p", att, "s"),  # two proposals: p, first by id
            Relation("r3", "b", "a", att, "s"),  # b is one step from p: a is not its parent
            Relation("r4", "b", "p", sup, "s"),
            Relation("r5", "c", "a", sup, "s"),  # after b among a's origins
            Relation("r6", "n", "m", sup, "s"),  # m reaches no proposal, and sorts first
            Relation("r7", "d", "ghost", sup, "s"),  # a claim the map does not have
            Relation("r8", "ghost", "d", sup, "s"),
            Relation("r8b", "ghost", "a", att, "s"),  # from a claim it lacks, into the tree
            Relation("r9", "d", "r4", cut, "s"),  # an undercut argues about no claim
        ),
    )
    assert aggregate.claim_tree(amap) == {
        "p": "",
        "q": "",
        "a": "p",
        "b": "p",
        "c": "a",
        "d": "",
        "m": "",
        "n": "",
    }


def test_camp_colour_numbers_the_camps_that_have_a_colour_and_no_others() -> None:
    last = len(aggregate.CAMP_COLOURS) - 1
    indexes = (-2, -1, 0, 1, last, last + 1)
    assert [aggregate.camp_colour(i) for i in indexes] == [-1, -1, 0, 1, last, -1]


def test_counts_read_as_words_with_thousands_separated() -> None:
    assert aggregate._count(1, "actor") == "1 actor"
    assert aggregate._count(0, "actor") == "0 actors"
    assert aggregate._count(1234, "claim") == "1,234 claims"


def test_camp_links_skip_any_pair_with_an_actor_in_no_group_wherever_it_comes() -> None:
    pairs = [("x", "a", 9.0), ("a", "b", 2.0), ("b", "y", 4.0), ("a", "c", -1.0)]
    assert aggregate.camp_links({"a": 0, "b": 0, "c": 1}, pairs) == (
        {(0, 0): 2.0, (0, 1): -1.0},
        {(0, 0): 1, (0, 1): 1},
    )


def test_camp_parts_order_by_first_affiliation_then_id() -> None:
    from argmap.model import Actor, ActorKind

    people = (
        Actor("a", "A", ActorKind.PERSON, affiliations=("Zed", "Alpha")),
        Actor("b", "B", ActorKind.PERSON, affiliations=("Mid",)),
        Actor("c", "C", ActorKind.PERSON),
        Actor("d", "D", ActorKind.PERSON, affiliations=("Mid",)),
    )
    amap = replace(three_camps(), actors=people, stances=())
    # No affiliation first (""), then Mid (b, d), then Zed; "e" is in no map: like none.
    assert aggregate.camp_parts(amap, ["a", "b", "c", "d", "e"], 2) == [
        ("c", "e"),
        ("b", "d"),
        ("a",),
    ]


def test_stance_counts_leave_out_a_stance_of_an_actor_or_a_claim_in_no_unit() -> None:
    amap = three_camps()
    counts = aggregate.stance_counts(amap, {"a1": "A", "b1": "B"}, {"q": "Q"})
    assert counts == {
        ("A", "Q"): {Position.SUPPORTS: ["a1/q"]},
        ("B", "Q"): {Position.SUPPORTS: ["b1/q"]},
    }


def test_claim_label_cuts_the_root_claims_words_and_names_an_unknown_root_by_its_id() -> None:
    from argmap.model import Claim

    words = "word " * 30
    amap = replace(three_camps(), claims=(Claim("p", words.strip()),))
    label = aggregate.claim_label(amap, "p", 12)
    head, count = label.split(" \u00b7 ")
    assert count == "12 claims"
    assert head == "word " * 10 + "word\u2026"  # cut before 60 characters
    assert aggregate.claim_label(amap, "gone", 1) == "gone \u00b7 1 claim"
