"""The layered layout on small literal graphs: layers, upward edges, order, cycles, routes."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys

from argmap.render.layout import curve_point, route_around
from argmap.render.sugiyama import _sort_by_median, count_crossings, layered
from tests.conftest import ROOT

BOX = dict.fromkeys("abcdefpq", (100.0, 40.0))


def test_layers_put_top_nodes_first_and_each_node_under_its_lowest_target() -> None:
    out = layered(
        ["p", "a", "b", "c"], [("a", "p"), ("b", "a"), ("c", "p"), ("c", "b")], BOX, top=["p"]
    )
    assert out.layers == (("p",), ("a",), ("b",), ("c",))
    assert out.turned == ()


def test_every_edge_points_up() -> None:
    edges = [("a", "p"), ("b", "p"), ("c", "a"), ("d", "a"), ("d", "b"), ("e", "c"), ("e", "q")]
    out = layered(list("abcdepq"), edges, BOX, top=["p", "q"])
    for origin, target in edges:
        assert out.positions[origin][1] > out.positions[target][1], (origin, target)
    assert {out.positions["p"][1], out.positions["q"][1]} == {0}


def test_crossing_reduction_uncrosses_a_known_case() -> None:
    # Sorted by id the second layer would be a, b: a under q and b under p, one crossing.
    out = layered(["p", "q", "a", "b"], [("a", "q"), ("b", "p")], BOX, top=["p", "q"])
    assert out.layers == (("p", "q"), ("b", "a"))
    assert out.crossings == 0


def test_count_crossings_counts_each_pair_once() -> None:
    order = [["a", "b", "c"], ["x", "y", "z"]]
    assert count_crossings(order, {"a": ["z"], "b": ["y"], "c": ["x"]}) == 3
    assert count_crossings(order, {"a": ["x"], "b": ["y"], "c": ["z"]}) == 0


def test_a_cycle_turns_exactly_one_edge() -> None:
    out = layered(["p", "a", "b"], [("a", "b"), ("b", "a"), ("a", "p")], BOX, top=["p"])
    assert out.turned == (("b", "a"),)
    # The turned edge is the only one drawn pointing down.
    assert out.layers == (("p",), ("b",), ("a",))
    assert out.positions["a"][1] > out.positions["p"][1]


def test_edges_between_top_nodes_keep_both_on_the_top_row() -> None:
    out = layered(
        ["p", "q", "r", "a"], [("q", "p"), ("r", "p"), ("a", "q")], BOX, top=["p", "q", "r"]
    )
    assert set(out.layers[0]) == {"p", "q", "r"}
    assert out.layers[1] == ("a",)


def test_a_long_edge_gets_one_waypoint_per_layer_it_passes() -> None:
    out = layered(
        ["p", "a", "b", "c"], [("a", "p"), ("b", "a"), ("c", "b"), ("c", "p")], BOX, top=["p"]
    )
    route = out.routes[("c", "p")]
    assert [y for _, y in route] == [out.positions["a"][1], out.positions["b"][1]]
    # The waypoints keep clear of the boxes on their layers.
    for (x, _y), node in zip(route, ("a", "b"), strict=True):
        assert abs(x - out.positions[node][0]) >= 50 + 6


def test_boxes_in_a_layer_stay_apart() -> None:
    nodes = ["p", *"abcdef"]
    out = layered(nodes, [(n, "p") for n in "abcdef"], BOX, top=["p"], gap=30)
    xs = sorted(out.positions[n][0] for n in "abcdef")
    assert all(b - a >= 130 for a, b in itertools.pairwise(xs))


def test_route_around_bends_a_line_that_would_cross_a_box() -> None:
    positions = {"a": (0.0, 0.0), "b": (400.0, 0.0), "m": (200.0, 0.0)}
    sizes = dict.fromkeys(positions, (100.0, 40.0))
    bends = route_around([("a", "b"), ("a", "m")], positions, sizes)
    assert bends[1] is None
    assert bends[0] is not None
    kind, roundness = bends[0]
    points = [
        curve_point(positions["a"], positions["b"], kind, roundness, i / 16) for i in range(17)
    ]
    assert not any(150 - 4 < x < 250 + 4 and -24 < y < 24 for x, y in points)


def test_curve_point_matches_vis_network_at_the_ends_and_is_straight_at_zero() -> None:
    assert curve_point((0, 0), (100, 0), "curvedCW", 0.5, 0.0) == (0.0, 0.0)
    end = curve_point((0, 0), (100, 0), "curvedCW", 0.5, 1.0)
    assert round(end[0], 6) == 100 and round(end[1], 6) == 0
    mid = curve_point((0, 0), (100, 0), "curvedCW", 0.0, 0.5)
    assert round(mid[0], 6) == 50 and round(mid[1], 6) == 0
    # Left to right, clockwise bows upwards (negative y on the canvas).
    assert curve_point((0, 0), (100, 0), "curvedCW", 0.5, 0.5)[1] < 0


_SCRIPT = """
from argmap.load import loads
from argmap.analysis import analyse
from argmap.render.views import build_views
from pathlib import Path
amap = loads(Path("arguments.yaml").read_text(encoding="utf-8")).map
print(repr(build_views(amap, analyse(amap))))
"""


def test_the_views_are_the_same_whatever_the_hash_seed() -> None:
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _SCRIPT],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    assert "ViewNode(id='dcrs-uk'" in outputs[0]


def test_median_sort_orders_by_the_middle_neighbour_and_keeps_loners_in_place() -> None:
    fixed = {"p": 0, "q": 1, "r": 2, "s": 3}
    near = {"a": ["s", "r", "p"], "b": ["p", "q"], "c": [], "d": ["q"]}
    # a: median 2; b: (0 + 1) / 2; c has none and keeps the key before it (b's); d: 1.
    assert _sort_by_median(["a", "b", "c", "d"], fixed, near) == ["b", "c", "d", "a"]


def test_a_line_no_bend_clears_stays_straight_unless_partial_bends_are_asked_for() -> None:
    # "m" and "n" sit on the line from "a" to "b"; a wall through "m" stops every bend,
    # though a bend round "n" crosses one box fewer than the straight line.
    positions = {"a": (0.0, 0.0), "b": (400.0, 0.0), "m": (200.0, 0.0), "n": (300.0, 0.0)}
    positions |= {f"w{i}": (200.0, float(y)) for i, y in enumerate(range(-900, 901, 60)) if y}
    sizes = dict.fromkeys(positions, (40.0, 60.0)) | {"m": (60.0, 40.0)}
    assert route_around([("a", "b")], positions, sizes, partial=False) == [None]
    assert route_around([("a", "b")], positions, sizes) == [("curvedCW", 0.3)]


def test_given_layers_are_kept_and_edges_join_the_higher_end() -> None:
    # "a" speaks on "p" above it and on "b" below it; "c" and "d" share a layer.
    edges = [("a", "p"), ("a", "b"), ("c", "d")]
    out = layered(list("abcdp"), edges, BOX, layer_of={"p": 0, "a": 1, "c": 1, "d": 1, "b": 2})
    assert out.layers == (("p",), ("a", "c", "d"), ("b",))
    assert [out.positions[n][1] for n in "pab"] == [0, 130, 260]
    assert out.turned == (("a", "b"),)
