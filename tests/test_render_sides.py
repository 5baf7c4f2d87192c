"""The page's data for issue 14 on a small literal map: stance lines by side, named
camps with one word for the unaligned, undercuts on the argument map, allies and
opponents, and the chain behind an inferred position. Exact values, worked by hand."""

from __future__ import annotations

from typing import Any

from argmap.analysis import analyse
from argmap.load import loads
from argmap.model import ArgumentMap
from argmap.render.html import _filters, _legend, _page_data, render_index
from argmap.render.outline import outline_html
from argmap.render.views import build_views

TEXT = """\
title: T
sources:
  gazette: {title: Gazette, publisher: P, date: unknown}
  herald: {title: Herald, publisher: P, date: unknown}
actors:
  jo: {name: Jo, kind: person}
  sam: {name: Sam, kind: person}
  vic: {name: Vic, kind: person}
  ann: {name: Ann, kind: person}
claims:
  uk: {kind: proposal, text: Allow rooms in the UK, label: Allow rooms}
  town: {kind: proposal, text: Open a room in the town}
  saves: {text: Rooms save lives}
  illegal: {text: Rooms are illegal under current law}
  change: {text: The law can be changed}
stances:
  - {actor: jo, supports: saves, source: gazette, quote: Rooms save lives.}
  - {actor: jo, opposes: illegal, source: gazette, quote: Nothing stops a room.}
  - {actor: sam, supports: illegal, source: gazette, quote: They are illegal.}
  - {actor: vic, supports: uk, source: gazette, quote: Allow them.}
  - {actor: vic, supports: saves, source: gazette, quote: They save lives.}
relations:
  - {from: saves, supports: uk, source: gazette}
  - {from: illegal, attacks: uk, source: gazette}
  - {from: change, undercuts: illegal/attacks/uk, source: gazette}
"""
# Stances in id order, as the page indexes them:
# 0 jo/opposes/illegal, 1 jo/supports/saves, 2 sam/supports/illegal,
# 3 vic/supports/saves, 4 vic/supports/uk.


def _built(text: str = TEXT) -> tuple[ArgumentMap, Any, Any, dict[str, Any]]:
    loaded = loads(text)
    assert loaded.problems == ()
    analysis = analyse(loaded.map)
    views = build_views(loaded.map, analysis)
    return loaded.map, analysis, views, _page_data(loaded.map, analysis, views)


def test_each_stance_is_drawn_by_what_it_means_for_each_proposal() -> None:
    _, _, _, data = _built()
    assert data["question"] == "uk"
    # Opposing "illegal", which attacks the proposal, is for it; supporting it is against.
    assert data["stanceSides"] == {"town": {}, "uk": {"0": 1, "1": 1, "2": -1, "3": 1, "4": 1}}
    assert data["sideStyles"]["-1"] == {"color": "#D55E00", "dashes": [10, 6]}
    assert data["sideStyles"]["1"] == {"color": "#0072B2", "dashes": False}


def test_the_stance_legend_says_lines_show_sides_with_the_same_styles() -> None:
    amap, analysis, views, data = _built()
    names = [c["name"] for c in data["camps"]]
    legend = _legend(views[1], amap, analysis, names)
    assert legend[3] == {
        "text": "Lines: what each stance means for \u201cAllow rooms\u201d, the central question "
        "(select a proposal to redraw them for it); supporting a claim against it is drawn "
        "as against",
        "node": None,
        "edge": None,
        "swatches": [],
        "id": "sides-for",
    }
    drawn = [(i["text"], i["edge"]) for i in legend if i["edge"]]
    assert drawn == [
        ("for it", {"colour": "#0072B2", "dash": "", "arrow": False}),
        ("against it", {"colour": "#D55E00", "dash": "10,6", "arrow": False}),
        ("both ways, or neutral", {"colour": "#8C8C8C", "dash": "2,5", "arrow": False}),
        ("does not bear on it", {"colour": "#C8C8C8", "dash": "1,7", "arrow": False}),
    ]
    # The legend's swatches are the styles the script draws the lines with.
    for key, (text, edge) in zip(("1", "-1", "0", "none"), drawn, strict=True):
        style = data["sideStyles"][key]
        dashes = style["dashes"]
        assert (style["color"], ",".join(map(str, dashes)) if dashes else "") == (
            edge["colour"],
            edge["dash"],
        ), text


def test_camps_are_named_once_and_the_unaligned_have_one_word() -> None:
    amap, analysis, views, data = _built()
    assert data["camps"] == [
        {
            "name": "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors",
            "members": ["jo", "vic"],
        },
        {
            "name": "Camp 2: Against: Allow rooms \u00b7 mean -1.00 \u00b7 1 actor",
            "members": ["sam"],
        },
    ]
    assert data["unaligned"] == ["ann"]
    assert data["unalignedWord"] == "Unaligned"
    assert [(c["value"], c["name"]) for c in _filters(amap, analysis)["camps"]] == [
        (0, "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors"),
        (1, "Camp 2: Against: Allow rooms \u00b7 mean -1.00 \u00b7 1 actor"),
        ("none", "Unaligned \u00b7 1 actor"),
    ]
    # The camps map's group labels: the same names; camps of one and the unaligned share one.
    assert [g[0] for g in views[2].groups] == [
        "Camp 1: For: Allow rooms \u00b7 mean +1.00 \u00b7 2 actors",
        "Unaligned, and camps of one actor",
    ]
    page = render_index(amap, analysis)
    assert "in no camp" not in page and "no camp of their own" not in page


def test_allies_and_opponents_strongest_first() -> None:
    _, _, _, data = _built()
    assert data["partners"] == {
        "jo": [["vic", 1.0], ["sam", -1.0]],
        "sam": [["jo", -1.0]],
        "vic": [["jo", 1.0]],
    }


def test_an_undercut_ends_on_the_middle_of_the_edge_it_undercuts() -> None:
    _, _, _, data = _built()
    argument = data["views"]["argument"]
    xy = {n[0]: (n[2], n[3]) for n in argument["nodes"]}
    (x1, y1), (x2, y2) = xy["illegal"], xy["uk"]
    assert [n for n in argument["nodes"] if n[1] == "undercut-mid"] == [
        [
            "cut:illegal/attacks/uk",
            "undercut-mid",
            round((x1 + x2) / 2),
            round((y1 + y2) / 2),
            "",
            -1,
        ]
    ]
    # Relations in id order: 0 the undercut, 1 illegal/attacks/uk, 2 saves/supports/uk.
    assert argument["edges"][-1] == [
        "change/undercuts/illegal/attacks/uk",
        "change",
        "cut:illegal/attacks/uk",
        "rel-undercuts",
        0,
        [0],
        "",
        [],
    ]
    # "change" is unattacked, so its undercut disables the attack (relation 1).
    assert data["disabled"] == [1]
    assert data["claims"]["illegal"]["acceptance"] == "in"
    assert data["claims"]["uk"]["reasons"] == []
    assert data["claims"]["uk"]["strength"] == 0.625  # 0.5 + 0.5 * 0.5: one support stands


def test_the_argument_legend_explains_undercuts_and_disabled_links() -> None:
    amap, analysis, views, _ = _built()
    texts = [i["text"] for i in _legend(views[0], amap, analysis, [])]
    assert texts[-2:] == [
        "\u2298 undercut: attacks the link it ends on, not a claim",
        "grey, marked \u2298: a link an accepted undercut disables",
    ]


def test_an_out_claim_carries_its_reasons() -> None:
    text = TEXT.replace("  - {from: change, undercuts: illegal/attacks/uk, source: gazette}\n", "")
    _, _, _, data = _built(text)
    assert data["claims"]["uk"]["acceptance"] == "out"
    assert data["claims"]["uk"]["reasons"] == ["illegal"]
    assert data["disabled"] == []


def test_an_inferred_position_carries_its_chain_of_sources() -> None:
    # Jo's Gazette stance reaches the town only through the Herald's relation.
    text = TEXT.replace(
        "relations:\n", "relations:\n  - {from: saves, supports: town, source: herald}\n"
    )
    _, analysis, _, data = _built(text)
    assert "town" in analysis.inferred_positions["jo"]
    rows = {r[0]: r for r in data["board"]["town"]["inferred"]}
    assert rows["jo"][3] == {"path": ["saves", "town"], "sources": ["gazette", "herald"]}
    assert data["board"]["town"]["for"] == []


def test_the_outline_counts_each_proposal_as_the_page_does() -> None:
    amap, analysis, _, data = _built()
    html = outline_html(amap, analysis)
    uk = html[html.index('id="o-uk"') :]
    uk = uk[: uk.index("</li>")]
    assert f'<p class="o-sides">Stated positions: {data["board"]["uk"]["summary"]}</p>' in uk
    assert data["board"]["uk"]["summary"] == "2 for, 1 against"
    assert "<h4>Unaligned (1)</h4>" in html


def test_the_outline_shows_an_undercut_under_the_link_it_undercuts() -> None:
    amap, analysis, _, _ = _built()
    html = outline_html(amap, analysis)
    illegal = html[html.index('id="o-illegal"') :]
    illegal = illegal[: illegal.index("</li>")]
    assert (
        '<p class="o-cut">\u2298 This link is undercut by \u201cThe law can be changed\u201d:'
        " disabled, it no longer counts.</p>"
    ) in illegal
    assert html.count('class="o-cut"') == 1
