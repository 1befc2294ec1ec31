"""Writing results to files, atomically (medbal.present.output is the one caller)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from medbal.core.errors import OutputError

# A new file of its own, as tempfile.mkstemp makes one: never an existing file or a link.
_NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _nothing() -> None:
    pass


def write_atomic(target: str, text: str, ready: Callable[[], None] = _nothing) -> None:
    """Write via a temporary file and a rename: never half a checklist on disk.

    A symlink is written through (its target is replaced, the link stays), an
    existing file keeps its permissions, and a device or pipe is refused: as root,
    renaming over `/dev/stdout` would replace the device with a regular file.  A
    file the user could not write in place (read-only, or another user's) is refused
    as a plain write would refuse it: the rename must not go around its permissions.
    The temporary file is removed on any interruption, Ctrl-C and SIGTERM too
    (medbal.process turns SIGTERM into an exception so that this cleanup runs).
    `ready` is called just before the rename, which is the write's one moment of
    commitment: medbal.process raises there a signal Python swallowed while the file was
    written, so that nothing is written after a signal came.  A signal after the rename
    ends the run with its code and leaves the whole file: it is no longer being written.
    """
    path, mode = _checked_target(target)
    # Named before it is made, so that a signal in the instant after os.open made it still
    # finds it to remove: tempfile.mkstemp names its file only after making it, and a
    # Ctrl-C there (the fuzz profile interrupts at every line) left a `.part` file behind.
    tmp = path.parent / f".{path.name}.{os.urandom(6).hex()}.part"
    try:
        fd = os.open(tmp, _NEW_FILE, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        ready()
        os.replace(tmp, path)
    except BaseException as exc:
        if not isinstance(exc, FileExistsError):  # that name was another's, not ours
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise


def _checked_target(target: str) -> tuple[Path, int]:
    """The file to replace (a link's target) and the mode to give it; OutputError for a
    name that is no file to write: empty, a folder, a device or pipe (`/dev/stdout` into
    `| cat`), one the user may not write, or one the system refuses (too long, a loop)."""
    if not target:
        raise OutputError("output_empty")
    if target.endswith((os.sep, f"{os.sep}.", f"{os.sep}..")) or target in (".", ".."):
        if os.path.isdir(target):
            raise OutputError("output_is_folder", target=target)
        raise OutputError("output_no_folder", target=target, folder=target)
    try:
        info = os.stat(target)  # through a link, as open() would
    except FileNotFoundError:
        info = None
    except OSError as exc:  # ENAMETOOLONG, ELOOP, ENOTDIR, EACCES
        raise _cannot_write(target, exc) from None
    mode = _new_file_mode()
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError("output_is_folder", target=target)
        if not stat.S_ISREG(info.st_mode):
            raise OutputError("output_not_regular", target=target)
        if not os.access(target, os.W_OK):
            raise _cannot_write(target, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
        mode = stat.S_IMODE(info.st_mode)
    path = Path(os.path.realpath(target))
    if not path.parent.is_dir():
        raise OutputError("output_no_folder", target=target, folder=path.parent)
    return path, mode


def _new_file_mode() -> int:
    """What a new file gets from open(): 0666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _cannot_write(target: str, exc: OSError) -> OutputError:
    return OutputError("output_failed", target=target, reason=exc.strerror or str(exc))
