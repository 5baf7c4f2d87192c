"""Time argmap's commands on synthetic maps of growing size and print Markdown tables.

    python bench/run.py                       # sizes 100 .. 100,000, 3 repetitions
    python bench/run.py --sizes 100,20000 --reps 5
    python bench/run.py --shape debate --sizes 2000,20000     # deep argument chains
    python bench/run.py --sizes 1000,10000,100000 --commands check,export-json,fmt

The last column, when the sizes include N and 10 N, is the ratio of the median CPU
times at 10 N and at N: about 10 for a command that grows linearly.

Each measurement is one fresh process: a small wrapper starts the command, times it
and reports the peak resident memory of that one child (`ru_maxrss` of a process's
children is the maximum over all of them, so each child gets its own wrapper). Maps
are made by bench/generate.py into bench/data/ (git ignores it) unless already there.

Baselines (`python -c pass`, `import yaml`, ...) are measured the same way, so figures
from a noisy machine can be read as ratios. A command that does not exist yet in this
checkout is skipped with a note instead of failing the run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # bench/ is a folder of scripts, not a package
import installed

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("networkx", "pyvis", "jinja2")

# Runs one command and prints its wall time and its own peak memory as JSON.
_WRAPPER = """
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
start = time.perf_counter()
done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "kib": usage.ru_maxrss, "rc": done.returncode,
                  "err": done.stderr.decode("utf-8", "replace")[-300:]}))
"""


@dataclass
class Result:
    label: str
    walls: list[float]
    cpus: list[float]
    kib: int
    rc: int

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    def cell(self) -> str:
        # CPU time beside wall time: on a shared machine it is the steadier of the two.
        cpu = statistics.median(self.cpus)
        return f"{self.median:.2f} s ({cpu:.2f} cpu), {self.kib / 1024:.0f} MiB"


def measure(cmd: list[str], reps: int, label: str) -> Result:
    """Median wall time and the highest peak memory of `reps` fresh runs of `cmd`, run as an
    installed argmap runs (`installed.environment`: the first run of a module writes its
    bytecode, which the later runs and commands read)."""
    walls, cpus, peak, rc = [], [], 0, 0
    for _ in range(reps):
        out = subprocess.run(
            [sys.executable, "-c", _WRAPPER, json.dumps(cmd)],
            capture_output=True,
            text=True,
            check=True,
            env=installed.environment(),
        )
        data = json.loads(out.stdout)
        walls.append(data["wall"])
        cpus.append(data["cpu"])
        peak = max(peak, data["kib"])
        rc = data["rc"]
        if rc not in (0, 1):  # 1 is a map with problems, an expected outcome here
            print(f"  ! {label}: exit {rc}: {data['err'].strip()}", file=sys.stderr)
    return Result(label, walls, cpus, peak, rc)


def argmap_command() -> list[str]:
    """The installed `argmap` script beside this Python, else `python -m argmap`."""
    script = Path(sys.executable).parent / "argmap"
    return [str(script)] if script.exists() else [sys.executable, "-m", "argmap"]


def available(argmap: list[str], name: str) -> bool:
    done = subprocess.run([*argmap, name, "--help"], capture_output=True)
    return done.returncode == 0


def ensure_maps(
    sizes: list[int], seed: int, data_dir: Path, shape: str = "press"
) -> dict[int, Path]:
    """Generated maps by size, written once and reused (they are deterministic)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for size in sizes:
        prefix = "map" if shape == "press" else "debate"
        path = data_dir / f"{prefix}-{size}-seed{seed}.yaml"
        if not path.exists():
            text = (
                generate.generate(size, seed)
                if shape == "press"
                else (generate.generate_debate(size, seed))
            )
            path.write_text(text, encoding="utf-8")
        paths[size] = path
    return paths


def ensure_broken(size: int, seed: int, kind: str, count: int, data_dir: Path) -> Path:
    """The map of `size` with `count` errors of `kind` ('problems' or 'typos')."""
    path = data_dir / f"map-{size}-seed{seed}-{count}{kind}.yaml"
    if not path.exists():
        text = generate.generate(size, seed, **{kind: count})
        path.write_text(text, encoding="utf-8")
    return path


def import_report(cmd: list[str], top: int) -> tuple[list[tuple[int, str]], set[str]]:
    """The slowest imports (cumulative microseconds) and which heavy packages were loaded."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *cmd], capture_output=True, text=True
    )
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match:
            rows.append((int(match[2]), len(match[3]), match[4]))
    heavy = {name.split(".")[0] for _, _, name in rows} & set(HEAVY)
    # Top-level entries only (least indented), so nested imports are not counted twice.
    shallow = min((indent for _, indent, _ in rows), default=0)
    ranked = sorted((us, name) for us, indent, name in rows if indent <= shallow + 2)
    ranked.reverse()
    return ranked[:top], heavy


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"]
    lines[1] = "|---|" + "|".join("---:" for _ in header[1:]) + "|"
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


#: Commands timed, by name, with how the table shows them.
COMMANDS = {
    "check": "`argmap check`",
    "report": "`argmap report`",
    **{f"export-{fmt}": f"`argmap export --format {fmt}`" for fmt in ("json", "argdown", "aif")},
    **{f"export-{fmt}": f"`argmap export --format {fmt}`" for fmt in ("csv", "kumu")},
    **{
        f"export-{fmt}-{net}": f"`argmap export --format {fmt} --network {net}`"
        for fmt in ("graphml", "gexf")
        for net in ("full", "agreement", "stances")
    },
    "build": "`argmap build`",
    "fmt": "`argmap fmt --check`",
    "fmt-write": "`argmap fmt` (rewrites a copy of the map)",
    "diff": "`argmap diff` (against the map with 100 quotes changed)",
    "coverage": "`argmap coverage`",
}


def _commands(
    argmap: list[str], out_dir: Path, seed: int, data_dir: Path
) -> dict[str, Callable[[Path], list[str]]]:
    """How to run each of `COMMANDS` on a map file."""

    def export(fmt: str, network: str | None = None) -> Callable[[Path], list[str]]:
        extra = ["--network", network] if network else []
        out = str(out_dir / f"export.{fmt}")
        return lambda f: [*argmap, "export", "--format", fmt, *extra, str(f), "-o", out]

    def changed(f: Path) -> Path:
        # The same map with about 100 quotes changed: something for diff to find.
        other = data_dir / (f.stem + "-changed.yaml")
        if not other.exists():
            text = f.read_text(encoding="utf-8")
            lines = text.splitlines(keepends=True)
            step = max(1, len(lines) // 100)
            for i in range(0, len(lines), step):
                if lines[i].startswith("    quote: "):
                    lines[i] = "    quote: An amended quote.\n"
            other.write_text("".join(lines), encoding="utf-8")
        return other

    found: dict[str, Callable[[Path], list[str]]] = {
        "check": lambda f: [*argmap, "check", str(f)],
        # Never the default output/report.md: that is the curated map's committed report.
        "report": lambda f: [*argmap, "report", str(f), "-o", str(out_dir / "report.md")],
        "build": lambda f: [*argmap, "build", str(f), "-o", str(out_dir / "site")],
        "fmt": lambda f: [*argmap, "fmt", "--check", str(f)],
        # On a fresh copy each run (the copy is timed too: about 1% of the run), or the
        # second run would find the map formatted already.
        "fmt-write": lambda f: [
            *("sh", "-c", 'cp "$1" "$2" && shift 2 && exec "$@"', "sh", str(f)),
            *(str(out_dir / f.name), *argmap, "fmt", str(out_dir / f.name)),
        ],
        "diff": lambda f: [*argmap, "diff", str(f), str(changed(f))],
        "coverage": lambda f: [*argmap, "coverage", str(f)],
    }
    for name in COMMANDS:
        if name.startswith("export-"):
            _, fmt, *network = name.split("-")
            found[name] = export(fmt, network[0] if network else None)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000,20000,100000")
    parser.add_argument("--reps", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument(
        "--shape",
        choices=("press", "debate"),
        default="press",
        help="press: coded news stances (sizes in stances); debate: deep argument chains"
        " (sizes in statements)",
    )
    parser.add_argument(
        "--commands",
        default=",".join(COMMANDS),
        help=f"which argmap commands to time, from {','.join(COMMANDS)}",
    )
    parser.add_argument(
        "--problems",
        type=int,
        default=100,
        help="also time check on the largest map with this many errors (0: skip)",
    )
    parser.add_argument("--curated", type=Path, default=ROOT / "arguments.yaml")
    parser.add_argument(
        "--argmap",
        help="command that runs argmap (default: the script beside this Python);"
        " e.g. 'python -m argmap' with PYTHONPATH set, to time another copy. Run it from"
        " outside any checkout: `-m` puts the working folder ahead of PYTHONPATH, so from"
        " inside one it times that checkout's argmap, whatever PYTHONPATH says",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    argmap = shlex.split(args.argmap) if args.argmap else argmap_command()
    python = sys.executable

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}, {platform.system()} {platform.release()};"
        f" {args.reps} runs each, median.\n"
    )

    baselines = [
        ("`python -c pass`", [python, "-c", "pass"]),
        ('`python -c "import yaml"`', [python, "-c", "import yaml"]),
        ('`python -c "import yaml, networkx"`', [python, "-c", "import yaml, networkx"]),
        ("`argmap --help`", [*argmap, "--help"]),
    ]
    results = [measure(cmd, args.reps, label) for label, cmd in baselines]
    print("### Baselines\n")
    print(table(["command", "median wall, peak memory"], [[r.label, r.cell()] for r in results]))

    maps = ensure_maps(sizes, args.seed, args.data_dir, args.shape)
    out_dir = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    commands = _commands(argmap, out_dir, args.seed, args.data_dir)
    wanted = [c for c in args.commands.split(",") if c]
    notes = []
    rows = []
    inputs: list[tuple[str, Path]] = []
    if args.curated.exists():
        inputs.append(("curated", args.curated))
    inputs += [(f"{size:,}", maps[size]) for size in sizes]
    # The growth column: the largest size against the size a tenth of it, if timed.
    big = max(sizes)
    small = big // 10
    growth = small in sizes
    for name in wanted:
        if name not in commands:
            parser.error(f"unknown command {name!r}; choose from {', '.join(commands)}")
        if not available(argmap, name.split("-")[0]):
            notes.append(f"`argmap {name}` is not in this checkout yet; skipped.")
            continue
        row = [COMMANDS[name]]
        cpu_by_size: dict[int, float] = {}
        for label, path in inputs:
            result = measure(commands[name](path), args.reps, f"{name} {label}")
            row.append(result.cell() + ("" if result.rc == 0 else f" (exit {result.rc})"))
            if label != "curated":
                cpu_by_size[int(label.replace(",", ""))] = statistics.median(result.cpus)
            if name == "check" and label in (f"{10_000:,}", f"{100_000:,}"):
                results.append(result)
                result.label = f"check {label}"
        row.append(f"{cpu_by_size[big] / cpu_by_size[small]:.1f}" if growth else "")
        rows.append(row)
    if args.problems and "check" in wanted:
        largest = max(sizes)
        for kind, what in (("problems", "unknown claims"), ("typos", "misspelt keys")):
            broken = ensure_broken(largest, args.seed, kind, args.problems, args.data_dir)
            result = measure(commands["check"](broken), args.reps, f"check {kind}")
            cells = [""] * (len(inputs) + 1)
            cells[-2] = result.cell() + f" (exit {result.rc})"
            rows.append([f"`argmap check`, {args.problems} {what}", *cells])
    shutil.rmtree(out_dir, ignore_errors=True)

    unit = "stances" if args.shape == "press" else "statements of the debate shape"
    print(f"\n### Commands by map size ({unit})\n")
    ratio_head = f"{big:,}÷{small:,} (cpu)" if growth else ""
    print(table(["command", *(label for label, _ in inputs), ratio_head], rows))
    by_label = {r.label: r for r in results}
    if "check 10,000" in by_label and "check 100,000" in by_label:
        ratio = by_label["check 100,000"].median / by_label["check 10,000"].median
        print(f"\nRatio of check times, 100,000 / 10,000 stances: {ratio:.1f}")
    sizes_line = ", ".join(f"{label}: {p.stat().st_size / 1e6:.1f} MB" for label, p in inputs)
    print(f"\nFile sizes: {sizes_line}.")
    for note in notes:
        print(f"\nNote: {note}")

    print("\n### Imports\n")
    smallest = maps[min(sizes)]
    for label, cmd in (
        ("argmap --help", ["-m", "argmap", "--help"]),
        ("argmap check", ["-m", "argmap", "check", str(smallest)]),
    ):
        top, heavy = import_report(cmd, 8)
        loaded = ", ".join(sorted(heavy)) or "none"
        print(f"`{label}` imports {' / '.join(HEAVY)}: {loaded}.")
        if label == "argmap check":
            print("\nSlowest imports of `python -X importtime -m argmap check` (cumulative):\n")
            print(table(["module", "ms"], [[f"`{n}`", f"{us / 1000:.1f}"] for us, n in top]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
