"""`argmap.textdiff`, pinned where mutmut found a gap: exact diffs on small literal texts.

docs/testing.md, "Mutation testing: third-pass code (fourth pass)": the common head and
tail must stop at the window's ends (a text that is the other's start or end), and a
window's size is its own lines on both sides, wherever it starts.
"""

from __future__ import annotations

import pytest

from argmap.textdiff import matching_blocks, split_lines, unified_diff


@pytest.mark.parametrize(
    ("old", "new", "blocks", "diff"),
    [
        # The old text is the new one's first line: the head runs out of old lines first.
        ("a\n", "a\nb\n", [(0, 0, 1), (1, 2, 0)], "@@ -1 +1,2 @@\n a\n+b\n"),
        ("a\nb\n", "a\n", [(0, 0, 1), (2, 1, 0)], "@@ -1,2 +1 @@\n a\n-b\n"),
        # The old text is the new one's end: the tail must not run past the old's start
        # (where the last old line would match the new first line again).
        ("y\nx\n", "x\ny\nx\n", [(0, 1, 2), (2, 3, 0)], "@@ -1,2 +1,3 @@\n+x\n y\n x\n"),
        ("x\ny\nx\n", "y\nx\n", [(1, 0, 2), (3, 2, 0)], "@@ -1,3 +1,2 @@\n-x\n y\n x\n"),
    ],
)
def test_one_text_the_others_start_or_end(
    old: str, new: str, blocks: list[tuple[int, int, int]], diff: str
) -> None:
    assert matching_blocks(split_lines(old), split_lines(new)) == blocks
    assert unified_diff(old, new, "a", "b") == "--- a\n+++ b\n" + diff


def test_a_small_window_far_down_a_long_file_is_matched_line_by_line() -> None:
    # Six lines after 25,000 equal ones, with no line once in each (so no anchor): 36
    # pairs of lines, small enough to match whole, not to be written removed and added.
    head = "".join(f"h{i}\n" for i in range(25_000))
    old = head + "a\nb\n" * 3
    new = head + "b\na\n" * 3
    assert matching_blocks(split_lines(old), split_lines(new)) == [
        (0, 0, 25_000),
        (25_000, 25_001, 5),
        (25_006, 25_006, 0),
    ]
    assert unified_diff(old, new, "a", "b") == (
        "--- a\n+++ b\n@@ -24998,9 +24998,9 @@\n h24997\n h24998\n h24999\n"
        "+b\n a\n b\n a\n b\n a\n-b\n"
    )
