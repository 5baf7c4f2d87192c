"""The command line's exit without freeing the heap (`cli._exit_unfreed`): same codes, same output."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from argmap import cli as cli_module

from .helpers import BASE

ROOT = Path(__file__).parent.parent


def run(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "argmap"]
    # Buffered output, as an installed `argmap` writes into a pipe: what is not flushed
    # before `os._exit` is then lost, and these tests see it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, cwd=ROOT, check=False, env=env
    )


def test_a_failing_check_prints_every_line_and_exits_1() -> None:
    result = run("check", "tests/fixtures/every_problem.yaml")
    expected = (ROOT / "tests/fixtures/every_problem.out").read_text().splitlines()
    assert result.returncode == 1
    assert result.stdout.splitlines()[: len(expected)] == expected
    assert result.stdout.endswith(")\n")  # the summary line, flushed before the exit


def test_a_clean_check_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "arguments.yaml"
    path.write_text(BASE, encoding="utf-8")
    result = run("check", str(path))
    assert (result.returncode, result.stdout) == (0, f"{path}: no problems\n")


def test_a_usage_error_exits_2_with_its_message() -> None:
    result = run("check", "--level", "nonsense")
    assert result.returncode == 2
    assert "is not RULE=LEVEL" in result.stderr


def test_the_atexit_handlers_still_run() -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler ran'))\n"
        "sys.argv = ['argmap', '--version']\n"
        "from argmap.cli import cli\n"
        "cli(prog_name='argmap')\n"
    )
    result = run(code=code)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "handler ran"


def test_the_fast_exit_is_taken_only_from_the_command_line() -> None:
    code = (
        "import os, sys\n"
        "from argmap.cli import cli\n"
        "real = os._exit\n"
        "os._exit = lambda status: (print('fast', status), sys.stdout.flush(), real(status))\n"
        "try:\n"
        "    cli(['--version'])\n"
        "except SystemExit as done:\n"
        "    print('raised', done.code)\n"
        "sys.argv = ['argmap', '--version']\n"
        "cli()\n"
    )
    result = run(code=code)
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        "argmap,",
        "raised",
        "argmap,",
        "fast",
    ]


def test_a_text_exit_or_a_running_thread_takes_the_normal_exit() -> None:
    with pytest.raises(SystemExit) as raised:
        cli_module._exit_unfreed(SystemExit("a message"))
    assert raised.value.code == "a message"
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with pytest.raises(SystemExit) as raised:
            cli_module._exit_unfreed(SystemExit(3))
        assert raised.value.code == 3
    finally:
        stop.set()
        thread.join()


def test_a_run_under_a_profiler_or_tracer_takes_the_normal_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def profiler(*_: object) -> None:
        return None

    def taken(*_: object) -> None:
        raise AssertionError("the fast exit was taken")

    # Were the exit taken, it would end pytest itself and run its atexit handlers.
    monkeypatch.setattr(cli_module.os, "_exit", taken)
    monkeypatch.setattr(cli_module.atexit, "_run_exitfuncs", taken)

    for install, uninstall in (
        (lambda: sys.setprofile(profiler), lambda: sys.setprofile(None)),
        (lambda: sys.settrace(profiler), lambda: sys.settrace(None)),
    ):
        previous = sys.gettrace()  # pytest's own coverage or debugger, if any
        install()
        try:
            with pytest.raises(SystemExit) as raised:
                cli_module._exit_unfreed(SystemExit(4))
        finally:
            uninstall()
            sys.settrace(previous)
        assert raised.value.code == 4


def test_cprofile_of_a_command_line_run_writes_its_profile(tmp_path: Path) -> None:
    out = tmp_path / "check.prof"
    result = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "argmap", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("argmap, version ")
    assert out.stat().st_size > 0
