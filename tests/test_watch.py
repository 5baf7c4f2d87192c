"""`argmap watch`: rebuild on save, serve on loopback, error page, last good build kept.

Every wait here is bounded (a deadline, then failure), and nothing asserts how long
anything took.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from argmap.watch import BuildResult, LivePreview, error_page

from .helpers import COMMENTED_MAP as MAP

DEADLINE = 20.0  # seconds before a wait gives up and the test fails

BROKEN = MAP.replace(
    "    supports: allow\n    source: gazette", "    supports: alow\n    source: gazette"
)


def fetch(port: int, path: str) -> tuple[str, str]:
    """(final path after redirects, body) of a GET on the preview server."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=DEADLINE) as response:
        final = response.geturl().split(str(port), 1)[1]
        return final, response.read().decode("utf-8")


def version(port: int) -> dict[str, object]:
    return json.loads(fetch(port, "/__argmap/version")[1])  # type: ignore[no-any-return]


@pytest.fixture
def preview(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "arguments.yaml").write_text(MAP, encoding="utf-8")
    live = LivePreview(str(tmp_path / "arguments.yaml"), str(tmp_path / "output"))
    yield live
    live.close()


def test_builds_serves_rebuilds_and_shows_errors(preview: LivePreview, tmp_path: Path) -> None:
    mapfile, out = tmp_path / "arguments.yaml", tmp_path / "output"
    assert preview.rebuild() == BuildResult(1, (), "index.html")
    port = preview.serve(0)

    # The wrapper polls the version and shows the built page, served as it is on disk.
    wrapper = fetch(port, "/")[1]
    assert '<iframe id="map" src="/__argmap/page"' in wrapper
    assert 'fetch("/__argmap/version"' in wrapper
    assert version(port) == {"version": 1, "ok": True, "errors": []}
    assert fetch(port, "/__argmap/page") == ("/index.html", (out / "index.html").read_text())
    assert preview.poll() is None  # nothing saved, nothing rebuilt

    # A save: rebuilt, new version.
    mapfile.write_text(MAP.replace("title: T\n", "title: Town debate\n"), encoding="utf-8")
    assert preview.poll() == BuildResult(2, (), "index.html")
    assert version(port)["version"] == 2
    assert "Town debate" in fetch(port, "/__argmap/page")[1]

    # A save with an error: not built, error page served, files on disk untouched.
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    mapfile.write_text(BROKEN, encoding="utf-8")
    error = (
        f"{mapfile}:29:15: error: stance refers to unknown claim 'alow';"
        " did you mean 'allow'? [unknown-claim]"
    )
    assert preview.poll() == BuildResult(3, (error,), "index.html")
    assert version(port) == {"version": 3, "ok": False, "errors": [error]}
    for path in ("/__argmap/page", "/index.html"):
        final, body = fetch(port, path)
        assert final == path
        assert body == error_page(preview.state, str(mapfile))
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before
    assert fetch(port, "/report.md")[1] == (out / "report.md").read_text()

    # Fixed: built again.
    mapfile.write_text(MAP, encoding="utf-8")
    assert preview.poll() == BuildResult(4, (), "index.html")
    assert fetch(port, "/__argmap/page")[0] == "/index.html"


def test_listens_on_loopback_only(preview: LivePreview) -> None:
    preview.rebuild()
    preview.serve(0)
    assert preview._server is not None
    assert preview._server.server_address[0] == "127.0.0.1"


def test_a_map_that_never_built_shows_its_errors(tmp_path: Path) -> None:
    (tmp_path / "arguments.yaml").write_text("title: [T\n", encoding="utf-8")
    live = LivePreview(str(tmp_path / "arguments.yaml"), str(tmp_path / "output"))
    try:
        result = live.rebuild()
        assert result.page is None
        assert result.errors == (
            f"{tmp_path / 'arguments.yaml'}:2:1: error: invalid YAML:"
            " did not find expected ',' or ']' [syntax]",
        )
        port = live.serve(0)
        assert "1 error in" in fetch(port, "/__argmap/page")[1]
        assert not (tmp_path / "output").exists()
    finally:
        live.close()


def test_run_picks_up_a_save(preview: LivePreview, tmp_path: Path) -> None:
    preview.rebuild()
    seen: list[BuildResult] = []
    stop = threading.Event()
    loop = threading.Thread(target=preview.run, args=(stop, seen.append, 0.05))
    loop.start()
    try:
        (tmp_path / "arguments.yaml").write_text(MAP + "\n# saved\n", encoding="utf-8")
        deadline = time.monotonic() + DEADLINE
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        loop.join(DEADLINE)
    assert not loop.is_alive()
    assert seen == [BuildResult(2, (), "index.html")]


def test_error_page_escapes_everything() -> None:
    page = error_page(BuildResult(3, ("a.yaml:1:1: error: <script>alert(1)</script>",)), "a&b.yaml")
    assert "<script>alert" not in page
    assert "<li><code>a.yaml:1:1: error: &lt;script&gt;alert(1)&lt;/script&gt;</code></li>" in page
    assert "<h1>1 error in a&amp;b.yaml</h1>" in page


def test_cli_serves_until_stopped(tmp_path: Path) -> None:
    (tmp_path / "arguments.yaml").write_text(MAP, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "watch", "arguments.yaml", "--port", "0"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        lines = []
        deadline = time.monotonic() + DEADLINE
        while len(lines) < 2 and time.monotonic() < deadline:
            ready, _, _ = select.select([process.stdout], [], [], 0.5)
            if ready:
                lines.append(process.stdout.readline())
        assert lines[0] == "[1] built arguments.yaml into output/\n"
        assert lines[1].startswith("serving http://127.0.0.1:")
        port = int(lines[1].split(":")[2].split("/")[0])
        assert version(port) == {"version": 1, "ok": True, "errors": []}
        assert sorted(p.name for p in (tmp_path / "output").iterdir()) == [
            "index.html",
            "outline.html",
            "report.html",
            "report.md",
        ]
    finally:
        process.terminate()
        process.wait(DEADLINE)
        if process.stdout is not None:
            process.stdout.close()
