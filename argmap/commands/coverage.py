"""`argmap coverage`: the quoted passages of each source that no stance cites yet."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands.options import max_bytes, max_mib_option


@click.command()
@click.argument("file", default="arguments.yaml", type=click.Path())
@click.option(
    "--sources-dir",
    type=click.Path(file_okay=False, exists=True),
    help="Folder holding the sources' text files (default: as the map's 'file:' fields say).",
)
@max_mib_option
def coverage(file: str, sources_dir: str | None, max_mib: int) -> None:
    """List, per source text, every quoted passage of FILE (default arguments.yaml)
    that no stance cites and no 'ignored' entry covers, with its line in the article.

    A passage is text in quotation marks, straight or curly, including a quotation
    that runs over several paragraphs; it is mapped when a stance's quote overlaps it.
    Each source ends with a line 'source-id: N of M quoted passages mapped'.

    Exit code 0 when every quoted passage is mapped or ignored, 1 when some are not
    (or a source's text cannot be read), 2 for a usage error.

    \b
    Example:
      $ argmap coverage arguments.yaml
      ../shared/seeds/000_8d0c8138cbe3a5a5.txt:1: not mapped: "safe space"
      norwich-pilot-rejected: 4 of 5 quoted passages mapped
    """
    from argmap.coverage import coverage as measure
    from argmap.errors import LoadError
    from argmap.load import load_file
    from argmap.quotes import read_source_texts, source_path
    from argmap.text import terminal_safe as safe

    try:
        amap = load_file(file, max_bytes=max_bytes(max_mib)).map
    except LoadError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    base = Path(amap.path).parent
    folder = Path(sources_dir) if sources_dir else None
    texts, unreadable = read_source_texts(amap, base, folder)
    for problem in unreadable:
        click.echo(str(problem), err=True)
    complete = not unreadable
    for report in measure(amap, texts):
        path = source_path(amap.sources_by_id[report.source], base, folder)
        for passage in report.unmapped:
            click.echo(safe(f'{path}:{passage.line}: not mapped: "{passage.text}"'))
        for item in report.stale_ignored:
            where = f"{item.loc}: " if item.loc else ""
            click.echo(
                safe(
                    f'{where}ignored passage "{item.passage}" is not a quoted passage'
                    f" of source '{item.source}'"
                )
            )
        click.echo(
            f"{report.source}: {report.mapped} of {len(report.passages)} quoted passages mapped"
        )
        complete = complete and not report.unmapped
    raise SystemExit(0 if complete else 1)
