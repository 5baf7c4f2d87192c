"""Where a built page's first draw goes, by the page's own marks, pages interleaved.

    python bench/firstdraw_phases.py SITE/index.html [OTHER/index.html ...] [--rounds 3]

Opens each view (`#argument`, `#stances`, `#camps`) of each page in Debian's chromium,
page after page each round, and prints, in ms from navigation start (wall time), when
the app script started (the HTML parse before it), how long its `JSON.parse` of the data
took, the stance objects, indexes and DataSets after it, vis-network's construction (the
first layout of the canvas), the first draw (`window.argmapTimes`, `window.argmapFirstDraw`)
and the first frame painted after it (two `requestAnimationFrame`s). Prints one Markdown
row per page and view with medians over the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import chromium  # noqa: E402

VIEWS = ("argument", "stances", "camps")
# Installed before the page's scripts run: the end of the first frame after the first draw.
PAINTED = """window.__painted = new Promise(resolve => { const wait = () => {
  if (window.argmapFirstDraw === undefined) { requestAnimationFrame(wait); return; }
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))); };
  requestAnimationFrame(wait); });"""
MARKS = """() => window.__painted.then(painted => { const t = window.argmapTimes;
  return [t.start, t.parsed - t.start, t.dataSets - t.parsed,
          (t.network || t.dataSets) - t.dataSets, window.argmapFirstDraw.ms, painted]; })"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="built index.html files")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    runs: dict[tuple[str, str], list[list[float]]] = {}
    with sync_playwright() as p:
        browser = chromium.launch(p)
        for _ in range(args.rounds):
            for path in args.pages:
                for view in VIEWS:
                    page = browser.new_page(viewport={"width": 1440, "height": 900})
                    page.add_init_script(PAINTED)
                    page.goto(f"{Path(path).resolve().as_uri()}#{view}", timeout=180_000)
                    page.wait_for_function(
                        "() => window.argmapFirstDraw !== undefined", timeout=180_000
                    )
                    runs.setdefault((path, view), []).append(page.evaluate(MARKS))
                    page.close()
        browser.close()
    print(
        "| page | view | script starts | JSON.parse | setup | vis-network | first draw | painted |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for (path, view), marks in runs.items():
        cells = [f"{statistics.median(column):,.0f} ms" for column in zip(*marks, strict=True)]
        print(f"| {path} | {view} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
