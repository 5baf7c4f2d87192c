"""A unified diff of two texts that stays near-linear on files of a million lines.

`difflib.unified_diff` matches with `SequenceMatcher`, which is super-linear on a long
file with many equal lines (every stance of a map has `    source: ...` lines that
repeat): 90 s for the diff of a 47 MB map that takes 25 s to format. Here the matching
is anchored first, as in patience diff: the common head and tail are matched line for
line, then the lines that occur exactly once in each text are matched in the longest
run that keeps their order, and each window between two such anchors is matched the
same way again, inside itself. Only a window too small to hold an anchor, or one with
none, goes to `SequenceMatcher`, which is quick there. A window that is large and has
no line unique to it (a pathological file) is written as removed and added whole:
still a correct diff, only longer than it could be.

One algorithm for every size, so that a map's diff does not change shape when it grows
past a threshold; on the small changes `fmt --check` usually shows (a key moved in an
entry, a quote re-quoted) the hunks are the ones `difflib` gives.

The output is a unified diff that `patch` and `git apply` accept: lines are split at
`\\n` only (a quote may hold U+2028 or U+0085, which `str.splitlines` would split at),
each line keeps its own line end (`\\r\\n` stays), and a last line without a line end is
followed by `\\ No newline at end of file`.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterator, Sequence

__all__ = ["anchors", "hunks", "matching_blocks", "split_lines", "unified_diff"]

# Windows with at most this many pairs of lines (old × new) go to SequenceMatcher
# directly: below it, its quadratic worst case is a few milliseconds.
SMALL = 2_500
# A window with no anchor goes to SequenceMatcher up to this many pairs, else it is
# written as removed and added whole.
LARGE = 250_000

# Runs of equal lines around anchors shorter than this do not cut a window, so long as
# a longer one does: a short one is often a line that moved, which SequenceMatcher shows
# better from the lines around it.
RUN = 3

NO_NEWLINE = "\\ No newline at end of file\n"

Block = tuple[int, int, int]  # (start in old, start in new, length), as difflib's
Opcode = tuple[str, int, int, int, int]  # (tag, old start, old end, new start, new end)


def split_lines(text: str) -> list[str]:
    """`text` cut after each `\\n`, every line keeping its end; the last may have none.

    >>> split_lines("a\\r\\nb\\u2028c\\nd")
    ['a\\r\\n', 'b\\u2028c\\n', 'd']
    """
    lines = text.split("\n")
    last = lines.pop()
    out = [line + "\n" for line in lines]
    if last:
        out.append(last)
    return out


def anchors(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by their first item) rising in the second too.

    Patience sorting: O(n log n). Of equally long runs, the one ending at the last pair
    that can end one, each step back taking the last pair that can precede.

    >>> anchors([(0, 3), (1, 0), (2, 1), (3, 4), (4, 2)])
    [(1, 0), (2, 1), (4, 2)]
    """
    tops: list[int] = []  # tops[k]: the smallest second item ending a run of k + 1
    ends: list[int] = []  # ends[k]: the index in `pairs` of that run's last pair
    before: list[int] = []  # before[p]: the pair preceding pair p in its run, or -1
    for p, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tops, j)
        before.append(ends[k - 1] if k else -1)
        if k == len(tops):
            tops.append(j)
            ends.append(p)
        else:
            tops[k] = j
            ends[k] = p
    run = []
    p = ends[-1] if ends else -1
    while p >= 0:
        run.append(pairs[p])
        p = before[p]
    run.reverse()
    return run


def matching_blocks(a: Sequence[str], b: Sequence[str]) -> list[Block]:
    """Runs of equal lines, rising in both, as `SequenceMatcher.get_matching_blocks`.

    Adjacent runs are merged and the list ends with `(len(a), len(b), 0)`.

    >>> matching_blocks(["x\\n", "a\\n", "y\\n"], ["x\\n", "b\\n", "y\\n"])
    [(0, 0, 1), (2, 2, 1), (3, 3, 0)]
    """
    found: list[Block] = []
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        head = 0
        while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
            head += 1
        if head:
            found.append((alo, blo, head))
            alo, blo = alo + head, blo + head
        tail = 0
        while alo < ahi - tail and blo < bhi - tail and a[ahi - 1 - tail] == b[bhi - 1 - tail]:
            tail += 1
        if tail:
            found.append((ahi - tail, bhi - tail, tail))
            ahi, bhi = ahi - tail, bhi - tail
        if alo == ahi or blo == bhi:
            continue
        area = (ahi - alo) * (bhi - blo)
        chain = [] if area <= SMALL else _unique_pairs(a, alo, ahi, b, blo, bhi)
        if chain:
            runs = _runs(a, b, chain, alo, ahi, blo, bhi)
            long = [run for run in runs if run[2] >= RUN]
            runs = long or runs
            todo.extend(_windows(runs, alo, ahi, blo, bhi))
            found.extend(runs)
        elif area <= LARGE:
            matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            found.extend((alo + i, blo + j, n) for i, j, n in matcher.get_matching_blocks() if n)
    return _merged(sorted(found), len(a), len(b))


def _unique_pairs(
    a: Sequence[str], alo: int, ahi: int, b: Sequence[str], blo: int, bhi: int
) -> list[tuple[int, int]]:
    """The anchors of a window: lines once in each side, matched in their order."""
    in_a = Counter(a[alo:ahi])
    in_b = Counter(b[blo:bhi])
    where = {b[j]: j for j in range(blo, bhi) if in_b[b[j]] == 1 and in_a.get(b[j]) == 1}
    return anchors([(i, where[a[i]]) for i in range(alo, ahi) if a[i] in where])


def _runs(
    a: Sequence[str],
    b: Sequence[str],
    chain: list[tuple[int, int]],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
) -> list[Block]:
    """Each anchor grown into the run of equal lines around it, inside the window.

    Every line is compared at most twice (the runs do not overlap), so this is linear.
    """
    runs: list[Block] = []
    for i, j in chain:
        if runs and i < runs[-1][0] + runs[-1][2]:
            continue  # inside the run of an anchor before it
        start_i, start_j = (
            (runs[-1][0] + runs[-1][2], runs[-1][1] + runs[-1][2]) if runs else (alo, blo)
        )
        lo = 0
        while i - lo > start_i and j - lo > start_j and a[i - lo - 1] == b[j - lo - 1]:
            lo += 1
        hi = 1
        while i + hi < ahi and j + hi < bhi and a[i + hi] == b[j + hi]:
            hi += 1
        runs.append((i - lo, j - lo, lo + hi))
    return runs


def _windows(
    runs: list[Block], alo: int, ahi: int, blo: int, bhi: int
) -> Iterator[tuple[int, int, int, int]]:
    """The windows between runs (and before the first, after the last) not empty."""
    i0, j0 = alo, blo
    for i, j, size in [*runs, (ahi, bhi, 0)]:
        if i > i0 or j > j0:
            yield i0, i, j0, j
        i0, j0 = i + size, j + size


def _merged(blocks: list[Block], n: int, m: int) -> list[Block]:
    out: list[Block] = []
    for i, j, size in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + size)
        else:
            out.append((i, j, size))
    out.append((n, m, 0))
    return out


def _opcodes(blocks: list[Block]) -> list[Opcode]:
    # As SequenceMatcher.get_opcodes: what turns a into b, between the matching blocks.
    codes: list[Opcode] = []
    i = j = 0
    for ai, bj, size in blocks:
        tag = "replace" if i < ai and j < bj else "delete" if i < ai else "insert" if j < bj else ""
        if tag:
            codes.append((tag, i, ai, j, bj))
        if size:
            codes.append(("equal", ai, ai + size, bj, bj + size))
        i, j = ai + size, bj + size
    return codes


def hunks(blocks: list[Block], context: int = 3) -> list[list[Opcode]]:
    """The opcodes grouped into hunks with `context` lines of context around changes.

    As `SequenceMatcher.get_grouped_opcodes`, except that two texts alike give no hunk.

    >>> hunks([(0, 0, 10), (11, 11, 9), (20, 20, 0)], context=2)
    [[('equal', 8, 10, 8, 10), ('replace', 10, 11, 10, 11), ('equal', 11, 13, 11, 13)]]
    """
    codes = _opcodes(blocks)
    if all(code[0] == "equal" for code in codes):
        return []
    # Trim the equal runs at both ends to the context.
    if codes[0][0] == "equal":
        _, i1, i2, j1, j2 = codes[0]
        codes[0] = ("equal", max(i1, i2 - context), i2, max(j1, j2 - context), j2)
    if codes[-1][0] == "equal":
        _, i1, i2, j1, j2 = codes[-1]
        codes[-1] = ("equal", i1, min(i2, i1 + context), j1, min(j2, j1 + context))
    groups: list[list[Opcode]] = []
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        # An equal run longer than twice the context ends one hunk and starts the next.
        if tag == "equal" and i2 - i1 > 2 * context:
            group.append((tag, i1, i1 + context, j1, j1 + context))
            groups.append(group)
            group = []
            i1, j1 = i2 - context, j2 - context
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        groups.append(group)
    return groups


def _range(start: int, stop: int) -> str:
    # As difflib: `start,length`, one-based; a lone line is `start`, none is `start-1,0`.
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _line(mark: str, line: str) -> str:
    return mark + line if line.endswith("\n") else mark + line + "\n" + NO_NEWLINE


def unified_diff(old: str, new: str, fromfile: str, tofile: str, context: int = 3) -> str:
    """The unified diff from `old` to `new`, or "" if they are equal.

    >>> print(unified_diff("a\\nb\\n", "a\\nc\\n", "x (old)", "x (new)"), end="")
    --- x (old)
    +++ x (new)
    @@ -1,2 +1,2 @@
     a
    -b
    +c
    """
    a, b = split_lines(old), split_lines(new)
    groups = hunks(matching_blocks(a, b), context)
    if not groups:
        return ""
    out = [f"--- {fromfile}\n", f"+++ {tofile}\n"]
    for group in groups:
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(_line(" ", line) for line in a[i1:i2])
                continue
            out.extend(_line("-", line) for line in a[i1:i2])
            out.extend(_line("+", line) for line in b[j1:j2])
    return "".join(out)
