"""Pausing the garbage collector while a map is made: state kept, cycles still freed."""

from __future__ import annotations

import gc
import weakref
from typing import Any

from argmap.load.gcpause import frozen_gc, paused_gc


class _Node:
    other: object = None


def _in_oldest(thing: object) -> bool:
    # Not `gc.get_count()`: the young collection at the first allocation after the block
    # would leave that count small too, having walked everything the block made.
    return any(o is thing for o in gc.get_objects(generation=2))


def test_the_collector_is_left_on_or_off_as_it_was() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_the_block_made_waits_for_no_young_collection() -> None:
    with paused_gc():
        made = [[i] for i in range(20_000)]
    assert _in_oldest(made)  # moved there without a young collection walking it
    assert len(made) == 20_000


def test_a_cycle_made_in_the_block_is_still_freed_by_a_full_collection() -> None:
    with paused_gc():
        node = _Node()
        node.other = node
        ref = weakref.ref(node)
        del node
    assert ref() is not None
    gc.collect()
    assert ref() is None


def test_objects_frozen_by_someone_else_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with paused_gc():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_the_collector_comes_back_on_after_an_exception() -> None:
    try:
        with paused_gc():
            raise ValueError("in the block")
    except ValueError:
        pass
    assert gc.isenabled()


def test_inside_a_frozen_block_pausing_never_counts_the_frozen_objects(monkeypatch: Any) -> None:
    # CPython 3.11 counts frozen objects one by one: a build's layouts, each pausing the
    # collector inside the renders' frozen block, must not ask.
    with frozen_gc():
        frozen = gc.get_freeze_count()
        assert frozen > 0

        def counted() -> int:
            raise AssertionError("gc.get_freeze_count() called inside frozen_gc")

        monkeypatch.setattr(gc, "get_freeze_count", counted)
        with paused_gc():
            made = [[i] for i in range(100)]
        with frozen_gc():  # nested: a no-op, thaws nothing
            pass
        monkeypatch.undo()
        assert gc.get_freeze_count() == frozen  # the pause froze nothing more, thawed nothing
        assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert len(made) == 100


def test_a_frozen_block_thaws_after_an_exception_and_leaves_others_frozen() -> None:
    try:
        with frozen_gc():
            raise ValueError("in the block")
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0
    with paused_gc():  # the block is over: pausing moves what it made to the oldest again
        made = [[i] for i in range(20_000)]
    assert _in_oldest(made)
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        with frozen_gc():
            assert gc.get_freeze_count() == mine
        assert gc.get_freeze_count() == mine  # someone else's: not thawed
    finally:
        gc.unfreeze()
