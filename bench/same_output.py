"""Check that an optimisation changed no result: run two copies of argmap on generated
maps and compare what they write, byte for byte.

    python bench/same_output.py --before /work/main            # this checkout vs another
    python bench/same_output.py --before /work/main --sizes 1000,10000 --debates 2000,20000

For each map (bench/generate.py's press shape by stances, its debate shape by
statements), both copies run `check`, `report`, `export` in every format and `build`,
each with `PYTHONPATH` set to its own checkout; the standard output, exit code and every
file written must be identical. Prints one line per comparison and exits 1 on any
difference.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # bench/ is a folder of scripts, not a package

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("json", "argdown", "aif", "csv", "kumu", "graphml", "gexf")


def commands(path: Path, out: Path) -> dict[str, list[str]]:
    found = {
        "check": ["check", str(path)],
        "report": ["report", str(path), "-o", str(out / "report.md")],
        "build": ["build", str(path), "-o", str(out / "site")],
    }
    for fmt in FORMATS:
        found[f"export {fmt}"] = ["export", "--format", fmt, str(path), "-o", str(out / f"x.{fmt}")]
    return found


def run(checkout: Path, args: list[str]) -> tuple[int, bytes]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, env=env, cwd=checkout
    )
    return done.returncode, done.stdout


def same_tree(a: Path, b: Path) -> list[str]:
    """Paths (relative) that differ or exist on one side only."""
    names_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = sorted(str(n) for n in names_a ^ names_b)
    differ += sorted(
        str(n) for n in names_a & names_b if not filecmp.cmp(a / n, b / n, shallow=False)
    )
    return differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--after", type=Path, default=ROOT, help="default: this checkout")
    parser.add_argument("--sizes", default="1000,10000", help="press maps, stances")
    parser.add_argument("--debates", default="2000,20000", help="debate maps, statements")
    parser.add_argument("--only", default="", help="comma-separated command names to run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench" / "data")
    args = parser.parse_args(argv)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    maps = []
    for size in (int(s) for s in args.sizes.split(",") if s):
        path = args.data_dir / f"map-{size}-seed{args.seed}.yaml"
        if not path.exists():
            path.write_text(generate.generate(size, args.seed), encoding="utf-8")
        maps.append(path)
    for size in (int(s) for s in args.debates.split(",") if s):
        path = args.data_dir / f"debate-{size}-seed{args.seed}.yaml"
        if not path.exists():
            path.write_text(generate.generate_debate(size, args.seed), encoding="utf-8")
        maps.append(path)
    only = {c for c in args.only.split(",") if c}
    failures = 0
    for path in maps:
        with tempfile.TemporaryDirectory() as tmp:
            for name, cmd_a in commands(path, Path(tmp) / "a").items():
                if only and name not in only:
                    continue
                out_a, out_b = Path(tmp) / "a", Path(tmp) / "b"
                out_a.mkdir(exist_ok=True)
                out_b.mkdir(exist_ok=True)
                cmd_b = [part.replace(str(out_a), str(out_b)) for part in cmd_a]
                result_a = run(args.before.resolve(), cmd_a)
                result_b = run(args.after.resolve(), cmd_b)
                # Outputs name their own folder: compare them with that folder neutral.
                stdout_a = result_a[1].replace(str(out_a).encode(), b"OUT")
                stdout_b = result_b[1].replace(str(out_b).encode(), b"OUT")
                differ = same_tree(out_a, out_b)
                if result_a[0] != result_b[0] or stdout_a != stdout_b or differ:
                    failures += 1
                    print(
                        f"DIFFERENT {path.name} {name}: exit {result_a[0]}/{result_b[0]}, {differ}"
                    )
                else:
                    print(f"same      {path.name} {name}")
                for folder in (out_a, out_b):
                    subprocess.run(["rm", "-rf", str(folder)], check=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
