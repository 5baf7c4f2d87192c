"""The HTML renderer without a browser: views, layout, escaping, determinism, CSP."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import re
from html.parser import HTMLParser

import pytest

from argmap.analysis import analyse
from argmap.model import ArgumentMap
from argmap.render import layout, sugiyama
from argmap.render.html import render_index, render_outline, script_json, vis_options
from argmap.render.outline import score_words
from argmap.render.views import (
    MAX_VIEW_NODES,
    argument_view,
    build_views,
    camps_view,
    stance_view,
)
from argmap.text import excerpt, safe_href
from tests.conftest import XSS, chain_map, xss_map


def _data(page: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.S
    )
    assert match is not None
    return json.loads(match.group(1))


# ---- escaping -----------------------------------------------------------------------


def test_script_json_escapes_what_could_end_the_script_element() -> None:
    value = {"q": "</script><!-- & \u2028\u2029 ${x} `"}
    text = script_json(value)
    assert text == ('{"q":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 ${x} `"}')
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        (" HTTPS://example.org ", "HTTPS://example.org"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>x</script>", None),
        ("https://exa mple.org", None),
        ("https://", None),
        ("//example.org", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, href: str | None) -> None:
    assert safe_href(url) == href


def test_no_user_string_reaches_the_markup_unescaped() -> None:
    amap = xss_map()
    analysis = analyse(amap)
    for page in (render_index(amap, analysis), render_outline(amap, analysis)):
        # Payloads made of markup never appear raw; the others (template literals) are
        # plain text in HTML, and the browser tests show they do not run.
        for payload in XSS:
            if any(c in payload for c in '<>"'):
                assert payload not in page
        assert not re.search(r'(href|src)="\s*(javascript|data):', page, re.I)
        assert "<img" not in page and "<svg onload" not in page
        # Exactly the page's own scripts: (index only) its JSON blocks (html._lazy_blocks)
        # and two inline ones.
        scripts = re.findall("^<script[^>]*>", page, re.M)
        assert scripts.count("<script>") == (2 if "argmap-data" in page else 0)
        blocks = [s for s in scripts if s != "<script>"]
        assert all(
            re.fullmatch(r'<script type="application/json" id="argmap-[a-z0-9-]+">', s)
            for s in blocks
        )
    outline = render_outline(amap, analysis)
    # The outline is autoescaped by Jinja2, which writes a double quote as &#34;.
    assert 'href="https://example.org/a?b=&lt;i&gt;&amp;c=&#34;d&#34;"' in outline
    assert "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;" in outline
    assert '<span class="o-url">javascript:window.__xss=6</span>' in outline


class _Markup(HTMLParser):
    """Every element, attribute and text run of a page, as the browser's tokenizer sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        (self.scripts if self.lasttag == "script" else self.text).append(data)


_PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "p", "div",
    "nav", "button", "label", "input", "ul", "ol", "li", "details", "summary", "span",
    "fieldset", "legend", "select", "option", "main", "section", "aside", "script", "svg",
    "g", "rect", "ellipse", "circle", "polygon", "line",
    # the outline printed under the map
    "h3", "h4", "strong", "em", "cite",
}  # fmt: skip


def test_payloads_in_every_field_never_become_markup() -> None:
    amap = xss_map()
    page = render_index(amap, analyse(amap))
    parsed = _Markup()
    parsed.feed(page)
    parsed.close()
    # Only the template's own elements and attributes: no handler, no script-bearing url.
    assert {tag for tag, _ in parsed.tags} <= _PAGE_TAGS
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert not re.match(r"\s*(javascript|data):", value or "", re.I), (tag, name)
    # Four JSON blocks (data, quotes, the one proposal's board, the actors) and two scripts.
    assert [tag for tag, _ in parsed.tags].count("script") == 6
    # The data and quotes blocks are one script's text each, and read back as the map's
    # own strings.
    data = json.loads(parsed.scripts[0])
    assert data["title"] == f"Map {XSS[1]}"
    # [1], [3], [5] are newlines; [2] and [4] the two scripts, which the quotes follow.
    quotes = json.loads(parsed.scripts[6])
    assert quotes == [s.quote for s in sorted(amap.stances, key=lambda s: s.id)]
    # The payloads shown in the markup are text, exactly as written.
    text = "".join(parsed.text)
    assert f"Map {XSS[1]}" in text  # h1 and title
    assert f"Title {XSS[0]} (Publisher {XSS[1]})" in text  # the source filter
    assert f"Description {XSS[0]} {XSS[4]}" in text


def test_embedded_data_reads_back_exactly() -> None:
    amap = xss_map()
    page = render_index(amap, analyse(amap))
    data = _data(page)
    assert data["title"] == amap.title
    assert data["actors"]["a-person"]["name"] == f"Person {XSS[0]}"
    assert data["sources"]["src-0"]["url"] == "javascript:window.__xss=6"
    assert data["stances"][0] == [
        "a-person",
        "c-prop",
        "supports",
        "src-0",
        0,
        None,
    ]
    # The quotes are a block of their own, in the same stance order.
    quotes = re.search(r'<script type="application/json" id="argmap-quotes-0">(.*?)</script>', page)
    assert quotes is not None
    assert json.loads(quotes.group(1))[0] == f"Quote {XSS[0]}"


# ---- the page -----------------------------------------------------------------------


def test_csp_forbids_network_and_allows_only_the_pages_scripts(example_map: ArgumentMap) -> None:
    page = render_index(example_map, analyse(example_map))
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    policy = html.unescape(csp.group(1))
    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    assert "img-src data:; base-uri 'none'; form-action 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "@version 9.1.2" in scripts[0][:400]
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", page)


def test_outline_page_runs_no_script(example_map: ArgumentMap) -> None:
    page = render_outline(example_map, analyse(example_map))
    assert "<script" not in page
    assert "content=\"default-src 'none'; style-src 'unsafe-inline';" in page


def test_vis_options_start_from_pyvis_with_physics_off() -> None:
    options = vis_options()
    assert options["physics"]["enabled"] is False
    assert options["edges"]["smooth"]["enabled"] is False
    assert options["configure"] == {"enabled": False}
    assert options["interaction"]["hover"] is True
    assert options["layout"] == {"improvedLayout": False, "randomSeed": 0}


def test_header_counts_and_report_link(example_map: ArgumentMap) -> None:
    page = render_index(example_map, analyse(example_map))
    assert (
        '<p class="counts">3 actors \u00b7 4 claims (1 proposal, 1 evidence) \u00b7 4 stances'
        ' \u00b7 3 relations \u00b7 2 sources \u00b7 <a href="report.html" id="report-link">'
        "Report</a></p>"
    ) in page


def test_legend_lists_exactly_the_classes_drawn(example_map: ArgumentMap) -> None:
    page = render_index(example_map, analyse(example_map))
    argument = page[page.index('id="view-argument"') : page.index('id="view-stances"')]
    entries = re.findall(r"</svg>([^<]+)</li>", argument)
    assert entries == [
        "Proposal (the question debated)",
        "Claim",
        "Evidence (a fact, with its source)",
        "+ supports (claim to claim)",
        "\u2212 attacks (claim to claim)",
    ]


def test_same_input_gives_identical_bytes_whatever_the_entry_order(
    example_map: ArgumentMap,
) -> None:
    first = render_index(example_map, analyse(example_map))
    assert render_index(example_map, analyse(example_map)) == first
    shuffled = dataclasses.replace(
        example_map,
        sources=example_map.sources[::-1],
        actors=example_map.actors[::-1],
        claims=example_map.claims[::-1],
        stances=example_map.stances[::-1],
        relations=example_map.relations[::-1],
    )
    assert render_index(shuffled, analyse(shuffled)) == first
    assert render_outline(shuffled, analyse(shuffled)) == render_outline(
        example_map, analyse(example_map)
    )


# ---- views --------------------------------------------------------------------------


def test_views_draw_every_entry_of_the_example(example_map: ArgumentMap) -> None:
    analysis = analyse(example_map)
    argument, stances, camps = build_views(example_map, analysis)
    assert [n.id for n in argument.nodes] == [
        "allow-room",
        "no-deaths",
        "room-helps-dealers",
        "room-saves-lives",
    ]
    assert [(n.id, n.cls) for n in argument.nodes][1] == ("no-deaths", "evidence")
    assert [(e.origin, e.target, e.cls) for e in argument.edges] == [
        ("no-deaths", "room-saves-lives", "rel-supports"),
        ("room-helps-dealers", "allow-room", "rel-attacks"),
        ("room-saves-lives", "allow-room", "rel-supports"),
    ]
    assert [e.id for e in stances.edges] == [
        "green-party>allow-room>supports",
        "jo-green>allow-room>supports",
        "jo-green>room-saves-lives>supports",
        "sam-chief>room-helps-dealers>supports",
    ]
    assert {n.id for n in stances.nodes} == {
        "green-party",
        "jo-green",
        "sam-chief",
        "allow-room",
        "room-saves-lives",
        "room-helps-dealers",
    }
    assert [n.id for n in camps.nodes] == ["green-party", "jo-green", "sam-chief"]
    assert [(e.id, e.cls) for e in camps.edges] == [("green-party~jo-green", "agree")]
    assert argument.notice is None and stances.notice is None and camps.notice is None


def test_argument_layout_puts_proposals_above_what_argues_about_them(
    example_map: ArgumentMap,
) -> None:
    view = argument_view(example_map)
    y = {n.id: n.y for n in view.nodes}
    assert y["allow-room"] < y["room-saves-lives"] < y["no-deaths"]
    assert y["room-helps-dealers"] == y["room-saves-lives"]


def test_a_view_past_the_cap_draws_the_best_connected_with_a_notice() -> None:
    amap = chain_map(MAX_VIEW_NODES + 100)
    view = argument_view(amap)
    assert len(view.nodes) == MAX_VIEW_NODES
    assert view.total_nodes == MAX_VIEW_NODES + 100
    assert "root" in {n.id for n in view.nodes}
    kept = {n.id for n in view.nodes}
    assert all(e.origin in kept and e.target in kept for e in view.edges)
    assert view.notice == (
        "This view draws the 2,000 best connected of 2,100 nodes and 1,999 of 2,099 links,"
        " to stay responsive. Search and the outline cover everything."
    )


def test_stance_and_camps_views_are_deterministic(example_map: ArgumentMap) -> None:
    analysis = analyse(example_map)
    argument = argument_view(example_map)
    assert stance_view(example_map, analysis, argument) == stance_view(
        example_map, analysis, argument
    )
    assert camps_view(example_map, analysis) == camps_view(example_map, analysis)


def test_excerpt_cuts_at_a_word_with_an_ellipsis() -> None:
    assert excerpt("a  short\ntext", 20) == "a short text"
    assert excerpt("Drug consumption rooms reduce overdose deaths", 30) == (
        "Drug consumption rooms\u2026"
    )


def test_score_words() -> None:
    assert [score_words(s) for s in (1.0, 0.2, -0.5)] == [
        "for (+1.00)",
        "divided (+0.20)",
        "against (-0.50)",
    ]


# ---- layout -------------------------------------------------------------------------


def test_layered_handles_cycles_and_unlinked_nodes_whatever_the_input_order() -> None:
    # The argument map's layout (`layout.layered_blocks`, which only tests called, is gone):
    # a cycle is broken, a node linked to nothing still gets a place, and the input's order
    # does not matter.
    sizes: dict[str, tuple[float, float]] = {}
    positions = sugiyama.layered(
        ["p", "a", "b", "x", "y", "lone"],
        [("a", "p"), ("b", "a"), ("x", "y"), ("y", "x")],
        sizes,
        top=["p"],
    ).positions
    assert positions == {
        "p": (0, 0),
        "a": (0, 130),
        "y": (280, 130),
        "b": (0, 260),
        "lone": (140, 260),
        "x": (280, 260),
    }
    assert (
        positions
        == sugiyama.layered(
            ["lone", "y", "x", "b", "a", "p"],
            [("y", "x"), ("x", "y"), ("b", "a"), ("a", "p")],
            sizes,
            top=["p"],
        ).positions
    )
    # Arguments sit under what they argue about: p over the middle of a and b.
    fan = sugiyama.layered(["p", "a", "b"], [("a", "p"), ("b", "p")], sizes, top=["p"])
    assert fan.positions == {"p": (70, 0), "a": (0, 130), "b": (140, 130)}


def test_force_layout_is_seeded() -> None:
    edges = [(0, 1, 1.0), (1, 2, 1.0), (2, 0, -1.0)]
    start = [(0.0, 0.0), (0.0, 0.0), (10.0, 0.0)]
    first = layout.force_layout(3, edges, start, distance=100, iterations=20)
    assert first == layout.force_layout(3, edges, start, distance=100, iterations=20)
    assert len(set(first)) == 3


def test_separate_removes_every_overlap() -> None:
    points = [(0.0, 0.0)] * 5 + [(10.0, 5.0)] * 5
    sizes = [(100.0, 40.0)] * 10
    placed = layout.separate(points, sizes, iterations=200)
    for i in range(10):
        for j in range(i + 1, 10):
            dx = abs(placed[i][0] - placed[j][0])
            dy = abs(placed[i][1] - placed[j][1])
            assert dx >= 99 or dy >= 39, (i, j, placed)


def test_pack_boxes_keeps_order_and_never_overlaps() -> None:
    sizes = [(300.0, 200.0), (100.0, 100.0), (100.0, 100.0), (50.0, 50.0)]
    corners = layout.pack_boxes(sizes, gap=10)
    assert corners[0] == (0.0, 0.0)
    boxes = [(x, y, x + w, y + h) for (x, y), (w, h) in zip(corners, sizes, strict=True)]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_the_board_sorts_each_actor_to_one_side_with_its_strongest_quote() -> None:
    from argmap.model import (
        Actor,
        ActorKind,
        Claim,
        ClaimKind,
        Position,
        Relation,
        RelationKind,
        Source,
        Stance,
    )

    person = ActorKind.PERSON
    amap = ArgumentMap(
        title="t",
        sources=(Source("s", "S", "P", "2024"),),
        actors=(
            Actor("ann", "Ann", person),
            Actor("bob", "Bob", person),
            Actor("cy", "Cy", person),
        ),
        claims=(
            Claim("p", "P", ClaimKind.PROPOSAL),
            Claim("good", "Good"),
            Claim("bad", "Bad"),
        ),
        stances=(
            Stance("ann/p", "ann", "p", Position.SUPPORTS, "s", quote="yes"),
            Stance("ann/good", "ann", "good", Position.SUPPORTS, "s", quote="good"),
            Stance("bob/bad", "bob", "bad", Position.SUPPORTS, "s", quote="bad"),
            Stance("cy/good", "cy", "good", Position.SUPPORTS, "s", quote="g"),
            Stance("cy/bad", "cy", "bad", Position.SUPPORTS, "s", quote="b"),
        ),
        relations=(
            # From the same source as the stances: the positions are stated.
            Relation("good/supports/p", "good", "p", RelationKind.SUPPORTS, source="s"),
            Relation("bad/attacks/p", "bad", "p", RelationKind.ATTACKS, source="s"),
        ),
    )
    page = render_index(amap, analyse(amap))
    assert _data(page)["board"] == {"p": {"summary": "1 for, 1 against, 1 mixed", "block": 0}}
    block = re.search(r'<script type="application/json" id="argmap-board-0">(.*?)</script>', page)
    assert block is not None
    board = {"p": json.loads(block.group(1))}
    # Stances are indexed in id order: ann/good 0, ann/p 1, bob/bad 2, cy/bad 3, cy/good 4.
    assert board == {
        "p": {
            "for": [["ann", 1.0, 1]],  # the direct stance outweighs the one through "good"
            "against": [["bob", -1.0, 2]],
            "mixed": [["cy", 0.0, 3]],  # equal pulls: the first stance id
            "neutral": [],
            "inferred": [],
            "summary": "1 for, 1 against, 1 mixed",
        }
    }
