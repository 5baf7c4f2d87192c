"""The `csv` export: one row per stance, the event list of discourse network analysis.

Two dialects (`DIALECTS`):

`argmap` (the default, readable): the columns `COLUMNS`, in this order:

- `stance_id`, `date` (the stance's own date, else its source's date; empty when the
  source's date is unknown), `actor_id`, `actor_name`;
- `organisation`: the name of the actor's first affiliation, as DNA codes a speaker's
  organisation; an actor that is not a person and has no affiliation speaks for itself,
  so it is its own organisation; a person with no affiliation has none (empty);
- `claim_id`, `claim_text`, `agreement` (`yes` supports, `no` opposes, `neutral`);
- `quote` (empty when there is none), `reported` (`true` or `false`);
- `source_id`, `source_title`, `source_date` (as written in the map, `unknown`
  included), `source_publisher`, `note`.

`dna`: the statement table of Discourse Network Analyzer and rDNA, `DNA_COLUMNS`: `id`
(1, 2, ... in stance id order), `time` (the date as `YYYY-MM-DD`, a year or month on
its first day; empty when unknown), `person` (the actor's name when it is a person),
`organization` (as `organisation` above), `concept` (the claim's label), `agreement`
(`1` supports, `0` opposes, empty for neutral, which DNA's 0/1 qualifier cannot hold),
`text` (the quote) and `source` (the publisher, DNA's document source).

The file follows RFC 4180: a header row, fields separated by commas, lines ended by CRLF,
and a field quoted (with `"` doubled inside) only when it holds a comma, a quote mark or
a line break, so a quote of several lines stays one field. Rows are in stance id order.

A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula, so such a cell is written with a `'` in front (`FORMULA_STARTS`;
OWASP's advice for CSV injection): spreadsheets show the text as text, and a script
reading the file strips one leading `'` before those characters to get the value back.
`neutralise_formulas=False` (`argmap export --no-neutralise`) writes every cell as it is,
for a script that reads the file and never a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence

from argmap.analysis import Analysis
from argmap.model import UNKNOWN, Actor, ActorKind, ArgumentMap, Position, Stance, stance_date

__all__ = [
    "AGREEMENT",
    "COLUMNS",
    "DIALECTS",
    "DNA_AGREEMENT",
    "DNA_COLUMNS",
    "FORMULA_STARTS",
    "csv_text",
    "neutralise",
    "organisation",
]

#: The dialects `--dialect` can choose; the first is the default.
DIALECTS = ("argmap", "dna")

COLUMNS = (
    "stance_id",
    "date",
    "actor_id",
    "actor_name",
    "organisation",
    "claim_id",
    "claim_text",
    "agreement",
    "quote",
    "reported",
    "source_id",
    "source_title",
    "source_date",
    "source_publisher",
    "note",
)
DNA_COLUMNS = ("id", "time", "person", "organization", "concept", "agreement", "text", "source")
#: The readable qualifier for each stance position.
AGREEMENT = {Position.SUPPORTS: "yes", Position.OPPOSES: "no", Position.NEUTRAL: "neutral"}
#: DNA's boolean qualifier; a neutral stance has none.
DNA_AGREEMENT = {Position.SUPPORTS: "1", Position.OPPOSES: "0", Position.NEUTRAL: ""}
#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d\Z")


def neutralise(cell: str) -> str:
    """The cell as a spreadsheet shows it as text: `'` before a formula start.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-1 vote"), neutralise("fine")
    ("'=HYPERLINK(1)", "'-1 vote", 'fine')
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def organisation(actor: Actor, amap: ArgumentMap) -> str:
    """The organisation an actor speaks for, as the `organisation` column gives it.

    >>> from argmap.model import ActorKind
    >>> party = Actor("greens", "Green Party", ActorKind.PARTY)
    >>> jo = Actor("jo", "Jo Green", ActorKind.PERSON, affiliations=("greens",))
    >>> amap = ArgumentMap(title="t", actors=(party, jo))
    >>> organisation(jo, amap), organisation(party, amap)
    ('Green Party', 'Green Party')
    """
    for affiliation in actor.affiliations:
        if affiliation in amap.actors_by_id:
            return amap.actors_by_id[affiliation].name
    return "" if actor.kind is ActorKind.PERSON else actor.name


def _argmap_rows(amap: ArgumentMap, stances: Sequence[Stance]) -> Iterator[Sequence[str]]:
    actors, claims, sources = amap.actors_by_id, amap.claims_by_id, amap.sources_by_id
    yield COLUMNS
    for stance in stances:
        actor, claim = actors.get(stance.actor), claims.get(stance.claim)
        source = sources.get(stance.source)
        source_date = source.date if source else ""
        date = stance.date or (source_date if source_date != UNKNOWN else "")
        yield (
            stance.id,
            date,
            stance.actor,
            actor.name if actor else "",
            organisation(actor, amap) if actor else "",
            stance.claim,
            claim.text if claim else "",
            AGREEMENT[stance.position],
            stance.quote or "",
            "true" if stance.reported else "false",
            stance.source,
            source.title if source else "",
            source_date,
            source.publisher if source else "",
            stance.note or "",
        )


def _day(date: str | None) -> str:
    if not date:
        return ""
    if _FULL_DATE.match(date):
        return date
    return date + "-01-01" if len(date) == 4 else date + "-01"


def _dna_rows(amap: ArgumentMap, stances: Sequence[Stance]) -> Iterator[Sequence[str]]:
    actors, claims, sources = amap.actors_by_id, amap.claims_by_id, amap.sources_by_id
    yield DNA_COLUMNS
    for number, stance in enumerate(stances, 1):
        actor, claim = actors.get(stance.actor), claims.get(stance.claim)
        source = sources.get(stance.source)
        person = actor.name if actor and actor.kind is ActorKind.PERSON else ""
        yield (
            str(number),
            _day(stance_date(stance, amap)),
            person,
            organisation(actor, amap) if actor else "",
            claim.display if claim else stance.claim,
            DNA_AGREEMENT[stance.position],
            stance.quote or "",
            source.publisher if source else "",
        )


def csv_text(
    amap: ArgumentMap,
    analysis: Analysis | None = None,
    *,
    dialect: str = "argmap",
    bom: bool = False,
    neutralise_formulas: bool = True,
) -> str:
    """The stances as RFC 4180 CSV text (see the module docstring); `analysis` is unused.

    `bom` puts a UTF-8 byte order mark first, which spreadsheets need to read the file
    as UTF-8 rather than their locale's encoding. `neutralise_formulas=False` leaves
    formula starts as they are (see the module docstring). Raises `ValueError` for a
    dialect not in `DIALECTS`.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; use one of {', '.join(DIALECTS)}")
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    stances = sorted(amap.stances, key=lambda s: s.id)
    rows = _argmap_rows if dialect == "argmap" else _dna_rows
    for row in rows(amap, stances):
        writer.writerow([neutralise(cell) for cell in row] if neutralise_formulas else row)
    return ("\ufeff" if bom else "") + out.getvalue()
