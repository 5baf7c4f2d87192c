"""Text helpers shared by the commands: making map text safe to show in a terminal.

The restructure plans more here (did-you-mean, Markdown escaping, shortening); for now
it holds what every message needs before it reaches a terminal or a CI log.
"""

from __future__ import annotations

import unicodedata

__all__ = ["terminal_safe"]

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
