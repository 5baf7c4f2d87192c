"""Analysis of an argument map: positions, coalitions, contested claims, acceptance.

Each question is one small function in a module of its own (positions, camps, contested,
acceptance) that takes a graph from `argmap.analysis.graph` first, returns plain data and
never changes its input; `analyse` runs them all on a map. The methods and their
parameters are documented in docs/analysis.md.

`Analysis` is a contract: the renderers and exporters read it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from argmap.analysis.acceptance import bipolar_labelling, derived_attacks, grounded_labelling
from argmap.analysis.camps import NORMALISATIONS, agreement, camps, frustrated_edges
from argmap.analysis.contested import Contested, centrality, contested, controversy, incoherent
from argmap.analysis.positions import (
    DISCOUNT,
    MAX_HOPS,
    Contribution,
    PositionScore,
    lean,
    positions,
    proposal_paths,
)
from argmap.model import ArgumentMap

__all__ = [
    "DISCOUNT",
    "MAX_HOPS",
    "NORMALISATIONS",
    "Analysis",
    "Contested",
    "Contribution",
    "PositionScore",
    "agreement",
    "analyse",
    "bipolar_labelling",
    "camps",
    "centrality",
    "contested",
    "controversy",
    "derived_attacks",
    "frustrated_edges",
    "grounded_labelling",
    "incoherent",
    "lean",
    "positions",
    "proposal_paths",
]


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
    # Added after the contract; defaults keep hand-built Analysis objects valid.
    derived_attacks: tuple[tuple[str, str], ...] = ()  # bipolar attacks not in the map
    normalisation: str = "none"  # how `agreement` was normalised


def analyse(amap: ArgumentMap, *, normalisation: str = "none") -> Analysis:
    """Run every analysis on a valid map; `normalisation` is one of `NORMALISATIONS`.

    >>> from argmap.model import Actor, ActorKind, ArgumentMap, Claim, ClaimKind, Position, Stance
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     actors=(Actor("ann", "Ann", ActorKind.PERSON), Actor("bob", "Bob", ActorKind.PERSON)),
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL),),
    ...     stances=(
    ...         Stance("ann/p", "ann", "p", Position.SUPPORTS, "s"),
    ...         Stance("bob/p", "bob", "p", Position.OPPOSES, "s"),
    ...     ),
    ... )
    >>> result = analyse(amap)
    >>> result.camps, result.agreement, result.acceptance
    ((('ann',), ('bob',)), (('ann', 'bob', -1.0),), {'p': 'in'})
    """
    from argmap.analysis.graph import argument_graph, stance_graph

    arguments = argument_graph(amap)
    stances = stance_graph(amap)
    scores = positions(arguments, stances)
    network = agreement(stances, normalisation=normalisation)
    partition = camps(network, lean=lean(scores))
    return Analysis(
        positions=scores,
        agreement=tuple(
            sorted((min(a, b), max(a, b), w) for a, b, w in network.edges(data="weight"))
        ),
        camps=partition,
        frustration=frustrated_edges(network, partition),
        contested=contested(stances),
        centrality=centrality(arguments),
        acceptance=grounded_labelling(arguments),
        bipolar_acceptance=bipolar_labelling(arguments),
        incoherent=incoherent(arguments, stances),
        derived_attacks=derived_attacks(arguments),
        normalisation=normalisation,
    )
