"""Time argmap against Argdown on one debate written in both formats, and print tables.

    python bench/peers.py                          # 200, 2,000, 20,000 statements, 5 runs
    python bench/peers.py --sizes 200,2000,20000,100000 --reps 3
    python bench/peers.py --pairs check --argmap "env PYTHONPATH=/old/checkout python -m argmap"

The debate is `generate.debate` (deep argument chains, a stance with a quote per
statement, actors and sources), written once as arguments.yaml and once as Argdown by
this script's own writer: a statement per claim with its relations under it
(`+> [target]`, `-> [target]`), its kind, source and stances in a data block, and the
actors and sources as headings with data, the way a curator keeps in Argdown what it has
no syntax for. Files go to bench/data/ (git ignores it).

The peer is `@argdown/cli` 1.7.5, installed with npm into `.cache/argdown` under the
repository if it is not there yet. Pairs timed, each a fresh process:

- `argdown FILE` (parse and check) against `argmap check FILE`;
- `argdown json FILE DIR` against `argmap export --format json FILE` (which also carries
  the whole analysis).

A debate over argmap's default size limit of 64 MiB (the 100,000-statement one is 66.7
MiB) is given to argmap with `--max-mib` raised just enough, and the output says so; an
argmap older than that option refuses it, and the size is then "not compared".

Runs are interleaved (peer, argmap, peer, argmap, ...) so that a machine that slows down
part-way slows both alike. Printed: median wall time, min-max, and the ratio of the
medians, peer / argmap: above 1 means argmap is faster. The CPU time (user + system of
the process and its children) is given beside: on a shared machine it is the steadier.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # bench/ is a folder of scripts, not a package
import installed

ROOT = Path(__file__).resolve().parent.parent
PEER = "@argdown/cli@1.7.5"
#: argmap's default size limit (argmap.load.MAX_BYTES), in MiB; a debate over it is read
#: with `--max-mib` raised just enough, and the output says so.
DEFAULT_MAX_MIB = 64
MIB = 1024 * 1024


def max_mib_args(yaml_path: Path) -> list[str]:
    """`--max-mib N` for a debate over argmap's default limit, else nothing."""
    size = yaml_path.stat().st_size
    if size <= DEFAULT_MAX_MIB * MIB:
        return []
    return ["--max-mib", str(-(-size // MIB))]


# --------------------------------------------------------------------------- Argdown text


def _text(text: str) -> str:
    """Statement or heading text with Argdown's markup characters escaped."""
    out = []
    for i, ch in enumerate(text):
        follows = text[i + 1 : i + 2]
        if ch in "\\@#*_[]<>/{}" or (ch in ".:" and follows and not follows.isspace()):
            out.append("\\")
        out.append(ch)
    return " ".join("".join(out).split())


def _value(value: object) -> str:
    """A data value as JSON, which YAML reads as it is; braces escaped for Argdown's lexer."""
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return _data(value)
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("{", "\\u007b").replace("}", "\\u007d")


def _data(fields: dict[str, object]) -> str:
    return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in fields.items()) + "}"


def argdown_text(d: generate.Debate) -> str:
    """The debate as an Argdown document holding what arguments.yaml holds."""
    stances: dict[str, list[dict[str, object]]] = {}
    for entry in d.stances:
        position = next(k for k in ("supports", "opposes", "neutral") if k in entry)
        stance: dict[str, object] = {"actor": entry["actor"], "position": position}
        for key in ("source", "quote", "date", "note"):
            if key in entry:
                stance[key] = entry[key]
        if entry.get("reported") == "true":
            stance["reported"] = True
        stances.setdefault(entry[position], []).append(stance)
    arguing: dict[str, list[tuple[str, str]]] = {}
    for relation in d.relations:
        kind = "supports" if "supports" in relation else "attacks"
        arguing.setdefault(relation["from"], []).append((kind, relation[kind]))
    out = ["===", f"title: {json.dumps(d.title)}", "==="]
    for kind, heading in (("proposal", "Proposals"), ("claim", "Claims"), ("evidence", "Evidence")):
        out += ["", f"# {heading}"]
        for claim in (c for c in d.claims if c.kind == kind):
            fields: dict[str, object] = {"kind": kind}
            if claim.source:
                fields["source"] = claim.source
            if claim.id in stances:
                fields["stances"] = stances[claim.id]
            tag = f" #{kind}" if kind != "claim" else ""
            out += ["", f"[{claim.id}]: {_text(claim.text)}{tag} {_data(fields)}"]
            for relation_kind, target in arguing.get(claim.id, []):
                out.append(f"  {'+>' if relation_kind == 'supports' else '->'} [{target}]")
    out += ["", "# Actors"]
    for actor in d.actors:
        fields = {"actor": actor.id, "name": actor.name, "kind": actor.kind}
        if actor.role:
            fields["role"] = actor.role
        out += ["", f"## {_text(actor.name)} {_data(fields)}"]
    out += ["", "# Sources"]
    for sid, entry in d.sources:
        out += ["", f"## {_text(entry['title'])} {_data({'source': sid, **entry})}"]
    return "\n".join(out) + "\n"


def ensure_debate(size: int, seed: int, data_dir: Path) -> tuple[Path, Path]:
    """The debate of `size` statements as (.yaml, .argdown), written once and reused."""
    data_dir.mkdir(parents=True, exist_ok=True)
    yaml_path = data_dir / f"debate-{size}-seed{seed}.yaml"
    argdown_path = yaml_path.with_suffix(".argdown")
    if not (yaml_path.exists() and argdown_path.exists()):
        d = generate.debate(size, seed)
        yaml_text = generate._emit(
            size, d.sources, d.actors, d.claims, d.stances, d.relations, d.ignored, title=d.title
        )
        yaml_path.write_text(yaml_text, encoding="utf-8")
        argdown_path.write_text(argdown_text(d), encoding="utf-8")
    return yaml_path, argdown_path


# --------------------------------------------------------------------------- timing


def ensure_peer(cache: Path) -> Path:
    """The `argdown` script of the pinned CLI in `cache`, installed there if missing."""
    script = cache / "node_modules" / ".bin" / "argdown"
    if not script.exists():
        subprocess.run(["npm", "install", "--silent", "--prefix", str(cache), PEER], check=True)
    return script


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Refused(Exception):
    """A run that did not do the work: timing it would time an error message."""


def run_once(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of `cmd`; `Refused` unless exit 0.

    The debate is clean but for warnings, so both tools must accept it: a run that exits
    otherwise (a file over argmap's size limit, say) has nothing to compare.
    """
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, env=installed.environment())
    wall = time.perf_counter() - start
    if done.returncode != 0:
        said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        raise Refused(f"exit {done.returncode}: {said[0][-160:] if said else ''}")
    return wall, _children_cpu() - cpu


Runs = list[tuple[float, float]]  # (wall, cpu) of each run


def interleaved(a: list[str], b: list[str], reps: int) -> tuple[Runs, Runs]:
    """(wall, cpu) of `reps` runs of each command, alternating a, b, a, b, ..., after one
    untimed run of each (`installed.warm`)."""
    installed.warm(a)
    installed.warm(b)
    runs_a, runs_b = [], []
    for i in range(reps):
        # Alternate who goes first too, so neither always runs on a warm cache.
        first, second = (a, b) if i % 2 == 0 else (b, a)
        r1, r2 = run_once(first), run_once(second)
        runs_a.append(r1 if first is a else r2)
        runs_b.append(r2 if first is a else r1)
    return runs_a, runs_b


def cell(runs: Runs) -> str:
    walls = [wall for wall, _ in runs]
    cpu = statistics.median(cpu for _, cpu in runs)
    return f"{statistics.median(walls):.2f} s ({min(walls):.2f}–{max(walls):.2f}; {cpu:.2f} cpu)"


def ratio_of(peer: Runs, argmap: Runs) -> str:
    """Peer / argmap, of the median wall times and of the median CPU times."""
    wall = statistics.median(w for w, _ in peer) / statistics.median(w for w, _ in argmap)
    cpu = statistics.median(c for _, c in peer) / statistics.median(c for _, c in argmap)
    return f"{wall:.2f} (cpu {cpu:.2f})"


def argmap_command() -> list[str]:
    script = Path(sys.executable).parent / "argmap"
    return [str(script)] if script.exists() else [sys.executable, "-m", "argmap"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,2000,20000", help="statements, comma-separated")
    parser.add_argument("--reps", type=int, default=5, help="runs of each command (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "argdown")
    parser.add_argument("--argmap", help="command that runs argmap (default: beside this Python)")
    parser.add_argument(
        "--pairs", default="check,json", help="which pairs to time: check, json (comma-separated)"
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",")]
    argmap = args.argmap.split() if args.argmap else argmap_command()
    peer = str(ensure_peer(args.cache))
    version = subprocess.run([peer, "--version"], capture_output=True, text=True).stdout.strip()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}, node {_node_version()}, {PEER} ({version});"
        f" {args.reps} interleaved runs each.\n"
    )
    out_dir = Path(tempfile.mkdtemp(prefix="argmap-peers-"))
    every_pair = (
        (
            "check",
            "`argdown FILE` vs `argmap check`",
            lambda ad: [peer, str(ad)],
            lambda y: [*argmap, "check", *max_mib_args(y), str(y)],
        ),
        (
            "json",
            "`argdown json` vs `argmap export --format json`",
            lambda ad: [peer, "json", str(ad), str(out_dir)],
            lambda y: [
                *argmap,
                "export",
                "--format",
                "json",
                *max_mib_args(y),
                str(y),
                "-o",
                str(out_dir / "a.json"),
            ],
        ),
    )
    wanted = set(args.pairs.split(","))
    pairs = [(label, p, a) for name, label, p, a in every_pair if name in wanted]
    rows: list[list[str]] = []
    ratios: list[list[str]] = []
    files = {size: ensure_debate(size, args.seed, args.data_dir) for size in sizes}
    for size, (yaml_path, _) in files.items():
        if raised := max_mib_args(yaml_path):
            print(
                f"The {size:,}-statement debate is {yaml_path.stat().st_size / MIB:.1f} MiB,"
                f" over argmap's default limit of {DEFAULT_MAX_MIB} MiB: argmap runs on it"
                f" with {' '.join(raised)}.\n"
            )
    for label, peer_cmd, argmap_cmd in pairs:
        row, ratio_row = [label], [label]
        for size in sizes:
            yaml_path, argdown_path = files[size]
            try:
                runs_peer, runs_argmap = interleaved(
                    peer_cmd(argdown_path), argmap_cmd(yaml_path), args.reps
                )
            except Refused as refused:
                print(f"  {label} at {size:,}: not compared, {refused}", file=sys.stderr)
                row.append(f"not compared: {refused}")
                ratio_row.append("–")
                continue
            ratio = ratio_of(runs_peer, runs_argmap)
            row.append(f"{cell(runs_peer)} / {cell(runs_argmap)}")
            ratio_row.append(ratio)
            print(f"  {label} at {size:,}: ratio {ratio}", file=sys.stderr)
        rows.append(row)
        ratios.append(ratio_row)
    header = ["peer vs argmap", *(f"{s:,}" for s in sizes)]
    print("### Ratio peer / argmap, wall (cpu); above 1: argmap is faster\n")
    print(_table(header, ratios))
    print("\n### Median wall time (min–max; median cpu), peer / argmap\n")
    print(_table(header, rows))
    sizes_line = ", ".join(
        f"{s:,}: {files[s][0].stat().st_size / 1e6:.1f} MB YAML,"
        f" {files[s][1].stat().st_size / 1e6:.1f} MB Argdown"
        for s in sizes
    )
    print(f"\nFile sizes: {sizes_line}.")
    return 0


def _node_version() -> str:
    done = subprocess.run(["node", "--version"], capture_output=True, text=True)
    return done.stdout.strip() or "?"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|---|" + "|".join("---:" for _ in header[1:]) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
