"""`build()`: the whole pipeline from arguments.yaml to the output folder.

    load -> check -> analyse -> render (map pages, report) -> write

Everything is rendered in memory first, then every file is written to a temporary name
in the output folder and only when all of them are complete are they renamed over the
old ones, which are kept until the last rename succeeds: a map with errors, a crash
while rendering, a full disk or a file that cannot be replaced leaves the previous
output exactly as it was. The build writes only its own files and deletes nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import InvalidMapError
from argmap.model import ArgumentMap, Level, Problem, canonical

__all__ = ["OUTPUT_FILES", "Built", "build", "load_valid", "render_all", "write_files"]

#: What a build writes, in this order.
OUTPUT_FILES = ("index.html", "outline.html", "report.html", "report.md")


@dataclass(frozen=True)
class Built:
    """A finished build: the files written and the warnings the map has."""

    files: tuple[Path, ...]
    warnings: tuple[Problem, ...] = ()


def render_all(
    map_path: str | os.PathLike[str], *, normalisation: str = "none"
) -> tuple[dict[str, str], tuple[Problem, ...]]:
    """Load, check and analyse the map and render every output file; write nothing.

    Returns the files' text by name and the map's warnings. Raises `LoadError` for a file
    that is not a map and `InvalidMapError` for a map with errors. Quotes are not checked
    against the sources' texts here (that is `argmap check`'s job).
    """
    from argmap.analysis import analyse
    from argmap.render.html import render_pages
    from argmap.render.report import render_html, render_markdown

    amap, problems = load_valid(map_path)
    analysis = analyse(amap, normalisation=normalisation)
    files = render_pages(amap, analysis, report_href="report.html")
    files["report.html"] = render_html(amap, analysis)
    files["report.md"] = render_markdown(amap, analysis)
    return {name: files[name] for name in OUTPUT_FILES}, problems


def load_valid(map_path: str | os.PathLike[str]) -> tuple[ArgumentMap, tuple[Problem, ...]]:
    """Load a map for building, refusing it with `InvalidMapError` if it has errors.

    Returns the map in canonical order (`argmap.model.canonical`), so nothing built from
    it depends on the order of entries in the file, and its warnings. Quotes are not
    checked against the sources' texts here: that is `argmap check`'s job, and a build
    only needs the map's structure to be sound.
    """
    from argmap.checks import check
    from argmap.load import load_file

    loaded = load_file(os.fspath(map_path))
    problems = sorted([*loaded.problems, *check(loaded.map, verify_quotes=False)])
    if any(p.level is Level.ERROR for p in problems):
        raise InvalidMapError(problems)
    return canonical(loaded.map), tuple(problems)


def write_files(out_dir: str | os.PathLike[str], files: dict[str, str]) -> tuple[Path, ...]:
    """Write all `files` (name -> text) into `out_dir`, all or none.

    Each file is written whole under a temporary name first, and the old ones are kept
    until every new one is in place (`argmap.fsutil.write_all_or_none`): on any failure
    the previous files are exactly as they were and `OutputError` names the file.
    """
    from argmap.fsutil import write_all_or_none

    return write_all_or_none(out_dir, files)


def build(
    map_path: str | os.PathLike[str] = "arguments.yaml",
    out_dir: str | os.PathLike[str] = "output",
    *,
    normalisation: str = "none",
) -> Built:
    """Build the map at `map_path` into `out_dir`: index.html, outline.html, report.html
    and report.md.

    Raises `LoadError` or `InvalidMapError` (nothing written) when the map cannot be
    built, and `OutputError` (previous output intact) when the files cannot be written.
    """
    files, problems = render_all(map_path, normalisation=normalisation)
    written = write_files(out_dir, files)
    return Built(written, tuple(p for p in problems if p.level is Level.WARNING))
