"""`argmap draft --merge`: reviewed entries into the map, unreviewed ones refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.draft import draft_article, loads
from argmap.draft.merge import MergeError, UnreviewedError, merge_draft

ARTICLE = """\
Councils back the rooms

Green councillor Jamie Osborn urged the council to back the idea.

He said: “Rooms save lives.”
"""

MAP = """\
title: T
sources:
  news:
    title: Councils back the rooms
    publisher: unknown
    date: unknown
    file: a.txt
actors:
  jamie-osborn:  # the Green councillor
    name: Jamie Osborn
    kind: person
claims:
  rooms-save-lives:
    text: Drug consumption rooms save lives
stances: []
# the end of the map
"""


def reviewed(draft: str) -> str:
    """What a curator does: every TODO resolved, review notes deleted."""
    lines = [line for line in draft.splitlines() if not line.startswith("    note: 'TODO")]
    return "\n".join(lines).replace("TODO: ", "") + "\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    map_file = tmp_path / "arguments.yaml"
    map_file.write_text(MAP, encoding="utf-8")
    draft = draft_article(ARTICLE, "a.txt", loads(MAP).map, "news")
    draft_file = tmp_path / "draft.yaml"
    draft_file.write_text(draft.text, encoding="utf-8")
    return tmp_path, map_file, draft_file


def test_an_unreviewed_draft_is_refused_with_every_marked_value(
    files: tuple[Path, Path, Path],
) -> None:
    _, map_file, draft_file = files
    with pytest.raises(UnreviewedError) as raised:
        merge_draft(draft_file.read_text(), "draft.yaml", MAP, str(map_file))
    assert [(p.loc.line, p.message) for p in raised.value.problems] == [
        (
            28,
            "claim 'green-councillor-jamie-osborn-urged' is not reviewed: its text starts with TODO",
        ),
        (
            38,
            "stance 'jamie-osborn/supports/green-councillor-jamie-osborn-urged' is not reviewed:"
            " its note starts with TODO",
        ),
        (
            45,
            "stance 'jamie-osborn/supports/rooms-save-lives' is not reviewed:"
            " its note starts with TODO",
        ),
    ]
    result = CliRunner().invoke(cli, ["draft", "--merge", str(draft_file), "--map", str(map_file)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Error: nothing merged: 3 values still start with TODO"
    assert map_file.read_text() == MAP


def test_reviewed_entries_are_merged_and_the_maps_comments_kept(
    files: tuple[Path, Path, Path],
) -> None:
    _, map_file, draft_file = files
    draft_file.write_text(reviewed(draft_file.read_text()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft", "--merge", str(draft_file), "--map", str(map_file)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "added claim 'green-councillor-jamie-osborn-urged'\n"
        "added stance 'jamie-osborn/supports/green-councillor-jamie-osborn-urged'\n"
        "added stance 'jamie-osborn/supports/rooms-save-lives'\n"
        f"merged 3 entries from {draft_file} into {map_file}\n"
    )
    text = map_file.read_text()
    assert "  jamie-osborn:  # the Green councillor\n" in text
    assert text.endswith("# the end of the map\n")
    assert (
        "  - actor: jamie-osborn\n"
        "    supports: rooms-save-lives\n"
        "    source: news\n"
        "    quote: Rooms save lives.\n"
    ) in text
    checked = CliRunner().invoke(cli, ["check", "--strict", str(map_file)])
    assert checked.exit_code == 0, checked.output
    # A second merge finds everything already there and adds nothing.
    again = CliRunner().invoke(cli, ["draft", "--merge", str(draft_file), "--map", str(map_file)])
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[-1] == f"merged 0 entries from {draft_file} into {map_file}"


def test_a_new_source_and_actor_come_in_with_the_file_path_of_the_map(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    draft = draft_article(ARTICLE, "../articles/a.txt", None, "news")
    empty = "title: T\nsources: {}\nactors: {}\nclaims: {}\nstances: []\n"
    merged = merge_draft(
        reviewed(draft.text), str(drafts / "d.yaml"), empty, str(tmp_path / "m.yaml")
    )
    assert merged.added[:2] == ("source 'news'", "actor 'jamie-osborn'")
    assert "    file: articles/a.txt\n" in merged.text
    assert "    role: Green councillor\n" in merged.text


def test_an_entry_the_map_would_reject_stops_the_merge(files: tuple[Path, Path, Path]) -> None:
    _, map_file, draft_file = files
    text = reviewed(draft_file.read_text()).replace(
        "'Rooms save lives.'", "'Rooms save all lives.'"
    )
    with pytest.raises(MergeError) as raised:
        merge_draft(text, "draft.yaml", MAP, str(map_file))
    assert str(raised.value) == (
        "draft.yaml: stance 'jamie-osborn/supports/rooms-save-lives': not added: quote not found"
        " in source 'news'; nearest passage: \"said: “Rooms save lives.\""
    )
