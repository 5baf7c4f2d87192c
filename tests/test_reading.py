"""Reading a map file's bytes: exact messages and places for what cannot be read."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import argmap.load as load
from argmap.errors import LoadError
from argmap.load import MAX_BYTES, load_file, loads, read_text
from argmap.model import Location

from .helpers import BASE


def refused(data: bytes, path: str = "m.yaml") -> tuple[Location, str]:
    with pytest.raises(LoadError) as caught:
        read_text(data, path)
    return caught.value.problem.loc, str(caught.value)


def test_a_file_of_exactly_the_limit_is_read() -> None:
    assert len(read_text(b" " * MAX_BYTES, "big.yaml")) == MAX_BYTES


def test_a_file_over_the_limit_is_refused_with_its_size() -> None:
    assert refused(b" " * (MAX_BYTES + 1), "big.yaml") == (
        Location("big.yaml", 0, 0),
        "big.yaml: error: file is 67,108,865 bytes, over the limit of 67,108,864;"
        " split the debate into several maps, or raise the limit with --max-mib 65"
        " if the file is trusted [file-too-large]",
    )


def test_a_byte_order_mark_is_dropped() -> None:
    assert read_text(b"\xef\xbb\xbftitle: T\n", "m.yaml") == "title: T\n"


@pytest.mark.parametrize(
    ("data", "loc", "byte"),
    [
        (b"title: ab\xff\n", (1, 10), "0xff at offset 9"),
        (b"a: 1\nb: \xc3\xa9\xc3\xa9\xfe\n", (2, 6), "0xfe at offset 12"),
        (b"a: 1\nb: 2\nc: \xe9", (3, 4), "0xe9 at offset 13"),
    ],
)
def test_a_byte_that_is_not_utf8_is_located_by_line_and_character(
    data: bytes, loc: tuple[int, int], byte: str
) -> None:
    assert refused(data) == (
        Location("m.yaml", *loc),
        f"m.yaml:{loc[0]}:{loc[1]}: error: file is not valid UTF-8: byte {byte};"
        " save the file as UTF-8 [encoding]",
    )


@pytest.mark.parametrize(
    ("data", "loc"), [(b"\x00", (1, 1)), (b"title: ab\x00", (1, 10)), (b"a: 1\nb: 2\n\x00", (3, 1))]
)
def test_a_nul_character_is_located(data: bytes, loc: tuple[int, int]) -> None:
    assert refused(data) == (
        Location("m.yaml", *loc),
        f"m.yaml:{loc[0]}:{loc[1]}: error: file contains a NUL character;"
        " is it a binary file? [encoding]",
    )


def test_unreadable_paths_are_one_line_each(tmp_path: Path) -> None:
    cases = {
        tmp_path / "missing.yaml": "no such file",
        tmp_path: "is a directory, not a map file",
        tmp_path / ("x" * 300): "cannot read file: File name too long",
    }
    for path, message in cases.items():
        with pytest.raises(LoadError) as caught:
            load_file(str(path))
        assert (caught.value.problem.loc, str(caught.value)) == (
            Location(str(path), 0, 0),
            f"{path}: error: {message} [read-error]",
        )


def test_a_clean_file_never_reaches_the_full_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the full loader ran")

    monkeypatch.setattr(load, "compose", refuse)
    assert loads(BASE).problems == ()
    with pytest.raises(AssertionError):
        loads(BASE + "  - from: saves\n    supports: allow\n    colour: red\n")


@pytest.mark.parametrize("text", [BASE, BASE.replace("    publisher: P\n", "")])
def test_loads_leaves_the_garbage_collector_as_it_found_it(text: str) -> None:
    assert gc.isenabled()
    loads(text)
    assert gc.isenabled()
    gc.disable()
    try:
        loads(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
