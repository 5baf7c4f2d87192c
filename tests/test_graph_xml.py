"""The GraphML and GEXF text is exactly what ElementTree wrote before (`ET.indent`, then
`ET.tostring(root, "unicode")`): the exporter now writes the text itself, because a tree of
every agreement edge took gigabytes. The old ElementTree writers are kept below, verbatim,
as the reference, and both run on the golden maps' networks and on random networks full of
what XML must escape or drop."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

import pytest

from argmap import pipeline
from argmap.analysis import analyse
from argmap.export.graph import (
    _DEFAULTS,
    _GEXF_TYPES,
    NETWORKS,
    Kind,
    Network,
    Value,
    _keys,
    _text,
    _timestamp,
    build_network,
    to_gexf,
    to_graphml,
)

from .export_helpers import CURATED, tricky

# ---- the reference: argmap/export/graph.py's writers at 7185b90 -------------------------


def _ref_serialise(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def ref_graphml(net: Network) -> str:
    """A `Network` as GraphML 1.1 text: one `<key>` per attribute, typed, with a default.

    The map's title and description are graph-level data. Gephi takes the node attribute
    `label` as the node's label and the edge attribute `weight` as the edge's weight.
    """
    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    graph_keys: dict[str, Kind] = {"title": "string", "description": "string"}
    node_keys = _keys(attrs for _, attrs in net.nodes)
    edge_keys = _keys(attrs for *_, attrs in net.edges)
    ids: dict[tuple[str, str], str] = {}
    for domain, keys in (("graph", graph_keys), ("node", node_keys), ("edge", edge_keys)):
        for name, kind in keys.items():
            ids[domain, name] = key_id = f"d{len(ids)}"
            attrib = {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
            ET.SubElement(ET.SubElement(root, "key", attrib), "default").text = _DEFAULTS[kind]
    edgedefault = "directed" if net.directed else "undirected"
    graph = ET.SubElement(root, "graph", {"id": "argmap", "edgedefault": edgedefault})
    for name, value in (("title", net.title), ("description", net.description)):
        if value:
            ET.SubElement(graph, "data", {"key": ids["graph", name]}).text = _text(value)
    for node_id, attrs in net.nodes:
        node = ET.SubElement(graph, "node", {"id": _text(node_id)})
        for name in node_keys:
            if name in attrs:
                ET.SubElement(node, "data", {"key": ids["node", name]}).text = _text(attrs[name])
    for eid, source, target, attrs in net.edges:
        edge = ET.SubElement(graph, "edge", {"id": eid, "source": source, "target": target})
        for name in edge_keys:
            if name in attrs:
                ET.SubElement(edge, "data", {"key": ids["edge", name]}).text = _text(attrs[name])
    return _ref_serialise(root)


_GEXF_TYPES_UNUSED = {
    "string": "string",
    "double": "double",
    "boolean": "boolean",
    "int": "integer",
}
_FULL_DATE_UNUSED = re.compile(r"\d{4}-\d\d-\d\d\Z")


def ref_gexf(net: Network) -> str:
    """A `Network` as GEXF 1.3 text, the format Gephi reads natively.

    Node labels and edge weights are GEXF's own `label` and `weight`; an edge's GEXF
    `kind` is its argmap kind, so Gephi keeps a support and an attack between the same
    claims apart. A dated edge starts (`start`) on its earliest date, so Gephi's timeline
    shows stances appear; a year or month is written as its first day (the `date`
    attribute keeps what the map says). GEXF's `<meta>` has a description but no title,
    so its `<description>` holds both, `TITLE — DESCRIPTION` (the title alone when there
    is no description): one element, since readers keep one. No `lastmodifieddate`: the
    output does not change from one day to the next.
    """
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "argmap"
    about = " — ".join(part for part in (net.title, net.description) if part)
    ET.SubElement(meta, "description").text = _text(about)
    dated = any("date" in attrs for *_, attrs in net.edges)
    mode = {"mode": "dynamic", "timeformat": "date"} if dated else {"mode": "static"}
    edgetype = "directed" if net.directed else "undirected"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": edgetype, **mode})
    node_keys = _keys(attrs for _, attrs in net.nodes)
    edge_keys = _keys(attrs for *_, attrs in net.edges)
    node_keys.pop("label", None)
    edge_keys.pop("weight", None)
    for domain, keys in (("node", node_keys), ("edge", edge_keys)):
        if keys:
            declared = ET.SubElement(graph, "attributes", {"class": domain, "mode": "static"})
            for index, (name, kind) in enumerate(keys.items()):
                attrib = {"id": str(index), "title": name, "type": _GEXF_TYPES[kind]}
                attribute = ET.SubElement(declared, "attribute", attrib)
                ET.SubElement(attribute, "default").text = _DEFAULTS[kind]
    nodes = ET.SubElement(graph, "nodes")
    for node_id, attrs in net.nodes:
        label = _text(attrs.get("label", node_id))
        node = ET.SubElement(nodes, "node", {"id": _text(node_id), "label": label})
        _ref_attvalues(node, attrs, node_keys)
    edges = ET.SubElement(graph, "edges")
    for eid, source, target, attrs in net.edges:
        ends = {"id": eid, "source": source, "target": target}
        if "weight" in attrs:
            ends["weight"] = _text(attrs["weight"])
        if "kind" in attrs and net.directed:
            ends["kind"] = _text(attrs["kind"])
        if "date" in attrs:
            ends["start"] = _timestamp(str(attrs["date"]))
        _ref_attvalues(ET.SubElement(edges, "edge", ends), attrs, edge_keys)
    return _ref_serialise(root)


def _ref_attvalues(
    parent: ET.Element, attrs: Mapping[str, Value], keys: Mapping[str, Kind]
) -> None:
    present = [(index, name) for index, name in enumerate(keys) if name in attrs]
    if present:
        holder = ET.SubElement(parent, "attvalues")
        for index, name in present:
            ET.SubElement(holder, "attvalue", {"for": str(index), "value": _text(attrs[name])})


# ---- the comparisons ---------------------------------------------------------------------

_AWKWARD = [
    "",
    " ",
    "  \n ",
    "a & b",
    "<b>",
    "x > y",
    'say "no"',
    "it's",
    "tab\there",
    "cr\rlf\n",
    "\x00\x01nul",
    "\ufffe",
    "caf\u00e9 \u2014 \U0001f600",
    "]]>",
    "&amp;",
]


def _value(rng: random.Random) -> Value:
    pick = rng.random()
    if pick < 0.15:
        return rng.choice([True, False])
    if pick < 0.3:
        return rng.choice([0.0, -1.5, 0.1234, float("nan"), 1e-05])
    if pick < 0.4:
        return rng.randint(-3, 9)
    return rng.choice(_AWKWARD) + rng.choice(["", "text", " more "])


def _random_network(rng: random.Random) -> Network:
    names = ["label", "weight", "kind", "date", "camp", "note", "argmap_id"]

    def attrs() -> Mapping[str, Value]:
        chosen = rng.sample(names, rng.randint(0, len(names)))
        out: dict[str, Value] = {}
        for name in chosen:
            if name == "date":
                out[name] = rng.choice(["2020", "2020-05", "2021-02-03"])
            elif name == "weight":
                out[name] = rng.choice([1.0, -0.5, 0.25])
            else:
                out[name] = _value(rng)
        return out

    nodes = tuple((rng.choice(_AWKWARD) + f"n{i}", attrs()) for i in range(rng.randint(0, 6)))
    edges = tuple(
        (
            f"e{i}" + rng.choice(["", "&", '"']),
            f"n{rng.randint(0, 5)}",
            rng.choice(_AWKWARD) or "t",
            attrs(),
        )
        for i in range(rng.randint(0, 8))
    )
    return Network(
        directed=rng.random() < 0.5,
        nodes=nodes,
        edges=edges,
        title=rng.choice(_AWKWARD),
        description=rng.choice(_AWKWARD),
    )


@pytest.mark.parametrize("seed", range(300))
def test_random_networks_are_written_as_elementtree_wrote_them(seed: int) -> None:
    net = _random_network(random.Random(seed))
    assert to_graphml(net) == ref_graphml(net)
    assert to_gexf(net) == ref_gexf(net)


def test_an_empty_network_is_written_as_elementtree_wrote_it() -> None:
    net = Network(directed=False, nodes=(), edges=())
    assert to_graphml(net) == ref_graphml(net)
    assert to_gexf(net) == ref_gexf(net)
    assert "<nodes />" in to_gexf(net) and "<edges />" in to_gexf(net)


@pytest.mark.parametrize("network", NETWORKS)
def test_the_tricky_and_curated_maps_networks_are_written_as_elementtree_wrote_them(
    network: str,
) -> None:
    amap, analysis = tricky()
    curated = pipeline.load_valid(CURATED)[0]
    for net in (
        build_network(amap, analysis, network),
        build_network(curated, analyse(curated), network),
    ):
        assert to_graphml(net) == ref_graphml(net)
        assert to_gexf(net) == ref_gexf(net)
