"""CPU time of the build's renders alone, on a map loaded and analysed once.

    python bench/report_steps.py --map /work/benchdata/map-10000-seed1.yaml --max-mib 200
    env PYTHONPATH=/path/to/other/checkout python bench/report_steps.py --map ...

The first run for a map pickles `(amap, analysis)` (`load_valid` then `analyse`) into
`--cache`; later runs, of this checkout or another (run from outside either checkout
with `PYTHONPATH` naming it), load the pickle, so both sides render the very same
objects. Each step runs `--reps` times; the line per step gives the least CPU time
(`time.process_time`, user + sys of this process) and the sha-256 of its text, so two
checkouts can be compared for speed and for identical output in one go. A step times
what the build calls: a render's parts where the checkout has them (joined only for the
digest, outside the time), else its text. index.html renders the page on the full
analysis, as the build does first (`--only` leaves it out for speed); the other files get
the analysis slimmed as the build slims it after the page.
"""

from __future__ import annotations

import argparse
import copyreg
import gc
import hashlib
import pickle
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _proxy(items: dict[object, object]) -> types.MappingProxyType[object, object]:
    return types.MappingProxyType(items)


def loaded(map_path: Path, max_mib: int, cache: Path) -> tuple[object, object]:
    cache.mkdir(parents=True, exist_ok=True)
    stored = cache / f"{map_path.stem}.pickle"
    if stored.exists():
        with stored.open("rb") as f:
            found: tuple[object, object] = pickle.load(f)
        return found
    from argmap.analysis import analyse
    from argmap.pipeline import load_valid

    amap, _ = load_valid(map_path, max_bytes=max_mib * 1024 * 1024)
    analysis = analyse(amap)
    # The analysis holds read-only views of dicts, which pickle does not know.
    copyreg.pickle(types.MappingProxyType, lambda m: (_proxy, (dict(m),)))
    partial = stored.with_suffix(".partial")
    with partial.open("wb") as f:
        pickle.dump((amap, analysis), f, protocol=pickle.HIGHEST_PROTOCOL)
    partial.rename(stored)
    return amap, analysis


def steps(amap: Any, analysis: Any) -> dict[str, Callable[[], object]]:
    from argmap.render import html
    from argmap.render import report as rep

    built = rep.build_report(amap, analysis)
    # The files after the page get the analysis as the build gives it them: of the
    # agreement pairs only the frustrated ones (`pipeline._after_page`, where a checkout
    # has it). Given every pair, report.html and report.md read millions of them that a
    # build never hands them (a second and more at 100,000 stances).
    from argmap import pipeline

    after = getattr(pipeline, "_after_page", lambda analysis: analysis)(analysis)
    # What the build calls: the parts (sixth pass), or the text where a checkout has no parts.
    markdown = getattr(rep, "markdown_parts", rep.render_markdown)
    page = getattr(rep, "html_parts", rep.render_html)
    outline = getattr(html, "outline_page_parts", html.render_outline)
    index = getattr(html, "index_parts", html.render_index)
    return {
        "build_report": lambda: rep.build_report(amap, analysis),
        "report.md": lambda: markdown(amap, after, report=built),
        "report.html": lambda: page(amap, after, report=built),
        "outline.html": lambda: outline(
            amap, after, report_href="report.html", summary=built.summary
        ),
        "index.html": lambda: index(amap, analysis, report_href="report.html"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--map", type=Path, required=True)
    parser.add_argument("--max-mib", type=int, default=400)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/report-steps"))
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated step names")
    args = parser.parse_args()
    amap, analysis = loaded(args.map, args.max_mib, args.cache)
    import argmap

    print(f"# {args.map.name} with {Path(argmap.__file__).parent.parent}", flush=True)
    wanted = [s for s in args.only.split(",") if s]
    for name, step in steps(amap, analysis).items():
        if wanted and name not in wanted:
            continue
        best = float("inf")
        digest = ""
        for _ in range(args.reps):
            gc.collect()
            start = time.process_time()
            text = step()
            best = min(best, time.process_time() - start)
            if isinstance(text, list):
                text = "".join(text)
            if isinstance(text, str):
                digest = hashlib.sha256(text.encode()).hexdigest()[:16]
            del text
        print(f"{name:14} {best:8.2f} s  {digest}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
