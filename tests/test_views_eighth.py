"""The aggregated stance drawings read from the stances in the claim tree's order (issue 18,
eighth pass): a level's stances are a slice of them, its nodes one entry per single claim
or cluster, and the camps' indexes are made once. Literal cases worked out by hand; the
random maps of tests/test_views_seventh.py compare the whole drawings with the walks of
31156f5 (tests/reference_views.py)."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from argmap.analysis import analyse
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Stance,
)
from argmap.render import aggregate, layout, views
from tests import reference_separate


def _spoken_chain() -> tuple[ArgumentMap, list[views.Level]]:
    """p <- a <- b <- c, d <- a (a's cluster is a, b, c, d), e -> p, and x -> y reaching no
    proposal (the map of test_views_seventh's chain, with stances of its own): two actors,
    a stance id used twice (on a and on b), one on an unknown claim; and its levels at a
    limit of 3. The tree's order is p a b c d e x y (places 0 to 7)."""
    kinds = {"p": ClaimKind.PROPOSAL, "c": ClaimKind.EVIDENCE, "d": ClaimKind.EVIDENCE}
    claims = tuple(Claim(c, c.upper(), kinds.get(c, ClaimKind.CLAIM)) for c in "pabcdexy")
    sup, att = RelationKind.SUPPORTS, RelationKind.ATTACKS
    relations = tuple(
        Relation(f"{o}/{k}/{t}", o, t, k, "s")
        for o, k, t in (
            ("a", sup, "p"),
            ("b", sup, "a"),
            ("c", att, "b"),
            ("d", sup, "a"),
            ("e", att, "p"),
            ("c", att, "x"),
            ("x", sup, "y"),
        )
    )
    stances = (
        Stance("s1", "m", "b", Position.SUPPORTS, "s"),
        Stance("s2", "n", "c", Position.OPPOSES, "s"),
        Stance("s3", "m", "d", Position.NEUTRAL, "s"),
        Stance("s4", "n", "e", Position.SUPPORTS, "s"),
        Stance("s0", "n", "c", Position.SUPPORTS, "s"),
        Stance("s1", "n", "a", Position.OPPOSES, "s"),
        Stance("s5", "m", "qq", Position.SUPPORTS, "s"),
    )
    amap = ArgumentMap(
        "t",
        actors=(Actor("m", "M", ActorKind.PERSON), Actor("n", "N", ActorKind.PERSON)),
        claims=claims,
        relations=relations,
        stances=stances,
    )
    return amap, views.claim_levels(amap)


def test_a_levels_nodes_are_its_singles_and_clusters_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    amap, levels = _spoken_chain()
    tree = views._tree(amap)
    assert tree.order == ["p", "a", "b", "c", "d", "e", "x", "y"]
    got = []
    for level in levels:
        node_at = np.full(len(tree.order), 9)
        nodes, lo, hi = views._level_nodes(tree, level, node_at)
        got.append((level.key, nodes, lo, hi, node_at.tolist()))
        # The same as the level's own claims to nodes, claim by claim.
        assert nodes == sorted(set(level.unit_of.values()))
        for claim, unit in level.unit_of.items():
            assert nodes[node_at[tree.place[claim]]] == unit
    assert got == [
        # The overview: p's cluster (places 0-5) and the loose claims' (6-7).
        ("", ["@p", "@~"], 0, 8, [0, 0, 0, 0, 0, 0, 1, 1]),
        # p's drawing: p and e as themselves, a's cluster (a b c d) one node; x, y untouched.
        ("p", ["@a", "e", "p"], 0, 6, [2, 0, 0, 0, 0, 1, 9, 9]),
        ("~", ["x", "y"], 6, 8, [9, 9, 9, 9, 9, 9, 0, 1]),
        ("a", ["@b", "a", "d"], 1, 5, [9, 1, 0, 0, 2, 9, 9, 9]),
        ("b", ["b", "c"], 2, 4, [9, 9, 0, 1, 9, 9, 9, 9]),
    ]


def test_the_stances_are_in_the_trees_order_with_their_rank_by_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    amap, _ = _spoken_chain()
    said = views._said(amap, {"m": "@camp0", "n": "@camp0"}, views._tree(amap))
    # By (id, claim): s0 (c), s1 (a), s1 (b), s2 (c), s3 (d), s4 (e); s5's claim is unknown.
    assert said.ids.tolist() == ["s1", "s1", "s0", "s2", "s3", "s4"]
    assert said.place.tolist() == [1, 2, 3, 3, 4, 5]
    assert said.rank.tolist() == [1, 2, 0, 3, 4, 5]
    k = {p: i for i, p in enumerate(Position)}
    sup, opp, neu = k[Position.SUPPORTS], k[Position.OPPOSES], k[Position.NEUTRAL]
    assert said.position.tolist() == [opp, sup, sup, opp, neu, sup]
    assert said.camp.tolist() == [0] * 6
    assert said.camps == ["@camp0"]


def test_a_clusters_line_lists_its_stances_by_id_across_its_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    amap, levels = _spoken_chain()
    analysis = analyse(amap)
    # Each of m and n is a camp of one: one group, one node, for both.
    assert [g.members for g in aggregate.camp_groups(amap, analysis)] == [("m", "n")]
    stances = views.stance_drawings(amap, analysis, levels, views.argument_drawings(amap, levels))
    drawing = {d.key: d for d in (stances, *stances.parts)}
    # p's drawing: 5 claims spoken on and 2 speakers, more than 3: one node for the camp.
    # The line to a's cluster carries s1 (a), s1 (b), s0 and s2 (c), s3 (d): by id.
    p = drawing["stances/p"]
    assert [(e.id, e.items, e.label, e.cls, e.width) for e in p.edges] == [
        ("@camp0>@a", ("s0", "s1", "s1", "s2", "s3"), "+2 \u22122 0 1", "agg-stance-even", 3.82),
        ("@camp0>e", ("s4",), "+1", "agg-stance-for", 1.5),
    ]
    assert p.note.startswith("These claims have 2 speakers")
    assert p.units[-1].facts[-1] == ("Speaking on these claims", "2")
    # The overview: every stance on a known claim in p's cluster, none on the loose claims.
    overview = drawing[""]
    assert [(e.id, e.items, e.label, e.width) for e in overview.edges] == [
        ("@camp0>@p", ("s0", "s1", "s1", "s2", "s3", "s4"), "+3 \u22122 0 1", 4.08)
    ]
    # b's drawing (b and c: two claims, two speakers, four nodes): one line per claim.
    b = drawing["stances/b"]
    assert [(e.id, e.items) for e in b.edges] == [("@camp0>b", ("s1",)), ("@camp0>c", ("s0", "s2"))]


def test_the_camps_indexes_are_made_once_for_each_camps() -> None:
    amap, _ = _spoken_chain()
    first = analyse(amap)
    other = replace(first, camps=(("n",), ("m", "x"), ()))
    for analysis in (first, other, first):
        plain = {a: i for i, camp in enumerate(views.camp_order(analysis)) for a in camp}
        assert dict(views._camp_index(analysis)) == plain
        coloured = {
            a: i for i, camp in enumerate(views.camp_order(analysis)) if len(camp) > 1 for a in camp
        }
        assert dict(views._colour_index(analysis)) == coloured
    assert dict(views._camp_index(other)) == {"n": 0, "m": 1, "x": 1}
    assert dict(views._colour_index(other)) == {"m": 1, "x": 1}
    with pytest.raises(TypeError):
        views._camp_index(other)["m"] = 5  # type: ignore[index]


def _boxes(rng: random.Random, count: int) -> tuple[list, list]:
    """Points crowded into a small area (so pushes cascade through a pass), some on one
    spot, some negative, some far out; boxes of a few widths and heights."""
    spread = rng.choice([50.0, 300.0, 3000.0])
    points = [
        (rng.uniform(-spread, spread), rng.uniform(-spread / 3, spread / 3)) for _ in range(count)
    ]
    for _ in range(count // 10):
        points[rng.randrange(count)] = points[rng.randrange(count)]
    if count > 3 and rng.random() < 0.3:
        points[0] = (1e5, -1e5)
    sizes = [(rng.choice([20.0, 61.0, 120.0, 204.0]), rng.choice([24.0, 72.0])) for _ in points]
    return points, sizes


@pytest.mark.parametrize("seed", range(8))
def test_separate_equals_the_tuple_keyed_pass(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(25):
        points, sizes = _boxes(rng, rng.choice([1, 2, 7, 40, 150]))
        iterations = rng.choice([0, 1, 3, 15])
        assert layout.separate(points, sizes, iterations=iterations) == (
            reference_separate.separate(points, sizes, iterations=iterations)
        )


def test_separate_pushes_a_row_in_the_order_of_its_pairs() -> None:
    # Three boxes 20 wide on a line, 10 apart, one pass: a and b part first (5 each, b
    # to 15), then b and c, from b's new place (7.5 each: b back to 7.5, c to 27.5).
    placed = layout.separate([(0, 0), (10, 0), (20, 0)], [(20, 10)] * 3, iterations=1)
    assert placed == [(-5, 0), (8, 0), (28, 0)]
    # Negative cells (40 by 20 here): (-2, -1) and (-1, -1) are neighbours; the pair
    # overlaps less in y (6 of 20 against 34 of 40), so parts 3 each up and down, and
    # the second pass finds them touching.
    placed = layout.separate([(-45, -15), (-39, -1), (150, 90)], [(40, 20)] * 3)
    assert placed == [(-45, -18), (-39, 2), (150, 90)]


def test_distinct_rows_are_numpys_unique_rows() -> None:
    table = np.array([[1, 0, 0], [0, 2, 1], [1, 0, 0], [0, 2, 0], [0, 2, 1]])
    first, inverse = views._distinct_rows(table)
    assert table[first].tolist() == [[0, 2, 0], [0, 2, 1], [1, 0, 0]]
    assert inverse.tolist() == [2, 1, 2, 0, 1]
    rng = np.random.default_rng(3)
    for rows in (1, 2, 50, 400):
        table = rng.integers(0, rng.choice([2, 5, 1000]), size=(rows, 3))
        first, inverse = views._distinct_rows(table)
        distinct, expected = np.unique(table, axis=0, return_inverse=True)
        assert table[first].tolist() == distinct.tolist()
        assert inverse.tolist() == expected.reshape(-1).tolist()


def test_the_stances_in_id_order_are_taken_as_they_come(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    amap, _ = _spoken_chain()
    tree = views._tree(amap)
    camp_of = {"m": "@camp0"}

    def arrays(stances: tuple[Stance, ...]) -> list[list[object]]:
        said = views._said(replace(amap, stances=stances), camp_of, tree)
        return [a.tolist() for a in (said.ids, said.rank, said.place, said.position, said.camp)]

    ordered = tuple(sorted(amap.stances, key=lambda s: (s.id, s.claim)))
    assert [s.id for s in ordered] == ["s0", "s1", "s1", "s2", "s3", "s4", "s5"]
    # In id order but for one repeated id whose claims come b before a: sorted, as any.
    repeated = (ordered[0], ordered[2], ordered[1], *ordered[3:])
    assert [s.claim for s in repeated[1:3]] == ["b", "a"]
    expected = arrays(ordered)
    assert expected[0] == ["s1", "s1", "s0", "s2", "s3", "s4"]
    assert arrays(repeated) == expected
    assert arrays(tuple(reversed(ordered))) == expected
    # Each id once and in order: the same as sorting them.
    once = tuple(s for s in ordered if s.claim != "a")
    assert arrays(once)[0] == ["s1", "s0", "s2", "s3", "s4"]
    assert arrays(once) == arrays(tuple(reversed(once)))


def test_the_actors_by_id_are_each_maps_own() -> None:
    amap, _ = _spoken_chain()
    other = replace(
        amap, actors=(Actor("z", "Z", ActorKind.PERSON), Actor("b", "B", ActorKind.CHARITY))
    )
    for each in (amap, amap, amap, other, other, other, amap):
        got = views._actors_by_id(each)
        assert [a.id for a in got] == sorted(a.id for a in each.actors)
        got.clear()  # a new list: the kept one is not the caller's
    assert [a.id for a in views._actors_by_id(other)] == ["b", "z"]
    assert [a.id for a in views._actors_by_id(amap)] == ["m", "n"]
