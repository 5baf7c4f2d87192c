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

from argmap.model import FIELDS, ActorKind, ClaimKind

__all__ = ["FIELD_ORDER", "SCHEMA_FILE", "dumps", "schema"]

#: Where the repository keeps the schema, next to arguments.yaml.
SCHEMA_FILE = "argmap.schema.json"

#: The keys of each kind of entry, in the order docs/format.md writes them.
FIELD_ORDER = FIELDS

_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
# A real month (01-12) and day (01-31); whether the day exists in that month, and
# whether the date lies in the future, is left to `argmap check`.
_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

_ACTOR_KINDS = {
    ActorKind.PERSON: "a named person",
    ActorKind.PARTY: "a political party",
    ActorKind.GOVERNMENT: "a government, department or minister's office",
    ActorKind.PUBLIC_BODY: "an agency such as Public Health England or the NHS",
    ActorKind.COUNCIL: "a local authority",
    ActorKind.POLICE: "a police force or police and crime commissioner's office",
    ActorKind.CHARITY: "a charity",
    ActorKind.GROUP: "a parliamentary group, coalition or group of signatories",
    ActorKind.ORGANISATION: "any other organisation",
}
_CLAIM_KINDS = {
    ClaimKind.PROPOSAL: "a central question of the debate",
    ClaimKind.CLAIM: "a claim (the default)",
    ClaimKind.EVIDENCE: "a fact or statistic; needs `source`",
}


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


def _enum(description: str, meanings: Mapping[Any, str]) -> dict[str, Any]:
    listed = "; ".join(f"`{value.value}`: {meaning}" for value, meaning in meanings.items())
    return {"description": f"{description} {listed}.", "enum": [v.value for v in meanings]}


def _entry(kind: str, description: str, properties: dict[str, Any], **rules: Any) -> Any:
    assert tuple(properties) == FIELD_ORDER[kind], kind  # one order, written once
    return {
        "description": description,
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        **rules,
    }


def _exactly_one(*keys: str) -> list[dict[str, Any]]:
    return [{"required": [key]} for key in keys]


def _definitions() -> dict[str, Any]:
    source = _entry(
        "source",
        "An article or document the map quotes.",
        {
            "title": _text("The article's headline or title."),
            "publisher": _text("Who published it, e.g. the newspaper."),
            "date": {
                "description": "Publication date: an ISO date (2021, 2021-06 or 2021-06-14),"
                " or `unknown` when the article does not state it. Never guessed.",
                "anyOf": [
                    {"type": "string", "pattern": _DATE_PATTERN},
                    {"const": "unknown"},
                    {"type": "integer", "minimum": 1000, "maximum": 9999},
                ],
            },
            "url": _optional("Where the article is online."),
            "file": _optional(
                "The article's plain text, relative to the map file;"
                " `argmap check` verifies every quote from this source against it."
            ),
        },
        required=["title", "publisher", "date"],
    )
    actor = _entry(
        "actor",
        "A person or organisation that takes stances.",
        {
            "name": _text("The name shown on the map."),
            "kind": _enum("What sort of actor this is.", _ACTOR_KINDS),
            "role": _optional("The actor's role, in the words of the source."),
            "affiliations": _id_list(
                "Ids of other actors this one belongs to (party, employer, group)."
            ),
            "aliases": {
                "description": "Other names the sources use for the actor (`Mr Lane`);"
                " `argmap draft` matches speakers by them.",
                "type": ["array", "null"],
                "items": {"type": "string"},
            },
        },
        required=["name", "kind"],
    )
    claim = _entry(
        "claim",
        "A proposal, claim or piece of evidence that actors take stances on.",
        {
            "kind": _enum("What sort of claim this is (default `claim`).", _CLAIM_KINDS),
            "text": _text("The claim as a full sentence."),
            "label": _optional("A short form for the map; the text is used when absent."),
            "source": _optional("Id of the source the claim comes from; required for evidence."),
            "tags": {
                "description": "Free-form words to group claims.",
                "type": ["array", "null"],
                "items": {"type": ["string", "number"]},
            },
        },
        required=["text"],
        # Evidence is a fact or figure, and a fact without its source is not evidence.
        **{
            "if": {"properties": {"kind": {"const": "evidence"}}, "required": ["kind"]},
            "then": {"required": ["source"], "properties": {"source": _text("")}},
        },
    )
    position = "Id of the claim the actor {}."
    stance = _entry(
        "stance",
        "An actor's stance on a claim, with the source's words that show it."
        " Exactly one of `supports`, `opposes` or `neutral`.",
        {
            "id": _ref(
                "id",
                "Optional explicit id; otherwise `actor/position/claim`, lengthened by"
                " `/source` and `/date` as needed to be unique.",
            ),
            "actor": _ref("id", "Id of the actor who takes the stance."),
            "supports": _ref("id", position.format("supports")),
            "opposes": _ref("id", position.format("opposes")),
            "neutral": _ref("id", position.format("considers without taking a side")),
            "source": _ref("id", "Id of the source the words are in."),
            "date": {
                "description": "ISO date of the statement when it differs from the source's.",
                "anyOf": [
                    {"type": "string", "pattern": _DATE_PATTERN},
                    {"type": "integer", "minimum": 1000, "maximum": 9999},
                    {"type": "null"},
                ],
            },
            "reported": {
                "description": "`true` when the position is reported or paraphrased,"
                " not quoted; `quote` then holds the article's wording of the report.",
                "type": "boolean",
            },
            "quote": _optional("The source's exact words. Required unless `reported: true`."),
            "note": _optional("Free text for the curator."),
        },
        required=["actor", "source"],
        oneOf=_exactly_one("supports", "opposes", "neutral"),
        **{
            "if": {"not": {"properties": {"reported": {"const": True}}, "required": ["reported"]}},
            "then": {"required": ["quote"], "properties": {"quote": _text("")}},
        },
    )
    relation = _entry(
        "relation",
        "A claim that supports or attacks another claim, or undercuts another relation's"
        " inference. Exactly one of `supports`, `attacks` or `undercuts`.",
        {
            "from": _ref("id", "Id of the claim that argues."),
            "supports": _ref("id", "Id of the claim it supports."),
            "attacks": _ref("id", "Id of the claim it attacks."),
            "undercuts": {
                "description": "Id of the relation whose inference it denies"
                " (`from/supports/to` or `from/attacks/to`).",
                "type": "string",
            },
            "source": _optional("Id of the source that makes the argument."),
            "inferred": {
                "description": "`true` when no source states the link: the curator's own"
                " reading, kept apart by the analysis. `note` must say why.",
                "type": "boolean",
            },
            "note": _optional("Free text for the curator."),
        },
        required=["from"],
        oneOf=_exactly_one("supports", "attacks", "undercuts"),
    )
    ignored = _entry(
        "ignored",
        "A quoted passage of a source that deliberately maps to no stance.",
        {
            "source": _ref("id", "Id of the source the passage is in."),
            "passage": _text("The passage, as it is quoted in the source."),
            "reason": _text("Why it maps to no stance."),
        },
        required=["source", "passage", "reason"],
    )
    return {
        "id": {
            "description": "A kebab-case slug: lowercase letters, digits and single"
            " hyphens, starting with a letter.",
            "type": "string",
            "pattern": _ID_PATTERN,
        },
        "source": source,
        "actor": actor,
        "claim": claim,
        "stance": stance,
        "relation": relation,
        "ignored": ignored,
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
    top = _entry(
        "map",
        "One debate: its sources, actors, claims, and the stances and relations"
        " between them. See docs/format.md.",
        {
            "title": _text("The map's title, shown in the page header."),
            "description": _optional("A paragraph on what the map covers."),
            "sources": _keyed("source", "The articles quoted, by id."),
            "actors": _keyed("actor", "The people and organisations, by id."),
            "claims": _keyed("claim", "The proposals, claims and evidence, by id."),
            "stances": _listed("stance", "Who supports, opposes or considers which claim."),
            "relations": _listed("relation", "Which claims support or attack which."),
            "ignored": _listed("ignored", "Quoted passages that deliberately map to no stance."),
        },
        required=["title", "sources", "actors", "claims", "stances"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "argmap arguments.yaml",
        **top,
        "$defs": _definitions(),
    }


def dumps() -> str:
    """The schema as the text of argmap.schema.json: stable key order, a final newline."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
