"""Graph reachability, written once: what `step` leads to from some start nodes.

The analysis (which claims an attack's origin can reach), the layout (a connected block)
and any later view walk graphs that are plain mappings, not networkx graphs, so this
takes the step as a function rather than a graph type.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

__all__ = ["reach"]

N = TypeVar("N", bound=Hashable)


def reach(starts: Iterable[N], step: Callable[[N], Iterable[N]]) -> set[N]:
    """Every node reachable from `starts` (included) by repeating `step`.

    An explicit stack, so a chain of any length stays within Python's recursion limit.

    >>> links = {"a": ["b"], "b": ["c", "a"], "d": ["a"]}
    >>> sorted(reach(["a"], lambda n: links.get(n, ())))
    ['a', 'b', 'c']
    >>> sorted(reach(["d", "c"], lambda n: links.get(n, ())))
    ['a', 'b', 'c', 'd']
    """
    seen = set(starts)
    stack = list(seen)
    while stack:
        for nxt in step(stack.pop()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen
