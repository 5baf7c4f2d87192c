"""A build replaces all its files or none: after any failure output/ is exactly as before,
and the message names the real file, never a temporary one."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.errors import OutputError
from argmap.pipeline import build
from tests.conftest import example_yaml


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under `folder`: a file's bytes and mode, or that it is a folder."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_dir():
            found[name] = "<folder>"
        else:
            found[name] = (path.read_bytes(), path.stat().st_mode, path.stat().st_ino)
    return found


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """A map built once into out/, with a file of the user's beside the output, then changed."""
    map_file = tmp_path / "arguments.yaml"
    map_file.write_text(example_yaml(), encoding="utf-8")
    out = tmp_path / "out"
    build(map_file, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    map_file.write_text(example_yaml().replace("A two-article example.", "Changed."), "utf-8")
    return map_file, out


def test_report_md_being_a_folder_changes_nothing(built: tuple[Path, Path]) -> None:
    map_file, out = built
    (out / "report.md").unlink()
    (out / "report.md").mkdir()
    (out / "report.md" / "keep.txt").write_text("kept", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(OutputError) as caught:
        build(map_file, out)
    assert str(caught.value) == (
        f"cannot write {out / 'report.md'}: it is a folder, not a file; nothing was changed"
    )
    assert snapshot(out) == before


def test_a_rename_failing_in_the_middle_restores_the_files_already_replaced(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    map_file, out = built
    before = snapshot(out)
    real_replace = os.replace
    renamed: list[str] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "report.html" and Path(src).suffix == ".tmp":
            raise PermissionError(1, "Operation not permitted", str(dst))
        renamed.append(Path(dst).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError) as caught:
        build(map_file, out)
    assert str(caught.value) == (
        f"cannot write {out / 'report.html'}: Operation not permitted; nothing was changed"
    )
    # index.html and outline.html were replaced, then put back from their backups.
    assert renamed == ["index.html", "outline.html", "outline.html", "index.html"]
    assert snapshot(out) == before


def test_files_new_to_the_folder_are_removed_again(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    map_file, out = built
    for name in ("index.html", "outline.html"):
        (out / name).unlink()
    before = snapshot(out)
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "report.md" and Path(src).suffix == ".tmp":
            raise OSError(5, "Input/output error", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError, match=r"report\.md: Input/output error; nothing was changed"):
        build(map_file, out)
    assert snapshot(out) == before


def test_a_full_disk_names_the_file_being_written_not_its_temporary_name(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    map_file, out = built
    before = snapshot(out)
    calls: list[int] = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OutputError) as caught:
        build(map_file, out)
    assert str(caught.value) == (
        f"cannot write {out / 'report.html'}: No space left on device; nothing was changed"
    )
    assert snapshot(out) == before


def test_an_interrupt_while_writing_leaves_no_temporary_file(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    map_file, out = built
    before = snapshot(out)
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "report.md":
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        build(map_file, out)
    assert snapshot(out) == before


def test_an_immutable_file_in_the_middle_changes_nothing(built: tuple[Path, Path]) -> None:
    map_file, out = built
    chattr = shutil.which("chattr")
    target = out / "outline.html"
    if chattr is None or subprocess.run([chattr, "+i", str(target)], check=False).returncode:
        pytest.skip("this file system (or user) cannot make a file immutable")
    try:
        before = snapshot(out)
        with pytest.raises(OutputError) as caught:
            build(map_file, out)
        assert str(caught.value) == (
            f"cannot write {target}: Operation not permitted; nothing was changed"
        )
        assert snapshot(out) == before
    finally:
        subprocess.run([chattr, "-i", str(target)], check=True)


def test_the_cli_says_which_file_and_that_nothing_changed(built: tuple[Path, Path]) -> None:
    map_file, out = built
    (out / "index.html").unlink()
    (out / "index.html").mkdir()
    result = CliRunner().invoke(cli, ["build", str(map_file), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: cannot write {out / 'index.html'}: it is a folder, not a file;"
        " nothing was changed\n"
    )


def test_a_successful_build_leaves_only_its_files_and_the_users(built: tuple[Path, Path]) -> None:
    map_file, out = built
    build(map_file, out)
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html",
        "notes.txt",
        "outline.html",
        "report.html",
        "report.md",
    ]
    assert "Changed." in (out / "report.md").read_text(encoding="utf-8")


def test_without_hard_links_the_backups_are_copies_and_still_restored(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    map_file, out = built
    before = {k: v[:2] if isinstance(v, tuple) else v for k, v in snapshot(out).items()}
    real_replace = os.replace

    def link(*args: object, **kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "report.md" and Path(src).suffix == ".tmp":
            raise OSError(5, "Input/output error", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "link", link)
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError, match=r"report\.md: Input/output error; nothing was changed"):
        build(map_file, out)
    # The content and mode are back (the inode is the copy's: nothing else could be).
    after = {k: v[:2] if isinstance(v, tuple) else v for k, v in snapshot(out).items()}
    assert after == before
