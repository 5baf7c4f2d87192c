"""`argmap fmt`: one layout, every comment and value kept, idempotent, safe to run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import cli
from argmap.errors import InvalidMapError, LoadError
from argmap.fmt import format_text, unified_diff
from argmap.load import loads

ROOT = Path(__file__).parent.parent

MESSY = """\
# yaml-language-server: $schema=argmap.schema.json
title: "Should the town allow a drug consumption room?"
description: A two-article example.

sources:
  gazette:
    date: 2024-03-01
    title: 'Council debates: drug room'
    publisher: The Gazette
  "herald":
    title: Police chief doubts drug room
    publisher: The Herald
    date: unknown
    url:

# People first
actors:
  jo-green: {name: Jo Green, kind: person, affiliations: [green-party]}
  green-party:
    name: "yes"
    kind: party
  sam-chief:
    name: Sam Chief
    role: "chief constable"   # per the Herald
    kind: person
    affiliations:
      - green-party
      - jo-green

# Claims
claims:
  allow-room:
    text: The town should allow a drug consumption room
    kind: proposal
  room-saves-lives:
    text: A drug consumption room saves lives
    label: 1.10

stances:
- actor: jo-green
  quote: "We should open a room this year, and it is a very long quote that keeps going and going and going well past eighty columns."
  source: gazette
  supports: allow-room   # direct
  # Herald
- actor: sam-chief
  quote: The chief fears the room would help dealers.
  reported: yes
  source: herald
  opposes: allow-room
# end
relations:
  - supports: allow-room
    from: room-saves-lives
"""

FORMATTED = """\
# yaml-language-server: $schema=argmap.schema.json
title: Should the town allow a drug consumption room?
description: A two-article example.

sources:
  gazette:
    title: 'Council debates: drug room'
    publisher: The Gazette
    date: 2024-03-01
  herald:
    title: Police chief doubts drug room
    publisher: The Herald
    date: unknown
    url:

# People first
actors:
  jo-green:
    name: Jo Green
    kind: person
    affiliations: [green-party]
  green-party:
    name: 'yes'
    kind: party
  sam-chief:
    name: Sam Chief
    kind: person
    role: chief constable     # per the Herald
    affiliations: [green-party, jo-green]

# Claims
claims:
  allow-room:
    kind: proposal
    text: The town should allow a drug consumption room
  room-saves-lives:
    text: A drug consumption room saves lives
    label: 1.10

stances:
  - actor: jo-green
    supports: allow-room # direct
    source: gazette
    quote: We should open a room this year, and it is a very long quote that keeps going and going and going well past eighty columns.
  # Herald
  - actor: sam-chief
    opposes: allow-room
    source: herald
    reported: yes
    quote: The chief fears the room would help dealers.
# end
relations:
  - from: room-saves-lives
    supports: allow-room
"""


def test_canonical_layout() -> None:
    assert format_text(MESSY) == FORMATTED


def test_values_are_kept_exactly() -> None:
    assert loads(format_text(MESSY)).map == loads(MESSY).map
    # Spot checks of what a careless formatter would change.
    amap = loads(format_text(MESSY)).map
    assert amap.actors_by_id["green-party"].name == "yes"
    assert amap.claims_by_id["room-saves-lives"].label == "1.10"
    assert amap.sources_by_id["gazette"].date == "2024-03-01"
    assert amap.stances[1].reported is True


def test_idempotent() -> None:
    assert format_text(FORMATTED) == FORMATTED


def test_curated_map_is_kept_formatted() -> None:
    curated = ROOT / "arguments.yaml"
    if not curated.exists():
        pytest.skip("the curated map has not landed yet")
    text = curated.read_text(encoding="utf-8")
    assert format_text(text, str(curated)) == text


def test_docs_example_is_formatted() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    start = doc.index("```yaml", doc.index("## A complete small example")) + len("```yaml\n")
    example = doc[start : doc.index("```", start)]
    assert format_text(example) == example


def test_comment_after_a_reordered_last_field_stays_between_entries() -> None:
    text = (
        "title: T\nsources: {}\nactors: {}\nclaims: {}\nstances:\n"
        "  - quote: One.\n    actor: a\n    supports: c\n    source: s\n"
        "  # the next article\n"
        "  - actor: b\n    supports: c\n    source: s\n    quote: Two.\n"
    )
    assert format_text(text) == (
        "title: T\nsources: {}\nactors: {}\nclaims: {}\nstances:\n"
        "  - actor: a\n    supports: c\n    source: s\n    quote: One.\n"
        "  # the next article\n"
        "  - actor: b\n    supports: c\n    source: s\n    quote: Two.\n"
    )


def test_words_yaml_would_misread_keep_their_quotes() -> None:
    text = (
        'title: T\nsources: {}\nactors:\n  a:\n    name: "~"\n    kind: person\n'
        '    role: "null"\nclaims:\n  c:\n    text: "true"\n    label: "A: b"\n'
        '    tags: ["no", "x"]\nstances: []\n'
    )
    assert format_text(text) == (
        "title: T\nsources: {}\nactors:\n  a:\n    name: '~'\n    kind: person\n"
        "    role: 'null'\nclaims:\n  c:\n    text: 'true'\n    label: 'A: b'\n"
        "    tags: ['no', x]\nstances: []\n"
    )


def test_block_scalars_and_comments_in_lists_are_kept() -> None:
    text = (
        "title: T\ndescription: |\n  Two\n  lines.\nsources: {}\nactors:\n  a:\n"
        "    name: A\n    kind: person\n    affiliations:\n      - b  # the party\n"
        "      - c\nclaims: {}\nstances: []\n"
    )
    assert format_text(text) == text


def test_refuses_a_map_with_errors_in_its_shape() -> None:
    with pytest.raises(InvalidMapError, match=r"unknown key 'colour' in the map"):
        format_text("title: T\nsources: {}\nactors: {}\nclaims: {}\nstances: []\ncolour: red\n")
    with pytest.raises(LoadError, match=r"invalid YAML"):
        format_text("title: [T\n")


text_values = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\x85\u2028\u2029"),
    min_size=1,
).filter(lambda s: s.strip())


@settings(max_examples=100, deadline=None)
@given(quote=text_values, name=text_values)
def test_any_text_survives(quote: str, name: str) -> None:
    import json

    # JSON strings are YAML double-quoted scalars: any text can be written that way.
    text = (
        f"title: T\nsources:\n  s:\n    title: S\n    publisher: P\n    date: unknown\n"
        f"actors:\n  a:\n    name: {json.dumps(name, ensure_ascii=False)}\n    kind: person\n"
        f"claims:\n  c:\n    text: C\nstances:\n  - actor: a\n    supports: c\n"
        f"    source: s\n    quote: {json.dumps(quote, ensure_ascii=False)}\n"
    )
    once = format_text(text)
    assert loads(once).map == loads(text).map
    assert format_text(once) == once


# --------------------------------------------------------------------------- the CLI


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "arguments.yaml"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_cli_check_shows_a_diff_and_fails(messy: Path) -> None:
    result = CliRunner().invoke(cli, ["fmt", "--check", str(messy)])
    assert result.exit_code == 1
    assert result.output == unified_diff(MESSY, FORMATTED, str(messy))
    assert result.output.startswith(f"--- {messy} (as is)\n+++ {messy} (formatted)\n@@ ")
    assert messy.read_text(encoding="utf-8") == MESSY


def test_cli_rewrites_then_check_is_silent(messy: Path) -> None:
    result = CliRunner().invoke(cli, ["fmt", str(messy)])
    assert (result.exit_code, result.output) == (0, f"formatted {messy}\n")
    assert messy.read_text(encoding="utf-8") == FORMATTED
    assert sorted(p.name for p in messy.parent.iterdir()) == ["arguments.yaml"]
    again = CliRunner().invoke(cli, ["fmt", "--check", str(messy)])
    assert (again.exit_code, again.output) == (0, "")


def test_cli_refuses_a_broken_file_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "arguments.yaml"
    broken = "title: T\nsources: {}\nactors: {}\nclaims: {}\nstances:\n  - actor: a\n    suports: c\n    source: s\n"
    path.write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fmt", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}:7:5: error: unknown key 'suports' in stance;"
        " did you mean 'supports'? [unknown-key]\n"
    )
    assert path.read_text(encoding="utf-8") == broken


def test_cli_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["fmt", str(tmp_path / "nope.yaml")])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {tmp_path / 'nope.yaml'}: error: no such file [read-error]\n",
    )


def test_windows_line_ends_stay() -> None:
    # A Windows checkout must pass `fmt --check` (the pre-commit hook) as it is.
    text = "title: T  # the title\r\nsources: {}\r\nactors: {}\r\nclaims: {}\r\nstances: []\r\n# end\r\n"
    assert format_text(text) == text
