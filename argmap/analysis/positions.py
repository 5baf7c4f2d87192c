"""Where each actor stands on each proposal, and the stances and paths that say so."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DISCOUNT",
    "MAX_HOPS",
    "Contribution",
    "PositionScore",
    "lean",
    "positions",
    "proposal_paths",
]


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


#: A path longer than this many relations carries too little (DISCOUNT**5 = 1/32) to say
#: where an actor stands, and the number of paths grows exponentially with the length.
MAX_HOPS = 4


#: Each relation on a path halves a stance's weight: a claim two steps from a proposal
#: says less about the proposal than a stance on the proposal itself.
DISCOUNT = 0.5


Paths = dict[str, dict[str, tuple[tuple[tuple[str, ...], int], ...]]]


def proposal_paths(arguments: nx.DiGraph, *, max_hops: int = MAX_HOPS) -> Paths:
    """Every simple relation path of at most `max_hops` edges from a claim to a proposal.

    Returns `{claim: {proposal: ((path, sign), ...)}}` where `path` runs from the claim to
    the proposal (a proposal reaches itself by the path `(proposal,)`) and `sign` is the
    product of the edge signs (+1 support, -1 attack), so attacking an attacker supports.
    Computed once for the whole map by a breadth-first walk backwards from each proposal,
    so the cost is the number of paths, not the number of stances; paths come shortest
    first, then in id order.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_node("p", kind="proposal")
    >>> g.add_edge("a", "p", sign=-1)
    >>> g.add_edge("b", "a", sign=-1)
    >>> proposal_paths(g)["b"]
    {'p': ((('b', 'a', 'p'), 1),)}
    """
    found: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = defaultdict(dict)
    proposals = [node for node, kind in arguments.nodes(data="kind") if kind == "proposal"]
    for proposal in proposals:
        frontier: list[tuple[tuple[str, ...], int]] = [((proposal,), 1)]
        for hops in range(max_hops + 1):
            extended: list[tuple[tuple[str, ...], int]] = []
            for path, sign in frontier:
                found[path[0]].setdefault(proposal, []).append((path, sign))
                if hops == max_hops:
                    continue
                for origin in sorted(arguments.predecessors(path[0])):
                    if origin not in path:
                        edge_sign = arguments.edges[origin, path[0]]["sign"]
                        extended.append(((origin, *path), sign * edge_sign))
            frontier = extended
    return {
        claim: {proposal: tuple(paths) for proposal, paths in by_proposal.items()}
        for claim, by_proposal in found.items()
    }


def positions(
    arguments: nx.DiGraph,
    stances: nx.MultiDiGraph,
    *,
    max_hops: int = MAX_HOPS,
    discount: float = DISCOUNT,
) -> dict[str, dict[str, PositionScore]]:
    """Where each actor stands on each proposal, with the stances and paths that say so.

    Every stance (supports +1, opposes -1; neutral stances say nothing) on a claim that
    reaches a proposal by a path of `proposal_paths` gives one contribution with sign
    `stance sign * path sign` and weight `discount ** hops`. The score is the weighted mean
    of the signs, `sum(sign * weight) / sum(weight)`, in [-1, 1]; an actor whose
    contributions have both signs is `mixed`, whatever the mean. Each stance and each path
    counts once, so repeating a stance in several sources, or a claim that bears on the
    proposal by two routes, weighs more. Only pairs the actor reaches appear.

    >>> import networkx as nx
    >>> args = nx.DiGraph()
    >>> args.add_node("p", kind="proposal")
    >>> args.add_edge("r", "p", sign=-1)
    >>> st = nx.MultiDiGraph()
    >>> st.add_edge("ann", "p", key="ann/p", sign=1)
    'ann/p'
    >>> st.add_edge("ann", "r", key="ann/r", sign=1)
    'ann/r'
    >>> found = positions(args, st)["ann"]["p"]
    >>> round(found.score, 4), found.mixed
    (0.3333, True)
    """
    paths = proposal_paths(arguments, max_hops=max_hops)
    found: dict[str, dict[str, list[Contribution]]] = {}
    for actor, claim, stance, sign in stances.edges(keys=True, data="sign"):
        if not sign:
            continue
        for proposal, routes in paths.get(claim, {}).items():
            for path, path_sign in routes:
                contribution = Contribution(
                    stance, claim, path, sign * path_sign, discount ** (len(path) - 1)
                )
                found.setdefault(actor, {}).setdefault(proposal, []).append(contribution)
    order = {node: index for index, node in enumerate(arguments)}
    return {
        actor: {
            proposal: _score(by_proposal[proposal])
            for proposal in sorted(by_proposal, key=order.__getitem__)
        }
        for actor, by_proposal in found.items()
    }


def _score(contributions: list[Contribution]) -> PositionScore:
    total = sum(c.weight for c in contributions)
    signed = sum(c.sign * c.weight for c in contributions)
    signs = {c.sign for c in contributions}
    return PositionScore(signed / total, len(signs) > 1, tuple(contributions))


def lean(scores: Mapping[str, Mapping[str, PositionScore]]) -> dict[str, float]:
    """Each actor's mean position score over the proposals it reaches.

    >>> lean({"ann": {"p": PositionScore(1.0, False, ()), "q": PositionScore(-0.5, True, ())}})
    {'ann': 0.25}
    """
    return {
        actor: sum(s.score for s in by_proposal.values()) / len(by_proposal)
        for actor, by_proposal in scores.items()
        if by_proposal
    }
