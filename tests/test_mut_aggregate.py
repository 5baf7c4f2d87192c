"""`aggregate.legend` as data: each aggregated drawing's rule and swatches, exactly.

Mutation testing (docs/testing.md, fourth pass) found the legend's entries reached only by
the browser tests; here each entry is pinned on the page data, without chromium.
"""

from __future__ import annotations

import pytest

from argmap.render.aggregate import legend

ARGUMENT_RULE = (
    "Aggregated: the map is too big to draw claim by claim. A cluster is a claim with every"
    " claim under it: each claim sits under the claim it argues about that is nearest a"
    " proposal. Click a cluster for its counts; \u201cOpen\u201d draws it."
)
STANCES_RULE = (
    "Aggregated: claims in clusters as on the argument map, actors in their camps; a line"
    " counts a camp's stances on a cluster's claims."
)
CAMPS_RULE = (
    "Aggregated: one node per camp; a line is the sum of the agreement weights of every"
    " pair of actors between two camps. Click a camp, then \u201cOpen\u201d."
)

CLAIMS_NODE: dict[str, object] = {
    "text": "A cluster of claims (a double border): click for what it holds, open it to see them",
    "node": {"shape": "box", "fill": "#EAF2F8", "stroke": "#00466E", "width": 3, "rx": 3},
    "edge": None,
    "swatches": [],
    "id": "",
}
# The camp node has no colour of its own (each camp's is set per node): the swatch is
# the colour of the actors outside any camp, with the aggregates' dark border.
ACTORS_NODE: dict[str, object] = {
    "text": "A camp, or part of one (a big dot, in its camp's colour): click for its actors",
    "node": {"shape": "dot", "fill": "#D9D9D9", "stroke": "#1A1A1A", "width": 3, "rx": 3},
    "edge": None,
    "swatches": [],
    "id": "",
}


def edge(text: str, colour: str, dash: str, arrow: bool) -> dict[str, object]:
    return {
        "text": text,
        "node": None,
        "edge": {"colour": colour, "dash": dash, "arrow": arrow},
        "swatches": [],
        "id": "",
    }


def rule(text: str) -> dict[str, object]:
    return {"text": text, "node": None, "edge": None, "swatches": [], "id": ""}


def test_the_argument_overview_legend() -> None:
    assert legend("argument", ["agg-claims"], ["agg-attacks", "agg-supports"]) == [
        rule(ARGUMENT_RULE),
        CLAIMS_NODE,
        edge(
            "supports between clusters: the number on the line counts the relations",
            "#009E73",
            "",
            True,
        ),
        edge(
            "attacks between clusters: the number on the line counts the relations",
            "#D55E00",
            "10,6",
            True,
        ),
    ]


def test_the_stance_overview_legend_in_the_styles_order_not_the_callers() -> None:
    drawn_edges = iter(["agg-stance-even", "agg-stance-against", "agg-stance-for"])
    assert legend("stances", ("agg-actors", "agg-claims"), drawn_edges) == [
        rule(STANCES_RULE),
        CLAIMS_NODE,
        ACTORS_NODE,
        edge(
            "a camp's stances on a cluster, more supporting than opposing"
            " (+ supports, \u2212 opposes, 0 neutral: the counts)",
            "#0072B2",
            "",
            False,
        ),
        edge(
            "a camp's stances on a cluster, more opposing than supporting",
            "#D55E00",
            "10,6",
            False,
        ),
        edge(
            "a camp's stances on a cluster, as many supporting as opposing",
            "#8C8C8C",
            "2,5",
            False,
        ),
    ]


def test_the_camps_overview_legend() -> None:
    assert legend("camps", ["agg-actors"], ["agg-conflict", "agg-agree"]) == [
        rule(CAMPS_RULE),
        ACTORS_NODE,
        edge(
            "net agreement between camps: the sum of the weights of every pair of their actors",
            "#0072B2",
            "",
            False,
        ),
        edge("net conflict between camps: the sum is below zero", "#D55E00", "10,6", False),
    ]


def test_only_the_classes_drawn_have_an_entry() -> None:
    assert legend("camps", [], []) == [rule(CAMPS_RULE)]
    # A plain drawing's classes (and a misspelt one) add nothing; an aggregate's class is
    # listed whichever view draws it.
    assert legend("argument", ["claim", "agg-actor"], ["rel-supports", "agg-agree"]) == [
        rule(ARGUMENT_RULE),
        edge(
            "net agreement between camps: the sum of the weights of every pair of their actors",
            "#0072B2",
            "",
            False,
        ),
    ]


def test_a_view_without_aggregates_has_no_rule() -> None:
    with pytest.raises(KeyError):
        legend("sources", [], [])
