"""No string from the map becomes markup in report.html or outline.html.

A map is built twice from one recipe: once with plain words in every text field, once with
markup payloads added to each. Parsed with `html.parser`, both pages must have exactly the
same elements and attributes (so no element or attribute came from user text), and the
payloads must come back as text, whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest

from argmap.analysis import analyse
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
from argmap.render.html import render_outline
from argmap.render.report import render_html, render_markdown

PAYLOADS = (
    "<script>alert(1)</script>",
    '"onmouseover="alert(2)',
    "'><img src=x onerror=alert(3)>",
    "</textarea><svg onload=alert(4)>",
    "&lt;b&gt; &amp; {{ 7*7 }} {% raw %}",
)


def hostile_map(text: Callable[[str], str], url: Callable[[str], str]) -> ArgumentMap:
    """The same small map whatever `text` adds to each text field (named by its argument)."""
    sources = (
        Source("src-a", text("title-a"), text("publisher-a"), "2024", url("a")),
        Source("src-b", text("title-b"), text("publisher-b"), "2024-05", url("b")),
    )
    actors = (
        Actor(
            "ann",
            text("name-ann"),
            ActorKind.PERSON,
            role=text("role-ann"),
            affiliations=("party",),
        ),
        Actor("bob", text("name-bob"), ActorKind.POLICE, role=text("role-bob")),
        Actor("party", text("name-party"), ActorKind.PARTY),
        Actor("cat", text("name-cat"), ActorKind.PERSON),
    )
    claims = (
        Claim("prop", text("text-prop"), ClaimKind.PROPOSAL, label=text("label-prop")),
        Claim("pro", text("text-pro"), tags=(text("tag"),)),
        Claim("con", text("text-con"), label=text("label-con")),
        Claim("ev", text("text-ev"), ClaimKind.EVIDENCE, source="src-b"),
        Claim("lone", text("text-lone")),
    )
    stances = (
        Stance("s1", "ann", "prop", Position.SUPPORTS, "src-a", quote=text("quote-1")),
        Stance(
            "s2", "ann", "pro", Position.SUPPORTS, "src-a", quote=text("quote-2"), date="2024-01"
        ),
        Stance(
            "s3", "bob", "con", Position.SUPPORTS, "src-b", quote=text("quote-3"), reported=True
        ),
        Stance(
            "s4",
            "bob",
            "pro",
            Position.OPPOSES,
            "src-b",
            quote=text("quote-4"),
            note=text("note-4"),
        ),
        Stance("s5", "party", "prop", Position.SUPPORTS, "src-a", reported=True),
        Stance("s6", "cat", "prop", Position.NEUTRAL, "src-a", quote=text("quote-6")),
        Stance("s7", "cat", "lone", Position.SUPPORTS, "src-b", quote=text("quote-7")),
        Stance("s8", "party", "ev", Position.SUPPORTS, "src-b", quote=text("quote-8")),
    )
    relations = (
        Relation("r1", "pro", "prop", RelationKind.SUPPORTS, note=text("note-r1")),
        Relation("r2", "con", "prop", RelationKind.ATTACKS, source="src-b", note=text("note-r2")),
        Relation("r3", "ev", "pro", RelationKind.SUPPORTS),
    )
    return ArgumentMap(
        title=text("title"),
        description=text("description"),
        sources=sources,
        actors=actors,
        claims=claims,
        stances=stances,
        relations=relations,
    )


def plain(field: str) -> str:
    return f"plain {field}"


def hostile(field: str) -> str:
    # Every payload in every field, each time in a different order.
    shift = sum(map(ord, field)) % len(PAYLOADS)
    return f"plain {field} " + " ".join(PAYLOADS[shift:] + PAYLOADS[:shift])


def plain_url(name: str) -> str:
    return f"https://example.org/{name}"


def hostile_url(name: str) -> str:
    return f'https://example.org/{name}?q="onmouseover="alert(5)&x=<script>'


class Structure(HTMLParser):
    """The elements and attribute names of a page, in order, and all its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(name for name, _ in attrs)))
        self.attributes += [value or "" for _, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(("/" + tag, ()))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Structure:
    parser = Structure()
    parser.feed(page)
    parser.close()
    return parser


def pages(amap: ArgumentMap) -> dict[str, str]:
    analysis = analyse(amap)
    return {
        "report.html": render_html(amap, analysis),
        "outline.html": render_outline(amap, analysis),
    }


SAFE = pages(hostile_map(plain, plain_url))
UNSAFE = pages(hostile_map(hostile, hostile_url))


@pytest.mark.parametrize("name", ["report.html", "outline.html"])
def test_no_element_or_attribute_comes_from_user_text(name: str) -> None:
    safe, unsafe = parse(SAFE[name]), parse(UNSAFE[name])
    assert unsafe.tags == safe.tags
    assert not any(tag in ("script", "img", "svg", "textarea") for tag, _ in unsafe.tags)


@pytest.mark.parametrize("name", ["report.html", "outline.html"])
def test_every_payload_comes_back_whole_as_text(name: str) -> None:
    text = "".join(parse(UNSAFE[name]).text)
    for field in ("title", "name-ann", "role-bob", "text-prop", "label-prop", "quote-3"):
        assert hostile(field) in text, field
    for field in ("quote-1", "quote-2", "quote-4", "quote-7", "quote-8", "title-a"):
        assert hostile(field) in text, field


def test_the_report_shows_every_field_a_reader_needs() -> None:
    text = "".join(parse(UNSAFE["report.html"]).text)
    # Claims show their label in the report; the outline shows their whole text.
    for field in ("description", "publisher-b", "text-pro", "name-party", "name-cat", "label-prop"):
        assert hostile(field) in text, field


def test_urls_stay_inside_their_attribute() -> None:
    for name in SAFE:
        safe_links = [v for v in parse(SAFE[name]).attributes if v.startswith("https://")]
        unsafe_links = [v for v in parse(UNSAFE[name]).attributes if v.startswith("https://")]
        assert len(unsafe_links) == len(safe_links) > 0
        assert set(unsafe_links) == {hostile_url("a"), hostile_url("b")}


def test_the_markdown_report_escapes_the_same_payloads() -> None:
    amap = hostile_map(hostile, hostile_url)
    report = render_markdown(amap, analyse(amap))
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in report
    # Every < is backslash-escaped, except in the report's own tags and its link targets.
    raw = re.findall(r"(?<!\\)<(?!/?(?:details|summary)>|https://)", report)
    assert raw == []
