"""The canonical reader: the full loader's map and locations, or no answer at all (issue 18).

Every text it refuses goes on to the line reader and then the full loader; `agrees`
checks that whatever answers gives the full loader's map and locations.
"""

from __future__ import annotations

import dataclasses
from itertools import repeat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import LoadError
from argmap.load import canon, fast
from argmap.load.canon import read_canonical
from argmap.load.fast import fast_load
from argmap.model import Location, Position, Stance

from .helpers import BASE, EVERY_FIELD, agrees, full, fuzz_settings, generate, locations

PATH = "m.yaml"
FUZZ = fuzz_settings(300)


def canonical_agrees(text: str) -> bool:
    """Whether the canonical reader answered; when it did, the full loader's map exactly.

    Like fast_load, the only caller, it is given no text with a tab or another character
    the fast path does not read.
    """
    if fast._UNSAFE.search(text):
        assert fast_load(text, PATH) is None
        return False
    amap = read_canonical(text, PATH)
    try:
        expected = full(text)
    except LoadError:
        assert amap is None
        return False
    if amap is None:
        return False
    assert expected.problems == ()
    assert amap == expected.map
    assert locations(amap) == locations(expected.map)
    assert agrees(text) == amap  # fast_load gives it too
    return True


# --------------------------------------------------------------------------- accepted


@pytest.mark.parametrize(
    "text",
    [
        BASE,
        EVERY_FIELD,
        generate.generate(300, 4),
        generate.generate_debate(400, 5),
    ],
    ids=["base", "every-field", "generated", "debate"],
)
def test_canonical_maps_are_read_and_agree_with_the_full_loader(text: str) -> None:
    assert canonical_agrees(text)


def test_values_and_locations_on_a_small_map() -> None:
    text = (
        "title: 'It''s T'\n"
        'description: "D: d"\n'
        "\n\n"
        "sources:\n  s:\n    title: S\n    publisher: P\n    date: unknown\n"
        "\n"
        "actors:\n  a:\n    name: A\n    kind: group\n    affiliations: [b,  c ]\n"
        "  b:\n    kind: person\n    name: B\n    aliases: [Bee, B. B.]\n"
        "  c:\n    name: C\n    kind: party\n"
        "claims:\n  x:\n    tags: []\n    text: X\n"
        "stances:\n"
        "  - quote: 'A''s words'\n    opposes: x\n    source: s\n    actor: a\n"
        "    date: 2024-02\n"
        "  - id: own-id\n    actor: b\n    neutral: x\n    source: s\n    reported: true\n"
        "relations:\n"
        "  - from: x\n    undercuts: y/supports/x\n    inferred: false\n    note: n\n"
    )
    assert canonical_agrees(text)
    amap = read_canonical(text, PATH)
    assert amap is not None
    assert (amap.title, amap.description) == ("It's T", "D: d")
    a, b, _ = amap.actors
    assert (a.affiliations, b.aliases) == (("b", "c"), ("Bee", "B. B."))
    assert a.affiliation_locs == (Location(PATH, 15, 20), Location(PATH, 15, 24))
    assert a.loc == Location(PATH, 12, 3)
    assert dict(a.field_locs) == {
        "name": Location(PATH, 13, 11),
        "kind": Location(PATH, 14, 11),
        "affiliations": Location(PATH, 15, 19),
    }
    assert amap.claims[0].tags == ()
    first, second = amap.stances
    assert (first.id, first.quote, first.position, first.date) == (
        "a/opposes/x",
        "A's words",
        Position.OPPOSES,
        "2024-02",
    )
    assert first.loc == Location(PATH, 28, 5)
    assert list(first.field_locs) == ["quote", "opposes", "source", "actor", "date"]
    assert first.field_locs["date"] == Location(PATH, 32, 11)
    assert (second.id, second.reported, second.quote) == ("own-id", True, None)
    (relation,) = amap.relations
    assert (relation.id, relation.inferred, relation.note) == (
        "x/undercuts/y/supports/x",
        False,
        "n",
    )
    assert relation.field_locs["note"] == Location(PATH, 42, 11)
    assert len(relation.field_locs) == 4
    assert relation.field_locs.get("source") is None
    assert repr(relation.field_locs).startswith("{'from': Location(file='m.yaml', line=39")


def test_empty_sections_and_no_optional_ones() -> None:
    text = "title: T\nsources:\nactors:\n\nclaims:\nstances:\n"
    assert canonical_agrees(text)


def test_objects_sets_every_slot_as_the_constructor_would() -> None:
    made = Stance(
        "a/supports/c", "a", "c", Position.SUPPORTS, "s", quote="q", loc=Location("f", 2, 5)
    )
    columns = {f.name: [getattr(made, f.name)] for f in dataclasses.fields(Stance)}
    (copy,) = canon._objects(Stance, 1, columns)
    assert copy == made
    assert (copy.loc, copy.field_locs) == (made.loc, made.field_locs)
    with pytest.raises(KeyError, match="field_locs"):
        canon._objects(Stance, 1, {k: v for k, v in columns.items() if k != "field_locs"})
    assert canon._objects(Location, 2, {"file": repeat("f"), "line": [1, 2], "col": [3, 4]}) == [
        Location("f", 1, 3),
        Location("f", 2, 4),
    ]


@pytest.mark.parametrize(
    ("single", "double", "plain", "value"),
    [
        ("It''s", None, None, "It's"),
        (None, "a 'b'", None, "a 'b'"),
        (None, None, "x", "x"),
        (None, None, None, None),
    ],
)
def test_text_of_the_three_groups(
    single: str | None, double: str | None, plain: str | None, value: str | None
) -> None:
    assert canon._text(single, double, plain) == value


@pytest.mark.parametrize(
    ("single", "double", "plain"),
    [
        (["a'b"], [""], [""]),
        ([""], ['a"b'], [""]),
        ([""], ["a\\b"], [""]),
        ([""], [""], ["a: b"]),
        ([""], [""], ["a #b"]),
    ],
)
def test_merged_refuses_what_yaml_reads_otherwise(
    single: list[str], double: list[str], plain: list[str]
) -> None:
    with pytest.raises(canon._Reject):
        canon._merged(single, double, plain)
    assert canon._merged(["a''b"], [""], [""]) == ["a'b"]
    assert canon._merged([""], [""], ["a:b#c"]) == ["a:b#c"]


def test_merged_columns_are_the_text_of_each_row() -> None:
    assert canon._merged(["It''s", "", "", ""], ["", "d", "", ""], ["", "", "p", ""]) == [
        "It's",
        "d",
        "p",
        "",
    ]


# --------------------------------------------------------------------------- refused

STANCE = "    quote: Yes.\n"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: T\n", "# a comment\ntitle: T\n"),  # a comment
        (STANCE, "    quote: Yes. # a comment\n"),
        (STANCE, STANCE + "\n"),  # a blank line inside a section
        (STANCE, "    quote: >-\n      Yes.\n"),  # a block scalar
        (STANCE, '    quote: "Yes\\"."\n'),  # an escape
        (STANCE, '    quote: "Yes\\n"\n'),
        (STANCE, '    quote: "Yes" and "no"\n'),  # a quote inside double quotes
        (STANCE, "    quote: 'It's'\n"),  # a lone quote inside single quotes
        (STANCE, "    quote: 'It''s' # c\n"),
        (STANCE, "    quote: Yes. \n"),  # a trailing space
        (STANCE, "    quote:  Yes.\n"),  # two spaces after the colon
        (STANCE, "    quote: ''\n"),  # an empty value
        (STANCE, "    quote: ' Yes.'\n"),  # a value that starts with a space
        (STANCE, "    quote: \xa0\n"),  # ... with any whitespace
        (STANCE, "    quote: a: b\n"),  # a mapping where text belongs
        (STANCE, "    quote: Yes.\n    note: ~\n"),  # a null word
        (STANCE, "    quote: Yes.\n    note: null\n"),
        (STANCE, "    quote: Yes.\n    quote: No.\n"),  # a key twice
        (STANCE, "    quote: Yes.\n    colour: red\n"),  # an unknown key
        (STANCE, "    quote: Yes.\n    opposes: allow\n"),  # two positions
        (STANCE, "    reported: yes\n"),  # a boolean other than true/false
        (STANCE, "    reported: 'true'\n"),  # a quoted one
        ("    supports: allow\n", ""),  # no position
        ("  - actor: jo\n", "  -  actor: jo\n"),  # two spaces after the dash
        ("  - actor: jo\n", "  - actor: jo\n      deeper: x\n"),
        ("    kind: person\n", "    kind: 'person'\n"),  # a quoted choice
        ("    kind: person\n", "    kind: persn\n"),  # an unknown one
        ("    kind: person\n", "    kind: person\n    affiliations:\n      - sam\n"),
        ("    kind: person\n", "    kind: person\n    affiliations: [~]\n"),  # a null item
        ("  jo:\n", "  Jo:\n"),  # an id that is no slug
        ("  sam:\n", "  jo:\n"),  # an id twice
        ("  jo:\n", "  jo: {name: Jo}\n"),  # a flow mapping
        ("title: T\n", "title:\n"),  # no title
        ("title: T\n", "title: T\ntitle: U\n"),
        ("title: T\n", "---\ntitle: T\n"),  # a document marker
        ("title: T\n", "title: T\n  more: x\n"),  # lines under a text field
        ("stances:\n", "statements:\n"),  # an unknown section
        ("relations:\n", "relations: []\n"),  # a flow section
        ("    name: Jo\n", "    name: Jo\n\n    role: r\n"),
    ],
)
def test_anything_else_is_left_to_the_other_readers(old: str, new: str) -> None:
    text = BASE.replace(old, new, 1)
    assert text != BASE
    assert read_canonical(text, PATH) is None
    agrees(text)  # whichever reader answers, it is the full loader's answer


@pytest.mark.parametrize(
    "text",
    ["", "\n", "title: T", "  title: T\n", "- a\n", BASE.rstrip("\n"), BASE.replace("\n", "\n\n")],
)
def test_no_final_line_break_or_no_mapping_is_refused(text: str) -> None:
    assert read_canonical(text, PATH) is None


def test_a_key_longer_than_yaml_allows_is_refused() -> None:
    long_id = "a" * 1025
    text = BASE.replace("  jo:\n", f"  {long_id}:\n").replace("actor: jo\n", f"actor: {long_id}\n")
    assert read_canonical(text, PATH) is None
    assert read_canonical(text.replace(long_id, "a" * 1024), PATH) is not None
    agrees(text)


def test_a_refused_text_is_still_read_by_the_line_reader() -> None:
    text = BASE.replace(STANCE, "    quote: Yes.  # fine\n")
    assert read_canonical(text, PATH) is None
    amap = fast_load(text, PATH)
    assert amap is not None
    assert amap.stances[0].quote == "Yes."


# --------------------------------------------------------------------------- fuzzing

PIECES = st.text(
    alphabet=st.sampled_from(list(" \t\n:-#'\"[]{},&*!|>%@`?~\\\xa0é’“😀abcq019")),
    max_size=12,
)


@FUZZ
@given(st.integers(0, len(EVERY_FIELD)), st.integers(0, 6), PIECES)
def test_splices_agree_with_the_full_loader(start: int, length: int, insert: str) -> None:
    canonical_agrees(EVERY_FIELD[:start] + insert + EVERY_FIELD[start + length :])


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["  - ", "    "]),
            st.sampled_from(["actor", "supports", "opposes", "source", "quote", "date", "id"]),
            st.sampled_from(["x", "'y''s'", '"z"', "~", "true", "[a]", "", " w", "a: b"]),
        ),
        max_size=6,
    )
)
def test_stance_entries_agree_with_the_full_loader(fields: list[tuple[str, str, str]]) -> None:
    entry = "".join(f"{lead}{key}: {value}\n" for lead, key, value in fields)
    canonical_agrees(BASE.replace("relations:\n", entry + "relations:\n"))
