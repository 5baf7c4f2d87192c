"""Anything at all into the loader and checker: a model or located problems, never a crash."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap.checks import check
from argmap.errors import LoadError
from argmap.load import loads
from argmap.model import Problem

from .helpers import BASE, fuzz_settings

KEYS = [
    "title",
    "description",
    "sources",
    "actors",
    "claims",
    "stances",
    "relations",
    "ignored",
    "name",
    "kind",
    "text",
    "actor",
    "supports",
    "opposes",
    "neutral",
    "attacks",
    "from",
    "source",
    "quote",
    "reported",
    "date",
    "affiliations",
    "tags",
    "id",
    "label",
    "file",
    "url",
    "publisher",
    "role",
    "note",
    "passage",
    "reason",
    "jo",
    "allow",
    "gazette",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "person",
            "proposal",
            "evidence",
            "supports",
            "2024-01-01",
            "2999-01-01",
            "unknown",
            "jo",
            "allow",
        ]
    ),
)
yamlish = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children, max_size=5
        ),
    ),
    max_leaves=30,
)
FUZZ = fuzz_settings(300)


def outcome(text: str) -> list[Problem]:
    """Load and check `text`; a LoadError is a clean outcome, anything else propagates."""
    try:
        loaded = loads(text)
    except LoadError as error:
        assert error.problem.loc.file == "arguments.yaml"
        return [error.problem]
    return [*loaded.problems, *check(loaded.map, today=dt.date(2025, 1, 1))]


@FUZZ
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    for problem in outcome(text):
        assert problem.rule and problem.message


@FUZZ
@given(yamlish)
def test_arbitrary_yaml_shaped_data(data: object) -> None:
    outcome(yaml.safe_dump(data, allow_unicode=True))


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS[:8]), yamlish, max_size=8))
def test_arbitrary_top_level_sections(data: dict[str, object]) -> None:
    outcome(yaml.safe_dump(data, allow_unicode=True))


@FUZZ
@given(st.integers(0, len(BASE) - 1), st.integers(0, 40), st.text(max_size=12))
def test_splices_of_a_valid_map(start: int, length: int, insert: str) -> None:
    outcome(BASE[:start] + insert + BASE[start + length :])
