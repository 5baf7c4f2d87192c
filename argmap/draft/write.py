"""The draft as YAML text: an ordinary argmap file with the reviewer's notes as comments.

Written by hand rather than by a YAML library so each entry can carry the comment lines
a reviewer needs above it (where the speaker was found, the closest claims). Every value
that is not an id is quoted: single quotes where YAML allows, double quotes with escapes
for text with characters single quotes cannot hold, so any article text round-trips.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.load.format import ID
from argmap.model import FALSES, NULLS, TRUES, Actor, Claim, Ignored, Source, Stance

__all__ = ["Entry", "render", "scalar"]


@dataclass(frozen=True, slots=True)
class Entry:
    """An entry to write, the comment lines above it, and for a stance its explicit id."""

    value: Source | Actor | Claim | Stance | Ignored
    comments: tuple[str, ...] = ()
    explicit_id: bool = False


def _printable(char: str) -> bool:
    # What YAML allows unescaped in a single-quoted scalar on one line.
    code = ord(char)
    if char in "\x85\u2028\u2029\ufeff":
        return False
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def scalar(value: str) -> str:
    """`value` as a YAML scalar the loader reads back as exactly that text."""
    if ID.match(value) and value not in NULLS | TRUES | FALSES:
        return value
    if value and all(_printable(c) for c in value) and value == value.strip():
        return "'" + value.replace("'", "''") + "'"
    out = []
    for char in value:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == " " or (_printable(char) and char != "\t"):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def _comment(text: str, indent: str) -> str:
    return f"{indent}# {' '.join(text.split())}".rstrip()


def _fields(lines: list[str], indent: str, pairs: Iterable[tuple[str, str | None]]) -> None:
    for key, value in pairs:
        if value is not None:
            lines.append(f"{indent}{key}: {value}")


def _list(values: Sequence[str]) -> str | None:
    return "[" + ", ".join(scalar(v) for v in values) + "]" if values else None


def _keyed(lines: list[str], entry: Entry) -> None:
    value = entry.value
    lines.extend(_comment(c, "  ") for c in entry.comments)
    if isinstance(value, Source):
        lines.append(f"  {value.id}:")
        _fields(
            lines,
            "    ",
            [
                ("title", scalar(value.title)),
                ("publisher", scalar(value.publisher)),
                ("date", scalar(value.date)),
                ("url", scalar(value.url) if value.url else None),
                ("file", scalar(value.file) if value.file else None),
            ],
        )
    elif isinstance(value, Actor):
        lines.append(f"  {value.id}:")
        _fields(
            lines,
            "    ",
            [
                ("name", scalar(value.name)),
                ("kind", value.kind.value),
                ("role", scalar(value.role) if value.role else None),
                ("affiliations", _list(value.affiliations)),
                ("aliases", _list(value.aliases)),
            ],
        )
    elif isinstance(value, Claim):
        lines.append(f"  {value.id}:")
        _fields(
            lines,
            "    ",
            [
                ("kind", value.kind.value),
                ("text", scalar(value.text)),
                ("label", scalar(value.label) if value.label else None),
                ("source", value.source),
                ("tags", _list(value.tags)),
            ],
        )


def _listed(lines: list[str], entry: Entry) -> None:
    value = entry.value
    lines.extend(_comment(c, "  ") for c in entry.comments)
    if isinstance(value, Stance):
        pairs: list[tuple[str, str | None]] = [
            ("id", value.id if entry.explicit_id else None),
            ("actor", value.actor),
            (value.position.value, value.claim),
            ("source", value.source),
            ("date", scalar(value.date) if value.date else None),
            ("reported", "true" if value.reported else None),
            ("quote", scalar(value.quote) if value.quote else None),
            ("note", scalar(value.note) if value.note else None),
        ]
    else:
        assert isinstance(value, Ignored)
        pairs = [
            ("source", value.source),
            ("passage", scalar(value.passage)),
            ("reason", scalar(value.reason)),
        ]
    first, *rest = [(k, v) for k, v in pairs if v is not None]
    lines.append(f"  - {first[0]}: {first[1]}")
    _fields(lines, "    ", rest)


def render(
    header: Sequence[str],
    title: str,
    sections: Mapping[str, Sequence[Entry]],
) -> str:
    """The draft file: the header comments, the title, then each non-empty section."""
    lines = [_comment(line, "") for line in header]
    lines.append(f"title: {scalar(title)}")
    for name in ("sources", "actors", "claims", "stances", "ignored"):
        entries = sections.get(name, ())
        if not entries:
            # The loader needs every section but `ignored`, even an empty one.
            if name != "ignored":
                lines += ["", f"{name}: {'[]' if name == 'stances' else '{}'}"]
            continue
        lines.append("")
        lines.append(f"{name}:")
        for entry in entries:
            (_keyed if name in ("sources", "actors", "claims") else _listed)(lines, entry)
    return "\n".join(lines) + "\n"
