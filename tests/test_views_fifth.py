"""The drawings made cheaper in issue 18's fifth pass: the same results as before, exactly.

`layout.route_around` is compared with the loop it replaced (kept verbatim in
tests/reference_route.py) on random boxes and lines, and pinned on small literal cases;
`force_layout`'s memory of its last results, the views' sorted stances and relations and
the edges kept when their bend does not change are checked by exact value.
"""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from argmap.model import (
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
)
from argmap.render import layout, views
from argmap.render.views import ViewEdge, ViewNode
from tests import reference_route


def _random_case(
    rng: random.Random,
) -> tuple[
    list[tuple[str, str]],
    dict[str, tuple[int, int]],
    dict[str, tuple[float, float]],
    dict[str, float],
]:
    count = rng.randint(2, 40)
    spread = rng.choice([300, 800, 2000])
    if rng.random() < 0.3:  # rows of boxes on a grid: lines along box edges, the hard cases
        positions = {
            f"n{i}": (rng.randint(0, 10) * 100, rng.randint(0, 3) * 130) for i in range(count)
        }
    else:
        positions = {
            f"n{i}": (rng.randint(0, spread), rng.randint(0, spread)) for i in range(count)
        }
    sizes = {
        n: (rng.choice([60.0, 100.0, 230.5, 300.0]), rng.choice([40.0, 48.0, 72.0, 90.0]))
        for n in positions
    }
    names = [*positions, "ghost"]
    edges = [(rng.choice(names), rng.choice(names)) for _ in range(rng.randint(1, 40))]
    shift = {n: 11.0 for n in positions if rng.random() < 0.5}
    return edges, positions, sizes, shift


@pytest.mark.parametrize("seed", range(6))
def test_route_around_gives_the_old_loops_bends_on_random_boxes(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2):
        edges, positions, sizes, shift = _random_case(rng)
        for partial in (True, False):
            for bends in (layout._BENDS, layout.FINE_BENDS):
                options = {"partial": partial, "bends": bends, "margin": rng.choice([0.0, 4.0])}
                got = layout.route_around(edges, positions, sizes, shift=shift, **options)  # type: ignore[arg-type]
                want = reference_route.route_around(edges, positions, sizes, shift=shift, **options)  # type: ignore[arg-type]
                assert got == want


def test_route_around_takes_the_least_bend_that_clears_within_and_past_the_first_bundle() -> None:
    positions = {"a": (0, 0), "b": (600, 0), "m": (300, 0)}
    small = {"a": (60.0, 40.0), "b": (60.0, 40.0), "m": (100.0, 40.0)}
    assert layout.route_around([("a", "b")], positions, small, partial=False) == [("curvedCW", 0.1)]
    # A tall box in the way: 0.1 and 0.2 (the first bundle of four curves) do not clear it.
    tall = {**small, "m": (100.0, 200.0)}
    assert layout.route_around([("a", "b")], positions, tall, partial=False) == [("curvedCW", 0.4)]
    assert layout.route_around(
        [("a", "b")], positions, tall, partial=False, bends=layout.FINE_BENDS
    ) == [("curvedCW", 0.4)]
    # Boxes above, on and below the line: no bend clears them all, so it stays straight.
    walled = {"a": (0, 0), "b": (600, 0), "m": (300, 0), "u": (300, -150), "d": (300, 150)}
    boxes = dict.fromkeys(walled, (100.0, 120.0))
    assert layout.route_around([("a", "b")], walled, boxes, partial=False) == [None]
    assert layout.route_around([("a", "b")], walled, boxes) == [None]


def test_route_around_with_partial_takes_a_bend_that_crosses_fewer_boxes() -> None:
    # Two boxes on the line and one a little above it: the first clockwise curves run
    # over the two and into the third; the anticlockwise ones clear everything.
    positions = {"a": (0, 0), "b": (800, 0), "m": (300, 0), "n": (500, 0)}
    sizes = dict.fromkeys(positions, (60.0, 40.0))
    want = reference_route.route_around([("a", "b")], positions, sizes)
    assert layout.route_around([("a", "b")], positions, sizes) == want == [("curvedCW", 0.1)]


def test_box_arrays_count_each_box_a_polyline_enters_once_and_leave_out_skipped_ones() -> None:
    boxes = layout._BoxArrays(
        {
            "m": (0.0, 0.0, 10.0, 10.0),
            "n": (20.0, 0.0, 30.0, 10.0),
            "o": (100.0, 100.0, 110.0, 110.0),
        }
    )
    # Row 0 runs through m and n (m by two segments); row 1 runs down left of m, along x=-5.
    xs = np.array([[-5.0, 5.0, 25.0, 35.0], [-5.0, -5.0, -5.0, -5.0]])
    ys = np.array([[5.0, 5.0, 5.0, 5.0], [0.0, 5.0, 10.0, 20.0]])
    assert boxes.counts(xs, ys, ()).tolist() == [2, 0]
    assert boxes.counts(xs, ys, ("n",)).tolist() == [1, 0]
    assert boxes.counts(xs, ys, ("m", "n", "nowhere")).tolist() == [0, 0]
    empty = layout._BoxArrays({})
    assert empty.counts(xs, ys, ()).tolist() == [0, 0]


@pytest.mark.parametrize(
    ("a", "b", "hit"),
    [
        ((-5.0, 5.0), (15.0, 5.0), True),  # straight through
        ((-5.0, 0.0), (15.0, 0.0), True),  # along the top edge: a hit, as the old test says
        ((-5.0, -1.0), (15.0, -1.0), False),  # above it
        ((12.0, -5.0), (12.0, 15.0), False),  # upright, right of it (p == 0, q < 0)
        ((-5.0, -5.0), (0.0, 0.0), False),  # ends on the corner: no length inside
        ((5.0, 5.0), (5.0, 5.0), True),  # a point inside
        ((-5.0, 15.0), (15.0, -5.0), True),  # diagonal across
        ((11.0, 5.0), (30.0, 5.0), False),  # starts right of it
    ],
)
def test_segments_hit_as_the_old_clipping_does(
    a: tuple[float, float], b: tuple[float, float], hit: bool
) -> None:
    box = (0.0, 0.0, 10.0, 10.0)
    assert reference_route._segment_hits(a, b, box) is hit
    got = layout._segments_hit(
        (np.array([a[0]]), np.array([a[1]])),
        (np.array([b[0]]), np.array([b[1]])),
        tuple(np.array([v]) for v in box),
    )
    assert got.tolist() == [hit]


def test_curves_are_curve_points_to_the_last_bit() -> None:
    rng = random.Random(7)
    for _ in range(50):
        start = (rng.randint(-900, 900), rng.randint(-900, 900))
        end = (rng.uniform(-900, 900), rng.uniform(-900, 900))
        tried = [("curvedCW", 0.1), ("curvedCCW", 0.55), ("curvedCW", 1.0)]
        xs, ys = layout._curves(start, end, tried)
        for row, (kind, roundness) in enumerate(tried):
            points = [
                reference_route.curve_point(start, end, kind, roundness, i / 16) for i in range(17)
            ]
            assert list(zip(xs[row].tolist(), ys[row].tolist(), strict=True)) == points


def test_force_layout_hands_out_a_kept_result_as_a_new_list() -> None:
    layout._kept_force_layout.cache_clear()
    start = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)]
    options = {"distance": 50.0, "iterations": 5, "pull": 0.02}
    first = layout.force_layout(3, [(0, 1, 1.0)], start, **options)  # type: ignore[arg-type]
    assert first == layout._force_layout(3, [(0, 1, 1.0)], start, **options)  # type: ignore[arg-type]
    first.append((9, 9))
    again = layout.force_layout(3, [(0, 1, 1.0)], start, **options)  # type: ignore[arg-type]
    assert again == first[:3]
    assert again is not first
    info = layout._kept_force_layout.cache_info()
    assert (info.hits, info.misses, info.currsize) == (1, 1, 1)
    # Another input is laid out, not handed the kept one.
    other = layout.force_layout(3, [(0, 2, 1.0)], start, **options)  # type: ignore[arg-type]
    assert other == layout._force_layout(3, [(0, 2, 1.0)], start, **options)  # type: ignore[arg-type]
    assert other != again
    for seed in range(6):
        layout.force_layout(3, [], start, seed=seed, **options)  # type: ignore[arg-type]
    assert layout._kept_force_layout.cache_info().currsize == layout._FORCE_KEPT == 4
    # The last four are kept: seed 5 is handed out, seed 0 laid out again.
    layout.force_layout(3, [], start, seed=5, **options)  # type: ignore[arg-type]
    assert layout._kept_force_layout.cache_info().hits == 2
    layout.force_layout(3, [], start, seed=0, **options)  # type: ignore[arg-type]
    assert layout._kept_force_layout.cache_info().hits == 2


def test_edges_keep_themselves_when_their_bend_does_not_change() -> None:
    straight = ViewEdge("r1", "a", "b", "supports")
    bent = ViewEdge("r2", "a", "c", "attacks", bend=("curvedCW", 0.1))
    out = views._with_bends([straight, bent, straight], [None, None, ("curvedCCW", 0.2)])
    assert out[0] is straight
    assert out[1] == replace(bent, bend=None)
    assert out[2] == replace(straight, bend=("curvedCCW", 0.2))
    node = ViewNode("a", "claim", 1, 2, "A", camp=3)
    assert views._at(node, 40, -7) == ViewNode("a", "claim", 40, -7, "A", camp=3)


def _ranked_map() -> ArgumentMap:
    """Stance ids out of id order across claims (p's s9 before q's s1), relation ids out of
    id order (r3 listed first), and two stances on q sharing the id s5 (a broken map: the
    sort must keep them in the order the claims were given, as a stable sort by id does)."""
    supports, opposes = Position.SUPPORTS, Position.OPPOSES
    return ArgumentMap(
        title="Ranks",
        sources=(Source("s", "S", "P", "2024"),),
        actors=(Actor("x", "X", ActorKind.PERSON), Actor("y", "Y", ActorKind.PERSON)),
        claims=(
            Claim("p", "P", ClaimKind.PROPOSAL),
            Claim("q", "Q", ClaimKind.CLAIM),
            Claim("r", "R", ClaimKind.CLAIM),
        ),
        relations=(
            Relation("r3", "r", "q", RelationKind.ATTACKS, "s"),
            Relation("r1", "q", "p", RelationKind.SUPPORTS, "s"),
            Relation("r2", "r", "p", RelationKind.SUPPORTS, "s"),
        ),
        stances=(
            Stance("s9", "x", "p", supports, "s", quote="x p"),
            Stance("s5", "y", "q", opposes, "s", quote="y q"),
            Stance("s1", "x", "q", opposes, "s", quote="x q"),
            Stance("s5", "x", "r", supports, "s", quote="x r"),
        ),
    )


def test_stances_on_claims_come_sorted_by_id_ties_in_the_claims_order() -> None:
    amap = _ranked_map()
    said = views._said_by_id(amap, ["r", "q", "p"])
    assert [(s.id, s.claim) for s in said] == [("s1", "q"), ("s5", "r"), ("s5", "q"), ("s9", "p")]
    assert said == sorted(views._said_on(amap, ["r", "q", "p"]), key=lambda s: s.id)


def test_a_levels_relations_are_drawn_in_id_order() -> None:
    amap = _ranked_map()
    level = views.Level(
        "", "", "t", ("p", "q", "r"), (), ("p", "q", "r"), {"p": "p", "q": "q", "r": "r"}
    )
    edges = views._relation_edges(amap, level)
    assert [(e.id, e.origin, e.target, e.cls) for e in edges] == [
        ("r1", "q", "p", "rel-supports"),
        ("r2", "r", "p", "rel-supports"),
        ("r3", "r", "q", "rel-attacks"),
    ]
    # One cluster for q and r: their relations to p are one line, the one inside dropped.
    grouped = views.Level(
        "", "", "t", ("p",), ("q",), ("p", "q", "r"), {"p": "p", "q": "@q", "r": "@q"}
    )
    lines = views._relation_edges(amap, grouped)
    assert [(e.id, e.items, e.label) for e in lines] == [("@q>p>supports", ("r1", "r2"), "2")]
