"""`argmap check`: every problem in a map, like a compiler."""

from __future__ import annotations

import json
import os

import click

from argmap.model import Level, Problem

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
def check(file: str, strict: bool, fmt: str | None, quiet: bool, sources_dir: str | None) -> None:
    """Check FILE (default arguments.yaml) and list every problem with its location.

    Exit code 0 when clean, 1 when there are errors (or warnings with --strict),
    2 for a usage error.

    \b
    Example:
      $ argmap check --strict arguments.yaml
      arguments.yaml:41:14: error: stance refers to unknown claim
      'dcrs-reduce-death'; did you mean 'dcrs-reduce-deaths'? [unknown-claim]
      1 problem (1 error, 0 warnings)
    """
    from argmap.errors import LoadError
    from argmap.pipeline import load_checked

    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    try:
        problems = list(load_checked(file, sources_dir=sources_dir).problems)
    except LoadError as error:
        problems = [error.problem]
    failing = [p for p in problems if p.level is Level.ERROR or strict]
    shown = failing if quiet else problems
    output = render(shown, fmt, summary=not quiet, file=file)
    if output:
        click.echo(output)
    raise SystemExit(1 if failing else 0)


def render(problems: list[Problem], fmt: str, *, summary: bool, file: str) -> str:
    """The problems as text lines, a JSON document or GitHub workflow annotations."""
    if fmt == "json":
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
