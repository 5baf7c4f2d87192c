"""The outline's tree and markup made the cheaper way (issue 18, seventh pass) are the
ones the simple way made: `_Outline` against its earlier version on random maps, `esc`
against the five `replace` calls, and the outline's tree freed as soon as it is written."""

from __future__ import annotations

import gc
from collections import defaultdict
from typing import Any

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
from argmap.render import markup, outline
from argmap.render.outline import _ARGUING, _MAX_DEPTH, _POSITION_ORDER, Entry


class _ReferenceOutline:
    """`outline._Outline` before the seventh pass: the relations of each target in one
    list, filtered by kind for each group, and every child's cuts worked out."""

    def __init__(self, amap: ArgumentMap, disabled: frozenset[str] = frozenset()) -> None:
        self.amap = amap
        self.disabled = disabled
        self.done: set[str] = set()
        self.stances: dict[str, list[Stance]] = defaultdict(list)
        for stance in amap.stances:
            self.stances[stance.claim].append(stance)
        for items in self.stances.values():
            items.sort(key=lambda s: (_POSITION_ORDER[s.position], s.actor, s.id))
        self.arguing: dict[str, list[tuple[RelationKind, str, str]]] = defaultdict(list)
        self.cut_by: dict[str, list[str]] = defaultdict(list)
        for relation in sorted(amap.relations, key=lambda r: r.id):
            if relation.origin not in amap.claims_by_id:
                continue
            if relation.kind is RelationKind.UNDERCUTS:
                self.cut_by[relation.target].append(relation.origin)
            else:
                self.arguing[relation.target].append((relation.kind, relation.origin, relation.id))

    def entry(self, claim: Claim, depth: int, mark: str = "") -> Entry:
        if claim.id in self.done or depth > _MAX_DEPTH:
            return Entry(claim, mark, ref=True)
        self.done.add(claim.id)
        entry = Entry(claim, mark, stances=self.stances.get(claim.id, []))
        arguing = self.arguing.get(claim.id, [])
        for kind, heading, sign in _ARGUING:
            children = [(o, r) for k, o, r in arguing if k is kind]
            if children:
                entries = []
                for origin, relation in children:
                    child = self.entry(self.amap.claims_by_id[origin], depth + 1, sign)
                    claims = self.amap.claims_by_id
                    cut = relation in self.disabled
                    child.cuts = [(claims[c], cut) for c in self.cut_by.get(relation, [])]
                    entries.append(child)
                entry.groups.append((heading, entries))
        return entry


def _shape(entry: Entry) -> tuple[Any, ...]:
    return (
        entry.claim.id,
        entry.mark,
        entry.ref,
        [s.id for s in entry.stances],
        [(heading, [_shape(e) for e in children]) for heading, children in entry.groups],
        [(c.id, off) for c, off in entry.cuts],
        entry.sides,
    )


_KINDS = st.sampled_from(list(RelationKind))


@st.composite
def _maps(draw: st.DrawFn) -> tuple[ArgumentMap, frozenset[str]]:
    """A small map with chains, cycles, undercuts, relations from unknown claims and
    chains deeper than `_MAX_DEPTH`, and some relations disabled."""
    n = draw(st.integers(1, 16))
    claims = tuple(
        Claim(f"c{i:02}", f"claim {i}", draw(st.sampled_from(list(ClaimKind)))) for i in range(n)
    )
    ids = [c.id for c in claims]
    relations = []
    for i in range(draw(st.integers(0, 30))):
        kind = draw(_KINDS)
        origin = draw(st.sampled_from([*ids, "ghost"]))
        if kind is RelationKind.UNDERCUTS and relations:
            target = draw(st.sampled_from([r.id for r in relations]))
        else:
            target = draw(st.sampled_from(ids))
        relations.append(Relation(f"r{draw(st.integers(0, 99)):02}-{i}", origin, target, kind))
    if draw(st.booleans()):  # a chain past the depth limit
        chain = [Claim(f"d{i:02}", f"deep {i}") for i in range(_MAX_DEPTH + 3)]
        claims += tuple(chain)
        relations += [
            Relation(f"chain-{i:02}", chain[i + 1].id, chain[i].id, RelationKind.SUPPORTS)
            for i in range(len(chain) - 1)
        ]
        relations.append(Relation("chain-top", chain[0].id, ids[0], RelationKind.ATTACKS))
    actors = tuple(Actor(f"a{i}", f"Actor {i}", ActorKind.PERSON) for i in range(3))
    stances = tuple(
        Stance(
            f"s{i:02}",
            draw(st.sampled_from([a.id for a in actors])),
            draw(st.sampled_from(ids)),
            draw(st.sampled_from(list(Position))),
            "src",
            quote=f"words {i}",
        )
        for i in range(draw(st.integers(0, 12)))
    )
    amap = ArgumentMap(
        title="t",
        sources=(Source("src", "A source", "Pub", "2024-01-01"),),
        actors=actors,
        claims=claims,
        stances=stances,
        relations=tuple(relations),
    )
    disabled = frozenset(draw(st.sets(st.sampled_from([r.id for r in relations] or ["x"]))))
    return amap, disabled


@given(_maps())
def test_the_tree_is_the_earlier_outlines(case: tuple[ArgumentMap, frozenset[str]]) -> None:
    amap, disabled = case
    tops, others = outline._tree(amap, disabled)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outline, "_Outline", _ReferenceOutline)
        old_tops, old_others = outline._tree(amap, disabled)
    assert [_shape(e) for e in tops] == [_shape(e) for e in old_tops]
    assert [_shape(e) for e in others] == [_shape(e) for e in old_others]


def test_an_undercut_link_is_marked_on_the_child_it_cuts_only() -> None:
    claims = tuple(Claim(c, c.upper()) for c in ("p", "a", "b", "u"))
    amap = ArgumentMap(
        title="t",
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), *claims[1:]),
        relations=(
            Relation("r1", "a", "p", RelationKind.SUPPORTS),
            Relation("r2", "b", "p", RelationKind.ATTACKS),
            Relation("r3", "u", "r2", RelationKind.UNDERCUTS),
        ),
    )
    (top,), others = outline._tree(amap, frozenset({"r2"}))
    assert [(h, [(e.claim.id, e.mark, e.cuts) for e in es]) for h, es in top.groups] == [
        ("For", [("a", "+ for:", [])]),
        ("Against", [("b", "\u2212 against:", [(amap.claims_by_id["u"], True)])]),
    ]
    assert [e.claim.id for e in others] == ["u"]


def test_a_stance_date_is_written_once_per_date() -> None:
    html = outline._Markup(ArgumentMap(title="t"))
    assert html.date("2024-01-02") == " (2024-01-02)"
    assert html.date("<b>") == " (&lt;b&gt;)"
    assert html.dates == {"2024-01-02": " (2024-01-02)", "<b>": " (&lt;b&gt;)"}
    assert html.date("<b>") is html.dates["<b>"]


def test_the_tree_is_freed_once_the_outline_is_written() -> None:
    # The template is given only whether there are trees: its context, freed by the
    # collector and not at once, must not keep the entries alive.
    amap = ArgumentMap(
        title="t",
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("a", "A")),
        relations=(Relation("r1", "a", "p", RelationKind.SUPPORTS),),
    )
    analysis = analyse(amap)
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        parts = outline.outline_parts(amap, analysis)
        # With the collector off, an entry still tracked is one still referenced.
        assert [o for o in gc.get_objects() if type(o) is Entry] == []
    finally:
        if collecting:
            gc.enable()
    assert '<li id="o-p" class="o-proposal">' in "".join(parts)


# ---- esc -------------------------------------------------------------------------------


def _five_replaces(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


@given(st.text() | st.text(alphabet="&<>'\"a\u00e9\u2212\U0001f600"))
def test_esc_is_the_five_replaces(text: str) -> None:
    assert markup.esc(text) == _five_replaces(text)
    assert markup._replaced(text) == _five_replaces(text)
    assert type(markup.esc(text)) is str


def test_esc_of_each_character() -> None:
    assert markup.esc("&<>'\"") == "&amp;&lt;&gt;&#39;&#34;"
    assert markup.esc("&amp;") == "&amp;amp;"
    assert markup.esc("") == ""
    assert markup._replaced("&<>'\"") == "&amp;&lt;&gt;&#39;&#34;"


def test_the_headings_of_trees_come_only_with_trees() -> None:
    linked = ArgumentMap(
        title="t",
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("a", "A")),
        relations=(Relation("r1", "a", "p", RelationKind.SUPPORTS),),
    )
    text = "".join(outline.outline_parts(linked, analyse(linked)))
    assert '<ol class="o-tree">' in text
    assert 'id="o-other"' not in text
    loose = ArgumentMap(title="t", claims=(Claim("a", "A"),))
    text = "".join(outline.outline_parts(loose, analyse(loose)))
    assert '<ol class="o-tree">' not in text
    assert '<h3 id="o-other">Claims linked to no proposal</h3><ul class="o-tree">' in text


def test_an_undercut_link_is_said_under_the_entry_it_cuts() -> None:
    amap = ArgumentMap(
        title="t",
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("a", "A"), Claim("u", "U <u>")),
        relations=(
            Relation("r1", "a", "p", RelationKind.SUPPORTS),
            Relation("r2", "u", "r1", RelationKind.UNDERCUTS),
        ),
    )
    (top,), _ = outline._tree(amap, frozenset({"r1"}))
    out: list[str] = []
    outline._Markup(amap)._entry(top.groups[0][1][0], out)
    assert (
        '<p class="o-cut">\u2298 This link is undercut by \u201cU &lt;u&gt;\u201d: disabled,'
        " it no longer counts.</p>"
    ) in "".join(out)
    (top,), _ = outline._tree(amap, frozenset())
    out = []
    outline._Markup(amap)._entry(top, out)
    assert "This link is undercut by \u201cU &lt;u&gt;\u201d.</p>" in "".join(out)
