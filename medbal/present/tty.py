"""What the terminal (the tty) allows: whether medbal may prompt, and how text is shown
on it (plain or laid out, its width, colour, encoding): decided here and nowhere else.

Kept apart from the prompt loop so that one-shot calls never import it.  Not to be
confused with medbal.present.terminal, which draws each view for a terminal.
"""

# No `from __future__ import annotations`: a NamedTuple compiles each field's annotation
# that is a string into a ForwardRef, most of what importing this module cost.

import os
import sys
from typing import NamedTuple


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def may_prompt(no_input: bool) -> bool:
    """Only with a person at both ends: stdin and stdout terminals, and no --no-input.

    `medbal diagnose > out.txt` at a terminal must not write its questions into the
    file and wait on a blank screen: it answers at once, as a script would get it.
    """
    return not no_input and stdin_is_terminal() and stdout_is_terminal()


def stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def laid_out() -> bool:
    """Text laid out at the terminal's width (boxes, wrapping) only when stdout is a
    terminal; piped or redirected it is plain text, never hard-wrapped.  Colour is
    another question (`colours`): NO_COLOR, TERM=dumb and FORCE_COLOR never change
    the layout."""
    return stdout_is_terminal()


def _set(name: str) -> bool:
    """An environment variable set and not empty: how NO_COLOR (no-color.org) and
    FORCE_COLOR (force-color.org) are read; `NO_COLOR=` is not set."""
    return bool(os.environ.get(name))


MEASURE = 100  # text wider than this is hard to read: a wider terminal gets 100 columns
NARROWEST = 20  # below this nothing fits: a narrower terminal is laid out at 20


def columns() -> int:
    """The width to lay text out at: the terminal's (COLUMNS if set, else the window's,
    else 80), at most MEASURE."""
    import shutil

    return max(min(shutil.get_terminal_size().columns, MEASURE), NARROWEST)


def encoding() -> str:
    """stdout's encoding: where it is not UTF, boxes are drawn in ASCII."""
    return getattr(sys.stdout, "encoding", None) or "utf-8"


def colours() -> bool:
    """Whether to colour the text: never with NO_COLOR; always with FORCE_COLOR, through a
    pipe too; else only on a terminal that is not TERM=dumb, and on Windows only where
    the console understands ANSI codes (it is asked to)."""
    if _set("NO_COLOR"):
        return False  # the person's own "no" wins over a tool's FORCE_COLOR
    if _set("FORCE_COLOR"):
        if sys.platform == "win32" and stdout_is_terminal():  # pragma: no cover
            _windows_ansi()  # asked to read the codes; coloured either way
        return True
    if not stdout_is_terminal() or os.environ.get("TERM") == "dumb":
        return False
    return sys.platform != "win32" or _windows_ansi()


def _windows_ansi() -> bool:  # pragma: no cover - Windows only
    """Ask the Windows console to read ANSI codes (Windows 10 and later can)."""
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.GetStdHandle(-11)  # stdout
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        return bool(kernel32.SetConsoleMode(handle, mode.value | 0x0004))  # VT processing
    except (AttributeError, OSError):
        return False


class Screen(NamedTuple):
    """How text is shown on this terminal, read once for a screen."""

    width: int
    colour: bool
    encoding: str

    @property
    def utf(self) -> bool:  # else boxes are drawn in ASCII
        return is_utf(self.encoding)


def is_utf(encoding: str) -> bool:
    return encoding.lower().replace("-", "").replace("_", "").startswith("utf")


def screen() -> Screen:
    return Screen(columns(), colours(), encoding())
