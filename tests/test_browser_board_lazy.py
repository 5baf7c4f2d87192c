"""A proposal's pro/con board builds what it shows, and the rest when the reader asks.

On a big map a proposal's panel held 3,000 elements, most of its click's time laid out
below the fold (issue 18, sixth pass). So argmap.js builds a board's closed lists (mixed,
neutral, inferred; each argument) the first time they open, by mouse, keyboard or
script, and starts the board's open lists, and the proposal's own stance lists, at
FIRST_ITEMS (10) when they hold more than the usual 50, with a button that shows the rest
of the 50, then all (a list of 50 or fewer is shown whole, as before). Nothing a
reader could reach before is lost: these tests check that every list, opened and shown
in full, holds exactly its entries in the board's order, and that the counts are as
before. Speed itself is measured in bench/clicks.py, never here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.pipeline import build

pytestmark = pytest.mark.browser

# 50 against: exactly the most a list shows whole.
FOR, AGAINST, NEUTRAL, INFERRED, REASONS, UNRELATED = 60, 50, 3, 55, 55, 55


def _board_map() -> str:
    """A proposal with 60 for, 50 against, 1 mixed, 3 neutral and 55 inferred actors, and
    55 arguments for it and one against."""
    lines = [
        "title: A big board",
        "sources:",
        "  paper: {title: The paper, publisher: The Press, date: 2024-01-01}",
        "  other: {title: The other paper, publisher: The Press, date: 2024-02-01}",
        "actors:",
    ]
    lines += [f"  f{i:02d}: {{name: For {i:02d}, kind: person}}" for i in range(FOR)]
    lines += [f"  a{i:02d}: {{name: Against {i:02d}, kind: person}}" for i in range(AGAINST)]
    lines += [f"  n{i}: {{name: Neutral {i}, kind: person}}" for i in range(NEUTRAL)]
    lines += ["  m0: {name: Mixed 0, kind: person}"]
    lines += [f"  i{i:02d}: {{name: Inferred {i:02d}, kind: person}}" for i in range(INFERRED)]
    lines += ["claims:", "  p: {kind: proposal, text: The town should do it}"]
    lines += [f"  r{i:02d}: {{text: Reason {i:02d}}}" for i in range(REASONS)]
    lines += ["  x0: {text: Objection 0}", "  z0: {text: Unrelated 0}", "stances:"]
    lines += [
        f"  - {{actor: f{i:02d}, supports: p, source: paper, quote: For {i:02d}.}}"
        for i in range(FOR)
    ]
    lines += [
        f"  - {{actor: a{i:02d}, opposes: p, source: paper, quote: Against {i:02d}.}}"
        for i in range(AGAINST)
    ]
    lines += [
        f"  - {{actor: n{i}, neutral: p, source: paper, quote: Neutral {i}.}}"
        for i in range(NEUTRAL)
    ]
    lines += [
        "  - {actor: m0, supports: r00, source: paper, quote: Mixed for.}",
        "  - {actor: m0, supports: x0, source: paper, quote: Mixed against.}",
    ]
    # A claim without a board, held by more than FIRST_ITEMS (it bears on no proposal).
    lines += [
        f"  - {{actor: f{i:02d}, supports: z0, source: paper, quote: Unrelated {i:02d}.}}"
        for i in range(UNRELATED)
    ]
    # Another source's stance on a reason the paper relates to p: inferred, not stated.
    lines += [
        f"  - {{actor: i{i:02d}, supports: r{i:02d}, source: other, quote: Inferred {i:02d}.}}"
        for i in range(INFERRED)
    ]
    lines += ["relations:"]
    lines += [f"  - {{from: r{i:02d}, supports: p, source: paper}}" for i in range(REASONS)]
    lines += ["  - {from: x0, attacks: p, source: paper}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def board_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("board")
    (folder / "arguments.yaml").write_text(_board_map(), encoding="utf-8")
    build(folder / "arguments.yaml", folder / "output")
    return folder / "output" / "index.html"


def _open(page: Any, index: Path, address: str = "#argument") -> None:
    page.goto(f"{index.as_uri()}{address}")
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")


def _board(page: Any, index: Path) -> Any:
    _open(page, index)
    page.evaluate("argmap.select('p')")
    return page.locator("#panel-body .board")


def _names(items: Any) -> list[str]:
    """Each board entry's first line: the actor's name (and score), or an argument's summary."""
    return [t.split("\n")[0] for t in items.all_inner_texts()]


def _actors(prefix: str, count: int, score: str) -> list[str]:
    return [f"{prefix} {i:02d} {score}" for i in range(count)]


def _closed_lists(board: Any) -> dict[str, Any]:
    # In page order (each is a "board-mixed board-<part>", the mixed part's too).
    closed = board.locator(":scope > details.board-mixed")
    return {k: closed.nth(i) for i, k in enumerate(("mixed", "neutral", "inferred"))}


# ---- the counts ---------------------------------------------------------------------------


def test_the_headings_count_every_entry_whatever_is_built(page: Any, board_site: Path) -> None:
    board = _board(page, board_site)
    assert board.locator(".board-for h3").inner_text() == f"For ({FOR})"
    assert board.locator(".board-against h3").inner_text() == f"Against ({AGAINST})"
    summaries = board.locator(".board-cols details > summary:not(.argument summary)")
    assert summaries.all_inner_texts() == [
        f"{FOR} actors",
        f"{REASONS} arguments",
        f"{AGAINST} actors",
        "1 argument",
    ]
    assert [d.locator("summary").inner_text() for d in _closed_lists(board).values()] == [
        "Mixed: arguments on both sides (1)",
        f"Neutral ({NEUTRAL})",
        f"Inferred, not stated: only through other sources\u2019 relations ({INFERRED})",
    ]
    assert page.inner_text("#board-summary") == "60 for, 50 against, 1 mixed, 3 neutral"
    assert page.log.errors == []


# ---- the open lists: a first batch, then the usual 50, then all ---------------------------


def test_an_open_list_starts_at_ten_and_its_button_shows_forty_more_then_all(
    page: Any, board_site: Path
) -> None:
    board = _board(page, board_site)
    actors = board.locator(".board-for details.board-actors")
    items = actors.locator(":scope > ul > li")
    note = actors.locator(":scope > p.more")
    assert _names(items) == _actors("For", 10, "+1.00")
    assert note.text_content() == "Showing the first 10 of 60. Show 40 more"
    # Each with its own quote.
    assert items.locator("blockquote").all_text_contents() == [f"For {i:02d}." for i in range(10)]
    note.get_by_role("button").click()
    assert _names(items) == _actors("For", 50, "+1.00")
    assert note.text_content() == "Showing the first 50 of 60. Show all 60"
    # The button stayed: the keyboard is still on it.
    assert page.evaluate("document.activeElement.textContent") == "Show all 60"
    note.get_by_role("button").click()
    assert _names(items) == _actors("For", 60, "+1.00")
    assert note.count() == 0
    assert items.locator("blockquote").all_text_contents() == [f"For {i:02d}." for i in range(60)]
    assert page.log.errors == []


def test_a_list_of_eleven_to_fifty_is_shown_whole(page: Any, board_site: Path) -> None:
    # Only a list longer than PANEL_ITEMS starts at FIRST_ITEMS: a curated map's proposal
    # shows its 19 supporters at once.
    board = _board(page, board_site)
    actors = board.locator(".board-against details.board-actors")
    items = actors.locator(":scope > ul > li")
    assert _names(items) == _actors("Against", AGAINST, "\u22121.00")
    assert actors.locator(":scope > p.more").count() == 0
    assert page.log.errors == []


def test_the_arguments_start_at_ten_too(page: Any, board_site: Path) -> None:
    board = _board(page, board_site)
    args = board.locator(".board-for details.board-args")
    summaries = args.locator(":scope > ul > li > details > summary")
    expected = [f"+ Reason {i:02d} (" for i in range(REASONS)]
    assert [s[: len(expected[0])] for s in summaries.all_inner_texts()] == expected[:10]
    args.get_by_role("button", name="Show 40 more").click()
    assert [s[: len(expected[0])] for s in summaries.all_inner_texts()] == expected[:50]
    args.get_by_role("button", name=f"Show all {REASONS}").click()
    assert [s[: len(expected[0])] for s in summaries.all_inner_texts()] == expected


def test_the_proposals_own_stance_lists_start_at_ten(page: Any, board_site: Path) -> None:
    _board(page, board_site)
    section = page.locator(
        "#panel-body > section",
        has=page.locator("h3", has_text="Stances on the proposal itself: supports (60)"),
    )
    quotes = section.locator("li.stance blockquote")
    assert quotes.all_text_contents() == [f"For {i:02d}." for i in range(10)]
    section.get_by_role("button", name="Show 40 more").click()
    assert quotes.all_text_contents() == [f"For {i:02d}." for i in range(50)]
    section.get_by_role("button", name="Show all 60").click()
    assert quotes.all_text_contents() == [f"For {i:02d}." for i in range(60)]


def test_a_claims_lists_without_a_board_still_start_at_fifty(page: Any, board_site: Path) -> None:
    # Only a proposal's panel starts short: an entry without a board is as before.
    _open(page, board_site)
    page.evaluate("argmap.select('z0')")
    section = page.locator(
        "#panel-body > section", has=page.locator("h3", has_text=f"Supporters ({UNRELATED})")
    )
    # Longer than 50, so a proposal's list would start at 10: this one starts at 50.
    assert section.locator("li.stance blockquote").all_text_contents() == [
        f"Unrelated {i:02d}." for i in range(50)
    ]
    assert section.locator("p.more").text_content() == "Showing the first 50 of 55. Show all 55"


# ---- the closed lists: built when first opened ------------------------------------------------


def test_a_closed_list_holds_nothing_until_it_opens(page: Any, board_site: Path) -> None:
    board = _board(page, board_site)
    for details in _closed_lists(board).values():
        assert details.evaluate("d => [d.open, d.children.length, d.children[0].tagName]") == [
            False,
            1,
            "SUMMARY",
        ]
    # Nor does a closed argument.
    assert board.locator("details.argument > :not(summary)").count() == 0


def test_opened_each_closed_list_holds_its_own_entries_in_order(
    page: Any, board_site: Path
) -> None:
    board = _board(page, board_site)
    lists = _closed_lists(board)
    lists["neutral"].locator("summary").click()
    assert lists["neutral"].locator("li").all_inner_texts() == [
        f"Neutral {i} 0.00\n\nNeutral {i}." for i in range(NEUTRAL)
    ]
    # The others stay empty: a list opens its own entries only.
    assert lists["mixed"].locator("li").count() == 0
    assert lists["inferred"].locator("li").count() == 0
    lists["mixed"].locator("summary").click()
    assert lists["mixed"].locator("li").all_inner_texts() == [
        "Mixed 0 0.00\n\nMixed for.\n\n+ supports Reason 00"
    ]
    inferred = lists["inferred"]
    inferred.locator("summary").click()
    items = inferred.locator(":scope > ul > li")
    # A closed list opens as it did when it was built eagerly: its first 50, then all.
    assert _names(items) == _actors("Inferred", 50, "+1.00")
    assert items.first.inner_text() == (
        "Inferred 00 +1.00\n\nInferred 00.\n\n+ supports Reason 00\n\n"
        "Inferred through: Reason 00 \u2192 The town should do it\n\n"
        "Sources: The other paper; The paper"
    )
    assert inferred.locator(":scope > p.more").text_content() == (
        "Showing the first 50 of 55. Show all 55"
    )
    inferred.get_by_role("button", name="Show all 55").click()
    assert _names(items) == _actors("Inferred", INFERRED, "+1.00")
    assert page.log.errors == []


def test_closing_and_opening_again_builds_nothing_twice(page: Any, board_site: Path) -> None:
    board = _board(page, board_site)
    neutral = _closed_lists(board)["neutral"]
    argument = board.locator(".board-for details.argument").first
    for _ in range(3):
        neutral.locator("summary").click()
        argument.locator("summary").click()
    assert neutral.evaluate("d => d.open") is True
    assert neutral.locator("li").count() == NEUTRAL
    assert neutral.locator("ul").count() == 1
    assert argument.locator(":scope > p").count() == 1
    assert argument.locator("li.stance").count() == 2
    neutral.locator("summary").click()
    assert neutral.locator("ul").is_hidden()


def test_a_list_opened_from_the_keyboard_is_filled(page: Any, board_site: Path) -> None:
    board = _board(page, board_site)
    lists = _closed_lists(board)
    lists["neutral"].locator("summary").focus()
    page.keyboard.press("Enter")
    assert lists["neutral"].evaluate("d => d.open") is True
    assert lists["neutral"].locator("li").count() == NEUTRAL
    lists["mixed"].locator("summary").focus()
    page.keyboard.press(" ")
    assert lists["mixed"].locator("li").count() == 1
    argument = board.locator(".board-for details.argument").first
    argument.locator("summary").focus()
    page.keyboard.press("Enter")
    assert argument.locator("li.stance blockquote").all_text_contents() == [
        "Inferred 00.",
        "Mixed for.",
    ]


def test_a_list_opened_by_a_script_is_filled(page: Any, board_site: Path) -> None:
    # No click: the `open` attribute set (as a browser's find in page may do).
    board = _board(page, board_site)
    inferred = _closed_lists(board)["inferred"]
    inferred.evaluate("d => { d.open = true; }")
    inferred.locator("li").first.wait_for()
    assert inferred.locator(":scope > ul > li").count() == 50


# ---- the ways in to a proposal ----------------------------------------------------------------


def test_an_address_and_a_search_land_on_the_board(page: Any, board_site: Path) -> None:
    _open(page, board_site, "#claim-p")
    board = page.locator("#panel-body .board")
    assert page.inner_text("#panel-title") == "The town should do it"
    assert board.locator(".board-for .board-actors > ul > li").count() == 10
    page.keyboard.press("Escape")
    page.focus("#search")
    page.keyboard.type("town should")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.inner_text("#panel-title") == "The town should do it"
    assert _names(board.locator(".board-for .board-actors > ul > li")) == _actors(
        "For", 10, "+1.00"
    )
    assert page.log.errors == []
