"""The interactive map page: one self-contained, offline HTML file holding every view.

How pyvis is used (the only module that imports it): pyvis ships vis-network 9.1.2 as a
standalone bundle in its package; the page inlines that file, and the network options
start from pyvis's own `Options` object (physics, edges, interaction) before the few
settings pyvis does not model are added. Both are read from pyvis's folder without
`import pyvis`, whose `__init__` imports its `Network` and with it IPython (`_pyvis_folder`).
Nothing else of pyvis is used, on purpose: its `Network.add_node`/`add_edge` are quadratic
on big graphs, and its HTML template loads scripts from CDNs and switches its tooltip to
`innerHTML` when a title contains `href`.
The page is this package's template plus `assets/argmap.js` and `assets/argmap.css`.

Safety: index.html is the Jinja2 template `templates/page.html.j2` with autoescape on, so
every value is text unless this module wraps it in `Markup` (the page's own two scripts and
stylesheet, and the slots where the JSON blocks go, `templates.splice`). User strings reach
the page script only through those JSON blocks (`_lazy_blocks`), whose `<`, `>`, `&`,
U+2028 and U+2029 are escaped (`script_json`), read with `JSON.parse` and shown with
`textContent`. A Content-Security-Policy allows no network
load at all and only the page's own two scripts, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.machinery
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import cache
from html import escape
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
import numpy.typing as npt
from markupsafe import Markup

from argmap.analysis import Analysis, Contribution
from argmap.errors import OutputError
from argmap.load.gcpause import paused_gc
from argmap.model import ActorKind, ArgumentMap, ClaimKind, Position, Relation, RelationKind
from argmap.render.aggregate import (
    AGGREGATE_EDGE_STYLES,
    AGGREGATE_NODE_STYLES,
    fmt_weight,
    pair_arrays,
)
from argmap.render.aggregate import legend as aggregate_legend
from argmap.render.outline import outline_html, outline_parts, score_words
from argmap.render.styles import (
    BLUE,
    CAMP_COLOURS,
    EDGE_FONT,
    EDGE_STYLES,
    GREY,
    NODE_STYLES,
    OTHER_CAMP_COLOUR,
    REDDISH_PURPLE,
    VERMILLION,
)
from argmap.render.summary import Summary
from argmap.render.templates import slot, splice
from argmap.render.views import View, build_views

__all__ = [
    "index_parts",
    "outline_page_parts",
    "render_index",
    "render_outline",
    "render_pages",
    "script_json",
    "script_json_parts",
    "vis_options",
]

VIS_VERSION = "9.1.2"
_VIS_PATH = f"lib/vis-{VIS_VERSION}/vis-network.min.js"

# The outline page runs no script at all.
_OUTLINE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

_VIEW_TITLES = {
    "argument": "Argument map",
    "stances": "Stance map",
    "camps": "Camps map",
    "outline": "Outline (text)",
}
_VIEW_HELP = {
    "argument": "Proposals on top; below each claim, the claims and evidence that support or "
    "attack it. Click a node for its details.",
    "stances": "Who supports or opposes which claim. Click a line to read the quotes.",
    "camps": "Actors linked when they agree or conflict; groups are the computed camps.",
}


def script_json(value: object) -> str:
    """`value` as JSON that is safe inside a `<script>` element.

    `<`, `>` and `&` cannot close the element or open a comment, and U+2028/U+2029 (line
    terminators in older JavaScript) cannot break a parser; all are written as \\uXXXX,
    which `JSON.parse` turns back into the same characters.
    """
    return "".join(script_json_parts(value))


def script_json_parts(value: object) -> list[str]:
    """`script_json(value)` as parts to be written one after the other: the JSON encoder's
    own pieces, each escaped, never joined (joining them copied the page's 45 MB of JSON
    once more on the debate of 20,000 statements). Each escaped character is one
    character of one piece, so escaping piece by piece escapes the same characters."""
    # The C encoder gives its pieces as a list (CPython 3.11) or a tuple; Python's own, as
    # an iterator.
    encoded = _SCRIPT_ENCODER.iterencode(value, _one_shot=True)
    parts = encoded if isinstance(encoded, list) else list(encoded)
    for i, part in enumerate(parts):
        for char, escaped in _SCRIPT_ESCAPES:
            # `in` finds a character several times faster than `replace` counts it, and
            # most blocks hold none of these: five `replace` passes were a third of this.
            if char in part:
                part = part.replace(char, escaped)
        parts[i] = part
    return parts


# `json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`, whose
# encoder joins the pieces that `iterencode` gives; without its check for a list or dict
# inside itself (a dict entry added and removed for each of the 270,000 lists and dicts
# of the debate of 20,000 statements' page, a tenth of the encoding): the page's data is
# made of fresh rows and tables, and a cycle in it would still end the build, with a
# RecursionError instead of a ValueError.
_SCRIPT_ENCODER = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False
)
_SCRIPT_ESCAPES = tuple((char, f"\\u{ord(char):04x}") for char in "<>&\u2028\u2029")


@cache
def _vis_network_js() -> str:
    try:
        text = (_pyvis_folder() / _VIS_PATH).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as error:
        raise OutputError(f"cannot read vis-network from the pyvis package: {error}") from error
    # A browser ends the element at "</script" in any ASCII case: searched for without
    # lower-casing the whole half-megabyte file first.
    if f"@version {VIS_VERSION}" not in text[:400] or _SCRIPT_END.search(text):
        raise OutputError(f"pyvis's {_VIS_PATH} is not the expected vis-network {VIS_VERSION}")
    return text


_SCRIPT_END = re.compile("</script", re.IGNORECASE)

#: pyvis's own modules that the page uses (options.py, and the physics.py it reads) are
#: loaded as modules of this package, over pyvis's folder, whose `__init__` is never run.
_PYVIS_ALIAS = "argmap.render._pyvis"


@cache
def _pyvis_folder() -> Path:
    """pyvis's package folder, found without importing pyvis: its `__init__` imports
    `pyvis.network`, and with it IPython and jsonpickle, 60 ms of every build for code
    the page never runs."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'pyvis'", name="pyvis")
    return Path(next(iter(spec.submodule_search_locations)))


def _pyvis_options() -> Any:
    """pyvis's `Options` class, from its pyvis/options.py (`_PYVIS_ALIAS`)."""
    if _PYVIS_ALIAS not in sys.modules:
        spec = importlib.machinery.ModuleSpec(_PYVIS_ALIAS, None, is_package=True)
        spec.submodule_search_locations = [str(_pyvis_folder())]
        sys.modules[_PYVIS_ALIAS] = importlib.util.module_from_spec(spec)
    return importlib.import_module(f"{_PYVIS_ALIAS}.options").Options


@cache
def _asset(name: str) -> str:
    return (resources.files("argmap.render") / "assets" / name).read_text(encoding="utf-8")


def vis_options() -> dict[str, Any]:
    """The vis-network options: pyvis's `Options` with physics off and straight edges.

    Positions come from Python, so physics stays off (no jiggle, no CPU after load).
    """
    options = _pyvis_options()()
    options.physics.enabled = False
    options.edges.smooth.enabled = False
    options.edges.color.inherit = False
    options.interaction.dragNodes = True
    result: dict[str, Any] = json.loads(options.to_json())
    # Settings pyvis's option classes do not model.
    result["interaction"].update(
        hover=True,
        tooltipDelay=200,
        navigationButtons=False,
        keyboard={"enabled": True, "bindToWindow": False},
        multiselect=False,
        zoomSpeed=0.6,
    )
    result["layout"] = {"improvedLayout": False, "randomSeed": 0}
    return result


def _csp(scripts: list[str]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _view_json(view: View, index: Mapping[str, int]) -> dict[str, Any]:
    """A drawing as the page reads it; each edge names what it draws by its `index` (the
    stance's or relation's place in the page's lists)."""
    entry = _drawing_json(view, index)
    if view.key or view.units or view.parts:
        # An aggregated view's drawing (argmap.render.aggregate); a small map's views
        # carry none of these keys, so its page is as before.
        entry |= {
            "key": view.ref,
            "parent": view.parent,
            "title": view.title,
            "notice": view.notice or "",
            "units": {
                u.id: {
                    "title": u.title,
                    "opens": u.opens,
                    "members": list(u.members),
                    "facts": [list(f) for f in u.facts],
                }
                for u in view.units
            },
        }
    return entry


def _drawing_json(view: View, index: Mapping[str, int]) -> dict[str, Any]:
    at = index.__getitem__
    return {
        "nodes": [[n.id, n.cls, n.x, n.y, n.label, n.camp] for n in view.nodes],
        # The items by index; then the camps map's weight, then the edge's bend.
        "edges": [
            [
                e.id,
                e.origin,
                e.target,
                e.cls,
                e.width,
                # Most edges stand for one stance or relation.
                [at(e.items[0])] if len(e.items) == 1 else list(map(at, e.items)),
                e.label,
                list(e.bend) if e.bend else [],
            ]
            for e in view.edges
        ],
        "groups": [list(g) for g in view.groups],
        "home": list(view.home),
    }


def _board(
    amap: ArgumentMap, analysis: Analysis, index: Mapping[str, int]
) -> dict[str, dict[str, Any]]:
    """Each proposal's pro/con board: who is for, against, mixed and neutral, with a quote.

    The one place the page decides who stands where on a proposal (the panel's board,
    its tooltip and its facts read only this), from `analysis.sides`: the stated
    positions every output counts. `{proposal: {"for" | "against" | "mixed" | "neutral":
    [[actor, score, stance]], "summary": "2 for, 1 against"}}`, where `stance` is the
    index (in the page's sorted stances) of the stance that pulls the actor most towards
    that side, or -1; strongest first, then by actor id. "inferred" lists the positions
    reached only through other sources' relations, which the page shows folded and marked.
    `index` is each stance id's place in the page's sorted stances.
    """
    # Only the stances on a proposal: a row without a pull is shown by its own stance.
    own = {
        (s.actor, s.claim): s.id
        for s in sorted(amap.stances, key=attrgetter("id"))
        if s.claim in analysis.sides
    }
    stance_sources = {s.id: s.source for s in amap.stances}
    board: dict[str, dict[str, Any]] = {}
    inferred: dict[str, list[str]] = {}
    for actor, by_proposal in sorted(analysis.inferred_positions.items()):
        for proposal in by_proposal:
            inferred.setdefault(proposal, []).append(actor)
    for proposal, sides in sorted(analysis.sides.items()):
        entry: dict[str, Any] = {"summary": sides.summary()}
        for side, sign, actors, positions in (
            ("for", 1, sides.for_, analysis.positions),
            ("against", -1, sides.against, analysis.positions),
            ("mixed", 0, sides.mixed, analysis.positions),
            ("neutral", 0, sides.neutral, analysis.positions),
            ("inferred", 0, inferred.get(proposal, []), analysis.inferred_positions),
        ):
            rows: list[list[Any]] = []
            for actor in actors:
                score = positions.get(actor, {}).get(proposal)
                best = _heaviest(score.contributions, sign) if score is not None else None
                stance = best.stance if best is not None else own.get((actor, proposal))
                value = round(score.score, 3) if score is not None else 0.0
                row: list[Any] = [actor, value, index.get(stance, -1) if stance else -1]
                if side == "inferred":
                    # The chain behind an inferred position: the claims from the stance's
                    # claim to the proposal, and the sources the stance and links cite.
                    row.append(_chain(best, stance_sources.get(best.stance) if best else None))
                rows.append(row)
            rows.sort(key=lambda r: (-abs(r[1]), r[0]))
            entry[side] = rows
        board[proposal] = entry
    return board


def _heaviest(contributions: Sequence[Contribution], sign: int) -> Contribution | None:
    """The pull towards `sign` (any, for 0) that a board row shows: the heaviest, then the
    one of the shortest path, then of the first stance id; the first of those. The weight
    is compared first on its own, since most rows have one heaviest pull: a key of three
    for every pull was a third of the board at 100,000 stances."""
    pulls = contributions if sign == 0 else [c for c in contributions if c.sign == sign]
    if len(pulls) <= 1:
        return pulls[0] if pulls else None
    heaviest = max([c.weight for c in pulls])
    pulls = [c for c in pulls if c.weight == heaviest]
    if len(pulls) == 1:
        return pulls[0]
    return min(pulls, key=lambda c: (len(c.path), c.stance))


def _chain(best: Contribution | None, stance_source: str | None) -> dict[str, list[str]]:
    """`{"path": [claim ids], "sources": [source ids]}` of one contribution, sources in
    the order the chain cites them (the stance's first), each once."""
    if best is None:
        return {"path": [], "sources": []}
    sources: list[str] = []
    for source in (stance_source, *best.sources):
        if source and source not in sources:
            sources.append(source)
    return {"path": list(best.path), "sources": sources}


def _camp_names(amap: ArgumentMap, analysis: Analysis) -> list[str]:
    """Each numbered camp's one name, `Camp 1: For: Allow DCRs · mean +0.96 · 25 actors`
    (as the outline and the report write it), in `analysis.camp_info`'s numbering: the
    filter, the legend, the camps map and the panel all read these."""
    names = []
    for camp in analysis.camp_info:
        claim = amap.claims_by_id.get(camp.proposal or "")
        names.append(f"Camp {camp.number}: {camp.title(claim.display if claim else None)}")
    return names


#: The unaligned actors' one word, as in the report and the outline.
UNALIGNED = "Unaligned"

#: How many allies and opponents an actor's panel lists (strongest first).
_PARTNERS_SHOWN = 8


def _partners(analysis: Analysis) -> dict[str, list[list[Any]]]:
    """Actor -> `[[other, weight]]`: the strongest agreements (weight > 0) and conflicts
    (weight < 0), at most `_PARTNERS_SHOWN` of each, strongest first, then by id."""
    pairs = pair_arrays(analysis.agreement)
    named = np.zeros(len(pairs.actors), dtype=np.bool_)
    named[pairs.first] = True
    named[pairs.second] = True
    chosen: dict[str, list[list[Any]]] = {
        pairs.actors[i]: [] for i in np.flatnonzero(named).tolist()
    }  # actors in id order
    shown = [round(w, 3) for w in pairs.values]
    weight = pairs.weights()
    # The pairs by (a, b, weight), then strongest first, stably: every actor's pairs come
    # strongest first and then by id, so an actor's first `_PARTNERS_SHOWN` pairs in that
    # order are the ones shown. The sorts run on arrays; sorting the pairs as tuples
    # (millions on a big map) took most of the page's build.
    ordered = pairs.by_ids()
    for sign in (1, -1):
        rows = ordered[weight[ordered] * sign > 0]
        rows = rows[np.argsort(weight[rows] * -sign, kind="stable")]
        # Each pair gives its first actor the second, then its second the first.
        actor = np.column_stack((pairs.first[rows], pairs.second[rows])).ravel()
        other = np.column_stack((pairs.second[rows], pairs.first[rows])).ravel()
        code = np.repeat(pairs.code[rows], 2)
        by_actor = np.argsort(_small(actor, len(pairs.actors)), kind="stable")
        grouped = actor[by_actor]
        start = np.concatenate(([0], np.cumsum(np.bincount(grouped))))  # each actor's first
        kept = by_actor[np.arange(len(grouped)) - start[grouped] < _PARTNERS_SHOWN]
        for a, b, c in zip(
            actor[kept].tolist(), other[kept].tolist(), code[kept].tolist(), strict=True
        ):
            chosen[pairs.actors[a]].append([pairs.actors[b], shown[c]])
    return chosen


def _small(numbers: npt.NDArray[np.integer[Any]], bound: int) -> npt.NDArray[np.integer[Any]]:
    """`numbers` (each below `bound`) as 16-bit integers where they fit, so that a stable
    sort of them is numpy's radix sort, not its merge sort: the same order, a third of
    the time on the 2.8 million ends of a big map's pairs."""
    return numbers.astype(np.uint16) if bound <= 1 << 16 else numbers


def _stance_sides(analysis: Analysis, index: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Proposal -> {stance index: +1 | -1 | 0}: what each stance means for it (stances
    whose claim does not bear on the proposal are absent). JSON keys are strings."""
    # Each proposal's stances in no order: `script_json` sorts the keys it writes.
    return {
        proposal: {str(index[s]): side for s, side in by.items() if s in index}
        for proposal, by in sorted(analysis.stance_sides.items())
    }


#: The node class of the point an undercut ends on: the middle of the edge it undercuts
#: (vis-network cannot end an edge on an edge). Its id is this prefix and that edge's id.
CUT_NODE = "undercut-mid"
CUT_PREFIX = "cut:"
_CUT_NODE_STYLE: dict[str, Any] = {
    "shape": "dot",
    "size": 6,
    "color": {"background": REDDISH_PURPLE, "border": "#1A1A1A"},
    "borderWidth": 1,
    "font": {"size": 1, "color": "rgba(0,0,0,0)"},
}
#: An undercut: a relation attacking another relation's inference, not a claim.
_UNDERCUT_STYLE: tuple[str, dict[str, Any]] = (
    "\u2298 undercut: attacks the link it ends on, not a claim",
    {
        "color": {"color": REDDISH_PURPLE, "highlight": REDDISH_PURPLE, "hover": REDDISH_PURPLE},
        "dashes": [3, 4],
        "width": 2.5,
        "arrows": {"to": {"enabled": True, "type": "bar", "scaleFactor": 0.8}},
        "label": "\u2298",
        "font": EDGE_FONT,
    },
)


def _add_undercuts(
    entry: dict[str, Any], cutting: Mapping[str, Sequence[Relation]], index: dict[str, int]
) -> None:
    """Draw each undercut on the argument view: an edge from its claim to a point in the
    middle of the edge it undercuts (the page script moves the point onto the drawn
    curve). Undercuts of relations the view does not draw are left to the panel.
    `cutting` is `_undercuts_by_target`'s."""
    if not cutting:
        return  # a map without undercuts (most): no index of the drawing's edges and nodes
    drawn = {edge[0]: edge for edge in entry["edges"]}
    xy = {node[0]: (node[2], node[3]) for node in entry["nodes"]}
    points: dict[str, list[Any]] = {}
    cuts: list[list[Any]] = []
    found = (r for edge_id in drawn for r in cutting.get(edge_id, ()))
    for relation in sorted(found, key=lambda r: r.id):
        target = drawn[relation.target]
        if relation.origin not in xy:
            continue
        (x1, y1), (x2, y2) = xy[target[1]], xy[target[2]]
        point = CUT_PREFIX + relation.target
        points.setdefault(
            point, [point, CUT_NODE, round((x1 + x2) / 2), round((y1 + y2) / 2), "", -1]
        )
        cuts.append(
            [relation.id, relation.origin, point, "rel-undercuts", 0, [index[relation.id]], "", []]
        )
    entry["nodes"].extend(points[p] for p in sorted(points))
    entry["edges"].extend(cuts)


def _undercuts_by_target(amap: ArgumentMap) -> dict[str, list[Relation]]:
    """Each relation's undercuts, for `_add_undercuts`: made once, because an aggregated
    view has hundreds of drawings and a scan of every relation per drawing is quadratic."""
    cutting: dict[str, list[Relation]] = defaultdict(list)
    for relation in amap.relations:
        if relation.kind is RelationKind.UNDERCUTS:
            cutting[relation.target].append(relation)
    return cutting


def _page_data(amap: ArgumentMap, analysis: Analysis, views: tuple[View, ...]) -> dict[str, Any]:
    stances = sorted(amap.stances, key=attrgetter("id"))
    relations = sorted(amap.relations, key=attrgetter("id"))
    # Each stance's place in the page's stances: the board and the lines' sides name them so.
    stance_index = {s.id: i for i, s in enumerate(stances)}
    # View edges name the stances and relations they draw by their index in these lists.
    index = stance_index | {r.id: i for i, r in enumerate(relations)}
    view_data: dict[str, Any] = {}
    drawings: dict[str, Any] = {}
    cutting = _undercuts_by_target(amap)
    for view in views:
        entry = _view_json(view, index)
        # The drawings under an aggregated view's overview, each once, by key.
        for part in view.parts:
            drawing = _view_json(part, index)
            if part.name == "argument":
                _add_undercuts(drawing, cutting, index)
            drawings[part.ref] = drawing
        if view.name == "camps" and not view.units:
            # Only the pairs the view draws: a dict of every pair (millions on a big
            # map) would cost more than the whole view.
            drawn = {(edge[1], edge[2]) for edge in entry["edges"]}
            weights = {(a, b): w for a, b, w in analysis.agreement if (a, b) in drawn}
            for edge in entry["edges"]:
                weight = weights.get((edge[1], edge[2]), 0.0)
                edge[6] = fmt_weight(weight)
        if view.name == "argument":
            _add_undercuts(entry, cutting, index)
        view_data[view.name] = entry
    extra = {"drawings": drawings} if drawings else {}
    acceptance, reasons, strength = (
        analysis.acceptance,
        analysis.acceptance_reasons,
        analysis.strength,
    )
    # Each entry's keys in the order `script_json` sorts them to, so its sort of a
    # claim's keys (20,000 claims on the debate) finds them in order. A kind or position
    # is a StrEnum member, which json writes as its value.
    return extra | {
        "title": amap.title,
        "sources": {
            s.id: {"date": s.date, "publisher": s.publisher, "title": s.title, "url": s.url}
            for s in amap.sources
        },
        "actors": {
            a.id: {
                "affiliations": list(a.affiliations),
                "kind": a.kind,
                "name": a.name,
                "role": a.role,
            }
            for a in amap.actors
        },
        "claims": {
            c.id: {
                "acceptance": acceptance.get(c.id),
                "kind": c.kind,
                "label": c.label,
                # The claims or relations that make it out or undecided, and its DF-QuAD
                # strength: the panel says both in words.
                "reasons": list(reasons.get(c.id, ())),
                "source": c.source,
                "strength": round(strength[c.id], 3) if c.id in strength else None,
                "tags": list(c.tags),
                "text": c.text,
            }
            for c in amap.claims
        },
        # Arrays, not objects: a big map has tens of thousands of stances.
        "stances": [
            [s.actor, s.claim, s.position, s.source, s.quote, int(s.reported), s.date]
            for s in stances
        ],
        "relations": [[r.origin, r.target, r.kind, r.source, r.note, r.id] for r in relations],
        "question": analysis.question,
        "stanceSides": _stance_sides(analysis, stance_index),
        "disabled": sorted(index[r] for r in analysis.disabled_relations if r in index),
        "partners": _partners(analysis),
        "positions": {
            actor: [
                [p, round(score.score, 3), score.mixed, score_words(score.score)]
                for p, score in sorted(by_proposal.items())
            ]
            for actor, by_proposal in analysis.positions.items()
            if by_proposal
        },
        "board": _board(amap, analysis, stance_index),
        # The numbered camps only, in camp_order's (the analysis's) order: the unaligned
        # actors are in no camp, and `unaligned` lists them.
        "camps": [
            {"name": name, "members": list(camp.members)}
            for name, camp in zip(_camp_names(amap, analysis), analysis.camp_info, strict=True)
        ],
        "unaligned": list(analysis.unaligned),
        "unalignedWord": UNALIGNED,
        "campColours": list(CAMP_COLOURS),
        "sideStyles": {k: {"color": c, "dashes": d} for k, (_, c, d) in SIDE_STYLES.items()},
        "otherCampColour": OTHER_CAMP_COLOUR,
        "styles": {
            "nodes": {name: style for name, (_, style) in NODE_STYLES.items()}
            | {CUT_NODE: _CUT_NODE_STYLE}
            | _used(AGGREGATE_NODE_STYLES, bool(drawings)),
            "edges": {name: style for name, (_, style) in EDGE_STYLES.items()}
            | {"rel-undercuts": _UNDERCUT_STYLE[1]}
            | _used(AGGREGATE_EDGE_STYLES, bool(drawings)),
        },
        "visOptions": vis_options(),
        "views": view_data,
    }


def _lazy_quotes(data: dict[str, Any]) -> tuple[dict[str, Any], list[str | None]]:
    """`data` with each stance row's quote taken out, and the quotes in stance order.

    The page parses the quotes only when a panel, search or print needs one: on a big map
    they are nearly half the data, and the first draw shows none (issue 18). A row becomes
    [actor, claim, position, source, reported, date].
    """
    rows = data["stances"]
    quotes = [row[4] for row in rows]
    return data | {"stances": [row[:4] + row[5:] for row in rows]}, quotes


#: Quotes per quotes block: a panel that needs one quote parses one block (~0.6 MB of a
#: big map's 32 MB), and the page reads the rest a block at a time while it is idle.
QUOTES_PER_BLOCK = 2000


def _lazy_blocks(
    data: dict[str, Any], quotes: list[str | None]
) -> tuple[dict[str, Any], list[tuple[str, object]]]:
    """`data` cut into what the first drawing needs and the blocks the page parses on
    first use, as `(element id, value)`, in page order (issue 18: on a big map the page's
    own parse was most of its first draw).

    - `argmap-quotes-<n>`: the quotes of stances `n * QUOTES_PER_BLOCK` onwards.
    - `argmap-drawing-<n>`: the drawings under an aggregated view's overview, one block
      each in key order; `data["drawings"]` keeps `{key: [n, title, parent key]}`, what
      the trail and the addresses need.
    - `argmap-board-<n>`: a proposal's board; `data["board"]` keeps
      `{proposal: {"summary": ..., "block": n}}` (tooltips and facts read the summary).
    - `argmap-actors`: each actor's partners and stated positions (its panel only).
    - `argmap-homes`: on an aggregated page, the drawing that draws each entry (a
      search, a link or an address into a cluster), as `{tab: {id: drawing key}}`.
    """
    blocks: list[tuple[str, object]] = [
        (f"argmap-quotes-{n}", quotes[start : start + QUOTES_PER_BLOCK])
        for n, start in enumerate(range(0, len(quotes), QUOTES_PER_BLOCK))
    ]
    main = {k: v for k, v in data.items() if k not in ("partners", "positions")}
    main["quoteBlock"] = QUOTES_PER_BLOCK
    boards = {}
    for n, (proposal, board) in enumerate(sorted(data["board"].items())):
        blocks.append((f"argmap-board-{n}", board))
        boards[proposal] = {"summary": board["summary"], "block": n}
    main["board"] = boards
    blocks.append(("argmap-actors", {"partners": data["partners"], "positions": data["positions"]}))
    if "drawings" in data:
        drawings = data["drawings"]
        main["drawings"] = {
            key: [n, drawing["title"], drawing["parent"]]
            for n, (key, drawing) in enumerate(sorted(drawings.items()))
        }
        blocks += [(f"argmap-drawing-{n}", drawings[key]) for n, key in enumerate(sorted(drawings))]
        blocks.append(("argmap-homes", _homes(drawings, data["views"])))
    return main, blocks


#: The blocks written after the page's scripts: only a panel or a search reads them, so the
#: script starts, and the first drawing is made, before the browser has parsed them (on
#: the 100,000-stance map they are 40 of the page's 71 MB). The drawings and their homes
#: stay before: an address can open a drawing as the page loads.
_AFTER_SCRIPTS = ("argmap-quotes-", "argmap-board-", "argmap-actors")


def _placed(
    blocks: list[tuple[str, object]],
) -> tuple[list[tuple[str, object]], list[tuple[str, object]]]:
    """`blocks` as (before the scripts, after them), each in its order."""
    after = [b for b in blocks if b[0].startswith(_AFTER_SCRIPTS)]
    return [b for b in blocks if not b[0].startswith(_AFTER_SCRIPTS)], after


def _homes(drawings: dict[str, Any], views: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Tab -> entry id -> the key of the first drawing (in key order, then the overviews)
    that draws the entry itself, not inside an aggregate ("@") or as an undercut's point."""
    homes: dict[str, dict[str, str]] = {}
    ordered = [*sorted(drawings.items()), *sorted(views.items())]
    for key, drawing in ordered:
        at = homes.setdefault(key.split("/")[0], {})
        for node in drawing["nodes"]:
            ident = node[0]
            if not ident.startswith(("@", CUT_PREFIX)) and ident not in at:
                at[ident] = key
    return homes


def _used(styles: dict[str, tuple[str, dict[str, Any]]], used: bool) -> dict[str, Any]:
    # Only an aggregated page carries the aggregates' styles: a small map's is as before.
    return {name: style for name, (_, style) in styles.items()} if used else {}


# ---- legend and filters, as data for the template ------------------------------------


def _node_swatch(cls: str) -> dict[str, Any]:
    style = NODE_STYLES[cls][1]
    colour = style.get("color", {"background": "#BBBBBB", "border": "#1A1A1A"})
    return {
        "shape": style["shape"],
        "fill": colour["background"],
        "stroke": colour["border"],
        "width": 2.5 if cls == "proposal" else 1.5,
        "rx": 3 if cls == "claim" else 0,
    }


def _edge_swatch(cls: str) -> dict[str, Any]:
    style = EDGE_STYLES[cls][1]
    dashes = style["dashes"]
    return {
        "colour": style["color"]["color"],
        "dash": ",".join(str(d) for d in dashes) if dashes else "",
        "arrow": style["arrows"]["to"]["enabled"],
    }


#: How a stance line is drawn by what the stance means for the proposal the lines are
#: drawn for (`analysis.stance_sides`): side -> (legend words, colour, dashes). Colour and
#: dash both change, so the side never rests on colour alone; the line's mark (+, −, 0)
#: stays the stance's own.
SIDE_STYLES: dict[str, tuple[str, str, list[int] | bool]] = {
    "1": ("for it", BLUE, False),
    "-1": ("against it", VERMILLION, [10, 6]),
    "0": ("both ways, or neutral", GREY, [2, 5]),
    "none": ("does not bear on it", "#C8C8C8", [1, 7]),
}


def _side_legend(amap: ArgumentMap, analysis: Analysis) -> list[dict[str, Any]]:
    question = amap.claims_by_id.get(analysis.question or "")
    name = question.display if question else "the proposal"
    items = [
        _item(
            f"Lines: what each stance means for \u201c{name}\u201d, the central question "
            "(select a proposal to redraw them for it); supporting a claim against it "
            "is drawn as against",
            ident="sides-for",
        )
    ]
    for text, colour, dashes in SIDE_STYLES.values():
        dash = ",".join(str(d) for d in dashes) if isinstance(dashes, list) else ""
        items.append(_item(text, edge={"colour": colour, "dash": dash, "arrow": False}))
    items.append(
        _item(
            "mark on a line: what the actor said of the claim:"
            " + supports, \u2212 opposes, 0 neutral"
        )
    )
    return items


def _legend(
    view: View, amap: ArgumentMap, analysis: Analysis, names: list[str]
) -> list[dict[str, Any]]:
    # An aggregated view's legend covers the drawings under its overview too.
    drawn = (view, *view.parts)
    node_drawn = {n.cls for d in drawn for n in d.nodes}
    edge_drawn = {e.cls for d in drawn for e in d.edges}
    node_classes = [c for c in NODE_STYLES if c in node_drawn]
    edge_classes = [c for c in EDGE_STYLES if c in edge_drawn]
    items = [_item(NODE_STYLES[c][0], node=_node_swatch(c)) for c in node_classes]
    if view.name == "stances":
        items += _side_legend(amap, analysis)
    else:
        items += [_item(EDGE_STYLES[c][0], edge=_edge_swatch(c)) for c in edge_classes]
    if any(c.startswith("actor-") for c in node_classes):
        for i, (name, camp) in enumerate(zip(names, analysis.camp_info, strict=True)):
            if i < len(CAMP_COLOURS) and len(camp.members) > 1:
                items.append(_item(name, swatches=[CAMP_COLOURS[i]]))
        items.append(
            _item(
                f"grey: a later camp, a camp of one, or {UNALIGNED.lower()}",
                swatches=[OTHER_CAMP_COLOUR],
            )
        )
    if view.name == "camps":
        items.append(_item("line width: strength of agreement or conflict"))
    if view.name == "argument":
        items += _undercut_legend(amap, analysis)
    if view.units:
        items += aggregate_legend(view.name, node_drawn, edge_drawn)
    return items


def _undercut_legend(amap: ArgumentMap, analysis: Analysis) -> list[dict[str, Any]]:
    if not any(r.kind is RelationKind.UNDERCUTS for r in amap.relations):
        return []
    style = _UNDERCUT_STYLE[1]
    items = [
        _item(
            _UNDERCUT_STYLE[0],
            edge={"colour": style["color"]["color"], "dash": "3,4", "arrow": False},
        )
    ]
    if analysis.disabled_relations:
        items.append(
            _item(
                "grey, marked \u2298: a link an accepted undercut disables",
                edge={"colour": "#C8C8C8", "dash": "", "arrow": True},
            )
        )
    return items


def _item(
    text: str,
    *,
    node: dict[str, Any] | None = None,
    edge: dict[str, Any] | None = None,
    swatches: list[str] | None = None,
    ident: str = "",
) -> dict[str, Any]:
    """One legend entry: its words and at most one kind of swatch (`ident`: an id the
    page script rewrites the words by)."""
    return {"text": text, "node": node, "edge": edge, "swatches": swatches or [], "id": ident}


def _counts(amap: ArgumentMap) -> str:
    kinds = Counter(c.kind for c in amap.claims)

    def n(count: int, word: str) -> str:
        return f"{count:,} {word}{'' if count == 1 else 's'}"

    parts = [
        n(len(amap.actors), "actor"),
        f"{n(len(amap.claims), 'claim')} ({n(kinds[ClaimKind.PROPOSAL], 'proposal')},"
        f" {kinds[ClaimKind.EVIDENCE]:,} evidence)",
        n(len(amap.stances), "stance"),
        n(len(amap.relations), "relation"),
        n(len(amap.sources), "source"),
    ]
    return " \u00b7 ".join(parts)


def _filters(amap: ArgumentMap, analysis: Analysis) -> dict[str, Any]:
    camp_boxes: list[dict[str, Any]] = []
    names = _camp_names(amap, analysis)
    for i, (name, camp) in enumerate(zip(names, analysis.camp_info, strict=True)):
        coloured = i < len(CAMP_COLOURS) and len(camp.members) > 1
        colour = CAMP_COLOURS[i] if coloured else OTHER_CAMP_COLOUR
        camp_boxes.append({"value": i, "colour": colour, "name": name})
    in_camp = {a for camp in analysis.camp_info for a in camp.members}
    rest = sum(a.id not in in_camp for a in amap.actors)
    if rest:
        camp_boxes.append(
            {
                "value": "none",
                "colour": "",
                "name": f"{UNALIGNED} \u00b7 {rest} actor{'s' * (rest != 1)}",
            }
        )
    return {
        "kinds": [k.value for k in ActorKind if any(a.kind is k for a in amap.actors)],
        "camps": camp_boxes,
        "sources": sorted(amap.sources, key=lambda s: (s.title.lower(), s.id)),
        "stances": list(Position),
    }


def _header(amap: ArgumentMap, report_href: str) -> str:
    description = (
        f'<p class="desc" id="desc">{escape(amap.description)}</p>' if amap.description else ""
    )
    return (
        f'<header class="top"><h1>{escape(amap.title)}</h1>{description}'
        f'<p class="counts">{_counts(amap)} \u00b7 <a href="{escape(report_href)}">Report</a>'
        "</p></header>"
    )


def _head(title: str, csp: str, css: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="argmap">',
        f"<title>{escape(title)}</title>",
        f"<style>{css}</style>",
    ]


@cache
def _templates() -> jinja2.Environment:
    # Autoescape for every template: a value is text unless html.py made it Markup.
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("argmap.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env


_CONTESTED_SHOWN = 10

#: Past this many stances and claims the printed page leaves the outline to outline.html,
#: so a big map's index.html does not carry the whole map twice.
_PRINT_OUTLINE_MAX = 3000


def _print_outline(amap: ArgumentMap, analysis: Analysis) -> Markup | None:
    """The outline printed under the map (outline_html escapes every user string)."""
    if len(amap.stances) + len(amap.claims) > _PRINT_OUTLINE_MAX:
        return None
    return Markup(outline_html(amap, analysis))


def _contested(amap: ArgumentMap, analysis: Analysis) -> list[dict[str, Any]]:
    """The most contested claims for the page's list: both sides held, most contested first."""
    names = amap.claims_by_id
    return [
        {
            "id": c.claim,
            "name": names[c.claim].display if c.claim in names else c.claim,
            "supporters": len(c.supporters),
            "opponents": len(c.opponents),
        }
        for c in analysis.contested
        if c.supporters and c.opponents
    ][:_CONTESTED_SHOWN]


def render_index(amap: ArgumentMap, analysis: Analysis, *, report_href: str = "report.html") -> str:
    """The interactive page (index.html): the three drawn views as tabs, search, filters,
    legend and details panel, with vis-network and all data inline. Deterministic."""
    return "".join(index_parts(amap, analysis, report_href=report_href))


def index_parts(
    amap: ArgumentMap, analysis: Analysis, *, report_href: str = "report.html"
) -> list[str]:
    """`render_index`'s page as parts to be written one after the other, never joined (a
    build writes them: at 100,000 stances the whole is 66 million characters)."""
    # The page's data is hundreds of thousands of small lists and dicts, alive until its
    # JSON is written, and none in a cycle: the collector walking them (and the drawings)
    # again and again as they grew was more than half of `_page_data` and a sixth of
    # `script_json` on the debate of 20,000 statements.
    with paused_gc():
        return _index_parts(amap, analysis, report_href)


def _index_parts(amap: ArgumentMap, analysis: Analysis, report_href: str) -> list[str]:
    views = build_views(amap, analysis)
    vis_js = _vis_network_js()
    app_js = _asset("argmap.js")
    names = _camp_names(amap, analysis)
    data, blocks = _lazy_blocks(*_lazy_quotes(_page_data(amap, analysis, views)))
    # The JSON blocks reach the page as fragments (`splice`): through Jinja2 each would be
    # copied twice more and then joined with the rest. Each block's data is dropped once
    # its text is made, so the two are not both held whole.
    fragments = {"data": script_json_parts(data)}
    del data
    for i in range(len(blocks)):
        ident = blocks[i][0]
        fragments[ident] = script_json_parts(blocks[i][1])
        blocks[i] = (ident, slot(ident))
    early, late = _placed(blocks)
    del blocks
    frame = (
        _templates()
        .get_template("page.html.j2")
        .render(
            title=amap.title,
            description=amap.description,
            csp=_csp([vis_js, app_js]),
            css=Markup(_asset("argmap.css")),
            counts=_counts(amap),
            report_href=report_href,
            views=[
                {
                    "name": view.name,
                    "title": _VIEW_TITLES[view.name],
                    "help": _VIEW_HELP[view.name],
                    "notice": view.notice,
                    "legend": _legend(view, amap, analysis, names),
                }
                for view in views
            ],
            filters=_filters(amap, analysis),
            contested=_contested(amap, analysis),
            outline=_print_outline(amap, analysis),
            data=slot("data"),
            early=early,
            late=late,
            # Trusted code from this package and from pyvis, checked for "</script" on load.
            vis_js=Markup(vis_js),
            app_js=Markup(app_js),
        )
    )
    return splice(frame, fragments)


def render_outline(
    amap: ArgumentMap,
    analysis: Analysis,
    *,
    report_href: str = "report.html",
    summary: Summary | None = None,
) -> str:
    """The outline page (outline.html): the map as nested lists, with no script at all, for
    screen readers, printing and the browser's find. Deterministic. `summary` is
    `summarise`'s, when the caller has it (a build has it from the report)."""
    return "".join(outline_page_parts(amap, analysis, report_href=report_href, summary=summary))


def outline_page_parts(
    amap: ArgumentMap,
    analysis: Analysis,
    *,
    report_href: str = "report.html",
    summary: Summary | None = None,
) -> list[str]:
    """`render_outline`'s page as parts to be written one after the other, never joined
    (a build writes them: at 100,000 stances the whole is 67 million characters)."""
    links = "".join(
        f'<a class="tab-link" href="index.html#{name}">{title}</a>'
        for name, title in _VIEW_TITLES.items()
        if name != "outline"
    )
    head = [
        *_head(f"{amap.title} (outline)", _OUTLINE_CSP, _asset("argmap.css")),
        "</head>",
        '<body class="outline-page">',
        _header(amap, report_href),
        f'<div class="bar"><nav class="tabs" aria-label="Views">{links}'
        '<a class="tab-link" href="outline.html" aria-current="page">Outline (text)</a>'
        "</nav></div>",
        '<main class="outline-view" id="outline">',
    ]
    return [
        "\n".join(head),
        *outline_parts(amap, analysis, summary),
        "</main>\n</body>\n</html>\n",
    ]


def render_pages(
    amap: ArgumentMap, analysis: Analysis, *, report_href: str = "report.html"
) -> dict[str, str]:
    """Every page of the map by file name: index.html (interactive) and outline.html."""
    return {
        "index.html": render_index(amap, analysis, report_href=report_href),
        "outline.html": render_outline(amap, analysis, report_href=report_href),
    }
