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
    exit_code = FAILED


class UsageError(MedbalError):
    exit_code = USAGE


class OutputError(MedbalError):
    exit_code = FAILED


class EndOfInput(MedbalError):
    exit_code = FAILED
