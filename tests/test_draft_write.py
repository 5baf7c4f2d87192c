"""The draft file: a valid map that `argmap check` passes, the same every time, from any text."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checks import check
from argmap.cli import cli
from argmap.draft import draft_article, loads
from argmap.draft.write import scalar
from argmap.model import Actor, ActorKind, ArgumentMap, Claim, Level, Source
from argmap.quotes import find_spans

ARTICLE = """\
Councils back the rooms

Green councillor Jamie Osborn urged the council to back the idea.

He said: “Rooms save lives.

“They also take needles off the streets.”

But Bill Borrett, cabinet member for adult social care, gave the idea short shrift.

He said: “We follow national policy.”

The so-called “shooting galleries” are used abroad.
"""

MAP = ArgumentMap(
    title="T",
    sources=(Source("news", "Councils back the rooms", "unknown", "unknown", file="a.txt"),),
    actors=(Actor("jamie-osborn", "Jamie Osborn", ActorKind.PERSON, role="Green councillor"),),
    claims=(
        Claim("rooms-save-lives", "Drug consumption rooms save lives"),
        Claim("fewer-needles", "Rooms take needles off the streets"),
    ),
)


def write(tmp_path: Path, text: str = ARTICLE) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    return article


def test_draft_without_a_map_passes_check(tmp_path: Path) -> None:
    write(tmp_path)
    draft = draft_article(ARTICLE, "a.txt")
    (tmp_path / "draft.yaml").write_text(draft.text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "draft.yaml")])
    assert result.exit_code == 0, result.output
    assert [(s.speaker, s.quote, s.reported, s.stub) for s in draft.stances] == [
        (
            "Jamie Osborn",
            "Green councillor Jamie Osborn urged the council to back the idea.",
            True,
            True,
        ),
        ("Jamie Osborn", "Rooms save lives.", False, True),
        ("Jamie Osborn", "They also take needles off the streets.", False, True),
        ("Bill Borrett", "We follow national policy.", False, True),
    ]
    assert draft.unattributed == ("shooting galleries",)
    assert draft.new_actors == ("jamie-osborn", "bill-borrett")
    # The first line reads as a title: no review marker on the source.
    assert "    title: 'Councils back the rooms'\n" in draft.text


def test_draft_against_a_map_uses_its_actors_and_closest_claims(tmp_path: Path) -> None:
    draft = draft_article(ARTICLE, "a.txt", MAP, "news")
    by_quote = {s.quote: (s.actor, s.claim, s.stub) for s in draft.stances}
    assert by_quote["Rooms save lives."] == ("jamie-osborn", "rooms-save-lives", False)
    assert by_quote["They also take needles off the streets."] == (
        "jamie-osborn",
        "fewer-needles",
        False,
    )
    assert by_quote["We follow national policy."][1:] == ("follow-national-policy", True)
    assert draft.new_actors == ("bill-borrett",)
    assert (
        "  # line 5: He said -> Jamie Osborn (0.75)\n"
        "  # closest claims in the map: rooms-save-lives 0.69, fewer-needles 0.10\n"
        "  - actor: jamie-osborn\n"
        "    supports: rooms-save-lives\n"
        "    source: news\n"
        "    quote: 'Rooms save lives.'\n"
        "    note: 'TODO: check the speaker (''He said'', confidence 0.75), the claim and the"
        " position'\n"
    ) in draft.text


def test_passages_the_map_already_cites_are_left_out() -> None:
    from dataclasses import replace

    from argmap.model import Position, Stance

    cited = replace(
        MAP,
        stances=(
            Stance(
                "s",
                "jamie-osborn",
                "rooms-save-lives",
                Position.SUPPORTS,
                "news",
                "Rooms save lives.",
            ),
        ),
    )
    draft = draft_article(ARTICLE, "a.txt", cited, "news")
    assert draft.already_mapped == 1
    assert "Rooms save lives." not in [s.quote for s in draft.stances]


def test_the_same_article_gives_the_same_draft() -> None:
    assert (
        draft_article(ARTICLE, "a.txt", MAP, "news").text
        == draft_article(ARTICLE, "a.txt", MAP, "news").text
    )


def test_scalars_read_back_as_the_same_text() -> None:
    for value in [
        "plain-id",
        "yes",
        "It's “curly”",
        " lead",
        "tab\there",
        "nul\x00",
        "\u2028x",
        "é\\",
    ]:
        loaded = loads(f"title: {scalar(value)}\n")
        assert loaded.map.title == value, (value, scalar(value))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_gives_a_draft_that_loads_and_checks(text: str) -> None:
    draft = draft_article(text, "a.txt")
    loaded = loads(draft.text, "draft.yaml")
    assert [p for p in loaded.problems if p.level is Level.ERROR] == []
    errors = [p for p in check(loaded.map, verify_quotes=False) if p.level is Level.ERROR]
    assert errors == []
    for stance in loaded.map.stances:
        assert stance.quote is not None and find_spans(stance.quote, text), stance.quote


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                '"',
                "'",
                "‘",
                "’",
                "said",
                "He",
                "Jo Bloggs",
                ",",
                ".",
                ":",
                "\n\n",
                " ",
                "a spokesperson for",
                "the Home Office",
                "according to",
                "(APPG)",
                "Mr",
                "x",
            ]
        ),
        max_size=60,
    )
)
def test_article_shaped_noise_gives_a_draft_that_loads(parts: list[str]) -> None:
    text = " ".join(parts)
    loaded = loads(draft_article(text, "a.txt").text, "draft.yaml")
    assert [p for p in loaded.problems if p.level is Level.ERROR] == []
    assert [p for p in check(loaded.map, verify_quotes=False) if p.level is Level.ERROR] == []


# --------------------------------------------------------------------------- the command


def test_command_writes_the_draft_and_says_what_is_in_it(tmp_path: Path) -> None:
    article = write(tmp_path)
    out = tmp_path / "out" / "draft.yaml"
    result = CliRunner().invoke(cli, ["draft", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{article}: 4 stances (1 reported), 2 new actors, 4 stub claims,"
        f" 1 passage without a speaker, 0 already in the map; wrote {out}\n"
    )
    assert "    file: '../a.txt'\n" in out.read_text(encoding="utf-8")
    # The article lies outside the draft's folder, so check reads it only when told where.
    checked = CliRunner().invoke(cli, ["check", "--sources-dir", str(tmp_path), str(out)])
    assert checked.exit_code == 0, checked.output


def test_command_refuses_what_is_not_utf8_text(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"caf\xe9 said \xff")
    result = CliRunner().invoke(cli, ["draft", str(article)])
    assert result.exit_code == 1
    assert result.output == f"Error: {article}: is not UTF-8 text\n"


def test_command_needs_an_article_or_a_draft(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["draft"])
    assert result.exit_code == 2
    assert "missing ARTICLE (or --merge DRAFT)" in result.output
    draft = tmp_path / "d.yaml"
    draft.write_text("title: T\n", encoding="utf-8")
    both = CliRunner().invoke(cli, ["draft", "a.txt", "--merge", str(draft)])
    assert both.exit_code == 2
    assert "give either ARTICLE or --merge, not both" in both.output


def test_publisher_only_where_captions_credit_one_and_date_unknown() -> None:
    text = (
        "Jo Bloggs said: “Yes.”\n\nEastern Daily Press: Jo Bloggs\n\n"
        "Sam Cole said: “No.”\n\nEastern Daily Press: Sam Cole (Image: archive)\n"
    )
    draft = draft_article(text, "a.txt", source_id="news")
    assert (
        "  news:\n"
        "    title: 'TODO: title (Jo Bloggs said: “Yes.”)'\n"
        "    publisher: 'Eastern Daily Press'\n"
        "    date: unknown\n"
    ) in draft.text
    once = draft_article("Jo Bloggs said: “Yes.”\n\nEastern Daily Press: Jo Bloggs\n", "a.txt")
    assert "    publisher: unknown\n" in once.text


def test_command_refuses_a_source_id_that_is_not_an_id(tmp_path: Path) -> None:
    article = write(tmp_path)
    result = CliRunner().invoke(cli, ["draft", str(article), "--source", "Bad Id"])
    assert result.exit_code == 2
    assert "Invalid value for --source: not a kebab-case id" in result.output
