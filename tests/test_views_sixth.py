"""The drawings made cheaper in issue 18's sixth pass: the same results as before, exactly.

Each array version is compared with the loop it replaced (tests/reference_force.py,
tests/reference_views.py) on random inputs shaped like the big maps' drawings, and pinned
on small literal cases.
"""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np

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
from argmap.render import aggregate, layout, views
from tests import reference_force, reference_views


def _crowded_start(rng: random.Random, count: int) -> list[tuple[float, float]]:
    # A camps drawing's start: camps as grids, some packed tight (crowded cells), some
    # spread, a few nodes on one spot, negative and positive coordinates.
    start = []
    for _ in range(count):
        spread = rng.choice([2.0, 60.0, 900.0])
        cx = rng.choice([-700.0, 0.0, 650.0])
        start.append((cx + rng.uniform(-spread, spread), rng.uniform(-spread, spread)))
    if count > 5:
        start[2:5] = [start[1]] * 3
    return start


def test_force_layout_equals_the_loops_at_drawing_sizes() -> None:
    rng = random.Random(6)
    shapes = set()
    for trial in range(12):
        count = rng.choice([1, 2, 30, 150, 260, 400])
        start = _crowded_start(rng, count)
        edges = [
            (rng.randrange(count), rng.randrange(count), rng.choice([1.0, 0.37, -0.5]))
            for _ in range(rng.randint(0, 3 * count))
        ]
        centres = [(rng.uniform(-500, 500), rng.uniform(-500, 500)) for _ in range(count)]
        options = {
            "distance": rng.choice([25.0, 140.0, 150.0]),
            "iterations": rng.choice([1, 4, 9]),
            "centres": centres if trial % 3 else None,
            "pull": 0.03,
            "seed": trial,
        }
        got = layout._force_layout(count, edges, start, **options)  # type: ignore[arg-type]
        assert got == reference_force.force_layout(count, edges, start, **options), trial  # type: ignore[arg-type]
        shapes.add(count)
    assert len(shapes) >= 4


def test_repulsion_equals_the_loops_on_crowded_and_sparse_cells() -> None:
    rng = random.Random(7)
    for trial in range(40):
        count = rng.randint(1, 300)
        start = _crowded_start(rng, count)
        xa = np.array([x for x, _ in start])
        ya = np.array([y for _, y in start])
        k2 = rng.choice([100.0, 2500.0, 19600.0])
        fx, fy = layout._repulsion(xa, ya, 2 * k2**0.5, k2)
        want_x, want_y = reference_views.repulsion(xa.tolist(), ya.tolist(), 2 * k2**0.5, k2)
        assert fx.tolist() == want_x, trial
        assert fy.tolist() == want_y, trial


def test_a_cell_of_exactly_the_crowded_size_is_summed_node_by_node() -> None:
    # A node 2 to the right of n nodes on one spot, in the next cell (k2 = 400, cells 40
    # wide): 24 push it one by one (each 2 x 400 / 4), 25 are one mass (d2 raised to
    # k2 / 4: 2 x 25 x 400 / 100).
    for n, push in ((layout._CROWDED, 24 * 200.0), (layout._CROWDED + 1, 200.0)):
        xa = np.array([39.0] * n + [41.0])
        ya = np.zeros(n + 1)
        fx, fy = layout._repulsion(xa, ya, 40.0, 400.0)
        assert fx[-1] == push
        assert (fx.tolist(), fy.tolist()) == reference_views.repulsion(
            xa.tolist(), ya.tolist(), 40.0, 400.0
        )


def _random_pairs(rng: random.Random) -> list[tuple[str, str, float]]:
    names = [f"a{i:02d}" for i in range(rng.randint(1, 30))]
    pairs = []
    for _ in range(rng.randint(0, 120)):
        a, b = rng.choice(names), rng.choice(names)
        pairs.append((a, b, rng.choice([0.0, -0.0, 1.5, -2.0, 0.25, 3.0])))
    return pairs


def test_agreement_weights_equal_the_sorted_tuples() -> None:
    rng = random.Random(8)
    for trial in range(200):
        pairs = _random_pairs(rng)
        names = sorted({a for a, _, _ in pairs} | {"zz"})
        known = set(rng.sample(names, rng.randint(0, len(names))))
        want = reference_views.agreement_weights(pairs, known)
        assert views._agreement_weights(pairs, known) == want, trial
        arrays = aggregate.pair_arrays(pairs)
        assert views._agreement_weights(arrays, known) == want, trial


def test_agreement_weights_sort_by_ids_then_weight_and_drop_self_and_zero() -> None:
    pairs = [
        ("c", "a", 2.0),
        ("a", "b", -1.0),
        ("b", "a", -3.0),
        ("a", "a", 5.0),
        ("b", "c", 0.0),
        ("a", "x", 1.0),
    ]
    assert views._agreement_weights(pairs, {"a", "b", "c"}) == [
        ("a", "b", -3.0),
        ("a", "b", -1.0),
        ("a", "c", 2.0),
    ]
    # Int weights (hand-built pairs) are handed back as they are.
    assert views._agreement_weights([("b", "a", 2), ("a", "b", 1)], {"a", "b"}) == [
        ("a", "b", 1),
        ("a", "b", 2),
    ]


def test_ranks_are_unique_and_searchsorted() -> None:
    rng = np.random.default_rng(9)
    for numbers in (
        np.array([], dtype=np.int64),
        np.array([3, 3, 0, 7], dtype=np.int64),
        rng.integers(0, 50, 300),
        rng.integers(-5, 5, 40),  # negative: the sorting way
        np.array([0, 10**9], dtype=np.int64),  # sparse: the sorting way
    ):
        found, rank = aggregate._ranks(numbers)
        assert found.tolist() == np.unique(numbers).tolist()
        assert rank(numbers).tolist() == np.searchsorted(np.unique(numbers), numbers).tolist()
    found, rank = aggregate._ranks(np.array([5, 2, 5, 9], dtype=np.int64))
    assert (found.tolist(), rank(np.array([9, 2, 5])).tolist()) == ([2, 5, 9], [2, 0, 1])


def test_camp_links_equal_a_loop_over_the_pairs() -> None:
    rng = random.Random(10)
    for trial in range(60):
        pairs = _random_pairs(rng)
        actors = sorted({a for a, _, _ in pairs} | {b for _, b, _ in pairs})
        groups = rng.choice([2, 5, 40])
        group_of = {a: rng.randrange(groups) for a in actors if rng.random() < 0.8}
        want_sums: dict[tuple[int, int], float] = {}
        want_counts: dict[tuple[int, int], int] = {}
        for a, b, w in pairs:
            if a in group_of and b in group_of:
                key = (min(group_of[a], group_of[b]), max(group_of[a], group_of[b]))
                want_sums[key] = want_sums.get(key, 0.0) + w
                want_counts[key] = want_counts.get(key, 0) + 1
        sums, counts = aggregate.camp_links(group_of, pairs)
        assert sums == dict(sorted(want_sums.items())), trial
        assert list(sums) == sorted(want_sums), trial
        assert counts == dict(sorted(want_counts.items())), trial


def test_agreement_weights_that_no_float_sorts_alike_take_the_sorted_way() -> None:
    # An int past 2**53 and the float it rounds to are one float64 but sort apart; a NaN
    # weight sorts as `sorted` leaves it, not last.
    big = [("a", "b", 2**53 + 1), ("a", "b", 2.0**53)]
    assert views._agreement_weights(big, {"a", "b"}) == [("a", "b", 2.0**53), ("a", "b", 2**53 + 1)]
    nan = float("nan")
    odd = [("a", "c", 1.0), ("a", "b", nan), ("a", "b", -1.0)]
    got = views._agreement_weights(odd, {"a", "b", "c"})
    assert repr(got) == repr(reference_views.agreement_weights(odd, {"a", "b", "c"}))


def _cluster_map() -> ArgumentMap:
    """p with q and r under it; relation ids out of their origins' order (r9 from q, r0
    from r), one relation inside {q, r} (r3) and two out of it, to p."""
    return ArgumentMap(
        title="Cluster",
        sources=(Source("s", "S", "P", "2024"),),
        actors=(Actor("x", "X", ActorKind.PERSON),),
        claims=(
            Claim("p", "P", ClaimKind.PROPOSAL),
            Claim("q", "Q", ClaimKind.CLAIM),
            Claim("r", "R", ClaimKind.EVIDENCE),
        ),
        relations=(
            Relation("r9", "q", "p", RelationKind.SUPPORTS, "s"),
            Relation("r3", "r", "q", RelationKind.SUPPORTS, "s"),
            Relation("r0", "r", "p", RelationKind.SUPPORTS, "s"),
        ),
        stances=(
            Stance("s2", "x", "r", Position.SUPPORTS, "s", quote="x r"),
            Stance("s1", "x", "q", Position.OPPOSES, "s", quote="x q"),
        ),
    )


def test_a_cluster_counts_only_the_relations_inside_it() -> None:
    # r argues about q and about x (both two from p): its parent is q, the first by id, so
    # q's cluster is q and r; r's relation to x leaves it, x's stance is outside it.
    amap = replace(
        _cluster_map(),
        claims=(*_cluster_map().claims, Claim("x", "X", ClaimKind.CLAIM)),
        relations=(
            Relation("r9", "q", "p", RelationKind.SUPPORTS, "s"),
            Relation("r3", "r", "q", RelationKind.SUPPORTS, "s"),
            Relation("r4", "r", "x", RelationKind.ATTACKS, "s"),
            Relation("r5", "x", "p", RelationKind.SUPPORTS, "s"),
        ),
        stances=(
            *_cluster_map().stances,
            Stance("s3", "y", "x", Position.SUPPORTS, "s", quote="y x"),
        ),
    )
    unit = views._claim_unit(amap, "q", "argument")
    assert unit.members == ("q", "r")
    assert unit.facts == (
        ("Claims", "2: 0 proposals, 1 claims, 1 evidence"),
        ("Relations inside", "1"),
        ("Stances on them", "2, by 1 actors"),
    )


def test_a_clusters_line_lists_its_relations_by_id() -> None:
    level = views.Level(
        "", "", "t", ("p",), ("q",), ("p", "q", "r"), {"p": "p", "q": "@q", "r": "@q"}
    )
    lines = views._relation_edges(_cluster_map(), level)
    assert [(e.id, e.items, e.label) for e in lines] == [("@q>p>supports", ("r0", "r9"), "2")]


def test_cell_numbers_are_pythons_floor_division() -> None:
    # `_repulsion` numbers cells with np.floor_divide where the loops used int(x // cell):
    # the same on signed zeros, tiny values, exact multiples and just below them.
    rng = random.Random(11)
    values = [-0.0, 0.0, -1e-300, 1e-300, 280.0, -280.0, 279.99999999999997, -840.0000000000001]
    values += [rng.uniform(-5000, 5000) for _ in range(2000)]
    values += [rng.choice([-1, 1]) * rng.randint(0, 50) * 280.0 for _ in range(200)]
    for cell in (280.0, 300.0, 0.3):
        got = np.floor_divide(np.array(values), cell).astype(np.int64).tolist()
        assert got == [int(v // cell) for v in values]
