"""`argmap check` as a user runs it: exact output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli

from .helpers import BASE

WARN = BASE.replace("claims:\n", "claims:\n  lonely:\n    text: Nobody says this\n")
ERROR = BASE.replace("supports: allow\n    source", "supports: alow\n    source")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "arguments.yaml"
    path.write_text(text)
    return str(path)


def test_clean_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", write(tmp_path, BASE)], env={"GITHUB_ACTIONS": ""})
    assert (result.exit_code, result.output) == (0, f"{tmp_path}/arguments.yaml: no problems\n")


def test_errors_exit_1_with_count(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, ERROR)
    result = runner.invoke(cli, ["check", path], env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == 1
    assert result.output == (
        f"{path}:22:15: error: stance refers to unknown claim 'alow'; did you mean 'allow'? [unknown-claim]\n"
        "1 problem (1 error, 0 warnings)\n"
    )


def test_warnings_pass_unless_strict(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, WARN)
    line = f"{path}:15:3: warning: claim 'lonely' has no stance and no relation; add a stance or a relation, or remove the claim [orphan-claim]\n"
    result = runner.invoke(cli, ["check", path], env={"GITHUB_ACTIONS": ""})
    assert (result.exit_code, result.output) == (0, line + "1 problem (0 errors, 1 warning)\n")
    strict = runner.invoke(cli, ["check", "--strict", path], env={"GITHUB_ACTIONS": ""})
    assert (strict.exit_code, strict.output) == (1, line + "1 problem (0 errors, 1 warning)\n")


def test_quiet_prints_only_what_fails(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, WARN)
    assert runner.invoke(cli, ["check", "-q", path]).output == ""
    result = runner.invoke(cli, ["check", "-q", "--strict", path])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "[orphan-claim]" in result.output


def test_json_format(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, ERROR)
    result = runner.invoke(cli, ["check", "--format", "json", path])
    assert result.exit_code == 1
    assert json.loads(result.output) == [
        {
            "file": path,
            "line": 22,
            "column": 15,
            "level": "error",
            "rule": "unknown-claim",
            "message": "stance refers to unknown claim 'alow'",
            "hint": "did you mean 'allow'?",
        }
    ]


def test_github_format_escapes_properties(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, ERROR)
    result = runner.invoke(cli, ["check", "--format", "github", path])
    assert result.output == (
        f"::error file={path},line=22,col=15,title=unknown-claim::"
        "stance refers to unknown claim 'alow'; did you mean 'allow'?\n"
    )
    auto = runner.invoke(cli, ["check", path], env={"GITHUB_ACTIONS": "true"})
    assert auto.output == result.output


def test_load_errors_use_the_same_formats(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    result = runner.invoke(cli, ["check", missing], env={"GITHUB_ACTIONS": ""})
    assert (result.exit_code, result.output) == (
        1,
        f"{missing}: error: no such file [read-error]\n1 problem (1 error, 0 warnings)\n",
    )
    gh = runner.invoke(cli, ["check", "--format", "github", missing])
    assert gh.output == f"::error file={missing},title=read-error::no such file\n"


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "--format", "xml"])
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output


def test_help_and_version(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["--version"]).output == "argmap, version 0.1.0\n"
    result = runner.invoke(cli, ["-h"])
    assert result.exit_code == 0 and "check" in result.output
    assert "Exit code 0 when clean" in runner.invoke(cli, ["check", "--help"]).output


def test_check_and_help_import_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from argmap.cli import cli\n"
        "for args in (['--help'], ['check', 'tests/fixtures/every_problem.yaml']):\n"
        "    try:\n"
        "        cli(args, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in ('networkx', 'numpy', 'pyvis', 'jinja2') if m in sys.modules)\n"
        "print('heavy:', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        check=False,
    )
    assert result.stderr.strip().splitlines()[-1] == "heavy: []"


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "check", write(tmp_path, BASE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, f"{tmp_path}/arguments.yaml: no problems\n")
