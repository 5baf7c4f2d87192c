"""`argmap.textdiff`: a unified diff that is a correct patch, near-linear on long files.

Every diff here is applied back, by a strict patch applier written below (each context
and removed line must be the original's, at the line the hunk header says, with the
counts it says), and the result must be exactly the new text: on `fmt`'s real output
for comments, blank lines, reordered keys, CRLF, a missing last line end, non-ASCII
text, on empty texts, and on random texts full of repeated lines. GNU `patch`, where
installed, must accept the same diffs.
"""

from __future__ import annotations

import difflib
import itertools
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import textdiff
from argmap.fmt import format_text
from argmap.fmt import unified_diff as fmt_diff
from argmap.textdiff import _runs, anchors, hunks, matching_blocks, split_lines, unified_diff

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n")


def apply(old: str, diff: str) -> str:
    """`old` patched by the unified `diff`; AssertionError wherever the diff is wrong."""
    if not diff:
        return old
    source = split_lines(old)
    lines = split_lines(diff)
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    out: list[str] = []
    at = 0  # lines of `source` consumed
    k = 2
    while k < len(lines):
        head = _HUNK.fullmatch(lines[k])
        assert head, f"not a hunk header: {lines[k]!r}"
        old_start, old_count = int(head[1]), int(head[2] or 1)
        new_count = int(head[4] or 1)
        first = old_start - 1 if old_count else old_start  # zero-based
        assert first >= at, "hunks out of order or overlapping"
        out.extend(source[at:first])
        at = first
        k += 1
        seen_old = seen_new = 0
        while k < len(lines) and not lines[k].startswith("@@"):
            mark, line = lines[k][0], lines[k][1:]
            k += 1
            if k < len(lines) and lines[k] == "\\ No newline at end of file\n":
                assert line.endswith("\n")
                line = line[:-1]
                k += 1
            assert mark in " -+", f"bad line {mark + line!r}"
            if mark in " -":
                assert source[at] == line, f"line {at + 1}: {source[at]!r} != {line!r}"
                at += 1
                seen_old += 1
            if mark in " +":
                out.append(line)
                seen_new += 1
        assert (seen_old, seen_new) == (old_count, new_count), "counts of the header"
    out.extend(source[at:])
    return "".join(out)


def check(old: str, new: str) -> str:
    diff = unified_diff(old, new, "a", "b")
    assert apply(old, diff) == new
    assert (diff == "") == (old == new)
    return diff


# --------------------------------------------------------------------------- exact values


def test_split_lines_cuts_at_line_feeds_only() -> None:
    assert split_lines("") == []
    assert split_lines("\n") == ["\n"]
    assert split_lines("a") == ["a"]
    assert split_lines("a\r\nb\n\nc") == ["a\r\n", "b\n", "\n", "c"]
    # str.splitlines would cut at each of these, which a patch tool does not.
    assert split_lines("x\u2028y\x85z\x0cw\rv\n") == ["x\u2028y\x85z\x0cw\rv\n"]


def test_anchors_is_the_longest_rising_run() -> None:
    assert anchors([]) == []
    assert anchors([(0, 5)]) == [(0, 5)]
    assert anchors([(0, 0), (1, 1), (2, 2)]) == [(0, 0), (1, 1), (2, 2)]
    assert anchors([(0, 2), (1, 1), (2, 0)]) == [(2, 0)]
    assert anchors([(0, 3), (1, 0), (2, 1), (3, 4), (4, 2)]) == [(1, 0), (2, 1), (4, 2)]
    assert anchors([(0, 1), (1, 4), (2, 2), (3, 3), (5, 0), (6, 5)]) == [
        (0, 1),
        (2, 2),
        (3, 3),
        (6, 5),
    ]


def test_matching_blocks_exact() -> None:
    assert matching_blocks([], []) == [(0, 0, 0)]
    assert matching_blocks(["a"], []) == [(1, 0, 0)]
    assert matching_blocks([], ["a"]) == [(0, 1, 0)]
    same = ["a\n", "b\n", "c\n"]
    assert matching_blocks(same, same) == [(0, 0, 3), (3, 3, 0)]
    assert matching_blocks(["x\n", "a\n", "y\n"], ["x\n", "b\n", "y\n"]) == [
        (0, 0, 1),
        (2, 2, 1),
        (3, 3, 0),
    ]
    # The common head and tail, then the middle: b moved after c.
    a = ["h\n", "a\n", "b\n", "c\n", "t\n"]
    b = ["h\n", "a\n", "c\n", "b\n", "t\n"]
    assert matching_blocks(a, b) == [(0, 0, 2), (2, 3, 1), (4, 4, 1), (5, 5, 0)]


def test_matching_blocks_on_the_anchored_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textdiff, "SMALL", 0)
    # Head u1 r, tail u4; between them u2 and u3 are once in each side (r is not) and
    # cross: one anchor, the later, u3, grown into the run `u3 r`.
    a = ["u1\n", "r\n", "r\n", "u2\n", "x\n", "u3\n", "r\n", "u4\n"]
    b = ["u1\n", "r\n", "u3\n", "r\n", "u2\n", "y\n", "u4\n"]
    assert matching_blocks(a, b) == [(0, 0, 2), (5, 2, 2), (7, 6, 1), (8, 7, 0)]
    assert check("".join(a), "".join(b)) == (
        "--- a\n+++ b\n@@ -1,8 +1,7 @@\n u1\n r\n-r\n-u2\n-x\n u3\n r\n+u2\n+y\n u4\n"
    )


def test_a_short_run_gives_way_to_the_lines_around_it() -> None:
    # `fmt` moved `date` above `quote` in one entry, and changed the last entry: the
    # window between the two is anchored (too big for SequenceMatcher). The quote and
    # the date are both once in each text and cross; keeping the long quote and moving
    # the date reads better, and is what difflib shows: the one-line runs around them
    # do not cut the window, so SequenceMatcher sees the entry whole.
    entries = "".join(f"  - actor: a{n}\n    quote: q{n}\n" for n in range(60))
    old = "  - actor: z\n    quote: a long quote\n    date: 2020\n" + entries + "end\n"
    new = "  - actor: z\n    date: 2020\n    quote: a long quote\n" + entries + "END\n"
    assert check(old, new) == (
        "--- a\n+++ b\n@@ -1,6 +1,6 @@\n"
        "   - actor: z\n+    date: 2020\n     quote: a long quote\n-    date: 2020\n"
        "   - actor: a0\n     quote: q0\n   - actor: a1\n"
        "@@ -121,4 +121,4 @@\n     quote: q58\n   - actor: a59\n     quote: q59\n-end\n+END\n"
    )
    assert check(old, new) == "".join(
        difflib.unified_diff(split_lines(old), split_lines(new), "a", "b")
    )


def test_hunks_exact() -> None:
    assert hunks([(0, 0, 5), (5, 5, 0)]) == []
    assert hunks([(0, 0, 0)]) == []
    assert hunks([(1, 0, 0)]) == [[("delete", 0, 1, 0, 0)]]
    # Two changes 7 lines apart (more than twice the context): two hunks.
    assert hunks([(0, 0, 4), (5, 5, 7), (12, 13, 4), (16, 17, 0)]) == [
        [("equal", 1, 4, 1, 4), ("replace", 4, 5, 4, 5), ("equal", 5, 8, 5, 8)],
        [("equal", 9, 12, 9, 12), ("insert", 12, 12, 12, 13), ("equal", 12, 15, 13, 16)],
    ]
    # Six lines apart (exactly twice the context): one hunk.
    assert hunks([(0, 0, 1), (2, 2, 6), (9, 8, 1), (10, 9, 0)]) == [
        [
            ("equal", 0, 1, 0, 1),
            ("replace", 1, 2, 1, 2),
            ("equal", 2, 8, 2, 8),
            ("delete", 8, 9, 8, 8),
            ("equal", 9, 10, 8, 9),
        ]
    ]
    assert hunks([(0, 0, 3), (4, 3, 3), (7, 6, 0)], context=1) == [
        [("equal", 2, 3, 2, 3), ("delete", 3, 4, 3, 3), ("equal", 4, 5, 3, 4)]
    ]
    assert hunks([(0, 0, 3), (4, 3, 3), (7, 6, 0)], context=0) == [
        [("equal", 3, 3, 3, 3), ("delete", 3, 4, 3, 3), ("equal", 4, 4, 3, 3)]
    ]


def test_unified_diff_exact_ranges_and_marks() -> None:
    assert unified_diff("", "", "a", "b") == ""
    assert unified_diff("x\n", "x\n", "a", "b") == ""
    assert check("", "x\n") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n"
    assert check("x\ny\n", "") == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n"
    assert check("a\nb\nc\n", "a\nc\n") == "--- a\n+++ b\n@@ -1,3 +1,2 @@\n a\n-b\n c\n"
    numbers = "".join(f"{n}\n" for n in range(1, 21))
    assert check(numbers, numbers.replace("10\n", "ten\n")) == (
        "--- a\n+++ b\n@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n"
    )


def test_a_missing_last_line_end_is_marked() -> None:
    assert check("a\nb", "a\nb\n") == (
        "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"
    )
    assert check("a\nb\n", "a\nb") == (
        "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n"
    )
    assert check("a\nb\nc", "A\nb\nc") == (
        "--- a\n+++ b\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n\\ No newline at end of file\n"
    )
    assert check("x", "") == "--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n\\ No newline at end of file\n"


def test_crlf_lines_keep_their_ends() -> None:
    assert check("a\r\nb\r\n", "a\r\nc\r\n") == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n"


def test_the_same_as_difflib_on_a_small_change() -> None:
    old = "".join(f"line {n}\n" for n in range(40))
    new = old.replace("line 7\n", "").replace("line 30\n", "line 30\nline 30b\n")
    ours = check(old, new)
    assert ours == "".join(difflib.unified_diff(split_lines(old), split_lines(new), "a", "b"))


def test_one_line_changed_in_a_long_file_is_one_small_hunk() -> None:
    # Many repeated lines (as `source:` lines in a map) and one unique line per entry.
    old = "".join(f"  - actor: a{n % 7}\n    quote: q{n}\n    source: s\n" for n in range(3000))
    new = old.replace("    quote: q1500\n", "    quote: Q1500\n")
    assert check(old, new) == (
        "--- a\n+++ b\n@@ -4499,7 +4499,7 @@\n"
        "     quote: q1499\n     source: s\n   - actor: a2\n"
        "-    quote: q1500\n+    quote: Q1500\n"
        "     source: s\n   - actor: a3\n     quote: q1501\n"
    )


def test_a_large_window_without_an_anchor_is_replaced_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(textdiff, "SMALL", 0)
    monkeypatch.setattr(textdiff, "LARGE", 4)
    old, new = "x\ny\nx\ny\n", "y\nx\ny\nx\n"
    assert matching_blocks(split_lines(old), split_lines(new)) == [(4, 4, 0)]
    assert check(old, new) == "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-x\n-y\n-x\n-y\n+y\n+x\n+y\n+x\n"


# --------------------------------------------------------------------------- fmt's own diffs

MAP = """\
# a map
title: T


sources:
  s:   # the article
    title: "A"
    publisher: P
    date: 2024-01-01
actors:
  a: {kind: person, name: "Ann"}
claims:
  c:
    text: 'C'
stances:
  - source: s
    actor: a
    quote: ‘Ça va’ — naïve “quote”
    supports: c   # why
"""


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(MAP, id="comments-blank-lines-reordered-keys-non-ascii"),
        pytest.param(MAP.replace("\n", "\r\n"), id="crlf"),
        pytest.param(MAP.rstrip("\n"), id="no-final-newline"),
        pytest.param(
            MAP.replace("# a map\n", "").replace("   # the article", "").replace("   # why", ""),
            id="no-comment",
        ),
        pytest.param(MAP.replace("'C'", "'議論 🗺'"), id="wide-characters"),
    ],
)
def test_fmts_diff_turns_the_file_into_the_formatted_one(text: str) -> None:
    formatted = format_text(text)
    assert formatted != text
    diff = fmt_diff(text, formatted, "m.yaml")
    assert diff.startswith("--- m.yaml (as is)\n+++ m.yaml (formatted)\n@@ ")
    assert apply(text, diff) == formatted
    assert _gnu_patch(text, diff) in (None, formatted)


def test_fmts_diff_of_a_map_exact() -> None:
    assert fmt_diff(MAP, format_text(MAP), "m.yaml") == (
        "--- m.yaml (as is)\n+++ m.yaml (formatted)\n@@ -4,16 +4,18 @@\n"
        " \n sources:\n   s:   # the article\n"
        '-    title: "A"\n+    title: A\n'
        "     publisher: P\n     date: 2024-01-01\n actors:\n"
        '-  a: {kind: person, name: "Ann"}\n+  a:\n+    name: Ann\n+    kind: person\n'
        " claims:\n   c:\n-    text: 'C'\n+    text: C\n stances:\n"
        "-  - source: s\n-    actor: a\n+  - actor: a\n+    supports: c   # why\n+    source: s\n"
        "     quote: \u2018\u00c7a va\u2019 \u2014 na\u00efve \u201cquote\u201d\n"
        "-    supports: c   # why\n"
    )


def _gnu_patch(old: str, diff: str) -> str | None:
    """`old` patched by GNU patch, or None where patch is not installed."""
    tool = shutil.which("patch")
    if tool is None:
        return None
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "m.yaml"
        target.write_bytes(old.encode("utf-8"))
        subprocess.run(
            [tool, "--binary", "--quiet", "--force", str(target)],
            input=diff.encode("utf-8"),
            check=True,
            capture_output=True,
        )
        return target.read_bytes().decode("utf-8")


# --------------------------------------------------------------------------- random texts

# Few distinct lines, so most repeat (as in a map), some once; sometimes no last line end.
_LINE = st.sampled_from(["a\n", "b\n", "c\n", "  - x: 1\n", "\n", "é\r\n", "u\u2028v\n"])
_TEXT = st.lists(_LINE | st.text(alphabet="pqrs", min_size=1, max_size=3).map(lambda s: s + "\n"),
                 max_size=60).map("".join)  # fmt: skip


@given(_TEXT, _TEXT, st.booleans(), st.sampled_from([0, 1, 3]))
def test_random_diffs_apply(old: str, new: str, cut_end: bool, context: int) -> None:
    if cut_end:
        old, new = old.rstrip("\n"), new.rstrip("\n")
    diff = unified_diff(old, new, "a", "b", context)
    assert apply(old, diff) == new
    # The hunks of difflib's own matching blocks are difflib's hunks.
    a, b = split_lines(old), split_lines(new)
    matcher = difflib.SequenceMatcher(None, a, b)
    assert hunks(matcher.get_matching_blocks(), context) == list(
        matcher.get_grouped_opcodes(context)
    )


@pytest.mark.parametrize("small", [0, 2_500])
def test_random_edits_of_a_long_text_apply(monkeypatch: pytest.MonkeyPatch, small: int) -> None:
    monkeypatch.setattr(textdiff, "SMALL", small)
    rng = random.Random(18)
    for _ in range(30):
        lines = [rng.choice(["r\n", "s\n", f"u{rng.randrange(10**6)}\n"]) for _ in range(400)]
        edited = list(lines)
        for _ in range(rng.randrange(1, 12)):
            at = rng.randrange(len(edited))
            kind = rng.randrange(4)
            if kind == 0:
                del edited[at]
            elif kind == 1:
                edited.insert(at, rng.choice(["r\n", "new\n"]))
            elif kind == 2:
                edited[at], edited[-at] = edited[-at], edited[at]
            else:
                edited[at : at + 5] = reversed(edited[at : at + 5])
        old, new = "".join(lines), "".join(edited)
        blocks = matching_blocks(lines, edited)
        for i, j, n in blocks:
            assert lines[i : i + n] == edited[j : j + n]
        assert all(
            i1 + n1 <= i2 and j1 + n1 <= j2
            for (i1, j1, n1), (i2, j2, _) in itertools.pairwise(blocks)
        )
        assert apply(old, check(old, new)) == new


def test_runs_grow_each_anchor_both_ways_inside_the_window() -> None:
    def lines(*words: str) -> list[str]:
        return [w + "\n" for w in words]

    # Back over the equal lines before an anchor (not past the previous run), forward
    # over those after it (not past the window).
    a = lines("r", "r", "u1", "x", "r", "r", "u2", "r")
    b = lines("r", "r", "u1", "y", "r", "r", "u2", "r")
    assert _runs(a, b, [(2, 2), (6, 6)], 0, 8, 0, 8) == [(0, 0, 3), (4, 4, 4)]
    assert _runs(a, b, [(6, 6)], 5, 8, 5, 8) == [(5, 5, 3)]
    # An anchor inside the run before it is skipped, and the anchors after it still count.
    a = lines("r", "u1", "u3", "x", "r", "u2")
    b = lines("r", "u1", "u3", "y", "r", "u2")
    assert _runs(a, b, [(1, 1), (2, 2), (5, 5)], 0, 6, 0, 6) == [(0, 0, 3), (4, 4, 2)]
    # One starting where the run before it ends (in the old text only) is not inside it.
    a = lines("u1", "u2", "u3")
    b = lines("u1", "x", "y", "u2", "u3")
    assert _runs(a, b, [(0, 0), (1, 3), (2, 4)], 0, 3, 0, 5) == [(0, 0, 1), (1, 3, 2)]
