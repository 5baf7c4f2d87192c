"""The package's layout shows the pipeline: no import runs back up it, and none in a circle.

Each module of `argmap` sits on a floor; a module may import only from its own floor or
those below. Imports inside functions count too (they are how heavy stages stay off the
start-up path, not a way around the layering).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).parent.parent / "argmap"

# Lowest first. A module is placed by the longest prefix that names it.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("argmap.model", "argmap.errors", "argmap.text", "argmap.reach"),
    ("argmap.fsutil", "argmap.comments", "argmap.rules", "argmap.textdiff"),
    ("argmap.config",),
    ("argmap.load",),
    ("argmap.quotes", "argmap.schema"),
    ("argmap.checks", "argmap.coverage"),
    ("argmap.analysis",),
    ("argmap.render", "argmap.export"),
    ("argmap.pipeline", "argmap.fmt", "argmap.fastfmt"),
    ("argmap.add", "argmap.diff", "argmap.watch", "argmap.draft"),
    ("argmap.commands", "argmap.cli", "argmap.__main__", "argmap"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def floor_of(module: str) -> int:
    best = (-1, -1)
    for floor, prefixes in enumerate(FLOORS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                best = max(best, (len(prefix), floor))
    assert best[1] >= 0, f"{module} is on no floor: add it to FLOORS"
    return best[1]


def imports(path: Path) -> set[str]:
    """The argmap modules a file imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("argmap")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("argmap"):
            # `from argmap import quotes` imports the module argmap.quotes, not argmap.
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                where = PACKAGE.parent / candidate.replace(".", "/")
                if where.with_suffix(".py").exists() or (where / "__init__.py").exists():
                    found.add(candidate)
                else:
                    found.add(node.module)
    return found


def graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        g.add_node(name)
        for target in imports(path):
            if target != name:
                g.add_edge(name, target)
    return g


def test_no_import_runs_back_up_the_pipeline() -> None:
    upward = sorted(
        (a, b)
        for a, b in graph().edges
        # A package's __init__ may hand on its own modules' names.
        if floor_of(b) > floor_of(a) and not b.startswith(a + ".")
    )
    assert upward == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    g = graph()
    # A package's __init__ re-exporting its submodules is not a circle of its own.
    g.remove_edges_from([(a, b) for a, b in list(g.edges) if b.startswith(a + ".")])
    assert sorted(sorted(c) for c in nx.simple_cycles(g)) == []


def test_every_module_is_on_a_floor() -> None:
    for node in graph():
        floor_of(node)
