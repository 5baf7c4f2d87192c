"""A page built by an older tree, rewritten with this tree's data blocks and script.

    python bench/firstdraw_relayout.py OLD/index.html NEW/index.html

A build of a big map takes minutes (the 20,000-statement debate's page is 289 MB); its
page's data is the same in both trees, only the way the page carries it changed
(`html._lazy_blocks`). This reads the old page's `argmap-data` block (and its single
`argmap-quotes` block), cuts them as this tree's `render_index` does, and writes the page
with those blocks and this tree's argmap.js (and the CSP hash that allows it), the rest of
the page as it was. On the 100,000-stance map the result is byte-identical to a build by
this tree (checked by `--check BUILT/index.html`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from clicks import APP_JS, with_script  # noqa: E402

from argmap.render.html import _lazy_blocks, _placed, script_json  # noqa: E402

_OPEN = '<script type="application/json" id="{}">'


def _cut(page: str, name: str) -> tuple[str, str, str]:
    start = page.index(_OPEN.format(name))
    end = page.index("</script>", start) + len("</script>")
    return page[:start], page[start + len(_OPEN.format(name)) : end - len("</script>")], page[end:]


def relayout(page: str) -> str:
    """`page` with its data and quotes blocks cut as this tree cuts them."""
    head, data_text, rest = _cut(page, "argmap-data")
    gap, quotes_text, tail = _cut(rest, "argmap-quotes")
    assert gap == "\n", "the quotes block follows the data block"
    data, blocks = _lazy_blocks(json.loads(data_text), json.loads(quotes_text))
    early, late = _placed(blocks)
    text = _OPEN.format("argmap-data") + script_json(data) + "</script>"
    text += "".join(f"\n{_OPEN.format(n)}{script_json(v)}</script>" for n, v in early)
    page = with_script(head + text + tail, APP_JS.read_text("utf-8"))
    at = page.rindex("</script>") + len("</script>")
    after = "".join(f"\n{_OPEN.format(n)}{script_json(v)}</script>" for n, v in late)
    return page[:at] + after + page[at:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--check", help="a page built by this tree that must come out equal")
    args = parser.parse_args()
    new = relayout(Path(args.old).read_text("utf-8"))
    Path(args.new).write_text(new, "utf-8")
    if args.check and Path(args.check).read_text("utf-8") != new:
        print(f"{args.new} differs from {args.check}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
