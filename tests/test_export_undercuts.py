"""Undercuts survive every export that has a place for them."""

from __future__ import annotations

import json

from argmap.analysis import analyse
from argmap.export.aif import aif_data
from argmap.export.argdown import argdown
from argmap.export.kumu import kumu_data
from argmap.load import loads

MAP = """\
title: T
sources:
  s: {title: S, publisher: P, date: unknown}
actors:
  jo: {name: Jo, kind: person}
claims:
  allow: {kind: proposal, text: Allow it}
  illegal: {text: It is illegal}
  change: {text: The law can change}
stances:
  - {actor: jo, supports: change, source: s, quote: q}
relations:
  - {from: illegal, attacks: allow, source: s}
  - {from: change, undercuts: illegal/attacks/allow, source: s}
"""


def test_aif_undercut_is_a_conflict_on_the_inference_node() -> None:
    data = aif_data(loads(MAP).map)
    nodes = {n["nodeID"]: (n["type"], n["text"]) for n in data["nodes"]}
    edges = [(e["fromID"], e["toID"]) for e in data["edges"]]
    ids = {text: node for node, (kind, text) in nodes.items() if kind == "I"}
    conflicts = [node for node, (kind, _) in nodes.items() if kind == "CA"]
    attack, undercut = conflicts
    assert (ids["It is illegal"], attack) in edges and (attack, ids["Allow it"]) in edges
    assert (ids["The law can change"], undercut) in edges
    assert (undercut, attack) in edges  # CA -> CA: the conflict targets the inference


def test_argdown_undercut_targets_the_inference_as_an_argument() -> None:
    amap = loads(MAP).map
    text = argdown(amap, analyse(amap))
    assert (
        '[illegal]: It is illegal\n  {id: "illegal", kind: "claim", relations: '
        '[{id: "illegal/attacks/allow", source: "s"}]}\n  +> <illegal/attacks/allow>'
    ) in text
    assert "  _> <illegal/attacks/allow>" in text
    assert (
        "# Inferences\n\n<illegal/attacks/allow>: It is illegal, so it attacks Allow it\n"
        "  -> [allow]\n"
    ) in text


def test_kumu_undercut_points_at_the_claim_and_names_the_relation() -> None:
    amap = loads(MAP).map
    connections = kumu_data(amap, analyse(amap))["connections"]
    (undercut,) = [c for c in connections if c["type"] == "undercuts"]
    assert (undercut["from"], undercut["to"], undercut["Undercuts"]) == (
        "change",
        "allow",
        "illegal/attacks/allow",
    )
    assert json.dumps(connections)  # plain JSON
