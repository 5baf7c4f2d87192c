"""The only YAML reader: text in, an `ArgumentMap` with a location for every entry out.

Reading happens in three steps, each a function:

1. `read_text` turns bytes into text (UTF-8, optional byte-order mark, size limit).
2. `compose` (load/compose.py) turns text into a small tree of located `Node`s.
3. `build_map` (load/build.py) turns the tree into frozen model objects, collecting every
   schema problem (missing field, wrong type, unknown key with a suggestion) instead of
   stopping at the first.

Clean files in plain block YAML take a fast path (load/fast.py) that builds the same map
directly. Problems that make the file unreadable as a map raise `LoadError`; everything
else is returned beside the model, sorted by position, so `argmap check` shows it at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.load.compose import MAX_DEPTH, Node, compose, fatal
from argmap.load.fast import fast_load_safe, fast_load_view, is_unsafe, utf8_view
from argmap.load.gcpause import paused_gc
from argmap.model import ArgumentMap, Location, Problem

if TYPE_CHECKING:
    from argmap.load.build import build_map

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MIB",
    "Loaded",
    "Node",
    "build_map",
    "compose",
    "load_file",
    "loads",
    "read_text",
]

#: A mebibyte, the unit of the size limit (`--max-mib`).
MIB = 1024 * 1024
#: Files larger than this are refused before parsing unless the caller raises the limit:
#: a curated debate map is a few MB, and CI should not parse a hostile file of gigabytes.
MAX_BYTES = 64 * MIB
_BOM = b"\xef\xbb\xbf"  # a byte-order mark, in UTF-8


@dataclass(frozen=True, slots=True)
class Loaded:
    """A loaded map and the problems found while building it, sorted by position."""

    map: ArgumentMap
    problems: tuple[Problem, ...]


def __getattr__(name: str) -> Any:
    # The full loader's builder (load/build.py) is imported when first used: a clean file
    # read by the fast path never needs it, and `argmap check` starts without it.
    if name == "build_map":
        from argmap.load.build import build_map

        return build_map
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- reading


def read_text(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode a map file's bytes, refusing what is not UTF-8 text within `max_bytes`."""
    if len(data) > max_bytes:
        raise fatal(
            Location(path, 0, 0),
            f"file is {len(data):,} bytes, over the limit of {max_bytes:,}",
            "file-too-large",
            "split the debate into several maps, or raise the limit with"
            f" --max-mib {-(-len(data) // MIB)} if the file is trusted",
        )
    if data.startswith(_BOM):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _position_of_byte(data, error.start)
        raise fatal(
            Location(path, line, col),
            f"file is not valid UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}",
            "encoding",
            "save the file as UTF-8",
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise fatal(
            Location(path, line, col),
            "file contains a NUL character; is it a binary file?",
            "encoding",
            None,
        )
    return text


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


# --------------------------------------------------------------------------- entry points


def loads(text: str, path: str = "arguments.yaml") -> Loaded:
    """Load a map from text; `path` is the name problems are reported against."""
    return _loads(text, path, safe=not is_unsafe(text))


def _loads(text: str, path: str, *, safe: bool, canonical: bool = True) -> Loaded:
    """`loads`, told whether the fast path may read the text (`fast.is_unsafe`) and
    whether the canonical reader is still to be tried (`fast.fast_load_safe`)."""
    fast = fast_load_safe(text, path, canonical=canonical) if safe else None
    if fast is not None:  # a clean file in plain block YAML: the same map, much sooner
        return Loaded(fast, ())
    # Hundreds of thousands of small objects and no reference cycles: the cyclic garbage
    # collector would only walk the growing heap again and again (it doubles the time).
    from argmap.load.build import build_map

    with paused_gc():
        root, problems = compose(text, path)
        loaded = build_map(root, path)
    return Loaded(loaded.map, tuple(sorted([*problems, *loaded.problems])))


def load_file(path: str, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """Load a map from a file, with a one-line `LoadError` for anything unreadable.

    A file over `max_bytes` is refused unread (`file-too-large`).
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise fatal(Location(path, 0, 0), "no such file", "read-error", None) from None
    except IsADirectoryError:
        raise fatal(
            Location(path, 0, 0), "is a directory, not a map file", "read-error", None
        ) from None
    except PermissionError:
        raise fatal(Location(path, 0, 0), "permission denied", "read-error", None) from None
    except OSError as error:
        raise fatal(
            Location(path, 0, 0), f"cannot read file: {error.strerror}", "read-error", None
        ) from None
    if len(data) <= max_bytes:
        # A map in the canonical layout is read from its bytes, and its text never made.
        bom = data.startswith(_BOM)
        view = utf8_view(data[3:] if bom else data)
        if view is not None:
            del data  # the view holds the same bytes
            canonical = fast_load_view(view, path)
            if canonical is not None:
                return Loaded(canonical, ())
            data = (_BOM if bom else b"") + view.encode("latin-1")
            del view
    body = data[3:] if data.startswith(_BOM) else data
    text = read_text(data, path, max_bytes)
    # The characters are checked on the bytes (quicker than on the text); then the bytes
    # go, before the map is made: 70 MB of the peak at 100,000 statements.
    safe = not is_unsafe(text, body)
    del data, body
    return _loads(text, path, safe=safe, canonical=False)
