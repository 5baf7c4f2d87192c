"""Map text reaches the terminal escaped; `diff` and `-o` cannot be turned on the user.

Each test reproduces a finding of issue 16: escape sequences and line breaks in ids went
raw to the terminal (`check`, `diff`, `add`) and to GitHub annotations; zero-width and
bidi characters hid in "did you mean"; `diff` passed `REV:path` starting with `-` to git
as an option; `@mentions` were left live in Markdown; `-o` naming the map overwrote it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.diff import Change, MapDiff, render_markdown, render_text
from argmap.text import terminal_safe

from .helpers import COMMENTED_MAP as MAP

HOSTILE = '"allow\\u200b\\u202e\\e[2J\\nm.yaml:1:1: error: fake"'


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": ""})
    return result.exit_code, result.output


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "arguments.yaml"
    path.write_text(
        MAP.replace(
            "    supports: allow\n    source: gazette",
            f"    supports: {HOSTILE}\n    source: gazette",
        ),
        encoding="utf-8",
    )
    return path


def test_terminal_safe_escapes_controls_bidi_and_separators() -> None:
    assert terminal_safe("a\x1b[2Jb\r\n\t\x7f\x85\u200b\u202e\u2066\u2028\ufeff") == (
        "a\\x1b[2Jb\\r\\n\\t\\x7f\\x85\\u200b\\u202e\\u2066\\u2028\\ufeff"
    )
    assert terminal_safe("Café “quoted” – 日本 ok") == "Café “quoted” – 日本 ok"


def test_check_shows_escapes_not_their_effect(hostile: Path) -> None:
    assert run("check", str(hostile)) == (
        1,
        f"{hostile}:29:15: error: stance refers to unknown claim"
        " 'allow\\u200b\\u202e\\x1b[2J\\nm.yaml:1:1: error: fake' [unknown-claim]\n"
        "1 problem (1 error, 0 warnings)\n",
    )


def test_github_annotations_are_escaped_too(hostile: Path) -> None:
    assert run("check", "--format", "github", str(hostile)) == (
        1,
        f"::error file={hostile},line=29,col=15,title=unknown-claim::stance refers to"
        " unknown claim 'allow\\u200b\\u202e\\x1b[2J\\nm.yaml:1:1: error: fake'\n",
    )


def test_a_zero_width_character_in_did_you_mean_is_visible(tmp_path: Path) -> None:
    path = tmp_path / "arguments.yaml"
    path.write_text(
        MAP.replace(
            "    supports: allow\n    source: gazette",
            '    supports: "allo\\u200bw"\n    source: gazette',
        ),
        encoding="utf-8",
    )
    assert run("check", str(path))[0] == 1
    output = run("check", str(path))[1]
    assert output.splitlines()[0] == (
        f"{path}:29:15: error: stance refers to unknown claim 'allo\\u200bw';"
        " did you mean 'allow'? [unknown-claim]"
    )


def test_add_errors_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "arguments.yaml"
    path.write_text(MAP, encoding="utf-8")
    code, output = run(
        "add", "stance", "-f", str(path), "--actor", "sam\x1b[2J", "--supports", "allow",
        "--source", "gazette", "--quote", "x",
    )  # fmt: skip
    assert (code, output) == (1, "Error: unknown actor 'sam\\x1b[2J'; did you mean 'sam'?\n")
    assert path.read_text(encoding="utf-8") == MAP


# --------------------------------------------------------------------------- diff

CHANGE = MapDiff(
    (Change("stances", "jo/supports/allow", "added", 'in gazette: "ask @octocat \x1b[31m\u202e"'),)
)


def test_diff_text_is_terminal_safe() -> None:
    assert render_text(CHANGE, "a", "b") == (
        "a -> b\n1 stance added\n\nStances:\n"
        '  + jo/supports/allow  in gazette: "ask @octocat \\x1b[31m\\u202e"\n'
    )


def test_diff_markdown_defuses_mentions() -> None:
    # The escape sequence is written out, and its backslash escaped, so the comment shows
    # `\x1b[31m` as text.
    assert render_markdown(CHANGE, "a", "b").splitlines()[-1] == (
        r'- **added** `jo/supports/allow`: in gazette: "ask @&#8203;octocat \\x1b\[31m\\u202e"'
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("needs git")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    (tmp_path / "arguments.yaml").write_text(MAP, encoding="utf-8")
    git("init", "-q")
    git("add", "arguments.yaml")
    git("commit", "-q", "-m", "map")
    return tmp_path


def test_diff_refuses_a_revision_that_looks_like_an_option(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    pwned = repo / "pwned"
    assert run("diff", f"--git=--output={pwned}", "arguments.yaml") == (
        1,
        f"Error: --output={pwned}:./arguments.yaml: cannot read:"
        " a revision cannot start with '-'\n",
    )
    assert run("diff", "--", f"--output={pwned}:arguments.yaml", "arguments.yaml") == (
        1,
        f"Error: --output={pwned}:arguments.yaml: cannot read: a revision cannot start with '-'\n",
    )
    assert not pwned.exists()


def test_diff_still_reads_a_revision(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    assert run("diff", "--git", "HEAD", "arguments.yaml") == (
        0,
        "HEAD:arguments.yaml -> arguments.yaml\nno change to the debate\n",
    )


# --------------------------------------------------------------------------- -o


@pytest.mark.parametrize(
    "command",
    [["report"], ["report", "--format", "text"], ["export", "--format", "json"]],
)
def test_o_naming_the_map_is_refused(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "arguments.yaml"
    path.write_text(MAP, encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(path)
    for output in (path, tmp_path / "link.yaml", tmp_path / "." / "arguments.yaml"):
        assert run(*command, "-o", str(output), str(path)) == (
            1,
            f"Error: {output} is the map being read; it is not overwritten\n",
        )
    assert path.read_text(encoding="utf-8") == MAP


def test_o_elsewhere_still_writes(tmp_path: Path) -> None:
    path = tmp_path / "arguments.yaml"
    path.write_text(MAP, encoding="utf-8")
    assert run("report", "-o", str(tmp_path / "r.md"), str(path)) == (
        0,
        f"wrote {tmp_path / 'r.md'}\n",
    )
