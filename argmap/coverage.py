"""Coverage: which quoted passages of each source no stance cites yet.

A curator maps an article by turning what people are quoted as saying into stances;
the passages still in quotation marks and cited by no stance (and not deliberately
`ignored`) are what is left to do.

Quotation marks are found as a reader finds them. Double marks (" “ ”) always quote.
Single marks (' ‘ ’) quote only where they open before a word and close after one
(`'safe space'`); one inside a word or after a plural (`residents’ front doors`) is an
apostrophe. A quotation that runs over several paragraphs re-opens the mark at the start
of each paragraph and closes it only at the end of the last; it is one passage. A
quotation nested in another is part of the outer passage. A double quotation left open
at the end of a paragraph that does not re-open it ends there; an open single mark is
taken for an apostrophe.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from argmap.model import ArgumentMap, Ignored
from argmap.quotes import find_spans, normalise

__all__ = ["Passage", "SourceCoverage", "cited_flags", "coverage", "quoted_passages"]

_DOUBLE_OPEN = '"\u201c'  # " “
_DOUBLE_CLOSE = '"\u201d'  # " ”
_SINGLE_OPEN = "'\u2018"  # ' ‘
_SINGLE_CLOSE = "'\u2019"  # ' ’
# Only these characters change the scanner's state; it jumps from one to the next.
_INTERESTING = re.compile("[\n" + _DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "]")
_OPENS_AFTER = "([{\u2014\u2013" + _DOUBLE_OPEN + _SINGLE_OPEN


@dataclass(frozen=True, slots=True)
class Passage:
    """A quotation in a source's text.

    `start` and `end` are the offsets of its words (inside the marks) in the text;
    `line` is the 1-based line of its opening mark; `text` is its words with white space
    collapsed and the re-opening marks of later paragraphs left out.
    """

    text: str
    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SourceCoverage:
    """The quoted passages of one source and which of them no stance cites."""

    source: str
    passages: tuple[Passage, ...]
    unmapped: tuple[Passage, ...]  # cited by no stance and not ignored
    stale_ignored: tuple[Ignored, ...]  # `ignored` entries that match no passage

    @property
    def mapped(self) -> int:
        return len(self.passages) - len(self.unmapped)


@dataclass
class _Open:
    mark: str  # '"' or "'"
    start: int  # offset of the first character inside the mark
    segments: list[tuple[int, int]]  # finished paragraphs of a multi-paragraph quote


def quoted_passages(text: str) -> list[Passage]:
    """Return the quotations in `text`, in order, each as one `Passage`.

    >>> [p.text for p in quoted_passages("He said: “It works.” It’s 'safe', they say.")]
    ['It works.', 'safe']
    """
    passages: list[Passage] = []
    stack: list[_Open] = []
    found = _INTERESTING.search(text)
    while found:
        i = found.start()
        char = text[i]
        if char == "\n":
            after = i
            while after < len(text) and text[after].isspace():
                after += 1
            i = _paragraph_break(text, i, after, stack, passages) if stack else after
        else:
            kind = _mark(text, i, stack)
            if kind == "open":
                stack.append(_Open(_fold(char), i + 1, []))
            elif kind == "close":
                opened = stack.pop()
                if not stack:
                    _emit(text, opened, i, passages)
            i += 1
        found = _INTERESTING.search(text, i)
    if stack and stack[0].mark == '"':
        _emit(text, stack[0], len(text.rstrip()), passages)
    return _numbered(text, passages)


def _numbered(text: str, passages: list[Passage]) -> list[Passage]:
    # Lines are counted in one pass: the passages come in order and do not overlap.
    line, counted = 1, 0
    numbered = []
    for passage in passages:
        opening_mark = passage.start - 1
        line += text.count("\n", counted, opening_mark)
        counted = opening_mark
        numbered.append(replace(passage, line=line))
    return numbered


def _paragraph_break(
    text: str, newline: int, after: int, stack: list[_Open], passages: list[Passage]
) -> int:
    # At a line break inside a quotation: the outer quotation goes on if the next
    # paragraph re-opens it, or if the break is only a wrapped line (no blank line).
    outer = stack[0]
    end = newline
    while text[end - 1] in " \t":
        end -= 1
    reopen = _DOUBLE_OPEN if outer.mark == '"' else _SINGLE_OPEN
    if after < len(text) and text[after] in reopen:
        outer.segments.append((outer.start, end))
        outer.start = after + 1
        del stack[1:]
        return after + 1
    if text.count("\n", newline, after) < 2:
        return after
    if outer.mark == '"':
        _emit(text, outer, end, passages)
    stack.clear()
    return after


def _mark(text: str, i: int, stack: list[_Open]) -> str | None:
    char = text[i]
    inside_double = any(o.mark == '"' for o in stack)
    top = stack[-1].mark if stack else None
    after = text[i + 1] if i + 1 < len(text) else " "
    if char in _DOUBLE_OPEN or char in _DOUBLE_CLOSE:
        if char == "\u201c" or (char == '"' and top != '"' and not inside_double):
            # A mark with a space after it opens nothing: a stray or a typo.
            return "open" if not after.isspace() else None
        if top == '"':
            return "close"
        # A closing double mark while a single quotation is open: that single mark
        # was an apostrophe after all.
        while stack and stack[-1].mark == "'":
            stack.pop()
        return "close" if stack and stack[-1].mark == '"' else None
    if char in _SINGLE_OPEN or char in _SINGLE_CLOSE:
        before = text[i - 1] if i > 0 else " "
        if char != "\u2018" and top == "'" and not before.isspace() and not after.isalnum():
            return "close"
        if char != "\u2019" and (before.isspace() or before in _OPENS_AFTER):
            return "open" if not after.isspace() else None
    return None


def _fold(char: str) -> str:
    return '"' if char in _DOUBLE_OPEN + _DOUBLE_CLOSE else "'"


def _emit(text: str, opened: _Open, end: int, passages: list[Passage]) -> None:
    segments = [*opened.segments, (opened.start, end)]
    words = " ".join(" ".join(text[a:b] for a, b in segments).split())
    if any(c.isalnum() for c in words):
        passages.append(Passage(words, 0, segments[0][0], end))


def cited_flags(passages: Sequence[Passage], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each passage, whether a span `(start, end)` of the text overlaps it.

    A span overlaps a passage when it starts before the passage ends and ends after it
    starts. Comparing every passage with every span was quadratic in the quotes of one
    source (51 s for a transcript of 10,000); with the spans sorted by start, those
    starting before a passage's end are a prefix of them, and the prefix's furthest end
    says whether one of them reaches into the passage.

    >>> p = [Passage("a", 1, 0, 5), Passage("b", 1, 10, 15), Passage("c", 1, 20, 25)]
    >>> cited_flags(p, [(12, 13), (4, 6)])
    [True, True, False]
    """
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach = list(itertools.accumulate((end for _, end in ordered), max))
    flags = []
    for passage in passages:
        before_end = bisect.bisect_left(starts, passage.end)
        flags.append(before_end > 0 and reach[before_end - 1] > passage.start)
    return flags


def coverage(amap: ArgumentMap, texts: Mapping[str, str]) -> list[SourceCoverage]:
    """Return, for each source with a text (in the map's order), its quoted passages and
    those no stance cites.

    A passage is cited when the quote of a stance on that source overlaps it in the
    text, and ignored when an `ignored` entry of that source has the same words
    (compared as quotes are: white space and the kind of quote mark aside).
    """
    # Quotes and ignored passages grouped by source once: a pass over every stance per
    # source would make coverage quadratic in a map whose sources all have a text.
    quotes: dict[str, list[str]] = {}
    for stance in amap.stances:
        if stance.quote:
            quotes.setdefault(stance.source, []).append(stance.quote)
    ignored_by_source: dict[str, list[Ignored]] = {}
    for item in amap.ignored:
        ignored_by_source.setdefault(item.source, []).append(item)
    reports = []
    for source in amap.sources:
        text = texts.get(source.id)
        if text is None:
            continue
        passages = quoted_passages(text)
        # A quote coded as several stances (one statement, several claims) is searched once.
        wanted = dict.fromkeys(quotes.get(source.id, ()))
        cited = [span for quote in wanted for span in find_spans(quote, text)]
        ignored = ignored_by_source.get(source.id, [])
        ignored_words = {normalise(i.passage) for i in ignored}
        unmapped = tuple(
            p
            for p, is_cited in zip(passages, cited_flags(passages, cited), strict=True)
            if not is_cited and normalise(p.text) not in ignored_words
        )
        passage_words = {normalise(p.text) for p in passages}
        stale = tuple(i for i in ignored if normalise(i.passage) not in passage_words)
        reports.append(SourceCoverage(source.id, tuple(passages), unmapped, stale))
    return reports
