"""The agreement pairs read as arrays in the build (issue 18, fifth pass): `Agreement.arrays`,
`aggregate.PairArrays`, and `camp_links`, `html._partners` and `views.camp_drawings`
rewritten in numpy. Exact values on small literal pair lists (ties in weight, negative and
zero weights, actors in no group, an actor with more than eight partners, no pairs), and
each against the code it replaced, kept here verbatim (`*_before`), on seeded random
inputs, both as an `Agreement` and as plain tuples: the same values, float sums to the
last bit, the same order."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from argmap.analysis import Analysis, analyse
from argmap.analysis.camps import Agreement
from argmap.model import Actor, ActorKind, ArgumentMap, Claim, ClaimKind, Position, Source, Stance
from argmap.render import aggregate, html, views
from argmap.render.aggregate import Unit, fmt_weight
from argmap.render.views import View

# ---- the code replaced, verbatim from ade1530 ------------------------------------------


def _camp_links_before(
    group_of: Mapping[str, int], agreement: Iterable[tuple[str, str, float]]
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], int]]:
    sums: dict[tuple[int, int], float] = defaultdict(float)
    pairs: dict[tuple[int, int], int] = defaultdict(int)
    for a, b, w in agreement:
        i = group_of.get(a)
        j = group_of.get(b)
        if i is None or j is None:
            continue
        key = (i, j) if i <= j else (j, i)
        sums[key] += w
        pairs[key] += 1
    return dict(sorted(sums.items())), dict(sorted(pairs.items()))


def _partners_before(analysis: Any) -> dict[str, list[list[Any]]]:
    pairs = analysis.agreement
    actors = set(map(itemgetter(0), pairs)).union(map(itemgetter(1), pairs))
    chosen: dict[str, list[list[Any]]] = {actor: [] for actor in sorted(actors)}
    ordered = sorted(pairs)
    for strongest_first, wanted in (
        (sorted(ordered, key=itemgetter(2), reverse=True), 1),
        (sorted(ordered, key=itemgetter(2)), -1),
    ):
        found: dict[str, list[list[Any]]] = {actor: [] for actor in chosen}
        for a, b, weight in strongest_first:
            if weight * wanted <= 0:
                break
            shown = round(weight, 3)
            if len(mine := found[a]) < 8:
                mine.append([b, shown])
            if len(mine := found[b]) < 8:
                mine.append([a, shown])
        for actor, items in found.items():
            chosen[actor] += items
    return chosen


# camp_drawings as it was, calling the camp_links above and views' own helpers.
def _camp_drawings_before(amap: ArgumentMap, analysis: Analysis) -> View:
    """The aggregated camps view: one node per camp group (`aggregate.camp_groups`),
    lines carrying the net agreement between them; each group opens its own camps
    drawing, or, when it has more than `AGGREGATE_NODES` actors, its parts."""
    limit = aggregate.AGGREGATE_NODES
    groups = aggregate.camp_groups(amap, analysis)
    group_of = {a: i for i, g in enumerate(groups) for a in g.members}
    parts_of = [aggregate.camp_parts(amap, g.members, limit) for g in groups]
    part_of = {
        a: (i, k) for i, parts in enumerate(parts_of) for k, part in enumerate(parts) for a in part
    }
    inside: dict[int, list[tuple[str, str, float]]] = defaultdict(list)
    for pair in analysis.agreement:
        i = group_of.get(pair[0])
        if i is not None and i == group_of.get(pair[1]):
            inside[i].append(pair)
    sums, counts = _camp_links_before(group_of, analysis.agreement)
    units = []
    nodes = []
    for i, g in enumerate(groups):
        facts = [
            ("Actors", f"{len(g.members):,}"),
            (
                "Agreement inside",
                f"{fmt_weight(sums.get((i, i), 0.0))} over {counts.get((i, i), 0):,} pairs",
            ),
        ]
        for j, other in enumerate(groups):
            if j != i and (min(i, j), max(i, j)) in counts:
                key = (min(i, j), max(i, j))
                facts.append(
                    (f"With {other.short}", f"{fmt_weight(sums[key])} over {counts[key]:,} pairs")
                )
        units.append(Unit(f"@camp{i}", g.name, f"camps/{i}", g.members, tuple(facts)))
        nodes.append(
            views.ViewNode(f"@camp{i}", "agg-actors", 0, 0, g.short, aggregate.camp_colour(g.index))
        )
    edges = views._camp_edges(sums, counts, "@camp")
    overview = views._camp_ring(
        "",
        "",
        "Overview",
        nodes,
        edges,
        units,
        f"An overview: this map has {len(amap.actors):,} actors, more than the {limit:,} a"
        " drawing shows legibly, so each node is a camp. A line is the sum of the agreement"
        " weights of every pair of actors between two camps. Click a camp, then"
        " \u201cOpen\u201d to draw its actors.",
    )
    parts: list[View] = []
    for i, g in enumerate(groups):
        if len(parts_of[i]) == 1:
            view = views.camps_view(amap, analysis, members=g.members, pairs=inside[i])
            parts.append(replace(view, key=f"camps/{i}", parent="camps", title=g.name))
            continue
        local = {a: k for a, (gi, k) in part_of.items() if gi == i}
        psums, pcounts = _camp_links_before(local, inside[i])
        pnodes = []
        punits = []
        for k, part in enumerate(parts_of[i]):
            uid = f"@part{i}.{k}"
            number = g.short.split(" \u00b7 ")[0]
            label = f"{number}, part {k + 1} of {len(parts_of[i])} \u00b7 {len(part):,} actors"
            pnodes.append(
                views.ViewNode(uid, "agg-actors", 0, 0, label, aggregate.camp_colour(g.index))
            )
            part_facts = (
                ("Actors", f"{len(part):,}"),
                (
                    "Agreement inside",
                    f"{fmt_weight(psums.get((k, k), 0.0))} over {pcounts.get((k, k), 0):,} pairs",
                ),
            )
            punits.append(
                Unit(
                    uid,
                    f"{g.name}: part {k + 1} of {len(parts_of[i])}",
                    f"camps/{i}/{k}",
                    part,
                    part_facts,
                )
            )
        parts.append(
            views._camp_ring(
                f"camps/{i}",
                "camps",
                g.name,
                pnodes,
                views._camp_edges(psums, pcounts, f"@part{i}."),
                punits,
                f"{g.short}: more than the {limit:,} actors a drawing shows legibly, so it is"
                f" cut into {len(parts_of[i])} parts of at most {limit:,}, by first affiliation"
                " and then name. Click a part, then \u201cOpen\u201d.",
            )
        )
        by_part: dict[int, list[tuple[str, str, float]]] = defaultdict(list)
        for pair in inside[i]:
            k = local[pair[0]]
            if k == local[pair[1]]:
                by_part[k].append(pair)
        for k, part in enumerate(parts_of[i]):
            view = views.camps_view(amap, analysis, members=part, pairs=by_part[k])
            parts.append(
                replace(
                    view, key=f"camps/{i}/{k}", parent=f"camps/{i}", title=f"{g.name}: part {k + 1}"
                )
            )
    return replace(overview, parts=tuple(parts))


# ---- helpers ---------------------------------------------------------------------------

SUP, OPP, NEU = Position.SUPPORTS, Position.OPPOSES, Position.NEUTRAL


def _agreement(pairs: Iterable[tuple[str, str, float]], extra: Iterable[str] = ()) -> Agreement:
    """An `Agreement` as `analyse` makes one: pairs (a < b) in order, actors in id order
    (`extra` ones named by no pair), the distinct weights ascending."""
    rows = sorted(pairs)
    actors = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows} | set(extra))
    values = sorted({w for _, _, w in rows})
    index = {a: i for i, a in enumerate(actors)}
    return Agreement(
        actors,
        np.array([index[a] for a, _, _ in rows], dtype=np.int64),
        np.array([index[b] for _, b, _ in rows], dtype=np.int64),
        np.array([values.index(w) for _, _, w in rows], dtype=np.int64),
        values,
    )


def _random_pairs(rng: random.Random, ids: list[str]) -> list[tuple[str, str, float]]:
    """Distinct pairs a < b with weights full of ties, signs and zeros, in id order."""
    found: dict[tuple[str, str], float] = {}
    for _ in range(rng.randint(0, 120) if len(ids) > 1 else 0):
        a, b = sorted(rng.sample(ids, 2))
        found[a, b] = rng.choice(
            [1.0, -1.0, 2.0, 0.5, -0.25, 0.0, -3.0, 0.1, 1e16, -1e16, rng.uniform(-3, 3)]
        )
    return sorted((a, b, w) for (a, b), w in found.items())


def _partners_of(agreement: Any) -> dict[str, list[list[Any]]]:
    return html._partners(SimpleNamespace(agreement=agreement))  # type: ignore[arg-type]


def _random_map(rng: random.Random, n: int) -> ArgumentMap:
    """`n` actors (some with an affiliation) taking random stances on three proposals."""
    people = [f"a{i:02d}" for i in range(n)]
    said = [
        (a, c, rng.choice([SUP, SUP, OPP, NEU]))
        for a in people
        for c in ("p", "q", "r")
        if rng.random() < 0.6
    ]
    return ArgumentMap(
        title="Random camps",
        sources=(Source("s", "S", "P", "2024"),),
        actors=tuple(
            Actor(a, f"Actor {a}", ActorKind.PERSON, affiliations=rng.choice([(), ("x",), ("y",)]))
            for a in people
        ),
        claims=tuple(Claim(c, f"Proposal {c}", ClaimKind.PROPOSAL) for c in ("p", "q", "r")),
        stances=tuple(
            Stance(f"{a}/{c}", a, c, pos, "s", quote=f"{a} on {c}") for a, c, pos in said
        ),
    )


# ---- Agreement.arrays and PairArrays ---------------------------------------------------


def test_arrays_are_the_pairs_indexes_and_cannot_be_written() -> None:
    pairs = _agreement([("ann", "bob", 2.0), ("ann", "cy", -1.0), ("bob", "cy", 2.0)], ["dee"])
    first, second, weight = pairs.arrays()
    assert (first.tolist(), second.tolist(), weight.tolist()) == ([0, 0, 1], [1, 2, 2], [1, 0, 1])
    assert pairs.actors == ("ann", "bob", "cy", "dee") and pairs.values == (-1.0, 2.0)
    for array in (first, second, weight):
        with pytest.raises(ValueError, match="read-only"):
            array[0] = 3
    assert pairs == (("ann", "bob", 2.0), ("ann", "cy", -1.0), ("bob", "cy", 2.0))
    empty = _agreement([]).arrays()
    assert [a.tolist() for a in empty] == [[], [], []]


def test_pair_arrays_of_an_agreement_read_its_arrays_and_of_tuples_keep_each_weight() -> None:
    pairs = _agreement([("ann", "bob", 2.0), ("ann", "cy", -1.0)])
    got = aggregate.pair_arrays(pairs)
    assert np.shares_memory(got.first, pairs.arrays()[0])  # no copy of millions of pairs
    assert (got.actors, got.values, got.code.tolist()) == (
        ("ann", "bob", "cy"),
        (-1.0, 2.0),
        [1, 0],
    )
    assert list(got) == [("ann", "bob", 2.0), ("ann", "cy", -1.0)]
    # Tuples in any order, an int weight kept an int: the pairs as given.
    plain = aggregate.pair_arrays([("cy", "ann", 3), ("bob", "ann", 0.5)])
    assert plain.actors == ("ann", "bob", "cy")
    assert (plain.first.tolist(), plain.second.tolist()) == ([2, 1], [0, 0])
    assert plain.values == (3, 0.5) and plain.weights().tolist() == [3.0, 0.5]
    assert list(plain) == [("cy", "ann", 3), ("bob", "ann", 0.5)]
    assert list(plain.take(np.array([1]))) == [("bob", "ann", 0.5)]
    assert aggregate.pair_arrays(plain) is plain
    # Out of order, the pairs sort as their tuples do: by first id, second id, weight.
    assert plain.by_ids().tolist() == [1, 0]
    again = aggregate.pair_arrays([("a", "b", 2.0), ("a", "b", -1.0), ("a", "a", 5.0)])
    assert again.by_ids().tolist() == [2, 1, 0]
    assert pairs and aggregate.pair_arrays(pairs).by_ids().tolist() == [0, 1]
    assert len(aggregate.pair_arrays([])) == 0


def test_codes_number_each_actor_and_mark_those_in_no_group() -> None:
    pairs = aggregate.pair_arrays([("a", "b", 1.0), ("b", "c", 1.0)])
    number, known = pairs.codes({"c": 7, "a": 0})
    assert number.tolist() == [0, 0, 7] and known.tolist() == [True, False, True]


# ---- camp_links --------------------------------------------------------------------------


def test_camp_links_sum_in_the_pairs_order_to_the_last_bit() -> None:
    # 1e16 + 1.0 rounds back to 1e16, so in the pairs' order the 1.0 is lost and the sum
    # is 0.1; another order (or np.sum's pairwise one on longer runs) would keep it.
    pairs = [("a", "b", 1e16), ("a", "c", 1.0), ("b", "c", -1e16), ("c", "d", 0.1)]
    group = {"a": 0, "b": 0, "c": 0, "d": 0}
    assert aggregate.camp_links(group, pairs) == ({(0, 0): 0.1}, {(0, 0): 4})
    tenths = [("a", f"b{i}", 0.1) for i in range(10)]
    sums, _ = aggregate.camp_links({"a": 0, **{f"b{i}": 1 for i in range(10)}}, tenths)
    assert sums == {(0, 1): 0.9999999999999999}  # ten 0.1 added one by one


def test_camp_links_count_ties_zeros_and_negatives_and_skip_actors_in_no_group() -> None:
    pairs = [
        ("a", "b", 0.0),  # a zero weight is a pair still
        ("a", "c", -2.0),
        ("b", "c", -2.0),
        ("c", "e", 3.0),  # e in no group
        ("x", "y", 1.0),  # neither in a group
        ("d", "c", 0.5),  # groups 5 and 2: counted under (2, 5)
    ]
    group = {"a": 2, "b": 2, "c": 5, "d": 2}
    expected = ({(2, 2): 0.0, (2, 5): -3.5}, {(2, 2): 1, (2, 5): 3})
    assert aggregate.camp_links(group, pairs) == expected
    assert (
        aggregate.camp_links(group, _agreement([(min(a, b), max(a, b), w) for a, b, w in pairs]))
        == expected
    )
    assert aggregate.camp_links(group, []) == ({}, {})
    assert aggregate.camp_links({}, pairs) == ({}, {})
    assert aggregate.camp_links({"a": -1, "b": 3}, [("a", "b", 1.0), ("b", "b", 2.0)]) == (
        {(-1, 3): 1.0, (3, 3): 2.0},
        {(-1, 3): 1, (3, 3): 1},
    )


def test_camp_links_give_the_same_by_a_sort_as_by_a_bin_for_every_two_groups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(18)
    ids = [f"a{i}" for i in range(30)]
    for _ in range(40):
        pairs = _random_pairs(rng, ids)
        group = {a: rng.randint(-2, 6) for a in ids if rng.random() < 0.8}
        dense = aggregate.camp_links(group, pairs)
        monkeypatch.setattr(aggregate, "_DENSE_LINKS", 0)
        assert aggregate.camp_links(group, pairs) == dense
        monkeypatch.undo()
        assert dense == _camp_links_before(group, pairs)


def test_camp_links_match_the_loop_they_replaced_on_random_pairs() -> None:
    rng = random.Random(5)
    for _ in range(300):
        ids = [f"a{i}" for i in range(rng.randint(0, 25))]
        pairs = _random_pairs(rng, ids)
        group = {a: rng.randint(0, 4) for a in ids if rng.random() < 0.85}
        shuffled = rng.sample(pairs, len(pairs))
        for given in (pairs, _agreement(pairs, ids), shuffled):
            got = aggregate.camp_links(group, given)
            want = _camp_links_before(group, list(given))
            assert got == want
            # Equal floats could still differ in sign or bits: compare the bits.
            assert [w.hex() for w in got[0].values()] == [w.hex() for w in want[0].values()]
            assert list(got[0]) == list(want[0]) and list(got[1]) == list(want[1])


# ---- html._partners ----------------------------------------------------------------------


def test_partners_show_eight_of_each_sign_strongest_first_then_by_id() -> None:
    pairs = [
        *(("a", f"p{i}", 1.0) for i in range(10)),  # ten tied allies: p0 .. p7 shown
        ("a", "q", 1.5),
        ("a", "r", -2.0),
        ("a", "s", -2.0),
        ("a", "t", -0.1235),
        ("a", "z", 0.0),  # zero: neither ally nor opponent
        ("b", "p0", 0.33333),
        ("b", "z", 0.0),
    ]
    want = {
        "a": [
            ["q", 1.5],
            *([f"p{i}", 1.0] for i in range(7)),
            ["r", -2.0],
            ["s", -2.0],
            ["t", -0.123],
        ],
        "b": [["p0", 0.333]],
        **{f"p{i}": [["a", 1.0]] for i in range(1, 10)},
        "p0": [["a", 1.0], ["b", 0.333]],
        "q": [["a", 1.5]],
        "r": [["a", -2.0]],
        "s": [["a", -2.0]],
        "t": [["a", -0.123]],
        "z": [],
    }
    for given in (tuple(pairs), _agreement(pairs, ["nobody"]), tuple(reversed(pairs))):
        found = _partners_of(given)
        assert found == want
        assert list(found) == sorted(want)  # actors in id order; "nobody" names no pair
    assert _partners_of(()) == {} and _partners_of(_agreement([], ["x"])) == {}


def test_partners_of_an_actor_with_more_than_eight_of_both_signs_and_ties_across_them() -> None:
    pairs = [("m", f"n{i:02d}", (-1.0) ** i * (1 + i // 4)) for i in range(24)]
    found = _partners_of(_agreement(pairs))
    # Allies: the even i, weights 1 + i // 4: 6 (i 20, 22), 5 (16, 18), 4, 3 (i 8, 10, 12, 14 by weight then id).
    assert found["m"][:8] == [
        ["n20", 6.0],
        ["n22", 6.0],
        ["n16", 5.0],
        ["n18", 5.0],
        ["n12", 4.0],
        ["n14", 4.0],
        ["n08", 3.0],
        ["n10", 3.0],
    ]
    assert found["m"][8:] == [
        ["n21", -6.0],
        ["n23", -6.0],
        ["n17", -5.0],
        ["n19", -5.0],
        ["n13", -4.0],
        ["n15", -4.0],
        ["n09", -3.0],
        ["n11", -3.0],
    ]
    assert found == _partners_before(SimpleNamespace(agreement=tuple(pairs)))


def test_partners_match_the_sorts_they_replaced_on_random_pairs() -> None:
    rng = random.Random(7)
    for _ in range(300):
        ids = [f"a{i}" for i in range(rng.randint(0, 25))]
        pairs = _random_pairs(rng, ids)
        shuffled = rng.sample(pairs, len(pairs))
        with_self = [*shuffled, *((a, a, 1.0) for a in ids[:1])]  # no Agreement has these
        for given in (tuple(pairs), _agreement(pairs, ids), tuple(shuffled), tuple(with_self)):
            assert _partners_of(given) == _partners_before(SimpleNamespace(agreement=given))


# ---- views: the pairs inside each group, and camp_drawings ----------------------------------


def test_pairs_inside_split_the_pairs_by_group_in_their_order() -> None:
    pairs = aggregate.pair_arrays(
        [("a", "b", 1.0), ("c", "d", 2.0), ("a", "c", 3.0), ("b", "a", 4.0), ("d", "x", 5.0)]
    )
    inside = views._pairs_inside(pairs, {"a": 0, "b": 0, "c": 2, "d": 2}, 4)
    assert [list(part) for part in inside] == [
        [("a", "b", 1.0), ("b", "a", 4.0)],
        [],
        [("c", "d", 2.0)],
        [],
    ]
    assert views._pairs_inside(aggregate.pair_arrays([]), {}, 2)[1].first.tolist() == []


@pytest.mark.parametrize("seed", range(12))
def test_camp_drawings_match_the_loops_they_replaced(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", rng.choice([2, 3, 4]))
    amap = _random_map(rng, rng.randint(6, 18))
    analysis = analyse(amap)
    ids = [a.id for a in amap.actors] + ["ghost"]  # a pair may name an actor of no group
    drawn = views.camp_drawings(amap, analysis)
    assert drawn == _camp_drawings_before(amap, analysis)
    assert drawn.parts  # every group opens a drawing
    pairs = _random_pairs(rng, ids)
    for agreement in (_agreement(pairs, ids), tuple(pairs)):
        other = replace(analysis, agreement=agreement)
        assert views.camp_drawings(amap, other) == _camp_drawings_before(amap, other)


def test_camp_drawings_cut_a_big_camp_in_parts_with_each_parts_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 2)
    people = ["a1", "a2", "a3", "a4", "a5"]
    amap = ArgumentMap(
        title="One camp",
        sources=(Source("s", "S", "P", "2024"),),
        actors=tuple(Actor(a, a, ActorKind.PERSON) for a in people),
        claims=(Claim("p", "P", ClaimKind.PROPOSAL),),
        stances=tuple(Stance(f"{a}/p", a, "p", SUP, "s", quote="q") for a in people),
    )
    analysis = analyse(amap)
    pairs = (
        ("a1", "a2", 2.0),
        ("a1", "a3", -1.0),
        ("a2", "a3", 0.5),
        ("a3", "a4", 1.0),
        ("a4", "a5", 3.0),
    )
    analysis = replace(analysis, agreement=_agreement(pairs))
    view = views.camp_drawings(amap, analysis)
    camp = next(p for p in view.parts if p.key == "camps/0")
    facts = {u.id: dict(u.facts) for u in camp.units}
    # Parts (a1 a2) (a3 a4) (a5): inside the first +2 over 1, the second +1 over 1.
    assert facts["@part0.0"]["Agreement inside"] == "+2 over 1 pairs"
    assert facts["@part0.1"]["Agreement inside"] == "+1 over 1 pairs"
    assert facts["@part0.2"]["Agreement inside"] == "+0 over 0 pairs"
    lines = {(e.origin, e.target): e.label for e in camp.edges}
    assert lines == {("@part0.0", "@part0.1"): "-0.50", ("@part0.1", "@part0.2"): "+3"}
    first = next(p for p in view.parts if p.key == "camps/0/0")
    assert [(e.origin, e.target, e.label) for e in first.edges] == [("a1", "a2", "+2")]
    assert view == _camp_drawings_before(amap, analysis)


# ---- pipeline: what the build keeps after the page ---------------------------------------


def test_after_the_page_only_the_frustrated_pairs_are_kept_with_their_weights() -> None:
    from argmap import pipeline

    analysis = analyse(_random_map(random.Random(1), 6))
    pairs = _agreement([("a", "b", 2.0), ("a", "c", -1.0), ("b", "c", 0.5), ("c", "d", -3.0)])
    slim = pipeline._after_page(
        replace(analysis, agreement=pairs, frustration=(("c", "d"), ("a", "b"), ("b", "a")))
    )
    assert isinstance(slim.agreement, Agreement)
    assert list(slim.agreement) == [("a", "b", 2.0), ("c", "d", -3.0)]
    assert slim.agreement.actors == pairs.actors and slim.agreement.values == pairs.values
    plain = replace(analysis, agreement=(("a", "b", 1.0),))
    assert pipeline._after_page(plain) is plain  # pairs not in arrays: left as they are


def test_a_build_leaves_the_collector_as_it_found_it(tmp_path: Any) -> None:
    import gc
    from pathlib import Path

    from argmap import pipeline

    curated = Path(__file__).resolve().parent.parent / "arguments.yaml"
    assert gc.get_freeze_count() == 0
    built = pipeline.build(curated, tmp_path / "out")
    assert [p.name for p in built.files] == list(pipeline.OUTPUT_FILES)
    assert gc.get_freeze_count() == 0  # frozen for the renders only
    gc.freeze()  # someone else's frozen objects stay frozen, and as many
    try:
        files, _ = pipeline.render_all(curated)
        assert gc.get_freeze_count() > 0  # not thawed (freed ones leave the count)
        assert files["index.html"] == (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    finally:
        gc.unfreeze()
