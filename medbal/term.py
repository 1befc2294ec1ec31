"""What the terminal allows: the one place that decides whether medbal may prompt.

Kept apart from the prompt loop so that one-shot calls never import Rich.
"""

from __future__ import annotations

import os
import sys


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def may_prompt(no_input: bool) -> bool:
    """Never with --no-input, never without a terminal on stdin (tests patch the latter)."""
    return not no_input and stdin_is_terminal()


def stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def wants_plain() -> bool:
    """Plain text when stdout is not a terminal or NO_COLOR is set (no-color.org)."""
    return not stdout_is_terminal() or bool(os.environ.get("NO_COLOR"))
