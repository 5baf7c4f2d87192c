"""How legible each drawn view is, measured on the real page in headless chromium.

    python bench/layout_metrics.py [--stances 40000] [--site DIR ...] [--json FILE]
                                   [--screenshots DIR --suffix after]

Builds `arguments.yaml` and a synthetic map (`bench/generate.py --stances N`; 40,000
stances give about 2,000 nodes in every view) into temporary folders, or measures the
already built folders given with `--site`. Each view is opened by its address
(`index.html#argument`, ...) at 1440x900, and once it has drawn, the page's own
vis-network instance is read: every node's box as vis-network drew it (label included)
and every edge's drawn path (sampled along its curve when it is smooth). From those:

- crossings: pairs of edges that cross, edges sharing a node not counted;
- through boxes: edges that pass through the box of a node that is not one of their ends;
- overlaps: pairs of node boxes that overlap;
- min label px: the smallest node label's font size times the opening zoom, in screen px;
- off-screen: nodes whose centre lies outside the visible part of the canvas at the
  opening view (window and canvas intersected), and how many of them are proposals;
- down arrows (argument view): relations whose target is drawn below their origin;
- proposals off top: proposals not on the top row (argument view);
- first draw: `window.argmapFirstDraw.ms`, from navigation start to the view's first
  drawing (median of `--reps` loads).

Prints a Markdown table. `--screenshots DIR` also saves each view at 1440x900 and
390x844 as DIR/<map>-<view>-<width>-<suffix>.png.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import chromium  # noqa: E402

VIEWS = ("argument", "stances", "camps")
WIDE = (1440, 900)
PHONE = (390, 844)

#: Runs in the page with the view's name; returns the figures of that view as drawn now.
MEASURE_JS = r"""
(view) => {
  const net = argmap.networks[view];
  const body = net.body;
  const canvas = document.getElementById("canvas-" + view).getBoundingClientRect();
  const screen = {
    left: Math.max(canvas.left, 0), top: Math.max(canvas.top, 0),
    right: Math.min(canvas.right, window.innerWidth),
    bottom: Math.min(canvas.bottom, window.innerHeight),
  };
  const cls = {};
  argmap.data.views[view].nodes.forEach((n) => { cls[n[0]] = n[1]; });
  // An undercut ends on a point (`cut:...`) in the middle of the edge it undercuts: the
  // point is no box, and the undercut's edge to it no link between two boxes.
  const ids = Object.keys(body.nodes)
    .filter((id) => cls[id] !== undefined && !body.nodes[id].options.hidden
      && !id.startsWith("cut:"));
  // vis-network refreshes a node's box (label included) only when it draws the node, so
  // nodes off-screen keep a stale one: draw everything once, read the boxes, go back.
  const scale = net.getScale();
  const at = net.getViewPosition();
  net.fit({ animation: false });
  net.redraw();
  const box = {};
  ids.forEach((id) => { box[id] = net.getBoundingBox(id); });
  net.moveTo({ position: at, scale: scale, animation: false });
  net.redraw();

  // Every visible edge as a polyline in canvas coordinates.
  const edges = [];
  Object.keys(body.edges).forEach((id) => {
    const e = body.edges[id];
    if (e.options.hidden || !box[e.fromId] || !box[e.toId] || e.fromId === e.toId) { return; }
    const pts = [];
    const smooth = e.options.smooth && e.options.smooth.enabled;
    const steps = smooth ? 16 : 1;
    for (let i = 0; i <= steps; i++) {
      const p = smooth ? e.edgeType.getPoint(i / steps) : (i ? e.to : e.from);
      pts.push([p.x, p.y]);
    }
    edges.push({ id: id, from: e.fromId, to: e.toId, pts: pts });
  });

  function cross(a, b, c, d) {
    const o = (p, q, r) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    const d1 = o(c, d, a), d2 = o(c, d, b), d3 = o(a, b, c), d4 = o(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
  }
  // Liang-Barsky: does the segment p-q meet the rectangle's inside?
  function hitsBox(p, q, b) {
    let t0 = 0, t1 = 1;
    const dx = q[0] - p[0], dy = q[1] - p[1];
    const tests = [
      [-dx, p[0] - b.left], [dx, b.right - p[0]], [-dy, p[1] - b.top], [dy, b.bottom - p[1]],
    ];
    for (const [pp, qq] of tests) {
      if (pp === 0) { if (qq < 0) { return false; } continue; }
      const r = qq / pp;
      if (pp < 0) { if (r > t1) { return false; } if (r > t0) { t0 = r; } }
      else { if (r < t0) { return false; } if (r < t1) { t1 = r; } }
    }
    return t1 - t0 > 1e-9;
  }

  // A uniform grid over segments and boxes keeps 2,000-node views fast.
  const CELL = 300;
  function cells(a, b) {
    const out = [];
    const x0 = Math.floor(Math.min(a[0], b[0]) / CELL);
    const x1 = Math.floor(Math.max(a[0], b[0]) / CELL);
    const y0 = Math.floor(Math.min(a[1], b[1]) / CELL);
    const y1 = Math.floor(Math.max(a[1], b[1]) / CELL);
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) { out.push(gx + "," + gy); }
    }
    return out;
  }
  const segGrid = new Map();
  const segs = [];
  edges.forEach((e, ei) => {
    for (let i = 0; i + 1 < e.pts.length; i++) {
      const a = e.pts[i], b = e.pts[i + 1];
      const si = segs.length;
      segs.push([ei, a, b]);
      cells(a, b).forEach((k) => {
        if (!segGrid.has(k)) { segGrid.set(k, []); }
        segGrid.get(k).push(si);
      });
    }
  });
  const crossing = new Set();
  segGrid.forEach((list) => {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const s = segs[list[i]], t = segs[list[j]];
        if (s[0] === t[0]) { continue; }
        const e = edges[s[0]], f = edges[t[0]];
        if (e.from === f.from || e.from === f.to || e.to === f.from || e.to === f.to) { continue; }
        const key = Math.min(s[0], t[0]) + ":" + Math.max(s[0], t[0]);
        if (!crossing.has(key) && cross(s[1], s[2], t[1], t[2])) { crossing.add(key); }
      }
    }
  });

  const boxGrid = new Map();
  ids.forEach((id) => {
    const b = box[id];
    for (let gx = Math.floor(b.left / CELL); gx <= Math.floor(b.right / CELL); gx++) {
      for (let gy = Math.floor(b.top / CELL); gy <= Math.floor(b.bottom / CELL); gy++) {
        const k = gx + "," + gy;
        if (!boxGrid.has(k)) { boxGrid.set(k, []); }
        boxGrid.get(k).push(id);
      }
    }
  });
  const through = new Set();
  const throughPairs = [];
  segs.forEach((s) => {
    const e = edges[s[0]];
    const a = s[1], b = s[2];
    const seen = new Set();
    cells(a, b).forEach((k) => {
      (boxGrid.get(k) || []).forEach((id) => {
        if (seen.has(id) || id === e.from || id === e.to) { return; }
        seen.add(id);
        const bb = box[id];
        const inner = {
          left: bb.left + 1, right: bb.right - 1, top: bb.top + 1, bottom: bb.bottom - 1,
        };
        if (hitsBox(a, b, inner)) {
          if (!through.has(e.id)) { throughPairs.push([e.id, id]); }
          through.add(e.id);
        }
      });
    });
  });

  const overlapping = new Set();
  boxGrid.forEach((list) => {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const p = box[list[i]], q = box[list[j]];
        const ox = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const oy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (ox > 0.5 && oy > 0.5) { overlapping.add([list[i], list[j]].sort().join("|")); }
      }
    }
  });

  let minFont = Infinity;
  let off = 0, offProposals = 0;
  ids.forEach((id) => {
    const n = body.nodes[id];
    if (n.options.label) { minFont = Math.min(minFont, n.options.font.size * scale); }
    const b = box[id];
    const c = net.canvasToDOM({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
    const x = canvas.left + c.x, y = canvas.top + c.y;
    if (x < screen.left || x > screen.right || y < screen.top || y > screen.bottom) {
      off += 1;
      if (cls[id] === "proposal") { offProposals += 1; }
    }
  });

  let down = 0;
  if (view === "argument") {
    edges.forEach((e) => { if (body.nodes[e.to].y > body.nodes[e.from].y + 1) { down += 1; } });
  }
  const top = Math.min(...ids.map((id) => body.nodes[id].y));
  const proposalsOffTop = ids
    .filter((id) => cls[id] === "proposal" && body.nodes[id].y > top + 1).length;

  return {
    nodes: ids.length, edges: edges.length, crossings: crossing.size, through: through.size,
    throughExamples: throughPairs.slice(0, 20),
    overlaps: overlapping.size, overlapExamples: [...overlapping].slice(0, 20),
    minLabelPx: Math.round(minFont * 10) / 10, scale: Math.round(scale * 1000) / 1000,
    offScreen: off, offScreenProposals: offProposals, down: down, proposalsOffTop: proposalsOffTop,
    canvas: [Math.round(screen.right - screen.left), Math.round(screen.bottom - screen.top)],
  };
}
"""


def open_view(browser: Any, site: Path, view: str, size: tuple[int, int] = WIDE) -> Any:
    """A new page showing `view` of the built `site`, after its first drawing."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(f"{(site / 'index.html').as_uri()}#{view}")
    page.wait_for_function("window.argmapFirstDraw !== undefined", timeout=60_000)
    return page


def measure(page: Any, view: str) -> dict[str, Any]:
    """The figures of `view` as the page draws it now (see the module docstring)."""
    result: dict[str, Any] = page.evaluate(MEASURE_JS, view)
    return result


def measure_site(browser: Any, site: Path, reps: int = 3) -> dict[str, dict[str, Any]]:
    """Every view's figures and median first draw for one built folder."""
    out: dict[str, dict[str, Any]] = {}
    for view in VIEWS:
        times: list[float] = []
        figures: dict[str, Any] = {}
        for rep in range(reps):
            page = open_view(browser, site, view)
            times.append(page.evaluate("window.argmapFirstDraw.ms"))
            if rep == 0:
                figures = measure(page, view)
            page.close()
        figures["firstDrawMs"] = round(statistics.median(times))
        out[view] = figures
    return out


def screenshots(browser: Any, site: Path, folder: Path, label: str, suffix: str) -> list[Path]:
    """Each view of `site` at 1440x900 and 390x844, saved as PNG files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for view in VIEWS:
        for size in (WIDE, PHONE):
            page = open_view(browser, site, view, size)
            page.wait_for_timeout(300)
            path = folder / f"{label}-{view}-{size[0]}-{suffix}.png"
            page.screenshot(path=str(path))
            saved.append(path)
            page.close()
    return saved


COLUMNS = (
    ("nodes", "nodes"),
    ("edges", "edges"),
    ("crossings", "crossings"),
    ("through", "through boxes"),
    ("overlaps", "overlaps"),
    ("minLabelPx", "min label px"),
    ("offScreen", "off-screen"),
    ("offScreenProposals", "proposals off-screen"),
    ("down", "down arrows"),
    ("proposalsOffTop", "proposals off top"),
    ("firstDrawMs", "first draw ms"),
)


def table(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    """The figures as a Markdown table, one row per map and view."""
    lines = [
        "| map | view | " + " | ".join(title for _, title in COLUMNS) + " |",
        "|---|---|" + "---:|" * len(COLUMNS),
    ]
    for label, views in results.items():
        for view, figures in views.items():
            cells = [
                f"{figures[key]:,}" if key != "minLabelPx" else f"{figures[key]}"
                for key, _ in COLUMNS
            ]
            lines.append(f"| {label} | {view} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    from playwright.sync_api import sync_playwright

    from argmap.pipeline import build

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, default=40000, help="size of the synthetic map")
    parser.add_argument("--site", action="append", type=Path, help="a built folder to measure")
    parser.add_argument("--reps", type=int, default=3, help="loads per view for first draw")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--screenshots", type=Path, help="save screenshots in this folder")
    parser.add_argument("--suffix", default="after", help="screenshot name suffix")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sites: dict[str, Path] = {}
        if args.site:
            sites = {path.resolve().name: path.resolve() for path in args.site}
        else:
            synthetic = Path(tmp) / "synthetic.yaml"
            generate = [sys.executable, str(ROOT / "bench" / "generate.py")]
            subprocess.run(
                [*generate, "--stances", str(args.stances), "-o", str(synthetic)], check=True
            )
            for label, source in (
                ("curated", ROOT / "arguments.yaml"),
                (f"generated-{args.stances}", synthetic),
            ):
                sites[label] = Path(tmp) / label
                build(source, sites[label])
        results: dict[str, dict[str, dict[str, Any]]] = {}
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            for label, site in sites.items():
                results[label] = measure_site(browser, site, args.reps)
                if args.screenshots:
                    screenshots(browser, site, args.screenshots, label, args.suffix)
            browser.close()
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
