"""The eighth pass's agreement arrays made with less memory are the same arrays.

`network` lets its intermediate arrays go before it keeps the pairs, and replaces each
kept array in turn; `Network.sorted_edges` and `_sorted_places` work in place on arrays
of their own. What is checked here is that nothing the caller holds is changed by that,
with exact values (tests/test_camps_fast7.py compares the arrays with numpy's own calls).
"""

from __future__ import annotations

import numpy as np
import pytest

from argmap.analysis.camps import _in_counted_order, _sorted_places, network
from argmap.analysis.graph import StanceEdges

# ann and bob agree on x and y, cy opposes them on x, and dee agrees with cy on z.
STANCES = StanceEdges(
    ("ann", "bob", "cy", "dee"),
    [
        ("ann", "x", "ann/x", 1, "s"),
        ("ann", "y", "ann/y", 1, "s"),
        ("bob", "x", "bob/x", 1, "s"),
        ("bob", "y", "bob/y", 1, "s"),
        ("cy", "x", "cy/x", -1, "s"),
        ("cy", "z", "cy/z", 1, "s"),
        ("dee", "z", "dee/z", 1, "s"),
        ("dee", "x", "dee/x", 1, "s"),
    ],
)


def test_sorted_edges_leave_the_network_as_it_was() -> None:
    net = network(STANCES)
    arrays = [a.copy() for a in (net.keys, net.weights, net.congruence, net.conflict)]
    expected = (
        ("ann", "bob", 2.0),
        ("ann", "cy", -1.0),
        ("ann", "dee", 1.0),
        ("bob", "cy", -1.0),
        ("bob", "dee", 1.0),
        ("cy", "dee", 0.0),
    )
    # cy and dee: one congruence (z), one conflict (x), so weight 0 and no pair.
    expected = tuple(pair for pair in expected if pair[2])
    assert tuple(net.sorted_edges()) == expected
    assert tuple(net.sorted_edges()) == expected
    for before, now in zip(
        arrays, (net.keys, net.weights, net.congruence, net.conflict), strict=True
    ):
        assert before.tolist() == now.tolist() and before.dtype == now.dtype
    # in the order first counted: the congruent pairs, then those with conflict only
    assert [(k // 4, k % 4) for k in net.keys.tolist()] == [(0, 1), (0, 3), (1, 3), (0, 2), (1, 2)]
    assert net.congruence.tolist() == [2, 1, 1, 0, 0]
    assert net.conflict.tolist() == [0, 0, 0, 1, 1]


@pytest.mark.parametrize(
    "values",
    [[5, 2, 5, 9], [2**40, 3, 2**40], [], [7]],
)
@pytest.mark.parametrize("dtype", [np.int32, np.int64])
def test_sorted_places_give_arrays_of_their_own(values: list[int], dtype: type) -> None:
    if dtype is np.int32 and any(v >= 2**31 for v in values):
        return
    keys = np.array(values, dtype=dtype)
    kept = keys.copy()
    ordered, places = _sorted_places(keys)
    assert not np.shares_memory(ordered, keys) and not np.shares_memory(places, keys)
    assert ordered.dtype == keys.dtype
    ordered[...] = 0  # a caller may write in them (`sorted_edges` does)
    assert keys.tolist() == kept.tolist()
    assert places.tolist() == np.argsort(kept, kind="stable").tolist()


def test_in_counted_order_exact_values() -> None:
    # congruent keys 4 (first at place 2), 1 (place 0); conflicting 1 and 6 (6 only)
    agreeing = (np.array([1, 4]), np.array([0, 2]), np.array([3, 1]))
    conflicting = (np.array([1, 6]), np.array([5, 1]), np.array([2, 4]))
    keys, c, x = _in_counted_order(agreeing, conflicting)
    assert (keys.tolist(), c.tolist(), x.tolist()) == ([1, 4, 6], [3, 1, 0], [2, 0, 4])
    assert keys.dtype == c.dtype == x.dtype == np.int64
