"""The Jinja2 templates of report.html and the outline, and the one environment they use.

Autoescaping is on for every template, so a string from the map reaches the markup only
escaped; `|safe` is not used anywhere in argmap, and what these templates get unescaped
is a fragment built under `argmap.render.markup`'s rule (every value through `esc`), put
in at its slot (`render_parts`).
Undefined names are errors, not empty strings, so a misspelt field fails the tests
instead of vanishing.

A page's long fragments go into it through `render_parts`, not through Jinja2: Jinja2 copies
a `Markup` value as it escapes it, and then joins everything into one string, so a 90 MB
report.html was held three or four times over (issue 18).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from argmap.fsutil import Text

__all__ = ["environment", "render_parts", "render_template", "slot", "splice"]


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


# Where a fragment goes in the rendered frame. It is a tag, and no escaped value holds a
# `<` (autoescape writes `&lt;`), so only the frame's own slots match, never a map's words.
_SLOTS = re.compile(r"<argmap-slot ([a-z0-9_-]+)>")


def slot(name: str) -> Any:
    """The `Markup` a template writes where `render_parts` puts the fragment `name`
    (lower-case letters, digits, `-` and `_`)."""
    from markupsafe import Markup

    return Markup(f"<argmap-slot {name}>")


def render_parts(template: str, /, fragments: Mapping[str, Text], **context: Any) -> list[str]:
    """`render_template(template, ...)` as parts to be written one after the other, where
    each fragment (name -> markup built under `argmap.render.markup`'s rule, one string or
    its parts) stands wherever the template writes its `slot`: the context has each
    fragment's slot under the fragment's name.

    >>> render_parts("report.css", {}) == [render_template("report.css")]
    True
    """
    frame = render_template(template, **context, **{name: slot(name) for name in fragments})
    return splice(frame, fragments)


def splice(frame: str, fragments: Mapping[str, Text]) -> list[str]:
    """`frame` as parts with each `slot` in it replaced by its fragment, as it is.

    >>> splice(f"<p>{slot('a')}</p>{slot('b')}", {"a": ["x", "y"], "b": "z"})
    ['<p>', 'x', 'y', '</p>', 'z']
    """
    parts: list[str] = []
    start = 0
    for found in _SLOTS.finditer(frame):
        if found.start() > start:
            parts.append(frame[start : found.start()])
        fragment = fragments[found.group(1)]
        if isinstance(fragment, str):
            parts.append(fragment)
        else:
            parts.extend(fragment)
        start = found.end()
    if start < len(frame) or not parts:
        parts.append(frame[start:])
    return parts
