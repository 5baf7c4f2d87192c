"""Rendering of an analysed map: the interactive HTML page and its parts.

`argmap.render.html` is the only module that imports pyvis, and only inside a function.
"""

from __future__ import annotations

from argmap.render.html import render_index, render_outline, render_pages

__all__ = ["render_index", "render_outline", "render_pages"]
