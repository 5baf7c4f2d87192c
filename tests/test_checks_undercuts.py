"""The undercut and inferred-relation rules, each on a tiny map with its exact place."""

from __future__ import annotations

import datetime as dt

from argmap.checks import check
from argmap.load import loads

MAP = """\
title: T
sources:
  s:
    title: S
    publisher: P
    date: 2024-03-01
actors:
  jo:
    name: Jo
    kind: person
claims:
  allow:
    kind: proposal
    text: Allow it
  illegal:
    text: It is illegal
  change:
    text: The law can change
stances:
  - actor: jo
    supports: allow
    source: s
    quote: Yes.
relations:
  - from: illegal
    attacks: allow
    source: s
"""


def problems(extra: str) -> list[tuple[int, int, str, str]]:
    loaded = loads(MAP + extra)
    found = [*loaded.problems, *check(loaded.map, today=dt.date(2025, 1, 1))]
    return [(p.loc.line, p.loc.col, p.rule, p.message) for p in sorted(found)]


def test_an_undercut_of_a_known_relation_is_clean_and_loads_its_target() -> None:
    extra = "  - from: change\n    undercuts: illegal/attacks/allow\n    source: s\n"
    assert problems(extra) == []
    relation = loads(MAP + extra).map.relations[1]
    assert (relation.id, relation.target, relation.kind.value) == (
        "change/undercuts/illegal/attacks/allow",
        "illegal/attacks/allow",
        "undercuts",
    )


def test_an_undercut_of_an_unknown_relation_suggests_the_nearest() -> None:
    extra = "  - from: change\n    undercuts: illegal/attack/allow\n"
    assert problems(extra) == [
        (
            29,
            16,
            "unknown-relation",
            "undercut refers to unknown relation 'illegal/attack/allow'",
        )
    ]
    loaded = loads(MAP + extra)
    (problem,) = check(loaded.map, today=dt.date(2025, 1, 1))
    assert problem.hint == "did you mean 'illegal/attacks/allow'?"


def test_an_undercut_cannot_name_a_claim() -> None:
    extra = "  - from: change\n    undercuts: allow\n"
    assert [p[2:] for p in problems(extra)] == [
        ("unknown-relation", "undercut refers to unknown relation 'allow'")
    ]


def test_a_claim_cannot_undercut_its_own_inference() -> None:
    extra = "  - from: illegal\n    undercuts: illegal/attacks/allow\n"
    assert problems(extra) == [
        (17, 3, "orphan-claim", "claim 'change' has no stance and no relation"),
        (
            28,
            5,
            "self-undercut",
            "claim 'illegal' undercuts its own relation 'illegal/attacks/allow'",
        ),
    ]


def test_an_undercut_may_undercut_an_undercut() -> None:
    # A circle cannot be written: a relation's id contains its target's id.
    a = "change/undercuts/illegal/attacks/allow"
    extra = (
        "  - from: change\n    undercuts: illegal/attacks/allow\n"
        f"  - from: allow\n    undercuts: {a}\n"
    )
    assert problems(extra) == []
    loaded = loads(MAP + extra)
    assert [r.id for r in loaded.map.relations][2] == f"allow/undercuts/{a}"


def test_an_inferred_relation_needs_a_note() -> None:
    assert problems("  - from: change\n    supports: allow\n    inferred: true\n") == [
        (
            28,
            5,
            "inferred-without-note",
            "relation 'change/supports/allow' is marked inferred but says nothing of why",
        )
    ]
    assert (
        problems("  - from: change\n    supports: allow\n    inferred: true\n    note: n\n") == []
    )


def test_inferred_must_be_a_plain_boolean() -> None:
    assert problems("  - from: change\n    supports: allow\n    inferred: 'yes'\n") == [
        (30, 15, "wrong-type", "'inferred' of relation must be true or false")
    ]
