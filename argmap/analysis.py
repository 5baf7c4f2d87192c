"""Analysis of an argument map: positions, coalitions, contested claims, acceptance.

CONTRACT (other modules rely on these names and types; the functions are being written).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Analysis", "Contested", "Contribution", "PositionScore"]


@dataclass(frozen=True)
class Contribution:
    """One stance's effect on one proposal, through one path of relations."""

    stance: str  # stance id
    claim: str  # the claim the stance is on
    path: tuple[str, ...]  # claim ids from `claim` to the proposal, both included
    sign: int  # +1 pulls towards supporting the proposal, -1 towards opposing
    weight: float  # the contribution's size after the path-length discount


@dataclass(frozen=True)
class PositionScore:
    score: float  # in [-1, 1]
    mixed: bool  # the actor has contributions on both sides
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class Contested:
    claim: str
    score: float
    supporters: tuple[str, ...]  # actor ids
    opponents: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    # actor -> proposal -> score; only pairs where the actor reaches the proposal
    positions: Mapping[str, Mapping[str, PositionScore]]
    # signed actor agreement edges (a, b, weight) with a < b and weight != 0
    agreement: tuple[tuple[str, str, float], ...]
    camps: tuple[tuple[str, ...], ...]  # every actor in exactly one camp
    frustration: tuple[tuple[str, str], ...]  # agreement edges that break balance
    contested: tuple[Contested, ...]  # most contested first
    centrality: Mapping[str, float]  # claim -> centrality in the argument graph
    acceptance: Mapping[str, str]  # claim -> "in" | "out" | "undecided" (grounded)
    bipolar_acceptance: Mapping[str, str]  # same, with derived attacks from supports
    incoherent: tuple[tuple[str, str, str], ...]  # (actor, claim, claim it attacks)
