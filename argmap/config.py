"""argmap.toml: the rule choices a project keeps beside its map.

    [check]
    disable = ["idle-actor"]          # rules switched off

    [check.levels]
    orphan-claim = "error"            # a rule's level changed

The file is optional; `argmap check` and `argmap build` read the one in the map's folder.
Anything wrong in it is a `LoadError` located in the file, with rule id `config`.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from argmap.errors import LoadError
from argmap.model import Location
from argmap.rules import Config, ConfigError, UnknownRuleError, problem
from argmap.text import suggest

__all__ = ["FILE_NAME", "config_beside", "parse_config", "read_config"]

FILE_NAME = "argmap.toml"

_KEYS = {"": ("check",), "check": ("disable", "levels")}


def config_beside(map_path: str | os.PathLike[str]) -> Config:
    """The config of the argmap.toml in the map's folder, or the defaults without one."""
    return read_config(Path(map_path).parent / FILE_NAME)


def read_config(path: str | os.PathLike[str]) -> Config:
    """The config in `path`; the defaults if there is no such file."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as error:
        raise _error(os.fspath(path), 0, 0, f"cannot read file: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _error(os.fspath(path), 0, 0, "file is not valid UTF-8") from None
    return parse_config(text, os.fspath(path))


def parse_config(text: str, path: str = FILE_NAME) -> Config:
    """The config a TOML text describes, or a `LoadError` located at what is wrong.

    >>> parse_config('[check]\\ndisable = ["idle-actor"]\\n').disabled
    frozenset({'idle-actor'})
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib puts the position only in the message: "Invalid value (at line 2, column 11)".
        raise _error(path, *_decode_error(str(error), text)) from None
    _known_keys(document, "", text, path)
    check: dict[str, Any] = document.get("check", {})
    if not isinstance(check, dict):
        raise _error(path, *_find(text, "check"), "'check' must be a table: [check]")
    _known_keys(check, "check", text, path)
    disable = check.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        raise _error(path, *_find(text, "disable"), "'disable' must be a list of rule ids")
    levels = check.get("levels", {})
    if not isinstance(levels, dict):
        raise _error(path, *_find(text, "levels"), "'levels' must be a table: [check.levels]")
    for rule_id, level in levels.items():
        if not isinstance(level, str):
            raise _error(
                path, *_find(text, rule_id), f"level of '{rule_id}' must be text: error or warning"
            )
    try:
        return Config.of(disable, levels)
    except (UnknownRuleError, ConfigError) as error:
        raise _error(path, *_find(text, error.rule_id), str(error)) from None


def _decode_error(message: str, text: str) -> tuple[int, int, str]:
    """tomllib's message, e.g. "Invalid value (at line 2, column 11)", as a location."""
    if message.endswith(" (at end of document)"):
        reason = message.removesuffix(" (at end of document)") + " at the end of the file"
        line, col = text.count("\n") + 1, len(text) - text.rfind("\n")
    elif at := re.search(r" \(at line (\d+), column (\d+)\)$", message):
        reason, line, col = message[: at.start()], int(at[1]), int(at[2])
    else:
        reason, line, col = message, 0, 0
    return line, col, f"invalid TOML: {reason[:1].lower()}{reason[1:]}"


def _known_keys(table: dict[str, Any], name: str, text: str, path: str) -> None:
    allowed = _KEYS[name]
    for key in table:
        if key not in allowed:
            where = f"[{name}]" if name else "argmap.toml"
            hint = suggest(key, allowed) or f"allowed keys: {', '.join(allowed)}"
            raise _error(path, *_find(text, key), f"unknown key '{key}' in {where}; {hint}")


def _find(text: str, word: str) -> tuple[int, int]:
    """The line and column where `word` first appears, as the best place to point at."""
    for number, line in enumerate(text.splitlines(), start=1):
        col = line.find(word)
        if col >= 0:
            return number, col + 1
    return 0, 0


def _error(path: str, line: int, col: int, message: str) -> LoadError:
    return LoadError(problem("config", Location(path, line, col), message))
