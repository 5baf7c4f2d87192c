"""Which claims survive the attacks on them: grounded and bipolar labellings."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["bipolar_labelling", "derived_attacks", "grounded_labelling"]


def _attacks(arguments: nx.DiGraph) -> dict[str, list[str]]:
    """Each claim's attacked claims; an edge without a `sign` is an attack."""
    attacks: dict[str, list[str]] = {node: [] for node in arguments}
    for origin, target, sign in arguments.edges(data="sign", default=-1):
        if sign < 0:
            attacks[origin].append(target)
    return attacks


def _grounded(attacks: Mapping[str, Iterable[str]]) -> dict[str, str]:
    # The standard linear-time labelling: an argument is in once all its attackers are
    # out, and out as soon as one attacker is in; what is left is undecided.
    targets = {node: sorted(set(attacked)) for node, attacked in attacks.items()}
    unbeaten: dict[str, int] = dict.fromkeys(targets, 0)
    for attacked in targets.values():
        for target in attacked:
            unbeaten[target] += 1
    label = {node: "in" for node, count in unbeaten.items() if count == 0}
    queue = deque(label)
    while queue:
        for beaten in targets[queue.popleft()]:
            if beaten in label:
                continue
            label[beaten] = "out"
            for freed in targets[beaten]:
                if freed not in label:
                    unbeaten[freed] -= 1
                    if unbeaten[freed] == 0:
                        label[freed] = "in"
                        queue.append(freed)
    return {node: label.get(node, "undecided") for node in targets}


def grounded_labelling(arguments: nx.DiGraph) -> dict[str, str]:
    """The grounded labelling (Dung) of the attack edges: each claim in, out or undecided.

    Only edges with `sign` -1 count (an edge with no `sign` is taken as an attack, so a
    plain DiGraph is a Dung framework). A claim is in when every attacker is out, out when
    some attacker is in, and undecided otherwise: the least fixed point, found by the
    queue-based algorithm in time linear in claims plus attacks. An odd attack cycle stays
    undecided, and so does an even one, since grounded semantics is sceptical.

    >>> import networkx as nx
    >>> grounded_labelling(nx.DiGraph([("a", "b"), ("b", "c"), ("x", "y"), ("y", "x")]))
    {'a': 'in', 'b': 'out', 'c': 'in', 'x': 'undecided', 'y': 'undecided'}
    """
    return _grounded(_attacks(arguments))


def _supports(arguments: nx.DiGraph) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    forward: dict[str, list[str]] = {node: [] for node in arguments}
    backward: dict[str, list[str]] = {node: [] for node in arguments}
    for origin, target, sign in arguments.edges(data="sign", default=-1):
        if sign > 0:
            forward[origin].append(target)
            backward[target].append(origin)
    return forward, backward


def _reach(start: str, step: Mapping[str, list[str]]) -> set[str]:
    seen, stack = {start}, [start]
    while stack:
        for nxt in step[stack.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def derived_attacks(arguments: nx.DiGraph) -> tuple[tuple[str, str], ...]:
    """The attacks that support chains add, after Cayrol and Lagasquie-Schiex.

    Supported attack: a supports ... supports b and b attacks c, so a attacks c.
    Secondary attack: a attacks b and b supports ... supports c, so a attacks c.
    Applying both until nothing new appears gives: a attacks d whenever a reaches b by
    zero or more supports, b attacks c, and c reaches d by zero or more supports. Returns
    the derived attacks that are not already direct attacks, sorted. The cost is one
    support-reachability search per attack end: at most quadratic, the size of the output.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=1)
    >>> g.add_edge("b", "c", sign=-1)
    >>> g.add_edge("c", "d", sign=1)
    >>> derived_attacks(g)
    (('a', 'c'), ('a', 'd'), ('b', 'd'))
    """
    forward, backward = _supports(arguments)
    direct = {(a, b) for a, attacked in _attacks(arguments).items() for b in attacked}
    upstream: dict[str, set[str]] = {}
    downstream: dict[str, set[str]] = {}
    derived: set[tuple[str, str]] = set()
    for origin, target in direct:
        if origin not in upstream:
            upstream[origin] = _reach(origin, backward)
        if target not in downstream:
            downstream[target] = _reach(target, forward)
        derived.update((a, d) for a in upstream[origin] for d in downstream[target])
    return tuple(sorted(derived - direct))


def bipolar_labelling(arguments: nx.DiGraph) -> dict[str, str]:
    """The grounded labelling once `derived_attacks` are added to the direct attacks.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=-1)
    >>> g.add_edge("b", "c", sign=1)
    >>> grounded_labelling(g)["c"], bipolar_labelling(g)["c"]
    ('in', 'out')
    """
    attacks = _attacks(arguments)
    for origin, target in derived_attacks(arguments):
        attacks[origin].append(target)
    return _grounded(attacks)
