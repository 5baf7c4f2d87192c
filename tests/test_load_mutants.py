"""Tests written against mutmut's survivors in argmap/load (docs/testing.md).

Each asserts the exact message and `file:line:col` (or the exact map) that a planted bug
changed and no other test noticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import LoadError
from argmap.load import load_file, loads, read_text
from argmap.load.fast import fast_load
from argmap.model import UNKNOWN, Actor, ActorKind, Claim, ClaimKind, Location, Source

from .helpers import BASE


def refusal(error: pytest.ExceptionInfo[LoadError]) -> tuple[Location, str]:
    return error.value.problem.loc, str(error.value)


# --------------------------------------------------------------------------- reading bytes


@pytest.mark.parametrize(
    ("data", "where", "byte"),
    [
        # A line break as the very first byte: the next line starts at offset 1.
        (b"\n\xff", (2, 1), "0xff at offset 1"),
        (b"\n\nab\xfe", (3, 3), "0xfe at offset 4"),
    ],
)
def test_a_bad_byte_after_a_leading_line_break_is_located(
    data: bytes, where: tuple[int, int], byte: str
) -> None:
    with pytest.raises(LoadError) as caught:
        read_text(data, "m.yaml")
    assert refusal(caught) == (
        Location("m.yaml", *where),
        f"m.yaml:{where[0]}:{where[1]}: error: file is not valid UTF-8: byte {byte};"
        " save the file as UTF-8 [encoding]",
    )


def test_the_first_of_two_nul_characters_is_the_one_located() -> None:
    with pytest.raises(LoadError) as caught:
        read_text(b"ab\x00\ncd\x00", "n.yaml")
    assert refusal(caught)[0] == Location("n.yaml", 1, 3)


def test_a_file_that_is_not_utf8_is_reported_against_its_own_path(tmp_path: Path) -> None:
    target = tmp_path / "caf.yaml"
    target.write_bytes(b"title: caf\xe9\n")
    with pytest.raises(LoadError) as caught:
        load_file(str(target))
    assert refusal(caught) == (
        Location(str(target), 1, 11),
        f"{target}:1:11: error: file is not valid UTF-8: byte 0xe9 at offset 10;"
        " save the file as UTF-8 [encoding]",
    )


def test_a_file_that_cannot_be_read_for_permission_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, which file modes do not stop: the refusal is made at the read.
    target = tmp_path / "locked.yaml"
    target.write_text("title: T\n")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(LoadError) as caught:
        load_file(str(target))
    assert refusal(caught) == (
        Location(str(target), 0, 0),
        f"{target}: error: permission denied [read-error]",
    )
    assert caught.value.problem.rule == "read-error"
    assert caught.value.problem.hint is None


# --------------------------------------------------------------------------- composing


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # The map is level 1 and each bracket one more: level 33 is the 32nd bracket.
        ("title: " + "[" * 3000, "1:39"),
        ("- " + "[" * 1100, "1:34"),
        ("a:\n  b: " + "{x: " * 1500, "2:126"),
    ],
)
def test_nesting_that_libyaml_stops_early_is_refused_at_level_33(text: str, where: str) -> None:
    with pytest.raises(LoadError) as caught:
        loads(text, "deep.yaml")
    line, col = map(int, where.split(":"))
    assert refusal(caught) == (
        Location("deep.yaml", line, col),
        f"deep.yaml:{where}: error: nesting deeper than 32 levels [too-deep]",
    )


@pytest.mark.parametrize(
    ("text", "where"), [("title: T\nb: *x\n", "2:4"), ("title: T\nlist:\n  - *who\n", "3:5")]
)
def test_an_alias_without_an_anchor_is_located_at_its_star(text: str, where: str) -> None:
    with pytest.raises(LoadError) as caught:
        loads(text, "a.yaml")
    line, col = map(int, where.split(":"))
    assert refusal(caught) == (
        Location("a.yaml", line, col),
        f"a.yaml:{where}: error: aliases (*name) are not supported;"
        " write the value out in full [alias]",
    )


LONG_KEY = "k" * 1030


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # After the flow mapping's last comma, not at the list item's dash.
        (f"title: T\nlist:\n  - {{a: 1, {LONG_KEY}: x}}\n", "3:12"),
        (f"a:\n  - [b, c]\n  - [{LONG_KEY}: 1]\n", "3:6"),
    ],
)
def test_a_long_key_in_a_flow_collection_in_a_list_is_located_at_its_start(
    text: str, where: str
) -> None:
    with pytest.raises(LoadError) as caught:
        loads(text, "k.yaml")
    line, col = map(int, where.split(":"))
    assert refusal(caught) == (
        Location("k.yaml", line, col),
        f"k.yaml:{where}: error: a key of 1,030 characters; YAML allows at most 1,024;"
        " use a shorter id [key-too-long]",
    )


# --------------------------------------------------------------------------- building

NOT_MAPPINGS = """\
title: T
sources:
  gazette: a newspaper
actors:
  jo: [Jo]
claims:
  allow: Allow it
relations:
  - {from: allow, attacks: ~}
  - {from: ~, supports: allow}
"""


def test_an_entry_that_is_not_a_mapping_is_kept_by_its_id_where_it_stands() -> None:
    loaded = loads(NOT_MAPPINGS, "m.yaml")
    assert loaded.map.sources == (Source("gazette", "gazette", UNKNOWN, UNKNOWN),)
    assert loaded.map.actors == (Actor("jo", "jo", ActorKind.ORGANISATION),)
    assert loaded.map.claims == (Claim("allow", "allow", ClaimKind.CLAIM),)
    # Locations are not part of equality: each is checked on its own.
    assert [e.loc for e in (*loaded.map.sources, *loaded.map.actors, *loaded.map.claims)] == [
        Location("m.yaml", 3, 3),
        Location("m.yaml", 5, 3),
        Location("m.yaml", 7, 3),
    ]


def test_a_relation_without_a_target_or_an_origin_is_dropped_and_reported() -> None:
    loaded = loads(NOT_MAPPINGS, "m.yaml")
    assert loaded.map.relations == ()
    assert [str(p) for p in loaded.problems] == [
        "m.yaml:1:1: error: the map needs 'stances' [missing-field]",
        "m.yaml:3:12: error: source 'gazette' must be a mapping of fields,"
        " not the text 'a newspaper' [wrong-type]",
        "m.yaml:5:7: error: actor 'jo' must be a mapping of fields, not a list [wrong-type]",
        "m.yaml:7:10: error: claim 'allow' must be a mapping of fields,"
        " not the text 'Allow it' [wrong-type]",
        "m.yaml:9:28: error: relation needs 'attacks' [missing-field]",
        "m.yaml:10:12: error: relation needs 'from' [missing-field]",
    ]


def test_a_flag_that_is_neither_true_nor_false_is_reported_and_read_as_false() -> None:
    text = BASE.replace("    quote: Yes.\n", "    quote: Yes.\n    reported: perhaps\n")
    text = text.replace(
        "  - from: saves\n    supports: allow\n",
        "  - from: saves\n    supports: allow\n    inferred: 'true'\n",
    )
    loaded = loads(text, "m.yaml")
    assert [s.reported for s in loaded.map.stances] == [False, False]
    assert [r.inferred for r in loaded.map.relations] == [False]
    assert [str(p) for p in loaded.problems] == [
        "m.yaml:25:15: error: 'reported' of stance must be true or false [wrong-type]",
        "m.yaml:33:15: error: 'inferred' of relation must be true or false [wrong-type]",
    ]


def test_a_section_written_as_text_is_reported_and_an_empty_one_is_not() -> None:
    text = (
        "title: T\n"
        "sources: none yet\n"
        "actors: Jo and Sam\n"
        "claims: later\n"
        "stances: ~\n"
        "relations: 'to do'\n"
        "ignored: nothing\n"
    )
    loaded = loads(text, "m.yaml")
    assert [str(p) for p in loaded.problems] == [
        "m.yaml:2:10: error: 'sources' must be a mapping of id: entry,"
        " not the text 'none yet' [wrong-type]",
        "m.yaml:3:9: error: 'actors' must be a mapping of id: entry,"
        " not the text 'Jo and Sam' [wrong-type]",
        "m.yaml:4:9: error: 'claims' must be a mapping of id: entry,"
        " not the text 'later' [wrong-type]",
        "m.yaml:6:12: error: 'relations' must be a list of entries,"
        " not the text 'to do' [wrong-type]",
        "m.yaml:7:10: error: 'ignored' must be a list of entries,"
        " not the text 'nothing' [wrong-type]",
    ]
    assert (loaded.map.sources, loaded.map.actors, loaded.map.stances) == ((), (), ())


# --------------------------------------------------------------------------- the fast path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # YAML does not count a no-break or em space as indentation: these lines are text.
        ("\xa0# c\n" + BASE, "m.yaml:2:6: error: invalid YAML: mapping values are not allowed"),
        (
            BASE.replace("actors:\n", "actors:\n\u2003# c\n"),
            "m.yaml:9:5: error: invalid YAML: could not find expected ':'",
        ),
    ],
)
def test_a_line_led_by_a_unicode_space_is_left_to_the_full_loader(text: str, message: str) -> None:
    assert fast_load(text, "m.yaml") is None
    with pytest.raises(LoadError) as caught:
        loads(text, "m.yaml")
    assert str(caught.value).startswith(message)


def test_block_list_items_keep_a_leading_unicode_space_and_their_columns() -> None:
    text = BASE.replace(
        "    kind: person\n  sam:",
        "    kind: person\n    affiliations:\n      - \xa0party\n      - union\n  sam:",
    )
    amap = fast_load(text, "m.yaml")
    assert amap is not None
    jo = amap.actors[0]
    assert jo.affiliations == ("\xa0party", "union")
    assert jo.affiliation_locs == (Location("m.yaml", 12, 9), Location("m.yaml", 13, 9))
