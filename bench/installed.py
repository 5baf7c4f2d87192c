"""How the benchmarks run argmap: as an installed copy runs, with its bytecode cached.

pip compiles an installed package's modules once, at install, and Python writes an
editable install's `__pycache__` on first import; a user's every later run reads them.
A shell with PYTHONDONTWRITEBYTECODE set (this project's development machine has it)
compiles argmap's modules from source on every run instead (20 of them for `check`), a
fixed cost in each timed process that no user pays. So the timed processes run without
that variable, and `peers.py` runs each command once untimed first (`warm`), which writes
the bytecode and brings the input into the page cache, for the peer alike.
"""

from __future__ import annotations

import os
import subprocess


def environment() -> dict[str, str]:
    """This process's environment without PYTHONDONTWRITEBYTECODE."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def warm(cmd: list[str]) -> None:
    """Run `cmd` once, untimed, its output dropped (its exit code is the timed runs' to judge)."""
    subprocess.run(cmd, capture_output=True, env=environment())
