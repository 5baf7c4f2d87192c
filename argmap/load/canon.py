"""The canonical reader: a map in the layout `argmap fmt` writes, read entry by entry in C.

The line reader (load/fast.py) runs a few dozen Python steps per line, and building the
model ran as many per field: about 1.5 s of `argmap check` on 20,000 statements. The
layout `argmap fmt` writes (and bench/generate.py, and most maps kept in CI) is simpler
still: top-level keys at column 0, each entry `  id:` or `  - key: value` with one
`    key: value` line per field, values plain or quoted on one line, lists of words in
`[a, b]`, no comments. This module reads that layout with one compiled regex per kind of
entry and `re.findall`, so the matching, the splitting into fields and the making of
each row are done by the regex engine; Python then works column by column (one list per
field), and the model's objects are made by setting each slot over a whole column
(`_objects`), not by calling a dataclass `__init__` per entry.

It vouches for exactly what it matches. `read_canonical` returns None as soon as the
text is anything else: a comment, a blank line inside a section, a block scalar, an
escape, a null word, a key twice, trailing spaces, a line of a section no entry matched
(`findall` skips what it cannot match, so the entries' lines are counted against the
section's, `_Columns`). The caller then reads the text with the line reader, and failing
that the full loader, which reports any problem; so a file this module accepts loads to
the same map, with the same locations, as through them (tests/test_canon.py).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, compress, pairwise, repeat
from operator import countOf, eq, not_
from typing import Any

from argmap.load.flow import Reject as _Reject
from argmap.load.flow import flow_items as _flow_items
from argmap.load.format import ENTRIES, ID_PATTERN, NULLS, Type
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

__all__ = ["WIDE_UNSAFE", "read_canonical", "read_view", "view_of"]

# --------------------------------------------------------------------------- the layout

# A value on one line, in three groups: single-quoted, double-quoted, plain. None starts
# with whitespace, so none is blank, nor is any empty: `findall` gives '' for a group that
# did not match, which then means the field is not there. A plain one starts with no
# indicator, ends in neither ':' nor a space, and is not a null word. Each group runs to
# the end of the line with `[^\n]`, which the regex engine scans in a tight loop (a set
# of characters costs it a test per character); what else YAML asks of the text inside
# (quotes doubled, no ': ' or ' #' in a plain one) is checked over whole columns by
# `_merged`, with `str` methods that run in C.
_NOT_PLAIN_START = r"\s\-?:,\[\]{}#&*!|>'\"%@`"
_NULL_WORDS = "|".join(sorted(NULLS - {""}))
# The text is read as its UTF-8 bytes, one character a byte (`_view`): what YAML takes
# for a space (`\s` in a text) is then also one of these sequences of bytes, the UTF-8
# of the spaces above ASCII (tests/test_canon_bytes.py lists them from `re`).
_WIDE_SPACES = (
    "\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80"
)
_NOT_SPACE = rf"(?!\s|{_WIDE_SPACES})"
_VALUE = (
    rf"(?:'{_NOT_SPACE}([^\n]+)'"
    rf'|"{_NOT_SPACE}([^\n]+)"'
    rf"|(?!(?:{_NULL_WORDS})(?:\n|\Z)){_NOT_SPACE}([^{_NOT_PLAIN_START}][^\n]*+(?<![ :])))"
)
_VALUE_GROUPS = 3
# An id as format.py declares it, without its anchors or its capturing group.
_ID = ID_PATTERN.removeprefix("^").removesuffix("$").replace("(", "(?:")
# Lists of ids or words as `argmap fmt` writes them: `[a, b]`, read by fast._flow_items.
# The brackets are in the group, so that an empty list is not taken for no list.
_LIST = r"(\[[^\[\]{}'\"#\n]*\])"
# The longest key YAML allows (the full loader's MAX_KEY): an id is a key.
_MAX_KEY = 1024
# Where a line at column 0 starts (after the first): the engine finds the '\n' by a fast
# search for that literal, instead of trying `^` at every character.
_TOP_START = re.compile(r"\n(?=[^ \n])")
_LINE_END = re.compile(r"\n")
_TOP_KEY = re.compile(rf"([a-z]+):(?: {_VALUE})?")


class _Kind:
    """One kind of entry's regex and where each field's groups are in its rows.

    A row is ([the entry's id,] the groups of each field in the order of
    `fields`). Fields may come in any order (a field's groups keep the last match of a
    repeated group); a key written twice is caught by counting lines. The keys of which
    an entry has exactly one (a stance's position, a relation's kind) are one field,
    `one_of`, whose first group is the key: two of them are then that field twice.
    """

    def __init__(self, kind: str) -> None:
        entry = ENTRIES[kind]
        self.keyed = entry.keyed
        self.groups: dict[str, slice] = {}
        # The fields whose values may hold characters above ASCII (`_utf8`).
        self.texts: set[str] = set()
        alternatives = []
        group = 1 if self.keyed else 0
        if entry.one_of:
            alternatives.append(f"({'|'.join(entry.one_of)}): {_VALUE}")
            self.groups["one_of"] = slice(group, group + 1 + _VALUE_GROUPS)
            self.texts.add("one_of_value")
            group += 1 + _VALUE_GROUPS
        for f in entry.fields:
            if f.key in entry.one_of:
                continue
            if f.type is Type.CHOICE:
                pattern, width = "(" + "|".join(sorted(f.meanings)) + ")", 1
            elif f.type is Type.FLAG:
                pattern, width = "(true|false)", 1
            elif f.type in (Type.IDS, Type.TEXTS):
                pattern, width = _LIST, 1
            elif f.key == "id":  # a stance's explicit id: an id, plain
                pattern, width = f"({_ID})", 1
            else:
                pattern, width = _VALUE, _VALUE_GROUPS
            if pattern in (_LIST, _VALUE):
                self.texts.add(f.key)
            alternatives.append(f"{f.key}: {pattern}")
            self.groups[f.key] = slice(group, group + width)
            group += width
        self.width = group  # the length of a row
        fields = "(?:" + "|".join(alternatives) + ")\n"
        if self.keyed:
            self.regex = re.compile(rf"^  ({_ID}):\n(?:    {fields})+", re.MULTILINE)
        else:
            # The first field follows the dash; the lookbehind lets only it go without
            # the four spaces, so a second `  - ` starts the next entry.
            self.regex = re.compile(rf"^  - (?:(?:(?<=- )|    ){fields})+", re.MULTILINE)


_KINDS = {kind: _Kind(kind) for kind in ("source", "actor", "claim", "stance", "relation")}
_KINDS["ignored"] = _Kind("ignored")
_SECTIONS = {ENTRIES[kind].section: kind for kind in _KINDS}
_MAP = ENTRIES["map"]
_MAP_TEXTS = {f.key for f in _MAP.fields if f.type is Type.TEXT}
_SECTIONS_REQUIRED = frozenset(f.key for f in _MAP.fields if f.required and f.type is Type.ENTRIES)
_ACTOR_KINDS = {k.value: k for k in ActorKind}
_CLAIM_KINDS = {k.value: k for k in ClaimKind}
_POSITIONS = {p.value: p for p in Position}
_RELATION_KINDS = {k.value: k for k in RelationKind}
_DEFAULT_CLAIM_KIND = ENTRIES["claim"].field("kind").default


#: The characters above U+00FF that the fast path does not read (load/fast.py's
#: `_UNSAFE` has them too): line separators and noncharacters. The caller refuses
#: what else `_UNSAFE` finds, on the bytes; these are refused here, where the values
#: above ASCII are decoded (`_utf8`), the only place they can be: a search of the
#: values is quicker than one of the whole file's bytes for their three bytes each.
WIDE_UNSAFE = ("\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")

# --------------------------------------------------------------------------- reading


def read_canonical(text: str, path: str) -> ArgumentMap | None:
    """The map in `text` if it is in the canonical layout, else None.

    A map is returned only when the line reader and the full loader would return the
    same map, with the same locations, and no problem; None says nothing of the file.
    The caller has already refused the characters the fast path does not read.
    """
    if text.isascii():
        return read_view(text, path)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None  # a lone surrogate: not a text a file holds
    return read_view(view_of(data), path)


def view_of(data: bytes) -> str:
    """UTF-8 bytes as a text of one character each, U+0000 to U+00FF (one byte each too).

    Every character of the layout is ASCII, which is its own byte in UTF-8, so the
    regexes match this as they would the text, at the same lines; a value above ASCII
    is then its UTF-8 bytes, which `_utf8` decodes. The text itself is never made.
    """
    return data.decode("latin-1")


def read_view(view: str, path: str) -> ArgumentMap | None:
    """`read_canonical` of the text whose `view_of` is `view`; None too if it is not UTF-8.

    Every byte above ASCII is in a value (the rest of each line is keys, indents and
    punctuation, and every line is matched), and each value above ASCII is decoded: so
    a map is returned only when the whole file is UTF-8.
    """
    try:
        return _read(view, path)
    except (_Reject, UnicodeDecodeError):
        return None


def _utf8(values: Sequence[str]) -> Sequence[str]:
    """A column of values read from `view_of`, each as the text its bytes are in UTF-8.

    Only the values above ASCII are decoded (an ASCII one is the same text either way);
    one that is not UTF-8 raises UnicodeDecodeError, and one with a character of
    `WIDE_UNSAFE` is refused, so the map is not read.
    """
    if all(map(str.isascii, values)):
        return values
    decoded = [v if v.isascii() else v.encode("latin-1").decode("utf-8") for v in values]
    wide = "\n".join(compress(decoded, map(not_, map(str.isascii, values))))
    if any(char in wide for char in WIDE_UNSAFE):
        raise _Reject
    return decoded


def _read(text: str, path: str) -> ArgumentMap:
    top, bodies = _top_level(text)
    title = top.get("title")
    if title is None or not _SECTIONS_REQUIRED.issubset(bodies):
        raise _Reject
    columns = {
        _SECTIONS[section]: _Columns(_KINDS[_SECTIONS[section]], text, *body)
        for section, body in bodies.items()
    }
    # Every id, as the one string object its entry holds: a reference to it is then that
    # object too (`_Columns.refs`), so the rules' lookups by id compare pointers, not
    # texts, and the map keeps one copy of each id.
    known: dict[str, str] = {}
    for kind in ("source", "actor", "claim"):
        ids = columns[kind].first
        known.update(zip(ids, ids, strict=True))
    sections: dict[str, list[Any]] = {}
    for kind in list(columns):
        # Each section's columns go once its entries are made from them.
        found = columns.pop(kind)
        found.known = known
        sections[kind] = _BUILDERS[kind](found, path)
        del found
    return ArgumentMap(
        title=title,
        description=top.get("description") or "",
        sources=tuple(sections["source"]),
        actors=tuple(sections["actor"]),
        claims=tuple(sections["claim"]),
        stances=tuple(sections["stance"]),
        relations=tuple(sections.get("relation", ())),
        ignored=tuple(sections.get("ignored", ())),
        path=path,
    )


def _top_level(
    text: str,
) -> tuple[dict[str, str | None], dict[str, tuple[int, int, int, int]]]:
    """The map's text fields, and each section's body: its start, end, first line and lines.

    Every line at column 0 is `key: value` (a text field of the map) or `section:` (the
    lines under it, up to the next, are its body); blank lines may follow either.
    """
    if not text.endswith("\n") or text[0] in " \n":
        raise _Reject
    fields: dict[str, str | None] = {}
    bodies: dict[str, tuple[int, int, int, int]] = {}
    starts = [0, *(found.end() for found in _TOP_START.finditer(text)), len(text)]
    line = 1
    for start, end in pairwise(starts):
        head_end = text.index("\n", start)
        # Blank lines after the head or its body belong to neither.
        body_end = end
        while body_end > head_end + 1 and text[body_end - 2] == "\n":
            body_end -= 1
        # Counted once here, for the numbering and for `_Columns` (a pass over the text).
        body_lines = text.count("\n", head_end + 1, body_end)
        match = _TOP_KEY.fullmatch(text, start, head_end)
        if match is None or match[1] in fields or match[1] in bodies:
            raise _Reject
        key, values = match[1], match.groups()[1:]
        if key in _MAP_TEXTS and values != (None, None, None):
            if body_end > head_end + 1:
                raise _Reject  # lines under a text field
            value = _text(*values)
            fields[key] = _utf8([value])[0] if value else value
        elif key in _SECTIONS and values == (None, None, None):
            bodies[key] = (head_end + 1, body_end, line + 1, body_lines)
        else:
            raise _Reject
        line += 1 + body_lines + (end - body_end)  # the head, the body, the blank lines
    return fields, bodies


def _text(single: str | None, double: str | None, plain: str | None) -> str | None:
    """The value of one match's three groups (None where one did not match), or None."""
    (value,) = _merged([single or ""], [double or ""], [plain or ""])
    return value or None


def _merged(single: Sequence[str], double: Sequence[str], plain: Sequence[str]) -> Sequence[str]:
    """The text YAML reads from three columns of `findall` groups: '' where there is none.

    At most one of the three groups of a row matched and the others are ''. `_Reject`
    when a value is not YAML as the regex took it: a single-quoted one with a lone '
    inside (its quotes are doubled), a double-quoted one with a '"' or an escape, a
    plain one with ': ' (a mapping) or ' #' (a comment). Each check is one search of the
    column joined into one text: no value holds a line break, so none is found across
    two values, and the search runs in C without a call per value.
    """
    used = []
    if any(single):
        joined = "\n".join(single)
        if "'" in joined.replace("''", ""):
            raise _Reject
        if "''" in joined:
            single = list(map(str.replace, single, repeat("''"), repeat("'")))
        used.append(single)
    if any(double):
        joined = "\n".join(double)
        if '"' in joined or "\\" in joined:
            raise _Reject
        used.append(double)
    if any(plain):
        joined = "\n".join(plain)
        # One character is found 6x faster than two (a memchr-like scan), and most
        # columns have no ':' or '#' at all: the pair is searched for only then.
        if (":" in joined and ": " in joined) or ("#" in joined and " #" in joined):
            raise _Reject
        used.append(plain)
    if len(used) < 2:
        return used[0] if used else plain
    # Each row's one text that is not '' (a comprehension: `map(max, ...)` was 3x slower).
    return [s or d or p for s, d, p in zip(single, double, plain, strict=True)]


class _Columns:
    """A section's entries as columns: each field's values, and each entry's first line.

    The entries are the matches of the kind's regex in `text[start:end]`, the section's
    body of `body_lines` lines, or `_Reject` unless they cover every line of it.
    """

    def __init__(
        self, kind: _Kind, text: str, start: int, end: int, first_line: int, body_lines: int
    ) -> None:
        rows = kind.regex.findall(text, start, end)
        self.kind = kind
        self.count = len(rows)
        columns = list(zip(*rows, strict=True)) if rows else [()] * kind.width
        # The rows' tuples go before the columns are read, and the columns are kept as
        # the tuples they are, not copied to lists: 40 MB of the peak at 100,000 stances.
        del rows
        self.first = columns[0]  # an entry's id, when the kind is keyed
        self.known: Mapping[str, str] = {}  # the ids of the map, set before building
        # Each field's value per entry, '' where it is not there (no value is empty).
        self.raw: dict[str, Sequence[str]] = {}
        for key, groups in kind.groups.items():
            found = columns[groups]
            if key == "one_of":
                self.raw["one_of"] = found[0]
                found = found[1:]
            self.raw[key if key != "one_of" else "one_of_value"] = (
                found[0] if len(found) == 1 else _merged(*found)
            )
        if not text.isascii():
            for key in kind.texts:
                self.raw[key] = _utf8(self.raw[key])
        # Each line of an entry matched one field (or is its `  id:`), so an entry has a
        # line per value, or more when a key is written twice (its group keeps the last
        # value). An entry starts at the start of a line (`^`) and ends after a line
        # break, so the lines findall skipped are whole lines. Together: the entries
        # cover the body, each key once, exactly when their values add up to its lines.
        values = [v for key, v in self.raw.items() if key != "one_of"]
        absent = map(countOf, zip(*values, strict=True), repeat(""))
        self.line_counts = list(map((len(values) + (1 if kind.keyed else 0)).__sub__, absent))
        if sum(self.line_counts) != body_lines:
            raise _Reject
        self.lines = list(accumulate(self.line_counts, initial=first_line))[:-1]
        self.text, self.start, self.end, self.first_line = text, start, end, first_line

    def refs(self, values: Iterable[Any]) -> list[Any]:
        """`values` with each id of the map replaced by its entry's own string object."""
        return list(map(self.known.get, values, values))

    def optional(self, key: str) -> list[str | None]:
        """A field's value per entry, None where it is not there."""
        return [value or None for value in self.raw[key]]

    def required(self, *keys: str) -> list[Sequence[str]]:
        """The values of `keys`, refusing an entry that lacks one (the full loader says so)."""
        found = [self.raw[key] for key in keys]
        for values in found:
            if "" in values:
                raise _Reject
        return found

    def ids(self) -> list[str]:
        ids = list(self.first)
        if len(set(ids)) != len(ids) or (ids and max(map(len, ids)) > _MAX_KEY):
            raise _Reject  # a key twice in one mapping, or too long for YAML
        return ids

    def one_of(self) -> tuple[Sequence[str], Sequence[str]]:
        """Per entry, which of the keys of `one_of` it has and that key's value."""
        which, value = self.required("one_of", "one_of_value")  # none: the loader says so
        return which, value

    def locations(self, col: int, path: str) -> list[Location]:
        return _objects(
            Location,
            self.count,
            {"file": repeat(path), "line": self.lines, "col": repeat(col)},
        )

    def field_locations(self, path: str) -> list[_FieldLocs]:
        entries = _Entries(path, self, 1 if self.kind.keyed else 0)
        return _objects(
            _FieldLocs, self.count, {"_entries": repeat(entries), "_index": range(self.count)}
        )


def _objects(cls: type, count: int, columns: Mapping[str, Iterable[Any]]) -> list[Any]:
    """`count` instances of the slotted class `cls`, each slot set from its column.

    Setting a slot through its descriptor, over a whole column with `map`, runs in C; a
    frozen dataclass's `__init__` costs a Python call and a `object.__setattr__` per
    field. Every slot must have a column (a missing one is a KeyError, not a half-made
    object), and nothing else is run: the classes here have no `__post_init__`.
    """
    made: list[Any] = list(map(object.__new__, repeat(cls, count)))
    for name in cls.__dict__["__slots__"]:
        deque(map(getattr(cls, name).__set__, made, columns[name]), maxlen=0)
    return made


class _Entries:
    """What the field locations of a section's entries are read from, when asked."""

    __slots__ = (
        "_starts",
        "end",
        "first_line",
        "line_counts",
        "lines",
        "path",
        "skip",
        "start",
        "text",
    )

    def __init__(self, path: str, columns: _Columns, skip: int) -> None:
        self.path = path
        self.text, self.start, self.end = columns.text, columns.start, columns.end
        self.first_line = columns.first_line
        self.lines = columns.lines  # the first line of each entry
        self.line_counts = columns.line_counts
        self.skip = skip  # 1 when an entry's first line is its `  id:`, not a field
        self._starts: list[int] | None = None

    def entry_text(self, index: int) -> str:
        """The lines of entry `index`, found from the offset of each line of the section."""
        if self._starts is None:
            ends = _LINE_END.finditer(self.text, self.start, self.end)
            self._starts = [self.start, *(end.end() for end in ends)]
        first = self.lines[index] - self.first_line
        return self.text[self._starts[first] : self._starts[first + self.line_counts[index]]]


class _FieldLocs(Mapping[str, Location]):
    """An entry's field locations, read from its text when asked: most are never read.

    The text is the entry's lines in the canonical layout, so each field's key starts at
    column 5 (after `    ` or `  - `) and its value two columns after the ':'. Two
    slots, the section's `_Entries` and the entry's index in it, keep the making cheap.
    """

    __slots__ = ("_entries", "_index")

    _entries: _Entries
    _index: int

    def _locations(self) -> dict[str, Location]:
        entries, index = self._entries, self._index
        lines = entries.entry_text(index).split("\n")[entries.skip : -1]
        found = {}
        for number, line in enumerate(lines, entries.lines[index] + entries.skip):
            key = line[4 : line.index(":", 4)]
            found[key] = Location(entries.path, number, len(key) + 7)
        return found

    def __getitem__(self, key: str) -> Location:
        return self._locations()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._locations())

    def __len__(self) -> int:
        return len(self._locations())

    def __repr__(self) -> str:
        return repr(self._locations())


# --------------------------------------------------------------------------- building


def _words(items: str, line: int, col: int) -> list[tuple[Any, ...]]:
    """The items of a `[a, b]` list, as fast._flow_items reads them; `col` is the '['."""
    found = _flow_items(items[1:-1], line, col + 1)
    if any(item[0] in NULLS for item in found):
        raise _Reject  # a null item: the full loader reports it
    return found


def _word_lists(column: Iterable[str]) -> list[tuple[str, ...]]:
    """The words of each entry's list, () where it has none."""
    return [tuple(w[0] for w in _words(items, 0, 0)) if items else () for items in column]


def _sources(c: _Columns, path: str) -> list[Source]:
    title, publisher, date = c.required("title", "publisher", "date")
    return _objects(
        Source,
        c.count,
        {
            "id": c.ids(),
            "title": title,
            "publisher": publisher,
            "date": date,
            "url": c.optional("url"),
            "file": c.optional("file"),
            "loc": c.locations(3, path),
            "field_locs": c.field_locations(path),
        },
    )


def _actors(c: _Columns, path: str) -> list[Actor]:
    name, kind = c.required("name", "kind")
    field_locs = c.field_locations(path)
    affiliations: list[tuple[str, ...]] = []
    affiliation_locs: list[tuple[Location, ...]] = []
    for items, locs in zip(c.raw["affiliations"], field_locs, strict=True):
        found = []
        if items:
            at = locs["affiliations"]
            found = _words(items, at.line, at.col)
        affiliations.append(tuple(item[0] for item in found))
        affiliation_locs.append(tuple(Location(path, item[1], item[2]) for item in found))
    return _objects(
        Actor,
        c.count,
        {
            "id": c.ids(),
            "name": name,
            "kind": map(_ACTOR_KINDS.__getitem__, kind),
            "role": c.optional("role"),
            "affiliations": affiliations,
            "aliases": _word_lists(c.raw["aliases"]),
            "loc": c.locations(3, path),
            "field_locs": field_locs,
            "affiliation_locs": affiliation_locs,
        },
    )


def _claims(c: _Columns, path: str) -> list[Claim]:
    (text,) = c.required("text")
    return _objects(
        Claim,
        c.count,
        {
            "id": c.ids(),
            "text": text,
            "kind": map(_CLAIM_KINDS.get, c.raw["kind"], repeat(_DEFAULT_CLAIM_KIND)),
            "label": c.optional("label"),
            "source": c.refs(c.optional("source")),
            "tags": _word_lists(c.raw["tags"]),
            "loc": c.locations(3, path),
            "field_locs": c.field_locations(path),
        },
    )


def _stances(c: _Columns, path: str) -> list[Stance]:
    actor, source = c.required("actor", "source")
    position, claim = c.one_of()
    explicit, date = c.raw["id"], c.optional("date")
    keys = [
        None if given else key
        for given, key in zip(
            explicit, zip(actor, position, claim, source, date, strict=True), strict=True
        )
    ]
    derived = derive_stance_ids(keys)
    return _objects(
        Stance,
        c.count,
        {
            "id": [given or made for given, made in zip(explicit, derived, strict=True)],
            "actor": c.refs(actor),
            "claim": c.refs(claim),
            "position": map(_POSITIONS.__getitem__, position),
            "source": c.refs(source),
            "quote": c.optional("quote"),
            "reported": map(eq, c.raw["reported"], repeat("true")),
            "date": date,
            "note": c.optional("note"),
            "loc": c.locations(5, path),
            "field_locs": c.field_locations(path),
        },
    )


def _relations(c: _Columns, path: str) -> list[Relation]:
    (origin,) = c.required("from")
    kind, target = c.one_of()
    return _objects(
        Relation,
        c.count,
        {
            "id": list(map("/".join, zip(origin, kind, target, strict=True))),
            "origin": c.refs(origin),
            "target": c.refs(target),
            "kind": map(_RELATION_KINDS.__getitem__, kind),
            "source": c.refs(c.optional("source")),
            "note": c.optional("note"),
            "inferred": map(eq, c.raw["inferred"], repeat("true")),
            "loc": c.locations(5, path),
            "field_locs": c.field_locations(path),
        },
    )


def _ignored(c: _Columns, path: str) -> list[Ignored]:
    source, passage, reason = c.required("source", "passage", "reason")
    return _objects(
        Ignored,
        c.count,
        {
            "source": c.refs(source),
            "passage": passage,
            "reason": reason,
            "loc": c.locations(5, path),
            "field_locs": c.field_locations(path),
        },
    )


_BUILDERS: dict[str, Callable[[_Columns, str], list[Any]]] = {
    "source": _sources,
    "actor": _actors,
    "claim": _claims,
    "stance": _stances,
    "relation": _relations,
    "ignored": _ignored,
}
