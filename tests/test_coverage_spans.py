"""`argmap.coverage.cited_flags`: which passages a quote's span overlaps, in one sweep."""

from __future__ import annotations

import random

from argmap.coverage import Passage, cited_flags


def passages(*ranges: tuple[int, int]) -> list[Passage]:
    return [Passage(f"p{n}", 1, start, end) for n, (start, end) in enumerate(ranges)]


def test_overlap_is_strict_at_both_ends() -> None:
    p = passages((10, 20))
    assert cited_flags(p, []) == [False]
    assert cited_flags(p, [(5, 10)]) == [False]  # ends where the passage starts
    assert cited_flags(p, [(20, 25)]) == [False]  # starts where the passage ends
    assert cited_flags(p, [(5, 11)]) == [True]
    assert cited_flags(p, [(19, 25)]) == [True]
    assert cited_flags(p, [(12, 14)]) == [True]  # inside
    assert cited_flags(p, [(0, 30)]) == [True]  # around


def test_a_long_span_early_reaches_past_shorter_ones() -> None:
    # Sorted by start, the furthest end so far counts, not the last span's end.
    p = passages((0, 2), (40, 50), (60, 70), (80, 90))
    assert cited_flags(p, [(35, 36), (30, 65), (32, 33)]) == [False, True, True, False]
    assert cited_flags(p, [(85, 86), (1, 3)]) == [True, False, False, True]


def test_the_same_as_comparing_every_pair() -> None:
    rng = random.Random(18)
    for _ in range(300):
        starts = sorted(rng.sample(range(200), 8))
        ranges = [(s, s + rng.randrange(1, 6)) for s in starts]
        spans = [(a, a + rng.randrange(0, 30)) for a in (rng.randrange(220) for _ in range(5))]
        p = passages(*ranges)
        naive = [any(a < x.end and b > x.start for a, b in spans) for x in p]
        assert cited_flags(p, spans) == naive
