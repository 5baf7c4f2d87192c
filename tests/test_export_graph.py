"""GraphML and GEXF: read back by networkx, flat typed attributes only, deterministic."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.export import NETWORKS as COMMAND_NETWORKS
from argmap.export.graph import NETWORKS, build_network, gexf, graphml

from .export_helpers import TRICKY, tricky

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"


def read(fmt: str, text: str) -> nx.Graph:
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    return reader(io.BytesIO(text.encode("utf-8")))


def export(fmt: str, network: str = "full") -> str:
    amap, analysis = tricky()
    return (graphml if fmt == "graphml" else gexf)(amap, analysis, network)


def test_the_command_offers_the_same_networks() -> None:
    assert COMMAND_NETWORKS == NETWORKS == ("full", "agreement", "stances")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_full_network_nodes_and_edges(fmt: str) -> None:
    graph = read(fmt, export(fmt))
    assert graph.is_directed() and graph.is_multigraph()  # sam-chief has two stances
    assert sorted(graph.nodes(data="type")) == [
        ("allow-room", "claim"),
        ("gazette", "source"),
        ("green-party", "actor"),
        ("herald", "source"),
        ("home-office", "actor"),
        ("jo-green", "actor"),
        ("no-deaths", "claim"),
        ("room-helps-dealers", "claim"),
        ("room-saves-lives", "claim"),
        ("sam-chief", "actor"),
    ]
    edges = sorted((u, v, d["type"], d["kind"]) for u, v, d in graph.edges(data=True))
    assert edges == [
        ("green-party", "allow-room", "stance", "supports"),
        ("home-office", "allow-room", "stance", "neutral"),
        ("jo-green", "allow-room", "stance", "supports"),
        ("jo-green", "room-saves-lives", "stance", "supports"),
        ("no-deaths", "room-saves-lives", "relation", "supports"),
        ("room-helps-dealers", "allow-room", "relation", "attacks"),
        ("room-saves-lives", "allow-room", "relation", "supports"),
        ("sam-chief", "allow-room", "stance", "opposes"),
        ("sam-chief", "allow-room", "stance", "opposes"),
        ("sam-chief", "room-helps-dealers", "stance", "supports"),
    ]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_attributes_survive_with_their_types(fmt: str) -> None:
    _, analysis = tricky()
    graph = read(fmt, export(fmt))
    jo = graph.nodes["jo-green"]
    assert jo["label"] == "Jo van Green"
    assert jo["role"] == "councillor, Green"
    assert jo["affiliations"] == "Green Party"
    camp = next(i for i, camp in enumerate(analysis.camps, 1) if "jo-green" in camp)
    assert jo["camp"] == camp
    assert jo["position_allow-room"] == round(analysis.positions["jo-green"]["allow-room"].score, 4)
    sam = graph.nodes["sam-chief"]
    assert sam["position_allow-room"] == -1.0
    room = graph.nodes["allow-room"]
    assert room["text"] == "The town should allow a room [see #1] // now {really}"
    assert room["label"] == "Allow the room"
    assert room["proposal"] is True
    assert graph.nodes["no-deaths"]["proposal"] is False
    assert graph.nodes["room-saves-lives"]["tags"] == "health; two words"
    # networkx keeps a GraphML edge id as the multigraph key, a GEXF one as an attribute.
    stance = next(
        d
        for *_, key, d in graph.edges(keys=True, data=True)
        if d.get("id", key) == "stance:jo-green/supports/allow-room"
    )
    assert stance["quote"] == 'We should open a room, "this" year.\nNext line; and {braces} too.'
    assert stance["reported"] is False
    assert stance["sign"] == 1.0
    assert stance["source"] == "gazette"
    assert graph.nodes["gazette"]["url"] == "https://example.org/a_b?x=1&y=2"
    assert "role" not in graph.nodes["green-party"]  # absent, not an empty string


def test_graphml_declares_every_key_with_a_flat_type() -> None:
    root = ET.fromstring(export("graphml"))
    keys = root.findall(f"{GRAPHML}key")
    declared = {k.get("id"): (k.get("for"), k.get("attr.type")) for k in keys}
    assert {kind for _, kind in declared.values()} == {"string", "double", "boolean", "int"}
    for data in root.iter(f"{GRAPHML}data"):
        assert data.get("key") in declared
        assert len(data) == 0  # no nested markup: a value is text only
    names = [k.get("attr.name") for k in keys if k.get("for") == "node"]
    assert names[:3] == ["label", "type", "kind"]
    assert names[3:] == sorted(names[3:])


def test_gexf_declares_every_attribute_and_has_no_date() -> None:
    text = export("gexf")
    assert "lastmodifieddate" not in text
    root = ET.fromstring(text)
    graph = root.find(f"{GEXF}graph")
    assert graph is not None and graph.get("defaultedgetype") == "directed"
    types = {a.get("type") for a in root.iter(f"{GEXF}attribute")}
    assert types == {"string", "double", "boolean", "integer"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_agreement_network(fmt: str) -> None:
    _, analysis = tricky()
    graph = read(fmt, export(fmt, "agreement"))
    assert not graph.is_directed()
    assert sorted(graph.nodes) == ["green-party", "home-office", "jo-green", "sam-chief"]
    assert {n for _, n in graph.nodes(data="type")} == {"actor"}
    weights = sorted((*sorted((u, v)), w) for u, v, w in graph.edges(data="weight"))
    assert weights == [(a, b, round(w, 4)) for a, b, w in analysis.agreement]
    assert weights == [
        ("green-party", "jo-green", 1.0),
        ("green-party", "sam-chief", -1.0),
        (
            "jo-green",
            "sam-chief",
            -1.0,
        ),
    ]
    frustrated = {tuple(sorted((u, v))) for u, v, f in graph.edges(data="frustrated") if f}
    assert frustrated == set(analysis.frustration)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_stances_network_is_two_mode_with_signed_weights(fmt: str) -> None:
    graph = read(fmt, export(fmt, "stances"))
    assert {t for _, t in graph.nodes(data="type")} == {"actor", "claim"}
    weights = sorted((u, v, w) for u, v, w in graph.edges(data="weight"))
    assert weights == [
        ("green-party", "allow-room", 1.0),
        ("home-office", "allow-room", 0.0),
        ("jo-green", "allow-room", 1.0),
        ("jo-green", "room-saves-lives", 1.0),
        ("sam-chief", "allow-room", -1.0),
        ("sam-chief", "allow-room", -1.0),
        ("sam-chief", "room-helps-dealers", 1.0),
    ]


def test_characters_xml_cannot_hold_are_dropped() -> None:
    amap, analysis = tricky()
    bell = TRICKY.replace("Jo van Green", '"Jo\\a van Green"')
    from argmap.load import loads

    amap = loads(bell).map
    assert amap.actors_by_id["jo-green"].name == "Jo\a van Green"
    for fmt in ("graphml", "gexf"):
        text = (graphml if fmt == "graphml" else gexf)(amap, analysis)
        assert read(fmt, text).nodes["jo-green"]["label"] == "Jo van Green"


def test_unknown_network_is_a_value_error() -> None:
    amap, analysis = tricky()
    with pytest.raises(ValueError, match="unknown network 'ego'; use one of full, agreement"):
        build_network(amap, analysis, "ego")


def test_cli_writes_each_network(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "map.yaml").write_text(TRICKY, encoding="utf-8")
    runner = CliRunner()
    for network in NETWORKS:
        target = folder / f"{network}.gexf"
        args = ["export", "--format", "gexf", "--network", network, "-o", str(target)]
        result = runner.invoke(cli, [*args, str(folder / "map.yaml")])
        assert result.exit_code == 0, result.output
        amap, analysis = tricky()
        assert target.read_text(encoding="utf-8") == gexf(amap, analysis, network)
    result = runner.invoke(
        cli, ["export", "--format", "graphml", "-o", "-", str(folder / "map.yaml")]
    )
    assert result.exit_code == 0
    assert result.stdout == graphml(*tricky())


def test_network_is_refused_for_formats_without_one(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "map.yaml"
    path.write_text(TRICKY, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["export", "--format", "csv", "--network", "agreement", str(path)]
    )
    assert result.exit_code == 2
    assert "Error: --network applies only to gexf and graphml" in result.output
