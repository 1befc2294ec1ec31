"""Property tests of `medbal diagnose --batch -` as a process (issue 21: the fuzz profile
covers batch lines): any bytes in, one envelope per non-blank line out, each one line of
strict JSON (as jq reads it) with its id as given or refused with code 2; the process
answers the lines after a bad one, writes nothing on stderr and exits 0, and the
README's `| jq` pipeline reads every line.

A held process answers the examples one after another, as a front end holds one open;
a few examples start a process of their own, to see it end."""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
from itertools import count

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from medbal.commands.batch import MAX_LINE

from fuzzing import LINES, check_envelope, examples, good_line, line_bytes
from support import ROOT, medbal_env

RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
COMMAND = [sys.executable, "-m", "medbal", "diagnose", "--batch", "-"]
ENV = medbal_env(PYTHONIOENCODING="utf-8")
TIMEOUT = 60  # seconds for one answer: a line left unanswered fails, never hangs the run

# Lines around the bound (1 MiB), and bytes that are no text or hold line breaks.
ALMOST = [MAX_LINE - 12, MAX_LINE - 11, MAX_LINE - 10, MAX_LINE + 1, MAX_LINE + 100_000]
LONG = st.sampled_from([b'{"id": "' + b"x" * (n - 10) + b'"}' for n in ALMOST])
RAW = st.one_of(
    st.builds(line_bytes, LINES),
    st.binary(max_size=40),
    st.sampled_from([b"", b" \t", b"\r", b"\x0b\x0c", b"\xef\xbb\xbf", b"\xff\xfe{}", b"\x00"]),
    # A line of a mebibyte in one example of fifty or so: enough to find the bound.
    st.integers(0, 9).flatmap(lambda i: LONG if i == 9 else st.builds(line_bytes, LINES)),
)
INPUT = st.lists(RAW, min_size=1, max_size=5)


def physical_lines(data: bytes) -> list[bytes]:
    """The lines `--batch` answers: split at b"\\n" only, the blank ones skipped."""
    return [line for line in data.split(b"\n") if line.strip()]


def check_lines(data: bytes, written: list[bytes]) -> list[dict]:
    lines = physical_lines(data)
    assert len(written) == len(lines), (len(written), len(lines), data[:300])
    envelopes = []
    for line, out in zip(lines, written, strict=True):
        if len(line) > MAX_LINE:  # skipped, with an error in its place
            envelope = check_envelope(b"not JSON: too long", out)
            assert "longer than" in envelope["error"]["message"], envelope
        else:
            envelope = check_envelope(line, out)
        envelopes.append(envelope)
    return envelopes


class Held:
    """One `--batch -` process held open across examples (started again if one ended
    it): each example writes its lines and a last line of its own, and reads until that
    line's answer."""

    def __init__(self) -> None:
        self.stderr = tempfile.TemporaryFile()
        self.proc: subprocess.Popen[bytes] | None = None
        self.pending = b""
        self.numbers = count()

    def _start(self) -> subprocess.Popen[bytes]:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(
                COMMAND,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.stderr,
                cwd=ROOT,
                env=ENV,
            )
            self.pending = b""
        return self.proc

    def ask(self, data: bytes) -> tuple[list[bytes], bytes, bytes]:
        """The lines written for `data`, the last line and its answer."""
        proc = self._start()
        number = next(self.numbers)
        last = b'{"id": "last-%d"}' % number
        writer = threading.Thread(target=self._write, args=(proc, data + b"\n" + last + b"\n"))
        writer.start()
        lines: list[bytes] = []
        try:
            while True:
                line = self._line(proc)
                if line.endswith(b'"id": "last-%d"}\n' % number):
                    return lines, last, line
                lines.append(line)
        finally:
            writer.join()

    @staticmethod
    def _write(proc: subprocess.Popen[bytes], data: bytes) -> None:
        try:
            assert proc.stdin is not None
            proc.stdin.write(data)
            proc.stdin.flush()
        except BrokenPipeError:
            pass  # the process ended: the reader says so

    def _line(self, proc: subprocess.Popen[bytes]) -> bytes:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        while b"\n" not in self.pending:
            ready, _, _ = select.select([fd], [], [], TIMEOUT)
            assert ready, f"no answer within {TIMEOUT} s"
            chunk = os.read(fd, 1 << 16)
            assert chunk, f"the batch ended (exit {proc.wait()}): {self.errors()!r}"
            self.pending += chunk
        line, _, self.pending = self.pending.partition(b"\n")
        return line + b"\n"

    def errors(self) -> bytes:
        self.stderr.seek(0)
        return self.stderr.read()

    def close(self) -> int | None:
        if self.proc is None:
            return None
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        return self.proc.wait(timeout=TIMEOUT)


@pytest.fixture(scope="module")
def held():
    session = Held()
    yield session
    assert session.close() in (0, None)
    assert session.errors() == b""


@settings(max_examples=examples(60), suppress_health_check=RELAXED)
@given(INPUT)
@example([b'{"id": 1}\n\n \n{"id": 2', b"\xff"])
@example([b'{"id": "' + b"x" * (MAX_LINE + 5) + b'"}', b'{"id": 3}'])
def test_a_held_batch_answers_every_line_once_and_goes_on(held, chunks):
    data = b"\n".join(chunks)
    written, last, answer = held.ask(data)
    check_lines(data, written)
    assert check_envelope(last, answer)["status"] == "needs-answer"  # goes on
    assert held.errors() == b""  # nothing on stderr: no traceback, no warning


# The README's pipeline: its jq program, run on what the batch wrote.
JQ_PROGRAM = re.search(r"jq -r '([^']+)'", (ROOT / "README.md").read_text(encoding="utf-8"))


@settings(max_examples=examples(3, fuzz=2_000), suppress_health_check=RELAXED)
@given(INPUT, good_line())
# Found by the long search: an id that is an array (jq's @tsv refused it until the
# README's pipeline wrote `.id | tostring`), and one holding a form feed.
@example([b'{"id": []}'], '{"id": "\\f", "tree": "balance-dropped"}')
@example([b'{"id": {"a": [1]}}'], '{"id": "a\\u2028b"}')
def test_a_batch_process_ends_well_and_jq_reads_every_line(chunks, good):
    data = b"\n".join(chunks) + b"\n" + good.encode("utf-8") + b"\n"
    done = subprocess.run(
        COMMAND, input=data, capture_output=True, cwd=ROOT, env=ENV, timeout=TIMEOUT * 2
    )
    assert done.returncode == 0 and done.stderr == b"", done.stderr[-2000:]
    written = done.stdout.splitlines(keepends=True)
    envelopes = check_lines(data, written)
    assert envelopes[-1]["status"] != "error"  # the line after every bad one is answered
    if shutil.which("jq") is None:
        return
    assert JQ_PROGRAM is not None, "the README's jq pipeline"
    jq = subprocess.run(
        ["jq", "-r", JQ_PROGRAM.group(1)], input=done.stdout, capture_output=True, timeout=60
    )
    assert jq.returncode == 0 and jq.stderr == b"", jq.stderr
    # One line per envelope, split at "\n" as a shell's `read` does (@tsv escapes it in
    # a field; a form feed or U+2028 in an id is a character of the field, not a break).
    assert jq.stdout.count(b"\n") == len(envelopes) and jq.stdout.endswith(b"\n")
