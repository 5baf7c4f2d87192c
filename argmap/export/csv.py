"""The `csv` export: one row per stance, the event list of discourse network analysis.

Discourse Network Analyzer and the R tools around it (rDNA, and any data frame reader)
take statements as rows of person, organisation, concept, agreement and date. The columns
here, in this order, are `COLUMNS`:

- `stance_id`, `date` (the stance's own date, else its source's date; empty when the
  source's date is unknown), `actor_id`, `actor_name`;
- `organisation`: the name of the actor's first affiliation, as DNA codes a speaker's
  organisation; an actor that is not a person and has no affiliation speaks for itself,
  so it is its own organisation; a person with no affiliation has none (empty);
- `claim_id`, `claim_text`, `agreement` (`yes` supports, `no` opposes, `neutral`);
- `quote` (empty when there is none), `reported` (`true` or `false`);
- `source_id`, `source_title`, `source_date` (as written in the map, `unknown` included).

The file follows RFC 4180: a header row, fields separated by commas, lines ended by CRLF,
and a field quoted (with `"` doubled inside) only when it holds a comma, a quote mark or
a line break, so a quote of several lines stays one field. Rows are in stance id order.
"""

from __future__ import annotations

import csv
import io

from argmap.analysis import Analysis
from argmap.model import UNKNOWN, Actor, ActorKind, ArgumentMap, Position

__all__ = ["AGREEMENT", "COLUMNS", "csv_text", "organisation"]

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
)
#: DNA's qualifier for each stance position.
AGREEMENT = {Position.SUPPORTS: "yes", Position.OPPOSES: "no", Position.NEUTRAL: "neutral"}


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


def csv_text(amap: ArgumentMap, analysis: Analysis) -> str:
    """The stances as RFC 4180 CSV text (see the module docstring); `analysis` is unused."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    actors, claims, sources = amap.actors_by_id, amap.claims_by_id, amap.sources_by_id
    for stance in sorted(amap.stances, key=lambda s: s.id):
        actor, claim, source = (
            actors.get(stance.actor),
            claims.get(stance.claim),
            sources.get(stance.source),
        )
        source_date = source.date if source else ""
        date = stance.date or (source_date if source_date != UNKNOWN else "")
        writer.writerow(
            (
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
            )
        )
    return out.getvalue()
