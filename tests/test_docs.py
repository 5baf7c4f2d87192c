"""Every command has help with an example and is documented in the README."""

from __future__ import annotations

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


def test_every_rule_id_the_code_reports_is_documented() -> None:
    checks_md = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    sources = "".join(
        (ROOT / "argmap" / name).read_text(encoding="utf-8")
        for name in (
            "load/__init__.py",
            "load/compose.py",
            "load/build.py",
            "checks/__init__.py",
            "quotes.py",
        )
    )
    # Every kebab-case string literal in these modules is a rule id; the one-word ids and
    # the unknown-<kind> family, built with an f-string, are listed by hand.
    rules = set(re.findall(r'"([a-z]+(?:-[a-z]+)+)"', sources))
    rules |= {"syntax", "alias", "tag", "empty", "encoding"}
    rules |= {f"unknown-{kind}" for kind in ("actor", "claim", "source", "affiliation", "relation")}
    assert len(rules) == 43  # with key-too-long and unicode-line-break
    assert sorted(r for r in rules if f"`{r}`" not in checks_md) == []
