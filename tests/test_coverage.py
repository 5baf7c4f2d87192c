"""`argmap coverage`: finding quoted passages, and which of them no stance cites."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.coverage import Passage, SourceCoverage, coverage, quoted_passages
from argmap.load import load_file
from argmap.model import ArgumentMap, Ignored, Position, Source, Stance

FIXTURES = Path(__file__).parent / "fixtures" / "coverage"
MAP = FIXTURES / "map.yaml"
ARTICLE = FIXTURES / "article.txt"
ROOT = Path(__file__).parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def texts_of(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.text) for p in quoted_passages(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said: “No plans.”", [(1, "No plans.")]),
        ('He said: "No plans."', [(1, "No plans.")]),
        (
            "so-called ‘shooting galleries’ and 'safe spaces'.",
            [(1, "shooting galleries"), (1, "safe spaces")],
        ),
        # apostrophes are not quote marks
        ("left outside residents’ front doors; it’s the council’s", []),
        ("Durham's chief said the government's policy hasn't changed", []),
        ("“left outside residents’ front doors”", [(1, "left outside residents’ front doors")]),
        ("\"If it doesn't work, I'll say so.\"", [(1, "If it doesn't work, I'll say so.")]),
        ("the ’90s and 'em", []),
        # a quotation nested in another is part of the outer one
        (
            "“escape ‘drugs are bad, they are banned’ and engage”",
            [(1, "escape ‘drugs are bad, they are banned’ and engage")],
        ),
        (
            "\"we would not support 'consumption rooms' because\"",
            [(1, "we would not support 'consumption rooms' because")],
        ),
        # nothing worth a passage
        ('an empty "" quote and a lone “ mark', []),
    ],
)
def test_quoted_passages(text: str, expected: list[tuple[int, str]]) -> None:
    assert texts_of(text) == expected


def test_a_quotation_over_several_paragraphs_is_one_passage() -> None:
    text = 'Intro.\n\nHe said: “One.\n\n"Two.\n\n“Three."\n\nNarration “four”.'
    assert texts_of(text) == [(3, "One. Two. Three."), (9, "four")]


def test_a_double_quotation_left_open_ends_with_its_paragraph() -> None:
    text = 'He said: "One.\n\nNarration goes on.\n\nShe said "two".'
    assert texts_of(text) == [(1, "One."), (5, "two")]


def test_a_quotation_over_a_wrapped_line_goes_on() -> None:
    assert texts_of('He said "under review\nby the board" today.') == [
        (1, "under review by the board")
    ]


def test_a_quotation_left_open_at_the_end_of_the_text() -> None:
    assert texts_of("He said: “No plans\n") == [(1, "No plans")]


def test_passage_offsets_are_the_words_inside_the_marks() -> None:
    text = "A \u201cb\n\n\u201cc\u201d."
    [passage] = quoted_passages(text)
    assert passage == Passage("b c", 1, 3, 8)
    assert text[passage.start : passage.end] == "b\n\n\u201cc"


def test_coverage_of_the_fixture_map() -> None:
    amap = load_file(str(MAP)).map
    [report] = coverage(amap, {"gazette": ARTICLE.read_text(encoding="utf-8")})
    assert report.source == "gazette"
    assert [(p.line, p.text) for p in report.passages] == [
        (1, "safe space"),
        (1, "health bosses"),
        (3, "stop people taking drugs outside residents’ front doors"),
        (5, "It's not for us to decide. We follow national policy, which hasn't changed."),
        (9, "I do see some benefits. But the dealers are criminals. I am not persuaded."),
        (15, "shooting galleries"),
        (15, "make life easier for dealers"),
        (17, "a ‘safe space’ for nobody"),
        (19, "under review by the board"),
    ]
    assert [p.line for p in report.unmapped] == [1, 1, 9, 15, 17, 19]
    assert report.mapped == 3
    assert [i.passage for i in report.stale_ignored] == ["safe spaces"]


def test_a_passage_is_cited_when_a_quote_overlaps_it() -> None:
    text = "He said “one two three” and “four”."

    def unmapped(quote: str) -> list[str]:
        stance = Stance("x", "a", "c", Position.SUPPORTS, "s", quote=quote)
        amap = ArgumentMap(
            title="T", sources=(Source("s", "T", "P", "unknown"),), stances=(stance,)
        )
        [report] = coverage(amap, {"s": text})
        return [p.text for p in report.unmapped]

    assert unmapped("two") == ["four"]  # inside the passage
    assert unmapped("He said “one two three” and") == ["four"]  # around it
    assert unmapped("three” and “four") == []  # across two
    assert unmapped("and") == ["one two three", "four"]  # narration only


def test_ignored_passages_match_white_space_and_quote_marks_aside() -> None:
    amap = ArgumentMap(
        title="T",
        sources=(Source("s", "T", "P", "unknown"),),
        ignored=(Ignored("s", "it's  safe", "a term"),),
    )
    assert coverage(amap, {"s": "so-called ‘it’s\nsafe’ here"}) == [
        SourceCoverage("s", (Passage("it’s safe", 1, 11, 20),), (), ())
    ]


def test_sources_without_a_text_are_left_out() -> None:
    amap = ArgumentMap(title="T", sources=(Source("s", "T", "P", "unknown"),))
    assert coverage(amap, {}) == []


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_coverage_command_lists_what_is_left(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["coverage", str(MAP)])
    assert result.exit_code == 1
    assert result.stdout == (
        f'{ARTICLE}:1: not mapped: "safe space"\n'
        f'{ARTICLE}:1: not mapped: "health bosses"\n'
        f'{ARTICLE}:9: not mapped: "I do see some benefits. But the dealers are criminals.'
        ' I am not persuaded."\n'
        f'{ARTICLE}:15: not mapped: "make life easier for dealers"\n'
        f'{ARTICLE}:17: not mapped: "a ‘safe space’ for nobody"\n'
        f'{ARTICLE}:19: not mapped: "under review by the board"\n'
        f"{MAP}:47:5: ignored passage \"safe spaces\" is not a quoted passage of source 'gazette'\n"
        "gazette: 3 of 9 quoted passages mapped\n"
    )
    assert result.stderr == ""


def test_coverage_command_exits_0_when_all_is_mapped(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "He said “No plans.” and ‘shooting galleries’.\n", encoding="utf-8"
    )
    (tmp_path / "map.yaml").write_text(
        MAP.read_text(encoding="utf-8")
        .replace("article.txt", "a.txt")
        .replace("stop people taking drugs outside residents’ front doors", "No plans.")
        .replace("passage: safe spaces", "passage: shooting galleries"),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["coverage", str(tmp_path / "map.yaml")])
    assert (result.exit_code, result.stdout) == (0, "gazette: 2 of 2 quoted passages mapped\n")


def test_coverage_command_with_a_missing_text(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(MAP.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(cli, ["coverage", str(tmp_path / "map.yaml")])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{tmp_path / 'map.yaml'}:7:11: warning: source file '{tmp_path / 'article.txt'}'"
        " not found; its quotes are not verified [missing-source-file]\n"
    )


def test_coverage_command_with_a_sources_dir(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("“Nothing else.”", encoding="utf-8")
    result = runner.invoke(cli, ["coverage", str(MAP), "--sources-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[0]
        == f'{tmp_path / "article.txt"}:1: not mapped: "Nothing else."'
    )


def test_coverage_command_on_a_file_that_is_not_a_map(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("- a list\n", encoding="utf-8")
    result = runner.invoke(cli, ["coverage", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{tmp_path / 'x.yaml'}:1:1: error: ")
    assert "Traceback" not in result.stderr


def test_coverage_help_states_the_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["coverage", "--help"])
    assert result.exit_code == 0
    assert "Exit code 0 when every quoted passage is mapped or ignored, 1 when some are not" in (
        " ".join(result.output.split())
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not checked out")
def test_the_curated_map_maps_or_ignores_every_quoted_passage(runner: CliRunner) -> None:
    # The articles sit outside the map's folder: they are read only from --sources-dir.
    result = runner.invoke(
        cli, ["coverage", str(ROOT / "arguments.yaml"), "--sources-dir", str(SEEDS)]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "norwich-pilot-rejected: 5 of 5 quoted passages mapped\n"
        "norwich-county-lines: 4 of 4 quoted passages mapped\n"
        "southampton-drug-litter: 10 of 10 quoted passages mapped\n"
        "durham-pcc-heroin: 6 of 6 quoted passages mapped\n"
        "appg-letter-scotland: 15 of 15 quoted passages mapped\n"
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not checked out")
def test_the_curated_map_passes_a_strict_check(runner: CliRunner) -> None:
    path = str(ROOT / "arguments.yaml")
    result = runner.invoke(
        cli, ["check", "--strict", path, "--sources-dir", str(SEEDS)], env={"GITHUB_ACTIONS": ""}
    )
    assert (result.exit_code, result.output) == (0, f"{path}: no problems\n")
