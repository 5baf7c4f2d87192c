"""AIF: exact structure, and the arguebuf package reading it back."""

from __future__ import annotations

import logging
from collections import Counter

import pytest

from argmap.analysis import analyse
from argmap.export.aif import aif, aif_data
from argmap.load import load_file

from .export_helpers import CURATED, bench_roundtrip, tricky


def test_tricky_map_exact_nodes_and_edges() -> None:
    data = aif_data(tricky()[0])
    nodes = [(n["nodeID"], n["type"], n["text"]) for n in data["nodes"]]
    assert nodes[:7] == [
        ("1", "I", "The town should allow a room [see #1] // now {really}"),
        ("2", "I", "Nobody has died in a room (https://example.org/x)"),
        ("3", "I", 'A room helps "dealers", they say\nover two lines'),
        ("4", "I", "A room saves lives: 3.5 per cent, U.A.E. style *and* _more_ \\ <b>"),
        ("5", "RA", "Default Inference"),  # no-deaths supports room-saves-lives
        ("6", "CA", "Default Conflict"),  # room-helps-dealers attacks allow-room
        ("7", "RA", "Default Inference"),  # room-saves-lives supports allow-room
    ]
    # Stances by id: green-party, home-office, jo-green (2), sam-chief (3).
    assert nodes[7:11] == [
        ("8", "L", "Green Party: The town should allow a room [see #1] // now {really}"),
        ("9", "YA", "Asserting"),
        ("10", "L", "Home Office: The Home Office will consider it."),
        ("11", "YA", "Pure Questioning"),
    ]
    assert [n[2] for n in nodes if n[1] == "YA"] == [
        "Asserting",
        "Pure Questioning",
        "Asserting",
        "Asserting",
        "Disagreeing",
        "Disagreeing",
        "Asserting",
    ]
    edges = [(e["fromID"], e["toID"]) for e in data["edges"]]
    assert edges[:8] == [
        ("2", "5"),
        ("5", "4"),
        ("3", "6"),
        ("6", "1"),
        ("4", "7"),
        ("7", "1"),
        ("8", "9"),
        ("9", "1"),
    ]
    assert [e["edgeID"] for e in data["edges"]] == [str(i) for i in range(1, 21)]


def test_participants_and_locutions() -> None:
    data = aif_data(tricky()[0])
    assert data["participants"] == [
        {"participantID": 1, "firstname": "Green Party", "surname": ""},
        {"participantID": 2, "firstname": "Home Office", "surname": ""},
        {"participantID": 3, "firstname": "Jo van", "surname": "Green"},
        {"participantID": 4, "firstname": "Sam", "surname": "Chief"},
    ]
    first_jo = data["locutions"][2]
    assert first_jo == {
        "nodeID": "12",
        "personID": 3,
        "argmapID": "jo-green/supports/allow-room",
        "quote": 'We should open a room, "this" year.\nNext line; and {braces} too.',
        "reported": False,
        "source": "https://example.org/a_b?x=1&y=2",
        "timestamp": "2024-03-01 00:00:00",
    }
    dated = next(loc for loc in data["locutions"] if loc["argmapID"].endswith("/herald"))
    assert dated["timestamp"] == "2024-02-11 00:00:00"  # the stance's own date
    undated = next(loc for loc in data["locutions"] if loc["argmapID"].startswith("home-office"))
    assert "timestamp" not in undated  # the Herald's date is unknown
    located = {loc["nodeID"] for loc in data["locutions"]}
    assert located == {n["nodeID"] for n in data["nodes"] if n["type"] == "L"}


@pytest.mark.parametrize("which", ["tricky", "curated"])
def test_arguebuf_reads_the_argument_layer(which: str, caplog: pytest.LogCaptureFixture) -> None:
    amap = tricky()[0] if which == "tricky" else load_file(str(CURATED)).map
    bench = bench_roundtrip()
    with caplog.at_level(logging.WARNING, logger="arguebuf"):
        seen = bench.read_aif(aif(amap, analyse(amap)))
    kinds = Counter(r.kind.value for r in amap.relations)
    assert seen == {
        "claims": len(amap.claims),
        "relations": len(amap.relations),
        "supports": kinds["supports"],
        "attacks": kinds["attacks"],
        "undercuts": kinds["undercuts"],
        "argument edges": 2 * len(amap.relations),
        "stances": len(amap.stances),
    }


def test_arguebuf_sees_the_claim_texts_and_scheme_kinds() -> None:
    import arguebuf

    data = aif_data(tricky()[0])
    graph = arguebuf.load.dict(data)
    texts = {node.id: node.plain_text for node in graph.atom_nodes.values()}
    assert texts == {n["nodeID"]: n["text"] for n in data["nodes"] if n["type"] == "I"}
    kinds = {node.id: type(node.scheme).__name__ for node in graph.scheme_nodes.values()}
    assert kinds == {"5": "Support", "6": "Attack", "7": "Support"}
    premises = sorted((e.source.id, e.target.id) for e in graph.edges.values())
    assert premises == [("2", "5"), ("3", "6"), ("4", "7"), ("5", "4"), ("6", "1"), ("7", "1")]
