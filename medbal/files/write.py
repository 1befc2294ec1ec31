"""Writing results to files, atomically (medbal.present.output is the one caller)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from medbal.core.errors import OutputError


def write_atomic(target: str, text: str) -> None:
    """Write via a temporary file and a rename: never half a checklist on disk.

    A symlink is written through (its target is replaced, the link stays), an
    existing file keeps its permissions, and a device or pipe is refused: as root,
    renaming over `/dev/stdout` would replace the device with a regular file.
    The temporary file is removed on any interruption, Ctrl-C and SIGTERM too
    (medbal.process turns SIGTERM into an exception so that this cleanup runs).
    """
    path = Path(os.path.realpath(target))
    if path.is_dir():
        raise OutputError("output_is_folder", target=target)
    mode = _new_file_mode()
    if path.exists():
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise OutputError("output_not_regular", target=target)
        mode = stat.S_IMODE(info.st_mode)
    import tempfile  # only when writing a file: JSON to stdout does not pay for it

    folder = path.parent
    if not folder.is_dir():
        raise OutputError("output_no_folder", target=target, folder=folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise


def _new_file_mode() -> int:
    """What a new file gets from open(): 0666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _cannot_write(target: str, exc: OSError) -> OutputError:
    return OutputError("output_failed", target=target, reason=exc.strerror)
