"""The argument map as frozen data: what the loader builds and everything else reads.

Every entry keeps where it came from (`loc`, the start of the entry, and `field_locs`,
the start of each field's value) so any later step can point a problem at the exact
spot in the YAML file. Locations sit beside the data and never take part in equality.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType

from argmap.text import terminal_safe

__all__ = [
    "FALSES",
    "NULLS",
    "TRUES",
    "UNKNOWN",
    "Actor",
    "ActorKind",
    "ArgumentMap",
    "Claim",
    "ClaimKind",
    "Ignored",
    "Level",
    "Location",
    "Position",
    "Problem",
    "Relation",
    "RelationKind",
    "Source",
    "Stance",
    "canonical",
    "derive_stance_ids",
    "stance_date",
]

#: The explicit marker for a fact the sources do not state (e.g. a publication date).
UNKNOWN = "unknown"


#: How a plain (unquoted) YAML 1.1 value reads as nothing, true or false; quoted, each is text.
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TRUES = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
FALSES = frozenset({"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})


class ActorKind(StrEnum):
    PERSON = "person"
    PARTY = "party"
    GOVERNMENT = "government"  # a government, department or ministry
    PUBLIC_BODY = "public-body"  # an agency such as Public Health England or the NHS
    COUNCIL = "council"  # a local authority
    POLICE = "police"  # a police force or police and crime commissioner's office
    CHARITY = "charity"
    GROUP = "group"  # a parliamentary group, coalition or group of signatories
    ORGANISATION = "organisation"  # any other organisation


class ClaimKind(StrEnum):
    PROPOSAL = "proposal"  # a central question of the debate
    CLAIM = "claim"
    EVIDENCE = "evidence"  # a fact or statistic, with its source


class Position(StrEnum):
    SUPPORTS = "supports"
    OPPOSES = "opposes"
    NEUTRAL = "neutral"

    @property
    def sign(self) -> int:
        """+1 pulls towards the claim, -1 away from it, 0 (neutral) nowhere."""
        return _POSITION_SIGNS[self]

    @property
    def mark(self) -> str:
        """The sign as printed beside a stance: +, − (U+2212) or 0, never colour alone."""
        return _POSITION_MARKS[self]


_POSITION_SIGNS = {Position.SUPPORTS: 1, Position.OPPOSES: -1, Position.NEUTRAL: 0}
_POSITION_MARKS = {Position.SUPPORTS: "+", Position.OPPOSES: "\u2212", Position.NEUTRAL: "0"}


class RelationKind(StrEnum):
    SUPPORTS = "supports"
    ATTACKS = "attacks"
    # Attacks the inference of another relation (Argdown's `_>`, AIF's CA on an RA node):
    # the relation's target is then a relation id, not a claim id.
    UNDERCUTS = "undercuts"


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A 1-based line and column in a file; line 0 means the file as a whole."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}" if self.line else self.file


def _loc_field() -> Location | None:
    return field(default=None, compare=False, repr=False)


def _locs_field() -> Mapping[str, Location]:
    return field(default_factory=_no_locs, compare=False, repr=False)


def _no_locs() -> Mapping[str, Location]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or UNKNOWN
    url: str | None = None
    file: str | None = None  # local text of the article, relative to the map file
    loc: Location | None = _loc_field()
    field_locs: Mapping[str, Location] = _locs_field()


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    affiliations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other names the sources use for the actor
    loc: Location | None = _loc_field()
    field_locs: Mapping[str, Location] = _locs_field()
    affiliation_locs: tuple[Location, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    kind: ClaimKind = ClaimKind.CLAIM
    label: str | None = None  # short label for the map; the text is used when absent
    source: str | None = None
    tags: tuple[str, ...] = ()
    loc: Location | None = _loc_field()
    field_locs: Mapping[str, Location] = _locs_field()

    @property
    def display(self) -> str:
        """The short label shown on the map."""
        return self.label or self.text


@dataclass(frozen=True, slots=True)
class Stance:
    """An actor's stance on a claim, with the words that show it.

    `quote` is the source's exact text. When `reported` is true the words are the
    article's report of the position (a paraphrase), not the actor's own.
    """

    id: str
    actor: str
    claim: str
    position: Position
    source: str
    quote: str | None = None
    reported: bool = False
    date: str | None = None
    note: str | None = None
    loc: Location | None = _loc_field()
    field_locs: Mapping[str, Location] = _locs_field()


@dataclass(frozen=True, slots=True)
class Relation:
    """A claim (`origin`) that supports or attacks another claim (`target`).

    An undercut's `target` is the id of the relation whose inference it attacks.
    `inferred` marks a link that no source states: the curator's own reading, which the
    analysis keeps apart from what the articles say.
    """

    id: str
    origin: str
    target: str
    kind: RelationKind
    source: str | None = None
    note: str | None = None
    inferred: bool = False
    loc: Location | None = _loc_field()
    field_locs: Mapping[str, Location] = _locs_field()


@dataclass(frozen=True, slots=True)
class Ignored:
    """A quoted passage of a source that deliberately maps to no stance."""

    source: str
    passage: str
    reason: str
    loc: Location | None = _loc_field()
    field_locs: Mapping[str, Location] = _locs_field()


# No slots here: the id indexes below are computed once, on first use.
@dataclass(frozen=True)
class ArgumentMap:
    title: str
    description: str = ""
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    stances: tuple[Stance, ...] = ()
    relations: tuple[Relation, ...] = ()
    ignored: tuple[Ignored, ...] = ()
    path: str = "arguments.yaml"  # the file it was read from, as the user named it

    @cached_property
    def sources_by_id(self) -> Mapping[str, Source]:
        return MappingProxyType({s.id: s for s in self.sources})

    @cached_property
    def actors_by_id(self) -> Mapping[str, Actor]:
        return MappingProxyType({a.id: a for a in self.actors})

    @cached_property
    def claims_by_id(self) -> Mapping[str, Claim]:
        return MappingProxyType({c.id: c for c in self.claims})

    @property
    def proposals(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.kind is ClaimKind.PROPOSAL)


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One finding of the loader or a check, sortable by position."""

    loc: Location
    level: Level
    message: str
    rule: str
    hint: str | None = None

    def __str__(self) -> str:
        # Messages quote map text; shown raw, an escape sequence or a line break in an id
        # could recolour the terminal or fake another `file:line:col` line.
        hint = f"; {self.hint}" if self.hint else ""
        return terminal_safe(f"{self.loc}: {self.level}: {self.message}{hint} [{self.rule}]")


def canonical(amap: ArgumentMap) -> ArgumentMap:
    """The same map with every kind of entry sorted by id.

    The order of entries in the file groups them for the curator (by article, say) but
    means nothing to the debate, so everything built from a map starts from this form:
    shuffling the file's entries then changes no output.
    """
    return replace(
        amap,
        sources=tuple(sorted(amap.sources, key=lambda s: s.id)),
        actors=tuple(sorted(amap.actors, key=lambda a: a.id)),
        claims=tuple(sorted(amap.claims, key=lambda c: c.id)),
        stances=tuple(sorted(amap.stances, key=lambda s: s.id)),
        relations=tuple(sorted(amap.relations, key=lambda r: r.id)),
        ignored=tuple(sorted(amap.ignored, key=lambda i: (i.source, i.passage))),
    )


def derive_stance_ids(
    keys: list[tuple[str, str, str, str, str | None] | None],
) -> list[str | None]:
    """The derived id of each stance, given as (actor, position, claim, source, date).

    The id is `actor/position/claim`, lengthened by `/source` and then `/date` (or
    `/undated`) only for stances that would otherwise share it; stances that still
    coincide keep the longest form. A None key (a stance with an explicit id) takes no
    part and gets None. Linear in the number of stances.
    """
    base = [None if k is None else f"{k[0]}/{k[1]}/{k[2]}" for k in keys]
    if None not in base and len(set(base)) == len(base):
        return base  # the usual map: no two stances share actor, position and claim
    counts = Counter(b for b in base if b is not None)
    longer = {
        i: f"{b}/{keys[i][3]}"  # type: ignore[index]
        for i, b in enumerate(base)
        if b is not None and counts[b] > 1
    }
    counts = Counter(longer.values())
    ids: list[str | None] = []
    for i, b in enumerate(base):
        if b is None or i not in longer:
            ids.append(b)
        elif counts[longer[i]] == 1:
            ids.append(longer[i])
        else:
            ids.append(f"{longer[i]}/{keys[i][4] or 'undated'}")  # type: ignore[index]
    return ids


def stance_date(stance: Stance, amap: ArgumentMap) -> str | None:
    """When the stance was taken: its own date, else its source's when known, else None.

    The one fallback every output uses, so that no export invents a date and none writes
    the word "unknown" where another leaves the field empty.
    """
    if stance.date:
        return stance.date
    source = amap.sources_by_id.get(stance.source)
    return source.date if source and source.date != UNKNOWN else None
