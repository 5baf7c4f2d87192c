"""The `aif` export: the map in the Argument Interchange Format's JSON, as AIFdb serves it.

The argument structure is AIF's: each claim is an I node (its text), each support
relation an RA node ("Default Inference") and each attack a CA node ("Default
Conflict"), with edges premise -> RA/CA -> conclusion. Who said what is AIF's dialogue
layer, as in the Inference Anchoring Theory graphs of AIFdb: each stance is an L node
(the locution: "Speaker: quote") anchored to the claim's I node by a YA node (L -> YA ->
I). The YA node names the illocution: `Asserting` for a stance that supports the claim,
`Disagreeing` for one that opposes it, and `Pure Questioning` for a neutral one (the
actor is asked or reported to consider the claim). A reported stance with no quote has
the claim's text as its locution, since AIF has no locution without words.

Actors are the `participants` (a person's name is split at its last space into
`firstname` and `surname`; any other actor's whole name is its `firstname` and its
`surname` is empty). Each L node has a `locutions` entry naming its participant, with
the stance's quote, source, and date (`timestamp`, when a full date is known).

AIFdb numbers nodes and edges, so ids here are numbers too, given in a fixed order:
claims, then relations, then stances, each by id; edges follow the same order. Extra
keys (`argmapID` on nodes, `argmapID` and `quote` on locutions) keep the map's own ids.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.analysis import Analysis
from argmap.model import ActorKind, ArgumentMap, Position, RelationKind, Stance

__all__ = ["ILLOCUTIONS", "aif", "aif_data", "participant_name"]

#: The YA node text of each stance position.
ILLOCUTIONS = {
    Position.SUPPORTS: "Asserting",
    Position.OPPOSES: "Disagreeing",
    Position.NEUTRAL: "Pure Questioning",
}
_SCHEMES = {
    RelationKind.SUPPORTS: ("RA", "Default Inference"),
    RelationKind.ATTACKS: ("CA", "Default Conflict"),
}


def participant_name(name: str, kind: ActorKind) -> tuple[str, str]:
    """An actor's name as AIF's (firstname, surname).

    >>> participant_name("Jo van Green", ActorKind.PERSON)
    ('Jo van', 'Green')
    >>> participant_name("Green Party", ActorKind.PARTY)
    ('Green Party', '')
    """
    if kind is ActorKind.PERSON and " " in name.strip():
        first, _, last = name.strip().rpartition(" ")
        return first, last
    return name, ""


def _timestamp(date: str | None) -> str | None:
    # AIF timestamps are full date-times; a year or a month alone is not one.
    if date and len(date) == 10 and date[4] == "-" and date[7] == "-":
        return f"{date} 00:00:00"
    return None


class _Builder:
    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []

    def node(self, kind: str, text: str, argmap_id: str, **extra: Any) -> str:
        node_id = str(len(self.nodes) + 1)
        self.nodes.append(
            {"nodeID": node_id, "text": text, "type": kind, "argmapID": argmap_id, **extra}
        )
        return node_id

    def edge(self, source: str, target: str) -> None:
        edge_id = str(len(self.edges) + 1)
        self.edges.append({"edgeID": edge_id, "fromID": source, "toID": target, "formEdgeID": None})


def _locution_text(stance: Stance, amap: ArgumentMap) -> str:
    actor = amap.actors_by_id.get(stance.actor)
    speaker = actor.name if actor else stance.actor
    claim = amap.claims_by_id.get(stance.claim)
    words = stance.quote if stance.quote is not None else (claim.text if claim else "")
    return f"{speaker}: {words}"


def aif_data(amap: ArgumentMap) -> dict[str, Any]:
    """The map as AIF JSON data: `nodes`, `edges`, `participants` and `locutions`.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     claims=(Claim("p", "P"), Claim("r", "R")),
    ...     relations=(Relation("r/attacks/p", "r", "p", RelationKind.ATTACKS),),
    ... )
    >>> data = aif_data(amap)
    >>> [(n["nodeID"], n["type"], n["text"]) for n in data["nodes"]]
    [('1', 'I', 'P'), ('2', 'I', 'R'), ('3', 'CA', 'Default Conflict')]
    >>> [(e["fromID"], e["toID"]) for e in data["edges"]]
    [('2', '3'), ('3', '1')]
    """
    build = _Builder()
    i_node = {
        claim.id: build.node("I", claim.text, claim.id)
        for claim in sorted(amap.claims, key=lambda c: c.id)
    }
    for relation in sorted(amap.relations, key=lambda r: r.id):
        if relation.origin not in i_node or relation.target not in i_node:
            continue
        kind, text = _SCHEMES[relation.kind]
        scheme = build.node(kind, text, relation.id, scheme=text)
        build.edge(i_node[relation.origin], scheme)
        build.edge(scheme, i_node[relation.target])
    actors = sorted(amap.actors, key=lambda a: a.id)
    person = {actor.id: index for index, actor in enumerate(actors, 1)}
    participants = []
    for actor in actors:
        first, last = participant_name(actor.name, actor.kind)
        participants.append(
            {"participantID": person[actor.id], "firstname": first, "surname": last}
        )
    sources = amap.sources_by_id
    locutions = []
    for stance in sorted(amap.stances, key=lambda s: s.id):
        if stance.claim not in i_node or stance.actor not in person:
            continue
        locution = build.node("L", _locution_text(stance, amap), stance.id)
        illocution = build.node("YA", ILLOCUTIONS[stance.position], stance.id)
        build.edge(locution, illocution)
        build.edge(illocution, i_node[stance.claim])
        source = sources.get(stance.source)
        date = stance.date or (source.date if source else None)
        entry: dict[str, Any] = {
            "nodeID": locution,
            "personID": person[stance.actor],
            "argmapID": stance.id,
            "quote": stance.quote,
            "reported": stance.reported,
            "source": source.url or source.title if source else stance.source,
        }
        if timestamp := _timestamp(date):
            entry["timestamp"] = timestamp
        locutions.append(entry)
    return {
        "nodes": build.nodes,
        "edges": build.edges,
        "participants": participants,
        "locutions": locutions,
    }


def aif(amap: ArgumentMap, analysis: Analysis) -> str:
    """The map as AIF JSON text (see `aif_data`); `analysis` is not used."""
    return json.dumps(aif_data(amap), indent=2, ensure_ascii=False) + "\n"
