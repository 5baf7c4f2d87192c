"""One "load and check" for build, watch and check: what `build` builds, `watch` builds;
`--sources-dir` on both; an edit torn by a kill is recovered before the map is read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.errors import InvalidMapError
from argmap.fsutil import journal_path
from argmap.pipeline import build, load_checked
from argmap.watch import LivePreview

from .helpers import BASE

# The map lives in map/, its source's text in seeds/ beside it: outside the map's folder,
# like the curated map's ../shared/seeds.
WITH_FILE = BASE.replace(
    "    date: 2024-03-01\n", "    date: 2024-03-01\n    file: ../seeds/g.txt\n"
)
TEXT = "Jo said: Yes. Sam said: No.\n"


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "map"
    folder.mkdir()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "g.txt").write_text(TEXT, encoding="utf-8")
    map_file = folder / "arguments.yaml"
    map_file.write_text(WITH_FILE, encoding="utf-8")
    return map_file, seeds, tmp_path / "out"


def test_watch_builds_what_build_builds_with_sources_outside_the_map(
    layout: tuple[Path, Path, Path],
) -> None:
    map_file, _, out = layout
    build(map_file, out / "b")  # no error: the text may not be read, so quotes are unverified
    result = LivePreview(str(map_file), str(out / "w")).rebuild()
    assert result.errors == ()
    assert (out / "w" / "index.html").is_file()
    assert [(p.rule, p.level.value) for p in load_checked(map_file).problems] == [
        ("source-file-refused", "error")  # `argmap check` still says so, as an error
    ]


def test_watch_and_build_verify_quotes_from_sources_dir_alike(
    layout: tuple[Path, Path, Path],
) -> None:
    map_file, seeds, out = layout
    assert LivePreview(str(map_file), str(out), sources_dir=str(seeds)).rebuild().errors == ()
    map_file.write_text(WITH_FILE.replace("quote: No.", "quote: Never."), encoding="utf-8")
    with pytest.raises(InvalidMapError) as caught:
        build(map_file, out, sources_dir=seeds)
    from_build = tuple(str(p) for p in caught.value.problems if p.level.value == "error")
    from_watch = LivePreview(str(map_file), str(out), sources_dir=str(seeds)).rebuild().errors
    assert from_watch == from_build
    assert from_watch == (
        f"{map_file}:29:12: error: quote not found in source 'gazette' [quote-not-in-source]",
    )


def test_watch_and_build_take_sources_dir_on_the_command_line(
    layout: tuple[Path, Path, Path],
) -> None:
    map_file, seeds, out = layout
    map_file.write_text(WITH_FILE.replace("quote: No.", "quote: Never."), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["build", "--sources-dir", str(seeds), str(map_file), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {map_file}:29:12: error: quote not found in source 'gazette'"
        " [quote-not-in-source]\n"
    )
    missing = runner.invoke(cli, ["watch", "--sources-dir", str(seeds / "nope"), str(map_file)])
    assert missing.exit_code == 2
    assert "'--sources-dir': Directory" in missing.output
    assert "does not exist" in missing.output


def _torn(map_file: Path, whole: str) -> None:
    """The state a SIGKILL during `argmap fmt` leaves: a complete journal, a torn file."""
    data = whole.encode()
    header = b"argmap-journal 1 %s %d\n" % (hashlib.sha256(data).hexdigest().encode(), len(data))
    journal_path(map_file).write_bytes(header + data)
    map_file.write_bytes(data[: len(data) // 2])


def test_check_recovers_a_torn_map_before_reading_it(layout: tuple[Path, Path, Path]) -> None:
    map_file, seeds, _ = layout
    _torn(map_file, WITH_FILE)
    result = CliRunner().invoke(cli, ["check", "--sources-dir", str(seeds), str(map_file)])
    assert result.output == f"{map_file}: no problems\n"
    assert result.exit_code == 0
    assert map_file.read_text(encoding="utf-8") == WITH_FILE
    assert not journal_path(map_file).exists()


def test_build_recovers_a_torn_map_before_reading_it(layout: tuple[Path, Path, Path]) -> None:
    map_file, seeds, out = layout
    _torn(map_file, WITH_FILE)
    build(map_file, out, sources_dir=seeds)
    assert map_file.read_text(encoding="utf-8") == WITH_FILE
    assert not journal_path(map_file).exists()
