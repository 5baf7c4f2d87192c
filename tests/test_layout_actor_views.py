"""The stance map's bands, the camps map's rings and the routing round real boxes, on
small literal inputs with exact values."""

from __future__ import annotations

import itertools

from argmap.render.layout import (
    FINE_BENDS,
    band_layers,
    band_rows,
    circular_crossings,
    lines_through_boxes,
    ring_order,
    ring_positions,
    route_around,
)


def test_band_layers_put_actors_on_odd_layers_and_each_claim_beside_its_actors() -> None:
    links = [("a", "x"), ("c", "x"), ("b", "y"), ("a", "z"), ("a", "w")]
    layers = band_layers(["a", "b", "c"], links, {}, rows=3)
    # One actor a row; x is spoken of by rows 0 and 2 and sits in the gap under row 0;
    # y (row 1 only) takes the emptier gap beside its row, below it; w and z go above a.
    assert layers == {"a": 1, "b": 3, "c": 5, "x": 2, "y": 4, "w": 0, "z": 0}


def test_a_claim_spoken_of_by_two_neighbouring_rows_sits_between_them() -> None:
    layers = band_layers(["a", "b"], [("a", "x"), ("b", "x")], {}, rows=2)
    assert layers == {"a": 1, "b": 3, "x": 2}


def test_claims_of_one_row_fill_the_narrower_side_first() -> None:
    widths = {"x": 100.0, "y": 100.0, "z": 100.0}
    layers = band_layers(["a"], [("a", "x"), ("a", "y"), ("a", "z")], widths, rows=1)
    assert layers == {"a": 1, "x": 0, "y": 2, "z": 0}


def test_band_rows_are_cut_by_width_in_the_given_order() -> None:
    widths = {"a": 300.0, "b": 100.0, "c": 120.0, "d": 120.0, "e": 120.0}
    layers = band_layers(list("abcde"), [(n, "x") for n in "abcde"], widths, rows=2)
    # 760 px of actors: a and b (their middles at 150 and 350 of 760) in the first row.
    assert [layers[n] for n in "abcde"] == [1, 1, 3, 3, 3]
    assert layers["x"] == 2


def test_band_rows_aim_at_the_shape_asked_for() -> None:
    # One row: 1,000 wide and 300 high; two rows: 500 by 500, square.
    assert band_rows(1000, 1000, 100, 1.0) == 2
    assert band_rows(1000, 1000, 100, 3.3) == 1
    assert band_rows(10000, 10000, 100, 1.0) == 7


def test_circular_crossings_count_chords_whose_ends_interleave() -> None:
    edges = [("a", "d"), ("b", "e"), ("c", "f")]
    assert circular_crossings(list("abcdef"), edges) == 3
    assert circular_crossings(list("adbecf"), edges) == 0
    # Chords sharing an end never cross.
    assert circular_crossings(list("abcd"), [("a", "c"), ("a", "b"), ("c", "d")]) == 0


def test_ring_order_uncrosses_three_diameters() -> None:
    edges = [("a", "d"), ("b", "e"), ("c", "f")]
    order = ring_order(list("abcdef"), edges)
    assert order == ["a", "d", "b", "e", "c", "f"]
    assert circular_crossings(order, edges) == 0


def test_ring_order_keeps_a_crossing_free_cycle_free() -> None:
    edges = list(itertools.pairwise("abcdefa"))
    order = ring_order(list("fedcba"), edges)
    assert sorted(order) == list("abcdef")
    assert circular_crossings(order, edges) == 0


def test_ring_positions_start_at_the_top_and_go_clockwise() -> None:
    sizes = dict.fromkeys("abcd", (100.0, 40.0))
    out = ring_positions(list("abcd"), sizes, gap=20, aspect=1.0, slack=1.0)
    # Between neighbours the curve runs at 45deg on average, |(0.5, 0.5)| summed from the two
    # tangents: a pair needs (40 + 20) / 0.5 = 120 px, the radius 4 * 120 / (2 pi) = 76.4,
    # sampled on 720 points; y grows downwards.
    assert out == {"a": (0.0, -76.1), "b": (76.1, -0.0), "c": (0.0, 76.1), "d": (-76.1, 0.0)}


def test_ring_positions_keep_neighbouring_boxes_apart() -> None:
    widths = [60.0, 300.0, 120.0, 220.0, 80.0, 400.0, 150.0, 90.0]
    sizes = {f"n{i}": (w, 48.0) for i, w in enumerate(widths)}
    out = ring_positions(sorted(sizes), sizes, gap=30)
    for p, q in itertools.combinations(sorted(sizes), 2):
        dx = abs(out[p][0] - out[q][0])
        dy = abs(out[p][1] - out[q][1])
        assert dx >= (sizes[p][0] + sizes[q][0]) / 2 or dy >= 48, (p, q)


def test_a_box_hanging_below_its_point_is_routed_round_where_it_is_drawn() -> None:
    positions = {"a": (0.0, 0.0), "b": (400.0, 0.0), "m": (200.0, -30.0)}
    sizes = dict.fromkeys(positions, (100.0, 40.0))
    # Centred on its point, m's box (-50 to -10) is clear of the line y = 0 ...
    assert route_around([("a", "b")], positions, sizes, partial=False) == [None]
    assert lines_through_boxes([("a", "b", None)], positions, sizes) == []
    # ... but drawn 30 px lower it spans the line, which bends round it.
    below = {"m": 30.0}
    bend = route_around(
        [("a", "b")], positions, sizes, partial=False, shift=below, bends=FINE_BENDS
    )
    assert bend == [("curvedCW", 0.2)]
    assert lines_through_boxes([("a", "b", None)], positions, sizes, shift=below) == [(0, "m")]
    assert lines_through_boxes([("a", "b", bend[0])], positions, sizes, shift=below) == []


def test_lines_through_boxes_ignore_a_lines_own_ends() -> None:
    positions = {"a": (0.0, 0.0), "b": (100.0, 0.0)}
    sizes = dict.fromkeys(positions, (300.0, 40.0))
    assert lines_through_boxes([("a", "b", None)], positions, sizes) == []
