"""A composed tree to frozen model objects, collecting every schema problem.

A missing field, a wrong type or an unknown key (with a suggestion) is recorded and the
entry kept with a stand-in value, so one typo does not cascade into unknown references.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, TypeVar

from argmap.load import Loaded
from argmap.load.compose import Node, describe, fatal
from argmap.load.format import ENTRIES, FALSES, ID, NULLS, TRUES, Entry, Type
from argmap.model import (
    UNKNOWN,
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Ignored,
    Location,
    Position,
    Problem,
    Relation,
    RelationKind,
    Source,
    Stance,
    derive_stance_ids,
)
from argmap.rules import problem
from argmap.text import slugify, suggest

__all__ = ["Loaded", "build_map"]


_ID = ID
_MAP, _SOURCE, _ACTOR, _CLAIM = (
    ENTRIES["map"],
    ENTRIES["source"],
    ENTRIES["actor"],
    ENTRIES["claim"],
)
_STANCE, _RELATION, _IGNORED = ENTRIES["stance"], ENTRIES["relation"], ENTRIES["ignored"]
#: The fields each kind of entry must have, and its closed vocabularies, by key.
_REQUIRED = {kind: frozenset(entry.required) for kind, entry in ENTRIES.items()}
_CHOICES = {
    (kind, f.key): f for kind, entry in ENTRIES.items() for f in entry.fields if f.vocabulary
}

T = TypeVar("T")


@dataclass
class _Builder:
    """Turns the node tree into model objects, collecting problems as it goes."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    # Keys that the current entry's unknown keys were probably meant to be: a missing
    # `supports` is not reported again when `suports:` was already flagged as a typo.
    typo_targets: set[str] = field(default_factory=set)
    # The kind of entry being built, whose declared fields say what is required.
    kind: str = "map"

    def problem(self, node: Node, message: str, rule: str, hint: str | None = None) -> None:
        self.problems.append(problem(rule, node.loc(self.path), message, hint))

    # -- shapes

    def fields(self, node: Node, entry: Entry, what: str) -> dict[str, Node] | None:
        """A mapping's fields by key, with unknown keys reported (and dropped)."""
        self.kind = entry.kind
        allowed = entry.keys
        if node.kind != "map":
            self.problem(
                node, f"{what} must be a mapping of fields, not {describe(node)}", "wrong-type"
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
        self,
        fields: Mapping[str, Node],
        key: str,
        owner: Node,
        what: str,
        *,
        required: bool | None = None,
    ) -> str | None:
        """A text field's value; `required` is as the format declares unless given."""
        if required is None:
            required = key in _REQUIRED[self.kind]
        node = fields.get(key)
        if node is None or (node.kind == "scalar" and node.plain and node.value in NULLS):
            if required:
                self.missing(node or owner, [key], f"{what} needs '{key}'")
            return None
        if node.kind != "scalar":
            self.problem(
                node, f"'{key}' of {what} must be text, not {describe(node)}", "wrong-type"
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
        if node.kind == "scalar" and node.plain and node.value in TRUES:
            return True
        if node.kind == "scalar" and node.plain and node.value in FALSES:
            return False
        self.problem(node, f"'{key}' of {what} must be true or false", "wrong-type")
        return False

    def text_list(
        self, fields: Mapping[str, Node], key: str, what: str
    ) -> tuple[tuple[str, Location], ...]:
        node = fields.get(key)
        if node is None or (node.kind == "scalar" and node.plain and node.value in NULLS):
            return ()
        if node.kind != "seq":
            self.problem(
                node,
                f"'{key}' of {what} must be a list, not {describe(node)}",
                "wrong-type",
                f"write [{node.value}]" if node.kind == "scalar" else None,
            )
            return ()
        items = []
        for item in node.value:
            if item.kind != "scalar" or (item.plain and item.value in NULLS):
                self.problem(item, f"items of '{key}' in {what} must be text", "wrong-type")
            else:
                items.append((item.value, item.loc(self.path)))
        return tuple(items)

    def enum(self, fields: Mapping[str, Node], key: str, owner: Node, what: str) -> Any:
        """A word of the field's declared vocabulary, its default when absent, or None."""
        declared = _CHOICES[self.kind, key]
        assert declared.vocabulary is not None
        default = declared.default
        node = fields.get(key)
        if node is None:
            if declared.required:
                self.missing(owner, [key], f"{what} needs '{key}'")
            return default
        values = list(declared.meanings)
        if node.kind == "scalar" and node.value in values:
            return declared.vocabulary(node.value)
        shown = node.value if node.kind == "scalar" else describe(node)
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
                f"use lowercase letters, digits and hyphens, e.g. '{slugify(key.value)}'",
            )
        return str(key.value)

    def locs(self, fields: Mapping[str, Node]) -> Mapping[str, Location]:
        return MappingProxyType({k: v.loc(self.path) for k, v in fields.items()})

    def section(self, node: Node | None, name: str, kind: str) -> list[Any]:
        """The items of a top-level section: (key, value) pairs for maps, nodes for lists."""
        if node is None or (node.kind == "scalar" and node.plain and node.value in NULLS):
            return []
        if node.kind != kind:
            expected = "a mapping of id: entry" if kind == "map" else "a list of entries"
            self.problem(node, f"'{name}' must be {expected}, not {describe(node)}", "wrong-type")
            return []
        return list(node.value)

    # -- entries

    def source(self, key: Node, node: Node) -> Source:
        sid = self.ident(key, "source")
        what = f"source '{sid}'"
        f = self.fields(node, _SOURCE, what)
        if f is None:  # reported; keep the id so references to it still resolve
            return Source(sid, sid, UNKNOWN, UNKNOWN, loc=key.loc(self.path))
        # An entry with a missing or invalid field is kept with a stand-in value (the
        # problem is already reported), so references to it do not cascade into more.
        return Source(
            sid,
            self.text(f, "title", key, what) or sid,
            self.text(f, "publisher", key, what) or UNKNOWN,
            self.text(f, "date", key, what) or UNKNOWN,
            url=self.text(f, "url", key, what),
            file=self.text(f, "file", key, what),
            loc=key.loc(self.path),
            field_locs=self.locs(f),
        )

    def actor(self, key: Node, node: Node) -> Actor:
        aid = self.ident(key, "actor")
        what = f"actor '{aid}'"
        f = self.fields(node, _ACTOR, what)
        if f is None:  # reported; keep the id so references to it still resolve
            return Actor(aid, aid, ActorKind.ORGANISATION, loc=key.loc(self.path))
        name = self.text(f, "name", key, what)
        kind = self.enum(f, "kind", key, what)
        affiliations = self.text_list(f, "affiliations", what)
        return Actor(
            aid,
            name or aid,
            kind or ActorKind.ORGANISATION,
            role=self.text(f, "role", key, what),
            affiliations=tuple(a for a, _ in affiliations),
            aliases=tuple(a for a, _ in self.text_list(f, "aliases", what)),
            loc=key.loc(self.path),
            field_locs=self.locs(f),
            affiliation_locs=tuple(loc for _, loc in affiliations),
        )

    def claim(self, key: Node, node: Node) -> Claim:
        cid = self.ident(key, "claim")
        what = f"claim '{cid}'"
        f = self.fields(node, _CLAIM, what)
        if f is None:  # reported; keep the id so references to it still resolve
            return Claim(cid, cid, loc=key.loc(self.path))
        text = self.text(f, "text", key, what)
        kind = self.enum(f, "kind", key, what)
        tags = self.text_list(f, "tags", what)
        return Claim(
            cid,
            text or cid,
            kind or ClaimKind.CLAIM,
            label=self.text(f, "label", key, what),
            source=self.text(f, "source", key, what),
            tags=tuple(t for t, _ in tags),
            loc=key.loc(self.path),
            field_locs=self.locs(f),
        )

    def stance(self, node: Node) -> tuple[Stance, bool] | None:
        """A stance with a provisional id, and whether that id was given explicitly."""
        what = "stance"
        f = self.fields(node, _STANCE, what)
        if f is None:
            return None
        actor = self.text(f, "actor", node, what)
        position, claim = self.choice(f, _STANCE.one_of, node, what)
        source = self.text(f, "source", node, what)
        reported = self.flag(f, "reported", what)
        explicit = self.text(f, "id", node, what)
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
            quote=self.text(f, "quote", node, what),
            reported=reported,
            date=self.text(f, "date", node, what),
            note=self.text(f, "note", node, what),
            loc=node.loc(self.path),
            field_locs=self.locs(f),
        )
        return stance, explicit is not None

    def relation(self, node: Node) -> Relation | None:
        what = "relation"
        f = self.fields(node, _RELATION, what)
        if f is None:
            return None
        origin = self.text(f, "from", node, what)
        kind, target = self.choice(f, _RELATION.one_of, node, what)
        if origin is None or kind is None or target is None:
            return None
        return Relation(
            f"{origin}/{kind}/{target}",
            origin,
            target,
            RelationKind(kind),
            source=self.text(f, "source", node, what),
            note=self.text(f, "note", node, what),
            inferred=self.flag(f, "inferred", what),
            loc=node.loc(self.path),
            field_locs=self.locs(f),
        )

    def ignored(self, node: Node) -> Ignored | None:
        what = "ignored passage"
        f = self.fields(node, _IGNORED, what)
        if f is None:
            return None
        source = self.text(f, "source", node, what)
        passage = self.text(f, "passage", node, what)
        reason = self.text(f, "reason", node, what)
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
        raise fatal(
            Location(path, 0, 0),
            "file is empty",
            "empty",
            "start from the example in docs/format.md",
        )
    if root.kind != "map":
        raise fatal(
            root.loc(path),
            "the top level must be a mapping (title:, sources:, actors:, ...),"
            f" not {describe(root)}",
            "wrong-type",
            None,
        )
    top = b.fields(root, _MAP, "the map") or {}
    title = b.text(top, "title", root, "the map") or ""
    description = b.text(top, "description", root, "the map") or ""
    for required in _MAP.required:
        if _MAP.field(required).type is Type.ENTRIES and required not in top:
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
