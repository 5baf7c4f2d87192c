"""The fast path reads `key: value` lines with str methods: the same as `_KEY_LINE` and as
the full loader, whatever the spacing around the ':' and the dash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.load import fast as fastload

from .helpers import BASE, agrees, fuzz_settings

FUZZ = fuzz_settings(300)
PIECES = st.text(alphabet=st.sampled_from(list(" :-#'\"[]{},?~\xa0é’abq01")), max_size=10)


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["  - ", "  -  ", "    ", "     ", "  "]),
            st.sampled_from(sorted(fastload._STANCE_KEYS)),
            st.sampled_from(["", " ", "  "]),
            st.sampled_from([":", ": ", ":  ", ":\n      "]),
        ),
        max_size=6,
    ),
    st.lists(PIECES, min_size=6, max_size=6),
)
def test_spacing_around_keys_agrees_with_the_full_loader(
    fields: list[tuple[str, str, str, str]], values: list[str]
) -> None:
    entry = "".join(
        f"{lead}{key}{gap}{colon}{value}\n"
        for (lead, key, gap, colon), value in zip(fields, values, strict=False)
    )
    agrees(BASE.replace("relations:\n", entry + "relations:\n"))


@pytest.mark.parametrize(
    ("line", "col"),
    [
        ("    quote: Yes.", 12),
        ("    quote :  Yes.", 14),
        ("    quote:   Yes.", 14),
    ],
)
def test_the_value_column_counts_every_space(line: str, col: int) -> None:
    amap = agrees(BASE.replace("    quote: Yes.", line))  # the full loader's locations too
    assert amap is not None
    quoted = [s for s in amap.stances if s.quote == "Yes."]
    assert [s.field_locs["quote"].col for s in quoted] == [col]


def test_a_dash_with_several_spaces_puts_the_key_where_it_is() -> None:
    entry = "  - actor: jo\n    supports: allow\n    source: gazette\n    quote: Yes.\n"
    wide = "  -   actor: jo\n      supports: allow\n      source: gazette\n      quote: Yes.\n"
    assert entry in BASE
    amap = agrees(BASE.replace(entry, wide))  # the full loader's locations too
    assert amap is not None
    stance = amap.stances[0]
    assert stance.loc is not None
    assert (stance.loc.col, stance.field_locs["actor"].col) == (7, 14)
