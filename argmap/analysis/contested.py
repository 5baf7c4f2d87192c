"""The claims actors dispute, how central each claim is, and incoherent stances."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from argmap.analysis.graph import Arguments, Stances, as_argument_edges, as_stance_edges

__all__ = ["Contested", "centrality", "contested", "controversy", "incoherent"]


@dataclass(frozen=True)
class Contested:
    claim: str
    score: float
    supporters: tuple[str, ...]  # actor ids
    opponents: tuple[str, ...]


def controversy(supporters: int, opponents: int) -> float:
    """How contested a claim is: balance times the log of the number of actors.

    `(1 - |s - o| / (s + o)) * ln(1 + s + o)`: zero for a one-sided claim, highest when
    the sides are even, and growing slowly with the number of actors so that a claim
    two actors dispute ranks below one twenty dispute evenly.

    >>> round(controversy(1, 1), 4), round(controversy(2, 1), 4), controversy(3, 0)
    (1.0986, 0.9242, 0.0)
    """
    total = supporters + opponents
    if not total:
        return 0.0
    return (1 - abs(supporters - opponents) / total) * math.log(1 + total)


def contested(stances: Stances) -> tuple[Contested, ...]:
    """The claims that some actors support and others oppose, most contested first.

    Ranked by `controversy` of the numbers of distinct supporting and opposing actors
    (an actor who took both positions counts on both sides), then by claim id.

    >>> import networkx as nx
    >>> st = nx.MultiDiGraph()
    >>> for actor, claim, sign in [("a", "x", 1), ("b", "x", -1), ("a", "y", 1)]:
    ...     _ = st.add_edge(actor, claim, sign=sign)
    >>> [(c.claim, round(c.score, 4), c.supporters, c.opponents) for c in contested(st)]
    [('x', 1.0986, ('a',), ('b',))]
    """
    # A set per claim and side met, not two and a pair per stance (`setdefault` makes
    # its default every time): most claims of a debate have one actor on one side.
    supporters: dict[str, set[str]] = {}
    opponents: dict[str, set[str]] = {}
    for actor, claim, _, sign, _ in as_stance_edges(stances).edges:
        if sign:
            side = supporters if sign > 0 else opponents
            if (actors := side.get(claim)) is None:
                side[claim] = {actor}
            else:
                actors.add(actor)
    found = [
        Contested(claim, controversy(len(s), len(o)), tuple(sorted(s)), tuple(sorted(o)))
        for claim, s in supporters.items()
        if (o := opponents.get(claim))
    ]
    # Ids are distinct, so the key orders every claim and the first order does not matter.
    return tuple(sorted(found, key=lambda c: (-c.score, c.claim)))


def centrality(
    arguments: Arguments, *, damping: float = 0.85, tolerance: float = 1e-10
) -> dict[str, float]:
    """PageRank of each claim on the relation graph: how much the debate argues about it.

    Every relation, support or attack, is an edge from the arguing claim to the claim
    argued about, so rank flows towards the claims that many (well-argued-about) claims
    bear on: proposals first, then the key intermediate claims. Standard power iteration
    with damping 0.85 and a uniform teleport; claims with no outgoing relation spread
    their rank uniformly. Scores sum to 1. (networkx's own pagerank needs scipy.)

    >>> import networkx as nx
    >>> g = nx.DiGraph([("a", "p"), ("b", "p")])
    >>> {k: round(v, 4) for k, v in centrality(g).items()}
    {'a': 0.2128, 'p': 0.5745, 'b': 0.2128}
    """
    edges = as_argument_edges(arguments)
    nodes = list(edges.kinds)
    if not nodes:
        return {}
    n = len(nodes)
    # One (arguing claim, its out-degree, claim argued about) per relation, in the order
    # the plain loop over claims and their successors adds the shares. The successors are
    # read from the adjacency dicts (the order `successors` gives) and the repeated ends
    # made by numpy: a `successors` and an `out_degree` call per claim were most of
    # `centrality` on a 20,000-claim debate.
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = edges.targets
    successors = [adjacency[node] for node in nodes]
    counts = np.array([len(targets) for targets in successors], dtype=np.intp)
    origin = np.repeat(np.arange(n, dtype=np.intp), counts)
    degree = np.repeat(counts.astype(np.float64), counts)
    target = np.array([index[t] for targets in successors for t in targets], dtype=np.intp)
    dangling_nodes = np.flatnonzero(counts == 0)
    # numpy, with the plain loop's arithmetic: each share is `damping * rank[i] / degree`
    # (two IEEE operations, elementwise), and `np.bincount` adds weights into their bins
    # one by one in input order (a plain C loop), so with each claim's base first and then
    # the shares in relation order every rank is the same sum in the same order, bit for
    # bit, as the loop's `new[t] += share`, starting from 0.0 (0.0 + base is base). The
    # two sums over all claims are Python's `sum` (`_python_sum`).
    bins = np.concatenate([np.arange(n, dtype=np.intp), target])
    rank = np.full(n, 1 / n)
    shares = np.empty(n + len(target))
    for _ in range(1000):
        dangling = _python_sum(rank[dangling_nodes])
        shares[:n] = (1 - damping) / n + damping * dangling / n
        np.divide(damping * rank[origin], degree, out=shares[n:])
        new = np.bincount(bins, weights=shares, minlength=n)
        change = _python_sum(np.abs(new - rank))
        rank = new
        if change < tolerance:
            break
    return dict(zip(nodes, rank.tolist(), strict=True))


def _python_sum(values: npt.NDArray[np.float64]) -> float:
    """`sum(values.tolist())`, bit for bit, without a float object per element.

    Python 3.11's `sum` of floats adds them left to right in plain doubles, which is what
    `np.cumsum` (an accumulate, never pairwise) does; from 3.12 `sum` compensates the
    rounding, so there it is called as it was. A float object per claim per iteration
    was half of `centrality` on a 100,000-claim map.

    >>> _python_sum(np.array([0.1, 0.2, 0.3])) == sum([0.1, 0.2, 0.3])
    True
    >>> _python_sum(np.array([]))
    0
    """
    if sys.version_info >= (3, 12) or not len(values):
        total: float = sum(values.tolist())
        return total
    return float(np.cumsum(values)[-1])


def incoherent(arguments: Arguments, stances: Stances) -> tuple[tuple[str, str, str], ...]:
    """Actors who support two claims one of which attacks the other.

    Returns `(actor, claim, attacked claim)` triples, by actor in graph order then by
    claim. Only direct attacks between two different claims count, as in the
    `incoherent-actor` check: a set of claims that attack each other is not
    conflict-free, which every Dung semantics requires of a coherent position. Opposing a
    claim that supports one the actor supports is not flagged, since support is
    defeasible: one may reject one argument for a conclusion and hold the conclusion.

    >>> import networkx as nx
    >>> args = nx.DiGraph()
    >>> args.add_edge("x", "y", sign=-1)
    >>> st = nx.MultiDiGraph()
    >>> for claim in ("x", "y"):
    ...     _ = st.add_edge("ann", claim, sign=1)
    >>> incoherent(args, st)
    (('ann', 'x', 'y'),)
    """
    supported: dict[str, set[str]] = {}
    for actor, claim, _, sign, _ in as_stance_edges(stances).edges:
        if sign > 0:
            supported.setdefault(actor, set()).add(claim)
    # The adjacency dicts, not `successors` and `edges[...]`: a view call per lookup.
    adjacency = as_argument_edges(arguments).targets
    found = []
    for actor, claims in supported.items():
        for claim in sorted(claims):
            targets = adjacency.get(claim)
            if not targets:
                continue
            for target in sorted(targets):
                if target != claim and target in claims and targets[target].get("sign", -1) < 0:
                    found.append((actor, claim, target))
    return tuple(found)
