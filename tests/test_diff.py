"""`argmap diff`: entries, positions and camps that changed, as text and Markdown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis import Analysis, PositionScore
from argmap.cli import cli
from argmap.diff import (
    CampMove,
    Change,
    MapDiff,
    Move,
    diff_analyses,
    diff_maps,
    render_markdown,
    render_text,
)
from argmap.load import loads

from .helpers import COMMENTED_MAP as MAP


def changes(old: str, new: str) -> list[tuple[str, str, str, tuple[tuple[str, str, str], ...]]]:
    return [
        (c.section, c.id, c.status, c.fields) for c in diff_maps(loads(old).map, loads(new).map)
    ]


def test_no_change() -> None:
    assert changes(MAP, MAP.replace("# the end\n", "")) == []


def test_added_removed_and_changed_entries() -> None:
    new = (
        MAP.replace("    name: Sam\n", "    name: Sam Chief\n    role: chief constable\n")
        .replace(
            "  saves:\n    text: It saves lives\n",
            "  saves:\n    text: It saves lives\n  cost:\n    text: It costs\n",
        )
        .replace("    quote: No.\n", "    quote: No, never.\n")
        .replace("  - from: saves\n    supports: allow\n", "  - from: cost\n    attacks: allow\n")
    )
    assert changes(MAP, new) == [
        (
            "actors",
            "sam",
            "changed",
            (("name", "Sam", "Sam Chief"), ("role", "(none)", "chief constable")),
        ),
        ("claims", "cost", "added", ()),
        ("stances", "sam/opposes/saves", "changed", (("quote", "No.", "No, never."),)),
        ("relations", "saves/supports/allow", "removed", ()),
        ("relations", "cost/attacks/allow", "added", ()),
    ]


def test_a_stance_whose_derived_id_grew_is_not_a_change() -> None:
    # A second stance by jo on 'allow' renames the first to jo/supports/allow/gazette.
    new = MAP.replace(
        "  # The Herald\n",
        "  - actor: jo\n    supports: allow\n    source: herald\n    quote: Still yes.\n  # The Herald\n",
    )
    assert changes(MAP, new) == [("stances", "jo/supports/allow/herald", "added", ())]


def test_a_flipped_stance_is_removed_and_added() -> None:
    new = MAP.replace("    opposes: saves\n", "    supports: saves\n")
    assert changes(MAP, new) == [
        ("stances", "sam/opposes/saves", "removed", ()),
        ("stances", "sam/supports/saves", "added", ()),
    ]


def analysis(
    positions: dict[str, dict[str, float]], camps: tuple[tuple[str, ...], ...]
) -> Analysis:
    return Analysis(
        positions={
            actor: {
                p: PositionScore(score, score not in (1.0, -1.0), ()) for p, score in by.items()
            }
            for actor, by in positions.items()
        },
        agreement=(),
        camps=camps,
        frustration=(),
        contested=(),
        centrality={},
        acceptance={},
        bipolar_acceptance={},
        incoherent=(),
    )


def test_positions_and_camps_that_moved() -> None:
    old = analysis(
        {"ann": {"p": 1.0}, "bob": {"p": -1.0}, "cat": {"p": -1.0}},
        (("ann", "dan"), ("bob", "cat")),
    )
    new = analysis(
        {"ann": {"p": 1.0}, "bob": {"p": 0.5, "q": 1.0}, "eve": {"p": 1.0}},
        (("ann", "bob", "dan", "eve"), ("cat",)),
    )
    moves, camps = diff_analyses(old, new)
    assert moves == (
        Move("bob", "p", -1.0, 0.5, False, True),
        Move("bob", "q", None, 1.0, False, False),
        Move("cat", "p", -1.0, None, False, False),
        Move("eve", "p", None, 1.0, False, False),
    )
    # {ann, dan} grew into the first camp; bob left {bob, cat}, which cat keeps.
    assert camps == (CampMove("bob", ("bob", "cat"), ("ann", "bob", "dan", "eve")),)


DIFF = MapDiff(
    changes=(
        Change("actors", "amy", "added", "Amy (person)"),
        Change(
            "stances",
            "sam/opposes/saves",
            "changed",
            'in herald: "No, never."',
            (("quote", "No.", "No, never."),),
        ),
    ),
    positions=(Move("sam", "allow", -1.0, -0.5, False, True),),
    camps=(CampMove("sam", ("jo", "sam"), ("amy", "sam")),),
)


def test_render_text() -> None:
    assert render_text(DIFF, "HEAD:arguments.yaml", "arguments.yaml") == (
        "HEAD:arguments.yaml -> arguments.yaml\n"
        "1 actor added, 1 stance changed, 1 position moved, 1 actor changed camp\n"
        "\n"
        "Actors:\n"
        "  + amy  Amy (person)\n"
        "\n"
        "Stances:\n"
        '  ~ sam/opposes/saves  in herald: "No, never."\n'
        "      quote: No. -> No, never.\n"
        "\n"
        "Positions:\n"
        "  sam on allow: -1.00 -> -0.50 (mixed)\n"
        "\n"
        "Camps:\n"
        "  sam: was with [jo, sam], now with [amy, sam]\n"
    )


def test_render_markdown() -> None:
    assert render_markdown(DIFF, "HEAD:arguments.yaml", "arguments.yaml") == (
        "### Debate changes: `HEAD:arguments.yaml` → `arguments.yaml`\n"
        "\n"
        "1 actor added, 1 stance changed, 1 position moved, 1 actor changed camp\n"
        "\n"
        "#### Actors\n"
        "\n"
        "- **added** `amy`: Amy (person)\n"
        "\n"
        "#### Stances\n"
        "\n"
        '- **changed** `sam/opposes/saves`: in herald: "No, never."\n'
        "  - quote: No. → No, never.\n"
        "\n"
        "#### Positions\n"
        "\n"
        "| actor | proposal | before | after |\n"
        "| --- | --- | --- | --- |\n"
        "| `sam` | `allow` | -1.00 | -0.50 (mixed) |\n"
        "\n"
        "#### Camps\n"
        "\n"
        "- `sam`: was with jo, sam; now with amy, sam\n"
    )


def test_markdown_escapes_what_a_quote_could_inject() -> None:
    hostile = MapDiff(
        (Change("stances", "a/supports/b", "added", "<img src=x> [link](http://x) *b* | `c`"),)
    )
    line = render_markdown(hostile, "a", "b").splitlines()[-1]
    assert line == (r"- **added** `a/supports/b`: \<img src=x\> \[link\](http://x) \*b\* \| \`c\`")


def test_markdown_mentions_no_one_and_keeps_a_quote_on_its_line() -> None:
    # The report's one Markdown escaping (a line break is a space, `#` and `&` escaped),
    # plus a zero-width space after `@` so a pull-request comment notifies no team.
    hostile = MapDiff((Change("stances", "a/supports/b", "added", "@team said:\n# yes & no"),))
    line = render_markdown(hostile, "a", "b").splitlines()[-1]
    assert line == r"- **added** `a/supports/b`: @&#8203;team said: \# yes \& no"


# --------------------------------------------------------------------------- the CLI


def test_cli_two_files(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(MAP, encoding="utf-8")
    new.write_text(MAP.replace("    name: Sam\n", "    name: Samuel\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0
    assert result.output == (
        f"{old} -> {new}\n1 actor changed\n\nActors:\n  ~ sam  Samuel (person)\n"
        "      name: Sam -> Samuel\n"
    )


def test_cli_analysis_skipped_for_a_map_with_errors(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(MAP, encoding="utf-8")
    new.write_text(
        MAP.replace(
            "    supports: allow\n    source: gazette", "    supports: alow\n    source: gazette"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0
    assert result.output.endswith(
        f"Positions and camps not compared: {new} has errors (see argmap check)\n"
    )


def test_cli_unreadable_input_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {tmp_path / 'a.yaml'}: error: no such file [read-error]\n",
    )


def test_cli_usage() -> None:
    result = CliRunner().invoke(cli, ["diff", "only-one.yaml"])
    assert result.exit_code == 2
    assert result.output.endswith("Error: give OLD and NEW, or --git REV [FILE]\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_cli_against_a_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    path = tmp_path / "arguments.yaml"
    path.write_text(MAP, encoding="utf-8")
    git("init", "-q")
    git("add", "arguments.yaml")
    git("commit", "-qm", "map")
    path.write_text(MAP.replace("    quote: No.\n", "    quote: No, never.\n"), encoding="utf-8")
    expected = (
        "1 stance changed\n\nStances:\n"
        '  ~ sam/opposes/saves  in herald: "No, never."\n      quote: No. -> No, never.\n'
    )
    result = CliRunner().invoke(cli, ["diff", "--git", "HEAD", str(path)])
    assert (result.exit_code, result.output) == (0, f"HEAD:{path} -> {path}\n" + expected)
    monkeypatch.chdir(tmp_path)
    spec = CliRunner().invoke(cli, ["diff", "HEAD:arguments.yaml", "arguments.yaml"])
    assert (spec.exit_code, spec.output) == (
        0,
        "HEAD:arguments.yaml -> arguments.yaml\n" + expected,
    )
    missing = CliRunner().invoke(cli, ["diff", "--git", "no-such-rev", str(path)])
    assert missing.exit_code == 1
    assert missing.output.startswith("Error: no-such-rev:./arguments.yaml: error: ")
