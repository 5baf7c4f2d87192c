"""`build()`: the whole pipeline from arguments.yaml to the output folder.

    load -> check -> analyse -> render (map pages, report) -> write

Each file is rendered and written to a temporary name in the output folder in turn (so
only one file's text is in memory at a time, and a big one only as its parts, never joined),
and only when all of them are complete are
they renamed over the old ones, which are kept until the last rename succeeds: a map with
errors, a crash while rendering, a full disk or a file that cannot be replaced leaves the
previous output exactly as it was. The build writes only its own files and deletes
nothing else.
"""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import InvalidMapError
from argmap.load.gcpause import frozen_gc
from argmap.model import ArgumentMap, Level, Problem, canonical

if TYPE_CHECKING:
    from argmap.analysis import Analysis
    from argmap.fsutil import Text
    from argmap.rules import Config

__all__ = [
    "OUTPUT_FILES",
    "Built",
    "Checked",
    "build",
    "load_checked",
    "load_valid",
    "render_all",
    "write_files",
]

#: What a build writes, in this order.
OUTPUT_FILES = ("index.html", "outline.html", "report.html", "report.md")


@dataclass(frozen=True)
class Built:
    """A finished build: the files written and the warnings the map has."""

    files: tuple[Path, ...]
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Checked:
    """A loaded map and every problem it has, load and check alike, sorted."""

    map: ArgumentMap
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level is Level.ERROR)


def load_checked(
    map_path: str | os.PathLike[str],
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    verify_quotes: bool = True,
    sources_required: bool = True,
    config: Config | None = None,
    max_bytes: int | None = None,
) -> Checked:
    """Load the map at `map_path` and run every check: the one "load and check".

    An edit of the map that a kill interrupted (`argmap fmt`, `argmap add`) is finished
    or discarded first (`argmap.fsutil.recover`), so a torn file is never read. Quotes
    are verified against the sources' texts (read from `sources_dir` when given, else
    the map's folder) unless `verify_quotes` is false. With `sources_required` false, a
    source text that may not be read (outside that folder, not a regular file, too big)
    is a warning instead of an error: its quotes are not verified, and the map can still
    be built. Rules are switched off or given another level by `config`, by default
    the argmap.toml beside the map. A file over `max_bytes` (default
    `argmap.load.MAX_BYTES`) is refused unread. Raises `LoadError` for a file that is not
    a map.
    """
    from argmap.checks import check
    from argmap.config import config_beside
    from argmap.fsutil import recover
    from argmap.load import MAX_BYTES, load_file
    from argmap.load.compose import fatal
    from argmap.model import Location

    path = os.fspath(map_path)
    try:
        recover(path)
    except OSError as error:
        raise fatal(
            Location(path, 0, 0),
            f"an interrupted edit could not be finished: {error.strerror or error}",
            "read-error",
            "make the file writable and run the command again",
        ) from None
    loaded = load_file(path, max_bytes=MAX_BYTES if max_bytes is None else max_bytes)
    found = check(
        loaded.map,
        sources_dir=os.fspath(sources_dir) if sources_dir is not None else None,
        verify_quotes=verify_quotes,
        config=config_beside(path) if config is None else config,
    )
    if not sources_required:
        found = [_unrequired(p) for p in found]
    return Checked(loaded.map, tuple(sorted([*loaded.problems, *found])))


def _unrequired(problem: Problem) -> Problem:
    if problem.rule != "source-file-refused":
        return problem
    return dataclasses.replace(problem, level=Level.WARNING)


def render_all(
    map_path: str | os.PathLike[str],
    *,
    normalisation: str = "none",
    sources_dir: str | os.PathLike[str] | None = None,
    max_bytes: int | None = None,
) -> tuple[dict[str, str], tuple[Problem, ...]]:
    """Load, check and analyse the map and render every output file; write nothing.

    Returns the files' text by name and the map's warnings. Raises `LoadError` for a file
    that is not a map and `InvalidMapError` for a map with errors (see `load_valid`).
    """
    with _renders(
        map_path, normalisation=normalisation, sources_dir=sources_dir, max_bytes=max_bytes
    ) as (renders, problems):
        return {name: _joined(render()) for name, render in renders.items()}, problems


def _joined(text: Text) -> str:
    return text if isinstance(text, str) else "".join(text)


@contextmanager
def _renders(
    map_path: str | os.PathLike[str],
    *,
    normalisation: str,
    sources_dir: str | os.PathLike[str] | None,
    max_bytes: int | None,
) -> Iterator[tuple[dict[str, Callable[[], Text]], tuple[Problem, ...]]]:
    """Load, check and analyse the map; each output file's render, in `OUTPUT_FILES` order,
    to be called when its file is written, inside the block; each returns its text as parts
    (`argmap.fsutil.Text`), never joined. The report's content
    (`build_report`, with the summary) is worked out once, for report.html, report.md
    and the outline alike.

    The renders leave reference cycles behind (tens of MiB each on a big map) that the
    collector, walking the map's millions of objects only now and then, would free only
    after the next render had grown on top of them: so each render after the first starts
    with a collection, and the map and its analysis, made before, are frozen out of it
    for the block (`gc.freeze`), which leaves those collections the renders' own objects
    to walk, not millions.
    """
    from argmap.analysis import analyse
    from argmap.render.html import index_parts, outline_page_parts
    from argmap.render.report import build_report, html_parts, markdown_parts

    amap, problems = load_valid(map_path, sources_dir=sources_dir, max_bytes=max_bytes)
    report = build_report(amap, analysis := analyse(amap, normalisation=normalisation))
    held = [analysis]  # the one reference to the analysis, so the page can slim it
    del analysis

    def index() -> Text:
        text = index_parts(amap, held[0], report_href="report.html")
        held[0] = _after_page(held[0])
        return text

    renders: dict[str, Callable[[], Text]] = {
        "index.html": index,
        "outline.html": _collected(
            lambda: outline_page_parts(
                amap, held[0], report_href="report.html", summary=report.summary
            )
        ),
        "report.html": _collected(lambda: html_parts(amap, held[0], report=report)),
        "report.md": _collected(lambda: markdown_parts(amap, held[0], report=report)),
    }
    with frozen_gc():
        yield {name: renders[name] for name in OUTPUT_FILES}, problems


def _collected(render: Callable[[], Text]) -> Callable[[], Text]:
    def run() -> Text:
        gc.collect()  # what the render before left in cycles (its text is dropped by now)
        return render()

    return run


def _after_page(analysis: Analysis) -> Analysis:
    """The analysis as the files after the page read it: of the agreement pairs (millions
    on a big map, read by the page's drawings alone) only the frustrated ones, whose
    weights the report gives. Every file is the same whichever it is given."""
    from argmap.analysis.camps import Agreement

    if not isinstance(analysis.agreement, Agreement):
        return analysis
    return dataclasses.replace(analysis, agreement=analysis.agreement.only(analysis.frustration))


def load_valid(
    map_path: str | os.PathLike[str],
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    max_bytes: int | None = None,
) -> tuple[ArgumentMap, tuple[Problem, ...]]:
    """Load a map for building, refusing it with `InvalidMapError` if it has errors.

    The check is `load_checked`'s, the same for `build`, `watch` and `report`: quotes
    are verified against every source text that may be read (from `sources_dir` when
    given), and a text that may not be read only leaves its quotes unverified (a
    warning; `argmap check` makes it an error). Returns the map in canonical order
    (`argmap.model.canonical`), so nothing built from it depends on the order of entries
    in the file, and its warnings. The argmap.toml beside the map may switch rules off or
    change their level, as for `argmap check`.
    """
    checked = load_checked(
        map_path, sources_dir=sources_dir, sources_required=False, max_bytes=max_bytes
    )
    if checked.errors:
        raise InvalidMapError(list(checked.problems))
    return canonical(checked.map), checked.problems


def write_files(
    out_dir: str | os.PathLike[str], files: Mapping[str, Text | Callable[[], Text]]
) -> tuple[Path, ...]:
    """Write all `files` (name -> text or its parts, or a function rendering it) into
    `out_dir`, all or none.

    Each file is written whole under a temporary name first (a function is called just
    before), and the old ones are kept until every new one is in place
    (`argmap.fsutil.write_all_or_none`): on any failure the previous files are exactly as
    they were and `OutputError` names the file.
    """
    from argmap.fsutil import write_all_or_none

    return write_all_or_none(out_dir, files)


def build(
    map_path: str | os.PathLike[str] = "arguments.yaml",
    out_dir: str | os.PathLike[str] = "output",
    *,
    normalisation: str = "none",
    sources_dir: str | os.PathLike[str] | None = None,
    max_bytes: int | None = None,
) -> Built:
    """Build the map at `map_path` into `out_dir`: index.html, outline.html, report.html
    and report.md.

    Raises `LoadError` or `InvalidMapError` (nothing written) when the map cannot be
    built, and `OutputError` (previous output intact) when the files cannot be written.
    """
    with _renders(
        map_path, normalisation=normalisation, sources_dir=sources_dir, max_bytes=max_bytes
    ) as (renders, problems):
        written = write_files(out_dir, renders)
    return Built(written, tuple(p for p in problems if p.level is Level.WARNING))
