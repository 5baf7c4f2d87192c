"""The JSON Schema: committed as generated, valid, and in agreement with `argmap check`.

The map is read here as an editor's YAML language server reads it (YAML 1.2, dates as
text) and validated with the `jsonschema` package, which shares no code with argmap.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from argmap import load as loader
from argmap.checks import check
from argmap.cli import cli
from argmap.model import Level
from argmap.schema import SCHEMA_FILE, dumps, schema

from .helpers import BASE

ROOT = Path(__file__).parent.parent
VALIDATOR = jsonschema.Draft202012Validator(schema())


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (1.2): no timestamps, no yes/no."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith((":timestamp", ":bool"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def as_editor_reads(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)  # a SafeLoader with fewer implicit types


def schema_errors(text: str) -> list[str]:
    return sorted(e.message for e in VALIDATOR.iter_errors(as_editor_reads(text)))


def check_errors(text: str) -> list[str]:
    loaded = loader.loads(text)
    found = [*loaded.problems, *check(loaded.map, today=dt.date(2025, 1, 1))]
    return sorted(p.rule for p in found if p.level is Level.ERROR)


def test_committed_schema_is_the_generated_one() -> None:
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == dumps()
    result = CliRunner().invoke(cli, ["schema"])
    assert (result.exit_code, result.output) == (0, committed)


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_enums_and_descriptions_for_editors() -> None:
    defs = schema()["$defs"]
    assert defs["actor"]["properties"]["kind"]["enum"] == [
        "person",
        "party",
        "government",
        "public-body",
        "council",
        "police",
        "charity",
        "group",
        "organisation",
    ]
    assert defs["claim"]["properties"]["kind"]["enum"] == ["proposal", "claim", "evidence"]
    for name, entry in defs.items():
        for key, prop in entry.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{key} has no description"


def test_curated_map_is_valid() -> None:
    curated = ROOT / "arguments.yaml"
    if not curated.exists():
        pytest.skip("the curated map has not landed yet")
    text = curated.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    assert schema_errors(text) == []


def test_format_docs_example_is_valid() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    start = doc.index("```yaml", doc.index("## A complete small example")) + len("```yaml\n")
    example = doc[start : doc.index("```", start)]
    assert schema_errors(example) == []
    assert check_errors(example) == []


# Faults one entry shows on its own: the schema and `argmap check` both reject them.
ENTRY_FAULTS = {
    "unknown top key": (BASE + "colour: red\n", "unknown-key"),
    "unknown stance key": (BASE.replace("    quote: Yes.", "    qoute: Yes."), "unknown-key"),
    "missing title": (BASE.replace("title: T\n", ""), "missing-field"),
    "missing actor name": (BASE.replace("    name: Jo\n", ""), "missing-field"),
    "missing source date": (BASE.replace("    date: 2024-03-01\n", ""), "missing-field"),
    "missing stances": (BASE[: BASE.index("stances:")], "missing-field"),
    "empty quote": (BASE.replace("quote: Yes.", "quote: ''"), "missing-quote"),
    "no quote, not reported": (BASE.replace("    quote: Yes.\n", ""), "missing-quote"),
    "actors as a list": (
        BASE.replace(BASE[BASE.index("actors:") : BASE.index("claims:")], "actors: [jo, sam]\n"),
        "wrong-type",
    ),
    "affiliations as text": (
        BASE.replace("    name: Sam\n", "    name: Sam\n    affiliations: jo\n"),
        "wrong-type",
    ),
    "reported is text": (
        BASE.replace("    quote: No.", "    quote: No.\n    reported: 'maybe'"),
        "wrong-type",
    ),
    "bad actor kind": (BASE.replace("kind: person", "kind: human", 1), "invalid-value"),
    "bad claim kind": (BASE.replace("kind: proposal", "kind: question"), "invalid-value"),
    "id not a slug": (BASE.replace("  jo:", "  Jo_Green:"), "invalid-id"),
    "two positions": (
        BASE.replace("    supports: allow\n", "    supports: allow\n    opposes: saves\n"),
        "conflicting-fields",
    ),
    "no position": (BASE.replace("    supports: allow\n", ""), "missing-field"),
    "relation without target": (
        BASE.replace("    supports: allow\n", "").replace(
            "    quote: Yes.\n", "    quote: Yes.\n    supports: allow\n"
        ),
        "missing-field",
    ),
    "date not iso": (BASE.replace("date: 2024-03-01", "date: March 2024"), "invalid-date"),
    "month 13": (BASE.replace("date: 2024-03-01", "date: 2024-13-01"), "invalid-date"),
    "evidence without source": (
        BASE.replace("    text: It saves lives", "    kind: evidence\n    text: It saves lives"),
        "evidence-without-source",
    ),
    "ignored without reason": (
        BASE + "ignored:\n  - source: gazette\n    passage: x\n",
        "missing-field",
    ),
}


@pytest.mark.parametrize("name", sorted(ENTRY_FAULTS))
def test_schema_and_check_both_reject(name: str) -> None:
    text, rule = ENTRY_FAULTS[name]
    assert rule in check_errors(text)
    assert schema_errors(text) != []


# Files both accept: optional fields empty or left out, numbers and dates as text.
GOOD = {
    "base": BASE,
    "empty optional fields": BASE.replace("    name: Sam\n", "    name: Sam\n    role:\n"),
    "empty relations": BASE[: BASE.index("relations:")] + "relations:\n",
    "year and month dates": BASE.replace("date: 2024-03-01", "date: 2024-03"),
    "year only": BASE.replace("date: 2024-03-01", "date: 2024"),
    "unknown date": BASE.replace("date: 2024-03-01", "date: unknown"),
    "reported without quote": BASE.replace("    quote: No.", "    reported: true"),
    "a number as text": BASE.replace("title: T", "title: 1984"),
    "explicit stance id": BASE.replace("  - actor: sam", "  - id: sam-no\n    actor: sam"),
    "evidence with source": BASE.replace(
        "    text: It saves lives",
        "    kind: evidence\n    text: It saves lives\n    source: gazette",
    ),
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_schema_and_check_both_accept(name: str) -> None:
    assert (schema_errors(GOOD[name]), check_errors(GOOD[name])) == ([], [])


# What needs the whole map is check-only: the schema accepts these, the check does not.
CHECK_ONLY = {
    "unknown claim": (
        BASE.replace("supports: allow\n    source", "supports: alow\n    source"),
        "unknown-claim",
    ),
    "unknown actor": (BASE.replace("actor: jo\n", "actor: joe\n"), "unknown-actor"),
    "id used twice": (BASE.replace("  saves:\n", "  jo:\n"), "duplicate-id"),
    "future date": (BASE.replace("date: 2024-03-01", "date: 2999-01-01"), "invalid-date"),
    "no 30 February": (BASE.replace("date: 2024-03-01", "date: 2024-02-30"), "invalid-date"),
}


@pytest.mark.parametrize("name", sorted(CHECK_ONLY))
def test_whole_map_rules_are_check_only(name: str) -> None:
    text, rule = CHECK_ONLY[name]
    assert rule in check_errors(text)
    assert schema_errors(text) == []


def test_schema_messages_name_the_fault() -> None:
    text, _ = ENTRY_FAULTS["unknown stance key"]
    assert "Additional properties are not allowed ('qoute' was unexpected)" in schema_errors(text)
    assert json.loads(dumps())["$defs"]["id"]["pattern"] == "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
