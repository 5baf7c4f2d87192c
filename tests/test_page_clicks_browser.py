"""A selection on the page changes only what it must, in headless chromium.

A click fades everything but the selection's neighbourhood. The page updates only the
nodes and edges whose look changes (each DataSet update makes vis-network redo that
item), so these tests count the updates by wrapping `DataSet.update` in the page, and
check that the drawn result is the same as selecting the entry on a fresh page. Speed
itself is measured in bench/clicks.py, never here.
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

# Each node's opacity and label colour, each edge's opacity, as the view's DataSets hold them.
_LOOK = """view => ({
  nodes: Object.fromEntries(argmap.nodes[view].get().map(n =>
    [n.id, [n.opacity, n.font && n.font.color]])),
  edges: Object.fromEntries(argmap.edges[view].get().map(e =>
    [e.id, [e.color.opacity, e.font && e.font.color]])),
})"""


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


def _updates(page: Any, action: str) -> dict[str, list[str]]:
    """The node and edge ids the page updates while it runs `action`, sorted."""
    page.evaluate("window.__updates = []")
    page.evaluate(action)
    done: dict[str, list[str]] = {"nodes": [], "edges": []}
    for _, kind, item in page.evaluate("window.__updates"):
        done[kind].append(item)
    return {kind: sorted(ids) for kind, ids in done.items()}


def _opacities(page: Any, view: str) -> tuple[dict[str, float], dict[str, float]]:
    look = page.evaluate(_LOOK, view)
    return (
        {k: v[0] for k, v in look["nodes"].items()},
        {k: v[0] for k, v in look["edges"].items()},
    )


def _faded(page: Any, view: str) -> tuple[list[str], list[str]]:
    nodes, edges = _opacities(page, view)
    assert set(nodes.values()) <= {1, FADED_NODE}
    assert set(edges.values()) <= {1, FADED_EDGE}
    return (
        sorted(k for k, v in nodes.items() if v == FADED_NODE),
        sorted(k for k, v in edges.items() if v == FADED_EDGE),
    )


def test_a_first_selection_fades_all_but_the_neighbourhood(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.evaluate(_COUNT_UPDATES)
    done = _updates(page, "argmap.select('b')")
    # b with a and c (its ends) stay; the rest fades, and only the rest is updated.
    assert done == {
        "nodes": ["d", "p", "x"],
        "edges": ["a/supports/p", "d/supports/c", "x/attacks/p"],
    }
    assert _faded(page, "argument") == (
        ["d", "p", "x"],
        ["a/supports/p", "d/supports/c", "x/attacks/p"],
    )
    look = page.evaluate(_LOOK, "argument")
    assert look["nodes"]["d"][1] == "rgba(26,26,26,0.15)"
    assert look["nodes"]["b"][1] != "rgba(26,26,26,0.15)"
    assert page.log.errors == []


def test_a_new_selection_updates_only_the_symmetric_difference(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.evaluate("argmap.select('b')")
    page.evaluate(_COUNT_UPDATES)
    done = _updates(page, "argmap.select('c')")
    # b's neighbourhood {a, b, c}, c's {b, c, d}: a fades, d lights; b->a out, d->c in.
    assert done == {"nodes": ["a", "d"], "edges": ["b/supports/a", "d/supports/c"]}
    assert _faded(page, "argument") == (
        ["a", "p", "x"],
        ["a/supports/p", "b/supports/a", "x/attacks/p"],
    )


def test_selecting_the_same_entry_again_updates_nothing(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.evaluate("argmap.select('b')")
    page.evaluate(_COUNT_UPDATES)
    assert _updates(page, "argmap.select('b')") == {"nodes": [], "edges": []}


def test_closing_the_selection_unfades_only_what_was_faded(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.evaluate("argmap.select('c')")
    page.evaluate(_COUNT_UPDATES)
    done = _updates(page, "argmap.clearSelection()")
    assert done == {
        "nodes": ["a", "p", "x"],
        "edges": ["a/supports/p", "b/supports/a", "x/attacks/p"],
    }
    assert _faded(page, "argument") == ([], [])
    # Nothing faded, nothing to undo: a second close updates nothing.
    assert _updates(page, "argmap.clearSelection()") == {"nodes": [], "edges": []}


def test_an_edge_selection_unfades_the_view(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    page.evaluate("argmap.select('d')")
    page.evaluate(_COUNT_UPDATES)
    done = _updates(page, "argmap.selectEdge('argument', 'x/attacks/p')")
    assert done == {
        "nodes": ["a", "b", "p", "x"],
        "edges": ["a/supports/p", "b/supports/a", "c/supports/b", "x/attacks/p"],
    }
    assert _faded(page, "argument") == ([], [])
    assert page.locator("#panel-title").text_content() == "\u2212 Attack"


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
    fresh = browser.new_page(viewport={"width": 1440, "height": 900})
    _open(fresh, chain, view)
    fresh.evaluate(f"argmap.select('{then}')")
    assert page.evaluate(_LOOK, view) == fresh.evaluate(_LOOK, view)
    fresh.close()


def test_the_stance_view_fades_by_neighbourhood_too(page: Any, chain: Path) -> None:
    _open(page, chain, "stances")
    page.evaluate("argmap.select('bob')")
    page.evaluate(_COUNT_UPDATES)
    done = _updates(page, "argmap.select('cat')")
    # Bob's {bob, a, c} and Cat's {cat, x} are disjoint: both change, Ann and p stay faded.
    assert done == {
        "nodes": ["a", "bob", "c", "cat", "x"],
        "edges": ["bob>a>supports", "bob>c>supports", "cat>x>supports"],
    }
    assert _faded(page, "stances") == (
        ["a", "ann", "bob", "c", "p"],
        ["ann>p>supports", "bob>a>supports", "bob>c>supports"],
    )


def test_a_real_click_on_a_node_opens_it_and_fades_the_rest(page: Any, chain: Path) -> None:
    _open(page, chain, "argument")
    at = page.evaluate(
        """() => { const net = argmap.networks.argument;
          const box = net.canvas.frame.getBoundingClientRect();
          const p = net.canvasToDOM(net.getPositions(['d']).d);
          return [p.x + box.left, p.y + box.top]; }"""
    )
    page.mouse.click(at[0], at[1])
    page.wait_for_function("() => argmap.selected() === 'd'")
    assert page.locator("#panel-title").text_content() == "Reason d"
    assert _faded(page, "argument") == (
        ["a", "b", "p", "x"],
        ["a/supports/p", "b/supports/a", "c/supports/b", "x/attacks/p"],
    )
    assert "sel=d" in page.evaluate("location.hash")


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
