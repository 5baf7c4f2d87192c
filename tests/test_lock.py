"""The lock files pin, with hashes, every dependency pyproject.toml declares, within its bounds."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(r) for r in PROJECT["dependencies"]]
TEST = [Requirement(r) for r in PROJECT["optional-dependencies"]["test"]]


def pins(name: str) -> dict[str, str]:
    """The lock's `name==version` lines, each of which must be followed by a hash."""
    text = (ROOT / name).read_text(encoding="utf-8")
    entries = re.findall(
        r"^([A-Za-z0-9._-]+)==([^\s;]+)[^\n]*\\\n\s+--hash=sha256:[0-9a-f]{64}", text, re.M
    )
    assert len(entries) == len(re.findall(r"^[A-Za-z0-9]", text, re.M)), "a pin without a hash"
    return {canonicalize_name(n): v for n, v in entries}


@pytest.mark.parametrize(
    ("lock", "declared"),
    [("requirements.lock", RUNTIME), ("requirements-test.lock", RUNTIME + TEST)],
)
def test_every_declared_dependency_is_pinned_within_its_bounds(
    lock: str, declared: list[Requirement]
) -> None:
    pinned = pins(lock)
    for requirement in declared:
        version = pinned[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version), (requirement, version)


def test_the_test_lock_installs_the_runtime_lock_s_versions() -> None:
    runtime, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert {name: test[name] for name in runtime} == runtime
