"""The page's quotes in their own JSON blocks (issue 18): the split, exactly, and the blocks."""

from __future__ import annotations

import json
import re

from argmap.analysis import analyse
from argmap.load import loads
from argmap.render.html import _lazy_quotes, render_index
from tests.conftest import XSS, example_yaml, xss_map


def test_the_quotes_leave_the_rows_in_stance_order() -> None:
    data = {
        "title": "T",
        "stances": [
            ["a", "c", "supports", "s", "Yes.", 0, "2024-01-02"],
            ["b", "c", "opposes", "s", None, 1, None],
        ],
    }
    rest, quotes = _lazy_quotes(data)
    assert rest == {
        "title": "T",
        "stances": [
            ["a", "c", "supports", "s", 0, "2024-01-02"],
            ["b", "c", "opposes", "s", 1, None],
        ],
    }
    assert quotes == ["Yes.", None]
    # The input is left as it was.
    assert data["stances"][0] == ["a", "c", "supports", "s", "Yes.", 0, "2024-01-02"]


def _block(page: str, name: str) -> object:
    match = re.search(rf'<script type="application/json" id="{name}">(.*?)</script>', page, re.S)
    assert match is not None
    return json.loads(match.group(1))


def test_the_page_carries_the_quotes_block_after_its_scripts() -> None:
    amap = loads(example_yaml()).map
    page = render_index(amap, analyse(amap))
    by_id = sorted(amap.stances, key=lambda s: s.id)
    assert _block(page, "argmap-quotes-0") == [s.quote for s in by_id]
    rows = _block(page, "argmap-data")["stances"]  # type: ignore[index]
    assert rows[0] == [
        by_id[0].actor,
        by_id[0].claim,
        by_id[0].position.value,
        by_id[0].source,
        int(by_id[0].reported),
        by_id[0].date,
    ]
    # After the page's scripts (fourth pass): the first drawing does not wait for them.
    assert page.index('id="argmap-quotes-0"') > page.rindex("<script>")


def test_a_hostile_quote_cannot_close_its_block() -> None:
    amap = xss_map()
    page = render_index(amap, analyse(amap))
    quotes = _block(page, "argmap-quotes-0")
    assert isinstance(quotes, list) and any(q and any(x in q for x in XSS) for q in quotes)
    block = page.split('id="argmap-quotes-0">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
