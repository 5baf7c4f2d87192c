"""Small text helpers every stage shares: did-you-mean, shortening, slugs, Markdown
escaping, and making map text safe to show in a terminal or a CI log.

One home each, so that a suggestion or a shortened value reads the same in every message.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "excerpt",
    "md_escape",
    "plural",
    "safe_href",
    "shorten",
    "signed",
    "slugify",
    "suggest",
    "terminal_safe",
]

# Any ASCII punctuation may be backslash-escaped in CommonMark; these are the characters
# that can start markup inside a line (with GitHub's tables, strikethrough and maths).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~$])")
# ... and these only at the start of a line: a list item, a setext underline.
_MD_LINE_START = re.compile(r"^(\s*(?=[-+=])|\s*\d+(?=[.)]))")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Anything `md_escape` would change: a search for a character and a match at the start
# decide whether it has work to do. Two patterns, not one alternation with `^`: the
# alternation tried its anchored branches at every position (7x slower on long quotes).
_MD_ANY_CHAR = re.compile(r"[\\`*_\[\]<>|#&~$\x00-\x1f\x7f]")
_MD_ANY_START = re.compile(r"\s*(?:[-+=]|\d+[.)])")


def md_escape(text: str) -> str:
    """Escape `text` for Markdown: one line, every markup character backslash-escaped.

    The one escaping of user text in Markdown output: a curator's `*`, `<` or `|` shows
    as written and can never become markup or HTML, and a line break cannot end a table
    row or start a heading.

    >>> print(md_escape("a *b* <i>|"), md_escape("1. x"), md_escape("- y"), md_escape("2021-06"))
    a \\*b\\* \\<i\\>\\| 1\\. x \\- y 2021-06
    """
    if not (_MD_ANY_CHAR.search(text) or _MD_ANY_START.match(text)):
        return text  # most names and quotes: no substitution to make
    escaped = _MD_SPECIAL.sub(_backslash_before, _CONTROL.sub(" ", text))
    return _MD_LINE_START.sub(_backslash_after, escaped)


# The substitutions as functions, not the templates r"\\\1" and r"\1\\": Python 3.11 runs
# Python code to expand a template at every `sub` and every match (the debate of 20,000
# statements has 11,000 quotes with a "&" or another special character).
def _backslash_before(found: re.Match[str]) -> str:
    return "\\" + found[1]


def _backslash_after(found: re.Match[str]) -> str:
    return found[1] + "\\"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`1 stance`, `2 stances`, `2 passages`: a count with its noun agreeing.

    >>> plural(1, "match", "matches"), plural(3, "passage"), plural(0, "actor")
    ('1 match', '3 passages', '0 actors')
    """
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """'did you mean ...?' for the closest of `choices`, or None.

    The same answer as `difflib.get_close_matches(word, choices, n=1, cutoff=0.6)`,
    but `ratio()`, the costly measure, is computed only while a candidate's cheap upper
    bound (`quick_ratio()`) can still beat the best so far: with thousands of ids, one
    suggestion takes milliseconds instead of a tenth of a second.
    """
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounded = []
    for choice in choices:
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= 0.6:
            bound = matcher.quick_ratio()
            if bound >= 0.6:
                bounded.append((bound, choice))
    bounded.sort(reverse=True)
    best: tuple[float, str] | None = None
    for bound, choice in bounded:
        if best is not None and bound < best[0]:
            break
        matcher.set_seq1(choice)
        score = matcher.ratio()
        if score >= 0.6 and (best is None or (score, choice) > best):
            best = (score, choice)
    return f"did you mean '{best[1]}'?" if best else None


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not slug or not slug[0].isalpha():
        slug = "x-" + slug
    return slug


# Characters that are not control or format characters by category but still move the
# cursor or reorder a line: the line and paragraph separators.
_SEPARATORS = frozenset("\u2028\u2029")


def terminal_safe(text: str) -> str:
    r"""`text` with every control, format (bidi, zero-width) and separator character
    written as a Python-style escape, so map text cannot move the cursor, recolour the
    terminal, fake another `file:line:col` line or make two different ids look alike.

    >>> terminal_safe("a\x1b[31mb\nc\u202ed")
    'a\\x1b[31mb\\nc\\u202ed'
    """
    if text.isprintable():  # the usual case, and a fast one
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    if char == " " or (char not in _SEPARATORS and unicodedata.category(char)[0] not in "CZ"):
        return char
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char == "\r":
        return "\\r"
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@functools.lru_cache(maxsize=8192)
def safe_href(url: str | None) -> str | None:
    """`url` if it is an http or https url (the only kind that becomes a link), else None.

    A url with whitespace inside it (any character `str.isspace` calls a space) is not a
    link. Cached: a big map cites the same few thousand urls once per stance.

    >>> safe_href(" https://example.org/a "), safe_href("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if url is None:
        return None
    stripped = url.strip()
    scheme, sep, rest = stripped.partition("://")
    # `split()` cuts at exactly the characters `isspace` accepts, in C; `stripped` has
    # none at its ends, so one piece means none inside either.
    if sep and scheme.lower() in ("http", "https") and rest and len(stripped.split(None, 1)) == 1:
        return stripped
    return None


def signed(value: float) -> str:
    """A score with its sign and two decimals; zero (and rounding noise) is ` 0.00`.

    >>> signed(0.5), signed(-1.0), signed(-0.0001)
    ('+0.50', '-1.00', ' 0.00')
    """
    rounded = round(value, 2)
    return " 0.00" if rounded == 0 else f"{rounded:+.2f}"


def excerpt(text: str, limit: int = 100) -> str:
    """`text` on one line, cut at a word before `limit` characters with an ellipsis.

    The summaries quote this much; an actor's own section has the quote whole.

    >>> excerpt("We should open a room this year.", 20)
    'We should open a…'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "\u2026"
