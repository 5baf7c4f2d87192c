"""The eighth pass's shortcuts in the page data, the outline and the reports (issue 18),
each against the plain way it replaces: the page's JSON as the encoder's pieces, the key
claims from the candidates only, Markdown escaping by functions, a stance's markup from
pieces written once, and one stance's words without a join."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import analyse
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Source,
    Stance,
)
from argmap.render import html, outline, report
from argmap.render.views import View, ViewEdge, ViewNode
from argmap.text import md_escape

# ---- script_json_parts --------------------------------------------------------------

_TEXT = st.text(alphabet=st.sampled_from('ab<>&"\\\u2028\u2029\u00e9\u2212\U0001f600'))
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


def _reference(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


@given(_JSON)
def test_the_parts_join_to_the_escaped_json(value: object) -> None:
    parts = html.script_json_parts(value)
    assert all(isinstance(p, str) for p in parts)
    assert "".join(parts) == _reference(value)


def test_a_big_block_comes_in_several_parts_each_escaped() -> None:
    # The C encoder hands its pieces over every 100,000 or so; a character to escape
    # in every item lands in every piece.
    value = {"b": [f"<{i}&" for i in range(150_000)], "a": "\u2028>"}
    parts = html.script_json_parts(value)
    assert len(parts) > 1
    assert not any(c in p for p in parts for c in "<>&\u2028\u2029")
    assert "".join(parts) == _reference(value)
    assert parts[0].startswith('{"a":"\\u2028\\u003e","b":["\\u003c0\\u0026"')


def test_a_block_inside_itself_still_fails() -> None:
    looped: list[object] = []
    looped.append(looped)
    with pytest.raises(RecursionError):
        html.script_json_parts(looped)


# ---- key_claims -----------------------------------------------------------------------


def _key_claims_reference(centrality: dict[str, float], top: int) -> list[tuple[str, float]]:
    return sorted(centrality.items(), key=lambda kv: (-round(kv[1], 6), kv[0]))[:top]


class _Centrality:
    def __init__(self, values: dict[str, float]) -> None:
        self.centrality = values


# Values on a grid of millionths and halves of them, so that ties after rounding (and
# values rounding either way at the boundary) are common.
_VALUE = st.integers(0, 40).map(lambda n: n * 5e-7) | st.floats(0, 1)


@given(st.dictionaries(st.text("abcdef", max_size=3), _VALUE, max_size=80), st.integers(-2, 12))
def test_the_key_claims_are_the_full_sorts(centrality: dict[str, float], top: int) -> None:
    analysis = _Centrality(centrality)
    assert report.key_claims(analysis, top) == _key_claims_reference(centrality, top)  # type: ignore[arg-type]


def test_the_key_claims_on_ties_at_the_last_place() -> None:
    # 61 claims (past the shortcut's threshold). The eleventh place by key is a tie once
    # rounded, at 0.548: "a-tie" above it and "b-below" below it (under the eleventh
    # highest value, z48's, so only the margin below the rounded value keeps it), both
    # before "z48" by id.
    centrality = {f"z{i:02}": 0.5 + i * 1e-3 for i in range(58)}
    centrality |= {"a-tie": 0.548 + 4e-7, "b-below": 0.548 - 4e-7, "c": 0.1}
    got = report.key_claims(_Centrality(centrality), 11)  # type: ignore[arg-type]
    assert got == _key_claims_reference(centrality, 11)
    assert [k for k, _ in got][-3:] == ["z49", "a-tie", "b-below"]
    assert report._key_candidates(centrality, 11) != centrality.items()  # the shortcut ran


def test_the_key_claims_with_a_value_not_finite_sort_them_all() -> None:
    centrality = {f"c{i}": i / 100 for i in range(60)} | {"inf": math.inf, "nan": math.nan}
    assert report._key_candidates(centrality, 10) == centrality.items()
    got = report.key_claims(_Centrality(centrality))  # type: ignore[arg-type]
    assert got == _key_claims_reference(centrality, 10)


# ---- md_escape -------------------------------------------------------------------------


def _md_reference(text: str) -> str:
    # md_escape with the templates it had: r"\\\1" and r"\1\\".
    escaped = re.sub(r"([\\`*_\[\]<>|#&~$])", r"\\\1", re.sub(r"[\x00-\x1f\x7f]", " ", text))
    return re.sub(r"^(\s*(?=[-+=])|\s*\d+(?=[.)]))", r"\1\\", escaped)


@given(st.text(alphabet=st.sampled_from(" \t\n12.)-+=ab\\`*_[]<>|#&~$\x00\x7f\u00e9")))
def test_md_escape_is_the_templates(text: str) -> None:
    assert md_escape(text) == _md_reference(text)


def test_md_escape_by_example() -> None:
    assert md_escape("A&E *now*") == "A\\&E \\*now\\*"
    assert md_escape("  12) x") == "  12\\) x"
    assert md_escape("- y\\") == "\\- y\\\\"


# ---- the outline's stances -------------------------------------------------------------


def _map() -> ArgumentMap:
    return ArgumentMap(
        title="t",
        sources=(
            Source("s1", "One <b>", "P&Q", "2024"),
            Source("s2", "Two", "R", "2023", url="https://x.example/a?b=1&c=2"),
        ),
        actors=(Actor("ann", "Ann <A>", ActorKind.PERSON), Actor("bob", "Bob", ActorKind.PERSON)),
        claims=(Claim("c", "C", ClaimKind.PROPOSAL), Claim("d", "D")),
        stances=(
            Stance("1", "ann", "c", Position.SUPPORTS, "s1", quote="Yes & no", date="2024-01"),
            Stance("2", "ann", "d", Position.SUPPORTS, "s2", quote="Again", reported=True),
            Stance("3", "ann", "d", Position.OPPOSES, "s1"),
            Stance("4", "bob", "c", Position.NEUTRAL, "s2", quote="<hm>"),
            Stance("5", "zed", "c", Position.SUPPORTS, "gone", quote="Who?"),
        ),
    )


def _stance_reference(amap: ArgumentMap, st: Stance) -> str:
    # `_Markup._stance` before the eighth pass, with every piece worked out each time.
    esc = outline.esc
    actor = amap.actors_by_id.get(st.actor)
    name = esc(actor.name) if actor else esc(st.actor)
    date = f" ({esc(st.date)})" if st.date else ""
    if st.quote:
        reported = "reported: " if st.reported else ""
        words = f'{reported}<span class="o-quote">\u201c{esc(st.quote)}\u201d</span>'
    else:
        words = "<em>reported, no quote</em>"
    source = outline.source_html(amap.sources_by_id.get(st.source), outline.UNKNOWN)
    return (
        f'<li class="o-stance o-{st.position.value}"><span class="o-sign" aria-hidden="true">'
        f"{esc(st.position.mark)}</span> <strong>{name}</strong>"
        f" {outline._POSITION_VERB[st.position]} it{date}:"
        f' {words} <span class="o-src">\u2014 {source}</span></li>\n'
    )


def test_each_stance_is_written_as_before_from_pieces_written_once() -> None:
    amap = _map()
    markup = outline._Markup(amap)
    for stance in (*amap.stances, *amap.stances):
        assert markup._stance(stance) == _stance_reference(amap, stance)
    # One opening per actor and position, one ending per source.
    assert sorted(markup.openings) == [
        ("ann", Position.OPPOSES),
        ("ann", Position.SUPPORTS),
        ("bob", Position.NEUTRAL),
        ("zed", Position.SUPPORTS),
    ]
    assert sorted(markup.endings) == ["gone", "s1", "s2"]
    assert markup._stance(amap.stances[0]) == (
        '<li class="o-stance o-supports"><span class="o-sign" aria-hidden="true">+</span>'
        " <strong>Ann &lt;A&gt;</strong> supports it (2024-01):"
        ' <span class="o-quote">\u201cYes &amp; no\u201d</span> <span class="o-src">'
        "\u2014 <cite>One &lt;b&gt;</cite>, P&amp;Q, 2024</span></li>\n"
    )


# ---- the reports' words on their claims ------------------------------------------------


def _words(amap: ArgumentMap) -> tuple[report.Said, report.Said]:
    one = report.Said(amap.stances[0], (amap.stances[0],), None)
    two = report.Said(amap.stances[1], (amap.stances[1], amap.stances[2]), None)
    return one, two


def test_the_words_of_one_stance_and_of_two() -> None:
    amap = _map()
    built = report.build_report(amap, analyse(amap))
    one, two = _words(amap)
    md = report._Md(amap, built)
    assert report._said_md(md, one) == '"Yes \\& no" (P\\&Q, source 1, 2024-01): supports *C*'
    assert report._said_md(md, two) == (
        'reported: "Again" (R, source 2): supports *D*; opposes *D*'
    )
    page = report._Html(amap, built)
    assert page._said(one) == (
        '<li><span class="quote">\u201cYes &amp; no\u201d</span> <span class="src">\u2014'
        " P&amp;Q, source 1, 2024-01</span>: supports <em>C</em></li>\n"
    )
    assert page._said(two).endswith(": supports <em>D</em>; opposes <em>D</em></li>\n")


# ---- the drawings' rows ----------------------------------------------------------------


def test_each_edge_names_its_items_by_index_however_many() -> None:
    nodes = (ViewNode("a", "claim", 1, 2, "A"), ViewNode("b", "actor-org", 3, 4, "B", 0))
    edges = (
        ViewEdge("e1", "a", "b", "rel-supports", items=("r1",)),
        ViewEdge("e2", "b", "a", "agg-stance-for", 2.5, ("s2", "s1", "r1"), ("curvedCW", 0.2)),
        ViewEdge("e3", "a", "a", "rel-attacks", label="x"),
        ViewEdge("e4", "a", "b", "agg-stance-even", items=("s1", "s2")),
    )
    drawing = html._drawing_json(View("argument", nodes, edges, 2, 4), {"r1": 4, "s1": 0, "s2": 1})
    assert drawing["nodes"] == [["a", "claim", 1, 2, "A", -1], ["b", "actor-org", 3, 4, "B", 0]]
    assert drawing["edges"] == [
        ["e1", "a", "b", "rel-supports", 0.0, [4], "", []],
        ["e2", "b", "a", "agg-stance-for", 2.5, [1, 0, 4], "", ["curvedCW", 0.2]],
        ["e3", "a", "a", "rel-attacks", 0.0, [], "x", []],
        ["e4", "a", "b", "agg-stance-even", 0.0, [0, 1], "", []],
    ]


def test_a_map_without_undercuts_leaves_each_drawing_as_it_is() -> None:
    entry = {
        "edges": [["r1", "a", "b", "rel-supports", 0, [0], "", []]],
        "nodes": [["a", "claim", 0, 0, "", -1], ["b", "claim", 10, 20, "", -1]],
    }
    before = json.dumps(entry)
    html._add_undercuts(entry, {}, {"r1": 0})
    assert json.dumps(entry) == before
    html._add_undercuts(entry, {"r1": [Relation("u", "b", "r1", RelationKind.UNDERCUTS)]}, {"u": 3})
    assert entry["nodes"][2:] == [["cut:r1", "undercut-mid", 5, 10, "", -1]]
    assert entry["edges"][1:] == [["u", "b", "cut:r1", "rel-undercuts", 0, [3], "", []]]
