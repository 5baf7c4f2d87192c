"""`write_all_or_none` with renders: each file is rendered just before it is written, one
at a time, and a render that fails leaves the folder exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import OutputError
from argmap.fsutil import write_all_or_none


def listing(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_each_file_is_written_before_the_next_is_rendered(tmp_path: Path) -> None:
    seen: list[list[str]] = []

    def render(name: str) -> str:
        # What is on disk when this render starts: the earlier files' temporaries.
        seen.append(sorted(p.name.split(".")[1] for p in tmp_path.glob(".*.tmp")))
        return f"<{name}> é\n" * 3

    written = write_all_or_none(
        tmp_path, {"a.html": lambda: render("a"), "b.md": lambda: render("b"), "c.txt": "plain"}
    )
    assert written == (tmp_path / "a.html", tmp_path / "b.md", tmp_path / "c.txt")
    assert seen == [[], ["a"]]
    assert listing(tmp_path) == {"a.html": "<a> é\n" * 3, "b.md": "<b> é\n" * 3, "c.txt": "plain"}


def test_a_text_longer_than_one_piece_is_written_whole(tmp_path: Path) -> None:
    text = "".join(chr(0x41 + i % 26) + "\u2014" for i in range(1_500_000))
    write_all_or_none(tmp_path, {"big.html": lambda: text})
    assert (tmp_path / "big.html").read_text(encoding="utf-8") == text


def test_a_render_that_fails_leaves_the_old_files_and_no_temporary(tmp_path: Path) -> None:
    write_all_or_none(tmp_path, {"a.html": "old a", "b.md": "old b"})
    (tmp_path / "mine.txt").write_text("kept", encoding="utf-8")

    def broken() -> str:
        raise ValueError("a bug in a render")

    with pytest.raises(ValueError, match="a bug in a render"):
        write_all_or_none(tmp_path, {"a.html": lambda: "new a", "b.md": broken})
    assert listing(tmp_path) == {"a.html": "old a", "b.md": "old b", "mine.txt": "kept"}


def test_a_render_that_fails_in_a_new_folder_creates_nothing(tmp_path: Path) -> None:
    def broken() -> str:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_all_or_none(tmp_path / "out", {"a.html": broken})
    assert not (tmp_path / "out").exists()


def test_a_folder_in_the_way_is_refused_before_any_render(tmp_path: Path) -> None:
    (tmp_path / "b.md").mkdir()
    calls: list[str] = []

    def render() -> str:
        calls.append("a")
        return "a"

    with pytest.raises(OutputError) as caught:
        write_all_or_none(tmp_path, {"a.html": render, "b.md": "b"})
    assert str(caught.value) == (
        f"cannot write {tmp_path / 'b.md'}: it is a folder, not a file; nothing was changed"
    )
    assert calls == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]
