"""argmap/analysis/acceptance.py as it was at ade1530 (issue 18, fifth pass), kept verbatim
as the reference the indexed module must agree with exactly (tests/test_analysis_readings.py).

Its own docstring follows.

Which claims survive the attacks on them, why, and how strongly.

Three readings of one bipolar framework (claims, supports, attacks, and undercuts that
attack a relation's inference rather than a claim):

- `grounded_labelling`: Dung's grounded semantics over the attacks, each claim in, out
  or undecided. An undercut is handled by the meta-argumentation flattening of attacks on
  attacks (Boella, Gabbay, van der Torre and Villata 2009): the attack `a -> t` becomes
  `a -> x(a,t) -> y(a,t) -> t`, where `y` stands for "the attack holds" and an undercut
  attacks `y`. So an accepted undercut disables the attack and leaves its target alone,
  and an attack whose origin is out holds no more than it does in Dung's framework.
- `bipolar_labelling`: the same once the attacks that support chains imply (supported and
  secondary attacks, Cayrol and Lagasquie-Schiex) are added; a support whose inference an
  accepted claim undercuts implies none.
- `dfquad_strengths`: the DF-QuAD gradual semantics (Rago, Toni, Aurisicchio and Baroni,
  KR 2016), a strength in [0, 1] for every claim.

`defeaters` says, for each claim labelled out or undecided, which claims do it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from argmap.reach import reach

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import ArgumentMap

__all__ = [
    "BASE_SCORE",
    "bipolar_labelling",
    "defeaters",
    "derived_attacks",
    "dfquad_strengths",
    "disabled_relations",
    "grounded_labelling",
    "labellings",
    "readings",
    "undercuts",
]

#: relation id -> the undercuts of it, as (undercut's relation id, undercutting claim).
Undercuts = Mapping[str, Sequence[tuple[str, str]]]

#: (origin, target, relation id) of one attack or support edge.
Edge = tuple[str, str, str]

#: Every claim's base score in DF-QuAD: no prior reason to believe or doubt it.
BASE_SCORE = 0.5


def undercuts(
    amap: ArgumentMap, *, include_inferred: bool = True
) -> dict[str, list[tuple[str, str]]]:
    """Each relation that is undercut, with its undercuts, in file order.

    With `include_inferred=False` the undercuts the curator marked inferred are left out.

    >>> from argmap.model import ArgumentMap, Relation, RelationKind
    >>> amap = ArgumentMap(title="t", relations=(
    ...     Relation("a/attacks/p", "a", "p", RelationKind.ATTACKS),
    ...     Relation("u/undercuts/a/attacks/p", "u", "a/attacks/p", RelationKind.UNDERCUTS),
    ... ))
    >>> undercuts(amap)
    {'a/attacks/p': [('u/undercuts/a/attacks/p', 'u')]}
    """
    from argmap.model import RelationKind

    found: dict[str, list[tuple[str, str]]] = {}
    for relation in amap.relations:
        if relation.kind is RelationKind.UNDERCUTS and (include_inferred or not relation.inferred):
            found.setdefault(relation.target, []).append((relation.id, relation.origin))
    return found


def _edges(arguments: nx.DiGraph) -> tuple[list[Edge], list[Edge]]:
    """(origin, target, relation id) of each attack edge and of each support edge.

    Both in the graph's edge order. An edge without a `sign` is an attack, so a plain
    DiGraph is a Dung framework; one without a `relation` id gets `origin->target`. One
    pass over the graph's edges serves every reading (`readings`): it was one per list
    per reading, nine passes of networkx views in all.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=1, relation="a/supports/b")
    >>> g.add_edge("c", "b")
    >>> _edges(g)
    ([('c', 'b', 'c->b')], [('a', 'b', 'a/supports/b')])
    """
    attacks: list[Edge] = []
    supports: list[Edge] = []
    for origin, target, data in arguments.edges(data=True):
        edge = (origin, target, data.get("relation", f"{origin}->{target}"))
        (attacks if data.get("sign", -1) < 0 else supports).append(edge)
    return attacks, supports


def _flatten(
    arguments: nx.DiGraph,
    attack_edges: Iterable[Edge],
    cuts: Undercuts,
    *,
    extra: Iterable[tuple[str, str]] = (),
) -> dict[str, list[str]]:
    """The Dung framework of claims and relation nodes (module docstring), as attack lists.

    `x:R` and `y:R` are relation R's nodes ("R is disabled", "R holds"); a claim id never
    holds a colon, so the names cannot meet. `attack_edges` are `_edges(arguments)[0]`;
    `extra` attacks are added plainly.
    """
    attacks: dict[str, list[str]] = {node: [] for node in arguments}

    def through(origin: str, relation: str, target: str) -> None:
        x, y = f"x:{relation}", f"y:{relation}"
        attacks.setdefault(x, []).append(y)
        attacks.setdefault(y, []).append(target)
        attacks.setdefault(origin, []).append(x)

    for origin, target, relation in attack_edges:
        through(origin, relation, target)
    for relation, cut in cuts.items():
        attacks.setdefault(f"y:{relation}", [])  # a support's "holds" node, too
        for undercut, claim in cut:
            if claim in arguments:
                through(claim, undercut, f"y:{relation}")
    for origin, target in extra:
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


def _claims_only(arguments: nx.DiGraph, labels: Mapping[str, str]) -> dict[str, str]:
    return {node: labels[node] for node in arguments}


def grounded_labelling(arguments: nx.DiGraph, cuts: Undercuts | None = None) -> dict[str, str]:
    """The grounded labelling (Dung) of the attacks: each claim in, out or undecided.

    Only edges with `sign` -1 count. A claim is in when every attack on it fails (its
    origin is out, or an accepted undercut disables it), out when some attack holds, and
    undecided otherwise: the least fixed point, found by the queue-based algorithm in time
    linear in claims plus attacks. An odd attack cycle stays undecided, and so does an
    even one, since grounded semantics is sceptical. `cuts` are the map's `undercuts`.

    >>> import networkx as nx
    >>> grounded_labelling(nx.DiGraph([("a", "b"), ("b", "c"), ("x", "y"), ("y", "x")]))
    {'a': 'in', 'b': 'out', 'c': 'in', 'x': 'undecided', 'y': 'undecided'}
    >>> g = nx.DiGraph()
    >>> g.add_edge("illegal", "allow", sign=-1, relation="r")
    >>> g.add_node("law-can-change")
    >>> grounded_labelling(g, {"r": [("u", "law-can-change")]})
    {'illegal': 'in', 'allow': 'in', 'law-can-change': 'in'}
    """
    return _claims_only(arguments, _grounded(_flatten(arguments, _edges(arguments)[0], cuts or {})))


def disabled_relations(arguments: nx.DiGraph, cuts: Undercuts) -> frozenset[str]:
    """The relations whose inference an accepted claim undercuts.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("illegal", "allow", sign=-1, relation="r")
    >>> g.add_node("change")
    >>> sorted(disabled_relations(g, {"r": [("u", "change")]}))
    ['r']
    """
    if not cuts:
        return frozenset()
    return _disabled(_grounded(_flatten(arguments, _edges(arguments)[0], cuts)), cuts)


def _disabled(labels: Mapping[str, str], cuts: Undercuts) -> frozenset[str]:
    # An undercut succeeds when its own "holds" node is in.
    return frozenset(
        relation
        for relation, cut in cuts.items()
        if any(labels.get(f"y:{undercut}") == "in" for undercut, _ in cut)
    )


def derived_attacks(
    arguments: nx.DiGraph, disabled: frozenset[str] = frozenset()
) -> tuple[tuple[str, str], ...]:
    """The attacks that support chains add, after Cayrol and Lagasquie-Schiex.

    Supported attack: a supports ... supports b and b attacks c, so a attacks c.
    Secondary attack: a attacks b and b supports ... supports c, so a attacks c.
    Applying both until nothing new appears gives: a attacks d whenever a reaches b by
    zero or more supports, b attacks c, and c reaches d by zero or more supports. Returns
    the derived attacks that are not already direct attacks, sorted. Relations in
    `disabled` (undercut by an accepted claim) imply nothing. The cost is one
    support-reachability search per attack end: at most quadratic, the size of the output.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=1, relation="a/supports/b")
    >>> g.add_edge("b", "c", sign=-1)
    >>> g.add_edge("c", "d", sign=1)
    >>> derived_attacks(g)
    (('a', 'c'), ('a', 'd'), ('b', 'd'))
    >>> derived_attacks(g, frozenset({"a/supports/b"}))
    (('b', 'd'),)
    """
    return _derived(*_edges(arguments), disabled)


def _derived(
    attack_edges: list[Edge], support_edges: list[Edge], disabled: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}
    for origin, target, relation in support_edges:
        if relation not in disabled:
            forward.setdefault(origin, []).append(target)
            backward.setdefault(target, []).append(origin)
    direct = {(a, b) for a, b, relation in attack_edges if relation not in disabled}
    every_direct = {(a, b) for a, b, _ in attack_edges}
    upstream: dict[str, set[str]] = {}
    downstream: dict[str, set[str]] = {}
    derived: set[tuple[str, str]] = set()
    for origin, target in direct:
        if origin not in upstream:
            upstream[origin] = reach([origin], lambda node: backward.get(node, ()))
        if target not in downstream:
            downstream[target] = reach([target], lambda node: forward.get(node, ()))
        derived.update((a, d) for a in upstream[origin] for d in downstream[target])
    return tuple(sorted(derived - every_direct))


def bipolar_labelling(arguments: nx.DiGraph, cuts: Undercuts | None = None) -> dict[str, str]:
    """The grounded labelling once `derived_attacks` are added to the direct attacks.

    Relations that the grounded labelling finds undercut by an accepted claim imply no
    derived attack.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=-1)
    >>> g.add_edge("b", "c", sign=1)
    >>> grounded_labelling(g)["c"], bipolar_labelling(g)["c"]
    ('in', 'out')
    """
    return labellings(arguments, cuts)[1]


def labellings(
    arguments: nx.DiGraph, cuts: Undercuts | None = None
) -> tuple[dict[str, str], dict[str, str], frozenset[str], tuple[tuple[str, str], ...]]:
    """`grounded_labelling`, `bipolar_labelling`, `disabled_relations` and the
    `derived_attacks` they imply, from one flattening: what `analyse` needs of them.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=-1)
    >>> g.add_edge("b", "c", sign=1)
    >>> grounded, bipolar, disabled, derived = labellings(g)
    >>> grounded["c"], bipolar["c"], disabled, derived
    ('in', 'out', frozenset(), (('a', 'c'),))
    """
    return _labellings(arguments, *_edges(arguments), cuts or {})


def _labellings(
    arguments: nx.DiGraph, attack_edges: list[Edge], support_edges: list[Edge], cuts: Undercuts
) -> tuple[dict[str, str], dict[str, str], frozenset[str], tuple[tuple[str, str], ...]]:
    labels = _grounded(_flatten(arguments, attack_edges, cuts))
    disabled = _disabled(labels, cuts) if cuts else frozenset()
    extra = _derived(attack_edges, support_edges, disabled)
    bipolar = _grounded(_flatten(arguments, attack_edges, cuts, extra=extra))
    return _claims_only(arguments, labels), _claims_only(arguments, bipolar), disabled, extra


class Readings(NamedTuple):
    """Every reading of one framework that `analyse` reports (see `readings`)."""

    grounded: dict[str, str]
    bipolar: dict[str, str]
    disabled: frozenset[str]
    derived: tuple[tuple[str, str], ...]
    grounded_reasons: dict[str, tuple[str, ...]]
    bipolar_reasons: dict[str, tuple[str, ...]]
    strength: dict[str, float]


def readings(arguments: nx.DiGraph, cuts: Undercuts | None = None) -> Readings:
    """`labellings`, both labellings' `defeaters` and `dfquad_strengths`, from one pass
    over the graph's edges: the same values as calling each of them.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=-1)
    >>> g.add_edge("b", "c", sign=1)
    >>> r = readings(g)
    >>> r.grounded, r.bipolar
    ({'a': 'in', 'b': 'out', 'c': 'in'}, {'a': 'in', 'b': 'out', 'c': 'out'})
    >>> r.disabled, r.derived, r.grounded_reasons, r.bipolar_reasons
    (frozenset(), (('a', 'c'),), {'b': ('a',)}, {'b': ('a',), 'c': ('a',)})
    >>> r.strength
    {'a': 0.5, 'b': 0.25, 'c': 0.625}
    """
    cuts = cuts or {}
    attack_edges, support_edges = _edges(arguments)
    grounded, bipolar, disabled, derived = _labellings(arguments, attack_edges, support_edges, cuts)
    return Readings(
        grounded,
        bipolar,
        disabled,
        derived,
        _defeaters(arguments, attack_edges, grounded, (), disabled),
        _defeaters(arguments, attack_edges, bipolar, derived, disabled),
        _dfquad(arguments, attack_edges, support_edges, cuts, BASE_SCORE, 1000, 1e-12),
    )


def defeaters(
    arguments: nx.DiGraph,
    labels: Mapping[str, str],
    cuts: Undercuts | None = None,
    extra: Iterable[tuple[str, str]] = (),
    *,
    disabled: frozenset[str] | None = None,
) -> dict[str, tuple[str, ...]]:
    """Why each claim labelled out or undecided is so: the claims whose attacks do it.

    For an out claim, the accepted claims whose attack on it holds (not undercut by an
    accepted claim); for an undecided one, the undecided claims attacking it. `extra` are
    further attacks (the bipolar labelling's derived ones). Claims in `labels` as in,
    and attacks an accepted undercut disables, give no reason.

    >>> import networkx as nx
    >>> g = nx.DiGraph([("a", "b"), ("x", "y"), ("y", "x")])
    >>> defeaters(g, grounded_labelling(g))
    {'b': ('a',), 'x': ('y',), 'y': ('x',)}

    `disabled` is `disabled_relations(arguments, cuts)` when the caller has it already.
    """
    if disabled is None:
        disabled = disabled_relations(arguments, cuts or {})
    return _defeaters(arguments, _edges(arguments)[0], labels, extra, disabled)


def _defeaters(
    arguments: nx.DiGraph,
    attack_edges: list[Edge],
    labels: Mapping[str, str],
    extra: Iterable[tuple[str, str]],
    disabled: frozenset[str],
) -> dict[str, tuple[str, ...]]:
    attackers: dict[str, set[str]] = {}
    for origin, target, relation in attack_edges:
        if relation not in disabled:
            attackers.setdefault(target, set()).add(origin)
    for origin, target in extra:
        attackers.setdefault(target, set()).add(origin)
    found: dict[str, tuple[str, ...]] = {}
    for claim in arguments:
        label = labels.get(claim)
        if label == "out":
            wanted = "in"
        elif label == "undecided":
            wanted = "undecided"
        else:
            continue
        found[claim] = tuple(sorted(a for a in attackers.get(claim, ()) if labels.get(a) == wanted))
    return found


def dfquad_strengths(
    arguments: nx.DiGraph,
    cuts: Undercuts | None = None,
    *,
    base: float = BASE_SCORE,
    max_rounds: int = 1000,
    tolerance: float = 1e-12,
) -> dict[str, float]:
    """The DF-QuAD strength of every claim (Rago, Toni, Aurisicchio and Baroni, 2016).

    With `F(v1..vn) = 1 - (1 - v1)...(1 - vn)` (0 for none) over the strengths of the
    attackers (`va`) and of the supporters (`vs`), a claim with base score `v0` has
    strength `v0 - v0 (va - vs)` when `va >= vs`, else `v0 + (1 - v0) (vs - va)`. Every
    claim's base score is `base`. argmap's extension for undercuts: a relation carries
    its origin's strength times `(1 - s)` for each undercut of strength `s` (itself
    weakened the same way by undercuts of it). Computed by synchronous rounds from the
    base scores, exact on an acyclic map after as many rounds as its longest chain; on a
    cycle the rounds stop at `tolerance` or `max_rounds` (DF-QuAD is defined for acyclic
    frameworks; docs/analysis.md).

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", sign=-1)
    >>> g.add_edge("c", "b", sign=1)
    >>> g.add_edge("d", "c", sign=-1)
    >>> {k: round(v, 4) for k, v in dfquad_strengths(g).items()}
    {'a': 0.5, 'b': 0.375, 'c': 0.25, 'd': 0.5}
    """
    attack_edges, support_edges = _edges(arguments)
    return _dfquad(arguments, attack_edges, support_edges, cuts or {}, base, max_rounds, tolerance)


def _dfquad(
    arguments: nx.DiGraph,
    attack_edges: list[Edge],
    support_edges: list[Edge],
    cuts: Undercuts,
    base: float,
    max_rounds: int,
    tolerance: float,
) -> dict[str, float]:
    incoming: dict[str, list[tuple[str, str, int]]] = {node: [] for node in arguments}
    for sign, kind in ((-1, attack_edges), (1, support_edges)):
        for origin, target, relation in kind:
            incoming[target].append((origin, relation, sign))
    undercut_of = {
        undercut: (claim, relation)
        for relation, cut in cuts.items()
        for undercut, claim in cut
        if claim in arguments
    }
    order = _dependency_order(incoming, cuts, undercut_of)
    if order is not None:
        # Acyclic: one pass in dependency order computes, with the same arithmetic, the
        # values the rounds below reach after as many rounds as the longest chain (which
        # made them quadratic on deep chains).
        return _in_order(order, incoming, cuts, undercut_of, base)
    strength = dict.fromkeys(arguments, base)
    for _ in range(max_rounds):
        weight = _relation_weights(strength, cuts, undercut_of)
        new = {}
        for claim, edges in incoming.items():
            new[claim] = _strength(base, edges, strength, weight)
        change = max((abs(new[c] - strength[c]) for c in new), default=0.0)
        strength = new
        if change <= tolerance:
            break
    return strength


def _strength(
    base: float,
    edges: list[tuple[str, str, int]],
    strength: Mapping[str, float],
    weight: Mapping[str, float],
) -> float:
    attack = _aggregate(strength[o] * weight.get(r, 1.0) for o, r, s in edges if s < 0)
    support = _aggregate(strength[o] * weight.get(r, 1.0) for o, r, s in edges if s > 0)
    return _combine(base, attack, support)


def _dependency_order(
    incoming: Mapping[str, list[tuple[str, str, int]]],
    cuts: Undercuts,
    undercut_of: Mapping[str, tuple[str, str]],
) -> list[str] | None:
    """The claims, each after every claim its strength depends on; None on a cycle.

    A claim depends on the origins of the relations into it and on the claims of the
    undercuts (and undercuts of undercuts) of those relations.
    """
    needs_of: dict[str, set[str]] = {}
    for claim, edges in incoming.items():
        needs = {origin for origin, _, _ in edges}
        stack = [relation for _, relation, _ in edges if relation in cuts]
        seen = set(stack)
        while stack:
            for undercut, _ in cuts.get(stack.pop(), ()):
                if undercut in undercut_of:
                    needs.add(undercut_of[undercut][0])
                    if undercut not in seen:
                        seen.add(undercut)
                        stack.append(undercut)
        needs_of[claim] = needs
    return _topological(needs_of)


def _topological(needs_of: Mapping[str, set[str]]) -> list[str] | None:
    """Kahn's order of the keys, each after the keys it needs; None on a cycle.

    Every needed claim is a key. (graphlib's sorter gives another valid order at several
    times the cost; the strengths do not depend on which valid order is used.)

    >>> _topological({"a": {"b"}, "b": set(), "c": {"a", "b"}})
    ['b', 'a', 'c']
    >>> _topological({"a": {"b"}, "b": {"a"}, "c": set()}) is None
    True
    """
    waiting = {claim: len(needs) for claim, needs in needs_of.items()}
    needed_by: dict[str, list[str]] = {}
    for claim, needs in needs_of.items():
        for need in needs:
            needed_by.setdefault(need, []).append(claim)
    order = [claim for claim, count in waiting.items() if count == 0]
    for claim in order:  # grows as claims become ready
        for later in needed_by.get(claim, ()):
            waiting[later] -= 1
            if waiting[later] == 0:
                order.append(later)
    return order if len(order) == len(waiting) else None


def _in_order(
    order: list[str],
    incoming: Mapping[str, list[tuple[str, str, int]]],
    cuts: Undercuts,
    undercut_of: Mapping[str, tuple[str, str]],
    base: float,
) -> dict[str, float]:
    strength: dict[str, float] = {}
    weight: dict[str, float] = {}
    for claim in order:
        edges = incoming[claim]
        for _, relation, _ in edges:
            if relation in cuts and relation not in weight:
                _resolve(relation, strength, cuts, undercut_of, weight)
        strength[claim] = _strength(base, edges, strength, weight)
    # The rounds' dict order: the graph's, not the dependency order.
    return {claim: strength[claim] for claim in incoming}


def _relation_weights(
    strength: Mapping[str, float],
    cuts: Undercuts,
    undercut_of: Mapping[str, tuple[str, str]],
) -> dict[str, float]:
    weight: dict[str, float] = {}
    for relation in cuts:
        _resolve(relation, strength, cuts, undercut_of, weight)
    return weight


def _resolve(
    relation: str,
    strength: Mapping[str, float],
    cuts: Undercuts,
    undercut_of: Mapping[str, tuple[str, str]],
    weight: dict[str, float],
) -> float:
    # Undercut chains cannot loop (a relation's id contains its target's), so memoised
    # recursion ends; it is written as an explicit stack to stay safe on long chains.
    stack = [relation]
    while stack:
        top = stack[-1]
        pending = [u for u, _ in cuts.get(top, ()) if u in undercut_of and u not in weight]
        if pending:
            stack.extend(pending)
            continue
        stack.pop()
        w = 1.0
        for undercut, _ in cuts.get(top, ()):
            if undercut in undercut_of:
                w *= 1 - strength[undercut_of[undercut][0]] * weight[undercut]
        weight[top] = w
    return weight[relation]


def _aggregate(values: Iterable[float]) -> float:
    product = 1.0
    for value in values:
        product *= 1 - value
    return 1 - product


def _combine(base: float, attack: float, support: float) -> float:
    if attack >= support:
        return base - base * (attack - support)
    return base + (1 - base) * (support - attack)
