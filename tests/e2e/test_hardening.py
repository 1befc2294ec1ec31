"""Round 2 of trying to break medbal: each test is one class of defect an adversarial
pass found (the numbers are the hardening issue's).  Every failure must be one line
(`medbal: ...` or `FILE:LINE:COL: ...`) and a documented exit code, never a traceback,
a hang, a crash or an escape sequence that reaches the terminal."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from medbal.core.errors import TreeError
from medbal.files.loader import load_bytes

from small_trees import VALID
from support import ROOT, TREES, a_tree

RATES = (TREES / "rates.yaml").read_text(encoding="utf-8")


def problems(text: str, name: str = "t.yaml") -> list[str]:
    with pytest.raises(TreeError) as info:
        load_bytes(text.encode("utf-8"), name)
    for problem in info.value.problems:
        assert re.match(rf"{re.escape(name)}:\d+:\d+: ", problem), problem
        assert "\n" not in problem and "\x1b" not in problem
    return info.value.problems


def medbal(
    *args: str, stdin: bytes = b"", timeout: float = 30, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "medbal", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def no_traceback(out: subprocess.CompletedProcess[bytes]) -> str:
    err = out.stderr.decode()
    assert "Traceback" not in err and out.returncode >= 0, err
    return err


# --- 1, 4, 6: numbers, dates and ids in tree files -----------------------------------


@pytest.mark.parametrize("value", ["²", "٣", "1" * 5000, "-1", "1.0", "１２"])
def test_an_integer_field_takes_ascii_digits_of_bounded_length(value):
    text = VALID.replace("id: small\n", f"id: small\nreview_months: '{value}'\n")
    (problem,) = problems(text)
    assert "'review_months' should be a whole number from 1 to 120" in problem
    assert len(problem) < 400  # a 5,000-digit value is not echoed whole


@pytest.mark.parametrize("entry", ["²", "٣", "1" * 5000])
def test_a_non_ascii_or_huge_number_at_the_prompt_is_a_hint(monkeypatch, run, entry):
    import medbal.present.tty

    monkeypatch.setattr(medbal.present.tty, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(medbal.present.tty, "stdout_is_terminal", lambda: True)
    result = run("diagnose", input=f"{entry}\nq\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "is not one of the options" in result.stdout
    # and at the end, where a number picks an answer to change
    result = run("diagnose", "-a", "scheme=yearly", input=f"{entry}\nq\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "There is no answer" in result.stdout


def test_full_width_entries_from_a_chinese_keyboard_are_understood(monkeypatch, run):
    import medbal.present.tty

    monkeypatch.setattr(medbal.present.tty, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(medbal.present.tty, "stdout_is_terminal", lambda: True)
    result = run("diagnose", "--lang", "zh", input="？\n１\nｑ\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "不是选项" not in result.stdout and "第 2 题" in result.stdout


def test_an_integer_in_a_rates_or_checklist_file_is_checked_the_same_way():
    (problem,) = problems(RATES.replace("reviewed: 2026-12-06", "review_months: ²"))
    assert "should be a whole number" in problem


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-13-01"])
def test_a_date_out_of_range_is_a_problem_not_a_crash(day):
    (problem,) = problems(VALID.replace("id: small\n", f"id: small\nreviewed: {day}\n"))
    assert "should be a real date from 1900 to 2199" in problem


def test_an_id_ending_in_a_newline_is_refused_on_one_line():
    text = VALID.replace('value: "yes"', 'value: "yes\\n"')
    found = problems(text)
    assert any("'yes\\n' should use lower-case letters" in p for p in found), found


# --- 2: a rates region with a bad id ----------------------------------------------


@pytest.mark.parametrize("bad", ["Zigui", "'~'", "[1, 2]", "{a: b}", "''"])
def test_a_rates_region_with_a_bad_id_is_reported(bad):
    found = problems(RATES.replace("  - id: zigui", f"  - id: {bad}"))
    assert any("region id" in p for p in found), found


# --- 5: nesting ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["flow", "block", "compact", "keys"])
def test_deep_nesting_is_refused_before_libyaml_can_crash(kind, tmp_path):
    deep = {
        "flow": "kind: " + "[" * 30_000,
        "block": "".join(" " * i + "- \n" for i in range(0, 600)),
        "compact": "- " * 32_000 + "x\n",  # 64 KB, no bracket at all
        "keys": "? " * 32_000 + "x\n",
    }[kind]
    tree = tmp_path / "deep.yaml"
    tree.write_text(deep, encoding="utf-8")
    out = medbal("tree", "validate", str(tree))
    err = no_traceback(out)
    assert out.returncode == 1 and "nested more than 64 levels" in err
    answers = medbal("diagnose", "--answers-file", str(tree))
    assert answers.returncode == 2 and "nested more than 64 levels" in no_traceback(answers)


def test_deep_nesting_in_an_overlay_folder_is_reported(tmp_path):
    (tmp_path / "zero-balance.yaml").write_text("a: " + "{b: " * 20_000, encoding="utf-8")
    out = medbal("diagnose", "--trees", str(tmp_path), "-a", "scheme=yearly")
    assert out.returncode == 1 and "nested more than 64 levels" in no_traceback(out)


# --- 7: what is not a regular file ----------------------------------------------------


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/urandom"])
def test_special_files_are_refused_at_once(special, tmp_path):
    if special == "fifo":
        special = str(tmp_path / "fifo")
        os.mkfifo(special)
    # A file that would never end (a FIFO with no writer, a device) must not hang the
    # call: the timeout is a guard against a hang, not a measure of speed.
    tree = medbal("tree", "validate", special, timeout=20)
    answers = medbal("diagnose", "--answers-file", special, timeout=20)
    assert tree.returncode == 1 and "is not a saved file" in no_traceback(tree)
    assert answers.returncode == 2 and "is not a saved file" in no_traceback(answers)


# --- 8: paths of a tree whose questions converge ------------------------------------


def converging_tree(n: int) -> str:
    lines = ["kind: decision-tree", "id: conv", "title: {en: C, zh: 汇}", "start: q0", "questions:"]
    for i in range(n):
        nxt = f"q{i + 1}" if i + 1 < n else "end"
        lines += [
            f"  q{i}:",
            f"    text: {{en: Q{i}?, zh: 问{i}？}}",
            "    options:",
            f"      - {{value: a, label: {{en: A, zh: 甲}}, next: {nxt}}}",
            f"      - {{value: bee, label: {{en: B, zh: 乙}}, next: {nxt}}}",
        ]
    lines += [
        "outcomes:",
        "  end:",
        "    title: {en: End, zh: 完}",
        "    explanation: {en: Done., zh: 完成。}",
        "    next_steps: [{en: Go., zh: 去。}]",
        "    where_to_check: [{en: Here., zh: 这里。}]",
        "    sources: [seed-000]",
    ]
    return "\n".join(lines) + "\n"


def test_path_listing_counts_first_and_refuses_what_cannot_be_listed(tmp_path):
    tree = tmp_path / "conv.yaml"
    tree.write_text(converging_tree(25), encoding="utf-8")
    out = medbal("tree", "paths", str(tree), timeout=20)
    assert out.returncode == 2
    assert "has 33,554,432 paths" in no_traceback(out) and "tree export" in out.stderr.decode()


def test_a_listable_converging_tree_streams_every_path(tmp_path):
    tree = tmp_path / "conv.yaml"
    tree.write_text(converging_tree(10), encoding="utf-8")
    out = medbal("tree", "paths", str(tree), "--format", "csv")
    assert out.returncode == 0 and len(out.stdout.decode().splitlines()) == 1 + 2**10


def test_counting_paths_needs_no_walk():
    from medbal.core.engine import count_paths

    tree = a_tree(load_bytes(converging_tree(200).encode(), "c.yaml"))
    paths, steps = count_paths(tree)
    assert paths == 10**18 and steps == 10**18  # capped, and computed at once


# --- 9, 10: texts that would act on a terminal ----------------------------------------


@pytest.mark.parametrize("escape", ["\\x1b]0;T\\x07", "\\u0000", "\\x1b[2J", "\\u202e"])
def test_control_characters_in_texts_are_refused_at_load(escape):
    text = VALID.replace("{en: First?, zh: 第一？}", f'{{en: "First{escape}?", zh: 第一？}}')
    (problem,) = problems(text)
    assert "contains the control character" in problem


def test_rich_markup_in_data_is_shown_as_written(tmp_path, monkeypatch, run):
    import medbal.present.tty

    rates = tmp_path / "rates.yaml"
    # The region's English name becomes markup-like text (the first `en:` under `name:`).
    marked = re.sub(r"(?m)^(    name:\n\s+en: ).*$", r"\1'[bold]Zigui[/] [red'", RATES, count=1)
    assert marked != RATES
    rates.write_text(marked, encoding="utf-8")
    monkeypatch.setattr(medbal.present.tty, "stdout_is_terminal", lambda: True)  # laid out
    result = run("estimate", "8000", "--trees", str(tmp_path), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "[bold]Zigui[/] [red" in result.stdout


# --- 12, 13: amounts and options of estimate --------------------------------------------


@pytest.mark.parametrize(
    "args,message",
    [
        (["1e26"], "is not an amount"),
        (["8000", "-t", "1e30"], "is not an amount"),
        (["8000", "-i", "class-b=1e27"], "is not an amount"),
        (["8000,50"], "is not an amount"),
        (["-0.5"], "is negative"),  # -0 is 0 (issue 21, defect 21: tests/core/test_estimate.py)
        (["-inf"], "is not an amount"),
        (["-5"], "is negative"),
        (["100000001"], "more than any bill"),
        (["8000", "--region", ""], "--region is empty"),
        (["8000", "--bogus"], "there is no option --bogus"),
    ],
)
def test_estimate_refuses_what_no_bill_can_be(args, message):
    out = medbal("estimate", *args)
    assert out.returncode == 2 and message in no_traceback(out)
    assert out.stderr.decode().startswith("medbal: ")


def test_amounts_that_are_plain_still_work():
    out = medbal("estimate", "8,000", "-t", "500", "--format", "json")
    assert out.returncode == 0 and b'"total_paid": 6760.0' in out.stdout


def test_a_huge_cap_in_the_rates_file_is_refused():
    found = problems(RATES.replace("    bands:\n", "    cap: 1e400\n    bands:\n", 1))
    assert any("the cap of region 'zigui' should be a number" in p for p in found)


def test_an_answer_given_twice_is_refused_as_the_answers_file_does(run):
    result = run("diagnose", "-a", "scheme=yearly", "-a", "scheme=employer")
    assert result.exit_code == 2 and "'scheme' is given twice" in result.stderr


# --- 16: a terminal on one side only ------------------------------------------------


def test_stdout_to_a_file_at_a_terminal_answers_at_once(tmp_path):
    import pty

    leader, follower = pty.openpty()
    target = tmp_path / "out.txt"
    with open(target, "wb") as out:
        proc = subprocess.run(
            [sys.executable, "-m", "medbal", "diagnose"],
            stdin=follower,
            stdout=out,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=30,
        )
    os.close(leader)
    os.close(follower)
    assert proc.returncode == 3  # one-shot: the next question is named, nothing is asked
    assert "--answer scheme=" in target.read_text(encoding="utf-8")


# --- 17: --output -------------------------------------------------------------------


def test_output_dash_is_stdout(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("docs", "1", "--format", "json", "--output", "-")
    assert result.exit_code == 0 and result.stdout.startswith("{")
    assert not (tmp_path / "-").exists()


def test_output_writes_through_a_symlink_and_keeps_the_mode(run, tmp_path):
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.html"
    link.symlink_to(real)
    assert run("docs", "1", "--format", "html", "--output", str(link)).exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("<!DOCTYPE")
    assert real.stat().st_mode & 0o777 == 0o600


def test_a_new_output_file_follows_the_umask(run, tmp_path):
    old = os.umask(0o077)
    try:
        assert run("docs", "1", "--output", str(tmp_path / "new.txt")).exit_code == 0
    finally:
        os.umask(old)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o600


def test_sigterm_during_a_write_leaves_no_part_file(tmp_path):
    # The write is paused where the temporary file exists; SIGTERM arrives there.
    script = (
        "import os, signal, sys\n"
        "from medbal.files import write as output\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(fd)\n"
        "output.os.fsync = slow\n"
        "from medbal.process import run\n"
        f"sys.exit(run(['docs', '--all', '--output', {str(tmp_path / 'c.txt')!r}]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT, timeout=30)
    assert out.returncode == 143 and out.stderr.decode() == "medbal: terminated.\n"
    assert list(tmp_path.iterdir()) == []


# --- 18: documents stay UTF-8 whatever the terminal ------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("tree", "paths", "card", "--format", "csv"),
        ("tree", "export", "card", "--format", "mermaid"),
    ],
)
def test_tables_and_graphs_are_utf8_even_when_the_terminal_is_not(args):
    out = medbal(*args, "--lang", "zh", env={"PYTHONIOENCODING": "ascii"})
    assert out.returncode == 0 and "社保卡" in out.stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["html", "markdown"])
@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_documents_are_utf8_even_when_the_terminal_is_not(fmt, encoding):
    out = medbal("docs", "3", "--lang", "zh", "--format", fmt, env={"PYTHONIOENCODING": encoding})
    assert out.returncode == 0 and out.stderr == b""
    assert "出差、探亲、旅游等短期外出" in out.stdout.decode("utf-8")


# --- 21: Click's usage errors -------------------------------------------------------


@pytest.mark.parametrize(
    "args,en,zh",
    [
        (["docs", "--lang", "fr"], "--lang 'fr' is not one of: en, zh", None),
        (
            ["docs", "--format", "pdf"],
            "--format 'pdf' is not one of: text, markdown, html, json",
            "--format 的值“pdf”无效；可选：text、markdown、html、json",
        ),
        (["bogus"], "there is no command 'bogus'", "没有“bogus”这个命令"),
        (  # Click's own "did you mean", in the chosen language too
            ["diagnoze"],
            "there is no command 'diagnoze'; did you mean 'diagnose'?",
            "没有“diagnoze”这个命令，您是不是要输入“diagnose”？",
        ),
        (["docs", "--bogus"], "there is no option --bogus", "没有 --bogus 这个选项"),
        (["estimate"], "AMOUNT is missing", "缺少 AMOUNT"),
        (["diagnose", "-a"], "-a needs a value", "-a 后面需要给出一个值"),
        (["diagnose", "--no-input=3"], "--no-input takes no value", "--no-input 不接受取值"),
    ],
)
def test_usage_errors_are_one_line_in_the_chosen_language(args, en, zh):
    for lang, expected in (("en", en), ("zh", zh)):
        if expected is None:
            continue
        out = medbal(*args, env={"MEDBAL_LANG": lang})
        lines = no_traceback(out).splitlines()
        assert out.returncode == 2 and lines[0].startswith(f"medbal: {expected}")
        assert len(lines) <= 2 and not any(line.startswith("Usage:") for line in lines)


# --- 22: Ctrl-C at any moment ---------------------------------------------------------

# A child that presses Ctrl-C on itself the moment it starts importing a given module:
# deterministic, unlike a timer racing the interpreter's start.
_INTERRUPT_AT = """
import importlib.abc, os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # a job started in the background
AT = sys.argv[1]
class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == AT:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Hook())
from medbal.launch import main
sys.argv[1:] = sys.argv[2:]
main()
"""


@pytest.mark.parametrize(
    "module,args",
    [
        ("typer", ["docs", "--all"]),
        ("typer.main", ["docs", "1"]),
        ("medbal.commands.app", ["docs", "1", "--lang", "zh"]),
        ("medbal.files.readtree", ["diagnose", "-a", "scheme=yearly"]),
        ("medbal.present.pages", ["docs", "1"]),
        ("medbal.present.formats", ["docs", "1", "--format", "json"]),
        # While medbal.launch holds the signals: answered as soon as medbal.process is ready.
        ("medbal.process", ["docs", "1", "--format", "json"]),
        ("medbal.present.output", ["diagnose", "-a", "scheme=yearly", "--lang", "zh"]),
        ("medbal.api", ["docs", "1"]),  # inside a command: Typer's own Ctrl-C path
        ("medbal.commands.diagnose", ["diagnose", "--lang", "zh"]),
        ("medbal.present.plain", ["estimate", "8000"]),
    ],
)
def test_ctrl_c_while_importing_is_one_line_and_130(module, args, tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", _INTERRUPT_AT, module, *args],
        capture_output=True,
        cwd=ROOT,
        timeout=30,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path), "NO_COLOR": "1"},
    )
    expected = "已中断。" if "zh" in args else "interrupted."
    assert out.returncode == 130, out.stderr.decode()
    assert out.stderr.decode().strip() == f"medbal: {expected}"


def test_ctrl_c_from_outside_never_shows_a_traceback_from_medbal():
    script = Path(sys.executable).parent / "medbal"  # the installed entry point
    for delay in (0.03, 0.06, 0.1, 0.15, 0.25):
        # SIGINT back to its default, as at a terminal (a background job inherits it ignored).
        proc = subprocess.Popen(
            [str(script), "docs", "--all"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        text = err.decode()
        if proc.returncode == 130:
            assert text.strip() == "medbal: interrupted."
            continue
        # Otherwise the run had finished, or the signal came while the interpreter itself
        # was starting, before the first line of medbal ran: no frame of medbal's code.
        assert proc.returncode in (0, 1, -signal.SIGINT), text
        assert not re.search(r'File "[^"]*/medbal/[^"]*\.py"', text), text


def test_the_entry_point_imports_only_what_the_interpreter_has_loaded():
    # The instant between the interpreter's start and the signals being held is this
    # module's first lines: they may import only what is loaded before any script runs.
    import ast

    tree = ast.parse((ROOT / "medbal" / "launch.py").read_text(encoding="utf-8"))
    top = {
        alias.name
        for node in tree.body
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert top and top <= set(loaded), top
    # The first statement after the docstring is that import, and the handlers are set
    # (SIGINT first) before any other statement of medbal runs: nothing before them calls
    # a Python function or loops, where Python would raise a pending signal instead.
    body = [n for n in tree.body if not isinstance(n, ast.Expr)]
    assert isinstance(body[0], ast.Import)
    assert [type(n).__name__ for n in body[1:4]] == ["AnnAssign", "FunctionDef", "Try"]
    guarded = body[3]
    assert isinstance(guarded, ast.Try)
    first = ast.unparse(guarded.body[0])
    assert first == "_before = _signal.signal(_signal.SIGINT, _hold)", first
    handler = guarded.handlers[0].type
    assert handler is not None and ast.unparse(handler) == "KeyboardInterrupt"


# --- 23: where a syntax error began ---------------------------------------------------


def test_an_unclosed_quote_names_the_line_it_opened_on():
    text = VALID.replace("title: {en: Small, zh: 小}", 'title: {en: "Small, zh: 小}')
    (problem,) = problems(text)
    opened = text.split("\n").index('title: {en: "Small, zh: 小}') + 1
    assert f"starts at line {opened}, column" in problem


# --- 11: an overlay folder that cannot be read ------------------------------------------


@pytest.mark.parametrize(
    "command",
    [("diagnose", "-a", "scheme=yearly"), ("tree", "list"), ("docs", "1"), ("estimate", "8000")],
)
def test_an_unreadable_overlay_folder_is_one_line_not_skipped(run, tmp_path, monkeypatch, command):
    # As root every folder is readable, so the refusal is simulated where the OS gives it.

    real = os.listdir

    def refuse(path="."):
        if Path(path) == tmp_path:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "listdir", refuse)  # the os module the registry uses
    result = run(*command, "--trees", str(tmp_path), "--lang", "zh")
    assert result.exit_code == 2
    assert result.stderr == f"medbal: --trees 指定的“{tmp_path}”无法读取（Permission denied）\n"


def test_the_fuzz_profile_is_documented_and_ci_is_derandomized():
    conftest = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    assert "derandomize=True" in conftest and "database=None" in conftest
    assert "HYPOTHESIS_PROFILE" in (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "mypy" in ci


def test_every_problem_line_is_one_line(tmp_path):
    tree = tmp_path / "t.yaml"
    tree.write_bytes(VALID.replace("id: small", 'id: "sm\\nall"').encode())
    out = medbal("tree", "validate", str(tree))
    for line in no_traceback(out).splitlines():
        assert line.startswith(f"{tree}:"), line


def test_the_page_of_a_long_chain_and_to_stdout(run, tmp_path):
    # A valid 2,000-question chain (its depth once exhausted a recursive count), and `-o -`.
    from support import generated_tree

    chain = tmp_path / "chain.yaml"
    chain.write_text(generated_tree(2000), encoding="utf-8")
    result = run("page", str(chain), "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert re.search(r'"most": ?2000\b', result.stdout)
    assert not (tmp_path / "-").exists()


# --- round 3, 15: names are data too -----------------------------------------------------

EVIL = "ev\x1b[31mil\x07\u202ename\nx"  # an escape sequence, a bell, an override, a newline
SHOWN = "ev\\x1b[31mil\\x07\\u202ename\\nx"


def _no_control(text: str) -> None:
    """Nothing a terminal would obey: no control character but the line's end, no override."""
    hidden = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
    assert not hidden.search(text), repr(text)


@pytest.fixture
def evil_folder(tmp_path):
    folder = tmp_path / "trees"
    folder.mkdir()
    (folder / f"{EVIL}.yaml").write_text(
        (TREES / "card.yaml").read_text(encoding="utf-8").replace("id: card", f"id: {'x' * 4}"),
        encoding="utf-8",
    )
    (folder / f"bro{EVIL}ken.yaml").write_text("kind: decision-tree\nid: [\n", encoding="utf-8")
    return folder


def test_tree_validate_shows_a_file_name_escaped_on_one_line(evil_folder):
    good, bad = evil_folder / f"{EVIL}.yaml", evil_folder / f"bro{EVIL}ken.yaml"
    out = medbal("tree", "validate", str(good), str(bad))
    err, stdout = no_traceback(out), out.stdout.decode()
    _no_control(err)
    _no_control(stdout)
    # A tree file is found by its name, so a name that is not its id is refused (issue 21,
    # defect 19): both files get one FILE:LINE:COL line each, the newline shown, not obeyed.
    assert stdout == ""
    named, broken = err.splitlines()
    assert named.startswith(f"{evil_folder}/{SHOWN}.yaml:1:1: ")
    assert broken.startswith(f"{evil_folder}/bro{SHOWN}ken.yaml:3:1: ")


def test_tree_list_shows_the_id_and_file_columns_escaped(evil_folder):
    out = medbal("tree", "list", "--trees", str(evil_folder))
    text = out.stdout.decode()
    _no_control(text)
    rows = [line for line in text.splitlines() if line.startswith(("ev", "bro"))]
    assert len(rows) == 2  # one row each: a newline in a name does not split it
    assert all(SHOWN in row for row in rows)
    assert rows[1].startswith(SHOWN) and rows[1].rstrip().endswith(f"{SHOWN}.yaml")
    # In JSON the names are the data, exactly (JSON's own escapes).
    listed = json.loads(medbal("tree", "list", "--trees", str(evil_folder), "-f", "json").stdout)
    assert {r["id"] for r in listed["trees"]} >= {EVIL, f"bro{EVIL}ken"}


def test_the_repeat_command_of_a_piped_diagnose_shows_the_name_escaped_and_still_runs(
    evil_folder,
):
    good = evil_folder / f"{EVIL}.yaml"
    out = medbal("diagnose", str(good), "-a", "problem=lost")
    text = out.stdout.decode()
    assert out.returncode == 0
    _no_control(text)
    command = text.rstrip().splitlines()[-1].strip()
    assert command == (
        f"medbal diagnose $'{evil_folder}/{SHOWN}.yaml' --lang en --answer problem=lost"
    )
    # The command, run by bash (in a UTF-8 locale, where $'\u202e' is that character),
    # names the same file and gives the same result.
    again = subprocess.run(
        ["bash", "-c", command.replace("medbal ", f"{sys.executable} -m medbal ", 1)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        timeout=60,
    )
    assert again.returncode == 0 and again.stdout == out.stdout


def test_an_error_naming_a_file_shows_it_escaped(tmp_path):
    out = medbal("docs", "1", "--output", str(tmp_path / f"no{EVIL}where" / "x.txt"))
    err = no_traceback(out)
    assert out.returncode == 1 and len(err.splitlines()) == 1
    _no_control(err)
    assert f"no{SHOWN}where" in err


def test_the_repeat_command_at_a_terminal_keeps_bash_quoting(evil_folder):
    from medbal import api
    from medbal.present.layout import command_words

    view = api.diagnose(evil_folder / f"{EVIL}.yaml", {"problem": "lost"}, "en")
    shown = api.render("diagnose", view, "terminal", width=100)
    _no_control(shown)
    assert command_words(view["command"])[2] == f"$'{evil_folder}/{SHOWN}.yaml'"
    assert "$'" in shown
