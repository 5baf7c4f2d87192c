"""The long fuzz run: the Hypothesis suites of tests/ with many more examples.

    python bench/fuzz.py [--examples N]

CI runs the same suites (the fuzzers, and the differential tests of the fast path against
the full loader) with a few hundred examples each; this runs thousands and prints a table
of examples tried, failures and time per suite (from Hypothesis's statistics). The
hostile-input corpus through every command is bench/hostile.py.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITES = (
    "tests/test_fuzz.py",
    "tests/test_fuzz_mutations.py",
    "tests/test_fastload.py",
    "tests/test_parity.py",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--examples", type=int, default=5000, help="examples per test (default 5000)"
    )
    args = parser.parse_args()
    env = {**os.environ, "ARGMAP_FUZZ_EXAMPLES": str(args.examples)}
    print("| test | examples | failures | seconds |")
    print("|---|---:|---:|---:|")
    failed = 0
    for suite in SUITES:
        started = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                suite,
                "-q",
                "-p",
                "no:cacheprovider",
                "--hypothesis-show-statistics",
                "--hypothesis-seed=0",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
        for test, passing, failing in _statistics(result.stdout):
            print(f"| {test} | {passing + failing} | {failing} | {elapsed:.1f} (whole file) |")
        if result.returncode:
            failed += 1
            print(result.stdout[-3000:], file=sys.stderr)
    return 1 if failed else 0


def _statistics(output: str) -> list[tuple[str, int, int]]:
    """(test, passing examples, failing examples) from --hypothesis-show-statistics."""
    rows = []
    for block in re.split(r"\n(?=tests/\S+::)", output):
        name = re.match(r"(tests/\S+::\S+?):", block)
        counts = re.search(r"(\d+) passing, (\d+) failing", block)
        if name and counts:
            rows.append((name.group(1), int(counts.group(1)), int(counts.group(2))))
    return rows


if __name__ == "__main__":
    sys.exit(main())
