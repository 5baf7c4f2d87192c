"""The agreement network's sorts without argsort give what numpy's argsort gave.

`_first_counts` packs each 32-bit key with its place and sorts the packed values instead
of `np.unique(..., return_index=True, return_counts=True)`'s stable argsort; `_order_of`
places distinct integers at their values instead of `np.argsort`. Both against the
numpy calls they replace on random arrays, and the whole network against one made with
those calls, array for array, dtype for dtype, in the same order.
"""

from __future__ import annotations

import importlib
import random
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis.camps import (
    NORMALISATIONS,
    _first_counts,
    _order_of,
    _sorted_places,
    network,
)

from .helpers import fuzz_settings

FUZZ = fuzz_settings(300)
# The module, not the `camps` function argmap.analysis exports under its name.
CAMPS = importlib.import_module("argmap.analysis.camps")


def _random_stances(seed: int) -> nx.MultiDiGraph:
    """A small stance graph: each actor on each claim none, +, -, both, or neutral, a
    stance sometimes repeated (tests/test_camps_reference.py draws its maps the same way)."""
    rng = random.Random(seed)
    actors = [f"a{i}" for i in rng.sample(range(20), rng.randint(1, 9))]
    claims = [f"c{i}" for i in range(rng.randint(1, 4))]
    graph = nx.MultiDiGraph()
    for actor in actors:  # file order, not id order
        graph.add_node(actor, bipartite=0)
    for claim in claims:
        graph.add_node(claim, bipartite=1)
    for actor in actors:
        for claim in claims:
            kind = rng.choices(["none", "+", "-", "both", "neutral"], [8, 5, 4, 2, 1])[0]
            signs = {"none": [], "+": [1], "-": [-1], "both": [1, -1], "neutral": [0]}[kind]
            for number, sign in enumerate(signs):
                graph.add_edge(actor, claim, key=f"{actor}/{claim}/{number}", sign=sign)
            if kind == "+" and rng.random() < 0.2:
                graph.add_edge(actor, claim, key=f"{actor}/{claim}/again", sign=1)
    return graph


def _plain_first_counts(
    keys: npt.NDArray[Any],
) -> tuple[npt.NDArray[Any], npt.NDArray[Any], npt.NDArray[Any]]:
    unique, first, counts = np.unique(keys, return_index=True, return_counts=True)
    return unique, first, counts


def _plain_sorted_places(keys: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
    order = np.argsort(keys, kind="stable")
    return keys[order], order


def _plain_order_of(distinct: npt.NDArray[Any], size: int) -> npt.NDArray[Any]:
    return np.argsort(distinct, kind="stable")


def _same(found: tuple[Any, ...], expected: tuple[Any, ...]) -> None:
    assert len(found) == len(expected)
    for a, b in zip(found, expected, strict=True):
        assert a.dtype == b.dtype
        assert a.tolist() == b.tolist()


@FUZZ
@given(st.lists(st.integers(0, 2**31 - 1) | st.integers(0, 40), max_size=200))
def test_first_counts_of_32_bit_keys_are_uniques(values: list[int]) -> None:
    keys = np.array(values, dtype=np.int32)
    _same(_first_counts(keys), _plain_first_counts(keys))


@FUZZ
@given(st.lists(st.integers(0, 2**62) | st.integers(0, 40), max_size=200))
def test_first_counts_of_64_bit_keys_are_uniques(values: list[int]) -> None:
    keys = np.array(values, dtype=np.int64)
    _same(_first_counts(keys), _plain_first_counts(keys))


@FUZZ
@given(
    st.lists(st.integers(-(2**31), 2**31 - 1) | st.integers(-3, 3), max_size=200),
    st.sampled_from((np.int32, np.int64)),
)
def test_sorted_places_are_the_stable_argsort(values: list[int], dtype: Any) -> None:
    keys = np.array(values, dtype=dtype)
    _same(_sorted_places(keys), _plain_sorted_places(keys))


@FUZZ
@given(st.lists(st.integers(-(2**63), 2**63 - 1) | st.integers(2**31 - 2, 2**31 + 1), max_size=50))
def test_sorted_places_beyond_32_bits_are_the_stable_argsort(values: list[int]) -> None:
    keys = np.array(values, dtype=np.int64)
    _same(_sorted_places(keys), _plain_sorted_places(keys))


def test_sorted_places_exact_values_at_the_32_bit_edges() -> None:
    low, high = -(2**31), 2**31 - 1
    keys, order = _sorted_places(np.array([high, low, 0, high, low], dtype=np.int64))
    assert keys.tolist() == [low, low, 0, high, high]
    assert order.tolist() == [1, 4, 2, 0, 3]
    assert keys.dtype == np.int64
    keys, order = _sorted_places(np.array([2**31, 1, 2**31], dtype=np.int64))
    assert (keys.tolist(), order.tolist()) == ([1, 2**31, 2**31], [1, 0, 2])
    # Below the 32 bits alone: packed, it would sort by its low bits.
    keys, order = _sorted_places(np.array([5, -(2**40), 3, -(2**40) + 1], dtype=np.int64))
    assert (keys.tolist(), order.tolist()) == ([-(2**40), -(2**40) + 1, 3, 5], [1, 3, 2, 0])
    keys, order = _sorted_places(np.array([0, low - 1, low, low - 1], dtype=np.int64))
    assert (keys.tolist(), order.tolist()) == ([low - 1, low - 1, low, 0], [1, 3, 2, 0])


def test_first_counts_exact_values_with_the_largest_32_bit_key() -> None:
    top = 2**31 - 1
    unique, first, counts = _first_counts(np.array([top, 0, top, 7, 0, top], dtype=np.int32))
    assert (unique.tolist(), first.tolist(), counts.tolist()) == ([0, 7, top], [1, 3, 0], [2, 1, 3])
    assert unique.dtype == np.int32


def test_first_counts_of_no_keys() -> None:
    _same(_first_counts(np.zeros(0, dtype=np.int32)), _plain_first_counts(np.zeros(0, np.int32)))


@FUZZ
@given(st.sets(st.integers(0, 500), max_size=100), st.randoms(use_true_random=False))
def test_order_of_distinct_places_is_their_argsort(values: set[int], rng: Any) -> None:
    shuffled = list(values)
    rng.shuffle(shuffled)
    distinct = np.array(shuffled, dtype=np.int64)
    size = max(values, default=-1) + 1 + rng.randint(0, 3)
    _same((_order_of(distinct, size),), (_plain_order_of(distinct, size),))


def test_order_of_exact_values() -> None:
    assert _order_of(np.array([4, 9, 0, 2]), 10).tolist() == [2, 3, 0, 1]
    assert _order_of(np.array([], dtype=np.int64), 0).tolist() == []


@pytest.mark.parametrize("normalisation", NORMALISATIONS)
def test_network_is_the_one_numpy_sorts_make(
    normalisation: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    graphs = [_random_stances(seed) for seed in range(150)]
    quick = [network(g, normalisation=normalisation) for g in graphs]
    assert any(len(net.keys) > 1 for net in quick)
    quick_sorted = [net.sorted_edges() for net in quick]
    monkeypatch.setattr(CAMPS, "_first_counts", _plain_first_counts)
    monkeypatch.setattr(CAMPS, "_order_of", _plain_order_of)
    monkeypatch.setattr(CAMPS, "_sorted_places", _plain_sorted_places)
    for fast, fast_sorted, graph in zip(quick, quick_sorted, graphs, strict=True):
        plain = network(graph, normalisation=normalisation)
        assert fast.actors == plain.actors
        assert fast.signs == plain.signs
        _same(
            (fast.keys, fast.weights, fast.congruence, fast.conflict),
            (plain.keys, plain.weights, plain.congruence, plain.conflict),
        )
        assert repr(fast_sorted) == repr(plain.sorted_edges())
        _same(fast_sorted.arrays(), plain.sorted_edges().arrays())
