"""CPU time of the build's text renders alone, on a map loaded and analysed once.

    python bench/report_steps.py --map /work/benchdata/map-10000-seed1.yaml --max-mib 200
    env PYTHONPATH=/path/to/other/checkout python bench/report_steps.py --map ...

The first run for a map pickles `(amap, analysis)` (`load_valid` then `analyse`) into
`--cache`; later runs, of this checkout or another (run from outside either checkout
with `PYTHONPATH` naming it), load the pickle, so both sides render the very same
objects. Each step runs `--reps` times; the line per step gives the least CPU time
(`time.process_time`, user + sys of this process) and the sha-256 of its text, so two
checkouts can be compared for speed and for identical output in one go.
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


def steps(amap: object, analysis: object) -> dict[str, Callable[[], object]]:
    from argmap.render import report as rep
    from argmap.render.html import render_outline

    built = rep.build_report(amap, analysis)  # type: ignore[arg-type]
    return {
        "build_report": lambda: rep.build_report(amap, analysis),  # type: ignore[arg-type]
        "report.md": lambda: rep.render_markdown(amap, analysis, report=built),  # type: ignore[arg-type]
        "report.html": lambda: rep.render_html(amap, analysis, report=built),  # type: ignore[arg-type]
        "outline.html": lambda: render_outline(
            amap,  # type: ignore[arg-type]
            analysis,  # type: ignore[arg-type]
            report_href="report.html",
            summary=built.summary,
        ),
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
            if isinstance(text, str):
                digest = hashlib.sha256(text.encode()).hexdigest()[:16]
            del text
        print(f"{name:14} {best:8.2f} s  {digest}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
