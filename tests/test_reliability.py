"""Hostile and unlucky conditions: every command fails in one line, output stays whole,
and the build does not depend on the order of entries in the file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import cli
from argmap.pipeline import build

ROOT = Path(__file__).resolve().parent.parent

# Commands that read a map, with the arguments that make each write somewhere harmless.
READERS = {
    "check": [],
    "report": ["-o", "-"],
    "export": ["--format", "json", "-o", "-"],
    "build": ["-o", "{tmp}/site"],
    "coverage": [],
    "fmt": ["--check"],
}


def invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("command", sorted(READERS))
@pytest.mark.parametrize("case", ["missing", "directory", "not-utf8", "not-yaml", "unreadable"])
def test_every_reader_fails_in_one_line(
    command: str, case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "arguments.yaml"
    if case == "directory":
        target.mkdir()
    elif case == "not-utf8":
        target.write_bytes(b"title: caf\xe9\n")
    elif case == "not-yaml":
        target.write_text("title: [unclosed\n")
    elif case == "unreadable":
        # Running as root ignores file modes, so the refusal is simulated at the read.
        target.write_text("title: T\n")
        original = Path.read_bytes

        def deny(self: Path) -> bytes:
            if self == target:
                raise PermissionError(13, "Permission denied")
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", deny)
    extra = [arg.replace("{tmp}", str(tmp_path)) for arg in READERS[command]]
    code, output = invoke([command, *extra, str(target)])
    assert code == 1, output
    lines = output.strip().splitlines()
    if command == "check":  # check prints the problem and its count line
        assert len(lines) == 2 and lines[1] == "1 problem (1 error, 0 warnings)"
    else:
        assert len(lines) == 1, output
    assert str(target) in lines[0]
    assert "Traceback" not in output


def test_an_output_folder_that_cannot_be_made_is_one_line_and_leaves_the_file(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    site.write_text("a file where the folder should be")
    code, output = invoke(["build", str(_example(tmp_path)), "-o", str(site)])
    assert code == 1
    assert len(output.strip().splitlines()) == 1 and "cannot write" in output
    assert site.read_text() == "a file where the folder should be"


def _example(tmp_path: Path) -> Path:
    from .conftest import example_yaml

    path = tmp_path / "example.yaml"
    path.write_text(example_yaml())
    return path


def _shuffled(text: str, seed: int) -> str:
    """The same map with every section's entries in another order."""
    data = yaml.safe_load(text)
    rng = random.Random(seed)
    for key in ("sources", "actors", "claims"):
        items = list(data[key].items())
        rng.shuffle(items)
        data[key] = dict(items)
    for key in ("stances", "relations", "ignored"):
        if key in data:
            rng.shuffle(data[key])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def test_entry_order_does_not_change_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (ROOT / "arguments.yaml").read_text(encoding="utf-8")
    outputs = []
    for seed in (None, 1, 2):
        folder = tmp_path / f"run-{seed}"
        folder.mkdir()
        (folder / "arguments.yaml").write_text(text if seed is None else _shuffled(text, seed))
        monkeypatch.chdir(folder)  # the report names the map as given: the same name each time
        build("arguments.yaml", "output")
        outputs.append({p.name: p.read_bytes() for p in (folder / "output").iterdir()})
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]
