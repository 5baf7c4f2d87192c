"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from argmap.errors import OutputError

__all__ = [
    "JOURNAL_SUFFIX",
    "FileChangedError",
    "edit_in_place",
    "journal_path",
    "recover",
    "write_atomic",
]


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 to `path` all at once, creating missing parent folders.

    The text goes to a temporary file in the same folder, which then replaces `path` in
    one rename: a crash or a full disk leaves the previous file whole, never a mix. Line
    ends are written as given. The file gets the usual permissions (0666 less the umask).
    Raises `OutputError` with a one-line message when the file cannot be written.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # os.open with 0o666 lets the umask decide, as for any newly created file.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):  # the folder itself may be what failed
            temporary.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise OutputError(f"cannot write {target}: {reason}") from None


# --------------------------------------------------------------------------- edits in place
#
# `argmap fmt` and `argmap add` change the map itself, and the map is the curator's file:
# it may be a symbolic link, have other hard links, be mode 0600 or belong to someone
# else. Replacing it by a rename (as `write_atomic` does for output) would break all of
# that, so an edit rewrites the same inode. Rewriting in place is not atomic, so it is
# journaled: the new content is first written whole, with its hash, to a journal beside
# the file and synced; only then is the file rewritten and synced, and the journal
# removed. A SIGKILL before the journal is complete leaves the file untouched and a
# journal that fails its hash; one after leaves a complete journal. Either way the next
# edit (or `recover`) finds it, finishes the copy or discards it, and removes it. The
# trade-off: between a SIGKILL in the middle of the in-place rewrite (a few milliseconds)
# and the next `argmap fmt` or `argmap add`, the file itself can be torn, with its
# journal beside it; no other exit leaves a journal, because SIGINT, SIGTERM and SIGHUP
# are held back while one exists.
#
# Two edits never interleave: each holds an exclusive flock on the map file from before
# it reads until after it writes. An editor that does not lock is caught by comparing
# the file's content, at write time, with what was read: the edit is then refused.

#: Beside `name`, the journal of an interrupted edit is `.name.argmap-journal`.
JOURNAL_SUFFIX = ".argmap-journal"
_MAGIC = b"argmap-journal 1 "
# How long an edit waits for another one to finish before giving up.
_LOCK_TIMEOUT = 60.0


class FileChangedError(OutputError):
    """The file changed after it was read; the edit was not written."""


def journal_path(path: str | os.PathLike[str]) -> Path:
    """Where the journal of an edit of `path` (after resolving symbolic links) is kept."""
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}{JOURNAL_SUFFIX}")


def edit_in_place(path: str | os.PathLike[str], change: Callable[[bytes], bytes | None]) -> bool:
    """Replace the content of `path` with `change(content)`, safely (see above).

    The file that a symbolic link points to is the one edited; its inode, mode, owner
    and hard links stay. `change` returns the new bytes, or None for no change; it runs
    under the lock, so two edits never lose one another's change. Returns whether the
    file was written. Raises `FileChangedError` if the file changed while `change` ran
    (nothing is written), `OutputError` if it cannot be written, and whatever `change`
    raises. Opening the file is left to the caller's error messages: `OSError` from
    opening it propagates.
    """
    real = os.path.realpath(path)
    fd = os.open(real, os.O_RDWR | os.O_CLOEXEC | os.O_NOCTTY)
    try:
        _lock(fd, path)
        _recover_locked(fd, real)
        old = _read_all(fd)
        new = change(old)
        if new is None or new == old:
            return False
        if hashlib.sha256(_read_all(fd)).digest() != hashlib.sha256(old).digest():
            raise FileChangedError(
                f"{path}: changed by another program while it was being edited;"
                " nothing was written, run the command again"
            )
        try:
            _journaled_write(fd, real, new)
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
        return True
    finally:
        os.close(fd)  # closing releases the lock


def recover(path: str | os.PathLike[str]) -> bool:
    """Finish or discard an edit of `path` interrupted by a kill; whether one was found.

    A complete journal is copied into the file; an incomplete one is dropped (the file
    was not touched yet). Either way the journal is removed.
    """
    real = os.path.realpath(path)
    if not journal_path(real).exists():
        return False
    fd = os.open(real, os.O_RDWR | os.O_CLOEXEC | os.O_NOCTTY)
    try:
        _lock(fd, path)
        return _recover_locked(fd, real)
    finally:
        os.close(fd)


def _lock(fd: int, path: str | os.PathLike[str]) -> None:
    deadline = time.monotonic() + _LOCK_TIMEOUT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise OutputError(
                    f"{path}: another argmap command has been editing it for"
                    f" {_LOCK_TIMEOUT:.0f} s; nothing was written"
                ) from None
            time.sleep(0.02)


def _read_all(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    chunks: list[bytes] = []
    offset = 0
    while True:
        chunk = os.pread(fd, max(size - offset, 1 << 16), offset)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        offset += len(chunk)


def _write_all(fd: int, data: bytes) -> None:
    offset = 0
    while offset < len(data):
        offset += os.pwrite(fd, data[offset:], offset)
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _sync_folder(folder: str) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _journaled_write(fd: int, real: str, data: bytes) -> None:
    journal = journal_path(real)
    header = _MAGIC + hashlib.sha256(data).hexdigest().encode() + b" %d\n" % len(data)
    with _signals_held():
        try:
            jfd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except FileExistsError:  # left by a kill and not ours to recover: we hold the lock
            journal.unlink()
            jfd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        try:
            try:
                _write_all(jfd, header + data)
            finally:
                os.close(jfd)
            _sync_folder(str(journal.parent))
            _write_all(fd, data)
        finally:
            # The file holds either its old content (the journal failed) or the new one.
            journal.unlink(missing_ok=True)
            _sync_folder(str(journal.parent))


def _recover_locked(fd: int, real: str) -> bool:
    journal = journal_path(real)
    try:
        record = journal.read_bytes()
    except FileNotFoundError:
        return False
    header, _, body = record.partition(b"\n")
    parts = header.removeprefix(_MAGIC).split(b" ")
    complete = (
        header.startswith(_MAGIC)
        and len(parts) == 2
        and parts[1] == b"%d" % len(body)
        and parts[0] == hashlib.sha256(body).hexdigest().encode()
    )
    with _signals_held():
        if complete:
            _write_all(fd, body)
        journal.unlink(missing_ok=True)
        _sync_folder(str(journal.parent))
    return True


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    # Ctrl-C, a terminal closing or a polite kill wait until the journal is gone, so
    # that only SIGKILL (or a crash) can leave one. Only the main thread can do this.
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
