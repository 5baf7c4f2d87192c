"""The same map gives the same bytes in another process, whatever the hash seed.

Two fresh interpreters with different PYTHONHASHSEED values build the curated map and
write every export of it; any output that depends on the iteration order of a set or a
dict of strings differs between them. (Two builds in one process share one seed and
cannot show this.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .helpers import ROOT

# Run in a fresh interpreter: build arguments.yaml into argv[1], then every export of it.
_SCRIPT = """
import sys
from argmap.cli import cli

out = sys.argv[1]

def run(*args):
    try:
        cli.main(list(args), standalone_mode=False)
    except SystemExit as stop:
        assert not stop.code, args

run("build", "arguments.yaml", "-o", out)
for fmt in ("aif", "argdown", "csv", "json", "kumu"):
    run("export", "arguments.yaml", "--format", fmt, "-o", f"{out}/map.{fmt}")
for fmt in ("graphml", "gexf"):
    for network in ("full", "agreement", "stances"):
        run("export", "arguments.yaml", "--format", fmt, "--network", network,
            "-o", f"{out}/{network}.{fmt}")
"""


def _outputs(folder: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(folder)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_build_and_exports_are_the_same_bytes_under_two_hash_seeds(tmp_path: Path) -> None:
    first = _outputs(tmp_path / "one", "1")
    second = _outputs(tmp_path / "two", "4242")
    assert sorted(first) == [
        "agreement.gexf",
        "agreement.graphml",
        "full.gexf",
        "full.graphml",
        "index.html",
        "map.aif",
        "map.argdown",
        "map.csv",
        "map.json",
        "map.kumu",
        "outline.html",
        "report.html",
        "report.md",
        "stances.gexf",
        "stances.graphml",
    ]
    assert [name for name in first if first[name] != second[name]] == []
    assert all(len(data) > 100 for data in first.values())
