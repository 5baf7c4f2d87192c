"""`argmap check` at 20,000 statements, fourth pass (issue 18): the rewritten steps, exactly.

The character scan on the file's bytes, the canonical reader's line counts and merged
columns, and the rules' quick "can anything be at fault" tests, each on small literal
inputs, beside the differential tests that hold the whole readers to the full loader.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import checks
from argmap.load import canon, fast, load_file, loads
from argmap.load.canon import read_canonical
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    Location,
    Position,
    Relation,
    RelationKind,
    Source,
    Stance,
)

from .helpers import BASE

PATH = "m.yaml"

# What YAML 1.1 allows in a stream, less the line breaks but LF and the byte-order mark:
# the set the fast path reads, written as it was before the fourth pass.
_ALLOWED = re.compile(
    "[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
REFUSED = {
    *range(0x00, 0x0A),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    0x2028,
    0x2029,
    *range(0xD800, 0xE000),
    0xFEFF,
    0xFFFE,
    0xFFFF,
}


def test_unsafe_refuses_exactly_what_yaml_does_not_allow_and_the_odd_breaks() -> None:
    every = "".join(map(chr, range(0x110000)))
    refused = {match.start() for match in fast._UNSAFE.finditer(every)}
    assert refused == REFUSED
    assert refused == {i for i, char in enumerate(every) if not _ALLOWED.match(char)}


@pytest.mark.parametrize(
    "around",
    ["a{}b", "’{}", "{}\ufb01", "\xa3{}\u2019\n"],
    ids=["ascii", "curly-quote", "ef-lead", "pound"],
)
def test_the_byte_scan_agrees_with_the_regex_on_every_character(around: str) -> None:
    points = [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 97), 0x10FFFF]
    for point in points:
        text = around.format(chr(point))
        expected = fast._UNSAFE.search(text) is not None
        assert fast._unsafe_utf8(text.encode("utf-8")) is expected, hex(point)


@pytest.mark.parametrize(
    ("text", "unsafe"),
    [
        ("plain ascii\n", False),
        ("a\tb", True),
        ("a\rb", True),
        ("\x7f", True),
        ("a\x85b", True),  # NEL, a C1 control: 0xC2 0x85
        ("\x9f", True),
        ("£5 and \xa0", False),  # 0xC2 lead bytes that are not C1
        ("a\u2028b", True),
        ("a\u2029b", True),
        ("\u2019quoted\u201d", False),
        ("a\ufeffb", True),
        ("\ufffe", True),
        ("\uffff", True),
        ("\ufb01 \ufffd", False),  # 0xEF lead bytes that are allowed
        ("\U0001f600", False),
    ],
)
def test_the_byte_scan_on_single_characters(text: str, unsafe: bool) -> None:
    assert fast._unsafe_utf8(text.encode("utf-8")) is unsafe


def test_fast_load_with_the_bytes_answers_as_without(tmp_path: Path) -> None:
    tabbed = BASE.replace("title: T\n", "title: T\tU\n", 1)
    for text in (BASE, BASE.replace("title: T\n", "title: T\u2019s\n", 1), tabbed):
        data = text.encode("utf-8")
        assert fast.fast_load(text, PATH, data) == fast.fast_load(text, PATH)
        path = tmp_path / "m.yaml"
        path.write_bytes(b"\xef\xbb\xbf" + data)
        assert load_file(str(path)) == loads(text, str(path))
    assert fast.fast_load(BASE, PATH, BASE.encode()) is not None
    assert fast.fast_load(tabbed, PATH, tabbed.encode()) is None


def test_load_file_refuses_the_fast_path_on_a_tab_and_reports_as_loads(tmp_path: Path) -> None:
    text = BASE.replace("title: T\n", "title: T\t\n", 1)
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    assert fast.fast_load(text, str(path), text.encode()) is None
    assert load_file(str(path)).problems == loads(text, str(path)).problems


# --------------------------------------------------------------------------- canon


def test_top_level_counts_each_body_once_and_numbers_the_lines() -> None:
    text = "title: T\n\nsources:\n  s:\n    title: S\n\n\nactors:\nclaims:\n  c:\n    text: C\n"
    fields, bodies = canon._top_level(text)
    assert fields == {"title": "T"}
    sources, actors, claims = (text.index(k) for k in ("sources:", "actors:", "claims:"))
    assert bodies == {
        "sources": (sources + 9, actors - 2, 4, 2),
        "actors": (actors + 8, actors + 8, 9, 0),
        "claims": (claims + 8, len(text), 10, 2),
    }


def test_a_section_whose_lines_the_entries_do_not_cover_is_refused() -> None:
    text = "title: T\nsources:\nactors:\nclaims:\n  c:\n    text: C\n    text: D\nstances:\n"
    assert read_canonical(text, PATH) is None  # a key twice: two lines, one value
    good = "title: T\nsources:\nactors:\nclaims:\n  c:\n    text: C\n  d:\n    text: D\nstances:\n"
    amap = read_canonical(good, PATH)
    assert amap is not None
    assert [c.loc for c in amap.claims] == [Location(PATH, 5, 3), Location(PATH, 7, 3)]


def test_merged_rows_of_two_columns_take_the_one_text() -> None:
    assert canon._merged(["a''b", "", "x"], ["", "", ""], ["", "p", ""]) == ["a'b", "p", "x"]
    assert canon._merged(["", ""], ["d", ""], ["", "p"]) == ["d", "p"]


# --------------------------------------------------------------------------- start-up


def test_check_of_a_clean_map_imports_no_full_loader_json_or_yaml(tmp_path: Path) -> None:
    (tmp_path / "arguments.yaml").write_text(BASE, encoding="utf-8")
    code = (
        "import sys\n"
        "from argmap.cli import cli\n"
        "try:\n"
        "    cli(['check', 'arguments.yaml'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "lazy = ('argmap.load.build', 'json', 'yaml', 'networkx', 'jinja2')\n"
        "print('loaded:', sorted(m for m in lazy if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.stdout == "arguments.yaml: no problems\n"
    assert result.stderr.strip().splitlines()[-1] == "loaded: []"


def test_build_map_is_still_the_package_s_on_first_use() -> None:
    import argmap.load
    from argmap.load import build

    assert argmap.load.build_map is build.build_map
    assert build.Loaded is argmap.load.Loaded
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        _ = argmap.load.nothing  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- rules


def _stance(actor: str, claim: str, position: Position) -> Stance:
    return Stance(f"{actor}/{claim}", actor, claim, position, "s", None, False, None)


def _relation(origin: str, kind: RelationKind, target: str) -> Relation:
    return Relation(f"{origin}/{kind.value}/{target}", origin, target, kind)


def test_all_known_looks_up_every_name() -> None:
    known = {"a": 1, "b": 2}
    assert checks._all_known(["a", "b", "a"], known) is True
    assert checks._all_known(["a", "c"], known) is False
    assert checks._all_known([], known) is True
    assert checks._all_known(iter(["b", "a"]), known) is True


def test_pairs_taken_are_the_actor_and_claim_of_one_position_in_order() -> None:
    stances = [
        _stance("jo", "x", Position.SUPPORTS),
        _stance("sam", "x", Position.OPPOSES),
        _stance("jo", "y", Position.SUPPORTS),
        _stance("kim", "y", Position.NEUTRAL),
    ]
    assert list(checks._pairs_taken(stances, Position.SUPPORTS)) == [("jo", "x"), ("jo", "y")]
    assert list(checks._pairs_taken(stances, Position.OPPOSES)) == [("sam", "x")]
    assert list(checks._pairs_taken(stances, Position.NEUTRAL)) == [("kim", "y")]


def test_attacks_between_keeps_attacks_with_both_ends_in_the_set_in_order() -> None:
    relations = [
        _relation("a", RelationKind.ATTACKS, "b"),
        _relation("a", RelationKind.SUPPORTS, "b"),
        _relation("a", RelationKind.ATTACKS, "c"),
        _relation("c", RelationKind.ATTACKS, "b"),
        _relation("b", RelationKind.ATTACKS, "a"),
        _relation("b", RelationKind.ATTACKS, "b"),
    ]
    found = checks._attacks_between(relations, {"a", "b"})
    assert found == [relations[0], relations[4], relations[5]]
    assert checks._attacks_between(relations, set()) == []


def test_incoherent_actors_only_between_supported_claims_in_relation_order() -> None:
    stances = (
        _stance("jo", "a", Position.SUPPORTS),
        _stance("jo", "b", Position.SUPPORTS),
        _stance("sam", "b", Position.SUPPORTS),
        _stance("sam", "a", Position.SUPPORTS),
        _stance("kim", "c", Position.SUPPORTS),
        _stance("kim", "a", Position.OPPOSES),
    )
    relations = (
        _relation("b", RelationKind.ATTACKS, "a"),
        _relation("c", RelationKind.ATTACKS, "a"),
        _relation("a", RelationKind.SUPPORTS, "b"),
        _relation("a", RelationKind.ATTACKS, "a"),
    )
    amap = ArgumentMap("T", stances=stances, relations=relations)
    found = [(p.message, p.loc) for p in checks.incoherent_actors(amap, dt.date(2025, 1, 1))]
    assert found == [
        (
            f"actor '{actor}' supports 'b', which attacks 'a', which it also supports",
            Location("?", 0, 0),
        )
        for actor in ("jo", "sam")
    ]


def test_contradictory_stances_need_one_actor_on_both_sides_of_one_claim() -> None:
    day = dt.date(2025, 1, 1)
    apart = (
        _stance("jo", "a", Position.SUPPORTS),
        _stance("sam", "a", Position.OPPOSES),
        _stance("jo", "b", Position.OPPOSES),
    )
    assert list(checks.contradictory_stances(ArgumentMap("T", stances=apart), day)) == []
    both = (*apart, _stance("jo", "b", Position.SUPPORTS))
    (found,) = checks.contradictory_stances(ArgumentMap("T", stances=both), day)
    assert found.message == "actor 'jo' both supports and opposes claim 'b' (see line 0)"


def test_unused_entries_in_the_map_s_order_and_only_those() -> None:
    amap = ArgumentMap(
        "T",
        sources=(
            Source("s2", "S", "P", "2024"),
            Source("s1", "S", "P", "2024"),
            Source("s0", "S", "P", "2024"),
        ),
        actors=(
            Actor("zed", "Z", ActorKind.PERSON),
            Actor("jo", "J", ActorKind.PERSON, affiliations=("party",)),
            Actor("party", "P", ActorKind.PARTY),
            Actor("amy", "A", ActorKind.PERSON),
        ),
        claims=(Claim("z", "Z"), Claim("a", "A"), Claim("m", "M", source="s0"), Claim("b", "B")),
        stances=(_stance("jo", "a", Position.SUPPORTS),),
        relations=(Relation("m/supports/a", "m", "a", RelationKind.SUPPORTS, source="s1"),),
    )
    found = [(p.rule, p.message) for p in checks.unused_entries(amap, dt.date(2025, 1, 1))]
    assert found == [
        ("orphan-claim", "claim 'z' has no stance and no relation"),
        ("orphan-claim", "claim 'b' has no stance and no relation"),
        ("idle-actor", "actor 'zed' has no stance"),
        ("idle-actor", "actor 'amy' has no stance"),
        ("unused-source", "source 's2' is cited by no stance, claim or relation"),
    ]


@pytest.mark.parametrize(
    ("plain", "refused"),
    [
        (["a:b", "c#d"], False),  # ':' and '#' alone are text
        (["a:", " b"], False),  # a pair across two values is not in either
        (["x", "a: b"], True),
        (["a #b", "y"], True),
        (["a# b", "x :y"], False),
    ],
)
def test_merged_plain_column_refuses_a_mapping_or_a_comment(
    plain: list[str], refused: bool
) -> None:
    empty = [""] * len(plain)
    if refused:
        with pytest.raises(canon._Reject):
            canon._merged(empty, empty, plain)
    else:
        assert canon._merged(empty, empty, plain) == plain
