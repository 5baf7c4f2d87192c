"""The argument map as networkx graphs: what every analysis reads.

Two graphs, because claims argue with claims and actors take stances on claims, and the
analyses read one or the other:

- `argument_graph`: claims and the relations between them (support and attack);
- `stance_graph`: actors and claims, with one edge per stance.

Both are built from a valid map (`argmap check` clean). A relation or stance that names
an id the map does not define is left out rather than guessed at.
"""

from __future__ import annotations

import networkx as nx

from argmap.model import ArgumentMap, RelationKind

__all__ = ["argument_graph", "stance_graph"]


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
    # The edges are worked out first, then added in one call each for nodes and edges:
    # networkx's add_edge per relation cost several Python calls apiece. A pair's first
    # relation keeps its place in the order, as add_edge updating it in place did.
    claims = {claim.id for claim in amap.claims}
    edges: dict[tuple[str, str], dict[str, object]] = {}
    for relation in amap.relations:
        if relation.origin not in claims or relation.target not in claims:
            continue
        pair = (relation.origin, relation.target)
        existing = edges.get(pair)
        if existing is not None and existing["kind"] == RelationKind.ATTACKS.value:
            continue
        attack = relation.kind is RelationKind.ATTACKS
        edges[pair] = {
            "kind": relation.kind.value,
            "sign": -1 if attack else 1,
            "relation": relation.id,
            "source": relation.source,
            "inferred": relation.inferred,
        }
    graph = nx.DiGraph()
    graph.add_nodes_from(
        (claim.id, {"kind": claim.kind.value, "label": claim.display}) for claim in amap.claims
    )
    graph.add_edges_from((a, b, data) for (a, b), data in edges.items())
    return graph


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
