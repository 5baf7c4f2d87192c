"""Time each part of `views.build_views` in one process, the map loaded and analysed once
(issue 18, fifth pass), and print a digest of each part's result so two checkouts can be
compared without a whole build.

    # once per map (any checkout: the model's pickle is what both read):
    python bench/views_parts.py pickle MAP.yaml STATE.pickle
    # then, with PYTHONPATH at the checkout to time:
    PYTHONPATH=CHECKOUT python bench/views_parts.py time STATE.pickle [--reps N] [--profile OUT]
        [--inner layout.force_layout views._camp_forces ...]

Each rep starts with the drawings' per-map caches emptied (`_forget`), as a build starts.

`time` runs the parts in `build_views`' own order (`claim_levels`, `argument_view` or
`argument_drawings`, `stance_view` or `stance_drawings`, `camps_view` or `camp_drawings`,
as the map's size chooses) and prints CPU seconds (`time.process_time`) for each and a
SHA-256 of the `repr` of what it returned (the views are frozen dataclasses of ints,
strings and tuples, so equal reprs mean equal views).

The map and analysis are frozen out of the collector once loaded (`gcpause.frozen_gc`), as
the build freezes them around its renders.

`--inner MODULE.FUNCTION ...` (modules of `argmap.render`) also times each function named
wherever the parts call it, without a profiler's overhead (cProfile makes the Python-heavy
drawings look two to three times dearer than numpy-heavy ones): CPU seconds and calls,
summed over the reps, a call inside another named one counted in both (issue 18, sixth
pass).
"""

from __future__ import annotations

import argparse
import collections
import copyreg
import cProfile
import functools
import gc
import hashlib
import importlib
import pickle
import sys
import time
from types import MappingProxyType
from typing import Any


def _proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


# The model's read-only mappings: pickled as the dicts they wrap.
copyreg.pickle(MappingProxyType, lambda proxy: (_proxy, (dict(proxy),)))


def make_pickle(map_path: str, out: str) -> None:
    from argmap.analysis import analyse
    from argmap.pipeline import load_valid

    amap, _ = load_valid(map_path, max_bytes=400 * 2**20)
    analysis = analyse(amap)
    with open(out, "wb") as f:
        pickle.dump((amap, analysis), f, protocol=pickle.HIGHEST_PROTOCOL)


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def _time_inside(names: list[str]) -> dict[str, list[float]]:
    """Wrap each `argmap.render` function named (as `module.function`) so that its calls
    add their CPU seconds and count to the returned table, by name."""
    spent: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0])
    for name in names:
        module_name, function_name = name.split(".")
        module = importlib.import_module(f"argmap.render.{module_name}")
        function = getattr(module, function_name, None)
        if function is None:  # not in this checkout
            continue

        @functools.wraps(function)
        def timed(*args: Any, _f: Any = function, _n: str = name, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_n][0] += time.process_time() - start
                spent[_n][1] += 1

        setattr(module, function_name, timed)
    return spent


def time_parts(state: str, reps: int, profile: str | None, inner: list[str] | None = None) -> None:
    with open(state, "rb") as f:
        amap, analysis = pickle.load(f)
    inside = _time_inside(inner or [])
    gc.collect()
    # As the build does (`pipeline`'s frozen_gc): the map and analysis out of the
    # collector's walks, so a part is not charged for walking millions of their objects
    # (`frozen_gc`, not a bare gc.freeze: the layouts' pauses ask for the frozen count
    # only outside its block, and CPython 3.11 counts the frozen objects one by one).
    from argmap.load.gcpause import frozen_gc

    with frozen_gc():
        _time_frozen(amap, analysis, reps, profile)
    for name, (seconds, calls) in sorted(inside.items(), key=lambda item: -item[1][0]):
        print(f"  {name}\t{seconds:.3f} s\t{int(calls)} calls")


def _forget(*modules: Any) -> None:
    """Empty the drawings' per-map caches (their one-map lists, the force layouts' kept
    results), so that each rep does what a build does once, whichever checkout it is."""
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, list) and value and hasattr(value[0], "amap"):
                value.clear()
            elif hasattr(value, "cache_clear"):
                value.cache_clear()


def _time_frozen(amap: Any, analysis: Any, reps: int, profile: str | None) -> None:
    from argmap.render import aggregate, layout, views

    limit = aggregate.AGGREGATE_NODES
    speakers = {s.actor for s in amap.stances if s.actor in amap.actors_by_id}
    spoken = {s.claim for s in amap.stances if s.claim in amap.claims_by_id}
    big_argument = len(amap.claims) > limit
    big_stances = len(speakers) + len(spoken) > limit
    profiler = cProfile.Profile() if profile else None
    for _ in range(reps):
        _forget(views, layout)
        results: dict[str, tuple[float, str]] = {}

        def part(name: str, call: Any, *args: Any, results: dict[str, Any] = results) -> Any:
            gc.collect()
            if profiler:
                profiler.enable()
            start = time.process_time()
            value = call(*args)
            spent = time.process_time() - start
            if profiler:
                profiler.disable()
            results[name] = (spent, _digest(value))
            return value

        big = big_argument or big_stances
        levels = part("claim_levels", views.claim_levels, amap) if big else []
        if big_argument:
            argument = part("argument_drawings", views.argument_drawings, amap, levels)
        else:
            argument = part("argument_view", views.argument_view, amap)
        if big_stances:
            part("stance_drawings", views.stance_drawings, amap, analysis, levels, argument)
        else:
            part("stance_view", views.stance_view, amap, analysis, argument)
        if len(amap.actors) > limit:
            part("camp_drawings", views.camp_drawings, amap, analysis)
        else:
            part("camps_view", views.camps_view, amap, analysis)
        total = sum(s for s, _ in results.values())
        for name, (spent, digest) in results.items():
            print(f"{name}\t{spent:.2f} s\t{digest}")
        print(f"total\t{total:.2f} s")
    if profiler and profile:
        profiler.dump_stats(profile)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    pic = sub.add_parser("pickle")
    pic.add_argument("map")
    pic.add_argument("out")
    tim = sub.add_parser("time")
    tim.add_argument("state")
    tim.add_argument("--reps", type=int, default=1)
    tim.add_argument("--profile")
    tim.add_argument("--inner", nargs="*", default=[], metavar="MODULE.FUNCTION")
    args = parser.parse_args()
    if args.command == "pickle":
        make_pickle(args.map, args.out)
    else:
        time_parts(args.state, args.reps, args.profile, args.inner)
    return 0


if __name__ == "__main__":
    sys.exit(main())
