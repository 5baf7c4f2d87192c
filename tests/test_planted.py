"""The bugs a reviewer fears in the loader and the checks, each caught by one exact test.

Each test here was written against a mutant that the rest of the suite let through (see
docs/testing.md): a date check off by a day, a blank text read as text, a quoted 'true'
read as a flag.
"""

from __future__ import annotations

import datetime as dt

import pytest

from argmap.checks import check
from argmap.load import build_map, compose, loads
from argmap.load.fast import fast_load

from .helpers import BASE

TODAY = dt.date(2025, 6, 15)


def full_problems(text: str) -> list[str]:
    """The full loader's problems, without the fast path in front of it."""
    root, composed = compose(text, "m.yaml")
    return [str(p) for p in [*composed, *build_map(root, "m.yaml").problems]]


def dated(date: str) -> list[str]:
    amap = loads(BASE.replace("    date: 2024-03-01", f"    date: {date}")).map
    return [p.message for p in check(amap, today=TODAY)]


@pytest.mark.parametrize("date", ["2025-06-15", "2025-06", "2025", "2025-06-14", "1999"])
def test_today_this_month_and_this_year_are_not_in_the_future(date: str) -> None:
    assert dated(date) == []


@pytest.mark.parametrize("date", ["2025-06-16", "2025-07", "2026", "2025-07-01"])
def test_the_day_month_or_year_after_today_is_in_the_future(date: str) -> None:
    assert dated(date) == [f"date '{date}' of source 'gazette' lies in the future"]


def test_a_stance_date_in_the_future_is_reported_at_the_date() -> None:
    text = BASE.replace("    quote: No.\n", "    quote: No.\n    date: 2025-06-16\n")
    found = check(loads(text).map, today=TODAY)
    assert [(p.loc.line, p.loc.col, p.message) for p in found] == [
        (29, 11, "date '2025-06-16' of stance 'sam/opposes/saves' lies in the future")
    ]


@pytest.mark.parametrize("blank", ['"   "', "' '", '""'])
def test_blank_required_text_is_missing_in_both_loaders(blank: str) -> None:
    text = BASE.replace("    text: Allow it\n", f"    text: {blank}\n")
    assert full_problems(text) == [
        "m.yaml:17:11: error: 'text' of claim 'allow' is empty [missing-field]"
    ]
    assert fast_load(text, "m.yaml") is None


def test_blank_optional_text_reads_as_absent() -> None:
    text = BASE.replace("    quote: Yes.\n", '    quote: Yes.\n    note: "  "\n')
    amap = fast_load(text, "m.yaml")
    assert amap is not None and amap.stances[0].note is None
    assert full_problems(text) == []


@pytest.mark.parametrize("word", ["'true'", '"yes"', "'false'", "1", "[true]"])
def test_a_quoted_or_other_flag_is_not_a_boolean(word: str) -> None:
    text = BASE.replace("    quote: No.\n", f"    quote: No.\n    reported: {word}\n")
    assert full_problems(text) == [
        "m.yaml:29:15: error: 'reported' of stance must be true or false [wrong-type]"
    ]
    assert fast_load(text, "m.yaml") is None


@pytest.mark.parametrize(("word", "reported"), [("true", True), ("yes", True), ("off", False)])
def test_plain_flags_read_the_same_in_both_loaders(word: str, reported: bool) -> None:
    text = BASE.replace("    quote: No.\n", f"    quote: No.\n    reported: {word}\n")
    fast = fast_load(text, "m.yaml")
    assert fast is not None and fast.stances[1].reported is reported
    root, _ = compose(text, "m.yaml")
    assert build_map(root, "m.yaml").map.stances[1].reported is reported
