"""argmap.render's functions on small literal inputs, each answer worked out by hand from
what the function promises: the tests written against the mutants mutmut found alive
(docs/testing.md, "Mutation testing: argmap/render")."""

from __future__ import annotations

import dataclasses
import itertools
import math
from typing import Any

import pytest

from argmap.analysis import Analysis, Contested, Contribution, PositionScore, analyse
from argmap.load import loads
from argmap.model import (
    UNKNOWN,
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Source,
    Stance,
    canonical,
)
from argmap.render import html, layout, outline, report, sugiyama, summary, views
from argmap.render.styles import EDGE_STYLES, NODE_STYLES
from argmap.render.sugiyama import count_crossings, layered
from argmap.render.summary import Verdict
from tests.helpers import REPORT_MAP, SIDES_MAP, make

# ---- sugiyama: the four steps one by one ----------------------------------------------


def test_clean_sorts_dedupes_and_drops_unknown_ends_and_loops() -> None:
    nodes, edges = sugiyama._clean(
        ["b", "a", "b", "z"], [("a", "b"), ("a", "b"), ("a", "a"), ("a", "x"), ("b", "a")]
    )
    assert nodes == ["a", "b", "z"]
    assert edges == [("a", "b"), ("b", "a")]


def test_only_back_edges_of_the_sorted_search_are_turned() -> None:
    assert sugiyama._turned_edges(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")]) == {
        ("c", "a")
    }
    # c -> b reaches a node already finished (a cross edge), not one on the stack.
    edges = [("a", "b"), ("a", "c"), ("a", "d"), ("c", "b"), ("d", "a")]
    assert sugiyama._turned_edges(["a", "b", "c", "d"], edges) == {("d", "a")}
    # A second root is searched too; a node reached twice is not walked twice.
    assert sugiyama._turned_edges(["a", "x", "y"], [("x", "y"), ("y", "x")]) == {("y", "x")}


def test_layers_are_longest_paths_with_loners_and_bottom_nodes_at_the_bottom() -> None:
    # b -> a -> p is the longest path (layers 0, 1, 2); e points at p (layer 1) but is a
    # bottom node nothing points up to, so it joins z, linked to nothing, on layer 2.
    layer = sugiyama._layers(list("abepz"), [("a", "p"), ("b", "a"), ("e", "p")], {"p"}, {"e"})
    assert layer == {"p": 0, "a": 1, "b": 2, "e": 2, "z": 2}
    # With no edge at all the bottom is layer 1, under an empty top row.
    assert sugiyama._layers(["x", "y"], [], set(), set()) == {"x": 1, "y": 1}
    # A bottom node that something points up to stays where its path puts it.
    assert sugiyama._layers(["p", "a", "b"], [("a", "p"), ("b", "a")], {"p"}, {"a"}) == {
        "p": 0,
        "a": 1,
        "b": 2,
    }


_FAN = (list("abcdp"), [("a", "p"), ("b", "p"), ("c", "p"), ("d", "b")])


def test_a_layer_wider_than_the_limit_moves_its_least_linked_nodes_down() -> None:
    nodes, upward = _FAN
    widths = dict.fromkeys(nodes, 100.0)
    # Layer 1 holds a, b and c (300 wide): a (no line below it, first by id) moves down.
    assert sugiyama._layers(nodes, upward, {"p"}, set(), widths, 250.0) == {
        "p": 0,
        "a": 2,
        "b": 1,
        "c": 1,
        "d": 2,
    }
    # Exactly the limit is wide enough; no limit, or no widths, moves nothing.
    unmoved = {"p": 0, "a": 1, "b": 1, "c": 1, "d": 2}
    assert sugiyama._layers(nodes, upward, {"p"}, set(), widths, 300.0) == unmoved
    assert sugiyama._layers(nodes, upward, {"p"}, set(), widths, 0.0) == unmoved
    assert sugiyama._layers(nodes, upward, {"p"}, set(), None, 50.0) == unmoved


def test_a_row_narrower_than_any_box_keeps_one_node_and_the_edges_pointing_up() -> None:
    nodes, upward = _FAN
    widths = dict.fromkeys(nodes, 100.0)
    # b stays (d, one layer under it, would be level with it); a and c go down, each row
    # keeping one node, until the rows below are one node each.
    assert sugiyama._layers(nodes, upward, {"p"}, set(), widths, 50.0) == {
        "p": 0,
        "a": 4,
        "b": 1,
        "c": 3,
        "d": 2,
    }
    # One box wider than the limit: it stays (this looped for ever).
    assert layered(["p", "a"], [("a", "p")], {}, top=["p"], max_width=50).layers == (
        ("p",),
        ("a",),
    )


def test_count_crossings_counts_shared_ends_as_no_crossing_and_sums_the_layers() -> None:
    # a-y crosses b-x; a-x and b-x share an end.
    assert count_crossings([["a", "b"], ["x", "y"]], {"a": ["x", "y"], "b": ["x"]}) == 1
    # Neighbours outside the next layer are ignored; three layers add up.
    order = [["a", "b"], ["x", "y"], ["m", "n"]]
    down = {"a": ["y", "q"], "b": ["x"], "x": ["n"], "y": ["m"]}
    assert count_crossings(order, down) == 2
    assert count_crossings([["a"]], {}) == 0


def test_barycenter_order_keeps_a_loner_at_its_share_of_the_fixed_layer() -> None:
    fixed = {"p": 0, "q": 1, "r": 2, "s": 3}
    near = {"a": ["p", "q"], "b": [], "c": ["q", "r", "z"], "d": ["s"]}
    # c: 1.5 (z is not in the fixed layer), b (second of four): 1 * 3 / 3, a: 0.5, d: 3.
    assert sugiyama._sort_by_barycenter(["c", "b", "a", "d"], fixed, near, 4) == list("abcd")
    # A single node, or a fixed layer of one, divides by at least 1.
    assert sugiyama._sort_by_barycenter(["b"], fixed, near, 1) == ["b"]
    assert sugiyama._sort_by_barycenter(["b", "a"], {"p": 0}, {"a": ["p"], "b": []}, 1) == [
        "b",
        "a",
    ]


def test_pair_crossings_count_the_pairs_of_lines_that_cross() -> None:
    pos = {"x": 0, "y": 1, "z": 2}
    near = {"u": ["y", "z", "w"], "v": ["x", "y"]}
    # u-y crosses v-x; u-z crosses v-x and v-y; u-y and v-y share an end.
    assert sugiyama._pair_crossings("u", "v", pos, near) == 3
    assert sugiyama._pair_crossings("v", "u", pos, near) == 0


def test_transpose_swaps_neighbours_that_cross_and_leaves_frozen_layers() -> None:
    ups = {"a": ["q"], "b": ["p"], "p": [], "q": []}
    downs = {"p": ["b"], "q": ["a"], "a": [], "b": []}
    order = [["p", "q"], ["a", "b"]]
    sugiyama._transpose(order, ups, downs, {0}, 1)
    assert order == [["p", "q"], ["b", "a"]]
    order = [["p", "q"], ["a", "b"]]
    sugiyama._transpose(order, ups, downs, {0, 1}, 5)
    assert order == [["p", "q"], ["a", "b"]]
    order = [["p", "q"], ["a", "b"]]
    sugiyama._transpose(order, ups, downs, {0}, 0)
    assert order == [["p", "q"], ["a", "b"]]
    # The top layer, unfrozen, is swapped by its crossings with the layer below.
    order = [["p", "q"], ["a", "b"]]
    sugiyama._transpose(order, ups, downs, {1}, 1)
    assert order == [["q", "p"], ["a", "b"]]
    # A middle layer weighs both its neighbours: swapping m and n would uncross the
    # layer above but cross two lines below, so they stay.
    ups = {"m": ["q"], "n": ["p"], "x": ["m"], "y": ["m"], "z": ["n"]}
    downs = {"p": ["n"], "q": ["m"], "m": ["x", "y"], "n": ["z"]}
    order = [["p", "q"], ["m", "n"], ["x", "y", "z"]]
    sugiyama._transpose(order, ups, downs, {0, 2}, 3)
    assert order == [["p", "q"], ["m", "n"], ["x", "y", "z"]]


def test_top_row_keeps_each_subtree_together_in_key_order() -> None:
    # c hangs under a, so they move as one block keyed (3 + 2) / 2, children ordered too.
    keys = {"a": 3.0, "b": 0.0, "c": 2.0, "d": 1.0}
    assert sugiyama._top_row(list("abcd"), keys, {"c": "a"}) == ["b", "d", "c", "a"]
    # A deeper tree: e under c under a; the block's key is the mean of all three.
    keys |= {"e": 9.0}
    assert sugiyama._top_row(list("abcde"), keys, {"c": "a", "e": "c"}) == [
        "b",
        "d",
        "a",
        "c",
        "e",
    ]


def test_forest_takes_the_first_target_that_makes_no_circle() -> None:
    # a -> b first; b -> a would close a circle, so b takes c.
    assert sugiyama._forest(list("abc"), [("a", "b"), ("b", "a"), ("b", "c")]) == {
        "a": "b",
        "b": "c",
    }
    # Deeper: c's parent would be a, whose parent is b, whose parent is c.
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
    assert sugiyama._forest(list("abcd"), edges) == {"a": "b", "b": "c", "c": "d"}


def test_isotonic_pools_adjacent_violators_by_weight() -> None:
    assert sugiyama._isotonic([1.0, 3.0, 2.0], [1.0, 1.0, 1.0]) == [1.0, 2.5, 2.5]
    assert sugiyama._isotonic([3.0, 1.0], [1.0, 3.0]) == [1.5, 1.5]
    assert sugiyama._isotonic([4.0, 3.0, 2.0], [1.0, 1.0, 2.0]) == [2.75] * 3
    assert sugiyama._isotonic([1.0, 2.0], [1.0, 1.0]) == [1.0, 2.0]


def test_place_layer_keeps_boxes_apart_as_near_as_possible_to_their_targets() -> None:
    # Both want x = 0; 10 + 10 half widths and a gap of 5 keep them 25 apart.
    assert sugiyama._place_layer([0.0, 0.0], [1.0, 1.0], [10.0, 10.0], [5.0]) == [-12.5, 12.5]
    # The heavier one moves less; far enough apart, nothing moves.
    assert sugiyama._place_layer([0.0, 0.0], [3.0, 1.0], [10.0, 10.0], [5.0]) == [-6.25, 18.75]
    assert sugiyama._place_layer([0.0, 50.0, 90.0], [1.0] * 3, [5.0] * 3, [1.0, 1.0]) == [
        0.0,
        50.0,
        90.0,
    ]


_TREE_LAYER = {"p": 0, "q": 0, "a": 1, "b": 1, "c": 2}
_TREE_DOWNS: dict[str, list[str]] = {"p": ["a", "b"], "q": ["b"], "a": ["c"], "b": [], "c": []}


def test_depth_first_orders_walk_down_from_the_top_row_both_ways() -> None:
    nodes = list("abcpq")
    assert sugiyama._dfs_order(nodes, _TREE_LAYER, _TREE_DOWNS, 3, False) == [
        ["p", "q"],
        ["a", "b"],
        ["c"],
    ]
    assert sugiyama._dfs_order(nodes, _TREE_LAYER, _TREE_DOWNS, 3, True) == [
        ["q", "p"],
        ["b", "a"],
        ["c"],
    ]
    # A node below the top row that no walk reaches starts one of its own.
    assert sugiyama._dfs_order(["p", "x"], {"p": 0, "x": 1}, {"p": [], "x": []}, 2, False) == [
        ["p"],
        ["x"],
    ]


def test_starts_are_two_walks_and_seeded_shuffles_fewer_on_big_views(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nodes = list("abcpq")
    starts = sugiyama._starts(nodes, _TREE_LAYER, _TREE_DOWNS, 3)
    assert len(starts) == 2 + 12
    assert starts[0] == [["p", "q"], ["a", "b"], ["c"]]
    assert starts[1] == [["q", "p"], ["b", "a"], ["c"]]
    # Each shuffle reorders each row of the first walk, nothing more.
    assert all([sorted(r) for r in s] == [["p", "q"], ["a", "b"], ["c"]] for s in starts[2:])
    assert any(s[0] == ["q", "p"] for s in starts[2:])
    assert any(s[0] == ["p", "q"] for s in starts[2:])
    monkeypatch.setattr(sugiyama, "_SMALL", 4)
    assert len(sugiyama._starts(nodes, _TREE_LAYER, _TREE_DOWNS, 3)) == 2
    monkeypatch.setattr(sugiyama, "_SMALL", 5)
    assert len(sugiyama._starts(nodes, _TREE_LAYER, _TREE_DOWNS, 3)) == 14
    monkeypatch.setattr(sugiyama, "_BIG", 5)
    assert len(sugiyama._starts(nodes, _TREE_LAYER, _TREE_DOWNS, 3)) == 14
    monkeypatch.setattr(sugiyama, "_BIG", 4)
    assert sugiyama._starts(nodes, _TREE_LAYER, _TREE_DOWNS, 3) == [starts[0]]


def test_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    fixed = {"p": 0, "q": 1, "r": 2, "s": 3}
    # a: (1 + 2) / 2 = 1.5; b: 2 (one neighbour); c: (0 + 3) / 2 = 1.5 after a, kept stable.
    near = {"a": ["r", "q"], "b": ["r"], "c": ["s", "p"]}
    assert sugiyama._sort_by_median(["b", "a", "c"], fixed, near) == ["a", "c", "b"]
    # Three neighbours: the middle one.
    assert sugiyama._sort_by_median(["x", "b"], fixed, {"x": ["p", "s", "q"], "b": ["r"]}) == [
        "x",
        "b",
    ]


def test_given_layers_sort_edges_into_upward_top_row_and_turned() -> None:
    layer, upward, top_edges, turned = sugiyama._given_layers(
        list("abcdpq"),
        [("a", "b"), ("a", "p"), ("c", "d"), ("p", "q")],
        {"p": 0, "a": 1, "b": 2, "c": 1, "d": 1},
    )
    assert layer == {"a": 1, "b": 2, "c": 1, "d": 1, "p": 0, "q": 0}
    assert upward == [("b", "a"), ("a", "p")]
    assert top_edges == [("p", "q")]  # c -> d, within layer 1, is left to the caller
    assert turned == [("a", "b")]


def test_longest_path_layers_turn_edges_out_of_the_top_row_and_back_edges() -> None:
    layer, upward, top_edges, turned = sugiyama._longest_path_layers(
        list("abpq"),
        [("a", "b"), ("a", "p"), ("b", "a"), ("p", "a"), ("q", "p")],
        {},
        {"p", "q", "x"},
        (),
        40.0,
        0.0,
    )
    assert top_edges == [("q", "p")]
    # p -> a leaves the top row and b -> a closes a circle: both are drawn pointing down.
    assert turned == [("b", "a"), ("p", "a")]
    assert upward == [("a", "b"), ("a", "p"), ("a", "b"), ("a", "p")]
    # b points at nothing left: layer 1; a points at b: layer 2.
    assert layer == {"a": 2, "b": 1, "p": 0, "q": 0}


def test_a_box_under_another_sits_the_layer_gap_below_their_edges() -> None:
    out = layered(
        ["p", "a"], [("a", "p")], {"p": (100, 40), "a": (60, 20)}, top=["p"], layer_gap=90
    )
    # 40 / 2 + 90 + 20 / 2 = 120 below, on the same vertical line.
    assert out.positions == {"p": (0, 0), "a": (0, 120)}
    # Unsized boxes are 100 x 40, so two siblings sit 100 + 40 apart, the parent between.
    out = layered(["p", "a", "b"], [("a", "p"), ("b", "p")], {}, top=["p"])
    assert out.positions == {"p": (70, 0), "a": (0, 130), "b": (140, 130)}
    assert out.crossings == 0


# ---- layout ---------------------------------------------------------------------------


def test_pack_boxes_fills_shelves_about_the_screen_shape() -> None:
    assert layout.pack_boxes([], gap=10) == []
    # 4 x 100 x 100: a shelf of about sqrt(40,000 x 1.6) = 253 takes two boxes.
    assert layout.pack_boxes([(100.0, 100.0)] * 4, gap=0) == [
        (0.0, 0.0),
        (100.0, 0.0),
        (0.0, 100.0),
        (100.0, 100.0),
    ]
    # A shelf is as tall as its tallest box, and the gap separates shelves too.
    boxes = [(50.0, 50.0), (50.0, 80.0), (50.0, 20.0), (50.0, 20.0)]
    assert layout.pack_boxes(boxes, gap=0) == [(0.0, 0.0), (50.0, 0.0), (0.0, 80.0), (50.0, 80.0)]
    assert layout.pack_boxes([(100.0, 50.0), (100.0, 80.0), (100.0, 50.0)], gap=10) == [
        (0.0, 0.0),
        (0.0, 60.0),
        (0.0, 150.0),
    ]
    # Never narrower than the widest box.
    assert layout.pack_boxes([(500.0, 10.0), (10.0, 10.0)], gap=0) == [(0.0, 0.0), (0.0, 10.0)]


def test_grid_positions_fill_rows_about_the_screen_shape() -> None:
    assert layout.grid_positions(0, col_width=100, row_height=100) == []
    # round(sqrt(5 x 1.6)) = 3 columns.
    assert layout.grid_positions(5, col_width=100, row_height=50) == [
        (0, 0),
        (100, 0),
        (0, 50),
        (100, 50),
        (0, 100),
    ]
    assert layout.grid_positions(5, col_width=100, row_height=100) == [
        (0, 0),
        (100, 0),
        (200, 0),
        (0, 100),
        (100, 100),
    ]
    assert layout.grid_positions(2, col_width=1000, row_height=10) == [(0, 0), (0, 10)]


def test_bounds() -> None:
    assert layout.bounds([(1, 5), (3, 2), (2, 9)]) == (1, 2, 3, 9)
    assert layout.bounds([]) == (0, 0, 0, 0)


def test_stretch_to_aspect_leaves_what_it_cannot_stretch() -> None:
    assert layout.stretch_to_aspect([(3, 4)]) == [(3, 4)]
    assert layout.stretch_to_aspect([(0, 0), (0, 100)]) == [(0, 0), (0, 100)]
    assert layout.stretch_to_aspect([(0, 5), (100, 5)]) == [(0, 5), (100, 5)]
    # Already 1.6 wide per high: unchanged.
    assert layout.stretch_to_aspect([(0, 0), (160, 100)]) == [(0, 0), (160, 100)]
    assert layout.stretch_to_aspect([(0, 0), (400, 100)], 1.0) == [(100, -50), (300, 150)]


def test_separate_pushes_overlapping_boxes_apart_along_the_shorter_overlap() -> None:
    assert layout.separate([], []) == []
    # 10 apart, 20 wide: 5 each way, sideways.
    assert layout.separate([(0, 0), (10, 0)], [(20, 20), (20, 20)]) == [(-5, 0), (15, 0)]
    assert layout.separate([(10, 0), (0, 0)], [(20, 20), (20, 20)]) == [(15, 0), (-5, 0)]
    # Wide boxes one above the other: up and down.
    assert layout.separate([(0, 0), (0, 10)], [(40, 20), (40, 20)]) == [(0, -5), (0, 15)]
    assert layout.separate([(0, 10), (0, 0)], [(40, 20), (40, 20)]) == [(0, 15), (0, -5)]
    # Boxes that only touch, or sit in cells apart, do not move; no pass, no move.
    assert layout.separate([(0, 0), (20, 0)], [(20, 20), (20, 20)]) == [(0, 0), (20, 0)]
    assert layout.separate([(0, 0), (0, 20)], [(20, 20), (20, 20)]) == [(0, 0), (0, 20)]
    assert layout.separate([(0, 0), (10, 0)], [(20, 20), (20, 20)], iterations=0) == [
        (0, 0),
        (10, 0),
    ]


def test_separate_looks_into_neighbouring_cells() -> None:
    # Cells are 2 boxes wide: 35 and 45 are in cells 0 and 1 (of width 40) and overlap.
    assert layout.separate([(35.0, 0.0), (45.0, 0.0)], [(20, 20), (20, 20)]) == [(30, 0), (50, 0)]
    assert layout.separate([(0.0, 35.0), (0.0, 45.0)], [(60, 20), (60, 20)]) == [(0, 30), (0, 50)]
    # A third box pushed into an overlap on the first pass is freed on the next.
    out = layout.separate([(0, 0), (10, 0), (30, 0)], [(20, 20)] * 3, iterations=20)
    xs = sorted(x for x, _ in out)
    assert all(b - a >= 20 for a, b in itertools.pairwise(xs))


def test_curve_point_follows_vis_networks_quadratic_curve() -> None:
    # Roundness 0.5: the control point is 0.75 x 100 from the start at 135 degrees.
    x, y = layout.curve_point((0, 0), (100, 0), "curvedCW", 0.5, 0.5)
    assert (round(x, 4), round(y, 4)) == (51.5165, -26.5165)
    x, y = layout.curve_point((0, 0), (100, 0), "curvedCCW", 0.5, 0.5)
    assert (round(x, 4), round(y, 4)) == (51.5165, 26.5165)
    x, y = layout.curve_point((0, 0), (0, 100), "curvedCW", 1.0, 0.25)
    assert (round(x, 4), round(y, 4)) == (37.5, 6.25)
    x, y = layout.curve_point((10, 20), (110, 20), "curvedCW", 0.0, 0.5)
    assert (round(x, 4), round(y, 4)) == (60.0, 20.0)


def test_segment_hits_only_when_it_enters_the_box() -> None:
    box = (5.0, 0.0, 10.0, 10.0)
    assert layout._segment_hits((0, 5), (20, 5), box)
    assert layout._segment_hits((7, -5), (7, 20), box)
    assert layout._segment_hits((20, 5), (0, 5), box)
    assert layout._segment_hits((6, 1), (9, 9), box)  # wholly inside
    assert not layout._segment_hits((0, 20), (20, 20), box)
    assert not layout._segment_hits((0, 0), (4, 4), box)
    assert not layout._segment_hits((0, 5), (5, 5), box)  # ends on the edge
    assert not layout._segment_hits((12, 5), (20, 5), box)
    assert not layout._segment_hits((0, 12), (20, 30), box)
    assert not layout._segment_hits((7, 11), (7, 20), box)
    assert not layout._segment_hits((7, -9), (7, -1), box)
    assert not layout._segment_hits((0, 0), (20, -20), box)


def test_route_around_leaves_unknown_ends_and_clear_lines_straight() -> None:
    positions = {"a": (0.0, 0.0), "b": (400.0, 0.0), "m": (200.0, 300.0)}
    sizes = dict.fromkeys(positions, (100.0, 40.0))
    assert layout.route_around([("a", "zz"), ("zz", "b"), ("a", "b")], positions, sizes) == [
        None,
        None,
        None,
    ]
    # The margin counts: a box 24 px off the line is hit with a margin of 5, not of 3.
    positions["m"] = (200.0, 44.0 - 20.0 + 0.0)
    near = {"a": (0.0, 0.0), "b": (400.0, 0.0), "m": (200.0, 24.0)}
    assert layout.route_around([("a", "b")], near, sizes, margin=3.0) == [None]
    assert layout.route_around([("a", "b")], near, sizes, margin=5.0) != [None]


def test_route_around_takes_the_least_bend_that_clears() -> None:
    # A box just below the line: the least clockwise bend (upwards) clears it.
    positions = {"a": (0.0, 0.0), "b": (400.0, 0.0), "m": (200.0, 10.0)}
    sizes = {"a": (10.0, 10.0), "b": (10.0, 10.0), "m": (40.0, 20.0)}
    assert layout.route_around([("a", "b")], positions, sizes) == [("curvedCW", 0.1)]
    # Just above: counter-clockwise.
    positions["m"] = (200.0, -10.0)
    assert layout.route_around([("a", "b")], positions, sizes) == [("curvedCCW", 0.1)]
    # Taller (-24 to 44 with the margin): the bend of 0.1 peaks at y = -17; 0.2 at -37.
    sizes["m"] = (40.0, 60.0)
    positions["m"] = (200.0, 10.0)
    assert layout.route_around([("a", "b")], positions, sizes) == [("curvedCW", 0.2)]


def test_force_layout_repels_near_nodes_and_ignores_far_ones() -> None:
    near = layout.force_layout(2, [], [(0.0, 0.0), (10.0, 0.0)], distance=100, iterations=30)
    assert near[1][0] - near[0][0] > 100
    far = layout.force_layout(2, [], [(0.0, 0.0), (1000.0, 0.0)], distance=100, iterations=30)
    assert abs(far[0][0]) <= 1 and abs(far[1][0] - 1000) <= 1
    assert all(abs(y) <= 1 for _, y in far)
    # No iteration: the start, jittered by less than a pixel each way.
    still = layout.force_layout(2, [], [(0.0, 0.0), (10.0, 0.0)], distance=100, iterations=0)
    assert all(abs(x - sx) <= 1 for (x, _), sx in zip(still, (0, 10), strict=True))


def test_force_layout_pulls_along_positive_edges_only_in_proportion_to_the_weight() -> None:
    start = [(0.0, 0.0), (300.0, 0.0)]  # beyond the repulsion's reach of 2 x 100

    def apart(edges: list[tuple[int, int, float]]) -> float:
        out = layout.force_layout(2, edges, start, distance=100, iterations=30)
        # Both ends move, by the same amount, along the line between them.
        assert abs((out[0][0] + out[1][0]) / 2 - 150) <= 2 and out[0][1] == out[1][1] == 0
        return math.dist(out[0], out[1])

    # Pull and repulsion balance at (100^3 / w)^(1/3), 215 for w = 0.1.
    assert apart([(0, 1, 1.0)]) < apart([(0, 1, 0.1)]) < apart([(0, 1, 0.01)]) < 290
    assert 150 < apart([(0, 1, 0.1)]) < 260
    for edges in ([(0, 1, -1.0)], [(0, 0, 1.0)], [(0, 1, 0.0)], []):
        assert abs(apart(edges) - 300) <= 2, edges


def test_force_layout_pulls_each_node_to_its_centre() -> None:
    out = layout.force_layout(
        1, [], [(0.0, 0.0)], distance=100, iterations=40, centres=[(300.0, -200.0)], pull=0.05
    )
    assert abs(out[0][0] - 300) <= 5 and abs(out[0][1] + 200) <= 5
    # Without centres nothing pulls it.
    assert layout.force_layout(1, [], [(0.0, 0.0)], distance=100, iterations=40)[0] in {
        (x, y) for x in (-1, 0, 1) for y in (-1, 0, 1)
    }


def test_force_layout_spreads_a_crowded_cell() -> None:
    # 40 nodes on one spot: their cell counts as one mass for its neighbours and itself.
    out = layout.force_layout(40, [], [(0.0, 0.0)] * 40, distance=20, iterations=50)
    xs = [x for x, _ in out]
    ys = [y for _, y in out]
    assert max(xs) - min(xs) > 60 and max(ys) - min(ys) > 60
    assert len(set(out)) > 30
    # The spread is about even on both sides of the start.
    assert abs(sum(xs) / 40) < 15 and abs(sum(ys) / 40) < 15


def test_force_layout_is_seeded() -> None:
    start = [(0.0, 0.0)] * 5
    one = layout.force_layout(5, [], start, distance=50, iterations=10, seed=1)
    two = layout.force_layout(5, [], start, distance=50, iterations=10, seed=2)
    assert one != two
    assert math.dist(one[0], one[1]) > 10


# ---- views: sizes, caps, the opening screen, camps --------------------------------------


def _analysed(text: str = REPORT_MAP) -> tuple[ArgumentMap, Analysis]:
    amap = canonical(loads(text).map)
    return amap, analyse(amap)


def test_label_box_wraps_at_words_into_the_styles_text_width() -> None:
    # 180 px of 22 px text hold int(180 / 13.2) = 13 characters a line.
    assert views.label_box("claim", "aaaa bbbbbbbb") == (212.0, 54.0)  # 13: one line
    assert views.label_box("claim", "aaaa bbbb cccc dddd") == (212.0, 76.0)  # two lines
    assert views.label_box("claim", "a" * 20) == (212.0, 54.0)  # a long word is not cut
    # A proposal: margin 10 and square corners.
    assert views.label_box("proposal", "aaaa bbbb cccc dddd") == (200.0, 64.0)
    # Evidence: an ellipse, 9 characters a line, twice as tall as its text, at least
    # 1.5 x 124 + 4 wide and a line's height wider per line.
    assert views.label_box("evidence", "aaaa bbbb") == (190.0, 44.0)
    assert views.label_box("evidence", "aaaa bbbb cccc dddd eeee") == (190.0, 132.0)
    assert views.label_box("evidence", "aaaa bbbb cccc dddd eeee ffff gggg") == (212.0, 176.0)


def test_an_actor_box_is_its_label_under_the_shape() -> None:
    amap, _ = _analysed(REPORT_MAP)
    assert views._box("jo", amap) == (112.0, 72.0)  # "Jo Green": 11.5 x 8 + 20
    assert views._box("saves", amap) == views.label_box("claim", "A room saves lives")
    short = dataclasses.replace(amap, actors=(Actor("jo", "Jo", ActorKind.PERSON),))
    assert views._box("jo", short) == (60.0, 72.0)


def _edge(edge_id: str, origin: str, target: str) -> views.ViewEdge:
    return views.ViewEdge(edge_id, origin, target, "agree")


def test_cap_keeps_the_best_connected_nodes_and_those_it_must(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(views, "MAX_VIEW_NODES", 3)
    monkeypatch.setattr(views, "MAX_VIEW_EDGES", 2)
    edges = [_edge("e1", "a", "b"), _edge("e2", "a", "c"), _edge("e3", "b", "c")]
    edges.append(_edge("e4", "d", "e"))
    # Degrees a 2, b 2, c 2, d 1, e 1: e is kept as asked, then a and b, by id.
    kept, inside = views._cap(list("abcde"), edges, keep=["e", "zz"])
    assert kept == {"a", "b", "e"}
    assert [e.id for e in inside] == ["e1"]
    kept, inside = views._cap(list("abcde"), edges)
    assert kept == {"a", "b", "c"}
    # Three edges, two allowed: the strongest by |weight|, then by id, in id order.
    kept, inside = views._cap(list("abc"), edges[:3], strength={"e3": -5.0, "e1": 1.0})
    assert [e.id for e in inside] == ["e1", "e3"]
    kept, inside = views._cap(list("abc"), edges[:3])
    assert [e.id for e in inside] == ["e1", "e2"]
    # Within both caps nothing is dropped.
    assert views._cap(list("ab"), edges[:1]) == ({"a", "b"}, edges[:1])


def test_the_notice_says_what_a_capped_view_leaves_out() -> None:
    nodes = (views.ViewNode("a", "claim", 0, 0, "A"), views.ViewNode("b", "claim", 0, 0, "B"))
    edges = (_edge("e1", "a", "b"),)
    assert views.View("argument", nodes, edges, 2, 1).notice is None
    assert views.View("argument", nodes, edges, 12345, 1).notice == (
        "This view draws the 2 best connected of 12,345 nodes and 1 of 1 links, to stay"
        " responsive. Search and the outline cover everything."
    )
    assert views.View("argument", nodes, edges, 2, 7000).notice == (
        "This view draws the 2 best connected of 2 nodes and 1 of 7,000 links, to stay"
        " responsive. Search and the outline cover everything."
    )


def test_backbone_keeps_each_nodes_strongest_links() -> None:
    weights = [("a", "b", 1.0), ("a", "c", 0.5), ("a", "d", -0.2), ("b", "c", 0.1)]
    # b-c is neither b's nor c's strongest; d's only link is its strongest.
    assert views._backbone(weights, 1) == weights[:3]
    assert views._backbone(weights, 2) == weights
    # A conflict counts by its strength.
    assert views._backbone([("a", "b", -3.0), ("a", "c", 1.0)], 1) == [
        ("a", "b", -3.0),
        ("a", "c", 1.0),
    ]
    assert views._backbone([("a", "b", -3.0), ("a", "c", 1.0), ("b", "c", 2.0)], 1) == [
        ("a", "b", -3.0),
        ("b", "c", 2.0),
    ]


def test_iterations_and_separation_passes_drop_with_the_view_size() -> None:
    assert [views._iterations(n) for n in (1, 300, 301, 1000, 1001)] == [60, 60, 30, 30, 10]
    assert [views._separation_passes(n) for n in (300, 301, 1000, 1001)] == [200, 15, 15, 5]


def _layered_result(
    positions: dict[str, tuple[int, int]], layers: tuple[tuple[str, ...], ...]
) -> sugiyama.Layered:
    return sugiyama.Layered(positions, layers, {}, (), 0)


def test_the_argument_view_opens_on_the_top_row_and_the_layer_under_it() -> None:
    sizes = {"p": (200.0, 40.0), "a": (212.0, 76.0), "b": (212.0, 76.0)}
    result = _layered_result({"p": (100, 0), "a": (100, 130)}, (("p",), ("a",)))
    # Above the row: 20 + 120 for the arcs; at least down to a's box bottom (168), but
    # not past the lowest node (130).
    assert views._argument_home(result, sizes, []) == (0, -140, 200, 130)
    deep = _layered_result(
        {"p": (100, 0), "a": (100, 130), "b": (100, 2000)}, (("p",), ("a",), ("b",))
    )
    assert views._argument_home(deep, sizes, []) == (0, -140, 200, 168)
    # A wide top row (3,200 px): 2,600 px around the most argued-about proposal.
    sizes |= {"q": (200.0, 40.0)}
    wide = _layered_result({"p": (0, 0), "q": (3000, 0)}, (("p", "q"),))
    # (2,600 + 240) / 2.2 - 140 = 1,151 high, cut at the lowest node.
    assert views._argument_home(wide, sizes, [("x", "q"), ("y", "q"), ("z", "p")]) == (
        500,
        -140,
        3100,
        0,
    )
    assert views._argument_home(wide, sizes, [("x", "p"), ("y", "q"), ("z", "p")]) == (
        -100,
        -140,
        2500,
        0,
    )
    # A tie goes to the first id; an empty row falls back to the bounds.
    assert views._argument_home(wide, sizes, [])[0] == -100
    tall = _layered_result({"p": (0, 0), "q": (3000, 0), "a": (0, 5000)}, (("p", "q"), ()))
    assert views._argument_home(tall, sizes, [])[3] == 1011
    assert views._argument_home(_layered_result({"a": (3, 4)}, ((),)), sizes, []) == (3, 4, 3, 4)
    assert views._argument_home(_layered_result({}, ()), sizes, []) == (0, 0, 0, 0)


def test_lines_are_bent_round_boxes_unless_there_are_too_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    positions = {"a": (0, 0), "b": (400, 0), "m": (200, 10)}
    sizes = {"a": (10.0, 10.0), "b": (10.0, 10.0), "m": (40.0, 20.0)}
    edges = [views.ViewEdge("a~b", "a", "b", "agree", 2.5, ("x",))]
    bent = views._bent(edges, positions, sizes)
    assert bent == [views.ViewEdge("a~b", "a", "b", "agree", 2.5, ("x",), ("curvedCW", 0.1))]
    monkeypatch.setattr(views, "_MAX_ROUTED", 1)
    assert views._bent(edges, positions, sizes) == bent
    monkeypatch.setattr(views, "_MAX_ROUTED", 0)
    assert views._bent(edges, positions, sizes) == edges


def test_stance_bands_put_the_actors_in_camp_order_and_each_claim_beside_its_speakers() -> None:
    amap, analysis = _analysed(REPORT_MAP)
    order = ["allow", "dealers", "saves", "greens", "jo", "max", "sam"]
    sizes = {n: views._box(n, amap) for n in order}
    links = [(e.origin, e.target) for e in views._stance_edges(amap)]
    layers = views._stance_layers(order, links, amap, analysis, sizes)
    assert set(layers) == set(order)
    # Four short actor boxes make one band: one row of actors, in camp order (camp 1 is
    # greens, jo, max; sam is camp 2), with every claim in the layer just above or below.
    actors = ["greens", "jo", "max", "sam"]
    assert {layers[a] for a in actors} == {1}
    assert views.camp_order(analysis) == (("greens", "jo", "max"), ("sam",))
    for actor, claim in links:
        assert abs(layers[actor] - layers[claim]) == 1, (actor, claim)


def test_stance_map_nodes_carry_their_class_label_and_camp_colour() -> None:
    amap, analysis = _analysed(REPORT_MAP)
    view = views.stance_view(amap, analysis, views.argument_view(amap))
    # Camp 1 (greens, jo, max) takes colour 0; sam, camp 2 of one actor, and every claim -1.
    assert [(n.id, n.cls, n.label, n.camp) for n in view.nodes] == [
        ("allow", "proposal", "Allow a room", -1),
        ("dealers", "claim", "A room helps dealers", -1),
        ("greens", "actor-party", "Green Party", 0),
        ("jo", "actor-person", "Jo Green", 0),
        ("max", "actor-person", "Max Mixed", 0),
        ("sam", "actor-public", "Sam Chief", -1),
        ("saves", "claim", "A room saves lives", -1),
    ]


def test_stance_map_labels_are_cut_at_their_own_lengths() -> None:
    # Actors at 40 characters, claims at 90, each at a word with an ellipsis.
    text = REPORT_MAP.replace(
        "name: Jo Green", "name: Jo Green of the Very Long Named Campaign for Reform"
    ).replace("text: A room saves lives", "text: " + " ".join(["A room saves lives"] * 6))
    amap = canonical(loads(text).map)
    assert views._stance_node("jo", (3, 4), amap, {}) == views.ViewNode(
        "jo", "actor-person", 3, 4, "Jo Green of the Very Long Named\u2026", -1
    )
    assert views._stance_node("saves", (0, 0), amap, {"saves": 2}).label == (
        "A room saves lives A room saves lives A room saves lives A room saves lives A room"
        " saves\u2026"
    )


def test_a_big_stance_map_starts_each_actor_among_its_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amap, analysis = _analysed(REPORT_MAP)
    argument = views.argument_view(amap)
    layered_view = views.stance_view(amap, analysis, argument)
    monkeypatch.setattr(views, "_LAYERED_STANCES", 0)
    monkeypatch.setattr(views, "_iterations", lambda count: 0)
    monkeypatch.setattr(views, "_separation_passes", lambda count: 0)
    forced = views.stance_view(amap, analysis, argument)
    # The same nodes, classes, labels, camps and edges as the layered drawing.
    assert [(n.id, n.cls, n.label, n.camp) for n in forced.nodes] == [
        (n.id, n.cls, n.label, n.camp) for n in layered_view.nodes
    ]
    assert [(e.id, e.cls, e.items) for e in forced.edges] == [
        (e.id, e.cls, e.items) for e in layered_view.edges
    ]
    assert (forced.name, forced.total_nodes, forced.total_edges) == ("stances", 7, 7)
    xy = {n.id: (n.x, n.y) for n in forced.nodes}
    assert forced.home == layout.bounds(xy.values())
    # Unmoved by forces, each actor sits at the mean of its claims (stretching keeps means).
    said = {"greens": ["allow"], "jo": ["allow", "saves"], "max": ["dealers", "saves"]}
    for actor, claims in said.items():
        for axis in (0, 1):
            mean = sum(xy[c][axis] for c in claims) / len(claims)
            assert abs(xy[actor][axis] - mean) <= 3, (actor, axis)


def test_camps_view_lines_are_as_wide_as_the_agreement_is_strong() -> None:
    amap, analysis = _analysed(REPORT_MAP)
    agreement = (
        ("greens", "jo", 2.0),
        ("jo", "max", 1.0),
        ("jo", "sam", -0.5),
        ("jo", "jo", 1.0),
        ("jo", "ghost", 1.0),
        ("max", "sam", 0.0),
    )
    view = views.camps_view(amap, dataclasses.replace(analysis, agreement=agreement))
    assert [(e.id, e.cls, e.width) for e in view.edges] == [
        ("greens~jo", "agree", 5.0),
        ("jo~max", "agree", 3.0),
        ("jo~sam", "conflict", 2.0),
    ]
    assert (view.total_nodes, view.total_edges) == (4, 3)
    assert [(n.id, n.cls, n.label, n.camp) for n in view.nodes] == [
        ("greens", "actor-party", "Green Party", 0),
        ("jo", "actor-person", "Jo Green", 0),
        ("max", "actor-person", "Max Mixed", 0),
        ("sam", "actor-public", "Sam Chief", -1),
    ]


def test_camps_view_names_each_group_above_it_and_opens_on_the_first() -> None:
    amap, analysis = _analysed(REPORT_MAP)
    view = views.camps_view(amap, analysis)
    xy = {n.id: (n.x, n.y) for n in view.nodes}
    camp = ["greens", "jo", "max"]
    assert view.groups == (
        (
            "Camp 1: For: Allow a room \u00b7 mean +0.67 \u00b7 3 actors",
            round(sum(xy[a][0] for a in camp) / 3),
            min(xy[a][1] for a in camp) - 40,
        ),
        ("Unaligned, and camps of one actor", xy["sam"][0], xy["sam"][1] - 40),
    )
    left, top, right, bottom = layout.bounds(xy[a] for a in camp)
    assert view.home == (left, top - 60, right, bottom)
    # A hand-built analysis without camp names; the unaligned alone.
    bare = dataclasses.replace(analysis, camp_info=(), unaligned=("sam",))
    names = [g[0] for g in views.camps_view(amap, bare).groups]
    assert names == ["Camp 1 \u00b7 3 actors", "Unaligned"]


def test_camp_order_and_colours_follow_the_analysis_numbering() -> None:
    _, analysis = _analysed(REPORT_MAP)
    assert views.camp_order(dataclasses.replace(analysis, camps=((), ("sam",), ("a", "b")))) == (
        ("sam",),
        ("a", "b"),
    )
    assert views._camp_index(analysis) == {"greens": 0, "jo": 0, "max": 0, "sam": 1}
    # A camp of one has no colour.
    assert views._colour_index(analysis) == {"greens": 0, "jo": 0, "max": 0}


# ---- report: the details, line by line ---------------------------------------------------

_DETAILS = """\
## Where each actor stands

A score runs from -1 (against the proposal) to +1 (for it): the weighted mean of the actor's \
stances on the proposal and on the claims that bear on it, each relation on the way halving \
the weight. *Mixed* marks an actor whose stances pull both ways. Each actor's words and \
reasons are under *Actors* below; the method is in docs/analysis.md.

### Allow a room

> The town should allow a drug consumption room

| Actor | Score | Stand | Camp |
| --- | ---: | --- | --- |
| Green Party | +1.00 | for | 1 |
| Jo Green | +1.00 | for | 1 |
| Max Mixed |  0.00 | mixed, evenly balanced | 1 |
| Sam Chief | -1.00 | against | 2 |

## Camps

Actors who take the same stance on a claim agree, actors who take opposite stances conflict \
(discourse network analysis; agreement minus conflict, normalisation: none). The camps are \
the split that leaves the least agreement across camps and the least conflict inside them \
(structural balance); each is named by its members' mean score on the question.

1. For: Allow a room · mean +0.67 · 3 actors: Green Party, Jo Green, Max Mixed
2. Against: Allow a room · mean -1.00 · 1 actor: Sam Chief

**Frustration**: none. Every agreement lies inside a camp and every conflict between camps.

## Contested claims

Claims that some actors support and others oppose, ranked by (1 - |s - o| / (s + o)) × \
ln(1 + s + o) for s supporters and o opponents.

| Claim | Score | Supporters | Opponents |
| --- | ---: | --- | --- |
| A room saves lives | 0.92 | Jo Green, Max Mixed | Sam Chief |

## Key claims

The claims the debate argues about most: PageRank on the relation graph, where each support \
or attack points from the arguing claim to the claim argued about.

| Claim | Kind | Centrality |
| --- | --- | ---: |
| Allow a room | proposal | 0.521 |
| A room helps dealers | claim | 0.282 |
| A room saves lives | claim | 0.198 |

## Which claims stand

Grounded semantics (Dung) on the attacks between claims: a claim is *in* when every attacker \
is out, *out* when an attacker is in, and *undecided* otherwise. The bipolar column adds the \
attacks that support chains imply (supported and secondary attacks, after Cayrol and \
Lagasquie-Schiex). This weighs only the arguments in the map: a claim is out when an attack \
on it stands unanswered, whatever its truth.

| Claim | Grounded | Bipolar |
| --- | --- | --- |
| Allow a room | in | in |
| A room helps dealers | out | out |
| A room saves lives | in | in |

## Incoherent positions

- Max Mixed supports both *A room saves lives* and *A room helps dealers*, but the first \
attacks the second.

## Actors

Each actor's words, each quote once, with the claims they show a stance on; then the reasons \
for their scores, path by path.

### Green Party

party; camp 1. **Positions**: Allow a room: for, +1.00.

- reported, not quoted (The Gazette, source 1): supports *Allow a room*

<details><summary>Why these scores: 1 reason</summary>

- On *Allow a room*:
  - supports *Allow a room* (for, weight 1)

</details>

### Jo Green

person; camp 1. **Positions**: Allow a room: for, +1.00.

- "We should open a room this year." (The Gazette, source 1): supports *Allow a room*
- "It will save lives." (The Gazette, source 1): supports *A room saves lives*

<details><summary>Why these scores: 1 reason</summary>

- On *Allow a room*:
  - supports *Allow a room* (for, weight 1)

</details>

### Max Mixed

person; camp 1. **Positions**: Allow a room: mixed, evenly balanced,  0.00.

- "Dealers would gain." (The Herald, source 2): supports *A room helps dealers*
- "Lives would be saved." (The Herald, source 2): supports *A room saves lives*

<details><summary>Why these scores: 2 reasons</summary>

- On *Allow a room*:
  - supports *A room helps dealers*, which attacks *Allow a room* (against, weight 0.5)
  - supports *A room saves lives*, which supports *Allow a room* (for, weight 0.5)

</details>

### Sam Chief

police; camp 2. **Positions**: Allow a room: against, -1.00.

- "It will not save anyone." (The Herald, source 2): opposes *A room saves lives*
- "It would help dealers." (The Herald, source 2): supports *A room helps dealers*

<details><summary>Why these scores: 2 reasons</summary>

- On *Allow a room*:
  - opposes *A room saves lives*, which supports *Allow a room* (against, weight 0.5)
  - supports *A room helps dealers*, which attacks *Allow a room* (against, weight 0.5)

</details>

"""


def _markdown(text: str = REPORT_MAP) -> str:
    amap, analysis = _analysed(text)
    return report.render_markdown(amap, analysis)


def test_the_details_of_the_report_line_by_line() -> None:
    md = _markdown()
    assert md[md.index("## Where each actor stands") : md.index("## Sources")] == _DETAILS
    assert md.startswith(
        "# Should the town allow a drug consumption room?\n\n"
        "A small map for the report tests.\n\n"
        "*4 actors, 3 claims (1 proposal), 7 stances, 3 relations and 2 sources, analysed by"
        " argmap from `arguments.yaml`.*\n\n## Summary\n"
    )


_BARE = """\
title: Nothing yet
actors:
  lee: {name: Lee, kind: person}
claims:
  c: {text: A claim}
"""


def test_a_map_without_proposals_sources_or_sides_says_so() -> None:
    md = _markdown(_BARE)
    for line in (
        "# Nothing yet\n\n*1 actor, 1 claim (0 proposals), 0 stances, 0 relations and 0"
        " sources, analysed by argmap from `arguments.yaml`.*\n\n",
        "## Summary\n\nThe map has no proposal.\n\n",
        "docs/analysis.md.\n\nThe map has no proposal.\n\n",
        "## Contested claims\n\nClaims that some",
        "opponents.\n\nNo claim has both supporters and opponents.\n\n",
        "## Incoherent positions\n\nNo actor supports two claims one of which attacks the"
        " other.\n\n",
        "### Lee\n\nperson; unaligned.\n\n## Sources\n\nThe map names no source.\n",
    ):
        assert line in md, line
    assert "<details>" not in md and "Inferred" not in md
    assert report.render_text(*_analysed(_BARE)) == (
        "Nothing yet\n1 actor, 1 claim (0 proposals), 0 stances, 0 relations and 0 sources\n\n"
        "Camps (frustration: none)\n  unaligned: Lee\n\nMost contested\n  none\n\n"
        "Acceptance (grounded): 1 in, 0 out, 0 undecided\nIncoherent: none\n"
    )


_QUIET = """\
title: "Quiet\\x1b[31m town"
sources:
  s: {title: S, publisher: unknown, date: unknown}
actors:
  lee: {name: Lee, kind: person, role: "the *chair*"}
  kim: {name: Kim, kind: person}
claims:
  p: {kind: proposal, text: Do it}
  q: {kind: proposal, text: Do the other}
  e: {kind: evidence, text: A fact, source: s}
stances:
  - {actor: lee, neutral: p, source: s, quote: "We will see.", date: 2024-05}
  - {actor: kim, neutral: p, source: s}
"""


def test_neutral_actors_and_a_proposal_nobody_takes_a_side_on() -> None:
    md = _markdown(_QUIET)
    summary = md[md.index("## Summary") : md.index("## Where each actor stands")]
    assert "0 for · 0 against · 0 mixed · 2 neutral\n\nNo actor takes a side on it.\n\n" in summary
    assert "Neutral: Kim, Lee.\n\n" in summary
    positions = md[md.index("## Where each actor stands") : md.index("## Camps")]
    assert positions.startswith("## Where each actor stands\n\nA score runs")
    # (Two blank lines before "Neutral" when no actor takes a side: Markdown reads one.)
    assert "### Do it\n\n" in positions
    assert positions.endswith(
        "\nNeutral: Kim, Lee.\n\n### Do the other\n\nNo actor takes a side on this proposal.\n\n"
    )
    # The role, escaped; a date after the citation; a source with no publisher.
    assert "person, the \\*chair\\*; unaligned.\n" in md
    assert '- "We will see." (publisher unknown, source 1, 2024-05): neutral *Do it*\n' in md
    assert "- reported, not quoted (publisher unknown, source 1): neutral *Do it*\n" in md
    assert "1. publisher unknown, S, undated\n" in md
    text = report.render_text(*_analysed(_QUIET))
    # The escape character is blanked out: it cannot colour the terminal.
    assert text.startswith("Quiet [31m town\n")
    assert "\nDo it\n  no actor takes a side\n\nDo the other\n  no actor takes a side\n" in text


def test_the_terminal_lists_a_dozen_actors_a_proposal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "_TEXT_ACTORS", 2)
    text = report.render_text(*_analysed())
    assert "Allow a room\n  +1.00  Green Party\n  +1.00  Jo Green\n  ... and 2 more\n\n" in text
    monkeypatch.setattr(report, "_TEXT_ACTORS", 4)
    assert "more" not in report.render_text(*_analysed())


def test_frustration_and_contested_lines_in_the_terminal_and_the_report() -> None:
    amap, analysis = _analysed()
    frustrated = dataclasses.replace(
        analysis, frustration=(("greens", "sam"), ("jo", "max")), agreement=analysis.agreement
    )
    text = report.render_text(amap, frustrated)
    assert "\nCamps (frustration: 2)\n" in text
    assert "\nMost contested\n  0.92  A room saves lives (2 for, 1 against)\n" in text
    md = report.render_markdown(amap, frustrated)
    assert (
        "**Frustration**: 2 edges break the balance.\n\n"
        "- Green Party and Sam Chief conflict inside one camp ( 0.00)\n"
        "- Jo Green and Max Mixed agree but sit in different camps (+1.00)\n"
    ) in md
    assert report.frustration(frustrated) == [("greens", "sam", 0.0), ("jo", "max", 1.0)]


def test_verdict_parts_name_the_reasons_and_the_bipolar_label() -> None:
    verdict = Verdict(
        label="out",
        bipolar="undecided",
        supporting=(("a", "in"), ("b", "out")),
        attacking=(("x", "in"), ("y", "in"), ("z", "undecided")),
        reasons=("x", "y", "z"),
        totals=(3, 4, 5),
    )
    assert report.verdict_parts(verdict) == [
        (
            "text",
            "The map holds 2 claims for it (1 standing) and 3 claims against it (2 standing).",
        ),
        (
            "text",
            " Grounded acceptance: out, since an objection to it stands unanswered in the map",
        ),
        ("text", ": "),
        ("claim", "x"),
        ("text", ", "),
        ("claim", "y"),
        ("text", " and "),
        ("claim", "z"),
        ("text", "."),
        ("text", " With the attacks that support chains imply (bipolar): undecided."),
        (
            "text",
            " This weighs only the arguments in the map, not whether a claim is true."
            " Across the map: 3 claims in, 4 out, 5 undecided.",
        ),
    ]
    # In with nothing against it; in though attacked (no reasons listed).
    alone = dataclasses.replace(verdict, label="in", bipolar="in", attacking=(), reasons=())
    assert report.verdict_parts(alone)[1] == (
        "text",
        " Grounded acceptance: in, since nothing in the map argues against it.",
    )
    assert len(report.verdict_parts(alone)) == 3
    answered = dataclasses.replace(alone, attacking=(("x", "out"),))
    assert report.verdict_parts(answered)[1:3] == [
        ("text", " Grounded acceptance: in, since every claim against it is answered in the map"),
        ("text", "."),
    ]


def test_reason_parts_say_each_step_and_whose_it_is() -> None:
    stance = Stance("s1", "jo", "a", Position.OPPOSES, "src1")
    c = Contribution("s1", "a", ("a", "b", "p"), -1, 0.25, sources=("src2", "ghost"))
    kinds = {("a", "b"): "attacks"}
    assert report.reason_parts(c, {"s1": stance}, kinds, 3, {"src1": 1, "src2": 2}) == [
        ("text", "opposes "),
        ("claim", "a"),
        ("text", " (source 1)"),
        ("text", ", which attacks "),
        ("claim", "b"),
        ("text", " (per source 2)"),
        ("text", ", which bears on "),
        ("claim", "p"),
        ("text", " (no source)"),
        ("text", " (against, weight 0.25, 3 stances)"),
    ]
    short = Contribution("gone", "a", ("a", "p"), 1, 0.5)
    assert report.reason_parts(short, {}, {}, 1, {}) == [
        ("text", "takes a stance on "),
        ("claim", "a"),
        ("text", ", which bears on "),
        ("claim", "p"),
        ("text", " (no source)"),
        ("text", " (for, weight 0.5)"),
    ]


def test_the_strongest_reasons_keep_their_order_and_equal_ones_merge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cs = tuple(Contribution(f"s{i}", "a", ("a",), 1, w) for i, w in enumerate((1, 3, 2, 3)))
    monkeypatch.setattr(report, "_REASONS", 2)
    assert report._strongest(cs) == (cs[1], cs[3])
    monkeypatch.setattr(report, "_REASONS", 4)
    assert report._strongest(cs) == cs
    stances = {
        "s0": Stance("s0", "jo", "a", Position.SUPPORTS, "x"),
        "s1": Stance("s1", "jo", "a", Position.SUPPORTS, "y"),
    }
    twice = (
        Contribution("s0", "a", ("a",), 1, 1.0),
        Contribution("s1", "a", ("a",), 1, 1.0),
        Contribution("s1", "a", ("a",), 1, 0.5),
    )
    assert report._merged(twice, stances) == ((twice[0], 2), (twice[2], 1))


def test_relation_kinds_keep_the_attack_of_a_pair_related_both_ways() -> None:
    amap = ArgumentMap(
        title="T",
        claims=(Claim("a", "A"), Claim("b", "B")),
        relations=(
            Relation("r1", "a", "b", RelationKind.ATTACKS),
            Relation("r2", "a", "b", RelationKind.SUPPORTS),
            Relation("r3", "b", "a", RelationKind.SUPPORTS),
        ),
    )
    assert report._relation_kinds(amap) == {("a", "b"): "attacks", ("b", "a"): "supports"}


def test_key_claims_rank_by_centrality_then_id() -> None:
    amap, analysis = _analysed()
    ranked = dataclasses.replace(analysis, centrality={"b": 0.2, "a": 0.2, "c": 0.5, "d": 0.1})
    assert report.key_claims(ranked) == [("c", 0.5), ("a", 0.2), ("b", 0.2), ("d", 0.1)]
    assert report.key_claims(ranked, top=2) == [("c", 0.5), ("a", 0.2)]
    md = report.render_markdown(amap, dataclasses.replace(analysis, centrality={}))
    assert "argued about.\n\nThe map has no claims.\n" in md


def test_sources_link_only_clean_http_urls() -> None:
    amap, _ = _analysed()
    sources = (
        Source("a", "A", "P", "2024", url="https://example.org/a"),
        Source("b", "B", "P", "2024", url="ftp://example.org/b"),
        Source("c", "C", "P", "2024", url="https://example.org/c d"),
        Source("d", "D", UNKNOWN, "2024", url="http://example.org/<d>"),
    )
    linked = dataclasses.replace(amap, sources=sources)
    assert [report._source_md(linked, s.id) for s in sources] == [
        "P, [A](<https://example.org/a>), 2024",
        "P, B, 2024",
        "P, C, 2024",
        "publisher unknown, D, 2024",
    ]
    assert report._source_md(linked, "gone") == "gone"
    assert report._cite_md(linked, "c") == "P, source 3"
    assert report._cite_md(linked, "d") == "publisher unknown, source 4"
    assert report._cite_md(linked, "gone") == "gone"


def test_the_html_report_cites_by_number_and_marks_an_unknown_publisher() -> None:
    amap, analysis = _analysed(_QUIET)
    page = report.render_html(amap, analysis)
    assert "publisher unknown, source 1" in page
    built = report.build_report(amap, analysis)
    assert report._cite(amap, built, "s") == "publisher unknown, source 1"
    assert report._cite(amap, built, "gone") == "gone"
    amap, analysis = _analysed()
    built = report.build_report(amap, analysis)
    assert report._cite(amap, built, "herald") == "The Herald, source 2"
    assert dict(built.source_numbers) == {"gazette": 1, "herald": 2}
    assert '<a href="index.html">' in report.render_html(amap, analysis)
    assert '<a href="map.html">' in report.render_html(amap, analysis, page_href="map.html")


def test_build_report_lists_neutral_actors_apart_from_the_ranked_ones() -> None:
    amap, analysis = _analysed(_QUIET)
    built = report.build_report(amap, analysis)
    assert [(p.id, rows, neutral) for p, rows, neutral in built.proposals] == [
        ("p", (), ("kim", "lee")),
        ("q", (), ()),
    ]
    assert [(e.actor, e.name, e.kind, e.role, e.camp) for e in built.actors] == [
        ("kim", "Kim", "person", None, None),
        ("lee", "Lee", "person", "the *chair*", None),
    ]
    assert built.inferred == ()


# ---- summary and outline ---------------------------------------------------------------


def test_stand_words() -> None:
    assert [summary.stand(PositionScore(s, False, ())) for s in (0.004, -0.004, 0.006, -0.006)] == [
        "undecided",
        "undecided",
        "for",
        "against",
    ]
    assert summary.stand(PositionScore(0.0, True, ())) == "mixed, evenly balanced"
    assert summary.stand(PositionScore(-0.5, True, ())) == "mixed, leaning against"


def test_the_question_is_the_analysis_one_or_the_most_held_proposal() -> None:
    amap, analysis = _analysed(_QUIET)
    assert summary._question(amap, analysis) == amap.claims_by_id["p"]
    bare = dataclasses.replace(analysis, question=None)
    # Nobody takes a side: the first by id.
    assert summary._question(amap, bare) == amap.claims_by_id["p"]
    amap, analysis = _analysed(SIDES_MAP)
    assert [c.id for c in summary.proposals_in_order(amap, analysis)] == ["uk", "town"]
    # No proposal at all: no question, no sides, no verdict.
    amap, analysis = _analysed(_BARE)
    summed = summary.summarise(amap, dataclasses.replace(analysis, question=None))
    assert (summed.question, summed.sides, summed.neutral, summed.verdict) == (None, (), (), None)
    assert summed.inferred == 0


def test_the_summary_counts_the_inferred_positions_on_the_question_only() -> None:
    amap, analysis = _analysed()
    score = PositionScore(0.5, False, ())
    inferred = {"x": {"allow": score}, "y": {"allow": score}, "z": {"other": score}}
    summed = summary.summarise(amap, dataclasses.replace(analysis, inferred_positions=inferred))
    assert summed.inferred == 2
    assert (
        summary.inferred_positions(dataclasses.replace(analysis, inferred_positions=inferred))
        == inferred
    )


def test_neutral_actors_without_the_analysis_sides_are_read_from_the_stances() -> None:
    amap, analysis = _analysed(_QUIET)
    summed = summary.summarise(amap, dataclasses.replace(analysis, sides={}))
    assert summed.neutral == ("kim", "lee")
    assert [(side, voices) for side, voices in summed.sides] == [
        ("for", ()),
        ("against", ()),
        ("mixed", ()),
    ]


def test_voices_quote_once_and_fall_back_to_their_own_side() -> None:
    amap, analysis = _analysed()
    summed = summary.summarise(amap, dataclasses.replace(analysis, sides={}))
    # Without the analysis's count each voice goes to its position's own side.
    assert [(side, [v.actor for v in voices]) for side, voices in summed.sides] == [
        ("for", ["greens", "jo"]),
        ("against", ["sam"]),
        ("mixed", ["max"]),
    ]
    voices = {v.actor: v for _, vs in summed.sides for v in vs}
    assert voices["jo"].stance is not None and voices["jo"].stance.quote == (
        "We should open a room this year."
    )
    assert voices["greens"].stance is not None and voices["greens"].stance.reported
    assert all(v.same_as is None for v in voices.values())
    assert voices["jo"].name == "Jo Green"


def test_best_stance_prefers_the_side_leant_then_a_quote_then_weight() -> None:
    stances = {
        "q": Stance("q", "a", "c", Position.SUPPORTS, "s", quote="Yes."),
        "r": Stance("r", "a", "c", Position.SUPPORTS, "s", reported=True),
        "o": Stance("o", "a", "c", Position.OPPOSES, "s", quote="No."),
    }

    def position(score: float, *cs: tuple[str, int, float]) -> PositionScore:
        return PositionScore(
            score, False, tuple(Contribution(s, "c", ("c",), g, w) for s, g, w in cs)
        )

    # Leaning for: the opposing quote loses whatever its weight; a quote beats none.
    assert (
        summary.best_stance(position(0.5, ("o", -1, 9.0), ("r", 1, 2.0), ("q", 1, 1.0)), stances)
        is stances["q"]
    )
    assert (
        summary.best_stance(position(-0.5, ("q", 1, 9.0), ("o", -1, 1.0)), stances) is stances["o"]
    )
    # Zero leans for; the heavier of two quotes; the first on a tie; unknown stances skipped.
    assert (
        summary.best_stance(position(0.0, ("o", -1, 1.0), ("q", 1, 1.0)), stances) is stances["q"]
    )
    two = stances | {"q2": Stance("q2", "a", "c", Position.SUPPORTS, "s", quote="Aye.")}
    assert summary.best_stance(position(1.0, ("q", 1, 1.0), ("q2", 1, 2.0)), two) is two["q2"]
    assert summary.best_stance(position(1.0, ("q2", 1, 1.0), ("q", 1, 1.0)), two) is two["q2"]
    assert (
        summary.best_stance(position(1.0, ("gone", 1, 5.0), ("r", 1, 1.0)), stances) is stances["r"]
    )
    assert summary.best_stance(position(1.0, ("gone", 1, 5.0)), stances) is None


def test_acceptance_reasons_of_a_hand_built_analysis_are_its_attackers() -> None:
    _, analysis = _analysed()
    bare = dataclasses.replace(analysis, acceptance_reasons={})
    attacking = [("x", "in"), ("y", "undecided"), ("z", "out")]
    for label, reasons in (("in", ()), ("out", ("x",)), ("undecided", ("y",))):
        labelled = dataclasses.replace(bare, acceptance={"q": label})
        assert summary.acceptance_reasons(labelled, "q", attacking) == reasons, label
    assert summary.acceptance_reasons(bare, "q", attacking) == ("y",)
    given = dataclasses.replace(analysis, acceptance_reasons={"q": ("k",)})
    assert summary.acceptance_reasons(given, "q", attacking) == ("k",)
    assert summary.acceptance_reasons(given, "other", attacking) == ()


def test_the_verdict_lists_each_claim_for_and_against_once() -> None:
    amap, analysis = _analysed()
    doubled = dataclasses.replace(
        amap,
        relations=(
            *amap.relations,
            Relation("again", "saves", "allow", RelationKind.SUPPORTS),
            Relation("ghost", "nobody", "allow", RelationKind.ATTACKS),
        ),
    )
    verdict = summary._verdict(doubled, analysis, amap.claims_by_id["allow"])
    assert verdict == Verdict("in", "in", (("saves", "in"),), (("dealers", "out"),), (), (2, 1, 0))


def test_score_words_have_a_divided_middle() -> None:
    assert [outline.score_words(s) for s in (0.34, 0.33, -0.33, -0.34)] == [
        "for (+0.34)",
        "divided (+0.33)",
        "divided (-0.33)",
        "against (-0.34)",
    ]


def test_the_outline_cites_and_nests_each_claim_once() -> None:
    amap, analysis = _analysed()
    html = outline.outline_html(amap, analysis)
    assert '<p class="o-sides">Stated positions: 2 for, 1 against, 1 mixed</p>' in html
    assert (
        '<span class="s-same">reported, not quoted (The Gazette, Council debates drug room)</span>'
    ) in html
    # saves argues for allow and against dealers: its second place links to the first.
    assert html.count('<li id="o-saves"') == 1
    assert (
        '<span class="o-rel">\u2212 against:</span> <span class="o-kind">Claim</span> A room'
        ' saves lives <a href="#o-saves">(see its entry)</a>' in html
    )
    assert "<h4>Camp 2: Against: Allow a room \u00b7 mean -1.00 \u00b7 1 actor (1)</h4>" in html
    assert outline._cite(amap, "herald") == "The Herald, Police chief doubts drug room"
    assert outline._cite(amap, "gone") == "gone"
    quiet, _ = _analysed(_QUIET)
    assert outline._cite(quiet, "s") == "publisher unknown, S"


def test_outline_trees_put_the_most_argued_proposal_first_then_the_unlinked_claims() -> None:
    amap, _ = _analysed(SIDES_MAP)
    tops, others = outline._tree(amap)
    assert [t.claim.id for t in tops] == ["uk", "town"]
    assert [(g, [e.claim.id for e in es]) for g, es in tops[0].groups] == [
        ("For", ["saves"]),
        ("Against", ["illegal"]),
    ]
    assert [e.mark for _, es in tops[0].groups for e in es] == ["+ for:", "\u2212 against:"]
    # change undercuts a link, arguing about no claim: it heads a tree of its own.
    assert [o.claim.id for o in others] == ["change"]
    against = tops[0].groups[1][1][0]
    assert [(c.id, cut) for c, cut in against.cuts] == [("change", False)]
    tops, _ = outline._tree(amap, frozenset({"illegal/attacks/uk"}))
    assert [(c.id, cut) for c, cut in tops[0].groups[1][1][0].cuts] == [("change", True)]
    # Stances in sign order (supports, opposes, neutral), then by actor.
    stances = outline._Outline(amap).stances["illegal"]
    assert [(s.actor, s.position.value) for s in stances] == [
        ("sam", "supports"),
        ("jo", "opposes"),
    ]


def test_a_chain_deeper_than_the_outline_nests_continues_as_a_new_entry() -> None:
    claims = [("p", ClaimKind.PROPOSAL)] + [(f"c{i:02d}", ClaimKind.CLAIM) for i in range(14)]
    relations = [("c00", RelationKind.SUPPORTS, "p")]
    relations += [(f"c{i + 1:02d}", RelationKind.SUPPORTS, f"c{i:02d}") for i in range(13)]
    tops, others = outline._tree(make(claims, relations))

    def depth(entry: outline.Entry) -> int:
        return 1 + max((depth(e) for _, es in entry.groups for e in es), default=0)

    # p at depth 0 to c11 at 12; c12 is shown as a link, then as the root of its own tree.
    assert depth(tops[0]) == 14
    assert [o.claim.id for o in others] == ["c12"]
    assert depth(others[0]) == 2


def test_outline_actors_come_by_camp_then_the_unaligned() -> None:
    amap, analysis = _analysed(SIDES_MAP)
    groups = outline._actor_groups(amap, analysis)
    assert [
        (title, [(a.id, [(c.id, s.score) for c, s in shown]) for a, shown in rows])
        for title, rows in groups
    ] == [
        (
            "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors",
            [("jo", [("uk", 1.0)]), ("vic", [("uk", 1.0)])],
        ),
        (
            "Camp 2: Against: Allow rooms \u00b7 mean -1.00 \u00b7 1 actor",
            [("sam", [("uk", -1.0)])],
        ),
        ("Unaligned", [("ann", [])]),
    ]


# ---- html: the page's data, legend, filters and header -----------------------------------


def _page(text: str = SIDES_MAP) -> tuple[ArgumentMap, Analysis, dict[str, Any]]:
    amap, analysis = _analysed(text)
    return amap, analysis, html._page_data(amap, analysis, views.build_views(amap, analysis))


def test_the_page_data_holds_every_entry_of_the_map_by_id_and_index() -> None:
    _, _, data = _page()
    assert data["title"] == "T"
    assert data["sources"]["gazette"] == {
        "title": "Gazette",
        "publisher": "P",
        "date": "unknown",
        "url": None,
    }
    assert data["actors"]["jo"] == {
        "name": "Jo",
        "kind": "person",
        "role": None,
        "affiliations": [],
    }
    assert data["claims"]["uk"] == {
        "text": "Allow rooms in the UK",
        "label": "Allow rooms",
        "kind": "proposal",
        "source": None,
        "tags": [],
        "acceptance": "in",
        "reasons": [],
        "strength": 0.625,
    }
    # Stances and relations by id order: the views name them by these indices.
    assert data["stances"] == [
        ["jo", "illegal", "opposes", "gazette", "Nothing stops a room.", 0, None],
        ["jo", "saves", "supports", "gazette", "Rooms save lives.", 0, None],
        ["sam", "illegal", "supports", "gazette", "They are illegal.", 0, None],
        ["vic", "saves", "supports", "gazette", "They save lives.", 0, None],
        ["vic", "uk", "supports", "gazette", "Allow them.", 0, None],
    ]
    undercut = "change/undercuts/illegal/attacks/uk"
    assert data["relations"] == [
        ["change", "illegal/attacks/uk", "undercuts", "gazette", None, undercut],
        ["illegal", "uk", "attacks", "gazette", None, "illegal/attacks/uk"],
        ["saves", "uk", "supports", "gazette", None, "saves/supports/uk"],
    ]
    assert data["question"] == "uk"
    # Opposing "illegal", which attacks uk, is for uk: every stance here is for uk but Sam's.
    assert data["stanceSides"] == {"town": {}, "uk": {"0": 1, "1": 1, "2": -1, "3": 1, "4": 1}}
    assert data["disabled"] == [1]  # the attack the accepted undercut disables
    assert data["partners"] == {
        "jo": [["vic", 1.0], ["sam", -1.0]],
        "sam": [["jo", -1.0]],
        "vic": [["jo", 1.0]],
    }
    assert data["positions"] == {
        "jo": [["uk", 1.0, False, "for (+1.00)"]],
        "sam": [["uk", -1.0, False, "against (-1.00)"]],
        "vic": [["uk", 1.0, False, "for (+1.00)"]],
    }
    assert data["camps"] == [
        {
            "name": "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors",
            "members": ["jo", "vic"],
        },
        {
            "name": "Camp 2: Against: Allow rooms \u00b7 mean -1.00 \u00b7 1 actor",
            "members": ["sam"],
        },
    ]
    assert (data["unaligned"], data["unalignedWord"]) == (["ann"], "Unaligned")
    assert data["campColours"] == ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7"]
    assert data["otherCampColour"] == "#D9D9D9"
    assert data["sideStyles"] == {
        "1": {"color": "#0072B2", "dashes": False},
        "-1": {"color": "#D55E00", "dashes": [10, 6]},
        "0": {"color": "#8C8C8C", "dashes": [2, 5]},
        "none": {"color": "#C8C8C8", "dashes": [1, 7]},
    }
    assert set(data["styles"]["nodes"]) == {*NODE_STYLES, "undercut-mid"}
    assert set(data["styles"]["edges"]) == {*EDGE_STYLES, "rel-undercuts"}
    assert data["visOptions"] == html.vis_options()


def test_view_edges_name_their_items_by_index_and_the_camps_their_weight() -> None:
    amap, analysis, data = _page()
    argument = data["views"]["argument"]
    assert [e[:7] for e in argument["edges"]] == [
        ["illegal/attacks/uk", "illegal", "uk", "rel-attacks", 0.0, [1], ""],
        ["saves/supports/uk", "saves", "uk", "rel-supports", 0.0, [2], ""],
        [
            "change/undercuts/illegal/attacks/uk",
            "change",
            "cut:illegal/attacks/uk",
            "rel-undercuts",
            0,
            [0],
            "",
        ],
    ]
    xy = {n[0]: (n[2], n[3]) for n in argument["nodes"]}
    (x1, y1), (x2, y2) = xy["illegal"], xy["uk"]
    assert argument["nodes"][-1] == [
        "cut:illegal/attacks/uk",
        "undercut-mid",
        round((x1 + x2) / 2),
        round((y1 + y2) / 2),
        "",
        -1,
    ]
    assert [e[:7] for e in data["views"]["stances"]["edges"]] == [
        ["jo>illegal>opposes", "jo", "illegal", "stance-opposes", 0.0, [0], ""],
        ["jo>saves>supports", "jo", "saves", "stance-supports", 0.0, [1], ""],
        ["sam>illegal>supports", "sam", "illegal", "stance-supports", 0.0, [2], ""],
        ["vic>saves>supports", "vic", "saves", "stance-supports", 0.0, [3], ""],
        ["vic>uk>supports", "vic", "uk", "stance-supports", 0.0, [4], ""],
    ]
    assert [e[:7] for e in data["views"]["camps"]["edges"]] == [
        ["jo~sam", "jo", "sam", "conflict", 5.0, [], "-1"],
        ["jo~vic", "jo", "vic", "agree", 5.0, [], "+1"],
    ]
    # A weight that is not whole shows two decimals.
    halves = dataclasses.replace(analysis, agreement=(("jo", "sam", -0.5), ("jo", "vic", 0.25)))
    page = html._page_data(amap, halves, views.build_views(amap, halves))
    assert [e[6] for e in page["views"]["camps"]["edges"]] == ["-0.50", "+0.25"]
    camps = data["views"]["camps"]
    assert camps["home"] == list(views.camps_view(amap, analysis).home)
    assert [g[0] for g in camps["groups"]] == [
        "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors",
        "Unaligned, and camps of one actor",
    ]


def test_an_undercut_of_a_link_not_drawn_or_from_a_claim_not_drawn_is_left_out() -> None:
    amap, _ = _analysed(SIDES_MAP)
    entry = {
        "edges": [["r1", "a", "b", "rel-supports", 0, [], "", []]],
        "nodes": [["a", "claim", 0, 0, "", -1], ["b", "claim", 10, 20, "", -1]],
    }
    amap = dataclasses.replace(
        amap,
        relations=(
            Relation("u1", "c", "r1", RelationKind.UNDERCUTS),  # c is not drawn
            Relation("u2", "a", "r9", RelationKind.UNDERCUTS),  # r9 is not drawn
            Relation("u3", "a", "r1", RelationKind.SUPPORTS),  # not an undercut
            Relation("u4", "b", "r1", RelationKind.UNDERCUTS),
            Relation("u5", "a", "r1", RelationKind.UNDERCUTS),
        ),
    )
    html._add_undercuts(entry, html._undercuts_by_target(amap), {"u4": 7, "u5": 8})
    assert entry["nodes"][2:] == [["cut:r1", "undercut-mid", 5, 10, "", -1]]
    assert entry["edges"][1:] == [
        ["u4", "b", "cut:r1", "rel-undercuts", 0, [7], "", []],
        ["u5", "a", "cut:r1", "rel-undercuts", 0, [8], "", []],
    ]


def test_the_board_and_the_chain_behind_an_inferred_position() -> None:
    amap, analysis = _analysed(SIDES_MAP)
    index = {s.id: i for i, s in enumerate(sorted(amap.stances, key=lambda s: s.id))}
    board = html._board(amap, analysis, index)
    assert board["town"] == {
        "summary": "no stated position",
        "for": [],
        "against": [],
        "mixed": [],
        "neutral": [],
        "inferred": [],
    }
    assert board["uk"]["for"] == [["jo", 1.0, 0], ["vic", 1.0, 4]]
    assert board["uk"]["against"] == [["sam", -1.0, 2]]
    c = Contribution("s1", "saves", ("saves", "uk"), 1, 0.5, sources=("herald", None, "gazette"))
    assert html._chain(c, "gazette") == {"path": ["saves", "uk"], "sources": ["gazette", "herald"]}
    assert html._chain(c, None) == {"path": ["saves", "uk"], "sources": ["herald", "gazette"]}
    assert html._chain(None, "gazette") == {"path": [], "sources": []}


def test_partners_list_the_strongest_allies_and_opponents(monkeypatch: pytest.MonkeyPatch) -> None:
    _, analysis = _analysed(SIDES_MAP)
    agreement = (
        ("a", "b", 0.5),
        ("a", "c", 2.0),
        ("a", "d", -1.0),
        ("a", "e", -3.0),
        ("a", "f", 0.0),
    )
    monkeypatch.setattr(html, "_PARTNERS_SHOWN", 1)
    partners = html._partners(dataclasses.replace(analysis, agreement=agreement))
    assert partners["a"] == [["c", 2.0], ["e", -3.0]]
    assert partners["f"] == []
    assert partners["b"] == [["a", 0.5]]
    monkeypatch.setattr(html, "_PARTNERS_SHOWN", 2)
    partners = html._partners(dataclasses.replace(analysis, agreement=agreement))
    assert partners["a"] == [["c", 2.0], ["b", 0.5], ["e", -3.0], ["d", -1.0]]


def test_the_legends_list_what_each_view_draws() -> None:
    amap, analysis = _analysed(SIDES_MAP)
    argument, stances, camps = views.build_views(amap, analysis)
    names = html._camp_names(amap, analysis)
    texts = [i["text"] for i in html._legend(argument, amap, analysis, names)]
    assert texts == [
        "Proposal (the question debated)",
        "Claim",
        "+ supports (claim to claim)",
        "\u2212 attacks (claim to claim)",
        "\u2298 undercut: attacks the link it ends on, not a claim",
        "grey, marked \u2298: a link an accepted undercut disables",
    ]
    legend = html._legend(stances, amap, analysis, names)
    assert legend[3] == {
        "text": "Lines: what each stance means for \u201cAllow rooms\u201d, the central question"
        " (select a proposal to redraw them for it); supporting a claim against it is drawn"
        " as against",
        "node": None,
        "edge": None,
        "swatches": [],
        "id": "sides-for",
    }
    assert [i["edge"] for i in legend[4:8]] == [
        {"colour": "#0072B2", "dash": "", "arrow": False},
        {"colour": "#D55E00", "dash": "10,6", "arrow": False},
        {"colour": "#8C8C8C", "dash": "2,5", "arrow": False},
        {"colour": "#C8C8C8", "dash": "1,7", "arrow": False},
    ]
    # Only camp 1 has a colour of its own (camp 2 is one actor).
    assert [(i["text"], i["swatches"]) for i in legend[-2:]] == [
        ("Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors", ["#E69F00"]),
        ("grey: a later camp, a camp of one, or unaligned", ["#D9D9D9"]),
    ]
    texts = [i["text"] for i in html._legend(camps, amap, analysis, names)]
    assert texts[0] == "Person" and texts[-1] == "line width: strength of agreement or conflict"
    assert texts[1:3] == ["+ agree (share positions)", "\u2212 conflict (opposite positions)"]
    # No undercut, no undercut entries; no question, "the proposal".
    plain = dataclasses.replace(amap, relations=amap.relations[1:])
    assert html._undercut_legend(plain, analysis) == []
    assert html._undercut_legend(amap, dataclasses.replace(analysis, disabled_relations=())) == [
        {
            "text": "\u2298 undercut: attacks the link it ends on, not a claim",
            "node": None,
            "edge": {"colour": "#CC79A7", "dash": "3,4", "arrow": False},
            "swatches": [],
            "id": "",
        }
    ]
    side = html._side_legend(amap, dataclasses.replace(analysis, question=None))
    assert side[0]["text"].startswith("Lines: what each stance means for \u201cthe proposal\u201d")


def test_swatches_copy_the_styles() -> None:
    assert html._node_swatch("proposal") == {
        "shape": "box",
        "fill": "#0072B2",
        "stroke": "#00466E",
        "width": 2.5,
        "rx": 0,
    }
    assert html._node_swatch("claim") == {
        "shape": "box",
        "fill": "#FFFFFF",
        "stroke": "#4D4D4D",
        "width": 1.5,
        "rx": 3,
    }
    assert html._node_swatch("evidence")["shape"] == "ellipse"
    # Actors take their camp's colour on the page; the legend shows them grey.
    assert html._node_swatch("actor-person") == {
        "shape": "dot",
        "fill": "#BBBBBB",
        "stroke": "#1A1A1A",
        "width": 1.5,
        "rx": 0,
    }
    assert html._edge_swatch("rel-attacks") == {"colour": "#D55E00", "dash": "10,6", "arrow": True}
    assert html._edge_swatch("stance-neutral") == {
        "colour": "#8C8C8C",
        "dash": "1,4",
        "arrow": False,
    }
    assert html._edge_swatch("rel-supports") == {"colour": "#009E73", "dash": "", "arrow": True}


def test_counts_filters_and_the_contested_list() -> None:
    amap, analysis = _analysed(SIDES_MAP)
    assert html._counts(amap) == (
        "4 actors \u00b7 5 claims (2 proposals, 0 evidence) \u00b7 5 stances \u00b7 3 relations"
        " \u00b7 2 sources"
    )
    one = dataclasses.replace(
        amap,
        actors=amap.actors[:1],
        claims=(Claim("e", "E", ClaimKind.EVIDENCE), Claim("p", "P", ClaimKind.PROPOSAL)),
        stances=amap.stances[:1],
        relations=amap.relations[:1],
        sources=amap.sources[:1],
    )
    assert html._counts(one) == (
        "1 actor \u00b7 2 claims (1 proposal, 1 evidence) \u00b7 1 stance \u00b7 1 relation \u00b7 1 source"
    )
    many = dataclasses.replace(
        amap, actors=tuple(Actor(f"a{i}", "A", ActorKind.PARTY) for i in range(1234))
    )
    assert html._counts(many).startswith("1,234 actors \u00b7 ")
    filters = html._filters(amap, analysis)
    assert filters["kinds"] == ["person"]
    assert filters["camps"] == [
        {
            "value": 0,
            "colour": "#E69F00",
            "name": "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors",
        },
        {
            "value": 1,
            "colour": "#D9D9D9",
            "name": "Camp 2: Against: Allow rooms \u00b7 mean -1.00 \u00b7 1 actor",
        },
        {"value": "none", "colour": "", "name": "Unaligned \u00b7 1 actor"},
    ]
    assert [s.id for s in filters["sources"]] == ["gazette", "herald"]
    assert filters["stances"] == list(Position)
    two = dataclasses.replace(amap, actors=(*amap.actors, Actor("zed", "Zed", ActorKind.CHARITY)))
    filters = html._filters(two, analysis)
    assert filters["camps"][-1]["name"] == "Unaligned \u00b7 2 actors"
    assert filters["kinds"] == ["person", "charity"]
    assert html._contested(amap, analysis) == [
        {
            "id": "illegal",
            "name": "Rooms are illegal under current law",
            "supporters": 1,
            "opponents": 1,
        }
    ]


def test_the_contested_list_keeps_ten_claims_with_both_sides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amap, analysis = _analysed(SIDES_MAP)
    one_sided = Contested("saves", 0.5, ("jo",), ())
    rows = tuple(Contested(f"c{i:02d}", 1.0, ("jo",), ("sam",)) for i in range(12))
    listed = html._contested(amap, dataclasses.replace(analysis, contested=(one_sided, *rows)))
    assert [r["id"] for r in listed] == [f"c{i:02d}" for i in range(10)]
    assert listed[0] == {"id": "c00", "name": "c00", "supporters": 1, "opponents": 1}


def test_the_header_and_head_escape_the_maps_words() -> None:
    amap, _ = _analysed(SIDES_MAP)
    titled = dataclasses.replace(amap, title="A <b> & c", description='Say "hi" <i>')
    assert html._header(titled, 'r.html?a="1"') == (
        '<header class="top"><h1>A &lt;b&gt; &amp; c</h1>'
        '<p class="desc" id="desc">Say &quot;hi&quot; &lt;i&gt;</p>'
        '<p class="counts">4 actors \u00b7 5 claims (2 proposals, 0 evidence) \u00b7 5 stances'
        ' \u00b7 3 relations \u00b7 2 sources \u00b7 <a href="r.html?a=&quot;1&quot;">Report</a>'
        "</p></header>"
    )
    assert html._header(amap, "r.html").startswith(
        '<header class="top"><h1>T</h1><p class="counts">'
    )
    assert html._head("T <x>", "csp", "css") == [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="csp">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="argmap">',
        "<title>T &lt;x&gt;</title>",
        "<style>css</style>",
    ]


def test_the_outline_page_links_the_other_views_and_the_report() -> None:
    amap, analysis = _analysed(SIDES_MAP)
    page = html.render_outline(amap, analysis, report_href="r.html")
    assert (
        '<div class="bar"><nav class="tabs" aria-label="Views">'
        '<a class="tab-link" href="index.html#argument">Argument map</a>'
        '<a class="tab-link" href="index.html#stances">Stance map</a>'
        '<a class="tab-link" href="index.html#camps">Camps map</a>'
        '<a class="tab-link" href="outline.html" aria-current="page">Outline (text)</a>'
        "</nav></div>"
    ) in page
    assert '<a href="r.html">Report</a>' in page
    assert "<title>T (outline)</title>" in page
    assert page.endswith("</main>\n</body>\n</html>\n")
    assert '<body class="outline-page">\n<header class="top">' in page
    pages = html.render_pages(amap, analysis, report_href="r.html")
    assert sorted(pages) == ["index.html", "outline.html"]
    assert pages["outline.html"] == page
    assert '<a href="r.html" id="report-link">Report</a>' in pages["index.html"]


def test_a_big_map_leaves_the_printed_outline_to_outline_html(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amap, analysis = _analysed(SIDES_MAP)
    # 5 stances and 5 claims: 10 is still printed under the map, 11 is too many.
    monkeypatch.setattr(html, "_PRINT_OUTLINE_MAX", 10)
    assert html._print_outline(amap, analysis) is not None
    monkeypatch.setattr(html, "_PRINT_OUTLINE_MAX", 9)
    assert html._print_outline(amap, analysis) is None


def test_the_csp_names_each_script_by_its_hash() -> None:
    # sha256("") and sha256("a"), base64: the CSP's form of a script hash.
    assert html._csp(["", "a"]) == (
        "default-src 'none'; script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        " 'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='; style-src 'unsafe-inline';"
        " img-src data:; base-uri 'none'; form-action 'none'"
    )


def test_view_json_lists_nodes_edges_groups_and_home() -> None:
    view = views.View(
        "camps",
        (views.ViewNode("a", "actor-person", 1, 2, "A", 0),),
        (views.ViewEdge("a~b", "a", "b", "agree", 2.5, ("s1",), ("curvedCW", 0.2)),),
        1,
        1,
        (("Camp 1", 3, 4),),
        (1, 2, 3, 4),
    )
    # The items become their places in the page's lists.
    assert html._view_json(view, {"s0": 0, "s1": 7}) == {
        "nodes": [["a", "actor-person", 1, 2, "A", 0]],
        "edges": [["a~b", "a", "b", "agree", 2.5, [7], "", ["curvedCW", 0.2]]],
        "groups": [["Camp 1", 3, 4]],
        "home": [1, 2, 3, 4],
    }
    straight = dataclasses.replace(
        view, edges=(views.ViewEdge("a~b", "a", "b", "agree", items=("s1", "s0")),)
    )
    assert html._view_json(straight, {"s0": 0, "s1": 7})["edges"] == [
        ["a~b", "a", "b", "agree", 0.0, [7, 0], "", []]
    ]


def test_the_acceptance_table_lists_derived_attacks_and_blank_labels() -> None:
    amap, analysis = _analysed()
    derived = dataclasses.replace(
        analysis, derived_attacks=(("saves", "allow"), ("dealers", "ghost")), bipolar_acceptance={}
    )
    md = report.render_markdown(amap, derived)
    assert md[md.index("| Claim | Grounded") : md.index("## Incoherent")] == (
        "| Claim | Grounded | Bipolar |\n| --- | --- | --- |\n"
        "| Allow a room | in |  |\n| A room helps dealers | out |  |\n| A room saves lives | in |  |\n\n"
        "<details><summary>2 derived attacks</summary>\n\n"
        "- *A room saves lives* attacks *Allow a room*\n"
        "- *A room helps dealers* attacks *ghost*\n\n</details>\n\n"
    )


def test_a_reported_quote_is_marked_in_the_summary_and_the_details() -> None:
    md = _markdown(
        REPORT_MAP.replace(
            "    quote: It will not save anyone.\n",
            "    quote: It will not save anyone.\n    reported: true\n",
        )
    )
    assert '- **Sam Chief** (against, -1.00): reported: "It will not save anyone."\n' in md
    assert '- reported: "It will not save anyone." (The Herald, source 2): opposes' in md


def test_the_pages_link_the_report_by_default() -> None:
    amap, analysis = _analysed(SIDES_MAP)
    pages = html.render_pages(amap, analysis)
    assert '<a href="report.html">Report</a>' in pages["outline.html"]
    assert '<a href="report.html" id="report-link">Report</a>' in pages["index.html"]
    assert '<a href="report.html">Report</a>' in html.render_outline(amap, analysis)


def test_key_claims_are_ten_by_default() -> None:
    _, analysis = _analysed()
    many = dataclasses.replace(analysis, centrality={f"c{i:02d}": 1.0 / (i + 1) for i in range(12)})
    assert [c for c, _ in report.key_claims(many)] == [f"c{i:02d}" for i in range(10)]


def test_a_reason_given_once_says_no_count() -> None:
    c = Contribution("s1", "a", ("a",), 1, 1.0)
    stance = Stance("s1", "jo", "a", Position.SUPPORTS, "src")
    assert report.reason_parts(c, {"s1": stance}, {})[-1] == ("text", " (for, weight 1)")


def test_a_proposal_one_actor_takes_a_side_on_comes_before_one_nobody_does() -> None:
    amap = make(
        [("a", ClaimKind.PROPOSAL), ("b", ClaimKind.PROPOSAL)],
        stances=[("jo", Position.SUPPORTS, "b")],
        actors=["jo"],
    )
    assert [c.id for c in summary.proposals_in_order(amap, analyse(amap))] == ["b", "a"]
