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

import re
from collections.abc import Iterator, Mapping
from typing import Any

from argmap.load.canon import WIDE_UNSAFE, read_canonical, read_view, view_of
from argmap.load.flow import Reject as _Reject
from argmap.load.flow import flow_items as _flow_items
from argmap.load.format import ENTRIES, FALSES, ID, NULLS, TRUES, Type
from argmap.load.gcpause import paused_gc
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

__all__ = ["fast_load", "fast_load_safe", "fast_load_view", "is_unsafe", "utf8_view"]

# Anything YAML treats specially or that a one-line reading could get wrong: tabs,
# every line break but LF (CR, NEL, LS, PS), a byte-order mark inside the text, and the
# characters YAML 1.1 does not allow in a stream at all (the full loader reports them).
# Written as the set it refuses, all in the first plane, so that `re` compiles it to a
# table (the complement of what YAML allows took 10 ms to compile, at every start).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# The same refusal over the UTF-8 bytes the text was decoded from, in three C passes
# instead of a regex test per character (0.09 s on 14 MB): `bytes.translate` deletes the
# bytes that are safe alone (LF, printable ASCII, and any byte of a multi-byte character),
# leaving the ASCII controls; then the few characters above ASCII it refuses, each found
# by its lead byte or its own search. Surrogates cannot be in valid UTF-8.
_SAFE_BYTES = bytes([0x0A, *range(0x20, 0x7F), *range(0x80, 0x100)])
_C1 = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080 to U+009F
_LINE_SEPARATORS = tuple(char.encode() for char in WIDE_UNSAFE if char < "\ufeff")
# Their UTF-8 starts with 0xEF.
_NONCHARACTERS = tuple(char.encode() for char in WIDE_UNSAFE if char >= "\ufeff")
# A line holding a block mapping key, maybe as a sequence's item (`- key:`): the indent,
# the dash, the key (plain text that does not start with a YAML indicator) and the
# spaces before the ':', which a space or the end of the line must follow; then the rest.
_KEY_LINE = re.compile(r"( *)(?:(-) +)?([^\s#'\"\[\]{},&*!|>%@`?:\-][^#]*?)( *):(?: +|\Z)(.*)")
# What a key cannot start with (nor any space): what `_KEY_LINE` excludes.
_NOT_KEY_START = frozenset("#'\"[]{},&*!|>%@`?:-")
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?: +#.*| *)\Z")
# The header of a block scalar this module reads: folded or literal, clipped or stripped.
_BLOCK_HEADER = re.compile(r"[>|]-?(?: +#.*| *)\Z")
_DOCUMENT_START = re.compile(r"---(?: +#.*| *)\Z")
_DOUBLE = re.compile(r'"([^"\\]*)"(?: +#.*| *)\Z')
_FLOW = re.compile(r"\[([^\[\]{}'\"#]*)\](?: +#.*| *)\Z")
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
# to its value. A collection written under its key (`key:` and the lines below) carries
# the key's line and col too, (payload, line, col, plain, key line, key col): that is
# where an entry of `sources:`, `actors:` or `claims:` starts. One flat tuple per value,
# instead of node objects or a pair of tuples, keeps this fast.
_Value = tuple[Any, ...]
_Fields = dict[str, _Value]


def fast_load(text: str, path: str, data: bytes | None = None) -> ArgumentMap | None:
    """The map in `text`, or None when only the full loader can read it faithfully.

    A map is returned only when the full loader would return the same map (with the
    same locations) and no problem at all; None says nothing about the file's validity.
    `data`, when given, is the UTF-8 that `text` was decoded from (without a byte-order
    mark): its characters are then checked on the bytes, which is quicker.
    """
    if is_unsafe(text, data):
        return None
    return fast_load_safe(text, path)


def is_unsafe(text: str, data: bytes | None = None) -> bool:
    """Whether `text` has a character the fast path does not read (`_UNSAFE`).

    `data`, when given, is the UTF-8 `text` was decoded from: the bytes are searched then.
    """
    return _unsafe_utf8(data) if data is not None else bool(_UNSAFE.search(text))


def fast_load_safe(text: str, path: str, *, canonical: bool = True) -> ArgumentMap | None:
    """`fast_load` of a text `is_unsafe` has cleared: the caller may drop the bytes first.

    With `canonical` false the canonical reader is not tried (it has refused the bytes).
    """
    # The parse makes a few hundred thousand small containers and no reference cycles;
    # the cyclic garbage collector would walk the growing heap again and again for
    # nothing (it doubles the time of a large file), so it waits until the map is built.
    with paused_gc():
        # The layout `argmap fmt` writes is read whole entries at a time (load/canon.py);
        # anything else it does not vouch for is read here, line by line.
        found = read_canonical(text, path) if canonical else None
        if found is not None:
            return found
        try:
            return _build(_parse(text), path)
        except _Reject:
            return None


def utf8_view(data: bytes) -> str | None:
    """The UTF-8 `data` (no byte-order mark) as the canonical reader reads it, one
    character a byte (`canon.view_of`), or None when it holds an ASCII control or a C1
    character (the rest of what `_UNSAFE` finds, `canon.WIDE_UNSAFE`, the canonical
    reader refuses as it decodes the values).

    The view is 70 MB for a map of 100,000 statements, whose text is 140 MB when a few
    curly quotes make it two bytes a character; once it is made the bytes may go.
    """
    if data.translate(None, _SAFE_BYTES) or (b"\xc2" in data and _C1.search(data)):
        return None
    return view_of(data)


def fast_load_view(view: str, path: str) -> ArgumentMap | None:
    """The map in a `utf8_view` if it is in the canonical layout and UTF-8, else None.

    Then decode the file (`read_text`, which reports what is wrong) and read the text
    with `fast_load_safe(..., canonical=False)`: the canonical reader has refused it.
    """
    with paused_gc():
        return read_view(view, path)


def _unsafe_utf8(data: bytes) -> bool:
    """Whether the text of the valid UTF-8 `data` has a character `_UNSAFE` finds.

    A character above ASCII is searched for as its UTF-8: in valid UTF-8 a whole
    character's bytes are found only where that character is. (Given bytes that are not
    UTF-8, the answer may be wrong, but `fast_load_view` then reads no map from them.)
    """
    if data.translate(None, _SAFE_BYTES):
        return True  # an ASCII control other than LF
    if data.isascii():
        return False
    if b"\xc2" in data and _C1.search(data):
        return True
    if any(char in data for char in _LINE_SEPARATORS):
        return True
    return b"\xef" in data and any(char in data for char in _NONCHARACTERS)


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
    not_key = _NOT_KEY_START
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
        # `key: value` or `- key: value`, most lines of a map, read with str methods:
        # the same key, value and columns as `_KEY_LINE` gives, which reads the rest.
        head, colon, value = line.partition(": ")
        if not colon and line[-1:] == ":":
            head, colon = line[:-1], ":"
        name = head.lstrip(" ") if colon else ""
        indent = start = len(head) - len(name)
        is_item = name[:1] == "-"
        if is_item and name[1:2] == " ":
            name = name[1:].lstrip(" ")
            start = len(head) - len(name)
        key = name.rstrip(" ")
        keyed = bool(key) and key[0] not in not_key and "#" not in key and not key[0].isspace()
        if keyed:
            gap = len(name) - len(key)
            if value[:1] == " ":
                value = value.lstrip(" ")
        else:
            match = line_match(line)
            if match is not None:
                lead, dash, key, spaces, value = match.groups()
                indent, gap = len(lead), len(spaces)
                is_item = dash is not None
                start = match.start(3)
                keyed = True
            else:
                content = line.lstrip(" ")
                if not content or content[0] == "#":
                    continue
                indent = len(line) - len(content)
                is_item = content[0] == "-" and (len(content) == 1 or content[1] == " ")
        if pending is not None:
            owner, owned, kline, kcol, map_indent, null_col = pending
            pending = None
            if indent > map_indent or (indent == map_indent and is_item):
                if len(stack) >= _MAX_DEPTH:
                    raise _Reject
                nested: Any = [] if is_item else {}
                owner[owned] = (nested, number, indent + 1, False, kline, kcol)
                stack.append((indent_now, container, in_seq))
                indent_now, container, in_seq = indent, nested, is_item
            else:
                owner[owned] = ("", kline, null_col, True)
        if indent != indent_now or in_seq is not is_item:
            # Close the collections this line is outside of.
            while indent < indent_now or (indent == indent_now and in_seq and not is_item):
                if not stack:
                    raise _Reject
                indent_now, container, in_seq = stack.pop()
            if indent != indent_now or in_seq is not is_item:
                raise _Reject
        if not keyed:
            if not is_item:
                raise _Reject
            rest = content[1:].lstrip(" ")
            if not rest or rest[0] == "#":
                raise _Reject  # a null item or a nested block on the next line
            container.append(_inline(rest, number, len(line) - len(rest) + 1))
            continue
        if is_item:  # `- key: ...` starts a mapping as the sequence's next item
            if len(stack) >= _MAX_DEPTH:
                raise _Reject
            fields: _Fields = {}
            container.append((fields, number, start + 1, False))
            stack.append((indent_now, container, in_seq))
            indent_now, container, in_seq = start, fields, False
        if len(key) + gap > _MAX_KEY:
            raise _Reject  # too long for a YAML key: the full loader reports it
        if key in container:
            raise _Reject  # a duplicate key: the full loader reports it
        end = len(line) - len(value)
        if not value or value[0] == "#":
            # `start` is the key's column, `start + len(key) + gap` the ':' after it.
            pending = (container, key, number, start + 1, start, start + len(key) + gap + 2)
        elif value[0] in indicators:
            if _BLOCK_HEADER.match(value):
                block = (container, key, number, start + 1, start, end + 1, value[:2])
                continue
            container[key] = _inline(value, number, end + 1)
        else:
            cut = value.find(" #")
            if cut >= 0:
                value = value[:cut]
            value = value.rstrip(" ")
            if ": " in value or value[-1] == ":":
                raise _Reject  # the full loader reports a mapping where it cannot be
            container[key] = (value, number, end + 1, True)
    if block is not None:
        _end_block(block, block_lines)
    if pending is not None:
        fields, key, kline, kcol, _, null_col = pending
        fields[key] = ("", kline, null_col, True)
    return (root, first + 1, 1, False)


def _end_block(block: tuple[_Fields, str, int, int, int, int, str], lines: list[str]) -> None:
    """Store a folded (`>`) or literal (`|`) block scalar's text, as YAML joins its lines."""
    fields, key, line, _, _, col, style = block
    if not lines:
        raise _Reject  # an empty block scalar
    text = (" " if style[0] == ">" else "\n").join(lines)
    if style[1:] != "-":
        text += "\n"  # the default 'clip' keeps the final line break
    fields[key] = (text, line, col, False)


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


# --------------------------------------------------------------------------- building


class _Locs(Mapping[str, Location]):
    """Field locations made on demand from the parsed fields: most are never read."""

    __slots__ = ("_fields", "_path")

    def __init__(self, path: str, fields: _Fields) -> None:
        self._path = path
        self._fields = fields

    def __getitem__(self, key: str) -> Location:
        value = self._fields[key]
        return Location(self._path, value[1], value[2])

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __repr__(self) -> str:
        return repr(dict(self))


def _spec(kind: str, *keys: str) -> tuple[tuple[str, bool], ...]:
    """The text fields `keys` of an entry, each with whether the format requires it."""
    return tuple((key, _TEXT_REQUIRED[kind][key]) for key in keys)


# The text fields each builder reads in one call of `_texts`, in the order it unpacks them.
_MAP_TEXTS = _spec("map", "title", "description")
_SOURCE_TEXTS = _spec("source", "title", "publisher", "date", "url", "file")
_ACTOR_TEXTS = _spec("actor", "name", "role")
_CLAIM_TEXTS = _spec("claim", "text", "label", "source")
_STANCE_TEXTS = _spec("stance", "actor", "source", "id", "quote", "date", "note")
_RELATION_TEXTS = _spec("relation", "from", "source", "note")
_IGNORED_TEXTS = _spec("ignored", "source", "passage", "reason")
# With the one of supports/opposes/neutral (or supports/attacks/undercuts) first.
_STANCE_SPECS = {key: ((key, True), *_STANCE_TEXTS) for key in _POSITIONS}
_RELATION_SPECS = {key: ((key, True), *_RELATION_TEXTS) for key in _RELATION_KINDS}
_POSITION_OF = {p.value: p for p in Position}
_RELATION_KIND_OF = {k.value: k for k in RelationKind}


def _fields(value: _Value, allowed: frozenset[str]) -> _Fields:
    fields = value[0]
    if type(fields) is not dict or not allowed.issuperset(fields):
        raise _Reject
    return fields


def _texts(fields: _Fields, spec: tuple[tuple[str, bool], ...]) -> list[Any]:
    """The text fields of `spec`, in its order, as the full loader reads them.

    Absent, null or blank is None, and `_Reject` for a required field (the full loader
    reports it), as is a value that is not text. One call per entry, not one per field:
    this runs for every field of every entry.
    """
    found: list[Any] = []
    append = found.append
    for key, required in spec:
        entry = fields.get(key)
        if entry is not None:
            payload = entry[0]
            if type(payload) is not str:
                raise _Reject
            if not (entry[3] and payload in _NULLS) and payload.strip():
                append(payload)
                continue
        if required:
            raise _Reject
        append(None)
    return found


def _section(fields: _Fields, key: str, kind: type) -> Any:
    entry = fields.get(key)
    if entry is None:
        return kind()
    payload = entry[0]
    if type(payload) is str and entry[3] and payload in _NULLS:
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
    payload = entry[0]
    if type(payload) is str and entry[3] and payload in _NULLS:
        return []
    if type(payload) is not list:
        raise _Reject
    for item in payload:
        if type(item[0]) is not str or (item[3] and item[0] in _NULLS):
            raise _Reject
    return payload


def _one_of(fields: _Fields, keys: tuple[str, ...]) -> str:
    """The one of `keys` that is there (two or none: the full loader reports it)."""
    found = None
    for key in keys:
        if key in fields:
            if found is not None:
                raise _Reject
            found = key
    if found is None:
        raise _Reject
    return found


def _build(root: _Value, path: str) -> ArgumentMap:
    top = _fields(root, _TOP_KEYS)
    if not _SECTIONS_REQUIRED.issubset(top):
        raise _Reject
    title, description = _texts(top, _MAP_TEXTS)

    sources = []
    for key, value in _section(top, "sources", dict).items():
        f = _fields(value, _SOURCE_KEYS)
        title_, publisher, date, url, file = _texts(f, _SOURCE_TEXTS)
        sources.append(
            Source(
                _id(key),
                title_,
                publisher,
                date,
                url=url,
                file=file,
                loc=Location(path, value[4], value[5]),
                field_locs=_Locs(path, f),
            )
        )
    actors = []
    for key, value in _section(top, "actors", dict).items():
        f = _fields(value, _ACTOR_KEYS)
        name, role = _texts(f, _ACTOR_TEXTS)
        kind = _enum(f, "kind", _ACTOR_KINDS, _ACTOR_KIND.default)
        affiliations = _text_list(f, "affiliations")
        actors.append(
            Actor(
                _id(key),
                name,
                kind,
                role=role,
                affiliations=tuple(a[0] for a in affiliations),
                aliases=tuple(a[0] for a in _text_list(f, "aliases")),
                loc=Location(path, value[4], value[5]),
                field_locs=_Locs(path, f),
                affiliation_locs=tuple(Location(path, a[1], a[2]) for a in affiliations),
            )
        )
    claims = []
    for key, value in _section(top, "claims", dict).items():
        f = _fields(value, _CLAIM_KEYS)
        text, label, source = _texts(f, _CLAIM_TEXTS)
        tags = _text_list(f, "tags") if "tags" in f else ()
        claims.append(
            Claim(
                _id(key),
                text,
                _enum(f, "kind", _CLAIM_KINDS, _CLAIM_KIND.default),
                label=label,
                source=source,
                tags=tuple(t[0] for t in tags),
                loc=Location(path, value[4], value[5]),
                field_locs=_Locs(path, f),
            )
        )
    relations = []
    for value in _section(top, "relations", list):
        f = _fields(value, _RELATION_KEYS)
        kind = _one_of(f, _RELATION_KINDS)
        target, origin, source, note = _texts(f, _RELATION_SPECS[kind])
        relations.append(
            Relation(
                f"{origin}/{kind}/{target}",
                origin,
                target,
                _RELATION_KIND_OF[kind],
                source=source,
                note=note,
                inferred=_flag(f, "inferred"),
                loc=Location(path, value[1], value[2]),
                field_locs=_Locs(path, f),
            )
        )
    ignored = []
    for value in _section(top, "ignored", list):
        f = _fields(value, _IGNORED_KEYS)
        source, passage, reason = _texts(f, _IGNORED_TEXTS)
        ignored.append(
            Ignored(
                source,
                passage,
                reason,
                loc=Location(path, value[1], value[2]),
                field_locs=_Locs(path, f),
            )
        )
    return ArgumentMap(
        title=title,
        description=description or "",
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
    word, plain = value[0], value[3]
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
    choice = choices.get(entry[0]) if type(entry[0]) is str else None
    if choice is None:
        raise _Reject
    return choice


def _stances(values: list[_Value], path: str) -> tuple[Stance, ...]:
    """Stances with the ids the full loader derives (`actor/position/claim`, or longer)."""
    raw = []
    keys: list[tuple[str, str, str, str, str | None] | None] = []
    for value in values:
        f = _fields(value, _STANCE_KEYS)
        position = _one_of(f, _POSITIONS)
        texts = _texts(f, _STANCE_SPECS[position])
        claim, actor, source, explicit, _, date, _ = texts
        is_reported = _flag(f, "reported")
        if explicit is not None:
            _id(explicit)
            keys.append(None)
        else:
            keys.append((actor, position, claim, source, date))
        raw.append((value, f, position, texts, is_reported))
    ids = derive_stance_ids(keys)
    stances = []
    for (value, f, position, texts, is_reported), derived in zip(raw, ids, strict=True):
        claim, actor, source, explicit, quote, date, note = texts
        stances.append(
            Stance(
                explicit or derived or "",
                actor,
                claim,
                _POSITION_OF[position],
                source,
                quote=quote,
                reported=is_reported,
                date=date,
                note=note,
                loc=Location(path, value[1], value[2]),
                field_locs=_Locs(path, f),
            )
        )
    return tuple(stances)
