"""Writing results: JSON text, and files written atomically."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

from medbal.errors import OutputError


def write_atomic(target: str, text: str) -> None:
    """Write via a temporary file and a rename: never half a checklist on disk."""
    path = Path(target)
    if path.is_dir():
        raise OutputError(f"--output '{target}' is a folder; give a file name",
                          f"--output “{target}”是文件夹，请给出文件名")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        # A device or pipe (/dev/stdout, a FIFO) cannot be renamed over: write it directly.
        _write_direct(path, text)
        return
    import tempfile  # only when writing a file: JSON to stdout does not pay for it

    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write '{target}': the folder '{folder}' does not exist",
                          f"无法写入“{target}”：文件夹“{folder}”不存在")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise


def _write_direct(path: Path, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise _cannot_write(str(path), exc) from None


def _cannot_write(target: str, exc: OSError) -> OutputError:
    return OutputError(f"cannot write '{target}': {exc.strerror}",
                       f"无法写入“{target}”：{exc.strerror}")


def json_text(data: object, for_stdout: bool = False) -> str:
    """JSON as UTF-8 text; for a stdout that cannot encode it (ascii, cp1252), \\u escapes.

    Either way the JSON stays valid and loses nothing.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if for_stdout:
        try:
            text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            text = json.dumps(data, ensure_ascii=True, indent=2) + "\n"
    return text
