"""`argmap add actor|claim|stance|relation`: add one entry from the command line."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from argmap.model import ActorKind, ClaimKind

_FILE = click.option(
    "-f",
    "--file",
    default="arguments.yaml",
    show_default=True,
    type=click.Path(),
    help="The map to add to.",
)
# Sources are read only from the map's folder or this one (see `argmap check`).
_SOURCES_DIR = click.option(
    "--sources-dir",
    type=click.Path(file_okay=False, exists=True),
    help="Folder holding the sources' text files, to verify the quote against.",
)


def _interactive() -> bool:
    """Whether missing fields can be asked for (standard input is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def _need(value: Any, option: str, prompt: str, kind: Any = str) -> Any:
    """`value`, or the answer to a prompt in a terminal, or a usage error."""
    if value not in (None, ""):
        return value
    if _interactive():
        return click.prompt(prompt, type=kind)
    raise click.UsageError(f"missing {option}")


def _one_of(given: dict[str, str | None], prompt_claim: str) -> tuple[str, str]:
    """Exactly one of several options naming a claim (e.g. --supports/--opposes)."""
    present = [(key, value) for key, value in given.items() if value]
    options = "/".join(f"--{key}" for key in given)
    if len(present) > 1:
        raise click.UsageError(f"give only one of {options}")
    if present:
        return present[0][0], str(present[0][1])
    if not _interactive():
        raise click.UsageError(f"missing one of {options}")
    key = click.prompt("Position", type=click.Choice(list(given)))
    return key, click.prompt(prompt_claim)


def _write(file: str, kind: str, fields: dict[str, Any], sources_dir: str | None) -> None:
    from argmap.add import Added, add_entry
    from argmap.errors import ArgmapError
    from argmap.fmt import edit_map
    from argmap.text import terminal_safe

    done: list[Added] = []

    def change(text: str) -> str:
        # Runs under the edit's lock, on the file as it is then: an `add` that waited
        # for another adds to the other's result, so neither entry is lost.
        done.append(add_entry(text, file, kind, fields, sources_dir))
        return done[-1].text

    try:
        edit_map(file, change)
    except ArgmapError as error:
        raise click.ClickException(terminal_safe(str(error))) from None
    click.echo(terminal_safe(f"added {done[-1].entry} to {file}"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def add() -> None:
    """Add an actor, claim, stance or relation to the map.

    Every id named must exist (a typo gets a "did you mean"), and the entry is refused
    if the map would have an error it did not have before, such as a quote that is not
    in the article. The entry goes where a curator would put it, comments are kept and
    the file is formatted as `argmap fmt` does. In a terminal, missing fields are asked
    for; elsewhere they are a usage error.

    \b
    Example:
      $ argmap add stance --actor bill-borrett --opposes norwich-dcr-trial \\
          --source edp-norwich-rejected --quote "we would not support ..."
    """


def _command(func: Callable[..., None]) -> click.Command:
    return add.command()(_FILE(_SOURCES_DIR(func)))


@_command
@click.argument("ident", metavar="ID", required=False)
@click.option("--name", help="The name shown on the map.")
@click.option("--kind", type=click.Choice([k.value for k in ActorKind]), help="Sort of actor.")
@click.option("--role", help="The actor's role, in the words of the source.")
@click.option(
    "--affiliation", "affiliations", multiple=True, help="Id of an actor it belongs to (repeat)."
)
def actor(
    file: str,
    sources_dir: str | None,
    ident: str | None,
    name: str | None,
    kind: str | None,
    role: str | None,
    affiliations: tuple[str, ...],
) -> None:
    """Add an actor with id ID.

    \b
    Example:
      $ argmap add actor jo-green --name "Jo Green" --kind person --affiliation green-party
    """
    fields = {
        "id": _need(ident, "ID", "Id"),
        "name": _need(name, "--name", "Name"),
        "kind": _need(kind, "--kind", "Kind", click.Choice([k.value for k in ActorKind])),
        "role": role,
        "affiliations": list(affiliations),
    }
    _write(file, "actor", fields, sources_dir)


@_command
@click.argument("ident", metavar="ID", required=False)
@click.option("--text", help="The claim as a full sentence.")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in ClaimKind]),
    help="proposal, claim (the default) or evidence.",
)
@click.option("--label", help="A short form for the map.")
@click.option("--source", help="Id of the source it comes from (required for evidence).")
@click.option("--tag", "tags", multiple=True, help="A free-form tag (repeat).")
def claim(
    file: str,
    sources_dir: str | None,
    ident: str | None,
    text: str | None,
    kind: str | None,
    label: str | None,
    source: str | None,
    tags: tuple[str, ...],
) -> None:
    """Add a claim with id ID.

    \b
    Example:
      $ argmap add claim room-saves-lives --text "A drug consumption room saves lives"
    """
    fields = {
        "id": _need(ident, "ID", "Id"),
        "kind": kind,
        "text": _need(text, "--text", "Text"),
        "label": label,
        "source": _need(source, "--source", "Source") if kind == "evidence" else source,
        "tags": list(tags),
    }
    _write(file, "claim", fields, sources_dir)


@_command
@click.option("--actor", "actor_id", help="Id of the actor.")
@click.option("--supports", help="Id of the claim the actor supports.")
@click.option("--opposes", help="Id of the claim the actor opposes.")
@click.option("--neutral", help="Id of the claim the actor considers without a side.")
@click.option("--source", help="Id of the source the words are in.")
@click.option("--quote", help="The source's exact words.")
@click.option("--reported", is_flag=True, help="The position is reported, not quoted.")
@click.option("--date", help="ISO date of the statement, if not the source's.")
@click.option("--note", help="A note for the curator.")
@click.option("--id", "ident", help="An explicit id, when the derived one is not unique.")
def stance(
    file: str,
    sources_dir: str | None,
    actor_id: str | None,
    supports: str | None,
    opposes: str | None,
    neutral: str | None,
    source: str | None,
    quote: str | None,
    reported: bool,
    date: str | None,
    note: str | None,
    ident: str | None,
) -> None:
    """Add a stance: an actor supports, opposes or is neutral on a claim.

    \b
    Example:
      $ argmap add stance --actor bill-borrett --opposes norwich-dcr-trial \\
          --source edp-norwich-rejected --quote "we would not support ..."
    """
    who = _need(actor_id, "--actor", "Actor")
    position, target = _one_of(
        {"supports": supports, "opposes": opposes, "neutral": neutral}, "Claim"
    )
    fields = {
        "id": ident,
        "actor": who,
        position: target,
        "source": _need(source, "--source", "Source"),
        "date": date,
        "reported": reported,
        "quote": quote if reported else _need(quote, "--quote (or --reported)", "Quote"),
        "note": note,
    }
    _write(file, "stance", fields, sources_dir)


@_command
@click.option("--from", "origin", help="Id of the claim that argues.")
@click.option("--supports", help="Id of the claim it supports.")
@click.option("--attacks", help="Id of the claim it attacks.")
@click.option("--undercuts", help="Id of the relation whose inference it denies (from/attacks/to).")
@click.option("--source", help="Id of the source that makes the argument.")
@click.option(
    "--inferred", is_flag=True, help="No source states the link: your own reading (needs --note)."
)
@click.option("--note", help="A note for the curator.")
def relation(
    file: str,
    sources_dir: str | None,
    origin: str | None,
    supports: str | None,
    attacks: str | None,
    undercuts: str | None,
    source: str | None,
    inferred: bool,
    note: str | None,
) -> None:
    """Add a relation: one claim supports or attacks another, or undercuts a relation.

    \b
    Example:
      $ argmap add relation --from room-saves-lives --supports allow-room
      $ argmap add relation --from law-can-change \\
          --undercuts dcrs-illegal/attacks/dcrs-uk --source appg-letter-scotland
    """
    fields: dict[str, object] = {"from": _need(origin, "--from", "From claim")}
    kind, target = _one_of(
        {"supports": supports, "attacks": attacks, "undercuts": undercuts}, "Target"
    )
    fields.update({kind: target, "source": source, "inferred": True if inferred else None})
    fields["note"] = note
    _write(file, "relation", fields, sources_dir)
