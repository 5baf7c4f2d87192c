"""A source's `file:` reads only regular files under the map's folder (or --sources-dir).

A contributor's map is checked in CI: it must not make `check` or `coverage` read the
runner's files, echo them back as a "nearest passage", hang on a pipe or fill memory.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.quotes import MAX_SOURCE_BYTES

SECRET = "token ghp_0123456789abcdefSECRET"
QUOTE = "the secret word is swordfish"


def _map(folder: Path, file: str) -> Path:
    path = folder / "arguments.yaml"
    path.write_text(
        "title: T\n"
        "sources:\n"
        "  s:\n"
        "    title: An article\n"
        "    publisher: P\n"
        "    date: unknown\n"
        f"    file: '{file}'\n"
        "actors:\n  a:\n    name: A\n    kind: person\n"
        "claims:\n  c:\n    kind: proposal\n    text: C\n"
        "stances:\n"
        "  - actor: a\n    supports: c\n    source: s\n"
        f"    quote: {QUOTE}\n",
        encoding="utf-8",
    )
    return path


def _check(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", str(path), *args], env={"GITHUB_ACTIONS": ""})
    return result.exit_code, result.output


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    (tmp_path / "maps").mkdir()
    (tmp_path / "secret.txt").write_text(f"[credential]\n{SECRET}\n", encoding="utf-8")
    return tmp_path / "maps"


def test_a_file_outside_the_maps_folder_is_refused_and_not_shown(maps: Path) -> None:
    path = _map(maps, "../secret.txt")
    code, output = _check(path)
    assert (code, output.splitlines()) == (
        1,
        [
            f"{path}:7:11: error: source file '{maps / '../secret.txt'}' is outside {maps}"
            "; its quotes are not verified [source-file-refused]",
            "1 problem (1 error, 0 warnings)",
        ],
    )
    assert "SECRET" not in output


def test_github_annotations_do_not_show_the_file_either(maps: Path) -> None:
    code, output = _check(_map(maps, "../secret.txt"), "--format", "github")
    assert code == 1
    assert "title=source-file-refused::" in output
    assert "SECRET" not in output


def test_an_absolute_path_is_refused(maps: Path) -> None:
    path = _map(maps, "/etc/hostname")
    code, output = _check(path)
    assert code == 1
    assert output.splitlines()[0] == (
        f"{path}:7:11: error: source file '/etc/hostname' is outside {maps}"
        "; its quotes are not verified [source-file-refused]"
    )


def test_a_symbolic_link_out_of_the_folder_is_refused(maps: Path) -> None:
    (maps / "article.txt").symlink_to(maps.parent / "secret.txt")
    path = _map(maps, "article.txt")
    code, output = _check(path)
    assert code == 1
    assert f"'{maps / 'article.txt'}' is outside {maps}" in output
    assert "SECRET" not in output


def test_a_symbolic_link_inside_the_folder_is_followed(maps: Path) -> None:
    (maps / "texts").mkdir()
    (maps / "texts" / "a.txt").write_text(f"He said {QUOTE}.", encoding="utf-8")
    (maps / "article.txt").symlink_to(maps / "texts" / "a.txt")
    assert _check(_map(maps, "article.txt"))[0] == 0


def test_dev_zero_is_refused_without_reading_it(maps: Path) -> None:
    path = _map(maps, "/dev/zero")
    code, output = _check(path)
    assert code == 1
    assert "'/dev/zero' is outside" in output
    assert "Traceback" not in output and "MemoryError" not in output


def test_a_device_reached_through_sources_dir_is_refused(maps: Path) -> None:
    # With --sources-dir /dev, /dev/zero is inside the folder: its type refuses it.
    path = _map(maps, "zero")
    code, output = _check(path, "--sources-dir", "/dev")
    assert code == 1
    assert output.splitlines()[0] == (
        f"{path}:7:11: error: source file '/dev/zero' is not a regular file"
        "; its quotes are not verified [source-file-refused]"
    )


def test_a_named_pipe_is_refused_at_once(maps: Path) -> None:
    os.mkfifo(maps / "pipe.txt")
    path = _map(maps, "pipe.txt")
    # In a child process, so that a read that blocks fails the test instead of hanging it.
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert (done.returncode, done.stdout.splitlines()[0]) == (
        1,
        f"{path}:7:11: error: source file '{maps / 'pipe.txt'}' is not a regular file"
        "; its quotes are not verified [source-file-refused]",
    )


def test_a_file_over_the_size_limit_is_refused(maps: Path) -> None:
    with open(maps / "big.txt", "wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: no disk used
    path = _map(maps, "big.txt")
    code, output = _check(path)
    assert code == 1
    assert output.splitlines()[0] == (
        f"{path}:7:11: error: source file '{maps / 'big.txt'}' is over the limit of"
        f" {MAX_SOURCE_BYTES:,} bytes; its quotes are not verified [source-file-refused]"
    )


def test_a_file_at_the_size_limit_is_read(maps: Path) -> None:
    text = f"He said {QUOTE}."
    (maps / "big.txt").write_text(text + " " * (MAX_SOURCE_BYTES - len(text)), encoding="utf-8")
    assert _check(_map(maps, "big.txt"))[0] == 0


def test_sources_dir_is_the_only_folder_read_when_given(maps: Path, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(f"He said {QUOTE}.", encoding="utf-8")
    (maps / "a.txt").write_text("nothing", encoding="utf-8")
    path = _map(maps, "../texts/a.txt")
    assert _check(path)[0] == 1  # outside the map's folder
    assert _check(path, "--sources-dir", str(tmp_path / "texts")) == (
        0,
        f"{path}: no problems\n",
    )


def test_coverage_refuses_a_file_outside_and_shows_no_passage(maps: Path) -> None:
    (maps.parent / "secret.txt").write_text('He said "the password is hunter2".', encoding="utf-8")
    path = _map(maps, "../secret.txt")
    result = CliRunner().invoke(cli, ["coverage", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:7:11: error: source file '{maps / '../secret.txt'}' is outside {maps}"
        "; its quotes are not verified [source-file-refused]\n"
    )
    assert "hunter2" not in result.output


def test_add_verifies_a_quote_against_sources_dir(maps: Path, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(f"He said {QUOTE}.", encoding="utf-8")
    path = _map(maps, "../texts/a.txt")
    args = ["add", "stance", "-f", str(path), "--actor", "a", "--supports", "c", "--source", "s"]
    args += ["--date", "2024-01-01"]
    result = CliRunner().invoke(
        cli, [*args, "--quote", "words never said", "--sources-dir", str(tmp_path / "texts")]
    )
    assert (result.exit_code, result.output) == (
        1,
        "Error: not added: quote not found in source 's'; nearest passage:"
        ' "He said the secret"\n',
    )
    ok = CliRunner().invoke(
        cli, [*args, "--quote", "the secret word", "--sources-dir", str(tmp_path / "texts")]
    )
    assert ok.exit_code == 0, ok.output
