"""Screenshots of the reader's page at desktop and phone sizes, for docs/screenshots/.

    python tools/page_screenshots.py [--site output] [--out docs/screenshots]

Opens the built page in Debian's headless chromium (through Playwright) and saves, at
1440x900 and 390x844: every view, the pro/con board of the central proposal and focus
mode; at 1440x900 also search, the SVG export and the print preview (the page under
print media, and the first page of its PDF, drawn by poppler's pdftoppm when it is
installed). Run `python build.py` first.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import chromium  # noqa: E402

SIZES = {"1440": (1440, 900), "390": (390, 844)}
PDFTOPPM = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "output")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--proposal", default="dcrs-uk", help="proposal whose board to show")
    parser.add_argument("--focus", default="norwich-pilot", help="entry to focus on")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    index = (args.site / "index.html").resolve().as_uri()
    written: list[Path] = []

    def shot(page: object, name: str, **options: object) -> None:
        path = args.out / f"{name}.png"
        page.screenshot(path=str(path), **options)  # type: ignore[attr-defined]
        written.append(path)

    with sync_playwright() as p:
        browser = chromium.launch(p)
        for size, (width, height) in SIZES.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                has_touch=width < 700,
                is_mobile=width < 700,
            )
            page = context.new_page()
            for view in ("argument", "stances", "camps"):
                page.goto("about:blank")
                page.goto(f"{index}#view={view}")
                page.wait_for_function("() => window.argmapFirstDraw !== undefined")
                page.wait_for_timeout(300)
                shot(page, f"page-{view}-{size}")
            page.goto(f"{index}#view=argument&sel={args.proposal}")
            page.wait_for_function("() => window.argmapFirstDraw !== undefined")
            page.wait_for_timeout(300)
            shot(page, f"page-board-{size}")
            page.goto(f"{index}#view=argument&sel={args.focus}&focus=1")
            page.wait_for_function("() => window.argmapFirstDraw !== undefined")
            page.wait_for_timeout(300)
            shot(page, f"page-focus-{size}")
            if width > 700:
                # The SVG download of the argument map, drawn by chromium.
                page.goto("about:blank")
                page.goto(f"{index}#view=argument")
                page.wait_for_function("() => window.argmapFirstDraw !== undefined")
                with tempfile.TemporaryDirectory() as tmp:
                    svg = Path(tmp) / "argument.svg"
                    svg.write_text(page.evaluate("argmap.viewSvg('argument')"), encoding="utf-8")
                    viewer = context.new_page()
                    viewer.goto(svg.as_uri())
                    shot(viewer, "page-export-svg-argument")
                    viewer.close()
                page.goto(f"{index}#view=argument")
                page.wait_for_function("() => window.argmapFirstDraw !== undefined")
                page.fill("#search", "Blunt")
                page.wait_for_timeout(200)
                shot(page, f"page-search-{size}")
                page.goto("about:blank")  # a fresh load: the opening view
                page.goto(f"{index}#view=argument")
                page.wait_for_function("() => window.argmapFirstDraw !== undefined")
                # What the browser's beforeprint does (page.pdf does not fire it).
                page.evaluate("argmap.preparePrint()")
                page.wait_for_function("() => document.getElementById('print-map')?.complete")
                page.emulate_media(media="print")
                shot(page, f"page-print-preview-{size}")
                if shutil.which("pdftoppm"):
                    with tempfile.TemporaryDirectory() as tmp:
                        pdf = Path(tmp) / "page.pdf"
                        page.pdf(path=str(pdf), format="A4")
                        stem = args.out / "page-print-pdf-page1"
                        subprocess.run(
                            [*PDFTOPPM, str(pdf), str(stem)],
                            check=True,
                        )
                        written.append(stem.with_suffix(".png"))
            context.close()
        browser.close()
    for png in written:
        print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
