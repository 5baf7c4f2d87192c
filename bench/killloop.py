"""SIGKILL `argmap add` at any moment, many times: is the map always old or new, whole?

    python bench/killloop.py --kills 100

A map of a few hundred stances (bench/generate.py) is copied, `argmap add actor` is
started on it and killed with SIGKILL: half the rounds at a random moment of its run,
half the moment its journal appears (inside the in-place rewrite, the only window where
the file itself can be torn). Then `argmap.fsutil.recover` runs, as the next `fmt` or
`add` does first. Each round counts: the file torn before recovery, the file damaged
after it (neither the old content nor the new one, byte for byte), and any file left
beside the map after recovery.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.fsutil import journal_path, recover  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--stances", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        original = Path(tmp) / "original.yaml"
        generate = [sys.executable, str(ROOT / "bench" / "generate.py")]
        generate += ["--stances", str(args.stances), "--seed", str(args.seed)]
        subprocess.run([*generate, "-o", str(original)], check=True)
        folder = Path(tmp) / "work"
        folder.mkdir()
        path = folder / "arguments.yaml"
        command = [sys.executable, "-m", "argmap", "add", "actor", "-f", str(path), "new-actor"]
        command += ["--name", "New Actor", "--kind", "person"]
        # One run to the end gives the new content and how long a run takes.
        shutil.copyfile(original, path)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        duration = time.perf_counter() - start
        old, new = original.read_bytes(), path.read_bytes()
        counts = dict.fromkeys(
            [
                "finished before the kill",
                "old",
                "new",
                "journal found",
                "torn before recovery",
                "damaged",
                "stray files",
            ],
            0,
        )
        for kill in range(args.kills):
            shutil.copyfile(original, path)
            run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if kill % 2:
                time.sleep(rng.uniform(0, duration * 1.1))
            else:
                journal = journal_path(path)
                while run.poll() is None and not journal.exists():
                    pass
            with_journal = journal_path(path).exists()
            if run.poll() is None:
                os.kill(run.pid, signal.SIGKILL)
            else:
                counts["finished before the kill"] += 1
            run.wait()
            counts["journal found"] += journal_path(path).exists() or with_journal
            counts["torn before recovery"] += path.read_bytes() not in (old, new)
            recover(path)
            content = path.read_bytes()
            counts["old"] += content == old
            counts["new"] += content == new
            counts["damaged"] += content not in (old, new)
            counts["stray files"] += len([p for p in folder.iterdir() if p != path])
            for p in folder.iterdir():
                if p != path:
                    p.unlink()
    print(f"map: {args.stances} stances, {len(old):,} bytes; an add takes {duration:.2f} s")
    print(f"kills: {args.kills}")
    for name, value in counts.items():
        print(f"{name}: {value}")
    raise SystemExit(1 if counts["damaged"] or counts["stray files"] else 0)


if __name__ == "__main__":
    main()
