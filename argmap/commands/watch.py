"""`argmap watch`: rebuild on every save and show the map live in the browser."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from argmap.watch import BuildResult


@click.command()
@click.argument("file", default="arguments.yaml", type=click.Path())
@click.option(
    "-o",
    "--output",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder the map is built into.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port on 127.0.0.1 to serve the map on; 0 for any free port.",
)
@click.option(
    "--sources-dir",
    type=click.Path(file_okay=False, exists=True),
    help="Folder holding the sources' text files, to verify quotes against.",
)
def watch(file: str, output: str, port: int, sources_dir: str | None) -> None:
    """Rebuild FILE (default arguments.yaml) on every save and serve it live.

    Open the address it prints: the page reloads itself after each rebuild. A save
    with errors lists them here and on the page, and leaves the last good map in the
    output folder as it was. Quotes are checked against the sources' texts, read from
    --sources-dir when given (as `argmap check` and `argmap build` read them). The
    server listens on 127.0.0.1 only. Stop with Ctrl-C.

    \b
    Example:
      $ argmap watch --sources-dir ../shared/seeds arguments.yaml --port 8000
      serving http://127.0.0.1:8000/ (Ctrl-C to stop)
    """
    from argmap.errors import ArgmapError
    from argmap.watch import HOST, LivePreview

    preview = LivePreview(file, output, sources_dir=sources_dir)
    _report(preview.rebuild(), file, output)
    try:
        bound = preview.serve(port)
    except ArgmapError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"serving http://{HOST}:{bound}/ (Ctrl-C to stop)")
    stop = threading.Event()
    try:
        preview.run(stop, lambda result: _report(result, file, output))
    except KeyboardInterrupt:
        pass
    finally:
        preview.close()


def _report(result: BuildResult, file: str, output: str) -> None:
    if result.ok:
        click.echo(f"[{result.version}] built {file} into {output}/")
        return
    for line in result.errors:
        click.echo(line)
    n = len(result.errors)
    click.echo(
        f"[{result.version}] {n} error{'s' * (n != 1)}: not built;"
        f" the last good map stays in {output}/"
    )
