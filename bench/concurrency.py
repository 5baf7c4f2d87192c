"""Two `argmap add` at once on the same map, many rounds: how many entries are lost.

    python bench/concurrency.py --rounds 50

Each round writes a fresh copy of a small map, starts two `argmap add actor` processes
at the same moment (each adding its own actor) and, when both have finished, counts the
actors missing from the file and the files left beside it. Before the lock, 50 of 50
rounds lost one entry while both commands said "added" (issue 16).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

MAP = "title: T\nsources: {}\nactors:\n  jo: {name: Jo, kind: person}\nclaims: {}\nstances: []\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    lost = failed = stray = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "arguments.yaml"
        for _ in range(args.rounds):
            path.write_text(MAP, encoding="utf-8")
            add = [sys.executable, "-m", "argmap", "add", "actor", "-f", str(path)]
            runs = [
                subprocess.Popen(
                    [*add, name, "--name", name.title(), "--kind", "person"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for name in ("ann", "bob")
            ]
            failed += sum(run.wait() != 0 for run in runs)
            actors = yaml.safe_load(path.read_text(encoding="utf-8"))["actors"]
            lost += len({"jo", "ann", "bob"} - set(actors))
            stray += len([p for p in Path(folder).iterdir() if p.name != "arguments.yaml"])
    elapsed = time.perf_counter() - start
    print(f"rounds: {args.rounds}")
    print(f"adds: {2 * args.rounds}, failed: {failed}")
    print(f"lost updates: {lost}")
    print(f"stray files: {stray}")
    print(f"time: {elapsed:.1f} s")
    raise SystemExit(1 if lost or failed or stray else 0)


if __name__ == "__main__":
    main()
