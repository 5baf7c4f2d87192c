"""report.html and the outline of the curated map in headless chromium: the summary first.

`ARGMAP_SCREENSHOTS=folder` also saves the first screen of report.html at both sizes
(docs/screenshots/report-*.png were made so).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from argmap.pipeline import build
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("curated") / "output"
    build(ROOT / "arguments.yaml", out)
    return out


def _box(page: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] = page.evaluate(
        f"""(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect();
        return {{top: r.top, bottom: r.bottom, left: r.left, right: r.right}}; }})()"""
    )
    return box


def _shoot(page: Any, name: str) -> None:
    folder = os.environ.get("ARGMAP_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name))


def test_the_whole_summary_is_on_the_first_screen(page: Any, site: Path) -> None:
    page.goto((site / "report.html").as_uri())
    _shoot(page, "report-1440x900.png")
    summary = _box(page, "#summary")
    assert summary["top"] >= 0 and summary["bottom"] <= 900
    text = page.inner_text("#summary")
    assert page.inner_text(".s-question strong") == "Allow DCRs in the UK"
    for heading in ("For (", "Against (", "Mixed (", "Camps", "Most contested"):
        assert heading in text, heading
    assert "What the map's acceptance says" in text
    assert "defeat" not in text.lower()
    # Each column lists as many voices as its heading counts, each with its words.
    for side in ("for", "against", "mixed"):
        count = page.inner_text(f"#s-{side}-title .s-count")
        voices = page.eval_on_selector_all(f".s-{side} li", "items => items.map(i => i.innerText)")
        assert count == f"({len(voices)})"
        assert all("\u201c" in v or "the same words as" in v or "not quoted" in v for v in voices)
    assert all("\u201c" in v or "the same words as" in v or "not quoted" in v for v in voices)
    assert page.log.errors == [] and page.log.console == []
    assert {url.split("#")[0] for url in page.log.requests} == {(site / "report.html").as_uri()}


def test_on_a_phone_nothing_overflows_and_the_question_opens_the_page(
    browser: Any, site: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto((site / "report.html").as_uri())
        _shoot(page, "report-390x844.png")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        question = _box(page, ".s-question")
        for_heading = _box(page, "#s-for-title")
        assert question["bottom"] <= PHONE["height"] and for_heading["bottom"] <= PHONE["height"]
    finally:
        context.close()


def test_a_name_in_the_summary_opens_that_actors_words(page: Any, site: Path) -> None:
    page.goto((site / "report.html").as_uri())
    page.click(".s-for .s-name >> nth=0")
    target = page.evaluate("location.hash")
    assert target.startswith("#actor-")
    section = _box(page, target)
    assert -1 < section["top"] < 50
    assert page.inner_text(f"{target} h3") == page.inner_text(".s-for .s-name >> nth=0")


def test_the_page_links_to_report_html_and_the_outline_opens_with_the_summary(
    page: Any, site: Path
) -> None:
    page.goto((site / "index.html").as_uri())
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")
    assert page.get_attribute("header.top a", "href") == "report.html"
    page.goto((site / "outline.html").as_uri())
    assert _box(page, "#summary")["top"] < 900
    assert _box(page, "#summary")["bottom"] < _box(page, "#outline-title")["top"]
