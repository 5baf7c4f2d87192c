"""The `argdown` export: the claims and their relations as an Argdown document.

Each claim is one statement, `[claim-id]: text`, under a heading for its kind
(Proposals, Claims, Evidence). Proposals and evidence carry the tags `#proposal` and
`#evidence`, and a claim's own tags follow as `#(tag)`, so Argdown colours them. Each
relation is written once, under the claim it comes from, as `+> [target]` (supports)
or `-> [target]` (attacks). What Argdown has no syntax for is kept in its YAML data
blocks, which Argdown parses and keeps: the claim's kind, label, source and stances
(actor, position, source, quote, reported, date) in a `{...}` block after the statement,
and each actor and source as a heading of its own with its fields as data.

Text is escaped so that Argdown reads it back exactly: the characters that start
Argdown markup (links, references, tags, emphasis, comments, data, mentions) get a
backslash, and so do `.` and `:` before a non-space (they could open a shortcode such
as `.A.`). Runs of white space, line breaks included, become one space, since a
statement is one line. Data values are JSON strings, which YAML reads as they are, with
`{` and `}` written as `\\u007b` and `\\u007d` so Argdown's lexer never ends a data block
inside a string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

from argmap.analysis import Analysis
from argmap.model import ArgumentMap, Claim, ClaimKind, RelationKind, Stance

__all__ = ["argdown", "data_block", "escape"]

# Characters that begin markup anywhere in Argdown text; see the module docstring.
_MARKUP = re.compile(r"[\\@#*_\[\]<>/{}]|[.:](?=\S)")
_SPACE = re.compile(r"\s+")
# A tag in the `#(...)` form ends at the first `)`; other tags cannot hold one at all.
_TAG_SAFE = re.compile(r"^[^()\s][^()]*$")
_HEADINGS = (
    (ClaimKind.PROPOSAL, "Proposals"),
    (ClaimKind.CLAIM, "Claims"),
    (ClaimKind.EVIDENCE, "Evidence"),
)
_ARROWS = {RelationKind.SUPPORTS: "+>", RelationKind.ATTACKS: "->"}

Data = Mapping[str, object]


def escape(text: str) -> str:
    """Text as Argdown statement or heading text that Argdown reads back unchanged.

    >>> escape("See https://example.org: [1] #2")
    'See https\\\\:\\\\/\\\\/example\\\\.org: \\\\[1\\\\] \\\\#2'
    """
    return _MARKUP.sub(lambda m: "\\" + m.group(0), _SPACE.sub(" ", text).strip())


def _value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("{", "\\u007b").replace("}", "\\u007d")
    if isinstance(value, bool | int | float) or value is None:
        return json.dumps(value)
    if isinstance(value, Mapping):
        return data_block(value)
    if isinstance(value, Iterable):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as Argdown data")


def data_block(data: Data) -> str:
    """A mapping as a one-line Argdown data block (YAML flow style), absent values left out.

    >>> data_block({"kind": "evidence", "label": None, "tags": ["a}b"]})
    '{kind: "evidence", tags: ["a\\\\u007db"]}'
    """
    items = [f"{key}: {_value(value)}" for key, value in data.items() if value is not None]
    return "{" + ", ".join(items) + "}"


def _stance_data(stance: Stance) -> dict[str, object]:
    return {
        "id": stance.id,
        "actor": stance.actor,
        "position": stance.position.value,
        "source": stance.source,
        "quote": stance.quote,
        "reported": stance.reported,
        "date": stance.date,
    }


def _claim_data(data: dict[str, object]) -> str:
    """The claim's data block with one stance a line, so a diff shows stances one by one.

    Argdown's lexer ends a data block at a `}` followed by white space and anything but
    `,` or `}`; each stance's `}` here is followed by `,` or, for the last, by `]}`.
    """
    stances = data.pop("stances")
    block = data_block(data)
    if not isinstance(stances, list):
        return block
    rows = ",\n    ".join(data_block(stance) for stance in stances)
    return f"{block[:-1]}, stances: [\n    {rows}]}}"


def _statement(claim: Claim, amap: ArgumentMap) -> list[str]:
    tags = [f"#{claim.kind.value}"] if claim.kind is not ClaimKind.CLAIM else []
    tags += [f"#({tag})" for tag in claim.tags if _TAG_SAFE.match(tag)]
    stances = sorted((s for s in amap.stances if s.claim == claim.id), key=lambda s: s.id)
    data: dict[str, object] = {
        "kind": claim.kind.value,
        "label": claim.label,
        "source": claim.source,
        "tags": list(claim.tags) or None,
        "stances": [_stance_data(s) for s in stances] or None,
    }
    lines = [" ".join([f"[{claim.id}]: {escape(claim.text)}", *tags]), f"  {_claim_data(data)}"]
    relations = sorted((r for r in amap.relations if r.origin == claim.id), key=lambda r: r.id)
    lines += [f"  {_ARROWS[r.kind]} [{r.target}]" for r in relations]
    return lines


def _front_matter(amap: ArgumentMap) -> list[str]:
    # JSON strings are YAML strings, so the title needs no YAML quoting rules of its own.
    lines = ["===", f"title: {json.dumps(amap.title, ensure_ascii=False)}"]
    if amap.description:
        lines.append(f"description: {json.dumps(amap.description, ensure_ascii=False)}")
    return [*lines, "==="]


def argdown(amap: ArgumentMap, analysis: Analysis) -> str:
    """The map as Argdown text (see the module docstring); `analysis` is not used.

    Claims come in id order under their kind's heading, relations in id order under the
    claim they come from, then the actors and the sources, each in id order.

    >>> from argmap.analysis import analyse
    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("r", "R")),
    ...     relations=(Relation("r/attacks/p", "r", "p", RelationKind.ATTACKS),),
    ... )
    >>> print(argdown(amap, analyse(amap)).split("# Claims")[1].strip())
    [r]: R
      {kind: "claim"}
      -> [p]
    """
    lines = [*_front_matter(amap), ""]
    for kind, heading in _HEADINGS:
        claims = sorted((c for c in amap.claims if c.kind is kind), key=lambda c: c.id)
        if claims:
            lines += [f"# {heading}", ""]
            for claim in claims:
                lines += [*_statement(claim, amap), ""]
    if amap.actors:
        lines += ["# Actors", ""]
        for actor in sorted(amap.actors, key=lambda a: a.id):
            data = {
                "actor": actor.id,
                "name": actor.name,
                "kind": actor.kind.value,
                "role": actor.role,
                "affiliations": list(actor.affiliations) or None,
            }
            lines += [f"## {escape(actor.name)} {data_block(data)}", ""]
    if amap.sources:
        lines += ["# Sources", ""]
        for source in sorted(amap.sources, key=lambda s: s.id):
            data = {
                "source": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "date": source.date,
                "url": source.url,
            }
            lines += [f"## {escape(source.title)} {data_block(data)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
