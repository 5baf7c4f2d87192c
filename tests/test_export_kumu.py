"""Kumu: the blueprint's elements and connections, exact, with unique ids."""

from __future__ import annotations

from argmap.export.kumu import kumu, kumu_data

from .export_helpers import bench_roundtrip, tricky


def test_elements_exactly() -> None:
    amap, analysis = tricky()
    elements = {e["id"]: e for e in kumu_data(amap, analysis)["elements"]}
    assert list(elements) == sorted(elements)
    jo_camp = next(i for i, camp in enumerate(analysis.camps, 1) if "jo-green" in camp)
    jo_position = round(analysis.positions["jo-green"]["allow-room"].score, 4)
    assert elements["jo-green"] == {
        "id": "jo-green",
        "label": "Jo van Green",
        "type": "Actor",
        "description": "councillor, Green",
        "tags": ["Green Party"],
        "Kind": "person",
        "Camp": jo_camp,
        "Position allow-room": jo_position,
    }
    assert elements["allow-room"] == {
        "id": "allow-room",
        "label": "Allow the room",
        "type": "Proposal",
        "description": "The town should allow a room [see #1] // now {really}",
        "Acceptance": analysis.acceptance["allow-room"],
    }
    assert elements["no-deaths"]["type"] == "Evidence"
    assert elements["no-deaths"]["Source"] == "Council debates [drug] room, again"
    assert elements["room-saves-lives"]["tags"] == ["health", "two words"]
    assert "gazette" not in elements  # sources are named on connections instead


def test_connections_exactly() -> None:
    connections = kumu_data(*tricky())["connections"]
    assert [(c["id"], c["from"], c["to"], c["type"]) for c in connections] == [
        ("relation:no-deaths/supports/room-saves-lives", "no-deaths", "room-saves-lives", "supports"),
        ("relation:room-helps-dealers/attacks/allow-room", "room-helps-dealers", "allow-room", "attacks"),
        ("relation:room-saves-lives/supports/allow-room", "room-saves-lives", "allow-room", "supports"),
        ("stance:green-party/supports/allow-room", "green-party", "allow-room", "supports"),
        ("stance:home-office/neutral/allow-room", "home-office", "allow-room", "neutral"),
        ("stance:jo-green/supports/allow-room", "jo-green", "allow-room", "supports"),
        ("stance:jo-green/supports/room-saves-lives", "jo-green", "room-saves-lives", "supports"),
        ("stance:sam-chief/opposes/allow-room/gazette", "sam-chief", "allow-room", "opposes"),
        ("stance:sam-chief/opposes/allow-room/herald", "sam-chief", "allow-room", "opposes"),
        ("stance:sam-chief/supports/room-helps-dealers", "sam-chief", "room-helps-dealers", "supports"),
    ]  # fmt: skip
    assert {c["direction"] for c in connections} == {"directed"}
    herald = connections[8]
    assert herald["description"] == "No, never — ‘not here’."
    assert herald["Source"] == "Police chief doubts drug room"
    assert herald["Date"] == "2024-02-11"
    assert herald["Reported"] is False
    assert connections[1]["description"] == 'a note, with "quotes"'


def test_ids_are_unique_and_every_connection_resolves() -> None:
    amap, analysis = tricky()
    seen = bench_roundtrip().read_kumu(kumu(amap, analysis))
    assert seen == {"actors": 4, "claims": 4, "proposals": 1, "stances": 7, "relations": 3}
