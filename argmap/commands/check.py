"""`argmap check`: every problem in a map, like a compiler."""

from __future__ import annotations

import os

import click

from argmap.commands.options import max_bytes, max_mib_option
from argmap.model import Level, Problem
from argmap.rules import Config

FORMATS = ("text", "json", "github")


@click.command()
@click.argument("file", default="arguments.yaml", type=click.Path())
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format; 'github' prints workflow annotations"
    " (the default when GITHUB_ACTIONS is set).",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print only the problems that fail the check, and no summary.",
)
@click.option(
    "--sources-dir",
    type=click.Path(file_okay=False, exists=True),
    help="Folder holding the sources' text files, to verify quotes against.",
)
@click.option(
    "--disable",
    multiple=True,
    metavar="RULE",
    help="Switch RULE off (repeatable); see docs/checks.md for the rules.",
)
@click.option(
    "--level",
    "levels",
    multiple=True,
    metavar="RULE=LEVEL",
    help="Report RULE as an error or a warning (repeatable).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    help="Rule choices to read instead of the argmap.toml beside FILE.",
)
@max_mib_option
def check(
    file: str,
    strict: bool,
    fmt: str | None,
    quiet: bool,
    sources_dir: str | None,
    disable: tuple[str, ...],
    levels: tuple[str, ...],
    config_file: str | None,
    max_mib: int,
) -> None:
    """Check FILE (default arguments.yaml) and list every problem with its location.

    Exit code 0 when clean, 1 when there are errors (or warnings with --strict),
    2 for a usage error. Rules are switched off or given another level by
    --disable and --level, over the [check] table of argmap.toml beside FILE.

    \b
    Example:
      $ argmap check --strict arguments.yaml
      arguments.yaml:41:14: error: stance refers to unknown claim
      'dcrs-reduce-death'; did you mean 'dcrs-reduce-deaths'? [unknown-claim]
      1 problem (1 error, 0 warnings)
    """
    from argmap.config import config_beside, read_config
    from argmap.errors import LoadError
    from argmap.pipeline import load_checked

    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    chosen = command_line_config(disable, levels)
    try:
        config = read_config(config_file) if config_file else config_beside(file)
        checked = load_checked(
            file,
            sources_dir=sources_dir,
            config=config.merged(chosen),
            max_bytes=max_bytes(max_mib),
        )
        problems = list(checked.problems)
    except LoadError as error:
        problems = [error.problem]
    failing = [p for p in problems if p.level is Level.ERROR or strict]
    shown = failing if quiet else problems
    output = render(shown, fmt, summary=not quiet, file=file)
    if output:
        click.echo(output)
    raise SystemExit(1 if failing else 0)


def command_line_config(disable: tuple[str, ...], levels: tuple[str, ...]) -> Config:
    """The config of --disable and --level, or a usage error naming the bad option."""
    from argmap.errors import ArgmapError

    pairs: dict[str, str] = {}
    for given in levels:
        rule_id, equals, level = given.partition("=")
        if not equals:
            raise click.BadParameter(
                f"'{given}' is not RULE=LEVEL, e.g. orphan-claim=error", param_hint="'--level'"
            )
        pairs[rule_id.strip()] = level.strip()
    try:
        Config.of(disable)
    except ArgmapError as error:
        raise click.BadParameter(str(error), param_hint="'--disable'") from None
    try:
        return Config.of(disable, pairs)
    except ArgmapError as error:
        raise click.BadParameter(str(error), param_hint="'--level'") from None


def render(problems: list[Problem], fmt: str, *, summary: bool, file: str) -> str:
    """The problems as text lines, a JSON document or GitHub workflow annotations."""
    if fmt == "json":
        import json  # only for --format json: 3 ms of every start otherwise

        return json.dumps([_as_json(p) for p in problems], indent=2, ensure_ascii=False)
    lines = [_as_github(p) if fmt == "github" else str(p) for p in problems]
    if summary and fmt == "text":
        lines.append(count_line(problems, file))
    return "\n".join(lines)


def count_line(problems: list[Problem], file: str) -> str:
    """`3 problems (1 error, 2 warnings)`, or `file: no problems`."""
    if not problems:
        return f"{file}: no problems"
    errors = sum(p.level is Level.ERROR for p in problems)
    warnings = len(problems) - errors
    noun = "problem" if len(problems) == 1 else "problems"
    return (
        f"{len(problems)} {noun} ({errors} error{'s' * (errors != 1)},"
        f" {warnings} warning{'s' * (warnings != 1)})"
    )


def _as_json(problem: Problem) -> dict[str, object]:
    return {
        "file": problem.loc.file,
        "line": problem.loc.line,
        "column": problem.loc.col,
        "level": problem.level.value,
        "rule": problem.rule,
        "message": problem.message,
        "hint": problem.hint,
    }


def _as_github(problem: Problem) -> str:
    # Workflow commands: '%', CR and LF escaped in the message; ',' and ':' too in properties.
    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    from argmap.text import terminal_safe

    hint = f"; {problem.hint}" if problem.hint else ""
    where = f"file={prop(terminal_safe(problem.loc.file))}"
    if problem.loc.line:
        where += f",line={problem.loc.line},col={problem.loc.col}"
    message = data(terminal_safe(problem.message + hint))
    return f"::{problem.level.value} {where},title={prop(problem.rule)}::{message}"
