"""A selection on the page changes only what it must, in headless chromium.

A click fades everything but the selection's neighbourhood. The fade is drawn over the
canvas (argmap.js `drawFade`: every pixel keeps FADE of its alpha, then the lit part is
drawn again on top), so a selection updates no DataSet item at all: these tests count the
updates by wrapping `DataSet.update` in the page, read what the page lights
(`argmap.lit`), and sample the canvas's pixels to see the fade. Speed itself is measured
in bench/clicks.py, never here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.pipeline import build

pytestmark = pytest.mark.browser

# p <- a <- b <- c <- d (supports), x attacks p; Ann holds p, Bob a and c, Cat x.
CHAIN = """\
title: A chain of reasons
sources:
  paper:
    title: The paper
    publisher: The Press
    date: 2024-01-01
actors:
  ann: {name: Ann, kind: person}
  bob: {name: Bob, kind: person}
  cat: {name: Cat, kind: person}
claims:
  p: {kind: proposal, text: The town should do it}
  a: {text: Reason a}
  b: {text: Reason b}
  c: {text: Reason c}
  d: {text: Reason d}
  x: {text: Objection x}
stances:
  - {actor: ann, supports: p, source: paper, quote: Do it.}
  - {actor: bob, supports: a, source: paper, quote: A holds.}
  - {actor: bob, supports: c, source: paper, quote: C holds.}
  - {actor: cat, supports: x, source: paper, quote: X holds.}
relations:
  - {from: a, supports: p}
  - {from: b, supports: a}
  - {from: c, supports: b}
  - {from: d, supports: c}
  - {from: x, attacks: p}
"""

FADED_NODE = 0.12
FADED_EDGE = 0.06

# Records the ids of every DataSet update of the open views, then passes it on.
_COUNT_UPDATES = """() => {
  window.__updates = [];
  for (const kind of ['nodes', 'edges']) {
    for (const [view, set] of Object.entries(argmap[kind])) {
      const update = set.update.bind(set);
      set.update = (items, by) => {
        (Array.isArray(items) ? items : [items]).forEach(i => window.__updates.push([view, kind, i.id]));
        return update(items, by);
      };
    }
  }
}"""

# The alpha of every canvas pixel in a node's box, inside its border (or, given two node ids, in the box
# between their centres, which an edge of the chain runs through), row by row.
_ALPHAS = """([view, a, b]) => {
  const net = argmap.networks[view], c = net.canvas.frame.canvas, r = c.width / c.clientWidth;
  let box;
  if (b) {
    const p = net.getPositions([a, b]), ba = net.getBoundingBox(a), bb = net.getBoundingBox(b);
    const top = Math.min(ba.bottom, bb.bottom) + 4, bottom = Math.max(ba.top, bb.top) - 4;
    const x = (p[a].x + p[b].x) / 2;
    box = {left: x - 6, right: x + 6, top: top, bottom: bottom};
  } else { box = net.getBoundingBox(a); }
  // 5 screen pixels inside the box: the lines at a node end on its border.
  const inset = b ? 0 : 5;
  const lt = net.canvasToDOM({x: box.left, y: box.top}), rb = net.canvasToDOM({x: box.right, y: box.bottom});
  const x0 = Math.round((lt.x + inset) * r), y0 = Math.round((lt.y + inset) * r);
  const w = Math.round((rb.x - inset) * r) - x0, h = Math.round((rb.y - inset) * r) - y0;
  const px = c.getContext('2d').getImageData(x0, y0, w, h).data;
  const out = [];
  for (let i = 3; i < px.length; i += 4) { out.push(px[i]); }
  return out;
}"""

# A line's panel, which fades nothing.
_PANEL = "argmap.selectEdge('argument', 'x/attacks/p')"

# Resolves once vis-network has drawn the frame after what was just done.
_DRAWN = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _site(tmp_path_factory: pytest.TempPathFactory, name: str, text: str) -> Path:
    folder = tmp_path_factory.mktemp(name)
    (folder / "arguments.yaml").write_text(text, encoding="utf-8")
    build(folder / "arguments.yaml", folder / "output")
    return folder / "output" / "index.html"


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _site(tmp_path_factory, "chain", CHAIN)


def _open(page: Any, index: Path, view: str) -> None:
    page.goto(f"{index.as_uri()}#{view}")
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")
    page.evaluate(_DRAWN)


def _updates(page: Any, action: str) -> dict[str, list[str]]:
    """The node and edge ids the page updates while it runs `action`, sorted."""
    page.evaluate("window.__updates = []")
    page.evaluate(action)
    done: dict[str, list[str]] = {"nodes": [], "edges": []}
    for _, kind, item in page.evaluate("window.__updates"):
        done[kind].append(item)
    return {kind: sorted(ids) for kind, ids in done.items()}


def _lit(page: Any, view: str) -> dict[str, list[str]] | None:
    lit: dict[str, list[str]] | None = page.evaluate(f"argmap.lit('{view}')")
    return lit


def _alphas(page: Any, view: str, a: str, b: str = "") -> list[int]:
    page.evaluate(_DRAWN)
    alphas: list[int] = page.evaluate(_ALPHAS, [view, a, b])
    return alphas


def _kept(before: list[int], after: list[int], share: float) -> bool:
    """Whether each pixel kept `share` of its alpha (to rounding: the canvas stores 8 bits,
    and a line's fade is two steps)."""
    return len(before) == len(after) and all(
        abs(y - x * share) <= 2 for x, y in zip(before, after, strict=True)
    )


def _redrawn(before: list[int], after: list[int]) -> bool:
    """Whether each pixel is drawn once more over its own faded copy: opaque pixels stay,
    an antialiased one (alpha x of 255) becomes x + FADED_NODE * x * (1 - x / 255)."""
    return len(before) == len(after) and all(
        abs(y - (x + FADED_NODE * x * (1 - x / 255))) <= 2
        for x, y in zip(before, after, strict=True)
    )


def test_a_selection_fades_the_rest_by_drawing_and_updates_no_item(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    # The panel takes its room from the canvas: open one (a line's, which fades nothing) so
    # that the canvas is the same size before and after.
    page.evaluate(_PANEL)
    lit_node, faded_node = _alphas(page, "argument", "a"), _alphas(page, "argument", "d")
    faded_edge = _alphas(page, "argument", "d", "c")
    assert max(faded_node) == 255 and max(faded_edge) == 255
    page.evaluate(_COUNT_UPDATES)
    assert _updates(page, "argmap.select('b')") == {"nodes": [], "edges": []}
    # b with a and c (its ends) stay lit; the rest is drawn faded.
    assert _lit(page, "argument") == {
        "nodes": ["a", "b", "c"],
        "edges": ["b/supports/a", "c/supports/b"],
    }
    # A lit item is drawn again over its faded self: only its antialiased edges darken.
    assert _redrawn(lit_node, _alphas(page, "argument", "a"))
    # (b's own lines are drawn as selected, wider: lit, whole.)
    assert max(_alphas(page, "argument", "b", "a")) == 255
    after_node, after_edge = _alphas(page, "argument", "d"), _alphas(page, "argument", "d", "c")
    assert _kept(faded_node, after_node, FADED_NODE)
    # The line keeps FADED_EDGE (its "+" mark, drawn over it, a little more where they cross).
    line = sorted(y for x, y in zip(faded_edge, after_edge, strict=True) if x == 255)
    assert line[len(line) // 2] == 16 and max(after_edge) == 31
    assert max(after_node) == 31
    # Selecting a line draws everything as before, still without an update.
    assert _updates(page, _PANEL) == {"nodes": [], "edges": []}
    assert _lit(page, "argument") is None
    assert _alphas(page, "argument", "d") == faded_node
    assert _alphas(page, "argument", "d", "c") == faded_edge
    assert page.log.errors == []


def test_a_new_selection_lights_its_own_neighbourhood(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.evaluate("argmap.select('b')")
    page.evaluate(_COUNT_UPDATES)
    assert _updates(page, "argmap.select('c')") == {"nodes": [], "edges": []}
    assert _lit(page, "argument") == {
        "nodes": ["b", "c", "d"],
        "edges": ["c/supports/b", "d/supports/c"],
    }


def test_a_fresh_view_and_a_second_close_draw_no_fade(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    assert _lit(page, "argument") is None
    page.evaluate(_COUNT_UPDATES)
    assert _updates(page, "argmap.clearSelection()") == {"nodes": [], "edges": []}
    assert _lit(page, "argument") is None


def test_an_edge_selection_unfades_the_view(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.evaluate("argmap.select('d')")
    page.evaluate(_COUNT_UPDATES)
    assert _updates(page, "argmap.selectEdge('argument', 'x/attacks/p')") == {
        "nodes": [],
        "edges": [],
    }
    assert _lit(page, "argument") is None
    assert page.locator("#panel-title").text_content() == "\u2212 Attack"


_PICTURE = "view => argmap.networks[view].canvas.frame.canvas.toDataURL('image/png')"


@pytest.mark.parametrize(
    ("view", "first", "then"),
    [
        ("argument", "b", "x"),
        ("argument", "d", "p"),
        ("stances", "bob", "cat"),
        ("stances", "a", "bob"),
    ],
)
def test_a_to_b_draws_exactly_what_b_on_a_fresh_page_draws(
    page: Any, browser: Any, chain: Path, view: str, first: str, then: str
) -> None:
    _open(page, chain, view)
    page.evaluate(f"argmap.select('{first}')")
    page.evaluate(f"argmap.select('{then}')")
    page.evaluate(_DRAWN)
    fresh = browser.new_page(viewport={"width": 1440, "height": 900})
    _open(fresh, chain, view)
    fresh.evaluate(f"argmap.select('{then}')")
    fresh.evaluate(_DRAWN)
    assert _lit(page, view) == _lit(fresh, view)
    assert page.evaluate(_PICTURE, view) == fresh.evaluate(_PICTURE, view)
    fresh.close()


def test_the_stance_view_fades_by_neighbourhood_too(page: Any, chain: Path) -> None:
    _open(page, chain, "stances")
    page.evaluate("argmap.select('bob')")
    page.evaluate(_COUNT_UPDATES)
    assert _updates(page, "argmap.select('cat')") == {"nodes": [], "edges": []}
    # Cat's {cat, x}: Ann, Bob and their claims are faded.
    assert _lit(page, "stances") == {"nodes": ["cat", "x"], "edges": ["cat>x>supports"]}


def _canvas_point(page: Any, view: str, node: str, dx: float = 0, dy: float = 0) -> list[float]:
    at: list[float] = page.evaluate(
        """([view, id, dx, dy]) => { const net = argmap.networks[view];
          const box = net.canvas.frame.getBoundingClientRect();
          const p = net.canvasToDOM(net.getPositions([id])[id]);
          return [p.x + box.left + dx, p.y + box.top + dy]; }""",
        [view, node, dx, dy],
    )
    return at


def test_a_real_click_on_a_node_opens_it_and_fades_the_rest(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    assert max(_alphas(page, "argument", "p")) == 255
    page.evaluate(_COUNT_UPDATES)
    x, y = _canvas_point(page, "argument", "d")
    page.mouse.click(x, y)
    page.wait_for_function("() => argmap.selected() === 'd'")
    assert page.locator("#panel-title").text_content() == "Reason d"
    assert _lit(page, "argument") == {"nodes": ["c", "d"], "edges": ["d/supports/c"]}
    assert max(_alphas(page, "argument", "p")) == 31
    assert page.evaluate("window.__updates") == []
    assert "sel=d" in page.evaluate("location.hash")


def test_escape_clears_the_selection_and_its_fade(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    before = _alphas(page, "argument", "p")
    x, y = _canvas_point(page, "argument", "d")
    page.mouse.click(x, y)
    page.wait_for_function("() => argmap.selected() === 'd'")
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel")
    assert page.evaluate("argmap.selected()") is None
    assert _lit(page, "argument") is None
    assert _alphas(page, "argument", "p") == before


def test_a_click_on_the_background_clears_the_selection_and_its_fade(
    page: Any, chain: Path
) -> None:
    _open(page, chain, "argument")
    before = _alphas(page, "argument", "p")
    page.evaluate("argmap.select('b')")
    # Far left of Reason b, on no node and no line.
    x, y = _canvas_point(page, "argument", "b", dx=-250)
    page.mouse.click(x, y)
    page.wait_for_function("() => argmap.selected() === null")
    assert page.is_hidden("#panel")
    assert _lit(page, "argument") is None
    assert _alphas(page, "argument", "p") == before


def test_a_search_lights_the_entry_found(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.focus("#search")
    page.keyboard.type("Objection")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => argmap.selected() === 'x'")
    assert _lit(page, "argument") == {"nodes": ["p", "x"], "edges": ["x/attacks/p"]}
    # The search centres x: p and b are on the canvas, d below it.
    assert max(_alphas(page, "argument", "p")) == 255
    assert max(_alphas(page, "argument", "b")) == 31


def test_a_deep_link_lights_the_entry_it_names(page: Any, chain: Path) -> None:
    page.goto(f"{chain.as_uri()}#view=argument&sel=c")
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")
    assert page.evaluate("argmap.selected()") == "c"
    assert _lit(page, "argument") == {
        "nodes": ["b", "c", "d"],
        "edges": ["c/supports/b", "d/supports/c"],
    }
    # The link centres c: a and d are on the canvas, p above it.
    assert max(_alphas(page, "argument", "a")) == 31
    assert max(_alphas(page, "argument", "d")) == 255
    # A line selected instead: nothing faded.
    page.evaluate(_PANEL)
    assert max(_alphas(page, "argument", "a")) == 255


def test_the_svg_export_draws_the_same_fade(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.evaluate("argmap.select('b')")
    svg = page.evaluate(
        """() => { const doc = new DOMParser().parseFromString(argmap.viewSvg('argument'),
          'image/svg+xml');
          return [Array.from(doc.querySelectorAll('g')).map(g => [g.textContent, g.getAttribute('opacity')]),
                  Array.from(doc.querySelectorAll('line')).map(l => l.getAttribute('stroke-opacity'))]; }"""
    )
    groups, lines = svg
    assert sorted(groups) == sorted(
        [
            ["Reason a", "1"],
            ["Reason b", "1"],
            ["Reason c", "1"],
            ["Reason d", str(FADED_NODE)],
            ["The townshould do it", str(FADED_NODE)],
            ["Objection x", str(FADED_NODE)],
        ]
    )
    assert sorted(lines) == sorted(["1", "1", str(FADED_EDGE), str(FADED_EDGE), str(FADED_EDGE)])


# ---- a long panel list shows its first 50 and says how many more -----------------------


def _many(claims: int) -> str:
    lines = [
        "title: Many claims",
        "sources:",
        "  paper: {title: The paper, publisher: The Press, date: 2024-01-01}",
        "actors:",
        "  many: {name: Mona Many, kind: person}",
        "claims:",
        "  p: {kind: proposal, text: The town should do it}",
    ]
    lines += [f"  c{i:02d}: {{text: Claim {i:02d}}}" for i in range(claims)]
    lines += ["stances:"]
    lines += [
        f"  - {{actor: many, supports: c{i:02d}, source: paper, quote: Quote {i:02d}.}}"
        for i in range(claims)
    ]
    lines += ["relations:"]
    lines += [f"  - {{from: c{i:02d}, supports: p}}" for i in range(claims)]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _site(tmp_path_factory, "many", _many(60))


def test_a_long_stance_list_shows_fifty_and_a_button_for_all(page: Any, many: Path) -> None:
    _open(page, many, "stances")
    page.evaluate("argmap.select('many')")
    section = page.locator("#panel-body section", has=page.locator("h3", has_text="Stances (60)"))
    assert section.locator("li.stance").count() == 50
    assert section.locator("p.more").text_content() == "Showing the first 50 of 60. Show all 60"
    texts = section.locator("li.stance blockquote").all_text_contents()
    assert texts[:2] == ["Quote 00.", "Quote 01."]
    assert texts[-1] == "Quote 49."
    section.get_by_role("button", name="Show all 60").click()
    assert section.locator("li.stance").count() == 60
    assert section.locator("li.stance blockquote").all_text_contents()[-1] == "Quote 59."
    assert section.locator("p.more").count() == 0
    assert page.log.errors == []


def test_a_list_of_fifty_has_no_button(page: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    index = _site(tmp_path_factory, "fifty", _many(50))
    _open(page, index, "stances")
    page.evaluate("argmap.select('many')")
    section = page.locator("#panel-body section", has=page.locator("h3", has_text="Stances (50)"))
    assert section.locator("li.stance").count() == 50
    assert page.locator("#panel-body .show-all").count() == 0


def test_the_argued_about_list_is_capped_the_same_way(page: Any, many: Path) -> None:
    _open(page, many, "argument")
    page.evaluate("argmap.select('p')")
    args = page.locator("#panel-body .board-for .board-args")
    assert args.locator("summary").first.text_content() == "60 arguments"
    # A board's open lists start at 10 (test_browser_board_lazy.py), then 50 as others do.
    assert args.locator(":scope > ul > li").count() == 10
    args.get_by_role("button", name="Show 40 more").click()
    assert args.locator(":scope > ul > li").count() == 50
    args.get_by_role("button", name="Show all 60").click()
    assert args.locator(":scope > ul > li").count() == 60


# ---- the stance lines change colour only where their side changes -----------------------

# p is the central question; a supports p and attacks q. Selecting q redraws what each
# stance means for q: Ann's (for p, against q), Bob's on p (for p, not bearing on q) and
# Bob's on q; Cat's on the unrelated x bears on neither and keeps its look. Selecting
# anything but a proposal draws the lines for the central question again.
TWO = """\
title: Two proposals
sources:
  paper: {title: The paper, publisher: The Press, date: 2024-01-01}
actors:
  ann: {name: Ann, kind: person}
  bob: {name: Bob, kind: person}
  cat: {name: Cat, kind: person}
claims:
  p: {kind: proposal, text: The town should do it}
  q: {kind: proposal, text: The town should do the other thing}
  a: {text: Reason a}
  x: {text: Unrelated x}
stances:
  - {actor: ann, supports: a, source: paper, quote: A holds.}
  - {actor: bob, supports: p, source: paper, quote: Do it.}
  - {actor: bob, supports: q, source: paper, quote: Do the other.}
  - {actor: cat, supports: x, source: paper, quote: X holds.}
relations:
  - {from: a, supports: p}
  - {from: a, attacks: q}
"""

# The ids of the stance lines restyled (an update that sets `dashes`), in order.
_COUNT_RESTYLES = """() => {
  window.__restyled = [];
  const set = argmap.edges.stances, update = set.update.bind(set);
  set.update = (items, by) => {
    items.filter(i => 'dashes' in i).forEach(i => window.__restyled.push(i.id));
    return update(items, by);
  };
}"""


def test_selecting_another_proposal_restyles_only_the_lines_whose_side_changes(
    page: Any, browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    index = _site(tmp_path_factory, "two", TWO)
    _open(page, index, "stances")
    assert page.evaluate("argmap.data.question") == "p"
    page.evaluate(_COUNT_RESTYLES)
    page.evaluate("argmap.select('q')")
    assert sorted(page.evaluate("window.__restyled")) == [
        "ann>a>supports",
        "bob>p>supports",
        "bob>q>supports",
    ]
    # Bob is no proposal: the lines go back to the central question, the same three.
    page.evaluate("window.__restyled = []")
    page.evaluate("argmap.select('bob')")
    assert sorted(page.evaluate("window.__restyled")) == [
        "ann>a>supports",
        "bob>p>supports",
        "bob>q>supports",
    ]
    # p is the question itself: nothing to restyle.
    page.evaluate("window.__restyled = []")
    page.evaluate("argmap.select('p')")
    assert page.evaluate("window.__restyled") == []
    # Drawn for p and faded around p: what a fresh page shows on selecting p.
    fresh = browser.new_page(viewport={"width": 1440, "height": 900})
    _open(fresh, index, "stances")
    fresh.evaluate("argmap.select('p')")
    colours = "view => argmap.edges[view].get().map(e => [e.id, e.color, e.dashes, e.font])"
    assert page.evaluate(colours, "stances") == fresh.evaluate(colours, "stances")
    fresh.close()


# ---- lines out of sight are not drawn ---------------------------------------------------

# Close in on d (4x): which lines the renderer draws in the next frame, and the picture.
_CLOSE_IN = """async () => { const net = argmap.networks.argument;
  net.moveTo({position: net.getPositions(['d']).d, scale: 4, animation: false});
  const drawn = new Set();
  Object.values(net.body.edges).forEach(e => { const draw = e.draw;
    e.draw = function (ctx) { drawn.add(this.id); return draw.call(this, ctx); }; });
  net.redraw();
  return [[...drawn].sort(), net.canvas.frame.canvas.toDataURL('image/png')]; }"""

# The same with vis-network's own steps, which draw every line.
_EVERY_LINE = """() => { const net = argmap.networks.argument;
  delete net.renderer._drawEdges; delete net.renderer._drawArrows;
  net.redraw(); return net.canvas.frame.canvas.toDataURL('image/png'); }"""


def test_only_the_lines_near_the_canvas_are_drawn_and_the_picture_is_the_same(
    page: Any, chain: Path
) -> None:
    _open(page, chain, "argument")
    drawn, picture = page.evaluate(_CLOSE_IN)
    # Rows are 184 apart (d at 741, b at 373): at 4x the canvas shows y 649.5 to 832.5, and
    # LINE_ROOM (300) reaches up to 349.5: the lines at d, c and b are drawn; a to p and x
    # to p (at most y 189) are not.
    assert drawn == ["b/supports/a", "c/supports/b", "d/supports/c"]
    assert page.evaluate(_EVERY_LINE) == picture
    assert page.log.errors == []
