"""The drilling rule of the aggregated argument and stance views (aggregate.opening,
views.claim_levels): which claims each drawing shows as themselves and which subtrees it
leaves as one cluster node, exactly, on small literal trees with a lowered limit."""

from __future__ import annotations

import pytest

from argmap.analysis import analyse
from argmap.render import aggregate, views
from tests.aggregate_maps import chain_and_bush

CHAIN = {"a": ["b"], "b": ["c"], "c": ["d"], "d": ["e"]}  # a over b over c over d over e
# r over x, y, z; x over x1 x2; y over y1 y2 y3; z over z1 over z2.
BUSH = {
    "r": ["x", "y", "z"],
    "x": ["x1", "x2"],
    "y": ["y1", "y2", "y3"],
    "z": ["z1"],
    "z1": ["z2"],
}


def test_subtree_sizes_count_each_claim_and_everything_under_it() -> None:
    assert aggregate.subtree_sizes(BUSH, ["r"]) == {
        "r": 11,
        "x": 3,
        "y": 4,
        "z": 3,
        "x1": 1,
        "x2": 1,
        "y1": 1,
        "y2": 1,
        "y3": 1,
        "z1": 2,
        "z2": 1,
    }
    assert aggregate.subtree_sizes(CHAIN, ["c", "q"]) == {"c": 3, "d": 2, "e": 1, "q": 1}


def test_a_chain_opens_on_its_top_and_one_cluster_of_the_rest() -> None:
    # Five claims: a limit of five draws them all; one less draws the top three and
    # leaves d (d and e) as one cluster: still four nodes.
    sizes = aggregate.subtree_sizes(CHAIN, ["a"])
    assert aggregate.opening(CHAIN, sizes, "a", 5) == (["a", "b", "c", "d", "e"], [])
    assert aggregate.opening(CHAIN, sizes, "a", 6) == (["a", "b", "c", "d", "e"], [])
    assert aggregate.opening(CHAIN, sizes, "a", 4) == (["a", "b", "c"], ["d"])
    assert aggregate.opening(CHAIN, sizes, "a", 3) == (["a", "b"], ["c"])
    assert aggregate.opening(CHAIN, sizes, "a", 2) == (["a"], ["b"])
    # A chain of 1,000 at the real limit: its top 399 claims and one cluster of 601.
    chain = {f"c{i}": [f"c{i + 1}"] for i in range(999)}
    drawn, clusters = aggregate.opening(chain, aggregate.subtree_sizes(chain, ["c0"]), "c0", 400)
    assert drawn == [f"c{i}" for i in range(399)]
    assert clusters == ["c399"]


def test_a_bushy_tree_opens_its_smallest_branches_first() -> None:
    sizes = aggregate.subtree_sizes(BUSH, ["r"])
    # Root and its three children: 4 nodes. x (3 claims, the first of the smallest) adds
    # 2 (6); z (3) would add 1, y (4) 3.
    assert aggregate.opening(BUSH, sizes, "r", 6) == (["r", "x", "x1", "x2"], ["z", "y"])
    # At 7, z fits (7); then z1 (2 claims, smaller than y) would make 8.
    assert aggregate.opening(BUSH, sizes, "r", 7) == (["r", "x", "x1", "x2", "z"], ["z1", "y"])
    # At 8, z1 too (8), and y (11) stays a cluster.
    assert aggregate.opening(BUSH, sizes, "r", 8) == (
        ["r", "x", "x1", "x2", "z", "z1", "z2"],
        ["y"],
    )
    assert aggregate.opening(BUSH, sizes, "r", 10) == aggregate.opening(BUSH, sizes, "r", 8)
    # At 11, the whole tree: exactly 11 nodes.
    drawn, clusters = aggregate.opening(BUSH, sizes, "r", 11)
    assert (sorted(drawn), clusters) == (sorted(aggregate.subtree(BUSH, "r")), [])
    # Too few for the root's children: nothing under them opens (and a leaf child is
    # still drawn as itself: a cluster stands for two claims or more).
    assert aggregate.opening(BUSH, sizes, "r", 4) == (["r"], ["x", "z", "y"])
    small = {"r": ["a", "b"], "b": ["c"]}
    assert aggregate.opening(small, aggregate.subtree_sizes(small, ["r"]), "r", 3) == (
        ["r", "a"],
        ["b"],
    )
    # On a tie of sizes, the branch reached first opens first.
    twins = {"r": ["b", "a"], "a": ["a1"], "b": ["b1"]}
    assert aggregate.opening(twins, aggregate.subtree_sizes(twins, ["r"]), "r", 4) == (
        ["r", "b", "b1"],
        ["a"],
    )


def test_claim_levels_of_a_chain_and_a_bush(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 5)
    levels = views.claim_levels(chain_and_bush())
    assert [(lv.key, lv.parent, lv.title, lv.singles, lv.clusters) for lv in levels] == [
        ("", "", "Overview", (), ("p",)),
        # a and e are both 4 claims: a, reached first, opens first, then b (3); c's
        # cluster (2) would make 6.
        ("p", "", "Proposal P", ("p", "a", "b"), ("c", "e")),
        # Small enough: every claim, by id.
        ("c", "p", "Claim C", ("c", "d"), ()),
        ("e", "p", "Claim E", ("e", "e1", "e2", "e3"), ()),
    ]
    assert dict(levels[1].unit_of) == {
        "p": "p",
        "a": "a",
        "b": "b",
        "c": "@c",
        "d": "@c",
        "e": "@e",
        "e1": "@e",
        "e2": "@e",
        "e3": "@e",
    }
    assert levels[1].scope == ("a", "b", "c", "d", "e", "e1", "e2", "e3", "p")


def test_every_claim_is_drawn_as_itself_once_and_no_drawing_passes_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amap = chain_and_bush()
    # From 4: e's three children and e fit (a claim with more children than the limit
    # allows is drawn with all of them: see the last test).
    for limit in (4, 5, 6, 7, 8):
        monkeypatch.setattr(aggregate, "AGGREGATE_NODES", limit)
        levels = views.claim_levels(amap)
        drawn = sorted(c for lv in levels for c in lv.singles)
        assert drawn == sorted(c.id for c in amap.claims), limit
        for lv in levels:
            assert len(lv.singles) + len(lv.clusters) <= limit, (limit, lv.key)
            for root in lv.clusters:
                assert sum(u == f"@{root}" for u in lv.unit_of.values()) > 1
        # Every cluster left opens a drawing of its own, whose "back" is this one.
        keys = {lv.key for lv in levels}
        assert {root for lv in levels for root in lv.clusters} == keys - {""}
        assert all(lv.parent in keys for lv in levels)


def test_exactly_the_limit_fills_the_drawing_and_a_cluster_of_that_size_is_drawn_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At 4: p, a, and the clusters of b (3 claims) and e (4): exactly 4 nodes; e's
    # cluster of exactly 4 claims is drawn whole, claim by claim.
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 4)
    levels = views.claim_levels(chain_and_bush())
    assert [(lv.key, lv.singles, lv.clusters) for lv in levels] == [
        ("", (), ("p",)),
        ("p", ("p", "a"), ("b", "e")),
        ("b", ("b", "c", "d"), ()),
        ("e", ("e", "e1", "e2", "e3"), ()),
    ]
    # At 8: a, b, c opened (6 nodes), d drawn, e's children would make 9.
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 8)
    levels = views.claim_levels(chain_and_bush())
    assert [(lv.key, lv.singles, lv.clusters) for lv in levels] == [
        ("", (), ("p",)),
        ("p", ("p", "a", "b", "c", "d"), ("e",)),
        ("e", ("e", "e1", "e2", "e3"), ()),
    ]


def test_the_drawings_of_a_chain_and_a_bush_count_relations_and_stances(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 5)
    amap = chain_and_bush()
    argument, stances, _ = views.build_views(amap, analyse(amap))
    parts = {p.ref: p for p in argument.parts}
    assert list(parts) == ["argument/p", "argument/c", "argument/e"]
    top = parts["argument/p"]
    assert {n.id: (n.cls, n.label) for n in top.nodes} == {
        "p": ("proposal", "Proposal P"),
        "a": ("claim", "Claim A"),
        "b": ("claim", "Claim B"),
        "@c": ("agg-claims", "Claim C \u00b7 2 claims"),
        "@e": ("agg-claims", "Claim E \u00b7 4 claims"),
    }
    assert {e.id: (e.origin, e.target, e.cls, e.label) for e in top.edges} == {
        "a/supports/p": ("a", "p", "rel-supports", ""),
        "b/supports/a": ("b", "a", "rel-supports", ""),
        "@c>b>supports": ("@c", "b", "agg-supports", "1"),
        "@e>p>attacks": ("@e", "p", "agg-attacks", "1"),
    }
    assert top.notice == (
        "\u201cProposal P\u201d and the claims under it, the smallest branches first, as many"
        " as fit in the 5 nodes a drawing shows legibly; each branch left is one cluster"
        " node. Click one and \u201cOpen\u201d to draw it."
    )
    units = {u.id: u for u in top.units}
    assert units["@c"].members == ("c", "d") and units["@c"].opens == "argument/c"
    assert dict(units["@c"].facts) == {
        "Claims": "2: 0 proposals, 2 claims, 0 evidence",
        "Relations inside": "1",
        "Stances on them": "1, by 1 actors",
    }
    assert (parts["argument/c"].parent, parts["argument/c"].title) == ("argument/p", "Claim C")
    # The stance view has the same drawings: p's counts the stances of the one group (x
    # and y) on its claims and clusters; e's (2 claims spoken of, 2 speakers) and c's fit,
    # actor by actor.
    sparts = {p.ref: p for p in stances.parts}
    assert list(sparts) == ["stances/p", "stances/c", "stances/e"]
    assert {e.id: (e.cls, e.label) for e in sparts["stances/p"].edges} == {
        "@camp0>@c": ("agg-stance-for", "+1"),
        "@camp0>@e": ("agg-stance-against", "\u22122"),
        "@camp0>a": ("agg-stance-for", "+1"),
        "@camp0>b": ("agg-stance-for", "+1"),
    }
    assert sorted(n.id for n in sparts["stances/e"].nodes) == ["e1", "e2", "x", "y"]
    assert [e.id for e in sparts["stances/c"].edges] == ["x>d>supports"]
    assert sparts["stances/c"].parent == "stances/p"
    assert {u.id: u.opens for u in sparts["stances/p"].units} == {
        "@c": "stances/c",
        "@e": "stances/e",
        "@camp0": "camps",
    }


def test_a_claim_with_more_children_than_fit_is_drawn_with_all_of_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The one way past the limit, left as it is: e and its three children at a limit of 3
    # (no claim of the generated debates has more than 4 children).
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 3)
    levels = {lv.key: lv for lv in views.claim_levels(chain_and_bush())}
    assert (levels["e"].singles, levels["e"].clusters) == (("e", "e1", "e2", "e3"), ())
    assert (levels["p"].singles, levels["p"].clusters) == (("p",), ("a", "e"))
    assert (levels["a"].singles, levels["a"].clusters) == (("a", "b"), ("c",))
