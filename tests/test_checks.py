"""Every rule of `argmap check`, each on a tiny map, with the exact place it reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from argmap.checks import check, is_iso_date
from argmap.load import loads

from .helpers import BASE, problems

FIXTURES = Path(__file__).parent / "fixtures"


def test_base_map_is_clean() -> None:
    assert problems(BASE) == []


def test_unknown_claim_points_at_the_value_and_suggests() -> None:
    text = BASE.replace("supports: allow\n    source", "supports: alow\n    source")
    loaded = loads(text)
    found = check(loaded.map, today=dt.date(2025, 1, 1))
    assert [str(p) for p in found] == [
        "arguments.yaml:22:15: error: stance refers to unknown claim 'alow';"
        " did you mean 'allow'? [unknown-claim]"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    supports: allow\n",
            "    supports: alow\n",
            (22, 15, "unknown-claim", "stance refers to unknown claim 'alow'"),
        ),
        (
            "    source: gazette\n    quote: Yes.",
            "    source: gazete\n    quote: Yes.",
            (23, 13, "unknown-source", "stance refers to unknown source 'gazete'"),
        ),
        (
            "    kind: person\n  sam:",
            "    kind: person\n    affiliations: [nobody]\n  sam:",
            (11, 20, "unknown-affiliation", "actor 'jo' refers to unknown affiliation 'nobody'"),
        ),
        (
            "  - from: saves\n    supports: allow",
            "  - from: saves\n    supports: saves",
            (30, 5, "self-relation", "claim 'saves' supports itself"),
        ),
        (
            "    quote: Yes.\n",
            "",
            (21, 5, "missing-quote", "stance 'jo/supports/allow' has no quote"),
        ),
        (
            "    date: 2024-03-01",
            "    date: 2030-01-01",
            (6, 11, "invalid-date", "date '2030-01-01' of source 'gazette' lies in the future"),
        ),
        (
            "    date: 2024-03-01",
            "    date: March 2024",
            (6, 11, "invalid-date", "date 'March 2024' of source 'gazette' is not an ISO date"),
        ),
        (
            "  saves:\n",
            "  sam-x:\n    text: unused\n  saves:\n",
            (18, 3, "orphan-claim", "claim 'sam-x' has no stance and no relation"),
        ),
    ],
)
def test_each_rule_reports_its_exact_location(
    old: str, new: str, expected: tuple[int, int, str, str]
) -> None:
    assert old in BASE
    assert problems(BASE.replace(old, new, 1)) == [expected]


def test_duplicate_ids_across_kinds() -> None:
    text = BASE.replace("claims:\n", "claims:\n  jo:\n    text: clash\n    source: gazette\n")
    assert problems(text) == [
        (15, 3, "duplicate-id", "claim id 'jo' is already used by an actor at line 8"),
        (15, 3, "orphan-claim", "claim 'jo' has no stance and no relation"),
    ]


def test_same_relation_twice_and_support_plus_attack() -> None:
    text = BASE + "  - from: saves\n    supports: allow\n  - from: saves\n    attacks: allow\n"
    assert problems(text) == [
        (
            32,
            5,
            "duplicate-relation",
            "relation 'saves/supports/allow' is written twice (first at line 30)",
        ),
        (34, 5, "contradictory-relation", "claim 'saves' both supports and attacks 'allow'"),
    ]


def test_for_and_against_one_claim_is_an_error_unless_dated_apart() -> None:
    flip = "  - actor: sam\n    supports: saves\n    source: gazette\n    quote: Yes after all.\n"
    text = BASE.replace("relations:", flip + "relations:")
    assert problems(text) == [
        (
            30,
            15,
            "contradictory-stance",
            "actor 'sam' both supports and opposes claim 'saves' (see line 25)",
        )
    ]
    dated = flip + "    date: 2024-06-01\n"
    assert problems(BASE.replace("relations:", dated + "relations:")) == []


def test_incoherent_actor_is_a_warning() -> None:
    text = BASE.replace(
        "relations:",
        "  - actor: jo\n    supports: saves\n    source: gazette\n    quote: It helps.\n"
        "  - actor: jo\n    supports: bad\n    source: gazette\n    quote: It harms.\n"
        "relations:",
    ).replace("claims:\n", "claims:\n  bad:\n    text: It harms\n")
    text += "  - from: bad\n    attacks: saves\n"
    found = [p for p in problems(text) if p[2] == "incoherent-actor"]
    assert found == [
        (
            32,
            15,
            "incoherent-actor",
            "actor 'jo' supports 'bad', which attacks 'saves', which it also supports",
        )
    ]


def test_circular_support_is_a_warning_at_the_first_relation() -> None:
    text = BASE + "  - from: allow\n    supports: saves\n"
    assert problems(text) == [
        (30, 5, "circular-support", "support relations run in a circle through allow, saves")
    ]


def test_idle_actor_and_unused_source_are_warnings_but_affiliation_targets_are_not() -> None:
    text = BASE.replace(
        "actors:\n",
        "actors:\n  party:\n    name: Party\n    kind: party\n  loner:\n    name: L\n    kind: person\n",
    ).replace("    name: Jo\n", "    name: Jo\n    affiliations: [party]\n")
    text = text.replace(
        "sources:\n", "sources:\n  spare:\n    title: S\n    publisher: P\n    date: unknown\n"
    )
    assert problems(text) == [
        (3, 3, "unused-source", "source 'spare' is cited by no stance, claim or relation"),
        (15, 3, "idle-actor", "actor 'loner' has no stance"),
    ]


def test_evidence_needs_a_source() -> None:
    text = BASE.replace("  saves:\n", "  fig:\n    kind: evidence\n    text: 3 died\n  saves:\n")
    text += "  - from: fig\n    supports: saves\n"
    assert problems(text) == [(18, 3, "evidence-without-source", "evidence 'fig' has no source")]


def test_every_problem_fixture_lists_all_of_them_in_order() -> None:
    loaded = loads(
        (FIXTURES / "every_problem.yaml").read_text(), "tests/fixtures/every_problem.yaml"
    )
    found = sorted([*loaded.problems, *check(loaded.map, today=dt.date(2025, 1, 1))])
    expected = (FIXTURES / "every_problem.out").read_text().splitlines()
    assert [str(p) for p in found] == expected[:-1]
    assert expected[-1] == "27 problems (19 errors, 8 warnings)"
    assert {p.rule for p in found} >= {
        "invalid-date",
        "unknown-key",
        "unused-source",
        "invalid-value",
        "unknown-affiliation",
        "self-affiliation",
        "idle-actor",
        "duplicate-id",
        "invalid-id",
        "orphan-claim",
        "evidence-without-source",
        "unknown-claim",
        "missing-quote",
        "incoherent-actor",
        "contradictory-stance",
        "circular-support",
        "duplicate-relation",
        "contradictory-relation",
        "self-relation",
    }


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("2021", True),
        ("2021-06", True),
        ("2021-06-14", True),
        ("2021-02-30", False),
        ("2021-13", False),
        ("21-06-14", False),
        ("2021/06/14", False),
        ("unknown", False),
    ],
)
def test_iso_dates(text: str, ok: bool) -> None:
    assert is_iso_date(text) is ok
