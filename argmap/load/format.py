"""The map format, declared once: each kind of entry, its fields, their types and words.

docs/format.md describes this for people. Everything that reads or writes the format
reads it from here: the full loader (load/build.py) and the fast path (load/fast.py)
for the keys they accept and the fields they require, the JSON Schema (schema.py) for
its properties and descriptions, `argmap fmt` for the key order and the sections, and
`argmap add` for where an entry goes. The id pattern is declared here; the YAML words
(`~`, `yes`, `off`...) live in model.py, which every stage imports, and are re-exported.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from argmap.model import FALSES, NULLS, TRUES, ActorKind, ClaimKind, Position, RelationKind

__all__ = [
    "ENTRIES",
    "FALSES",
    "FIELDS",
    "ID",
    "ID_PATTERN",
    "NULLS",
    "SECTIONS",
    "SPECIAL_WORDS",
    "TRUES",
    "Entry",
    "Field",
    "Type",
]

#: An id, as a JSON Schema pattern: a kebab-case slug (`home-office`, `dcrs-reduce-deaths`).
ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
#: The same, for `ID.match`; `\Z` because Python's `$` also matches before a final newline.
ID = re.compile(ID_PATTERN.removesuffix("$") + r"\Z")
#: Plain words the loader reads as nothing or as a boolean: written as text they need quotes.
SPECIAL_WORDS = NULLS | TRUES | FALSES


class Type(StrEnum):
    """How a field's value is written and read."""

    TEXT = "text"  # any scalar, read as the text written; blank counts as absent
    REF = "ref"  # the id of another entry
    IDS = "ids"  # a list of ids
    TEXTS = "texts"  # a list of free words
    CHOICE = "choice"  # one word of a closed vocabulary
    DATE = "date"  # an ISO date, YYYY, YYYY-MM or YYYY-MM-DD
    FLAG = "flag"  # true or false
    ENTRIES = "entries"  # a section: the entries of one kind


@dataclass(frozen=True, slots=True)
class Field:
    """One key of an entry. `meanings` gives each word of a CHOICE's vocabulary."""

    key: str
    type: Type
    description: str
    required: bool = False
    vocabulary: builtins.type[StrEnum] | None = None
    meanings: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    default: StrEnum | None = None  # of a CHOICE that may be left out
    unknown: bool = False  # a DATE that may be `unknown` (the sources do not say)
    entries: str | None = None  # the kind of entry an ENTRIES section holds


@dataclass(frozen=True, slots=True)
class Entry:
    """A kind of entry: its fields in the order docs/format.md writes them.

    `section` is the top-level key that holds entries of this kind, `keyed` whether they
    are a mapping of id: entry (else a list), `one_of` keys of which exactly one is given
    (a stance's position, a relation's kind).
    """

    kind: str
    description: str
    fields: tuple[Field, ...]
    section: str | None = None
    keyed: bool = False
    one_of: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


# Plain data, no helper functions: the declaration runs once, at import.
_T, _REF = Type.TEXT, Type.REF
_POSITION = "Id of the claim the actor {}."

_SOURCE = Entry(
    "source",
    "An article or document the map quotes.",
    (
        Field("title", _T, "The article's headline or title.", required=True),
        Field("publisher", _T, "Who published it, e.g. the newspaper.", required=True),
        Field(
            "date",
            Type.DATE,
            "Publication date: an ISO date (2021, 2021-06 or 2021-06-14),"
            " or `unknown` when the article does not state it. Never guessed.",
            required=True,
            unknown=True,
        ),
        Field("url", _T, "Where the article is online."),
        Field(
            "file",
            _T,
            "The article's plain text, relative to the map file;"
            " `argmap check` verifies every quote from this source against it.",
        ),
    ),
    section="sources",
    keyed=True,
)
_ACTOR = Entry(
    "actor",
    "A person or organisation that takes stances.",
    (
        Field("name", _T, "The name shown on the map.", required=True),
        Field(
            "kind",
            Type.CHOICE,
            "What sort of actor this is.",
            required=True,
            vocabulary=ActorKind,
            meanings=MappingProxyType(
                {
                    "person": "a named person",
                    "party": "a political party",
                    "government": "a government, department or minister's office",
                    "public-body": "an agency such as Public Health England or the NHS",
                    "council": "a local authority",
                    "police": "a police force or police and crime commissioner's office",
                    "charity": "a charity",
                    "group": "a parliamentary group, coalition or group of signatories",
                    "organisation": "any other organisation",
                },
            ),
        ),
        Field("role", _T, "The actor's role, in the words of the source."),
        Field(
            "affiliations",
            Type.IDS,
            "Ids of other actors this one belongs to (party, employer, group).",
        ),
        Field(
            "aliases",
            Type.TEXTS,
            "Other names the sources use for the actor (`Mr Lane`);"
            " `argmap draft` matches speakers by them.",
        ),
    ),
    section="actors",
    keyed=True,
)
_CLAIM = Entry(
    "claim",
    "A proposal, claim or piece of evidence that actors take stances on.",
    (
        Field(
            "kind",
            Type.CHOICE,
            "What sort of claim this is (default `claim`).",
            vocabulary=ClaimKind,
            meanings=MappingProxyType(
                {
                    "proposal": "a central question of the debate",
                    "claim": "a claim (the default)",
                    "evidence": "a fact or statistic; needs `source`",
                },
            ),
            default=ClaimKind.CLAIM,
        ),
        Field("text", _T, "The claim as a full sentence.", required=True),
        Field("label", _T, "A short form for the map; the text is used when absent."),
        # Read as text that may be left empty; `argmap check` resolves it as a source id.
        Field("source", _T, "Id of the source the claim comes from; required for evidence."),
        Field("tags", Type.TEXTS, "Free-form words to group claims."),
    ),
    section="claims",
    keyed=True,
)
_STANCE = Entry(
    "stance",
    "An actor's stance on a claim, with the source's words that show it."
    " Exactly one of `supports`, `opposes` or `neutral`.",
    (
        Field(
            "id",
            _REF,
            "Optional explicit id; otherwise `actor/position/claim`, lengthened by"
            " `/source` and `/date` as needed to be unique.",
        ),
        Field("actor", _REF, "Id of the actor who takes the stance.", required=True),
        Field("supports", _REF, _POSITION.format("supports")),
        Field("opposes", _REF, _POSITION.format("opposes")),
        Field("neutral", _REF, _POSITION.format("considers without taking a side")),
        Field("source", _REF, "Id of the source the words are in.", required=True),
        Field("date", Type.DATE, "ISO date of the statement when it differs from the source's."),
        Field(
            "reported",
            Type.FLAG,
            "`true` when the position is reported or paraphrased,"
            " not quoted; `quote` then holds the article's wording of the report.",
        ),
        # The quote comes late because it is the long value; `reported` sits just before
        # it because it says how to read it.
        Field("quote", _T, "The source's exact words. Required unless `reported: true`."),
        Field("note", _T, "Free text for the curator."),
    ),
    section="stances",
    one_of=tuple(p.value for p in Position),
)
_RELATION = Entry(
    "relation",
    "A claim that supports or attacks another claim, or undercuts another relation's"
    " inference. Exactly one of `supports`, `attacks` or `undercuts`.",
    (
        Field("from", _REF, "Id of the claim that argues.", required=True),
        Field("supports", _REF, "Id of the claim it supports."),
        Field("attacks", _REF, "Id of the claim it attacks."),
        # A relation id (`from/attacks/to`), not an entry id: read as text.
        Field(
            "undercuts",
            _T,
            "Id of the relation whose inference it denies (`from/supports/to` or"
            " `from/attacks/to`).",
        ),
        Field("source", _T, "Id of the source that makes the argument."),
        Field(
            "inferred",
            Type.FLAG,
            "`true` when no source states the link: the curator's own reading, kept apart"
            " by the analysis. `note` must say why.",
        ),
        Field("note", _T, "Free text for the curator."),
    ),
    section="relations",
    one_of=tuple(k.value for k in RelationKind),
)
_IGNORED = Entry(
    "ignored",
    "A quoted passage of a source that deliberately maps to no stance.",
    (
        Field("source", _REF, "Id of the source the passage is in.", required=True),
        Field("passage", _T, "The passage, as it is quoted in the source.", required=True),
        Field("reason", _T, "Why it maps to no stance.", required=True),
    ),
    section="ignored",
)


_MAP = Entry(
    "map",
    "One debate: its sources, actors, claims, and the stances and relations"
    " between them. See docs/format.md.",
    (
        Field("title", _T, "The map's title, shown in the page header.", required=True),
        Field("description", _T, "A paragraph on what the map covers."),
        Field("sources", Type.ENTRIES, "The articles quoted, by id.", True, entries="source"),
        Field(
            "actors", Type.ENTRIES, "The people and organisations, by id.", True, entries="actor"
        ),
        Field(
            "claims",
            Type.ENTRIES,
            "The proposals, claims and evidence, by id.",
            True,
            entries="claim",
        ),
        Field(
            "stances",
            Type.ENTRIES,
            "Who supports, opposes or considers which claim.",
            True,
            entries="stance",
        ),
        Field(
            "relations",
            Type.ENTRIES,
            "Which claims support or attack which.",
            False,
            entries="relation",
        ),
        Field(
            "ignored",
            Type.ENTRIES,
            "Quoted passages that deliberately map to no stance.",
            False,
            entries="ignored",
        ),
    ),
)

#: Every kind of entry by name; "map" is the file's top level.
ENTRIES: Mapping[str, Entry] = MappingProxyType(
    {e.kind: e for e in (_MAP, _SOURCE, _ACTOR, _CLAIM, _STANCE, _RELATION, _IGNORED)}
)
#: The keys of each kind of entry, in the order docs/format.md writes them. The loaders
#: accept exactly these; `argmap fmt` writes them in this order; the schema lists them.
FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {kind: entry.keys for kind, entry in ENTRIES.items()}
)
#: The top-level sections by key, each with the kind of entry it holds.
SECTIONS: Mapping[str, Entry] = MappingProxyType(
    {e.section: e for e in ENTRIES.values() if e.section is not None}
)
