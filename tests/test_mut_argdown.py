"""argdown's inferences when an undercut is itself undercut (mutmut, fifth pass: the
undercut branch of `_inferences` was reached by no test, so its arrow could be anything)."""

from __future__ import annotations

from argmap.analysis import analyse
from argmap.export.argdown import argdown
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
  slow: {text: Change is slow}
stances:
  - {actor: jo, supports: change, source: s, quote: q}
relations:
  - {from: illegal, attacks: allow, source: s}
  - {from: change, undercuts: illegal/attacks/allow, source: s}
  - {from: slow, undercuts: change/undercuts/illegal/attacks/allow, source: s}
"""


def test_an_undercut_undercut_is_an_inference_that_undercuts_the_one_below() -> None:
    loaded = loads(MAP)
    assert loaded.problems == ()
    text = argdown(loaded.map, analyse(loaded.map))
    inferences = text.split("# Inferences\n\n", 1)[1].split("# Actors", 1)[0]
    assert inferences == (
        "<change/undercuts/illegal/attacks/allow>: The law can change, so it undercuts"
        " illegal\\/attacks\\/allow\n"
        "  _> <illegal/attacks/allow>\n"
        "\n"
        "<illegal/attacks/allow>: It is illegal, so it attacks Allow it\n"
        "  -> [allow]\n"
        "\n"
    )
