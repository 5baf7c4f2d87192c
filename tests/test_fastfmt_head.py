"""The fast path of `fmt` keeps the comment lines a file starts with, as ruamel.yaml does.

A large map whose only comments are at its head (a schema line, a note on the dataset)
is formatted the fast way, and must come out byte for byte as the slow path writes it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.fastfmt import comment_head, fast_format
from argmap.fmt import _format_tree, format_text

MAP = """\
title: T
description: D

sources:
  s:
    title: S
    publisher: P
    date: 2024-03-01
actors:
  jo:
    kind: person
    name: Jo
    affiliations:
      - green
  green: {name: Greens, kind: party}
claims:
  c:
    text: T
    kind: proposal

stances:
- actor: jo
  quote: Words.
  source: s
  supports: c
"""


def slow(text: str) -> str:
    return _format_tree(text, "arguments.yaml")


def test_comment_head_exact() -> None:
    assert comment_head("") == ("", "")
    assert comment_head("title: T\n") == ("", "title: T\n")
    assert comment_head("# a\ntitle: T\n") == ("# a\n", "title: T\n")
    assert comment_head("# a\n\n  # b\n\n\ntitle: T\n# c\n") == (
        "# a\n\n  # b\n\n\n",
        "title: T\n# c\n",
    )
    # A blank line first, a tab, or a last line without its end: no head.
    assert comment_head("\n# a\ntitle: T\n") == ("", "\n# a\ntitle: T\n")
    assert comment_head("\t# a\ntitle: T\n") == ("", "\t# a\ntitle: T\n")
    assert comment_head("# a\n# b") == ("# a\n", "# b")
    assert comment_head("# a\n\n") == ("# a\n\n", "")


@pytest.mark.parametrize(
    "head",
    [
        "# yaml-language-server: $schema=argmap.schema.json\n",
        "# a  \n#\n",
        "# ünï 🗺 —\n\n\n# after blank lines\n\n",
        "   #   indented   \n",
        "# a # b: c\n# ---\n#!x\n",
    ],
)
def test_a_head_comment_takes_the_fast_path_and_agrees(head: str) -> None:
    quick = fast_format(head + MAP, slow)
    assert quick is not None
    assert quick == slow(head + MAP) == format_text(head + MAP)
    assert quick.startswith(head)


@pytest.mark.parametrize(
    "text",
    [
        "\n# a blank line first\n" + MAP,
        "# head\n" + MAP.replace("title: T", "title: T  # a comment later"),
        "# head\n" + MAP + "# a comment at the end\n",
    ],
)
def test_a_comment_after_the_head_takes_the_slow_path(text: str) -> None:
    assert fast_format(text, slow) is None


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"])).map(
            lambda s: "#" + s
        )
        | st.just(""),
        min_size=1,
        max_size=4,
    ).filter(lambda lines: lines[0] != "")
)
def test_any_head_agrees(lines: list[str]) -> None:
    text = "".join(line + "\n" for line in lines) + MAP
    try:
        expected = format_text(text)
    except ArgmapError:  # the loader may refuse odd characters; fmt then refuses too
        return
    assert fast_format(text, slow) == expected == slow(text)
