"""GraphML and GEXF validate against their official schemas (tests/fixtures/xsd)."""

from __future__ import annotations

import io
import re

import networkx as nx
import pytest
from lxml import etree

from argmap.analysis import analyse
from argmap.export.graph import NETWORKS, edge_id, gexf, graphml
from argmap.load import load_file, loads

from .export_helpers import CURATED, ROOT, tricky

XSD = ROOT / "tests" / "fixtures" / "xsd"
SCHEMAS = {"graphml": XSD / "graphml-1.1" / "graphml.xsd", "gexf": XSD / "gexf-1.3" / "gexf.xsd"}
WRITERS = {"graphml": graphml, "gexf": gexf}
NMTOKEN = re.compile(r"[\w.:-]+\Z")

UNDERCUT = """\
title: T
sources:
  s: {title: S, publisher: P, date: 2023-05}
actors:
  jo: {name: Jo, kind: person}
claims:
  allow: {kind: proposal, text: Allow it}
  illegal: {text: It is illegal}
  change: {text: The law can change}
stances:
  - {actor: jo, supports: change, source: s, quote: q, note: seen on page 2}
relations:
  - {from: illegal, attacks: allow, source: s}
  - {from: change, undercuts: illegal/attacks/allow, source: s, note: why}
"""


def errors(fmt: str, text: str) -> list[str]:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS[fmt])))
    schema.validate(etree.fromstring(text.encode("utf-8")))
    return [f"{e.line}: {e.message}" for e in schema.error_log]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("network", NETWORKS)
def test_curated_and_tricky_maps_validate(fmt: str, network: str) -> None:
    curated = load_file(str(CURATED)).map
    for amap, analysis in ((curated, analyse(curated)), tricky()):
        assert errors(fmt, WRITERS[fmt](amap, analysis, network)) == []


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_the_schema_rejects_what_readers_choke_on(fmt: str) -> None:
    # The old edge ids held `/`, not an NMTOKEN: the GraphML schema must say so.
    amap, analysis = tricky()
    text = WRITERS[fmt](amap, analysis, "full")
    if fmt == "graphml":
        broken = text.replace('id="stance:jo-green:allow-room"', 'id="stance:jo/green"')
        assert any("NMTOKEN" in e for e in errors(fmt, broken))
    else:
        broken = text.replace('version="1.3"', 'version="1.2"')
        assert errors(fmt, broken) != []


def test_edge_ids_are_nmtokens_and_distinct() -> None:
    assert edge_id("stance", "a/b", "c") == "stance:a_2f_b:c"
    assert edge_id("stance", "a_2f_b", "c") == "stance:a_5f_2f_5f_b:c"  # no collision
    curated = load_file(str(CURATED)).map
    root = etree.fromstring(graphml(curated, analyse(curated)).encode("utf-8"))
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) and all(NMTOKEN.match(i or "") for i in ids)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_an_undercut_is_a_typed_edge_to_the_claim_it_defends_against(fmt: str) -> None:
    amap = loads(UNDERCUT).map
    text = WRITERS[fmt](amap, analyse(amap), "full")
    assert errors(fmt, text) == []
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    graph = reader(io.BytesIO(text.encode("utf-8")))
    undercut = graph.edges["change", "allow"]
    assert (undercut["type"], undercut["kind"]) == ("relation", "undercuts")
    assert undercut["undercuts"] == "illegal/attacks/allow"
    assert (undercut["note"], undercut["sign"]) == ("why", -1.0)
    assert graph.edges["jo", "change"]["note"] == "seen on page 2"
    assert graph.edges["jo", "change"]["date"] == "2023-05"
    if fmt == "gexf":
        assert 'start="2023-05-01"' in text  # a month is its first day for Gephi


def test_stated_and_inferred_positions_are_separate_attributes() -> None:
    text = """\
title: T
sources:
  a: {title: A, publisher: P, date: unknown}
  b: {title: B, publisher: P, date: unknown}
actors:
  jo: {name: Jo, kind: person}
claims:
  allow: {kind: proposal, text: Allow it}
  safe: {text: It is safe}
stances:
  - {actor: jo, supports: safe, source: a}
relations:
  - {from: safe, supports: allow, source: b}
"""
    amap = loads(text).map
    analysis = analyse(amap)
    assert "allow" not in analysis.positions.get("jo", {})
    graph = nx.read_graphml(io.BytesIO(graphml(amap, analysis).encode("utf-8")))
    jo = graph.nodes["jo"]
    assert "position_allow" not in jo
    assert jo["inferred_position_allow"] == round(
        analysis.inferred_positions["jo"]["allow"].score, 4
    )


def test_gexf_meta_carries_the_title_and_the_description_and_validates() -> None:
    amap, analysis = tricky()
    text = gexf(amap, analysis)
    assert (
        "  <meta>\n    <creator>argmap</creator>\n"
        '    <description>Rooms, "safe" &amp; &lt;sound&gt;? — Two lines\n'
        "of description.</description>\n  </meta>\n"
    ) in text
    assert errors("gexf", text) == []
    # A map with no description: the title alone, never an empty description.
    untitled = loads(UNDERCUT).map
    text = gexf(untitled, analyse(untitled))
    assert "<description>T</description>" in text
    assert errors("gexf", text) == []
