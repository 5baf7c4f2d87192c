"""The three drawn views of a map as plain data: nodes with positions, edges, caps.

Everything here is pure and sorted, so the same map and analysis always give the same
views. The HTML writer turns these into JSON; tests read them to know what the page must
draw.
"""

from __future__ import annotations

import heapq
import math
import operator
from collections import defaultdict, deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice, repeat
from operator import attrgetter
from types import MappingProxyType
from typing import Any

import numpy as np

from argmap.analysis import Analysis
from argmap.model import (
    Actor,
    ArgumentMap,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Stance,
)
from argmap.render import aggregate, layout, sugiyama
from argmap.render.aggregate import Unit, fmt_weight
from argmap.render.styles import (
    NODE_STYLES,
    actor_class,
    claim_class,
    relation_class,
    stance_class,
)
from argmap.text import excerpt

__all__ = [
    "LINKS_PER_ACTOR",
    "MAX_VIEW_EDGES",
    "MAX_VIEW_NODES",
    "View",
    "ViewEdge",
    "ViewNode",
    "argument_view",
    "build_views",
    "camp_order",
    "camps_view",
    "stance_view",
]

#: A view with more nodes than this draws only the best connected (with a notice): 2,000
#: nodes draw in well under the 3 s budget in headless chromium, much more freezes the tab.
MAX_VIEW_NODES = 2000
#: Likewise for edges (the camps map can have an edge per pair of actors).
MAX_VIEW_EDGES = 6000

_CLAIM_LABEL_CHARS = 90
_ACTOR_LABEL_CHARS = 40


@dataclass(frozen=True, slots=True)
class ViewNode:
    id: str
    cls: str  # a key of styles.NODE_STYLES
    x: int
    y: int
    label: str
    camp: int = -1  # index into the camps, for actor colours; -1 for claims


@dataclass(frozen=True, slots=True)
class ViewEdge:
    id: str
    origin: str
    target: str
    cls: str  # a key of styles.EDGE_STYLES
    width: float = 0.0  # 0: the class's width
    items: tuple[str, ...] = ()  # the stance or relation ids the edge stands for
    # vis-network's curved-edge (kind, roundness) for a line bent round a box; None: straight
    bend: tuple[str, float] | None = None
    label: str = ""  # words on the line: an agreement weight, an aggregate's counts


@dataclass(frozen=True, slots=True)
class View:
    name: str  # "argument" | "stances" | "camps"
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    total_nodes: int  # before capping
    total_edges: int
    groups: tuple[tuple[str, int, int], ...] = ()  # (label, x, y) drawn above clusters
    # The part the page opens on when the whole view is too big to read at once:
    # (left, top, right, bottom) in canvas pixels.
    home: tuple[int, int, int, int] = (0, 0, 0, 0)
    # Aggregated views (see `argmap.render.aggregate`): this drawing's key ("" for the
    # view's own drawing), the key its "back" opens, what it shows, its aggregate nodes,
    # a sentence said on the page, and (on the view's own drawing) every drawing under it.
    key: str = ""
    parent: str = ""
    title: str = ""
    units: tuple[Unit, ...] = ()
    note: str = ""
    parts: tuple[View, ...] = ()

    @property
    def ref(self) -> str:
        """The drawing's key: the view's name for its own drawing."""
        return self.key or self.name

    @property
    def notice(self) -> str | None:
        """The sentence shown when the view was capped or aggregated, else None."""
        if self.note:
            return self.note
        if len(self.nodes) == self.total_nodes and len(self.edges) == self.total_edges:
            return None
        return (
            f"This view draws the {len(self.nodes):,} best connected of {self.total_nodes:,}"
            f" nodes and {len(self.edges):,} of {self.total_edges:,} links, to stay"
            " responsive. Search and the outline cover everything."
        )


def camp_order(analysis: Analysis) -> tuple[tuple[str, ...], ...]:
    """The camps in the analysis's one numbering (camp 1 first), then the unaligned."""
    return tuple(camp for camp in analysis.camps if camp)


def _camp_index(analysis: Analysis) -> Mapping[str, int]:
    """Actor -> the number of its camp in `camp_order`."""
    return _camp_indexes(analysis.camps)[0]


def _colour_index(analysis: Analysis) -> Mapping[str, int]:
    """Actor -> its camp's colour number; actors alone in their camp get none (-1)."""
    return _camp_indexes(analysis.camps)[1]


#: The last camps' two indexes: an aggregated view's dozens of drawings each asked for
#: them, a dict of every actor of the map (8,374 on the 100,000-stance map) at each.
_CAMP_INDEXES: list[tuple[tuple[tuple[str, ...], ...], Mapping[str, int], Mapping[str, int]]] = []


def _camp_indexes(
    camps: tuple[tuple[str, ...], ...],
) -> tuple[Mapping[str, int], Mapping[str, int]]:
    """`_camp_index` and `_colour_index` of `analysis.camps`, made once for the last camps
    (a tuple, so the kept one cannot change; read-only views of them)."""
    for kept, index, colours in _CAMP_INDEXES:
        if kept is camps:
            return index, colours
    order = [camp for camp in camps if camp]
    index = {actor: i for i, camp in enumerate(order) for actor in camp}
    colour = {actor: i for i, camp in enumerate(order) if len(camp) > 1 for actor in camp}
    _CAMP_INDEXES[:] = [(camps, MappingProxyType(index), MappingProxyType(colour))]
    return _CAMP_INDEXES[0][1:]


def _cap(
    node_ids: Sequence[str],
    edges: Sequence[ViewEdge],
    *,
    keep: Iterable[str] = (),
    strength: Mapping[str, float] | None = None,
) -> tuple[set[str], list[ViewEdge]]:
    """Keep at most MAX_VIEW_NODES nodes (most edges first; `keep` always) and MAX_VIEW_EDGES
    edges (strongest first by `strength`, else by id)."""
    kept = set(node_ids)
    if len(kept) > MAX_VIEW_NODES:
        degree: dict[str, int] = defaultdict(int)
        for edge in edges:
            degree[edge.origin] += 1
            degree[edge.target] += 1
        must = [n for n in sorted(set(keep)) if n in kept][:MAX_VIEW_NODES]
        rest = sorted(kept - set(must), key=lambda n: (-degree[n], n))
        kept = set(must) | set(rest[: MAX_VIEW_NODES - len(must)])
    inside = [e for e in edges if e.origin in kept and e.target in kept]
    if len(inside) > MAX_VIEW_EDGES:
        weight = strength or {}
        inside = sorted(inside, key=lambda e: (-abs(weight.get(e.id, 0.0)), e.id))
        inside = sorted(inside[:MAX_VIEW_EDGES], key=lambda e: e.id)
    return kept, inside


def argument_view(amap: ArgumentMap) -> View:
    """Proposals, claims and evidence with their support and attack relations, layered:
    proposals on the top row, every arrow pointing up to what it argues about, so evidence
    (which nothing argues about) ends each branch at its bottom (see `sugiyama.layered`).

    Putting all evidence on the map's bottom row instead was measured: it lengthens a
    third of the lines and gives more crossings and lines through boxes."""
    claims = sorted(amap.claims, key=lambda c: c.id)
    edges = [
        ViewEdge(r.id, r.origin, r.target, relation_class(r.kind), items=(r.id,))
        for r in sorted(amap.relations, key=lambda r: r.id)
        if r.origin in amap.claims_by_id and r.target in amap.claims_by_id
    ]
    proposals = [c.id for c in claims if c.kind is ClaimKind.PROPOSAL]
    kept, shown = _cap([c.id for c in claims], edges, keep=proposals)
    drawn = [c for c in claims if c.id in kept]
    labels = {c.id: excerpt(c.display, _CLAIM_LABEL_CHARS) for c in drawn}
    sizes = {c.id: label_box(claim_class(c.kind), labels[c.id]) for c in drawn}
    result = sugiyama.layered(
        [c.id for c in drawn],
        [(e.origin, e.target) for e in shown],
        sizes,
        top=proposals,
        gap=_ARGUMENT_GAP,
        layer_gap=_LAYER_GAP,
    )
    positions = result.positions
    # A bend that still crosses a box only adds crossings: such lines stay straight.
    shown = _bent(shown, positions, sizes, partial=False)
    nodes = tuple(
        ViewNode(c.id, claim_class(c.kind), *positions[c.id], labels[c.id]) for c in drawn
    )
    home = _argument_home(result, sizes, [(e.origin, e.target) for e in shown])
    return View("argument", nodes, tuple(shown), len(claims), len(edges), home=home)


#: Space between boxes in a layer, and between layers, on the argument map (canvas px).
_ARGUMENT_GAP = 36.0
# Tall enough that lines between layers are steep and miss the neighbours of their ends.
_LAYER_GAP = 130.0
#: The canvas width a 1440 px screen shows at the zoom of 0.5 the page opens at, at least.
_HOME_WIDTH = 2600.0
#: The opening screen's width over height (1440 x 900 less the bar above the map).
_SCREEN_ASPECT = 2.2


def _argument_home(
    result: sugiyama.Layered,
    sizes: Mapping[str, tuple[float, float]],
    edges: Sequence[tuple[str, str]],
) -> tuple[int, int, int, int]:
    """The part a layered view opens on when the whole is too big to read: the top row
    (around its node most argued about, if wider than a screen) and as many layers under
    it as a screen of that width shows."""
    if not result.layers or not result.layers[0]:
        return layout.bounds(result.positions.values())
    row = result.layers[0]
    left = min(result.positions[n][0] - sizes[n][0] / 2 for n in row)
    right = max(result.positions[n][0] + sizes[n][0] / 2 for n in row)
    # A row wider than a screen at the legible zoom opens on its middle part, around the
    # proposal most argued about (the page's "Fit" shows the rest).
    if right - left > _HOME_WIDTH:
        counts = dict.fromkeys(row, 0)
        for _, target in edges:
            if target in counts:
                counts[target] += 1
        main = min(row, key=lambda n: (-counts[n], n))
        middle = result.positions[main][0]
        left = max(left, min(middle - _HOME_WIDTH / 2, right - _HOME_WIDTH))
        right = left + _HOME_WIDTH
    # Room above the row for the arcs between proposals.
    top = min(result.positions[n][1] - sizes[n][1] / 2 for n in row) - 120
    height = (right - left + 240) / _SCREEN_ASPECT - 140
    bottom = max(p[1] for p in result.positions.values())
    # At least the first layer under the top row: a narrow row (a small map on a phone)
    # would otherwise open on the proposals alone, with what argues about them out of sight.
    if len(result.layers) > 1 and result.layers[1]:
        first = max(result.positions[n][1] + sizes[n][1] / 2 for n in result.layers[1])
        height = max(height, first - top)
    return (round(left), round(top), round(right), round(min(bottom, top + height)))


def label_box(cls: str, label: str) -> tuple[float, float]:
    """About the box vis-network draws for a claim of class `cls` with `label` (width,
    height in canvas px): the style's fixed text width, the label wrapped at words into
    it with a generous character width, the font's line height and the margins."""
    return style_box(NODE_STYLES[cls][1], label)


def style_box(style: Mapping[str, Any], label: str) -> tuple[float, float]:
    """`label_box` for a node drawn with the vis options `style`."""
    size = float(style["font"]["size"])
    text_width = float(style["widthConstraint"]["maximum"])
    margin = float(style.get("margin", 5))
    # Debian's default sans-serif is wide: about 0.6 em a character, spaces included
    # (fitted to the boxes chromium draws for the curated map's labels at 22px).
    per_line = max(1, int(text_width / (0.6 * size)))
    lines = 1
    used = 0
    for word in label.split():
        if used and used + 1 + len(word) > per_line:
            lines += 1
            used = len(word)
        else:
            used += (1 if used else 0) + len(word)
    # vis-network's box is the text and its margins, plus the corner radius on each side
    # (measured with getBoundingBox in chromium); an ellipse is twice as tall as its text
    # and, measured, about a line's height wider per line than the text.
    if style["shape"] == "ellipse":
        return (max(1.5 * text_width + 4, text_width + lines * size), lines * size * 2)
    radius = float(style.get("shapeProperties", {}).get("borderRadius", 0))
    return (text_width + 2 * (margin + radius), lines * size + 2 * (margin + radius))


def _stance_edges(amap: ArgumentMap) -> list[ViewEdge]:
    grouped: dict[tuple[str, str, Position], list[str]] = defaultdict(list)
    for stance in amap.stances:
        if stance.actor in amap.actors_by_id and stance.claim in amap.claims_by_id:
            grouped[(stance.actor, stance.claim, stance.position)].append(stance.id)
    return [
        ViewEdge(
            f"{actor}>{claim}>{position.value}",
            actor,
            claim,
            stance_class(position),
            items=tuple(sorted(ids)),
        )
        for (actor, claim, position), ids in sorted(grouped.items())
    ]


def stance_view(
    amap: ArgumentMap, analysis: Analysis, argument: View, *, route: bool = True
) -> View:
    """Actors linked to the claims they support, oppose or are neutral on, in bands
    (see `_stance_layers`): rows of actors in camp order, each claim in the gap beside the
    rows of the actors who speak of it. The crossing reduction and the coordinates are
    `sugiyama.layered`'s; a line that would still cross a box is bent round it.

    A force layout was used before: it packed the labels edge to edge, and two lines in
    three then ran through some other box."""
    edges = _stance_edges(amap)
    claim_ids = sorted({e.target for e in edges})
    actor_ids = sorted({e.origin for e in edges})
    proposals = [c for c in claim_ids if amap.claims_by_id[c].kind is ClaimKind.PROPOSAL]
    kept, shown = _cap([*claim_ids, *actor_ids], edges, keep=proposals)
    colours = _colour_index(analysis)
    order = [c for c in claim_ids if c in kept] + [a for a in actor_ids if a in kept]
    if len(order) > _LAYERED_STANCES:
        return _force_stance_view(amap, analysis, argument)
    sizes = {n: _box(n, amap) for n in order}
    links = [(e.origin, e.target) for e in shown]
    result = sugiyama.layered(
        order,
        links,
        sizes,
        gap=_ARGUMENT_GAP,
        layer_gap=_STANCE_LAYER_GAP,
        layer_of=_stance_layers(order, links, amap, analysis, sizes),
    )
    xy = result.positions
    nodes = sorted(
        (_stance_node(node, xy[node], amap, colours) for node in order), key=lambda n: n.id
    )
    if route:  # not in an aggregated view's drawings: seconds each (see camps_view)
        shown = _routed(shown, xy, amap)
    home = _stance_home(xy, sizes, links)
    total = len(claim_ids) + len(actor_ids)
    return View("stances", tuple(nodes), tuple(shown), total, len(edges), home=home)


#: A stance map with more nodes is drawn by a force layout: its long lines give the
#: layered drawing thousands of dummy nodes, minutes of work at 2,000 nodes.
_LAYERED_STANCES = 400
#: Space between the layers of the stance map (canvas px).
_STANCE_LAYER_GAP = 200.0


def _stance_home(
    positions: Mapping[str, tuple[int, int]],
    sizes: Mapping[str, tuple[float, float]],
    links: Sequence[tuple[str, str]],
) -> tuple[int, int, int, int]:
    """Where the stance map opens when it is too big to read whole: round the claim most
    actors speak of and those actors (boxes included, so a tall evidence ellipse is not
    cut at the top). The page shows this box's top left part on a small screen."""
    if not links:
        return layout.bounds(positions.values())
    speakers: dict[str, list[str]] = defaultdict(list)
    for actor, claim in links:
        speakers[claim].append(actor)
    main = min(speakers, key=lambda c: (-len(speakers[c]), c))
    members = [main, *speakers[main]]
    return (
        round(min(positions[n][0] - sizes[n][0] / 2 for n in members)),
        round(min(positions[n][1] - sizes[n][1] / 2 for n in members)),
        round(max(positions[n][0] + sizes[n][0] / 2 for n in members)),
        round(max(positions[n][1] + sizes[n][1] / 2 for n in members)),
    )


def _stance_layers(
    order: Sequence[str],
    links: Sequence[tuple[str, str]],
    amap: ArgumentMap,
    analysis: Analysis,
    sizes: Mapping[str, tuple[float, float]],
) -> dict[str, int]:
    """A layer for each node of the stance map, in bands (`layout.band_layers`): rows of
    actors in camp order (camp 1 first), each claim in the gap next to the rows of the
    actors who speak of it, so a line joins neighbouring layers and crosses no row of
    boxes. As many actor rows as make the drawing about as wide as the screen's shape.

    Before, the proposals had a row of their own on top and the other claims sat above
    and below the actors by their place in the argument map: lines then ran through up to
    four rows of boxes, and a third of them crossed some unrelated box."""
    camps = _camp_index(analysis)
    actors = sorted(
        (n for n in order if n not in amap.claims_by_id),
        key=lambda a: (camps.get(a, len(camps)), a),
    )
    widths = {n: sizes[n][0] + _ARGUMENT_GAP for n in order}
    inner = sum(widths[a] for a in actors)
    outer = sum(w for n, w in widths.items() if n in amap.claims_by_id)
    # A layer is as tall as its tallest box, but most boxes are one or two lines of text.
    typical = sum(h for _, h in sizes.values()) / max(1, len(sizes))
    rows = layout.band_rows(inner, outer, typical + _STANCE_LAYER_GAP, _SCREEN_ASPECT)
    return layout.band_layers(actors, links, widths, rows=rows)


def _stance_node(
    node: str, xy: tuple[int, int], amap: ArgumentMap, colours: Mapping[str, int]
) -> ViewNode:
    """A claim or an actor of the stance map, drawn at `xy`; actors carry their camp colour."""
    x, y = xy
    if node in amap.claims_by_id:
        claim = amap.claims_by_id[node]
        label = excerpt(claim.display, _CLAIM_LABEL_CHARS)
        return ViewNode(node, claim_class(claim.kind), x, y, label)
    actor = amap.actors_by_id[node]
    label = excerpt(actor.name, _ACTOR_LABEL_CHARS)
    return ViewNode(node, actor_class(actor.kind), x, y, label, colours.get(node, -1))


def _force_stance_view(amap: ArgumentMap, analysis: Analysis, argument: View) -> View:
    """The stance map of a big view: claims start where the argument map has them and
    actors at the middle of their claims; a short force layout then pulls each actor next
    to what it says (linear per iteration, where the layered drawing is not)."""
    edges = _stance_edges(amap)
    claim_ids = sorted({e.target for e in edges})
    actor_ids = sorted({e.origin for e in edges})
    proposals = [c for c in claim_ids if amap.claims_by_id[c].kind is ClaimKind.PROPOSAL]
    kept, shown = _cap([*claim_ids, *actor_ids], edges, keep=proposals)
    colours = _colour_index(analysis)
    order = [c for c in claim_ids if c in kept] + [a for a in actor_ids if a in kept]
    index = {n: i for i, n in enumerate(order)}

    # Start: claims on a shrunk copy of the argument layout (so related claims start
    # close), actors at the middle of their claims; gravity then makes it compact.
    argument_xy = {n.id: (n.x * 0.7, n.y * 0.9) for n in argument.nodes}
    start: list[tuple[float, float]] = []
    fallback = layout.grid_positions(len(order), col_width=200, row_height=140)
    said: dict[str, list[str]] = defaultdict(list)
    for edge in shown:
        said[edge.origin].append(edge.target)
    for i, node in enumerate(order):
        if node in argument_xy:
            start.append(argument_xy[node])
            continue
        points = [argument_xy[c] for c in said.get(node, ()) if c in argument_xy]
        if points:
            start.append(
                (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
            )
        else:
            start.append(fallback[i])
    middle = (
        sum(x for x, _ in start) / max(1, len(start)),
        sum(y for _, y in start) / max(1, len(start)),
    )
    positions = layout.force_layout(
        len(order),
        [(index[e.origin], index[e.target], 1.0) for e in shown],
        start,
        distance=140,
        iterations=_iterations(len(order)),
        centres=[middle] * len(order),
        pull=0.01,
    )
    boxes = [_box(n, amap) for n in order]
    # Separating labels pushes nodes mostly up and down (labels are wide), which makes the
    # drawing tall again; a second stretch and separation bring it back to the screen's shape.
    for _ in range(2):
        positions = layout.separate(
            layout.stretch_to_aspect(positions), boxes, iterations=_separation_passes(len(order))
        )
    nodes = sorted(
        (_stance_node(node, xy, amap, colours) for node, xy in zip(order, positions, strict=True)),
        key=lambda n: n.id,
    )
    shown = _bent(
        shown, dict(zip(order, positions, strict=True)), dict(zip(order, boxes, strict=True))
    )
    home = layout.bounds((n.x, n.y) for n in nodes)
    total = len(claim_ids) + len(actor_ids)
    return View("stances", tuple(nodes), tuple(shown), total, len(edges), home=home)


def _backbone(
    weights: Sequence[tuple[str, str, float]], per_node: int
) -> list[tuple[str, str, float]]:
    """The edges among each node's `per_node` strongest (by |weight|, then ids): a sparse
    backbone that keeps every node linked to its closest allies and opponents."""
    best: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    for a, b, w in weights:
        for node in (a, b):
            heap = best[node]
            # heapq keeps the weakest on top; ids break ties so the result is stable.
            entry = (abs(w), b if node == a else a, node)
            if len(heap) < per_node:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                heapq.heapreplace(heap, entry)
    kept = {tuple(sorted((node, other))) for heap in best.values() for _, other, node in heap}
    return [(a, b, w) for a, b, w in weights if (a, b) in kept]


#: The camps map draws at most this many links per actor when the agreement network is
#: dense (every pair of actors sharing a claim is linked): the strongest ones.
LINKS_PER_ACTOR = 5


def camps_view(
    amap: ArgumentMap,
    analysis: Analysis,
    *,
    members: Collection[str] | None = None,
    pairs: Iterable[tuple[str, str, float]] | None = None,
) -> View:
    """Actors linked by agreement and conflict, each camp clustered around its own centre.

    A dense agreement network (more than three links per actor on average) is thinned to
    each actor's `LINKS_PER_ACTOR` strongest links, with a notice, so it never becomes a
    hairball. With `members`, only those actors and the agreement `pairs` among them
    (an aggregated view's drawing of one camp, or part of one).
    """
    actors = _actors_by_id(amap)
    known = amap.actors_by_id
    if members is not None:
        chosen = set(members)
        actors = [a for a in actors if a.id in chosen]
        known = {a.id: a for a in actors}
    weights = _agreement_weights(analysis.agreement if pairs is None else pairs, known)
    total_edges = len(weights)
    if len(weights) > 3 * len(actors):
        weights = _backbone(weights, LINKS_PER_ACTOR)
    strongest = max((abs(w) for _, _, w in weights), default=1.0)
    edges: list[ViewEdge] = []
    strength: dict[str, float] = {}
    for a, b, weight in weights:
        edge_id = f"{a}~{b}"
        strength[edge_id] = weight
        width = round(1 + 4 * abs(weight) / strongest, 2)
        edges.append(
            ViewEdge(
                edge_id,
                a,
                b,
                "agree" if weight > 0 else "conflict",
                width,
                label=fmt_weight(weight),
            )
        )
    kept, shown = _cap([a.id for a in actors], edges, strength=strength)
    camps = _camp_index(analysis)
    colours = _colour_index(analysis)
    camp_list = camp_order(analysis)
    # Actors the analysis left out of every camp get a group of their own, at the end.
    # Actors alone in their camp, or in none, share one group at the end.
    groups: dict[int, list[str]] = defaultdict(list)
    spare = len(camp_list)
    for actor in actors:
        if actor.id in kept:
            camp = camps.get(actor.id, spare)
            groups[camp if camp < spare and len(camp_list[camp]) > 1 else spare].append(actor.id)

    members_of = {camp: groups[camp] for camp in sorted(groups)}
    # The rings' crossing reduction is quadratic in lines per ring: a camp drawn on its own
    # from an aggregated view (one ring of many actors) takes the force layout instead.
    if len(kept) <= (_RING_ACTORS if members is None else _RING_ONE_CAMP):
        xy = _camp_rings(members_of, shown, amap)
    else:
        xy = _camp_forces(members_of, shown, strength, strongest, amap)
    # Bending lines round boxes costs seconds a drawing at a few hundred actors: the
    # drawings of an aggregated view (dozens of them) keep their lines straight.
    if members is None:
        shown = _routed(shown, xy, amap)
    nodes = tuple(
        ViewNode(
            a.id,
            actor_class(a.kind),
            *xy[a.id],
            excerpt(a.name, _ACTOR_LABEL_CHARS),
            colours.get(a.id, -1),
        )
        for a in actors
        if a.id in kept
    )
    labels: list[tuple[str, int, int]] = []
    for camp, members in members_of.items():
        xs = [xy[m][0] for m in members]
        ys = [xy[m][1] for m in members]
        if camp == spare:
            alone = all(m in analysis.unaligned for m in members)
            name = "Unaligned" if alone else "Unaligned, and camps of one actor"
        elif camp < len(analysis.camp_info):
            # The camp's one name (as in the filter, legend, outline and report).
            info = analysis.camp_info[camp]
            claim = amap.claims_by_id.get(info.proposal or "")
            name = f"Camp {info.number}: {info.title(claim.display if claim else None)}"
        else:  # a hand-built analysis with no camp_info
            name = f"Camp {camp + 1} \u00b7 {len(camp_list[camp])} actors"
        labels.append((name, round(sum(xs) / len(xs)), min(ys) - 40))
    first = next(iter(members_of.values()), [])
    left, top, right, bottom = layout.bounds(xy[m] for m in first)
    home = (left, top - 60, right, bottom)
    return View("camps", nodes, tuple(shown), len(actors), total_edges, tuple(labels), home=home)


@dataclass(frozen=True, slots=True)
class _SortedActors:
    amap: ArgumentMap
    actors: list[Actor]


_SORTED_ACTORS: list[_SortedActors] = []


def _actors_by_id(amap: ArgumentMap) -> list[Actor]:
    """The map's actors sorted by id (a new list), sorted once per map: an aggregated
    camps view's drawings (23 on the 100,000-stance map) each sorted all 8,374."""
    for found in _SORTED_ACTORS:
        if found.amap is amap:
            return list(found.actors)
    actors = sorted(amap.actors, key=attrgetter("id"))
    _SORTED_ACTORS[:] = [_SortedActors(amap, actors)]  # one map at a time
    return list(actors)


def _agreement_weights(
    pairs: Iterable[tuple[str, str, float]], known: Collection[str]
) -> list[tuple[str, str, float]]:
    """The pairs between two different `known` actors with a weight other than 0, as
    (lower id, higher id, weight), sorted: `sorted((min(a, b), max(a, b), w) for a, b, w
    in pairs if a in known and b in known and a != b and w != 0)`, from the pairs' arrays.

    An aggregated camps drawing picks its few hundred actors' pairs from millions: tuples
    made and sorted one by one were a quarter of the 100,000-stance map's camps drawings.
    The arrays' actors are in id order, so index order is id order, and a stable sort by
    (lower, higher, weight) leaves equal tuples in the pairs' order, as `sorted` does.
    """
    arrays = aggregate.pair_arrays(pairs)
    if not all(type(v) is float and v == v for v in arrays.values):
        # An int or NaN weight (hand-built pairs) does not sort as its float does.
        return sorted(
            (min(a, b), max(a, b), w)
            for a, b, w in arrays
            if a in known and b in known and a != b and w != 0
        )
    chosen = np.array([a in known for a in arrays.actors], dtype=np.bool_)
    weight = arrays.weights()
    first, second = arrays.first, arrays.second
    rows = np.flatnonzero(chosen[first] & chosen[second] & (first != second) & (weight != 0))
    low = np.minimum(first[rows], second[rows])
    high = np.maximum(first[rows], second[rows])
    order = np.lexsort((weight[rows], high, low))
    names, values = arrays.actors, arrays.values
    return [
        (names[a], names[b], values[c])
        for a, b, c in zip(
            low[order].tolist(),
            high[order].tolist(),
            arrays.code[rows][order].tolist(),
            strict=True,
        )
    ]


def _camp_forces(
    members_of: Mapping[int, list[str]],
    shown: Sequence[ViewEdge],
    strength: Mapping[str, float],
    strongest: float,
    amap: ArgumentMap,
) -> dict[str, tuple[int, int]]:
    """The camps map of a big view: each camp a grid, packed, then a short force layout
    pulls allies together and each camp towards its own centre (linear per iteration)."""
    degree: dict[str, int] = defaultdict(int)
    for edge in shown:
        degree[edge.origin] += 1
        degree[edge.target] += 1
    col, row = 190.0, 110.0
    boxes: list[tuple[list[str], list[tuple[float, float]]]] = []
    for group in members_of.values():
        members = sorted(group, key=lambda n: (-degree[n], n))
        cells = layout.grid_positions(len(members), col_width=col, row_height=row)
        boxes.append((members, cells))
    sizes = [(max(x for x, _ in cells) + col, max(y for _, y in cells) + row) for _, cells in boxes]
    corners = layout.pack_boxes(sizes, gap=col)
    order: list[str] = []
    start: list[tuple[float, float]] = []
    centres: list[tuple[float, float]] = []
    for (members, cells), (bx, by), (w, h) in zip(boxes, corners, sizes, strict=True):
        for node, (x, y) in zip(members, cells, strict=True):
            order.append(node)
            start.append((bx + x, by + y))
            centres.append((bx + w / 2, by + h / 2))
    index = {n: i for i, n in enumerate(order)}
    positions = layout.force_layout(
        len(order),
        [(index[e.origin], index[e.target], strength[e.id] / strongest) for e in shown],
        start,
        distance=150,
        iterations=_iterations(len(order)),
        centres=centres,
        pull=0.03,
    )
    positions = layout.separate(
        positions, [_box(n, amap) for n in order], iterations=_separation_passes(len(order))
    )
    return dict(zip(order, positions, strict=True))


#: A camps map with at most this many actors draws each camp as a ring (`_camp_rings`).
_RING_ACTORS = 400
#: The same for one camp's own drawing (measured: 100 actors with 440 lines took 12 s).
_RING_ONE_CAMP = 40
#: Space between neighbouring boxes round a ring, and between camps (canvas px).
_RING_GAP = 30.0


def _camp_rings(
    members_of: Mapping[int, list[str]], shown: Sequence[ViewEdge], amap: ArgumentMap
) -> dict[str, tuple[int, int]]:
    """Each camp's linked actors round an ellipse, in an order with few crossing chords
    (`layout.ring_order`), its actors with no line in a grid under it; camps packed
    side by side, largest first; then each ring turned (or mirrored) so that its lines to
    other camps are shortest, which sets the actors who disagree with another camp on
    the side facing it.

    Actors on a convex curve cannot stand in each other's way: a line between two of them
    runs inside the ring, and one to another camp leaves it outwards. The force layout
    used before put the best-linked actors in the middle of their camp, where the lines
    between the others ran through their boxes (49 of 85 lines on the curated map)."""
    drawn = {n: _drawn_box(n, amap) for group in members_of.values() for n in group}
    boxes = {n: size for n, (size, _) in drawn.items()}
    linked = {n for e in shown for n in (e.origin, e.target)}
    pairs = [(e.origin, e.target) for e in shown]
    camp_of = {n: camp for camp, group in members_of.items() for n in group}
    orders = {
        camp: layout.ring_order(
            [n for n in group if n in linked],
            [(a, b) for a, b in pairs if camp_of.get(a) == camp_of.get(b) == camp],
        )
        for camp, group in members_of.items()
    }
    centre = _pack_rings(members_of, orders, boxes, linked)
    # Turn each ring, largest first, to shorten its lines to the others, then lay it out
    # again (a box's room round the ring depends on where on the ring it is).
    for camp, order in orders.items():
        outside = [(a, b) for a, b in pairs if (camp_of.get(a) == camp) != (camp_of.get(b) == camp)]
        if len(order) < 3 or not outside:
            continue
        slots = [centre[n] for n in order]
        best: tuple[float, list[str]] = (math.inf, order)
        for flip in (False, True):
            base = order[::-1] if flip else order
            for k in range(len(base)):
                turned = base[k:] + base[:k]
                at = dict(zip(turned, slots, strict=True))
                length = sum(
                    math.dist(at.get(a, centre[a]), at.get(b, centre[b])) for a, b in outside
                )
                if length < best[0] - 1e-6:
                    best = (length, turned)
        orders[camp] = best[1]
        centre.update(zip(best[1], slots, strict=True))
    centre = _pack_rings(members_of, orders, boxes, linked)
    # The box hangs below an actor's point: the point sits that much above the box's centre.
    return {n: (round(x), round(y - drawn[n][1])) for n, (x, y) in sorted(centre.items())}


def _pack_rings(
    members_of: Mapping[int, list[str]],
    orders: Mapping[int, list[str]],
    boxes: Mapping[str, tuple[float, float]],
    linked: Collection[str],
) -> dict[str, tuple[float, float]]:
    """Box centres of every camp: its ring in `orders` order, its actors with no line in
    a grid under the ring; the camps packed in shelves (`layout.pack_boxes`)."""
    placed: list[tuple[dict[str, tuple[float, float]], float, float]] = []
    for camp, group in members_of.items():
        local = layout.ring_positions(orders[camp], boxes, gap=_RING_GAP)
        loose = [n for n in group if n not in linked]
        bottom = max((y + boxes[n][1] / 2 for n, (_, y) in local.items()), default=0.0)
        if loose:
            widest = max(boxes[n][0] for n in loose) + _RING_GAP
            cells = layout.grid_positions(len(loose), col_width=widest, row_height=90.0)
            middle = (max(x for x, _ in cells) + min(x for x, _ in cells)) / 2
            start = bottom + _RING_GAP + 60.0 if local else 0.0
            for node, (x, y) in zip(loose, cells, strict=True):
                local[node] = (x - middle, start + y)
        left, top, right, lower = _extent(local, boxes)
        placed.append(
            ({n: (x - left, y - top) for n, (x, y) in local.items()}, right - left, lower - top)
        )
    corners = layout.pack_boxes([(w, h) for _, w, h in placed], gap=4 * _RING_GAP)
    return {
        node: (bx + x, by + y)
        for (local, _, _), (bx, by) in zip(placed, corners, strict=True)
        for node, (x, y) in local.items()
    }


def _extent(
    centres: Mapping[str, tuple[float, float]], sizes: Mapping[str, tuple[float, float]]
) -> tuple[float, float, float, float]:
    """The (left, top, right, bottom) round boxes of `sizes` centred at `centres`."""
    if not centres:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        min(x - sizes[n][0] / 2 for n, (x, _) in centres.items()),
        min(y - sizes[n][1] / 2 for n, (_, y) in centres.items()),
        max(x + sizes[n][0] / 2 for n, (x, _) in centres.items()),
        max(y + sizes[n][1] / 2 for n, (_, y) in centres.items()),
    )


def _bent(
    edges: Sequence[ViewEdge],
    positions: Mapping[str, tuple[int, int]],
    sizes: Mapping[str, tuple[float, float]],
    *,
    partial: bool = True,
) -> list[ViewEdge]:
    """`edges` with a bend round every box a straight line would cross (where one exists)."""
    if len(edges) > _MAX_ROUTED:
        return list(edges)
    bends = layout.route_around(
        [(e.origin, e.target) for e in edges], positions, sizes, partial=partial
    )
    return _with_bends(edges, bends)


def _routed(
    edges: Sequence[ViewEdge], positions: Mapping[str, tuple[int, int]], amap: ArgumentMap
) -> list[ViewEdge]:
    """`edges` of an actor view with a bend round every box a straight line would cross,
    where some bend clears them all (a bend that still crosses a box only crosses more
    lines), boxes as chromium draws them (`_drawn_box`)."""
    if len(edges) > _MAX_ROUTED:
        return list(edges)
    drawn = {n: _drawn_box(n, amap) for n in positions}
    bends = layout.route_around(
        [(e.origin, e.target) for e in edges],
        positions,
        {n: size for n, (size, _) in drawn.items()},
        partial=False,
        shift={n: below for n, (_, below) in drawn.items() if below},
        bends=layout.FINE_BENDS,
    )
    return _with_bends(edges, bends)


def _with_bends(
    edges: Sequence[ViewEdge], bends: Sequence[tuple[str, float] | None]
) -> list[ViewEdge]:
    """`edges` each with its bend; an edge that already has it is kept as it is (most
    lines stay straight, and a `replace` per edge was a tenth of a big drawing's routing).
    """
    return [
        e if e.bend == bend else replace(e, bend=bend) for e, bend in zip(edges, bends, strict=True)
    ]


def _at(node: ViewNode, x: int, y: int) -> ViewNode:
    """`node` placed at (x, y): `replace`'s result, without its look-up of the fields."""
    return ViewNode(node.id, node.cls, x, y, node.label, node.camp)


def _drawn_box(node: str, amap: ArgumentMap) -> tuple[tuple[float, float], float]:
    """The (width, height) of the box chromium draws for a node, and how far its centre
    sits below the node's point: an actor's label hangs under its shape, the box running
    from 13 px above the point to 35 px below it (measured at 22 px)."""
    width, height = _box(node, amap)
    if node in amap.claims_by_id:
        return (width, height), 0.0
    return (width, 48.0), 11.0


#: Above this many edges, lines stay straight: curved edges draw slower in vis-network.
_MAX_ROUTED = 3000


def _box(node: str, amap: ArgumentMap) -> tuple[float, float]:
    """About the space a node and its label take on the canvas (width, height)."""
    claim = amap.claims_by_id.get(node)
    if claim is not None:
        return label_box(claim_class(claim.kind), excerpt(claim.display, _CLAIM_LABEL_CHARS))
    actor = amap.actors_by_id[node]
    # The label sits under the shape: measured in chromium at 22px, the box runs from the
    # shape's top (12px above the centre) to 34px below it, about 11.1px a character
    # wide. The box is kept centred on the node, so it takes the lower half twice.
    return (max(60.0, 11.5 * len(excerpt(actor.name, _ACTOR_LABEL_CHARS)) + 20), 72.0)


def _separation_passes(count: int) -> int:
    # Passes stop as soon as nothing overlaps, so a small view can afford many: a label
    # left covering another is worse than a slightly longer build.
    return 200 if count <= 300 else _iterations(count) // 2


def _iterations(count: int) -> int:
    # Enough to settle a curated map; fewer on big views so the layout stays well under a
    # second at 1,000 nodes (each iteration is linear).
    if count <= 300:
        return 60
    if count <= 1000:
        return 30
    return 10


def build_views(amap: ArgumentMap, analysis: Analysis) -> tuple[View, View, View]:
    """The argument, stance and camps views of `amap`, in tab order. A view with more
    than `aggregate.AGGREGATE_NODES` nodes is aggregated (`aggregated_views`)."""
    limit = aggregate.AGGREGATE_NODES
    speakers = {s.actor for s in amap.stances if s.actor in amap.actors_by_id}
    spoken = {s.claim for s in amap.stances if s.claim in amap.claims_by_id}
    big_argument = len(amap.claims) > limit
    big_stances = len(speakers) + len(spoken) > limit
    if big_argument or big_stances:
        levels = claim_levels(amap)
        argument = argument_drawings(amap, levels) if big_argument else argument_view(amap)
        stances = (
            stance_drawings(amap, analysis, levels, argument)
            if big_stances
            else stance_view(amap, analysis, argument)
        )
    else:
        argument = argument_view(amap)
        stances = stance_view(amap, analysis, argument)
    camps = (
        camp_drawings(amap, analysis) if len(amap.actors) > limit else camps_view(amap, analysis)
    )
    return argument, stances, camps


# ---- aggregated views (see argmap.render.aggregate) ------------------------------------


@dataclass(frozen=True, slots=True)
class Level:
    """One drawing of claims in an aggregated view: the claims it draws as themselves,
    the clusters it draws as one node each (by root), and the claims in its scope."""

    key: str  # "" for the overview, else the root claim's id ("~": unattached claims)
    parent: str  # the key of the drawing above it
    title: str
    singles: tuple[str, ...]
    clusters: tuple[str, ...]  # roots of the clusters drawn as one node
    scope: tuple[str, ...]  # every claim the drawing stands for, sorted
    unit_of: Mapping[str, str]  # claim in scope -> the node that draws it
    # True when `unit_of` is the singles, then each cluster's run of the claim tree's order
    # (`claim_levels`' levels): its lines are then read from those runs (`_level_units`),
    # not from a pass over the whole scope. A level made by hand reads `unit_of` itself.
    runs: bool = field(default=False, compare=False, repr=False)


_UNATTACHED = "~"


def _unit_id(root: str) -> str:
    return "@" + root


@dataclass(frozen=True, slots=True)
class _Tree:
    """The claim tree (`aggregate.claim_tree`) laid out once per map for the aggregated
    views: every claim in depth-first order (`aggregate.subtree`'s order, the proposals'
    trees by id, then the claims that reach no proposal, by id), so that a cluster is one
    run of that order and its sorted members, counts and stances are slices and sums
    rather than a walk of the cluster at every drawing it appears in."""

    amap: ArgumentMap
    children: Mapping[str, Sequence[str]]  # claim -> the claims under it, by id
    roots: Sequence[str]  # the proposals, by id
    loose: Sequence[str]  # the claims that reach no proposal, by id
    size: Mapping[str, int]  # claim under a proposal -> its subtree's size
    order: Sequence[str]  # every claim, depth first, the loose claims last
    place: Mapping[str, int]  # claim -> its place in `order`
    ids: np.ndarray  # every claim id, sorted (an object array)
    id_place: np.ndarray  # the place in `order` of each of `ids`
    kinds: Mapping[ClaimKind, np.ndarray]  # kind -> how many of the first k claims in order
    low: np.ndarray  # relations between claims: the nearer end's place, ascending
    high: np.ndarray  # and the farther end's, in the same order
    said: np.ndarray  # the places of the stances' claims, ascending
    speaker: np.ndarray  # the stances' actors (numbered), in the same order
    sorted_runs: dict[str, tuple[str, ...]]  # cluster root -> its members by id (filled on use)
    # `_by_claim`'s relations by id: each one's origin's and drawn-to target's place in
    # `order`, len(order) for none (an end that is no claim, an undercut's target); filled
    # on first use, as a map drawn only by stances never reads them.
    relation_places: list[np.ndarray]

    def span(self, root: str) -> tuple[int, int]:
        """Where the cluster under `root` (or the unattached claims) runs in `order`."""
        if root == _UNATTACHED:
            return len(self.order) - len(self.loose), len(self.order)
        start = self.place[root]
        return start, start + self.size[root]

    def members(self, root: str) -> tuple[str, ...]:
        """The claims of the cluster under `root`, by id; one tuple per root, shared by
        the drawing it is a cluster in and its own drawing's scope."""
        found = self.sorted_runs.get(root)
        if found is None:
            start, end = self.span(root)
            inside = (self.id_place >= start) & (self.id_place < end)
            found = self.sorted_runs[root] = tuple(self.ids[inside].tolist())
        return found

    def ends(self) -> list[np.ndarray]:
        """`relation_places`, made on first use."""
        if not self.relation_places:
            index = _by_claim(self.amap)
            none = len(self.order)
            origins = map(self.place.get, map(attrgetter("origin"), index.by_id), repeat(none))
            targets = (
                none if r.kind is RelationKind.UNDERCUTS else self.place.get(r.target, none)
                for r in index.by_id
            )
            self.relation_places[:] = [
                np.fromiter(origins, np.int64, len(index.by_id)),
                np.fromiter(targets, np.int64, len(index.by_id)),
            ]
        return self.relation_places


_TREE: list[_Tree] = []


def _tree(amap: ArgumentMap) -> _Tree:
    """`_Tree` of `amap`, made once per map (the last map's kept, as `_by_claim` does)."""
    for found in _TREE:
        if found.amap is amap:
            return found
    parent = aggregate.claim_tree(amap)
    ids = sorted(parent)  # every claim (each is in `order`), sorted once for all below
    children: dict[str, list[str]] = defaultdict(list)
    for claim in ids:
        above = parent[claim]
        if above:
            children[above].append(claim)
    claims = amap.claims_by_id
    roots = [c for c in ids if not parent[c] and claims[c].kind is ClaimKind.PROPOSAL]
    at_top = set(roots)
    loose = [c for c in ids if not parent[c] and c not in at_top]
    order: list[str] = []
    for root in roots:
        order.extend(aggregate.subtree(children, root))
    # `aggregate.subtree_sizes`, from the walk just made: in reverse depth-first order
    # every claim comes after all the claims under it, so each adds its size to its
    # parent's (the same sizes, without a second walk).
    size = dict.fromkeys(order, 1)
    for claim in reversed(order):
        above = parent[claim]
        if above:
            size[above] += size[claim]
    order.extend(loose)
    place = {c: i for i, c in enumerate(order)}
    kinds = list(ClaimKind)
    number = {kind: k for k, kind in enumerate(kinds)}
    kind_of = np.fromiter(map(number.__getitem__, (claims[c].kind for c in order)), np.int64)
    ahead = np.zeros((len(order) + 1, len(kinds)), np.int64)
    np.cumsum(kind_of[:, None] == np.arange(len(kinds)), axis=0, out=ahead[1:])
    # A relation is inside a cluster when both its ends are claims of it (its target read
    # as a claim id, whatever its kind, as a count over the members' targets reads it).
    ends = np.column_stack(
        [
            np.fromiter(map(place.get, map(attrgetter(end), amap.relations), repeat(-1)), np.int64)
            for end in ("origin", "target")
        ]
    ).reshape(-1, 2)
    ends = ends[(ends >= 0).all(axis=1)]
    low, high = ends.min(axis=1), ends.max(axis=1)
    by_low = np.argsort(low, kind="stable")
    actors = list(map(attrgetter("actor"), amap.stances))
    actor_number = {actor: k for k, actor in enumerate(dict.fromkeys(actors))}
    on = np.column_stack(
        [
            np.fromiter(
                map(place.get, map(attrgetter("claim"), amap.stances), repeat(-1)), np.int64
            ),
            np.fromiter(map(actor_number.__getitem__, actors), np.int64),
        ]
    ).reshape(-1, 2)
    on = on[on[:, 0] >= 0]
    by_claim = np.argsort(on[:, 0], kind="stable")
    made = _Tree(
        amap,
        children,
        roots,
        loose,
        size,
        order,
        place,
        np.array(ids, dtype=object),
        np.array([place[c] for c in ids], np.int64),
        {kind: ahead[:, k] for k, kind in enumerate(kinds)},
        low[by_low],
        high[by_low],
        on[by_claim, 0],
        on[by_claim, 1],
        {},
        [],
    )
    _TREE[:] = [made]  # one map at a time
    return made


def claim_levels(amap: ArgumentMap) -> list[Level]:
    """Every drawing of the aggregated argument (and stance) view, the overview first,
    then breadth-first down the clusters.

    The overview draws one node per proposal's cluster (a proposal nothing argues about
    as itself) and one for the claims that reach no proposal. A cluster opens on as much
    of it as fits in `AGGREGATE_NODES` nodes (`aggregate.opening`): the whole cluster
    when it is that small, else its root, its children and, smallest first, the claims
    under them, every subtree left one cluster node of its own, which opens the same
    way."""
    limit = aggregate.AGGREGATE_NODES
    tree = _tree(amap)
    children, roots, loose, size = tree.children, tree.roots, tree.loose, tree.size
    claims = amap.claims_by_id
    levels: list[Level] = []

    def level(
        key: str,
        above: str,
        title: str,
        singles: Sequence[str],
        clusters: Sequence[str],
        scope: tuple[str, ...],
    ) -> None:
        unit_of: dict[str, str] = {c: c for c in singles}
        for root in clusters:
            # A cluster is a run of the tree's order: its members, in `aggregate.subtree`'s
            # order (or the unattached claims by id), without a walk of the cluster.
            start, end = tree.span(root)
            unit_of.update(dict.fromkeys(tree.order[start:end], _unit_id(root)))
        levels.append(
            Level(key, above, title, tuple(singles), tuple(clusters), scope, unit_of, runs=True)
        )

    singles = [r for r in roots if not children.get(r)]
    clusters = [r for r in roots if children.get(r)]
    if len(loose) == 1:
        singles.append(loose[0])
    elif loose:
        clusters.append(_UNATTACHED)
    level("", "", "Overview", singles, clusters, tuple(tree.ids.tolist()))
    todo = deque(("", c) for c in clusters)
    while todo:
        above, root = todo.popleft()
        # The drawing of a cluster stands for the cluster's claims: its unit's members.
        if root == _UNATTACHED:
            level(root, above, "Claims that argue about no proposal", loose, [], tree.members(root))
            continue
        drawn, rest = aggregate.opening(children, size, root, limit)
        # A cluster drawn whole lists its claims by id, as the argument map's own drawing
        # of them does; one with clusters left keeps the order opened (the layout's input).
        level(
            root,
            above,
            claims[root].display,
            sorted(drawn) if not rest else drawn,
            rest,
            tree.members(root),
        )
        todo.extend((root, c) for c in rest)
    return levels


def _key(view: str, level: Level) -> str:
    return view if not level.key else f"{view}/{level.key}"


def _sub_map(amap: ArgumentMap, claims: Collection[str], *, stances: bool = False) -> ArgumentMap:
    """The part of `amap` about `claims`: those claims, the relations among them (and
    undercuts of those), and with `stances` the stances on them and their actors, each
    in the map's order. Read from the indexes by claim, so a drawing of a few hundred
    claims costs those claims, not a pass over the whole map."""
    chosen = set(claims)
    index = _by_claim(amap)
    known = amap.claims_by_id
    relations = sorted(
        (
            (i, r)
            for c in chosen
            for i, r in index.placed_relations.get(c, ())
            if r.target in chosen or r.target not in known
        ),
        key=lambda pair: pair[0],
    )
    said = tuple(_said_by_id(amap, chosen)) if stances else ()
    speakers = sorted(
        {s.actor for s in said if s.actor in index.actor_place}, key=index.actor_place.__getitem__
    )
    return replace(
        amap,
        claims=tuple(
            known[c] for c in sorted(chosen & known.keys(), key=index.claim_place.__getitem__)
        ),
        relations=tuple(r for _, r in relations),
        stances=said,
        actors=tuple(amap.actors[index.actor_place[a]] for a in speakers),
    )


@dataclass(frozen=True, slots=True)
class _ByClaim:
    amap: ArgumentMap
    stances: Mapping[str, Sequence[Stance]]  # claim -> the stances on it
    # claim -> (place in the map, relation) of its relations, in the map's order
    placed_relations: Mapping[str, Sequence[tuple[int, Relation]]]
    claim_place: Mapping[str, int]  # claim -> its place in the map's claims
    actor_place: Mapping[str, int]  # actor -> its place in the map's actors (the first)
    by_id: Sequence[Relation]  # the relations sorted by id (ties in the map's order)
    end_number: Mapping[str, int]  # every relation's origin and target, numbered
    origins: np.ndarray  # the number of each of `by_id`'s origins
    # and of its target, but the last number + 1 (no end) for an undercut
    targets_drawn: np.ndarray


_BY_CLAIM: list[_ByClaim] = []


def _by_claim(amap: ArgumentMap) -> _ByClaim:
    """Stances and relations by claim, made once per map: the aggregated views count them
    for hundreds of clusters, and a scan of every stance per cluster is quadratic."""
    for found in _BY_CLAIM:
        if found.amap is amap:
            return found
    stances: dict[str, list[Stance]] = defaultdict(list)
    for stance in amap.stances:
        stances[stance.claim].append(stance)
    placed: dict[str, list[tuple[int, Relation]]] = defaultdict(list)
    for i, r in enumerate(amap.relations):
        placed[r.origin].append((i, r))
    claim_place: dict[str, int] = {}
    for i, c in enumerate(amap.claims):
        claim_place.setdefault(c.id, i)
    actor_place: dict[str, int] = {}
    for i, a in enumerate(amap.actors):
        actor_place.setdefault(a.id, i)
    by_id = sorted(amap.relations, key=attrgetter("id"))
    end_number: dict[str, int] = {}
    for r in by_id:
        end_number.setdefault(r.origin, len(end_number))
        end_number.setdefault(r.target, len(end_number))
    no_end = len(end_number)
    origins = np.array([end_number[r.origin] for r in by_id], np.int64)
    targets_drawn = np.array(
        [no_end if r.kind is RelationKind.UNDERCUTS else end_number[r.target] for r in by_id],
        np.int64,
    )
    made = _ByClaim(
        amap,
        stances,
        placed,
        claim_place,
        actor_place,
        by_id,
        end_number,
        origins,
        targets_drawn,
    )
    _BY_CLAIM[:] = [made]  # one map at a time: the cache never holds more than the last
    return made


def _said_by_id(amap: ArgumentMap, claims: Iterable[str]) -> list[Stance]:
    """The stances on `claims` sorted by id (`sorted(_said_on(...), key=id)`)."""
    return sorted(_said_on(amap, claims), key=attrgetter("id"))


def _said_on(amap: ArgumentMap, claims: Iterable[str]) -> list[Stance]:
    """The stances on `claims`, in the map's order of claims given."""
    on = _by_claim(amap).stances
    # chain and map rather than a comprehension's two loops: an aggregated view reads
    # every stance of a cluster for each drawing and unit it appears in.
    return list(chain.from_iterable(map(on.get, claims, repeat(()))))


def _claim_unit(amap: ArgumentMap, root: str, view: str) -> Unit:
    """The aggregate node of the cluster under `root` (its members sorted), with its exact
    counts: the claims of each kind, the relations between two of its claims, the stances
    on them and their actors, read from the cluster's run of the tree's order."""
    tree = _tree(amap)
    members = tree.members(root)
    start, end = tree.span(root)
    kinds = {kind: int(ahead[end] - ahead[start]) for kind, ahead in tree.kinds.items()}
    # The relations with their nearer end in the run, then those whose farther end is too.
    first, last = np.searchsorted(tree.low, (start, end)).tolist()
    relations = int(np.count_nonzero(tree.high[first:last] < end))
    first, last = np.searchsorted(tree.said, (start, end)).tolist()
    actors = len(np.unique(tree.speaker[first:last]))
    title = (
        "Claims that argue about no proposal"
        if root == _UNATTACHED
        else amap.claims_by_id[root].display
    )
    facts = (
        (
            "Claims",
            f"{len(members):,}: {kinds[ClaimKind.PROPOSAL]:,} proposals, "
            f"{kinds[ClaimKind.CLAIM]:,} claims, {kinds[ClaimKind.EVIDENCE]:,} evidence",
        ),
        ("Relations inside", f"{relations:,}"),
        ("Stances on them", f"{last - first:,}, by {actors:,} actors"),
    )
    return Unit(_unit_id(root), title, f"{view}/{root}", members, facts)


def _unit_label(amap: ArgumentMap, root: str, size: int) -> str:
    if root == _UNATTACHED:
        return f"Claims that argue about no proposal \u00b7 {size:,} claims"
    return aggregate.claim_label(amap, root, size)


def _claim_nodes(
    amap: ArgumentMap, level: Level
) -> tuple[list[ViewNode], dict[str, tuple[float, float]], list[Unit]]:
    """A level's nodes (unplaced), their boxes, and its aggregate units (argument view)."""
    nodes: list[ViewNode] = []
    sizes: dict[str, tuple[float, float]] = {}
    units: list[Unit] = []
    for c in level.singles:
        claim = amap.claims_by_id[c]
        label = excerpt(claim.display, _CLAIM_LABEL_CHARS)
        cls = claim_class(claim.kind)
        nodes.append(ViewNode(c, cls, 0, 0, label))
        sizes[c] = label_box(cls, label)
    for root in level.clusters:
        unit = _claim_unit(amap, root, "argument")
        label = _unit_label(amap, root, len(unit.members))
        nodes.append(ViewNode(unit.id, "agg-claims", 0, 0, label))
        sizes[unit.id] = style_box(aggregate.AGGREGATE_NODE_STYLES["agg-claims"][1], label)
        units.append(unit)
    return nodes, sizes, units


def _relation_edges(amap: ArgumentMap, level: Level) -> list[ViewEdge]:
    """The relations a level draws: between two claims drawn as themselves, the relation;
    otherwise one line per (node, node, kind) counting the relations it stands for."""
    index = _by_claim(amap)
    # Each relation's ends as the level's node numbers (-1 outside it), for all of the
    # map's relations at once: a Python look-up per relation of the level's claims, at
    # each of the hundreds of levels its claims are in, was most of a drawing's cost. Only
    # the lines drawn (between two nodes, not undercuts) are then read one by one.
    units, u, v = _run_ends(amap, level) if level.runs else _unit_ends(index, level.unit_of)
    drawn = np.flatnonzero((u >= 0) & (v >= 0) & (u != v)).tolist()
    singles = set(level.singles)
    single = [unit in singles for unit in units]
    by_id = index.by_id
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    edges: list[ViewEdge] = []
    for i, a, b in zip(drawn, u[drawn].tolist(), v[drawn].tolist(), strict=True):
        r = by_id[i]
        if single[a] and single[b]:
            edges.append(ViewEdge(r.id, units[a], units[b], relation_class(r.kind), items=(r.id,)))
        else:
            grouped[(units[a], units[b], r.kind.value)].append(r.id)
    for (origin, target, kind), ids in sorted(grouped.items()):
        edges.append(
            ViewEdge(
                f"{origin}>{target}>{kind}",
                origin,
                target,
                f"agg-{kind}",
                round(min(8.0, 1.5 + math.log2(len(ids))), 2),
                tuple(ids),
                label=f"{len(ids):,}",
            )
        )
    return sorted(edges, key=lambda e: e.id)


def _unit_ends(
    index: _ByClaim, unit_of: Mapping[str, str]
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The nodes of `unit_of`, numbered, and the node number (-1: none) of the origin and
    of the drawn-to target of each of `index`'s relations by id: one look-up per claim."""
    units = list(dict.fromkeys(unit_of.values()))
    number = {unit: k for k, unit in enumerate(units)}
    at = np.fromiter(map(index.end_number.get, unit_of, repeat(-1)), np.int64)
    unit_at = np.full(len(index.end_number) + 1, -1, np.int64)
    unit_at[at] = np.fromiter(map(number.__getitem__, unit_of.values()), np.int64)
    # The last slot took the claims that are no relation's end: it is an undercut's
    # target, which no line is drawn to.
    unit_at[-1] = -1
    return units, unit_at[index.origins], unit_at[index.targets_drawn]


def _run_ends(amap: ArgumentMap, level: Level) -> tuple[list[str], np.ndarray, np.ndarray]:
    """`_unit_ends` of a level of `claim_levels`, from its singles and its clusters' runs
    of the tree's order: a look-up per node rather than per claim in scope (the debate's
    80 drawings stand for 149,248 claims between them, and draw 14,000 nodes). The runs
    are written after the singles, as `unit_of` was updated with them."""
    tree = _tree(amap)
    origins, targets = tree.ends()
    number: dict[str, int] = {}
    for unit in chain(level.singles, map(_unit_id, level.clusters)):
        number.setdefault(unit, len(number))
    unit_at = np.full(len(tree.order) + 1, -1, np.int64)  # the last slot: no claim
    unit_at[[tree.place[c] for c in level.singles]] = [number[c] for c in level.singles]
    for root in level.clusters:
        start, end = tree.span(root)
        unit_at[start:end] = number[_unit_id(root)]
    return list(number), unit_at[origins], unit_at[targets]


def argument_drawings(amap: ArgumentMap, levels: Sequence[Level]) -> View:
    """The aggregated argument view: the overview, with every drawing under it in
    `parts` (see `claim_levels`)."""
    drawn = [_argument_level(amap, level) for level in levels]
    return replace(drawn[0], parts=tuple(drawn[1:]))


def _argument_level(amap: ArgumentMap, level: Level) -> View:
    key = "" if not level.key else _key("argument", level)
    above = "" if not level.key else _key("argument", _level_named(level.parent))
    if not level.clusters:
        # Claim by claim: the argument map's own drawing of these claims.
        view = argument_view(_sub_map(amap, level.singles))
        note = (
            f"This drawing is of {len(level.singles):,} claims: {view.notice}"
            if view.notice
            else ""
        )
        return replace(view, key=key, parent=above, title=level.title, note=note)
    nodes, sizes, units = _claim_nodes(amap, level)
    edges = _relation_edges(amap, level)
    top = [n.id for n in nodes if n.cls in ("proposal", "agg-claims") and not level.key] or [
        level.key
    ]
    result = sugiyama.layered(
        [n.id for n in nodes],
        sorted({(e.origin, e.target) for e in edges}),
        sizes,
        top=top,
        gap=_ARGUMENT_GAP,
        layer_gap=_LAYER_GAP,
    )
    xy = result.positions
    placed = tuple(sorted((_at(n, *xy[n.id]) for n in nodes), key=lambda n: n.id))
    shown = _bent(edges, xy, sizes, partial=False)
    home = _argument_home(result, sizes, [(e.origin, e.target) for e in shown])
    note = _aggregate_note("argument", level, len(amap.claims))
    return View(
        "argument",
        placed,
        tuple(shown),
        len(placed),
        len(shown),
        home=home,
        key=key,
        parent=above,
        title=level.title,
        units=tuple(units),
        note=note,
    )


def _level_named(key: str) -> Level:
    # Only the key is read by `_key`: the parent's own fields do not matter here.
    return Level(key, "", "", (), (), (), {})


def _aggregate_note(view: str, level: Level, total: int) -> str:
    limit = aggregate.AGGREGATE_NODES
    if not level.key:
        what = {"argument": "claims", "stances": "claims and actors"}[view]
        return (
            f"An overview: this map has {total:,} {what}, more than the {limit:,} a drawing"
            " shows legibly, so each node here stands for a cluster. Click one for its counts"
            " and \u201cOpen\u201d to draw it; search and the outline cover everything."
        )
    return (
        f"\u201c{excerpt(level.title, 60)}\u201d and the claims under it, the smallest branches"
        f" first, as many as fit in the {limit:,} nodes a drawing shows legibly; each branch"
        " left is one cluster node. Click one and \u201cOpen\u201d to draw it."
    )


def _camp_units(
    amap: ArgumentMap, analysis: Analysis
) -> tuple[dict[str, str], list[ViewNode], list[Unit]]:
    """Actor -> the node of its camp group in a stance drawing, the nodes and units."""
    unit_of: dict[str, str] = {}
    nodes: list[ViewNode] = []
    units: list[Unit] = []
    for i, group in enumerate(aggregate.camp_groups(amap, analysis)):
        uid = f"@camp{i}"
        for actor in group.members:
            unit_of[actor] = uid
        nodes.append(
            ViewNode(uid, "agg-actors", 0, 0, group.short, aggregate.camp_colour(group.index))
        )
        # The members are the camp's, listed by the camps view: not again in each of the
        # stance view's drawings (hundreds of copies of thousands of ids on a big map).
        opens = f"camps/{i}" if len(amap.actors) > aggregate.AGGREGATE_NODES else "camps"
        units.append(
            Unit(uid, group.name, opens, (), (("Actors in the camp", f"{len(group.members):,}"),))
        )
    return unit_of, nodes, units


def _speaking(
    camp_units: Sequence[Unit], used: Sequence[ViewNode], speaking: Mapping[str, int]
) -> list[Unit]:
    """The camp units a stance drawing draws, each with how many of its actors speak on
    the drawing's claims (`speaking`, by camp node)."""
    drawn = {n.id for n in used}
    return [
        replace(u, facts=(*u.facts, ("Speaking on these claims", f"{speaking.get(u.id, 0):,}")))
        for u in camp_units
        if u.id in drawn
    ]


#: The positions an aggregate stance line counts, in its label's order.
_TALLIED = (Position.SUPPORTS, Position.OPPOSES, Position.NEUTRAL)


@dataclass(frozen=True, slots=True)
class _Said:
    """The map's stances on the claim tree's claims as arrays for the aggregated stance
    drawings, made once per build, in the tree's order of their claims (`_Tree.order`):
    a drawing's claims are the tree's runs (its clusters) and single claims, so its
    stances are one slice of these, found by bisection, not a look-up of each claim of
    its scope at each of the hundreds of levels a claim is in (149,248 look-ups on the
    20,000-statement debate, whose clusters nest)."""

    ids: np.ndarray  # the stance ids (an object array)
    rank: np.ndarray  # each one's place among these stances sorted by (id, claim)
    place: np.ndarray  # the place of each one's claim in the tree's order, ascending
    actor: np.ndarray  # the number of each one's actor
    position: np.ndarray  # the place of each one's position in `list(Position)`
    camp: np.ndarray  # the number of each one's actor's camp node (in `camps`), or -1
    camps: Sequence[str]  # the camp nodes, sorted
    camp_of_actor: np.ndarray  # actor number -> the number of its camp node, or -1


def _said(amap: ArgumentMap, camp_of: Mapping[str, str], tree: _Tree) -> _Said:
    # By (id, claim): a line lists its stances in that order, ties as `sorted` leaves them.
    # A map's stances usually come in id order, each id once: one pass confirms it.
    stances: Sequence[Stance] = amap.stances
    ids = list(map(attrgetter("id"), stances))
    if not all(map(operator.lt, ids, islice(ids, 1, None))):
        stances = sorted(stances, key=attrgetter("id", "claim"))
        ids = list(map(attrgetter("id"), stances))
    place = np.fromiter(
        map(tree.place.get, map(attrgetter("claim"), stances), repeat(-1)), np.int64, len(stances)
    )
    actors = list(map(attrgetter("actor"), stances))
    actor_number = {a: k for k, a in enumerate(dict.fromkeys(actors))}
    positions = {p: k for k, p in enumerate(Position)}
    # A stable sort by place keeps each claim's stances in (id, claim) order; the stances
    # on claims outside the tree (unknown claims) are in no drawing.
    kept = np.argsort(place, kind="stable")
    kept = kept[place[kept] >= 0]
    rank = np.empty(len(kept), np.int64)
    rank[np.argsort(kept)] = np.arange(len(kept))
    actor = np.fromiter(map(actor_number.__getitem__, actors), np.int64, len(actors))[kept]
    position = np.fromiter(
        map(positions.__getitem__, map(attrgetter("position"), stances)), np.int64, len(stances)
    )[kept]
    camps = sorted(set(camp_of.values()))
    camp_number = {c: k for k, c in enumerate(camps)}
    camp_of_actor = np.fromiter(
        (camp_number.get(camp_of.get(a, ""), -1) for a in actor_number), np.int64
    )
    return _Said(
        np.array(ids, dtype=object)[kept],
        rank,
        place[kept],
        actor,
        position,
        camp_of_actor[actor],
        camps,
        camp_of_actor,
    )


def _level_nodes(tree: _Tree, level: Level, node_at: np.ndarray) -> tuple[list[str], int, int]:
    """The nodes of `level`'s drawing, sorted (the values of `level.unit_of`), and the run
    `lo:hi` of the tree's order its claims lie in; `node_at[lo:hi]` is set to each place's
    node number in that list, -1 for a place in the run that the level does not draw.

    Its single claims are one place each and its clusters runs of the tree's order
    (`_Tree.span`), disjoint subtrees, so the work is one entry per node, not per claim."""
    starts = [tree.place[c] for c in level.singles]
    names = [*level.singles]
    lengths = [1] * len(starts)
    for root in level.clusters:
        start, end = tree.span(root)
        starts.append(start)
        lengths.append(end - start)
        names.append(_unit_id(root))
    if not starts:
        return [], 0, 0
    nodes = sorted(set(names))
    number = {name: k for k, name in enumerate(nodes)}
    first = np.array(starts, np.int64)
    length = np.array(lengths, np.int64)
    lo, hi = int(first.min()), int((first + length).max())
    node_at[lo:hi] = -1
    within = np.arange(int(length.sum())) - np.repeat(np.cumsum(length) - length, length)
    node_at[np.repeat(first, length) + within] = np.repeat(
        np.fromiter(map(number.__getitem__, names), np.int64, len(names)), length
    )
    return nodes, lo, hi


#: A stance drawing of a cluster is drawn actor by actor up to this many claims and
#: speakers: the layered stance layout takes 0.6 s at 156 nodes, 8 s at 325 (measured), and
#: a big map has hundreds of clusters. A bigger cluster is drawn with one node per camp.
STANCE_DRAWN_NODES = 150


def _camp_lines(
    every: _Said, chosen: np.ndarray, node: np.ndarray, nodes: Sequence[str]
) -> list[ViewEdge]:
    """The lines of a stance drawing: one per (camp node, claim node) with stances, its
    stance ids sorted and its counts by position, in (camp, node) order; `chosen` are the
    stances (by number) of a camp on the drawing's claims, `node` their node numbers in
    `nodes`."""
    if not len(chosen):
        return []
    group = every.camp[chosen] * len(nodes) + node  # camps and nodes are sorted
    # By line, each line's stances by (id, claim): the keys are distinct, so any sort.
    by_group = np.argsort(group * len(every.rank) + every.rank[chosen])
    group, chosen = group[by_group], chosen[by_group]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    ends = np.r_[starts[1:], len(group)]
    kinds = len(Position)
    sizes = ends - starts
    run = np.repeat(np.arange(len(starts)), sizes)
    tally = np.bincount(run * kinds + every.position[chosen], minlength=len(starts) * kinds)
    tally = tally.reshape(-1, kinds)[:, [list(Position).index(p) for p in _TALLIED]]
    # Most lines carry a few stances: their labels and widths repeat, made once each.
    first, tally_of = _distinct_rows(tally)
    made = [aggregate.tally_label(*t) for t in tally[first].tolist()]
    counts, count_of = np.unique(sizes, return_inverse=True)
    widths = [round(min(8.0, 1.5 + math.log2(k)), 2) for k in counts.tolist()]
    heads = group[starts]
    camps = [every.camps[c] for c in (heads // len(nodes)).tolist()]
    claims = [nodes[k] for k in (heads % len(nodes)).tolist()]
    ids = every.ids[chosen].tolist()
    return [
        ViewEdge(camp + ">" + claim, camp, claim, cls, widths[w], tuple(ids[a:b]), None, label)
        for camp, claim, (cls, label), w, a, b in zip(
            camps,
            claims,
            map(made.__getitem__, tally_of.tolist()),
            count_of.reshape(-1).tolist(),
            starts.tolist(),
            ends.tolist(),
            strict=True,
        )
    ]


def _distinct_rows(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A row of each distinct row of `table` (their indexes) and, for every row, the
    number of its distinct row in that list: `np.unique(table, axis=0,
    return_inverse=True)` less its generic machinery (a sixth of its time here)."""
    order = np.lexsort(table.T[::-1])
    ordered = table[order]
    new = np.r_[True, (ordered[1:] != ordered[:-1]).any(axis=1)]
    inverse = np.empty(len(table), np.intp)
    inverse[order] = np.cumsum(new) - 1
    return order[new], inverse


def _speakers_by_camp(every: _Said, speakers: np.ndarray) -> dict[str, int]:
    """How many of `speakers` (actor numbers) each camp node has."""
    camp = every.camp_of_actor[speakers]
    counts = np.bincount(camp[camp >= 0], minlength=len(every.camps)).tolist()
    return dict(zip(every.camps, counts, strict=True))


def stance_drawings(
    amap: ArgumentMap, analysis: Analysis, levels: Sequence[Level], argument: View
) -> View:
    """The aggregated stance view: claims as in the argument view's drawings, actors by
    camp; a drawing whose claims and their speakers fit is drawn actor by actor."""
    limit = aggregate.AGGREGATE_NODES
    by_key = {d.key: d for d in (argument, *argument.parts)}
    camp_of, camp_nodes, camp_units = _camp_units(amap, analysis)
    tree = _tree(amap)
    every = _said(amap, camp_of, tree)
    node_at = np.full(len(tree.order), -1, np.int64)  # place -> node number, level by level
    heard = np.zeros(len(every.camp_of_actor), np.bool_)
    drawn: list[View] = []
    for level in levels:
        key = "" if not level.key else _key("stances", level)
        above = "" if not level.key else _key("stances", _level_named(level.parent))
        # The level's stances: a slice of the stances in the tree's order, less those on
        # places of the run that the level does not draw; `node` their node numbers.
        level_nodes, lo, hi = _level_nodes(tree, level, node_at)
        first, last = np.searchsorted(every.place, (lo, hi)).tolist()
        node = node_at[every.place[first:last]]
        inside = np.flatnonzero(node >= 0)
        said, node = inside + first, node[inside]
        heard[every.actor[said]] = True
        speakers = np.flatnonzero(heard)
        heard[speakers] = False
        # A claim's stances are neighbours in the tree's order: its claims start the runs.
        places = every.place[said]
        spoken = int(np.count_nonzero(places[1:] != places[:-1])) + (len(places) > 0)
        if level.key and spoken + len(speakers) <= min(limit, STANCE_DRAWN_NODES):
            view = stance_view(
                _sub_map(amap, level.scope, stances=True), analysis, argument, route=False
            )
            drawn.append(replace(view, key=key, parent=above, title=level.title))
            continue
        shown = by_key.get("" if not level.key else _key("argument", level))
        # The argument view's drawing of this level already made and placed its nodes.
        if shown is not None and argument.parts:
            nodes, units = list(shown.nodes), list(shown.units)
        else:
            claim_nodes, _, units = _claim_nodes(amap, level)
            xy = {n.id: (n.x, n.y) for n in shown.nodes} if shown else {}
            nodes = [_at(n, *xy[n.id]) for n in claim_nodes if n.id in xy]
        units = [replace(u, opens=u.opens.replace("argument/", "stances/", 1)) for u in units]
        by_camp = np.flatnonzero(every.camp[said] >= 0)
        edges = _camp_lines(every, said[by_camp], node[by_camp], level_nodes)
        left, top, right, _ = _node_bounds(shown.nodes) if shown else (0, 0, 0, 0)
        speaking = {e.origin for e in edges}
        used = [n for n in camp_nodes if n.id in speaking]
        # The camps in a row above the claims, spread wider than them, so the lines (and
        # their counts, in the middle of each) fan out rather than meet in one place.
        left, right = left - 400, right + 400
        step = (right - left) / max(1, len(used))
        camp_y = top - 700
        for i, n in enumerate(used):
            nodes.append(_at(n, round(left + step * (i + 0.5)), camp_y))
        note = (
            _aggregate_note("stances", level, len(speakers) + spoken)
            if not level.key
            else f"These claims have {len(speakers):,} speakers, too many to draw one by one:"
            " each camp is one node. Click a claim for its stances, or a line for the quotes."
        )
        placed = tuple(sorted(nodes, key=attrgetter("id")))
        # Open on the argument drawing's own opening part, with the camps above it.
        if shown is not None and shown.home != (0, 0, 0, 0):
            home = (shown.home[0], camp_y - 80, shown.home[2], shown.home[3])
        else:
            home = _node_bounds(placed)
        drawn.append(
            View(
                "stances",
                placed,
                tuple(edges),
                len(placed),
                len(edges),
                home=home,
                key=key,
                parent=above,
                title=level.title,
                units=(*units, *_speaking(camp_units, used, _speakers_by_camp(every, speakers))),
                note=note,
            )
        )
    return replace(drawn[0], parts=tuple(drawn[1:]))


def _node_bounds(nodes: Sequence[ViewNode]) -> tuple[int, int, int, int]:
    """`layout.bounds` of the nodes' points, read without making a tuple of each."""
    if not nodes:
        return (0, 0, 0, 0)
    xs = list(map(attrgetter("x"), nodes))
    ys = list(map(attrgetter("y"), nodes))
    return (min(xs), min(ys), max(xs), max(ys))


def camp_drawings(amap: ArgumentMap, analysis: Analysis) -> View:
    """The aggregated camps view: one node per camp group (`aggregate.camp_groups`),
    lines carrying the net agreement between them; each group opens its own camps
    drawing, or, when it has more than `AGGREGATE_NODES` actors, its parts."""
    limit = aggregate.AGGREGATE_NODES
    groups = aggregate.camp_groups(amap, analysis)
    group_of = {a: i for i, g in enumerate(groups) for a in g.members}
    parts_of = [aggregate.camp_parts(amap, g.members, limit) for g in groups]
    part_of = {
        a: (i, k) for i, parts in enumerate(parts_of) for k, part in enumerate(parts) for a in part
    }
    pairs = aggregate.pair_arrays(analysis.agreement)
    inside = _pairs_inside(pairs, group_of, len(groups))
    sums, counts = aggregate.camp_links(group_of, pairs)
    units = []
    nodes = []
    for i, g in enumerate(groups):
        facts = [
            ("Actors", f"{len(g.members):,}"),
            (
                "Agreement inside",
                f"{fmt_weight(sums.get((i, i), 0.0))} over {counts.get((i, i), 0):,} pairs",
            ),
        ]
        for j, other in enumerate(groups):
            if j != i and (min(i, j), max(i, j)) in counts:
                key = (min(i, j), max(i, j))
                facts.append(
                    (f"With {other.short}", f"{fmt_weight(sums[key])} over {counts[key]:,} pairs")
                )
        units.append(Unit(f"@camp{i}", g.name, f"camps/{i}", g.members, tuple(facts)))
        nodes.append(
            ViewNode(f"@camp{i}", "agg-actors", 0, 0, g.short, aggregate.camp_colour(g.index))
        )
    edges = _camp_edges(sums, counts, "@camp")
    overview = _camp_ring(
        "",
        "",
        "Overview",
        nodes,
        edges,
        units,
        f"An overview: this map has {len(amap.actors):,} actors, more than the {limit:,} a"
        " drawing shows legibly, so each node is a camp. A line is the sum of the agreement"
        " weights of every pair of actors between two camps. Click a camp, then"
        " \u201cOpen\u201d to draw its actors.",
    )
    parts: list[View] = []
    for i, g in enumerate(groups):
        if len(parts_of[i]) == 1:
            view = camps_view(amap, analysis, members=g.members, pairs=inside[i])
            parts.append(replace(view, key=f"camps/{i}", parent="camps", title=g.name))
            continue
        local = {a: k for a, (gi, k) in part_of.items() if gi == i}
        psums, pcounts = aggregate.camp_links(local, inside[i])
        pnodes = []
        punits = []
        for k, part in enumerate(parts_of[i]):
            uid = f"@part{i}.{k}"
            number = g.short.split(" \u00b7 ")[0]
            label = f"{number}, part {k + 1} of {len(parts_of[i])} \u00b7 {len(part):,} actors"
            pnodes.append(ViewNode(uid, "agg-actors", 0, 0, label, aggregate.camp_colour(g.index)))
            part_facts = (
                ("Actors", f"{len(part):,}"),
                (
                    "Agreement inside",
                    f"{fmt_weight(psums.get((k, k), 0.0))} over {pcounts.get((k, k), 0):,} pairs",
                ),
            )
            punits.append(
                Unit(
                    uid,
                    f"{g.name}: part {k + 1} of {len(parts_of[i])}",
                    f"camps/{i}/{k}",
                    part,
                    part_facts,
                )
            )
        parts.append(
            _camp_ring(
                f"camps/{i}",
                "camps",
                g.name,
                pnodes,
                _camp_edges(psums, pcounts, f"@part{i}."),
                punits,
                f"{g.short}: more than the {limit:,} actors a drawing shows legibly, so it is"
                f" cut into {len(parts_of[i])} parts of at most {limit:,}, by first affiliation"
                " and then name. Click a part, then \u201cOpen\u201d.",
            )
        )
        by_part = _pairs_inside(inside[i], local, len(parts_of[i]))
        for k, part in enumerate(parts_of[i]):
            view = camps_view(amap, analysis, members=part, pairs=by_part[k])
            parts.append(
                replace(
                    view, key=f"camps/{i}/{k}", parent=f"camps/{i}", title=f"{g.name}: part {k + 1}"
                )
            )
    return replace(overview, parts=tuple(parts))


def _pairs_inside(
    pairs: aggregate.PairArrays, group_of: Mapping[str, int], count: int
) -> list[aggregate.PairArrays]:
    """For each group `0 .. count - 1`, the pairs with both actors in it, in order."""
    number, known = pairs.codes(group_of)
    group = number[pairs.first]
    rows = np.flatnonzero(
        known[pairs.first] & known[pairs.second] & (group == number[pairs.second])
    )
    rows = rows[np.argsort(group[rows], kind="stable")]  # by group, each in the pairs' order
    ends = np.searchsorted(group[rows], np.arange(count), side="right")
    return [pairs.take(part) for part in np.split(rows, ends[:-1])]


def _camp_edges(
    sums: Mapping[tuple[int, int], float], counts: Mapping[tuple[int, int], int], prefix: str
) -> list[ViewEdge]:
    strongest = max((abs(w) for (i, j), w in sums.items() if i != j), default=1.0) or 1.0
    edges = []
    for (i, j), w in sums.items():
        if i == j or w == 0:
            continue
        edges.append(
            ViewEdge(
                f"{prefix}{i}~{prefix}{j}",
                f"{prefix}{i}",
                f"{prefix}{j}",
                "agg-agree" if w > 0 else "agg-conflict",
                round(1 + 7 * abs(w) / strongest, 2),
                label=fmt_weight(w),
            )
        )
    return edges


def _camp_ring(
    key: str,
    parent: str,
    title: str,
    nodes: Sequence[ViewNode],
    edges: Sequence[ViewEdge],
    units: Sequence[Unit],
    note: str,
) -> View:
    """A drawing of camp groups (or parts of one) round an ellipse, in their order."""
    boxes = {n.id: (max(160.0, 12.0 * len(n.label)), 120.0) for n in nodes}
    xy = layout.ring_positions([n.id for n in nodes], boxes, gap=120.0)
    placed = tuple(replace(n, x=round(xy[n.id][0]), y=round(xy[n.id][1])) for n in nodes)
    return View(
        "camps",
        placed,
        tuple(edges),
        len(placed),
        len(edges),
        home=layout.bounds((n.x, n.y) for n in placed),
        key=key,
        parent=parent,
        title=title,
        units=tuple(units),
        note=note,
    )
