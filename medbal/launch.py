"""The entry point: everything between the shell and the commands.

This module imports nothing heavy at the top, so that Ctrl-C while Typer and
the model are still being imported ends like Ctrl-C anywhere else: one line and
exit 130.  It also owns the process's streams (a closed or full stdout, a
reader that leaves early) and turns Click's usage errors into one line in the
chosen language.  The commands themselves live in `medbal.commands.app`.
"""

from __future__ import annotations

# Only modules the interpreter has loaded before any of medbal's code runs: the
# smaller this module's own start, the shorter the moment in which Ctrl-C could
# arrive before `run` is ready for it (a test checks these imports).
import os
import sys

INTERRUPTED, TERMINATED, FAILED = 130, 143, 1  # as in medbal.core.errors, which imports more


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that `finally` blocks clean up."""


def main() -> None:
    sys.exit(run(sys.argv[1:]))


def run(argv: list[str]) -> int:
    """The whole program: an exit code, never a traceback."""
    lang = "en"
    try:
        lang = _sniff_lang(argv)
        return _run(argv, lang)
    except KeyboardInterrupt:  # even while the modules below are still being imported
        return say(lang, "interrupted", INTERRUPTED)
    except Terminated:
        return say(lang, "terminated", TERMINATED)


def _run(argv: list[str], lang: str) -> int:
    import errno
    import signal

    from medbal.present.streams import Guard

    for stream in (sys.stdout, sys.stderr):
        # What a terminal's encoding cannot show becomes '?' (with one warning), never a crash.
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    out = Guard(sys.stdout, "stdout", lang)
    err = Guard(sys.stderr, "stderr", lang)
    sys.stdout, sys.stderr = out, err
    try:
        signal.signal(signal.SIGTERM, _raise_terminated)
        code = _dispatch(argv, lang)
    except KeyboardInterrupt:
        code = say(lang, "interrupted", INTERRUPTED)
    except Terminated:
        code = say(lang, "terminated", TERMINATED)
    except Exception as exc:  # a bug: still one line, with what to report
        if os.environ.get("MEDBAL_DEBUG"):
            raise
        code = say(lang, "bug", FAILED, what=f"{type(exc).__name__}: {exc!r}"[:300])
    out.close_quietly()
    if out.failure is not None and out.failure.errno != errno.EPIPE:
        # A reader that leaves early (`| head`) is not an error; a full disk is.
        reason = out.failure.strerror or str(out.failure)
        say(lang, "stdout_failed", FAILED, reason=reason)
        code = code or FAILED
    return code


def _dispatch(argv: list[str], lang: str) -> int:
    from medbal.commands.app import cli  # the one lazy boundary between start-up and the commands

    try:
        result = cli(argv)(args=argv, prog_name="medbal", standalone_mode=False)
    except Exception as exc:
        from medbal.commands.usage import click_error_lines, is_click_error

        if not is_click_error(exc):
            raise
        lines, code = click_error_lines(exc, lang)
        for line in lines:
            sys.stderr.write(line + "\n")
        return code
    if result == INTERRUPTED:
        # Typer turns Ctrl-C anywhere in a command into this code, without a word.
        return say(lang, "interrupted", INTERRUPTED)
    return result if isinstance(result, int) else 0


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


def say(lang: str, key: str, code: int, **values: str) -> int:
    """One line `medbal: ...` on stderr in the person's language (English where the
    terminal cannot show Chinese); returns `code` for the caller to exit with.  The
    words are the catalogue's, imported only now: a run that ends well never loads them."""
    from medbal.i18n.catalogue import msg

    text = msg(key, lang, **values)
    try:
        text.encode(getattr(sys.stderr, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = msg(key, "en", **values)  # a message of '?' helps no one: English, which shows
    try:
        sys.stderr.write(f"\nmedbal: {text}\n" if key == "interrupted" else f"medbal: {text}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # stderr closed or full: the exit code still says it
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
            value = word[len("--lang=") :]
        elif word.startswith("-l") and len(word) > 2 and not word.startswith("--"):
            value = word[2:]
    for candidate in (value, os.environ.get("MEDBAL_LANG")):
        if candidate and candidate.strip().lower()[:2] in ("en", "zh"):
            return candidate.strip().lower()[:2]
    return locale_lang()


def locale_lang() -> str:
    """The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set decides,
    as in POSIX ("zh" when it starts with zh).  Shared with medbal.i18n.lang.choose_lang."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = os.environ.get(var)
        if found:
            return "zh" if found.lower().startswith("zh") else "en"
    return "en"
