"""The `graphml` and `gexf` exports: the map as a network for Gephi and other graph tools.

Three networks can be written, as discourse network analysis offers them:

- `full` (the default): actors, claims and sources as nodes; every stance (actor -> claim)
  and every relation (claim -> claim) as a directed edge;
- `agreement`: actors only, joined by the signed, weighted agreement edges of the analysis;
- `stances`: the two-mode actor-claim network, one edge per stance weighted +1, -1 or 0.

Gephi rejects or silently drops nested and untyped attributes, so every attribute here is
flat and declared with its type (`string`, `double`, `boolean` or `int`), and a value that
is absent is left out rather than written empty. The XML is written by hand with
ElementTree rather than by networkx so the output is byte-identical for the same map:
nodes and edges in id order, attribute keys in a fixed order, no timestamp, no writer
version, floats rounded to four decimals.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from argmap.analysis import Analysis
from argmap.model import Actor, ArgumentMap, ClaimKind

__all__ = ["NETWORKS", "Network", "build_network", "gexf", "graphml", "to_gexf", "to_graphml"]

#: The networks `--network` can choose; the first is the default.
NETWORKS = ("full", "agreement", "stances")

Value = str | float | bool | int
_DECIMALS = 4
# XML 1.0 cannot hold these characters at all, escaped or not; they carry no meaning in a
# debate's text, so they are dropped rather than making the whole file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Network:
    """A network ready to write: flat attributes only, nodes and edges in output order."""

    directed: bool
    nodes: tuple[tuple[str, Mapping[str, Value]], ...]
    edges: tuple[tuple[str, str, str, Mapping[str, Value]], ...]  # (id, source, target, attrs)
    title: str = ""
    description: str = field(default="")


def _num(value: float) -> float:
    # Rounding hides summation noise; `+ 0.0` turns -0.0 into 0.0.
    return round(float(value), _DECIMALS) + 0.0


def _put(attrs: dict[str, Value], key: str, value: Value | None) -> None:
    if value is not None and value != "":
        attrs[key] = value


def _actor_attrs(actor: Actor, amap: ArgumentMap, analysis: Analysis) -> dict[str, Value]:
    camp_of = analysis.camp_of()
    names = amap.actors_by_id
    attrs: dict[str, Value] = {"label": actor.name, "type": "actor", "kind": actor.kind.value}
    _put(attrs, "role", actor.role)
    _put(attrs, "affiliations", "; ".join(names[a].name for a in actor.affiliations if a in names))
    _put(attrs, "camp", camp_of.get(actor.id))
    scores = analysis.positions.get(actor.id, {})
    for proposal in sorted(p.id for p in amap.proposals):
        if proposal in scores:
            attrs[f"position_{proposal}"] = _num(scores[proposal].score)
    return attrs


def _actor_nodes(amap: ArgumentMap, analysis: Analysis) -> list[tuple[str, dict[str, Value]]]:
    return [
        (actor.id, _actor_attrs(actor, amap, analysis))
        for actor in sorted(amap.actors, key=lambda a: a.id)
    ]


def _claim_nodes(amap: ArgumentMap, analysis: Analysis) -> list[tuple[str, dict[str, Value]]]:
    nodes = []
    for claim in sorted(amap.claims, key=lambda c: c.id):
        attrs: dict[str, Value] = {"label": claim.display, "type": "claim"}
        attrs["kind"] = claim.kind.value
        attrs["text"] = claim.text
        attrs["proposal"] = claim.kind is ClaimKind.PROPOSAL
        _put(attrs, "tags", "; ".join(claim.tags))
        _put(attrs, "source", claim.source)
        _put(attrs, "acceptance", analysis.acceptance.get(claim.id))
        if claim.id in analysis.centrality:
            attrs["centrality"] = _num(analysis.centrality[claim.id])
        nodes.append((claim.id, attrs))
    return nodes


def _source_nodes(amap: ArgumentMap) -> list[tuple[str, dict[str, Value]]]:
    nodes = []
    for source in sorted(amap.sources, key=lambda s: s.id):
        attrs: dict[str, Value] = {"label": source.title, "type": "source", "kind": "source"}
        attrs["publisher"] = source.publisher
        attrs["date"] = source.date
        _put(attrs, "url", source.url)
        nodes.append((source.id, attrs))
    return nodes


def _stance_edges(
    amap: ArgumentMap, *, weighted: bool
) -> list[tuple[str, str, str, dict[str, Value]]]:
    edges = []
    for stance in sorted(amap.stances, key=lambda s: s.id):
        attrs: dict[str, Value] = {"type": "stance", "kind": stance.position.value}
        attrs["position"] = stance.position.value
        # Gephi's layouts misread negative weights, so the sign is a weight only in the
        # two-mode network, where it is what the network is about.
        attrs["weight" if weighted else "sign"] = float(stance.position.sign)
        attrs["source"] = stance.source
        _put(attrs, "quote", stance.quote)
        attrs["reported"] = stance.reported
        _put(attrs, "date", stance.date)
        edges.append((f"stance:{stance.id}", stance.actor, stance.claim, attrs))
    return edges


def _relation_edges(amap: ArgumentMap) -> list[tuple[str, str, str, dict[str, Value]]]:
    edges = []
    for relation in sorted(amap.relations, key=lambda r: r.id):
        attrs: dict[str, Value] = {"type": "relation", "kind": relation.kind.value}
        attrs["sign"] = 1.0 if relation.kind.value == "supports" else -1.0
        _put(attrs, "source", relation.source)
        edges.append((f"relation:{relation.id}", relation.origin, relation.target, attrs))
    return edges


def build_network(amap: ArgumentMap, analysis: Analysis, network: str = "full") -> Network:
    """The map as one of the `NETWORKS`, with flat, typed attributes in output order.

    Node ids are the map's ids (unique across actors, claims and sources); edge ids are
    `stance:<stance id>`, `relation:<relation id>` or `agreement:<a>/<b>`, so a stance and
    a relation can never share one. Every node has `label` and `type` (`actor`, `claim`
    or `source`); actors carry `kind`, `role`, `affiliations` (names joined by `; `),
    `camp` (1 for the largest camp) and `position_<proposal id>` (the position score in
    [-1, 1], only for proposals the actor reaches). Raises `ValueError` for a network not
    in `NETWORKS`.

    >>> from argmap.analysis import analyse
    >>> from argmap.model import Actor, ActorKind, Claim, ClaimKind, Position, Stance
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     actors=(Actor("ann", "Ann", ActorKind.PERSON),),
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL),),
    ...     stances=(Stance("ann/p", "ann", "p", Position.OPPOSES, "s"),),
    ... )
    >>> net = build_network(amap, analyse(amap), "stances")
    >>> net.edges[0][:3], net.edges[0][3]["weight"]
    (('stance:ann/p', 'ann', 'p'), -1.0)
    """
    if network not in NETWORKS:
        raise ValueError(f"unknown network {network!r}; use one of {', '.join(NETWORKS)}")
    if network == "agreement":
        frustrated = set(analysis.frustration)
        links: list[tuple[str, str, str, dict[str, Value]]] = [
            (f"agreement:{a}/{b}", a, b, {"weight": _num(w), "frustrated": (a, b) in frustrated})
            for a, b, w in sorted(analysis.agreement)
        ]
        return Network(False, tuple(_actor_nodes(amap, analysis)), tuple(links), amap.title)
    if network == "stances":
        nodes = _by_id(_actor_nodes(amap, analysis) + _claim_nodes(amap, analysis))
        edges = _stance_edges(amap, weighted=True)
        return Network(True, tuple(nodes), tuple(edges), amap.title)
    nodes = _by_id(
        _actor_nodes(amap, analysis) + _claim_nodes(amap, analysis) + _source_nodes(amap)
    )
    edges = _by_id(_stance_edges(amap, weighted=False) + _relation_edges(amap))
    return Network(True, tuple(nodes), tuple(edges), amap.title, amap.description)


T = TypeVar("T", bound=tuple[object, ...])


def _by_id(items: list[T]) -> list[T]:
    return sorted(items, key=lambda item: str(item[0]))


# ---------------------------------------------------------------------------- writing

Kind = Literal["string", "double", "boolean", "int"]


def _kind(value: Value) -> Kind:
    # bool first: in Python a bool is also an int.
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "double"
    return "string"


# The attributes every node or edge has come first; the rest follow in name order.
_LEADING = ("label", "type", "kind")


def _keys(items: Iterable[Mapping[str, Value]]) -> dict[str, Kind]:
    """Every attribute name with its type, in a fixed order whatever the data."""
    kinds: dict[str, Kind] = {}
    for attrs in items:
        for name, value in attrs.items():
            kinds.setdefault(name, _kind(value))
    order = sorted(kinds, key=lambda name: (name not in _LEADING, _rank(name), name))
    return {name: kinds[name] for name in order}


def _rank(name: str) -> int:
    return _LEADING.index(name) if name in _LEADING else 0


def _text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return _NOT_XML.sub("", str(value))


def _serialise(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def to_graphml(net: Network) -> str:
    """A `Network` as GraphML text: one `<key>` per attribute with its `attr.type`.

    Gephi takes the node attribute `label` as the node's label and the edge attribute
    `weight` as the edge's weight.
    """
    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    node_keys = _keys(attrs for _, attrs in net.nodes)
    edge_keys = _keys(attrs for *_, attrs in net.edges)
    ids: dict[tuple[str, str], str] = {}
    for domain, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, kind in keys.items():
            ids[domain, name] = key_id = f"d{len(ids)}"
            attrib = {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
            ET.SubElement(root, "key", attrib)
    edgedefault = "directed" if net.directed else "undirected"
    graph = ET.SubElement(root, "graph", {"id": "argmap", "edgedefault": edgedefault})
    for node_id, attrs in net.nodes:
        node = ET.SubElement(graph, "node", {"id": _text(node_id)})
        for name in node_keys:
            if name in attrs:
                ET.SubElement(node, "data", {"key": ids["node", name]}).text = _text(attrs[name])
    for edge_id, source, target, attrs in net.edges:
        ends = {"id": _text(edge_id), "source": _text(source), "target": _text(target)}
        edge = ET.SubElement(graph, "edge", ends)
        for name in edge_keys:
            if name in attrs:
                ET.SubElement(edge, "data", {"key": ids["edge", name]}).text = _text(attrs[name])
    return _serialise(root)


_GEXF_TYPES = {"string": "string", "double": "double", "boolean": "boolean", "int": "integer"}


def to_gexf(net: Network) -> str:
    """A `Network` as GEXF 1.2 text, the format Gephi reads natively.

    Node labels and edge weights are GEXF's own `label` and `weight` fields; every other
    attribute is declared in `<attributes>` with its type. The `<meta>` element has no
    `lastmodifieddate`, so the output does not change from one day to the next.
    """
    root = ET.Element("gexf", {"xmlns": "http://www.gexf.net/1.2draft", "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "argmap"
    ET.SubElement(meta, "description").text = _text(net.title)
    edgetype = "directed" if net.directed else "undirected"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": edgetype, "mode": "static"})
    node_keys = _keys(attrs for _, attrs in net.nodes)
    edge_keys = _keys(attrs for *_, attrs in net.edges)
    node_keys.pop("label", None)
    edge_keys.pop("weight", None)
    for domain, keys in (("node", node_keys), ("edge", edge_keys)):
        if keys:
            declared = ET.SubElement(graph, "attributes", {"class": domain, "mode": "static"})
            for index, (name, kind) in enumerate(keys.items()):
                attrib = {"id": str(index), "title": name, "type": _GEXF_TYPES[kind]}
                ET.SubElement(declared, "attribute", attrib)
    nodes = ET.SubElement(graph, "nodes")
    for node_id, attrs in net.nodes:
        label = _text(attrs.get("label", node_id))
        node = ET.SubElement(nodes, "node", {"id": _text(node_id), "label": label})
        _attvalues(node, attrs, node_keys)
    edges = ET.SubElement(graph, "edges")
    for edge_id, source, target, attrs in net.edges:
        ends = {"id": _text(edge_id), "source": _text(source), "target": _text(target)}
        if "weight" in attrs:
            ends["weight"] = _text(attrs["weight"])
        _attvalues(ET.SubElement(edges, "edge", ends), attrs, edge_keys)
    return _serialise(root)


def _attvalues(parent: ET.Element, attrs: Mapping[str, Value], keys: Mapping[str, Kind]) -> None:
    present = [(index, name) for index, name in enumerate(keys) if name in attrs]
    if present:
        holder = ET.SubElement(parent, "attvalues")
        for index, name in present:
            ET.SubElement(holder, "attvalue", {"for": str(index), "value": _text(attrs[name])})


def graphml(amap: ArgumentMap, analysis: Analysis, network: str = "full") -> str:
    """The map as GraphML text for the chosen network (see `build_network`)."""
    return to_graphml(build_network(amap, analysis, network))


def gexf(amap: ArgumentMap, analysis: Analysis, network: str = "full") -> str:
    """The map as GEXF text for the chosen network (see `build_network`)."""
    return to_gexf(build_network(amap, analysis, network))
