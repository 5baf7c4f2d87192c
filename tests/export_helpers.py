"""Shared by the export tests: a small map full of awkward text, and the Argdown CLI.

The map passes `argmap check` without errors, so the CLI exports it too. Its text holds
what breaks naive writers: commas, quote marks, line breaks, brackets, `#`, `//`, braces,
backslashes, an Argdown shortcode (`.A.`), XML metacharacters and curly quotes. One actor
takes two stances on one claim (two sources), and there are neutral, reported and dated
stances.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from argmap.analysis import Analysis, analyse
from argmap.load import loads
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parent.parent
#: The Argdown CLI version the tests and .ci/run install.
ARGDOWN_CLI = "@argdown/cli@1.7.5"
ARGDOWN_PREFIX = ROOT / ".cache" / "argdown"
CURATED = ROOT / "arguments.yaml"

TRICKY = r"""
title: "Rooms, \"safe\" & <sound>?"
description: |-
  Two lines
  of description.
sources:
  gazette:
    title: "Council debates [drug] room, again"
    publisher: The Gazette
    date: 2024-03-01
    url: https://example.org/a_b?x=1&y=2
  herald:
    title: Police chief doubts drug room
    publisher: The Herald
    date: unknown
actors:
  jo-green:
    name: Jo van Green
    kind: person
    role: "councillor, Green"
    affiliations: [green-party]
  green-party:
    name: Green Party
    kind: party
  sam-chief:
    name: Sam Chief
    kind: person
    role: chief constable
  home-office:
    name: Home Office
    kind: government
claims:
  allow-room:
    kind: proposal
    text: "The town should allow a room [see #1] // now {really}"
    label: Allow the room
  room-saves-lives:
    text: "A room saves lives: 3.5 per cent, U.A.E. style *and* _more_ \\ <b>"
    tags: [health, "two words"]
  room-helps-dealers:
    text: "A room helps \"dealers\", they say\nover two lines"
  no-deaths:
    kind: evidence
    text: "Nobody has died in a room (https://example.org/x)"
    source: gazette
stances:
  - actor: jo-green
    supports: allow-room
    source: gazette
    quote: "We should open a room, \"this\" year.\nNext line; and {braces} too."
  - actor: jo-green
    supports: room-saves-lives
    source: gazette
    quote: It will save lives.
  - actor: sam-chief
    supports: room-helps-dealers
    source: herald
    reported: true
    quote: The chief fears the room would help dealers.
  - actor: sam-chief
    opposes: allow-room
    source: herald
    date: 2024-02-11
    quote: "No, never — ‘not here’."
  - actor: sam-chief
    opposes: allow-room
    source: gazette
    reported: true
  - actor: green-party
    supports: allow-room
    source: gazette
    reported: true
  - actor: home-office
    neutral: allow-room
    source: herald
    reported: true
    quote: The Home Office will consider it.
relations:
  - from: room-saves-lives
    supports: allow-room
  - from: room-helps-dealers
    attacks: allow-room
    note: "a note, with \"quotes\""
  - from: no-deaths
    supports: room-saves-lives
"""


def tricky() -> tuple[ArgumentMap, Analysis]:
    """The awkward map above and its analysis."""
    amap = loads(TRICKY, "tricky.yaml").map
    return amap, analyse(amap)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def argdown_binary() -> Path:
    """The Argdown CLI, installed into .cache/argdown with npm when it is not there yet.

    Without node and npm the test is skipped on a developer's machine, and fails in CI
    (CI=true), where a skipped Argdown check would hide a broken export.
    """
    binary = ARGDOWN_PREFIX / "node_modules" / ".bin" / "argdown"
    if binary.exists() and shutil.which("node"):
        return binary
    if not (shutil.which("node") and shutil.which("npm")):
        message = "node and npm are needed to run the Argdown CLI"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(ARGDOWN_PREFIX), ARGDOWN_CLI],
        check=True,
        capture_output=True,
    )
    return binary


def bench_roundtrip() -> ModuleType:
    """bench/roundtrip.py as a module: its readers are the ones the tests trust."""
    name = "bench_roundtrip"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "roundtrip.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
