"""Issue 14 on the real page in headless chromium: the central proposal's panel counts
and lists exactly `analysis.sides`, stance lines are drawn by `stance_sides`, camps are
named in the filter, agreement lines and actors list what they share and oppose, and
undercuts end on the edge they undercut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.analysis import analyse
from argmap.load import loads
from argmap.pipeline import build
from tests.conftest import ROOT

from .helpers import SIDES_MAP as TEXT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("curated")
    build(ROOT / "arguments.yaml", out)
    return out


@pytest.fixture(scope="module")
def literal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("literal")
    (folder / "arguments.yaml").write_text(TEXT, encoding="utf-8")
    build(folder / "arguments.yaml", folder / "output")
    return folder / "output"


def _open(page: Any, site: Path, hash_: str = "") -> None:
    page.goto((site / "index.html").as_uri() + hash_)
    page.wait_for_function("() => window.argmapFirstDraw !== undefined")


def _no_errors(page: Any) -> None:
    assert page.log.errors == []
    assert [m for m in page.log.console if m[0] in ("error", "warning")] == []


def test_the_central_proposals_panel_lists_exactly_the_stated_sides(
    page: Any, curated: Path
) -> None:
    loaded = loads((ROOT / "arguments.yaml").read_text(encoding="utf-8"))
    analysis = analyse(loaded.map)
    question = analysis.question
    assert question is not None
    sides = analysis.sides[question]
    name = {a.id: a.name for a in loaded.map.actors}
    _open(page, curated)
    page.evaluate(f"argmap.select({question!r}, true)")
    board = page.locator(".board")
    # The open lists start with their first few (issue 18): show them all.
    for side in ("for", "against"):
        more = board.locator(f".board-{side} .board-actors > p.more button")
        while more.count():
            more.click()

    def names(side: str) -> list[str]:
        return board.locator(
            f".board-{side} .board-actors li > p:first-child > .ref"
        ).all_inner_texts()

    assert sorted(names("for")) == sorted(name[a] for a in sides.for_)
    assert sorted(names("against")) == sorted(name[a] for a in sides.against)
    assert len(sides.for_) > 0 and len(sides.against) > 0
    assert board.locator(".board-for h3").inner_text() == f"For ({len(sides.for_)})"
    assert board.locator(".board-against h3").inner_text() == f"Against ({len(sides.against)})"
    assert page.inner_text("#board-summary") == sides.summary()
    # Each listed actor comes with their own quote.
    assert board.locator(".board-for .board-actors li blockquote").count() == len(sides.for_)
    # Never "defeated": what stands against it, by name.
    panel = page.inner_text("#panel")
    assert "defeated" not in panel
    reasons = analysis.acceptance_reasons.get(question, ())
    words = page.inner_text("#acceptance-words")
    if analysis.acceptance[question] == "out":
        assert words.startswith(f"out: {len(reasons)} unanswered objection")
        claims = loaded.map.claims_by_id
        for reason in reasons:
            assert claims[reason].display in words
    strength = page.inner_text("#strength-words")
    assert strength.startswith(f"{analysis.strength[question]:.2f} of 1 (DF-QuAD)")
    # Inferred positions: folded away and marked.
    inferred = board.locator(".board-inferred")
    if inferred.count():
        assert inferred.locator("summary").inner_text().startswith("Inferred, not stated")
        assert inferred.locator("ul").is_hidden()
    # The tooltip counts the same actors.
    page.evaluate(
        f"argmap.networks.argument.emit('hoverNode', {{node: {question!r}, event: {{}}}})"
    )
    assert f"\n{sides.summary()} (stated positions)" in page.inner_text("#tooltip")
    _no_errors(page)


def _edge(page: Any, edge_id: str) -> list[Any]:
    return page.evaluate(
        f"(() => {{ const e = argmap.edges.stances.get({edge_id!r});"
        " return [e.color.color, e.dashes, e.label]; })()"
    )


def test_stance_lines_are_drawn_by_what_they_mean_for_the_proposal(
    page: Any, literal: Path
) -> None:
    _open(page, literal, "#stances")
    # Sam supports "illegal", which attacks the question: drawn as against, mark still +.
    assert _edge(page, "sam>illegal>supports") == ["#D55E00", [10, 6], "+"]
    # Jo opposes it: for the question, mark still −.
    assert _edge(page, "jo>illegal>opposes") == ["#0072B2", False, "\u2212"]
    assert _edge(page, "vic>uk>supports") == ["#0072B2", False, "+"]
    legend = page.inner_text("#sides-for")
    assert legend.startswith("Lines: what each stance means for \u201cAllow rooms\u201d")
    # Selecting the other proposal redraws every line for it: none bears on the town.
    page.evaluate("argmap.select('town', false)")
    assert _edge(page, "sam>illegal>supports") == ["#C8C8C8", [1, 7], "+"]
    assert _edge(page, "jo>saves>supports") == ["#C8C8C8", [1, 7], "+"]
    assert page.inner_text("#sides-for").startswith(
        "Lines: what each stance means for \u201cOpen a room in the town\u201d"
    )
    page.evaluate("argmap.clearSelection()")
    assert _edge(page, "sam>illegal>supports") == ["#D55E00", [10, 6], "+"]
    assert page.inner_text("#sides-for") == legend
    _no_errors(page)


def test_the_camp_filter_names_each_camp_and_the_unaligned(page: Any, literal: Path) -> None:
    _open(page, literal)
    labels = page.locator("input[name=camp]").evaluate_all(
        "boxes => boxes.map(b => b.parentElement.textContent.trim())"
    )
    assert labels == [
        "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors",
        "Camp 2: Against: Allow rooms \u00b7 mean -1.00 \u00b7 1 actor",
        "Unaligned \u00b7 1 actor",
    ]
    # Unticking "Unaligned" hides Ann from the camps map.
    page.click("#filters summary")
    page.locator("input[name=camp][value=none]").uncheck()
    page.evaluate("argmap.showView('camps', false)")
    shown = page.evaluate("argmap.nodes.camps.get().filter(n => !n.hidden).map(n => n.id).sort()")
    assert shown == ["jo", "sam", "vic"]
    _no_errors(page)


def test_agreement_lines_and_actors_list_what_they_share_and_oppose(
    page: Any, literal: Path
) -> None:
    _open(page, literal, "#camps")
    page.evaluate("argmap.selectEdge('camps', 'jo~vic')")
    body = page.inner_text("#panel-body")
    assert "Shared claims (1)" in body and "Opposed claims" not in body
    assert "Rooms save lives." in body and "They save lives." in body
    page.evaluate("argmap.selectEdge('camps', 'jo~sam')")
    body = page.inner_text("#panel-body")
    assert "Opposed claims (1)" in body and "Shared claims" not in body
    assert "Nothing stops a room." in body and "They are illegal." in body
    page.evaluate("argmap.select('jo', false)")
    assert page.inner_text("#actor-camp") == (
        "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors"
    )
    assert page.inner_text(".partners-agree").split("\n") == ["Agrees most with (1)", "Vic (+1.00)"]
    assert page.inner_text(".partners-conflict").split("\n") == [
        "Conflicts most with (1)",
        "Sam (\u22121.00)",
    ]
    page.evaluate("argmap.select('ann', false)")
    assert page.inner_text("#actor-camp").startswith("Unaligned: ")
    _no_errors(page)


def test_an_undercut_ends_on_the_drawn_middle_of_the_edge_it_undercuts(
    page: Any, literal: Path
) -> None:
    _open(page, literal, "#argument")
    at, middle, disabled = page.evaluate(
        """() => { const net = argmap.networks.argument;
        const p = net.getPositions(['cut:illegal/attacks/uk'])['cut:illegal/attacks/uk'];
        const m = net.body.edges['illegal/attacks/uk'].edgeType.getPoint(0.5);
        const e = argmap.edges.argument.get('illegal/attacks/uk');
        return [[p.x, p.y], [m.x, m.y], [e.color.color, e.label]]; }"""
    )
    assert at == pytest.approx(middle, abs=0.5)
    assert disabled == ["#C8C8C8", "\u2212 \u2298"]
    undercut = page.evaluate("argmap.edges.argument.get('change/undercuts/illegal/attacks/uk').to")
    assert undercut == "cut:illegal/attacks/uk"
    page.evaluate("argmap.selectEdge('argument', 'illegal/attacks/uk')")
    assert page.inner_text("#disabled-note") == (
        "\u2298 Disabled: undercut by The law can be changed (accepted), so this link no longer counts."
    )
    _no_errors(page)
