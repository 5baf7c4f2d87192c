"""The map format as a JSON Schema, for editors: completion, hovers and typos as you type.

`schema()` is the JSON Schema (draft 2020-12) of docs/format.md; `argmap schema` prints it
and the repository commits it as argmap.schema.json, which arguments.yaml names in its
first line (`# yaml-language-server: $schema=argmap.schema.json`).

The schema covers what can be judged one entry at a time: keys, required fields, types,
enums, id and date shapes, exactly one of supports/opposes/neutral, a quote unless
reported, a source for evidence. What needs the whole map (unknown ids, an id used twice,
circular support, contradictory stances, quotes against the articles, dates in the
future) is left to `argmap check`: a file the schema accepts can still fail the check.

`FIELD_ORDER` is also the canonical key order `argmap fmt` writes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from argmap.load.format import ENTRIES, FIELDS, ID_PATTERN, Entry, Field, Type

__all__ = ["FIELD_ORDER", "SCHEMA_FILE", "dumps", "schema"]

#: Where the repository keeps the schema, next to arguments.yaml.
SCHEMA_FILE = "argmap.schema.json"

#: The keys of each kind of entry, in the order docs/format.md writes them.
FIELD_ORDER = FIELDS

# A real month (01-12) and day (01-31); whether the day exists in that month, and
# whether the date lies in the future, is left to `argmap check`.
_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


def _text(description: str) -> dict[str, Any]:
    # The loader reads any scalar as text, and an editor's YAML 1.2 parser reads `1984`
    # as a number, so numbers are text too. Blank text counts as missing.
    return {
        "description": description,
        "anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "number"}],
    }


def _optional(description: str) -> dict[str, Any]:
    # An optional field may be left empty (`url:`), which the loader reads as absent.
    return {
        "description": description,
        "anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}],
    }


def _ref(what: str, description: str) -> dict[str, Any]:
    return {"description": description, "$ref": f"#/$defs/{what}"}


def _id_list(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "type": ["array", "null"],
        "items": {"$ref": "#/$defs/id"},
    }


def _enum(description: str, meanings: Mapping[str, str]) -> dict[str, Any]:
    listed = "; ".join(f"`{value}`: {meaning}" for value, meaning in meanings.items())
    return {"description": f"{description} {listed}.", "enum": list(meanings)}


def _date(field: Field) -> dict[str, Any]:
    # An editor's YAML 1.2 parser reads a bare year as a number.
    year = {"type": "integer", "minimum": 1000, "maximum": 9999}
    shape = {"type": "string", "pattern": _DATE_PATTERN}
    return {
        "description": field.description,
        "anyOf": [shape, {"const": "unknown"}, year]
        if field.unknown
        else [shape, year, {"type": "null"}],
    }


def _property(field: Field) -> dict[str, Any]:
    """The JSON Schema of one declared field."""
    description = field.description
    match field.type:
        case Type.TEXT:
            return _text(description) if field.required else _optional(description)
        case Type.REF:
            return _ref("id", description)
        case Type.IDS:
            return _id_list(description)
        case Type.TEXTS:
            return {
                "description": description,
                "type": ["array", "null"],
                "items": {"type": ["string", "number"]},
            }
        case Type.CHOICE:
            return _enum(description, field.meanings)
        case Type.DATE:
            return _date(field)
        case Type.FLAG:
            return {"description": description, "type": "boolean"}
        case Type.ENTRIES:
            assert field.entries is not None
            keyed = ENTRIES[field.entries].keyed
            return (_keyed if keyed else _listed)(field.entries, description)


def _entry(entry: Entry, **rules: Any) -> dict[str, Any]:
    """An entry's object schema: its declared fields, required keys and one-of group."""
    declared: dict[str, Any] = {"required": list(entry.required)}
    if entry.one_of:
        declared["oneOf"] = [{"required": [key]} for key in entry.one_of]
    return {
        "description": entry.description,
        "type": "object",
        "properties": {f.key: _property(f) for f in entry.fields},
        "additionalProperties": False,
        **declared,
        **rules,
    }


def _definitions() -> dict[str, Any]:
    # What one field implies for another is not in the declaration: written out here.
    claim = _entry(
        ENTRIES["claim"],
        # Evidence is a fact or figure, and a fact without its source is not evidence.
        **{
            "if": {"properties": {"kind": {"const": "evidence"}}, "required": ["kind"]},
            "then": {"required": ["source"], "properties": {"source": _text("")}},
        },
    )
    stance = _entry(
        ENTRIES["stance"],
        **{
            "if": {"not": {"properties": {"reported": {"const": True}}, "required": ["reported"]}},
            "then": {"required": ["quote"], "properties": {"quote": _text("")}},
        },
    )
    return {
        "id": {
            "description": "A kebab-case slug: lowercase letters, digits and single"
            " hyphens, starting with a letter.",
            "type": "string",
            "pattern": ID_PATTERN,
        },
        "source": _entry(ENTRIES["source"]),
        "actor": _entry(ENTRIES["actor"]),
        "claim": claim,
        "stance": stance,
        "relation": _entry(ENTRIES["relation"]),
        "ignored": _entry(ENTRIES["ignored"]),
    }


def _keyed(what: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "type": ["object", "null"],
        "propertyNames": {"$ref": "#/$defs/id"},
        "additionalProperties": {"$ref": f"#/$defs/{what}"},
    }


def _listed(what: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "type": ["array", "null"],
        "items": {"$ref": f"#/$defs/{what}"},
    }


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an arguments.yaml file, as a plain dict.

    >>> schema()["required"]
    ['title', 'sources', 'actors', 'claims', 'stances']
    """
    top = _entry(ENTRIES["map"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "argmap arguments.yaml",
        **top,
        "$defs": _definitions(),
    }


def dumps() -> str:
    """The schema as the text of argmap.schema.json: stable key order, a final newline."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
