"""The process as a whole: streams, signals, the dispatch to a command, the exit code.

medbal.launch holds SIGINT and SIGTERM from its first statement; `run` takes over
from there: it installs the handlers that raise (so `finally` blocks clean up, and
a file being written is removed), guards the standard streams (a closed or full
stdout, a reader that leaves early), runs the command and reports whatever ended it
through the one reporter (medbal.present.output.report): one line in the chosen
language and a documented exit code, never a traceback.

A signal Python could not raise where it came (inside an import lock, a finalizer,
a callback: "Exception ignored in ...") is still answered: it is recorded when it
comes, checked before anything is written, and decides the exit code at the end.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from typing import Any, TextIO

from medbal.core.errors import (
    FAILED,
    INTERRUPTED,
    OK,
    TERMINATED,
    USAGE,
    MedbalError,
    Phrase,
    TreeError,
)
from medbal.core.langs import LANGS
from medbal.i18n.lang import resolve
from medbal.present import output


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that `finally` blocks clean up."""


# The signals received and not yet answered by an exit code (medbal.launch's list, when
# it held them during start-up).
_pending: list[int] = []


def run(argv: list[str], held: list[int] | None = None) -> int:
    """The whole program: an exit code, never a traceback.  `held` are the signals
    medbal.launch caught before this module was ready."""
    global _pending
    _pending = held if held is not None else []
    lang, as_json = LANGS[0], False
    try:
        lang = resolve(sniff(argv, ("--lang", "-l")), strict=False)
        as_json = sniff(argv, ("--format", "-f")) == "json"
        _arm()
        code = _run(argv, lang, as_json)
        raise_pending()  # a signal swallowed at the very end still decides the exit code
        _disarm()  # inside: a signal before it is done is still answered here
    except KeyboardInterrupt:  # even while the modules below are still being imported
        code = _signalled(lang, as_json, INTERRUPTED)
    except Terminated:
        code = _signalled(lang, as_json, TERMINATED)
    _disarm()  # after a signal's line: its handlers hold, never raise, until here
    return code


def _disarm() -> None:
    """The exit code is decided: a Ctrl-C or a SIGTERM from here on ends the process as
    it would any program (the shell sees 130 or 143), rather than coming too late to
    change the code, or raising where nothing catches it (a traceback in the last
    instant, once the run had returned: found by a signal at each of the last calls)."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        if signal.getsignal(signum) in (_raise, _record):
            signal.signal(signum, signal.SIG_DFL)


def _signalled(lang: str, as_json: bool, code: int) -> int:
    """The one line for a signal; a second Ctrl-C while it is said is held, not raised."""
    _hold_signals()
    _pending.clear()
    if code == INTERRUPTED:  # on a line of its own, after the ^C the terminal echoed
        return output.report(Phrase("interrupted"), lang, code, as_json=as_json, blank_before=True)
    return output.report(Phrase("terminated"), lang, code, as_json=as_json)


# --- signals ------------------------------------------------------------------------


def _arm() -> None:
    """Handlers that raise from here on, a quiet unraisable hook for what they raise
    where Python cannot pass it on, and the output's checkpoint; then a signal held
    during start-up ends the run at once."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) != signal.SIG_IGN:  # a background job's SIGINT
            signal.signal(signum, _raise)
    sys.unraisablehook = _unraisable
    output.checkpoint = raise_pending
    raise_pending()


def _hold_signals() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) == _raise:
            signal.signal(signum, _record)


def _rearm() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) == _record:
            signal.signal(signum, _raise)


def _record(signum: int, frame: object) -> None:
    _pending.append(signum)


def _raise(signum: int, frame: object) -> None:
    _pending.append(signum)
    raise KeyboardInterrupt() if signum == signal.SIGINT else Terminated()


def raise_pending() -> None:
    """Raise for a signal that came and has not ended the run yet (Python swallowed the
    exception, or medbal.launch held it): before a file is written, and at the end."""
    if _pending:
        signum = _pending[-1]
        _pending.clear()
        raise KeyboardInterrupt() if signum == signal.SIGINT else Terminated()


_default_unraisable = sys.unraisablehook


def _unraisable(info: Any) -> None:
    # Python prints "Exception ignored in ..." for an exception it cannot raise (in an
    # import lock's callback, a finalizer).  Ours are recorded in _pending and answered
    # by an exit code; anything else is still printed, as Python would.
    if isinstance(info.exc_value, (KeyboardInterrupt, Terminated)):
        return
    _default_unraisable(info)


# --- the run ------------------------------------------------------------------------


def _run(argv: list[str], lang: str, as_json: bool) -> int:
    out, err = _guard_streams(lang)
    try:
        code = _dispatch(argv, lang, as_json)
    except KeyboardInterrupt:
        code = _signalled(lang, as_json, INTERRUPTED)
    except Terminated:
        code = _signalled(lang, as_json, TERMINATED)
    except Exception as exc:
        code = _failed(exc, lang, as_json)
    out.close_quietly()
    if out.failure is not None and out.failure.errno != errno.EPIPE:
        # A reader that leaves early (`| head`) is not an error; a full disk is.
        reason = out.failure.strerror or str(out.failure)
        output.report(Phrase("stdout_failed", reason=reason), lang, FAILED)
        code = code or FAILED
    return code


def _failed(exc: Exception, lang: str, as_json: bool) -> int:
    """A bug: still one line, with what to report.  Unless a signal came: Python turns
    one into another error in places (a RuntimeError from a class body's __set_name__),
    and then it is the signal that ended the run."""
    if _pending:
        signum = _pending[-1]
        return _signalled(lang, as_json, INTERRUPTED if signum == signal.SIGINT else TERMINATED)
    if os.environ.get("MEDBAL_DEBUG"):
        raise exc
    why = f"{type(exc).__name__}: {exc!r}"[:300]
    return output.report(Phrase("bug", what=why), lang, FAILED, as_json=as_json)


def _guard_streams(lang: str) -> tuple[Guard, Guard]:
    # reconfigure drops the stream's encoder and builds the new one in Python code (codecs):
    # a signal raised in there left stderr without one ("not writable"), and the signal's
    # own line was lost (exit 143, nothing said).  Held while they are rebuilt.
    _hold_signals()
    try:
        for stream in (sys.stdout, sys.stderr):
            # What a terminal's encoding cannot show becomes '?' (with one warning), never a crash.
            try:
                stream.reconfigure(errors="replace")  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                pass
    finally:
        _rearm()
    raise_pending()
    out = Guard(sys.stdout, "stdout", lang)
    err = Guard(sys.stderr, "stderr", lang)
    sys.stdout, sys.stderr = out, err
    return out, err


def _dispatch(argv: list[str], lang: str, as_json: bool) -> int:
    from medbal.commands.app import cli  # the one lazy boundary between start-up and the commands

    try:
        if "_MEDBAL_COMPLETE" in os.environ:  # the shell asks for completions
            from medbal.commands.complete import check_environment

            check_environment(os.environ)
        result = cli(argv)(args=argv, prog_name="medbal", standalone_mode=False)
    except TreeError as exc:
        return output.report_problems(exc.problems, FAILED, as_json=as_json)
    except MedbalError as exc:  # outside a command (shell completion's environment)
        return output.report(exc, lang, exc.exit_code, as_json=as_json)
    except Exception as exc:
        from medbal.commands.click_errors import click_error, help_instead, is_click_error

        if not is_click_error(exc):
            raise
        shown = help_instead(exc)
        if shown is not None:
            output.write_text(shown, err=True)
            return USAGE
        message, hint, code = click_error(exc)
        return output.report(message, lang, code, as_json=as_json, hint=hint)
    if result == INTERRUPTED:
        # Typer turns Ctrl-C anywhere in a command into this code, without a word.
        return _signalled(lang, as_json, INTERRUPTED)
    return result if isinstance(result, int) else OK


def sniff(argv: list[str], names: tuple[str, str]) -> str | None:
    """An option's value read from the words alone (Click has not parsed them yet): the
    language and the format decide how an error is told before Click has read them."""
    long, short = names
    value = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word in names and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith(long + "="):
            value = word[len(long) + 1 :]
        elif word.startswith(short) and len(word) > 2 and not word.startswith("--"):
            value = word[2:]
    return value


# --- the standard streams -----------------------------------------------------------


class Guard:
    """A standard stream that never raises into the program.

    stdout may be closed (`>&-`, Python then has no sys.stdout), full
    (`>/dev/full`) or a pipe whose reader left.  The first failure is kept and
    every later write is dropped, so the command finishes its work (and its
    files) and `run` reports the failure once, as one line and an exit code.
    `written` says whether anything went out (an error envelope must not follow a result).
    """

    def __init__(self, stream: TextIO | None, name: str, lang: str):
        self._stream = stream
        self.name, self.lang = name, lang
        self.failure: OSError | None = None
        self.written = False
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        self._lossy_checked = encoding in ("utf8", "utf8sig")  # nothing is lost in UTF-8
        if stream is None:
            self.failure = OSError(errno.EBADF, os.strerror(errno.EBADF))

    def write(self, text: str) -> int:
        if not self._lossy_checked and self.name == "stdout":
            self._warn_if_lossy(text)
        self.written = self.written or bool(text)
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
            output.report(Phrase("lossy", encoding=self.encoding), self.lang, OK)
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
        guard.written = guard.written or bool(data)
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
