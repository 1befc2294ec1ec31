"""`medbal diagnose --batch FILE` and `medbal claim --batch FILE`: the I/O of a batch.

The cases are answered by medbal.api.diagnose_many (one JSON object per line in, one
envelope per line out, error envelopes in place); this module only reads the lines
and writes the envelopes.  Lines are read one at a time and every envelope is flushed
at once, so a front end can hold the process open as a session: write a line, read a
line.  Blank lines are skipped (no envelope).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from typing import IO, Any

from medbal import api
from medbal.core.errors import MedbalError, Phrase, UsageError
from medbal.present import output

MAX_LINE = 1024 * 1024  # bytes; a longer line is answered with an error and skipped
MAX_SKIP = 64 * MAX_LINE  # past this much of one line, the input is not line-shaped
# Options that make no sense with --batch: each line carries its answers, output is JSON lines.
CONFLICTS = {"answer": "--answer", "answers_file": "--answers-file", "output": "--output"}


class InputError(MedbalError):
    """The batch input cannot be opened or read (exit 1)."""


def refuse_conflicts(ctx: Any) -> None:
    """Exit 2 for options that --batch cannot honour; --format json is what it writes anyway."""

    def given(name: str) -> bool:
        source = ctx.get_parameter_source(name)  # a Click ParameterSource, or None
        return source is not None and source.name != "DEFAULT"

    for name, option in CONFLICTS.items():
        if given(name):
            raise UsageError("batch_conflict", option=option)
    fmt = ctx.params.get("fmt")
    if given("fmt") and getattr(fmt, "value", fmt) != "json":
        raise UsageError("batch_format")


def run_batch(
    source: str, default_tree: str, lang_option: str | None, trees_option: str | None
) -> None:
    # A bad TREE, --lang or --trees is a usage error raised here, before the input is opened.
    envelopes = api.diagnose_many(_read(source), default_tree, lang_option, trees_option)
    for envelope in envelopes:
        output.write_json_line(envelope)
        if getattr(sys.stdout, "failure", None) is not None:
            break  # the reader has gone (medbal.process keeps the error): stop reading


def _read(source: str) -> Iterator[bytes | MedbalError]:
    """The lines of `source`, opened when the first is asked for and closed after the last."""
    stream = _open(source)
    try:
        yield from _lines(stream, source)
    finally:
        if stream is not _stdin():
            stream.close()


def _stdin() -> IO[bytes] | None:
    return getattr(sys.stdin, "buffer", None)


def _open(source: str) -> IO[bytes]:
    if source == "-":
        stdin = _stdin()
        if stdin is None:
            raise InputError("batch_unreadable", source=source, why=Phrase("batch_no_stdin"))
        return stdin
    try:
        mode = os.stat(source).st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise InputError("batch_unreadable", source=source, why=Phrase("batch_device"))
        return open(source, "rb")
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise InputError("batch_unreadable", source=source, why=why) from None


def _lines(stream: IO[bytes], source: str) -> Iterator[bytes | MedbalError]:
    """Each non-blank line as bytes as soon as it is complete (never waiting for the end
    of input); in place of a line longer than MAX_LINE, whose rest is skipped, the error
    its envelope gives."""
    while True:
        try:
            raw = stream.readline(MAX_LINE + 1)
            if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
                # Its error envelope goes out now, before the rest is skipped.
                yield UsageError("batch_too_long", limit=MAX_LINE)
                skipped = 0
                while skipped <= MAX_SKIP:  # a stream without newlines (/dev/zero) ends too
                    rest = stream.readline(MAX_LINE)
                    skipped += len(rest)
                    if not rest or rest.endswith(b"\n"):
                        break
                else:
                    raise InputError(
                        "batch_unreadable", source=source, why=Phrase("batch_no_line_break")
                    )
                continue
        except OSError as exc:
            why = exc.strerror or str(exc)
            raise InputError("batch_unreadable", source=source, why=why) from None
        if not raw:
            return
        if raw.strip():
            yield raw
