"""The report's size and how often each quote appears in it.

    python bench/report_size.py [output-folder]

Prints words and lines of report.md, and for report.md and report.html the number of
distinct quotes that appear more than once and their total number of appearances.
The outline's length is a browser measure (see tests/test_report_browser.py).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from argmap.load import load_file
from argmap.render.report import md


def repeats(text: str, quotes: set[str]) -> tuple[int, int, int]:
    # A quote counts where it stands whole between quote marks, so a quote that is part of
    # a longer one is not counted inside it.
    counts = [text.count(f'"{q}"') + text.count(f"\u201c{q}\u201d") for q in quotes]
    repeated = [c for c in counts if c > 1]
    return len(repeated), sum(repeated), max(counts, default=0)


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "output")
    amap = load_file("arguments.yaml").map
    quotes = {s.quote for s in amap.stances if s.quote}
    report = (folder / "report.md").read_text(encoding="utf-8")
    words, lines = len(report.split()), report.count("\n")
    print(f"report.md: {words} words, {lines} lines")
    n, total, most = repeats(report, {md(q) for q in quotes})
    print(f"report.md: {n} quotes appear more than once, {total} times in all (most {most})")
    if "## Where each actor stands" in report:
        details = report[report.index("## Where each actor stands") :]
        n, total, most = repeats(details, {md(q) for q in quotes})
        print(f"  after the summary: {n} quotes more than once, {total} times (most {most})")
    page = folder / "report.html"
    if page.exists():
        text = page.read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", "", text[text.index('id="details"') :]))
        n, total, most = repeats(text, quotes)
        print(f"report.html after the summary: {n} quotes more than once, {total} times")
    return 0


if __name__ == "__main__":
    sys.exit(main())
