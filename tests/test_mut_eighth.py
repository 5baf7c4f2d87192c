"""What mutmut found untested in the eighth pass's code (docs/testing.md, "Mutation runs
(ninth pass)"): an attack kept over a later relation between the same two claims, the
agreement pairs' keys past 32 bits, and the page's JSON in several of the encoder's parts."""

from __future__ import annotations

import json

from argmap.analysis.camps import network
from argmap.analysis.graph import StanceEdges, map_argument_edges
from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationKind
from argmap.render.html import script_json, script_json_parts


def _edge(relation: str, kind: str) -> dict[str, object]:
    return {
        "kind": kind,
        "sign": -1 if kind == "attacks" else 1,
        "relation": relation,
        "source": None,
        "inferred": False,
    }


def test_an_attack_is_kept_over_a_later_relation_between_the_same_claims() -> None:
    # As argument_graph keeps it: an attack is never replaced; anything else is.
    amap = ArgumentMap(
        title="t",
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("a", "A"), Claim("b", "B")),
        relations=(
            Relation("a/attacks/p", "a", "p", RelationKind.ATTACKS),
            Relation("a/supports/p", "a", "p", RelationKind.SUPPORTS),
            Relation("b/supports/p", "b", "p", RelationKind.SUPPORTS),
            Relation("b/attacks/p", "b", "p", RelationKind.ATTACKS),
            Relation("b/supports/p/2", "b", "p", RelationKind.SUPPORTS),
        ),
    )
    targets = map_argument_edges(amap).targets
    assert {claim: dict(out) for claim, out in targets.items()} == {
        "p": {},
        "a": {"p": _edge("a/attacks/p", "attacks")},
        "b": {"p": _edge("b/attacks/p", "attacks")},
    }


def test_pairs_of_actors_numbered_past_32_bits_keep_their_actors() -> None:
    # 46,342 actors: the last two's pair key, (n - 2) * n + (n - 1), is past 2**31, so
    # the keys must be 64-bit integers (at 46,341 actors it is still under 2**31).
    actors = tuple(f"a{i:05d}" for i in range(46_342))
    edges = [(actor, f"own-{actor}", f"{actor}/s", 1, "s") for actor in actors]
    edges += [(actor, "shared", f"{actor}/shared", 1, "s") for actor in actors[-2:]]
    edges += [(actors[0], "shared", f"{actors[0]}/shared", -1, "s")]
    pairs = tuple(network(StanceEdges(actors, edges)).sorted_edges())
    assert pairs == (
        ("a00000", "a46340", -1.0),
        ("a00000", "a46341", -1.0),
        ("a46340", "a46341", 1.0),
    )


def test_the_page_json_in_several_parts_is_the_whole_text() -> None:
    # Big enough that the encoder hands it over in more than one piece.
    value = {"rows": [[f"r{i}", i, "<&>"] for i in range(60_000)], "a": "\u2028"}
    parts = script_json_parts(value)
    assert len(parts) > 1
    expected = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028":
        expected = expected.replace(char, f"\\u{ord(char):04x}")
    assert script_json(value) == expected
    assert "".join(parts) == expected
