"""The page's data cut into what the first drawing needs and blocks parsed on first use
(issue 18, fourth pass): the cut exactly on small literal data, and the page's blocks."""

from __future__ import annotations

import json
import re

import pytest

from argmap.analysis import analyse
from argmap.load import loads
from argmap.render import html
from argmap.render.html import _homes, _lazy_blocks, render_index
from tests.conftest import chain_map, example_yaml


def _data(drawings: bool) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "T",
        "board": {
            "q": {"summary": "1 for", "for": [["b", 1.0, 0]]},
            "p": {"summary": "0 for", "for": []},
        },
        "partners": {"a": [["b", 0.5]]},
        "positions": {"a": [["p", 1.0, False, "for"]]},
        "views": {
            "argument": {"title": "", "parent": None, "nodes": [["@p", "agg", 0, 0, "", -1]]},
        },
    }
    if drawings:
        data["drawings"] = {
            "argument/z": {
                "title": "Z",
                "parent": "argument",
                "nodes": [["z", "claim", 0, 0, "", -1]],
            },
            "argument/p": {
                "title": "P",
                "parent": "argument",
                "nodes": [["p", "claim", 0, 0, "", -1]],
            },
        }
    return data


def test_the_first_drawing_keeps_the_small_things_and_the_rest_become_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html, "QUOTES_PER_BLOCK", 2)
    main, blocks = _lazy_blocks(_data(False), ["q0", None, "q2"])
    assert main == {
        "title": "T",
        "board": {"p": {"summary": "0 for", "block": 0}, "q": {"summary": "1 for", "block": 1}},
        "views": _data(False)["views"],
        "quoteBlock": 2,
    }
    assert blocks == [
        ("argmap-quotes-0", ["q0", None]),
        ("argmap-quotes-1", ["q2"]),
        ("argmap-board-0", {"summary": "0 for", "for": []}),
        ("argmap-board-1", {"summary": "1 for", "for": [["b", 1.0, 0]]}),
        (
            "argmap-actors",
            {"partners": {"a": [["b", 0.5]]}, "positions": {"a": [["p", 1.0, False, "for"]]}},
        ),
    ]


def test_each_drawing_is_a_block_in_key_order_and_the_page_keeps_a_directory() -> None:
    data = _data(True)
    main, blocks = _lazy_blocks(data, ["q0"])
    assert main["drawings"] == {
        "argument/p": [0, "P", "argument"],
        "argument/z": [1, "Z", "argument"],
    }
    named = dict(blocks)
    assert named["argmap-drawing-0"] == data["drawings"]["argument/p"]  # type: ignore[index]
    assert named["argmap-drawing-1"] == data["drawings"]["argument/z"]  # type: ignore[index]
    assert named["argmap-homes"] == {"argument": {"p": "argument/p", "z": "argument/z"}}
    assert [b[0] for b in blocks][-3:] == ["argmap-drawing-0", "argmap-drawing-1", "argmap-homes"]


def test_an_entry_is_at_home_in_the_first_drawing_in_key_order_never_in_an_aggregate() -> None:
    node = lambda i: [i, "claim", 0, 0, "", -1]  # noqa: E731
    drawings = {
        "stances/b": {"nodes": [node("x"), node("@u"), node("y")]},
        "stances/a": {"nodes": [node("y"), node("cut:r1")]},
        "camps/0/1": {"nodes": [node("x")]},
    }
    views = {"stances": {"nodes": [node("z"), node("x")]}, "argument": {"nodes": [node("w")]}}
    assert _homes(drawings, views) == {
        "camps": {"x": "camps/0/1"},
        "stances": {"y": "stances/a", "x": "stances/b", "z": "stances"},
        "argument": {"w": "argument"},
    }


def _blocks(page: str) -> dict[str, object]:
    found = re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', page, re.S)
    return {name: json.loads(text) for name, text in found}


def test_the_page_carries_what_only_a_panel_reads_after_its_scripts() -> None:
    amap = loads(example_yaml()).map
    page = render_index(amap, analyse(amap))
    names = list(_blocks(page))
    app = page.rindex("<script>")
    assert names[0] == "argmap-data"
    assert page.index('id="argmap-data"') < page.index("<script>")
    after = [n for n in names if page.index(f'id="{n}"') > app]
    assert after == names[1:]
    assert after[0] == "argmap-quotes-0"
    assert after[-1] == "argmap-actors"
    assert all(n.startswith("argmap-board-") for n in after[1:-1])


def test_the_drawings_and_their_homes_come_before_the_scripts() -> None:
    assert html._placed(
        [("argmap-quotes-0", 1), ("argmap-board-0", 2), ("argmap-actors", 3),
         ("argmap-drawing-0", 4), ("argmap-homes", 5)]
    ) == (
        [("argmap-drawing-0", 4), ("argmap-homes", 5)],
        [("argmap-quotes-0", 1), ("argmap-board-0", 2), ("argmap-actors", 3)],
    )  # fmt: skip


def test_an_aggregated_page_draws_its_overview_from_the_data_block_alone() -> None:
    amap = chain_map(2100)
    page = render_index(amap, analyse(amap))
    blocks = _blocks(page)
    data = blocks["argmap-data"]
    assert isinstance(data, dict)
    assert sorted(data["views"]) == ["argument", "camps", "stances"]
    directory = data["drawings"]
    assert directory["argument/root"] == [
        sorted(directory).index("argument/root"),
        "The root proposal",
        "argument",
    ]
    for key, (n, title, parent) in directory.items():
        drawn = blocks[f"argmap-drawing-{n}"]
        assert isinstance(drawn, dict)
        assert (drawn["key"], drawn["title"], drawn["parent"]) == (key, title, parent)
    homes = blocks["argmap-homes"]
    assert isinstance(homes, dict)
    assert homes["argument"]["root"] == "argument/root"
    assert "partners" not in data and "positions" not in data
