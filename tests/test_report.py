"""`argmap report`: the Markdown report and the terminal summary, exact output."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap.render.report
import argmap.text
from argmap.analysis import analyse
from argmap.cli import cli
from argmap.load import loads
from argmap.model import canonical
from argmap.render.report import md, render_markdown

from .helpers import REPORT_MAP as MAP
from .helpers import write_map as write

TEXT = """\
Should the town allow a drug consumption room?
4 actors, 3 claims (1 proposal), 7 stances, 3 relations and 2 sources

Allow a room
  +1.00  Green Party
  +1.00  Jo Green
   0.00  Max Mixed (mixed)
  -1.00  Sam Chief

Camps (frustration: none)
  1. For: Allow a room · mean +0.67 · 3 actors: Green Party, Jo Green, Max Mixed
  2. Against: Allow a room · mean -1.00 · 1 actor: Sam Chief

Most contested
  0.92  A room saves lives (2 for, 1 against)

Acceptance (grounded): 2 in, 1 out, 0 undecided
Incoherent: Max Mixed
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def report_md(text: str = MAP) -> str:
    # The command reports the map in canonical order, as every build does.
    amap = canonical(loads(text).map)
    return render_markdown(amap, analyse(amap))


def test_docstring_examples_run() -> None:
    # md_escape, the report's one Markdown escaping, lives in argmap.text.
    for module in (argmap.render.report, argmap.text):
        assert doctest.testmod(module).failed == 0


def test_text_summary(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["report", "--format", "text", write(tmp_path)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, TEXT, "")


def test_markdown_report_is_written_atomically_to_the_default_path(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["report"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "wrote output/report.md\n")
    written = (tmp_path / "output" / "report.md").read_text(encoding="utf-8")
    assert written == report_md()
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["report.md"]


def test_markdown_to_stdout_and_text_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path)
    result = runner.invoke(cli, ["report", "-o", "-", path])
    assert (result.exit_code, result.stdout) == (0, report_md().replace("arguments.yaml", path, 1))
    out = tmp_path / "summary.txt"
    result = runner.invoke(cli, ["report", "--format", "text", "-o", str(out), path])
    assert (result.exit_code, out.read_text(encoding="utf-8")) == (0, TEXT)


def test_markdown_sections_with_quotes_and_sources() -> None:
    report = report_md()
    assert report.startswith("# Should the town allow a drug consumption room?\n")
    assert report.endswith(
        "## Sources\n\n"
        "1. The Gazette, [Council debates drug room](<https://example.org/gazette>), 2024-03-01\n"
        "2. The Herald, Police chief doubts drug room, undated\n"
    )
    sections = [line for line in report.splitlines() if line.startswith("## ")]
    assert sections == [
        "## Summary",
        "## Where each actor stands",
        "## Camps",
        "## Contested claims",
        "## Key claims",
        "## Which claims stand",
        "## Incoherent positions",
        "## Actors",
        "## Sources",
    ]
    assert "| Max Mixed |  0.00 | mixed, evenly balanced | 1 |" in report
    assert (
        "### Sam Chief\n\n"
        "police; camp 2. **Positions**: Allow a room: against, -1.00.\n\n"
        '- "It will not save anyone." (The Herald, source 2): opposes *A room saves lives*\n'
        '- "It would help dealers." (The Herald, source 2): supports *A room helps dealers*\n\n'
        "<details><summary>Why these scores: 2 reasons</summary>\n\n"
        "- On *Allow a room*:\n"
    ) in report
    assert "- reported, not quoted (The Gazette, source 1): supports *Allow a room*\n" in report
    assert (
        "  - opposes *A room saves lives*, which supports *Allow a room* (against, weight 0.5)\n"
    ) in report
    assert (
        "1. For: Allow a room · mean +0.67 · 3 actors: Green Party, Jo Green, Max Mixed" in report
    )
    assert "| A room saves lives | 0.92 | Jo Green, Max Mixed | Sam Chief |" in report
    assert "| A room helps dealers | out | out |" in report


def test_the_summary_comes_first_with_one_quote_per_actor() -> None:
    report = report_md()
    summary = report[report.index("## Summary") : report.index("## Where each actor stands")]
    assert summary == (
        "## Summary\n\n"
        "**The question: Allow a room**\n\n"
        "> The town should allow a drug consumption room\n\n"
        "2 for · 1 against · 1 mixed\n\n"
        "**For** (2):\n\n"
        "- **Green Party** (for, +1.00): reported, not quoted (The Gazette, source 1)\n"
        '- **Jo Green** (for, +1.00): "We should open a room this year."\n\n'
        "**Against** (1):\n\n"
        '- **Sam Chief** (against, -1.00): "It will not save anyone."\n\n'
        "**Mixed** (1):\n\n"
        '- **Max Mixed** (mixed, evenly balanced,  0.00): "Lives would be saved."\n\n'
        "**Camps**:\n\n"
        "1. For: Allow a room · mean +0.67 · 3 actors: Green Party, Jo Green, Max Mixed\n"
        "2. Against: Allow a room · mean -1.00 · 1 actor: Sam Chief\n\n"
        "**Most contested**:\n\n"
        "- A room saves lives: 2 for (Jo Green, Max Mixed), 1 against (Sam Chief)\n\n"
        "**What the map's acceptance says**: The map holds 1 claim for it (1 standing) and"
        " 1 claim against it (0 standing). Grounded acceptance: in, since every claim against"
        " it is answered in the map. This weighs only the arguments in the map, not whether a"
        " claim is true. Across the map: 2 claims in, 1 out, 0 undecided.\n\n"
    )


def test_an_unanswered_objection_is_named_and_the_proposal_never_called_defeated() -> None:
    # Without "saves attacks dealers", the objection stands: the proposal is out.
    report = report_md(MAP.replace("  - from: saves\n    attacks: dealers\n", ""))
    assert (
        "Grounded acceptance: out, since an objection to it stands unanswered in the map:"
        " *A room helps dealers*."
    ) in report
    assert "defeat" not in report.lower()


def test_each_quote_appears_once_in_the_details() -> None:
    # Two actors quoted with the same words (a co-signed letter): the second refers back.
    text = MAP.replace(
        "relations:",
        "  - actor: greens\n    supports: saves\n    source: gazette\n"
        "    quote: It will save lives.\n\nrelations:",
    )
    report = report_md(text)
    details = report[report.index("## Actors") :]
    assert details.count('"It will save lives."') == 1
    assert "- the same words as Green Party (The Gazette, source 1): supports" in details


def test_frustration_and_unaligned_actors_are_reported() -> None:
    # Greens agree with Jo (allow) and with Sam (dealers), but Jo and Sam conflict
    # (saves): an unbalanced triangle, so one edge is frustrated whatever the split.
    text = MAP.replace(
        "relations:",
        """  - actor: greens
    supports: dealers
    source: gazette
    reported: true

relations:""",
    ).replace("  max:\n", "  lone:\n    name: Lone Wolf\n    kind: person\n  max:\n")
    report = report_md(text)
    # Splitting Sam off costs the Greens-Sam agreement; keeping Sam costs the Jo-Sam
    # conflict: a tie, which goes to the split by position. The Greens' gazette stance on
    # dealers reaches the proposal only through the herald's relation: inferred.
    assert (
        "1. For: Allow a room · mean +0.67 · 3 actors: Green Party, Jo Green, Max Mixed" in report
    )
    assert "Unaligned (no position and no stance shared with anyone): Lone Wolf." in report
    assert (
        "**Frustration**: 1 edge breaks the balance.\n\n"
        "- Green Party and Sam Chief agree but sit in different camps (+1.00)\n"
    ) in report


def test_user_text_cannot_become_markup() -> None:
    text = MAP.replace("title: Should the town", "title: <script>x</script> *Should* the town")
    text = text.replace(
        "quote: We should open a room this year.", 'quote: "| [link](javascript:x) `code`"'
    )
    report = report_md(text)
    assert report.startswith("# \\<script\\>x\\</script\\> \\*Should\\* the town")
    assert '- "\\| \\[link\\](javascript:x) \\`code\\`" (The Gazette, source 1)' in report
    assert "<script>" not in report
    assert md("1) one") == "1\\) one"


def test_invalid_map_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        MAP.replace(
            "supports: allow\n    source: gazette\n    quote: We",
            "supports: alow\n    source: gazette\n    quote: We",
        ),
    )
    result = runner.invoke(cli, ["report", "--format", "text", path])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {path}:")
    assert "unknown claim 'alow'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_missing_file_and_unwritable_output(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["report", str(tmp_path / "nope.yaml")])
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {tmp_path}/nope.yaml: error: no such file [read-error]\n",
    )
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = runner.invoke(cli, ["report", "-o", str(blocker / "r.md"), write(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot write {blocker}/r.md: ")


def test_the_same_reason_from_two_stances_is_listed_once() -> None:
    text = MAP.replace(
        "relations:",
        "  - actor: sam\n    opposes: saves\n    source: herald\n    quote: Not one life.\n\n"
        "relations:",
    )
    report = report_md(text)
    sam = report[report.index("### Sam Chief") : report.index("## Sources")]
    assert '- "Not one life." (The Herald, source 2): opposes *A room saves lives*\n' in sam
    assert sam.count("opposes *A room saves lives*, which supports *Allow a room*") == 1


def test_a_position_lists_its_twenty_strongest_reasons() -> None:
    claims = "".join(f"  c{i:02d}:\n    text: Reason {i}\n" for i in range(25))
    stances = "".join(
        f"  - actor: jo\n    supports: c{i:02d}\n    source: s\n    quote: q{i}\n"
        for i in range(25)
    )
    relations = "".join(f"  - from: c{i:02d}\n    supports: p\n    source: s\n" for i in range(25))
    text = (
        "title: T\nsources:\n  s:\n    title: S\n    publisher: P\n    date: unknown\n"
        "actors:\n  jo:\n    name: Jo\n    kind: person\n"
        f"claims:\n  p:\n    kind: proposal\n    text: P\n{claims}"
        f"stances:\n{stances}relations:\n{relations}"
    )
    amap = loads(text).map
    report = render_markdown(amap, analyse(amap))
    assert report.count("  - supports *Reason") == 20
    assert "  - ... and 5 weaker reasons (`argmap export --format json` lists them all)" in report


def test_inferred_positions_are_held_back_marked_and_collapsed() -> None:
    from dataclasses import replace

    from argmap.render.report import render_html

    amap = canonical(loads(MAP).map)
    full = analyse(amap)
    # Max's position, taken as inferred: the report must hold it back.
    stated = {a: p for a, p in full.positions.items() if a != "max"}
    split = replace(full, positions=stated, inferred_positions={"max": full.positions["max"]})
    report = render_markdown(amap, split)
    summary = report[: report.index("## Where each actor stands")]
    # A voice in the summary is a bold name; Max is only in the camps and contested lists.
    assert "**Max Mixed**" not in summary and "**Jo Green**" in summary
    assert (
        "1 inferred position on it, reached only through other sources' relations, is not"
        " counted here (see *Inferred positions* at the end)."
    ) in summary
    inferred = report[report.index("## Inferred positions") :]
    assert inferred.startswith(
        "## Inferred positions\n\n<details><summary>Positions reached only through other"
        " sources' relations: not stated by the actor's own source, and not counted above"
        "</summary>\n\n### Allow a room (inferred)\n\n"
        "| Actor | Score | Stand |\n| --- | ---: | --- |\n"
        "| Max Mixed |  0.00 | inferred: mixed, evenly balanced |\n\n- Max Mixed:\n"
    )
    assert inferred.endswith("\n\n</details>\n")
    page = render_html(amap, split)
    assert '<section aria-labelledby="inferred-title" id="inferred">' in page
    assert "<td>inferred: mixed, evenly balanced</td>" in page
    assert (
        "1 inferred position on it, reached only through other sources' relations, is not" in page
    )


def test_an_inferred_position_shows_the_chain_of_sources_behind_it() -> None:
    # Kim's gazette stance reaches the proposal only through the herald's relation.
    text = MAP.replace("  max:\n", "  kim:\n    name: Kim Doe\n    kind: person\n  max:\n").replace(
        "relations:",
        "  - actor: kim\n    supports: saves\n    source: gazette\n    quote: Saves lives.\n\n"
        "relations:",
    )
    report = report_md(text)
    summary = report[: report.index("## Where each actor stands")]
    assert "**Kim Doe**" not in summary
    inferred = report[report.index("## Inferred positions") :]
    assert "| Kim Doe | +1.00 | inferred: for |\n" in inferred
    assert (
        "- Kim Doe:\n"
        "  - supports *A room saves lives* (source 1), which supports *Allow a room*"
        " (per source 2) (for, weight 0.5)\n"
    ) in inferred
