"""`fmt` and `add` edit the curator's file: nothing lost, whatever else happens at once.

Each test reproduces a finding of issue 16: two `add` at once lost an entry; a symbolic
link became a copy; a hard link broke; mode and owner changed; CRLF and the BOM were
dropped; `add --text null` wrote `null`; `fmt` unquoted `'1.10'`; a kill left files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import cli
from argmap.fmt import format_text
from argmap.fsutil import FileChangedError, edit_in_place, journal_path, recover

MESSY = (
    "title:   T\nsources: {}\nactors:\n  jo: {name: Jo, kind: person}\nclaims: {}\nstances: []\n"
)
TIDY = "title: T\nsources: {}\nactors:\n  jo:\n    name: Jo\n    kind: person\nclaims: {}\nstances: []\n"


def fmt(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["fmt", *args, str(path)])
    return result.exit_code, result.output


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "arguments.yaml"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_the_format_of_the_fixture_is_tidy() -> None:
    assert format_text(MESSY) == TIDY


# --------------------------------------------------------------------------- the same file


def test_a_symbolic_link_stays_a_link_and_its_target_is_formatted(messy: Path) -> None:
    link = messy.with_name("link.yaml")
    link.symlink_to(messy.name)
    assert fmt(link) == (0, f"formatted {link}\n")
    assert link.is_symlink()
    assert messy.read_text(encoding="utf-8") == TIDY


def test_hard_links_and_the_inode_are_kept(messy: Path) -> None:
    other = messy.with_name("other.yaml")
    os.link(messy, other)
    inode = messy.stat().st_ino
    assert fmt(messy)[0] == 0
    assert messy.stat().st_ino == inode
    assert other.read_text(encoding="utf-8") == TIDY
    assert messy.stat().st_nlink == 2


def test_the_mode_is_kept(messy: Path) -> None:
    messy.chmod(0o600)
    assert fmt(messy)[0] == 0
    assert messy.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file away needs root")
def test_the_owner_is_kept(messy: Path) -> None:
    os.chown(messy, 4321, 4321)
    assert fmt(messy)[0] == 0
    assert (messy.stat().st_uid, messy.stat().st_gid) == (4321, 4321)


def test_no_file_is_left_beside_the_map(messy: Path) -> None:
    assert fmt(messy)[0] == 0
    assert sorted(p.name for p in messy.parent.iterdir()) == ["arguments.yaml"]


# --------------------------------------------------------------------------- bytes kept


def test_crlf_and_the_byte_order_mark_are_kept(messy: Path) -> None:
    messy.write_bytes(b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode())
    assert fmt(messy)[0] == 0
    assert messy.read_bytes() == b"\xef\xbb\xbf" + TIDY.replace("\n", "\r\n").encode()
    assert fmt(messy, "--check") == (0, "")


def test_a_formatted_windows_checkout_passes_fmt_check(messy: Path) -> None:
    messy.write_bytes(b"\xef\xbb\xbf" + TIDY.replace("\n", "\r\n").encode())
    assert fmt(messy, "--check") == (0, "")


def test_add_keeps_crlf(messy: Path) -> None:
    messy.write_bytes(TIDY.replace("\n", "\r\n").encode())
    result = CliRunner().invoke(cli, ["add", "claim", "-f", str(messy), "c", "--text", "C"])
    assert result.exit_code == 0, result.output
    assert (
        messy.read_bytes()
        == TIDY.replace("claims: {}\n", "claims:\n  c:\n    text: C\n")
        .replace("\n", "\r\n")
        .encode()
    )


def test_fmt_keeps_quotes_that_keep_text_text() -> None:
    text = TIDY.replace("name: Jo", "name: '1.10'").replace("title: T", "title: '2024-03-01'")
    assert format_text(text) == text
    assert yaml.safe_load(format_text(text))["actors"]["jo"]["name"] == "1.10"


def test_fmt_still_unquotes_what_needs_no_quotes() -> None:
    assert format_text(TIDY.replace("name: Jo", "name: 'Jo'")) == TIDY


def test_add_claim_with_the_text_null_writes_it_quoted(messy: Path) -> None:
    messy.write_text(TIDY, encoding="utf-8")
    args = ["add", "claim", "-f", str(messy), "c", "--text", "null", "--label", "1.10"]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.output) == (0, f"added claim 'c' to {messy}\n")
    assert "  c:\n    text: 'null'\n    label: '1.10'\n" in messy.read_text(encoding="utf-8")
    assert CliRunner().invoke(cli, ["check", str(messy)]).exit_code == 0


# --------------------------------------------------------------------------- refusals


def test_a_file_changed_while_it_is_edited_is_not_overwritten(messy: Path) -> None:
    def change(old: bytes) -> bytes:
        messy.write_text("title: someone else's save\n", encoding="utf-8")
        return old + b"# ours\n"

    with pytest.raises(FileChangedError) as caught:
        edit_in_place(messy, change)
    assert str(caught.value) == (
        f"{messy}: changed by another program while it was being edited;"
        " nothing was written, run the command again"
    )
    assert messy.read_text(encoding="utf-8") == "title: someone else's save\n"
    assert sorted(p.name for p in messy.parent.iterdir()) == ["arguments.yaml"]


def test_a_read_only_map_is_one_line(messy: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    messy.chmod(0o400)
    assert fmt(messy) == (1, f"Error: {messy}: cannot edit: Permission denied\n")


# --------------------------------------------------------------------------- kills


def test_a_complete_journal_left_by_a_kill_is_finished(messy: Path) -> None:
    import hashlib

    body = TIDY.encode()
    header = b"argmap-journal 1 %s %d\n" % (hashlib.sha256(body).hexdigest().encode(), len(body))
    journal_path(messy).write_bytes(header + body)
    messy.write_bytes(body[:10])  # torn by the kill
    assert recover(messy) is True
    assert messy.read_bytes() == body
    assert sorted(p.name for p in messy.parent.iterdir()) == ["arguments.yaml"]


def test_an_incomplete_journal_is_dropped_and_the_file_kept(messy: Path) -> None:
    journal_path(messy).write_bytes(b"argmap-journal 1 0123 99\ntitle: half")
    assert fmt(messy, "--check")[0] == 1  # the untouched, messy file
    assert fmt(messy) == (0, f"formatted {messy}\n")  # the next edit cleans up first
    assert messy.read_text(encoding="utf-8") == TIDY
    assert sorted(p.name for p in messy.parent.iterdir()) == ["arguments.yaml"]


# --------------------------------------------------------------------------- races


ROUNDS = 10  # bench/concurrency.py runs 50


def test_two_adds_at_once_both_land(tmp_path: Path) -> None:
    path = tmp_path / "arguments.yaml"
    lost = 0
    for _ in range(ROUNDS):
        path.write_text(TIDY, encoding="utf-8")
        add = [sys.executable, "-m", "argmap", "add", "actor", "-f", str(path)]
        runs = [
            subprocess.Popen(
                [*add, name, "--name", name.title(), "--kind", "person"],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for name in ("ann", "bob")
        ]
        outputs = [run.communicate(timeout=120)[0] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        actors = yaml.safe_load(path.read_text(encoding="utf-8"))["actors"]
        lost += len({"ann", "bob"} - set(actors))
    assert lost == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arguments.yaml"]
