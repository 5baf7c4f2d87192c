"""The `graphml` and `gexf` exports: the map as a network for Gephi and other graph tools.

Three networks can be written, as discourse network analysis offers them:

- `full` (the default): actors, claims and sources as nodes; stances (actor -> claim) and
  relations (claim -> claim) as directed edges;
- `agreement`: actors only, joined by the signed, weighted agreement edges of the analysis;
- `stances`: the two-mode actor-claim network.

Gephi drops an edge of weight 0 and merges parallel edges of one type on import, so the
stances of one actor on one claim are aggregated into ONE edge whose `weight` is how many
stances it stands for (never 0), with `supports`, `opposes` and `neutral` counts, the
mean sign in `sign` and the stance ids in `argmap_id`; relations are aggregated the same
way per (origin, target, kind). An undercut (a relation whose target is another relation)
becomes an edge of kind `undercuts` to the claim whose support it attacks, naming the
attacked relation in `undercuts`.

Every attribute is flat, declared with its type and a `<default>` (strings "", numbers
NaN, booleans false, camp 0 = no camp), so a reader can tell an absent position from a
real 0.0. Node ids are the map's ids (kebab-case, safe in every reader); edge ids are
escaped to XML NMTOKENs (no `/`), and every node and edge keeps its argmap id in
`argmap_id`. The XML is written as text, as ElementTree would write it, and is
byte-identical for the same map: nodes and edges in id order, attribute keys in a fixed order, no
timestamp, floats rounded to four decimals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from argmap.analysis import Analysis
from argmap.model import Actor, ArgumentMap, ClaimKind, Relation, RelationKind, Stance, stance_date

__all__ = [
    "NETWORKS",
    "Network",
    "build_network",
    "edge_id",
    "gexf",
    "graphml",
    "to_gexf",
    "to_graphml",
]

#: The networks `--network` can choose; the first is the default.
NETWORKS = ("full", "agreement", "stances")

Value = str | float | bool | int
Edge = tuple[str, str, str, Mapping[str, Value]]  # (id, source, target, attrs)
_DECIMALS = 4
# XML 1.0 cannot hold these characters at all, escaped or not; they carry no meaning in a
# debate's text, so they are dropped rather than making the whole file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Kept as they are in an edge id; everything else (and `_`, the escape) becomes `_xx_`.
_ID_SAFE = re.compile(r"[^A-Za-z0-9.-]")
# Joins several values of one aggregated edge in one string attribute.
_JOIN = "; "


@dataclass(frozen=True)
class Network:
    """A network ready to write: flat attributes only, nodes and edges in output order."""

    directed: bool
    nodes: tuple[tuple[str, Mapping[str, Value]], ...]
    edges: tuple[Edge, ...]
    title: str = ""
    description: str = ""


def edge_id(kind: str, *parts: str) -> str:
    """An edge id safe as an XML NMTOKEN in every reader: `kind:part:part`, escaped.

    Each part keeps letters, digits, `.` and `-`; any other character becomes `_<hex>_`,
    so distinct parts never collide and `:` only ever separates them.

    >>> edge_id("stance", "jo", "allow-room")
    'stance:jo:allow-room'
    >>> edge_id("relation", "a/b_c")
    'relation:a_2f_b_5f_c'
    """
    escaped = (_ID_SAFE.sub(lambda m: f"_{ord(m.group()):x}_", part) for part in parts)
    return ":".join((kind, *escaped))


def _num(value: float) -> float:
    # Rounding hides summation noise; `+ 0.0` turns -0.0 into 0.0.
    return round(float(value), _DECIMALS) + 0.0


def _put(attrs: dict[str, Value], key: str, value: Value | None) -> None:
    if value is not None and value != "":
        attrs[key] = value


def _joined(values: Iterable[str | None]) -> str:
    """Distinct non-empty values in first-seen order, joined."""
    return _JOIN.join(dict.fromkeys(v for v in values if v))


def _actor_nodes(amap: ArgumentMap, analysis: Analysis) -> list[tuple[str, dict[str, Value]]]:
    # Computed once for all actors: a per-actor rebuild made the export quadratic.
    camp_of = analysis.camp_of()
    labels = {p.id: p.label for p in amap.proposals}
    titles = {c.number: c.title(labels.get(c.proposal or "")) for c in analysis.camp_info}
    names = amap.actors_by_id
    proposals = sorted(labels)
    nodes = []
    for actor in sorted(amap.actors, key=lambda a: a.id):
        nodes.append((actor.id, _actor_attrs(actor, names, camp_of, titles, proposals, analysis)))
    return nodes


def _actor_attrs(
    actor: Actor,
    names: Mapping[str, Actor],
    camp_of: Mapping[str, int],
    titles: Mapping[int, str],
    proposals: Sequence[str],
    analysis: Analysis,
) -> dict[str, Value]:
    attrs: dict[str, Value] = {"label": actor.name, "type": "actor", "kind": actor.kind.value}
    attrs["argmap_id"] = actor.id
    _put(attrs, "role", actor.role)
    _put(attrs, "affiliations", _JOIN.join(names[a].name for a in actor.affiliations if a in names))
    _put(attrs, "aliases", _JOIN.join(actor.aliases))
    camp = camp_of.get(actor.id)
    _put(attrs, "camp", camp)
    _put(attrs, "camp_name", titles.get(camp) if camp else None)
    stated = analysis.positions.get(actor.id, {})
    inferred = analysis.inferred_positions.get(actor.id, {})
    for proposal in proposals:
        if proposal in stated:
            attrs[f"position_{proposal}"] = _num(stated[proposal].score)
        if proposal in inferred:
            attrs[f"inferred_position_{proposal}"] = _num(inferred[proposal].score)
    return attrs


def _claim_nodes(amap: ArgumentMap, analysis: Analysis) -> list[tuple[str, dict[str, Value]]]:
    nodes = []
    for claim in sorted(amap.claims, key=lambda c: c.id):
        attrs: dict[str, Value] = {"label": claim.display, "type": "claim"}
        attrs["kind"] = claim.kind.value
        attrs["argmap_id"] = claim.id
        attrs["text"] = claim.text
        attrs["proposal"] = claim.kind is ClaimKind.PROPOSAL
        _put(attrs, "tags", _JOIN.join(claim.tags))
        _put(attrs, "source", claim.source)
        _put(attrs, "acceptance", analysis.acceptance.get(claim.id))
        if claim.id in analysis.centrality:
            attrs["centrality"] = _num(analysis.centrality[claim.id])
        if claim.id in analysis.strength:
            attrs["strength"] = _num(analysis.strength[claim.id])
        nodes.append((claim.id, attrs))
    return nodes


def _source_nodes(amap: ArgumentMap) -> list[tuple[str, dict[str, Value]]]:
    nodes = []
    for source in sorted(amap.sources, key=lambda s: s.id):
        attrs: dict[str, Value] = {"label": source.title, "type": "source", "kind": "source"}
        attrs["argmap_id"] = source.id
        attrs["publisher"] = source.publisher
        attrs["date"] = source.date
        _put(attrs, "url", source.url)
        nodes.append((source.id, attrs))
    return nodes


def _stance_edges(amap: ArgumentMap) -> list[Edge]:
    """One edge per (actor, claim): weight = how many stances, never 0."""
    groups: dict[tuple[str, str], list[Stance]] = {}
    for stance in sorted(amap.stances, key=lambda s: s.id):
        groups.setdefault((stance.actor, stance.claim), []).append(stance)
    edges: list[Edge] = []
    for (actor, claim), stances in sorted(groups.items()):
        counts = {p: sum(s.position.value == p for s in stances) for p in _POSITIONS}
        kinds = {s.position.value for s in stances}
        attrs: dict[str, Value] = {"type": "stance"}
        attrs["kind"] = attrs["position"] = kinds.pop() if len(kinds) == 1 else "mixed"
        attrs["argmap_id"] = _JOIN.join(s.id for s in stances)
        attrs["weight"] = float(len(stances))
        attrs["count"] = len(stances)
        attrs.update(counts)
        attrs["sign"] = _num(sum(s.position.sign for s in stances) / len(stances))
        attrs["source"] = _joined(s.source for s in stances)
        _put(attrs, "quote", _joined(s.quote for s in stances))
        attrs["reported"] = any(s.reported for s in stances)
        dates = sorted(d for d in (stance_date(s, amap) for s in stances) if d)
        _put(attrs, "date", dates[0] if dates else None)
        _put(attrs, "dates", _joined(dates))
        _put(attrs, "note", _joined(s.note for s in stances))
        edges.append((edge_id("stance", actor, claim), actor, claim, attrs))
    return edges


_POSITIONS = ("supports", "opposes", "neutral")


def _endpoint(relation: Relation, by_id: Mapping[str, Relation]) -> str:
    """The claim a relation points at; an undercut points at its target's claim."""
    seen = {relation.id}
    while relation.kind is RelationKind.UNDERCUTS and relation.target in by_id:
        relation = by_id[relation.target]
        if relation.id in seen:  # a cycle of undercuts: the check reports it
            break
        seen.add(relation.id)
    return relation.target


def _relation_edges(amap: ArgumentMap) -> list[Edge]:
    """One edge per (origin, target claim, kind); undercuts name the relation they attack."""
    by_id = {r.id: r for r in amap.relations}
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for relation in sorted(amap.relations, key=lambda r: r.id):
        key = (relation.origin, _endpoint(relation, by_id), relation.kind.value)
        groups.setdefault(key, []).append(relation)
    edges: list[Edge] = []
    for (origin, target, kind), relations in sorted(groups.items()):
        attrs: dict[str, Value] = {"type": "relation", "kind": kind}
        attrs["argmap_id"] = _JOIN.join(r.id for r in relations)
        attrs["weight"] = float(len(relations))
        attrs["count"] = len(relations)
        attrs["sign"] = 1.0 if kind == RelationKind.SUPPORTS.value else -1.0
        if kind == RelationKind.UNDERCUTS.value:
            attrs["undercuts"] = _joined(r.target for r in relations)
        attrs["inferred"] = all(r.inferred for r in relations)
        _put(attrs, "source", _joined(r.source for r in relations))
        _put(attrs, "note", _joined(r.note for r in relations))
        edges.append((edge_id("relation", origin, target, kind), origin, target, attrs))
    return edges


def _agreement_edges(analysis: Analysis) -> list[Edge]:
    frustrated = set(analysis.frustration)
    edges: list[Edge] = []
    for a, b, weight in sorted(analysis.agreement):
        attrs: dict[str, Value] = {"type": "agreement", "weight": _num(weight)}
        attrs["sign"] = 1 if weight > 0 else -1
        attrs["frustrated"] = (a, b) in frustrated
        edges.append((edge_id("agreement", a, b), a, b, attrs))
    return edges


def build_network(amap: ArgumentMap, analysis: Analysis, network: str = "full") -> Network:
    """The map as one of the `NETWORKS`, with flat, typed attributes in output order.

    Every node has `label`, `type` (`actor`, `claim` or `source`) and `argmap_id`; actors
    carry `kind`, `role`, `affiliations` and `aliases` (joined by `; `), `camp` (1 for
    the largest camp; absent for an unaligned actor) with its `camp_name`, the stated
    `position_<proposal id>` and the `inferred_position_<proposal id>` (scores in
    [-1, 1], only where the analysis has one). Raises `ValueError` for a network not in
    `NETWORKS`.

    >>> from argmap.analysis import analyse
    >>> from argmap.model import Actor, ActorKind, Claim, ClaimKind, Position, Stance
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     actors=(Actor("ann", "Ann", ActorKind.PERSON),),
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL),),
    ...     stances=(Stance("ann/p", "ann", "p", Position.NEUTRAL, "s"),),
    ... )
    >>> net = build_network(amap, analyse(amap), "stances")
    >>> net.edges[0][:3], net.edges[0][3]["weight"], net.edges[0][3]["sign"]
    (('stance:ann:p', 'ann', 'p'), 1.0, 0.0)
    """
    if network not in NETWORKS:
        raise ValueError(f"unknown network {network!r}; use one of {', '.join(NETWORKS)}")
    about = (amap.title, amap.description)
    if network == "agreement":
        actors = tuple(_actor_nodes(amap, analysis))
        return Network(False, actors, tuple(_agreement_edges(analysis)), *about)
    nodes = _actor_nodes(amap, analysis) + _claim_nodes(amap, analysis)
    if network == "stances":
        return Network(True, tuple(_by_id(nodes)), tuple(_stance_edges(amap)), *about)
    nodes += _source_nodes(amap)
    edges = _by_id(_stance_edges(amap) + _relation_edges(amap))
    return Network(True, tuple(_by_id(nodes)), tuple(edges), *about)


T = TypeVar("T", bound=tuple[object, ...])


def _by_id(items: Sequence[T]) -> list[T]:
    return sorted(items, key=lambda item: str(item[0]))


# ---------------------------------------------------------------------------- writing

Kind = Literal["string", "double", "boolean", "int"]
# What a reader sees for an attribute a node or edge leaves out: NaN, never a number that
# could be real data; camp 0 is "no camp" (camps are numbered from 1).
_DEFAULTS: dict[Kind, str] = {"string": "", "double": "NaN", "boolean": "false", "int": "0"}


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


# The XML is written as text, not built as an ElementTree: a tree of 2.76 M agreement
# edges took 9.7 GB and most of the export's time. The text is exactly what
# `ET.indent` then `ET.tostring(root, "unicode")` wrote (tests/test_graph_xml.py compares
# the two): two spaces per level, `<tag />` when empty, ElementTree's escaping.
_INDENT = "  "


def _cdata(text: str) -> str:
    """Element text escaped as ElementTree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _attr(value: str) -> str:
    """An attribute value escaped as ElementTree escapes it: as text, then the quote and
    the three white-space characters a reader would otherwise fold."""
    value = _cdata(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#09;")
    return value


def _start(tag: str, attrs: Mapping[str, str]) -> str:
    return "<" + tag + "".join(f' {name}="{_attr(value)}"' for name, value in attrs.items())


def _leaf(tag: str, attrs: Mapping[str, str], text: str = "") -> str:
    """An element with no children: its text, or `<tag ... />` when it has none."""
    head = _start(tag, attrs)
    return f"{head}>{_cdata(text)}</{tag}>" if text else head + " />"


def _parent(tag: str, attrs: Mapping[str, str], children: Sequence[str], level: int) -> str:
    """An element at depth `level` holding `children` (each already written), indented."""
    head = _start(tag, attrs)
    if not children:
        return head + " />"
    inner = "\n" + _INDENT * (level + 1)
    return f"{head}>{inner}{inner.join(children)}\n{_INDENT * level}</{tag}>"


def _pieces(
    tag: str, attrs: Mapping[str, str], children: Iterable[str | Iterator[str]], level: int
) -> Iterator[str]:
    """`_parent` for the big containers, in pieces: a child is a string or the pieces of
    a container (which always yield at least its own tag). Nothing is joined until the
    whole document is, so the edges are copied once, not once per level."""
    head = _start(tag, attrs)
    inner = "\n" + _INDENT * (level + 1)
    empty = True
    for child in children:
        yield head + ">" + inner if empty else inner
        empty = False
        if isinstance(child, str):
            yield child
        else:
            yield from child
    yield head + " />" if empty else f"\n{_INDENT * level}</{tag}>"


def _document(root: Iterator[str]) -> str:
    return "".join(['<?xml version="1.0" encoding="UTF-8"?>\n', *root, "\n"])


def to_graphml(net: Network) -> str:
    """A `Network` as GraphML 1.1 text: one `<key>` per attribute, typed, with a default.

    The map's title and description are graph-level data. Gephi takes the node attribute
    `label` as the node's label and the edge attribute `weight` as the edge's weight.
    """
    graph_keys: dict[str, Kind] = {"title": "string", "description": "string"}
    node_keys = _keys(attrs for _, attrs in net.nodes)
    edge_keys = _keys(attrs for *_, attrs in net.edges)
    ids: dict[tuple[str, str], str] = {}
    top: list[str] = []
    for domain, keys in (("graph", graph_keys), ("node", node_keys), ("edge", edge_keys)):
        for name, kind in keys.items():
            ids[domain, name] = key_id = f"d{len(ids)}"
            attrib = {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
            default = _leaf("default", {}, _DEFAULTS[kind])
            top.append(_parent("key", attrib, [default], 1))
    node_data = [(name, ids["node", name]) for name in node_keys]
    edge_data = [(name, ids["edge", name]) for name in edge_keys]

    def data(attrs: Mapping[str, Value], keys: list[tuple[str, str]]) -> list[str]:
        return [
            _leaf("data", {"key": key}, _text(attrs[name])) for name, key in keys if name in attrs
        ]

    def inside() -> Iterator[str]:
        for name, value in (("title", net.title), ("description", net.description)):
            if value:
                yield _leaf("data", {"key": ids["graph", name]}, _text(value))
        for node_id, attrs in net.nodes:
            yield _parent("node", {"id": _text(node_id)}, data(attrs, node_data), 2)
        for eid, source, target, attrs in net.edges:
            ends = {"id": eid, "source": source, "target": target}
            yield _parent("edge", ends, data(attrs, edge_data), 2)

    edgedefault = "directed" if net.directed else "undirected"
    graph = _pieces("graph", {"id": "argmap", "edgedefault": edgedefault}, inside(), 1)
    root = {"xmlns": "http://graphml.graphdrawing.org/xmlns"}
    return _document(_pieces("graphml", root, [*top, graph], 0))


_GEXF_TYPES = {"string": "string", "double": "double", "boolean": "boolean", "int": "integer"}
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d\Z")


def _timestamp(date: str) -> str:
    """An argmap date as a GEXF `date`: a year or a month starts on its first day."""
    if _FULL_DATE.match(date):
        return date
    return (date + "-01-01")[:10] if len(date) == 4 else date + "-01"


def to_gexf(net: Network) -> str:
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
    about = " — ".join(part for part in (net.title, net.description) if part)
    meta = [_leaf("creator", {}, "argmap"), _leaf("description", {}, _text(about))]
    dated = any("date" in attrs for *_, attrs in net.edges)
    mode = {"mode": "dynamic", "timeformat": "date"} if dated else {"mode": "static"}
    edgetype = "directed" if net.directed else "undirected"
    node_keys = _keys(attrs for _, attrs in net.nodes)
    edge_keys = _keys(attrs for *_, attrs in net.edges)
    node_keys.pop("label", None)
    edge_keys.pop("weight", None)
    graph: list[str] = []
    for domain, keys in (("node", node_keys), ("edge", edge_keys)):
        if keys:
            declared = []
            for index, (name, kind) in enumerate(keys.items()):
                attrib = {"id": str(index), "title": name, "type": _GEXF_TYPES[kind]}
                default = _leaf("default", {}, _DEFAULTS[kind])
                declared.append(_parent("attribute", attrib, [default], 3))
            graph.append(_parent("attributes", {"class": domain, "mode": "static"}, declared, 2))

    def nodes() -> Iterator[str]:
        for node_id, attrs in net.nodes:
            label = _text(attrs.get("label", node_id))
            values = _attvalues(attrs, node_keys)
            yield _parent("node", {"id": _text(node_id), "label": label}, values, 3)

    def edges() -> Iterator[str]:
        for eid, source, target, attrs in net.edges:
            ends = {"id": eid, "source": source, "target": target}
            if "weight" in attrs:
                ends["weight"] = _text(attrs["weight"])
            if "kind" in attrs and net.directed:
                ends["kind"] = _text(attrs["kind"])
            if "date" in attrs:
                ends["start"] = _timestamp(str(attrs["date"]))
            yield _parent("edge", ends, _attvalues(attrs, edge_keys), 3)

    inside: list[str | Iterator[str]] = [
        *graph,
        _pieces("nodes", {}, nodes(), 2),
        _pieces("edges", {}, edges(), 2),
    ]
    top: list[str | Iterator[str]] = [
        _parent("meta", {}, meta, 1),
        _pieces("graph", {"defaultedgetype": edgetype, **mode}, inside, 1),
    ]
    return _document(_pieces("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"}, top, 0))


def _attvalues(attrs: Mapping[str, Value], keys: Mapping[str, Kind]) -> list[str]:
    """An entry's `<attvalues>` (one element, or none when it has no declared value)."""
    present = [
        _leaf("attvalue", {"for": str(index), "value": _text(attrs[name])})
        for index, name in enumerate(keys)
        if name in attrs
    ]
    return [_parent("attvalues", {}, present, 4)] if present else []


def graphml(amap: ArgumentMap, analysis: Analysis, network: str = "full") -> str:
    """The map as GraphML text for the chosen network (see `build_network`)."""
    return to_graphml(build_network(amap, analysis, network))


def gexf(amap: ArgumentMap, analysis: Analysis, network: str = "full") -> str:
    """The map as GEXF text for the chosen network (see `build_network`)."""
    return to_gexf(build_network(amap, analysis, network))
