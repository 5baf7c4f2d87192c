"""fsutil's writes where mutmut found them untested: write_all_or_none's streamed writes
(fifth pass: the new files' mode, UTF-8 whatever the locale, and a temporary name that is
already taken, never opened through, never overwritten) and write_atomic (ninth pass: its
mode, its encoding and its message)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.errors import OutputError
from argmap.fsutil import write_all_or_none, write_atomic


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _in_ascii_locale(call: str, path: Path) -> None:
    """Run `call` (with argv[1] = `path`) in a Python under the C locale without its UTF-8
    coercion or mode: a text file opened there without an encoding would be ASCII, and
    "é" would not encode."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONUTF8"))}
    env.update(LC_ALL="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0")
    code = (
        "import sys, locale; from argmap.fsutil import write_all_or_none, write_atomic;"
        "assert locale.getpreferredencoding(False).lower() in ('ascii', 'ansi_x3.4-1968');" + call
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_a_new_file_is_0666_less_the_umask(tmp_path: Path, umask_022: None) -> None:
    # Like any file a program creates: readable by all, executable by none.
    write_all_or_none(tmp_path, {"a.html": "a", "b.md": lambda: "b"})
    assert {p.name: p.stat().st_mode & 0o7777 for p in tmp_path.iterdir()} == {
        "a.html": 0o644,
        "b.md": 0o644,
    }
    os.umask(0)
    write_all_or_none(tmp_path / "all", {"c.txt": "c"})
    assert (tmp_path / "all" / "c.txt").stat().st_mode & 0o7777 == 0o666


def test_the_files_are_utf_8_under_an_ascii_locale(tmp_path: Path) -> None:
    # The C locale without its UTF-8 coercion or mode: a text file opened without an
    # encoding would be ASCII there, and "é" would not encode.
    _in_ascii_locale(
        "write_all_or_none(sys.argv[1], {'a.html': 'caf\\u00e9 \\u2014', 'b.md': lambda: '\\u00e9'})",
        tmp_path,
    )
    assert (tmp_path / "a.html").read_bytes() == "café —".encode()
    assert (tmp_path / "b.md").read_bytes() == b"\xc3\xa9"


def test_a_temporary_name_already_taken_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Were a temporary's name taken (a stray file, or a link planted at it), the write
    # must not open it: the build fails, naming the real file, and nothing changes.
    fixed = uuid.UUID(int=7)
    monkeypatch.setattr(uuid, "uuid4", lambda: fixed)  # fsutil names temporaries by it
    (tmp_path / "a.html").write_text("old", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours", encoding="utf-8")
    planted = tmp_path / f".a.html.{fixed.hex}.tmp"
    planted.symlink_to(elsewhere)
    with pytest.raises(OutputError) as caught:
        write_all_or_none(tmp_path, {"a.html": "new"})
    assert (
        str(caught.value) == f"cannot write {tmp_path / 'a.html'}: File exists; nothing was changed"
    )
    assert elsewhere.read_text(encoding="utf-8") == "not yours"
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "old"


def test_a_folder_that_does_not_exist_yet_is_made_with_its_parents(tmp_path: Path) -> None:
    out = tmp_path / "site" / "maps" / "out"
    assert write_all_or_none(out, {"a.html": "a"}) == (out / "a.html",)
    assert (out / "a.html").read_text(encoding="utf-8") == "a"


def test_the_folder_itself_is_synced_after_the_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A rename is durable only once its folder is synced: the last thing synced is the
    # folder, after each file's content.
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.path.realpath(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_all_or_none(tmp_path, {"a.html": "a", "b.md": "b"})
    folder = str(tmp_path.resolve())
    assert synced[-1] == folder
    assert [os.path.dirname(p) for p in synced[:-1]] == [folder, folder]


def test_write_atomic_writes_parts_in_order_across_its_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.fsutil._CHUNK", 3)
    path = tmp_path / "deep" / "x.json"
    write_atomic(path, ["{", "ab\u2014cdefg", "", "h", "}\n"])
    assert path.read_text(encoding="utf-8") == "{ab\u2014cdefgh}\n"
    write_atomic(path, "one string")
    assert path.read_text(encoding="utf-8") == "one string"
    assert os.listdir(path.parent) == ["x.json"]


# write_atomic (eighth pass's mutation run): its mode, its encoding and its message.


def test_write_atomic_makes_a_file_0666_less_the_umask(tmp_path: Path, umask_022: None) -> None:
    write_atomic(tmp_path / "a.json", "a")
    os.umask(0)
    write_atomic(tmp_path / "b.json", ["b"])
    modes = {p.name: p.stat().st_mode & 0o7777 for p in tmp_path.iterdir()}
    assert modes == {"a.json": 0o644, "b.json": 0o666}


def test_write_atomic_writes_utf_8_under_an_ascii_locale(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    _in_ascii_locale("write_atomic(sys.argv[1], ['caf\\u00e9 ', '\\u2014'])", path)
    assert path.read_bytes() == "café —".encode()


def test_write_atomic_says_in_one_line_why_it_cannot_write(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("kept", encoding="utf-8")
    target = tmp_path / "file" / "x.json"
    with pytest.raises(OutputError) as raised:
        write_atomic(target, "x")
    assert str(raised.value) == f"cannot write {target}: File exists"
    assert (tmp_path / "file").read_text(encoding="utf-8") == "kept"
    assert os.listdir(tmp_path) == ["file"]
