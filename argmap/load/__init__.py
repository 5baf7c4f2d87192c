"""The only YAML reader: text in, an `ArgumentMap` with a location for every entry out.

Reading happens in three steps, each a function:

1. `read_text` turns bytes into text (UTF-8, optional byte-order mark, size limit).
2. `compose` turns text into a small tree of `Node`s from PyYAML's event stream. Doing
   this ourselves, instead of `yaml.safe_load`, is what lets us keep a line and column for
   every value, report duplicate keys (PyYAML silently keeps the last one), refuse tags,
   anchors and aliases (so an alias bomb never expands), and stop at a nesting limit
   before any recursion can run deep.
3. `build_map` turns the tree into frozen model objects, collecting every schema problem
   (missing field, wrong type, unknown key with a suggestion) instead of stopping at the
   first.

Problems that make the file unreadable as a map raise `LoadError`; everything else is
returned beside the model so `argmap check` can show all of it at once.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml

from argmap.errors import LoadError
from argmap.load.fast import derive_stance_ids, fast_load
from argmap.model import (
    FALSES,
    FIELDS,
    ID,
    NULLS,
    TRUES,
    UNKNOWN,
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Ignored,
    Level,
    Location,
    Position,
    Problem,
    Relation,
    RelationKind,
    Source,
    Stance,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Loaded",
    "Node",
    "build_map",
    "compose",
    "load_file",
    "loads",
    "read_text",
    "suggest",
]

#: Files larger than this are refused before parsing (a debate map is a few MB at most).
MAX_BYTES = 64 * 1024 * 1024
#: The format nests five levels deep; anything past this is a mistake or an attack.
MAX_DEPTH = 32

try:  # libyaml's parser is several times faster; PyYAML's own is the fallback.
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Loaded:
    """A loaded map and the problems found while building it."""

    map: ArgumentMap
    problems: tuple[Problem, ...]


# --------------------------------------------------------------------------- reading


def read_text(data: bytes, path: str) -> str:
    """Decode a map file's bytes, refusing what is not UTF-8 text within the size limit."""
    if len(data) > MAX_BYTES:
        raise _fatal(
            Location(path, 0, 0),
            f"file is {len(data):,} bytes, over the limit of {MAX_BYTES:,}",
            "file-too-large",
            "split the debate into several maps",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _position_of_byte(data, error.start)
        raise _fatal(
            Location(path, line, col),
            f"file is not valid UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}",
            "encoding",
            "save the file as UTF-8",
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise _fatal(
            Location(path, line, col),
            "file contains a NUL character; is it a binary file?",
            "encoding",
            None,
        )
    return text


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


# --------------------------------------------------------------------------- composing


@dataclass(slots=True)
class Node:
    """A YAML value with its position: a scalar (str), a sequence or a mapping.

    A mapping's value is a list of (key node, value node) pairs in file order; a
    sequence's a list of nodes. `plain` tells an unquoted scalar from a quoted one, so
    that `~` means null but `"~"` is text.
    """

    kind: str  # "scalar" | "seq" | "map"
    value: Any
    line: int
    col: int
    plain: bool = False

    def loc(self, path: str) -> Location:
        return Location(path, self.line, self.col)


_NULLS = NULLS
_TRUES = TRUES
_FALSES = FALSES


def compose(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Parse text into a `Node` tree, returning duplicate-key problems beside it.

    Raises `LoadError` for anything that makes the text unusable: a syntax error, several
    documents, a tag, an anchor or alias, or nesting deeper than `MAX_DEPTH`.
    """
    problems: list[Problem] = []
    try:
        root = _compose_events(yaml.parse(text, Loader=_Parser), path, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = error.problem or error.context or "invalid YAML"
        raise _fatal(
            Location(path, line, col), f"invalid YAML: {message}", "syntax", None
        ) from None
    except yaml.YAMLError as error:
        # ReaderError (control characters) has a position but no mark.
        position = getattr(error, "position", None)
        line, col = _line_col(text, position) if isinstance(position, int) else (0, 0)
        reason = getattr(error, "reason", None) or "invalid YAML"
        message = f"invalid YAML: {reason}"
        raise _fatal(Location(path, line, col), message, "syntax", None) from None
    return root, problems


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _compose_events(
    events: Iterable[yaml.Event], path: str, problems: list[Problem]
) -> Node | None:
    # An explicit stack instead of recursion: the depth check below then bounds memory,
    # and no input can reach Python's recursion limit.
    # (container, pending key node for maps, the map's keys so far by value)
    stack: list[tuple[Node, list[Any], dict[str, Node]]] = []
    root: Node | None = None
    documents = 0
    for raw in events:
        event: Any = raw  # PyYAML's event classes are not typed per kind
        kind = type(event)
        if (
            kind is yaml.ScalarEvent
            or kind is yaml.MappingStartEvent
            or kind is yaml.SequenceStartEvent
        ):
            _refuse_anchor_and_tag(event, path)
            mark = event.start_mark
            if kind is yaml.ScalarEvent:
                node = Node(
                    "scalar", event.value, mark.line + 1, mark.column + 1, event.implicit[0]
                )
            else:
                if len(stack) >= MAX_DEPTH:
                    raise _fatal(
                        Location(path, mark.line + 1, mark.column + 1),
                        f"nesting deeper than {MAX_DEPTH} levels",
                        "too-deep",
                        None,
                    )
                node = Node(
                    "map" if kind is yaml.MappingStartEvent else "seq",
                    [],
                    mark.line + 1,
                    mark.column + 1,
                )
            if stack:
                _attach(stack[-1], node, path, problems)
            else:
                root = node
            if node.kind != "scalar":
                stack.append((node, [], {}))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
        elif kind is yaml.AliasEvent:
            mark = event.start_mark
            raise _fatal(
                Location(path, mark.line + 1, mark.column + 1),
                "aliases (*name) are not supported",
                "alias",
                "write the value out in full",
            )
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise _fatal(
                    Location(path, mark.line + 1, mark.column + 1),
                    "the file holds several YAML documents; a map is one document",
                    "several-documents",
                    "remove the '---' separator",
                )
    return root


def _refuse_anchor_and_tag(event: Any, path: str) -> None:
    if event.anchor is None and (event.tag is None or event.tag == "!"):
        return  # the common case, before any Location is made
    mark = event.start_mark
    where = Location(path, mark.line + 1, mark.column + 1)
    if event.anchor is not None:
        raise _fatal(
            where,
            f"anchors (&{event.anchor}) are not supported",
            "alias",
            "write the value out in full",
        )
    if event.tag is not None and event.tag != "!":
        # A non-plain scalar without a tag reports "!"; anything else was written by hand.
        raise _fatal(where, f"tags such as '{event.tag}' are not allowed", "tag", "remove the tag")


def _attach(
    parent: tuple[Node, list[Any], dict[str, Node]],
    node: Node,
    path: str,
    problems: list[Problem],
) -> None:
    container, pending, seen = parent
    if container.kind == "seq":
        container.value.append(node)
        return
    if not pending:  # this node is a key
        if node.kind != "scalar":
            raise _fatal(node.loc(path), "mapping keys must be plain text", "syntax", None)
        pending.append(node)
        return
    key = pending.pop()
    # A dict, not a scan of the earlier keys: `actors:` may hold thousands of them.
    earlier = seen.setdefault(key.value, key)
    if earlier is not key:
        problems.append(
            Problem(
                key.loc(path),
                Level.ERROR,
                f"duplicate key '{key.value}' (first at line {earlier.line},"
                f" column {earlier.col}); this one would be lost",
                "duplicate-key",
                "rename or merge the two entries",
            )
        )
        return
    container.value.append((key, node))


def _fatal(loc: Location, message: str, rule: str, hint: str | None) -> LoadError:
    return LoadError(Problem(loc, Level.ERROR, message, rule, hint))


# --------------------------------------------------------------------------- building

_ID = ID
_TOP_KEYS = FIELDS["map"]
_SOURCE_KEYS = FIELDS["source"]
_ACTOR_KEYS = FIELDS["actor"]
_CLAIM_KEYS = FIELDS["claim"]
_STANCE_KEYS = FIELDS["stance"]
_RELATION_KEYS = FIELDS["relation"]
_IGNORED_KEYS = FIELDS["ignored"]
_POSITIONS = tuple(p.value for p in Position)
_RELATION_KINDS = tuple(k.value for k in RelationKind)

T = TypeVar("T")


@dataclass
class _Builder:
    """Turns the node tree into model objects, collecting problems as it goes."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    # Keys that the current entry's unknown keys were probably meant to be: a missing
    # `supports` is not reported again when `suports:` was already flagged as a typo.
    typo_targets: set[str] = field(default_factory=set)

    def problem(self, node: Node, message: str, rule: str, hint: str | None = None) -> None:
        self.problems.append(Problem(node.loc(self.path), Level.ERROR, message, rule, hint))

    # -- shapes

    def fields(self, node: Node, allowed: tuple[str, ...], what: str) -> dict[str, Node] | None:
        """A mapping's fields by key, with unknown keys reported (and dropped)."""
        if node.kind != "map":
            self.problem(
                node, f"{what} must be a mapping of fields, not {_describe(node)}", "wrong-type"
            )
            return None
        found: dict[str, Node] = {}
        self.typo_targets = set()
        for key, value in node.value:
            if key.value in allowed:
                found[key.value] = value
                continue
            matches = difflib.get_close_matches(key.value, allowed, n=1, cutoff=0.6)
            self.typo_targets.update(matches)
            hint = (
                f"did you mean '{matches[0]}'?"
                if matches
                else f"allowed keys: {', '.join(allowed)}"
            )
            self.problem(key, f"unknown key '{key.value}' in {what}", "unknown-key", hint)
        return found

    def missing(self, owner: Node, keys: Iterable[str], message: str) -> None:
        if self.typo_targets.isdisjoint(keys):
            self.problem(owner, message, "missing-field")

    def text(
        self, fields: Mapping[str, Node], key: str, owner: Node, what: str, *, required: bool
    ) -> str | None:
        node = fields.get(key)
        if node is None or (node.kind == "scalar" and node.plain and node.value in _NULLS):
            if required:
                self.missing(node or owner, [key], f"{what} needs '{key}'")
            return None
        if node.kind != "scalar":
            self.problem(
                node, f"'{key}' of {what} must be text, not {_describe(node)}", "wrong-type"
            )
            return None
        value: str = node.value
        if not value.strip():
            if required:
                self.problem(node, f"'{key}' of {what} is empty", "missing-field")
            return None
        return value

    def flag(self, fields: Mapping[str, Node], key: str, what: str) -> bool:
        node = fields.get(key)
        if node is None:
            return False
        if node.kind == "scalar" and node.plain and node.value in _TRUES:
            return True
        if node.kind == "scalar" and node.plain and node.value in _FALSES:
            return False
        self.problem(node, f"'{key}' of {what} must be true or false", "wrong-type")
        return False

    def text_list(
        self, fields: Mapping[str, Node], key: str, what: str
    ) -> tuple[tuple[str, Location], ...]:
        node = fields.get(key)
        if node is None or (node.kind == "scalar" and node.plain and node.value in _NULLS):
            return ()
        if node.kind != "seq":
            self.problem(
                node,
                f"'{key}' of {what} must be a list, not {_describe(node)}",
                "wrong-type",
                f"write [{node.value}]" if node.kind == "scalar" else None,
            )
            return ()
        items = []
        for item in node.value:
            if item.kind != "scalar" or (item.plain and item.value in _NULLS):
                self.problem(item, f"items of '{key}' in {what} must be text", "wrong-type")
            else:
                items.append((item.value, item.loc(self.path)))
        return tuple(items)

    def enum(
        self,
        fields: Mapping[str, Node],
        key: str,
        choices: type[T],
        default: T | None,
        owner: Node,
        what: str,
    ) -> T | None:
        node = fields.get(key)
        if node is None:
            if default is None:
                self.missing(owner, [key], f"{what} needs '{key}'")
            return default
        values = [c.value for c in choices]  # type: ignore[attr-defined]
        if node.kind == "scalar" and node.value in values:
            return choices(node.value)  # type: ignore[call-arg]
        shown = node.value if node.kind == "scalar" else _describe(node)
        self.problem(
            node,
            f"'{key}' of {what} must be one of {', '.join(values)}; not '{shown}'",
            "invalid-value",
            suggest(str(shown), values),
        )
        return default

    def ident(self, key: Node, what: str) -> str:
        if not _ID.match(key.value):
            self.problem(
                key,
                f"{what} id '{key.value}' is not a kebab-case slug",
                "invalid-id",
                f"use lowercase letters, digits and hyphens, e.g. '{_slugify(key.value)}'",
            )
        return str(key.value)

    def locs(self, fields: Mapping[str, Node]) -> Mapping[str, Location]:
        return MappingProxyType({k: v.loc(self.path) for k, v in fields.items()})

    def section(self, node: Node | None, name: str, kind: str) -> list[Any]:
        """The items of a top-level section: (key, value) pairs for maps, nodes for lists."""
        if node is None or (node.kind == "scalar" and node.plain and node.value in _NULLS):
            return []
        if node.kind != kind:
            expected = "a mapping of id: entry" if kind == "map" else "a list of entries"
            self.problem(node, f"'{name}' must be {expected}, not {_describe(node)}", "wrong-type")
            return []
        return list(node.value)

    # -- entries

    def source(self, key: Node, node: Node) -> Source:
        sid = self.ident(key, "source")
        what = f"source '{sid}'"
        f = self.fields(node, _SOURCE_KEYS, what)
        if f is None:  # reported; keep the id so references to it still resolve
            return Source(sid, sid, UNKNOWN, UNKNOWN, loc=key.loc(self.path))
        # An entry with a missing or invalid field is kept with a stand-in value (the
        # problem is already reported), so references to it do not cascade into more.
        return Source(
            sid,
            self.text(f, "title", key, what, required=True) or sid,
            self.text(f, "publisher", key, what, required=True) or UNKNOWN,
            self.text(f, "date", key, what, required=True) or UNKNOWN,
            url=self.text(f, "url", key, what, required=False),
            file=self.text(f, "file", key, what, required=False),
            loc=key.loc(self.path),
            field_locs=self.locs(f),
        )

    def actor(self, key: Node, node: Node) -> Actor:
        aid = self.ident(key, "actor")
        what = f"actor '{aid}'"
        f = self.fields(node, _ACTOR_KEYS, what)
        if f is None:  # reported; keep the id so references to it still resolve
            return Actor(aid, aid, ActorKind.ORGANISATION, loc=key.loc(self.path))
        name = self.text(f, "name", key, what, required=True)
        kind = self.enum(f, "kind", ActorKind, None, key, what)
        affiliations = self.text_list(f, "affiliations", what)
        return Actor(
            aid,
            name or aid,
            kind or ActorKind.ORGANISATION,
            role=self.text(f, "role", key, what, required=False),
            affiliations=tuple(a for a, _ in affiliations),
            loc=key.loc(self.path),
            field_locs=self.locs(f),
            affiliation_locs=tuple(loc for _, loc in affiliations),
        )

    def claim(self, key: Node, node: Node) -> Claim:
        cid = self.ident(key, "claim")
        what = f"claim '{cid}'"
        f = self.fields(node, _CLAIM_KEYS, what)
        if f is None:  # reported; keep the id so references to it still resolve
            return Claim(cid, cid, loc=key.loc(self.path))
        text = self.text(f, "text", key, what, required=True)
        kind = self.enum(f, "kind", ClaimKind, ClaimKind.CLAIM, key, what)
        tags = self.text_list(f, "tags", what)
        return Claim(
            cid,
            text or cid,
            kind or ClaimKind.CLAIM,
            label=self.text(f, "label", key, what, required=False),
            source=self.text(f, "source", key, what, required=False),
            tags=tuple(t for t, _ in tags),
            loc=key.loc(self.path),
            field_locs=self.locs(f),
        )

    def stance(self, node: Node) -> tuple[Stance, bool] | None:
        """A stance with a provisional id, and whether that id was given explicitly."""
        what = "stance"
        f = self.fields(node, _STANCE_KEYS, what)
        if f is None:
            return None
        actor = self.text(f, "actor", node, what, required=True)
        position, claim = self.choice(f, _POSITIONS, node, what)
        source = self.text(f, "source", node, what, required=True)
        reported = self.flag(f, "reported", what)
        explicit = self.text(f, "id", node, what, required=False)
        if explicit is not None:
            self.ident(f["id"], "stance")
        if actor is None or position is None or claim is None or source is None:
            return None
        stance = Stance(
            explicit or "",
            actor,
            claim,
            Position(position),
            source,
            quote=self.text(f, "quote", node, what, required=False),
            reported=reported,
            date=self.text(f, "date", node, what, required=False),
            note=self.text(f, "note", node, what, required=False),
            loc=node.loc(self.path),
            field_locs=self.locs(f),
        )
        return stance, explicit is not None

    def relation(self, node: Node) -> Relation | None:
        what = "relation"
        f = self.fields(node, _RELATION_KEYS, what)
        if f is None:
            return None
        origin = self.text(f, "from", node, what, required=True)
        kind, target = self.choice(f, _RELATION_KINDS, node, what)
        if origin is None or kind is None or target is None:
            return None
        return Relation(
            f"{origin}/{kind}/{target}",
            origin,
            target,
            RelationKind(kind),
            source=self.text(f, "source", node, what, required=False),
            note=self.text(f, "note", node, what, required=False),
            loc=node.loc(self.path),
            field_locs=self.locs(f),
        )

    def ignored(self, node: Node) -> Ignored | None:
        what = "ignored passage"
        f = self.fields(node, _IGNORED_KEYS, what)
        if f is None:
            return None
        source = self.text(f, "source", node, what, required=True)
        passage = self.text(f, "passage", node, what, required=True)
        reason = self.text(f, "reason", node, what, required=True)
        if source is None or passage is None or reason is None:
            return None
        return Ignored(source, passage, reason, loc=node.loc(self.path), field_locs=self.locs(f))

    def choice(
        self, f: Mapping[str, Node], keys: tuple[str, ...], owner: Node, what: str
    ) -> tuple[str | None, str | None]:
        """Exactly one of `keys` (e.g. supports/opposes/neutral) and its text value."""
        present = [k for k in keys if k in f]
        if not present:
            self.missing(owner, keys, f"{what} needs one of {', '.join(keys)}")
            return None, None
        if len(present) > 1:
            second = f[present[1]]
            self.problem(
                second,
                f"{what} has both '{present[0]}' and '{present[1]}'; it takes exactly one",
                "conflicting-fields",
                "split it into two entries",
            )
            return None, None
        value = self.text(f, present[0], owner, what, required=True)
        return present[0], value


def build_map(root: Node | None, path: str) -> Loaded:
    """Build the model from a composed tree, collecting every schema problem."""
    b = _Builder(path)
    if root is None:
        raise _fatal(
            Location(path, 0, 0),
            "file is empty",
            "empty",
            "start from the example in docs/format.md",
        )
    if root.kind != "map":
        raise _fatal(
            root.loc(path),
            "the top level must be a mapping (title:, sources:, actors:, ...),"
            f" not {_describe(root)}",
            "wrong-type",
            None,
        )
    top = b.fields(root, _TOP_KEYS, "the map") or {}
    title = b.text(top, "title", root, "the map", required=True) or ""
    description = b.text(top, "description", root, "the map", required=False) or ""
    for required in ("sources", "actors", "claims", "stances"):
        if required not in top:
            b.problem(root, f"the map needs '{required}'", "missing-field")

    sources = _collect(b.section(top.get("sources"), "sources", "map"), lambda kv: b.source(*kv))
    actors = _collect(b.section(top.get("actors"), "actors", "map"), lambda kv: b.actor(*kv))
    claims = _collect(b.section(top.get("claims"), "claims", "map"), lambda kv: b.claim(*kv))
    raw_stances = _collect(b.section(top.get("stances"), "stances", "seq"), b.stance)
    relations = _collect(b.section(top.get("relations"), "relations", "seq"), b.relation)
    ignored = _collect(b.section(top.get("ignored"), "ignored", "seq"), b.ignored)

    amap = ArgumentMap(
        title=title,
        description=description,
        sources=sources,
        actors=actors,
        claims=claims,
        stances=_with_stance_ids(raw_stances),
        relations=relations,
        ignored=ignored,
        path=path,
    )
    return Loaded(amap, tuple(b.problems))


def _collect(items: Iterable[Any], make: Callable[[Any], T | None]) -> tuple[T, ...]:
    return tuple(entry for entry in map(make, items) if entry is not None)


def _with_stance_ids(stances: Iterable[tuple[Stance, bool]]) -> tuple[Stance, ...]:
    """Give each stance without an explicit id the shortest unique derived id.

    The id is `actor/position/claim` (read it as a sentence: `jo/supports/allow-room`),
    lengthened by `/source` and then `/date` only for stances that would otherwise share
    it, so adding one stance rarely renames another. Stances that still coincide keep
    the longest form; `argmap check` reports them.
    """
    stances = list(stances)
    ids = derive_stance_ids(
        [
            None if explicit else (s.actor, s.position.value, s.claim, s.source, s.date)
            for s, explicit in stances
        ]
    )
    return tuple(
        s if new_id is None else _replace_id(s, new_id)
        for (s, _), new_id in zip(stances, ids, strict=True)
    )


def _replace_id(stance: Stance, new_id: str) -> Stance:
    return replace(stance, id=new_id)


# --------------------------------------------------------------------------- entry points


def loads(text: str, path: str = "arguments.yaml") -> Loaded:
    """Load a map from text; `path` is the name problems are reported against."""
    fast = fast_load(text, path)
    if fast is not None:  # a clean file in plain block YAML: the same map, much sooner
        return Loaded(fast, ())
    # Hundreds of thousands of small objects and no reference cycles: the cyclic garbage
    # collector would only walk the growing heap again and again (it doubles the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        root, problems = compose(text, path)
        loaded = build_map(root, path)
    finally:
        if collecting:
            gc.enable()
    return Loaded(loaded.map, tuple(sorted([*problems, *loaded.problems])))


def load_file(path: str) -> Loaded:
    """Load a map from a file, with a one-line `LoadError` for anything unreadable."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise _fatal(Location(path, 0, 0), "no such file", "read-error", None) from None
    except IsADirectoryError:
        raise _fatal(
            Location(path, 0, 0), "is a directory, not a map file", "read-error", None
        ) from None
    except PermissionError:
        raise _fatal(Location(path, 0, 0), "permission denied", "read-error", None) from None
    except OSError as error:
        raise _fatal(
            Location(path, 0, 0), f"cannot read file: {error.strerror}", "read-error", None
        ) from None
    return loads(read_text(data, path), path)


# --------------------------------------------------------------------------- helpers


def _describe(node: Node) -> str:
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    if node.plain and node.value in _NULLS:
        return "nothing"
    return f"the text '{_shorten(node.value)}'"


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """'did you mean ...?' for the closest of `choices`, or None.

    The same answer as `difflib.get_close_matches(word, choices, n=1, cutoff=0.6)`,
    but `ratio()`, the costly measure, is computed only while a candidate's cheap upper
    bound (`quick_ratio()`) can still beat the best so far: with thousands of ids, one
    suggestion takes milliseconds instead of a tenth of a second.
    """
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounded = []
    for choice in choices:
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= 0.6:
            bound = matcher.quick_ratio()
            if bound >= 0.6:
                bounded.append((bound, choice))
    bounded.sort(reverse=True)
    best: tuple[float, str] | None = None
    for bound, choice in bounded:
        if best is not None and bound < best[0]:
            break
        matcher.set_seq1(choice)
        score = matcher.ratio()
        if score >= 0.6 and (best is None or (score, choice) > best):
            best = (score, choice)
    return f"did you mean '{best[1]}'?" if best else None


def _slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not slug or not slug[0].isalpha():
        slug = "x-" + slug
    return slug
