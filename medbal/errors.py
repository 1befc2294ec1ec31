"""Errors a person may cause, each with the exit code the CLI documents.

Library code raises these; only the CLI layer turns them into a message and an
exit code, so no one ever sees a traceback for bad input.
"""

from __future__ import annotations

# Exit codes (documented in the README; scripts depend on them).
OK = 0
FAILED = 1  # a broken or invalid tree file, end of input, a file that cannot be written
USAGE = 2  # bad option or argument: unknown tree, question, answer value or category
NEEDS_ANSWER = 3  # one-shot diagnose stopped at a question that has no answer yet
INTERRUPTED = 130  # Ctrl-C


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
