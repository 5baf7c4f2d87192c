"""`fmt` keeps every comment, in every position of the corpus in tests/fixtures/comments/.

Each file there puts comments where issue 16 found `fmt` (or `add`, which formats) losing
or moving them: inside flow collections, between a key and its value, before `%YAML` and
`%TAG`, after `...`, between `-` and an entry's first key; plus the ordinary positions.
The comparison is of the comments themselves (`comment_words`), not only of the data.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.add import add_entry
from argmap.cli import cli
from argmap.comments import comment_words, find_comments
from argmap.fmt import FormatError, check_comments_kept, format_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "fixtures" / "comments").glob("*.yaml"))


def test_the_corpus_covers_every_position_of_the_issue() -> None:
    assert [p.stem for p in CORPUS] == [
        "block-scalar",
        "dash-first-key",
        "directive",
        "document-end",
        "flow-mapping",
        "flow-nested-many",
        "flow-sequence",
        "key-value",
        "ordinary",
        "tag-directive",
    ]


@pytest.mark.parametrize("path", [*CORPUS, ROOT / "arguments.yaml"], ids=lambda p: p.stem)
def test_every_comment_is_kept_and_fmt_is_idempotent(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    formatted = format_text(text, str(path))
    assert comment_words(formatted) == comment_words(text)
    assert sum(comment_words(text).values()) >= 1
    assert format_text(formatted, str(path)) == formatted


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_fmt_check_passes_right_after_fmt(path: Path, tmp_path: Path) -> None:
    target = tmp_path / "arguments.yaml"
    target.write_bytes(path.read_bytes())
    assert CliRunner().invoke(cli, ["fmt", str(target)]).exit_code == 0
    again = CliRunner().invoke(cli, ["fmt", "--check", str(target)])
    assert (again.exit_code, again.output) == (0, "")
    assert comment_words(target.read_text(encoding="utf-8")) == comment_words(path.read_text())


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_add_keeps_every_comment_too(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    added = add_entry(text, str(path), "actor", {"id": "zed", "name": "Zed", "kind": "person"})
    assert comment_words(added.text) == comment_words(text)
    assert "  zed:\n    name: Zed\n    kind: person\n" in added.text
    assert format_text(added.text, str(path)) == added.text


def test_a_comment_inside_a_flow_list_moves_to_its_closing_line() -> None:
    text = (ROOT / "tests/fixtures/comments/flow-sequence.yaml").read_text(encoding="utf-8")
    assert "    affiliations: [greens, labour] # c-flow-seq after the first item\n" in format_text(
        text
    )


def test_the_prologue_and_epilogue_stay_as_written() -> None:
    text = (ROOT / "tests/fixtures/comments/tag-directive.yaml").read_text(encoding="utf-8")
    assert format_text(text) == text


def test_a_comment_before_yaml_directive_stays() -> None:
    text = (ROOT / "tests/fixtures/comments/directive.yaml").read_text(encoding="utf-8")
    assert format_text(text).startswith("# c-directive before %YAML\n%YAML 1.1\n---\ntitle: T\n")


def test_a_comment_after_the_end_marker_stays() -> None:
    text = (ROOT / "tests/fixtures/comments/document-end.yaml").read_text(encoding="utf-8")
    assert format_text(text).endswith("stances: []\n...\n# c-after-end after the end marker\n")


def test_the_scanner_sees_no_comment_in_quotes_or_block_scalars() -> None:
    text = "a: 'x # no'\nb: \"y # no\"\nc: |\n  z # no\nd: [1, 2]  # yes\ne: f#no\n"
    assert [(c.line, c.col, c.text) for c in find_comments(text)] == [(4, 11, "# yes")]


def test_a_lost_comment_is_refused_with_its_line() -> None:
    with pytest.raises(FormatError) as caught:
        check_comments_kept("a: 1\nb: 2  # keep me\n", "a: 1\nb: 2\n", "m.yaml")
    assert str(caught.value) == (
        "m.yaml: formatting would drop the comment at line 2; the file is left as it is"
    )
