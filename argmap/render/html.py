"""The interactive map page: one self-contained, offline HTML file holding every view.

How pyvis is used (the only module that imports it): pyvis ships vis-network 9.1.2 as a
standalone bundle in its package; the page inlines that file, and the network options
start from pyvis's own `Options` object (physics, edges, interaction) before the few
settings pyvis does not model are added. Nothing else of pyvis is used, on purpose: its
`Network.add_node`/`add_edge` are quadratic on big graphs, and its HTML template loads
scripts from CDNs and switches its tooltip to `innerHTML` when a title contains `href`.
The page is this module's own markup plus `assets/argmap.js` and `assets/argmap.css`.

Safety: user strings reach the markup only through `html.escape`, and the page script only
through a JSON block whose `<`, `>`, `&`, U+2028 and U+2029 are escaped, read with
`JSON.parse` and shown with `textContent`. A Content-Security-Policy allows no network
load at all and only the page's own two scripts, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from argmap.analysis import Analysis
from argmap.errors import OutputError
from argmap.model import ActorKind, ArgumentMap, ClaimKind, Position
from argmap.render.outline import outline_html, score_words
from argmap.render.styles import CAMP_COLOURS, EDGE_STYLES, NODE_STYLES, OTHER_CAMP_COLOUR
from argmap.render.views import View, build_views, camp_order

__all__ = [
    "render_index",
    "render_outline",
    "render_pages",
    "script_json",
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
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


@cache
def _vis_network_js() -> str:
    try:
        text = (resources.files("pyvis") / _VIS_PATH).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as error:
        raise OutputError(f"cannot read vis-network from the pyvis package: {error}") from error
    if f"@version {VIS_VERSION}" not in text[:400] or "</script" in text.lower():
        raise OutputError(f"pyvis's {_VIS_PATH} is not the expected vis-network {VIS_VERSION}")
    return text


@cache
def _asset(name: str) -> str:
    return (resources.files("argmap.render") / "assets" / name).read_text(encoding="utf-8")


def vis_options() -> dict[str, Any]:
    """The vis-network options: pyvis's `Options` with physics off and straight edges.

    Positions come from Python, so physics stays off (no jiggle, no CPU after load).
    """
    from pyvis.options import Options

    options = Options()
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


def _view_json(view: View) -> dict[str, Any]:
    return {
        "nodes": [[n.id, n.cls, n.x, n.y, n.label, n.camp] for n in view.nodes],
        # Items become indices below; the last field is the camps map's weight.
        "edges": [
            [e.id, e.origin, e.target, e.cls, e.width, list(e.items), ""] for e in view.edges
        ],
        "groups": [list(g) for g in view.groups],
        "home": list(view.home),
    }


def _page_data(amap: ArgumentMap, analysis: Analysis, views: tuple[View, ...]) -> dict[str, Any]:
    camps = camp_order(analysis)
    stances = sorted(amap.stances, key=lambda s: s.id)
    relations = sorted(amap.relations, key=lambda r: r.id)
    # View edges name the stances and relations they draw by their index in these lists.
    index = {s.id: i for i, s in enumerate(stances)} | {r.id: i for i, r in enumerate(relations)}
    weights = {f"{a}~{b}": w for a, b, w in analysis.agreement}
    view_data: dict[str, Any] = {}
    for view in views:
        entry = _view_json(view)
        for edge in entry["edges"]:
            edge[5] = [index[item] for item in edge[5]]
        if view.name == "camps":
            for edge in entry["edges"]:
                weight = weights.get(edge[0], 0.0)
                edge[6] = f"{weight:+.0f}" if weight == int(weight) else f"{weight:+.2f}"
        view_data[view.name] = entry
    return {
        "title": amap.title,
        "sources": {
            s.id: {"title": s.title, "publisher": s.publisher, "date": s.date, "url": s.url}
            for s in amap.sources
        },
        "actors": {
            a.id: {
                "name": a.name,
                "kind": a.kind.value,
                "role": a.role,
                "affiliations": list(a.affiliations),
            }
            for a in amap.actors
        },
        "claims": {
            c.id: {
                "text": c.text,
                "label": c.label,
                "kind": c.kind.value,
                "source": c.source,
                "tags": list(c.tags),
                "acceptance": analysis.acceptance.get(c.id),
            }
            for c in amap.claims
        },
        # Arrays, not objects: a big map has tens of thousands of stances.
        "stances": [
            [s.actor, s.claim, s.position.value, s.source, s.quote, int(s.reported), s.date]
            for s in stances
        ],
        "relations": [[r.origin, r.target, r.kind.value, r.source, r.note] for r in relations],
        "positions": {
            actor: [
                [p, round(score.score, 3), score.mixed, score_words(score.score)]
                for p, score in sorted(by_proposal.items())
            ]
            for actor, by_proposal in analysis.positions.items()
            if by_proposal
        },
        "camps": [{"name": f"Camp {i + 1}", "members": list(c)} for i, c in enumerate(camps)],
        "campColours": list(CAMP_COLOURS),
        "otherCampColour": OTHER_CAMP_COLOUR,
        "styles": {
            "nodes": {name: style for name, (_, style) in NODE_STYLES.items()},
            "edges": {name: style for name, (_, style) in EDGE_STYLES.items()},
        },
        "visOptions": vis_options(),
        "views": view_data,
    }


# ---- legend -------------------------------------------------------------------------


def _node_swatch(cls: str) -> str:
    style = NODE_STYLES[cls][1]
    colour = style.get("color", {"background": "#BBBBBB", "border": "#1A1A1A"})
    fill, stroke = escape(colour["background"]), escape(colour["border"])
    shapes = {
        "box": f'<rect x="2" y="5" width="24" height="14" rx="{3 if cls == "claim" else 0}"/>',
        "ellipse": '<ellipse cx="14" cy="12" rx="12" ry="7"/>',
        "dot": '<circle cx="14" cy="12" r="7"/>',
        "square": '<rect x="7" y="5" width="14" height="14"/>',
        "triangle": '<polygon points="14,4 22,19 6,19"/>',
        "diamond": '<polygon points="14,3 23,12 14,21 5,12"/>',
    }
    return (
        f'<svg width="28" height="24" aria-hidden="true"><g fill="{fill}" stroke="{stroke}"'
        f' stroke-width="{1.5 if cls != "proposal" else 2.5}">{shapes[style["shape"]]}</g></svg>'
    )


def _edge_swatch(cls: str) -> str:
    style = EDGE_STYLES[cls][1]
    colour = escape(style["color"]["color"])
    dashes = style["dashes"]
    dash = f' stroke-dasharray="{",".join(str(d) for d in dashes)}"' if dashes else ""
    arrow = (
        f'<polygon points="36,12 29,8 29,16" fill="{colour}"/>'
        if style["arrows"]["to"]["enabled"]
        else ""
    )
    return (
        f'<svg width="40" height="24" aria-hidden="true"><line x1="2" y1="12" x2="34" y2="12"'
        f' stroke="{colour}" stroke-width="2.5"{dash}/>{arrow}</svg>'
    )


def _legend(view: View, camps: int) -> str:
    node_classes = [c for c in NODE_STYLES if any(n.cls == c for n in view.nodes)]
    edge_classes = [c for c in EDGE_STYLES if any(e.cls == c for e in view.edges)]
    items = [f"<li>{_node_swatch(c)}{escape(NODE_STYLES[c][0])}</li>" for c in node_classes]
    items += [f"<li>{_edge_swatch(c)}{escape(EDGE_STYLES[c][0])}</li>" for c in edge_classes]
    if any(c.startswith("actor-") for c in node_classes):
        swatches = "".join(
            f'<span class="swatch" style="background:{colour}"></span>'
            for colour in (*CAMP_COLOURS[:camps], OTHER_CAMP_COLOUR)
        )
        items.append(
            f"<li>{swatches}fill: camp 1, 2, \u2026 by size; grey: a camp of one or a later"
            " camp</li>"
        )
    if view.name == "camps":
        items.append("<li>line width: strength of agreement or conflict</li>")
    return (
        f'<details class="legend" open aria-label="Legend, {escape(_VIEW_TITLES[view.name])}">'
        f"<summary>Legend</summary><ul>{''.join(items)}</ul></details>"
    )


# ---- page ---------------------------------------------------------------------------


def _counts(amap: ArgumentMap) -> str:
    kinds = {k: sum(c.kind is k for c in amap.claims) for k in ClaimKind}

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


def _filters(amap: ArgumentMap, analysis: Analysis) -> str:
    kinds = [k for k in ActorKind if any(a.kind is k for a in amap.actors)]
    kind_boxes = "".join(
        f'<label><input type="checkbox" name="kind" value="{escape(k.value)}" checked>'
        f" {escape(k.value)}</label>"
        for k in kinds
    )
    camps = camp_order(analysis)
    camp_boxes = []
    for i, camp in enumerate(camps):
        coloured = i < len(CAMP_COLOURS) and len(camp) > 1
        colour = CAMP_COLOURS[i] if coloured else OTHER_CAMP_COLOUR
        camp_boxes.append(
            f'<label><input type="checkbox" name="camp" value="{i}" checked>'
            f' <span class="swatch" style="background:{colour}"></span>Camp {i + 1}'
            f" ({len(camp)})</label>"
        )
    in_camp = {a for camp in camps for a in camp}
    if any(a.id not in in_camp for a in amap.actors):
        camp_boxes.append(
            '<label><input type="checkbox" name="camp" value="none" checked> in no camp</label>'
        )
    stance_boxes = "".join(
        f'<label><input type="checkbox" name="stance" value="{p.value}" checked>'
        f" {p.mark} {p.value}</label>"
        for p in Position
    )
    options = "".join(
        f'<option value="{escape(s.id)}">{escape(s.title)} ({escape(s.publisher)})</option>'
        for s in sorted(amap.sources, key=lambda s: (s.title.lower(), s.id))
    )
    return (
        '<details class="filters" id="filters"><summary>Filters <span id="filter-count"></span>'
        "</summary><div>"
        f"<fieldset><legend>Actor kind</legend>{kind_boxes}</fieldset>"
        f"<fieldset><legend>Camp</legend>{''.join(camp_boxes)}</fieldset>"
        '<fieldset><legend>Source article</legend><label class="sr" for="filter-source">'
        'Source article</label><select id="filter-source"><option value="">All sources</option>'
        f"{options}</select></fieldset>"
        f"<fieldset><legend>Stance</legend>{stance_boxes}</fieldset>"
        '<p class="status">Filters hide actors, claims and lines; the camps map ignores the'
        " stance filter.</p></div></details>"
    )


def _header(amap: ArgumentMap, report_href: str) -> str:
    description = (
        f'<p class="desc" id="desc">{escape(amap.description)}</p>' if amap.description else ""
    )
    return (
        f'<header class="top"><h1>{escape(amap.title)}</h1>{description}'
        f'<p class="counts">{_counts(amap)} \u00b7 <a href="{escape(report_href)}">Report</a>'
        " (Markdown)</p></header>"
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


def render_index(amap: ArgumentMap, analysis: Analysis, *, report_href: str = "report.md") -> str:
    """The interactive page (index.html): the three drawn views as tabs, search, filters,
    legend and details panel, with vis-network and all data inline. Deterministic."""
    views = build_views(amap, analysis)
    data = script_json(_page_data(amap, analysis, views))
    vis_js = _vis_network_js()
    app_js = _asset("argmap.js")
    camps = sum(len(c) > 1 for c in camp_order(analysis))
    tabs = "".join(
        f'<button type="button" role="tab" id="tab-{view.name}" data-view="{view.name}"'
        f' aria-controls="view-{view.name}" aria-selected="{"true" if i == 0 else "false"}"'
        f' tabindex="{0 if i == 0 else -1}">{_VIEW_TITLES[view.name]}</button>'
        for i, view in enumerate(views)
    )
    sections = []
    for i, view in enumerate(views):
        notice = f'<p class="notice" role="status">{escape(view.notice)}</p>' if view.notice else ""
        sections.append(
            f'<section class="view graph-view" id="view-{view.name}" role="tabpanel"'
            f' aria-labelledby="tab-{view.name}"{"" if i == 0 else " hidden"}>{notice}'
            f'<div class="canvas" id="canvas-{view.name}" tabindex="0" role="img"'
            f' aria-label="{escape(_VIEW_TITLES[view.name])}: {escape(_VIEW_HELP[view.name])}'
            f' The outline page has the same content as text."></div>'
            f"{_legend(view, camps)}</section>"
        )
    return "\n".join(
        [
            *_head(amap.title, _csp([vis_js, app_js]), _asset("argmap.css")),
            "</head>",
            "<body>",
            '<a class="skip" href="outline.html">Skip to the outline (the map as text)</a>',
            _header(amap, report_href),
            '<div class="bar">',
            f'<nav class="tabs" aria-label="Views"><div role="tablist">{tabs}</div>'
            '<a class="tab-link" href="outline.html">Outline (text)</a></nav>',
            '<div class="search" role="search"><label for="search">Search actors and claims'
            '</label><input id="search" type="search" placeholder="Search actors and claims"'
            ' autocomplete="off" aria-controls="search-results" aria-describedby="search-status">'
            '<ul id="search-results" role="listbox" aria-label="Matches" hidden></ul></div>',
            _filters(amap, analysis),
            '<button type="button" id="reset">Reset</button>',
            '<span class="status" id="search-status" role="status"></span>',
            '<span class="status" id="filter-status" role="status"></span>',
            "</div>",
            "<main>",
            *sections,
            '<aside class="panel" id="panel" aria-labelledby="panel-title" hidden>'
            '<header><h2 id="panel-title" tabindex="-1"></h2>'
            '<button type="button" id="panel-close" aria-label="Close details">Close</button>'
            '</header><div id="panel-body"></div></aside>',
            "</main>",
            '<div id="tooltip" role="tooltip" hidden></div>',
            f'<script type="application/json" id="argmap-data">{data}</script>',
            f"<script>{vis_js}</script>",
            f"<script>{app_js}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def render_outline(amap: ArgumentMap, analysis: Analysis, *, report_href: str = "report.md") -> str:
    """The outline page (outline.html): the map as nested lists, with no script at all, for
    screen readers, printing and the browser's find. Deterministic."""
    links = "".join(
        f'<a class="tab-link" href="index.html#{name}">{title}</a>'
        for name, title in _VIEW_TITLES.items()
        if name != "outline"
    )
    return "\n".join(
        [
            *_head(
                f"{amap.title} (outline)",
                _OUTLINE_CSP,
                _asset("argmap.css"),
            ),
            "</head>",
            '<body class="outline-page">',
            _header(amap, report_href),
            f'<div class="bar"><nav class="tabs" aria-label="Views">{links}'
            '<a class="tab-link" href="outline.html" aria-current="page">Outline (text)</a>'
            "</nav></div>",
            f'<main class="outline-view" id="outline">{outline_html(amap, analysis)}</main>',
            "</body>",
            "</html>",
            "",
        ]
    )


def render_pages(
    amap: ArgumentMap, analysis: Analysis, *, report_href: str = "report.md"
) -> dict[str, str]:
    """Every page of the map by file name: index.html (interactive) and outline.html."""
    return {
        "index.html": render_index(amap, analysis, report_href=report_href),
        "outline.html": render_outline(amap, analysis, report_href=report_href),
    }
