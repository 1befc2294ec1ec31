"""What the terminal allows: the one place that decides whether medbal may prompt.

Kept apart from the prompt loop so that one-shot calls never import Rich.
"""

from __future__ import annotations

import os
import sys


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


def wants_plain() -> bool:
    """Plain text when stdout is not a terminal or NO_COLOR is set (no-color.org)."""
    return not stdout_is_terminal() or bool(os.environ.get("NO_COLOR"))
