"""The `kumu` export: a Kumu JSON blueprint, to present the map in Kumu.

A blueprint is `{"elements": [...], "connections": [...]}`; Kumu's core fields are
`id`, `label`, `type`, `description` and `tags`, and every other key becomes a custom
field. Connections name their ends by element id, have a `type` and a `direction`.
Kumu requires ids to be unique across elements and connections together, and builds
`#Map/View/ID` links from them, so connection ids are `stance:<stance id>` and
`relation:<relation id>` escaped to letters, digits, `.`, `-` and `:` (a `/` becomes
`_2f_`); `Argmap ID` keeps the map's own id.

- Actors are elements of type `Actor`, described by their role, tagged with the names of
  the actors they are affiliated with, and with the custom fields `Kind`, `Camp` (a
  number, 1 for the largest camp; absent for an unaligned actor), `Camp name`,
  `Position <proposal id>` (the stated position, a number from -1 to 1) and `Inferred
  position <proposal id>` (reached only through other sources' relations).
- Claims are elements of type `Proposal`, `Claim` or `Evidence`, labelled by their short
  label, described by their full text, tagged with their tags, with the custom fields
  `Source` and `Acceptance` (grounded: in, out or undecided).
- Each stance is a directed connection actor -> claim of type `stance supports`,
  `stance opposes` or `stance neutral` (never the type of a relation), described by its
  quote, with the fields `Position`, `Source`, `Date` (the stance's date, else its
  source's; absent when unknown, never "unknown"), `Reported` (`yes` or `no`: Kumu has
  no boolean field) and `Note`.
- Each relation is a directed connection claim -> claim of type `supports` or `attacks`;
  an undercut is a connection of type `undercuts` to the claim the relation it denies
  argues about, with that relation's id in `Undercuts`. Its note is its description.

A value that is absent is left out, never written empty. Sources are not elements: in
Kumu they would float unconnected, so each stance names its source's title instead.
Elements and connections come in id order; floats are rounded to four decimals, so the
same map gives byte-identical text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from argmap.analysis import Analysis
from argmap.export.graph import edge_id
from argmap.model import ArgumentMap, Relation, RelationKind, stance_date

__all__ = ["kumu", "kumu_data"]

_DECIMALS = 4


def _num(value: float) -> float:
    # Rounding hides summation noise; `+ 0.0` turns -0.0 into 0.0.
    return round(float(value), _DECIMALS) + 0.0


def _present(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, "", [])}


def kumu_data(amap: ArgumentMap, analysis: Analysis) -> dict[str, Any]:
    """The map as a Kumu blueprint's data (see the module docstring).

    >>> from argmap.analysis import analyse
    >>> from argmap.model import Actor, ActorKind, Claim, ClaimKind, Position, Stance
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     actors=(Actor("ann", "Ann", ActorKind.PERSON),),
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL),),
    ...     stances=(Stance("ann/p", "ann", "p", Position.OPPOSES, "s", quote="No."),),
    ... )
    >>> [stance] = kumu_data(amap, analyse(amap))["connections"]
    >>> stance["id"], stance["type"], stance["description"]
    ('stance:ann_2f_p', 'stance opposes', 'No.')
    """
    camp_of = analysis.camp_of()
    labels = {p.id: p.label for p in amap.proposals}
    camp_names = {c.number: c.title(labels.get(c.proposal or "")) for c in analysis.camp_info}
    names = amap.actors_by_id
    proposals = sorted(p.id for p in amap.proposals)
    elements: list[dict[str, Any]] = []
    for actor in amap.actors:
        scores = analysis.positions.get(actor.id, {})
        inferred = analysis.inferred_positions.get(actor.id, {})
        camp = camp_of.get(actor.id)
        fields: dict[str, Any] = {
            "id": actor.id,
            "label": actor.name,
            "type": "Actor",
            "description": actor.role,
            "tags": [names[a].name for a in actor.affiliations if a in names],
            "Kind": actor.kind.value,
            "Camp": camp,
            "Camp name": camp_names.get(camp) if camp else None,
        }
        for proposal in proposals:
            if proposal in scores:
                fields[f"Position {proposal}"] = _num(scores[proposal].score)
            if proposal in inferred:
                fields[f"Inferred position {proposal}"] = _num(inferred[proposal].score)
        elements.append(_present(fields))
    sources = amap.sources_by_id
    for claim in amap.claims:
        source = sources.get(claim.source) if claim.source else None
        fields = {
            "id": claim.id,
            "label": claim.display,
            "type": claim.kind.value.capitalize(),
            "description": claim.text,
            "tags": list(claim.tags),
            "Source": source.title if source else claim.source,
            "Acceptance": analysis.acceptance.get(claim.id),
        }
        elements.append(_present(fields))
    connections: list[dict[str, Any]] = []
    for stance in amap.stances:
        source = sources.get(stance.source)
        fields = {
            "id": edge_id("stance", stance.id),
            "from": stance.actor,
            "to": stance.claim,
            "type": f"stance {stance.position.value}",
            "direction": "directed",
            "description": stance.quote,
            "Argmap ID": stance.id,
            "Position": stance.position.value,
            "Source": source.title if source else stance.source,
            "Date": stance_date(stance, amap),
            "Reported": "yes" if stance.reported else "no",
            "Note": stance.note,
        }
        connections.append(_present(fields))
    by_id = {r.id: r for r in amap.relations}
    for relation in amap.relations:
        fields = {
            "id": edge_id("relation", relation.id),
            "from": relation.origin,
            "to": _end_claim(relation, by_id),
            "type": relation.kind.value,
            "direction": "directed",
            "description": relation.note,
            "Argmap ID": relation.id,
            # Kumu connects elements only, so an undercut points at the claim the
            # relation it denies argues about, and names that relation here.
            "Undercuts": relation.target if relation.kind is RelationKind.UNDERCUTS else None,
        }
        connections.append(_present(fields))
    return {
        "elements": sorted(elements, key=lambda e: str(e["id"])),
        "connections": sorted(connections, key=lambda c: str(c["id"])),
    }


def _end_claim(relation: Relation, by_id: Mapping[str, Relation]) -> str:
    """The claim a relation argues about; for an undercut, its target's (recursively)."""
    while relation.kind is RelationKind.UNDERCUTS and relation.target in by_id:
        relation = by_id[relation.target]
    return relation.target


def kumu(amap: ArgumentMap, analysis: Analysis) -> str:
    """The map as Kumu blueprint JSON text (see `kumu_data`)."""
    return json.dumps(kumu_data(amap, analysis), indent=2, ensure_ascii=False) + "\n"
