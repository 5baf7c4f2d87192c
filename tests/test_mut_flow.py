"""`load/flow.py`: the flow lists both fast readers share, pinned where mutmut found a gap.

docs/testing.md, "Mutation testing: third-pass code (fourth pass)".
"""

from __future__ import annotations

import pytest

from argmap.load import loads
from argmap.load.canon import read_canonical
from argmap.load.flow import Reject, flow_items

from .helpers import EVERY_FIELD


def test_a_list_of_one_no_break_space_is_one_item_not_an_empty_list() -> None:
    # YAML's white space in a flow list is the space (and tab) only: U+00A0 and U+3000
    # are text. The fast path reads no such item (it hands the text on), so the map is
    # the full loader's; an empty list here would lose the item.
    text = EVERY_FIELD.replace("tags: [x]", "tags: [\u00a0]").replace(
        "affiliations: [b]", "affiliations: [\u3000]"
    )
    assert read_canonical(text, "m.yaml") is None
    loaded = loads(text, "m.yaml")
    assert loaded.map.claims[0].tags == ("\u00a0",)
    assert loaded.map.actors[0].affiliations == ("\u3000",)


@pytest.mark.parametrize(
    ("inner", "items"),
    [
        ("", []),
        ("   ", []),
        ("a", [("a", 3, 10, True)]),
        ("a,", [("a", 3, 10, True)]),
        (" a ,  bb , c", [("a", 3, 11, True), ("bb", 3, 16, True), ("c", 3, 21, True)]),
    ],
)
def test_flow_items_and_their_columns(inner: str, items: list[tuple[object, ...]]) -> None:
    assert flow_items(inner, 3, 10) == items


@pytest.mark.parametrize("inner", ["a,,b", "'a'", "a: b", "a,\u00a0", ",", "a, #b"])
def test_what_flow_items_hands_on(inner: str) -> None:
    with pytest.raises(Reject):
        flow_items(inner, 3, 10)
