"""The outline: the summary first, then each proposal's tree with signed, grouped arguments."""

from __future__ import annotations

import doctest
import re

import argmap.render.summary
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
from argmap.render.outline import outline_html
from argmap.render.report import render_markdown

MAP = ArgumentMap(
    title="Should the town allow a room?",
    sources=(Source("gazette", "Council debates room", "The Gazette", "2024-03-01"),),
    actors=(
        Actor("jo", "Jo Green", ActorKind.PERSON, role="councillor"),
        Actor("sam", "Sam Chief", ActorKind.POLICE),
        Actor("lee", "Lee Quiet", ActorKind.PERSON),
    ),
    claims=(
        Claim("allow", "The town should allow a room", ClaimKind.PROPOSAL, label="Allow a room"),
        Claim("saves", "A room saves lives"),
        Claim("dealers", "A room helps dealers"),
    ),
    stances=(
        Stance("s1", "jo", "allow", Position.SUPPORTS, "gazette", quote="Open it."),
        Stance("s2", "sam", "dealers", Position.SUPPORTS, "gazette", quote="Dealers win."),
        Stance("s3", "lee", "allow", Position.NEUTRAL, "gazette", quote="We will see."),
    ),
    relations=(
        Relation("r1", "saves", "allow", RelationKind.SUPPORTS, source="gazette"),
        Relation("r2", "dealers", "allow", RelationKind.ATTACKS, source="gazette"),
    ),
)


def fragment() -> str:
    return outline_html(MAP, analyse(MAP))


def flat(html: str) -> str:
    # Only the line breaks between elements: the spaces in the text are content.
    return re.sub(r">\n\s*<", "><", html)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(argmap.render.summary).failed == 0


def test_the_summary_comes_before_the_tree() -> None:
    html = fragment()
    assert html.startswith('<section class="o-summary" id="summary"')
    assert html.index('id="summary-title"') < html.index('id="outline-title"')
    assert html.index('id="outline-title"') < html.index('id="o-allow"')


def test_supporters_are_marked_plus_and_attackers_minus() -> None:
    html = flat(fragment())
    assert (
        '<p class="o-head">For</p><ul class="o-args"><li id="o-saves" class="o-claim">'
        '<p class="o-claim"><span class="o-rel">+ for:</span> <span class="o-kind">Claim</span>'
        ' <span class="o-text">A room saves lives</span></p></li></ul>'
    ) in html
    assert (
        '<p class="o-head">Against</p><ul class="o-args"><li id="o-dealers" class="o-claim">'
        '<p class="o-claim"><span class="o-rel">\u2212 against:</span>'
        ' <span class="o-kind">Claim</span> <span class="o-text">A room helps dealers</span></p>'
    ) in html


def test_each_stance_shows_sign_words_and_source() -> None:
    html = flat(fragment())
    assert (
        '<li class="o-stance o-supports"><span class="o-sign" aria-hidden="true">+</span>'
        ' <strong>Jo Green</strong> supports it: <span class="o-quote">\u201cOpen it.\u201d</span>'
        ' <span class="o-src">\u2014 <cite>Council debates room</cite>, The Gazette, 2024-03-01'
        "</span></li>"
    ) in html
    assert (
        '<span class="o-sign" aria-hidden="true">0</span> <strong>Lee Quiet</strong>'
        " is neutral on it: "
    ) in html


def test_actors_are_numbered_and_named_by_camp_as_in_the_report() -> None:
    html = flat(fragment())
    report = render_markdown(MAP, analyse(MAP))
    assert "1. For: Allow a room · mean +1.00 · 1 actor: Jo Green" in report
    assert "2. Against: Allow a room · mean -1.00 · 1 actor: Sam Chief" in report
    assert (
        '<h4>Camp 1: For: Allow a room · mean +1.00 · 1 actor (1)</h4><ul class="o-actor-list">'
        '<li id="o-actor-jo"><strong>Jo Green</strong> \u2014 person; councillor;'
        " on \u201cAllow a room\u201d: for, +1.00</li></ul>"
        '<h4>Camp 2: Against: Allow a room · mean -1.00 · 1 actor (1)</h4><ul class="o-actor-list">'
        '<li id="o-actor-sam"><strong>Sam Chief</strong> \u2014 police;'
        " on \u201cAllow a room\u201d: against, -1.00</li></ul>"
        '<h4>Unaligned (1)</h4><ul class="o-actor-list">'
        '<li id="o-actor-lee"><strong>Lee Quiet</strong> \u2014 person</li></ul>'
    ) in html


def test_the_summary_names_each_side_with_its_quote() -> None:
    html = flat(fragment())
    assert (
        '<section class="s-side s-for" aria-labelledby="s-for-title">'
        '<h3 id="s-for-title">For <span class="s-count">(1)</span></h3><ul>'
        '<li><a class="s-name" href="report.html#actor-jo">Jo Green</a>'
        ' <span class="s-score">for, +1.00</span>'
        ' <span class="s-quote">\u201cOpen it.\u201d</span></li></ul></section>'
    ) in html
    assert (
        '<h3 id="s-against-title">Against <span class="s-count">(1)</span></h3><ul>'
        '<li><a class="s-name" href="report.html#actor-sam">Sam Chief</a>'
        ' <span class="s-score">against, -1.00</span>'
        ' <span class="s-quote">\u201cDealers win.\u201d</span></li></ul>'
    ) in html
    assert '<p class="s-neutral">Neutral: Lee Quiet.</p>' in html
    assert (
        '<p class="s-tally"><a href="#s-for-title">1 for</a> · <a href="#s-against-title">'
        '1 against</a> · <a href="#s-mixed-title">0 mixed</a> · 1 neutral</p>'
    ) in html
    assert (
        "Grounded acceptance: out, since an objection to it stands unanswered in the map:"
        " <em>A room helps dealers</em>."
    ) in html
