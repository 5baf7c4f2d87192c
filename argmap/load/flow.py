"""What the two fast readers share: the refusal that hands a text on, and flow lists.

load/fast.py (line by line) and load/canon.py (entry by entry, in the layout `argmap fmt`
writes) both read lists of ids or words written `[a, b, c]`, and both give up on a text
by raising `Reject`, caught where the reader is called.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["Reject", "flow_items"]

_FLOW_ITEM = re.compile(r" *([^\s#'\"\[\]{},&*!|>%@`?:\-][^,:#\[\]{}]*?)? *\Z")


class Reject(Exception):
    """The text is outside what a fast reader vouches for; use the next reader."""


def flow_items(inner: str, line: int, col: int) -> list[tuple[Any, ...]]:
    """The plain items of `[a, b, c]`; `col` is where the text inside the brackets starts."""
    items: list[tuple[Any, ...]] = []
    if not inner.strip(" "):
        return items
    parts = inner.split(",")
    if not parts[-1].strip(" "):
        parts.pop()  # YAML allows one trailing comma
    for part in parts:
        match = _FLOW_ITEM.match(part)
        if match is None or match[1] is None:
            raise Reject
        items.append((match[1], line, col + match.start(1), True))
        col += len(part) + 1
    return items
