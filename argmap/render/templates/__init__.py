"""The Jinja2 templates of report.html and the outline, and the one environment they use.

Autoescaping is on for every template, so a string from the map reaches the markup only
escaped; `|safe` is not used anywhere in argmap, and the only `Markup` these templates
get is a fragment built under `argmap.render.markup`'s rule (every value through `esc`).
Undefined names are errors, not empty strings, so a misspelt field fails the tests
instead of vanishing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["environment", "render_template", "summary_css"]


@cache
def environment() -> Any:
    """The shared Jinja2 environment (built once; jinja2 is imported only when rendering)."""
    import jinja2

    from argmap.render.summary import stand
    from argmap.text import excerpt, plural, safe_href, signed

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["href"] = safe_href
    env.filters["signed"] = signed
    env.filters["stand"] = stand
    env.filters["excerpt"] = excerpt
    env.filters["plural"] = plural
    return env


def render_template(template: str, /, **context: Any) -> str:
    """Render `template` (a file in this folder) with `context`."""
    text: str = environment().get_template(template).render(**context)
    return text


def summary_css() -> str:
    """The style of the summary (`_summary.html`), for a page that shows it: report.html
    includes it, and the outline page's stylesheet can append it."""
    return (Path(__file__).parent / "summary.css").read_text(encoding="utf-8")
