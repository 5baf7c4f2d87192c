"""report.html and the outline, now built partly in Python (`argmap.render.markup`), give
the same bytes as the all-Jinja2 templates they replaced, on hostile maps too; `esc` is
markupsafe's escaping; `source_html` and `safe_href` exactly, on their edge cases.

The reference is the templates as they were (tests/fixtures/jinja_reference), rendered
here with the context the old code gave them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import pytest

from argmap.analysis import Analysis, analyse
from argmap.load import loads
from argmap.model import (
    UNKNOWN,
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
    canonical,
)
from argmap.render import outline, report
from argmap.render.markup import esc, source_html
from argmap.render.summary import actor_name, stand, summarise
from argmap.text import excerpt, plural, safe_href, signed

from .conftest import xss_map
from .helpers import REPORT_MAP, SIDES_MAP

REFERENCE = Path(__file__).parent / "fixtures" / "jinja_reference"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(REFERENCE),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(href=safe_href, signed=signed, stand=stand, excerpt=excerpt, plural=plural)
    return env


ENV = _environment()


def reference_html(amap: ArgumentMap, analysis: Analysis) -> str:
    """report.html as the old `render_html` wrote it."""
    built = report.build_report(amap, analysis)
    stances = {s.id: s for s in amap.stances}
    kinds = report._relation_kinds(amap)
    summary = built.summary
    context: dict[str, Any] = {
        "amap": amap,
        "report": built,
        "summary": summary,
        "counts": report._counts(amap),
        "verdict": report.verdict_parts(summary.verdict) if summary.verdict else [],
        "key_claims": report.key_claims(analysis),
        "frustration": report.frustration(analysis),
        "analysis": analysis,
        "reason": lambda c, times: report.reason_parts(c, stances, kinds, times),
        "chain": lambda p: [
            report.reason_parts(c, stances, kinds, times, built.source_numbers)
            for c, times in report._merged(report._strongest(p.contributions), stances)
        ],
        "cite": lambda source_id: report._cite(amap, built, source_id),
        "name": lambda a: actor_name(amap, a),
        "claim": lambda c: report._claim_text(amap, c),
        "source": amap.sources_by_id.get,
        "unknown": UNKNOWN,
        "page_href": "index.html",
        "acceptance_intro": report._ACCEPTANCE_INTRO,
        "camp_names": report._CAMP_NAMES,
    }
    return ENV.get_template("report.html").render(**context)


def reference_outline(amap: ArgumentMap, analysis: Analysis) -> str:
    """The outline fragment as the old `outline_html` wrote it."""
    tops, others = outline._tree(amap, frozenset(analysis.disabled_relations))
    for top in tops:
        if not top.ref and top.claim.id in analysis.sides:
            top.sides = analysis.sides[top.claim.id].summary()
    summary = summarise(amap, analysis)
    text = ENV.get_template("outline.html").render(
        amap=amap,
        summary=summary,
        verdict=report.verdict_parts(summary.verdict) if summary.verdict else [],
        tops=tops,
        others=others,
        actor_groups=outline._actor_groups(amap, analysis),
        name=lambda a: actor_name(amap, a),
        claim=lambda c: amap.claims_by_id[c].display if c in amap.claims_by_id else c,
        source=amap.sources_by_id.get,
        cite=lambda source_id: outline._cite(amap, source_id),
        unknown=UNKNOWN,
        kind_word=outline._KIND_WORD,
        verb=outline._POSITION_VERB,
        camp_names=5,
    )
    return text.rstrip("\n")


def tangled_map() -> ArgumentMap:
    """Undercuts (one accepted, so its link is disabled), a claim reached twice, a chain
    deeper than the outline nests, shared words, a reported stance without words, an
    unknown publisher and date, urls that are not links, and markup in every field."""
    bad = "<script>x</script> \"q\" 's' & </script"
    sources = (
        Source("s1", f"T1 {bad}", UNKNOWN, UNKNOWN, "javascript:alert(1)"),
        Source("s2", f"T2 {bad}", f"P2 {bad}", "2024-02", "https://e.org/a b"),
        Source("s3", f"T3 {bad}", f"P3 {bad}", "2024-03", 'https://e.org/?a=1&b="2"<'),
        Source("s4", f"T4 {bad}", f"P4 {bad}", "2024-04"),
    )
    actors = tuple(
        Actor(f"a{i}", f"Actor {i} {bad}", ActorKind.PERSON, role=f"r {bad}" if i % 2 else None)
        for i in range(6)
    )
    depth = 15
    claims = [
        Claim("p", f"Proposal {bad}", ClaimKind.PROPOSAL, label=f"P {bad}"),
        Claim("q", f"Second {bad}", ClaimKind.PROPOSAL),
        Claim("cut", f"Undercut {bad}"),
        Claim("cut2", f"Undercut two {bad}"),
        Claim("ev", f"Evidence {bad}", ClaimKind.EVIDENCE, source="s3"),
        *(Claim(f"d{i:02d}", f"Deep {i} {bad}") for i in range(depth)),
    ]
    relations = [
        Relation("r1", "d00", "p", RelationKind.SUPPORTS, source="s2"),
        Relation("r2", "ev", "p", RelationKind.ATTACKS, source="s3"),
        Relation("r3", "ev", "q", RelationKind.SUPPORTS, source="s1"),
        Relation("r4", "cut", "r2", RelationKind.UNDERCUTS, source="s2"),
        Relation("r5", "cut2", "r1", RelationKind.UNDERCUTS, source="s2"),
        Relation("r6", "d00", "cut2", RelationKind.ATTACKS, source="s4"),
        *(
            Relation(f"rd{i}", f"d{i:02d}", f"d{i - 1:02d}", RelationKind.SUPPORTS, source="s4")
            for i in range(1, depth)
        ),
    ]
    stances = [
        Stance("t1", "a0", "p", Position.SUPPORTS, "s1", quote=f"Yes {bad}", date="2024-01"),
        Stance("t2", "a1", "p", Position.OPPOSES, "s2", quote=f"Yes {bad}"),
        Stance("t3", "a2", "p", Position.SUPPORTS, "s2", quote=f"Yes {bad}"),
        Stance("t4", "a3", "ev", Position.SUPPORTS, "s3", reported=True),
        Stance("t5", "a4", "d14", Position.SUPPORTS, "s4", quote=f"Deep {bad}", reported=True),
        Stance("t6", "a5", "q", Position.NEUTRAL, "s1", quote=f"Hm {bad}"),
        Stance("t7", "a0", "cut", Position.SUPPORTS, "s2", quote=f"Cut {bad}"),
        Stance("t8", "a1", "ev", Position.OPPOSES, "nowhere", quote=f"No source {bad}"),
        Stance("t9", "a2", "d03", Position.OPPOSES, "s4", quote=f"Yes {bad}"),
    ]
    return ArgumentMap(
        title=f"Map {bad}",
        description=f"About {bad}",
        sources=sources,
        actors=actors,
        claims=tuple(claims),
        stances=tuple(stances),
        relations=tuple(relations),
    )


def with_inferred(amap: ArgumentMap) -> tuple[ArgumentMap, Analysis]:
    # The first actor's position taken as inferred: the report's last section.
    full = analyse(amap)
    actor = sorted(full.positions)[0]
    stated = {a: p for a, p in full.positions.items() if a != actor}
    return amap, replace(full, positions=stated, inferred_positions={actor: full.positions[actor]})


def maps() -> dict[str, tuple[ArgumentMap, Analysis]]:
    found = {
        "report map": canonical(loads(REPORT_MAP).map),
        "sides map": canonical(loads(SIDES_MAP).map),
        "xss map": xss_map(),
        "tangled map": tangled_map(),
        "empty map": ArgumentMap(title="<b>Nothing</b>"),
    }
    pairs = {name: (amap, analyse(amap)) for name, amap in found.items()}
    pairs["tangled map, inferred"] = with_inferred(found["tangled map"])
    pairs["report map, inferred"] = with_inferred(found["report map"])
    return pairs


MAPS = maps()


@pytest.mark.parametrize("name", sorted(MAPS))
def test_report_html_is_the_old_templates_bytes(name: str) -> None:
    amap, analysis = MAPS[name]
    assert report.render_html(amap, analysis) == reference_html(amap, analysis)


@pytest.mark.parametrize("name", sorted(MAPS))
def test_the_outline_is_the_old_templates_bytes(name: str) -> None:
    amap, analysis = MAPS[name]
    assert outline.outline_html(amap, analysis) == reference_outline(amap, analysis)


def test_the_tangled_map_reaches_every_fragment() -> None:
    # The differential tests above only prove something where these parts are present.
    amap, analysis = MAPS["tangled map, inferred"]
    page = report.render_html(amap, analysis)
    tree = outline.outline_html(amap, analysis)
    assert 'id="inferred"' in page and "weaker reasons" not in page
    assert "the same words as <a href=" in page and "reported, not quoted" in page
    assert '<p class="o-cut">' in tree and ": disabled, it no longer counts." in tree
    assert "(see its entry)" in tree and "<em>reported, no quote</em>" in tree
    assert '<span class="o-url">https://e.org/a b</span>' in tree
    assert '<span class="o-url">javascript:alert(1)</span>' in page
    assert "affiliated with" in outline.outline_html(*MAPS["xss map"])
    for text in (page, tree):
        assert "<script>" not in text and "</script" not in text


def test_a_shared_summary_and_report_change_nothing() -> None:
    amap, analysis = MAPS["tangled map"]
    built = report.build_report(amap, analysis)
    assert report.render_html(amap, analysis, report=built) == report.render_html(amap, analysis)
    assert report.render_markdown(amap, analysis, report=built) == report.render_markdown(
        amap, analysis
    )
    summary = summarise(amap, analysis)
    assert outline.outline_html(amap, analysis, summary) == reference_outline(amap, analysis)


# ---- esc, source_html, safe_href ---------------------------------------------------------


def test_esc_is_markupsafes_escaping() -> None:
    samples = [
        "",
        "plain",
        "<script>alert('x')</script>",
        '"onmouseover="a" & b',
        "&amp; already escaped &lt;",
        "\u2028\u2029 \x00\x1f ‘quotes’ “double” — é",
        "".join(map(chr, range(0x300))),
    ]
    for text in samples:
        assert esc(text) == str(markupsafe.escape(text)), text
    assert esc("a&b<c>d'e\"f") == "a&amp;b&lt;c&gt;d&#39;e&#34;f"


def test_source_html_exactly() -> None:
    full = Source("s", "T <i>", "P & Q", "2024-05", 'https://e.org/?a=1&b="x"')
    assert source_html(full, UNKNOWN) == (
        "<cite>T &lt;i&gt;</cite>, P &amp; Q, 2024-05"
        ' <a href="https://e.org/?a=1&amp;b=&#34;x&#34;" rel="noopener noreferrer">link</a>'
    )
    unknown = Source("s", "T", UNKNOWN, UNKNOWN, "javascript:alert('1')")
    assert source_html(unknown, UNKNOWN) == (
        "<cite>T</cite>, publisher unknown, date unknown"
        ' <span class="o-url">javascript:alert(&#39;1&#39;)</span>'
    )
    assert source_html(Source("s", "T", "P", "2024"), UNKNOWN) == "<cite>T</cite>, P, 2024"
    assert source_html(None, UNKNOWN) == "unknown source"


def _old_safe_href(url: str | None) -> str | None:
    # The definition before it was cached, character by character.
    if url is None:
        return None
    stripped = url.strip()
    scheme, sep, rest = stripped.partition("://")
    if (
        sep
        and scheme.lower() in ("http", "https")
        and rest
        and not any(c.isspace() for c in stripped)
    ):
        return stripped
    return None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (None, None),
        ("", None),
        ("https://", None),
        (" HTTPS://E.org/x\t", "HTTPS://E.org/x"),
        ("http://e.org/a\u00a0b", None),  # no-break space
        ("http://e.org/a\u3000b", None),  # ideographic space
        ("http://e.org/a\x1cb", None),  # the file separator is a space to str.isspace
        ("http://e.org/a\x85b", None),  # next line
        ("http://e.org/a\u200bb", "http://e.org/a\u200bb"),  # zero width: not a space
        ("javascript://e.org/%0aalert(1)", None),
        ("data://text/html,<script>", None),
        ("ftp://e.org/f", None),
        ("https://e.org/?a=<b>", "https://e.org/?a=<b>"),  # escaped where it is written
    ],
)
def test_safe_href_exactly(url: str | None, expected: str | None) -> None:
    assert safe_href(url) == expected
    assert _old_safe_href(url) == expected


def test_safe_href_agrees_with_the_old_definition_on_every_space_and_control() -> None:
    odd = [
        chr(c)
        for c in range(0x110000)
        if chr(c).isspace() or (unicodedata.category(chr(c))[0] in "CZ" and c < 0x3100)
    ]
    assert len(odd) > 100
    for char in odd:
        for url in (f"https://a{char}b", f"{char}https://ab{char}", f"https{char}://ab"):
            assert safe_href(url) == _old_safe_href(url), repr(url)
