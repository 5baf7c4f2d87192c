"""`--max-mib`: the size limit a user may raise for a big map they trust (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.errors import LoadError
from argmap.load import MAX_BYTES, MIB, load_file

from .helpers import BASE

ENV = {"GITHUB_ACTIONS": ""}


def padded(tmp_path: Path, size: int) -> str:
    """BASE with a trailing comment that makes the file exactly `size` bytes."""
    path = tmp_path / "arguments.yaml"
    path.write_bytes(BASE.encode() + b"#" + b" " * (size - len(BASE) - 2) + b"\n")
    assert path.stat().st_size == size
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=ENV)
    return result.exit_code, result.output


def test_a_file_over_64_mib_is_refused_by_default_and_read_with_the_option(
    tmp_path: Path,
) -> None:
    path = padded(tmp_path, MAX_BYTES + 1)
    assert run("check", path) == (
        1,
        f"{path}: error: file is 67,108,865 bytes, over the limit of 67,108,864;"
        " split the debate into several maps, or raise the limit with --max-mib 65"
        " if the file is trusted [file-too-large]\n"
        "1 problem (1 error, 0 warnings)\n",
    )
    assert run("check", "--max-mib", "65", path) == (0, f"{path}: no problems\n")


def test_the_limit_is_what_the_option_says(tmp_path: Path) -> None:
    path = padded(tmp_path, MIB + 1)
    assert run("check", "--max-mib", "1", path) == (
        1,
        f"{path}: error: file is 1,048,577 bytes, over the limit of 1,048,576;"
        " split the debate into several maps, or raise the limit with --max-mib 2"
        " if the file is trusted [file-too-large]\n"
        "1 problem (1 error, 0 warnings)\n",
    )
    assert run("check", "--max-mib", "2", path) == (0, f"{path}: no problems\n")
    exact = padded(tmp_path, MIB)
    assert run("check", "--max-mib", "1", exact) == (0, f"{exact}: no problems\n")


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("0", "0 is not a positive number of MiB"),
        ("-1", "-1 is not a positive number of MiB"),
        ("x", "'x' is not a valid integer."),
        ("1.5", "'1.5' is not a valid integer."),
        ("", "'' is not a valid integer."),
    ],
)
def test_a_bad_limit_is_a_usage_error(tmp_path: Path, value: str, said: str) -> None:
    code, output = run("check", f"--max-mib={value}", padded(tmp_path, 1000))
    assert code == 2
    assert output.endswith(f"\nError: Invalid value for '--max-mib': {said}\n")
    assert "Traceback" not in output


@pytest.mark.parametrize(
    "command",
    [
        ["coverage"],
        ["report", "-o", "-"],
        ["export", "--format", "json"],
        ["build", "-o", "OUT"],
    ],
)
def test_every_command_that_loads_the_map_takes_the_option(
    tmp_path: Path, command: list[str]
) -> None:
    path = padded(tmp_path, MIB + 1)
    command = [str(tmp_path / "out") if part == "OUT" else part for part in command]
    code, output = run(*command, "--max-mib", "1", path)
    assert code == 1
    assert "over the limit of 1,048,576" in output
    assert "--max-mib 2 if the file is trusted [file-too-large]" in output
    code, output = run(*command, "--max-mib", "2", path)
    assert code == 0, output
    assert "file-too-large" not in output


def test_the_library_takes_the_limit_in_bytes(tmp_path: Path) -> None:
    path = padded(tmp_path, 2000)
    assert load_file(path, max_bytes=2000).map.title == "T"
    with pytest.raises(LoadError, match=r"file is 2,000 bytes, over the limit of 1,999;"):
        load_file(path, max_bytes=1999)
