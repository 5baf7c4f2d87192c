"""Pieces of the drawings as they were before issue 18's sixth pass, in plain Python: the
references the array versions must equal exactly (tests/test_views_sixth.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from tests.reference_force import repulsion

__all__ = ["agreement_weights", "repulsion"]


def agreement_weights(
    pairs: Iterable[tuple[str, str, float]], known: Collection[str]
) -> list[tuple[str, str, float]]:
    """`views.camps_view`'s weights as it made them at 44e3dff."""
    return sorted(
        (min(a, b), max(a, b), w)
        for a, b, w in pairs
        if a in known and b in known and a != b and w != 0
    )
