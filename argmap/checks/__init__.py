"""Consistency rules over a loaded map: one small generator per topic, registered with ids.

Every check takes the map (and the day dates are checked against) and yields `Problem`s
located at the value at fault. `CHECKS`, at the end, registers each with the rule ids it
may report (their level and summary are data, in argmap/rules.py); `check` runs those whose
rules are enabled, refuses a problem a check is not registered for, applies the level
changes of the config and returns the problems sorted by position. Nothing here imports
networkx: `argmap check` has to start fast, so the one graph algorithm the rules need
(strongly connected components, for circular support) is written out below.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import compress, repeat
from operator import and_, attrgetter, eq, is_, ne
from pathlib import Path

from argmap.load.gcpause import paused_gc
from argmap.model import (
    UNKNOWN,
    ArgumentMap,
    ClaimKind,
    Location,
    Position,
    Problem,
    Relation,
    RelationKind,
    Stance,
    stance_date,
)
from argmap.rules import RULES, Config, Stage, lookup, problem
from argmap.text import suggest

__all__ = ["CHECKS", "DEFAULTS", "Check", "Registered", "check", "is_iso_date", "registered"]

#: A check: the map and today's date in, its problems out.
Check = Callable[[ArgumentMap, dt.date], Iterator[Problem]]


@dataclass(frozen=True, slots=True)
class Registered:
    """A check and the rule ids it may report."""

    function: Check
    rules: frozenset[str]


def registered(function: Check, *rule_ids: str) -> Registered:
    """A check with the ids of the rules it reports, each a check rule of argmap.rules."""
    for rule_id in rule_ids:
        if lookup(rule_id).stage is not Stage.CHECK:
            raise ValueError(f"rule '{rule_id}' is not a check of the map")
    return Registered(function, frozenset(rule_ids))


def _at(entry_loc: Location | None, field_locs: Mapping[str, Location], key: str) -> Location:
    """The location of a field's value, falling back to the entry's own."""
    return field_locs.get(key) or entry_loc or Location("?", 0, 0)


def _report(loc: Location, message: str, rule: str, hint: str | None = None) -> Problem:
    """A problem of `rule` at its registered level (the config may change it later)."""
    return problem(rule, loc, message, hint)


# Most maps a CI run checks are clean. A rule first asks, with set operations over
# columns of attributes (`map(attrgetter(...))` runs in C), whether any entry can be at
# fault; only then does it walk the entries one by one to say which and where.
_ID_OF = attrgetter("id")
_ACTOR_OF, _CLAIM_OF, _SOURCE_OF = attrgetter("actor"), attrgetter("claim"), attrgetter("source")
_ORIGIN_OF, _TARGET_OF, _KIND_OF = attrgetter("origin"), attrgetter("target"), attrgetter("kind")
_INFERRED_OF, _POSITION_OF = attrgetter("inferred"), attrgetter("position")
_AFFILIATIONS_OF = attrgetter("affiliations")


def _all_known(names: Iterable[str], known: Mapping[str, object]) -> bool:
    """Whether every one of `names` is a key of `known`.

    One lookup per name, in C: a set of the names first was 5x slower for a column of
    20,000 mostly different claims (it hashes and stores each before comparing).
    """
    return all(map(known.__contains__, names))


def _unique(values: Iterable[object]) -> bool:
    items = list(values)
    return len(set(items)) == len(items)


# --------------------------------------------------------------------------- ids


def duplicate_ids(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """Sources, actors and claims share one id space; stance ids must be unique too."""
    if _unique(map(_ID_OF, (*amap.sources, *amap.actors, *amap.claims))) and _unique(
        map(_ID_OF, amap.stances)
    ):
        return
    seen: dict[str, tuple[str, Location | None]] = {}
    entries: list[tuple[str, str, Location | None]] = [
        *(("source", s.id, s.loc) for s in amap.sources),
        *(("actor", a.id, a.loc) for a in amap.actors),
        *(("claim", c.id, c.loc) for c in amap.claims),
    ]
    for kind, entry_id, loc in entries:
        if entry_id in seen:
            first_kind, first_loc = seen[entry_id]
            where = f" at line {first_loc.line}" if first_loc else ""
            yield _report(
                loc or Location(amap.path, 0, 0),
                f"{kind} id '{entry_id}' is already used by {_a(first_kind)}{where}",
                "duplicate-id",
                "ids are shared by sources, actors and claims; rename one",
            )
        else:
            seen[entry_id] = (kind, loc)
    stance_seen: dict[str, Stance] = {}
    for stance in amap.stances:
        first = stance_seen.setdefault(stance.id, stance)
        if first is not stance:
            line = first.loc.line if first.loc else 0
            yield _report(
                _at(stance.loc, stance.field_locs, "id"),
                f"stance '{stance.id}' is the same as the stance at line {line}",
                "duplicate-stance",
                "merge the two, or give one an explicit 'id:' if both are needed",
            )


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in _VOWELS else f"a {noun}"


_VOWELS = frozenset("aeiou")


# --------------------------------------------------------------------------- references


def unknown_references(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """Every actor, claim, source and affiliation named must be defined."""
    actors, claims, sources = amap.actors_by_id, amap.claims_by_id, amap.sources_by_id

    def ref(
        owner: str,
        kind: str,
        value: str,
        known: Mapping[str, object],
        entry_loc: Location | None,
        field_locs: Mapping[str, Location],
        key: str,
    ) -> Iterator[Problem]:
        # The location is looked up only for a problem: most references resolve.
        if value not in known:
            yield _report(
                _at(entry_loc, field_locs, key),
                f"{owner} refers to unknown {kind} '{value}'",
                f"unknown-{kind}",
                suggest(value, known),
            )

    for actor in amap.actors:
        for affiliation, loc in zip(
            actor.affiliations,
            actor.affiliation_locs or [actor.loc] * len(actor.affiliations),
            strict=False,
        ):
            where = loc or Location(amap.path, 0, 0)
            if affiliation == actor.id:
                yield _report(
                    where, f"actor '{actor.id}' is affiliated with itself", "self-affiliation"
                )
            elif affiliation not in actors:
                yield from ref(
                    f"actor '{actor.id}'", "affiliation", affiliation, actors, where, {}, ""
                )
    claims_citing = amap.claims
    if _all_known((s for s in map(_SOURCE_OF, claims_citing) if s is not None), sources):
        claims_citing = ()
    for claim in claims_citing:
        if claim.source is not None and claim.source not in sources:
            yield from ref(
                f"claim '{claim.id}'",
                "source",
                claim.source,
                sources,
                claim.loc,
                claim.field_locs,
                "source",
            )
    stances = amap.stances
    if (
        _all_known(map(_ACTOR_OF, stances), actors)
        and _all_known(map(_CLAIM_OF, stances), claims)
        and _all_known(map(_SOURCE_OF, stances), sources)
    ):
        stances = ()
    for stance in stances:
        if stance.actor not in actors:
            yield from ref(
                "stance", "actor", stance.actor, actors, stance.loc, stance.field_locs, "actor"
            )
        if stance.claim not in claims:
            yield from ref(
                "stance",
                "claim",
                stance.claim,
                claims,
                stance.loc,
                stance.field_locs,
                stance.position.value,
            )
        if stance.source not in sources:
            yield from ref(
                "stance", "source", stance.source, sources, stance.loc, stance.field_locs, "source"
            )
    # An undercut may name any relation, an undercut too (attacks on attacks, as in AFRA).
    # No undercut can reach itself: a relation's id contains its target's id.
    relations = amap.relations
    kinds = set(map(_KIND_OF, relations))
    if (
        RelationKind.UNDERCUTS not in kinds
        and _all_known(map(_ORIGIN_OF, relations), claims)
        and _all_known(map(_TARGET_OF, relations), claims)
        and _all_known((r for r in map(_SOURCE_OF, relations) if r is not None), sources)
    ):
        relations = ()
    relation_ids = {r.id: r for r in relations}
    for relation in relations:
        if relation.origin not in claims:
            yield from ref(
                "relation",
                "claim",
                relation.origin,
                claims,
                relation.loc,
                relation.field_locs,
                "from",
            )
        if relation.kind is RelationKind.UNDERCUTS:
            # An undercut names the support or attack whose inference it denies.
            if relation.target not in relation_ids:
                yield from ref(
                    "undercut",
                    "relation",
                    relation.target,
                    relation_ids,
                    relation.loc,
                    relation.field_locs,
                    "undercuts",
                )
        elif relation.target not in claims:
            yield from ref(
                "relation",
                "claim",
                relation.target,
                claims,
                relation.loc,
                relation.field_locs,
                relation.kind.value,
            )
        if relation.source is not None and relation.source not in sources:
            yield from ref(
                "relation",
                "source",
                relation.source,
                sources,
                relation.loc,
                relation.field_locs,
                "source",
            )
    for item in amap.ignored:
        if item.source not in sources:
            yield from ref(
                "ignored passage",
                "source",
                item.source,
                sources,
                item.loc,
                item.field_locs,
                "source",
            )


# --------------------------------------------------------------------------- relations


def relation_problems(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """A claim relating to itself, a relation written twice, support and attack at once."""
    relations = amap.relations
    undercuts = RelationKind.UNDERCUTS in set(map(_KIND_OF, relations))
    origins, targets = list(map(_ORIGIN_OF, relations)), list(map(_TARGET_OF, relations))
    if (
        not undercuts
        and not any(map(eq, origins, targets))
        and _unique(zip(origins, targets, strict=True))
    ):
        relations = ()  # no claim on itself, and no pair of claims related twice
    seen: dict[tuple[str, str, RelationKind], Location | None] = {}
    kinds: dict[tuple[str, str], RelationKind] = {}
    for relation in relations:
        loc = relation.loc or Location(amap.path, 0, 0)
        if relation.kind is RelationKind.UNDERCUTS:
            continue
        if relation.origin == relation.target:
            yield _report(loc, f"claim '{relation.origin}' {relation.kind} itself", "self-relation")
            continue
        key = (relation.origin, relation.target, relation.kind)
        if key in seen:
            first = seen[key]
            yield _report(
                loc,
                f"relation '{relation.id}' is written twice"
                f" (first at line {first.line if first else 0})",
                "duplicate-relation",
                "remove one of them",
            )
            continue
        seen[key] = relation.loc
        pair = (relation.origin, relation.target)
        if pair in kinds and kinds[pair] is not relation.kind:
            yield _report(
                loc,
                f"claim '{relation.origin}' both supports and attacks '{relation.target}'",
                "contradictory-relation",
                "keep the relation the sources make",
            )
        kinds.setdefault(pair, relation.kind)
    if not undercuts and not any(map(_INFERRED_OF, amap.relations)):
        return
    by_id = {r.id: r for r in amap.relations}
    for relation in amap.relations:
        loc = relation.loc or Location(amap.path, 0, 0)
        if relation.inferred and not relation.note:
            yield _report(
                loc,
                f"relation '{relation.id}' is marked inferred but says nothing of why",
                "inferred-without-note",
                "add a note: the reasoning that links the two claims",
            )
        if relation.kind is not RelationKind.UNDERCUTS:
            continue
        undercut = by_id.get(relation.target)
        if undercut is not None and undercut.origin == relation.origin:
            yield _report(
                loc,
                f"claim '{relation.origin}' undercuts its own relation '{relation.target}'",
                "self-undercut",
                "a claim cannot deny the inference it draws; remove one of the two",
            )


def circular_support(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """Claims that support each other in a cycle argue in a circle."""
    supports = RelationKind.SUPPORTS
    relations = amap.relations
    chosen = list(compress(relations, map(is_, map(_KIND_OF, relations), repeat(supports))))
    origins, targets = list(map(_ORIGIN_OF, chosen)), list(map(_TARGET_OF, chosen))
    looped = list(map(ne, origins, targets))  # a claim supporting itself is not a circle
    origins, targets = _peeled(list(compress(origins, looped)), list(compress(targets, looped)))
    edges: dict[str, list[str]] = defaultdict(list)
    for origin, target in zip(origins, targets, strict=True):
        edges[origin].append(target)
    components = [c for c in _strongly_connected(_in_cycles(edges)) if len(c) >= 2]
    # Where each support is first written, only when some circle needs it.
    first_relation: dict[tuple[str, str], Location | None] = {}
    for relation in amap.relations if components else ():
        if relation.kind is supports:
            first_relation.setdefault((relation.origin, relation.target), relation.loc)
    for component in components:
        members = set(component)
        # The component's own edges, not every relation's: one pass per circle would
        # make many small circles quadratic.
        locs = [
            loc
            for origin in component
            for target in edges[origin]
            if target in members and (loc := first_relation[origin, target]) is not None
        ]
        yield _report(
            min(locs) if locs else Location(amap.path, 0, 0),
            f"support relations run in a circle through {', '.join(sorted(component))}",
            "circular-support",
            "circular reasoning: remove the support that is not in the sources",
        )


def _peeled(origins: list[str], targets: list[str]) -> tuple[list[str], list[str]]:
    """The edges (origin to target, in order) that a cycle may pass through, or more.

    A claim on a cycle is the origin of an edge and the target of another, both on it:
    each round keeps only the edges whose origin is some kept edge's target and whose
    target some kept edge's origin, so every cycle's edges stay. The rounds run over
    whole columns in C; they stop once one removes less than an eighth of the edges (a
    long chain loses two a round), and `_in_cycles` peels the rest one claim at a time.
    """
    while origins:
        heads, tails = set(targets), set(origins)
        keep = list(map(and_, map(heads.__contains__, origins), map(tails.__contains__, targets)))
        kept = keep.count(True)
        if kept == len(keep):
            break
        small = kept * 8 > len(keep) * 7
        origins, targets = list(compress(origins, keep)), list(compress(targets, keep))
        if small:
            break
    return origins, targets


def _in_cycles(edges: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """The edges among the claims that a cycle may pass through.

    Kahn's peeling: a claim that nothing supports, or that only peeled claims support,
    is on no cycle. What is left holds every cycle, so on an acyclic map (the usual
    case) Tarjan's algorithm below has nothing to do.
    """
    incoming: dict[str, int] = {}
    for targets in edges.values():
        for target in targets:
            incoming[target] = incoming.get(target, 0) + 1
    peeled = [node for node in edges if node not in incoming]
    done = set(peeled)
    while peeled:
        for target in edges.get(peeled.pop(), ()):
            incoming[target] -= 1
            if incoming[target] == 0:
                done.add(target)
                peeled.append(target)
    return {node: targets for node, targets in edges.items() if node not in done}


def _strongly_connected(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative so that long chains cannot exhaust the stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    # A node no edge leaves is a component of its own, reached from any node that has one.
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if child < len(targets):
                work.append((node, child + 1))
                target = targets[child]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


# --------------------------------------------------------------------------- stances


def contradictory_stances(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """One actor for and against one claim, unless dated apart (a change of position)."""
    supports, opposes, neutral = Position.SUPPORTS, Position.OPPOSES, Position.NEUTRAL
    if set(_pairs_taken(amap.stances, supports)).isdisjoint(_pairs_taken(amap.stances, opposes)):
        return  # no actor both for and against one claim
    # Per (actor, claim, position): the first stance, the first undated one and the first
    # of each date, with its index in the file. A new stance then meets its earliest
    # conflicting one in constant time, however many stances the pair has.
    Key = tuple[str, str, Position]
    first: dict[Key, tuple[int, Stance]] = {}
    undated: dict[Key, tuple[int, Stance]] = {}
    dated: dict[tuple[str, str, Position, str], tuple[int, Stance]] = {}
    for index, stance in enumerate(amap.stances):
        position = stance.position
        if position is neutral:
            continue
        date = stance_date(stance, amap)
        other = (stance.actor, stance.claim, opposes if position is supports else supports)
        if date is None:
            conflict = first.get(other)
        else:
            conflict = undated.get(other)
            same_day = dated.get((*other, date))
            if same_day is not None and (conflict is None or same_day[0] < conflict[0]):
                conflict = same_day
        if conflict is not None:
            earlier = conflict[1]
            yield _report(
                _at(stance.loc, stance.field_locs, stance.position.value),
                f"actor '{stance.actor}' both supports and opposes claim '{stance.claim}'"
                f" (see line {earlier.loc.line if earlier.loc else 0})",
                "contradictory-stance",
                "give both stances a 'date:' if the position changed over time",
            )
        own, entry = (stance.actor, stance.claim, position), (index, stance)
        first.setdefault(own, entry)
        if date is None:
            undated.setdefault(own, entry)
        else:
            dated.setdefault((*own, date), entry)


def _pairs_taken(stances: Sequence[Stance], position: Position) -> Iterator[tuple[str, str]]:
    """(actor, claim) of each stance taking `position`, in order, made in C."""
    return compress(
        zip(map(_ACTOR_OF, stances), map(_CLAIM_OF, stances), strict=True),
        map(is_, map(_POSITION_OF, stances), repeat(position)),
    )


def _attacks_between(relations: Sequence[Relation], claims: Set[str]) -> list[Relation]:
    """The attacks whose origin and target are both in `claims`, in order, found in C."""
    attacks = map(is_, map(_KIND_OF, relations), repeat(RelationKind.ATTACKS))
    origins = map(claims.__contains__, map(_ORIGIN_OF, relations))
    targets = map(claims.__contains__, map(_TARGET_OF, relations))
    return list(compress(relations, map(all, zip(attacks, origins, targets, strict=True))))


def incoherent_actors(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """An actor that supports two claims, one of which attacks the other."""
    # Only an attack between two claims that someone supports can be at fault.
    supported = {claim for _, claim in _pairs_taken(amap.stances, Position.SUPPORTS)}
    attacks = _attacks_between(amap.relations, supported)
    ends = {claim for relation in attacks for claim in (relation.origin, relation.target)}
    # claim -> actor -> the actor's first stance supporting it; each attack is then
    # checked against the smaller of its two supporter sets, so the rule stays linear.
    supporters: dict[str, dict[str, Stance]] = defaultdict(dict)
    for stance in compress(amap.stances, map(ends.__contains__, map(_CLAIM_OF, amap.stances))):
        if stance.position is Position.SUPPORTS:
            supporters[stance.claim].setdefault(stance.actor, stance)
    for relation in attacks:
        if relation.origin == relation.target:
            continue
        of_origin, of_target = (
            supporters.get(relation.origin, {}),
            supporters.get(relation.target, {}),
        )
        for actor in sorted(of_origin.keys() & of_target.keys()):
            stance = of_target[actor]
            yield _report(
                _at(stance.loc, stance.field_locs, "supports"),
                f"actor '{actor}' supports '{relation.origin}',"
                f" which attacks '{relation.target}', which it also supports",
                "incoherent-actor",
                "check both quotes: seeing both sides is fine, a misattributed stance is not",
            )


def missing_quotes(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """A direct stance needs the quote; only a reported one may go without."""
    for stance in amap.stances:
        if stance.quote is None and not stance.reported:
            yield _report(
                stance.loc or Location(amap.path, 0, 0),
                f"stance '{stance.id}' has no quote",
                "missing-quote",
                "add the source's exact words as 'quote:',"
                " or 'reported: true' for a reported position",
            )


# --------------------------------------------------------------------------- coverage


def unused_entries(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """Claims, actors and sources that nothing in the map uses."""
    # The ids nothing names, by set differences over columns (in C); the entries are
    # walked, in the map's order, only when there is one.
    orphans = set(map(_ID_OF, amap.claims)).difference(
        map(_CLAIM_OF, amap.stances),
        map(_ORIGIN_OF, amap.relations),
        map(_TARGET_OF, amap.relations),
    )
    for claim in amap.claims if orphans else ():
        if claim.id in orphans:
            yield _report(
                claim.loc or Location(amap.path, 0, 0),
                f"claim '{claim.id}' has no stance and no relation",
                "orphan-claim",
                "add a stance or a relation, or remove the claim",
            )
    idle = set(map(_ID_OF, amap.actors)).difference(
        map(_ACTOR_OF, amap.stances), *map(_AFFILIATIONS_OF, amap.actors)
    )
    for actor in amap.actors if idle else ():
        if actor.id in idle:
            yield _report(
                actor.loc or Location(amap.path, 0, 0),
                f"actor '{actor.id}' has no stance",
                "idle-actor",
                "add a stance, or remove the actor",
            )
    uncited = set(map(_ID_OF, amap.sources)).difference(
        map(_SOURCE_OF, amap.stances),
        map(_SOURCE_OF, amap.claims),
        map(_SOURCE_OF, amap.relations),
    )
    for source in amap.sources if uncited else ():
        if source.id in uncited:
            yield _report(
                source.loc or Location(amap.path, 0, 0),
                f"source '{source.id}' is cited by no stance, claim or relation",
                "unused-source",
                "cite it, or remove it",
            )


def evidence_sources(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """Evidence is a fact or figure, and a fact without its source is not evidence."""
    for claim in amap.claims:
        if claim.kind is ClaimKind.EVIDENCE and claim.source is None:
            yield _report(
                claim.loc or Location(amap.path, 0, 0),
                f"evidence '{claim.id}' has no source",
                "evidence-without-source",
                "add 'source:' naming where the figure comes from",
            )


# --------------------------------------------------------------------------- dates

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")  # not \\d: any digit


def is_iso_date(text: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year."""
    match = _ISO.match(text)
    if not match:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _date_problems(
    value: str, loc: Location, what: str, today: dt.date, allow_unknown: bool
) -> Iterator[Problem]:
    if allow_unknown and value == UNKNOWN:
        return
    if not _iso_date(value):
        shape = "2021, 2021-06 or 2021-06-14" + (", or 'unknown'" if allow_unknown else "")
        yield _report(
            loc, f"date '{value}' of {what} is not an ISO date", "invalid-date", f"write {shape}"
        )
    elif value > today.isoformat()[: len(value)]:
        yield _report(
            loc, f"date '{value}' of {what} lies in the future", "invalid-date", "check the year"
        )


def _good_date(value: str | None, today: str) -> bool:
    """A date no rule reports: none, or a real ISO date not after `today` (ISO too)."""
    return value is None or (_iso_date(value) and value <= today[: len(value)])


@functools.lru_cache(maxsize=4096)
def _iso_date(value: str) -> bool:
    # Maps repeat their dates (a source's, an article's day): each is parsed once.
    return is_iso_date(value)


def dates(amap: ArgumentMap, today: dt.date) -> Iterator[Problem]:
    """Dates must be ISO dates (or 'unknown' for a source) and not in the future."""
    day = today.isoformat()
    for source in amap.sources:
        if source.date == UNKNOWN or _good_date(source.date, day):
            continue  # the location is looked up only for a problem
        loc = _at(source.loc, source.field_locs, "date")
        yield from _date_problems(source.date, loc, f"source '{source.id}'", today, True)
    for stance in amap.stances:
        if stance.date is not None and not _good_date(stance.date, day):
            loc = _at(stance.loc, stance.field_locs, "date")
            yield from _date_problems(stance.date, loc, f"stance '{stance.id}'", today, False)


#: Every check with the rules it reports (and no other: `check` refuses any other).
CHECKS: tuple[Registered, ...] = (
    registered(duplicate_ids, "duplicate-id", "duplicate-stance"),
    registered(
        unknown_references,
        "unknown-actor",
        "unknown-claim",
        "unknown-source",
        "unknown-affiliation",
        "unknown-relation",
        "self-affiliation",
    ),
    registered(
        relation_problems,
        "self-relation",
        "duplicate-relation",
        "contradictory-relation",
        "inferred-without-note",
        "self-undercut",
    ),
    registered(circular_support, "circular-support"),
    registered(contradictory_stances, "contradictory-stance"),
    registered(incoherent_actors, "incoherent-actor"),
    registered(missing_quotes, "missing-quote"),
    registered(unused_entries, "orphan-claim", "idle-actor", "unused-source"),
    registered(evidence_sources, "evidence-without-source"),
    registered(dates, "invalid-date"),
)

#: No rule switched off, every rule at its own level.
DEFAULTS = Config()

_QUOTE_RULES = frozenset(r.id for r in RULES.values() if r.stage is Stage.QUOTES)


def check(
    amap: ArgumentMap,
    *,
    sources_dir: str | Path | None = None,
    verify_quotes: bool = True,
    today: dt.date | None = None,
    config: Config = DEFAULTS,
) -> list[Problem]:
    """Run every enabled rule over the map and return the problems sorted by position.

    Where a source names a text file (resolved against `sources_dir` when given, else
    the map's folder), quotes attributed to it are checked against that text. `config`
    switches rules off and changes their level; the loader's problems are not touched.
    """
    day = today or dt.date.today()
    problems: list[Problem] = []
    # The rules make many small objects and no cycles; on a large map the cyclic garbage
    # collector would walk the whole loaded map again and again for nothing.
    with paused_gc():
        for registered in CHECKS:
            if registered.rules <= config.disabled:
                continue
            problems.extend(_registered(registered.function(amap, day), registered.rules))
    if verify_quotes and not config.disabled >= _QUOTE_RULES:
        problems.extend(_registered(_quote_problems(amap, sources_dir), _QUOTE_RULES))
    return sorted(config.apply(problems))


def _registered(problems: Iterable[Problem], rules: frozenset[str]) -> Iterator[Problem]:
    """The problems, refusing one of a rule its check is not registered for."""
    for found in problems:
        if found.rule not in rules:
            raise RuntimeError(f"a check reported rule '{found.rule}' it is not registered for")
        yield found


def _quote_problems(amap: ArgumentMap, sources_dir: str | Path | None) -> list[Problem]:
    if not any(s.file for s in amap.sources):
        return []
    from argmap import quotes  # only maps with source texts pay for this import

    base = Path(amap.path).parent
    texts, problems = quotes.read_source_texts(
        amap, base, Path(sources_dir) if sources_dir else None
    )
    return [*problems, *quotes.verify_quotes(amap, texts)]
