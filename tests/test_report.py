"""`argmap report`: the Markdown report and the terminal summary, exact output."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap.render.report
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
  +0.20  Max Mixed (mixed)
  -1.00  Sam Chief

Camps (frustration: none)
  1. Green Party, Jo Green, Max Mixed (mean +0.73)
  2. Sam Chief (mean -1.00)

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
    assert doctest.testmod(argmap.render.report).failed == 0


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
    assert report.endswith("but the first attacks the second.\n")
    sections = [line for line in report.splitlines() if line.startswith("## ")]
    assert sections == [
        "## Where each actor stands",
        "## Camps",
        "## Contested claims",
        "## Key claims",
        "## Which claims stand",
        "## Incoherent positions",
    ]
    assert "| Max Mixed | +0.20 | mixed, leaning for |" in report
    assert (
        "- opposes *A room saves lives*, which supports *Allow a room* (against, weight 0.5):"
        ' said "It will not save anyone." (The Herald, Police chief doubts drug room, undated)'
    ) in report
    assert (
        "- supports *Allow a room* (for, weight 1): reported, not quoted (The Gazette,"
        " [Council debates drug room](<https://example.org/gazette>), 2024-03-01)"
    ) in report
    assert "1. Green Party, Jo Green, Max Mixed (3 actors, mean score +0.73)" in report
    assert "| A room saves lives | 0.92 | Jo Green, Max Mixed | Sam Chief |" in report
    assert "| A room helps dealers | out | out |" in report


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
    # conflict: a tie, which goes to the split by position.
    assert "1. Green Party, Jo Green, Max Mixed (3 actors, mean score +0.51)" in report
    assert "Unaligned (no position and no stance shared with anyone): Lone Wolf." in report
    assert (
        "**Frustration**: 1 edge breaks the balance.\n\n"
        "- Green Party and Sam Chief agree but sit in different camps (+1.00)\n"
    ) in report


def test_user_text_cannot_become_markup() -> None:
    text = MAP.replace("title: Should the town", "title: <script>x</script> *Should* the town")
    text = text.replace("quote: It will save lives.", 'quote: "| [link](javascript:x) `code`"')
    report = report_md(text)
    assert report.startswith("# \\<script\\>x\\</script\\> \\*Should\\* the town")
    assert 'said "\\| \\[link\\](javascript:x) \\`code\\`"' in report
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


def test_a_position_lists_its_twenty_strongest_reasons() -> None:
    claims = "".join(f"  c{i:02d}:\n    text: Reason {i}\n" for i in range(25))
    stances = "".join(
        f"  - actor: jo\n    supports: c{i:02d}\n    source: s\n    quote: q{i}\n"
        for i in range(25)
    )
    relations = "".join(f"  - from: c{i:02d}\n    supports: p\n" for i in range(25))
    text = (
        "title: T\nsources:\n  s:\n    title: S\n    publisher: P\n    date: unknown\n"
        "actors:\n  jo:\n    name: Jo\n    kind: person\n"
        f"claims:\n  p:\n    kind: proposal\n    text: P\n{claims}"
        f"stances:\n{stances}relations:\n{relations}"
    )
    amap = loads(text).map
    report = render_markdown(amap, analyse(amap))
    assert report.count("- supports *Reason") == 20
    assert "- ... and 5 weaker reasons (`argmap export --format json` lists them all)" in report
