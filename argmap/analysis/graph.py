"""The argument map as networkx graphs: what every analysis reads.

Two graphs, because claims argue with claims and actors take stances on claims, and the
analyses read one or the other:

- `argument_graph`: claims and the relations between them (support and attack);
- `stance_graph`: actors and claims, with one edge per stance.

Both are built from a valid map (`argmap check` clean). A relation or stance that names
an id the map does not define is left out rather than guessed at.

What the stance analyses read of a stance graph is its actors and its edges in order,
`StanceEdges`: `stance_edges` takes them from a graph, `map_stance_edges` straight from a
map without making the graph (which, with the five loops over its edges through
networkx's views, was a third of `analyse` on a 100,000-stance map).

Likewise what the argument analyses read of an argument graph is its claims' kinds and
its adjacency, `ArgumentEdges`: `as_argument_edges` takes them from a graph,
`map_argument_edges` straight from a map. `analyse` uses the second, so a build neither
makes the DiGraph nor imports networkx (together a third of `analyse` on a
20,000-statement debate).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

from argmap.model import ArgumentMap, RelationKind

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ArgumentEdges",
    "Arguments",
    "StanceEdge",
    "StanceEdges",
    "Stances",
    "argument_graph",
    "as_argument_edges",
    "as_stance_edges",
    "map_argument_edges",
    "map_stance_edges",
    "stance_edges",
    "stance_graph",
]

#: One edge of a stance graph: (actor, claim, stance id, sign, source), the sign and
#: source as the edge's data has them (None and "" where it has none).
StanceEdge = tuple[str, str, str, Any, Any]


@dataclass(frozen=True)
class StanceEdges:
    """A stance graph as the analyses read it: its actor nodes and its edges in order.

    `actors` are the nodes with `bipartite=0`, in node order; `edges` are
    `edges(keys=True)` in the graph's order, each with its `sign` and `source`.
    """

    actors: tuple[str, ...]
    edges: Sequence[StanceEdge]


#: What a stance analysis takes: a stance graph, or its `StanceEdges`.
Stances = Union["nx.MultiDiGraph", StanceEdges]


@dataclass(frozen=True)
class ArgumentEdges:
    """An argument graph as the analyses read it: its claims and their relations.

    `kinds` maps each node, in node order, to its `kind` (None for a node without one);
    `targets` maps each node, in the same order, to the nodes it has an edge to, in the
    graph's order of its successors, each with that edge's data: the DiGraph's adjacency
    (`graph.adj`) as plain dicts. Nothing that reads it changes it.
    """

    kinds: Mapping[str, str | None]
    targets: Mapping[str, Mapping[str, Mapping[str, Any]]]


#: What an argument analysis takes: an argument graph, or its `ArgumentEdges`.
Arguments = Union["nx.DiGraph", ArgumentEdges]


def argument_graph(amap: ArgumentMap) -> nx.DiGraph:
    """The claims as a directed graph: an edge `origin -> target` per relation.

    Nodes are claim ids in file order with the attributes `kind` (`"proposal"`, `"claim"`
    or `"evidence"`) and `label` (the claim's display text). Edges carry `kind`
    (`"supports"` or `"attacks"`), `sign` (+1 for support, -1 for attack), `relation`
    (the relation's id), `source` (the source it cites, or None) and `inferred`.
    Undercuts are not edges here: their target is a relation, not a claim (see
    `argmap.analysis.acceptance`). Should a map relate one pair of claims both ways (a
    contradiction `argmap check` reports), the attack is kept: for acceptance an attack is
    the relation that matters, and keeping the first one written would make the result
    depend on order.

    >>> from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationKind
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("r", "R")),
    ...     relations=(Relation("r/attacks/p", "r", "p", RelationKind.ATTACKS),),
    ... )
    >>> g = argument_graph(amap)
    >>> list(g.nodes(data="kind"))
    [('p', 'proposal'), ('r', 'claim')]
    >>> g.edges["r", "p"]["sign"]
    -1
    """
    # The edges are worked out first (`map_argument_edges`, the one home of which
    # relations are kept), then added in one call each for nodes and edges: networkx's
    # add_edge per relation cost several Python calls apiece.
    targets = map_argument_edges(amap).targets
    import networkx as nx

    graph = nx.DiGraph()
    # The ids alone, then each node's attributes: `add_nodes_from` given (id, attributes)
    # pairs first tries each pair as a node and takes the pair apart in its TypeError
    # handler, an exception per claim.
    graph.add_nodes_from([claim.id for claim in amap.claims])
    nodes = graph.nodes
    for claim in amap.claims:
        attributes = nodes[claim.id]
        attributes["kind"] = claim.kind.value
        attributes["label"] = claim.display
    # Each pair in the place its first relation has, as add_edge per relation gave it
    # (the order of each claim's predecessors).
    pairs = dict.fromkeys(
        (relation.origin, relation.target)
        for relation in amap.relations
        if relation.target in targets.get(relation.origin, ())
    )
    graph.add_edges_from((a, b, targets[a][b]) for a, b in pairs)
    return graph


def map_argument_edges(amap: ArgumentMap) -> ArgumentEdges:
    """`as_argument_edges(argument_graph(amap))`, without making the graph.

    Claims in file order (a repeated id in its first place, with its last kind, as the
    graph's node attributes are); each claim's targets in the order its relations first
    name them. A relation naming an id that is no claim is left out. Should one pair of
    claims be related twice, a later relation replaces the earlier one's data in its
    place, unless the earlier one is an attack (`argument_graph`).

    >>> from argmap.model import Claim, ClaimKind, Relation
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("r", "R")),
    ...     relations=(Relation("r/attacks/p", "r", "p", RelationKind.ATTACKS),),
    ... )
    >>> found = map_argument_edges(amap)
    >>> dict(found.kinds), {a: list(t) for a, t in found.targets.items()}
    ({'p': 'proposal', 'r': 'claim'}, {'p': [], 'r': ['p']})
    >>> found.targets["r"]["p"]["sign"]
    -1
    """
    kinds: dict[str, str | None] = {}
    for claim in amap.claims:
        kinds[claim.id] = claim.kind.value
    targets: dict[str, dict[str, dict[str, Any]]] = {claim: {} for claim in kinds}
    attack = RelationKind.ATTACKS
    for relation in amap.relations:
        out = targets.get(relation.origin)
        target = relation.target
        if out is None or target not in targets:
            continue
        existing = out.get(target)
        if existing is not None and existing["kind"] == attack.value:
            continue
        kind = relation.kind
        out[target] = {
            "kind": kind.value,
            "sign": -1 if kind is attack else 1,
            "relation": relation.id,
            "source": relation.source,
            "inferred": relation.inferred,
        }
    return ArgumentEdges(kinds, targets)


def as_argument_edges(arguments: Arguments) -> ArgumentEdges:
    """The `ArgumentEdges` of an argument graph, or the ones given.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_node("p", kind="proposal")
    >>> g.add_edge("a", "p", sign=-1)
    >>> found = as_argument_edges(g)
    >>> dict(found.kinds), dict(found.targets)
    ({'p': 'proposal', 'a': None}, {'p': {}, 'a': {'p': {'sign': -1}}})
    """
    if isinstance(arguments, ArgumentEdges):
        return arguments
    adjacency: dict[str, dict[str, dict[str, Any]]] = arguments._adj
    return ArgumentEdges(dict(arguments.nodes(data="kind")), adjacency)


def stance_graph(amap: ArgumentMap) -> nx.MultiDiGraph:
    """Actors and claims as a bipartite multigraph: an edge `actor -> claim` per stance.

    Actor nodes (every actor, with a stance or not, in file order) have `bipartite=0` and
    `kind` (the actor kind); claim nodes have `bipartite=1` and `kind` (the claim kind).
    Each edge is keyed by the stance id and carries `position` (`"supports"`, `"opposes"`
    or `"neutral"`), `sign` (+1, -1, 0) and `source` (the stance's source id). A
    multigraph, because an actor may take several stances on one claim (in several
    sources, or a change of mind kept as two dated stances).

    >>> from argmap.model import Actor, ActorKind, ArgumentMap, Claim, Position, Stance
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     actors=(Actor("ann", "Ann", ActorKind.PERSON),),
    ...     claims=(Claim("c", "C"),),
    ...     stances=(Stance("ann/c", "ann", "c", Position.OPPOSES, "s"),),
    ... )
    >>> list(stance_graph(amap).edges(keys=True, data="sign"))
    [('ann', 'c', 'ann/c', -1)]
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_nodes_from(
        (actor.id, {"bipartite": 0, "kind": actor.kind.value}) for actor in amap.actors
    )
    graph.add_nodes_from(
        (claim.id, {"bipartite": 1, "kind": claim.kind.value}) for claim in amap.claims
    )
    actors, claims = amap.actors_by_id, amap.claims_by_id
    # One add_edges_from call: add_edge per stance cost several Python calls apiece.
    graph.add_edges_from(
        (
            stance.actor,
            stance.claim,
            stance.id,
            {
                "position": stance.position.value,
                "sign": stance.position.sign,
                "source": stance.source,
            },
        )
        for stance in amap.stances
        if stance.actor in actors and stance.claim in claims
    )
    return graph


def stance_edges(stances: nx.MultiDiGraph) -> StanceEdges:
    """What the stance analyses read of a stance graph (see `StanceEdges`).

    The edges are read by a loop over the graph's adjacency dicts, in the order of
    `edges(keys=True, data=True)`, which makes a view and a generator step per edge.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("ann", bipartite=0)
    >>> g.add_edge("ann", "c", key="ann/c", sign=-1, source="s")
    'ann/c'
    >>> g.add_edge("bob", "c", key="bob/c")
    'bob/c'
    >>> found = stance_edges(g)
    >>> found.actors, found.edges
    (('ann',), [('ann', 'c', 'ann/c', -1, 's'), ('bob', 'c', 'bob/c', None, '')])
    """
    adjacency: dict[str, dict[str, dict[str, dict[str, Any]]]] = stances._adj
    return StanceEdges(
        tuple(node for node, bipartite in stances.nodes(data="bipartite") if bipartite == 0),
        [
            (actor, claim, key, data.get("sign"), data.get("source", ""))
            for actor, targets in adjacency.items()
            for claim, keyed in targets.items()
            for key, data in keyed.items()
        ],
    )


def map_stance_edges(amap: ArgumentMap) -> StanceEdges:
    """`stance_edges(stance_graph(amap))`, without making the graph.

    The graph's order: by actor in file order, then by claim in the order the actor's
    stances first name it, then by stance. A stance whose id an earlier one on the same
    actor and claim has replaces its data in that one's place, as `add_edges_from` does;
    an actor whose id is also a claim's is a claim node (`bipartite=1`), as there.

    >>> from argmap.model import Actor, ActorKind, Claim, Position, Stance
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     actors=(Actor("bob", "Bob", ActorKind.PERSON), Actor("ann", "Ann", ActorKind.PERSON)),
    ...     claims=(Claim("c", "C"), Claim("d", "D")),
    ...     stances=(
    ...         Stance("ann/d", "ann", "d", Position.SUPPORTS, "s"),
    ...         Stance("bob/c", "bob", "c", Position.NEUTRAL, "s"),
    ...         Stance("ann/c", "ann", "c", Position.OPPOSES, "t"),
    ...         Stance("ann/x", "ann", "x", Position.OPPOSES, "t"),
    ...     ),
    ... )
    >>> map_stance_edges(amap).edges
    [('bob', 'c', 'bob/c', 0, 's'), ('ann', 'd', 'ann/d', 1, 's'), ('ann', 'c', 'ann/c', -1, 't')]
    """
    claims = amap.claims_by_id
    by_actor: dict[str, dict[str, dict[str, StanceEdge]]] = {}
    for actor in amap.actors:
        by_actor.setdefault(actor.id, {})
    for stance in amap.stances:
        targets = by_actor.get(stance.actor)
        if targets is None or stance.claim not in claims:
            continue
        keyed = targets.get(stance.claim)
        if keyed is None:
            keyed = targets[stance.claim] = {}
        keyed[stance.id] = (
            stance.actor,
            stance.claim,
            stance.id,
            stance.position.sign,
            stance.source,
        )
    return StanceEdges(
        tuple(actor for actor in by_actor if actor not in claims),
        [
            edge
            for targets in by_actor.values()
            for keyed in targets.values()
            for edge in keyed.values()
        ],
    )


def as_stance_edges(stances: Stances) -> StanceEdges:
    """The `StanceEdges` of a stance graph, or the ones given."""
    return stances if isinstance(stances, StanceEdges) else stance_edges(stances)
