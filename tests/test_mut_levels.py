"""The drilling rule's corners that mutmut found untested (fifth pass): a cluster root with
nothing under it, and the claims that argue about no proposal when there are several of
them (views.claim_levels, aggregate.opening), exactly, on small literal maps."""

from __future__ import annotations

import pytest

from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationKind
from argmap.render import aggregate, views


def test_a_claim_with_nothing_under_it_opens_on_itself() -> None:
    # A cluster of one claim is drawn whole: the claim, no cluster, whatever the limit.
    assert aggregate.opening({}, {"a": 1}, "a", 5) == (["a"], [])
    assert aggregate.opening({"b": ["c"]}, {"a": 1, "b": 2, "c": 1}, "a", 1) == (["a"], [])


def _loose_map() -> ArgumentMap:
    """Proposal p with a under it; proposal q, which nothing argues about; and u, v, w,
    which reach no proposal (v attacks u: still no proposal)."""
    return ArgumentMap(
        title="Loose claims",
        claims=(
            Claim("p", "Proposal P", ClaimKind.PROPOSAL),
            Claim("q", "Proposal Q", ClaimKind.PROPOSAL),
            Claim("a", "Claim A"),
            Claim("u", "Claim U"),
            Claim("v", "Claim V"),
            Claim("w", "Claim W"),
        ),
        relations=(
            Relation("r1", "a", "p", RelationKind.SUPPORTS, ""),
            Relation("r2", "v", "u", RelationKind.ATTACKS, ""),
        ),
    )


def test_several_claims_that_reach_no_proposal_are_one_cluster_of_their_own() -> None:
    levels = views.claim_levels(_loose_map())
    assert [(lv.key, lv.parent, lv.title, lv.singles, lv.clusters) for lv in levels] == [
        ("", "", "Overview", ("q",), ("p", "~")),
        ("p", "", "Proposal P", ("a", "p"), ()),
        ("~", "", "Claims that argue about no proposal", ("u", "v", "w"), ()),
    ]
    overview = levels[0]
    # Each of the three is drawn by the one "~" node, as a is by p's.
    assert dict(overview.unit_of) == {
        "q": "q",
        "p": "@p",
        "a": "@p",
        "u": "@~",
        "v": "@~",
        "w": "@~",
    }
    assert overview.scope == ("a", "p", "q", "u", "v", "w")
    assert dict(levels[2].unit_of) == {"u": "u", "v": "v", "w": "w"}
    assert levels[2].scope == ("u", "v", "w")


def test_the_drawings_under_a_cluster_follow_the_loose_claims_drawing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # p over a over b over c, and u, v reaching no proposal; two nodes a drawing. The
    # queue is breadth first: the overview's p and "~", then what p's drawing left.
    monkeypatch.setattr(aggregate, "AGGREGATE_NODES", 2)
    amap = ArgumentMap(
        title="A chain and loose claims",
        claims=(
            Claim("p", "Proposal P", ClaimKind.PROPOSAL),
            *(Claim(c, f"Claim {c.upper()}") for c in "abcuv"),
        ),
        relations=(
            Relation("r1", "a", "p", RelationKind.SUPPORTS, ""),
            Relation("r2", "b", "a", RelationKind.SUPPORTS, ""),
            Relation("r3", "c", "b", RelationKind.ATTACKS, ""),
        ),
    )
    assert [
        (lv.key, lv.parent, lv.title, lv.singles, lv.clusters) for lv in views.claim_levels(amap)
    ] == [
        ("", "", "Overview", (), ("p", "~")),
        ("p", "", "Proposal P", ("p",), ("a",)),
        ("~", "", "Claims that argue about no proposal", ("u", "v"), ()),
        ("a", "p", "Claim A", ("a",), ("b",)),
        ("b", "a", "Claim B", ("b", "c"), ()),
    ]
