"""Aggregated drawings of a big map: an overview of clusters, and each cluster's own drawing.

A view with more than `AGGREGATE_NODES` nodes is not drawn whole (a hairball no reader can
follow, and seconds of work for the browser on every click). Instead the page opens on an
overview whose nodes each stand for many (an "aggregate"), and every aggregate opens a
drawing of its own, made here at build time with the views' usual layouts:

- camps map: one node per camp (the camps of one actor and the unaligned share one), an
  edge between two camps carrying their net agreement, the sum of the weights of every
  pair of actors between them (`camp_links`). A camp of more than `AGGREGATE_NODES`
  actors opens on its parts: its actors by first affiliation and name, in runs of at
  most `AGGREGATE_NODES`.
- argument map: claims form a tree (`claim_tree`): each claim hangs under the claim it
  argues about that is nearest a proposal (fewest relations away; the first by id on a
  tie), and a cluster is a claim with everything under it. The overview has one node per
  proposal's cluster. A cluster opens on as much of it as fits (`opening`): its root
  and the root's children, then, smallest cluster first, each claim drawn as itself with
  its children under it while the drawing keeps at most `AGGREGATE_NODES` nodes (claims
  drawn, and one node per cluster left); a claim whose children do not fit stays a
  cluster of its own, which opens the same way. So a cluster small enough opens on all
  its claims, a chain of 1,000 on its top 399 claims and one cluster of the other 601,
  and a deep map needs about one drawing per `AGGREGATE_NODES` claims, not one per level
  of depth. A claim is drawn as itself in exactly one drawing; a cluster node stands for
  two or more claims. Edges count the relations between clusters, supports and attacks
  apart.
- stance map: the same clusters of claims, and one node per camp for the actors; edges
  count the stances of a camp's actors on a cluster's claims, by position. A cluster
  whose claims and speakers fit is drawn actor by actor.

Every number on an aggregate is a count or a sum of the map's own data (tests pin them on
small literal maps); nothing is estimated or sampled.
"""

from __future__ import annotations

import heapq
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from argmap.analysis import Analysis
from argmap.analysis.camps import Agreement
from argmap.model import ArgumentMap, ClaimKind, Position, RelationKind
from argmap.render.styles import (
    BLUE,
    BLUISH_GREEN,
    CAMP_COLOURS,
    EDGE_FONT,
    GREY,
    OTHER_CAMP_COLOUR,
    VERMILLION,
    line_colour,
)
from argmap.text import excerpt

__all__ = [
    "AGGREGATE_EDGE_STYLES",
    "AGGREGATE_NODES",
    "AGGREGATE_NODE_STYLES",
    "CampGroup",
    "PairArrays",
    "Unit",
    "camp_groups",
    "camp_links",
    "camp_parts",
    "claim_tree",
    "fmt_weight",
    "legend",
    "opening",
    "pair_arrays",
    "stance_counts",
    "stance_label",
    "subtree",
    "subtree_sizes",
    "tally_label",
]

#: A view with more nodes than this opens on an aggregated overview. Every drawing the
#: build makes stays under it where the map allows: the layered argument and stance
#: drawings and the camps' rings are the legible layouts up to 400 nodes (views.py), and
#: 400 nodes draw and answer a click well inside the page's budgets (docs/performance.md).
AGGREGATE_NODES = 400

_LABEL_CHARS = 60

_AGG_FONT = {"size": 22, "face": "system-ui, sans-serif", "color": "#1A1A1A", "multi": False}

#: name -> (legend words, vis options) of the aggregate nodes.
AGGREGATE_NODE_STYLES: dict[str, tuple[str, dict[str, object]]] = {
    "agg-claims": (
        "A cluster of claims (a double border): click for what it holds, open it to see them",
        {
            "shape": "box",
            "color": {"background": "#EAF2F8", "border": "#00466E"},
            "borderWidth": 4,
            "font": _AGG_FONT,
            "shapeProperties": {"borderRadius": 4, "borderDashes": False},
            "margin": 12,
            "widthConstraint": {"minimum": 260, "maximum": 260},
        },
    ),
    "agg-actors": (
        "A camp, or part of one (a big dot, in its camp's colour): click for its actors",
        {
            "shape": "dot",
            "size": 30,
            "borderWidth": 3,
            "font": {**_AGG_FONT, "strokeWidth": 4, "strokeColor": "#FFFFFF"},
        },
    ),
}

_NO_ARROW = {"to": {"enabled": False}}
_ARROW = {"to": {"enabled": True, "scaleFactor": 0.8}}

#: name -> (legend words, vis options) of the aggregate edges; the label is the count.
AGGREGATE_EDGE_STYLES: dict[str, tuple[str, dict[str, object]]] = {
    "agg-supports": (
        "supports between clusters: the number on the line counts the relations",
        {
            "color": line_colour(BLUISH_GREEN),
            "dashes": False,
            "arrows": _ARROW,
            "font": EDGE_FONT,
        },
    ),
    "agg-attacks": (
        "attacks between clusters: the number on the line counts the relations",
        {
            "color": line_colour(VERMILLION),
            "dashes": [10, 6],
            "arrows": _ARROW,
            "font": EDGE_FONT,
        },
    ),
    "agg-stance-for": (
        "a camp's stances on a cluster, more supporting than opposing"
        " (+ supports, \u2212 opposes, 0 neutral: the counts)",
        {
            "color": line_colour(BLUE),
            "dashes": False,
            "arrows": _NO_ARROW,
            "font": EDGE_FONT,
        },
    ),
    "agg-stance-against": (
        "a camp's stances on a cluster, more opposing than supporting",
        {
            "color": line_colour(VERMILLION),
            "dashes": [10, 6],
            "arrows": _NO_ARROW,
            "font": EDGE_FONT,
        },
    ),
    "agg-stance-even": (
        "a camp's stances on a cluster, as many supporting as opposing",
        {
            "color": line_colour(GREY),
            "dashes": [2, 5],
            "arrows": _NO_ARROW,
            "font": EDGE_FONT,
        },
    ),
    "agg-agree": (
        "net agreement between camps: the sum of the weights of every pair of their actors",
        {
            "color": line_colour(BLUE, 0.7),
            "dashes": False,
            "arrows": _NO_ARROW,
            "font": EDGE_FONT,
        },
    ),
    "agg-conflict": (
        "net conflict between camps: the sum is below zero",
        {
            "color": line_colour(VERMILLION),
            "dashes": [10, 6],
            "arrows": _NO_ARROW,
            "font": EDGE_FONT,
        },
    ),
}


@dataclass(frozen=True, slots=True)
class Unit:
    """An aggregate node: what it stands for, the drawing it opens, and exact counts."""

    id: str  # its node id: "@" and what it aggregates
    title: str  # the panel's heading
    opens: str  # the key of the drawing it opens ("" for none)
    members: tuple[str, ...]  # the claims or actors it stands for, sorted
    facts: tuple[tuple[str, str], ...] = ()  # (term, value) for the panel


def fmt_weight(weight: float) -> str:
    """An agreement weight or sum as the page writes it: `+3`, `-2`, `+0.75`, with
    thousands separated (a sum between two big camps runs to millions).

    >>> fmt_weight(3.0), fmt_weight(-2.0), fmt_weight(0.754), fmt_weight(-1541470.0)
    ('+3', '-2', '+0.75', '-1,541,470')
    """
    return f"{weight:+,.0f}" if weight == int(weight) else f"{weight:+,.2f}"


# ---- the claim tree ----------------------------------------------------------------


def claim_tree(amap: ArgumentMap) -> dict[str, str]:
    """Each claim's parent in the claim tree: among the claims it supports or attacks,
    the one fewest relations from a proposal (the first by id on a tie). Proposals and
    claims that reach no proposal have the parent "".

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap("t", claims=(Claim("p", "P", ClaimKind.PROPOSAL),
    ...     Claim("a", "A", ClaimKind.CLAIM), Claim("b", "B", ClaimKind.CLAIM),
    ...     Claim("z", "Z", ClaimKind.CLAIM)),
    ...     relations=(Relation("r1", "a", "p", RelationKind.SUPPORTS, "s"),
    ...         Relation("r2", "b", "a", RelationKind.ATTACKS, "s"),
    ...         Relation("r3", "b", "p", RelationKind.SUPPORTS, "s")))
    >>> sorted(claim_tree(amap).items())
    [('a', 'p'), ('b', 'p'), ('p', ''), ('z', '')]
    """
    claims = amap.claims_by_id
    arguing: dict[str, list[str]] = defaultdict(list)  # target -> origins
    for r in amap.relations:
        if r.kind is not RelationKind.UNDERCUTS and r.origin in claims and r.target in claims:
            arguing[r.target].append(r.origin)
    proposals = [c for c, claim in claims.items() if claim.kind is ClaimKind.PROPOSAL]
    depth = dict.fromkeys(proposals, 0)
    queue = deque(proposals)
    parent = dict.fromkeys(claims, "")
    # Breadth first: a claim's depth is final when it is first reached, so each target
    # popped offers itself as the parent of its origins one layer below it, and the
    # least of those offers is kept, whatever order they come in (so the proposals need
    # no sort, nor the targets).
    while queue:
        node = queue.popleft()
        below = depth[node] + 1
        for origin in arguing.get(node, ()):
            found = depth.get(origin)
            if found is None:
                depth[origin] = below
                queue.append(origin)
                parent[origin] = node
            elif found == below and node < parent[origin]:
                parent[origin] = node
    return parent


def subtree(children: Mapping[str, Sequence[str]], root: str) -> list[str]:
    """`root` and every claim under it in the tree, in depth-first order."""
    out: list[str] = []
    stack = [root]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(children.get(node, ())))
    return out


def subtree_sizes(children: Mapping[str, Sequence[str]], roots: Iterable[str]) -> dict[str, int]:
    """How many claims each claim's cluster holds (itself and everything under it), for
    every claim under `roots`, from one pass: summed bottom up, so a chain thousands deep
    costs its length, not its length squared, and no recursion.

    >>> sorted(subtree_sizes({"p": ["a", "b"], "a": ["c"]}, ["p", "z"]).items())
    [('a', 2), ('b', 1), ('c', 1), ('p', 4), ('z', 1)]
    """
    order: list[str] = []
    stack = list(roots)
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children.get(node, ()))
    size: dict[str, int] = {}
    for node in reversed(order):  # every claim after all the claims under it
        size[node] = sum(map(size.__getitem__, children.get(node, ())), 1)
    return size


def opening(
    children: Mapping[str, Sequence[str]], size: Mapping[str, int], root: str, limit: int
) -> tuple[list[str], list[str]]:
    """What the drawing of `root`'s cluster shows: the claims it draws as themselves (in
    the order opened) and the roots of the clusters it draws as one node each.

    The root is drawn with its children under it. Then, smallest cluster first (by
    `size`; on a tie, the one reached first), a claim is opened, drawn as itself with its
    children under it, while the drawing's nodes (claims drawn and clusters left) stay
    at most `limit`; a claim whose children do not fit stays one cluster node. A claim
    with nothing under it is always drawn as itself (a cluster stands for more than one
    claim). So a cluster of at most `limit` claims is drawn whole, a chain of 1,000
    opens on its top `limit - 1` claims and one cluster of the rest, and a bushy tree
    draws its small branches whole and leaves its biggest as clusters, rather than
    hundreds of clusters of two or three claims (each a drawing of its own). Only the
    claims drawn and their children are visited.

    >>> chain = {"a": ["b"], "b": ["c"], "c": ["d"], "d": ["e"]}
    >>> sizes = subtree_sizes(chain, ["a"])
    >>> opening(chain, sizes, "a", 3)
    (['a', 'b'], ['c'])
    >>> opening(chain, sizes, "a", 5)
    (['a', 'b', 'c', 'd', 'e'], [])
    """
    drawn = [root]
    clusters: list[str] = []
    below = children.get(root, ())
    count = 1 + len(below)  # the root and one node per child
    reached = len(below)
    heap = [(size[c], i, c) for i, c in enumerate(below)]
    heapq.heapify(heap)
    while heap:
        _, _, node = heapq.heappop(heap)
        below = children.get(node, ())
        if not below:
            drawn.append(node)
        elif count + len(below) <= limit:  # opening it adds its children's nodes
            drawn.append(node)
            count += len(below)
            for child in below:
                heapq.heappush(heap, (size[child], reached, child))
                reached += 1
        else:
            clusters.append(node)
    return drawn, clusters


# ---- camps -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CampGroup:
    """A camp as the camps map groups actors: `index` into `camp_order` (or -1 for the
    actors alone in their camp or in none), its name and its members."""

    index: int
    name: str
    short: str  # "Camp 3 · 412 actors"
    members: tuple[str, ...]


def camp_groups(amap: ArgumentMap, analysis: Analysis) -> list[CampGroup]:
    """The camps map's groups: each numbered camp of two or more actors, in the
    analysis's numbering, then one group of everyone else (camps of one, unaligned)."""
    known = amap.actors_by_id
    groups: list[CampGroup] = []
    rest: list[str] = []
    camps = [camp for camp in analysis.camps if camp]
    for i, camp in enumerate(camps):
        members = tuple(sorted(a for a in camp if a in known))
        if len(camp) < 2:
            rest.extend(members)
            continue
        if i < len(analysis.camp_info):
            info = analysis.camp_info[i]
            claim = amap.claims_by_id.get(info.proposal or "")
            name = f"Camp {info.number}: {info.title(claim.display if claim else None)}"
            number = info.number
        else:
            number = i + 1
            name = f"Camp {number}"
        short = f"Camp {number} \u00b7 {_count(len(members), 'actor')}"
        groups.append(CampGroup(i, name, short, members))
    in_camp = {a for camp in camps for a in camp}
    rest.extend(a.id for a in amap.actors if a.id not in in_camp)
    if rest:
        alone = all(a in analysis.unaligned for a in rest)
        name = "Unaligned" if alone else "Unaligned, and camps of one actor"
        groups.append(
            CampGroup(
                -1, name, f"{name} \u00b7 {_count(len(rest), 'actor')}", tuple(sorted(set(rest)))
            )
        )
    return groups


#: An index array: positions into `PairArrays.actors`, `values` or the pairs.
Index = npt.NDArray[np.integer[Any]]


@dataclass(frozen=True, slots=True)
class PairArrays:
    """Agreement pairs (a, b, weight) as arrays: `first` and `second` index `actors` (in
    id order, so index order is id order), `code` indexes `values`. What the renders
    of millions of pairs compute on instead of a tuple per pair; it iterates as the
    pairs' tuples, in order, for a drawing of a few hundred actors.

    >>> pairs = pair_arrays([("b", "c", 2.0), ("a", "c", -1.0)])
    >>> pairs.actors, pairs.first.tolist(), pairs.second.tolist(), list(pairs)
    (('a', 'b', 'c'), [1, 0], [2, 2], [('b', 'c', 2.0), ('a', 'c', -1.0)])
    """

    actors: tuple[str, ...]
    first: Index
    second: Index
    code: Index
    values: tuple[float, ...]

    def __len__(self) -> int:
        return len(self.first)

    def __iter__(self) -> Iterator[tuple[str, str, float]]:
        return zip(
            map(self.actors.__getitem__, self.first.tolist()),
            map(self.actors.__getitem__, self.second.tolist()),
            map(self.values.__getitem__, self.code.tolist()),
            strict=True,
        )

    def weights(self) -> npt.NDArray[np.float64]:
        """Each pair's weight, as a float (exactly the value's)."""
        return np.asarray(self.values, dtype=np.float64)[self.code]

    def by_ids(self) -> Index:
        """The pairs' positions sorted as their tuples sort: by first id, second id, then
        weight, stably. An `Agreement`'s pairs are in that order already (each two
        actors once, by ids), which one pass confirms instead of a sort of millions."""
        key = self.first.astype(np.int64) * len(self.actors) + self.second
        if bool(np.all(key[1:] > key[:-1])):
            return np.arange(len(key))
        return np.lexsort((self.weights(), self.second, self.first))

    def take(self, rows: Index) -> PairArrays:
        """The pairs at `rows`, in that order."""
        return PairArrays(
            self.actors, self.first[rows], self.second[rows], self.code[rows], self.values
        )

    def codes(self, of: Mapping[str, int]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
        """Per actor, its number in `of` (0 if none) and whether it has one."""
        number = np.array([of.get(a, 0) for a in self.actors], dtype=np.int64)
        known = np.array([a in of for a in self.actors], dtype=np.bool_)
        return number, known


def pair_arrays(agreement: Iterable[tuple[str, str, float]]) -> PairArrays:
    """`agreement` as `PairArrays`: an `Agreement`'s own arrays, no pair made; any other
    pairs (a few, in tests and small maps) read once, each weight kept as it is."""
    if isinstance(agreement, PairArrays):
        return agreement
    if isinstance(agreement, Agreement) and list(agreement.actors) == sorted(agreement.actors):
        first, second, code = agreement.arrays()
        return PairArrays(agreement.actors, first, second, code, agreement.values)
    rows = list(agreement)
    actors = tuple(sorted({a for a, _, _ in rows} | {b for _, b, _ in rows}))
    index = {a: i for i, a in enumerate(actors)}
    return PairArrays(
        actors,
        np.array([index[a] for a, _, _ in rows], dtype=np.intp),
        np.array([index[b] for _, b, _ in rows], dtype=np.intp),
        np.arange(len(rows), dtype=np.intp),
        tuple(w for _, _, w in rows),
    )


#: `camp_links` counts in one bin per two groups up to this many bins (8 MiB of sums),
#: and finds the links there are by a sort beyond.
_DENSE_LINKS = 1 << 20


def camp_links(
    group_of: Mapping[str, int], agreement: Iterable[tuple[str, str, float]]
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], int]]:
    """The net agreement between groups: for each pair of groups (i <= j), the sum of the
    weights of the agreement pairs with one actor in each (i == j: inside the group),
    and how many pairs that is. Actors in no group are left out.

    >>> camp_links({"a": 0, "b": 0, "c": 1}, [("a", "b", 2.0), ("a", "c", -1.0),
    ...     ("b", "c", -3.0), ("c", "x", 5.0)])
    ({(0, 0): 2.0, (0, 1): -4.0}, {(0, 0): 1, (0, 1): 2})
    """
    pairs = pair_arrays(agreement)
    number, known = pairs.codes(group_of)
    inside = known[pairs.first] & known[pairs.second]
    i = number[pairs.first[inside]]
    j = number[pairs.second[inside]]
    low, high = np.minimum(i, j), np.maximum(i, j)
    # Each (low, high) as one integer, from the groups' ranks, so one sort finds them all.
    groups, rank = _ranks(np.concatenate((low, high)))
    span = max(1, len(groups))
    key = rank(low) * span + rank(high)
    if span * span <= _DENSE_LINKS:  # a few hundred groups: a bin for every two of them
        slot, keys = key, np.arange(span * span)
    else:
        keys, slot = np.unique(key, return_inverse=True)
    # bincount adds each bin's weights one by one in the pairs' order, as a loop would:
    # the same float sums to the last bit (a pairwise np.sum would round differently).
    sums = np.bincount(slot, weights=pairs.weights()[inside], minlength=len(keys))
    counts = np.bincount(slot, minlength=len(keys))
    found = counts > 0
    keys, sums, counts = keys[found], sums[found], counts[found]
    links = list(zip(groups[keys // span].tolist(), groups[keys % span].tolist(), strict=True))
    return dict(zip(links, sums.tolist(), strict=True)), dict(
        zip(links, counts.tolist(), strict=True)
    )


def _ranks(
    numbers: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], Callable[[npt.NDArray[np.int64]], npt.NDArray[np.int64]]]:
    """The distinct `numbers`, sorted, and a function giving each number's place among
    them (`np.unique` and `np.searchsorted`). Group numbers are small and not negative:
    then a table of presence and a lookup table do it without sorting millions of pairs'
    numbers (most of `camp_links` at 100,000 stances)."""
    if not len(numbers) or numbers.min() < 0 or numbers.max() > 4 * len(numbers) + 1024:
        found = np.unique(numbers)
        return found, lambda these: np.searchsorted(found, these)
    present = np.bincount(numbers) > 0
    found = np.flatnonzero(present).astype(np.int64)
    table = np.cumsum(present) - 1
    return found, lambda these: table[these]


def camp_parts(amap: ArgumentMap, members: Sequence[str], size: int) -> list[tuple[str, ...]]:
    """A camp too big to draw, cut into as few runs of at most `size` actors as will do,
    as even as can be: sorted by their first affiliation (actors with none first), then
    by id, so colleagues stay together.

    >>> camp_parts(ArgumentMap("t"), ["e", "d", "c", "b", "a"], 2)
    [('a', 'b'), ('c', 'd'), ('e',)]
    >>> camp_parts(ArgumentMap("t"), list("abcde"), 4)
    [('a', 'b', 'c'), ('d', 'e')]
    """
    known = amap.actors_by_id

    def key(actor: str) -> tuple[str, str]:
        found = known.get(actor)
        return (found.affiliations[0] if found and found.affiliations else "", actor)

    ordered = sorted(members, key=key)
    runs = -(-len(ordered) // size)
    step = -(-len(ordered) // max(1, runs))
    return [tuple(ordered[i : i + step]) for i in range(0, len(ordered), step)]


# ---- stances -----------------------------------------------------------------------


def stance_counts(
    amap: ArgumentMap, actor_unit: Mapping[str, str], claim_unit: Mapping[str, str]
) -> dict[tuple[str, str], dict[Position, list[str]]]:
    """(actor unit, claim unit) -> position -> the stance ids between them, sorted."""
    out: dict[tuple[str, str], dict[Position, list[str]]] = {}
    for s in amap.stances:
        a = actor_unit.get(s.actor)
        c = claim_unit.get(s.claim)
        if a is None or c is None:
            continue
        out.setdefault((a, c), {}).setdefault(s.position, []).append(s.id)
    for by in out.values():
        for ids in by.values():
            ids.sort()
    return dict(sorted(out.items()))


def stance_label(by: Mapping[Position, Sequence[str]]) -> tuple[str, str]:
    """An aggregate stance edge's (class, label): its counts `+12 −3 0 1` (zeros left
    out), the class by which of supports and opposes has more.

    >>> stance_label({Position.SUPPORTS: ["a", "b"], Position.OPPOSES: ["c"]})
    ('agg-stance-for', '+2 \u22121')
    >>> stance_label({Position.NEUTRAL: ["a"]})
    ('agg-stance-even', '0 1')
    """
    return tally_label(
        len(by.get(Position.SUPPORTS, ())),
        len(by.get(Position.OPPOSES, ())),
        len(by.get(Position.NEUTRAL, ())),
    )


def tally_label(pro: int, con: int, neutral: int) -> tuple[str, str]:
    """`stance_label` from the counts of stances that support, oppose and are neutral.

    >>> tally_label(2, 1, 0), tally_label(0, 3, 3)
    (('agg-stance-for', '+2 \u22121'), ('agg-stance-against', '\u22123 0 3'))
    >>> tally_label(0, 0, 0)
    ('agg-stance-even', '')
    """
    parts = []
    if pro:
        parts.append(f"+{pro}")
    if con:
        parts.append(f"\u2212{con}")
    if neutral:
        parts.append(f"0 {neutral}")
    cls = (
        "agg-stance-for" if pro > con else "agg-stance-against" if con > pro else "agg-stance-even"
    )
    return cls, " ".join(parts)


# ---- words -------------------------------------------------------------------------


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def claim_label(amap: ArgumentMap, root: str, size: int) -> str:
    """An aggregate claim node's label: its root claim's words and how many claims."""
    claim = amap.claims_by_id.get(root)
    head = excerpt(claim.display, _LABEL_CHARS) if claim else root
    return f"{head} \u00b7 {_count(size, 'claim')}"


def camp_colour(index: int) -> int:
    """The colour number of a camp group (as actors of it are coloured), or -1."""
    return index if 0 <= index < len(CAMP_COLOURS) else -1


def legend(
    view_name: str, node_classes: Iterable[str], edge_classes: Iterable[str]
) -> list[dict[str, object]]:
    """The legend entries an aggregated drawing adds: its rule in words and a swatch for
    each aggregate node and edge class it draws (in html.py's `_item` shape)."""
    rule = {
        "argument": "Aggregated: the map is too big to draw claim by claim. A cluster is a"
        " claim with every claim under it: each claim sits under the claim it argues about"
        " that is nearest a proposal. Click a cluster for its counts; \u201cOpen\u201d draws it.",
        "stances": "Aggregated: claims in clusters as on the argument map, actors in their"
        " camps; a line counts a camp's stances on a cluster's claims.",
        "camps": "Aggregated: one node per camp; a line is the sum of the agreement weights"
        " of every pair of actors between two camps. Click a camp, then \u201cOpen\u201d.",
    }[view_name]
    items: list[dict[str, object]] = [_entry(rule)]
    for cls in AGGREGATE_NODE_STYLES:
        if cls in node_classes:
            style = AGGREGATE_NODE_STYLES[cls][1]
            colour = style.get("color", {"background": OTHER_CAMP_COLOUR, "border": "#1A1A1A"})
            assert isinstance(colour, dict)
            swatch = {
                "shape": style["shape"],
                "fill": colour["background"],
                "stroke": colour["border"],
                "width": 3,
                "rx": 3,
            }
            items.append(_entry(AGGREGATE_NODE_STYLES[cls][0], node=swatch))
    edges = set(edge_classes)
    for cls, (words, style) in AGGREGATE_EDGE_STYLES.items():
        if cls in edges:
            colour = style["color"]
            dashes = style["dashes"]
            arrows = style["arrows"]
            assert isinstance(colour, dict) and isinstance(arrows, dict)
            items.append(
                _entry(
                    words,
                    edge={
                        "colour": colour["color"],
                        "dash": ",".join(str(d) for d in dashes)
                        if isinstance(dashes, list)
                        else "",
                        "arrow": arrows["to"]["enabled"],
                    },
                )
            )
    return items


def _entry(
    text: str, *, node: dict[str, object] | None = None, edge: dict[str, object] | None = None
) -> dict[str, object]:
    return {"text": text, "node": node, "edge": edge, "swatches": [], "id": ""}
