"""The format's declaration (argmap/load/format.py) is what both loaders and the schema do."""

from __future__ import annotations

import pytest

from argmap.load import build_map, compose
from argmap.load.fast import fast_load
from argmap.load.format import ENTRIES, FIELDS, ID, SECTIONS, SPECIAL_WORDS, Type
from argmap.schema import schema

from .helpers import EVERY_FIELD


def _without(text: str, start: str, end: str | None = None) -> str:
    """The text with `start` removed, or everything from `start` up to `end`."""
    begin = text.index(start)
    stop = text.index(end, begin) if end else begin + len(start)
    return text[:begin] + text[stop:]


# For each field the format requires, EVERY_FIELD without it, and the problem reported.
MISSING = {
    ("map", "title"): (
        _without(EVERY_FIELD, "title: Every field\n"),
        "1:1: the map needs 'title'",
    ),
    ("map", "sources"): (
        _without(EVERY_FIELD, "sources:\n", "actors:\n"),
        "1:1: the map needs 'sources'",
    ),
    ("map", "actors"): (
        _without(EVERY_FIELD, "actors:\n", "claims:\n"),
        "1:1: the map needs 'actors'",
    ),
    ("map", "claims"): (
        _without(EVERY_FIELD, "claims:\n", "stances:\n"),
        "1:1: the map needs 'claims'",
    ),
    ("map", "stances"): (
        _without(EVERY_FIELD, "stances:\n", "relations:\n"),
        "1:1: the map needs 'stances'",
    ),
    ("source", "title"): (_without(EVERY_FIELD, "    title: S\n"), "4:3: source 's' needs 'title'"),
    ("source", "publisher"): (
        _without(EVERY_FIELD, "    publisher: P\n"),
        "4:3: source 's' needs 'publisher'",
    ),
    ("source", "date"): (
        _without(EVERY_FIELD, "    date: 2024-01-02\n"),
        "4:3: source 's' needs 'date'",
    ),
    ("actor", "name"): (_without(EVERY_FIELD, "    name: A\n"), "11:3: actor 'a' needs 'name'"),
    ("actor", "kind"): (
        _without(EVERY_FIELD, "    kind: person\n"),
        "11:3: actor 'a' needs 'kind'",
    ),
    ("claim", "text"): (
        _without(EVERY_FIELD, "    text: P should happen\n"),
        "20:3: claim 'p' needs 'text'",
    ),
    ("stance", "actor"): (_without(EVERY_FIELD, "    actor: a\n"), "29:5: stance needs 'actor'"),
    ("stance", "source"): (
        _without(EVERY_FIELD, "    source: s\n    date: 2024-01-01\n", "    date"),
        "29:5: stance needs 'source'",
    ),
    ("relation", "from"): (
        EVERY_FIELD.replace("  - from: c\n    attacks: p\n", "  - attacks: p\n"),
        "46:5: relation needs 'from'",
    ),
    ("ignored", "source"): (
        EVERY_FIELD.replace("  - source: s\n    passage: x\n", "  - passage: x\n"),
        "53:5: ignored passage needs 'source'",
    ),
    ("ignored", "passage"): (
        _without(EVERY_FIELD, "    passage: x\n"),
        "53:5: ignored passage needs 'passage'",
    ),
    ("ignored", "reason"): (
        _without(EVERY_FIELD, "    reason: y\n"),
        "53:5: ignored passage needs 'reason'",
    ),
}


def test_the_cases_cover_every_required_field_the_format_declares() -> None:
    declared = {(kind, key) for kind, entry in ENTRIES.items() for key in entry.required}
    assert set(MISSING) == declared


@pytest.mark.parametrize(("kind", "key"), sorted(MISSING))
def test_a_required_field_left_out_is_reported_and_refused_by_the_fast_path(
    kind: str, key: str
) -> None:
    text, expected = MISSING[kind, key]
    root, composed = compose(text, "m.yaml")
    found = [*composed, *build_map(root, "m.yaml").problems]
    assert [f"{p.loc.line}:{p.loc.col}: {p.message}" for p in found] == [expected]
    assert {p.rule for p in found} == {"missing-field"}
    assert fast_load(text, "m.yaml") is None


def test_every_declared_key_is_in_the_schema_and_nothing_else() -> None:
    definitions = schema()["$defs"]
    assert list(schema()["properties"]) == list(FIELDS["map"])
    for kind in ENTRIES.keys() - {"map"}:
        assert list(definitions[kind]["properties"]) == list(FIELDS[kind])
        assert definitions[kind]["required"] == list(ENTRIES[kind].required)


def test_the_declared_sections() -> None:
    assert {name: (e.kind, e.keyed) for name, e in SECTIONS.items()} == {
        "sources": ("source", True),
        "actors": ("actor", True),
        "claims": ("claim", True),
        "stances": ("stance", False),
        "relations": ("relation", False),
        "ignored": ("ignored", False),
    }
    assert [f.key for f in ENTRIES["map"].fields if f.type is Type.ENTRIES] == list(SECTIONS)


def test_the_declared_vocabularies() -> None:
    assert ENTRIES["stance"].one_of == ("supports", "opposes", "neutral")
    assert ENTRIES["relation"].one_of == ("supports", "attacks", "undercuts")
    assert list(ENTRIES["claim"].field("kind").meanings) == ["proposal", "claim", "evidence"]
    # Each closed vocabulary's words, with a meaning each, in the order of its enum.
    for kind, key in [("actor", "kind"), ("claim", "kind")]:
        declared = ENTRIES[kind].field(key)
        assert declared.vocabulary is not None
        assert list(declared.meanings) == [word.value for word in declared.vocabulary]
    assert len(SPECIAL_WORDS) == 23 and {"~", "yes", "Off", ""} <= SPECIAL_WORDS
    assert [bool(ID.match(t)) for t in ("home-office", "a1-b2", "Home", "a--b", "a-", "a\n")] == [
        True,
        True,
        False,
        False,
        False,
        False,
    ]
