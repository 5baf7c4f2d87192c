"""Pausing the cyclic garbage collector while a map's many small objects are made.

Loading a large map makes about a million small, acyclic objects (the parse's tuples and
dicts, the model's entries). The cyclic collector would walk the growing heap again and
again while they are made, and then once more, in one young collection, at the first
allocation after it is switched back on: 15% of `argmap check` on 20,000 statements.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["frozen_gc", "paused_gc"]

# How many `frozen_gc` blocks are open. Inside one the frozen objects are ours, and
# `paused_gc` need not ask `gc.get_freeze_count()`, which on CPython 3.11 counts them one
# by one: a build freezes millions, and its hundred layouts each paused the collector, so
# asking cost 4 s of a 20 s build.
_holding = 0


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the collector off, and leave what it made in the oldest generation.

    `gc.freeze()` then `gc.unfreeze()` moves every tracked object to the oldest generation
    without scanning it, as if it had survived the young collections: only a full
    collection looks at it, and that one still frees any cycle among it. Skipped when
    something else has frozen objects (a forking server, say), so as not to thaw them.
    The collector is left on or off as it was.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not _holding and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if collecting:
            gc.enable()


@contextmanager
def frozen_gc() -> Iterator[None]:
    """Run the block with every object tracked now frozen out of the collector
    (`gc.freeze`), so the collections inside walk only what the block makes, not a map's
    millions of objects; thawed after. Skipped when something else has frozen objects, so
    as not to thaw them, and inside another `frozen_gc` block."""
    global _holding
    if _holding or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    _holding += 1
    try:
        yield
    finally:
        _holding -= 1
        gc.unfreeze()
