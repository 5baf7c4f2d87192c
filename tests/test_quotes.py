"""Quote verification: quotes must occur verbatim in their source's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.checks import check
from argmap.cli import cli
from argmap.load import load_file
from argmap.model import (
    ArgumentMap,
    Level,
    Location,
    Position,
    Problem,
    Source,
    Stance,
)
from argmap.quotes import (
    find_spans,
    nearest_passage,
    normalise,
    read_source_texts,
    source_path,
    verify_quotes,
)

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
MAP = FIXTURES / "map.yaml"


def test_normalise_collapses_white_space_and_folds_quote_marks() -> None:
    assert (
        normalise("  It\u2019s  a \u2018safe\u2019\n\n \u201cspace\u201d ")
        == "It's a 'safe' \"space\""
    )


def test_normalise_keeps_everything_else() -> None:
    assert normalise("Southampton \u2013 so") == "Southampton \u2013 so"


def test_find_spans_maps_matches_back_to_the_original_text() -> None:
    text = "He said: \u201cno\n\n\u201cplans\u201d. Then \u201cno \u201cplans\u201d again."
    assert find_spans('no "plans', text) == [(10, 20), (29, 38)]
    assert [text[a:b] for a, b in find_spans('no "plans', text)] == [
        "no\n\n\u201cplans",
        "no \u201cplans",
    ]


def test_find_spans_of_an_absent_or_empty_quote() -> None:
    assert find_spans("yes plans", "no plans") == []
    assert find_spans("  \n", "no plans") == []


def test_nearest_passage_shows_the_article_own_characters() -> None:
    text = "Intro.\n\nMeacher said the Home Office was \u201cputting ideology before people\u2019s lives\u201d."
    assert nearest_passage("putting ideology before peoples lives", text) == (
        "putting ideology before people\u2019s lives"
    )


def test_nearest_passage_grows_to_cover_missing_words() -> None:
    text = "Smith added: Nobody has ever died of an overdose in one of these centres. Next."
    assert nearest_passage("Nobody has died of an overdose in these centres.", text) == (
        "Nobody has ever died of an overdose in one of these centres."
    )


def test_nearest_passage_without_a_word_in_common() -> None:
    assert nearest_passage("zebra quantum", "No plans at all.") is None
    assert nearest_passage("", "No plans at all.") is None
    assert nearest_passage("plans", "") is None


def test_nearest_passage_in_a_long_text() -> None:
    filler = "The council met on Thursday and discussed the budget for the year. " * 5_000
    text = filler + "Bristol said running them would be an offence under the law. " + filler
    assert nearest_passage("running them would be a offence under law", text) == (
        "running them would be an offence under the law."
    )


def test_verify_quotes_on_the_fixture_map() -> None:
    loaded = load_file(str(MAP))
    texts = {"gazette": (FIXTURES / "article.txt").read_text(encoding="utf-8")}
    found = verify_quotes(loaded.map, texts)
    path = str(MAP)
    assert found == [
        Problem(
            Location(path, 47, 12),
            Level.ERROR,
            "quote not found in source 'gazette'",
            "quote-not-in-source",
            'nearest passage: "keep needles off the streets of the city"',
        ),
        Problem(
            Location(path, 53, 12),
            Level.ERROR,
            "quote not found in source 'gazette'",
            "quote-not-in-source",
            None,
        ),
    ]


def test_a_stance_built_in_code_is_located_at_the_map() -> None:
    amap = ArgumentMap(
        title="T",
        sources=(Source("s", "T", "P", "unknown"),),
        stances=(Stance("a/supports/c", "a", "c", Position.SUPPORTS, "s", quote="not there"),),
        path="maps/x.yaml",
    )
    found = verify_quotes(amap, {"s": "Something else entirely."})
    assert [(str(p.loc), p.message, p.hint) for p in found] == [
        ("maps/x.yaml:1:1", "quote not found in source 's'", None)
    ]


def test_stances_without_a_quote_or_a_text_are_not_checked() -> None:
    amap = ArgumentMap(
        title="T",
        stances=(
            Stance("1", "a", "c", Position.SUPPORTS, "s", reported=True),
            Stance("2", "a", "c", Position.SUPPORTS, "other", quote="anything"),
        ),
    )
    assert verify_quotes(amap, {"s": "text"}) == []


def test_read_source_texts_reads_and_warns_at_the_file_field() -> None:
    amap = load_file(str(MAP)).map
    texts, problems = read_source_texts(amap, FIXTURES)
    assert texts == {"gazette": (FIXTURES / "article.txt").read_text(encoding="utf-8")}
    assert problems == [
        Problem(
            Location(str(MAP), 12, 11),
            Level.WARNING,
            f"source file '{FIXTURES / 'missing.txt'}' not found",
            "missing-source-file",
            "its quotes are not verified",
        )
    ]


def _one_source(file: str | None) -> ArgumentMap:
    return ArgumentMap(title="T", sources=(Source("s", "T", "P", "unknown", file=file),))


def test_read_source_texts_of_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"caf\xe9")
    texts, problems = read_source_texts(_one_source("a.txt"), tmp_path)
    assert texts == {}
    assert [p.message for p in problems] == [
        f"source file '{tmp_path / 'a.txt'}' is not UTF-8 text"
    ]


def test_read_source_texts_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").mkdir()
    texts, problems = read_source_texts(_one_source("a.txt"), tmp_path)
    assert texts == {}
    assert [(p.level, p.rule, p.message) for p in problems] == [
        (
            Level.ERROR,
            "source-file-refused",
            f"source file '{tmp_path / 'a.txt'}' is not a regular file",
        )
    ]


def test_read_source_texts_strips_a_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffNo plans.".encode())
    assert read_source_texts(_one_source("a.txt"), tmp_path) == ({"s": "No plans."}, [])


def test_sources_without_a_file_are_skipped(tmp_path: Path) -> None:
    assert read_source_texts(_one_source(None), tmp_path) == ({}, [])
    assert read_source_texts(_one_source(None), tmp_path, tmp_path) == ({}, [])


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        (["texts/seeds/a.txt", "texts/a.txt"], "texts/seeds/a.txt"),  # as written wins
        (["texts/a.txt"], "texts/a.txt"),  # else by file name
        ([], "texts/seeds/a.txt"),  # neither: reported as written
    ],
)
def test_source_path_in_a_sources_dir(tmp_path: Path, present: list[str], expected: str) -> None:
    for name in present:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    source = Source("s", "T", "P", "unknown", file="seeds/a.txt")
    assert source_path(source, tmp_path / "maps", tmp_path / "texts") == tmp_path / expected
    assert source_path(source, tmp_path / "maps") == tmp_path / "maps" / "seeds" / "a.txt"


def test_check_reports_quote_problems_with_the_other_rules() -> None:
    problems = check(load_file(str(MAP)).map)
    assert [(p.loc.line, p.rule) for p in problems] == [
        (12, "missing-source-file"),
        (47, "quote-not-in-source"),
        (53, "quote-not-in-source"),
    ]


def test_check_command_with_a_sources_dir(tmp_path: Path) -> None:
    (tmp_path / "missing.txt").write_text("anything at all", encoding="utf-8")
    (tmp_path / "article.txt").write_text(
        (FIXTURES / "article.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["check", str(MAP), "--sources-dir", str(tmp_path)], env={"GITHUB_ACTIONS": ""}
    )
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{MAP}:47:12: error: quote not found in source 'gazette';"
        ' nearest passage: "keep needles off the streets of the city" [quote-not-in-source]',
        f"{MAP}:53:12: error: quote not found in source 'gazette' [quote-not-in-source]",
        "2 problems (2 errors, 0 warnings)",
    ]
