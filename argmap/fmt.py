"""`argmap fmt`: one canonical layout for a map file, keeping every comment and value.

The layout:

- keys of each entry in the order of docs/format.md (`FIELD_ORDER`), unknown keys last;
- two-space indentation, list items indented under their key (`  - actor: ...`);
- entries as block mappings; lists of plain values (`affiliations`, `tags`) on one line
  as `[a, b]` unless a comment sits inside the list;
- text unquoted where YAML allows it, else in single quotes (double quotes only where
  single quotes cannot say it, e.g. a line break); a word that YAML or the loader would
  read as empty or as true/false (`~`, `null`, `yes`, `true`...) stays quoted. Lines are
  never folded, so a long quote stays on one line, whole, as in the article;
- block scalars (`|`, `>`) are kept as written: they are a deliberate choice of the
  curator for text with line breaks.

Entries keep the curator's order: sources, actors and claims are grouped by hand (by
article, by side of the debate) and stances by article, and that order is meaning a
sort would destroy. Comments stay where they were: a comment line above an entry stays
above it, and one between two fields of an entry stays after the field it follows.

The YAML is read with ruamel.yaml's round-trip parser, the only one that keeps comments.
It is told to read every scalar as text (only an empty value is null), so a value is
written back exactly as it was read: no `1.10` becoming `1.1`, no `2021-06-14` becoming
a timestamp. Before anything is returned, the result is loaded again with the map's own
loader and must give an equal map; otherwise formatting stops with an error instead of
changing what the map says.
"""

from __future__ import annotations

import io
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from argmap import textdiff
from argmap.comments import comment_words, find_comments, lift_flow_comments, split_document
from argmap.errors import ArgmapError, InvalidMapError
from argmap.fastfmt import comment_head, fast_format, plain_is_text
from argmap.load import Loaded, load_file, loads, read_text
from argmap.load.format import FIELDS as FIELD_ORDER
from argmap.load.format import SECTIONS, SPECIAL_WORDS
from argmap.model import Level

__all__ = [
    "FormatError",
    "check_comments_kept",
    "dump",
    "edit_map",
    "format_text",
    "give_tail",
    "line_end",
    "loaded_cleanly",
    "normalise",
    "parse",
    "read_map_text",
    "take_tail",
    "unified_diff",
    "with_line_end",
]

# Plain words the loader reads as "no value" or as a boolean: as text they need quotes.
_SPECIAL_WORDS = SPECIAL_WORDS
# Sections whose values are entries of one kind, and whether they are keyed by id.
_SECTIONS = {name: (entry.kind, entry.keyed) for name, entry in SECTIONS.items()}
_NULL = re.compile(r"^$")


class FormatError(ArgmapError):
    """The file cannot be formatted without changing what it says."""


class _TextResolver(VersionedResolver):
    """Every plain scalar is text, except an empty one, which is null.

    The loader reads each value as the text written (it decides about `true` itself), so
    the formatter must too: YAML's usual rules would turn `1.10` into the number 1.1 and
    write it back as `1.1`. Dumping uses the same rule, so text that reads as text
    stays unquoted.
    """

    @property
    def versioned_resolver(self) -> Any:
        return {"": [("tag:yaml.org,2002:null", _NULL)]}


def _yaml() -> YAML:
    yaml = YAML()
    yaml.Resolver = _TextResolver
    yaml.preserve_quotes = True  # to tell "yes" (text) from yes, and to re-style quotes
    yaml.width = 1 << 30  # never fold a line: a folded quote is hard to search and diff
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def parse(text: str, path: str) -> CommentedMap:
    """Read map text into ruamel.yaml's round-trip tree, comments included."""
    # Comments keep their line ends; values are the same with either.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        tree = _yaml().load(text)
    except YAMLError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else "invalid YAML"
        raise FormatError(f"{path}: cannot format: {first}") from None
    if not isinstance(tree, CommentedMap):
        raise FormatError(f"{path}: cannot format: the top level is not a mapping")
    return tree


def dump(tree: CommentedMap) -> str:
    """Write a round-trip tree back to text."""
    out = io.StringIO()
    _yaml().dump(tree, out)
    return out.getvalue()


# --------------------------------------------------------------------------- layout


def normalise(tree: CommentedMap) -> None:
    """Bring a parsed map into the canonical layout, in place (see the module docstring)."""
    _order_keys(tree, FIELD_ORDER["map"])
    for section, (kind, keyed) in _SECTIONS.items():
        entries = tree.get(section)
        if keyed and isinstance(entries, CommentedMap):
            _block(entries)
            values = list(entries.values())
        elif not keyed and isinstance(entries, CommentedSeq):
            entries.fa.set_block_style()
            values = list(entries)
        else:
            continue
        for entry in values:
            if isinstance(entry, CommentedMap):
                _block(entry)
                _order_keys(entry, FIELD_ORDER[kind])
                for key, value in entry.items():
                    if isinstance(value, CommentedSeq):
                        _inline(entry, key, value)
    for container, key in _scalars(tree):
        _replace(container, key, _restyle(container[key]))
    for mapping in _mappings(tree):
        _restyle_keys(mapping)


def _block(mapping: CommentedMap) -> None:
    mapping.fa.set_block_style()


def _order_keys(mapping: CommentedMap, order: tuple[str, ...]) -> None:
    keys = list(mapping)
    rank = {key: i for i, key in enumerate(order)}
    wanted = sorted(keys, key=lambda k: (rank.get(k, len(order)), keys.index(k)))
    if wanted == keys:
        return
    # Comment lines after an entry's last field belong between this entry and the next
    # one; they must stay at the end whichever field comes last now.
    tail = take_tail(mapping)
    for key in wanted:
        mapping.move_to_end(key)
    give_tail(mapping, tail)


def _inline(entry: CommentedMap, key: Any, items: CommentedSeq) -> None:
    """`[a, b]` for a list of plain values, unless a comment sits inside the list."""
    if items.fa.flow_style() or not all(isinstance(v, str) for v in items):
        return
    tail = take_tail(items)
    if _has_comments(items):
        give_tail(items, tail)
        return
    items.fa.set_flow_style()
    if tail:
        _set_comment(entry, key, _own_line(entry.ca.items.get(key)) + tail)


def _has_comments(node: Any) -> bool:
    ca = node.ca
    tokens = [*(t for entry in ca.items.values() for t in entry), *(ca.comment or ()), *ca.end]
    return any(t for t in tokens)


def _restyle(value: Any) -> Any:
    """The canonical quoting of one scalar (see the module docstring)."""
    if not isinstance(value, str) or isinstance(value, LiteralScalarString | FoldedScalarString):
        return value
    quoted = isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString)
    if value in _SPECIAL_WORDS or (quoted and not plain_is_text(str(value))):
        # Quoted text that must stay quoted: unquoted, the loader would read `null` as
        # nothing, and other YAML readers `'1.10'` as the number 1.1. Plain `yes` and `~`
        # stay plain, as read.
        return SingleQuotedScalarString(value) if quoted else value
    # Plain text: the emitter adds quotes only where YAML needs them, single by default.
    return str(value)


def _replace(container: Any, key: Any, value: Any) -> None:
    # ruamel.yaml's own item assignment keeps the old quoting when given a plain str,
    # which is exactly what restyling must not do.
    if isinstance(container, CommentedMap):
        OrderedDict.__setitem__(container, key, value)
    else:
        list.__setitem__(container, key, value)


def _restyle_keys(mapping: CommentedMap) -> None:
    keys = list(mapping)
    if all(_restyle(key) is key for key in keys):
        return
    # Re-adding every key in order keeps the order; comments are indexed by the key's
    # text, which a change of quoting leaves equal.
    for key in keys:
        value = mapping[key]
        del mapping[key]
        mapping[_restyle(key)] = value


def _mappings(node: Any) -> Iterator[CommentedMap]:
    if isinstance(node, CommentedMap):
        yield node
    if isinstance(node, CommentedMap | CommentedSeq):
        for value in node.values() if isinstance(node, CommentedMap) else node:
            yield from _mappings(value)


def _scalars(node: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key) for every scalar value and mapping key below `node`."""
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            if isinstance(value, CommentedMap | CommentedSeq):
                yield from _scalars(value)
            else:
                yield node, key
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            if isinstance(value, CommentedMap | CommentedSeq):
                yield from _scalars(value)
            else:
                yield node, index


# --------------------------------------------------------------------------- comments
#
# ruamel.yaml keeps the comment lines that follow a value in one token with that value's
# end-of-line comment: "  # eol\n\n# next section\n". The first line is the value's own;
# the rest (the "tail") belongs after whatever comes last.


def _last_leaf(node: Any) -> tuple[Any, Any] | None:
    """(container, key) of the scalar written last inside `node`, in block layout."""
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        value = node[key]
        if isinstance(value, CommentedMap | CommentedSeq) and len(value):
            if value.fa.flow_style():
                return node, key
            node = value
            continue
        return node, key
    return None


def _slot(container: Any) -> int:
    # Mappings keep a value's trailing comment at index 2, sequences at index 0.
    return 2 if isinstance(container, CommentedMap) else 0


def _comment(container: Any, key: Any) -> str:
    entry = container.ca.items.get(key)
    token = entry[_slot(container)] if entry else None
    return str(token.value) if isinstance(token, CommentToken) else ""


def _set_comment(container: Any, key: Any, value: str) -> None:
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    slot = _slot(container)
    if not value or value == "\n":
        entry[slot] = None
    else:
        # An end-of-line comment keeps its column, so aligned comments stay aligned.
        old = entry[slot]
        column = getattr(getattr(old, "start_mark", None), "column", 1)
        column = 0 if value.startswith("\n") else column
        entry[slot] = CommentToken(value, CommentMark(column), None)


def _own_line(entry: Any) -> str:
    token = entry[2] if entry else None
    text = str(token.value) if isinstance(token, CommentToken) else ""
    return text[: text.index("\n") + 1] if "\n" in text else "\n"


def take_tail(node: Any) -> str:
    """Remove and return the comment lines after the last value inside `node`."""
    leaf = _last_leaf(node)
    if leaf is None:
        return ""
    text = _comment(*leaf)
    if "\n" not in text:
        return ""
    cut = text.index("\n") + 1
    _set_comment(*leaf, text[:cut])
    return text[cut:]


def give_tail(node: Any, tail: str) -> None:
    """Put comment lines after the last value inside `node`."""
    leaf = _last_leaf(node)
    if not tail or leaf is None:
        return
    own = _comment(*leaf)
    _set_comment(*leaf, (own if own.endswith("\n") else own + "\n") + tail)


# --------------------------------------------------------------------------- entry points


def format_text(text: str, path: str = "arguments.yaml") -> str:
    """The canonical layout of a map's text; raises if the map does not load cleanly.

    A file the loader rejects, or with errors in its shape (an unknown key, a missing
    field), is refused with `LoadError` or `InvalidMapError`: fix what `argmap check`
    reports first. Raises `FormatError` should the result not load to the same map.
    """
    before = loaded_cleanly(text, path)
    unix = with_line_end(text, "\n")
    # ruamel.yaml drops what is before directives, after `...` and inside [ ] or { }:
    # those are kept aside or moved first (see argmap/comments.py).
    prologue, body, epilogue = split_document(unix)
    # The comment scans below read the file character by character in Python (4 s for
    # 9 MB); a map whose only comments are the lines it starts with needs none of them.
    head, rest = comment_head(unix)
    only_head = "#" not in rest
    body = lift_flow_comments(body) if "#" in body and not only_head else body
    try:
        formatted = fast_format(body, lambda document: _format_tree(document, path))
    except ArgmapError:
        formatted = None
    if formatted is None:
        formatted = _format_tree(body, path)
    result = prologue + formatted + epilogue
    after = loads(result, path)
    if after.map != before.map or after.problems:
        raise FormatError(
            f"{path}: formatting would change the map's content; the file is left as it is"
        )
    if "#" in unix and not (only_head and result.startswith(head)):
        check_comments_kept(unix, result, path)
    return with_line_end(result, line_end(text))


def check_comments_kept(old: str, new: str, path: str) -> None:
    """Raise `FormatError` if `new` lost a comment of `old` (compared by `comment_words`).

    The same guard for comments as for data: a comment lost is refused, not written.
    """
    lost = comment_words(old) - comment_words(new)
    if not lost:
        return
    where = next(
        (c for c in find_comments(old) if any(w in " ".join(c.text.split()) for w in lost)),
        None,
    )
    at = f" at line {where.line + 1}" if where else ""
    raise FormatError(f"{path}: formatting would drop the comment{at}; the file is left as it is")


def _format_tree(text: str, path: str) -> str:
    tree = parse(text, path)
    normalise(tree)
    return dump(tree)


def line_end(text: str) -> str:
    """The file's line end: CRLF if its first line ends so, else LF."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def with_line_end(text: str, end: str) -> str:
    """`text` with every line ending in `end`: a Windows checkout stays CRLF."""
    text = text.replace("\r\n", "\n")
    return text if end == "\n" else text.replace("\n", end)


def edit_map(path: str, change: Callable[[str], str]) -> bool:
    """Rewrite the map file at `path` with `change(text)`; whether it changed.

    The edit is locked, journaled and written in place (`argmap.fsutil.edit_in_place`):
    two edits at once both land, the file keeps its inode, mode, owner and links, and a
    symbolic link's target is the file edited. A byte order mark and CRLF line ends stay
    as they were. Raises the loader's error for a file that cannot be read.
    """
    from argmap.fsutil import edit_in_place

    def apply(data: bytes) -> bytes:
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        text = read_text(data, path)
        return bom + with_line_end(change(text), line_end(text)).encode("utf-8")

    try:
        return edit_in_place(path, apply)
    except OSError as error:
        load_file(path)  # raises the loader's own message if the file cannot be read
        raise ArgmapError(f"{path}: cannot edit: {error.strerror}") from None


def loaded_cleanly(text: str, path: str) -> Loaded:
    """Load map text, refusing it with `InvalidMapError` if the loader found errors."""
    loaded = loads(text, path)
    errors = [p for p in loaded.problems if p.level is Level.ERROR]
    if errors:
        raise InvalidMapError(errors)
    return loaded


def read_map_text(path: str) -> str:
    """A map file's text, with the loader's one-line errors for what cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        load_file(path)  # raises the loader's own message for this failure
        raise ArgmapError(f"{path}: cannot read: {error.strerror}") from None
    return read_text(data, path)


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff from `old` to `new`, labelled with the file's path.

    Near-linear in the file's length (`argmap.textdiff`), where difflib's took 90 s on a
    47 MB map; a correct patch for `patch` or `git apply`, CRLF and last lines included.
    """
    return textdiff.unified_diff(old, new, f"{path} (as is)", f"{path} (formatted)")
