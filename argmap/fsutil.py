"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import stat
import threading
import time
import uuid
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from itertools import accumulate
from pathlib import Path

from argmap.errors import OutputError

__all__ = [
    "JOURNAL_SUFFIX",
    "Content",
    "FileChangedError",
    "Text",
    "edit_in_place",
    "journal_path",
    "recover",
    "write_all_or_none",
    "write_atomic",
]


def write_atomic(path: str | os.PathLike[str], text: Text) -> None:
    """Write `text` (a string, or its parts: `Text`) as UTF-8 to `path` all at once,
    creating missing parent folders.

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
            # A chunk at a time: encoding a 300 MB export at once held a copy of it.
            for chunk in _chunks(text, _CHUNK):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):  # the folder itself may be what failed
            temporary.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise OutputError(f"cannot write {target}: {reason}") from None


# --------------------------------------------------------------------------- several files
#
# A build writes four files that link to one another, so a reader must see either all
# the new ones or all the old ones. Swapping the whole folder would delete the files a
# user keeps beside them (and a served or mounted folder cannot be swapped), so each
# file is replaced by a rename and the old one is kept under a backup name until every
# rename has succeeded; on any failure the backups are renamed back. A backup is a hard
# link (no copy, same inode), or a copy where the file system has no hard links. Every
# step that can fail for a reason found in advance (a target that is a folder, a file
# that cannot be linked or copied) runs before the first rename.


#: A file's text: one string, or strings written one after the other. A big render hands
#: over its parts unjoined: at 100,000 stances report.html is 90 million characters, 180 MB
#: as one string (two bytes a character once one is not Latin-1), and joining the parts
#: would hold them and the whole at once.
Text = str | list[str]

#: What `write_all_or_none` writes for one file: its text, or a function that renders it.
Content = Text | Callable[[], Text]

# Text is encoded and written about this many characters at a time: encoding a whole 90 MB
# page at once would hold a second, encoded copy of it, and a write per part (a page has
# hundreds of thousands) would cost more than the encoding.
_CHUNK = 1 << 20


def write_all_or_none(
    folder: str | os.PathLike[str], files: Mapping[str, Content]
) -> tuple[Path, ...]:
    """Write `files` (name -> UTF-8 `Text`, or a function returning it) into `folder`: all
    of them, or none.

    A function is called just before its file is written, and its text is dropped once
    the file's temporary copy is complete, so a build holds one output's text at a time,
    not all of them. On any failure (a file that cannot be written, or an exception while
    rendering one) every file in `folder` is as it was before (new ones removed, replaced
    ones restored), no temporary file is left, and `OutputError` names the real file that
    failed and why; an exception from a render is raised as it is. Other files in
    `folder` are never touched.
    """
    where = Path(folder)
    targets = [where / name for name in files]
    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    current = where
    try:
        # What can be refused without writing is refused before the first render.
        for target in targets:
            current = target
            _refuse_folder(target)
        for target, content in zip(targets, files.values(), strict=True):
            text = content() if callable(content) else content
            current = target
            where.mkdir(parents=True, exist_ok=True)
            temporary = _sibling(target, "tmp")
            staged.append((temporary, target))
            _write_new(temporary, text)
            del text  # the next render need not share the memory with this one
    except OSError as error:
        _roll_back(staged, {}, [])
        raise OutputError(
            f"cannot write {current}: {error.strerror or error}; nothing was changed"
        ) from None
    except BaseException:  # a bug in a render or an interrupt: no temporary file is left
        _roll_back(staged, {}, [])
        raise
    return _replace_all(where, staged)


def _write_new(temporary: Path, text: Text) -> None:
    # 0o666 and the umask, as for any new file; O_EXCL never reuses a stray file.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        for chunk in _chunks(text, _CHUNK):
            handle.write(chunk)
        handle.flush()
        os.fsync(handle.fileno())


def _chunks(text: Text, size: int) -> Iterator[str]:
    """`text` as consecutive strings of at most `size` characters, none empty: each run of
    shorter parts joined, a part of `size` or more cut. The parts are measured and the runs
    found in C (`accumulate`, `bisect`): a page has hundreds of thousands of parts, and a
    Python step per part cost a tenth of the write.

    >>> list(_chunks(["ab", "c", "defgh", "", "i", "j"], 3))
    ['abc', 'def', 'gh', 'ij']
    """
    parts = [text] if isinstance(text, str) else text
    ends = array("q", accumulate(map(len, parts)))  # characters up to the end of each part
    first = 0
    while first < len(parts):
        part = parts[first]
        if len(part) >= size:
            for start in range(0, len(part), size):
                yield part[start : start + size]
            first += 1
            continue
        # The run of parts from `first` that fits in `size` characters (one at least).
        stop = bisect_right(ends, ends[first] - len(part) + size, first)
        if ends[stop - 1] > ends[first] - len(part):
            yield "".join(parts[first:stop])
        first = stop


def _replace_all(where: Path, staged: list[tuple[Path, Path]]) -> tuple[Path, ...]:
    """Rename every complete temporary over its target, keeping the old files until the
    last rename has succeeded; on any failure put the old ones back."""
    backups: dict[Path, Path] = {}  # target -> its backup
    done: list[Path] = []  # targets already renamed into place
    current = where
    # Ctrl-C or a polite kill waits until the folder is whole again, old or new.
    with _signals_held():
        try:
            for _, target in staged:
                current = target
                if os.path.lexists(target):
                    backups[target] = _backup(target)
            for temporary, target in staged:
                current = target
                os.replace(temporary, target)
                done.append(target)
        except OSError as error:
            reason = error.strerror or str(error)
            lost = _roll_back(staged, backups, done)
            outcome = f"could not restore {', '.join(lost)}" if lost else "nothing was changed"
            raise OutputError(f"cannot write {current}: {reason}; {outcome}") from None
        except BaseException:  # a bug or an interrupt: still leave the folder as it was
            _roll_back(staged, backups, done)
            raise
    for backup in backups.values():
        with contextlib.suppress(OSError):  # a stray backup is harmless, the build is done
            backup.unlink()
    with contextlib.suppress(OSError):
        _sync_folder(str(where))
    return tuple(target for _, target in staged)


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{uuid.uuid4().hex}.{kind}")


def _refuse_folder(target: Path) -> None:
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "it is a folder, not a file", str(target))


def _backup(target: Path) -> Path:
    backup = _sibling(target, "old")
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:  # no hard links here (or not for this file): keep a copy instead
        shutil.copy2(target, backup, follow_symlinks=False)
    return backup


def _roll_back(
    staged: list[tuple[Path, Path]], backups: dict[Path, Path], done: list[Path]
) -> list[str]:
    """Undo a partial `write_all_or_none`; the files that could not be restored."""
    lost: list[str] = []
    for target in reversed(done):
        backup = backups.get(target)
        try:
            if backup is None:
                target.unlink()
            else:
                os.replace(backup, target)
        except OSError as error:
            kept = f" (its previous content is in {backup})" if backup else ""
            lost.append(f"{target}: {error.strerror or error}{kept}")
            backups.pop(target, None)
    for path in [*(t for t, _ in staged), *backups.values()]:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    return lost


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
