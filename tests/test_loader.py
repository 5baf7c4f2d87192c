"""The loader: schema problems with exact locations, and every YAML hazard refused cleanly."""

from __future__ import annotations

import pytest

from argmap.errors import LoadError
from argmap.load import MAX_BYTES, load_file, loads, read_text
from argmap.model import ActorKind, ClaimKind, Position, RelationKind

from .helpers import BASE


def fatal(text: str) -> str:
    with pytest.raises(LoadError) as caught:
        loads(text)
    return str(caught.value)


def schema(text: str) -> list[str]:
    return [str(p) for p in loads(text).problems]


def test_base_map_loads_into_the_model() -> None:
    amap = loads(BASE).map
    assert amap.title == "T"
    assert [a.id for a in amap.actors] == ["jo", "sam"]
    assert amap.actors[0].kind is ActorKind.PERSON
    assert [(c.id, c.kind) for c in amap.claims] == [
        ("allow", ClaimKind.PROPOSAL),
        ("saves", ClaimKind.CLAIM),
    ]
    assert [(s.id, s.position, s.quote) for s in amap.stances] == [
        ("jo/supports/allow", Position.SUPPORTS, "Yes."),
        ("sam/opposes/saves", Position.OPPOSES, "No."),
    ]
    assert [(r.id, r.kind) for r in amap.relations] == [
        ("saves/supports/allow", RelationKind.SUPPORTS)
    ]
    assert amap.sources[0].date == "2024-03-01"  # kept as written, never a datetime
    stance = amap.stances[0]
    assert (stance.loc.line, stance.loc.col) == (21, 5)  # type: ignore[union-attr]
    assert (stance.field_locs["quote"].line, stance.field_locs["quote"].col) == (24, 12)


def test_stance_ids_lengthen_only_where_needed() -> None:
    extra = (
        "  - actor: jo\n    supports: allow\n    source: gazette\n    quote: Again.\n    date: 2024-05-01\n"
        "  - actor: jo\n    supports: allow\n    source: gazette\n    quote: Thrice.\n    date: 2024-06-01\n"
    )
    amap = loads(BASE.replace("relations:", extra + "relations:")).map
    assert [s.id for s in amap.stances] == [
        "jo/supports/allow/gazette/undated",
        "sam/opposes/saves",
        "jo/supports/allow/gazette/2024-05-01",
        "jo/supports/allow/gazette/2024-06-01",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    kind: person\n  sam:",
            "    kind: persn\n  sam:",
            "arguments.yaml:10:11: error: 'kind' of actor 'jo' must be one of person, party, government, public-body, council, police, charity, group, organisation; not 'persn'; did you mean 'person'? [invalid-value]",
        ),
        (
            "    supports: allow\n",
            "    suports: allow\n",
            "arguments.yaml:22:5: error: unknown key 'suports' in stance; did you mean 'supports'? [unknown-key]",
        ),
        (
            "    name: Jo\n",
            "",
            "arguments.yaml:8:3: error: actor 'jo' needs 'name' [missing-field]",
        ),
        (
            "    name: Jo\n",
            "    name:\n",
            "arguments.yaml:9:10: error: actor 'jo' needs 'name' [missing-field]",
        ),
        (
            "    name: Jo\n",
            "    name: [Jo]\n",
            "arguments.yaml:9:11: error: 'name' of actor 'jo' must be text, not a list [wrong-type]",
        ),
        (
            "    quote: Yes.\n",
            "    quote: Yes.\n    reported: maybe\n",
            "arguments.yaml:25:15: error: 'reported' of stance must be true or false [wrong-type]",
        ),
        (
            "    supports: allow\n",
            "    supports: allow\n    opposes: allow\n",
            "arguments.yaml:23:14: error: stance has both 'supports' and 'opposes'; it takes exactly one; split it into two entries [conflicting-fields]",
        ),
        (
            "  jo:\n",
            "  Jo Green:\n",
            "arguments.yaml:8:3: error: actor id 'Jo Green' is not a kebab-case slug; use lowercase letters, digits and hyphens, e.g. 'jo-green' [invalid-id]",
        ),
        (
            "title: T\n",
            "title: T\ncolour: red\n",
            "arguments.yaml:2:1: error: unknown key 'colour' in the map; allowed keys: title, description, sources, actors, claims, stances, relations, ignored [unknown-key]",
        ),
        (
            "stances:\n",
            "stances: {}\nx:\n",
            "arguments.yaml:20:10: error: 'stances' must be a list of entries, not a mapping [wrong-type]",
        ),
        (
            "    kind: person\n  sam:",
            "    kind: person\n    affiliations: party\n  sam:",
            "arguments.yaml:11:19: error: 'affiliations' of actor 'jo' must be a list, not the text 'party'; write [party] [wrong-type]",
        ),
    ],
)
def test_schema_problems_are_located(old: str, new: str, expected: str) -> None:
    assert old in BASE
    problems = schema(BASE.replace(old, new, 1))
    assert expected in problems


def test_duplicate_keys_at_any_depth_name_both_places() -> None:
    text = BASE.replace("    name: Jo\n", "    name: Jo\n    name: Joanna\n").replace(
        "  sam:\n", "  jo:\n    name: J\n    kind: person\n  sam:\n"
    )
    assert schema(text) == [
        "arguments.yaml:10:5: error: duplicate key 'name' (first at line 9, column 5);"
        " this one would be lost; rename or merge the two entries [duplicate-key]",
        "arguments.yaml:12:3: error: duplicate key 'jo' (first at line 8, column 3);"
        " this one would be lost; rename or merge the two entries [duplicate-key]",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "",
            "arguments.yaml: error: file is empty; start from the example in docs/format.md [empty]",
        ),
        (
            "# only a comment\n",
            "arguments.yaml: error: file is empty; start from the example in docs/format.md [empty]",
        ),
        (
            "- a\n- b\n",
            "arguments.yaml:1:1: error: the top level must be a mapping (title:, sources:, actors:, ...), not a list [wrong-type]",
        ),
        (
            "just text\n",
            "arguments.yaml:1:1: error: the top level must be a mapping (title:, sources:, actors:, ...), not the text 'just text' [wrong-type]",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "arguments.yaml:2:1: error: the file holds several YAML documents; a map is one document; remove the '---' separator [several-documents]",
        ),
        (
            "title: &t T\ndescription: *t\n",
            "arguments.yaml:1:8: error: anchors (&t) are not supported; write the value out in full [alias]",
        ),
        (
            "title: !!python/object:os.system T\n",
            "arguments.yaml:1:8: error: tags such as 'tag:yaml.org,2002:python/object:os.system' are not allowed; remove the tag [tag]",
        ),
        (
            "title: !custom T\n",
            "arguments.yaml:1:8: error: tags such as '!custom' are not allowed; remove the tag [tag]",
        ),
        (
            "title: T\n\tsources: {}\n",
            "arguments.yaml:2:1: error: invalid YAML: found a tab character that violates indentation [syntax]",
        ),
        (
            "title: [unclosed\n",
            "arguments.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' [syntax]",
        ),
        (
            "a: " + "[" * 40 + "]" * 40 + "\n",
            "arguments.yaml:1:35: error: nesting deeper than 32 levels [too-deep]",
        ),
        ("{a: 1}: 2\n", "arguments.yaml:1:1: error: mapping keys must be plain text [syntax]"),
    ],
)
def test_hazards_are_one_clean_error(text: str, expected: str) -> None:
    assert fatal(text) == expected


def test_alias_bomb_is_refused_at_the_first_anchor() -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    assert fatal(bomb).endswith("[alias]")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # libyaml (PyYAML >= 6.0.4) scans 1000 of these ahead before it hands over an event
        ("[" * 200_000 + "]" * 200_000, "1:33"),
        ("title: x\r\nactors:\r\n  - " + "[" * 5000, "3:35"),
        ("{a: " * 1200, "1:129"),
        ("\n".join(" " * i + f"a{i}:" for i in range(1200)), "33:33"),
    ],
)
def test_deep_nesting_far_past_any_recursion_limit_is_refused(text: str, where: str) -> None:
    assert fatal(text) == f"arguments.yaml:{where}: error: nesting deeper than 32 levels [too-deep]"


def test_byte_order_mark_and_windows_line_endings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "crlf.yaml"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + BASE.replace("\n", "\r\n")
        .replace("kind: person\r\n  sam", "kind: persn\r\n  sam")
        .encode()
    )
    loaded = load_file(str(path))
    assert [(p.loc.line, p.loc.col, p.rule) for p in loaded.problems] == [(10, 11, "invalid-value")]
    assert loaded.map.actors[0].name == "Jo"


def test_not_utf8_is_reported_with_the_byte_offset() -> None:
    data = b"title: caf" + b"\xe9\n"
    with pytest.raises(LoadError) as caught:
        read_text(data, "m.yaml")
    assert (
        str(caught.value)
        == "m.yaml:1:11: error: file is not valid UTF-8: byte 0xe9 at offset 10; save the file as UTF-8 [encoding]"
    )


def test_binary_garbage_is_a_clean_error() -> None:
    with pytest.raises(LoadError) as caught:
        read_text(b"\x89PNG\r\n\x1a\n\x00\x00", "m.yaml")
    assert "[encoding]" in str(caught.value)
    with pytest.raises(LoadError) as caught:
        loads("title: a\x07b\n")
    assert (
        str(caught.value)
        == "arguments.yaml:1:9: error: invalid YAML: control characters are not allowed [syntax]"
    )


def test_oversized_file_is_refused_before_parsing() -> None:
    with pytest.raises(LoadError) as caught:
        read_text(b" " * (MAX_BYTES + 1), "big.yaml")
    assert str(caught.value).startswith(
        "big.yaml: error: file is 67,108,865 bytes, over the limit of 67,108,864"
    )


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p / "missing.yaml", "error: no such file [read-error]"),
        (lambda p: p, "error: is a directory, not a map file [read-error]"),
    ],
)
def test_unreadable_paths(tmp_path, make, expected) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LoadError) as caught:
        load_file(str(make(tmp_path)))
    assert str(caught.value).endswith(expected)
