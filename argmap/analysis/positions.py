"""Where each actor stands on each proposal: what their own source states, and the rest.

A stance on a claim says something about a proposal only through the relations that lead
from the claim to the proposal. Whether a reader may call the result the actor's position
depends on who drew those relations:

- **stated**: the stance is on the proposal itself, or on a claim that the stance's own
  source relates to the proposal in one step (the relation cites that source and is not
  marked inferred); either may be followed by *generalisations* crossed by a supporter:
  supports from one proposal to a wider one (a room in Southampton is a room in the UK),
  which carry a stance *for* the narrower proposal and nothing else (opposing a room here
  says nothing about rooms elsewhere, and backing rooms in general says nothing about
  this one);
- **inferred**: anything else: a path through a relation of another source, one with no
  source, one the curator marked inferred, or a chain of two or more relations (an
  article that cites a claim as a reason for another, and that one for a proposal, has
  not put the first claim's speaker on the proposal).

A stance on the proposal itself is stated. docs/analysis.md works through examples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from argmap.analysis.graph import Arguments, Stances, as_argument_edges, as_stance_edges

__all__ = [
    "DISCOUNT",
    "MAX_HOPS",
    "Contribution",
    "PositionScore",
    "lean",
    "positions",
    "proposal_paths",
    "split_positions",
]


@dataclass(frozen=True)
class Contribution:
    """One stance's effect on one proposal, through one path of relations."""

    stance: str  # stance id
    claim: str  # the claim the stance is on
    path: tuple[str, ...]  # claim ids from `claim` to the proposal, both included
    sign: int  # +1 pulls towards supporting the proposal, -1 towards opposing
    weight: float  # the contribution's size after the path-length discount
    # The relation ids along `path` and the source each cites (None: no source).
    relations: tuple[str, ...] = ()
    sources: tuple[str | None, ...] = ()
    stated: bool = True  # see the module docstring
    # The narrower proposals whose generalisations the path crosses, in order.
    through: tuple[str, ...] = ()


@dataclass(frozen=True)
class PositionScore:
    score: float  # in [-1, 1]
    mixed: bool  # the actor has contributions on both sides
    contributions: tuple[Contribution, ...]

    @property
    def side(self) -> str:
        """'for', 'against' or 'mixed': the one reading every output counts by."""
        if self.mixed:
            return "mixed"
        return "for" if self.score > 0 else "against"


#: A path longer than this many relations carries too little (DISCOUNT**5 = 1/32) to say
#: where an actor stands, and the number of paths grows exponentially with the length.
MAX_HOPS = 4
#: Each relation on a path halves a stance's weight: a claim two steps from a proposal
#: says less about the proposal than a stance on the proposal itself.
DISCOUNT = 0.5

# One route: the claims from the stance's claim to the proposal, the product of the edge
# signs, and each edge's (relation id, source, inferred, generalises, sign) in order.
Edge = tuple[str, str | None, bool, bool, int]
Route = tuple[tuple[str, ...], int, tuple[Edge, ...]]
Paths = dict[str, dict[str, tuple[Route, ...]]]


def proposal_paths(arguments: Arguments, *, max_hops: int = MAX_HOPS) -> Paths:
    """Every simple relation path of at most `max_hops` edges from a claim to a proposal.

    Returns `{claim: {proposal: ((path, sign, edges), ...)}}` where `path` runs from the
    claim to the proposal (a proposal reaches itself by the path `(proposal,)`), `sign`
    is the product of the edge signs (+1 support, -1 attack), so attacking an attacker
    supports, and `edges` holds each edge's `(relation, source, inferred, generalises,
    sign)`; `generalises` marks a support from one proposal to another.
    Computed once for the whole map by a breadth-first walk backwards from each proposal,
    so the cost is the number of paths, not the number of stances; paths come shortest
    first, then in id order.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_node("p", kind="proposal")
    >>> g.add_edge("a", "p", sign=-1)
    >>> g.add_edge("b", "a", sign=-1)
    >>> [(path, sign) for path, sign, _ in proposal_paths(g)["b"]["p"]]
    [(('b', 'a', 'p'), 1)]
    """
    found: dict[str, dict[str, list[Route]]] = defaultdict(dict)
    edges_of = as_argument_edges(arguments)
    kinds = edges_of.kinds
    adjacency = edges_of.targets
    # Each claim's predecessors, as the graph's `predecessors` (sorted below anyway).
    predecessors: dict[str, list[str]] = {}
    for origin, targets in adjacency.items():
        for target in targets:
            predecessors.setdefault(target, []).append(origin)
    for proposal in (node for node, kind in kinds.items() if kind == "proposal"):
        frontier: list[Route] = [((proposal,), 1, ())]
        for hops in range(max_hops + 1):
            extended: list[Route] = []
            for path, sign, edges in frontier:
                found[path[0]].setdefault(proposal, []).append((path, sign, edges))
                if hops == max_hops:
                    continue
                for origin in sorted(predecessors.get(path[0], ())):
                    if origin not in path:
                        data = adjacency[origin][path[0]]
                        edge = (
                            data.get("relation", f"{origin}->{path[0]}"),
                            data.get("source"),
                            bool(data.get("inferred", False)),
                            data["sign"] > 0
                            and kinds.get(origin) == "proposal"
                            and kinds.get(path[0]) == "proposal",
                            data["sign"],
                        )
                        extended.append(((origin, *path), sign * data["sign"], (edge, *edges)))
            frontier = extended
    return {
        claim: {proposal: tuple(routes) for proposal, routes in by_proposal.items()}
        for claim, by_proposal in found.items()
    }


def is_stated(stance_sign: int, stance_source: str, route: Route) -> bool:
    """Whether a stance's own source draws every step of `route` (module docstring).

    >>> own = ("r1", "gazette", False, False, 1)
    >>> other = ("r2", "herald", False, False, 1)
    >>> wider = ("r3", "herald", False, True, 1)
    >>> is_stated(1, "gazette", (("c", "p"), 1, (own,)))
    True
    >>> is_stated(1, "gazette", (("c", "p"), 1, (other,)))
    False
    >>> is_stated(1, "gazette", (("local", "national"), 1, (wider,)))
    True
    >>> is_stated(-1, "gazette", (("local", "national"), 1, (wider,)))
    False
    >>> is_stated(1, "gazette", (("c", "d", "p"), 1, (own, own)))
    False
    """
    _, _, edges = route
    running = stance_sign
    steps = 0  # relations that are not generalisations: at most one, the source's own
    # Walk from the stance's claim towards the proposal, tracking the sign so far: a
    # generalisation carries only a stance for its narrower proposal.
    for _, source, inferred, generalises, sign in edges:
        if inferred or (generalises and running < 0):
            return False
        if not generalises:
            steps += 1
            if steps > 1 or source != stance_source:
                return False
        running *= sign
    return True


def positions(
    arguments: Arguments,
    stances: Stances,
    *,
    max_hops: int = MAX_HOPS,
    discount: float = DISCOUNT,
    paths: Paths | None = None,
) -> dict[str, dict[str, PositionScore]]:
    """Where each actor stands on each proposal, through every path, stated or not.

    Every stance (supports +1, opposes -1; neutral stances say nothing) on a claim that
    reaches a proposal by a path of `proposal_paths` gives one contribution with sign
    `stance sign * path sign` and weight `discount ** hops`, marked `stated` or not (see
    the module docstring; the stance graph's edges carry their `source`). The score is
    the weighted mean of the signs, `sum(sign * weight) / sum(weight)`, in [-1, 1]; an
    actor whose contributions have both signs is `mixed`, whatever the mean. Each stance
    and each path counts once, so repeating a stance in several sources, or a claim that
    bears on the proposal by two routes, weighs more. Only pairs the actor reaches
    appear. `split_positions` separates what is stated from what is inferred. `paths`,
    when given, are `proposal_paths(arguments)` computed once by the caller.

    >>> import networkx as nx
    >>> args = nx.DiGraph()
    >>> args.add_node("p", kind="proposal")
    >>> args.add_edge("r", "p", sign=-1, relation="r/attacks/p", source="s")
    >>> st = nx.MultiDiGraph()
    >>> st.add_edge("ann", "p", key="ann/p", sign=1, source="s")
    'ann/p'
    >>> st.add_edge("ann", "r", key="ann/r", sign=1, source="s")
    'ann/r'
    >>> found = positions(args, st)["ann"]["p"]
    >>> round(found.score, 4), found.mixed, [c.stated for c in found.contributions]
    (0.3333, True, [True, True])
    """
    if paths is None:
        paths = proposal_paths(arguments, max_hops=max_hops)
    found: dict[str, dict[str, list[Contribution]]] = {}
    # What a route gives every stance on its claim, worked out once per claim.
    prepared: dict[str, list[tuple[str, list[_Prepared]]]] = {}
    for actor, claim, stance, sign, source in as_stance_edges(stances).edges:
        if not sign:
            continue
        if (by_proposal := prepared.get(claim)) is None:
            by_proposal = prepared[claim] = [
                (proposal, [_prepare(route, discount) for route in routes])
                for proposal, routes in paths.get(claim, {}).items()
            ]
        for proposal, routes in by_proposal:
            if not routes:
                continue
            into = found.setdefault(actor, {}).setdefault(proposal, [])
            for route, weight, relations, sources, through, never in routes:
                path, path_sign, _ = route
                into.append(
                    _contribution(
                        stance,
                        claim,
                        path,
                        sign * path_sign,
                        weight,
                        relations,
                        sources,
                        False if never else is_stated(sign, source, route),
                        through,
                    )
                )
    order = {node: index for index, node in enumerate(as_argument_edges(arguments).kinds)}
    return {
        actor: {
            proposal: score(by_proposal[proposal])
            for proposal in sorted(by_proposal, key=order.__getitem__)
        }
        for actor, by_proposal in found.items()
    }


def _contribution(
    stance: str,
    claim: str,
    path: tuple[str, ...],
    sign: int,
    weight: float,
    relations: tuple[str, ...],
    sources: tuple[str | None, ...],
    stated: bool,
    through: tuple[str, ...],
) -> Contribution:
    """`Contribution(...)` with every field given, for a quarter of the cost.

    The frozen dataclass's `__init__` sets each of its nine fields with a call of
    `object.__setattr__`; here the new instance's dict is filled in one call, in the
    fields' order, so it is the same object (tests/test_positions_fast.py). `positions`
    makes one per stance and route: 141,000 on the 100,000-stance bench map.
    """
    made: Contribution = _new(Contribution)
    made.__dict__.update(
        stance=stance,
        claim=claim,
        path=path,
        sign=sign,
        weight=weight,
        relations=relations,
        sources=sources,
        stated=stated,
        through=through,
    )
    return made


_new = object.__new__


#: A route with what every contribution along it shares: weight, relations, sources,
#: through, and whether no stance's contribution along it can be stated (`never_stated`).
_Prepared = tuple[Route, float, tuple[str, ...], tuple[str | None, ...], tuple[str, ...], bool]


def _prepare(route: Route, discount: float) -> _Prepared:
    """The parts of a contribution that depend on the route only.

    >>> edges = (("c/m", "s1", False, False, 1), ("m/p", None, False, True, -1))
    >>> _prepare((("c", "m", "p"), -1, edges), 0.5)[1:]
    (0.25, ('c/m', 'm/p'), ('s1', None), ('m',), False)
    """
    path, _, edges = route
    return (
        route,
        discount ** (len(path) - 1),
        tuple(e[0] for e in edges),
        tuple(e[1] for e in edges),
        tuple(path[i] for i, e in enumerate(edges) if e[3]),
        never_stated(route),
    )


def never_stated(route: Route) -> bool:
    """Whether `is_stated` is False on `route` whatever the stance's sign and source.

    It is when an edge is marked inferred, or when two edges are not generalisations:
    `is_stated` answers False at that edge if not before, and True only after the last.
    Most routes of a big map are two to four relations long, and a stance's own source
    states one step at most, so `positions` need not walk them for each stance.

    >>> own = ("r1", "gazette", False, False, 1)
    >>> wider = ("r3", "herald", False, True, 1)
    >>> never_stated((("c", "d", "p"), 1, (own, own)))
    True
    >>> never_stated((("c", "d", "p"), 1, (own, wider)))
    False
    >>> never_stated((("c", "p"), 1, (("r", "gazette", True, False, 1),)))
    True
    """
    _, _, edges = route
    return any(inferred for _, _, inferred, _, _ in edges) or (
        sum(not generalises for _, _, _, generalises, _ in edges) > 1
    )


def score(contributions: list[Contribution] | tuple[Contribution, ...]) -> PositionScore:
    """The weighted mean of the contributions' signs, and whether they disagree.

    >>> c = Contribution("s", "c", ("c",), -1, 1.0)
    >>> score([c]).score, score([c]).side
    (-1.0, 'against')
    """
    total = sum(c.weight for c in contributions)
    signed = sum(c.sign * c.weight for c in contributions)
    signs = {c.sign for c in contributions}
    return PositionScore(signed / total, len(signs) > 1, tuple(contributions))


def split_positions(
    everything: Mapping[str, Mapping[str, PositionScore]],
) -> tuple[dict[str, dict[str, PositionScore]], dict[str, dict[str, PositionScore]]]:
    """(stated, inferred): each actor's position from its stated contributions alone,
    and, for the pairs with none, the position its inferred contributions give.

    A contribution carried by a generalisation out of a narrower proposal stays stated
    only while the actor's stated position on that proposal is for, and not mixed: a
    supporter of the room in Southampton is for rooms in the UK, but someone who sees
    benefits in it and objects to it has stated no more than that. A pair is in exactly
    one of the two results, so no output can show an inferred position beside a stated
    one as if they were the same kind of thing.

    >>> s = Contribution("s", "p", ("p",), 1, 1.0)
    >>> i = Contribution("t", "c", ("c", "p"), -1, 0.5, stated=False)
    >>> stated, inferred = split_positions(
    ...     {"ann": {"p": score([s, i])}, "bob": {"p": score([i])}}
    ... )
    >>> stated["ann"]["p"].score, "bob" in stated, inferred["bob"]["p"].side
    (1.0, False, 'against')
    """
    own = {
        actor: {p: [c for c in pos.contributions if c.stated] for p, pos in by.items()}
        for actor, by in everything.items()
    }
    # Dropping a carried contribution can make a wider proposal's position mixed or
    # empty, which a further generalisation reads; a few passes settle it.
    for _ in range(len(own) and 1 + max(len(by) for by in own.values())):
        changed = False
        for lists in own.values():
            sides = {p: score(cs).side for p, cs in lists.items() if cs}
            for proposal, contributions in lists.items():
                kept = [c for c in contributions if all(sides.get(n) == "for" for n in c.through)]
                if len(kept) != len(contributions):
                    lists[proposal], changed = kept, True
        if not changed:
            break
    stated: dict[str, dict[str, PositionScore]] = {}
    inferred: dict[str, dict[str, PositionScore]] = {}
    for actor, by_proposal in everything.items():
        for proposal, position in by_proposal.items():
            if own[actor][proposal]:
                stated.setdefault(actor, {})[proposal] = score(own[actor][proposal])
            else:
                inferred.setdefault(actor, {})[proposal] = position
    return stated, inferred


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
