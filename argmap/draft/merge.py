"""`argmap draft --merge`: the reviewed entries of a draft, added to the map one by one.

Each entry goes through `argmap.add.add_entry`, exactly as `argmap add` adds one: ids
checked, placed where a curator would put it, the map's comments kept, the file
formatted, and refused if the map would have an error it did not have. Entries are added
in the order that keeps every step valid: the source, actors (an affiliation before the
actor that names it), claims, stances, ignored passages.

Nothing is merged while any entry of the draft is still marked for review (a value that
starts with `TODO`): the curator either reviews it or deletes it. Entries the map already
has (the draft copies the actors and claims it refers to, so it checks on its own) are
left as the map has them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.add import add_entry
from argmap.draft import TODO, loads
from argmap.errors import ArgmapError
from argmap.model import (
    Actor,
    ArgumentMap,
    Claim,
    Ignored,
    Level,
    Location,
    Problem,
    Source,
    Stance,
)
from argmap.quotes import normalise

__all__ = ["MARKED_FIELDS", "MergeError", "Merged", "UnreviewedError", "merge_draft", "unreviewed"]


class MergeError(ArgmapError):
    """The draft cannot be merged: it does not load, or an entry is refused."""


class UnreviewedError(MergeError):
    """Entries of the draft are still marked for review; `problems` lists each one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"nothing merged: {first}{more}")


@dataclass(frozen=True)
class Merged:
    """The map's new text, what was added and what was left as the map has it."""

    text: str
    added: tuple[str, ...]
    kept: tuple[str, ...]


def _entry_name(entry: Any) -> str:
    if isinstance(entry, Stance):
        return f"stance '{entry.id}'"
    if isinstance(entry, Ignored):
        return f"ignored passage '{entry.passage[:40]}'"
    return f"{type(entry).__name__.lower()} '{entry.id}'"


#: The fields that carry the review marker. A quote never does: it is the article's own
#: text, which may well start with "TODO".
MARKED_FIELDS = {
    Source: ("title", "publisher"),
    Actor: ("name", "role"),
    Claim: ("text", "label"),
    Stance: ("note",),
    Ignored: ("reason",),
}


def _marked(entry: Any) -> Iterator[str]:
    for name in MARKED_FIELDS[type(entry)]:
        value = getattr(entry, name)
        if isinstance(value, str) and value.lstrip().startswith(TODO):
            yield name


def unreviewed(amap: ArgumentMap) -> list[Problem]:
    """An `unreviewed` error at every value of the draft that still starts with TODO."""
    problems = []
    entries: list[Any] = [
        *amap.sources,
        *amap.actors,
        *amap.claims,
        *amap.stances,
        *amap.ignored,
    ]
    for entry in entries:
        for name in _marked(entry):
            loc = entry.field_locs.get(name) or entry.loc or Location(amap.path, 1, 1)
            problems.append(
                Problem(
                    loc,
                    Level.ERROR,
                    f"{_entry_name(entry)} is not reviewed: its {name} starts with {TODO}",
                    "unreviewed",
                    f"review it and delete the {TODO}, or delete the entry",
                )
            )
    return sorted(problems)


def merge_draft(draft_text: str, draft_path: str, map_text: str, map_path: str) -> Merged:
    """Add the reviewed entries of the draft in `draft_text` to the map in `map_text`.

    Raises `UnreviewedError` while any entry is marked for review, and `MergeError` (or
    `argmap add`'s errors) when the draft does not load or an entry is refused; the map
    text is then left as it was, since nothing is returned.
    """
    loaded = loads(draft_text, draft_path)
    errors = [p for p in loaded.problems if p.level is Level.ERROR]
    if errors:
        raise MergeError(f"{draft_path} does not load: {errors[0]}")
    draft = loaded.map
    todo = unreviewed(draft)
    if todo:
        raise UnreviewedError(todo)
    target = loads(map_text, map_path).map
    move = _relocate(Path(draft_path).parent, Path(map_path).parent)
    text, added, kept = map_text, [], []

    def add(kind: str, values: dict[str, Any], name: str) -> None:
        nonlocal text
        try:
            result = add_entry(text, map_path, kind, values)
        except ArgmapError as error:
            raise MergeError(f"{draft_path}: {name}: {error}") from None
        text = result.text
        added.append(name if kind == "ignored" else result.entry)

    for source in draft.sources:
        if source.id in target.sources_by_id:
            kept.append(_kept(source, target.sources_by_id[source.id]))
            continue
        add("source", _source_fields(source, move), f"source '{source.id}'")
    pending = [a for a in draft.actors if a.id not in target.actors_by_id]
    kept += [
        _kept(a, target.actors_by_id[a.id]) for a in draft.actors if a.id in target.actors_by_id
    ]
    known = set(target.actors_by_id)
    while pending:
        ready = [a for a in pending if set(a.affiliations) <= known | {a.id}]
        for actor in ready or pending[:1]:  # a cycle: let add_entry name the problem
            add("actor", _actor_fields(actor), f"actor '{actor.id}'")
            known.add(actor.id)
            pending.remove(actor)
    for claim in draft.claims:
        if claim.id in target.claims_by_id:
            kept.append(_kept(claim, target.claims_by_id[claim.id]))
            continue
        add("claim", _claim_fields(claim), f"claim '{claim.id}'")
    existing = {_stance_key(s) for s in target.stances}
    for stance in draft.stances:
        if _stance_key(stance) in existing:
            kept.append(f"stance '{stance.id}' (already in the map)")
            continue
        add("stance", _stance_fields(stance), f"stance '{stance.id}'")
    ignored = {(i.source, normalise(i.passage)) for i in target.ignored}
    for item in draft.ignored:
        if (item.source, normalise(item.passage)) in ignored:
            continue
        add("ignored", _ignored_fields(item), _entry_name(item))
    return Merged(text, tuple(added), tuple(k for k in kept if k))


def _kept(entry: Source | Actor | Claim, theirs: Source | Actor | Claim) -> str:
    # A source's `file` differs only by where the draft sits; compare the rest.
    if isinstance(entry, Source) and isinstance(theirs, Source):
        same = (entry.title, entry.publisher, entry.date) == (
            theirs.title,
            theirs.publisher,
            theirs.date,
        )
    else:
        same = entry == theirs
    return "" if same else f"{_entry_name(entry)} (differs from the map's; the map's kept)"


def _relocate(draft_dir: Path, map_dir: Path) -> Any:
    def move(file: str | None) -> str | None:
        if file is None:
            return None
        return Path(os.path.relpath(draft_dir / file, map_dir)).as_posix()

    return move


def _stance_key(stance: Stance) -> tuple[Any, ...]:
    quote = normalise(stance.quote) if stance.quote else None
    return (stance.actor, stance.position, stance.claim, stance.source, quote)


def _source_fields(source: Source, move: Any) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date,
        "url": source.url,
        "file": move(source.file),
    }


def _actor_fields(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind.value,
        "role": actor.role,
        "affiliations": list(actor.affiliations),
        "aliases": list(actor.aliases),
    }


def _claim_fields(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "kind": claim.kind.value,
        "text": claim.text,
        "label": claim.label,
        "source": claim.source,
        "tags": list(claim.tags),
    }


def _stance_fields(stance: Stance) -> dict[str, Any]:
    return {
        # A derived id (`actor/supports/claim`) is derived again; only a chosen one is kept.
        "id": None if "/" in stance.id else stance.id,
        "actor": stance.actor,
        stance.position.value: stance.claim,
        "source": stance.source,
        "date": stance.date,
        "reported": stance.reported,
        "quote": stance.quote,
        "note": stance.note,
    }


def _ignored_fields(item: Ignored) -> dict[str, Any]:
    return {"source": item.source, "passage": item.passage, "reason": item.reason}
