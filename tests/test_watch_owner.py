"""`argmap watch` serves only its owner, and no client can make it print a traceback.

Each test reproduces a finding of issue 16: any Host was answered (DNS rebinding);
`GET /%00` got no reply and a traceback; a client hanging up printed a BrokenPipe
traceback; connections never timed out; a save keeping size and mtime was not rebuilt;
a symbolic link in output/ published a file from elsewhere.
"""

from __future__ import annotations

import http.client
import os
import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap import watch
from argmap.watch import BuildResult, LivePreview

from .helpers import COMMENTED_MAP as MAP

DEADLINE = 20.0


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[LivePreview, int]]:
    (tmp_path / "arguments.yaml").write_text(MAP, encoding="utf-8")
    live = LivePreview(str(tmp_path / "arguments.yaml"), str(tmp_path / "output"))
    live.rebuild()
    try:
        yield live, live.serve(0)
    finally:
        live.close()


def request(port: int, path: str, host: str | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE)
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_its_own_addresses_are_answered(served: tuple[LivePreview, int], name: str) -> None:
    _, port = served
    assert request(port, "/__argmap/version", f"{name}:{port}")[0] == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "127.0.0.1", ""]
)
def test_any_other_host_is_forbidden(served: tuple[LivePreview, int], host: str) -> None:
    _, port = served
    for path in ("/", "/__argmap/version", "/index.html", "/report.md"):
        status, body = request(port, path, host.format(port=port))
        assert status == 403
        assert b"this server answers only its own address" in body
        assert b"Town" not in body and b"actor" not in body


@pytest.mark.parametrize("path", ["/%00", "/index.html%00.txt", "/%ff", "/a%0ab", "x"])
def test_a_malformed_path_is_400_and_no_traceback(
    served: tuple[LivePreview, int], path: str, capfd: pytest.CaptureFixture[str]
) -> None:
    _, port = served
    assert request(port, path)[0] == 400
    assert request(port, "/__argmap/version")[0] == 200  # still serving
    assert "Traceback" not in capfd.readouterr().err


def test_a_client_that_hangs_up_prints_nothing(
    served: tuple[LivePreview, int], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    _, port = served
    (tmp_path / "output" / "big.txt").write_bytes(b"x" * (32 << 20))
    for _ in range(5):
        client = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE)
        client.sendall(f"GET /big.txt HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        client.recv(1024)
        # Close with a reset (linger 0), as a browser tab closed mid-download does.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
    time.sleep(0.5)
    assert request(port, "/__argmap/version")[0] == 200
    assert capfd.readouterr().err == ""


def test_an_idle_connection_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(watch, "TIMEOUT", 0.3)
    (tmp_path / "arguments.yaml").write_text(MAP, encoding="utf-8")
    live = LivePreview(str(tmp_path / "arguments.yaml"), str(tmp_path / "output"))
    try:
        port = live.serve(0)
        client = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE)
        client.sendall(b"GET / HTTP/1.1\r\n")  # and never the rest
        assert client.recv(1024) == b""  # the server closed it, well before DEADLINE
        client.close()
    finally:
        live.close()
    assert "Traceback" not in capfd.readouterr().err


def test_a_save_that_keeps_size_and_mtime_is_rebuilt(served: tuple[LivePreview, int]) -> None:
    preview, _ = served
    mapfile = Path(preview.file)
    stat = mapfile.stat()
    mapfile.write_text(MAP.replace("title: T\n", "title: U\n"), encoding="utf-8")
    os.utime(mapfile, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (mapfile.stat().st_size, mapfile.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    assert preview.poll() == BuildResult(2, (), "index.html")


def test_a_symbolic_link_out_of_output_is_not_served(
    served: tuple[LivePreview, int], tmp_path: Path
) -> None:
    _, port = served
    (tmp_path / "secret.txt").write_text("password=hunter2", encoding="utf-8")
    (tmp_path / "output" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (tmp_path / "output" / "inside.md").symlink_to(tmp_path / "output" / "report.md")
    status, body = request(port, "/leak.txt")
    assert status == 404 and b"hunter2" not in body
    assert request(port, "/inside.md") == (200, (tmp_path / "output" / "report.md").read_bytes())
