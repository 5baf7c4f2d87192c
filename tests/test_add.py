"""`argmap add`: entries validated, placed where a curator would, comments kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.add import AddError, add_entry
from argmap.cli import cli
from argmap.commands import add as add_command
from argmap.fmt import format_text
from argmap.load import loads

from .helpers import COMMENTED_MAP as MAP


def added(what: str, /, **fields: object) -> str:
    return add_entry(MAP, "arguments.yaml", what, fields).text


def test_the_base_map_is_formatted() -> None:
    assert format_text(MAP) == MAP


def test_stance_goes_after_the_actors_last_stance_before_the_next_comment() -> None:
    text = added("stance", actor="jo", supports="saves", source="herald", quote="Maybe.")
    assert text == MAP.replace(
        "    quote: Yes.  # her words\n",
        "    quote: Yes.  # her words\n"
        "  - actor: jo\n    supports: saves\n    source: herald\n    quote: Maybe.\n",
    )


def test_stance_of_a_new_speaker_goes_at_the_end_before_the_trailing_comment() -> None:
    text = added("stance", actor="sam", neutral="allow", source="herald", reported=True)
    assert text == MAP.replace(
        "    quote: No.\n# the end\n",
        "    quote: No.\n  - actor: sam\n    neutral: allow\n    source: herald\n"
        "    reported: true\n# the end\n",
    )


def test_stance_with_all_fields_in_canonical_order() -> None:
    result = add_entry(
        MAP,
        "arguments.yaml",
        "stance",
        {
            "note": "check",
            "quote": "Allow it, she said.",
            "reported": True,
            "date": "2024-02",
            "source": "herald",
            "opposes": "saves",
            "actor": "jo",
            "id": "jo-changed",
        },
    )
    assert result.entry == "stance 'jo-changed'"
    assert (
        "  - id: jo-changed\n    actor: jo\n    opposes: saves\n    source: herald\n"
        "    date: 2024-02\n    reported: true\n    quote: Allow it, she said.\n"
        "    note: check\n  # The Herald\n"
    ) in result.text


def test_actor_and_claim_go_after_the_last_of_their_kind() -> None:
    text = added("actor", id="amy", name="Amy", kind="person", affiliations=["jo"])
    assert text == MAP.replace(
        "    name: Sam\n    kind: person\n",
        "    name: Sam\n    kind: person\n  amy:\n    name: Amy\n    kind: person\n"
        "    affiliations: [jo]\n",
    )
    text = added("claim", id="cost", text="It costs: a lot", kind="evidence", source="gazette")
    assert text == MAP.replace(
        "    text: It saves lives\n",
        "    text: It saves lives\n  cost:\n    kind: evidence\n    text: 'It costs: a lot'\n"
        "    source: gazette\n",
    )


def test_relation_goes_at_the_end_and_its_id_is_reported() -> None:
    result = add_entry(MAP, "arguments.yaml", "relation", {"from": "allow", "attacks": "saves"})
    assert result.entry == "relation 'allow/attacks/saves'"
    assert result.text == MAP + "  - from: allow\n    attacks: saves\n"


def test_the_result_loads_to_the_old_map_plus_the_entry() -> None:
    before = loads(MAP).map
    after = loads(added("stance", actor="sam", supports="allow", source="gazette", quote="X")).map
    assert after.stances[:2] == before.stances
    assert (after.stances[2].actor, after.stances[2].claim, after.stances[2].quote) == (
        "sam",
        "allow",
        "X",
    )
    assert (after.actors, after.claims, after.relations) == (
        before.actors,
        before.claims,
        before.relations,
    )


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        (
            "stance",
            {"actor": "joe", "supports": "allow", "source": "gazette", "quote": "Q"},
            "unknown actor 'joe'; did you mean 'jo'?",
        ),
        (
            "stance",
            {"actor": "jo", "supports": "alow", "source": "gazette", "quote": "Q"},
            "unknown claim 'alow'; did you mean 'allow'?",
        ),
        (
            "stance",
            {"actor": "jo", "supports": "allow", "source": "gazete", "quote": "Q"},
            "unknown source 'gazete'; did you mean 'gazette'?",
        ),
        (
            "relation",
            {"from": "saves", "supports": "nothing-like-it"},
            "unknown claim 'nothing-like-it'",
        ),
        (
            "actor",
            {"id": "amy", "name": "A", "kind": "person", "affiliations": ["sma"]},
            "unknown actor 'sma'; did you mean 'sam'?",
        ),
        ("actor", {"id": "sam", "name": "S", "kind": "person"}, "the id 'sam' is already used"),
        ("claim", {"id": "gazette", "text": "T"}, "the id 'gazette' is already used"),
        ("claim", {"id": "Big Claim", "text": "T"}, "'Big Claim' is not a kebab-case id"),
        (
            "stance",
            {"actor": "jo", "opposes": "allow", "source": "herald", "quote": "No."},
            "not added: actor 'jo' both supports and opposes claim 'allow'",
        ),
        (
            "stance",
            {"actor": "jo", "supports": "allow", "source": "herald"},
            "not added: stance 'jo/supports/allow/herald' has no quote",
        ),
    ],
)
def test_refused(kind: str, fields: dict[str, object], message: str) -> None:
    with pytest.raises(AddError) as error:
        add_entry(MAP, "arguments.yaml", kind, fields)
    assert str(error.value).startswith(message)


# --------------------------------------------------------------------------- the CLI


@pytest.fixture
def mapfile(tmp_path: Path) -> Path:
    path = tmp_path / "arguments.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path


def test_cli_adds_a_stance(mapfile: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "add",
            "stance",
            "-f",
            str(mapfile),
            "--actor",
            "sam",
            "--supports",
            "allow",
            "--source",
            "gazette",
            "--quote",
            "Fine.",
        ],
    )
    assert (result.exit_code, result.output) == (
        0,
        f"added stance 'sam/supports/allow' to {mapfile}\n",
    )
    assert "  - actor: sam\n    supports: allow\n    source: gazette\n    quote: Fine.\n" in (
        mapfile.read_text(encoding="utf-8")
    )


def test_cli_refusal_leaves_the_file(mapfile: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "add",
            "stance",
            "-f",
            str(mapfile),
            "--actor",
            "sma",
            "--supports",
            "allow",
            "--source",
            "gazette",
            "--quote",
            "Fine.",
        ],
    )
    assert (result.exit_code, result.output) == (
        1,
        "Error: unknown actor 'sma'; did you mean 'sam'?\n",
    )
    assert mapfile.read_text(encoding="utf-8") == MAP


def test_cli_missing_field_is_a_usage_error_without_a_terminal(mapfile: Path) -> None:
    result = CliRunner().invoke(cli, ["add", "stance", "-f", str(mapfile), "--actor", "sam"])
    assert result.exit_code == 2
    assert result.output.endswith("Error: missing one of --supports/--opposes/--neutral\n")
    both = CliRunner().invoke(
        cli,
        [
            "add",
            "relation",
            "-f",
            str(mapfile),
            "--from",
            "saves",
            "--supports",
            "allow",
            "--attacks",
            "allow",
        ],
    )
    assert both.exit_code == 2
    assert both.output.endswith("Error: give only one of --supports/--attacks\n")


def test_cli_prompts_in_a_terminal(mapfile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(add_command, "_interactive", lambda: True)
    result = CliRunner().invoke(
        cli,
        ["add", "stance", "-f", str(mapfile), "--actor", "sam"],
        input="supports\nallow\ngazette\nFine by me.\n",
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Position (supports, opposes, neutral): supports\nClaim: allow\nSource: gazette\n"
        f"Quote: Fine by me.\nadded stance 'sam/supports/allow' to {mapfile}\n"
    )
    assert "    quote: Fine by me.\n" in mapfile.read_text(encoding="utf-8")


def test_empty_and_missing_sections_get_their_first_entry() -> None:
    text = (
        "title: T\nsources:\n  s:\n    title: S\n    publisher: P\n    date: unknown\n"
        "actors:\nclaims:\n  c:\n    text: C\n  d:\n    text: D\nstances: []\n# the end\n"
    )
    text = add_entry(text, "m.yaml", "actor", {"id": "a", "name": "A", "kind": "person"}).text
    text = add_entry(
        text, "m.yaml", "stance", {"actor": "a", "supports": "c", "source": "s", "quote": "Q"}
    ).text
    text = add_entry(text, "m.yaml", "relation", {"from": "d", "attacks": "c"}).text
    assert text == (
        "title: T\nsources:\n  s:\n    title: S\n    publisher: P\n    date: unknown\n"
        "actors:\n  a:\n    name: A\n    kind: person\nclaims:\n  c:\n    text: C\n  d:\n    text: D\n"
        "stances:\n  - actor: a\n    supports: c\n    source: s\n    quote: Q\n"
        "relations:\n  - from: d\n    attacks: c\n# the end\n"
    )
