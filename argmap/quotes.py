"""Quote verification: every quote must occur, verbatim, in the text of its source.

A quote matches when it occurs in the article once runs of white space are collapsed
and straight and curly quote marks and apostrophes are treated as the same character:
a curator who copies a passage should not fail on a line break or on an editor that
turned ' into ’. Nothing else is forgiven, so a paraphrase never passes as a quote.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path

from argmap.model import ArgumentMap, Level, Location, Problem, Source

__all__ = [
    "find_spans",
    "nearest_passage",
    "normalise",
    "read_source_texts",
    "source_path",
    "verify_quotes",
]

#: The largest source text read, in bytes: a news article is a few dozen kilobytes, and
#: a map must not be able to make `check` read a disk image or /dev/zero into memory.
MAX_SOURCE_BYTES = 4 * 1024 * 1024

# Every form of single and double quote mark is folded onto the plain ASCII one.
_FOLD = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
    }
)

# Words for the nearest-passage search: quote marks split words too, so a window never
# starts or ends on the mark that opens or closes a quotation.
_WORD = re.compile("[^\\s\"'\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033]+")
_NON_WORD = re.compile(r"\W+")


def normalise(text: str) -> str:
    """Return `text` as quotes are compared: white space runs collapsed to one space,
    the ends stripped, and curly quote marks and apostrophes folded onto straight ones."""
    return " ".join(text.translate(_FOLD).split())


# Every stance on a source searches the same text: index each text once.
@functools.lru_cache(maxsize=16)
def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    # Like normalise(), but without stripping and keeping, for every character of the
    # result, its offset in `text`, so a match can be mapped back to the article.
    chars: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            if not in_space:
                chars.append(" ")
                offsets.append(i)
            in_space = True
        else:
            chars.append(char)
            offsets.append(i)
            in_space = False
    return "".join(chars), offsets


def find_spans(quote: str, text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets in `text` of every occurrence of `quote`, compared
    as `normalise` does; an empty list when it does not occur."""
    needle = normalise(quote)
    if not needle:
        return []
    haystack, offsets = _normalise_with_offsets(text)
    spans = []
    at = haystack.find(needle)
    while at != -1:
        spans.append((offsets[at], offsets[at + len(needle) - 1] + 1))
        at = haystack.find(needle, at + 1)
    return spans


def nearest_passage(quote: str, text: str) -> str | None:
    """Return the passage of `text` most like `quote` (about as many words long), or None
    when they share no word at all.

    The search anchors on the longest run of words the two have in common, then adjusts
    the window's start and length around it character by character, so it costs about
    one pass over the text however long the article is. The passage keeps the article's
    own characters, white space aside, so it can be copied into the map.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    keys = [_key(text[start:end]) for start, end in words]
    wanted = [_key(m.group()) for m in _WORD.finditer(quote)]
    if not words or not wanted:
        return None
    matcher = difflib.SequenceMatcher(None, wanted, keys)
    match = matcher.find_longest_match(0, len(wanted), 0, len(keys))
    if match.size == 0:
        return None
    target = normalise(quote)

    def score(start: int, end: int) -> float:
        return _closeness(normalise(text[words[start][0] : words[end - 1][1]]), target)

    # Move the window's end, then its start, twice over: a few dozen comparisons of
    # quote-sized strings around the anchor, each end chosen with the other held.
    reach = min(max(3, len(wanted) // 4), 12)
    start = max(0, match.b - match.a)
    end = min(len(words), start + len(wanted))
    for _ in range(2):
        ends = range(max(start + 1, end - reach), min(len(words), end + reach) + 1)
        end = max(ends, key=lambda e: (score(start, e), -e))
        starts = range(max(0, start - reach), min(end, start + reach + 1))
        start = max(starts, key=lambda s: (score(s, end), s))
    return " ".join(text[words[start][0] : words[end - 1][1]].split())


def _closeness(candidate: str, target: str) -> float:
    # Characters in common, less half the difference in length: unlike a ratio, this
    # prefers "... of the city" to "... of the" as the passage nearest "... of the town".
    blocks = difflib.SequenceMatcher(None, candidate, target).get_matching_blocks()
    return sum(block.size for block in blocks) - abs(len(candidate) - len(target)) / 2


def _key(word: str) -> str:
    # Words are matched without case or punctuation, so "Deaths," anchors on "deaths".
    return _NON_WORD.sub("", word.translate(_FOLD).lower()) or word


def verify_quotes(amap: ArgumentMap, texts: Mapping[str, str]) -> list[Problem]:
    """Report every stance quote that does not occur verbatim in its source's text.

    `texts` maps a source id to the article's text; stances whose source has no text
    are not checked. Each mismatch is an error at the stance's `quote` field, with the
    nearest passage of the article as its hint (rule `quote-not-in-source`).
    """
    problems = []
    for stance in amap.stances:
        text = texts.get(stance.source)
        if stance.quote is None or text is None or find_spans(stance.quote, text):
            continue
        nearest = nearest_passage(stance.quote, text)
        problems.append(
            Problem(
                loc=_location(amap, stance.field_locs, "quote", stance.loc),
                level=Level.ERROR,
                message=f"quote not found in source '{stance.source}'",
                rule="quote-not-in-source",
                hint=f'nearest passage: "{nearest}"' if nearest else None,
            )
        )
    return problems


def source_path(source: Source, base_dir: Path, sources_dir: Path | None = None) -> Path | None:
    """Return where the text of `source` is read from, or None when it names no file.

    The `file` field is relative to `base_dir` (the map file's folder). With
    `sources_dir` it is looked up there instead: first as written, then by its
    file name alone, so a map can be checked against a copy of its texts elsewhere.
    """
    if source.file is None:
        return None
    if sources_dir is None:
        return base_dir / source.file
    as_written = sources_dir / source.file
    by_name = sources_dir / Path(source.file).name
    return as_written if as_written.is_file() or not by_name.is_file() else by_name


def read_source_texts(
    amap: ArgumentMap, base_dir: Path, sources_dir: Path | None = None
) -> tuple[dict[str, str], list[Problem]]:
    """Read the text of every source that names a file.

    Returns the texts by source id and one problem per file that cannot be used, located
    at the source's `file` field: a `missing-source-file` warning for a file that does
    not exist or is not UTF-8 text, and a `source-file-refused` error for one outside the
    folder sources are read from (`sources_dir`, else `base_dir`; symbolic links and `..`
    resolved), one that is not a regular file (a pipe, a device, a folder) or one over
    `MAX_SOURCE_BYTES`. A map checked in CI comes from a contributor: it must not make
    the runner read, print or hang on any file it names. No message shows the content.
    """
    texts: dict[str, str] = {}
    problems = []
    root = (sources_dir or base_dir).resolve()
    for source in amap.sources:
        path = source_path(source, base_dir, sources_dir)
        if path is None:
            continue
        level, reason = Level.WARNING, ""
        try:
            texts[source.id] = _read_confined(path, root)
        except _Refused as error:
            level, reason = Level.ERROR, str(error)
        except FileNotFoundError:
            reason = "not found"
        except UnicodeDecodeError:
            reason = "is not UTF-8 text"
        except OSError as error:
            reason = f"cannot be read ({error.strerror or type(error).__name__})"
        else:
            continue
        problems.append(
            Problem(
                loc=_location(amap, source.field_locs, "file", source.loc),
                level=level,
                message=f"source file '{path}' {reason}",
                rule="source-file-refused" if level is Level.ERROR else "missing-source-file",
                hint="its quotes are not verified",
            )
        )
    return texts, problems


class _Refused(Exception):
    """A source file that must not be read; the message says why."""


def _read_confined(path: Path, root: Path) -> str:
    # Resolve first (every symbolic link and `..`), then open the resolved path without
    # following a link swapped in since, and without blocking: O_NONBLOCK makes opening
    # a FIFO with no writer return at once, and fstat then refuses it like any device.
    resolved = path.resolve()
    if not resolved.is_relative_to(root):
        raise _Refused(f"is outside {root}")
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(resolved, flags)
    except OSError as error:
        if error.errno == getattr(os, "ELOOP", None):
            raise _Refused("is a symbolic link that changed while it was read") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused("is not a regular file")
        if info.st_size > MAX_SOURCE_BYTES:
            raise _Refused(f"is over the limit of {MAX_SOURCE_BYTES:,} bytes")
        # Read at most one byte past the limit: a file that grows while it is read is
        # refused too, never read without end.
        chunks = []
        left = MAX_SOURCE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_SOURCE_BYTES:
        raise _Refused(f"is over the limit of {MAX_SOURCE_BYTES:,} bytes")
    return data.decode("utf-8-sig")


def _location(
    amap: ArgumentMap, field_locs: Mapping[str, Location], name: str, loc: Location | None
) -> Location:
    # Entries built in code (not loaded from a file) have no location: point at the map.
    return field_locs.get(name) or loc or Location(amap.path, 1, 1)
