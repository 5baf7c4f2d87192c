"""The test suite's own rules: shared helpers live in helpers.py or conftest.py."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _imported_test_modules(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            name = node.module.removeprefix("tests.")
            if name.startswith("test_"):
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("tests.test_")]
    return found


def test_no_test_module_imports_another() -> None:
    imports = {p.name: _imported_test_modules(p) for p in sorted(TESTS.glob("*.py"))}
    assert {name: found for name, found in imports.items() if found} == {}


def test_the_check_sees_an_import_of_a_test_module(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "from .test_checks import BASE\nimport tests.test_add\nfrom .helpers import BASE\n"
    )
    assert _imported_test_modules(sample) == ["test_checks", "tests.test_add"]


def test_mutmut_copies_every_part_of_argmap_it_does_not_mutate() -> None:
    # mutmut runs the tests in a copy of the project: a module left out of both lists
    # would be missing there, and every test importing it would "kill" every mutant.
    import tomllib

    config = tomllib.loads((TESTS.parent / "pyproject.toml").read_text(encoding="utf-8"))
    mutmut = config["tool"]["mutmut"]
    listed = [*mutmut["paths_to_mutate"], *mutmut["also_copy"]]
    package = TESTS.parent / "argmap"
    parts = sorted(
        p.relative_to(TESTS.parent).as_posix() + ("/" if p.is_dir() else "")
        for p in package.iterdir()
        if p.name != "__pycache__"
    )
    assert [part for part in parts if not any(part.startswith(x) for x in listed)] == []
