"""`build()`: the whole pipeline from arguments.yaml to the output folder.

    load -> check -> analyse -> render (map pages, report) -> write

Everything is rendered in memory first, then every file is written to a temporary name
in the output folder and only when all of them are complete are they renamed over the
old ones: a map with errors, a crash while rendering or a full disk leaves the previous
output exactly as it was. The build writes only its own files and deletes nothing else.
"""

from __future__ import annotations

import heapq
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import InvalidMapError, OutputError
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
    only needs the map's structure to be sound. The argmap.toml beside the map may switch
    rules off or change their level, as for `argmap check`.
    """
    from argmap.checks import check
    from argmap.config import config_beside
    from argmap.load import load_file

    config = config_beside(map_path)
    loaded = load_file(os.fspath(map_path))
    found = check(loaded.map, verify_quotes=False, config=config)
    problems = list(heapq.merge(loaded.problems, found))  # each sorted already
    if any(p.level is Level.ERROR for p in problems):
        raise InvalidMapError(problems)
    return canonical(loaded.map), tuple(problems)


def write_files(out_dir: str | os.PathLike[str], files: dict[str, str]) -> tuple[Path, ...]:
    """Write all `files` (name -> text) into `out_dir`, all or none.

    Each file goes to a temporary name beside its target first; only when every one is
    written and flushed are they renamed into place. On any failure the temporary files
    are removed, the previous files are untouched and `OutputError` says what failed.
    """
    folder = Path(out_dir)
    staged: list[tuple[Path, Path]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            target = folder / name
            temporary = folder / f".{name}.{uuid.uuid4().hex}.tmp"
            staged.append((temporary, target))
            # 0o666 and the umask, as for any new file; O_EXCL never reuses a stray file.
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as error:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        where = error.filename or folder
        raise OutputError(f"cannot write {where}: {error.strerror or error}") from None
    return tuple(target for _, target in staged)


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
