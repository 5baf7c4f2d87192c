"""The fast path and the full loader refuse the same things: long keys, odd line breaks,
non-ASCII digits in dates; each refused with a located error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checks import is_iso_date
from argmap.cli import cli
from argmap.errors import LoadError
from argmap.load import loads
from argmap.load.compose import MAX_KEY
from argmap.load.fast import _MAX_KEY, fast_load

from .helpers import BASE, agrees, problems

FUZZ = settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LONG = "a" * 1100


def refusal(text: str) -> str:
    with pytest.raises(LoadError) as caught:
        loads(text)
    return str(caught.value)


def test_the_two_loaders_share_the_key_limit() -> None:
    assert MAX_KEY == _MAX_KEY == 1024


# --------------------------------------------------------------------------- long keys


def test_an_id_longer_than_yaml_allows_is_refused_by_both_loaders() -> None:
    text = BASE.replace("  sam:\n", f"  {LONG}:\n")
    assert fast_load(text, "arguments.yaml") is None
    assert refusal(text) == (
        "arguments.yaml:11:3: error: a key of 1,100 characters; YAML allows at most 1,024;"
        " use a shorter id [key-too-long]"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (f"title: T\n{LONG}: x\n", "2:1"),
        (f"title: T\nlist:\n  - {LONG}: x\n", "3:5"),
        (f"title: T\nm: {{{LONG}: x}}\n", "2:5"),
        (f"title: T\nm: [b, {LONG}: x]\n", "2:8"),
        (f'title: T\n"{LONG}": x\n', "2:1"),
    ],
)
def test_a_long_key_is_located_at_its_start_in_any_collection(text: str, where: str) -> None:
    assert refusal(text).startswith(f"arguments.yaml:{where}: error: a key of ")


def test_a_key_of_exactly_the_limit_is_read() -> None:
    key = "a" * 1024
    text = BASE.replace("  sam:\n", f"  {key}:\n").replace("actor: sam", f"actor: {key}")
    amap = agrees(text)
    assert amap is not None
    assert [a.id for a in amap.actors] == ["jo", key]


def test_a_long_value_is_not_a_long_key() -> None:
    # The error here is the ': ' inside a plain value, which is not about a key's length.
    text = f"title: T\ndescription: {LONG}: x\n"
    assert "key-too-long" not in refusal(text)


# --------------------------------------------------------------------------- line breaks


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x85", "NEL (U+0085)"),
        ("\u2028", "LINE SEPARATOR (U+2028)"),
        ("\u2029", "PARAGRAPH SEPARATOR (U+2029)"),
    ],
)
def test_unicode_line_breaks_are_refused_where_they_are(char: str, name: str) -> None:
    code = f"{ord(char):04x}"
    expected = (
        f"arguments.yaml:18:15: error: a {name} character, which YAML reads as a line break"
        " but editors and git do not show as one; use an ordinary line break, or write it"
        f' as "\\u{code}" inside a double-quoted string [unicode-line-break]'
    )
    # In a comment, where PyYAML would end the comment and read what follows as a key ...
    hidden = BASE.replace("  saves:\n", f"  saves:   # c{char}kind: evidence\n")
    assert fast_load(hidden, "arguments.yaml") is None
    assert refusal(hidden) == expected
    # ... and in quoted text, where it would shift every later line.
    assert refusal(BASE.replace("quote: No.", f'quote: "N{char}o."')) == expected.replace(
        ":18:15:", ":28:14:"
    )


def test_an_escaped_line_separator_in_double_quotes_is_text() -> None:
    loaded = loads(BASE.replace("quote: No.", 'quote: "N\\u2028o."'))
    assert loaded.problems == ()
    assert loaded.map.stances[1].quote == "N\u2028o."


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("date", ["2024-0\u0663-01", "\u0662\u0660\u0662\u0664", "２０２４"])
def test_dates_take_ascii_digits_only(date: str) -> None:
    assert not is_iso_date(date)
    found = problems(BASE.replace("date: 2024-03-01", f"date: {date}"))
    assert [(line, col, rule) for line, col, rule, _ in found] == [(6, 11, "invalid-date")]


def test_ascii_dates_still_pass() -> None:
    assert is_iso_date("2024-03-01") and is_iso_date("2024-03") and is_iso_date("2024")


# --------------------------------------------------------------------------- fuzzing

# Keys near the limit, in every place a key can be, and line breaks of every kind.
BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c"])
KEY_LENGTHS = st.sampled_from([1, 1000, 1020, 1023, 1024, 1025, 1100])


@FUZZ
@given(KEY_LENGTHS, st.sampled_from(["", " ", "  "]), st.sampled_from(["a", "é", "a-"]))
def test_long_ids_agree_with_the_full_loader(length: int, spaces: str, unit: str) -> None:
    key = (unit * length)[:length].rstrip("-") or "a"
    text = BASE.replace("  sam:\n", f"  {key}{spaces}:\n").replace("actor: sam", f"actor: {key}")
    agrees(text)
    if len(key) + len(spaces) > MAX_KEY:
        assert "[key-too-long]" in refusal(text)


@FUZZ
@given(st.integers(0, len(BASE)), BREAKS, st.sampled_from(["", "# ", "kind: evidence", "'"]))
def test_odd_line_breaks_agree_with_the_full_loader(start: int, brk: str, after: str) -> None:
    text = BASE[:start] + brk + after + BASE[start:]
    agrees(text)
    if brk in "\x85\u2028\u2029":
        assert "[unicode-line-break]" in refusal(text)


def test_fmt_refuses_a_long_key_with_its_location(tmp_path: Path) -> None:
    path = tmp_path / "arguments.yaml"
    text = BASE.replace("  sam:\n", f"  {LONG}:\n")
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fmt", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}:11:3: error: a key of 1,100 characters; YAML allows at most 1,024;"
        " use a shorter id [key-too-long]\n"
    )
    assert path.read_text(encoding="utf-8") == text
