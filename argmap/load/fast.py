"""A fast path for the common case: a clean map written in plain block YAML.

The full loader (`argmap.load`) builds a node per YAML event from PyYAML's parser
and then the model from the nodes, collecting every problem with its location. That
costs about 0.1 ms per stance, which is seconds on a coded dataset of 20,000 statements.
Most files, and every file checked in CI once it is clean, use only a small part of
YAML: block mappings and sequences, one-line plain or quoted scalars, one-line flow lists
of ids, and comments. This module reads exactly that part, line by line, and builds the
model straight from it, keeping a location for every entry and field so a consistency
check can still point at `file:line:col`.

It never reports a problem. `fast_load` returns None as soon as the text steps outside
that part of YAML (a tab, a block scalar, a multi-line value, an escape, a tag, an
anchor or alias, a second document, deep nesting), or holds anything the full loader
would report (a duplicate or unknown key, a missing or empty field, a wrong type, a bad
id or enum value). The caller then runs the full loader, which reports it. So every
hazard check stays in one place, and a file the fast path accepts loads to the same
model with the same locations as through the full loader (the tests compare the two).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Mapping
from typing import Any

from argmap.load.format import ENTRIES, FALSES, ID, NULLS, TRUES, Type
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Ignored,
    Location,
    Position,
    Relation,
    RelationKind,
    Source,
    Stance,
    derive_stance_ids,
)

__all__ = ["fast_load"]

# Anything YAML treats specially or that a one-line reading could get wrong: tabs,
# every line break but LF (CR, NEL, LS, PS), a byte-order mark inside the text, and the
# characters YAML 1.1 does not allow in a stream at all (the full loader reports them).
_UNSAFE = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A line holding a block mapping key, maybe as a sequence's item (`- key:`): the indent,
# the dash, the key (plain text that does not start with a YAML indicator) and the
# spaces before the ':', which a space or the end of the line must follow.
_KEY_LINE = re.compile(r"( *)(?:(-) +)?([^\s#'\"\[\]{},&*!|>%@`?:\-][^#]*?)( *):(?: +|\Z)")
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?: +#.*| *)\Z")
# The header of a block scalar this module reads: folded or literal, clipped or stripped.
_BLOCK_HEADER = re.compile(r"[>|]-?(?: +#.*| *)\Z")
_DOCUMENT_START = re.compile(r"---(?: +#.*| *)\Z")
_DOUBLE = re.compile(r'"([^"\\]*)"(?: +#.*| *)\Z')
_FLOW = re.compile(r"\[([^\[\]{}'\"#]*)\](?: +#.*| *)\Z")
_FLOW_ITEM = re.compile(r" *([^\s#'\"\[\]{},&*!|>%@`?:\-][^,:#\[\]{}]*?)? *\Z")
# A plain scalar may not start with these (except '[', '\'' and '"', handled above).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Deeper than the format ever goes (five levels), well inside the full loader's limit.
_MAX_DEPTH = 8
# YAML's limit on a key, from its start to the ':' (the full loader's MAX_KEY).
_MAX_KEY = 1024

# The format as load/format.py declares it, which the full loader reads too.
_NULLS = NULLS
_TRUES = TRUES
_FALSES = FALSES
_ID = ID
_MAP, _STANCE, _RELATION = ENTRIES["map"], ENTRIES["stance"], ENTRIES["relation"]
_KEYS = {kind: frozenset(entry.keys) for kind, entry in ENTRIES.items()}
_TOP_KEYS = _KEYS["map"]
_SOURCE_KEYS = _KEYS["source"]
_ACTOR_KEYS = _KEYS["actor"]
_CLAIM_KEYS = _KEYS["claim"]
_STANCE_KEYS = _KEYS["stance"]
_RELATION_KEYS = _KEYS["relation"]
_IGNORED_KEYS = _KEYS["ignored"]
_POSITIONS = _STANCE.one_of
_RELATION_KINDS = _RELATION.one_of
_TEXT_TYPES = frozenset({Type.TEXT, Type.REF, Type.DATE})
_SECTIONS_REQUIRED = frozenset(f.key for f in _MAP.fields if f.required and f.type is Type.ENTRIES)
#: Per kind of entry, whether each text field must be there (`_required`) or may not.
_TEXT_REQUIRED = {
    kind: {f.key: f.required for f in entry.fields if f.type in _TEXT_TYPES}
    for kind, entry in ENTRIES.items()
}
_REQ_MAP, _REQ_SOURCE = _TEXT_REQUIRED["map"], _TEXT_REQUIRED["source"]
_REQ_ACTOR, _REQ_CLAIM = _TEXT_REQUIRED["actor"], _TEXT_REQUIRED["claim"]
_REQ_STANCE, _REQ_RELATION = _TEXT_REQUIRED["stance"], _TEXT_REQUIRED["relation"]
_REQ_IGNORED = _TEXT_REQUIRED["ignored"]
_ACTOR_KIND = ENTRIES["actor"].field("kind")
_CLAIM_KIND = ENTRIES["claim"].field("kind")
_ACTOR_KINDS = {word: ActorKind(word) for word in _ACTOR_KIND.meanings}
_CLAIM_KINDS = {word: ClaimKind(word) for word in _CLAIM_KIND.meanings}

# A parsed value is a tuple (payload, line, col, plain): payload is a str for a scalar,
# a list of values for a sequence, a dict for a mapping. A mapping's dict maps each key
# to (key line, key col, value). Plain tuples instead of node objects keep this fast.
_Value = tuple[Any, int, int, bool]
_Fields = dict[str, tuple[int, int, _Value]]


class _Reject(Exception):
    """The text is outside what the fast path vouches for; use the full loader."""


def fast_load(text: str, path: str) -> ArgumentMap | None:
    """The map in `text`, or None when only the full loader can read it faithfully.

    A map is returned only when the full loader would return the same map (with the
    same locations) and no problem at all; None says nothing about the file's validity.
    """
    if _UNSAFE.search(text):
        return None
    # The parse makes a few hundred thousand small containers and no reference cycles;
    # the cyclic garbage collector would walk the growing heap again and again for
    # nothing (it doubles the time of a large file), so it waits until the map is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(_parse(text), path)
    except _Reject:
        return None
    finally:
        if collecting:
            gc.enable()


# --------------------------------------------------------------------------- parsing


def _parse(text: str) -> _Value:
    """The block structure of `text` as nested values, or `_Reject`.

    One pass over the lines with the innermost open collection in local variables
    (its indent, its container, whether it is a sequence) and the outer ones on a stack.
    This loop is the fast path's cost, so the common line, `key: plain text` in the
    current mapping, takes the fewest steps.
    """
    lines = text.split("\n")
    first = 0
    for first, line in enumerate(lines):  # noqa: B007 - the index is used after the loop
        content = line.lstrip(" ")
        if content and content[0] != "#" and not _DOCUMENT_START.match(line):
            break
    else:
        raise _Reject  # empty: the full loader says so
    if lines[first][0] in " -#":
        raise _Reject  # an indented or non-mapping top level
    root: dict[str, Any] = {}
    stack: list[tuple[int, Any, bool]] = []
    indent_now, in_seq = 0, False
    container: Any = root
    # A key written as `key:` whose value is on the following lines (or is null):
    # (its mapping, key, key line, key col, the mapping's indent, null value's col).
    pending: tuple[_Fields, str, int, int, int, int] | None = None
    line_match = _KEY_LINE.match
    indicators = _INDICATORS
    # A block scalar (`key: >-` and the lines under it) being read: where to put it, its
    # header's line and col, the mapping's indent, its style, its lines and their indent.
    block: tuple[_Fields, str, int, int, int, int, str] | None = None
    block_lines: list[str] = []
    block_indent = 0
    block_gap = False  # an empty line seen since the last line of the block
    for number, line in enumerate(lines[first:], first + 1):
        if block is not None:
            content = line.lstrip(" ")
            indent = len(line) - len(content)
            if not content:
                if indent > (block_indent if block_lines else block[4]):
                    raise _Reject  # spaces past the indent are text, or set the indent
                block_gap = True
                continue
            if indent > block[4] and (not block_lines or indent >= block_indent):
                if block_gap or (block_lines and indent > block_indent):
                    raise _Reject  # an empty or more indented line keeps its line break
                block_indent = indent
                block_lines.append(line[indent:])
                continue
            _end_block(block, block_lines)
            block, block_lines, block_gap = None, [], False
        match = line_match(line)
        if match is not None:  # `key: ...` or `- key: ...`, most lines of a map
            indent = match.end(1)
            is_item = match.start(2) >= 0
        else:
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue
            indent = len(line) - len(content)
            is_item = content[0] == "-" and (len(content) == 1 or content[1] == " ")
        if pending is not None:
            fields, key, kline, kcol, map_indent, null_col = pending
            pending = None
            if indent > map_indent or (indent == map_indent and is_item):
                if len(stack) >= _MAX_DEPTH:
                    raise _Reject
                nested: Any = [] if is_item else {}
                fields[key] = (kline, kcol, (nested, number, indent + 1, False))
                stack.append((indent_now, container, in_seq))
                indent_now, container, in_seq = indent, nested, is_item
            else:
                fields[key] = (kline, kcol, ("", kline, null_col, True))
        if indent != indent_now or in_seq is not is_item:
            # Close the collections this line is outside of.
            while indent < indent_now or (indent == indent_now and in_seq and not is_item):
                if not stack:
                    raise _Reject
                indent_now, container, in_seq = stack.pop()
            if indent != indent_now or in_seq is not is_item:
                raise _Reject
        if match is None:
            if not is_item:
                raise _Reject
            rest = content[1:].lstrip(" ")
            if not rest or rest[0] == "#":
                raise _Reject  # a null item or a nested block on the next line
            container.append(_inline(rest, number, len(line) - len(rest) + 1))
            continue
        start = match.start(3)  # 0-based column of the key
        if is_item:  # `- key: ...` starts a mapping as the sequence's next item
            if len(stack) >= _MAX_DEPTH:
                raise _Reject
            fields = {}
            container.append((fields, number, start + 1, False))
            stack.append((indent_now, container, in_seq))
            indent_now, container, in_seq = start, fields, False
        key = match[3]
        if match.end(4) - start > _MAX_KEY:
            raise _Reject  # too long for a YAML key: the full loader reports it
        if key in container:
            raise _Reject  # a duplicate key: the full loader reports it
        end = match.end()
        value = line[end:]
        if not value or value[0] == "#":
            pending = (container, key, number, start + 1, start, match.end(4) + 2)
        elif value[0] in indicators:
            if _BLOCK_HEADER.match(value):
                block = (container, key, number, start + 1, start, end + 1, value[:2])
                continue
            container[key] = (number, start + 1, _inline(value, number, end + 1))
        else:
            cut = value.find(" #")
            if cut >= 0:
                value = value[:cut]
            value = value.rstrip(" ")
            if ": " in value or value[-1] == ":":
                raise _Reject  # the full loader reports a mapping where it cannot be
            container[key] = (number, start + 1, (value, number, end + 1, True))
    if block is not None:
        _end_block(block, block_lines)
    if pending is not None:
        fields, key, kline, kcol, _, null_col = pending
        fields[key] = (kline, kcol, ("", kline, null_col, True))
    return (root, first + 1, 1, False)


def _end_block(block: tuple[_Fields, str, int, int, int, int, str], lines: list[str]) -> None:
    """Store a folded (`>`) or literal (`|`) block scalar's text, as YAML joins its lines."""
    fields, key, line, kcol, _, col, style = block
    if not lines:
        raise _Reject  # an empty block scalar
    text = (" " if style[0] == ">" else "\n").join(lines)
    if style[1:] != "-":
        text += "\n"  # the default 'clip' keeps the final line break
    fields[key] = (line, kcol, (text, line, col, False))


def _inline(text: str, line: int, col: int) -> _Value:
    """A value written on one line after `key: ` or `- `: a scalar or a flow list."""
    first = text[0]
    if first == "'":
        match = _SINGLE.match(text)
        if match is None:
            raise _Reject
        return (match[1].replace("''", "'"), line, col, False)
    if first == '"':
        match = _DOUBLE.match(text)
        if match is None:
            raise _Reject
        return (match[1], line, col, False)
    if first == "[":
        match = _FLOW.match(text)
        if match is None:
            raise _Reject
        return (_flow_items(match[1], line, col + 1), line, col, False)
    if first in _INDICATORS:
        raise _Reject
    comment = text.find(" #")
    if comment >= 0:
        text = text[:comment]
    text = text.rstrip(" ")
    if ": " in text or text.endswith(":"):
        raise _Reject  # the full loader reports a mapping where it cannot be
    return (text, line, col, True)


def _flow_items(inner: str, line: int, col: int) -> list[_Value]:
    """The plain items of `[a, b, c]`; `col` is where the text inside the brackets starts."""
    items: list[_Value] = []
    if not inner.strip(" "):
        return items
    parts = inner.split(",")
    if not parts[-1].strip(" "):
        parts.pop()  # YAML allows one trailing comma
    for part in parts:
        match = _FLOW_ITEM.match(part)
        if match is None or match[1] is None:
            raise _Reject
        items.append((match[1], line, col + match.start(1), True))
        col += len(part) + 1
    return items


# --------------------------------------------------------------------------- building


class _Locs(Mapping[str, Location]):
    """Field locations made on demand from the parsed fields: most are never read."""

    __slots__ = ("_fields", "_path")

    def __init__(self, path: str, fields: _Fields) -> None:
        self._path = path
        self._fields = fields

    def __getitem__(self, key: str) -> Location:
        value = self._fields[key][2]
        return Location(self._path, value[1], value[2])

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __repr__(self) -> str:
        return repr(dict(self))


def _fields(value: _Value, allowed: frozenset[str]) -> _Fields:
    fields = value[0]
    if type(fields) is not dict or not allowed.issuperset(fields):
        raise _Reject
    return fields


def _optional(fields: _Fields, key: str) -> str | None:
    """A text field's value; None when absent, null or blank, as the full loader reads it."""
    entry = fields.get(key)
    if entry is None:
        return None
    payload, _, _, plain = entry[2]
    if type(payload) is not str:
        raise _Reject
    if (plain and payload in _NULLS) or not payload.strip():
        return None
    return payload


def _required(fields: _Fields, key: str) -> str:
    """A text field that must be there; the full loader reports it absent or blank."""
    value = _optional(fields, key)
    if value is None:
        raise _Reject
    return value


def _text(fields: _Fields, key: str, required: Mapping[str, bool]) -> Any:
    """A text field, `_required` or `_optional` as the format declares it for its entry."""
    return _required(fields, key) if required[key] else _optional(fields, key)


def _section(fields: _Fields, key: str, kind: type) -> Any:
    entry = fields.get(key)
    if entry is None:
        return kind()
    payload, _, _, plain = entry[2]
    if type(payload) is str and plain and payload in _NULLS:
        return kind()
    if type(payload) is not kind:
        raise _Reject
    return payload


def _id(key: str) -> str:
    if not _ID.match(key):
        raise _Reject
    return key


def _text_list(fields: _Fields, key: str) -> list[_Value]:
    entry = fields.get(key)
    if entry is None:
        return []
    payload, _, _, plain = entry[2]
    if type(payload) is str and plain and payload in _NULLS:
        return []
    if type(payload) is not list:
        raise _Reject
    for item in payload:
        if type(item[0]) is not str or (item[3] and item[0] in _NULLS):
            raise _Reject
    return payload


def _one_of(fields: _Fields, keys: tuple[str, ...]) -> tuple[str, str]:
    present = [k for k in keys if k in fields]
    if len(present) != 1:
        raise _Reject
    return present[0], _required(fields, present[0])


def _build(root: _Value, path: str) -> ArgumentMap:
    top = _fields(root, _TOP_KEYS)
    if not _SECTIONS_REQUIRED.issubset(top):
        raise _Reject
    title = _text(top, "title", _REQ_MAP)

    def loc(line: int, col: int) -> Location:
        return Location(path, line, col)

    sources = []
    for key, (kline, kcol, value) in _section(top, "sources", dict).items():
        f = _fields(value, _SOURCE_KEYS)
        sources.append(
            Source(
                _id(key),
                _text(f, "title", _REQ_SOURCE),
                _text(f, "publisher", _REQ_SOURCE),
                _text(f, "date", _REQ_SOURCE),
                url=_text(f, "url", _REQ_SOURCE),
                file=_text(f, "file", _REQ_SOURCE),
                loc=loc(kline, kcol),
                field_locs=_Locs(path, f),
            )
        )
    actors = []
    for key, (kline, kcol, value) in _section(top, "actors", dict).items():
        f = _fields(value, _ACTOR_KEYS)
        name = _text(f, "name", _REQ_ACTOR)
        kind = _enum(f, "kind", _ACTOR_KINDS, _ACTOR_KIND.default)
        affiliations = _text_list(f, "affiliations")
        actors.append(
            Actor(
                _id(key),
                name,
                kind,
                role=_text(f, "role", _REQ_ACTOR),
                affiliations=tuple(a[0] for a in affiliations),
                aliases=tuple(a[0] for a in _text_list(f, "aliases")),
                loc=loc(kline, kcol),
                field_locs=_Locs(path, f),
                affiliation_locs=tuple(loc(a[1], a[2]) for a in affiliations),
            )
        )
    claims = []
    for key, (kline, kcol, value) in _section(top, "claims", dict).items():
        f = _fields(value, _CLAIM_KEYS)
        claims.append(
            Claim(
                _id(key),
                _text(f, "text", _REQ_CLAIM),
                _enum(f, "kind", _CLAIM_KINDS, _CLAIM_KIND.default),
                label=_text(f, "label", _REQ_CLAIM),
                source=_text(f, "source", _REQ_CLAIM),
                tags=tuple(t[0] for t in _text_list(f, "tags")),
                loc=loc(kline, kcol),
                field_locs=_Locs(path, f),
            )
        )
    relations = []
    for value in _section(top, "relations", list):
        f = _fields(value, _RELATION_KEYS)
        origin = _text(f, "from", _REQ_RELATION)
        kind, target = _one_of(f, _RELATION_KINDS)
        relations.append(
            Relation(
                f"{origin}/{kind}/{target}",
                origin,
                target,
                RelationKind(kind),
                source=_text(f, "source", _REQ_RELATION),
                note=_text(f, "note", _REQ_RELATION),
                inferred=_flag(f, "inferred"),
                loc=loc(value[1], value[2]),
                field_locs=_Locs(path, f),
            )
        )
    ignored = []
    for value in _section(top, "ignored", list):
        f = _fields(value, _IGNORED_KEYS)
        ignored.append(
            Ignored(
                _text(f, "source", _REQ_IGNORED),
                _text(f, "passage", _REQ_IGNORED),
                _text(f, "reason", _REQ_IGNORED),
                loc=loc(value[1], value[2]),
                field_locs=_Locs(path, f),
            )
        )
    return ArgumentMap(
        title=title,
        description=_text(top, "description", _REQ_MAP) or "",
        sources=tuple(sources),
        actors=tuple(actors),
        claims=tuple(claims),
        stances=_stances(_section(top, "stances", list), path),
        relations=tuple(relations),
        ignored=tuple(ignored),
        path=path,
    )


def _flag(fields: _Fields, key: str) -> bool:
    """A plain true/false value; anything else is the full loader's to report."""
    value = fields.get(key)
    if value is None:
        return False
    word, _, _, plain = value[2]
    if plain and word in _TRUES:
        return True
    if plain and word in _FALSES:
        return False
    raise _Reject


def _enum(fields: _Fields, key: str, choices: dict[str, Any], default: Any) -> Any:
    entry = fields.get(key)
    if entry is None:
        if default is None:
            raise _Reject
        return default
    choice = choices.get(entry[2][0]) if type(entry[2][0]) is str else None
    if choice is None:
        raise _Reject
    return choice


def _stances(values: list[_Value], path: str) -> tuple[Stance, ...]:
    """Stances with the ids the full loader derives (`actor/position/claim`, or longer)."""
    raw = []
    for value in values:
        f = _fields(value, _STANCE_KEYS)
        actor = _text(f, "actor", _REQ_STANCE)
        position, claim = _one_of(f, _POSITIONS)
        source = _text(f, "source", _REQ_STANCE)
        is_reported = _flag(f, "reported")
        explicit = _text(f, "id", _REQ_STANCE)
        if explicit is not None:
            _id(explicit)
        raw.append((value, f, actor, position, claim, source, is_reported, explicit))

    ids = derive_stance_ids(
        [
            None if r[7] is not None else (r[2], r[3], r[4], r[5], _text(r[1], "date", _REQ_STANCE))
            for r in raw
        ]
    )
    stances = []
    for i, (value, f, actor, position, claim, source, is_reported, explicit) in enumerate(raw):
        stances.append(
            Stance(
                explicit or ids[i] or "",
                actor,
                claim,
                Position(position),
                source,
                quote=_text(f, "quote", _REQ_STANCE),
                reported=is_reported,
                date=_text(f, "date", _REQ_STANCE),
                note=_text(f, "note", _REQ_STANCE),
                loc=Location(path, value[1], value[2]),
                field_locs=_Locs(path, f),
            )
        )
    return tuple(stances)
