"""`argmap watch`: rebuild the map on every save and show it live in a browser.

`LivePreview` does three things:

- it polls the map file's modification time, size and content hash (every 0.3 s by
  default: no file watching library, and it works the same on every system and on
  network drives; the hash catches a save that keeps the size and the time stamp);
- on a change it builds the map into the output folder, with the same load and check
  as `argmap build` (`argmap.pipeline.load_checked`: what one builds, the other does).
  A map with errors is not built at all, so the last good files stay on disk untouched,
  and the problems are kept for the terminal and the page;
- it serves the output folder on 127.0.0.1 only, through a small HTTP server in a
  thread. `/` is a wrapper page that shows the map in a full-window frame and polls
  `/__argmap/version`; when the version changes it reloads the frame. The built files
  are served as they are on disk: nothing is injected into them, so their own
  Content-Security-Policy stays intact. While the map has errors, the frame (and any
  HTML page requested) shows an error page listing them instead of the map.

The server answers only its owner: a request whose `Host` is not this server's own
loopback address and port (`127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`) is refused
with 403, so a web page that rebinds its own name to 127.0.0.1 cannot read the map. A
path that is not one (a NUL, a control character, bad UTF-8) gets 400; a file reached
through a symbolic link out of the output folder is not served; an idle connection is
closed after `TIMEOUT` seconds; and a client that hangs up is not worth a traceback.

Nothing here prints: results are passed to a callback, which the CLI prints.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from argmap.errors import ArgmapError, InvalidMapError, LoadError
from argmap.model import Level

__all__ = [
    "HOST",
    "INTERVAL",
    "TIMEOUT",
    "VERSION_PATH",
    "BuildResult",
    "LivePreview",
    "default_build",
    "error_page",
]

#: The server listens on the loopback interface only: a preview is for this machine.
HOST = "127.0.0.1"
#: Seconds between two looks at the file.
INTERVAL = 0.3
#: Seconds a connection may stay idle (or a request take to arrive) before it is closed.
TIMEOUT = 10.0
#: Where the wrapper page polls for the build's version.
VERSION_PATH = "/__argmap/version"
_PAGE_PATH = "/__argmap/page"

Build = Callable[[str, str], object]


@dataclass(frozen=True)
class BuildResult:
    """One rebuild: its number, and the problems that stopped it (none when it worked)."""

    version: int
    errors: tuple[str, ...] = ()
    page: str | None = None  # the built HTML page to show, relative to the output folder

    @property
    def ok(self) -> bool:
        return not self.errors


def default_build(file: str, output: str, sources_dir: str | None = None) -> object:
    """Build the map's HTML pages with `argmap.pipeline.build`.

    Raises `LoadError` or `InvalidMapError` (with every problem) for a map that cannot
    be built, as `argmap build` does.
    """
    from argmap.pipeline import build

    return build(file, output, sources_dir=sources_dir)


def _signature(path: Path) -> tuple[int, int, bytes] | None:
    # The content's hash too: a save can keep both the size and the time stamp (a coarse
    # clock, a tool that restores the mtime), and such a save must still be rebuilt.
    try:
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return None  # an editor that saves by rename removes the file for a moment
    return stat.st_mtime_ns, stat.st_size, digest


class LivePreview:
    """Rebuild `file` into `output` when it changes, and serve `output` on 127.0.0.1.

    Quotes are verified against the sources' texts, read from `sources_dir` when given.
    """

    def __init__(
        self,
        file: str,
        output: str,
        build: Build | None = None,
        *,
        sources_dir: str | None = None,
    ) -> None:
        self.file = file
        self.output = output
        self.sources_dir = sources_dir
        self._build = build or functools.partial(default_build, sources_dir=sources_dir)
        self._lock = threading.Lock()
        self._state = BuildResult(0)
        self._seen: tuple[int, int, bytes] | None = None
        self._hosts: frozenset[str] = frozenset()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def state(self) -> BuildResult:
        with self._lock:
            return self._state

    # -- building

    def rebuild(self) -> BuildResult:
        """Build the map if it has no errors; returns the new state."""
        self._seen = _signature(Path(self.file))
        page = self.state.page
        errors: tuple[str, ...] = ()
        try:
            self._build(self.file, self.output)
        except LoadError as error:
            errors = (str(error.problem),)
        except InvalidMapError as error:
            errors = tuple(str(p) for p in error.problems if p.level is Level.ERROR)
        except ArgmapError as error:
            errors = (str(error),)
        else:
            page = _main_page(Path(self.output)) or page
        with self._lock:
            self._state = BuildResult(self._state.version + 1, errors, page)
            return self._state

    def poll(self) -> BuildResult | None:
        """Rebuild if the file changed since the last build; the new state, or None."""
        if _signature(Path(self.file)) == self._seen:
            return None
        return self.rebuild()

    def run(
        self,
        stop: threading.Event,
        on_result: Callable[[BuildResult], None],
        interval: float = INTERVAL,
    ) -> None:
        """Poll the file every `interval` seconds until `stop` is set."""
        while not stop.wait(interval):
            result = self.poll()
            if result is not None:
                on_result(result)

    # -- serving

    def serve(self, port: int = 0) -> int:
        """Start the HTTP server in a thread; returns the port (any free one for 0)."""
        preview = self

        class Handler(_Handler):
            timeout = TIMEOUT

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, directory=preview.output, **kwargs)

            def state(self) -> BuildResult:
                return preview.state

            def map_file(self) -> str:
                return preview.file

            def hosts(self) -> frozenset[str]:
                return preview._hosts

        try:
            self._server = _Server((HOST, port), Handler)
        except OSError as error:
            raise ArgmapError(f"cannot listen on {HOST}:{port}: {error.strerror}") from None
        bound = int(self._server.server_address[1])
        self._hosts = frozenset(f"{name}:{bound}" for name in (HOST, "localhost", "[::1]"))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return bound

    def close(self) -> None:
        """Stop the server and wait for its thread."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join()


def _main_page(output: Path) -> str | None:
    """The page to show: index.html if there is one, else the first HTML file by name."""
    if (output / "index.html").is_file():
        return "index.html"
    pages = sorted(p.name for p in output.glob("*.html"))
    return pages[0] if pages else None


# --------------------------------------------------------------------------- pages

_WRAPPER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>argmap watch</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style>
</head><body>
<iframe id="map" src="/__argmap/page" title="the map"></iframe>
<script>
// Reload the map whenever the watcher reports a new build (or a new list of errors).
let seen = null;
async function poll() {
  try {
    const response = await fetch("/__argmap/version", {cache: "no-store"});
    const {version} = await response.json();
    if (seen !== null && version !== seen) {
      document.getElementById("map").src = "/__argmap/page?v=" + version;
    }
    seen = version;
  } catch (error) {
    // The watcher has stopped or is restarting; keep trying.
  }
  setTimeout(poll, 500);
}
poll();
</script>
</body></html>
"""


def error_page(result: BuildResult, file: str) -> str:
    """The page shown instead of the map while it has errors; every string escaped."""
    items = "\n".join(f"<li><code>{html.escape(e)}</code></li>" for e in result.errors)
    count = len(result.errors)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{count} error{'s' * (count != 1)} in {html.escape(file)}</title>"
        "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2em;color:#222}"
        "h1{color:#b00020;font-size:1.3em}li{margin:.4em 0}code{white-space:pre-wrap}</style>"
        "</head><body>"
        f"<h1>{count} error{'s' * (count != 1)} in {html.escape(file)}</h1>"
        f"<ul>\n{items}\n</ul>"
        "<p>The map is rebuilt when the file is saved again; until then the last good"
        " build stays in the output folder.</p>"
        "</body></html>\n"
    )


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet about a client that hung up, reset or timed out; loud about anything else."""
        import sys

        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(SimpleHTTPRequestHandler):
    """Static files from the output folder, plus the wrapper, version and error pages."""

    # All replaced per server in LivePreview.serve.
    def state(self) -> BuildResult:
        raise NotImplementedError

    def map_file(self) -> str:
        raise NotImplementedError

    def hosts(self) -> frozenset[str]:
        raise NotImplementedError

    def handle(self) -> None:
        # A browser that closes a tab mid-response is ordinary, not an error to report.
        try:
            super().handle()
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    def send_head(self) -> Any:
        # Serve only what is really inside the output folder: a symbolic link there
        # must not publish a file from elsewhere on the machine.
        root = os.path.realpath(str(self.directory))
        real = os.path.realpath(self.translate_path(self.path))
        if real != root and not real.startswith(root + os.sep):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        return super().send_head()

    def end_headers(self) -> None:
        # Every response is fresh: a reload must show the new build, never a cached one.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal is for build results, not for every request."""

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, *, head: bool) -> None:
        if self.headers.get("Host", "").lower() not in self.hosts():
            # DNS rebinding: another site's page, its name now pointing at 127.0.0.1.
            self.send_error(HTTPStatus.FORBIDDEN, "this server answers only its own address")
            return
        path = urlsplit(self.path).path
        if not _well_formed(path):
            self.send_error(HTTPStatus.BAD_REQUEST, "malformed path")
            return
        state = self.state()
        if path == "/":
            self._send(_WRAPPER, "text/html", head)
        elif path == VERSION_PATH:
            body = {"version": state.version, "ok": state.ok, "errors": list(state.errors)}
            self._send(json.dumps(body), "application/json", head)
        elif (path == _PAGE_PATH or path.endswith((".html", ".htm"))) and not state.ok:
            self._send(error_page(state, self.map_file()), "text/html", head)
        elif path == _PAGE_PATH:
            if state.page is None:
                self.send_error(HTTPStatus.NOT_FOUND, "no page has been built yet")
                return
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/" + state.page)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif head:
            super().do_HEAD()
        else:
            super().do_GET()

    def _send(self, text: str, kind: str, head: bool) -> None:
        data = text.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not head:
            self.wfile.write(data)


def _well_formed(path: str) -> bool:
    """Whether a request path names something: absolute, UTF-8, no control characters."""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return False
    return path.startswith("/") and decoded.isprintable()
