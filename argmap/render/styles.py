"""The visual vocabulary of the map: one table that both the drawing and the legend read.

Colours are the Okabe-Ito palette, which stays distinguishable under the common forms of
colour blindness; no meaning rests on colour alone: node kinds differ by shape, attack and
opposition are dashed and marked with a minus sign, support is solid and marked with a plus.
Each entry is a vis-network node or edge option object, merged in the page into every
node or edge of that class.
"""

from __future__ import annotations

from typing import Any

from argmap.model import ActorKind, ClaimKind, Position, RelationKind

__all__ = [
    "CAMP_COLOURS",
    "EDGE_FONT",
    "EDGE_STYLES",
    "NODE_STYLES",
    "OTHER_CAMP_COLOUR",
    "actor_class",
    "claim_class",
    "line_colour",
    "relation_class",
    "stance_class",
]

# Okabe-Ito. Blue and vermillion are kept for edges (support, attack) and not reused for camps.
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#8C8C8C"

#: Camp fill colours, largest camp first; camps past these share `OTHER_CAMP_COLOUR`.
CAMP_COLOURS = (ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, REDDISH_PURPLE)
OTHER_CAMP_COLOUR = "#D9D9D9"

# Labels are 22px on the canvas: the page never opens a view below a zoom of 0.5 on a
# wide screen (0.7 on a phone), so every label reads at 11px or more.
_CLAIM_FONT = {"size": 22, "face": "system-ui, sans-serif", "color": "#1A1A1A"}
_ACTOR_FONT = {
    "size": 22,
    "face": "system-ui, sans-serif",
    "color": "#1A1A1A",
    "strokeWidth": 3,
    "strokeColor": "#FFFFFF",
}
EDGE_FONT = {
    "size": 18,
    "face": "system-ui, sans-serif",
    "color": "#1A1A1A",
    "strokeWidth": 3,
    "strokeColor": "#FFFFFF",
    # Not "middle": vis-network 9.1.2 then draws a horizontal edge's label at (0, 0).
    "align": "horizontal",
}

# name -> (legend text, vis options)
NODE_STYLES: dict[str, tuple[str, dict[str, Any]]] = {
    "proposal": (
        "Proposal (the question debated)",
        {
            "shape": "box",
            "color": {"background": BLUE, "border": "#00466E"},
            "borderWidth": 3,
            "font": {**_CLAIM_FONT, "color": "#FFFFFF"},
            "shapeProperties": {"borderRadius": 0},
            "margin": 10,
            # One width for every box, so the layout knows each box's size exactly.
            "widthConstraint": {"minimum": 180, "maximum": 180},
        },
    ),
    "claim": (
        "Claim",
        {
            "shape": "box",
            "color": {"background": "#FFFFFF", "border": "#4D4D4D"},
            "borderWidth": 1,
            "font": _CLAIM_FONT,
            "shapeProperties": {"borderRadius": 8},
            "margin": 8,
            "widthConstraint": {"minimum": 180, "maximum": 180},
        },
    ),
    "evidence": (
        "Evidence (a fact, with its source)",
        {
            "shape": "ellipse",
            "color": {"background": "#FBF5B5", "border": "#8A7F00"},
            "borderWidth": 1,
            "font": _CLAIM_FONT,
            "margin": 8,
            # An ellipse is half as wide again as its text.
            "widthConstraint": {"minimum": 124, "maximum": 124},
        },
    ),
    "actor-person": ("Person", {"shape": "dot", "size": 12, "borderWidth": 2, "font": _ACTOR_FONT}),
    "actor-public": (
        "Government, public body, council or police",
        {"shape": "square", "size": 12, "borderWidth": 2, "font": _ACTOR_FONT},
    ),
    "actor-party": (
        "Party or group",
        {"shape": "triangle", "size": 13, "borderWidth": 2, "font": _ACTOR_FONT},
    ),
    "actor-org": (
        "Charity or other organisation",
        {"shape": "diamond", "size": 13, "borderWidth": 2, "font": _ACTOR_FONT},
    ),
}


def line_colour(colour: str, opacity: float | None = None) -> dict[str, Any]:
    """A line's vis colour options: the same colour drawn, selected and hovered (a
    selection shows by width and fading, not by a change of colour).

    >>> line_colour("#000000", 0.6)
    {'color': '#000000', 'highlight': '#000000', 'hover': '#000000', 'opacity': 0.6}
    """
    colours: dict[str, Any] = {"color": colour, "highlight": colour, "hover": colour}
    return colours if opacity is None else {**colours, "opacity": opacity}


_ARROW = {"to": {"enabled": True, "scaleFactor": 0.7}}
_NO_ARROW = {"to": {"enabled": False}}

EDGE_STYLES: dict[str, tuple[str, dict[str, Any]]] = {
    "rel-supports": (
        "+ supports (claim to claim)",
        {
            "color": line_colour(BLUISH_GREEN),
            "dashes": False,
            "width": 2,
            "arrows": _ARROW,
            "label": "+",
            "font": EDGE_FONT,
        },
    ),
    "rel-attacks": (
        "\u2212 attacks (claim to claim)",
        {
            "color": line_colour(VERMILLION),
            "dashes": [10, 6],
            "width": 2,
            "arrows": _ARROW,
            "label": "\u2212",
            "font": EDGE_FONT,
        },
    ),
    "stance-supports": (
        "+ actor supports claim",
        {
            "color": line_colour(BLUE),
            "dashes": False,
            "width": 1.5,
            "arrows": _NO_ARROW,
            "label": "+",
            "font": EDGE_FONT,
        },
    ),
    "stance-opposes": (
        "\u2212 actor opposes claim",
        {
            "color": line_colour(VERMILLION),
            "dashes": [4, 4],
            "width": 1.5,
            "arrows": _NO_ARROW,
            "label": "\u2212",
            "font": EDGE_FONT,
        },
    ),
    "stance-neutral": (
        "0 actor neutral on claim",
        {
            "color": line_colour(GREY),
            "dashes": [1, 4],
            "width": 1.5,
            "arrows": _NO_ARROW,
            "label": "0",
            "font": EDGE_FONT,
        },
    ),
    "agree": (
        "+ agree (share positions)",
        {
            "color": line_colour(BLUE, 0.6),
            "dashes": False,
            "arrows": _NO_ARROW,
            "label": "+",
            "font": EDGE_FONT,
        },
    ),
    "conflict": (
        "\u2212 conflict (opposite positions)",
        {
            "color": line_colour(VERMILLION, 0.6),
            "dashes": [10, 6],
            "arrows": _NO_ARROW,
            "label": "\u2212",
            "font": EDGE_FONT,
        },
    ),
}

_ACTOR_CLASS = {
    ActorKind.PERSON: "actor-person",
    ActorKind.GOVERNMENT: "actor-public",
    ActorKind.PUBLIC_BODY: "actor-public",
    ActorKind.COUNCIL: "actor-public",
    ActorKind.POLICE: "actor-public",
    ActorKind.PARTY: "actor-party",
    ActorKind.GROUP: "actor-party",
    ActorKind.CHARITY: "actor-org",
    ActorKind.ORGANISATION: "actor-org",
}


def actor_class(kind: ActorKind) -> str:
    """The node class (shape) of an actor of this kind."""
    return _ACTOR_CLASS[kind]


# The classes by kind, made once: an enum member's `.value` is a Python-level descriptor
# in 3.11, and the aggregated views ask for a class per claim, relation and stance.
_CLAIM_CLASS = {kind: kind.value for kind in ClaimKind}
_RELATION_CLASS = {kind: f"rel-{kind.value}" for kind in RelationKind}
_STANCE_CLASS = {position: f"stance-{position.value}" for position in Position}


def claim_class(kind: ClaimKind) -> str:
    """The node class of a claim of this kind."""
    return _CLAIM_CLASS[kind]


def relation_class(kind: RelationKind) -> str:
    """The edge class of a claim-to-claim relation."""
    return _RELATION_CLASS[kind]


def stance_class(position: Position) -> str:
    """The edge class of a stance edge."""
    return _STANCE_CLASS[position]
