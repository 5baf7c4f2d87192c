"""Pieces of the drawings as they were before issue 18's sixth pass, in plain Python: the
references the array versions must equal exactly (tests/test_views_sixth.py), and the
aggregated drawings' levels, cluster counts and lines before its seventh pass
(tests/test_views_seventh.py), and the claim tree before its eighth pass
(tests/test_views_eighth.py).
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from argmap.analysis import Analysis
from argmap.model import ArgumentMap, ClaimKind, RelationKind, Stance
from argmap.render import aggregate, layout, views
from argmap.render.aggregate import Unit
from argmap.render.styles import relation_class
from tests.reference_force import repulsion

__all__ = [
    "agreement_weights",
    "claim_levels",
    "claim_tree",
    "claim_unit",
    "relation_edges",
    "repulsion",
    "speaking_units",
    "stance_drawings",
]


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
    parent = claim_tree(amap)
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


def claim_tree(amap: ArgumentMap) -> dict[str, str]:
    """`aggregate.claim_tree` at 0398f3c: the depths first, then every target in id order
    offering itself to its origins one layer below."""
    claims = amap.claims_by_id
    arguing: dict[str, list[str]] = defaultdict(list)  # target -> origins
    for r in amap.relations:
        if r.kind is not RelationKind.UNDERCUTS and r.origin in claims and r.target in claims:
            arguing[r.target].append(r.origin)
    depth: dict[str, int] = {}
    queue: deque[str] = deque()
    for c in sorted(claims):
        if claims[c].kind is ClaimKind.PROPOSAL:
            depth[c] = 0
            queue.append(c)
    while queue:
        node = queue.popleft()
        for origin in arguing.get(node, ()):
            if origin not in depth:
                depth[origin] = depth[node] + 1
                queue.append(origin)
    parent = dict.fromkeys(claims, "")
    for target in sorted(arguing):
        if target not in depth:
            continue
        for origin in arguing[target]:
            if depth.get(origin, 0) != depth[target] + 1:
                continue
            if not parent[origin] or target < parent[origin]:
                parent[origin] = target
    return parent


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


def speaking_units(
    camp_units: Sequence[Unit],
    used: Sequence[views.ViewNode],
    said: Sequence[Stance],
    camp_of: Mapping[str, str],
) -> list[Unit]:
    """`views._speaking` at 31156f5."""
    speaking: dict[str, set[str]] = defaultdict(set)
    for stance in said:
        speaking[camp_of.get(stance.actor, "")].add(stance.actor)
    drawn = {n.id for n in used}
    return [
        replace(u, facts=(*u.facts, ("Speaking on these claims", f"{len(speaking[u.id]):,}")))
        for u in camp_units
        if u.id in drawn
    ]


def stance_drawings(
    amap: ArgumentMap, analysis: Analysis, levels: Sequence[views.Level], argument: views.View
) -> views.View:
    """`views.stance_drawings` at 31156f5: each level's stances sorted and walked."""
    limit = aggregate.AGGREGATE_NODES
    by_key = {d.key: d for d in (argument, *argument.parts)}
    camp_of, camp_nodes, camp_units = views._camp_units(amap, analysis)
    drawn: list[views.View] = []
    for level in levels:
        key = "" if not level.key else views._key("stances", level)
        above = "" if not level.key else views._key("stances", views._level_named(level.parent))
        said = views._said_by_id(amap, level.scope)
        speakers = {s.actor for s in said}
        if level.key and len({s.claim for s in said}) + len(speakers) <= min(
            limit, views.STANCE_DRAWN_NODES
        ):
            view = views.stance_view(
                views._sub_map(amap, level.scope, stances=True), analysis, argument, route=False
            )
            drawn.append(replace(view, key=key, parent=above, title=level.title))
            continue
        shown = by_key.get("" if not level.key else views._key("argument", level))
        xy = {n.id: (n.x, n.y) for n in shown.nodes} if shown else {}
        # The argument view's drawing of this level already made its nodes and units.
        if shown is not None and argument.parts:
            claim_nodes, units = list(shown.nodes), list(shown.units)
        else:
            claim_nodes, _, units = views._claim_nodes(amap, level)
        units = [replace(u, opens=u.opens.replace("argument/", "stances/", 1)) for u in units]
        counts = aggregate.stance_counts(replace(amap, stances=tuple(said)), camp_of, level.unit_of)
        edges = []
        for (a, c), by in counts.items():
            cls, label = aggregate.stance_label(by)
            ids = tuple(sorted(i for group in by.values() for i in group))
            width = round(min(8.0, 1.5 + math.log2(len(ids))), 2)
            edges.append(views.ViewEdge(f"{a}>{c}", a, c, cls, width, ids, label=label))
        nodes = [views._at(n, *xy[n.id]) for n in claim_nodes if n.id in xy]
        left, top, right, _ = layout.bounds(xy.values()) if xy else (0, 0, 0, 0)
        speaking = {e.origin for e in edges}
        used = [n for n in camp_nodes if n.id in speaking]
        # The camps in a row above the claims, spread wider than them, so the lines (and
        # their counts, in the middle of each) fan out rather than meet in one place.
        left, right = left - 400, right + 400
        step = (right - left) / max(1, len(used))
        camp_y = top - 700
        for i, n in enumerate(used):
            nodes.append(views._at(n, round(left + step * (i + 0.5)), camp_y))
        note = (
            views._aggregate_note("stances", level, len(speakers) + len({s.claim for s in said}))
            if not level.key
            else f"These claims have {len(speakers):,} speakers, too many to draw one by one:"
            " each camp is one node. Click a claim for its stances, or a line for the quotes."
        )
        placed = tuple(sorted(nodes, key=lambda n: n.id))
        # Open on the argument drawing's own opening part, with the camps above it.
        home = layout.bounds((n.x, n.y) for n in placed)
        if shown is not None and shown.home != (0, 0, 0, 0):
            home = (shown.home[0], camp_y - 80, shown.home[2], shown.home[3])
        drawn.append(
            views.View(
                "stances",
                placed,
                tuple(edges),
                len(placed),
                len(edges),
                home=home,
                key=key,
                parent=above,
                title=level.title,
                units=(*units, *speaking_units(camp_units, used, said, camp_of)),
                note=note,
            )
        )
    return replace(drawn[0], parts=tuple(drawn[1:]))
