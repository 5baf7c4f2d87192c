"""Kumu: the blueprint's elements and connections, exact, with unique ids."""

from __future__ import annotations

from argmap.export.kumu import kumu, kumu_data

from .export_helpers import bench_roundtrip, tricky


def test_elements_exactly() -> None:
    amap, analysis = tricky()
    elements = {e["id"]: e for e in kumu_data(amap, analysis)["elements"]}
    assert list(elements) == sorted(elements)
    jo_position = round(analysis.positions["jo-green"]["allow-room"].score, 4)
    assert elements["jo-green"] == {
        "id": "jo-green",
        "label": "Jo van Green",
        "type": "Actor",
        "description": "councillor, Green",
        "tags": ["Green Party"],
        "Kind": "person",
        "Camp": 1,
        "Camp name": "For: Allow the room · mean +1.00 · 2 actors",
        "Position allow-room": jo_position,
    }
    assert elements["home-office"] == {  # unaligned: no camp at all
        "id": "home-office",
        "label": "Home Office",
        "type": "Actor",
        "Kind": "government",
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
        ("relation:no-deaths_2f_supports_2f_room-saves-lives", "no-deaths", "room-saves-lives", "supports"),
        ("relation:room-helps-dealers_2f_attacks_2f_allow-room", "room-helps-dealers", "allow-room", "attacks"),
        ("relation:room-saves-lives_2f_supports_2f_allow-room", "room-saves-lives", "allow-room", "supports"),
        ("stance:green-party_2f_supports_2f_allow-room", "green-party", "allow-room", "stance supports"),
        ("stance:home-office_2f_neutral_2f_allow-room", "home-office", "allow-room", "stance neutral"),
        ("stance:jo-green_2f_supports_2f_allow-room", "jo-green", "allow-room", "stance supports"),
        ("stance:jo-green_2f_supports_2f_room-saves-lives", "jo-green", "room-saves-lives", "stance supports"),
        ("stance:sam-chief_2f_opposes_2f_allow-room_2f_gazette", "sam-chief", "allow-room", "stance opposes"),
        ("stance:sam-chief_2f_opposes_2f_allow-room_2f_herald", "sam-chief", "allow-room", "stance opposes"),
        ("stance:sam-chief_2f_supports_2f_room-helps-dealers", "sam-chief", "room-helps-dealers", "stance supports"),
    ]  # fmt: skip
    assert {c["direction"] for c in connections} == {"directed"}
    assert all("/" not in c["id"] for c in connections)
    herald = connections[8]
    assert herald == {
        "id": "stance:sam-chief_2f_opposes_2f_allow-room_2f_herald",
        "from": "sam-chief",
        "to": "allow-room",
        "type": "stance opposes",
        "direction": "directed",
        "description": "No, never — ‘not here’.",
        "Argmap ID": "sam-chief/opposes/allow-room/herald",
        "Position": "opposes",
        "Source": "Police chief doubts drug room",
        "Date": "2024-02-11",
        "Reported": "no",
    }
    neutral = connections[4]  # the Herald's date is unknown: no Date, never "unknown"
    assert "Date" not in neutral and neutral["Reported"] == "yes"
    assert connections[1]["description"] == 'a note, with "quotes"'
    values = [v for c in connections for v in c.values()]
    assert "unknown" not in values and not any(isinstance(v, bool) for v in values)


def test_ids_are_unique_and_every_connection_resolves() -> None:
    amap, analysis = tricky()
    seen = bench_roundtrip().read_kumu(kumu(amap, analysis))
    assert seen == {
        "actors": 4, "claims": 4, "proposals": 1, "stances": 7, "relations": 3, "undercuts": 0,
        "stance types shared with a relation": 0, "'unknown' values": 0,
    }  # fmt: skip
