"""`argmap diff`'s camp matching: only camps that share an actor are compared, with the
result the all-pairs matching gave."""

from __future__ import annotations

import random

import pytest

from argmap.diff import CampMove, _camp_moves, _overlaps


def _all_pairs_moves(
    old: tuple[tuple[str, ...], ...], new: tuple[tuple[str, ...], ...]
) -> tuple[CampMove, ...]:
    # The matching before camps that share no actor were skipped: every pair of camps.
    overlaps = sorted(
        ((len(set(o) & set(n)), -i, -j) for i, o in enumerate(old) for j, n in enumerate(new)),
        reverse=True,
    )
    match: dict[int, int] = {}
    for size, i, j in overlaps:
        if size and -j not in match and -i not in match.values():
            match[-j] = -i
    old_camp = {actor: i for i, camp in enumerate(old) for actor in camp}
    moved = [
        CampMove(actor, old[old_camp[actor]], camp)
        for j, camp in enumerate(new)
        for actor in camp
        if actor in old_camp and match.get(j) != old_camp[actor]
    ]
    return tuple(sorted(moved, key=lambda m: m.actor))


def test_overlaps_lists_only_camps_sharing_actors() -> None:
    old = (("a", "b", "c"), ("d",), ("e",))
    new = (("a", "b"), ("c", "d"), ("f",))
    assert _overlaps(old, new) == [(2, 0, 0), (1, 0, -1), (1, -1, -1)]


def test_camp_moves_exact() -> None:
    old = (("a", "b", "c"), ("d",), ("e",))
    new = (("a", "b"), ("c", "d"), ("e",), ("f",))
    # new 0 takes old 0 (two shared); new 1 shares one with old 0 (taken) and one with
    # old 1, so it takes old 1: c has moved, d has not; e stays; f is new.
    assert _camp_moves(old, new) == (CampMove("c", ("a", "b", "c"), ("c", "d")),)


def test_camp_moves_tie_goes_to_the_first_old_camp() -> None:
    old = (("a",), ("b",))
    new = (("a", "b"),)
    assert _camp_moves(old, new) == (CampMove("b", ("b",), ("a", "b")),)


@pytest.mark.parametrize("seed", range(200))
def test_camp_moves_equal_the_all_pairs_matching(seed: int) -> None:
    rng = random.Random(seed)
    actors = [f"a{i}" for i in range(rng.randint(0, 15))]

    def camps() -> tuple[tuple[str, ...], ...]:
        chosen = [a for a in actors if rng.random() < 0.8]
        rng.shuffle(chosen)
        out, start = [], 0
        while start < len(chosen):
            size = rng.randint(1, 4)
            out.append(tuple(chosen[start : start + size]))
            start += size
        return tuple(out)

    old, new = camps(), camps()
    assert _camp_moves(old, new) == _all_pairs_moves(old, new)
