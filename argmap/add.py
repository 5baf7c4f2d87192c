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
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from argmap.checks import check
from argmap.comments import lift_flow_comments, split_document
from argmap.errors import ArgmapError
from argmap.fmt import (
    check_comments_kept,
    dump,
    give_tail,
    loaded_cleanly,
    normalise,
    parse,
    take_tail,
    with_line_end,
)
from argmap.load import loads
from argmap.load.format import FIELDS as FIELD_ORDER
from argmap.load.format import ID, SECTIONS
from argmap.model import ArgumentMap, Level, Problem
from argmap.text import suggest

__all__ = ["KINDS", "AddError", "Added", "add_entry"]

#: What can be added, and the section each goes in.
# `argmap add` offers actors, claims, stances and relations; `argmap draft --merge` adds
# sources and ignored passages through the same path.
KINDS = {entry.kind: name for name, entry in SECTIONS.items()}
_KEYED = tuple(entry.kind for entry in SECTIONS.values() if entry.keyed)

_ID = ID


class AddError(ArgmapError):
    """The entry cannot be added: an unknown id, a taken id, or it would add errors."""


@dataclass(frozen=True)
class Added:
    """The map's new text and a short description of the entry, e.g. `stance 'a/b'`."""

    text: str
    entry: str


def add_entry(
    text: str,
    path: str,
    kind: str,
    fields: Mapping[str, Any],
    sources_dir: str | None = None,
) -> Added:
    """Add one entry of `kind` with `fields` to the map in `text` (see the module docstring).

    `fields` uses the file's keys (`actor`, `supports`, `quote`...); for an actor or claim
    it also holds its `id`. Values that are None, empty or False are left out. Quotes are
    verified against the sources' texts, read from `sources_dir` when given (as `argmap
    check --sources-dir` reads them). Raises
    `AddError` for a refused entry, and the loader's errors for a map that does not load.
    """
    before = loaded_cleanly(text, path)
    values = {k: v for k, v in fields.items() if v not in (None, "", False, (), [])}
    _check_references(before.map, kind, values)
    # As `format_text` does: what ruamel.yaml would drop is kept aside or moved first.
    prologue, body, epilogue = split_document(with_line_end(text, "\n"))
    tree = parse(lift_flow_comments(body) if "#" in body else body, path)
    entry = _entry(kind, values)
    section = KINDS[kind]
    if kind in _KEYED:
        _insert_keyed(tree, section, values["id"], entry)
        described = f"{kind} '{values['id']}'"
    else:
        _insert_listed(tree, section, entry, _position(tree, kind, values))
        described = kind
    normalise(tree)
    result = prologue + dump(tree) + epilogue
    if "#" in text:
        check_comments_kept(with_line_end(text, "\n"), result, path)
    after = loads(result, path)
    old_errors = _errors(before.map, before.problems, sources_dir)
    new_errors = _new_errors(old_errors, after, sources_dir)
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
    if kind in _KEYED:
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
    elif kind == "ignored":
        wanted.append(("source", values["source"], sources))
    elif kind == "relation":
        wanted.append(("claim", values["from"], claims))
        wanted += [("claim", values[k], claims) for k in ("supports", "attacks") if k in values]
        wanted += [("source", values["source"], sources)] if "source" in values else []
    for what, ident, known in wanted:
        if ident not in known:
            hint = suggest(ident, known)
            raise AddError(f"unknown {what} '{ident}'" + (f"; {hint}" if hint else ""))


def _errors(
    amap: ArgumentMap, problems: tuple[Problem, ...], sources_dir: str | None
) -> Counter[tuple[str, str]]:
    found = [*problems, *check(amap, sources_dir=sources_dir)]
    # Messages may name a line ("the same as the stance at line 40"); adding lines above
    # must not make an old error look new.
    return Counter(
        (p.rule, re.sub(r"line \d+", "line N", p.message)) for p in found if p.level is Level.ERROR
    )


def _new_errors(
    old: Counter[tuple[str, str]], after: Any, sources_dir: str | None
) -> list[Problem]:
    checked = check(after.map, sources_dir=sources_dir)
    found = sorted(p for p in [*after.problems, *checked] if p.level is Level.ERROR)
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
                value = CommentedSeq(_text(v) for v in value)
            elif value is True:
                value = "true"  # the formatter reads every value as text, so write it so
            else:
                value = _text(value)
            entry[key] = value
    return entry


def _text(value: Any) -> str:
    # What was typed is text: marked as quoted, `--text null` or `--label 1.10` keeps its
    # quotes through formatting, where plain it would read as nothing or as a number.
    # Text that needs no quotes loses them when the file is formatted.
    quoted: str = SingleQuotedScalarString(str(value))
    return quoted


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
