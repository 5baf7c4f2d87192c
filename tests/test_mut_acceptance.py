"""`acceptance.readings()` and DF-QuAD's one pass, pinned where mutmut found a gap.

docs/testing.md, "Mutation testing: third-pass code (fourth pass)".
"""

from __future__ import annotations

import networkx as nx

from argmap.analysis.acceptance import dfquad_strengths, readings


def test_an_undercut_of_an_undercut_is_weighed_before_the_claim_it_reaches() -> None:
    # a attacks p; u undercuts that attack; v undercuts u's undercut; x attacks v. So p's
    # strength needs v's, which needs x's: in Kahn's order v comes after p unless p's
    # needs follow the undercuts down to v. Base 0.5: v = 0.5 - 0.5 * 0.5 = 0.25; u's
    # undercut weighs 1 - 0.25 = 0.75; the attack on p weighs 1 - 0.5 * 0.75 = 0.625;
    # p = 0.5 - 0.5 * (0.5 * 0.625) = 0.34375.
    g = nx.DiGraph()
    g.add_nodes_from("pauvx")
    g.add_edge("a", "p", sign=-1, relation="a/attacks/p")
    g.add_edge("x", "v", sign=-1, relation="x/attacks/v")
    cuts = {
        "a/attacks/p": [("u/undercuts/a/attacks/p", "u")],
        "u/undercuts/a/attacks/p": [("v/undercuts/u/undercuts/a/attacks/p", "v")],
    }
    expected = {"p": 0.34375, "a": 0.5, "u": 0.5, "v": 0.25, "x": 0.5}
    assert readings(g, cuts).strength == expected
    assert dfquad_strengths(g, cuts) == expected
