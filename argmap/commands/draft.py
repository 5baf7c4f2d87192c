"""`argmap draft`: draft the stances of a new article, or merge a reviewed draft."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command()
@click.argument("article", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--map",
    "map_file",
    type=click.Path(dir_okay=False),
    help="The map to match actors and claims against (and, with --merge, to merge into;"
    " default arguments.yaml there).",
)
@click.option("--source", "source_id", help="The source's id (default: the map's for ARTICLE).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the draft to this file (default: standard output).",
)
@click.option(
    "--merge",
    "merge_file",
    type=click.Path(dir_okay=False, exists=True),
    help="Merge this reviewed draft into the map instead of drafting.",
)
def draft(
    article: str | None,
    map_file: str | None,
    source_id: str | None,
    output: str | None,
    merge_file: str | None,
) -> None:
    """Draft the actors, quotes and stances of ARTICLE (plain UTF-8 text) as a map file.

    Every quoted passage and reported-speech sentence becomes a stance with the
    article's exact words and its speaker (matched to an actor of --map by name,
    surname, title or alias, else a new actor), the closest claims of --map as comments
    and a stub claim where none is close. Whatever needs a curator's judgement starts
    with TODO; passages with no speaker are listed under `ignored`. Review the draft,
    then merge it with --merge, which refuses while a TODO is left and adds each entry
    as `argmap add` does. See docs/drafting.md.

    \b
    Example:
      $ argmap draft ../shared/seeds/003_c5d052252b927968.txt --map arguments.yaml -o draft.yaml
      $ argmap check draft.yaml
      $ argmap draft --merge draft.yaml --map arguments.yaml
    """
    from argmap.errors import ArgmapError

    try:
        if merge_file:
            if article:
                raise click.UsageError("give either ARTICLE or --merge, not both")
            _merge(merge_file, map_file or "arguments.yaml")
        elif article:
            from argmap.load.format import ID

            if source_id is not None and not ID.match(source_id):
                raise click.BadParameter("not a kebab-case id", param_hint="--source")
            _draft(article, map_file, source_id, output)
        else:
            raise click.UsageError("missing ARTICLE (or --merge DRAFT)")
    except ArgmapError as error:
        raise click.ClickException(str(error)) from None


def _draft(article: str, map_file: str | None, source_id: str | None, output: str | None) -> None:
    from argmap.draft import draft_article, find_source, load_file
    from argmap.errors import InvalidMapError
    from argmap.fsutil import write_atomic
    from argmap.model import Level
    from argmap.text import plural

    try:
        text = Path(article).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise click.ClickException(f"{article}: is not UTF-8 text") from None
    except OSError as error:
        raise click.ClickException(f"{article}: {error.strerror or error}") from None
    amap = None
    if map_file:
        loaded = load_file(map_file)
        if any(p.level is Level.ERROR for p in loaded.problems):
            raise InvalidMapError(loaded.problems)
        amap = loaded.map
        source_id = source_id or find_source(amap, article, os.path.dirname(map_file) or ".")
    where = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
    file = Path(os.path.relpath(os.path.abspath(article), where)).as_posix()
    result = draft_article(text, file, amap, source_id, map_file or "the map")
    if output:
        write_atomic(output, result.text)
    else:
        click.echo(result.text, nl=False)
    reported = sum(s.reported for s in result.stances)
    click.echo(
        f"{article}: {plural(len(result.stances), 'stance')} ({reported} reported),"
        f" {plural(len(result.new_actors), 'new actor')},"
        f" {plural(len(result.stubs), 'stub claim')},"
        f" {plural(len(result.unattributed), 'passage')} without a speaker,"
        f" {result.already_mapped} already in the map" + (f"; wrote {output}" if output else ""),
        err=True,
    )


def _merge(draft_file: str, map_file: str) -> None:
    from argmap.draft.merge import UnreviewedError, merge_draft
    from argmap.fmt import read_map_text
    from argmap.fsutil import write_atomic

    try:
        merged = merge_draft(
            read_map_text(draft_file), draft_file, read_map_text(map_file), map_file
        )
    except UnreviewedError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(
            f"nothing merged: {len(error.problems)} values still start with TODO"
        ) from None
    write_atomic(map_file, merged.text)
    for entry in merged.added:
        click.echo(f"added {entry}")
    for entry in merged.kept:
        click.echo(f"kept {entry}")
    click.echo(f"merged {len(merged.added)} entries from {draft_file} into {map_file}")
