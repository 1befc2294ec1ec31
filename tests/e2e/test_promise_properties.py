"""The README's promises as properties (issue 21: "true for every case above"), each run
through medbal's own entry point (medbal.process.run) in this process:

- a name from outside (a file, a folder) with control characters, direction overrides
  or bytes that are no UTF-8 is shown escaped in every message that names it, and never
  splits a line;
- a write to `-o FILE` interrupted at any line of its code (Ctrl-C or SIGTERM, raised
  there as the signal handlers raise it) leaves the old file or the whole new one, and no
  temporary file; the run ends with one line and 130 or 143;
- any command line, however wrong, ends in a documented exit code, and an error is one
  line (`medbal: ...`, maybe with one hint line) or FILE:LINE:COL lines.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import medbal.files.write
from medbal.core.langs import shown
from medbal.present.views import shell_word
from medbal.process import Terminated

from fuzzing import PROBLEM, examples, run_medbal
from support import TREES

RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# What a terminal would obey: every control character but the line's end, the direction
# marks, overrides and isolates, the line and paragraph separators, and half a surrogate.
OBEYED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
CARD = (TREES / "card.yaml").read_text(encoding="utf-8")


def no_raw(text: str) -> None:
    assert not OBEYED.search(text), repr(text[:500])
    text.encode("utf-8")  # no half of a surrogate pair, raw


def one_error(err: str, lang: str) -> str:
    """The one line of a user error (a usage error may add its hint)."""
    lines = err.splitlines()
    assert err.endswith("\n") and lines and lines[0].startswith("medbal: "), err
    assert len(lines) == 1 or (len(lines) == 2 and "-h" in lines[1]), err
    return lines[0]


# --- names are data too --------------------------------------------------------------

HIDDEN = "\x1b\x07\x00\n\r\t\x7f\x85\x9b\u202e\u2066\u200f\u2028\u061c\udcff\udc80"
NAMES = st.text(
    st.one_of(
        st.sampled_from(HIDDEN.replace("\x00", "")),
        st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]),
    ),
    min_size=1,
    max_size=10,
).filter(lambda n: n not in (".", "..") and len(os.fsencode(n)) < 200)
# Where the name appears: the file's own name, or a folder on its way.
SCENARIOS = [
    "validate broken",
    "validate named",
    "diagnose file",
    "diagnose missing",
    "tree list",
    "output missing folder",
    "output",
    "answers file missing",
    "batch missing",
    "trees missing",
    "patch broken",
]


def _name_case(base: Path, name: str, scenario: str, as_folder: bool) -> tuple[list[str], Path]:
    """The command of a scenario, and the path it names, with `name` in it."""
    as_folder = as_folder or scenario == "patch broken"  # a patch is named for its file
    folder = base / name if as_folder else base / "trees"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("reimbursement.yaml" if scenario == "patch broken" else name)
    if scenario == "validate broken":
        path.write_text("kind: decision-tree\nid: [\n", encoding="utf-8")
        return ["tree", "validate", str(path)], path
    if scenario in ("validate named", "diagnose file", "tree list"):
        path = path.with_name(path.name + ".yaml")
        path.write_text(CARD.replace("id: card", "id: xxxx"), encoding="utf-8")
        if scenario == "validate named":
            return ["tree", "validate", str(path)], path
        if scenario == "tree list":
            return ["tree", "list", "--trees", str(folder)], path
        return ["diagnose", str(path), "-a", "problem=lost"], path
    if scenario == "diagnose missing":
        return ["diagnose", str(path) + ".yaml"], path.with_name(path.name + ".yaml")
    if scenario == "output missing folder":
        return ["docs", "1", "-o", str(path / "x.html")], path
    if scenario == "output":
        return ["docs", "1", "--format", "markdown", "-o", str(path)], path
    if scenario == "answers file missing":
        return ["diagnose", "--answers-file", str(path)], path
    if scenario == "batch missing":
        return ["diagnose", "--batch", str(path)], path
    if scenario == "trees missing":
        return ["docs", "--trees", str(path)], path
    path.write_bytes(b"kind: checklists\nextends: reimbursement\ntitle: {en: x}\n")
    return ["docs", "3", "--trees", str(path.parent)], path


@settings(max_examples=examples(40), suppress_health_check=RELAXED)
@given(NAMES, st.sampled_from(SCENARIOS), st.booleans(), st.sampled_from(["en", "zh"]))
@example("ev\x1b[31mil\x07\u202ename\nx", "patch broken", True, "zh")
@example("\udcff\u2028", "diagnose file", False, "en")
def test_a_name_from_outside_is_shown_escaped_in_every_message(name, scenario, as_folder, lang):
    with tempfile.TemporaryDirectory() as base:
        argv, path = _name_case(Path(base), name, scenario, as_folder)
        language = [] if argv[:2] == ["tree", "validate"] else ["--lang", lang]
        ran = run_medbal([*argv, *language])
        if scenario == "output" and ran.code == 0:
            assert path.read_text(encoding="utf-8").startswith("# ")  # written whole
    no_raw(ran.out)
    no_raw(ran.err)
    named = shown(str(path))
    if scenario == "diagnose file":  # the repeat command names it as bash reads it back
        assert ran.code == 0 and shell_word(str(path)) in ran.out, ran.err
        assert "$'" in ran.out or not OBEYED.search(str(path)), ran.out
    elif scenario == "tree list":
        assert ran.code == 0 and named.rsplit("/", 1)[-1] in ran.out, ran.err
    elif scenario == "output":
        assert ran.code == 0 and ran.out == ran.err == "", ran.err
    elif scenario.startswith(("validate", "patch")):
        assert ran.code == 1
        for line in ran.err.splitlines():  # one line each, the name escaped
            assert PROBLEM.match(line) and line.startswith(f"{named}:"), line
    else:
        assert ran.code in (1, 2)
        line = one_error(ran.err, lang)
        folder = shown(str(path.parent)) if scenario == "output missing folder" else named
        assert folder in line or named in line, (line, named)


# --- an interrupted -o write ---------------------------------------------------------


class Interrupt:
    """A signal at the `at`-th line medbal.files.write.write_atomic runs (its own lines
    and those of everything it calls in Python): raised there, as medbal.process's
    handlers raise one, by a trace function."""

    def __init__(self, at: int, signal: type[BaseException]):
        self.at, self.signal, self.count = at, signal, 0

    def _trace(self, frame, event, arg):
        if event in ("call", "line"):
            self.count += 1
            if self.count == self.at:
                sys.settrace(None)
                raise self.signal()
        return self._trace

    def around(self, write):
        def traced(*args, **kwargs):
            sys.settrace(self._trace)
            try:
                return write(*args, **kwargs)
            finally:
                sys.settrace(None)

        return traced


def _lines_of_a_write() -> int:
    """How many lines a whole write runs, traced as above (a bound for the draws)."""
    probe = Interrupt(0, KeyboardInterrupt)
    with tempfile.TemporaryDirectory() as folder:
        probe.around(medbal.files.write.write_atomic)(os.path.join(folder, "x"), "text")
    return probe.count


WRITE_LINES = _lines_of_a_write()


@functools.cache
def _whole(fmt: str) -> str:
    """What `docs 3` writes in a format, not interrupted."""
    return run_medbal(["docs", "3", "--format", fmt]).out


@settings(max_examples=examples(60), suppress_health_check=RELAXED)
@given(
    st.integers(1, WRITE_LINES + 5),
    st.sampled_from([KeyboardInterrupt, Terminated]),
    st.booleans(),
    st.sampled_from(["markdown", "html", "json"]),
)
@example(1, KeyboardInterrupt, True, "html")
def test_an_interrupted_output_write_leaves_the_old_file_or_the_new_one(at, signal, old, fmt):
    interrupt = Interrupt(at, signal)
    real = medbal.files.write.write_atomic
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "checklists.out"
        if old:
            target.write_text("the old file\n", encoding="utf-8")
        medbal.files.write.write_atomic = interrupt.around(real)
        try:
            ran = run_medbal(["docs", "3", "--format", fmt, "-o", str(target)])
        finally:
            medbal.files.write.write_atomic = real
        left = os.listdir(folder)  # no temporary file, whenever the signal came
        assert left in ([], ["checklists.out"]), left
        content = target.read_text(encoding="utf-8") if left else None
    whole = _whole(fmt)
    if interrupt.count < at:  # not interrupted: written whole
        assert ran.code == 0 and ran.err == "" and content == whole
        return
    assert ran.code == (130 if signal is KeyboardInterrupt else 143), ran.err
    assert ran.err.strip().count("\n") == 0 and ran.err.strip().startswith("medbal: ")
    assert content in ("the old file\n" if old else None, whole)


@pytest.mark.parametrize("signal", [KeyboardInterrupt, Terminated])
def test_a_signal_at_every_line_of_a_write_leaves_the_old_file_or_the_new_one(
    signal, tmp_path, monkeypatch
):
    """Every line of a write, one after the other (the property above draws some): the old
    file or the new one, and nothing else.  tempfile.mkstemp made its file before naming
    it, and a signal in that instant left a `.part` file (now the name comes first)."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # not what is tested: quicker
    for old in (False, True):
        at, done = 0, False
        while not done:  # until a write runs to its end: as many lines as its path needs
            at += 1
            folder = tmp_path / f"{at}-{old}"
            folder.mkdir()
            target = folder / "x.txt"
            if old:
                target.write_text("old", encoding="utf-8")
            interrupt = Interrupt(at, signal)
            try:
                interrupt.around(medbal.files.write.write_atomic)(str(target), "new")
                done = True
            except signal:
                assert interrupt.count == at
            left = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}
            assert left in ({}, {"x.txt": "old"}, {"x.txt": "new"}), (at, left)
            assert left == {"x.txt": "new"} if done else old or left != {"x.txt": "old"}


# --- any command line: a documented code, and an error in one line -----------------------

WORDS = st.sampled_from(
    ["diagnose", "claim", "docs", "estimate", "page", "tree", "list", "show", "paths"]
    + ["export", "schema", "validate", "card", "zero-balance", "which-category", "3", "12"]
    + ["nosuch", "-", "--", "8000", "-5", "1e26", "nan", "--all", "--no-input", "-h"]
)
VALUES = st.one_of(
    st.sampled_from(
        ["json", "text", "pdf", "zh", "en", "fr", "", "-", "scheme=yearly", "problem=lost"]
        + ["x=y", "=", "class-b=1200", "class-b=-1", "zigui", "2026-13-01", "/nonexistent"]
        + ["~nosuchuser/x", "x" * 300, "中文"]
    ),
    st.text(max_size=6).filter(lambda t: "\x00" not in t),
)
OPTIONS = st.sampled_from(
    ["--lang", "--format", "-f", "--answer", "-a", "--answers-file", "--trees", "--threshold"]
    + ["--item", "--region", "--as-of", "--batch", "--output", "-o", "--bogus", "--lang=zh"]
)
ARGV = st.lists(
    st.one_of(WORDS, VALUES, st.tuples(OPTIONS, VALUES).map(list)), min_size=1, max_size=6
).map(lambda parts: [w for p in parts for w in (p if isinstance(p, list) else [p])])
CODES = (0, 1, 2, 3)


@settings(max_examples=examples(60), suppress_health_check=RELAXED)
@given(ARGV)
@example(["docs", "--format", "pdf"])
@example(["estimate", "--", "-0"])
@example(["diagnose", "--trees", "~nosuchuser/x", "card"])
@example(["tree"])
def test_any_command_line_ends_in_a_documented_code_and_one_line(argv):
    with tempfile.TemporaryDirectory() as folder:
        cwd = os.getcwd()
        os.chdir(folder)  # whatever it writes (-o NAME) goes here
        try:
            ran = run_medbal(argv, env={"MEDBAL_LANG": "zh"} if "zh" in argv else None)
        finally:
            os.chdir(cwd)
    assert ran.code in CODES, (argv, ran.code, ran.err)
    no_raw(ran.err)
    if ran.code == 3:  # the question still to answer, on stdout
        assert ran.out and ran.err == "", ran.err
    elif ran.code == 2 and ran.err.startswith("Usage: medbal"):
        # No command where one is needed (`medbal tree`): its help instead, as the README
        # says (found by the fuzz profile); the help of that group, whole, on stderr.
        assert ran.out == "" and "Commands:" in ran.err and ran.err.endswith("\n"), ran.err
    elif ran.code == 2 or (ran.code == 1 and ran.err.startswith("medbal: ")):
        one_error(ran.err, "en")
    elif ran.code == 1:
        assert all(PROBLEM.match(line) for line in ran.err.splitlines()), ran.err
