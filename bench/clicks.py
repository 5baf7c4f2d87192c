"""First draw and click latency of the biggest views, in headless chromium.

    python bench/clicks.py [--stances 20000] [--shape press] [--clicks 7] [--rounds 3]
                           [--site DIR] [--against OLD.js]

Builds a synthetic map (`bench/generate.py`) into a temporary folder (or into `--site`,
reused when it already holds a build), opens each view (`index.html#argument`,
`#stances`, `#camps`) in Debian's chromium through Playwright and measures:

- first draw: the page's own `window.argmapFirstDraw.ms` (from navigation start), and
  the page's longest task before it (a `PerformanceObserver` of long tasks);
- a click: a real mouse click on a node's position on the canvas, timed from just before
  the click to the end of the next painted frame after the panel's content changed
  (two `requestAnimationFrame`s after the mutation, so the paint itself is included).
  The first click on a view is the worst case: every node and edge starts unfaded.

On an aggregated page (a map past `aggregate.AGGREGATE_NODES` nodes a view), a view opens
on its overview; `--biggest` also measures, for each view, the biggest drawing under it
(most nodes), opened by its address (`#view=argument&d=argument/<claim>`). A view can
also be named by a drawing's key in `--views`.

Clicks go to the nodes nearest the canvas centre, `--clicks` of them, one after another;
each page is opened `--rounds` times. `--against OLD.js` also measures the same page
with another argmap.js (e.g. `git show main:argmap/render/assets/argmap.js > old.js`),
the two pages alternating view by view, so both meet the same machine load. Prints a
Markdown table: first draw (medians over the rounds) and clicks (median and worst), each
as wall time and as CPU time of chromium (every process, and the renderer's main thread,
the page's critical path: on a loaded machine wall time grows, CPU time hardly).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import chromium  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

from argmap.pipeline import build  # noqa: E402

VIEWS = ("argument", "stances", "camps")
APP_JS = ROOT / "argmap" / "render" / "assets" / "argmap.js"

# Installed before the page's scripts run: the longest task until the first draw.
_LONG_TASKS = """window.__longest = 0;
try { new PerformanceObserver(list => list.getEntries().forEach(e => {
  window.__longest = Math.max(window.__longest, e.duration); }))
  .observe({ entryTypes: ['longtask'] }); } catch (e) {}"""

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


def chromium_cpu() -> dict[int, int]:
    """CPU ticks (user + sys) so far of each chromium process this one started (by pid)
    and of each renderer's main thread (by -pid): unlike wall time, CPU time does not
    grow with the machine's other load, and the main thread's is the page's critical
    path (script, style, layout, the canvas drawing)."""
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # ended meanwhile
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        pid = int(stat.parent.name)
        parent[pid] = int(fields[1])
        if name.startswith("chrom"):
            ticks[pid] = int(fields[11]) + int(fields[12])
    me = os.getpid()

    def mine(pid: int) -> bool:
        while pid > 1:
            pid = parent.get(pid, 0)
            if pid == me:
                return True
        return False

    out = {pid: t for pid, t in ticks.items() if mine(pid)}
    for pid in list(out):
        try:
            if b"--type=renderer" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                continue
            main = Path(f"/proc/{pid}/task/{pid}/stat").read_text()
        except OSError:
            continue
        fields = main[main.rindex(")") + 2 :].split()
        out[-pid] = int(fields[11]) + int(fields[12])
    return out


def cpu_ms(before: dict[int, int]) -> tuple[float, float]:
    """Chromium's CPU time since `before` in ms, all processes and renderers' main
    threads; a process that ended meanwhile (a closed page's) is left out, one that
    started counts from zero."""
    now = chromium_cpu()
    every = sum(t - before.get(k, 0) for k, t in now.items() if k > 0)
    main = sum(t - before.get(k, 0) for k, t in now.items() if k < 0)
    tick = 1000 / os.sysconf("SC_CLK_TCK")
    return every * tick, main * tick


def click_ms(page: Page, x: float, y: float) -> tuple[float, float, float]:
    """A click's wall time to the painted panel, and chromium's CPU time meanwhile (all
    processes, the renderer's main thread)."""
    page.evaluate(_ARM)
    before = chromium_cpu()
    page.mouse.click(x, y)
    done = page.evaluate("window.__clickDone")
    cpu = cpu_ms(before)
    if done != done:  # NaN: no panel came
        return float("nan"), *cpu
    return float(done - page.evaluate("window.__clickStart")), *cpu


def app_script(page_html: str) -> str:
    """The page's own script: the last inline one (after vis-network's)."""
    start = page_html.rindex("<script>") + len("<script>")
    return page_html[start : page_html.index("</script>", start)]


def with_script(page_html: str, new_js: str) -> str:
    """The page with its inline argmap.js replaced, and the CSP hash that allows it."""

    def digest(js: str) -> str:
        return base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode()

    old_js = app_script(page_html)
    start = page_html.rindex("<script>") + len("<script>")
    page_html = page_html[:start] + new_js + page_html[start + len(old_js) :]
    return page_html.replace(digest(old_js), digest(new_js), 1)


def address(view: str) -> str:
    """The page address that opens `view`, a view's name or a drawing's key."""
    if "/" not in view:
        return f"#{view}"
    return f"#view={view.split('/')[0]}&d={quote(view, safe='')}"


def measure(browser: Browser, page_file: Path, view: str, clicks: int) -> dict[str, Any]:
    tab = view.split("/")[0]
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.add_init_script(_LONG_TASKS)
    before = chromium_cpu()
    page.goto(f"{page_file.as_uri()}{address(view)}", wait_until="commit", timeout=300_000)
    page.wait_for_function("() => window.argmapFirstDraw !== undefined", timeout=300_000)
    result: dict[str, Any] = page.evaluate(
        f"""({{first: window.argmapFirstDraw.ms, longest: window.__longest,
              nodes: argmap.nodes['{tab}'].length, edges: argmap.edges['{tab}'].length}})"""
    )
    result["first_cpu"], result["first_main"] = cpu_ms(before)
    # A page whose quotes and boards come after its scripts (fourth pass) draws before the
    # browser has parsed them, and a panel asked for meanwhile waits for them: click only
    # once they are parsed, so each click times a panel with its content.
    page.wait_for_function("() => document.readyState !== 'loading'", timeout=300_000)
    # And after its warm-up (the quotes parsed in idle time after the first draw), as a
    # reader's first click comes: `warm` is when it ended, ms after the first draw.
    page.wait_for_function(
        "() => !('blocks' in window.argmapTimes) || window.argmapTimes.warm !== undefined",
        timeout=300_000,
    )
    result["warm"] = page.evaluate(
        "() => (window.argmapTimes.warm || NaN) - window.argmapFirstDraw.ms"
    )
    page.wait_for_timeout(500)  # let the opening settle
    targets = page.evaluate(_TARGETS, [tab, clicks])
    result["clicks"] = [click_ms(page, x, y) for _, x, y in targets]
    page.close()
    return result


def site_for(args: argparse.Namespace, tmp: Path) -> Path:
    out = Path(args.site) if args.site else tmp / "site"
    if (out / "index.html").exists():
        return out
    source = tmp / "map.yaml"
    text = (
        generate.generate(args.stances, 1)
        if args.shape == "press"
        else generate.generate_debate(args.stances, 1)
    )
    source.write_text(text, encoding="utf-8")
    build(source, out)
    return out


def _json_block(page_html: str, name: str) -> Any:
    start = page_html.index(f'id="{name}">') + len(f'id="{name}">')
    return json.loads(page_html[start : page_html.index("</script>", start)])


def biggest_drawings(page_html: str) -> list[str]:
    """The key of each view's biggest drawing under its overview (most nodes). A page
    carries them in its data block, or (since the fourth pass) each in a block of its own
    that the data block's directory numbers."""
    data = _json_block(page_html, "argmap-data")
    best: dict[str, tuple[int, str]] = {}
    for key, drawing in sorted(data.get("drawings", {}).items()):
        tab = key.split("/")[0]
        if isinstance(drawing, list):
            drawing = _json_block(page_html, f"argmap-drawing-{drawing[0]}")
        size = len(drawing["nodes"])
        if size > best.get(tab, (-1, ""))[0]:
            best[tab] = (size, key)
    return [best[tab][1] for tab in VIEWS if tab in best]


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values):,.0f}, {max(values):,.0f}" if values else "–"


def row(done: list[dict[str, Any]]) -> str:
    """One view's cells: first draw as medians over the rounds; the first click of each
    round (every item's look changes) apart from the later ones (only the two
    neighbourhoods'), pooled. A miss is a click that opened no panel (between nodes)."""
    first = [statistics.median(r[k] for r in done) for k in ("first", "first_cpu", "first_main")]
    clicks = [[c for c in r["clicks"] if c[0] == c[0]] for r in done]
    firsts = [c[0] for c in clicks if c]
    later = [x for c in clicks for x in c[1:]]
    missed = sum(len(r["clicks"]) for r in done) - sum(len(c) for c in clicks)
    warm = [r["warm"] for r in done if r.get("warm") == r.get("warm")]
    return " | ".join(
        [
            f"{first[0]:,.0f} ms, {first[1]:,.0f} ms, {first[2]:,.0f} ms",
            f"{statistics.median(warm):,.0f} ms" if warm else "–",
            f"{_ms([c[0] for c in firsts])} ms; {_ms([c[2] for c in firsts])} ms",
            f"{_ms([c[0] for c in later])} ms; {_ms([c[2] for c in later])} ms",
            str(missed),
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, default=20000, help="size of the synthetic map")
    parser.add_argument("--shape", choices=("press", "debate"), default="press")
    parser.add_argument("--clicks", type=int, default=7, help="clicks per page opened")
    parser.add_argument("--rounds", type=int, default=3, help="times each page is opened")
    parser.add_argument("--site", help="build into this folder, or reuse the build in it")
    parser.add_argument("--against", help="another argmap.js to measure alongside")
    parser.add_argument("--views", default=",".join(VIEWS), help="comma-separated views")
    parser.add_argument(
        "--biggest", action="store_true", help="also each view's biggest aggregated drawing"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site = site_for(args, tmp)
        # Both pages beside the build, so its other files resolve the same.
        html = (site / "index.html").read_text(encoding="utf-8")
        scripts = {"this tree": APP_JS}
        if args.against:
            scripts[Path(args.against).name] = Path(args.against)
        pages = {}
        for i, (label, script) in enumerate(scripts.items()):
            pages[label] = site / f"index-{i}.html"
            pages[label].write_text(with_script(html, script.read_text("utf-8")), "utf-8")
        size = (site / "index.html").stat().st_size / 1e6
        print(f"{site}: index.html {size:.1f} MB\n")
        views = args.views.split(",")
        if args.biggest:
            views += biggest_drawings(html)
        runs: dict[tuple[str, str], list[dict[str, Any]]] = {}
        with sync_playwright() as p:
            browser = chromium.launch(p)
            for _ in range(args.rounds):
                for view in views:
                    for label, page_file in pages.items():
                        run = measure(browser, page_file, view, args.clicks)
                        runs.setdefault((label, view), []).append(run)
            browser.close()
        print(
            "| script | view | nodes | edges | first draw: wall, CPU, main thread"
            " | warm-up done after the first draw"
            " | first click: wall; main thread (median, worst)"
            " | later clicks: wall; main thread (median, worst) | missed |"
        )
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for (label, view), done in runs.items():
            print(
                f"| {label} | {view} | {done[0]['nodes']:,} | {done[0]['edges']:,} | {row(done)} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
