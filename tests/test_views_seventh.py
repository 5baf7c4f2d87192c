"""The aggregated drawings' levels, cluster counts and lines (issue 18, seventh pass): read
from runs of the claim tree's depth-first order and from arrays, they must equal exactly
what the walks before it made (tests/reference_views.py), on random maps and on literal
ones worked out by hand."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from argmap.analysis import analyse
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    RelationKind,
)
from argmap.render import aggregate, layout, styles, views
from tests import reference_views
from tests.aggregate_maps import chain_map as _chain_map
from tests.aggregate_maps import random_map as _random_map


@pytest.mark.parametrize("limit", [3, 4, 6, 10])
def test_levels_units_and_lines_equal_the_walks_on_random_maps(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", limit)
    rng = random.Random(limit)
    for _ in range(150):
        amap = _random_map(rng)
        levels = views.claim_levels(amap)
        expected = reference_views.claim_levels(amap)
        assert levels == expected
        # The same claims to nodes in the same order (the lines' input order).
        assert [list(a.unit_of.items()) for a in levels] == [
            list(b.unit_of.items()) for b in expected
        ]
        for level in levels:
            for root in level.clusters:
                unit = views._unit_id(root)
                members = tuple(sorted(c for c, u in level.unit_of.items() if u == unit))
                assert views._claim_unit(amap, root, "argument") == reference_views.claim_unit(
                    amap, root, "argument", members
                )
            assert views._relation_edges(amap, level) == reference_views.relation_edges(amap, level)


def test_lines_equal_the_walk_on_any_grouping_of_claims() -> None:
    # `_relation_edges` reads only the level's nodes: any claims to any nodes, some left out.
    rng = random.Random(7)
    for _ in range(300):
        amap = _random_map(rng)
        ids = [c.id for c in amap.claims]
        chosen = rng.sample(ids, rng.randint(0, len(ids)))
        singles = chosen[: rng.randint(0, len(chosen))]
        clusters = sorted({rng.choice("abc") for _ in chosen[len(singles) :]})
        unit_of = {c: c for c in singles}
        for c in chosen[len(singles) :]:
            unit_of[c] = "@" + rng.choice(clusters)
        level = views.Level(
            "k", "", "t", tuple(singles), tuple(clusters), tuple(sorted(unit_of)), unit_of
        )
        assert views._relation_edges(amap, level) == reference_views.relation_edges(amap, level)


def test_a_chain_opens_on_what_fits_and_counts_its_clusters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    amap = _chain_map()
    levels = views.claim_levels(amap)
    assert [(lv.key, lv.singles, lv.clusters, lv.scope) for lv in levels] == [
        ("", (), ("p", "~"), ("a", "b", "c", "d", "e", "p", "x", "y")),
        ("p", ("p", "e"), ("a",), ("a", "b", "c", "d", "e", "p")),
        ("~", ("x", "y"), (), ("x", "y")),
        ("a", ("a", "d"), ("b",), ("a", "b", "c", "d")),
        ("b", ("b", "c"), (), ("b", "c")),
    ]
    # The overview's p cluster: everything under p, its relations inside (not x -> y).
    assert levels[0].unit_of == dict.fromkeys("pabcde", "@p") | dict.fromkeys("xy", "@~")
    unit = views._claim_unit(amap, "a", "argument")
    assert (unit.id, unit.opens, unit.members) == ("@a", "argument/a", ("a", "b", "c", "d"))
    assert unit.facts == (
        ("Claims", "4: 0 proposals, 2 claims, 2 evidence"),
        ("Relations inside", "3"),
        ("Stances on them", "3, by 2 actors"),
    )
    loose = views._claim_unit(amap, "~", "argument")
    assert loose.title == "Claims that argue about no proposal"
    assert loose.facts[1:] == (("Relations inside", "1"), ("Stances on them", "0, by 0 actors"))
    # p's drawing: p and e as themselves, a's cluster one node; the undercut not drawn,
    # nor c -> x (x is not in it), nor the relations inside a's cluster.
    lines = views._relation_edges(amap, levels[1])
    assert [(e.id, e.origin, e.target, e.cls, e.items, e.label) for e in lines] == [
        ("@a>p>supports", "@a", "p", "agg-supports", ("a/supports/p",), "1"),
        ("e/attacks/p", "e", "p", "rel-attacks", ("e/attacks/p",), ""),
    ]
    # The overview: one line from p's cluster to the loose claims', for c -> x.
    lines = views._relation_edges(amap, levels[0])
    assert [(e.id, e.items, e.width) for e in lines] == [("@p>@~>attacks", ("c/attacks/x",), 1.5)]


def _spoken_map(rng: random.Random) -> ArgumentMap:
    """`_random_map` with actors (a few unknown to the map) of two or three minds."""
    amap = _random_map(rng)
    people = [f"p{i}" for i in range(rng.randint(1, 12))]
    actors = tuple(Actor(p, p.upper(), ActorKind.PERSON) for p in people)
    stances = tuple(
        replace(s, actor="ghost" if rng.random() < 0.05 else rng.choice(people))
        for s in amap.stances
    )
    return replace(amap, actors=actors, stances=stances)


@pytest.mark.parametrize("limit", [3, 5, 8])
def test_stance_drawings_equal_the_walks_on_random_maps(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", limit)
    rng = random.Random(100 + limit)
    for _ in range(60):
        amap = _spoken_map(rng)
        analysis = analyse(amap)
        levels = views.claim_levels(amap)
        for argument in (views.argument_drawings(amap, levels), views.argument_view(amap)):
            assert views.stance_drawings(
                amap, analysis, levels, argument
            ) == reference_views.stance_drawings(amap, analysis, levels, argument)


def test_a_cluster_nobody_speaks_on_is_an_empty_stance_drawing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The unattached claims x and y have no stances: their drawing is empty, not a
    # logarithm of zero in `layout.band_rows` (which failed the whole build before).
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    amap = replace(
        _chain_map(), actors=(Actor("m", "M", ActorKind.PERSON), Actor("n", "N", ActorKind.PERSON))
    )
    levels = views.claim_levels(amap)
    stances = views.stance_drawings(
        amap, analyse(amap), levels, views.argument_drawings(amap, levels)
    )
    loose = next(p for p in stances.parts if p.key == "stances/~")
    assert (loose.nodes, loose.edges, loose.parent) == ((), (), "stances")
    # b's cluster: b and c, one stance each, by m and n: four nodes are more than three,
    # so the one camp of m and n is one node, a line to each claim.
    small = next(p for p in stances.parts if p.key == "stances/b")
    assert [n.id for n in small.nodes] == ["@camp0", "b", "c"]
    assert [(e.id, e.items, e.label, e.cls) for e in small.edges] == [
        ("@camp0>b", ("s1",), "+1", "agg-stance-for"),
        ("@camp0>c", ("s2",), "\u22121", "agg-stance-against"),
    ]


def _straight_by_grid(
    edges: list[tuple[str, str]], positions: dict[str, tuple[float, float]], boxes: dict
) -> list[int]:
    """The straight lines' counts as `route_around` took them before: line by line."""
    index = layout._BoxIndex(boxes)
    return [
        len(index.hits([positions[o], positions[t]], (o, t)))
        if o in positions and t in positions
        else 0
        for o, t in edges
    ]


@pytest.mark.parametrize("seed", range(6))
def test_straight_lines_count_the_boxes_they_enter_as_the_grid_does(seed: int) -> None:
    rng = random.Random(seed)
    count = rng.choice([1, 5, 40, 300])
    # On a coarse grid of points, so that lines run along box edges and through corners.
    positions = {
        f"n{i}": (float(rng.randrange(0, 3000, 50)), float(rng.randrange(0, 2000, 50)))
        for i in range(count)
    }
    boxes = {
        n: (x - w, y - h, x + w, y + h)
        for n, (x, y) in positions.items()
        for w, h in [(rng.choice([0.0, 25.0, 60.0, 140.0]), rng.choice([0.0, 25.0, 40.0]))]
    }
    names = [*positions, "ghost"]
    edges = [(rng.choice(names), rng.choice(names)) for _ in range(rng.randint(0, 400))]
    got = layout._BoxArrays(boxes).straight_counts(edges, positions)
    assert got == _straight_by_grid(edges, positions, boxes)


def test_straight_lines_are_counted_in_slices_of_a_million_pairs() -> None:
    # 2,100 boxes: slices of 499 lines, so 1,200 lines take three.
    rng = random.Random(5)
    positions = {f"n{i}": (rng.uniform(0, 9000), rng.uniform(0, 9000)) for i in range(2100)}
    boxes = {n: (x - 90, y - 20, x + 90, y + 20) for n, (x, y) in positions.items()}
    edges = [(rng.choice(list(positions)), rng.choice(list(positions))) for _ in range(1200)]
    got = layout._BoxArrays(boxes).straight_counts(edges, positions)
    assert got == _straight_by_grid(edges, positions, boxes)
    assert max(got) > 1


def test_a_straight_line_counts_the_boxes_it_runs_into_its_own_ends_aside() -> None:
    positions = {"a": (0.0, 0.0), "b": (100.0, 0.0), "c": (50.0, 0.0), "d": (50.0, 10.0)}
    boxes = {
        "a": (-5.0, -5.0, 5.0, 5.0),
        "b": (95.0, -5.0, 105.0, 5.0),
        "c": (45.0, -5.0, 55.0, 5.0),  # on the line a-b
        "d": (45.0, 0.0, 55.0, 20.0),  # its edge along a-b: a box is closed, so it counts
    }
    arrays = layout._BoxArrays(boxes)
    # a-d passes above c (y = 9 at x = 45); c-c is the point (50, 0), on d's edge; d-b
    # passes above c too; x is not placed.
    edges = [("a", "b"), ("a", "d"), ("a", "x"), ("c", "c"), ("d", "b")]
    assert arrays.straight_counts(edges, positions) == [2, 0, 0, 1, 0]
    assert arrays.straight_counts(edges, positions) == _straight_by_grid(edges, positions, boxes)
    assert arrays.straight_counts([], positions) == []
    assert layout._BoxArrays({}).straight_counts([("a", "b")], positions) == [0]


def test_each_kind_has_its_class() -> None:
    assert [styles.claim_class(k) for k in ClaimKind] == ["proposal", "claim", "evidence"]
    assert [styles.relation_class(k) for k in RelationKind] == [
        "rel-supports",
        "rel-attacks",
        "rel-undercuts",
    ]
    assert [styles.stance_class(p) for p in Position] == [
        "stance-supports",
        "stance-opposes",
        "stance-neutral",
    ]


def test_an_undercut_is_no_line_beside_a_claim_without_relations() -> None:
    # z is no relation's end; e's undercut of a -> p has no claim for a target.
    amap = _chain_map()
    amap = replace(amap, claims=(*amap.claims, Claim("z", "Z", ClaimKind.CLAIM)))
    level = views.Level(
        "k", "", "t", ("e", "p", "z"), (), ("e", "p", "z"), {"e": "e", "p": "p", "z": "z"}
    )
    lines = views._relation_edges(amap, level)
    assert [(e.id, e.origin, e.target) for e in lines] == [("e/attacks/p", "e", "p")]
    assert lines == reference_views.relation_edges(amap, level)
