"""Screenshots of the stance and camps maps and the central proposal's panel (issue 14).

    python tools/sides_screenshots.py SITE SUFFIX [--out docs/screenshots]

Writes page14-{stances,camps,question}-{1440,390}-SUFFIX.png from SITE/index.html in
Debian's headless chromium, so a before and an after build can be compared side by side.
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
    parser.add_argument("site", type=Path)
    parser.add_argument("suffix")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--question", default="dcrs-uk")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    index = (args.site / "index.html").resolve().as_uri()
    with sync_playwright() as p:
        browser = chromium.launch(p)
        for width, height in ((1440, 900), (390, 844)):
            page = browser.new_page(viewport={"width": width, "height": height})
            for view in ("stances", "camps"):
                page.goto(f"{index}#{view}")
                page.wait_for_timeout(700)
                page.screenshot(path=str(args.out / f"page14-{view}-{width}-{args.suffix}.png"))
            page.goto(f"{index}#argument")
            page.wait_for_timeout(500)
            page.evaluate(f"argmap.select({args.question!r}, true)")
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out / f"page14-question-{width}-{args.suffix}.png"))
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
