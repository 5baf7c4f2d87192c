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
