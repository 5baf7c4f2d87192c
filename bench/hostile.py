"""Every hostile map through every command: tracebacks, hangs, data losses, stray files.

    python bench/hostile.py [--timeout S] [--jobs N] [--only NAME]

A corpus of hostile inputs (built here, so nothing hostile is checked in: broken YAML,
bombs, deep nesting, odd encodings and line breaks, long keys, escape and bidi characters,
injection payloads in every field, source files that are devices, pipes, symbolic links
out of the folder or too large, an output folder in the way) is run through every
command variant (check in each format, coverage, build, report, export in each format,
fmt, fmt --check, add, diff). Each run gets a fresh copy of its case folder and runs in a
forked child with a time limit and a memory limit, and is counted as:

- a traceback: an exception other than a clean exit, or "Traceback" in the output;
- a hang: still running at the time limit (the child is killed);
- a data loss: a command that edits the map (fmt, add) failed and the map's bytes,
  inode or mode changed; or it succeeded and the data (fmt: and every comment word) of
  the map is not what it was (add: every old entry kept); or a failed build changed
  output/;
- a stray file: anything in the case folder after the run that the command did not
  document writing (temporary files, journals, backups).

Prints one row per command variant and the totals; exits 1 if any count is not 0.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import stat
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from argmap.cli import cli  # noqa: E402
from argmap.comments import comment_words  # noqa: E402

BASE = """\
# A small map: every case below is a change of it.
title: T
description: A map.
sources:
  gazette:
    title: G
    publisher: P
    date: 2024-03-01
    file: g.txt
actors:
  jo:
    name: Jo
    kind: person   # a comment after a value
  sam:
    name: Sam
    kind: party
claims:
  allow:
    kind: proposal
    text: Allow it
  saves:
    text: It saves lives
stances:
  - actor: jo
    supports: allow
    source: gazette
    quote: Yes.
  - actor: sam
    opposes: saves
    source: gazette
    quote: No.
relations:
  - from: saves
    supports: allow
"""
SOURCE_TEXT = "Jo said: Yes. Sam said: No.\n"
LONG = "a" * 1100


@dataclass
class Case:
    name: str
    data: bytes
    setup: Callable[[Path], None] | None = None


def _sub(old: str, new: str) -> bytes:
    assert old in BASE, old
    return BASE.replace(old, new, 1).encode("utf-8")


def _source_file(target: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "g.txt").unlink()
        os.symlink(target, folder / "g.txt")

    return setup


def _fifo(folder: Path) -> None:
    (folder / "g.txt").unlink()
    os.mkfifo(folder / "g.txt")


def _big_source(folder: Path) -> None:
    (folder / "g.txt").write_bytes(b"Yes. No. " * 600_000)


def _source_folder(folder: Path) -> None:
    (folder / "g.txt").unlink()
    (folder / "g.txt").mkdir()


def _output_file(folder: Path) -> None:
    shutil.rmtree(folder / "output")
    (folder / "output").write_text("in the way\n", encoding="utf-8")


def _report_folder(folder: Path) -> None:
    (folder / "output" / "report.md").unlink()
    (folder / "output" / "report.md").mkdir()


def _map_symlink(folder: Path) -> None:
    real = folder / "real.yaml"
    (folder / "arguments.yaml").rename(real)
    os.symlink("real.yaml", folder / "arguments.yaml")


def _map_0600(folder: Path) -> None:
    os.chmod(folder / "arguments.yaml", 0o600)


def corpus() -> list[Case]:
    nest = "x: " + "[" * 1000 + "]" * 1000 + "\n"
    block_nest = "".join("  " * i + f"k{i}:\n" for i in range(40)) + "  " * 40 + "v: 1\n"
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    cases = [
        Case("empty", b""),
        Case("only-a-comment", b"# nothing\n"),
        Case("list-root", b"- a\n- b\n"),
        Case("scalar-root", b"just text\n"),
        Case("two-documents", BASE.encode() + b"---\ntitle: U\n"),
        Case("tab-indent", _sub("    name: Jo", "\tname: Jo")),
        Case("alias-bomb", laughs.encode()),
        Case("anchor", _sub("    name: Jo", "    name: &n Jo")),
        Case("python-tag", _sub("title: T", "title: !!python/object:os.system ls")),
        Case("custom-tag", _sub("title: T", "title: !x T")),
        Case("flow-nesting-1000", nest.encode()),
        Case("block-nesting-40", block_nest.encode()),
        Case("flow-nesting-100000", ("x: " + "[" * 100_000 + "\n").encode()),
        Case("invalid-utf8", _sub("name: Jo", "name: J\xff").replace(b"\xc3\xbf", b"\xff")),
        Case("nul-byte", _sub("name: Jo", "name: J\x00o")),
        Case("binary", bytes(range(256)) * 4),
        Case("bom", b"\xef\xbb\xbf" + BASE.encode()),
        Case("crlf", BASE.replace("\n", "\r\n").encode()),
        Case("lone-cr", BASE.replace("\n", "\r").encode()),
        Case("nel-in-comment", _sub("# a comment after", "# c\x85kind: party #")),
        Case("ls-in-quote", _sub("quote: No.", 'quote: "N\u2028o."')),
        Case("ps-in-plain", _sub("text: Allow it", "text: Allow\u2029it")),
        Case("escaped-ls", _sub("quote: No.", 'quote: "N\\u2028o."')),
        Case("long-id", _sub("  sam:\n", f"  {LONG}:\n").replace(b"actor: sam", LONG.encode())),
        Case("long-key-flow", _sub("title: T", f"title: {{{LONG}: x}}")),
        Case("long-id-1024", _sub("  sam:\n", f"  {'b' * 1024}:\n")),
        Case("duplicate-key", _sub("    name: Jo\n", "    name: Jo\n    name: Joe\n")),
        Case("duplicate-id", _sub("  sam:\n", "  jo:\n")),
        Case("unknown-key", _sub("    name: Jo\n", "    name: Jo\n    colour: red\n")),
        Case("wrong-type", _sub("title: T", "title: [a, b]")),
        Case("map-as-stances", _sub("stances:\n", "stances: {a: b}\nx:\n")),
        Case("null-stances", _sub("stances:\n", "stances:\nstancez:\n")),
        Case("arabic-digit-date", _sub("2024-03-01", "2024-0\u0663-01")),
        Case("impossible-date", _sub("2024-03-01", "2024-02-30")),
        Case("future-date", _sub("2024-03-01", "2999-01-01")),
        Case("huge-int", _sub("title: T", "title: " + "9" * 5000)),
        Case("float-id", _sub("  sam:\n", "  1.5:\n")),
        Case("bool-id", _sub("  sam:\n", "  'true':\n")),
        Case("number-string", _sub("title: T", "title: '1.10'")),
        Case("null-text", _sub("text: Allow it", "text: null")),
        Case("blank-text", _sub("text: Allow it", "text: ''")),
        Case("escape-in-name", _sub("name: Jo", 'name: "J\\e[2Jo\\e]0;x\\a"')),
        Case("escape-in-id", _sub("actor: jo", 'actor: "j\\e[31mo"')),
        Case("fake-error-line", _sub("actor: jo", '"actor": "x\\nm.yaml:1:1: error: fake"')),
        Case("bidi-id", _sub("actor: jo", "actor: j\u202eo")),
        Case("zero-width-id", _sub("actor: jo", "actor: j\u200bo")),
        Case("html-injection", _sub("name: Jo", "name: '<script>alert(1)</script><img src=x>'")),
        Case("markdown-injection", _sub("text: Allow it", "text: '@everyone [x](javascript:1)'")),
        Case("csv-formula", _sub("name: Jo", 'name: \'=HYPERLINK("http://x","y")\'')),
        Case("argdown-title", _sub("text: Allow it", "text: '==='")),
        Case("self-loop", _sub("  - from: saves\n", "  - from: allow\n")),
        Case("unknown-claim", _sub("supports: allow", "supports: alow")),
        Case("unknown-actor", _sub("actor: jo", "actor: joe")),
        Case(
            "two-positions",
            _sub("    supports: allow\n", "    supports: allow\n    opposes: saves\n"),
        ),
        Case("yaml-directive", b"%YAML 1.1\n# c\n---\n" + BASE.encode()),
        Case("document-end", BASE.encode() + b"...\n# after the end\n"),
        Case("flow-comments", _sub("  sam:\n", "  sam: {name: Sam, # c\n    kind: party}\n  x:\n")),
        Case("comment-key-value", _sub("    name: Jo", "    name: # between\n      Jo")),
        Case("block-scalars", _sub("quote: Yes.", "quote: |+\n      Yes.\n\n")),
        Case("control-char", _sub("name: Jo", "name: J\x07o")),
        Case("surrogate-escape", _sub("name: Jo", 'name: "J\\ud800o"')),
        Case("astral", _sub("name: Jo", "name: J\U0010fffdo 😀")),
        Case("merge-key", _sub("  sam:\n", "  sam:\n    <<: {name: S}\n")),
        Case("complex-key", _sub("title: T", "? [a]\n: b\ntitle: T")),
        Case("explicit-long-key", _sub("title: T", f"? {LONG}\n: x\ntitle: T")),
        Case("long-line", _sub("text: Allow it", "text: " + "word " * 200_000)),
        Case(
            "many-stances",
            _sub(
                "relations:\n",
                "".join(
                    f"  - actor: jo\n    supports: allow\n    source: gazette\n"
                    f"    quote: Yes.\n    id: s{i}\n"
                    for i in range(3000)
                )
                + "relations:\n",
            ),
        ),
        Case("source-dev-zero", BASE.encode(), _source_file("/dev/zero")),
        Case("source-dev-stdin", BASE.encode(), _source_file("/dev/stdin")),
        Case("source-fifo", BASE.encode(), _fifo),
        Case("source-etc-passwd", _sub("file: g.txt", "file: ../../../../../../etc/passwd")),
        Case("source-absolute", _sub("file: g.txt", f"file: {ROOT / '.git' / 'config'}")),
        Case("source-symlink-out", BASE.encode(), _source_file("/etc/hostname")),
        Case("source-folder", BASE.encode(), _source_folder),
        Case("source-too-big", BASE.encode(), _big_source),
        Case("output-is-a-file", BASE.encode(), _output_file),
        Case("report-md-folder", BASE.encode(), _report_folder),
        Case("map-is-a-symlink", BASE.encode(), _map_symlink),
        Case("map-mode-0600", BASE.encode(), _map_0600),
    ]
    return cases


_WATCH = "(watch)"  # not a command line: one `LivePreview.rebuild`, as `argmap watch` runs it


def _watch_once() -> int:
    from argmap.watch import LivePreview

    return 0 if LivePreview("arguments.yaml", "output").rebuild().ok else 1


# Each variant: its name, the arguments, and what it may write besides the map.
VARIANTS: list[tuple[str, list[str], str]] = [
    ("check", ["check", "arguments.yaml"], "read"),
    ("check --strict", ["check", "--strict", "arguments.yaml"], "read"),
    ("check --format json", ["check", "--format", "json", "arguments.yaml"], "read"),
    ("check --format github", ["check", "--format", "github", "arguments.yaml"], "read"),
    ("check --sources-dir .", ["check", "--sources-dir", ".", "arguments.yaml"], "read"),
    ("coverage", ["coverage", "arguments.yaml"], "read"),
    ("build", ["build", "arguments.yaml", "-o", "output"], "build"),
    ("report", ["report", "arguments.yaml", "-o", "-"], "read"),
    ("report --format text", ["report", "--format", "text", "arguments.yaml"], "read"),
    *(
        (f"export --format {f}", ["export", "--format", f, "arguments.yaml"], "read")
        for f in ("json", "graphml", "gexf", "csv", "argdown", "aif", "kumu")
    ),
    ("fmt --check", ["fmt", "--check", "arguments.yaml"], "read"),
    ("fmt", ["fmt", "arguments.yaml"], "fmt"),
    (
        "add actor",
        ["add", "actor", "-f", "arguments.yaml", "newbie", "--name", "N", "--kind", "person"],
        "add",
    ),
    ("diff", ["diff", "base.yaml", "arguments.yaml"], "read"),
    (
        "diff --format markdown",
        ["diff", "--format", "markdown", "base.yaml", "arguments.yaml"],
        "read",
    ),
    ("watch (one rebuild)", [_WATCH], "build"),
]


@dataclass
class Outcome:
    traceback: bool = False
    hang: bool = False
    loss: str = ""
    stray: list[str] = field(default_factory=list)
    exit_code: int | None = None


def _snapshot(folder: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            found[str(path.relative_to(folder))] = (path.read_bytes(), info.st_mode, info.st_ino)
        else:
            found[str(path.relative_to(folder))] = stat.S_IFMT(info.st_mode)
    return found


def _data(text: bytes) -> Any:
    try:
        return yaml.safe_load(text.decode("utf-8-sig"))
    except Exception:
        return None


def _kept(old: Any, new: Any) -> bool:
    """Whether every entry of a section `old` is in `new` unchanged (add only appends)."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(new.get(k) == v for k, v in old.items())
    if isinstance(old, list):
        return isinstance(new, list) and new[: len(old)] == old
    return bool(old == new)


def _child(args: list[str], folder: str, conn: Any) -> None:
    os.chdir(folder)
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    try:
        if args == [_WATCH]:
            conn.send((False, _watch_once()))
            return
        result = CliRunner().invoke(cli, args, catch_exceptions=True)
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        text = result.output
        if crashed and result.exc_info:
            text += "".join(traceback.format_exception(*result.exc_info))
        conn.send((crashed or "Traceback (most recent call last)" in text, result.exit_code))
    except BaseException:
        conn.send((True, None))


def run_one(
    case: Case, variant: tuple[str, list[str], str], work: Path, base: Path, timeout: float
) -> Outcome:
    folder = Path(tempfile.mkdtemp(dir=work))
    shutil.copytree(base, folder, dirs_exist_ok=True, symlinks=True)
    (folder / "arguments.yaml").write_bytes(case.data)
    if case.setup:
        case.setup(folder)
    map_file = folder / "arguments.yaml"
    before = _snapshot(folder)
    old = map_file.read_bytes()
    old_info = map_file.stat()
    outcome = Outcome()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(variant[1], str(folder), send))
    child.start()
    if receive.poll(timeout):
        outcome.traceback, outcome.exit_code = receive.recv()
    else:
        outcome.hang = True
        child.kill()
    child.join()
    after = _snapshot(folder)
    kind = variant[2]
    new = map_file.read_bytes()
    new_info = map_file.stat()
    if kind in ("fmt", "add"):
        if outcome.exit_code != 0 and (new != old or new_info.st_ino != old_info.st_ino):
            outcome.loss = "failed and changed the map"
        elif new_info.st_mode != old_info.st_mode or new_info.st_ino != old_info.st_ino:
            outcome.loss = "mode or inode of the map changed"
        elif outcome.exit_code == 0 and kind == "fmt":
            if _data(new) != _data(old):
                outcome.loss = "data changed"
            elif comment_words(new.decode("utf-8-sig")) != comment_words(old.decode("utf-8-sig")):
                outcome.loss = "comments changed"
        elif outcome.exit_code == 0 and kind == "add":
            was, now = _data(old) or {}, _data(new) or {}
            for section, entries in was.items():
                if not _kept(entries, now.get(section)):
                    outcome.loss = f"an entry of {section} changed"
    if kind == "build" and outcome.exit_code != 0:
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        if any(k == "output" or k.startswith("output/") for k in changed):
            outcome.loss = "a failed build changed output/"
    documented = {"arguments.yaml", "real.yaml", "output"}
    outcome.stray = [
        name
        for name in sorted(set(after) - set(before))
        if name.split("/")[0] not in documented or Path(name).name.startswith(".")
    ]
    shutil.rmtree(folder, ignore_errors=True)
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per run")
    parser.add_argument("--jobs", type=int, default=2, help="runs at once")
    parser.add_argument("--only", default=None, help="run only the cases whose name has this")
    args = parser.parse_args()
    cases = [c for c in corpus() if args.only is None or args.only in c.name]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = work / "base"
        base.mkdir()
        (base / "g.txt").write_text(SOURCE_TEXT, encoding="utf-8")
        (base / "base.yaml").write_text(BASE, encoding="utf-8")
        (base / "arguments.yaml").write_text(BASE, encoding="utf-8")
        os.chdir(base)
        assert CliRunner().invoke(cli, ["build", "arguments.yaml", "-o", "output"]).exit_code == 0
        (base / "arguments.yaml").unlink()
        os.chdir(work)
        rows: dict[str, Counter[str]] = {v[0]: Counter() for v in VARIANTS}
        notes: list[str] = []
        from concurrent.futures import ThreadPoolExecutor

        jobs = [(c, v) for c in cases for v in VARIANTS]
        with ThreadPoolExecutor(args.jobs) as pool:
            results = pool.map(
                lambda job: (job, run_one(job[0], job[1], work, base, args.timeout)), jobs
            )
            for (case, variant), outcome in results:
                row = rows[variant[0]]
                row["tried"] += 1
                row["tracebacks"] += outcome.traceback
                row["hangs"] += outcome.hang
                row["data losses"] += bool(outcome.loss)
                row["stray files"] += bool(outcome.stray)
                row["refused (exit != 0)"] += outcome.exit_code not in (0, None)
                for what, flag in (
                    ("traceback", outcome.traceback),
                    ("hang", outcome.hang),
                    (outcome.loss, bool(outcome.loss)),
                    (f"stray {outcome.stray}", bool(outcome.stray)),
                ):
                    if flag:
                        notes.append(f"{case.name} x {variant[0]}: {what}")
    columns = ["tried", "refused (exit != 0)", "tracebacks", "hangs", "data losses", "stray files"]
    print(
        f"{len(cases)} hostile inputs x {len(VARIANTS)} command variants"
        f" = {len(cases) * len(VARIANTS)} runs in {time.perf_counter() - started:.0f} s"
    )
    print("| variant | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    total: Counter[str] = Counter()
    for name, row in rows.items():
        total.update(row)
        print(f"| {name} | " + " | ".join(str(row[c]) for c in columns) + " |")
    print("| **all** | " + " | ".join(str(total[c]) for c in columns) + " |")
    for note in notes:
        print(note)
    bad = total["tracebacks"] + total["hangs"] + total["data losses"] + total["stray files"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
