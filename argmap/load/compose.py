"""Text to a tree of located `Node`s, from PyYAML's event stream.

Doing this ourselves, instead of `yaml.safe_load`, is what lets us keep a line and column
for every value, report duplicate keys (PyYAML silently keeps the last one), refuse tags,
anchors and aliases (so an alias bomb never expands), and stop at a nesting limit before
any recursion can run deep.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from argmap.errors import LoadError
from argmap.model import NULLS, Location, Problem
from argmap.rules import problem
from argmap.text import shorten

if TYPE_CHECKING:
    import yaml

__all__ = ["MAX_DEPTH", "Node", "compose", "describe", "fatal"]

#: The format nests five levels deep; anything past this is a mistake or an attack.
MAX_DEPTH = 32
#: YAML's limit on a key written without `?`, from the ':' back to the key's start.
MAX_KEY = 1024

# Line breaks to YAML 1.1 (so to PyYAML) that editors, terminals and git diff do not show
# as breaks: a NEL would end a comment there and start a line no reviewer sees, and every
# one would shift the lines of every later problem. So they are refused, not read.
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
_BREAK_NAMES = {
    "\x85": "NEL (U+0085)",
    "\u2028": "LINE SEPARATOR (U+2028)",
    "\u2029": "PARAGRAPH SEPARATOR (U+2029)",
}
# What PyYAML counts as a line break once those three are refused.
_BREAKS = re.compile("\r\n|\r|\n")


def _parse(text: str) -> Iterable[yaml.Event]:
    """PyYAML's events for `text`. PyYAML is imported here, on first use: a clean file
    never needs it (load/fast.py reads it), so `argmap check` of one does not pay for it."""
    import yaml

    try:  # libyaml's parser is several times faster; PyYAML's own is the fallback.
        from yaml import CSafeLoader as parser
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml import SafeLoader as parser  # type: ignore[assignment]
    return yaml.parse(text, Loader=parser)


@dataclass(slots=True)
class Node:
    """A YAML value with its position: a scalar (str), a sequence or a mapping.

    A mapping's value is a list of (key node, value node) pairs in file order; a
    sequence's a list of nodes. `plain` tells an unquoted scalar from a quoted one, so
    that `~` means null but `"~"` is text.
    """

    kind: str  # "scalar" | "seq" | "map"
    value: Any
    line: int
    col: int
    plain: bool = False

    def loc(self, path: str) -> Location:
        return Location(path, self.line, self.col)


def compose(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Parse text into a `Node` tree, returning duplicate-key problems beside it.

    Raises `LoadError` for anything that makes the text unusable: a syntax error, several
    documents, a tag, an anchor or alias, or nesting deeper than `MAX_DEPTH`.
    """
    odd = _ODD_BREAKS.search(text)
    if odd is not None:
        char = odd[0]
        raise fatal(
            Location(path, *_line_col(text, odd.start())),
            f"a {_BREAK_NAMES[char]} character, which YAML reads as a line break"
            " but editors and git do not show as one",
            "unicode-line-break",
            f'use an ordinary line break, or write it as "\\u{ord(char):04x}"'
            " inside a double-quoted string",
        )
    import yaml

    problems: list[Problem] = []
    try:
        root = _compose_events(_parse(text), path, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = error.problem or error.context or "invalid YAML"
        if message == _LIBYAML_TOO_DEEP and mark:
            _refuse_too_deep(text[: mark.index], path, Location(path, line, col))
        if error.problem_mark is not None:
            _refuse_long_key(text, error.problem_mark.line, error.problem_mark.column, path)
        raise fatal(Location(path, line, col), f"invalid YAML: {message}", "syntax", None) from None
    except yaml.YAMLError as error:
        # ReaderError (control characters) has a position but no mark.
        position = getattr(error, "position", None)
        line, col = _line_col(text, position) if isinstance(position, int) else (0, 0)
        reason = getattr(error, "reason", None) or "invalid YAML"
        message = f"invalid YAML: {reason}"
        raise fatal(Location(path, line, col), message, "syntax", None) from None
    return root, problems


#: libyaml's own limit (1000 levels), in the libyaml that PyYAML bundles since 6.0.4.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


def _refuse_too_deep(before: str, path: str, stop: Location) -> NoReturn:
    # In `[[[...` libyaml scans all 1000 levels ahead before it hands over the first event,
    # so the check in _compose_events never ran. The text before libyaml's stop holds every
    # level up to it and is within libyaml's limit: composing it refuses at level 33, where
    # a libyaml without the limit is refused. Only if that cannot be is it refused at `stop`.
    import yaml

    with contextlib.suppress(yaml.YAMLError):
        _compose_events(_parse(before), path, [])
    raise fatal(stop, f"nesting deeper than {MAX_DEPTH} levels", "too-deep", None) from None


# Where a key starts on its line: after the indent and any `- `, and in a flow
# collection after the last bracket or comma (a key holding one is counted short).
_LEAD = re.compile(r"[ ]*(?:-[ ]+)*")
_FLOW_LEAD = re.compile(r".*[\[{,][ ]*")


def _refuse_long_key(text: str, line: int, col: int, path: str) -> None:
    # PyYAML and libyaml stop at the ':' after a key longer than YAML allows, with a
    # message about a missing ':' or a misplaced mapping: say what is really wrong.
    lines = _BREAKS.split(text, line + 1)
    if line >= len(lines) or lines[line][col : col + 1] != ":":
        return
    before = lines[line][:col]
    lead, flow = _LEAD.match(before), _FLOW_LEAD.match(before)
    start = max(lead.end() if lead else 0, flow.end() if flow else 0)
    key = before[start:]
    if col - start <= MAX_KEY or ": " in key or key.endswith(":"):
        return
    raise fatal(
        Location(path, line + 1, start + 1),
        f"a key of {len(key.rstrip(' ')):,} characters; YAML allows at most {MAX_KEY:,}",
        "key-too-long",
        "use a shorter id",
    )


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _compose_events(
    events: Iterable[yaml.Event], path: str, problems: list[Problem]
) -> Node | None:
    import yaml

    # An explicit stack instead of recursion: the depth check below then bounds memory,
    # and no input can reach Python's recursion limit.
    # (container, pending key node for maps, the map's keys so far by value)
    stack: list[tuple[Node, list[Any], dict[str, Node]]] = []
    root: Node | None = None
    documents = 0
    for raw in events:
        event: Any = raw  # PyYAML's event classes are not typed per kind
        kind = type(event)
        if (
            kind is yaml.ScalarEvent
            or kind is yaml.MappingStartEvent
            or kind is yaml.SequenceStartEvent
        ):
            _refuse_anchor_and_tag(event, path)
            mark = event.start_mark
            if kind is yaml.ScalarEvent:
                node = Node(
                    "scalar", event.value, mark.line + 1, mark.column + 1, event.implicit[0]
                )
            else:
                if len(stack) >= MAX_DEPTH:
                    raise fatal(
                        Location(path, mark.line + 1, mark.column + 1),
                        f"nesting deeper than {MAX_DEPTH} levels",
                        "too-deep",
                        None,
                    )
                node = Node(
                    "map" if kind is yaml.MappingStartEvent else "seq",
                    [],
                    mark.line + 1,
                    mark.column + 1,
                )
            if stack:
                _attach(stack[-1], node, path, problems)
            else:
                root = node
            if node.kind != "scalar":
                stack.append((node, [], {}))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
        elif kind is yaml.AliasEvent:
            mark = event.start_mark
            raise fatal(
                Location(path, mark.line + 1, mark.column + 1),
                "aliases (*name) are not supported",
                "alias",
                "write the value out in full",
            )
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise fatal(
                    Location(path, mark.line + 1, mark.column + 1),
                    "the file holds several YAML documents; a map is one document",
                    "several-documents",
                    "remove the '---' separator",
                )
    return root


def _refuse_anchor_and_tag(event: Any, path: str) -> None:
    if event.anchor is None and (event.tag is None or event.tag == "!"):
        return  # the common case, before any Location is made
    mark = event.start_mark
    where = Location(path, mark.line + 1, mark.column + 1)
    if event.anchor is not None:
        raise fatal(
            where,
            f"anchors (&{event.anchor}) are not supported",
            "alias",
            "write the value out in full",
        )
    if event.tag is not None and event.tag != "!":
        # A non-plain scalar without a tag reports "!"; anything else was written by hand.
        raise fatal(where, f"tags such as '{event.tag}' are not allowed", "tag", "remove the tag")


def _attach(
    parent: tuple[Node, list[Any], dict[str, Node]],
    node: Node,
    path: str,
    problems: list[Problem],
) -> None:
    container, pending, seen = parent
    if container.kind == "seq":
        container.value.append(node)
        return
    if not pending:  # this node is a key
        if node.kind != "scalar":
            raise fatal(node.loc(path), "mapping keys must be plain text", "syntax", None)
        pending.append(node)
        return
    key = pending.pop()
    # A dict, not a scan of the earlier keys: `actors:` may hold thousands of them.
    earlier = seen.setdefault(key.value, key)
    if earlier is not key:
        problems.append(
            problem(
                "duplicate-key",
                key.loc(path),
                f"duplicate key '{key.value}' (first at line {earlier.line},"
                f" column {earlier.col}); this one would be lost",
                "rename or merge the two entries",
            )
        )
        return
    container.value.append((key, node))


def fatal(loc: Location, message: str, rule: str, hint: str | None) -> LoadError:
    return LoadError(problem(rule, loc, message, hint))


def describe(node: Node) -> str:
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    if node.plain and node.value in NULLS:
        return "nothing"
    return f"the text '{shorten(node.value)}'"
