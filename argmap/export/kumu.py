"""The `kumu` export: a Kumu JSON blueprint, to present the map in Kumu.

A blueprint is `{"elements": [...], "connections": [...]}`; Kumu's core fields are
`id`, `label`, `type`, `description` and `tags`, and every other key becomes a custom
field. Connections name their ends by element id, have a `type` and a `direction`.
Kumu requires ids to be unique across elements and connections together, so
connection ids are prefixed: `stance:<stance id>`, `relation:<relation id>`.

- Actors are elements of type `Actor`, described by their role, tagged with the names of
  the actors they are affiliated with, and with the custom fields `Kind`, `Camp` (1 for
  the largest camp) and `Position <proposal id>` (the position score, -1 to 1, on each
  proposal the actor reaches).
- Claims are elements of type `Proposal`, `Claim` or `Evidence`, labelled by their short
  label, described by their full text, tagged with their tags, with the custom fields
  `Source` and `Acceptance` (grounded: in, out or undecided).
- Each stance is a directed connection actor -> claim of type `supports`, `opposes` or
  `neutral`, described by its quote, with the fields `Source`, `Date` and `Reported`.
- Each relation is a directed connection claim -> claim of type `supports` or `attacks`.

Sources are not elements: in Kumu they would float unconnected, so each stance names its
source's title instead. Elements and connections come in id order; floats are rounded
to four decimals, so the same map gives byte-identical text.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.analysis import Analysis
from argmap.model import ArgumentMap

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
    ('stance:ann/p', 'opposes', 'No.')
    """
    camp_of = analysis.camp_of()
    names = amap.actors_by_id
    proposals = sorted(p.id for p in amap.proposals)
    elements: list[dict[str, Any]] = []
    for actor in amap.actors:
        scores = analysis.positions.get(actor.id, {})
        fields: dict[str, Any] = {
            "id": actor.id,
            "label": actor.name,
            "type": "Actor",
            "description": actor.role,
            "tags": [names[a].name for a in actor.affiliations if a in names],
            "Kind": actor.kind.value,
            "Camp": camp_of.get(actor.id),
        }
        for proposal in proposals:
            if proposal in scores:
                fields[f"Position {proposal}"] = _num(scores[proposal].score)
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
        date = stance.date or (source.date if source else None)
        fields = {
            "id": f"stance:{stance.id}",
            "from": stance.actor,
            "to": stance.claim,
            "type": stance.position.value,
            "direction": "directed",
            "description": stance.quote,
            "Source": source.title if source else stance.source,
            "Date": date,
            "Reported": stance.reported,
        }
        connections.append(_present(fields))
    for relation in amap.relations:
        fields = {
            "id": f"relation:{relation.id}",
            "from": relation.origin,
            "to": relation.target,
            "type": relation.kind.value,
            "direction": "directed",
            "description": relation.note,
        }
        connections.append(_present(fields))
    return {
        "elements": sorted(elements, key=lambda e: str(e["id"])),
        "connections": sorted(connections, key=lambda c: str(c["id"])),
    }


def kumu(amap: ArgumentMap, analysis: Analysis) -> str:
    """The map as Kumu blueprint JSON text (see `kumu_data`)."""
    return json.dumps(kumu_data(amap, analysis), indent=2, ensure_ascii=False) + "\n"
