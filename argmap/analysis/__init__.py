"""Analysis of an argument map: positions, coalitions, contested claims, acceptance.

Each question is one small function in a module of its own (positions, camps, contested,
acceptance) that takes a graph from `argmap.analysis.graph` first, returns plain data and
never changes its input; `analyse` runs them all on a map. The methods and their
parameters are documented in docs/analysis.md.

`Analysis` is a contract: the renderers and exporters read it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from argmap.analysis.acceptance import (
    bipolar_labelling,
    derived_attacks,
    grounded_labelling,
    readings,
    undercuts,
)
from argmap.analysis.camps import (
    NORMALISATIONS,
    agreement,
    balance,
    camps,
    frustrated_edges,
    network,
)
from argmap.analysis.contested import Contested, centrality, contested, controversy, incoherent
from argmap.analysis.graph import ArgumentEdges
from argmap.analysis.positions import (
    DISCOUNT,
    MAX_HOPS,
    Contribution,
    PositionScore,
    lean,
    positions,
    proposal_paths,
    split_positions,
)
from argmap.analysis.sides import (
    Camp,
    Sides,
    central_question,
    name_camps,
    sides,
    stances_sides,
)
from argmap.model import ArgumentMap, ClaimKind, Position

__all__ = [
    "DISCOUNT",
    "MAX_HOPS",
    "NORMALISATIONS",
    "Analysis",
    "Camp",
    "Contested",
    "Contribution",
    "PositionScore",
    "Sides",
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
    # actor -> proposal -> score: STATED positions only (docs/analysis.md), the pairs where
    # the actor's own source links the actor to the proposal
    positions: Mapping[str, Mapping[str, PositionScore]]
    # signed actor agreement edges (a, b, weight) with a < b and weight != 0
    agreement: Sequence[tuple[str, str, float]]  # an `Agreement` from `analyse`
    # every actor in exactly one camp: the numbered camps in `camp_info`'s order, then
    # each unaligned actor alone
    camps: tuple[tuple[str, ...], ...]
    frustration: tuple[tuple[str, str], ...]  # agreement edges that break balance
    contested: tuple[Contested, ...]  # most contested first
    centrality: Mapping[str, float]  # claim -> centrality in the argument graph
    acceptance: Mapping[str, str]  # claim -> "in" | "out" | "undecided" (grounded)
    bipolar_acceptance: Mapping[str, str]  # same, with derived attacks from supports
    incoherent: tuple[tuple[str, str, str], ...]  # (actor, claim, claim it attacks)
    # Added after the contract; defaults keep hand-built Analysis objects valid.
    derived_attacks: tuple[tuple[str, str], ...] = ()  # bipolar attacks not in the map
    normalisation: str = "none"  # how `agreement` was normalised
    # the pairs with no stated position: reached only through other sources' relations
    inferred_positions: Mapping[str, Mapping[str, PositionScore]] = field(default_factory=dict)
    question: str | None = None  # the central proposal
    sides: Mapping[str, Sides] = field(default_factory=dict)  # proposal -> stated sides
    # proposal -> stance id -> what the stance means for it (+1, -1, 0)
    stance_sides: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    camp_info: tuple[Camp, ...] = ()  # numbered and named
    unaligned: tuple[str, ...] = ()  # actors with no camp: no position, no agreement
    # claim -> the claims that make it out (accepted attackers) or undecided
    acceptance_reasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    bipolar_reasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    strength: Mapping[str, float] = field(default_factory=dict)  # DF-QuAD, in [0, 1]
    # relations whose inference an accepted claim undercuts
    disabled_relations: tuple[str, ...] = ()

    def camp_of(self) -> dict[str, int]:
        """Actor -> camp number (1, 2, ...); unaligned actors are absent."""
        return {actor: camp.number for camp in self.camp_info for actor in camp.members}


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
    >>> result.camps, result.agreement, result.acceptance, result.sides["p"].summary()
    ((('ann',), ('bob',)), (('ann', 'bob', -1.0),), {'p': 'in'}, '1 for, 1 against')
    """
    from argmap.load.gcpause import paused_gc

    # The analysis makes a few small objects per claim, stance and relation, and the
    # loaded map is already large: with the collector on, its young collections and the
    # full ones they trigger walk that heap again and again (a third of the analysis of
    # a 20,000-statement debate). Nothing here needs a cycle freed before it returns.
    with paused_gc():
        return _analyse(amap, normalisation)


def _analyse(amap: ArgumentMap, normalisation: str) -> Analysis:
    from argmap.analysis.graph import map_argument_edges, map_stance_edges

    # The argument graph's claims and adjacency, all the analyses read of it, without the
    # graph (or networkx's import).
    arguments = map_argument_edges(amap)
    # The stance graph's actors and edges, all the analyses read of it, without the graph.
    stances = map_stance_edges(amap)
    paths = proposal_paths(arguments)
    stated, inferred = split_positions(positions(arguments, stances, paths=paths))
    # The agreement network is quadratic in a claim's actors (millions of pairs on a big
    # map): kept as flat arrays, never as a networkx graph (argmap.analysis.camps).
    pairs = network(stances, normalisation=normalisation)
    partition, frustration = balance(pairs, lean=lean(stated))
    ranks = centrality(arguments)
    question = central_question(arguments, ranks)
    linked = pairs.linked()
    unaligned = tuple(
        sorted(
            camp[0]
            for camp in partition
            if len(camp) == 1 and camp[0] not in linked and camp[0] not in stated
        )
    )
    named = name_camps(partition, stated, question, unaligned)
    # Which claims stand is a conclusion a reader may quote: the curator's own inferred
    # links take no part in it (they still draw inferred positions, marked as such).
    sourced = _without_inferred(arguments)
    cuts = undercuts(amap, include_inferred=False)
    # One pass over the relations for every reading: each took its own, several times.
    read = readings(sourced, cuts)
    proposals = [c.id for c in amap.claims if c.kind is ClaimKind.PROPOSAL]
    neutral = [(s.actor, s.claim) for s in amap.stances if s.position is Position.NEUTRAL]
    return Analysis(
        positions=stated,
        agreement=pairs.sorted_edges(),
        camps=(*(c.members for c in named), *((a,) for a in unaligned)),
        frustration=frustration,
        contested=contested(stances),
        centrality=ranks,
        acceptance=read.grounded,
        bipolar_acceptance=read.bipolar,
        incoherent=incoherent(arguments, stances),
        derived_attacks=read.derived,
        normalisation=normalisation,
        inferred_positions=inferred,
        question=question,
        sides=sides(stated, proposals, neutral),
        stance_sides=stances_sides(paths, stances, proposals),
        camp_info=named,
        unaligned=unaligned,
        acceptance_reasons=read.grounded_reasons,
        bipolar_reasons=read.bipolar_reasons,
        strength=read.strength,
        disabled_relations=tuple(sorted(read.disabled)),
    )


def _without_inferred(arguments: ArgumentEdges) -> ArgumentEdges:
    """The argument graph less the relations the curator marked inferred.

    The one given when none is (most maps): nothing downstream changes it, and a copy of
    a big graph is not free. Otherwise the graph's `copy` less those edges: every claim
    kept, each claim's other targets in their order.
    """
    adjacency = arguments.targets
    if not any(
        data.get("inferred", False) for targets in adjacency.values() for data in targets.values()
    ):
        return arguments
    return ArgumentEdges(
        arguments.kinds,
        {
            origin: {
                target: data for target, data in targets.items() if not data.get("inferred", False)
            }
            for origin, targets in adjacency.items()
        },
    )
