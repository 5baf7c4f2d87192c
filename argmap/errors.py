"""Exceptions the library raises for anything a user can get wrong.

The CLI turns each into a one-line message and exit code 1; nothing here should ever
reach a user as a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.model import Level, Problem

__all__ = ["ArgmapError", "InvalidMapError", "LoadError", "OutputError"]


class ArgmapError(Exception):
    """Base class: `str(error)` is a complete one-line message for the user."""


class LoadError(ArgmapError):
    """The file cannot be read as a map at all (unreadable, not UTF-8, not YAML...)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class InvalidMapError(ArgmapError):
    """The map has errors, so it cannot be analysed or rendered."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        errors = sum(p.level is Level.ERROR for p in self.problems)
        first = next((p for p in self.problems if p.level is Level.ERROR), None)
        more = f" (and {errors - 1} more; run `argmap check`)" if errors > 1 else ""
        super().__init__(f"{first}{more}" if first else "the map has errors")


class OutputError(ArgmapError):
    """An output file could not be written; the previous one is left as it was."""
