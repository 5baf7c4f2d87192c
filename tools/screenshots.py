"""Screenshots of every view of the built map, for docs/screenshots/ and for looking at.

    python tools/screenshots.py [--site output] [--out docs/screenshots]

Opens the built page in Debian's headless chromium (through Playwright) at 1440x900 and
saves one PNG per view: the argument, stance and camps maps, the details panel open on
a claim, and the outline page. Run `python build.py` first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import chromium  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "output")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--panel", default="dcrs-reduce-deaths", help="claim whose panel to show")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    index = (args.site / "index.html").resolve().as_uri()
    with sync_playwright() as p:
        browser = chromium.launch(p)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(index)
        for view, name in (("argument", "argument"), ("stances", "stances"), ("camps", "camps")):
            page.evaluate(f"argmap.showView('{view}')")
            page.wait_for_timeout(400)
            page.screenshot(path=str(args.out / f"{name}.png"))
        page.evaluate("argmap.showView('argument')")
        page.evaluate(f"argmap.select('{args.panel}', true)")
        page.wait_for_timeout(600)
        page.screenshot(path=str(args.out / "panel.png"))
        page.goto((args.site / "outline.html").resolve().as_uri())
        page.screenshot(path=str(args.out / "outline.png"))
        browser.close()
    for png in sorted(args.out.glob("*.png")):
        print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
