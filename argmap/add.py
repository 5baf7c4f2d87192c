"""`argmap add`: a new actor, claim, stance or relation, written into the map by hand's rules.

`add_entry` takes the map's text and the new entry's fields and returns the new text:

1. the fields are checked against the map: every id they name must exist (an unknown
   one is refused with a "did you mean"), a new actor's or claim's id must be a free
   kebab-case slug;
2. the entry goes where a curator would put it: an actor or claim after the last one, a
   stance after the last stance of the same actor (else at the end), a relation at the
   end. Comments stay where they were; one that introduced the next entry still does;
3. the whole file is then formatted as `argmap fmt` would;
4. the result is loaded and checked, and refused if it has any error the map did not
   already have (a quote not found in the article, a contradictory stance...).

Nothing is written here; the CLI writes the returned text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from argmap.checks import check
from argmap.errors import ArgmapError
from argmap.fmt import dump, give_tail, loaded_cleanly, normalise, parse, take_tail
from argmap.load import loads
from argmap.load.format import FIELDS as FIELD_ORDER
from argmap.load.format import ID, SECTIONS
from argmap.model import ArgumentMap, Level, Problem
from argmap.text import suggest

__all__ = ["KINDS", "AddError", "Added", "add_entry"]

#: What can be added, and the section each goes in.
_ADDABLE = ("actor", "claim", "stance", "relation")
KINDS = {entry.kind: name for name, entry in SECTIONS.items() if entry.kind in _ADDABLE}

_ID = ID


class AddError(ArgmapError):
    """The entry cannot be added: an unknown id, a taken id, or it would add errors."""


@dataclass(frozen=True)
class Added:
    """The map's new text and a short description of the entry, e.g. `stance 'a/b'`."""

    text: str
    entry: str


def add_entry(text: str, path: str, kind: str, fields: Mapping[str, Any]) -> Added:
    """Add one entry of `kind` with `fields` to the map in `text` (see the module docstring).

    `fields` uses the file's keys (`actor`, `supports`, `quote`...); for an actor or claim
    it also holds its `id`. Values that are None, empty or False are left out. Raises
    `AddError` for a refused entry, and the loader's errors for a map that does not load.
    """
    before = loaded_cleanly(text, path)
    values = {k: v for k, v in fields.items() if v not in (None, "", False, (), [])}
    _check_references(before.map, kind, values)
    tree = parse(text, path)
    entry = _entry(kind, values)
    section = KINDS[kind]
    if kind in ("actor", "claim"):
        _insert_keyed(tree, section, values["id"], entry)
        described = f"{kind} '{values['id']}'"
    else:
        _insert_listed(tree, section, entry, _position(tree, kind, values))
        described = kind
    normalise(tree)
    result = dump(tree)
    after = loads(result, path)
    new_errors = _new_errors(_errors(before.map, before.problems), after)
    if new_errors:
        first = new_errors[0]
        more = f" (and {len(new_errors) - 1} more)" if len(new_errors) > 1 else ""
        hint = f"; {first.hint}" if first.hint else ""
        raise AddError(f"not added: {first.message}{hint}{more}")
    if kind == "stance":
        described = f"stance '{_stance_id(after.map, values)}'"
    elif kind == "relation":
        target = next(k for k in ("supports", "attacks") if k in values)
        described = f"relation '{values['from']}/{target}/{values[target]}'"
    return Added(result, described)


# --------------------------------------------------------------------------- validation


def _check_references(amap: ArgumentMap, kind: str, values: Mapping[str, Any]) -> None:
    actors = [a.id for a in amap.actors]
    claims = [c.id for c in amap.claims]
    sources = [s.id for s in amap.sources]
    if kind in ("actor", "claim"):
        new_id = str(values.get("id", ""))
        if not _ID.match(new_id):
            raise AddError(f"'{new_id}' is not a kebab-case id (lowercase, digits, hyphens)")
        if new_id in {*actors, *claims, *sources}:
            raise AddError(f"the id '{new_id}' is already used in {amap.path}")
    wanted: list[tuple[str, str, list[str]]] = []
    if kind == "actor":
        wanted += [("actor", a, actors) for a in values.get("affiliations", ())]
    elif kind == "claim":
        wanted += [("source", values["source"], sources)] if "source" in values else []
    elif kind == "stance":
        wanted.append(("actor", values["actor"], actors))
        wanted += [
            ("claim", values[p], claims) for p in ("supports", "opposes", "neutral") if p in values
        ]
        wanted.append(("source", values["source"], sources))
    elif kind == "relation":
        wanted.append(("claim", values["from"], claims))
        wanted += [("claim", values[k], claims) for k in ("supports", "attacks") if k in values]
        wanted += [("source", values["source"], sources)] if "source" in values else []
    for what, ident, known in wanted:
        if ident not in known:
            hint = suggest(ident, known)
            raise AddError(f"unknown {what} '{ident}'" + (f"; {hint}" if hint else ""))


def _errors(amap: ArgumentMap, problems: tuple[Problem, ...]) -> Counter[tuple[str, str]]:
    found = [*problems, *check(amap)]
    # Messages may name a line ("the same as the stance at line 40"); adding lines above
    # must not make an old error look new.
    return Counter(
        (p.rule, re.sub(r"line \d+", "line N", p.message)) for p in found if p.level is Level.ERROR
    )


def _new_errors(old: Counter[tuple[str, str]], after: Any) -> list[Problem]:
    found = sorted(p for p in [*after.problems, *check(after.map)] if p.level is Level.ERROR)
    seen: Counter[tuple[str, str]] = Counter()
    new = []
    for problem in found:
        key = (problem.rule, re.sub(r"line \d+", "line N", problem.message))
        seen[key] += 1
        if seen[key] > old[key]:
            new.append(problem)
    return new


def _stance_id(amap: ArgumentMap, values: Mapping[str, Any]) -> str:
    wanted = (values["actor"], values["source"], values.get("quote"))
    for stance in reversed(amap.stances):
        same_claim = values.get(stance.position.value) == stance.claim
        if same_claim and (stance.actor, stance.source, stance.quote) == wanted:
            return stance.id
    return f"{values['actor']}/?"  # pragma: no cover - the entry was just loaded


# --------------------------------------------------------------------------- placement


def _entry(kind: str, values: Mapping[str, Any]) -> CommentedMap:
    entry = CommentedMap()
    for key in FIELD_ORDER[kind]:
        if key in values:
            value = values[key]
            if isinstance(value, list | tuple):
                value = CommentedSeq(str(v) for v in value)
            elif value is True:
                value = "true"  # the formatter reads every value as text, so write it so
            entry[key] = value
    return entry


def _position(tree: CommentedMap, kind: str, values: Mapping[str, Any]) -> int:
    """Where a new stance or relation goes in its list: the index to insert at."""
    items = tree.get(KINDS[kind])
    if not isinstance(items, CommentedSeq):
        return 0
    if kind == "stance":
        same = [
            i
            for i, s in enumerate(items)
            if isinstance(s, CommentedMap) and s.get("actor") == values["actor"]
        ]
        if same:
            return same[-1] + 1
    return len(items)


def _insert_keyed(tree: CommentedMap, section: str, key: str, entry: CommentedMap) -> None:
    entries = tree.get(section)
    tail = take_tail(tree) if not isinstance(entries, CommentedMap) else ""
    if not isinstance(entries, CommentedMap):
        entries = CommentedMap()
        tree[section] = entries
    tail += take_tail(entries)
    entries[key] = entry
    give_tail(tree if section == list(tree)[-1] else entries, tail)


def _insert_listed(tree: CommentedMap, section: str, entry: CommentedMap, index: int) -> None:
    items = tree.get(section)
    # A section that is missing or empty (`relations:`) gets a list; the comment lines
    # that ended the file stay at its end.
    tail = take_tail(tree) if not isinstance(items, CommentedSeq) or not items else ""
    if not isinstance(items, CommentedSeq):
        items = CommentedSeq()
        tree[section] = items
    # The comment lines after the entry before the new one introduce what follows it
    # (the next article's stances, the next section): they go after the new entry.
    tail += take_tail(items[index - 1]) if index > 0 else ""
    items.insert(index, entry)
    give_tail(entry, tail)
