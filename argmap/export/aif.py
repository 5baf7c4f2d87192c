"""The `aif` export: the map in the Argument Interchange Format's JSON, as AIFdb serves it.

The argument structure is AIF's: each claim is an I node (its text), each support
relation an RA node ("Default Inference") and each attack a CA node ("Default
Conflict"), with edges premise -> RA/CA -> conclusion; an undercut is a CA node whose
target is the RA/CA node it denies.

Who said what is encoded as Inference Anchoring Theory (IAT) does in AIFdb and OVA, so
that a reader never takes an opponent for a claim's speaker:

- a stance that supports or opposes a claim is an L node (the locution, "Speaker:
  words") anchored by a YA "Asserting" node to its OWN I node (the quote), and that I
  node supports (RA) or attacks (CA) the claim's I node: L -> YA -> I(quote) -> RA/CA ->
  I(claim). A stance with no quote has words that say so, never the claim's text as
  if the actor had said it: "(opposes: <claim label>; no quote recorded)";
- a neutral stance questions the claim: L -> YA "Pure Questioning" -> I(claim);
- reported speech is marked: the L node reads "Speaker (reported by <publisher>):
  words", and its `locutions` entry has `"reported": true`.

Actors are the `participants`, with string ids. argmap has one display name per actor
and cannot know which part is a surname ("Mary Ann van der Berg"), so the whole name is
the `firstname` and `surname` is empty. Each L node has a `locutions` entry naming its
participant, with the stance's quote, source, note and date (`timestamp`, when a full
date is known; the L node carries it too).

AIFdb numbers nodes and edges, so ids here are numeric strings, given in a fixed order:
claims, then relations, then stances, each by id; edges follow the same order. Extra
keys (`argmapID` on nodes, `argmapID` and `quote` on locutions, `note`) keep the map's
own ids and notes; AIF readers ignore them.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.analysis import Analysis
from argmap.model import (
    ActorKind,
    ArgumentMap,
    Position,
    Relation,
    RelationKind,
    Stance,
    stance_date,
)

__all__ = ["ILLOCUTIONS", "aif", "aif_data", "participant_name"]

#: The YA node text of each stance position: what the locution does.
ILLOCUTIONS = {
    Position.SUPPORTS: "Asserting",
    Position.OPPOSES: "Asserting",
    Position.NEUTRAL: "Pure Questioning",
}
# How a stance's quote bears on its claim (none for a neutral stance).
_STANCE_SCHEMES = {
    Position.SUPPORTS: ("RA", "Default Inference"),
    Position.OPPOSES: ("CA", "Default Conflict"),
}
_SCHEMES = {
    RelationKind.SUPPORTS: ("RA", "Default Inference"),
    RelationKind.ATTACKS: ("CA", "Default Conflict"),
    # An undercut is a conflict whose target is the inference (the S-node) it denies.
    RelationKind.UNDERCUTS: ("CA", "Default Conflict"),
}


def participant_name(name: str, kind: ActorKind) -> tuple[str, str]:
    """An actor's name as AIF's (firstname, surname): the whole name, never guessed apart.

    >>> participant_name("Mary Ann van der Berg", ActorKind.PERSON)
    ('Mary Ann van der Berg', '')
    >>> participant_name("Green Party", ActorKind.PARTY)
    ('Green Party', '')
    """
    return name.strip(), ""


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
    if stance.reported:
        source = amap.sources_by_id.get(stance.source)
        speaker += f" (reported by {source.publisher if source else stance.source})"
    return f"{speaker}: {_quote_text(stance, amap)}"


def _quote_text(stance: Stance, amap: ArgumentMap) -> str:
    if stance.quote is not None:
        return stance.quote
    claim = amap.claims_by_id.get(stance.claim)
    label = claim.display if claim else stance.claim
    return f"({stance.position.value}: {label}; no quote recorded)"


def _relation_order(relation: Relation) -> tuple[bool, int, str]:
    undercut = relation.kind is RelationKind.UNDERCUTS
    return (undercut, len(relation.id) if undercut else 0, relation.id)


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
    s_node: dict[str, str] = {}
    # An undercut's id contains its target's, so in order of id length every undercut
    # comes after the relation whose S-node it points at.
    for relation in sorted(amap.relations, key=_relation_order):
        target = (s_node if relation.kind is RelationKind.UNDERCUTS else i_node).get(
            relation.target
        )
        if relation.origin not in i_node or target is None:
            continue
        kind, text = _SCHEMES[relation.kind]
        note = {"note": relation.note} if relation.note else {}
        scheme = build.node(kind, text, relation.id, scheme=text, **note)
        s_node[relation.id] = scheme
        build.edge(i_node[relation.origin], scheme)
        build.edge(scheme, target)
    actors = sorted(amap.actors, key=lambda a: a.id)
    person = {actor.id: str(index) for index, actor in enumerate(actors, 1)}
    participants = []
    for actor in actors:
        first, last = participant_name(actor.name, actor.kind)
        participants.append(
            {"participantID": person[actor.id], "firstname": first, "surname": last}
        )
    locutions = []
    for stance in sorted(amap.stances, key=lambda s: s.id):
        if stance.claim not in i_node or stance.actor not in person:
            continue
        locutions.append(_stance(build, stance, amap, i_node[stance.claim], person))
    return {
        "nodes": build.nodes,
        "edges": build.edges,
        "participants": participants,
        "locutions": locutions,
    }


def _stance(
    build: _Builder, stance: Stance, amap: ArgumentMap, claim: str, person: dict[str, str]
) -> dict[str, Any]:
    """The stance's IAT nodes and edges; returns its `locutions` entry."""
    timestamp = _timestamp(stance_date(stance, amap))
    stamp = {"timestamp": timestamp} if timestamp else {}
    locution = build.node("L", _locution_text(stance, amap), stance.id, **stamp)
    illocution = build.node("YA", ILLOCUTIONS[stance.position], stance.id)
    build.edge(locution, illocution)
    if stance.position in _STANCE_SCHEMES:
        quote = build.node("I", _quote_text(stance, amap), stance.id)
        kind, text = _STANCE_SCHEMES[stance.position]
        scheme = build.node(kind, text, stance.id, scheme=text)
        build.edge(illocution, quote)
        build.edge(quote, scheme)
        build.edge(scheme, claim)
    else:
        build.edge(illocution, claim)
    source = amap.sources_by_id.get(stance.source)
    entry: dict[str, Any] = {
        "nodeID": locution,
        "personID": person[stance.actor],
        "argmapID": stance.id,
        "quote": stance.quote,
        "reported": stance.reported,
        "source": source.url or source.title if source else stance.source,
        **stamp,
    }
    if stance.note:
        entry["note"] = stance.note
    return entry


def aif(amap: ArgumentMap, analysis: Analysis) -> str:
    """The map as AIF JSON text (see `aif_data`); `analysis` is not used."""
    return json.dumps(aif_data(amap), indent=2, ensure_ascii=False) + "\n"
