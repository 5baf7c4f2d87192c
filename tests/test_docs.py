"""Every command has help with an example and is documented in the README."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import _COMMANDS, cli

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(_COMMANDS))
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output or "$ argmap" in result.output


@pytest.mark.parametrize("name", sorted(_COMMANDS))
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"`argmap {name}" in README


def test_readme_links_point_at_files() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        assert (ROOT / target).exists(), target


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert first_block.strip().splitlines() == [
        "sh",
        "python3 -m venv .venv && .venv/bin/pip install --require-hashes -r requirements.lock && .venv/bin/pip install --no-deps -e . && .venv/bin/python build.py",
        "python3 -m venv .venv && .venv/bin/pip install --require-hashes -r requirements-test.lock && .venv/bin/pip install --no-deps -e . && .venv/bin/python -m pytest",
    ]
    # .ci/run runs the README's test command itself, word for word.
    assert first_block.strip().splitlines()[2] in (ROOT / ".ci" / "run").read_text().splitlines()


def test_docs_checks_md_holds_the_rule_tables_generated_from_the_registry() -> None:
    # tools/checks_doc.py writes the tables from argmap/rules.py; rerun it after a change.
    spec = importlib.util.spec_from_file_location("checks_doc", ROOT / "tools" / "checks_doc.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert tool.generated_part(text) == tool.tables()
    assert "| `orphan-claim` | warning | a claim with no stance and no relation |" in text
