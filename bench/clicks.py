"""First draw and click latency of the biggest views, in headless chromium.

    python bench/clicks.py [--stances 20000] [--shape press] [--clicks 5]

Builds a synthetic map (`bench/generate.py`) into a temporary folder, opens each view
(`index.html#argument`, `#stances`, `#camps`) in Debian's chromium through Playwright and
measures:

- first draw: the page's own `window.argmapFirstDraw.ms` (from navigation start);
- a click: a real mouse click on a node's position on the canvas, timed from just before
  the click to the end of the next painted frame after the panel's content changed
  (two `requestAnimationFrame`s after the mutation, so the paint itself is included).
  The first click on a view is the worst case: every node and edge starts unfaded.

Clicks go to the nodes nearest the canvas centre, `--clicks` of them, one after another;
the table gives the median and the worst. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

from argmap.pipeline import build  # noqa: E402

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWS = ("argument", "stances", "camps")

# Node ids nearest the canvas centre, with their positions in page coordinates.
_TARGETS = """([view, count]) => {
  const net = argmap.networks[view];
  const box = net.canvas.frame.getBoundingClientRect();
  const ids = argmap.nodes[view].getIds();
  const pos = net.getPositions(ids);
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  return ids.map(id => { const p = net.canvasToDOM(pos[id]);
      return [id, p.x + box.left, p.y + box.top]; })
    .filter(([, x, y]) => x > box.left + 20 && x < box.right - 20 && y > box.top + 20
                          && y < box.bottom - 20)
    .sort((a, b) => Math.hypot(a[1] - cx, a[2] - cy) - Math.hypot(b[1] - cx, b[2] - cy))
    .slice(0, count);
}"""

# Resolves, after the panel's content changes, at the end of the frame that paints it.
_ARM = """() => { window.__clickDone = new Promise(resolve => {
  const panel = document.getElementById('panel-body');
  const obs = new MutationObserver(() => { obs.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))); });
  obs.observe(panel, {childList: true, subtree: true, characterData: true});
  setTimeout(() => { obs.disconnect(); resolve(NaN); }, 10000);  // no panel: a miss
}); window.__clickStart = performance.now(); }"""


def click_ms(page: Page, x: float, y: float) -> float:
    page.evaluate(_ARM)
    page.mouse.click(x, y)
    done = page.evaluate("window.__clickDone")
    return float(done - page.evaluate("window.__clickStart")) if done == done else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, default=20000, help="size of the synthetic map")
    parser.add_argument("--shape", choices=("press", "debate"), default="press")
    parser.add_argument("--clicks", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "map.yaml"
        text = (
            generate.generate(args.stances, 1)
            if args.shape == "press"
            else generate.generate_debate(args.stances, 1)
        )
        source.write_text(text, encoding="utf-8")
        out = Path(tmp) / "site"
        build(source, out)
        size = (out / "index.html").stat().st_size / 1e6
        print(f"{args.stances:,} ({args.shape}), index.html {size:.1f} MB\n")
        print("| view | nodes | edges | first draw | first click | clicks: median, worst |")
        print("|---|---:|---:|---:|---:|---:|")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for view in VIEWS:
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.goto(f"{(out / 'index.html').as_uri()}#{view}")
                page.wait_for_function("window.argmapFirstDraw", timeout=120_000)
                first = page.evaluate("window.argmapFirstDraw.ms")
                counts = page.evaluate(
                    f"[argmap.nodes['{view}'].length, argmap.edges['{view}'].length]"
                )
                page.wait_for_timeout(500)  # let the opening settle
                times = [
                    click_ms(page, x, y) for _, x, y in page.evaluate(_TARGETS, [view, args.clicks])
                ]
                page.close()
                cells = "no node on screen"
                if times:
                    median, worst = statistics.median(times), max(times)
                    cells = f"{times[0]:,.0f} ms | {median:,.0f}, {worst:,.0f} ms"
                print(f"| {view} | {counts[0]:,} | {counts[1]:,} | {first:,.0f} ms | {cells} |")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
