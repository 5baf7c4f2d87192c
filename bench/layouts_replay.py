"""Record every layout call a build's views make, then replay them against this checkout:
the same results, and how much CPU time each layout takes (issue 18, fourth pass).

    # once per map, with PYTHONPATH at the checkout whose results are the reference:
    PYTHONPATH=/tmp/clone-of-main python bench/layouts_replay.py record MAP.yaml CALLS.pickle
    # then with this checkout (or the reference again, for the before timings):
    python bench/layouts_replay.py replay CALLS.pickle [CALLS.pickle ...]
    # the whole `build_views` in-process, the analysis loaded from a pickle:
    python bench/layouts_replay.py views MAP.yaml [--analysis ANALYSIS.pickle]
    # `layered` against tests/reference_sugiyama.py, unrounded (run from the checkout):
    python bench/layouts_replay.py floats CALLS.pickle [CALLS.pickle ...]

`record` loads and analyses the map, then runs `views.build_views` with
`sugiyama.layered`, `layout.force_layout` and `layout.separate` wrapped so each call's
arguments and result are pickled as it returns. `replay` calls the current functions on
every recorded input, compares each result with the recorded one (`==` on the
dataclass, lists and dicts, so every integer position and route must match) and prints
CPU seconds (`time.process_time`) per function. Exits 1 on any difference.
`floats` calls `sugiyama.layered` and the reference module (the fourth pass's, kept
verbatim) on every recorded `layered` input with `round` made the identity in both, so
every position and waypoint is the float it was computed as, and compares their reprs
(which tell 0.0 from -0.0): the fifth pass's claim of bit-identical coordinates.
"""

from __future__ import annotations

import argparse
import copyreg
import functools
import gc
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import MappingProxyType
from typing import Any


def _proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


# The model's read-only mappings: pickled as the dicts they wrap.
copyreg.pickle(MappingProxyType, lambda proxy: (_proxy, (dict(proxy),)))

NAMES = (("sugiyama", "layered"), ("layout", "force_layout"), ("layout", "separate"))


def _load(map_path: str, analysis_path: str | None) -> tuple[Any, Any]:
    from argmap.analysis import analyse
    from argmap.pipeline import load_valid

    if analysis_path and Path(analysis_path).exists():
        with open(analysis_path, "rb") as f:
            amap, analysis = pickle.load(f)
        return amap, analysis
    amap, _ = load_valid(map_path, max_bytes=400 * 2**20)
    analysis = analyse(amap)
    if analysis_path:
        with open(analysis_path, "wb") as f:
            pickle.dump((amap, analysis), f, protocol=pickle.HIGHEST_PROTOCOL)
    return amap, analysis


def record(map_path: str, out: str, analysis_path: str | None) -> None:
    from argmap.render import layout, sugiyama, views

    amap, analysis = _load(map_path, analysis_path)
    calls: list[bytes] = []
    modules = {"sugiyama": sugiyama, "layout": layout}

    def wrap(module: str, name: str) -> None:
        real = getattr(modules[module], name)

        @functools.wraps(real)
        def recording(*args: Any, **kwargs: Any) -> Any:
            given = pickle.dumps((args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
            result = real(*args, **kwargs)
            calls.append(
                pickle.dumps((f"{module}.{name}", given, result), protocol=pickle.HIGHEST_PROTOCOL)
            )
            return result

        setattr(modules[module], name, recording)

    for module, name in NAMES:
        wrap(module, name)
    views.build_views(amap, analysis)
    with open(out, "wb") as f:
        pickle.dump(calls, f, protocol=pickle.HIGHEST_PROTOCOL)
    counts: dict[str, int] = defaultdict(int)
    for raw in calls:
        counts[pickle.loads(raw)[0]] += 1
    print(out, dict(counts))


def replay(paths: list[str]) -> int:
    from argmap.render import layout, sugiyama

    functions = {
        "sugiyama.layered": sugiyama.layered,
        "layout.force_layout": layout.force_layout,
        "layout.separate": layout.separate,
    }
    bad = 0
    for path in paths:
        with open(path, "rb") as f:
            calls = pickle.load(f)
        spent: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)
        same: dict[str, int] = defaultdict(int)
        gc.collect()
        for raw in calls:
            name, given, expected = pickle.loads(raw)
            args, kwargs = pickle.loads(given)
            start = time.process_time()
            got = functions[name](*args, **kwargs)
            spent[name] += time.process_time() - start
            counts[name] += 1
            if got == expected:
                same[name] += 1
            else:
                bad += 1
        for name in sorted(counts):
            print(
                f"{Path(path).name}\t{name}\t{counts[name]} calls\t{same[name]} same"
                f"\t{spent[name]:.2f} s"
            )
    return 1 if bad else 0


def _unrounded(value: float) -> float:
    return value


def floats(paths: list[str]) -> int:
    sys.path.insert(0, str(Path.cwd()))
    from argmap.render import sugiyama
    from tests import reference_sugiyama

    for module in (sugiyama, reference_sugiyama):
        module.round = _unrounded  # type: ignore[attr-defined]
    bad = 0
    for path in paths:
        with open(path, "rb") as f:
            calls = pickle.load(f)
        count = same = 0
        for raw in calls:
            name, given, _ = pickle.loads(raw)
            if name != "sugiyama.layered":
                continue
            args, kwargs = pickle.loads(given)
            got = sugiyama.layered(*args, **kwargs)
            expected = reference_sugiyama.layered(*args, **kwargs)
            count += 1
            if (repr(got.positions), got.layers, repr(got.routes), got.turned, got.crossings) == (
                repr(expected.positions),
                expected.layers,
                repr(expected.routes),
                expected.turned,
                expected.crossings,
            ):
                same += 1
        print(f"{Path(path).name}\tsugiyama.layered unrounded\t{count} calls\t{same} same")
        bad += count - same
    return 1 if bad else 0


def views_time(map_path: str, analysis_path: str | None, reps: int) -> None:
    from argmap.render import views

    amap, analysis = _load(map_path, analysis_path)
    for _ in range(reps):
        gc.collect()
        start = time.process_time()
        views.build_views(amap, analysis)
        print(f"{Path(map_path).name}\tbuild_views\t{time.process_time() - start:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("map")
    rec.add_argument("out")
    rec.add_argument("--analysis")
    rep = sub.add_parser("replay")
    rep.add_argument("calls", nargs="+")
    flt = sub.add_parser("floats")
    flt.add_argument("calls", nargs="+")
    vws = sub.add_parser("views")
    vws.add_argument("map")
    vws.add_argument("--analysis")
    vws.add_argument("--reps", type=int, default=1)
    args = parser.parse_args()
    if args.command == "record":
        record(args.map, args.out, args.analysis)
        return 0
    if args.command == "replay":
        return replay(args.calls)
    if args.command == "floats":
        return floats(args.calls)
    views_time(args.map, args.analysis, args.reps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
