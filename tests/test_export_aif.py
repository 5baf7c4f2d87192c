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
    # Stances by id: green-party (reported, no quote), home-office (neutral), ...
    assert nodes[7:13] == [
        ("8", "L", "Green Party (reported by The Gazette): (supports: Allow the room; no quote recorded)"),
        ("9", "YA", "Asserting"),
        ("10", "I", "(supports: Allow the room; no quote recorded)"),
        ("11", "RA", "Default Inference"),
        ("12", "L", "Home Office (reported by The Herald): The Home Office will consider it."),
        ("13", "YA", "Pure Questioning"),
    ]  # fmt: skip
    # sam-chief opposes allow-room in the Herald: his quote is its own I node, which
    # attacks the claim; the claim's I node is never anchored to his locution.
    assert nodes[25:29] == [
        ("26", "L", "Sam Chief: No, never — ‘not here’."),
        ("27", "YA", "Asserting"),
        ("28", "I", "No, never — ‘not here’."),
        ("29", "CA", "Default Conflict"),
    ]
    edges = [(e["fromID"], e["toID"]) for e in data["edges"]]
    assert edges[:13] == [
        ("2", "5"), ("5", "4"), ("3", "6"), ("6", "1"), ("4", "7"), ("7", "1"),
        ("8", "9"), ("9", "10"), ("10", "11"), ("11", "1"),  # L -> YA -> I -> RA -> claim
        ("12", "13"), ("13", "1"),  # neutral: L -> YA (questioning) -> claim
        ("14", "15"),
    ]  # fmt: skip
    assert ("26", "27") in edges and ("27", "28") in edges and ("28", "29") in edges
    assert ("29", "1") in edges
    assert [e["edgeID"] for e in data["edges"]] == [str(i) for i in range(1, len(edges) + 1)]
    anchored = {to for ya, to in edges if nodes[int(ya) - 1][1] == "YA"}
    # Locutions anchor the quotes' I nodes; a claim's only through a neutral question.
    assert anchored == {"1", "10", "16", "20", "24", "28", "32"}


def test_participants_and_locutions() -> None:
    data = aif_data(tricky()[0])
    assert data["participants"] == [
        {"participantID": "1", "firstname": "Green Party", "surname": ""},
        {"participantID": "2", "firstname": "Home Office", "surname": ""},
        {"participantID": "3", "firstname": "Jo van Green", "surname": ""},  # not split
        {"participantID": "4", "firstname": "Sam Chief", "surname": ""},
    ]
    first_jo = data["locutions"][2]
    assert first_jo == {
        "nodeID": "14",
        "personID": "3",
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
    stamped = {n["nodeID"]: n.get("timestamp") for n in data["nodes"] if n["type"] == "L"}
    assert stamped["14"] == "2024-03-01 00:00:00" and stamped["12"] is None
    notes = [n["note"] for n in data["nodes"] if "note" in n]
    assert notes == ['a note, with "quotes"']


@pytest.mark.parametrize("which", ["tricky", "curated"])
def test_arguebuf_reads_the_argument_layer(which: str, caplog: pytest.LogCaptureFixture) -> None:
    amap = tricky()[0] if which == "tricky" else load_file(str(CURATED)).map
    bench = bench_roundtrip()
    with caplog.at_level(logging.WARNING, logger="arguebuf"):
        seen = bench.read_aif(aif(amap, analyse(amap)))
    kinds = Counter(r.kind.value for r in amap.relations)
    positions = Counter(s.position.value for s in amap.stances)
    taking = positions["supports"] + positions["opposes"]
    assert seen == {
        "I nodes": len(amap.claims) + taking,
        "S nodes": len(amap.relations) + taking,
        "supports": kinds["supports"] + positions["supports"],
        "attacks": kinds["attacks"] + positions["opposes"],
        "undercuts": kinds["undercuts"],
        "argument edges": 2 * (len(amap.relations) + taking),
        "stances": len(amap.stances),
        "claims asserted by an opponent": 0,
    }


def test_arguebuf_sees_the_claim_texts_and_scheme_kinds() -> None:
    import arguebuf

    data = aif_data(tricky()[0])
    graph = arguebuf.load.dict(data)
    texts = {node.id: node.plain_text for node in graph.atom_nodes.values()}
    assert texts == {n["nodeID"]: n["text"] for n in data["nodes"] if n["type"] == "I"}
    kinds = {node.id: type(node.scheme).__name__ for node in graph.scheme_nodes.values()}
    assert {k: kinds[k] for k in ("5", "6", "7", "25", "29")} == {
        "5": "Support", "6": "Attack", "7": "Support", "25": "Attack", "29": "Attack",
    }  # fmt: skip
    premises = sorted((e.source.id, e.target.id) for e in graph.edges.values())
    assert premises[:6] == [
        ("10", "11"), ("11", "1"), ("16", "17"), ("17", "1"), ("2", "5"), ("20", "21"),
    ]  # fmt: skip
