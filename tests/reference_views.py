"""Pieces of the drawings as they were before issue 18's sixth pass, in plain Python: the
references the array versions must equal exactly (tests/test_views_sixth.py), and the
aggregated drawings' levels, cluster counts and lines before its seventh pass
(tests/test_views_seventh.py).
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Collection, Iterable

from argmap.model import ArgumentMap, ClaimKind, RelationKind
from argmap.render import aggregate, views
from argmap.render.aggregate import Unit
from argmap.render.styles import relation_class
from tests.reference_force import repulsion

__all__ = ["agreement_weights", "claim_levels", "claim_unit", "relation_edges", "repulsion"]


def agreement_weights(
    pairs: Iterable[tuple[str, str, float]], known: Collection[str]
) -> list[tuple[str, str, float]]:
    """`views.camps_view`'s weights as it made them at 44e3dff."""
    return sorted(
        (min(a, b), max(a, b), w)
        for a, b, w in pairs
        if a in known and b in known and a != b and w != 0
    )


# ---- the aggregated drawings as they were before the seventh pass (31156f5) ------------


def claim_levels(amap: ArgumentMap) -> list[views.Level]:
    """`views.claim_levels` at 31156f5: every cluster walked at each drawing it is in."""
    limit = aggregate.AGGREGATE_NODES
    parent = aggregate.claim_tree(amap)
    children: dict[str, list[str]] = defaultdict(list)
    for claim, above in sorted(parent.items()):
        if above:
            children[above].append(claim)
    claims = amap.claims_by_id
    roots = sorted(
        c for c, above in parent.items() if not above and claims[c].kind is ClaimKind.PROPOSAL
    )
    at_top = set(roots)
    loose = sorted(c for c, above in parent.items() if not above and c not in at_top)
    size = aggregate.subtree_sizes(children, roots)
    levels: list[views.Level] = []

    def level(key: str, above: str, title: str, singles: list[str], clusters: list[str]) -> None:
        unit_of: dict[str, str] = {c: c for c in singles}
        for root in clusters:
            unit = "@" + root
            for c in loose if root == "~" else aggregate.subtree(children, root):
                unit_of[c] = unit
        levels.append(
            views.Level(
                key, above, title, tuple(singles), tuple(clusters), tuple(sorted(unit_of)), unit_of
            )
        )

    singles = [r for r in roots if not children.get(r)]
    clusters = [r for r in roots if children.get(r)]
    if len(loose) == 1:
        singles.append(loose[0])
    elif loose:
        clusters.append("~")
    level("", "", "Overview", singles, clusters)
    todo = deque(("", c) for c in clusters)
    while todo:
        above, root = todo.popleft()
        if root == "~":
            level(root, above, "Claims that argue about no proposal", loose, [])
            continue
        drawn, rest = aggregate.opening(children, size, root, limit)
        level(root, above, claims[root].display, sorted(drawn) if not rest else drawn, rest)
        todo.extend((root, c) for c in rest)
    return levels


def claim_unit(amap: ArgumentMap, root: str, view: str, members: tuple[str, ...]) -> Unit:
    """`views._claim_unit` at 31156f5: its counts from a walk of the members."""
    inside = set(members)
    kinds = dict.fromkeys(ClaimKind, 0)
    for c in members:
        kinds[amap.claims_by_id[c].kind] += 1
    relations = sum(1 for r in amap.relations if r.origin in inside and r.target in inside)
    said = [s for c in members for s in amap.stances if s.claim == c]
    title = (
        "Claims that argue about no proposal" if root == "~" else amap.claims_by_id[root].display
    )
    facts = (
        (
            "Claims",
            f"{len(members):,}: {kinds[ClaimKind.PROPOSAL]:,} proposals, "
            f"{kinds[ClaimKind.CLAIM]:,} claims, {kinds[ClaimKind.EVIDENCE]:,} evidence",
        ),
        ("Relations inside", f"{relations:,}"),
        ("Stances on them", f"{len(said):,}, by {len({s.actor for s in said}):,} actors"),
    )
    return Unit("@" + root, title, f"{view}/{root}", members, facts)


def relation_edges(amap: ArgumentMap, level: views.Level) -> list[views.ViewEdge]:
    """`views._relation_edges` at 31156f5: a look-up per relation of the level's claims."""
    singles = set(level.singles)
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    edges: list[views.ViewEdge] = []
    inside = sorted((r for r in amap.relations if r.origin in level.unit_of), key=lambda r: r.id)
    for r in inside:
        u = level.unit_of.get(r.origin)
        v = level.unit_of.get(r.target)
        if u is None or v is None or u == v or r.kind is RelationKind.UNDERCUTS:
            continue
        if u in singles and v in singles:
            edges.append(views.ViewEdge(r.id, u, v, relation_class(r.kind), items=(r.id,)))
        else:
            grouped[(u, v, r.kind.value)].append(r.id)
    for (u, v, kind), ids in sorted(grouped.items()):
        edges.append(
            views.ViewEdge(
                f"{u}>{v}>{kind}",
                u,
                v,
                f"agg-{kind}",
                round(min(8.0, 1.5 + math.log2(len(ids))), 2),
                tuple(ids),
                label=f"{len(ids):,}",
            )
        )
    return sorted(edges, key=lambda e: e.id)
