"""The built map opened in headless chromium: drawing, search, panel, filters, safety.

Each test opens a page built by the real pipeline (or the renderer for hand-made maps),
logs every request and console message, and drives it as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.analysis import analyse
from argmap.model import ArgumentMap
from argmap.pipeline import build
from argmap.render.html import render_index, render_outline
from tests.conftest import XSS, XSS_URLS, chain_map, example_yaml, xss_map

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example")
    (folder / "arguments.yaml").write_text(example_yaml(), encoding="utf-8")
    build(folder / "arguments.yaml", folder / "output")
    return folder / "output"


def _write(folder: Path, amap: ArgumentMap) -> Path:
    analysis = analyse(amap)
    (folder / "index.html").write_text(render_index(amap, analysis), encoding="utf-8")
    (folder / "outline.html").write_text(render_outline(amap, analysis), encoding="utf-8")
    return folder


def _open(page: Any, folder: Path, view: str = "") -> None:
    page.goto((folder / "index.html").as_uri() + (f"#{view}" if view else ""))
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")


def _counts(page: Any, view: str) -> list[int]:
    return page.evaluate(
        f"""() => {{ argmap.showView("{view}");
        const n = argmap.networks["{view}"].body.data;
        return [n.nodes.length, n.edges.length]; }}"""
    )


def _clean(page: Any, folder: Path) -> None:
    """No console errors or warnings, no uncaught error, no request but the page's own."""
    assert page.log.errors == []
    assert [m for m in page.log.console if m[0] in ("error", "warning")] == []
    allowed = {(folder / "index.html").as_uri(), (folder / "outline.html").as_uri()}
    assert {url.split("#")[0] for url in page.log.requests} <= allowed


def test_every_view_draws_exactly_the_model(page: Any, example_site: Path) -> None:
    from argmap.load import loads

    amap = loads(example_yaml()).map
    analysis = analyse(amap)
    _open(page, example_site)
    assert _counts(page, "argument") == [len(amap.claims), len(amap.relations)]
    stance_nodes = {s.actor for s in amap.stances} | {s.claim for s in amap.stances}
    stance_edges = {(s.actor, s.claim, s.position) for s in amap.stances}
    assert _counts(page, "stances") == [len(stance_nodes), len(stance_edges)]
    assert _counts(page, "camps") == [len(amap.actors), len(analysis.agreement)]
    positions = page.evaluate("argmap.networks.argument.getPositions(['allow-room', 'no-deaths'])")
    assert positions["allow-room"]["y"] < positions["no-deaths"]["y"]
    _clean(page, example_site)


def test_searching_an_actor_selects_it_and_opens_its_panel(page: Any, example_site: Path) -> None:
    _open(page, example_site)
    page.focus("#search")
    page.keyboard.type("sam")
    assert page.inner_text("#search-results") == "ACTOR Sam Chief"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.evaluate("argmap.current()") == "stances"
    assert page.evaluate("argmap.networks.stances.getSelectedNodes()") == ["sam-chief"]
    assert page.inner_text("#panel-title") == "Sam Chief"
    assert "chief constable" in page.inner_text("#panel-body")
    # Everything but the actor, its claim and the line between them is faded.
    assert page.evaluate("argmap.lit('stances')") == {
        "nodes": ["room-helps-dealers", "sam-chief"],
        "edges": ["sam-chief>room-helps-dealers>supports"],
    }
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel")
    _clean(page, example_site)


def test_clicking_a_claim_shows_its_quotes(page: Any, example_site: Path) -> None:
    _open(page, example_site)
    point = page.evaluate(
        """() => { const net = argmap.networks.argument;
        const p = net.canvasToDOM(net.getPositions(['room-saves-lives'])['room-saves-lives']);
        const box = document.getElementById('canvas-argument').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }"""
    )
    page.mouse.click(*point)
    assert page.inner_text("#panel-title") == "A drug consumption room saves lives"
    body = page.inner_text("#panel-body")
    assert "Supporters (1)" in body
    assert "It will save lives." in body
    assert "Council debates drug room, The Gazette, 2024-03-01" in body
    assert "Acceptance\nin: no objection to it stands unanswered" in body
    _clean(page, example_site)


def test_filters_hide_what_they_should(page: Any, example_site: Path) -> None:
    _open(page, example_site, "stances")

    def hidden(view: str) -> list[str]:
        return page.evaluate(
            f"argmap.nodes['{view}'].get().filter(n => n.hidden).map(n => n.id).sort()"
        )

    page.click("#filters summary")
    page.uncheck("input[name=kind][value=person]")
    assert hidden("stances") == ["jo-green", "room-helps-dealers", "room-saves-lives", "sam-chief"]
    page.check("input[name=kind][value=person]")
    assert hidden("stances") == []
    page.select_option("#filter-source", "herald")
    assert hidden("stances") == ["allow-room", "green-party", "jo-green", "room-saves-lives"]
    page.click("#reset")  # a click outside the popup closes it
    assert page.is_hidden("input[name=stance][value=supports]")
    page.click("#filters summary")
    page.uncheck("input[name=stance][value=supports]")
    assert len(hidden("stances")) == 6
    page.evaluate("argmap.showView('camps')")
    assert hidden("camps") == []  # the stance filter does not apply to camps
    page.click("#reset")
    assert hidden("stances") == [] and page.is_checked("input[name=stance][value=supports]")
    _clean(page, example_site)


def test_outline_page_lists_every_claim_and_quote(page: Any, example_site: Path) -> None:
    page.goto((example_site / "outline.html").as_uri())
    text = page.inner_text("main")
    for words in (
        "The town should allow a drug consumption room",
        "\u2212 against: CLAIM A drug consumption room makes life easier for dealers",
        "Jo Green supports it: \u201cIt will save lives.\u201d",
        "Sam Chief supports it: reported: \u201cThe chief fears the room would help dealers.\u201d",
    ):
        assert words in text
    assert page.evaluate("document.scripts.length") == 0
    _clean(page, example_site)


def test_xss_payloads_stay_inert_text(page: Any, tmp_path: Path) -> None:
    amap = xss_map()
    folder = _write(tmp_path, amap)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open(page, folder)
    ids = [a.id for a in amap.actors] + [c.id for c in amap.claims]
    texts = []
    for view in ("argument", "stances", "camps"):
        page.evaluate(f"argmap.showView('{view}')")
        for edge in page.evaluate(f"argmap.edges['{view}'].getIds()"):
            page.evaluate(
                f"""() => {{ const n = argmap.networks['{view}'];
                n.emit('click', {{nodes: [], edges: [{json.dumps(edge)}],
                    pointer: {{DOM: {{x: 0, y: 0}}}}}});
                n.emit('hoverEdge', {{edge: {json.dumps(edge)}, event: {{}}}}); }}"""
            )
            texts.append(page.inner_text("#panel"))
    for node in ids:
        page.evaluate(f"argmap.select({json.dumps(node)}, true)")
        texts.append(page.inner_text("#panel"))
        page.evaluate(
            f"argmap.networks[argmap.current()].emit('hoverNode', {{node: {json.dumps(node)}, event: {{}}}})"
        )
        texts.append(page.inner_text("#tooltip"))
    page.fill("#search", "<img")
    texts.append(page.inner_text("#search-results"))
    page.hover("#view-argument .canvas")
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    # Nothing from the map became markup (the CSP would also stop it running).
    assert (
        page.evaluate(
            """() => [...document.querySelectorAll('*')].filter(e =>
            [...e.attributes].some(a => a.name.startsWith('on'))
            || (['IMG', 'IFRAME', 'OBJECT'].includes(e.tagName) && e.id !== 'print-map')
            || (e.tagName === 'svg' && !e.closest('.legend'))).length"""
        )
        == 0
    )
    shown = "\n".join(texts)
    for payload in (XSS[0], XSS[1], XSS[2], XSS[5], "${window.__xss=4}"):
        assert payload in shown, payload
    assert (
        page.evaluate(
            "[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
            ".filter(h => !/^(https:|#|outline.html|report.html)/.test(h))"
        )
        == []
    )
    assert page.inner_text("h1") == f"Map {XSS[1]}"
    page.goto((folder / "outline.html").as_uri())
    outline = page.inner_text("main")
    assert f"Quote {XSS[0]}" in outline and XSS_URLS[0] in outline
    assert page.evaluate("window.__xss") is None
    _clean(page, folder)


def test_a_big_view_is_aggregated_and_says_so(page: Any, tmp_path: Path) -> None:
    # Past the threshold a view opens on an overview (tests/test_browser_aggregate.py).
    folder = _write(tmp_path, chain_map(2100))
    _open(page, folder)
    assert _counts(page, "argument") == [1, 0]
    assert page.inner_text("#view-argument .notice").startswith(
        "An overview: this map has 2,100 claims"
    )
    # Every claim is still found, and drawn in its cluster's drawing.
    page.evaluate("argmap.select('c02099', true)")
    assert "Not drawn in any view" not in page.inner_text("#panel-body")
    assert page.evaluate("argmap.networks.argument.getSelectedNodes()") == ["c02099"]
    _clean(page, folder)
