"""Small maps and helpers that several test modules share (import them from here).

Test modules import nothing from one another: what two of them need lives here or in
conftest.py.
"""

from __future__ import annotations

# A small valid map without a problem; each test appends to it or edits it.
BASE = """\
title: T
sources:
  gazette:
    title: G
    publisher: P
    date: 2024-03-01
actors:
  jo:
    name: Jo
    kind: person
  sam:
    name: Sam
    kind: person
claims:
  allow:
    kind: proposal
    text: Allow it
  saves:
    text: It saves lives
stances:
  - actor: jo
    supports: allow
    source: gazette
    quote: Yes.
  - actor: sam
    opposes: saves
    source: gazette
    quote: No.
relations:
  - from: saves
    supports: allow
"""

# One of each key the format has, in a map without a problem.
EVERY_FIELD = """\
title: Every field
description: One of each key the format has.
sources:
  s:
    title: S
    publisher: P
    date: 2024-01-02
    url: https://example.org/s
    file: s.txt
actors:
  a:
    name: A
    kind: person
    role: councillor
    affiliations: [b]
  b:
    name: B
    kind: party
claims:
  p:
    kind: proposal
    text: P should happen
    label: P
    source: s
    tags: [x]
  c:
    text: C is true
stances:
  - id: a-on-p
    actor: a
    supports: p
    source: s
    date: 2024-01-01
    reported: true
    quote: A said so.
    note: n
  - actor: b
    opposes: c
    source: s
    quote: No.
  - actor: b
    neutral: p
    source: s
    quote: Maybe.
relations:
  - from: c
    attacks: p
    source: s
    note: n
  - from: p
    supports: c
ignored:
  - source: s
    passage: x
    reason: y
"""
