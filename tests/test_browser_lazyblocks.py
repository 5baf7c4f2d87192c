"""The page's JSON blocks parsed on first use (issue 18, fourth pass), in real chromium:
the first drawing parses none, a drill-down parses its drawing's block only, a deep link
and a search into a cluster parse the drawing and the homes, and after the first draw
the idle warm-up parses the quotes and the actors' block and nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.analysis import analyse
from argmap.render.html import render_index, render_outline
from argmap.render.views import claim_levels
from tests.conftest import chain_map

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 2,100 claims in a binary tree under one proposal: an aggregated page.
    folder = tmp_path_factory.mktemp("lazyblocks")
    amap = chain_map(2100)
    analysis = analyse(amap)
    (folder / "index.html").write_text(render_index(amap, analysis), encoding="utf-8")
    (folder / "outline.html").write_text(render_outline(amap, analysis), encoding="utf-8")
    return folder


def _open(page: Any, folder: Path, hash_: str = "") -> None:
    page.goto((folder / "index.html").as_uri() + hash_)
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")


def _parsed(page: Any) -> list[str]:
    return sorted(page.evaluate("argmap.parsedBlocks()"))


def _key(page: Any, key: str) -> str:
    """The block of the drawing `key`, as the page's directory numbers it."""
    return f"argmap-drawing-{page.evaluate(f'argmap.data.drawings[{key!r}][0]')}"


def _clean(page: Any) -> None:
    assert page.log.errors == []
    assert [m for m in page.log.console if m[0] in ("error", "warning")] == []


def test_the_overview_draws_without_parsing_any_block(page: Any, chain_site: Path) -> None:
    _open(page, chain_site)
    assert page.evaluate("window.argmapFirstDraw.blocks") == 0
    assert sorted(page.evaluate("argmap.nodes.argument.getIds()")) == ["@root"]
    _clean(page)


def test_the_warm_up_parses_the_quotes_and_the_actors_and_nothing_else(
    page: Any, chain_site: Path
) -> None:
    _open(page, chain_site)
    page.wait_for_function("() => window.argmapTimes.warm !== undefined")
    # 2,099 stances: two quote blocks of 2,000.
    assert _parsed(page) == ["argmap-actors", "argmap-quotes-0", "argmap-quotes-1"]
    assert page.evaluate("window.argmapTimes.warm") > page.evaluate("window.argmapFirstDraw.ms")
    _clean(page)


def test_opening_a_cluster_parses_its_drawing_only_and_back_parses_nothing(
    page: Any, chain_site: Path
) -> None:
    _open(page, chain_site)
    page.evaluate("argmap.select('@root')")
    page.click("#open-unit")
    # The root's drawing, as the build's drilling rule opens it (tests/test_levels.py pins
    # the rule itself): its claims as themselves and the subtrees left as one node each.
    (level,) = (lv for lv in claim_levels(chain_map(2100)) if lv.key == "root")
    drawn = sorted(page.evaluate("argmap.nodes.argument.getIds()"))
    assert drawn == sorted([*level.singles, *("@" + c for c in level.clusters)])
    assert "root" in drawn and len(drawn) <= 400
    drawings = [b for b in _parsed(page) if b.startswith("argmap-drawing-")]
    assert drawings == [_key(page, "argument/root")]
    page.click("#back-argument")
    assert sorted(page.evaluate("argmap.nodes.argument.getIds()")) == ["@root"]
    page.go_back()
    page.wait_for_function("() => argmap.nodes.argument.get('root') !== null")
    assert [b for b in _parsed(page) if b.startswith("argmap-drawing-")] == drawings
    _clean(page)


def test_a_deep_link_parses_the_homes_and_the_drawings_on_the_way(
    page: Any, chain_site: Path
) -> None:
    _open(page, chain_site, "#view=argument&sel=c02099")
    assert page.evaluate("argmap.networks.argument.getSelectedNodes()") == ["c02099"]
    home = page.evaluate("argmap.stateHash()").split("d=")[1].split("&")[0]
    key = home.replace("%2F", "/")
    parsed = _parsed(page)
    assert "argmap-homes" in parsed
    assert _key(page, key) in parsed
    # Only the drawing shown is parsed: its trail's titles come from the directory.
    assert [b for b in parsed if b.startswith("argmap-drawing-")] == [_key(page, key)]
    assert page.inner_text("#view-argument .trail").startswith(
        "\u2190 Back Overview \u203a The root proposal \u203a Claim number"
    )
    _clean(page)


def test_a_search_into_a_cluster_opens_its_drawing_from_its_block(
    page: Any, chain_site: Path
) -> None:
    _open(page, chain_site)
    page.fill("#search", "Claim number 1777")
    page.press("#search", "Enter")
    assert page.evaluate("argmap.selected()") == "c01777"
    assert "c01777" in page.evaluate("argmap.nodes.argument.getIds()")
    assert page.inner_text("#panel-title") == "Claim number 1777"
    # Its stance's quote, read from its quotes block.
    assert page.locator("#panel-body blockquote").all_inner_texts() == ["q"]
    _clean(page)


# ---- before the blocks after the scripts have arrived ----------------------------------


class _HeldPage:
    """Serves a page over HTTP in two parts: up to the end of its scripts at once, the
    blocks after them only when `release()` is called, so a test can act on the page while
    the browser has not parsed them yet (as on a big map's first second)."""

    def __init__(self, page_html: str) -> None:
        import http.server
        import threading

        cut = page_html.rindex("</script>", 0, page_html.index('id="argmap-quotes-0"'))
        head = page_html[: cut + len("</script>")].encode("utf-8")
        tail = page_html[cut + len("</script>") :].encode("utf-8")
        self.gate = threading.Event()
        gate = self.gate

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(head + b" " * 4096)  # past any buffering
                self.wfile.flush()
                gate.wait(60)
                self.wfile.write(tail)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/index.html"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def release(self) -> None:
        self.gate.set()

    def close(self) -> None:
        self.gate.set()
        self.server.shutdown()
        self.server.server_close()


def _until(page: Any, predicate: str) -> None:
    """Poll `predicate` (a function's source) from here: playwright's own waiting
    evaluates its predicate as a string, which the page's CSP forbids once it applies."""
    import time

    deadline = time.monotonic() + 60
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, predicate
        time.sleep(0.05)


@pytest.fixture
def held(tmp_path: Path) -> Any:
    from argmap.load import loads
    from tests.conftest import example_yaml

    amap = loads(example_yaml()).map
    server = _HeldPage(render_index(amap, analyse(amap)))
    yield server
    server.close()


def test_a_panel_opened_before_the_quotes_arrive_is_filled_when_they_do(
    page: Any, held: Any
) -> None:
    page.goto(held.url, wait_until="commit")
    _until(page, "() => window.argmapFirstDraw !== undefined")
    assert page.evaluate("document.readyState") == "loading"
    page.evaluate("argmap.select('room-saves-lives', false)")
    assert page.inner_text("#panel-title") == "Details"
    assert page.inner_text("#panel-wait") == "Reading the map\u2019s quotes and boards\u2026"
    held.release()
    _until(page, "() => window.argmapTimes.parsedAll !== undefined")
    assert page.inner_text("#panel-title") == "A drug consumption room saves lives"
    assert page.locator("#panel-body blockquote").all_inner_texts() == ["It will save lives."]
    assert page.locator("#panel-wait").count() == 0
    assert page.log.errors == []


def test_a_search_before_the_quotes_arrive_finds_names_then_quotes(page: Any, held: Any) -> None:
    page.goto(held.url, wait_until="commit")
    _until(page, "() => window.argmapFirstDraw !== undefined")
    page.fill("#search", "help deal")
    assert page.inner_text("#search-status") == "No match"
    held.release()
    _until(page, "() => window.argmapTimes.parsedAll !== undefined")
    assert page.inner_text("#search-results") == (
        "QUOTE Sam Chief\n\u201cThe chief fears the room would help dealers.\u201d"
    )
    assert page.log.errors == []


def test_a_panel_replaced_before_the_quotes_arrive_stays_replaced(page: Any, held: Any) -> None:
    page.goto(held.url, wait_until="commit")
    _until(page, "() => window.argmapFirstDraw !== undefined")
    page.evaluate("argmap.select('room-saves-lives', false)")
    page.evaluate("argmap.clearSelection()")
    held.release()
    _until(page, "() => window.argmapTimes.parsedAll !== undefined")
    assert page.evaluate("document.getElementById('panel').hidden") is True
    assert page.log.errors == []
