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
GEXF = "{http://gexf.net/1.3}"


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
    # sam-chief's two stances on allow-room are one edge: Gephi would merge them anyway.
    assert graph.is_directed() and not graph.is_multigraph()
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
    edges = sorted(
        (u, v, d["type"], d["kind"], d["count"], d["weight"]) for u, v, d in graph.edges(data=True)
    )
    assert edges == [
        ("green-party", "allow-room", "stance", "supports", 1, 1.0),
        ("home-office", "allow-room", "stance", "neutral", 1, 1.0),
        ("jo-green", "allow-room", "stance", "supports", 1, 1.0),
        ("jo-green", "room-saves-lives", "stance", "supports", 1, 1.0),
        ("no-deaths", "room-saves-lives", "relation", "supports", 1, 1.0),
        ("room-helps-dealers", "allow-room", "relation", "attacks", 1, 1.0),
        ("room-saves-lives", "allow-room", "relation", "supports", 1, 1.0),
        ("sam-chief", "allow-room", "stance", "opposes", 2, 2.0),
        ("sam-chief", "room-helps-dealers", "stance", "supports", 1, 1.0),
    ]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_parallel_stances_are_one_edge_with_counts(fmt: str) -> None:
    graph = read(fmt, export(fmt))
    sam = graph.edges["sam-chief", "allow-room"]
    assert (sam["supports"], sam["opposes"], sam["neutral"], sam["sign"]) == (0, 2, 0, -1.0)
    assert sam["argmap_id"] == (
        "sam-chief/opposes/allow-room/gazette; sam-chief/opposes/allow-room/herald"
    )
    assert sam["source"] == "gazette; herald"
    assert (sam["date"], sam["dates"]) == ("2024-02-11", "2024-02-11; 2024-03-01")
    neutral = graph.edges["home-office", "allow-room"]
    assert (neutral["weight"], neutral["sign"], neutral["neutral"]) == (1.0, 0.0, 1)


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
    for attribute in root.iter(f"{GEXF}attribute"):
        default = attribute.find(f"{GEXF}default")
        assert default is not None, attribute.get("title")
    # GEXF's meta has no title: the description holds both, so neither is lost.
    assert [e.text for e in root.iter(f"{GEXF}description")] == [
        'Rooms, "safe" & <sound>? — Two lines\nof description.'
    ]


def test_gexf_dates_are_gephi_timestamps_and_kinds_keep_parallel_types_apart() -> None:
    root = ET.fromstring(export("gexf"))
    graph = root.find(f"{GEXF}graph")
    assert graph is not None
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    edges = {e.get("id"): e for e in root.iter(f"{GEXF}edge")}
    sam = edges["stance:sam-chief:allow-room"]
    assert (sam.get("start"), sam.get("kind"), sam.get("weight")) == (
        "2024-02-11",
        "opposes",
        "2.0",
    )
    assert edges["stance:home-office:allow-room"].get("start") is None  # no date known
    assert edges["relation:room-helps-dealers:allow-room:attacks"].get("kind") == "attacks"


def test_graphml_keys_have_defaults_so_absent_is_not_zero() -> None:
    root = ET.fromstring(export("graphml"))
    defaults = {
        (k.get("for"), k.get("attr.name")): k.findtext(f"{GRAPHML}default")
        for k in root.findall(f"{GRAPHML}key")
    }
    assert defaults["node", "position_allow-room"] == "NaN"
    assert defaults["node", "camp"] == "0"
    assert defaults["node", "role"] == ""
    assert defaults["edge", "reported"] == "false"
    assert defaults["graph", "title"] == ""
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None
    titles = [d.text for d in graph.findall(f"{GRAPHML}data")]
    assert titles == ['Rooms, "safe" & <sound>?', "Two lines\nof description."]


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
def test_stances_network_is_two_mode_with_counted_weights(fmt: str) -> None:
    graph = read(fmt, export(fmt, "stances"))
    assert {t for _, t in graph.nodes(data="type")} == {"actor", "claim"}
    weights = sorted((u, v, d["weight"], d["sign"]) for u, v, d in graph.edges(data=True))
    # weight counts stances (never 0, which Gephi drops); the sign is its own attribute.
    assert weights == [
        ("green-party", "allow-room", 1.0, 1.0),
        ("home-office", "allow-room", 1.0, 0.0),
        ("jo-green", "allow-room", 1.0, 1.0),
        ("jo-green", "room-saves-lives", 1.0, 1.0),
        ("sam-chief", "allow-room", 2.0, -1.0),
        ("sam-chief", "room-helps-dealers", 1.0, 1.0),
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
