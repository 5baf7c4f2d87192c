"""`Agreement` (the analysis' agreement pairs in flat arrays), the JSON text written from
it, the network's 32-bit keys and the export's document: exact values on small literal
inputs (issue 18, fourth pass)."""

from __future__ import annotations

import importlib
import json

import networkx as nx
import numpy as np
import pytest

from argmap.analysis.camps import Agreement, Network, network
from argmap.export.json import _pairs_json

# The module, not the function `argmap.analysis.camps` that its package exports.
camps = importlib.import_module("argmap.analysis.camps")

PAIRS = (("ann", "bob", 2.0), ("ann", "cy", -1.0), ("bob", "cy", 0.3333333333333333))


def _agreement() -> Agreement:
    # Actors in id order; weights by their position among the distinct ones, ascending.
    return Agreement(
        ("ann", "bob", "cy"),
        np.array([0, 0, 1]),
        np.array([1, 2, 2]),
        np.array([2, 0, 1]),
        (-1.0, 0.3333333333333333, 2.0),
    )


def test_agreement_reads_as_the_tuple_of_its_pairs() -> None:
    pairs = _agreement()
    assert len(pairs) == 3
    assert list(pairs) == list(PAIRS)
    assert pairs[0] == ("ann", "bob", 2.0)
    assert pairs[2] == ("bob", "cy", 0.3333333333333333)
    assert pairs[-1] == ("bob", "cy", 0.3333333333333333)
    assert pairs[-3] == ("ann", "bob", 2.0)
    assert pairs[1:] == PAIRS[1:]
    assert pairs[::2] == (PAIRS[0], PAIRS[2])
    assert pairs[::-1] == PAIRS[::-1]
    assert pairs[5:] == ()
    assert repr(pairs) == repr(PAIRS)
    assert bool(pairs) and not Agreement((), np.zeros(0), np.zeros(0), np.zeros(0), ())


@pytest.mark.parametrize("index", [3, -4, 10])
def test_agreement_index_out_of_range(index: int) -> None:
    with pytest.raises(IndexError, match=r"^agreement pair index out of range$"):
        _agreement()[index]


def test_agreement_equals_a_tuple_either_way_round_and_nothing_else() -> None:
    pairs = _agreement()
    assert pairs == PAIRS
    assert PAIRS == pairs  # noqa: SIM300  (tuple.__eq__ first, then ours reflected)
    assert pairs == _agreement()
    assert pairs != PAIRS[:2]
    assert pairs != (*PAIRS[:2], ("bob", "cy", 0.5))
    assert pairs != list(PAIRS)
    assert (pairs == "pairs") is False
    with pytest.raises(TypeError):
        hash(pairs)


def test_agreement_shares_the_actor_and_weight_objects() -> None:
    first, second = list(_agreement()), list(_agreement())
    assert first[0][0] is first[1][0]
    assert first[0][2] is second[0][2]
    assert type(first[0][2]) is float


def test_agreement_reads_in_chunks_across_their_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camps, "_CHUNK", 2)
    pairs = _agreement()
    assert tuple(pairs) == PAIRS
    assert list(pairs.columns()) == [([0, 0], [1, 2], [2, 0]), ([1], [2], [1])]
    assert pairs.actors == ("ann", "bob", "cy")
    assert pairs.values == (-1.0, 0.3333333333333333, 2.0)


def test_pairs_json_from_the_columns_is_what_json_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camps, "_CHUNK", 2)
    expected = (
        '[{"actors":["ann","bob"],"weight":2.0},'
        '{"actors":["ann","cy"],"weight":-1.0},'
        '{"actors":["bob","cy"],"weight":0.3333}]'
    )
    assert _pairs_json(_agreement()) == expected
    assert _pairs_json(PAIRS) == expected  # any other sequence of pairs: the same text
    plain = [{"actors": [a, b], "weight": round(w, 4)} for a, b, w in PAIRS]
    assert json.dumps(plain, sort_keys=True, separators=(",", ":")) == expected
    assert _pairs_json(Agreement((), np.zeros(0), np.zeros(0), np.zeros(0), ())) == "[]"


def test_pairs_json_escapes_names_as_json_does() -> None:
    pairs = Agreement(('a"q', "é\n"), np.array([0]), np.array([1]), np.array([0]), (-0.0,))
    assert _pairs_json(pairs) == '[{"actors":["a\\"q","é\\n"],"weight":0.0}]'


def _stances(triples: list[tuple[str, str, int]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for actor, claim, sign in triples:
        graph.add_edge(actor, claim, sign=sign)
    return graph


def test_network_exact_with_a_self_conflict_and_conflict_only_pairs() -> None:
    # ann takes both sides of x (no pair with herself); bob and cy agree on x and y;
    # dee only opposes x.
    net = network(
        _stances(
            [
                ("ann", "x", 1),
                ("ann", "x", -1),
                ("bob", "x", 1),
                ("cy", "x", 1),
                ("bob", "y", 1),
                ("cy", "y", 1),
                ("dee", "x", -1),
            ]
        )
    )
    # By hand, n = 4: ann's pairs with bob, cy (congruent on x+, in conflict on x) and
    # dee (congruent on x-, in conflict on x) weigh 0 and are dropped; bob-cy (key 1*4+2)
    # agree twice; bob-dee (7) and cy-dee (11) are in conflict only, so come after.
    assert net.actors == ("ann", "bob", "cy", "dee")
    assert net.keys.dtype == np.int64
    assert net.keys.tolist() == [6, 7, 11]
    assert net.congruence.tolist() == [2, 0, 0]
    assert net.conflict.tolist() == [0, 1, 1]
    assert net.weights.tolist() == [2.0, -1.0, -1.0]
    assert net.sorted_edges() == (
        ("bob", "cy", 2.0),
        ("bob", "dee", -1.0),
        ("cy", "dee", -1.0),
    )


def test_to_json_data_is_plain_json_data() -> None:
    from argmap.analysis import analyse
    from argmap.export.json import dumps, to_json_data
    from argmap.model import Actor, ActorKind, ArgumentMap, Claim, ClaimKind, Position, Stance

    amap = ArgumentMap(
        title="t",
        actors=(Actor("ann", "Ann", ActorKind.PERSON, affiliations=("greens",)),),
        claims=(Claim("p", "P", ClaimKind.PROPOSAL, tags=("x",)),),
        stances=(Stance("ann/p", "ann", "p", Position.SUPPORTS, "s"),),
    )
    analysis = analyse(amap)
    data = to_json_data(amap, analysis)
    assert data["actors"][0]["affiliations"] == ["greens"]
    assert type(data["actors"][0]["kind"]) is str
    assert type(data["claims"][0]["tags"]) is list
    assert type(data["stances"][0]["position"]) is str
    assert data["stances"][0]["position"] == "supports"
    assert data["analysis"]["sides"]["p"] == {
        "for": ["ann"],
        "against": [],
        "mixed": [],
        "neutral": [],
    }
    assert json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n" == (
        dumps(amap, analysis)
    )


def test_sorted_edges_number_the_weights_as_unique_with_inverse_does() -> None:
    # Pairs out of key order, weights repeated, negative, fractional and one alone: each
    # pair's weight index is its place among the distinct weights, ascending.
    actors = ("a", "b", "c", "d")
    keys = np.array([1 * 4 + 3, 0 * 4 + 1, 2 * 4 + 3, 0 * 4 + 2, 0 * 4 + 3, 1 * 4 + 2])
    weights = np.array([2.0, -1.0, 0.5, 2.0, -1.0, 7.25])
    net = Network(actors, keys, weights, np.zeros(6, np.int64), np.zeros(6, np.int64))
    pairs = net.sorted_edges()
    assert pairs.values == (-1.0, 0.5, 2.0, 7.25)
    assert tuple(pairs) == (
        ("a", "b", -1.0),
        ("a", "c", 2.0),
        ("a", "d", -1.0),
        ("b", "c", 7.25),
        ("b", "d", 2.0),
        ("c", "d", 0.5),
    )
    first, second, weight = pairs.arrays()
    order = np.argsort(keys, kind="stable")
    _, inverse = np.unique(weights[order], return_inverse=True)
    assert weight.tolist() == inverse.tolist() == [0, 2, 0, 3, 2, 1]
    assert first.tolist() == [0, 0, 0, 1, 1, 2] and second.tolist() == [1, 2, 3, 2, 3, 3]


def test_sorted_edges_number_the_weights_as_before_on_random_networks() -> None:
    rng = np.random.default_rng(18)
    for _ in range(50):
        n = int(rng.integers(2, 30))
        keys = rng.permutation(n * n)[: int(rng.integers(1, n * n))].astype(np.int64)
        weights = rng.choice(np.array([-3.0, -1.0, -0.5, 0.25, 1.0, 1 / 3, 4.0]), len(keys))
        actors = tuple(f"x{i:02d}" for i in range(n))
        empty = np.zeros(len(keys), np.int64)
        pairs = Network(actors, keys, weights, empty, empty).sorted_edges()
        first, second, weight = pairs.arrays()
        order = np.argsort(keys, kind="stable")
        values, inverse = np.unique(weights[order], return_inverse=True)
        assert pairs.values == tuple(values.tolist())
        assert weight.tolist() == inverse.tolist()
        assert (first * n + second).tolist() == keys[order].tolist()


def test_network_counts_an_actors_claims_in_sorted_order() -> None:
    # a holds x0..x7; b_i shares x(7-i) alone with a. The pairs come in the order first
    # counted: claim by claim in sorted order (a's pairs sorted, not as its set has them),
    # so a-b7 (on x0) first and a-b0 (on x7) last; the claims are numbered the same way.
    n = 9  # a, b0..b7 in id order
    triples = [("a", f"x{k}", 1) for k in (5, 2, 7, 0, 3, 6, 1, 4)]
    triples += [(f"b{i}", f"x{7 - i}", 1) for i in range(8)]
    net = network(_stances(triples))
    assert net.actors == ("a", *(f"b{i}" for i in range(8)))
    assert net.keys.tolist() == [0 * n + (i + 1) for i in reversed(range(8))]
    assert net.signs is not None
    assert net.signs[0] == tuple((k, 1) for k in range(8))
    assert net.signs[1:] == tuple(((7 - i, 1),) for i in range(8))


def _three_actor_map() -> tuple[object, object]:
    from argmap.analysis import analyse
    from argmap.model import Actor, ActorKind, ArgumentMap, Claim, ClaimKind, Position, Stance

    # A claim whose id is "agreement": its acceptance is written before the agreement list,
    # as '"agreement":"in"', which the agreement list must not be spliced into.
    amap = ArgumentMap(
        title="t",
        actors=tuple(Actor(a, a.title(), ActorKind.PERSON) for a in ("ann", "bob", "cy")),
        claims=(Claim("agreement", "P", ClaimKind.PROPOSAL),),
        stances=(
            Stance("ann/p", "ann", "agreement", Position.SUPPORTS, "s"),
            Stance("bob/p", "bob", "agreement", Position.SUPPORTS, "s"),
            Stance("cy/p", "cy", "agreement", Position.OPPOSES, "s"),
        ),
    )
    return amap, analyse(amap)


def test_dump_parts_keep_the_pairs_in_chunks_between_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from argmap.export.json import dump_parts, to_json_data

    amap, analysis = _three_actor_map()
    monkeypatch.setattr(camps, "_CHUNK", 2)  # three pairs: chunks of two and one
    parts = dump_parts(amap, analysis)  # type: ignore[arg-type]
    pairs = (
        '{"actors":["ann","bob"],"weight":1.0},{"actors":["ann","cy"],"weight":-1.0}',
        '{"actors":["bob","cy"],"weight":-1.0}',
    )
    assert parts[0].endswith(',"agreement":')
    assert '"acceptance":{"agreement":"in"}' in parts[0]
    assert parts[1:6] == ["[", pairs[0], ",", pairs[1], "]"]
    assert parts[6].startswith(',"bipolar_acceptance":')
    assert parts[7:] == ["\n"]
    data = to_json_data(amap, analysis)  # type: ignore[arg-type]
    plain = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert "".join(parts) == plain
    assert data["analysis"]["agreement"] == [
        {"actors": ["ann", "bob"], "weight": 1.0},
        {"actors": ["ann", "cy"], "weight": -1.0},
        {"actors": ["bob", "cy"], "weight": -1.0},
    ]
    assert data["analysis"]["acceptance"] == {"agreement": "in"}
