"""The entry point: everything between the shell and the commands.

This module imports nothing heavy at the top, so that Ctrl-C while Typer and
Rich are still being imported ends like Ctrl-C anywhere else: one line and
exit 130.  It also owns the process's streams (a closed or full stdout, a
reader that leaves early) and turns Click's usage errors into one line in the
chosen language.  The commands themselves live in `medbal.cli`.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from typing import Any, NoReturn, TextIO

from medbal.errors import FAILED, INTERRUPTED, OK, TERMINATED, one_line


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that `finally` blocks clean up."""


def main() -> NoReturn:
    sys.exit(run(sys.argv[1:]))


def run(argv: list[str]) -> int:
    lang = _sniff_lang(argv)
    for stream in (sys.stdout, sys.stderr):
        # What a terminal's encoding cannot show becomes '?' (with one warning), never a crash.
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    out = _Guard(sys.stdout, "stdout", lang)
    err = _Guard(sys.stderr, "stderr", lang)
    sys.stdout, sys.stderr = out, err
    try:
        signal.signal(signal.SIGTERM, _raise_terminated)
        code = _dispatch(argv, lang)
    except KeyboardInterrupt:
        code = _say(lang, "interrupted", INTERRUPTED)
    except Terminated:
        code = _say(lang, "terminated", TERMINATED)
    except Exception as exc:  # a bug: still one line, with what to report
        if os.environ.get("MEDBAL_DEBUG"):
            raise
        code = _say(lang, "bug", FAILED, what=f"{type(exc).__name__}: {exc}")
    out.close_quietly()
    if out.failure is not None and out.failure.errno != errno.EPIPE:
        # A reader that leaves early (`| head`) is not an error; a full disk is.
        reason = out.failure.strerror or str(out.failure)
        _say(lang, "stdout_failed", FAILED, reason=reason)
        code = code or FAILED
    return code


def _dispatch(argv: list[str], lang: str) -> int:
    from medbal.cli import app  # the one lazy boundary between start-up and the commands

    try:
        result = app(args=argv, prog_name="medbal", standalone_mode=False)
    except Exception as exc:
        from medbal.usage import click_error_lines, is_click_error

        if not is_click_error(exc):
            raise
        lines, code = click_error_lines(exc, lang)
        for line in lines:
            sys.stderr.write(line + "\n")
        return code
    return result if isinstance(result, int) else OK


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated()


_WORDS = {
    "interrupted": ("interrupted.", "已中断。"),
    "terminated": ("terminated.", "已终止。"),
    "bug": ("internal error ({what}); please report it, and run again with MEDBAL_DEBUG=1 "
            "for the details",
            "内部错误（{what}）；请报告此问题，设置 MEDBAL_DEBUG=1 后重新运行可看到详情"),
    "lossy": ("this terminal's encoding ({encoding}) cannot show some characters; they "
              "appear as '?'. Use a UTF-8 locale (for example LANG=C.UTF-8) to see them",
              "此终端的编码（{encoding}）无法显示部分字符，已显示为“?”；请使用 UTF-8 "
              "编码（例如 LANG=C.UTF-8）"),
    "stdout_failed": ("cannot write to standard output: {reason}",
                      "无法写入标准输出：{reason}"),
}


def _say(lang: str, key: str, code: int, **values: str) -> int:
    en, zh = _WORDS[key]
    text = (zh if lang == "zh" else en).format(**values)
    try:
        text.encode(getattr(sys.stderr, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = en.format(**values)  # a message of '?' helps no one: English, which shows
    sys.stderr.write(f"\nmedbal: {one_line(text)}\n" if key == "interrupted"
                     else f"medbal: {one_line(text)}\n")
    sys.stderr.flush()
    return code


def _sniff_lang(argv: list[str]) -> str:
    """The language asked for, read from the words alone (Click has not parsed them yet)."""
    value = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word in ("--lang", "-l") and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith("--lang="):
            value = word[len("--lang="):]
        elif word.startswith("-l") and len(word) > 2 and not word.startswith("--"):
            value = word[2:]
    for candidate in (value, os.environ.get("MEDBAL_LANG")):
        if candidate and candidate.strip().lower()[:2] in ("en", "zh"):
            return candidate.strip().lower()[:2]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = os.environ.get(var)
        if found:
            return "zh" if found.lower().startswith("zh") else "en"
    return "en"


class _Guard:
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
            _say(self.lang, "lossy", OK, encoding=self.encoding)
        except LookupError:
            self._lossy_checked = True

    def flush(self) -> None:
        if self.failure is None and self._stream is not None:
            try:
                self._stream.flush()
            except OSError as exc:
                self.failure = exc

    @property
    def buffer(self) -> _BufferGuard:
        return _BufferGuard(self)

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


class _BufferGuard:
    """The bytes side of a guarded stream: documents go out as UTF-8 bytes."""

    def __init__(self, guard: _Guard):
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
