"""Which claims survive the attacks on them, why, and how strongly.

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

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from argmap.analysis.graph import Arguments, as_argument_edges
from argmap.reach import reach

if TYPE_CHECKING:
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


#: A claim's or relation node's label in the indexed framework: bytes, 0 undecided.
_UNDECIDED, _IN, _OUT = 0, 1, 2
_LABEL = ("undecided", "in", "out")


class _Indexed(NamedTuple):
    """The argument graph by position: what every reading works on.

    Claim `i` is `nodes[i]` (graph order); `attacks` and `supports` are (origin, target,
    relation id) with the ends as positions, in the graph's edge order; `rank[i]` is claim
    i's place in id order, so sorting by rank sorts by id. Lists of small integers
    instead of dicts keyed by ids: on a big map every reading made several dicts of a
    few hundred thousand entries, and each lookup in them a cache miss.
    """

    nodes: list[str]
    position: dict[str, int]
    attacks: list[tuple[int, int, str]]
    supports: list[tuple[int, int, str]]

    def rank(self) -> list[int]:
        rank = [0] * len(self.nodes)
        for place, i in enumerate(sorted(range(len(self.nodes)), key=self.nodes.__getitem__)):
            rank[i] = place
        return rank

    def by_id(self, positions: Iterable[int], rank: Sequence[int]) -> tuple[str, ...]:
        nodes = self.nodes
        return tuple(nodes[i] for i in sorted(positions, key=rank.__getitem__))


def _indexed(arguments: Arguments) -> _Indexed:
    """The graph's claims, and its attack and support edges with their ends as positions.

    Both edge lists in the graph's edge order. An edge without a `sign` is an attack, so a
    plain DiGraph is a Dung framework; one without a `relation` id gets `origin->target`.
    One pass over the graph's edges serves every reading (`readings`).

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("b", "a", sign=1, relation="b/supports/a")
    >>> g.add_edge("c", "b")
    >>> framework = _indexed(g)
    >>> framework.nodes, framework.attacks, framework.supports, framework.rank()
    (['b', 'a', 'c'], [(2, 0, 'c->b')], [(0, 1, 'b/supports/a')], [1, 0, 2])
    """
    edges = as_argument_edges(arguments)
    nodes = list(edges.kinds)
    index = {node: i for i, node in enumerate(nodes)}
    attacks: list[tuple[int, int, str]] = []
    supports: list[tuple[int, int, str]] = []
    # The adjacency dicts in the order of `edges(data=True)`, without its view's generator
    # step per edge; the fallback id is formatted only for an edge that lacks one.
    adjacency = edges.targets
    for origin, targets in adjacency.items():
        at = index[origin]
        for target, data in targets.items():
            # not `get`: its default would be formatted for every edge
            relation = data["relation"] if "relation" in data else f"{origin}->{target}"  # noqa: SIM401
            (attacks if data.get("sign", -1) < 0 else supports).append(
                (at, index[target], relation)
            )
    return _Indexed(nodes, index, attacks, supports)


def _flatten(framework: _Indexed, cuts: Undercuts) -> tuple[list[list[int]], dict[str, int]]:
    """The Dung framework of claims and relation nodes (module docstring), as attack lists.

    Node i < len(nodes) is claim i; then each relation R has two nodes ("R is disabled",
    "R holds"), numbered as first met. Returns each node's attacked nodes and each
    relation's "holds" node.

    >>> framework = _Indexed(["p", "a", "u"], {"p": 0, "a": 1, "u": 2}, [(1, 0, "r")], [])
    >>> _flatten(framework, {"r": [("c", "u")]})
    ([[], [3], [5], [4], [0], [6], [4]], {'r': 4, 'c': 6})
    """
    targets: list[list[int]] = [[] for _ in framework.nodes]
    disables: dict[str, int] = {}
    holds: dict[str, int] = {}

    def node(of: dict[str, int], relation: str) -> int:
        at = of.get(relation)
        if at is None:
            at = of[relation] = len(targets)
            targets.append([])
        return at

    def through(origin: int, relation: str, target: int) -> None:
        x, y = node(disables, relation), node(holds, relation)
        targets[x].append(y)
        targets[y].append(target)
        targets[origin].append(x)

    for origin, target, relation in framework.attacks:
        through(origin, relation, target)
    index = framework.position
    for relation, cut in cuts.items():
        held = node(holds, relation)  # a support's "holds" node, too
        for undercut, claim in cut:
            if (at := index.get(claim)) is not None:
                through(at, undercut, held)
    return targets, holds


def _attack_lists(framework: _Indexed, cuts: Undercuts) -> tuple[list[list[int]], dict[str, int]]:
    """`_flatten`'s attack lists, or with nothing undercut the claims' own.

    With no undercut, an attack `a -> x -> y -> t` of the flattening has `x` attacked by
    `a` alone and `y` by `x` alone, so `x` is in exactly when `a` is out and `y` takes
    `a`'s label, whatever it is: every claim gets the label the plain framework of the
    direct attacks gives it, which has a third of the flattening's nodes and edges. The
    "holds" nodes are then none. Not so when two attacks share a relation id (a
    hand-made graph may give one twice): the flattening gives them one pair of nodes.

    >>> framework = _Indexed(["p", "a"], {"p": 0, "a": 1}, [(1, 0, "r"), (1, 1, "s")], [])
    >>> _attack_lists(framework, {})
    ([[], [0, 1]], {})
    """
    attacks = framework.attacks
    if cuts or len({relation for _, _, relation in attacks}) < len(attacks):
        return _flatten(framework, cuts)
    targets: list[list[int]] = [[] for _ in framework.nodes]
    for origin, target, _ in attacks:
        targets[origin].append(target)
    return targets, {}


def _grounded(targets: Sequence[Sequence[int]]) -> bytearray:
    """The grounded label of every node of an attack-list framework (`_IN`, `_OUT`, 0).

    The standard linear-time labelling: an argument is in once all its attackers are out,
    and out as soon as one attacker is in; what is left is undecided. An attack listed
    twice is counted twice and lifted twice, so it needs no deduplication.

    >>> list(_grounded([[1], [2], [], [4], [3]]))
    [1, 2, 1, 0, 0]
    """
    unbeaten = [0] * len(targets)
    for attacked in targets:
        for target in attacked:
            unbeaten[target] += 1
    label = bytearray(len(targets))
    queue = [node for node, count in enumerate(unbeaten) if count == 0]
    for node in queue:
        label[node] = _IN
    for node in queue:  # grows as nodes are found in
        for beaten in targets[node]:
            if label[beaten]:
                continue
            label[beaten] = _OUT
            for freed in targets[beaten]:
                if not label[freed]:
                    unbeaten[freed] -= 1
                    if unbeaten[freed] == 0:
                        label[freed] = _IN
                        queue.append(freed)
    return label


def _claims_only(framework: _Indexed, labels: bytearray) -> dict[str, str]:
    return dict(zip(framework.nodes, map(_LABEL.__getitem__, labels), strict=False))


def grounded_labelling(arguments: Arguments, cuts: Undercuts | None = None) -> dict[str, str]:
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
    framework = _indexed(arguments)
    return _claims_only(framework, _grounded(_attack_lists(framework, cuts or {})[0]))


def disabled_relations(arguments: Arguments, cuts: Undercuts) -> frozenset[str]:
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
    targets, holds = _flatten(_indexed(arguments), cuts)
    return _disabled(_grounded(targets), holds, cuts)


def _disabled(labels: bytearray, holds: Mapping[str, int], cuts: Undercuts) -> frozenset[str]:
    # An undercut succeeds when its own "holds" node is in.
    return frozenset(
        relation
        for relation, cut in cuts.items()
        if any(undercut in holds and labels[holds[undercut]] == _IN for undercut, _ in cut)
    )


def derived_attacks(
    arguments: Arguments, disabled: frozenset[str] = frozenset()
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
    framework = _indexed(arguments)
    return _named_pairs(framework, _derived(framework, framework.rank(), disabled))


def _named_pairs(
    framework: _Indexed, pairs: Iterable[tuple[int, int]]
) -> tuple[tuple[str, str], ...]:
    nodes = framework.nodes
    return tuple((nodes[a], nodes[b]) for a, b in pairs)


def _derived(
    framework: _Indexed, rank: Sequence[int], disabled: frozenset[str]
) -> list[tuple[int, int]]:
    """`derived_attacks` as claim positions, sorted by the ends' ids."""
    count = len(framework.nodes)
    forward: list[list[int]] = [[] for _ in range(count)]
    backward: list[list[int]] = [[] for _ in range(count)]
    for origin, target, relation in framework.supports:
        if relation not in disabled:
            forward[origin].append(target)
            backward[target].append(origin)
    upstream: dict[int, list[int]] = {}
    downstream: dict[int, list[int]] = {}
    # Each pair as one integer, `rank[a] * count + rank[b]`: it sorts as the pair of ids.
    derived: set[int] = set()
    # An attack listed twice adds the same pairs twice, which the set keeps once.
    for origin, target, relation in framework.attacks:
        if relation in disabled:
            continue
        if not backward[origin] and not forward[target]:
            continue  # it implies itself alone, a direct attack, taken out below
        # Most claims have no supporter (or support nothing): no search for them.
        if (up := upstream.get(origin)) is None:
            up = upstream[origin] = (
                [rank[a] * count for a in reach([origin], backward.__getitem__)]
                if backward[origin]
                else [rank[origin] * count]
            )
        if (down := downstream.get(target)) is None:
            down = downstream[target] = (
                [rank[d] for d in reach([target], forward.__getitem__)]
                if forward[target]
                else [rank[target]]
            )
        derived.update(a + d for a in up for d in down)
    derived.difference_update(rank[a] * count + rank[b] for a, b, _ in framework.attacks)
    by_rank = [0] * count
    for i, place in enumerate(rank):
        by_rank[place] = i
    return [(by_rank[key // count], by_rank[key % count]) for key in sorted(derived)]


def bipolar_labelling(arguments: Arguments, cuts: Undercuts | None = None) -> dict[str, str]:
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
    arguments: Arguments, cuts: Undercuts | None = None
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
    framework = _indexed(arguments)
    found = _labellings(framework, framework.rank(), cuts or {})
    return found.grounded, found.bipolar, found.disabled, _named_pairs(framework, found.derived)


class _Labels(NamedTuple):
    grounded: dict[str, str]
    bipolar: dict[str, str]
    disabled: frozenset[str]
    derived: list[tuple[int, int]]  # claim positions, sorted by the ends' ids
    grounded_labels: bytearray  # by claim position (then relation nodes, if undercut)
    bipolar_labels: bytearray


def _labellings(framework: _Indexed, rank: Sequence[int], cuts: Undercuts) -> _Labels:
    targets, holds = _attack_lists(framework, cuts)
    labels = _grounded(targets)
    disabled = _disabled(labels, holds, cuts) if cuts else frozenset()
    extra = _derived(framework, rank, disabled)
    # The bipolar framework is the same one with the derived attacks added plainly.
    for origin, target in extra:
        targets[origin].append(target)
    bipolar = _grounded(targets)
    return _Labels(
        _claims_only(framework, labels),
        _claims_only(framework, bipolar),
        disabled,
        extra,
        labels,
        bipolar,
    )


class Readings(NamedTuple):
    """Every reading of one framework that `analyse` reports (see `readings`)."""

    grounded: dict[str, str]
    bipolar: dict[str, str]
    disabled: frozenset[str]
    derived: tuple[tuple[str, str], ...]
    grounded_reasons: dict[str, tuple[str, ...]]
    bipolar_reasons: dict[str, tuple[str, ...]]
    strength: dict[str, float]


def readings(arguments: Arguments, cuts: Undercuts | None = None) -> Readings:
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
    framework = _indexed(arguments)
    rank = framework.rank()
    found = _labellings(framework, rank, cuts)
    return Readings(
        found.grounded,
        found.bipolar,
        found.disabled,
        _named_pairs(framework, found.derived),
        _defeaters(framework, rank, found.grounded_labels, (), found.disabled),
        _defeaters(framework, rank, found.bipolar_labels, found.derived, found.disabled),
        _dfquad(framework, cuts, BASE_SCORE, 1000, 1e-12),
    )


def defeaters(
    arguments: Arguments,
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
    framework = _indexed(arguments)
    index = framework.position
    # A label the labellings never give (or none) matches nothing: code 3.
    codes = {"undecided": _UNDECIDED, "in": _IN, "out": _OUT}
    coded = bytearray(codes.get(labels.get(node, ""), 3) for node in framework.nodes)
    attacks = [(index[a], index[b]) for a, b in extra]
    return _defeaters(framework, framework.rank(), coded, attacks, disabled)


#: The label an attacker needs to be a reason for its target's label, by that label:
#: an out claim's reasons are its accepted attackers, an undecided one's its undecided
#: attackers; an in claim (or a code no labelling gives) has none, and -1 matches no label.
_REASON = (_UNDECIDED, -1, _IN, -1)


def _defeaters(
    framework: _Indexed,
    rank: Sequence[int],
    labels: bytearray,
    extra: Iterable[tuple[int, int]],
    disabled: frozenset[str],
) -> dict[str, tuple[str, ...]]:
    # Only the attacks that are reasons are kept, by target: most claims are in, and most
    # of the rest have a single reason, which needs no set and no sort.
    reasons: dict[int, list[int]] = {}
    for origin, target, relation in framework.attacks:
        if labels[origin] == _REASON[labels[target]] and relation not in disabled:
            reasons.setdefault(target, []).append(origin)
    for origin, target in extra:
        if labels[origin] == _REASON[labels[target]]:
            reasons.setdefault(target, []).append(origin)
    nodes = framework.nodes
    found: dict[str, tuple[str, ...]] = {}
    for claim, name in enumerate(nodes):
        if _REASON[labels[claim]] < 0:
            continue
        by = reasons.get(claim)
        if by is None:
            found[name] = ()
        elif len(by) == 1:
            found[name] = (nodes[by[0]],)
        else:
            found[name] = framework.by_id(set(by), rank)
    return found


def dfquad_strengths(
    arguments: Arguments,
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
    return _dfquad(_indexed(arguments), cuts or {}, base, max_rounds, tolerance)


#: Each relation into a claim: (origin's position, relation id, sign).
_Incoming = list[tuple[int, str, int]]


def _dfquad(
    framework: _Indexed, cuts: Undercuts, base: float, max_rounds: int, tolerance: float
) -> dict[str, float]:
    incoming: list[_Incoming] = [[] for _ in framework.nodes]
    for sign, kind in ((-1, framework.attacks), (1, framework.supports)):
        for origin, target, relation in kind:
            incoming[target].append((origin, relation, sign))
    index = framework.position
    undercut_of = {
        undercut: (index[claim], relation)
        for relation, cut in cuts.items()
        for undercut, claim in cut
        if claim in index
    }
    # Acyclic: one pass in dependency order computes, with the same arithmetic, the
    # values the rounds below reach after as many rounds as the longest chain (which
    # made them quadratic on deep chains).
    if not cuts:
        found = _in_order_uncut(incoming, base)
    elif (order := _dependency_order(incoming, cuts, undercut_of)) is not None:
        found = _in_order(order, incoming, cuts, undercut_of, base)
    else:
        found = None
    if found is not None:
        strength = found
    else:
        strength = [base] * len(incoming)
        for _ in range(max_rounds):
            weight = _relation_weights(strength, cuts, undercut_of)
            new = [_strength(base, edges, strength, weight) for edges in incoming]
            change = max((abs(n - o) for n, o in zip(new, strength, strict=True)), default=0.0)
            strength = new
            if change <= tolerance:
                break
    return dict(zip(framework.nodes, strength, strict=True))


def _strength(
    base: float, edges: _Incoming, strength: Sequence[float], weight: Mapping[str, float]
) -> float:
    # F = 1 - (1 - v1)...(1 - vn) of the attacks and of the supports, each product in
    # edge order, in one loop: two generators per claim were a third of DF-QuAD.
    attacked = supported = 1.0
    for origin, relation, sign in edges:
        value = strength[origin] * weight.get(relation, 1.0)
        if sign < 0:
            attacked *= 1 - value
        else:
            supported *= 1 - value
    return _combine(base, 1 - attacked, 1 - supported)


def _dependency_order(
    incoming: Sequence[_Incoming],
    cuts: Undercuts,
    undercut_of: Mapping[str, tuple[int, str]],
) -> list[int] | None:
    """The claims, each after every claim its strength depends on; None on a cycle.

    A claim depends on the origins of the relations into it and on the claims of the
    undercuts (and undercuts of undercuts) of those relations.
    """
    needs_of: list[list[int]] = []
    for edges in incoming:
        needs = [origin for origin, _, _ in edges]
        stack = [relation for _, relation, _ in edges if relation in cuts]
        seen = set(stack)
        while stack:
            for undercut, _ in cuts.get(stack.pop(), ()):
                if undercut in undercut_of:
                    needs.append(undercut_of[undercut][0])
                    if undercut not in seen:
                        seen.add(undercut)
                        stack.append(undercut)
        needs_of.append(needs)
    return _topological(needs_of)


def _topological(needs_of: Sequence[Sequence[int]]) -> list[int] | None:
    """Kahn's order of the positions, each after the positions it needs; None on a cycle.

    A position needed twice is waited for twice and counted off twice. (graphlib's
    sorter gives another valid order at several times the cost; the strengths do not
    depend on which valid order is used.)

    >>> _topological([[1], [], [0, 1]])
    [1, 0, 2]
    >>> _topological([[1], [0], []]) is None
    True
    """
    waiting = [len(needs) for needs in needs_of]
    needed_by: list[list[int]] = [[] for _ in needs_of]
    for claim, needs in enumerate(needs_of):
        for need in needs:
            needed_by[need].append(claim)
    order = [claim for claim, count in enumerate(waiting) if count == 0]
    for claim in order:  # grows as claims become ready
        for later in needed_by[claim]:
            waiting[later] -= 1
            if waiting[later] == 0:
                order.append(later)
    return order if len(order) == len(waiting) else None


def _in_order(
    order: list[int],
    incoming: Sequence[_Incoming],
    cuts: Undercuts,
    undercut_of: Mapping[str, tuple[int, str]],
    base: float,
) -> list[float]:
    strength = [base] * len(incoming)  # every entry is written before it is read
    weight: dict[str, float] = {}
    for claim in order:
        edges = incoming[claim]
        for _, relation, _ in edges:
            if relation in cuts and relation not in weight:
                _resolve(relation, strength, cuts, undercut_of, weight)
        strength[claim] = _strength(base, edges, strength, weight)
    return strength


def _in_order_uncut(incoming: Sequence[_Incoming], base: float) -> list[float] | None:
    """`_in_order` when nothing is undercut, each claim worked out as soon as the claims
    it needs are; None on a cycle.

    A claim then needs the origins of its relations and nothing else, so `_topological`'s
    order (Kahn's) is found as the strengths are, with no list of needs made first. Each
    relation carries its origin's strength whole (`x * 1.0` is `x`), so `_strength` and
    `_combine` are written out in the loop, the same operations in the same order: two
    calls per claim were half of DF-QuAD on a 20,000-claim debate. Any order that puts
    each claim after its needs gives the same strengths, bit for bit: each is computed
    from theirs alone.

    >>> _in_order_uncut([[], [(0, "r", -1)], [(1, "s", 1), (0, "t", -1)]], 0.5)
    [0.5, 0.25, 0.375]
    >>> _in_order_uncut([[(1, "r", -1)], [(0, "s", -1)]], 0.5) is None
    True
    """
    waiting = [len(edges) for edges in incoming]
    needed_by: list[list[int]] = [[] for _ in incoming]
    for claim, edges in enumerate(incoming):
        for origin, _, _ in edges:
            needed_by[origin].append(claim)
    strength = [base] * len(incoming)  # every entry is written before it is read
    order = [claim for claim, count in enumerate(waiting) if count == 0]
    for claim in order:  # grows as claims become ready
        attacked = supported = 1.0
        for origin, _, sign in incoming[claim]:
            if sign < 0:
                attacked *= 1 - strength[origin]
            else:
                supported *= 1 - strength[origin]
        attack, support = 1 - attacked, 1 - supported
        if attack >= support:
            strength[claim] = base - base * (attack - support)
        else:
            strength[claim] = base + (1 - base) * (support - attack)
        for later in needed_by[claim]:
            waiting[later] -= 1
            if waiting[later] == 0:
                order.append(later)
    return strength if len(order) == len(incoming) else None


def _relation_weights(
    strength: Sequence[float],
    cuts: Undercuts,
    undercut_of: Mapping[str, tuple[int, str]],
) -> dict[str, float]:
    weight: dict[str, float] = {}
    for relation in cuts:
        _resolve(relation, strength, cuts, undercut_of, weight)
    return weight


def _resolve(
    relation: str,
    strength: Sequence[float],
    cuts: Undercuts,
    undercut_of: Mapping[str, tuple[int, str]],
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


def _combine(base: float, attack: float, support: float) -> float:
    if attack >= support:
        return base - base * (attack - support)
    return base + (1 - base) * (support - attack)
