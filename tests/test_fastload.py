"""The fast path: the same map and locations as the full loader, or no answer at all."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import LoadError
from argmap.load import fast as fastload
from argmap.load.fast import fast_load
from argmap.model import ArgumentMap, derive_stance_ids

from .helpers import BASE, EVERY_FIELD, agrees, full, fuzz_settings, generate

ROOT = Path(__file__).resolve().parent.parent
PATH = "m.yaml"
FUZZ = fuzz_settings(300)


# --------------------------------------------------------------------------- accepted


@pytest.mark.parametrize(("stances", "seed"), [(1, 1), (40, 2), (700, 3)])
def test_generated_maps_load_the_same_as_through_the_full_loader(stances: int, seed: int) -> None:
    assert agrees(generate.generate(stances, seed)) is not None


def test_the_example_in_the_format_spec() -> None:
    spec = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    example = spec.split("## A complete small example")[1].split("```yaml\n")[1].split("```")[0]
    amap = agrees(example)
    assert amap is not None
    assert [s.id for s in amap.stances] == [
        "jo-green/supports/allow-room",
        "jo-green/supports/room-saves-lives",
        "sam-chief/supports/room-helps-dealers",
        "green-party/supports/allow-room",
    ]


def test_the_curated_map_if_present() -> None:
    path = ROOT / "arguments.yaml"
    if not path.exists():
        pytest.skip("no curated map in this checkout")
    agrees(path.read_text(encoding="utf-8"))


def test_the_base_map_of_the_check_tests() -> None:
    assert agrees(BASE) is not None


STYLES = BASE.replace("title: T\n", "---  # one document\ntitle: T   # the title\n").replace(
    "  - actor: jo\n    supports: allow\n    source: gazette\n    quote: Yes.\n",
    "  -   actor: jo  \n      supports: 'allow'\n      source: \"gazette\"\n"
    "      quote: It's R&D! *really* x#1 – “yes” 😀 ok #comment\n"
    "      reported: no\n      date: ~\n      note:\n\n  # a comment\n",
)


def test_comments_quotes_and_spacing_are_read_as_yaml_reads_them() -> None:
    amap = agrees(STYLES)
    assert amap is not None
    stance = amap.stances[0]
    assert (stance.claim, stance.source, stance.date, stance.note) == (
        "allow",
        "gazette",
        None,
        None,
    )
    assert stance.quote == "It's R&D! *really* x#1 – “yes” 😀 ok"
    assert stance.field_locs["quote"].col == 14
    assert stance.field_locs["note"].line == stance.field_locs["date"].line + 1


def test_flow_lists_with_their_item_locations() -> None:
    text = BASE.replace(
        "    kind: person\n  sam:", "    kind: person\n    affiliations: [sam,  x-1 ,]\n  sam:", 1
    ).replace("    text: Allow it\n", "    text: Allow it\n    tags: []\n")
    amap = agrees(text)
    assert amap is not None
    jo = amap.actors_by_id["jo"]
    assert jo.affiliations == ("sam", "x-1")
    assert [(loc.line, loc.col) for loc in jo.affiliation_locs] == [(11, 20), (11, 26)]


def test_indentless_sequences_and_deeper_indents() -> None:
    text = (
        "title: T\nsources:\n    s:\n        title: S\n        publisher: P\n"
        "        date: unknown\nactors:\n  a:\n    name: A\n    kind: group\n"
        "claims:\n  c:\n    text: C\nstances:\n- actor: a\n  neutral: c\n  source: s\n"
        "  reported: true\nrelations:\n"
    )
    amap = agrees(text)
    assert amap is not None
    assert amap.stances[0].id == "a/neutral/c"
    assert amap.relations == ()


def test_empty_sections() -> None:
    amap = agrees("title: T\nsources:\nactors: ~\nclaims: null\nstances: []\nignored:\n")
    assert amap == ArgumentMap(title="T", path=PATH)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (">-", "Yes,  and # more. 'x'"),
        (">", "Yes,  and # more. 'x'\n"),
        ("|-  # literal", "Yes, \nand # more. 'x'"),
        ("|", "Yes, \nand # more. 'x'\n"),
    ],
)
def test_block_scalars_as_argmap_fmt_writes_long_quotes(header: str, expected: str) -> None:
    text = BASE.replace(
        "    quote: Yes.\n", f"    quote: {header}\n      Yes, \n      and # more. 'x'\n\n"
    )
    amap = agrees(text)
    assert amap is not None
    assert amap.stances[0].quote == expected
    assert amap.stances[0].field_locs["quote"].col == 12


# --------------------------------------------------------------------------- declined


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: T", "title: &t T"),  # an anchor
        ("    title: G", "    title: *t"),  # an alias
        ("title: T", "title: !!str T"),  # a tag
        ("title: T", "title: !local T"),
        ("    quote: Yes.", "    quote: >+\n      Yes."),  # a block scalar that keeps breaks
        ("    quote: Yes.", "    quote: >2-\n        Yes."),  # an indentation indicator
        ("    quote: Yes.", "    quote: >-\n      Yes,\n        and more."),  # more indented
        ("    quote: Yes.", "    quote: >-\n      Yes,\n\n      and more."),  # a kept break
        ("    quote: Yes.", "    quote: >-\n    source: gazette"),  # an empty block scalar
        ("  - actor: jo", "  - >-\n    jo"),  # a block scalar as an item
        ("    quote: Yes.", "    quote: Yes,\n      and more."),  # a multi-line plain scalar
        ("    quote: Yes.", "    quote: 'Yes,\n      and more.'"),  # a multi-line quoted one
        ("    quote: Yes.", '    quote: "Yes\\tand"'),  # an escape
        ("    quote: Yes.", "    quote:\tYes."),  # a tab
        ("    quote: Yes.", "    quote: a: b"),  # a mapping where text belongs
        ("    quote: No.", "    quote: No.\n    quote: Again."),  # a duplicate key
        ("    quote: No.", "    qoute: No."),  # an unknown key
        ("    quote: No.", "    reported: 'yes'"),  # a quoted boolean
        ("    kind: person", "    kind: persn"),  # a bad enum value
        ("  jo:", "  Jo:"),  # an id that is not a slug
        ("    name: Jo", "    name: [Jo]"),  # a list where text belongs
        ("    name: Jo", "    name: ''"),  # an empty required field
        ("    name: Jo", "    name: {first: Jo}"),  # a flow mapping
        ("    supports: allow", "    supports: allow\n    opposes: allow"),
        ("title: T", "title: T\n---\ntitle: U"),  # a second document
        ("title: T", "%YAML 1.1\n---\ntitle: T"),  # a directive
        ("title: T", "title: T\r"),  # a carriage return
        ("title: T", "title: T\x85"),  # NEL, a line break in YAML 1.1
        ("title: T", "title: T\x07"),  # a control character
        ("title: T", "title: \ufeffT"),  # a byte-order mark inside
        ("relations:", "relations:\n  -\n    from: saves"),  # an item on the next line
        ("relations:", "relations:\n  - - saves"),
        ("sources:", "sources: []\nx:"),
    ],
)
def test_anything_unusual_is_left_to_the_full_loader(old: str, new: str) -> None:
    text = BASE.replace(old, new, 1)
    assert text != BASE
    assert fast_load(text, PATH) is None
    agrees(text)


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "# only a comment\n", "---\n", "- a\n- b\n", "  title: T\n", "just text\n"],
)
def test_empty_or_non_mapping_files_are_left_to_the_full_loader(text: str) -> None:
    assert fast_load(text, PATH) is None


def test_nesting_past_the_format_is_left_to_the_full_loader() -> None:
    deep = "title: T\n" + "".join(f"{'  ' * i}k{i}:\n" for i in range(40)) + "  " * 40 + "x: y\n"
    assert fast_load(deep, PATH) is None
    with pytest.raises(LoadError, match="nesting deeper than 32 levels"):
        full(deep)


def test_a_missing_section_is_left_to_the_full_loader() -> None:
    text = BASE.replace("stances:", "statements:")
    assert fast_load(text, PATH) is None
    assert "unknown-key" in {p.rule for p in full(text).problems}


# --------------------------------------------------------------------------- pieces


def test_derived_stance_ids_lengthen_only_where_needed() -> None:
    keys: list[tuple[str, str, str, str, str | None] | None] = [
        ("jo", "supports", "allow", "gazette", None),
        ("jo", "supports", "allow", "herald", None),
        ("sam", "opposes", "allow", "gazette", "2021"),
        ("sam", "opposes", "allow", "gazette", None),
        None,
        ("amy", "neutral", "allow", "gazette", None),
    ]
    assert derive_stance_ids(keys) == [
        "jo/supports/allow/gazette",
        "jo/supports/allow/herald",
        "sam/opposes/allow/gazette/2021",
        "sam/opposes/allow/gazette/undated",
        None,
        "amy/neutral/allow",
    ]


def test_the_garbage_collector_is_left_as_it_was() -> None:
    assert gc.isenabled()
    fast_load(BASE, PATH)
    assert gc.isenabled()
    gc.disable()
    try:
        fast_load(BASE, PATH)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_map_with_every_field_loads_the_same_through_both_loaders() -> None:
    # Written out by hand, not from model.FIELDS, so a key dropped from either loader or
    # from the vocabulary fails here.
    assert agrees(EVERY_FIELD) is not None
    assert full(EVERY_FIELD).problems == ()


@pytest.mark.parametrize("entry", ["    colour: red\n", "    quotes: 'x'\n"])
def test_an_unknown_key_is_refused_by_the_full_loader_and_left_to_it_by_the_fast_one(
    entry: str,
) -> None:
    text = EVERY_FIELD.replace("    role: councillor\n", "    role: councillor\n" + entry)
    assert fast_load(text, "m.yaml") is None
    assert [p.rule for p in full(text).problems] == ["unknown-key"]


def test_field_locations_behave_as_a_mapping() -> None:
    amap = fast_load(BASE, PATH)
    assert amap is not None
    locs = amap.stances[1].field_locs
    assert list(locs) == ["actor", "opposes", "source", "quote"]
    assert len(locs) == 4
    assert str(locs["quote"]) == "m.yaml:28:12"
    assert locs.get("date") is None
    assert repr(locs).startswith("{'actor': Location(file='m.yaml', line=25, col=12)")


# --------------------------------------------------------------------------- fuzzing

# Pieces of YAML syntax and of text that looks like it, to splice into a valid map.
PIECES = st.text(
    alphabet=st.sampled_from(list(" \t\n:-#'\"[]{},&*!|>%@`?~\\\xa0\x85é’“😀abcq019")),
    max_size=12,
)
LINES = BASE.splitlines(keepends=True)


@FUZZ
@given(st.integers(0, len(BASE)), st.integers(0, 6), PIECES)
def test_splices_agree_with_the_full_loader(start: int, length: int, insert: str) -> None:
    agrees(BASE[:start] + insert + BASE[start + length :])


@FUZZ
@given(st.integers(0, len(LINES) - 1), st.sampled_from(["", " ", "  ", "- ", "# "]), PIECES)
def test_line_edits_agree_with_the_full_loader(index: int, prefix: str, insert: str) -> None:
    lines = list(LINES)
    indent = re.match(r" *", lines[index])
    assert indent is not None
    lines[index] = lines[index][: indent.end()] + prefix + lines[index][indent.end() :] + insert
    agrees("".join(lines))


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["  - ", "    ", "  "]), st.sampled_from(sorted(fastload._STANCE_KEYS))
        ),
        max_size=6,
    ),
    st.lists(PIECES, min_size=6, max_size=6),
)
def test_stance_entries_agree_with_the_full_loader(
    fields: list[tuple[str, str]], values: list[str]
) -> None:
    entry = "".join(
        f"{lead}{key}: {value}\n" for (lead, key), value in zip(fields, values, strict=False)
    )
    agrees(BASE.replace("relations:\n", entry + "relations:\n"))


@FUZZ
@given(
    st.sampled_from([">", ">-", "|", "|-", ">+", "> #c"]),
    st.lists(st.tuples(st.sampled_from(["", " ", "  ", "\n"]), PIECES), min_size=1, max_size=4),
    st.sampled_from(["", "\n", "\n\n", "  \n"]),
)
def test_block_scalars_agree_with_the_full_loader(
    header: str, lines: list[tuple[str, str]], after: str
) -> None:
    body = "".join(f"      {extra}{piece}\n" for extra, piece in lines)
    agrees(BASE.replace("    quote: Yes.\n", f"    quote: {header}\n{body}{after}"))


@FUZZ
@given(st.sampled_from(["'", '"', None]), st.text(max_size=30))
def test_dumped_scalars_agree_with_the_full_loader(style: str | None, quote: str) -> None:
    dumped = yaml.safe_dump({"quote": quote}, default_style=style, allow_unicode=True, width=1000)
    agrees(
        BASE.replace("    quote: Yes.\n", "    " + dumped.replace("\n", "\n    ").rstrip() + "\n")
    )
