"""The interactive loop in a real pseudo-terminal (pexpect): keys, Ctrl-C, Ctrl-D, widths."""

import datetime
import os
import re
import signal
import sys

import pexpect
import pytest

from medbal.core.kinds import date
from medbal.i18n.typeset import written_date

from dated_trees import FOLDER
from support import ROOT


def spawn(*args: str, columns: int = 100, lang: str = "en") -> pexpect.spawn:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MEDBAL_", "NO_COLOR", "FORCE_COLOR"))
    }
    env.update(
        {
            "COLUMNS": str(columns),
            "LINES": "50",
            "TERM": "xterm",
            "MEDBAL_LANG": lang,
            "PYTHONIOENCODING": "utf-8",
        }
    )
    # SIGINT back to its default: a test run started in the background inherits it
    # ignored, and Ctrl-C at the prompt would then do nothing.
    child = pexpect.spawn(
        sys.executable,
        ["-m", "medbal", "diagnose", *args],
        env=env,
        cwd=str(ROOT),
        encoding="utf-8",
        timeout=30,
        dimensions=(50, columns),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    return child


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus


def test_full_walk_with_back_and_restart():
    child = spawn()
    child.expect("Question 1")
    child.sendline("1")  # employer
    child.expect("Question 2")
    child.sendline("b")  # back to question 1, employer as default
    child.expect("Enter keeps: My employer pays it")
    child.sendline("")
    child.expect("Question 2")
    child.sendline("r")  # restart
    child.expect("Question 1")
    child.sendline("self-employed")  # a value works as well as a number
    child.expect("Question 2")
    child.sendline("lower-tier")
    child.expect("At the lower level for flexible workers, no personal account is set up")
    child.expect("--answer flexible-choice=lower-tier")
    child.sendline("q")
    assert finish(child) == 0


def test_wrong_entry_then_right():
    child = spawn()
    child.expect("Question 1")
    child.sendline("9")
    child.expect("'9' is not one of the options; type 1 to 7.")
    child.sendline("4")
    child.expect("Residents' insurance has no personal account")
    child.sendline("q")
    assert finish(child) == 0


def test_a_date_typed_at_the_prompt_refused_then_taken():
    """The dated tree (tests/dated) on this machine's clock, as a person would meet it: a
    day that does not exist is refused naming the form, then a date gives the due date."""
    born = datetime.date.today() - datetime.timedelta(days=10)
    due = date.due(born, 3, "month")  # tests/dated: enrol within 3 months of the birth
    child = spawn("dated", "--trees", str(FOLDER))
    child.expect("Question 1")
    child.sendline("1")  # the baby's bills
    child.expect("Give the baby's date of birth, written YYYY-MM-DD")
    child.expect("0. I do not know the date")  # a way on without it
    child.expect("Type the date as YYYY-MM-DD, 0 without it, or \\? help")
    child.sendline("2026-02-30")
    child.expect("This is not a date. Give a day that exists")
    child.sendline(born.isoformat())
    child.expect("three months of the birth. \\(Xiamen rule")
    child.expect(f"Do it by {written_date(due.year, due.month, due.day, 'en')} at the latest")
    child.sendline("q")
    assert finish(child) == 0


def test_back_at_the_first_question():
    child = spawn()
    child.expect("Question 1")
    child.sendline("b")
    child.expect("This is the first question.")
    child.sendline("q")
    assert finish(child) == 0


def test_ctrl_c_exits_130_with_one_line():
    child = spawn()
    child.expect("Question 1")
    child.sendintr()
    rest = child.read()
    assert finish(child) == 130
    assert "interrupted" in rest and "Traceback" not in rest


# The prompt, in bold.  Keys such as Ctrl-D are sent once it is shown: readline (line
# editing) takes the terminal out of its line mode to read, and a Ctrl-D typed before
# that, while medbal was still drawing, would be the line mode's end of input.
PROMPT = r">(\x1b\[0m)? "


def test_ctrl_d_exits_1_with_one_line():
    child = spawn()
    child.expect("Question 1")
    child.expect(PROMPT)
    child.sendeof()
    rest = child.read()
    assert finish(child) == 1
    assert "end of input before an answer" in rest and "Traceback" not in rest


def test_narrow_terminal_walk():
    child = spawn(columns=40)
    child.expect("Question 1")
    for key in ("1", "1", "1"):
        child.sendline(key)
    child.expect("bank account")
    child.sendline("q")
    assert finish(child) == 0


@pytest.mark.parametrize("columns", [40, 120])
def test_chinese_walk(columns):
    child = spawn(lang="zh", columns=columns)
    child.expect("第 1 题")
    child.sendline("7")  # not sure
    child.expect("第 2 题")
    child.sendline("1")  # paid once a year
    child.expect("居民医保")
    child.expect("用一条命令得到同样结果")
    child.sendline("q")
    assert finish(child) == 0


def _screen(*args: str, columns: int, lang: str) -> list[str]:
    """What a terminal of this width shows for a one-shot command (a real pty)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MEDBAL_", "NO_COLOR", "FORCE_COLOR"))
    }
    env.update(
        {"COLUMNS": str(columns), "LINES": "200", "TERM": "xterm", "PYTHONIOENCODING": "utf-8"}
    )
    child = pexpect.spawn(
        sys.executable,
        ["-m", "medbal", *args, "--lang", lang],
        env=env,
        cwd=str(ROOT),
        encoding="utf-8",
        timeout=30,
        dimensions=(200, columns),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    plain = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", child.before.replace("\r", ""))  # colours
    return [line.rstrip() for line in plain.split("\n")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_40_columns_every_figure_of_an_estimate_is_whole(lang):
    import json
    import subprocess

    view = json.loads(
        subprocess.run(
            [
                sys.executable,
                "-m",
                "medbal",
                "estimate",
                "8000",
                "--threshold",
                "500",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout
    )
    figures = [
        f"{n:,.2f}" for s in view["slices"] for n in (s["from"], s["to"], s["amount"], s["paid"])
    ]
    figures += [f"{view['total_paid']:,.2f}", f"{view['own_share']:,.2f}"]
    screen = "\n".join(_screen("estimate", "8000", "--threshold", "500", columns=40, lang=lang))
    assert "…" not in screen
    for figure in figures:
        assert figure in screen, figure


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_40_columns_every_short_name_of_docs_is_whole(lang):
    from medbal.files.readtree import load_file

    checklists = load_file(ROOT / "trees" / "reimbursement.yaml")
    lines = _screen("docs", columns=40, lang=lang)
    from medbal.i18n.typeset import cells

    assert all(cells(line) <= 40 for line in lines)
    for cat in checklists.categories:
        # the short name in English; in Chinese the number with the situation (the short
        # names are English words)
        whole = (
            f"{cat.number}. {cat.slug}"
            if lang == "en"
            else f"{cat.number}. {cat.title.get('zh')[:3]}"
        )
        assert any(whole in line for line in lines), cat.slug


def test_ctrl_d_after_the_result_ends_like_q():
    child = spawn()
    child.expect("Question 1")
    child.sendline("4")  # yearly: an outcome at once
    child.expect("Residents' insurance has no personal account")
    child.expect("or q to quit")
    child.expect(">")
    child.sendeof()
    rest = child.read()
    assert finish(child) == 0
    assert "medbal:" not in rest and "Traceback" not in rest


def test_ctrl_d_before_the_result_starts_its_message_on_a_line_of_its_own():
    child = spawn()
    child.expect("Question 1")
    child.expect(PROMPT)
    child.sendeof()
    rest = child.read()
    assert finish(child) == 1
    assert re.search(r"\n\s*medbal: end of input", rest.replace("\r", "")), rest


# --- colour changes colour only (issue 22) ---------------------------------------------

SGR = re.compile(r"\x1b\[[0-9;]*m")


def _raw_screen(*args: str, columns: int, **env_extra: str) -> str:
    """What a terminal of this width receives for a one-shot command, colour codes kept."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MEDBAL_", "NO_COLOR", "FORCE_COLOR"))
    }
    env.update({"COLUMNS": str(columns), "LINES": "200", "TERM": "xterm"})
    env.update({"PYTHONIOENCODING": "utf-8", **env_extra})
    child = pexpect.spawn(
        sys.executable,
        ["-m", "medbal", *args],
        env=env,
        cwd=str(ROOT),
        encoding="utf-8",
        timeout=30,
        dimensions=(200, columns),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return child.before.replace("\r", "")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("setting", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_no_color_and_a_dumb_terminal_keep_the_layout_without_colour(setting, lang):
    from medbal.i18n.typeset import cells

    coloured = _raw_screen("docs", "1", "--lang", lang, columns=60)
    plain = _raw_screen("docs", "1", "--lang", lang, columns=60, **setting)
    assert SGR.search(coloured) and not SGR.search(plain)
    assert plain == SGR.sub("", coloured)  # the same boxes and lines, the colour gone
    assert "╭" in plain and max(cells(line) for line in plain.split("\n")) <= 60


def test_an_empty_no_color_is_not_set():
    assert SGR.search(_raw_screen("docs", "1", columns=60, NO_COLOR=""))


@pytest.mark.parametrize(
    "args",
    [
        ("docs", "1"),
        ("docs", "--lang", "zh"),
        ("estimate", "8000", "-t", "500"),
        ("diagnose", "-a", "scheme=yearly"),
        ("diagnose", "--lang", "zh"),
        ("claim", "-a", "where=home", "-a", "settle-problem=emergency"),
    ],
)
def test_force_color_colours_a_pipe_in_the_pipes_own_layout(args):
    import subprocess

    def piped(**extra: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        return subprocess.run(
            [sys.executable, "-m", "medbal", *args],
            env={**env, "COLUMNS": "60", **extra},
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )

    plain, forced = piped(), piped(FORCE_COLOR="1")
    assert forced.returncode == plain.returncode
    assert not SGR.search(plain.stdout) and SGR.search(forced.stdout)
    assert SGR.sub("", forced.stdout) == plain.stdout  # not wrapped at 60, no boxes
    # NO_COLOR, the person's own choice, wins over FORCE_COLOR.
    assert piped(FORCE_COLOR="1", NO_COLOR="1").stdout == plain.stdout
    assert piped(FORCE_COLOR="").stdout == plain.stdout


# --- line editing at the prompt (issue 22) ----------------------------------------------

LEFT, RIGHT, UP, BACKSPACE = "\x1b[D", "\x1b[C", "\x1b[A", "\x7f"


def test_the_arrows_edit_the_line_instead_of_reaching_the_answer():
    child = spawn()
    child.expect("Question 1")
    child.expect(PROMPT)
    child.send("1" + LEFT + "\r")  # 1, the left arrow, Enter: read as 1
    child.expect("Question 2")
    child.expect(PROMPT)
    child.send("3" + LEFT + "2" + RIGHT + BACKSPACE + "\r")  # "23", then the 3 rubbed out
    child.expect("Question 3")
    before = child.before
    assert "is not one of the options" not in before and "[D" not in before
    child.sendline("q")
    assert finish(child) == 0


def test_up_recalls_this_sessions_answers():
    child = spawn()
    child.expect("Question 1")
    child.expect(PROMPT)
    child.sendline("1")  # employer
    child.expect("Question 2")
    child.expect(PROMPT)
    child.sendline("b")  # back to question 1
    child.expect("Question 1")
    child.expect(PROMPT)
    child.send(UP + UP + "\r")  # b, then 1: the employer again
    child.expect("Question 2")
    assert "is not one of the options" not in child.before
    child.sendline("q")
    assert finish(child) == 0


def test_a_one_shot_call_never_imports_readline():
    import subprocess

    code = (
        "import sys; from medbal.process import run; "
        "code = run(['diagnose', '-a', 'scheme=yearly']); "
        "sys.stderr.write(str('readline' in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert out.stderr == "False" and "Residents" in out.stdout
