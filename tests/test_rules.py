"""The rule registry: every reported id is registered, and rules can be configured."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import checks
from argmap.checks import CHECKS, Registered, check
from argmap.cli import cli
from argmap.config import parse_config
from argmap.errors import InvalidMapError, LoadError
from argmap.load import loads
from argmap.model import Level, Location
from argmap.pipeline import load_valid
from argmap.rules import RULES, Config, ConfigError, Stage, UnknownRuleError, lookup, problem

from .helpers import BASE

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TODAY = dt.date(2025, 1, 1)
# An orphan claim at 15:3 (a warning) and an unknown claim at 24:15 (an error).
TWO = BASE.replace("claims:\n", "claims:\n  lonely:\n    text: Nobody says this\n").replace(
    "supports: allow\n    source", "supports: alow\n    source"
)
ENV = {"GITHUB_ACTIONS": ""}


# ---------------------------------------------------------------------------- registry


def test_each_rule_of_the_check_stage_belongs_to_exactly_one_check() -> None:
    registered = [rule for entry in CHECKS for rule in entry.rules]
    assert len(registered) == len(set(registered))
    assert set(registered) == {r.id for r in RULES.values() if r.stage is Stage.CHECK}


def test_the_registry_counts() -> None:
    stages = [(r.stage.value, r.fatal) for r in RULES.values()]
    assert (len(RULES), stages.count(("load", True)), stages.count(("load", False))) == (
        44,  # with key-too-long and unicode-line-break (two fatal load rules)
        12,
        7,
    )
    assert (stages.count(("check", False)), stages.count(("quotes", False))) == (22, 3)
    assert [r.id for r in RULES.values() if r.level is Level.WARNING] == [
        "incoherent-actor",
        "circular-support",
        "orphan-claim",
        "idle-actor",
        "unused-source",
        "missing-source-file",
    ]


def test_every_rule_the_fixture_reports_is_registered_at_its_level() -> None:
    loaded = loads((FIXTURES / "every_problem.yaml").read_text(), "every_problem.yaml")
    found = [*loaded.problems, *check(loaded.map, today=TODAY)]
    assert {(p.rule, p.level) for p in found} <= {(r.id, r.level) for r in RULES.values()}
    # The fixture shows every rule of the map's checks.
    assert {p.rule for p in found} >= {r.id for r in RULES.values() if r.stage is Stage.CHECK} - {
        "unknown-actor",
        "unknown-source",
        "duplicate-stance",
    }


def test_an_unregistered_rule_id_cannot_be_made() -> None:
    with pytest.raises(UnknownRuleError) as caught:
        problem("orphan-claims", Location("a.yaml", 1, 1), "x")
    assert str(caught.value) == "unknown rule 'orphan-claims'; did you mean 'orphan-claim'?"
    assert str(UnknownRuleError("zzzz")) == "unknown rule 'zzzz'"


def test_a_check_reporting_a_rule_it_is_not_registered_for_fails_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def sloppy(amap: object, today: dt.date) -> object:
        yield problem("idle-actor", Location("a.yaml", 1, 1), "not mine")

    monkeypatch.setattr(checks, "CHECKS", (Registered(sloppy, frozenset({"orphan-claim"})),))
    with pytest.raises(RuntimeError) as caught:
        check(loads(BASE).map, today=TODAY)
    assert str(caught.value) == "a check reported rule 'idle-actor' it is not registered for"


def test_a_check_cannot_be_registered_for_a_rule_of_another_stage() -> None:
    with pytest.raises(ValueError) as caught:
        checks.registered(checks.dates, "invalid-date", "syntax")
    assert str(caught.value) == "rule 'syntax' is not a check of the map"


# ---------------------------------------------------------------------------- sorted once


def test_check_returns_problems_sorted_across_rules() -> None:
    # unused_entries runs after unknown_references, but its problem comes first in the file.
    text = BASE.replace(
        "actors:\n", "  herald:\n    title: H\n    publisher: P\n    date: 2024\nactors:\n"
    )
    text = text.replace("supports: allow\n    source", "supports: alow\n    source")
    found = check(loads(text).map, today=TODAY)
    assert [(p.loc.line, p.rule) for p in found] == [(7, "unused-source"), (26, "unknown-claim")]


def test_loads_returns_the_composers_and_the_builders_problems_sorted() -> None:
    # The duplicate key (found while composing) lies below the unknown key (found building).
    text = BASE.replace("    publisher: P\n", "    publisher: P\n    colour: red\n").replace(
        "    text: It saves lives\n", "    text: It saves lives\n    text: again\n"
    )
    found = loads(text).problems
    assert [(p.loc.line, p.rule) for p in found] == [(6, "unknown-key"), (21, "duplicate-key")]


# ---------------------------------------------------------------------------- config


def test_config_disables_and_changes_levels() -> None:
    amap = loads(TWO).map
    config = Config.of(["unknown-claim"], {"orphan-claim": "error"})
    found = check(amap, today=TODAY, config=config)
    assert [(p.loc.line, p.level, p.rule) for p in found] == [(15, Level.ERROR, "orphan-claim")]
    assert check(amap, today=TODAY, config=Config.of(["unknown-claim", "orphan-claim"])) == []


def test_a_level_on_the_command_line_switches_a_disabled_rule_back_on() -> None:
    merged = Config.of(["orphan-claim", "idle-actor"]).merged(
        Config.of([], {"orphan-claim": "warning"})
    )
    assert (merged.disabled, dict(merged.levels)) == (
        frozenset({"idle-actor"}),
        {"orphan-claim": Level.WARNING},
    )


@pytest.mark.parametrize(
    ("disable", "levels", "message"),
    [
        (["syntax"], {}, "rule 'syntax' stops the loader and cannot be disabled"),
        (
            [],
            {"unknown-key": "warning"},
            "rule 'unknown-key' is checked while reading the file and cannot be given another level",
        ),
        (
            [],
            {"orphan-claim": "fatal"},
            "level 'fatal' of rule 'orphan-claim' is not one of error, warning",
        ),
    ],
)
def test_what_cannot_be_configured(
    disable: list[str], levels: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        Config.of(disable, levels)
    assert str(caught.value) == message


def test_lookup_suggests() -> None:
    assert lookup("idle-actor").summary.startswith("an actor with no stance")
    with pytest.raises(
        UnknownRuleError, match=r"^unknown rule 'idel-actor'; did you mean 'idle-actor'\?$"
    ):
        lookup("idel-actor")


def test_config_file() -> None:
    config = parse_config(
        '[check]\ndisable = ["idle-actor"]\n\n[check.levels]\norphan-claim = "error"\n'
    )
    assert (config.disabled, dict(config.levels)) == (
        frozenset({"idle-actor"}),
        {"orphan-claim": Level.ERROR},
    )
    assert parse_config("") == Config()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[check]\ndisable = ["idle-actor",\n',
            "argmap.toml:3:1: error: invalid TOML: invalid value at the end of the file [config]",
        ),
        (
            '[check]\ndisable = ["idle-actor", "orphan-claims"]\n',
            "argmap.toml:2:27: error: unknown rule 'orphan-claims'; did you mean 'orphan-claim'? [config]",
        ),
        (
            "[check]\ndisabled = []\n",
            "argmap.toml:2:1: error: unknown key 'disabled' in [check]; did you mean 'disable'? [config]",
        ),
        (
            "[checks]\n",
            "argmap.toml:1:2: error: unknown key 'checks' in argmap.toml; did you mean 'check'? [config]",
        ),
        (
            '[check]\ndisable = "idle-actor"\n',
            "argmap.toml:2:1: error: 'disable' must be a list of rule ids [config]",
        ),
        (
            '[check.levels]\norphan-claim = "loud"\n',
            "argmap.toml:2:1: error: level 'loud' of rule 'orphan-claim' is not one of error, warning [config]",
        ),
        (
            "[check.levels]\norphan-claim = 1\n",
            "argmap.toml:2:1: error: level of 'orphan-claim' must be text: error or warning [config]",
        ),
        (
            '[check]\ndisable = ["too-deep"]\n',
            "argmap.toml:2:13: error: rule 'too-deep' stops the loader and cannot be disabled [config]",
        ),
    ],
)
def test_a_bad_config_file_is_a_located_error(text: str, expected: str) -> None:
    with pytest.raises(LoadError) as caught:
        parse_config(text)
    assert str(caught.value) == expected


# ---------------------------------------------------------------------------- command line


def _write(tmp_path: Path, text: str, config: str | None = None) -> str:
    (tmp_path / "arguments.yaml").write_text(text)
    if config is not None:
        (tmp_path / "argmap.toml").write_text(config)
    return str(tmp_path / "arguments.yaml")


ORPHAN = "{}:15:3: {}: claim 'lonely' has no stance and no relation; add a stance or a relation, or remove the claim [orphan-claim]"
UNKNOWN = (
    "{}:24:15: error: stance refers to unknown claim 'alow'; did you mean 'allow'? [unknown-claim]"
)


def test_check_disable_and_level_on_the_command_line(tmp_path: Path) -> None:
    path = _write(tmp_path, TWO)
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", path], env=ENV)
    assert (plain.exit_code, plain.output) == (
        1,
        f"{ORPHAN.format(path, 'warning')}\n{UNKNOWN.format(path)}\n2 problems (1 error, 1 warning)\n",
    )
    args = ["check", "--disable", "unknown-claim", "--level", "orphan-claim=error", path]
    result = runner.invoke(cli, args, env=ENV)
    assert (result.exit_code, result.output) == (
        1,
        f"{ORPHAN.format(path, 'error')}\n1 problem (1 error, 0 warnings)\n",
    )
    args = ["check", "--disable", "unknown-claim", "--disable", "orphan-claim", path]
    result = runner.invoke(cli, args, env=ENV)
    assert (result.exit_code, result.output) == (0, f"{path}: no problems\n")


def test_check_reads_argmap_toml_beside_the_map_and_the_command_line_goes_over_it(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, TWO, '[check]\ndisable = ["unknown-claim", "orphan-claim"]\n')
    runner = CliRunner()
    result = runner.invoke(cli, ["check", path], env=ENV)
    assert (result.exit_code, result.output) == (0, f"{path}: no problems\n")
    result = runner.invoke(cli, ["check", "--level", "orphan-claim=warning", path], env=ENV)
    assert (result.exit_code, result.output) == (
        0,
        f"{ORPHAN.format(path, 'warning')}\n1 problem (0 errors, 1 warning)\n",
    )
    other = tmp_path / "other.toml"
    other.write_text("")
    result = runner.invoke(cli, ["check", "--config", str(other), path], env=ENV)
    assert result.exit_code == 1 and result.output.endswith("2 problems (1 error, 1 warning)\n")


def test_check_with_a_bad_argmap_toml_reports_it_located(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE, "[check]\ndisable = [idle-actor]\n")
    result = CliRunner().invoke(cli, ["check", path], env=ENV)
    assert (result.exit_code, result.output) == (
        1,
        f"{tmp_path}/argmap.toml:2:12: error: invalid TOML: invalid value [config]\n"
        "1 problem (1 error, 0 warnings)\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--disable", "idle-actr"],
            "Invalid value for '--disable': unknown rule 'idle-actr'; did you mean 'idle-actor'?",
        ),
        (
            ["--disable", "syntax"],
            "Invalid value for '--disable': rule 'syntax' stops the loader and cannot be disabled",
        ),
        (
            ["--level", "orphan-claim"],
            "Invalid value for '--level': 'orphan-claim' is not RULE=LEVEL, e.g. orphan-claim=error",
        ),
        (
            ["--level", "orphan-claim=loud"],
            "Invalid value for '--level': level 'loud' of rule 'orphan-claim' is not one of error, warning",
        ),
        (
            ["--level", "orphan-clam=error"],
            "Invalid value for '--level': unknown rule 'orphan-clam'; did you mean 'orphan-claim'?",
        ),
    ],
)
def test_check_refuses_a_rule_it_cannot_configure(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(cli, ["check", *args, _write(tmp_path, BASE)], env=ENV)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"Error: {message}"


def test_build_honours_argmap_toml(tmp_path: Path) -> None:
    path = _write(tmp_path, TWO)
    with pytest.raises(InvalidMapError):
        load_valid(path)
    (tmp_path / "argmap.toml").write_text('[check.levels]\nunknown-claim = "warning"\n')
    _, found = load_valid(path)
    assert [(p.loc.line, p.level, p.rule) for p in found] == [
        (15, Level.WARNING, "orphan-claim"),
        (24, Level.WARNING, "unknown-claim"),
    ]
