"""The aggregated views in real headless chromium: the overview above the threshold and
not below it, the counts it shows, drill-down and back, a deep link and a search into a
cluster's drawing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.analysis import analyse
from argmap.model import ArgumentMap
from argmap.render import aggregate
from argmap.render.html import render_index, render_outline
from tests.aggregate_maps import three_camps
from tests.conftest import chain_map

pytestmark = pytest.mark.browser


def _write(folder: Path, amap: ArgumentMap) -> Path:
    analysis = analyse(amap)
    (folder / "index.html").write_text(render_index(amap, analysis), encoding="utf-8")
    (folder / "outline.html").write_text(render_outline(amap, analysis), encoding="utf-8")
    return folder


def _open(page: Any, folder: Path, hash_: str = "") -> None:
    page.goto((folder / "index.html").as_uri() + hash_)
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")


def _drawn(page: Any, view: str) -> list[str]:
    return sorted(page.evaluate(f"() => argmap.nodes['{view}'].getIds()"))


def _clean(page: Any) -> None:
    assert page.log.errors == []
    assert [m for m in page.log.console if m[0] in ("error", "warning")] == []


# The clusters the root's drawing leaves (see test_drill_down_into_a_cluster_and_back), each
# with the claim its root argues about: the biggest branches, 1,076 claims under c00001
# down to 3 under c00863 and c00864; the other 391 claims are drawn as themselves.
LEFT = {
    "@c00001": "root",
    "@c00006": "c00002",
    "@c00054": "c00026",
    "@c00108": "c00053",
    "@c00216": "c00107",
    "@c00432": "c00215",
    "@c00863": "c00431",
    "@c00864": "c00431",
}


@pytest.fixture(scope="module")
def chain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 2,100 claims in a binary tree under one proposal: far past the threshold.
    return _write(tmp_path_factory.mktemp("chain"), chain_map(2100))


def test_a_big_view_opens_on_its_overview(page: Any, chain_site: Path) -> None:
    _open(page, chain_site)
    assert _drawn(page, "argument") == ["@root"]
    assert page.inner_text("#view-argument .notice").startswith(
        "An overview: this map has 2,100 claims, more than the 400"
    )
    assert page.inner_text("#view-argument .trail") == "Overview"
    label = page.evaluate("() => argmap.nodes.argument.get('@root').label")
    assert label == "The root proposal \u00b7 2,100 claims"
    legend = page.inner_text("#view-argument .legend")
    assert "A cluster is a claim with every claim under it" in legend
    _clean(page)


def test_a_small_view_is_not_aggregated(page: Any, tmp_path: Path, example_map: Any) -> None:
    _open(page, _write(tmp_path, example_map))
    for view in ("argument", "stances", "camps"):
        page.evaluate(f"argmap.showView('{view}')")
        assert not any(n.startswith("@") for n in _drawn(page, view))
        assert page.query_selector(f"#view-{view} .trail") is None
    _clean(page)


def test_drill_down_into_a_cluster_and_back(page: Any, chain_site: Path) -> None:
    _open(page, chain_site)
    page.evaluate("argmap.select('@root')")
    panel = page.inner_text("#panel-body")
    assert "2,100: 1 proposals, 2,099 claims, 0 evidence" in panel
    assert "Show all 2100" in panel  # the members list, capped with a visible button
    page.click("#open-unit")
    assert "d=argument%2Froot" in page.evaluate("location.hash")
    # As much as fits in 400 nodes, the smallest branches first: 391 claims and 8 clusters.
    drawn = _drawn(page, "argument")
    assert len(drawn) == 399 and "root" in drawn and "c00002" in drawn
    assert [n for n in drawn if n.startswith("@")] == sorted(LEFT)
    edges = page.evaluate("() => argmap.edges.argument.get().map(e => [e.from, e.to, e.label])")
    assert len(edges) == 398  # a line from every node but the root to its parent
    assert sorted(e for e in edges if e[0].startswith("@")) == sorted(
        [unit, target, "1"] for unit, target in LEFT.items()
    )
    assert (
        page.inner_text("#view-argument .trail") == "\u2190 Back Overview \u203a The root proposal"
    )
    page.click("#back-argument")
    assert _drawn(page, "argument") == ["@root"]
    assert "d=" not in page.evaluate("location.hash")
    # The browser's Back returns to the drawing too.
    page.go_back()
    page.wait_for_function("() => argmap.nodes.argument.get('root') !== null")
    assert _drawn(page, "argument") == drawn
    _clean(page)


def test_a_deep_link_opens_the_cluster_drawing_with_the_node(page: Any, chain_site: Path) -> None:
    _open(page, chain_site, "#view=argument&sel=c02099")
    assert "c02099" in _drawn(page, "argument")
    assert page.evaluate("argmap.networks.argument.getSelectedNodes()") == ["c02099"]
    assert page.inner_text("#panel-title") == "Claim number 2099"
    trail = page.inner_text("#view-argument .trail")
    assert trail.startswith("\u2190 Back Overview \u203a The root proposal \u203a Claim number")
    assert "sel=c02099" in page.evaluate("location.hash")
    _clean(page)


def test_search_opens_the_cluster_drawing_with_the_node_selected(
    page: Any, chain_site: Path
) -> None:
    _open(page, chain_site)
    page.fill("#search", "Claim number 1777")
    page.press("#search", "Enter")
    assert page.evaluate("argmap.selected()") == "c01777"
    assert "c01777" in _drawn(page, "argument")
    assert page.evaluate("argmap.networks.argument.getSelectedNodes()") == ["c01777"]
    _clean(page)


def test_camps_overview_shows_the_net_agreement(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    _open(page, _write(tmp_path, three_camps()), "#camps")
    nodes = page.evaluate("() => argmap.nodes.camps.get().map(n => n.label).sort()")
    assert [n.split(" \u00b7 ")[1] for n in nodes] == ["2 actors"] * 3
    labels = page.evaluate("() => argmap.edges.camps.get().map(e => e.label).sort()")
    assert labels == ["-2", "-2", "-3"]
    unit = page.evaluate(
        "() => Object.entries(argmap.data.views.camps.units)"
        ".find(([, u]) => u.members.join() === 'c1,c2')[0]"
    )
    page.evaluate(f"argmap.select('{unit}')")
    assert "Agreement inside\n+2 over 1 pairs" in page.inner_text("#panel-body")
    page.click("#open-unit")
    assert _drawn(page, "camps") == ["c1", "c2"]
    assert page.evaluate("() => argmap.edges.camps.get().map(e => e.label)") == ["+"]
    _clean(page)
