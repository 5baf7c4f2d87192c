"""The reader's page in headless chromium: deep links and history, search ranking, the
pro/con board, focus mode, the article filter, keys, the phone layout, print and export.

The curated map (arguments.yaml) is built once by the real pipeline for the tests that
are about what a reader of it types; the small example of docs/format.md for exact values.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.pipeline import build
from tests.conftest import ROOT, example_yaml

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("curated")
    build(ROOT / "arguments.yaml", out)
    return out


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example")
    (folder / "arguments.yaml").write_text(example_yaml(), encoding="utf-8")
    build(folder / "arguments.yaml", folder / "output")
    return folder / "output"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    assert errors == []
    context.close()


def _open(page: Any, site: Path, hash_: str = "") -> None:
    page.goto((site / "index.html").as_uri() + hash_)
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")


def _hash(page: Any) -> str:
    return page.evaluate("decodeURIComponent(location.hash)")


def _shown(page: Any, view: str) -> list[str]:
    return page.evaluate(
        f"argmap.nodes['{view}'].get().filter(n => !n.hidden).map(n => n.id).sort()"
    )


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _no_errors(page: Any) -> None:
    assert page.log.errors == []
    assert [m for m in page.log.console if m[0] in ("error", "warning")] == []


# ---- deep links and history ---------------------------------------------------------


def test_a_selection_is_a_link_that_restores_in_a_new_tab(page: Any, curated: Path) -> None:
    _open(page, curated)
    page.fill("#search", "Blunt")
    page.keyboard.press("Enter")
    assert _hash(page) == "#view=stances&sel=crispin-blunt&q=Blunt"
    page.click("#filters summary")
    page.uncheck("input[name=kind][value=party]")
    link = page.url
    assert _hash(page) == "#view=stances&sel=crispin-blunt&q=Blunt&xkind=party"
    tab = page.context.new_page()
    _open(tab, curated, link[link.index("#") :])
    assert tab.inner_text("#panel-title") == "Crispin Blunt"
    assert tab.is_visible("#panel")
    assert tab.evaluate("argmap.current()") == "stances"
    assert tab.evaluate("argmap.networks.stances.getSelectedNodes()") == ["crispin-blunt"]
    assert tab.input_value("#search") == "Blunt"
    assert not tab.is_checked("input[name=kind][value=party]")
    assert tab.is_checked("input[name=kind][value=person]")
    assert "conservatives" not in _shown(tab, "stances")  # a party, filtered out
    tab.close()
    _no_errors(page)


def test_back_and_forward_move_between_selections(page: Any, curated: Path) -> None:
    _open(page, curated, "#claim-dcrs-uk")
    page.fill("#search", "Javid")
    page.keyboard.press("Enter")
    assert page.inner_text("#panel-title") == "Sajid Javid"
    page.go_back()
    page.wait_for_function("() => argmap.selected() === 'dcrs-uk'")
    assert page.evaluate("argmap.current()") == "argument"
    assert page.inner_text("#panel-title") == "Allow DCRs in the UK"
    page.go_forward()
    page.wait_for_function("() => argmap.selected() === 'sajid-javid'")
    assert page.evaluate("argmap.current()") == "stances"
    page.click("#tab-camps")
    page.click("#panel-close")
    assert page.is_hidden("#panel")
    page.go_back()  # the camps map with Javid selected
    page.wait_for_function("() => argmap.selected() === 'sajid-javid'")
    assert page.evaluate("argmap.current()") == "camps" and page.is_visible("#panel")
    page.go_back()
    page.wait_for_function("() => argmap.current() === 'stances'")
    assert page.inner_text("#panel-title") == "Sajid Javid"
    page.go_back()
    page.go_back()  # before the page: Back leaves it only after its own entries
    page.wait_for_url("about:blank")
    _no_errors(page)


@pytest.mark.parametrize("anchor", ["claim-dcrs-uk", "dcrs-uk", "view=argument&sel=dcrs-uk"])
def test_entry_anchors_open_the_entry(page: Any, curated: Path, anchor: str) -> None:
    _open(page, curated, f"#{anchor}")
    assert page.inner_text("#panel-title") == "Allow DCRs in the UK"
    assert page.evaluate("argmap.current()") == "argument"
    assert page.get_attribute("#panel a[href^='outline.html']", "href") == (
        "outline.html#claim-dcrs-uk"
    )


def test_an_actor_anchor_and_copy_link(page: Any, curated: Path) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    _open(page, curated, "#actor-home-office")
    assert page.inner_text("#panel-title") == "Home Office"
    page.click("#copy-link")
    page.wait_for_function("() => document.getElementById('copy-status').textContent !== ''")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url
    assert copied.endswith("#view=stances&sel=home-office")


# ---- search -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "opens"),
    [
        ("Blunt", "Crispin Blunt"),
        ("Javid", "Sajid Javid"),
        ("Meacher", "Baroness Meacher"),
        ("Smith", "Jeff Smith"),
        ("cannot afford to reject initiatives", "Crispin Blunt"),
    ],
)
def test_enter_opens_the_best_match(page: Any, curated: Path, typed: str, opens: str) -> None:
    _open(page, curated)
    page.fill("#search", typed)
    page.keyboard.press("Enter")
    assert page.inner_text("#panel-title") == opens


def test_results_say_what_kind_each_is_and_count_in_words(page: Any, curated: Path) -> None:
    _open(page, curated)
    page.fill("#search", "Blunt")
    rows = page.eval_on_selector_all("#search-results button", "bs => bs.map(b => b.innerText)")
    assert rows[0] == "ACTOR Crispin Blunt"
    assert rows[1].startswith(
        "ACTOR All-Party Parliamentary Group for Drug Policy Reform (APPG)\nrole: co-chaired"
    )
    assert page.inner_text("#search-status") == f"{len(rows)} matches"
    page.fill("#search", "cannot afford to reject initiatives")
    assert page.inner_text("#search-status") == "1 match"
    assert page.inner_text("#search-results").startswith("QUOTE Crispin Blunt\n\u201c")


# ---- answers one click away ----------------------------------------------------------


def test_a_proposal_opens_on_its_pro_con_board(page: Any, example: Path) -> None:
    _open(page, example, "#claim-allow-room")
    board = page.locator(".board")
    assert board.locator(".board-for h3").inner_text() == "For (2)"
    # The police chief is against only through a relation the Herald does not make.
    assert board.locator(".board-against h3").inner_text() == "Against (0)"
    pro = [_lines(t) for t in board.locator(".board-for .board-actors li").all_inner_texts()]
    assert pro == [
        ["Green Party +1.00", "no quote"],
        ["Jo Green +1.00", "We should open a room this year."],
    ]
    inferred = board.locator(".board-mixed")
    assert inferred.locator("summary").inner_text() == (
        "Inferred, not stated: only through other sources\u2019 relations (1)"
    )
    assert inferred.locator("ul").is_hidden()
    inferred.locator("summary").click()
    assert [_lines(t) for t in inferred.locator("li").all_inner_texts()] == [
        [
            "Sam Chief \u22121.00",
            "reported The chief fears the room would help dealers.",
            "+ supports A drug consumption room makes life easier for dealers",
            # The chain of claims and the sources behind the inference.
            "Inferred through: A drug consumption room makes life easier for dealers"
            " \u2192 The town should allow a drug consumption room",
            "Sources: Police chief doubts drug room",
        ]
    ]
    # The arguments beneath each side open on who holds them and what argues about them.
    argument = board.locator(".board-for details.argument")
    assert argument.locator("summary").inner_text() == (
        "+ A drug consumption room saves lives (1 support, 0 oppose)"
    )
    assert argument.locator("ul").is_hidden()
    argument.locator("summary").click()
    assert "It will save lives." in argument.inner_text()
    assert "+ supported by Nobody has died of an overdose in a consumption room" in (
        argument.inner_text()
    )
    page.locator(".board-for details.board-actors > summary").click()
    assert board.locator(".board-for .board-actors ul").is_hidden()
    # One count: the facts and the tooltip count the board's actors.
    # Stances on the proposal itself are headed as such, never "for, against".
    facts = page.inner_text("#panel .facts")
    assert facts.startswith("Stated positions\n2 for, 0 against\nAcceptance\n")
    assert "for, " not in facts.split("\n", 2)[2]
    page.evaluate("argmap.networks.argument.emit('hoverNode', {node: 'allow-room', event: {}})")
    assert page.inner_text("#tooltip").endswith(
        "\n2 for, 0 against (stated positions) \u00b7 click for details"
    )
    _no_errors(page)


def test_most_contested_list_opens_the_claim(page: Any, curated: Path) -> None:
    _open(page, curated)
    page.click("#contested summary")
    first = page.locator("#contested [data-select]").first
    name = first.inner_text()
    first.click()
    assert page.is_hidden("#contested > div")
    assert page.inner_text("#panel-title") == name


def test_focus_mode_keeps_n_steps_and_refits(page: Any, example: Path) -> None:
    _open(page, example, "#claim-room-saves-lives")
    scale = page.evaluate("argmap.networks.argument.getScale()")
    page.click("[data-focus='1']")
    assert _shown(page, "argument") == ["allow-room", "no-deaths", "room-saves-lives"]
    assert _hash(page) == "#view=argument&sel=room-saves-lives&focus=1"
    assert page.inner_text("#focus-text") == (
        "Focus: A drug consumption room saves lives and what is at most 1 step away."
    )
    assert page.evaluate("argmap.networks.argument.getScale()") != scale
    page.click("[data-focus='2']")
    assert len(_shown(page, "argument")) == 4
    page.reload()
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")
    assert len(_shown(page, "argument")) == 4  # restored from the address
    page.click("#focus-off")
    assert len(_shown(page, "argument")) == 4 and page.is_hidden("#focus-bar")


def test_the_article_filter_shows_only_what_the_article_contains(page: Any, example: Path) -> None:
    _open(page, example)
    page.click("#filters summary")
    page.select_option("#filter-source", "herald")
    # The Herald quotes the police chief on dealers, and nothing else: no proposal.
    assert _shown(page, "argument") == ["room-helps-dealers"]
    assert page.inner_text("#filter-status") == "Showing 1 of 4 nodes."
    page.select_option("#filter-source", "gazette")
    assert _shown(page, "argument") == ["allow-room", "no-deaths", "room-saves-lives"]
    assert _hash(page) == "#view=argument&src=gazette"


def test_escape_closes_popups_and_gives_focus_back(page: Any, example: Path) -> None:
    _open(page, example)
    page.click("#filters summary")
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('filters').open") is False
    assert page.evaluate("document.activeElement.closest('#filters') !== null")
    page.focus("#search")
    page.keyboard.type("jo")
    page.keyboard.press("Enter")
    assert page.is_visible("#panel")
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel")
    assert page.evaluate("document.activeElement.id") == "search"


def test_the_canvas_first_tab_stop_takes_keys(page: Any, example: Path) -> None:
    _open(page, example)
    page.focus("#tab-argument")
    page.keyboard.press("Tab")  # the Outline link
    page.keyboard.press("Tab")  # search
    page.keyboard.press("Tab")  # filters
    page.keyboard.press("Tab")  # most contested
    page.keyboard.press("Tab")  # export
    page.keyboard.press("Tab")  # reset
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "canvas-argument"
    scale = page.evaluate("argmap.networks.argument.getScale()")
    page.keyboard.press("+")
    assert page.evaluate("argmap.networks.argument.getScale()") > scale
    x = page.evaluate("argmap.networks.argument.getViewPosition().x")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("argmap.networks.argument.getViewPosition().x") > x
    page.keyboard.press("n")  # the top entry: the proposal
    assert page.inner_text("#panel-title") == "The town should allow a drug consumption room"
    assert page.evaluate("document.activeElement.id") == "canvas-argument"
    page.keyboard.press("n")
    assert page.evaluate("argmap.selected()") != "allow-room"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.vis-network')") is None


# ---- phone --------------------------------------------------------------------------


def test_the_phone_layout_fits_and_keeps_half_the_screen_for_the_map(
    phone: Any, curated: Path
) -> None:
    _open(phone, curated)
    for view in ("argument", "stances", "camps"):
        phone.click(f"#tab-{view}")
        box = phone.locator(f"#canvas-{view}").bounding_box()
        assert box["height"] >= 844 / 2, view
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, view
    for popup in ("filters", "contested", "export"):
        phone.click(f"#{popup} summary")
        inner = phone.locator(f"#{popup} > div").bounding_box()
        assert inner["x"] >= 0 and inner["x"] + inner["width"] <= 390, popup
        phone.keyboard.press("Escape")
    phone.click("#tab-argument")
    assert phone.evaluate("document.querySelector('#view-argument .legend').open") is False
    phone.click("#view-argument .legend summary")
    legend = phone.locator("#view-argument .legend").bounding_box()
    assert legend["x"] + legend["width"] <= 390
    # The panel is a sheet over the map: the map keeps its size, and the sheet closes.
    phone.evaluate("argmap.select('dcrs-uk', true)")
    sheet = phone.locator("#panel").bounding_box()
    canvas = phone.locator("#canvas-argument").bounding_box()
    assert canvas["height"] >= 844 / 2
    assert sheet["width"] == 390 and sheet["y"] > canvas["y"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # The selected entry is above the sheet, not under it.
    y = phone.evaluate(
        "argmap.networks.argument.canvasToDOM(argmap.networks.argument.getPositions(['dcrs-uk'])['dcrs-uk']).y"
    )
    assert canvas["y"] + y < sheet["y"]
    phone.click("#panel-close")
    assert phone.is_hidden("#panel")


def test_touch_taps_open_entries_and_the_canvas_takes_gestures(phone: Any, example: Path) -> None:
    _open(phone, example)
    assert (
        phone.evaluate(
            "getComputedStyle(document.querySelector('#canvas-argument canvas')).touchAction"
        )
        == "none"
    )
    # The phone opens on the map's top rows; bring the claim on screen before tapping it.
    point = phone.evaluate(
        """() => { const net = argmap.networks.argument;
        net.focus('room-saves-lives', {scale: 1, animation: false});
        const p = net.canvasToDOM(net.getPositions(['room-saves-lives'])['room-saves-lives']);
        const box = document.getElementById('canvas-argument').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }"""
    )
    phone.touchscreen.tap(*point)
    phone.wait_for_selector("#panel:not([hidden])")
    assert phone.inner_text("#panel-title") == "A drug consumption room saves lives"
    scale = phone.evaluate("argmap.networks.argument.getScale()")
    phone.click("#zoom-in")
    assert phone.evaluate("argmap.networks.argument.getScale()") > scale


def test_one_finger_pans_and_two_fingers_zoom(phone: Any, example: Path) -> None:
    _open(phone, example)
    cdp = phone.context.new_cdp_session(phone)
    # A point of the canvas with nothing under it (a finger on a node drags the node).
    x, y = phone.evaluate(
        """() => { const net = argmap.networks.argument;
        const box = document.getElementById('canvas-argument').getBoundingClientRect();
        for (let y = 20; y < box.height - 40; y += 20) for (let x = 20; x < box.width / 2; x += 20)
          if (net.getNodeAt({x, y}) === undefined && net.getEdgeAt({x, y}) === undefined)
            return [box.left + x, box.top + y];
        return null; }"""
    )

    def touch(kind: str, points: list[tuple[float, float]]) -> None:
        cdp.send(
            "Input.dispatchTouchEvent",
            {"type": kind, "touchPoints": [{"x": px, "y": py} for px, py in points]},
        )
        phone.wait_for_timeout(16)

    def view() -> tuple[float, float, float]:
        return tuple(
            phone.evaluate(
                "() => { const n = argmap.networks.argument, p = n.getViewPosition();"
                " return [p.x, p.y, n.getScale()]; }"
            )
        )

    before = view()
    touch("touchStart", [(x, y)])
    for i in range(1, 11):
        touch("touchMove", [(x + 10 * i, y + 5 * i)])
    touch("touchEnd", [])
    panned = view()
    assert panned[0] < before[0] and panned[1] < before[1] and panned[2] == before[2]
    touch("touchStart", [(x, y), (x + 40, y)])
    for i in range(1, 11):
        touch("touchMove", [(x - 4 * i, y), (x + 40 + 4 * i, y)])
    touch("touchEnd", [])
    assert view()[2] > panned[2]


# ---- print, export, report link -----------------------------------------------------


def test_print_has_the_map_picture_legend_and_outline(
    page: Any, curated: Path, tmp_path: Path
) -> None:
    if not shutil.which("pdfimages"):
        pytest.skip("poppler-utils is not installed (apt-get install poppler-utils)")
    _open(page, curated)
    page.wait_for_function(
        "() => document.getElementById('print-map') && document.getElementById('print-map').complete"
    )
    width = page.evaluate("argmap.networks.argument.canvas.frame.canvas.width")
    page.emulate_media(media="print")
    assert page.is_visible("#print-map")
    assert page.is_visible("#view-argument .legend")
    assert page.is_visible("#print-outline")
    assert page.is_hidden(".bar")
    pdf = tmp_path / "map.pdf"
    page.pdf(path=str(pdf), format="A4")
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    # The first page carries one picture the width of the drawing.
    first = [line.split() for line in images if line.split()[0] == "1"]
    assert [int(row[3]) for row in first if row[2] == "image"] == [width]
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Proposal (the question debated)" in text  # the legend
    assert "Actors by camp" in text  # the outline
    assert (
        int(
            subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
            .stdout.split("Pages:")[1]
            .split()[0]
        )
        > 1
    )


def test_downloads_png_and_svg_of_the_current_view(page: Any, example: Path) -> None:
    _open(page, example)
    page.click("#export summary")
    with page.expect_download() as png:
        page.click("#download-png")
    assert png.value.suggested_filename == "argmap-argument.png"
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.evaluate("argmap.showView('stances')")
    page.click("#export summary")
    with page.expect_download() as svg:
        page.click("#download-svg")
    assert svg.value.suggested_filename == "argmap-stances.svg"
    root = ET.fromstring(Path(svg.value.path()).read_bytes())
    ns = "{http://www.w3.org/2000/svg}"
    groups = root.findall(f"{ns}g")
    assert len(groups) == 6  # 3 actors and 3 claims
    texts = {"".join(t.itertext()) for t in root.iter(f"{ns}text")}
    assert {"Jo Green", "Sam Chief", "Green Party", "+"} <= texts
    assert len(root.findall(f"{ns}line")) == 4  # the 4 stance lines


def test_the_page_links_the_html_report(page: Any, example: Path) -> None:
    _open(page, example)
    assert page.get_attribute("#report-link", "href") == "report.html"
    assert page.evaluate("document.getElementById('report-link').href") == (
        (example / "report.html").as_uri()
    )
    page.click("#report-link")
    page.wait_for_url((example / "report.html").as_uri())
    assert page.inner_text("h1") == "Should the town allow a drug consumption room?"
