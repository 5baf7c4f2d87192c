"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

from argmap.errors import OutputError

__all__ = ["write_atomic"]


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
