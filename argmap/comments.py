"""Comments in map text: where they are, and moving the ones ruamel.yaml would drop.

ruamel.yaml keeps comments in block collections but drops, without a word, a comment
inside a flow collection (`[a,  # why` ... `b]`), the comment lines before `%YAML` or
`%TAG`, and everything after a document end marker (`...`). `argmap fmt` therefore:

- keeps the prologue (comment lines, directives and the `---` line) and the epilogue (the
  `...` line and the comment lines after it) as they are, and formats what is between;
- moves each comment inside a flow collection to the end of the line that closes the
  collection, where ruamel.yaml keeps it as the comment of that value;
- compares the comments of the result with those of the file (`comment_words`) and
  refuses to write a result that lost one.

The scanner here reads only as much YAML as comments need: quoted scalars, flow
brackets, block scalars (whose text holds no comment) and `#` after white space.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

__all__ = ["Comment", "comment_words", "find_comments", "lift_flow_comments", "split_document"]


@dataclass(frozen=True)
class Comment:
    """A comment: its 0-based line and column, its text from `#`, and, for one inside a
    flow collection, the line where the outermost collection around it closes."""

    line: int
    col: int
    text: str
    closes_on: int | None = None


def find_comments(text: str) -> list[Comment]:
    """Every comment in `text` (LF line ends), in order."""
    found: list[Comment] = []
    pending: list[tuple[int, int, str]] = []  # inside a flow collection not yet closed
    depth = 0
    quote: str | None = None
    block_indent: int | None = None  # inside a block scalar under a line of this indent
    for number, line in enumerate(text.split("\n")):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        start = quote is None  # whether a scalar or collection may begin here
        i = 0
        while i < len(line):
            char = line[i]
            following = line[i + 1] if i + 1 < len(line) else " "
            if quote == "'":
                if char == "'":
                    if following == "'":
                        i += 1
                    else:
                        quote = None
            elif quote == '"':
                if char == "\\":
                    i += 1
                elif char == '"':
                    quote = None
            elif char == "#" and (i == 0 or line[i - 1] in " \t"):
                if depth:
                    pending.append((number, i, line[i:]))
                else:
                    found.append(Comment(number, i, line[i:]))
                break
            elif char in " \t":
                pass
            elif start and char in "'\"":
                quote, start = char, False
            elif char in "[{" and (start or depth):
                depth += 1
                start = True
            elif char in "]}" and depth:
                depth -= 1
                start = False
                if not depth:
                    found += [Comment(n, c, t, number) for n, c, t in pending]
                    pending.clear()
            elif start and not depth and char in "|>":
                block_indent = indent
                start = False
            elif char == "-" and start and following in " \t":
                pass
            elif (char == ":" and (following in " \t" or depth)) or (char == "," and depth):
                start = True
            else:
                start = False
            i += 1
    found += [Comment(n, c, t, None) for n, c, t in pending]
    return sorted(found, key=lambda c: (c.line, c.col))


def comment_words(text: str) -> Counter[str]:
    """The comments of `text` as a multiset of their parts, for comparing two versions.

    A comment is split at each `#`, so that two comments joined on one line (where a
    flow collection closes) count the same as they did apart; white space is collapsed.
    """
    words: Counter[str] = Counter()
    for comment in find_comments(text):
        for part in comment.text.split("#"):
            if part.strip():
                words[" ".join(part.split())] += 1
    return words


def lift_flow_comments(text: str) -> str:
    """`text` with each comment inside a flow collection moved to the end of the line
    where that collection closes (after any comment already there)."""
    comments = [c for c in find_comments(text) if c.closes_on is not None]
    if not comments:
        return text
    lines = text.split("\n")
    moved: dict[int, list[str]] = {}
    for comment in comments:
        lines[comment.line] = lines[comment.line][: comment.col].rstrip()
        moved.setdefault(comment.closes_on or comment.line, []).append(comment.text)
    for number, texts in moved.items():
        lines[number] = "  ".join([lines[number], *texts])
    return "\n".join(lines)


_DIRECTIVE = re.compile(r"%[A-Z]+\b")
_START = re.compile(r"---(?:[ \t]+#.*)?")
_END = re.compile(r"\.\.\.(?:[ \t]+#.*)?")


def split_document(text: str) -> tuple[str, str, str]:
    """(prologue, body, epilogue) of a one-document file, each a run of whole lines.

    The prologue is the comment lines, directives and `---` line before the content,
    when there are directives (else ruamel.yaml keeps the comments itself); the
    epilogue is a `...` line and what follows it, when that is only comments.
    """
    lines = text.splitlines(keepends=True)
    head = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or _DIRECTIVE.match(stripped):
            continue
        if _START.fullmatch(stripped) and any(_DIRECTIVE.match(x) for x in lines[:i]):
            head = i + 1
        break
    tail = len(lines)
    for i in range(head, len(lines)):
        if _END.fullmatch(lines[i].rstrip("\n")):
            rest = lines[i + 1 :]
            if all(not x.strip() or x.lstrip().startswith("#") for x in rest):
                tail = i
            break
    return "".join(lines[:head]), "".join(lines[head:tail]), "".join(lines[tail:])
