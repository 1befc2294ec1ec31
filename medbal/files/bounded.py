"""Reading a file a person names: a saved file of bounded size, never a device or a pipe.

A FIFO blocks forever waiting for a writer, and /dev/zero or /dev/urandom never
end; a tree or an answers file is a small saved file, so anything else is
refused before a byte is read.  Kept free of YAML and Rich imports: the cache's
fast path reads files through here too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from medbal.core.errors import MedbalError

# The shipped trees are a few KiB; a generated 5,000-question tree is about 1 MiB.
MAX_TREE_BYTES = 32 * 1024 * 1024
MAX_ANSWERS_BYTES = 1024 * 1024


class Unreadable(MedbalError):
    """Why a file cannot be read, in both languages, without the file's name."""


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or Unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise Unreadable(f"cannot be read ({reason})", f"无法读取（{reason}）") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable("is a folder, expected a .yaml file",
                             "是文件夹，应为 .yaml 文件")
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("is not a saved file (a device, pipe or socket); save it to a "
                             "file first", "不是普通文件（而是设备、管道或套接字）；请先保存为文件")
        if info.st_size > limit:
            raise Unreadable(f"is too large ({info.st_size:,} bytes; at most {limit:,})",
                             f"太大（{info.st_size:,} 字节；最多 {limit:,} 字节）")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # the file may grow while it is read: stop past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise Unreadable(f"is too large (more than {limit:,} bytes)",
                             f"太大（超过 {limit:,} 字节）")
        return b"".join(chunks)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise Unreadable(f"cannot be read ({reason})", f"无法读取（{reason}）") from None
    finally:
        os.close(fd)
