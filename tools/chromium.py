"""Debian's chromium, headless, launched one way by the browser tests, bench/ and tools/.

Playwright cannot download browsers here, so everything drives Debian's `chromium`. The
flags keep it off the network: without the background-networking ones it keeps trying
to reach Google's hosts, which a closed network refuses (and a test page must load
nothing from the network anyway). `--no-sandbox` because CI runs as root.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def executable() -> str | None:
    """Debian's chromium, or the first `chromium` on PATH, or None when there is none."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium")


def launch(playwright: Any) -> Any:
    """A headless chromium from a started `sync_playwright()`; raises when none is installed."""
    path = executable()
    if path is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    return playwright.chromium.launch(executable_path=path, args=list(ARGS))
