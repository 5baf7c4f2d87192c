"""The canonical reader over a file's bytes (`canon.view_of`, `read_view`, `load_file`).

The regexes run over the UTF-8 bytes, one character a byte, and only values above ASCII
are decoded; these tests hold it to the text's reading: the same map and locations, the
same refusals, the same errors for a file that is not UTF-8.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import LoadError
from argmap.load import _BOM, canon, fast, load_file, loads, read_text
from argmap.load.canon import read_canonical, read_view, view_of

from .helpers import BASE, EVERY_FIELD, full, fuzz_settings, locations

PATH = "m.yaml"


def test_wide_spaces_are_the_utf8_of_every_space_above_ascii() -> None:
    wide = re.compile(canon._WIDE_SPACES)
    for point in range(0x80, 0x110000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        char = chr(point)
        found = wide.fullmatch(char.encode().decode("latin-1")) is not None
        assert found is (re.match(r"\s", char) is not None), hex(point)


# What `fast.utf8_view` refuses on the bytes: the ASCII controls (but LF) and C1.
NARROW_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def test_wide_unsafe_is_what_else_the_fast_path_refuses() -> None:
    above = {
        chr(point)
        for point in range(0x100, 0x110000)
        if not 0xD800 <= point <= 0xDFFF and fast._UNSAFE.match(chr(point))
    }
    assert above == set(canon.WIDE_UNSAFE)
    below = {chr(point) for point in range(0x100) if fast._UNSAFE.match(chr(point))}
    assert below == {chr(point) for point in range(0x100) if NARROW_UNSAFE.match(chr(point))}


@pytest.mark.parametrize("char", [*canon.WIDE_UNSAFE, "\x85", "\x07", "\x7f"])
def test_a_value_with_an_unsafe_character_is_not_read(char: str) -> None:
    text = EVERY_FIELD.replace("quote: A said so.", f"quote: A said{char} so.")
    view = fast.utf8_view(text.encode())
    assert view is None or read_view(view, PATH) is None
    assert (view is None) is (char in "\x85\x07\x7f")


def test_view_is_one_character_a_byte() -> None:
    assert view_of("a “b” é\n".encode()) == "a \xe2\x80\x9cb\xe2\x80\x9d \xc3\xa9\n"


def test_utf8_decodes_only_what_is_above_ascii() -> None:
    column = ("plain", "", view_of("“q” é".encode()))
    assert canon._utf8(column) == ["plain", "", "“q” é"]
    ascii_only = ("a", "", "b")
    assert canon._utf8(ascii_only) is ascii_only
    with pytest.raises(UnicodeDecodeError):
        canon._utf8(["\xe2\x80"])  # a character cut short


WIDE_MAP = (
    EVERY_FIELD.replace("title: Every field", "title: Every field – “wide”")
    .replace("description: One of", "description: Ünë of")
    .replace("name: A\n", "name: Ängela Ø’Brien\n")
    .replace("text: C is true", "text: C is “true” 😀")
    .replace("quote: A said so.", "quote: “A said so” – it’s that simple.")
    .replace("note: n", "note: 'ñ ''quoted'''")
    .replace("tags: [x]", "tags: [ñandú, x]")
)


def test_a_map_above_ascii_is_read_from_its_bytes_as_from_its_text(tmp_path: Path) -> None:
    expected = full(WIDE_MAP)
    assert expected.problems == ()
    amap = read_view(view_of(WIDE_MAP.encode()), PATH)
    assert amap == expected.map
    assert locations(amap) == locations(expected.map)
    assert amap.title == "Every field – “wide”"
    assert amap.stances[0].quote == "“A said so” – it’s that simple."
    assert amap.stances[0].note == "ñ 'quoted'"
    assert amap.claims_by_id["p"].tags == ("ñandú", "x")
    assert read_canonical(WIDE_MAP, PATH) == amap
    path = tmp_path / PATH
    path.write_bytes(WIDE_MAP.encode())
    loaded = load_file(str(path))
    assert loaded == loads(WIDE_MAP, str(path))
    assert loaded.map.title == amap.title


@pytest.mark.parametrize("quote", ["", "'", '"'])
@pytest.mark.parametrize("space", ["\xa0", "\u2003", "\u3000", "\u205f", "\u1680"])
def test_a_value_after_a_wide_space_is_left_to_the_line_reader(space: str, quote: str) -> None:
    text = BASE.replace("title: T", f"title: {quote}{space}T{quote}")
    assert read_view(view_of(text.encode()), PATH) is None
    assert read_canonical(text, PATH) is None
    expected = full(text)
    assert loads(text, PATH) == loader_of(expected)


def loader_of(loaded: object) -> object:
    """The full loader's answer as `loads` gives it: the problems sorted."""
    from argmap.load import Loaded

    assert isinstance(loaded, Loaded)
    return Loaded(loaded.map, tuple(sorted(loaded.problems)))


def file_of(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / PATH
    path.write_bytes(data)
    return str(path)


def error_of(call: object) -> str:
    with pytest.raises(LoadError) as raised:
        call()  # type: ignore[operator]
    return str(raised.value.problem)


@pytest.mark.parametrize(
    "bad",
    [b"\xe2\x80", b"\xff", b"\xc3(", b"\xed\xa0\x80", b"\xc0\xaf"],
    ids=["cut-short", "never-utf8", "bad-continuation", "surrogate", "overlong"],
)
@pytest.mark.parametrize("where", ["quote: A said so.", "title: Every field", "name: A\n"])
def test_a_file_that_is_not_utf8_is_reported_as_before(
    tmp_path: Path, bad: bytes, where: str
) -> None:
    head, tail = where.split(": ", 1)
    data = EVERY_FIELD.encode().replace(where.encode(), f"{head}: x".encode() + bad + tail.encode())
    path = file_of(tmp_path, data)
    assert read_view(view_of(data), PATH) is None
    assert error_of(lambda: load_file(path)) == error_of(lambda: read_text(data, path))


@pytest.mark.parametrize(
    "text",
    [WIDE_MAP, WIDE_MAP.replace("actors:\n", "# a comment\nactors:\n"), BASE, BASE + "\t\n"],
    ids=["canonical", "commented", "ascii", "a-tab"],
)
@pytest.mark.parametrize("bom", [b"", _BOM])
def test_load_file_gives_what_loads_gives(tmp_path: Path, text: str, bom: bytes) -> None:
    path = file_of(tmp_path, bom + text.encode())
    try:
        expected = loads(text, path)
    except LoadError as error:
        assert error_of(lambda: load_file(path)) == str(error.problem)
        return
    loaded = load_file(path)
    assert loaded == expected
    assert locations(loaded.map) == locations(expected.map)


def test_the_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = file_of(tmp_path, WIDE_MAP.encode())
    message = error_of(lambda: load_file(path, max_bytes=100))
    assert "over the limit of 100" in message
    assert message == error_of(lambda: read_text(WIDE_MAP.encode(), path, 100))


WIDE_VALUES = st.text(
    alphabet=st.sampled_from(list("ab :#'\"-\xa0\u2003\u3000é’“”–😀\u0085\u2028")),
    min_size=1,
    max_size=10,
)


@fuzz_settings(300)
@given(
    WIDE_VALUES, st.sampled_from(["title: S", "name: A", "quote: A said so.", "text: C is true"])
)
def test_values_above_ascii_agree_with_the_full_loader(value: str, where: str) -> None:
    head = where.split(": ", 1)[0]
    text = EVERY_FIELD.replace(where, f"{head}: {value}", 1)
    data = text.encode()
    view = fast.utf8_view(data)
    amap = None if view is None else read_view(view, PATH)
    if fast._UNSAFE.search(text):
        assert amap is None
        assert (view is None) is (NARROW_UNSAFE.search(text) is not None)
        return
    assert view is not None
    assert amap == read_canonical(text, PATH)
    if amap is None:
        return
    expected = full(text)
    assert expected.problems == ()
    assert amap == expected.map
    assert locations(amap) == locations(expected.map)


def test_a_canonical_file_with_a_byte_order_mark_is_read_from_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.load

    def refused(*args: object, **options: object) -> None:
        raise AssertionError("the text was decoded")

    path = file_of(tmp_path, _BOM + WIDE_MAP.encode())
    expected = loads(WIDE_MAP, path)
    monkeypatch.setattr(argmap.load, "read_text", refused)
    assert load_file(path) == expected
