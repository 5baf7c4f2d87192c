"""`render_index` and the lazy quotes (render/html.py), pinned where mutmut found a gap.

docs/testing.md, "Mutation testing: third-pass code (fourth pass)": the page's stylesheet,
its list of contested claims and its printed outline were reached only by the browser
tests; here they are fragments of the page itself.
"""

from __future__ import annotations

from argmap.analysis import analyse
from argmap.load import loads
from argmap.model import ArgumentMap
from argmap.render.html import render_index

from .helpers import ROOT

# Jo and Sam on either side of the one proposal: the one contested claim.
TWO_SIDES = """\
title: T
sources:
  g:
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
stances:
  - actor: jo
    supports: allow
    source: g
    quote: Yes.
  - actor: sam
    opposes: allow
    source: g
    quote: No.
"""


def _page(text: str = TWO_SIDES) -> str:
    amap: ArgumentMap = loads(text, "m.yaml").map
    return render_index(amap, analyse(amap))


def test_the_page_carries_its_stylesheet_inline_once() -> None:
    css = (ROOT / "argmap" / "render" / "assets" / "argmap.css").read_text(encoding="utf-8")
    page = _page()
    assert page.count("<style>") == 1
    assert f"<style>{css}</style>" in page


def test_the_contested_list_names_the_claim_and_counts_both_sides() -> None:
    assert (
        '<details class="contested popup" id="contested"><summary>Most contested</summary>'
        '<div><ol><li><button type="button" class="ref" data-select="allow">Allow it</button>'
        ' <span class="status">1 support, 1 oppose</span></li></ol></div></details>'
    ) in _page()


def test_without_both_sides_the_contested_list_says_so() -> None:
    one_side = TWO_SIDES.replace("opposes: allow", "supports: allow")
    assert (
        '<div><p class="status">No claim has actors on both sides.</p></div></details>'
    ) in _page(one_side)


def test_a_small_maps_page_prints_its_outline() -> None:
    page = _page()
    assert (
        '<section class="print-only" id="print-outline"><div class="outline-view">'
        '<section class="o-summary" id="summary" aria-labelledby="summary-title">'
    ) in page
    assert "The outline of this map is in outline.html." not in page
