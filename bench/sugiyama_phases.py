"""CPU time of `sugiyama.layered` and its phases on the layout calls a build really makes
(issue 18, sixth pass), to compare two checkouts interleaved on a shared machine.

    # the calls, once per map (bench/layouts_replay.py), with the reference checkout:
    PYTHONPATH=/tmp/base python bench/layouts_replay.py record MAP.yaml /tmp/MAP.calls
    # then, alternating the checkouts (each prints one table row per calls file):
    PYTHONPATH=/tmp/base python bench/sugiyama_phases.py --reps 3 /tmp/*.calls   # before
    python bench/sugiyama_phases.py --reps 3 /tmp/*.calls                         # after

For each calls file: the number of `layered` calls, then the median over `--reps` runs of
the CPU seconds (`time.process_time`) of all of them, and of the time inside
`_minimise_crossings`, `_first_orders` and `_coordinates` (wrapped by name, so either
checkout is measured the same way; since the sixth pass `_first_orders` makes its orders
lazily, inside `_minimise_crossings`, so its own column is near 0 there). `same` counts
the results equal to the recorded ones (`bench/layouts_replay.py floats` compares the
unrounded coordinates).
"""

from __future__ import annotations

import argparse
import gc
import pickle
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

PHASES = ("_minimise_crossings", "_first_orders", "_coordinates")


def _timed(spent: dict[str, float], name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return wrapper


def _calls(path: str) -> list[tuple[tuple[Any, ...], dict[str, Any], Any]]:
    with open(path, "rb") as f:
        raw_calls = pickle.load(f)
    calls = []
    for raw in raw_calls:
        name, given, expected = pickle.loads(raw)
        if name == "sugiyama.layered":
            args, kwargs = pickle.loads(given)
            calls.append((args, kwargs, expected))
    return calls


def run(path: str, reps: int) -> str:
    from argmap.render import sugiyama

    calls = _calls(path)
    totals: list[float] = []
    phases: dict[str, list[float]] = defaultdict(list)
    same = 0
    for rep in range(reps):
        spent: dict[str, float] = defaultdict(float)
        originals = {name: getattr(sugiyama, name) for name in PHASES}
        for name, real in originals.items():
            setattr(sugiyama, name, _timed(spent, name, real))
        gc.collect()
        start = time.process_time()
        try:
            results = [sugiyama.layered(*args, **kwargs) for args, kwargs, _ in calls]
        finally:
            totals.append(time.process_time() - start)
            for name, real in originals.items():
                setattr(sugiyama, name, real)
        for name in PHASES:
            phases[name].append(spent[name])
        if rep == 0:
            expected = [call[2] for call in calls]
            same = sum(got == want for got, want in zip(results, expected, strict=True))
    cells = [f"{statistics.median(phases[name]):.2f}" for name in PHASES]
    return (
        f"| {Path(path).stem} | {len(calls)} | {same} | {statistics.median(totals):.2f} | "
        + " | ".join(cells)
        + " |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("calls", nargs="+")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    from argmap.render import sugiyama

    print(f"# {sugiyama.__file__}")
    print("| calls | layered | same | CPU s | " + " | ".join(PHASES) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(PHASES))
    for path in args.calls:
        print(run(path, args.reps), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
