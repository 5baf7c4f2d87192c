"""HTML built in Python for the big, repetitive parts of report.html and the outline.

Jinja2 pays for every `{{ }}` (an attribute lookup, a call, an escape, a `Markup`): at
100,000 stances report.html and the outline were two million of them. Their per-actor and
per-entry fragments are built here and in their modules as plain strings instead, with
one rule that keeps escaping the default: **every value that is not a literal of the code
goes through `esc`**, the same escaping as Jinja2's autoescape (markupsafe), so the bytes
are the ones the templates wrote. A fragment reaches its page only as a fragment of
`argmap.render.templates.render_parts` (put in at its slot as it is), whose parts must
come from this rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.text import safe_href

if TYPE_CHECKING:
    from argmap.model import Source

__all__ = ["esc", "source_html"]


def esc(text: str) -> str:
    """`text` escaped for HTML text and quoted attributes, byte for byte as markupsafe
    (and so Jinja2's autoescape) writes it: `& < > ' "`.

    >>> esc('<a href="x">Tom & Jerry\\'s</a>')
    '&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;'
    """
    return _escape(text)


def _replaced(text: str) -> str:
    """`esc` where markupsafe has no compiled escape: five scans in C, `&` first."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


try:
    # markupsafe's own escape in C, the one Jinja2's autoescape runs, returning a plain
    # str: one pass over the text, a third of the time of the five `replace` calls, on the
    # 190,000 values of the debate's outline and report.
    from markupsafe._speedups import _escape_inner as _escape
except ImportError:  # markupsafe before 3.0, or without its compiled part
    _escape = _replaced


def source_html(source: Source | None, unknown: str) -> str:
    """A source as the report and the outline cite it: its title, publisher and date, and a
    link only for an http(s) url (`safe_href`); any other url is shown as text."""
    if source is None:
        return "unknown source"
    publisher = "publisher unknown" if source.publisher == unknown else source.publisher
    date = "date unknown" if source.date == unknown else source.date
    text = f"<cite>{esc(source.title)}</cite>, {esc(publisher)}, {esc(date)}"
    href = safe_href(source.url)
    if href:
        return f'{text} <a href="{esc(href)}" rel="noopener noreferrer">link</a>'
    if source.url:
        return f'{text} <span class="o-url">{esc(source.url)}</span>'
    return text
