"""build(): what it writes, what it refuses, and that failures leave old output intact."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.errors import InvalidMapError, LoadError, OutputError
from argmap.pipeline import build
from tests.conftest import ROOT, example_yaml

BROKEN = example_yaml().replace("supports: room-saves-lives", "supports: room-saves-live")


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "arguments.yaml"
    path.write_text(example_yaml(), encoding="utf-8")
    return path


def test_build_writes_the_pages_and_the_report(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built = build(map_file, out)
    assert built.files == (
        out / "index.html",
        out / "outline.html",
        out / "report.html",
        out / "report.md",
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html",
        "outline.html",
        "report.html",
        "report.md",
    ]
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# ")
    assert "<h1>Should the town allow a drug consumption room?</h1>" in (
        out / "outline.html"
    ).read_text(encoding="utf-8")


def test_building_twice_gives_identical_files(map_file: Path, tmp_path: Path) -> None:
    build(map_file, tmp_path / "a")
    build(map_file, tmp_path / "b")
    for name in ("index.html", "outline.html", "report.html", "report.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_map_with_errors_writes_nothing(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(map_file, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    map_file.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(InvalidMapError, match="room-saves-live"):
        build(map_file, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_file_that_is_not_a_map_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "arguments.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(LoadError):
        build(path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_failed_write_leaves_the_previous_output_and_no_temporary_file(
    map_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(map_file, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    map_file.write_text(example_yaml().replace("A two-article example.", "Changed."), "utf-8")
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the second file: the disk is full
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OutputError, match="No space left on device"):
        build(map_file, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_output_folder_that_is_a_file_is_an_output_error(map_file: Path, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        build(map_file, tmp_path / "out")
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file"


def test_cli_build(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", str(map_file), "-o", str(out)])
    assert result.exit_code == 0
    assert result.output == "".join(
        f"wrote {out / name}\n"
        for name in ("index.html", "outline.html", "report.html", "report.md")
    )


def test_cli_build_refuses_a_broken_map_in_one_line(map_file: Path, tmp_path: Path) -> None:
    map_file.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(map_file), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith(f"Error: {map_file}:")
    assert "unknown claim 'room-saves-live'" in result.output


def _run_build_py(folder: Path) -> subprocess.CompletedProcess[str]:
    shutil.copy(ROOT / "build.py", folder / "build.py")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "build.py"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_build_py_builds_arguments_yaml_into_output(map_file: Path) -> None:
    done = _run_build_py(map_file.parent)
    assert (done.returncode, done.stderr) == (0, "")
    assert (
        done.stdout
        == "wrote output/index.html\nwrote output/outline.html\nwrote output/report.html\n"
        "wrote output/report.md\n"
    )


def test_build_py_fails_in_one_line(map_file: Path) -> None:
    map_file.write_text(BROKEN, encoding="utf-8")
    done = _run_build_py(map_file.parent)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("build.py: error: arguments.yaml:")
    assert done.stderr.count("\n") == 1
