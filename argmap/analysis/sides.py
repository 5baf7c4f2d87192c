"""Who is for and against each proposal, what each stance means for it, and the camps' names.

Every count a reader sees ("3 for, 2 against") comes from `sides`, so the page, the
outline, the report and the exports count the same actors: stated positions only, with
the mixed ones apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.analysis.graph import Arguments, Stances, as_argument_edges, as_stance_edges
from argmap.analysis.positions import Paths, PositionScore, Route

__all__ = [
    "Camp",
    "Sides",
    "central_question",
    "name_camps",
    "sides",
    "stance_sides",
    "stances_sides",
]


@dataclass(frozen=True)
class Sides:
    """The actors whose own sources put them on one proposal, by side (ids, sorted)."""

    for_: tuple[str, ...] = ()
    against: tuple[str, ...] = ()
    mixed: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()  # a neutral stance on the proposal, and no position

    def summary(self) -> str:
        """`3 for, 1 against, 1 mixed`: the one wording of the count.

        >>> Sides(("a", "b"), ("c",)).summary()
        '2 for, 1 against'
        >>> Sides().summary()
        'no stated position'
        """
        parts = [f"{len(self.for_)} for", f"{len(self.against)} against"]
        if self.mixed:
            parts.append(f"{len(self.mixed)} mixed")
        if self.neutral:
            parts.append(f"{len(self.neutral)} neutral")
        if not (self.for_ or self.against or self.mixed or self.neutral):
            return "no stated position"
        return ", ".join(parts)


@dataclass(frozen=True)
class Camp:
    """A camp with its one number and what its members' stated positions hold."""

    number: int  # 1, 2, ...: the numbering every output uses
    members: tuple[str, ...]
    side: str  # "for", "against", "divided" or "none", on `proposal`
    proposal: str | None  # the proposal the name speaks of
    mean: float | None  # the members' mean stated position on it
    stated: int  # how many members have a stated position on it

    def title(self, label: str | None) -> str:
        """`For: Allow DCRs · mean +0.96 · 25 actors` (label: the proposal's label).

        >>> Camp(1, ("a", "b"), "for", "p", 1.0, 2).title("Allow it")
        'For: Allow it · mean +1.00 · 2 actors'
        >>> Camp(2, ("c",), "none", None, None, 0).title(None)
        'No stated position · 1 actor'
        """
        size = f"{len(self.members)} actor{'s' * (len(self.members) != 1)}"
        if self.proposal is None or self.mean is None:
            return f"No stated position · {size}"
        word = {"for": "For", "against": "Against", "divided": "Divided on"}[self.side]
        mean = f"{self.mean:+.2f}"
        if self.stated < len(self.members):
            size += f", {self.stated} with a stated position"
        return f"{word}: {label or self.proposal} · mean {mean} · {size}"


def central_question(arguments: Arguments, centrality: Mapping[str, float]) -> str | None:
    """The proposal the debate argues about most: highest centrality, then first id.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_node("p", kind="proposal"); g.add_node("q", kind="proposal")
    >>> central_question(g, {"p": 0.2, "q": 0.5})
    'q'
    """
    kinds = as_argument_edges(arguments).kinds
    proposals = [str(node) for node, kind in kinds.items() if kind == "proposal"]
    if not proposals:
        return None
    return min(proposals, key=lambda p: (-round(centrality.get(p, 0.0), 9), p))


def sides(
    stated: Mapping[str, Mapping[str, PositionScore]],
    proposals: Iterable[str],
    neutral_stances: Iterable[tuple[str, str]] = (),
) -> dict[str, Sides]:
    """Each proposal's actors by side, from stated positions alone.

    `neutral_stances` are (actor, claim) pairs of neutral stances; an actor neutral on
    the proposal itself with no stated position on it counts as neutral.

    >>> s = {"ann": {"p": PositionScore(1.0, False, ())},
    ...      "bob": {"p": PositionScore(0.2, True, ())}}
    >>> sides(s, ["p", "q"], [("cy", "p")])["p"]
    Sides(for_=('ann',), against=(), mixed=('bob',), neutral=('cy',))
    """
    by_side: dict[str, dict[str, list[str]]] = {
        p: {"for": [], "against": [], "mixed": [], "neutral": []} for p in proposals
    }
    for actor in sorted(stated):
        for proposal, position in stated[actor].items():
            if proposal in by_side:
                by_side[proposal][position.side].append(actor)
    for actor, claim in sorted(set(neutral_stances)):
        if claim in by_side and claim not in stated.get(actor, {}):
            by_side[claim]["neutral"].append(actor)
    return {
        p: Sides(tuple(s["for"]), tuple(s["against"]), tuple(s["mixed"]), tuple(s["neutral"]))
        for p, s in by_side.items()
    }


def stance_sides(paths: Paths, stances: Stances, proposal: str) -> dict[str, int]:
    """What each stance means for `proposal`: +1 for it, -1 against, 0 both ways.

    Read along the shortest route from the stance's claim to the proposal, preferring
    routes with no inferred relation; where the shortest routes disagree the stance
    counts 0, and so does a neutral stance. Stances whose claim does not reach the
    proposal are left out.

    >>> import networkx as nx
    >>> from argmap.analysis.positions import proposal_paths
    >>> args = nx.DiGraph()
    >>> args.add_node("p", kind="proposal")
    >>> args.add_edge("illegal", "p", sign=-1)
    >>> st = nx.MultiDiGraph()
    >>> st.add_edge("ho", "illegal", key="ho/supports/illegal", sign=1)
    'ho/supports/illegal'
    >>> stance_sides(proposal_paths(args), st, "p")
    {'ho/supports/illegal': -1}
    """
    return stances_sides(paths, stances, [proposal])[proposal]


def stances_sides(
    paths: Paths, stances: Stances, proposals: Iterable[str]
) -> dict[str, dict[str, int]]:
    """`stance_sides` for each of `proposals`, from one pass over the stances.

    What a claim's routes mean for a proposal is worked out once per claim, not once per
    stance on it and proposal, and the stances are read once, not once per proposal.

    >>> import networkx as nx
    >>> from argmap.analysis.positions import proposal_paths
    >>> args = nx.DiGraph()
    >>> args.add_node("p", kind="proposal")
    >>> args.add_node("q", kind="proposal")
    >>> args.add_edge("illegal", "p", sign=-1)
    >>> st = nx.MultiDiGraph()
    >>> for key in ("ho/opposes/illegal", "mp/opposes/illegal"):
    ...     _ = st.add_edge(key[:2], "illegal", key=key, sign=-1)
    >>> stances_sides(proposal_paths(args), st, ["p", "q"])
    {'p': {'ho/opposes/illegal': 1, 'mp/opposes/illegal': 1}, 'q': {}}
    """
    wanted = list(proposals)
    found: dict[str, dict[str, int]] = {p: {} for p in wanted}
    meaning: dict[str, list[tuple[dict[str, int], int]]] = {}
    for _, claim, stance, sign, _ in as_stance_edges(stances).edges:
        if (sides_of := meaning.get(claim)) is None:
            # Most claims of a deep debate reach no proposal (40 of 20,000): nothing to
            # ask of each proposal for them.
            routes = paths.get(claim)
            sides_of = meaning[claim] = (
                [
                    (found[p], side)
                    for p in wanted
                    if (side := _route_side(routes.get(p))) is not None
                ]
                if routes
                else []
            )
        for into, side in sides_of:
            into[stance] = sign * side
    return found


def _route_side(routes: Sequence[Route] | None) -> int | None:
    # +1 or -1 when the shortest routes (the clean ones, if any) agree, 0 when they do
    # not, None when there is no route.
    if not routes:
        return None
    clean = [r for r in routes if not any(edge[2] for edge in r[2])] or list(routes)
    shortest = min(len(r[0]) for r in clean)
    signs = {r[1] for r in clean if len(r[0]) == shortest}
    return signs.pop() if len(signs) == 1 else 0


def name_camps(
    partition: Iterable[tuple[str, ...]],
    stated: Mapping[str, Mapping[str, PositionScore]],
    question: str | None,
    unaligned: Iterable[str],
) -> tuple[Camp, ...]:
    """Number the camps (largest first, then by first member) and say what each holds.

    A camp is named by its members' stated positions on the proposal the most of them
    have one on (the central question on a tie, then the first id): for when their mean
    is above zero, against below, divided at zero; or as having none. So a camp is never
    named after a position that a few of its members hold for the rest. `unaligned`
    actors (alone, with no stated position and no agreement) get no camp.

    >>> s = {"a": {"p": PositionScore(1.0, False, ())}, "b": {"p": PositionScore(-1.0, False, ())}}
    >>> [(c.number, c.members, c.side) for c in name_camps([("b",), ("a",), ("c",)], s, "p", ["c"])]
    [(1, ('a',), 'for'), (2, ('b',), 'against')]
    """
    alone = set(unaligned)
    real = sorted(
        (tuple(sorted(camp)) for camp in partition if camp and not set(camp) <= alone),
        key=lambda c: (-len(c), c),
    )
    named = []
    for number, members in enumerate(real, start=1):
        proposal = _most_held(members, stated, question)
        held = _held(members, stated, proposal)
        if proposal is None or not held:
            named.append(Camp(number, members, "none", None, None, 0))
            continue
        mean = sum(held) / len(held)
        side = "for" if mean > 1e-9 else "against" if mean < -1e-9 else "divided"
        named.append(Camp(number, members, side, proposal, mean, len(held)))
    return tuple(named)


def _held(
    members: Iterable[str], stated: Mapping[str, Mapping[str, PositionScore]], proposal: str | None
) -> list[float]:
    if proposal is None:
        return []
    return [stated[a][proposal].score for a in members if proposal in stated.get(a, {})]


def _most_held(
    members: Iterable[str], stated: Mapping[str, Mapping[str, PositionScore]], question: str | None
) -> str | None:
    counts: dict[str, int] = {}
    for actor in members:
        for proposal in stated.get(actor, {}):
            counts[proposal] = counts.get(proposal, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda p: (-counts[p], p != question, p))
