"""The fast path of `argmap fmt`: the canonical layout of plain block YAML, line by line.

ruamel.yaml's round trip costs about 3 s per MB, nearly all of it in its scanner and
emitter, whatever the file. Most of a large map is entries of one line per field, with
values that need no quotes: for those the canonical layout is only the keys in order and
the indentation, which this module writes directly. An entry it is not sure of (a quoted
value, a block scalar, a nested mapping) is formatted by ruamel.yaml, all such entries of
a section in one document, so the result is the same text the slow path writes, entry
for entry. A file with anything this module does not know at the top level, or with a
comment anywhere but in the comment lines it starts with (comments are where ruamel.yaml
earns its cost), is not taken at all: `fast_format` returns None and the caller formats
the whole file the slow way.

Whatever path wrote it, the caller loads the result again and compares it with the map
read; tests/test_fastfmt.py checks that both paths give the same text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from yaml.nodes import ScalarNode as YAML11ScalarNode
from yaml.resolver import Resolver as YAML11Resolver

from argmap.load.format import FIELDS
from argmap.model import FALSES, NULLS, TRUES

__all__ = ["comment_head", "fast_format", "plain_is_text"]

_SECTIONS = {
    "sources": ("source", True),
    "actors": ("actor", True),
    "claims": ("claim", True),
    "stances": ("stance", False),
    "relations": ("relation", False),
    "ignored": ("ignored", False),
}
_SPECIAL = NULLS | TRUES | FALSES
_TOP = re.compile(r"([a-z]+):(?: +(\S.*))?")
_KEY = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_FIELD = re.compile(r"( *)(- +)?([a-z]+):(?: +(\S.*))?")
_FLOW_ITEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_SCALAR_INDICATOR = re.compile(r"[\"'|>&*!%@`{\[]")


class _Slow(Exception):
    """This piece is formatted by ruamel.yaml."""


def fast_format(text: str, slow: Callable[[str], str]) -> str | None:
    """The canonical layout of `text` (LF line ends), or None when it is not plain block YAML.

    `slow(document)` formats a small document the slow way; it is given the entries this
    module leaves to ruamel.yaml, one section at a time, and must return its text.
    """
    head, text = comment_head(text)
    if "#" in text or "\t" in text or not text.endswith("\n") or text.endswith("\n\n"):
        return None
    lines = text[:-1].split("\n")
    out: list[str] = []
    order = FIELDS["map"]
    last_rank = -1
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            out.append(line)
            i += 1
            continue
        top = _TOP.fullmatch(line)
        if top is None or top.group(1) not in order:
            return None
        key, value = top.group(1), top.group(2)
        rank = order.index(key)
        if rank <= last_rank:
            return None  # the slow path reorders sections, with their comments
        last_rank = rank
        if value is not None:
            if key in _SECTIONS:
                return None  # `stances: []` and the like
            try:
                out.append(f"{key}: {_scalar(value)}")
            except _Slow:
                return None
            i += 1
            continue
        if key not in _SECTIONS:
            return None
        end = i + 1
        while end < len(lines) and (not lines[end] or lines[end][0] in " -"):
            end += 1
        body = lines[i + 1 : end]
        if not body or not body[0]:
            return None
        formatted = _section(key, body, slow)
        if formatted is None:
            return None
        out.append(f"{key}:")
        out.extend(formatted)
        i = end
    return head + "\n".join(out) + "\n"


def comment_head(text: str) -> tuple[str, str]:
    """The comment lines `text` starts with, blank lines among and after them, and the rest.

    ruamel.yaml writes such a head back as it was read (a schema line, a licence, a
    note on the dataset), so the fast path can keep it verbatim and take the rest: a
    large map with only a head comment need not go through ruamel.yaml whole. Blank lines
    before the first comment are not part of a head (the slow path drops them).

    >>> comment_head("# schema\\n\\ntitle: T\\n# later\\n")
    ('# schema\\n\\n', 'title: T\\n# later\\n')
    """
    end = 0
    while end < len(text):
        stop = text.find("\n", end)
        line = text[end : len(text) if stop < 0 else stop]
        if stop < 0 or "\t" in line or not (line.lstrip(" ").startswith("#") or (end and not line)):
            break
        end = stop + 1
    return text[:end], text[end:]


def _section(section: str, body: list[str], slow: Callable[[str], str]) -> list[str] | None:
    """The section's entries in canonical layout, or None to format the whole file slowly."""
    kind, keyed = _SECTIONS[section]
    entries = _split(body, keyed)
    if entries is None:
        return None
    done: list[list[str] | None] = []
    left: list[list[str]] = []
    for entry in entries:
        try:
            done.append(_entry(entry, kind, keyed))
        except _Slow:
            done.append(None)
            left.append(entry)
    if left:
        document = f"{section}:\n" + "".join(line + "\n" for e in left for line in e if line)
        slow_entries = _split(slow(document)[:-1].split("\n")[1:], keyed)
        if slow_entries is None or len(slow_entries) != len(left):
            return None
        filled = iter(slow_entries)
        done = [d if d is not None else next(filled) for d in done]
    out: list[str] = []
    for entry, lines in zip(entries, done, strict=True):
        assert lines is not None
        out.extend(lines)
        out.extend("" for line in reversed(entry) if not line)  # blank lines after it
    return out


def _split(body: list[str], keyed: bool) -> list[list[str]] | None:
    """The section's lines cut into entries; each entry's blank lines are at its end."""
    if not body[0] or (body[0].lstrip(" ") == body[0] and keyed):
        return None
    indent = len(body[0]) - len(body[0].lstrip(" "))
    entries: list[list[str]] = []
    for line in body:
        starts = line[:indent] == " " * indent and len(line) > indent and line[indent] != " "
        if starts and not keyed and not line[indent:].startswith("- "):
            return None
        if starts:
            entries.append([line])
        elif not entries:
            return None
        elif not line:
            entries[-1].append(line)
        elif entries[-1][-1] == "":
            return None  # a blank line inside an entry: ruamel.yaml moves it with its field
        else:
            entries[-1].append(line)
    return entries


def _entry(lines: list[str], kind: str, keyed: bool) -> list[str]:
    """One entry in canonical layout; `_Slow` for anything but one line per field."""
    content = [line for line in lines if line]
    fields: dict[str, str] = {}
    head = content[0]
    if keyed:
        match = re.fullmatch(r" +([a-z][a-z0-9-]*):", head)
        if match is None or not _KEY.fullmatch(match.group(1)):
            raise _Slow
        ident = match.group(1)
        rest = content[1:]
        if not rest:
            raise _Slow
    else:
        ident = None
        rest = content
    field_indent = None
    i = 0
    while i < len(rest):
        match = _FIELD.fullmatch(rest[i])
        if match is None:
            raise _Slow
        spaces, dash, key, value = match.groups()
        at = len(spaces) + (len(dash) if dash else 0)
        if (dash is not None) != (not keyed and i == 0) or key in fields:
            raise _Slow
        if field_indent is None:
            field_indent = at
        elif at != field_indent:
            raise _Slow
        if key not in FIELDS[kind]:
            raise _Slow
        i += 1
        if value is not None:
            fields[key] = _value(value)
            continue
        items = []  # a block list of plain values becomes [a, b]
        while i < len(rest):
            item = re.fullmatch(r"( *)- +(\S.*)", rest[i])
            if item is None or len(item.group(1)) < field_indent:
                break
            items.append(_flow_item(item.group(2)))
            i += 1
        if not items:
            raise _Slow  # an empty value: null
        fields[key] = "[" + ", ".join(items) + "]"
    ordered = [k for k in FIELDS[kind] if k in fields]
    if keyed:
        return [f"  {ident}:"] + [f"    {k}: {fields[k]}" for k in ordered]
    first, *others = ordered
    return [f"  - {first}: {fields[first]}"] + [f"    {k}: {fields[k]}" for k in others]


def _value(text: str) -> str:
    if text.startswith("["):
        if not text.endswith("]"):
            raise _Slow
        inner = text[1:-1].strip()
        items = [item.strip() for item in inner.split(",")] if inner else []
        return "[" + ", ".join(_flow_item(item) for item in items) + "]"
    return _scalar(text)


def _flow_item(text: str) -> str:
    if not _FLOW_ITEM.fullmatch(text) or text in _SPECIAL or _looks_typed(text):
        raise _Slow
    return text


def _scalar(text: str) -> str:
    """A one-line scalar as the slow path (`fmt._restyle`, then ruamel.yaml) writes it."""
    if text[0] in "'\"":
        value = _unquote(text)
        if value in _SPECIAL or not plain_is_text(value):
            return "'" + value.replace("'", "''") + "'"  # quoted text stays quoted
    elif _surely_plain(text) or text in _SPECIAL:
        return text
    else:
        raise _Slow
    if _surely_plain(value):
        return value
    if not _surely_quoted(value):
        raise _Slow
    if "'" in value:  # ruamel.yaml's choice: double quotes rather than doubling a '
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + value + "'"


def _unquote(text: str) -> str:
    if len(text) < 2 or text[-1] != text[0]:
        raise _Slow
    inner = text[1:-1]
    if text[0] == '"':
        if "\\" in inner or '"' in inner:
            raise _Slow
        return inner
    if "'" in inner.replace("''", ""):
        raise _Slow
    return inner.replace("''", "'")


def _surely_plain(text: str) -> bool:
    # Conservative: when True, ruamel.yaml certainly writes `text` without quotes.
    return not (
        not text
        or _SCALAR_INDICATOR.match(text)
        or text[0] in "-?:,]}# "
        or not text.isprintable()
        or text.endswith((" ", ":"))
        or ": " in text
        or " #" in text
        or text.startswith(("---", "..."))
    )


def _surely_quoted(text: str) -> bool:
    # Conservative too: printable one-line text that ruamel.yaml certainly quotes.
    if not text or not text.isprintable() or text != text.strip(" "):
        return False
    return (
        text[0] in "'\"&*!%@`|>{[#,"
        or text.startswith(("- ", "? ", ": "))
        or ": " in text
        or " #" in text
        or text.endswith(":")
    )


# Other programs read the file with YAML's usual types: 1.1 (PyYAML) or 1.2 (ruamel).
_STANDARD_RESOLVERS: tuple[tuple[Any, Any], ...] = (
    (YAML11Resolver(), YAML11ScalarNode),
    (VersionedResolver(version=(1, 2)), ScalarNode),
)


@functools.lru_cache(maxsize=4096)
def plain_is_text(value: str) -> bool:
    """Whether every YAML reader takes `value`, written without quotes, for a string."""
    return all(
        resolver.resolve(kind, value, (True, False)) == "tag:yaml.org,2002:str"
        for resolver, kind in _STANDARD_RESOLVERS
    )


def _looks_typed(text: str) -> bool:
    # Flow items the slow path might quote or read otherwise are left to it.
    return text[0].isdigit()
