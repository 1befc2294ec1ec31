"""Errors a person may cause, each with the exit code the CLI documents.

Library code raises these; only the CLI layer turns them into a message and an
exit code, so no one ever sees a traceback for bad input.
"""

from __future__ import annotations

import re

# Exit codes (documented in the README; scripts depend on them).
OK = 0
FAILED = 1  # a broken or invalid tree file, end of input, a file that cannot be written
USAGE = 2  # bad option or argument: unknown tree, question, answer value or category
NEEDS_ANSWER = 3  # one-shot diagnose stopped at a question that has no answer yet
INTERRUPTED = 130  # Ctrl-C
TERMINATED = 143  # SIGTERM (128 + 15), as a shell reports a terminated program

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """A message as one line: a newline or an escape sequence in echoed data is shown, not obeyed.

    Every error a person sees goes through here, so a value such as "a\\nb" or
    "\\x1b]0;title\\x07" can neither split a `FILE:LINE:COL:` line in two nor
    reach the terminal as a control sequence.
    """
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class MedbalError(Exception):
    """A message in English and, where a person may read it, in Chinese too."""

    exit_code = FAILED

    def __init__(self, message: str, zh: str | None = None):
        super().__init__(message)
        self.zh = zh

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" and self.zh else str(self)


class UsageError(MedbalError):
    exit_code = USAGE


class OutputError(MedbalError):
    exit_code = FAILED


class EndOfInput(MedbalError):
    exit_code = FAILED


class TreeError(Exception):
    """One or more problems in a tree file, each formatted `FILE:LINE:COL: message`."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
