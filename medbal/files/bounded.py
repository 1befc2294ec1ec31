"""Reading a file a person names: a saved file of bounded size, never a device or a pipe.

A FIFO blocks forever waiting for a writer, and /dev/zero or /dev/urandom never
end; a tree or an answers file is a small saved file, so anything else is
refused before a byte is read.  Kept free of YAML imports: the cache's
fast path reads files through here too.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from medbal.core.errors import MedbalError

# The shipped trees are a few KiB; a generated 5,000-question tree is about 1 MiB.
MAX_TREE_BYTES = 32 * 1024 * 1024
MAX_ANSWERS_BYTES = 1024 * 1024
STDIN = "<stdin>"  # how a file read from standard input (`-`) is named: <stdin>:LINE:COL


class Unreadable(MedbalError):
    """Why a file cannot be read, in both languages, without the file's name."""


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or Unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise Unreadable("file_unreadable", reason=reason) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable("file_is_folder")
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("file_not_regular")
        if info.st_size > limit:
            raise Unreadable("file_too_large", size=info.st_size, limit=limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # the file may grow while it is read: stop past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise Unreadable("file_grew_too_large", limit=limit)
        return b"".join(chunks)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise Unreadable("file_unreadable", reason=reason) from None
    finally:
        os.close(fd)


def read_stdin(limit: int) -> bytes:
    """Standard input to its end, as `-` names it in place of a file, within the same
    bound as a file: a pipe is read as it comes, never waited on past its end."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # stdin closed (`<&-`)
        raise Unreadable("file_unreadable", reason=os.strerror(9))
    try:
        data: bytes = stream.read(limit + 1)
    except OSError as exc:
        raise Unreadable("file_unreadable", reason=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise Unreadable("file_grew_too_large", limit=limit)
    return data


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a file becomes objects: its repeated
    passes over the nodes a 5,000-question file composes into made loading 5x slower
    than linear, and over the records a cached entry decodes into, a third slower.
    Nothing built then is garbage until the load ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
