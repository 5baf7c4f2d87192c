"""Shared fixtures: small maps for the renderer, and a headless chromium for browser tests.

Browser tests use Debian's chromium through Playwright (`playwright install` cannot
download browsers here). Without chromium they are skipped, except in CI (`CI` set),
where a missing browser is a failure: `.ci/run` installs it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Source,
    Stance,
)
from tools import chromium

ROOT = Path(__file__).resolve().parent.parent

# `HYPOTHESIS_PROFILE=quick` runs each fuzz test on a few examples (tests/helpers.py).
settings.register_profile("quick", max_examples=10, deadline=None)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


def example_yaml() -> str:
    """The complete small example of docs/format.md, as YAML text."""
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    tail = text[text.index("## A complete small example") :]
    start = tail.index("```yaml\n") + len("```yaml\n")
    return tail[start : tail.index("```", start)]


@pytest.fixture(scope="session")
def example_map() -> ArgumentMap:
    from argmap.load import loads

    loaded = loads(example_yaml())
    assert loaded.problems == ()
    return loaded.map


# Each payload sets window.__xss if it ever runs as script.
XSS = (
    '<img src=x onerror="window.__xss=1">',
    "</script><script>window.__xss=2</script>",
    '"><svg onload="window.__xss=3">',
    "${window.__xss=4}`; window.__xss=4; `",
    "\u2028\u2029'; window.__xss=5; '<!--",
    '<a href="javascript:window.__xss=8">href</a>',
)
XSS_URLS = (
    "javascript:window.__xss=6",
    "data:text/html,<script>window.__xss=7</script>",
    " JavaScript:window.__xss=9",
)


def xss_map() -> ArgumentMap:
    """A map with a script-injection payload in every field that reaches the page."""
    p = XSS
    sources = tuple(
        Source(
            f"src-{i}", f"Title {p[i % len(p)]}", f"Publisher {p[(i + 1) % len(p)]}", "2024", url
        )
        for i, url in enumerate((*XSS_URLS, 'https://example.org/a?b=<i>&c="d"'))
    )
    actors = (
        Actor(
            "a-person",
            f"Person {p[0]}",
            ActorKind.PERSON,
            role=f"role {p[1]}",
            affiliations=("a-party",),
        ),
        Actor("a-party", f"Party {p[2]}", ActorKind.PARTY, role=p[3]),
        Actor("a-council", f"Council {p[4]}", ActorKind.COUNCIL, role=p[5]),
    )
    claims = (
        Claim("c-prop", f"Proposal {p[1]}", ClaimKind.PROPOSAL, label=f"Prop {p[0]}"),
        Claim("c-for", f"For {p[2]}", tags=(p[3],)),
        Claim("c-against", f"Against {p[4]}", label=p[5]),
        Claim("c-evidence", f"Evidence {p[0]}", ClaimKind.EVIDENCE, source="src-0"),
    )
    stances = (
        Stance("s1", "a-person", "c-prop", Position.SUPPORTS, "src-0", quote=f"Quote {p[0]}"),
        Stance(
            "s2",
            "a-person",
            "c-for",
            Position.SUPPORTS,
            "src-1",
            quote=f"Quote {p[1]}",
            date="2024-01",
        ),
        Stance(
            "s3",
            "a-party",
            "c-against",
            Position.SUPPORTS,
            "src-2",
            quote=f"Quote {p[2]}",
            reported=True,
        ),
        Stance("s4", "a-party", "c-prop", Position.OPPOSES, "src-3", quote=f"Quote {p[3]}"),
        Stance("s5", "a-council", "c-prop", Position.NEUTRAL, "src-1", quote=f"Quote {p[4]}"),
        Stance("s6", "a-council", "c-evidence", Position.SUPPORTS, "src-2", quote=f"Q {p[5]}"),
        Stance("s7", "a-council", "c-for", Position.SUPPORTS, "src-0", reported=True),
    )
    relations = (
        Relation(
            "c-for/supports/c-prop",
            "c-for",
            "c-prop",
            RelationKind.SUPPORTS,
            source="src-1",
            note=f"note {p[0]}",
        ),
        Relation(
            "c-against/attacks/c-prop", "c-against", "c-prop", RelationKind.ATTACKS, note=p[1]
        ),
        Relation("c-evidence/supports/c-for", "c-evidence", "c-for", RelationKind.SUPPORTS),
    )
    return ArgumentMap(
        title=f"Map {p[1]}",
        description=f"Description {p[0]} {p[4]}",
        sources=sources,
        actors=actors,
        claims=claims,
        stances=stances,
        relations=relations,
    )


def chain_map(claims: int) -> ArgumentMap:
    """A map of one proposal and `claims` claims in a binary tree of supports, each held
    by one of a few actors: big enough to need capping past 2,000 claims."""
    actors = tuple(Actor(f"actor-{i}", f"Actor {i}", ActorKind.PERSON) for i in range(5))
    items = [Claim("root", "The root proposal", ClaimKind.PROPOSAL)]
    relations = []
    stances = []
    for i in range(1, claims):
        items.append(Claim(f"c{i:05d}", f"Claim number {i}"))
        parent = "root" if i <= 2 else f"c{(i - 1) // 2:05d}"
        relations.append(
            Relation(f"c{i:05d}/supports/{parent}", f"c{i:05d}", parent, RelationKind.SUPPORTS)
        )
        actor = f"actor-{i % 5}"
        stances.append(
            Stance(f"{actor}/c{i:05d}", actor, f"c{i:05d}", Position.SUPPORTS, "s", quote="q")
        )
    return ArgumentMap(
        title="Chain",
        sources=(Source("s", "S", "P", "2024"),),
        actors=actors,
        claims=tuple(items),
        stances=tuple(stances),
        relations=tuple(relations),
    )


# ---- browser ------------------------------------------------------------------------


def _chromium_or_skip() -> None:
    if chromium.executable() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run must install it")
        pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = chromium.launch(playwright)
        yield instance
        instance.close()


class PageLog:
    """What a page did: console messages, uncaught errors and every request."""

    def __init__(self) -> None:
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = PageLog()
    page.on("console", lambda m: log.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("request", lambda r: log.requests.append(r.url))
    page.log = log
    yield page
    context.close()
