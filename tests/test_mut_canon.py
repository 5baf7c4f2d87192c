"""`load/canon.py`, the canonical reader, pinned where mutmut found a gap.

docs/testing.md, "Mutation testing: third-pass code (fourth pass)". Most tests go through
`read_canonical` and `loads` (the map, its locations, or no answer); the first pins the
private `_Kind`, because canon builds its regexes once at import, where mutmut cannot
switch a mutant on: a fresh `_Kind` is the only way its 79 mutants are seen at all.
"""

from __future__ import annotations

import pytest

from argmap.load import canon, loads
from argmap.load.canon import read_canonical

from .helpers import BASE, PATH, full

# One entry of each kind, every field written, in the canonical layout.
ENTRIES = {
    "source": "  gazette:\n    title: 'G''s'\n    publisher: \"P\"\n    date: 2024-03-01\n"
    "    url: https://e.org/x\n    file: f.txt\n",
    "actor": "  jo:\n    name: Jo\n    kind: person\n    role: mp\n    affiliations: [lab]\n"
    "    aliases: []\n",
    "claim": "  allow:\n    kind: proposal\n    text: Allow it\n    label: A\n"
    "    source: gazette\n    tags: [x, y]\n  saves:\n    text: It saves lives\n",
    "stance": "  - id: jo-1\n    actor: jo\n    supports: allow\n    source: gazette\n"
    "    date: 2024-03-02\n    reported: true\n    quote: 'It''s so.'\n    note: n\n"
    "  - actor: sam\n    neutral: allow\n    source: gazette\n",
    "relation": "  - from: saves\n    attacks: allow\n    source: gazette\n    inferred: false\n"
    "    note: n\n",
    "ignored": '  - source: gazette\n    passage: "p"\n    reason: r\n',
}

# A row: the id (keyed kinds), then each field's groups: a text's three (single-quoted,
# double-quoted, plain), one for a choice, a flag or a list; a stance's or relation's
# `one_of` is the key, then its value's three.
ROWS: dict[str, list[tuple[str, ...]]] = {
    "source": [
        (
            "gazette",
            "G''s",
            "",
            "",
            "",
            "P",
            "",
            "",
            "",
            "2024-03-01",
            "",
            "",
            "https://e.org/x",
            "",
            "",
            "f.txt",
        )
    ],
    "actor": [("jo", "", "", "Jo", "person", "", "", "mp", "[lab]", "[]")],
    "claim": [
        ("allow", "proposal", "", "", "Allow it", "", "", "A", "", "", "gazette", "[x, y]"),
        ("saves", "", "", "", "It saves lives", "", "", "", "", "", "", ""),
    ],
    "stance": [
        (
            "supports",
            "",
            "",
            "allow",
            "jo-1",
            "",
            "",
            "jo",
            "",
            "",
            "gazette",
            "",
            "",
            "2024-03-02",
            "true",
            "It''s so.",
            "",
            "",
            "",
            "",
            "n",
        ),
        ("neutral", "", "", "allow", "", "", "", "sam", "", "", "gazette", *[""] * 10),
    ],
    "relation": [
        ("attacks", "", "", "allow", "", "", "saves", "", "", "gazette", "false", "", "", "n")
    ],
    "ignored": [("", "", "gazette", "", "p", "", "", "", "r")],
}

GROUPS: dict[str, dict[str, tuple[int, int]]] = {
    "source": {"title": (1, 4), "publisher": (4, 7), "date": (7, 10), "url": (10, 13)}
    | {"file": (13, 16)},
    "actor": {"name": (1, 4), "kind": (4, 5), "role": (5, 8), "affiliations": (8, 9)}
    | {"aliases": (9, 10)},
    "claim": {"kind": (1, 2), "text": (2, 5), "label": (5, 8), "source": (8, 11), "tags": (11, 12)},
    "stance": {"one_of": (0, 4), "id": (4, 5), "actor": (5, 8), "source": (8, 11)}
    | {"date": (11, 14), "reported": (14, 15), "quote": (15, 18), "note": (18, 21)},
    "relation": {"one_of": (0, 4), "from": (4, 7), "source": (7, 10), "inferred": (10, 11)}
    | {"note": (11, 14)},
    "ignored": {"source": (0, 3), "passage": (3, 6), "reason": (6, 9)},
}


@pytest.mark.parametrize("kind", list(ENTRIES))
def test_each_kinds_regex_reads_an_entry_into_its_row(kind: str) -> None:
    made = canon._Kind(kind)
    assert made.keyed is (kind in ("source", "actor", "claim"))
    assert made.regex.findall(ENTRIES[kind]) == ROWS[kind]
    assert {key: (s.start, s.stop) for key, s in made.groups.items()} == GROUPS[kind]
    assert made.width == len(ROWS[kind][0])


@pytest.mark.parametrize(
    ("kind", "text", "rows"),
    [
        # Two dashes are two entries; the first field of each follows its dash.
        (
            "ignored",
            "  - source: g\n  - passage: p\n    reason: r\n",
            [("", "", "g", "", "", "", "", "", ""), ("", "", "", "", "", "p", "", "", "r")],
        ),
        # A flag other than true or false ends the entry (its line is left unread).
        (
            "relation",
            "  - from: a\n    supports: b\n    inferred: yes\n",
            [("supports", "", "", "b", "", "", "a", "", "", "", "", "", "", "")],
        ),
        (
            "actor",
            "  a:\n    name: A\n    kind: person\n    aliases: ['x']\n",
            [("a", "", "", "A", "person", "", "", "", "", "")],
        ),
        # An explicit id that is not an id, a kind outside the choices, a null word, a
        # trailing space: no entry at all.
        ("stance", "  - id: Bad Id\n    actor: a\n    supports: b\n    source: s\n", []),
        ("claim", "  c:\n    kind: premise\n    text: T\n", []),
        ("claim", "  c:\n    text: null\n", []),
        ("claim", "  c:\n    text: T \n", []),
    ],
)
def test_what_a_kinds_regex_leaves_unread(
    kind: str, text: str, rows: list[tuple[str, ...]]
) -> None:
    assert canon._Kind(kind).regex.findall(text) == rows


def test_an_inferred_relation_is_read_as_inferred() -> None:
    text = BASE + "  - from: allow\n    attacks: saves\n    inferred: true\n"
    amap = read_canonical(text, PATH)
    assert amap is not None
    assert [(r.id, r.inferred) for r in amap.relations] == [
        ("saves/supports/allow", False),
        ("allow/attacks/saves", True),
    ]
    assert amap == full(text).map


def test_a_top_level_key_with_nothing_under_it_is_left_to_the_full_loader() -> None:
    # Neither a text field nor a section: the canonical reader gives no answer (it must
    # not take the key for a section), and the full loader says where the key is.
    text = BASE + "extra:\n"
    assert read_canonical(text, PATH) is None
    assert [str(p) for p in loads(text, PATH).problems] == [
        "m.yaml:32:1: error: unknown key 'extra' in the map; allowed keys: title,"
        " description, sources, actors, claims, stances, relations, ignored [unknown-key]"
    ]
    untitled = BASE.replace("title: T\n", "title:\n", 1)
    assert read_canonical(untitled, PATH) is None
    assert [str(p) for p in loads(untitled, PATH).problems] == [
        "m.yaml:1:7: error: the map needs 'title' [missing-field]"
    ]
