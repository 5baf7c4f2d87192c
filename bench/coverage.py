"""Time `argmap coverage` on maps whose sources have texts, by the size of each text.

    python bench/coverage.py --sizes 1000,10000,100000
    python bench/coverage.py --sizes 1000,10000 --per-source 1000

bench/generate.py's maps name no source text, so `bench/run.py`'s coverage row times
loading only. Here each map has `--per-source` stances per source (default: all of them
on one source, a long transcript), and each source a text holding every stance's quote
in quotation marks, between sentences, plus as many quoted passages no stance cites.
Printed: CPU seconds of `coverage()` alone, in this process, and of the whole command,
in a fresh one; the growth column is the ratio of the CPU times at 10 N and at N.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.coverage import coverage  # noqa: E402
from argmap.load import load_file  # noqa: E402
from argmap.quotes import read_source_texts  # noqa: E402


def write_map(folder: Path, stances: int, per_source: int) -> Path:
    """A map of `stances` stances, `per_source` on each source, with the texts beside it."""
    sources = max(1, -(-stances // per_source))
    lines = ["title: Coverage benchmark", "sources:"]
    for s in range(sources):
        lines += [f"  s{s}:", f"    title: Source {s}", f"    file: texts/s{s}.txt"]
    lines += ["actors:", "  a:", "    name: A", "    kind: person", "claims:", "  c:"]
    lines += ["    text: C", "stances:"]
    texts: list[list[str]] = [[] for _ in range(sources)]
    for n in range(stances):
        s = n // per_source
        quote = f"point {n} is made here"
        lines += ["  - actor: a", "    supports: c", f"    source: s{s}", f"    quote: {quote}"]
        texts[s].append(f'The speaker said "{quote}" and went on. Others said "aside {n}".')
    (folder / "texts").mkdir()
    for s, paragraphs in enumerate(texts):
        (folder / "texts" / f"s{s}.txt").write_text("\n\n".join(paragraphs) + "\n")
    path = folder / "arguments.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def in_process(path: Path) -> float:
    amap = load_file(str(path)).map
    texts, _ = read_source_texts(amap, path.parent)
    start = time.process_time()
    reports = coverage(amap, texts)
    spent = time.process_time() - start
    assert sum(len(r.unmapped) for r in reports) == len(amap.stances)  # the asides
    return spent


def whole_command(path: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "argmap", "coverage", str(path)]
    subprocess.run(command, stdout=subprocess.DEVNULL, cwd=ROOT, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--per-source", type=int, default=0, help="0: all on one source")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print("| stances | per source | coverage() (s cpu) | `argmap coverage` (s cpu) |")
    print("|---:|---:|---:|---:|")
    found: dict[int, tuple[float, float]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            per = args.per_source or size
            path = write_map(Path(folder), size, per)
            found[size] = (in_process(path), whole_command(path))
            print(f"| {size:,} | {per:,} | {found[size][0]:.2f} | {found[size][1]:.2f} |")
    for size in sizes:
        if size * 10 in found:
            small, big = found[size], found[size * 10]
            print(
                f"\n{size * 10:,}÷{size:,}: coverage() {big[0] / small[0]:.1f},"
                f" whole command {big[1] / small[1]:.1f}"
            )


if __name__ == "__main__":
    main()
