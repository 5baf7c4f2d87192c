"""`argmap diff`: what a change to the map changes in the debate, for a review.

`diff_maps` compares two maps entry by entry: sources, actors and claims by id, relations
by their derived id, stances by id and else by what they say (actor, position, claim,
source, date), so that a stance whose derived id grew a `/source` because another stance
was added is not reported as removed and added again. `diff_analyses` compares where each
actor stands on each proposal and which camp each actor is in. `render_text` and
`render_markdown` write the result for a terminal and for a pull-request comment.

`read_revision` reads one file as it was at a git revision (`git show REV:path`).
"""

from __future__ import annotations

import dataclasses
import subprocess
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.analysis import Analysis
from argmap.errors import ArgmapError, LoadError
from argmap.load import Loaded
from argmap.model import ArgumentMap, Level, Location, Problem, Stance
from argmap.text import md_escape, terminal_safe

__all__ = [
    "CampMove",
    "Change",
    "MapDiff",
    "Move",
    "compare",
    "diff_analyses",
    "diff_maps",
    "read_revision",
    "render_markdown",
    "render_text",
    "revision_of",
]

#: Sections compared, in the order they are reported.
SECTIONS = ("sources", "actors", "claims", "stances", "relations")
# Position scores closer than this are the same: rounding noise is not a move.
_EPS = 1e-9


@dataclass(frozen=True)
class Change:
    """One entry added, removed or changed; `fields` holds (field, old, new) for a change."""

    section: str  # "actors", "stances"...
    id: str
    status: str  # "added" | "removed" | "changed"
    summary: str  # a one-line description of the entry (the new one, if any)
    fields: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Move:
    """An actor's position on a proposal that changed; None where there was none."""

    actor: str
    proposal: str
    old: float | None
    new: float | None
    old_mixed: bool = False
    new_mixed: bool = False


@dataclass(frozen=True)
class CampMove:
    """An actor now in another camp, each camp named by its members."""

    actor: str
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True)
class MapDiff:
    changes: tuple[Change, ...]
    positions: tuple[Move, ...] = ()
    camps: tuple[CampMove, ...] = ()
    # Why positions and camps were not compared (a map with errors), or None.
    analysis_skipped: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.changes or self.positions or self.camps)


# --------------------------------------------------------------------------- entries


def diff_maps(old: ArgumentMap, new: ArgumentMap) -> tuple[Change, ...]:
    """The entries added, removed or changed from `old` to `new`, section by section.

    >>> from argmap.model import Actor, ActorKind
    >>> a = ArgumentMap("t", actors=(Actor("ann", "Ann", ActorKind.PERSON),))
    >>> b = ArgumentMap("t", actors=(Actor("ann", "Ann B", ActorKind.PERSON),))
    >>> [(c.id, c.status, c.fields) for c in diff_maps(a, b)]
    [('ann', 'changed', (('name', 'Ann', 'Ann B'),))]
    """
    changes: list[Change] = []
    for section in SECTIONS:
        before: Sequence[Any] = getattr(old, section)
        after: Sequence[Any] = getattr(new, section)
        pairs = _stance_pairs(before, after) if section == "stances" else _id_pairs(before, after)
        paired_old = {id(o) for o, _ in pairs}
        paired_new = {id(n) for _, n in pairs}
        for entry in before:
            if id(entry) not in paired_old:
                changes.append(Change(section, entry.id, "removed", _summary(section, entry)))
        for entry in after:
            if id(entry) not in paired_new:
                changes.append(Change(section, entry.id, "added", _summary(section, entry)))
        for o, n in pairs:
            fields = _changed_fields(o, n)
            if fields:
                changes.append(Change(section, n.id, "changed", _summary(section, n), fields))
    return tuple(changes)


def _id_pairs(before: Sequence[Any], after: Sequence[Any]) -> list[tuple[Any, Any]]:
    by_id = {entry.id: entry for entry in before}
    return [(by_id[n.id], n) for n in after if n.id in by_id]


def _stance_pairs(before: Sequence[Stance], after: Sequence[Stance]) -> list[tuple[Any, Any]]:
    pairs = _id_pairs(before, after)
    taken_old = {id(o) for o, _ in pairs}
    taken_new = {id(n) for _, n in pairs}

    def unique_by_content(stances: Iterable[Stance], taken: set[int]) -> dict[Any, Stance]:
        found: dict[Any, list[Stance]] = {}
        for s in stances:
            if id(s) not in taken:
                found.setdefault((s.actor, s.position, s.claim, s.source, s.date), []).append(s)
        return {key: group[0] for key, group in found.items() if len(group) == 1}

    old_rest = unique_by_content(before, taken_old)
    new_rest = unique_by_content(after, taken_new)
    pairs += [(old_rest[key], new_rest[key]) for key in new_rest if key in old_rest]
    return pairs


def _changed_fields(old: Any, new: Any) -> tuple[tuple[str, str, str], ...]:
    changed = []
    for f in dataclasses.fields(old):
        # Ids are how entries are matched; a derived stance id that grew is no change.
        if not f.compare or f.name == "id":
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before != after:
            changed.append((f.name, _show(before), _show(after)))
    return tuple(changed)


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _summary(section: str, entry: Any) -> str:
    if section == "sources":
        return f"{entry.title} ({entry.publisher}, {entry.date})"
    if section == "actors":
        return f"{entry.name} ({entry.kind.value})"
    if section == "claims":
        return f"{entry.kind.value}: {entry.text}"
    if section == "stances":
        words = f': "{entry.quote}"' if entry.quote else ""
        how = ", reported" if entry.reported else ""
        return f"in {entry.source}{how}{words}"
    return f"{entry.origin} {entry.kind.value} {entry.target}"


# --------------------------------------------------------------------------- analysis


def diff_analyses(old: Analysis, new: Analysis) -> tuple[tuple[Move, ...], tuple[CampMove, ...]]:
    """Positions that moved, and actors in both maps whose camp changed.

    Camps have no names, so each new camp is matched to the old camp it shares most
    actors with (largest overlap first, one to one); an actor has moved when its new
    camp is not matched to its old one.
    """
    moves = []
    actors = [*old.positions, *(a for a in new.positions if a not in old.positions)]
    for actor in actors:
        before = old.positions.get(actor, {})
        after = new.positions.get(actor, {})
        for proposal in [*before, *(p for p in after if p not in before)]:
            o, n = before.get(proposal), after.get(proposal)
            same = o is not None and n is not None and abs(o.score - n.score) < _EPS
            if same and o is not None and n is not None and o.mixed == n.mixed:
                continue
            moves.append(
                Move(
                    actor,
                    proposal,
                    o.score if o else None,
                    n.score if n else None,
                    bool(o and o.mixed),
                    bool(n and n.mixed),
                )
            )
    return tuple(moves), _camp_moves(old.camps, new.camps)


def _camp_moves(
    old: tuple[tuple[str, ...], ...], new: tuple[tuple[str, ...], ...]
) -> tuple[CampMove, ...]:
    match: dict[int, int] = {}  # new camp -> old camp
    taken: set[int] = set()  # old camps matched
    for _, i, j in _overlaps(old, new):
        if -j not in match and -i not in taken:
            match[-j] = -i
            taken.add(-i)
    old_camp = {actor: i for i, camp in enumerate(old) for actor in camp}
    moved = []
    for j, camp in enumerate(new):
        for actor in camp:
            if actor in old_camp and match.get(j) != old_camp[actor]:
                moved.append(CampMove(actor, old[old_camp[actor]], camp))
    return tuple(sorted(moved, key=lambda m: m.actor))


def _overlaps(
    old: Sequence[Sequence[str]], new: Sequence[Sequence[str]]
) -> list[tuple[int, int, int]]:
    """(actors shared, -old camp, -new camp) for each pair of camps sharing an actor,
    largest overlap first, then by old camp, then by new camp.

    Only the pairs that share an actor: a map's unaligned actors are camps of one, so
    every pair of camps would be quadratic in the actors (4 M pairs at 2,000 actors).

    >>> _overlaps([("a", "b"), ("c",)], [("c", "b"), ("a",), ("d",)])
    [(1, 0, 0), (1, 0, -1), (1, -1, 0)]
    """
    camps_of: dict[str, list[int]] = {}
    for i, camp in enumerate(old):
        for actor in set(camp):
            camps_of.setdefault(actor, []).append(i)
    found: list[tuple[int, int, int]] = []
    for j, camp in enumerate(new):
        shared = Counter(i for actor in set(camp) for i in camps_of.get(actor, ()))
        found.extend((size, -i, -j) for i, size in shared.items())
    return sorted(found, reverse=True)


def compare(old: Loaded, new: Loaded) -> MapDiff:
    """The whole diff of two loaded maps: entries, and positions and camps if both are valid.

    The analysis needs sound maps; when either has errors the entries are still compared
    and `analysis_skipped` says why the rest is not.
    """
    changes = diff_maps(old.map, new.map)
    broken = [loaded.map.path for loaded in (old, new) if _has_errors(loaded)]
    if broken:
        reason = f"{' and '.join(broken)} {'has' if len(broken) == 1 else 'have'} errors"
        return MapDiff(changes, analysis_skipped=reason + " (see argmap check)")
    from argmap.analysis import analyse

    moves, camps = diff_analyses(analyse(old.map), analyse(new.map))
    return MapDiff(changes, moves, camps)


def _has_errors(loaded: Loaded) -> bool:
    from argmap.checks import check

    problems = [*loaded.problems, *check(loaded.map, verify_quotes=False)]
    return any(p.level is Level.ERROR for p in problems)


# --------------------------------------------------------------------------- reading


def read_revision(spec: str, cwd: str | None = None) -> str:
    """The text of `REV:path` in git, as `git show` gives it; `ArgmapError` if it cannot.

    A path starting with `./` is relative to `cwd`, any other to the repository's root,
    as git reads it. A `spec` starting with `-` is refused, and the spec is passed after
    `--end-of-options`, so that no text from a command line or a CI variable can be read
    as an option of git (`--output=FILE` writes a file). (`--` would not do: after it,
    `git show` takes `REV:path` for a path and prints nothing.)
    """
    if spec.startswith("-"):
        raise ArgmapError(f"{spec}: cannot read: a revision cannot start with '-'")
    try:
        done = subprocess.run(
            ["git", "show", "--end-of-options", spec],
            cwd=cwd,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except FileNotFoundError:
        raise ArgmapError(f"{spec}: cannot read: git is not installed") from None
    except (OSError, subprocess.SubprocessError) as error:
        raise ArgmapError(f"{spec}: cannot read: {error}") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[0].removeprefix("fatal: ") if lines else "git show failed"
        raise LoadError(Problem(Location(spec, 0, 0), Level.ERROR, reason, "read-error"))
    from argmap.load import read_text

    return read_text(done.stdout, spec)


def revision_of(rev: str, file: str) -> tuple[str, str]:
    """(`REV:./name`, folder) to read `file` as it was at `rev`, wherever git runs from."""
    path = Path(file)
    return f"{rev}:./{path.name}", str(path.parent)


# --------------------------------------------------------------------------- rendering

_TITLES = {
    "sources": "Sources",
    "actors": "Actors",
    "claims": "Claims",
    "stances": "Stances",
    "relations": "Relations",
}
_SIGNS = {"added": "+", "removed": "-", "changed": "~"}


def _score(value: float | None, mixed: bool) -> str:
    if value is None:
        return "none"
    return f"{value:+.2f}" + (" (mixed)" if mixed else "")


def _counts(diff: MapDiff) -> str:
    parts = []
    for section in SECTIONS:
        for status in ("added", "removed", "changed"):
            n = sum(c.section == section and c.status == status for c in diff.changes)
            if n:
                noun = _TITLES[section].lower()
                noun = noun if n != 1 else noun[:-1]
                parts.append(f"{n} {noun} {status}")
    if diff.positions:
        n = len(diff.positions)
        parts.append(f"{n} position{'s' * (n != 1)} moved")
    if diff.camps:
        n = len(diff.camps)
        parts.append(f"{n} actor{'s' * (n != 1)} changed camp")
    return ", ".join(parts)


def _camp(members: tuple[str, ...]) -> str:
    return ", ".join(members)


def render_text(diff: MapDiff, old: str, new: str) -> str:
    """The diff for a terminal: one line per change, `+` added, `-` removed, `~` changed."""
    lines = [f"{old} -> {new}"]
    if diff.empty:
        lines.append("no change to the debate")
    else:
        lines.append(_counts(diff))
    for section in SECTIONS:
        changes = [c for c in diff.changes if c.section == section]
        if changes:
            lines += ["", f"{_TITLES[section]}:"]
        for change in changes:
            lines.append(f"  {_SIGNS[change.status]} {change.id}  {change.summary}")
            lines += [f"      {name}: {o} -> {n}" for name, o, n in change.fields]
    if diff.positions:
        lines += ["", "Positions:"]
        lines += [
            f"  {m.actor} on {m.proposal}: {_score(m.old, m.old_mixed)}"
            f" -> {_score(m.new, m.new_mixed)}"
            for m in diff.positions
        ]
    if diff.camps:
        lines += ["", "Camps:"]
        lines += [
            f"  {m.actor}: was with [{_camp(m.old)}], now with [{_camp(m.new)}]" for m in diff.camps
        ]
    if diff.analysis_skipped:
        lines += ["", f"Positions and camps not compared: {diff.analysis_skipped}"]
    # Map text goes to a terminal: no escape sequence, no line break that fakes a line.
    return "\n".join(terminal_safe(line) for line in lines) + "\n"


def _md(text: str) -> str:
    """Text safe inside a Markdown line (`text.md_escape`), and no GitHub mention.

    Control characters are first written out (`\\x1b`), not blanked: a reviewer of a
    stranger's change should see that a quote carries an escape sequence. A zero-width
    space after `@` keeps `@someone` in a quote from notifying a GitHub user or team when
    the diff is posted as a pull-request comment.
    """
    return md_escape(terminal_safe(" ".join(text.split()))).replace("@", "@&#8203;")


def render_markdown(diff: MapDiff, old: str, new: str) -> str:
    """The diff as Markdown for a pull-request comment: a summary, then one list per section.

    Every user string is escaped, so a quote cannot inject markup, links or HTML.
    """
    lines = [f"### Debate changes: `{_code(old)}` → `{_code(new)}`", ""]
    lines.append(_md(_counts(diff)) if not diff.empty else "No change to the debate.")
    for section in SECTIONS:
        changes = [c for c in diff.changes if c.section == section]
        if not changes:
            continue
        lines += ["", f"#### {_TITLES[section]}", ""]
        for change in changes:
            lines.append(f"- **{change.status}** `{_code(change.id)}`: {_md(change.summary)}")
            lines += [f"  - {_md(name)}: {_md(o)} → {_md(n)}" for name, o, n in change.fields]
    if diff.positions:
        lines += ["", "#### Positions", "", "| actor | proposal | before | after |"]
        lines.append("| --- | --- | --- | --- |")
        lines += [
            f"| `{_code(m.actor)}` | `{_code(m.proposal)}` | {_score(m.old, m.old_mixed)}"
            f" | {_score(m.new, m.new_mixed)} |"
            for m in diff.positions
        ]
    if diff.camps:
        lines += ["", "#### Camps", ""]
        lines += [
            f"- `{_code(m.actor)}`: was with {_md(_camp(m.old))}; now with {_md(_camp(m.new))}"
            for m in diff.camps
        ]
    if diff.analysis_skipped:
        lines += ["", f"Positions and camps not compared: {_md(diff.analysis_skipped)}"]
    return "\n".join(terminal_safe(line) for line in lines) + "\n"


def _code(text: str) -> str:
    # Ids are slugs in a valid map; a map with errors may hold anything, so no backticks.
    return " ".join(text.replace("`", "'").split())
