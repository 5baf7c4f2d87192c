"""The quotes' own JSON block: parsed when a panel or search first needs a quote, not before.

On a big map the quotes are nearly half the page's data and the first draw shows none
(issue 18), so the page reads `#argmap-quotes` the first time a stance's quote is read and
records the moment in `argmapTimes.quotes`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.pipeline import build
from tests.conftest import example_yaml

pytestmark = pytest.mark.browser

PARSED = "window.argmapTimes.quotes !== undefined"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lazyquotes")
    (folder / "arguments.yaml").write_text(example_yaml(), encoding="utf-8")
    build(folder / "arguments.yaml", folder / "output")
    return folder / "output"


def _open(page: Any, site: Path, view: str) -> None:
    page.goto(f"{(site / 'index.html').as_uri()}#{view}")
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")


@pytest.mark.parametrize("view", ["argument", "stances", "camps"])
def test_no_view_parses_the_quotes_to_draw(page: Any, site: Path, view: str) -> None:
    _open(page, site, view)
    page.wait_for_function("() => window.argmapTimes.ready !== undefined")
    assert page.evaluate(PARSED) is False
    assert page.log.errors == []


def test_a_claims_panel_parses_them_and_shows_the_quote_exactly(page: Any, site: Path) -> None:
    _open(page, site, "argument")
    assert page.evaluate(PARSED) is False
    page.evaluate("argmap.select('room-saves-lives', false)")
    assert page.evaluate(PARSED) is True
    assert page.inner_text("#panel-title") == "A drug consumption room saves lives"
    assert page.locator("#panel-body blockquote").all_inner_texts() == ["It will save lives."]
    assert page.log.errors == []


def test_searching_a_quotes_words_parses_them_and_finds_it(page: Any, site: Path) -> None:
    _open(page, site, "argument")
    page.focus("#search")
    page.keyboard.type("help deal")
    assert page.evaluate(PARSED) is True
    assert page.inner_text("#search-results") == (
        "QUOTE Sam Chief\n\u201cThe chief fears the room would help dealers.\u201d"
    )
    assert page.log.errors == []
