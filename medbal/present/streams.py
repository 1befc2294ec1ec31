"""The standard streams as medbal writes them: never raising into the program.

Installed by medbal.launch for a real run (CliRunner tests keep their own streams).
"""

from __future__ import annotations

import errno
import os
from typing import Any, TextIO

from medbal.core.errors import OK


class Guard:
    """A standard stream that never raises into the program.

    stdout may be closed (`>&-`, Python then has no sys.stdout), full
    (`>/dev/full`) or a pipe whose reader left.  The first failure is kept and
    every later write is dropped, so the command finishes its work (and its
    files) and `run` reports the failure once, as one line and an exit code.
    """

    def __init__(self, stream: TextIO | None, name: str, lang: str):
        self._stream = stream
        self.name, self.lang = name, lang
        self.failure: OSError | None = None
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        self._lossy_checked = encoding in ("utf8", "utf8sig")  # nothing is lost in UTF-8
        if stream is None:
            self.failure = OSError(errno.EBADF, os.strerror(errno.EBADF))

    def write(self, text: str) -> int:
        if not self._lossy_checked and self.name == "stdout":
            self._warn_if_lossy(text)
        if self.failure is None:
            try:
                assert self._stream is not None
                self._stream.write(text)
            except OSError as exc:
                self.failure = exc
        return len(text)

    def _warn_if_lossy(self, text: str) -> None:
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            self._lossy_checked = True
            from medbal.launch import say

            say(self.lang, "lossy", OK, encoding=self.encoding)
        except LookupError:
            self._lossy_checked = True

    def flush(self) -> None:
        if self.failure is None and self._stream is not None:
            try:
                self._stream.flush()
            except OSError as exc:
                self.failure = exc

    @property
    def buffer(self) -> BufferGuard:
        return BufferGuard(self)

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def close_quietly(self) -> None:
        self.flush()
        if self.failure is not None and self._stream is not None:
            # Python flushes stdout again at exit; point the descriptor at
            # /dev/null so that last flush cannot print "Exception ignored".
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self._stream.fileno())
                os.close(devnull)
            except (OSError, ValueError, AttributeError):
                pass

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


class BufferGuard:
    """The bytes side of a guarded stream: documents go out as UTF-8 bytes."""

    def __init__(self, guard: Guard):
        self._guard = guard

    def write(self, data: bytes) -> int:
        guard = self._guard
        if guard.failure is None:
            try:
                assert guard._stream is not None
                guard._stream.flush()
                guard._stream.buffer.write(data)
            except OSError as exc:
                guard.failure = exc
        return len(data)

    def flush(self) -> None:
        guard = self._guard
        if guard.failure is None and guard._stream is not None:
            try:
                guard._stream.buffer.flush()
            except OSError as exc:
                guard.failure = exc
