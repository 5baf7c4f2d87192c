"""Time to first draw of each view in headless chromium, for the curated map and a big one.

    python bench/firstdraw.py [--stances 4000] [--reps 3]

Builds `arguments.yaml` and a synthetic map (`bench/generate.py`) into temporary folders,
opens each view by its address (`index.html#argument`, `#stances`, `#camps`) in Debian's
chromium through Playwright, and reads `window.argmapFirstDraw`, the page's own
`performance.now()` at the end of the view's first drawing (from navigation start).
Prints a Markdown table of medians with each view's node and edge counts.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.pipeline import build  # noqa: E402
from tools import chromium  # noqa: E402

VIEWS = ("argument", "stances", "camps")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, default=4000, help="size of the synthetic map")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp) / "synthetic.yaml"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate.py"),
                "--stances",
                str(args.stances),
                "-o",
                str(synthetic),
            ],
            check=True,
        )
        sites = {"curated": ROOT / "arguments.yaml", f"{args.stances:,} stances": synthetic}
        print("| map | view | nodes | edges | index.html | first draw (median) |")
        print("|---|---|---:|---:|---:|---:|")
        with sync_playwright() as p:
            browser = chromium.launch(p)
            for label, source in sites.items():
                out = Path(tmp) / label.replace(" ", "-").replace(",", "")
                build(source, out)
                size = (out / "index.html").stat().st_size / 1e6
                for view in VIEWS:
                    times, counts = [], (0, 0)
                    for _ in range(args.reps):
                        page = browser.new_page(viewport={"width": 1440, "height": 900})
                        page.goto(f"{(out / 'index.html').as_uri()}#{view}", timeout=120_000)
                        page.wait_for_function(
                            "() => window.argmapFirstDraw !== undefined", timeout=120_000
                        )
                        times.append(page.evaluate("window.argmapFirstDraw.ms"))
                        counts = page.evaluate(
                            f"[argmap.nodes['{view}'].length, argmap.edges['{view}'].length]"
                        )  # vis DataSets: what the canvas draws
                        page.close()
                    ms = statistics.median(times)
                    row = (label, view, f"{counts[0]:,}", f"{counts[1]:,}", f"{size:.1f} MB")
                    print(f"| {' | '.join(row)} | {ms:,.0f} ms |")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
