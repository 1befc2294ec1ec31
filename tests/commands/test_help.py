"""--help that fits (issue 22): laid out by display cells at the terminal's width, never a
word, an id or a command broken at a hyphen; examples, exit codes and environment
variables in the top-level help; docs/cli.md made from it and kept current."""

import re
import subprocess
import sys

import pytest

from medbal.commands import reference
from medbal.core import errors
from medbal.i18n.typeset import CLOSING, cells

from support import ROOT, medbal_env

PATHS = [path.split()[1:] for path, _, _ in reference.commands()]
BROKEN_AT_HYPHEN = re.compile(r"[A-Za-z0-9]-$")  # `settle-` with `problem=...` below


def help_of(run, words, columns):
    result = run(*words, "-h", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("columns", [40, 80])
@pytest.mark.parametrize("words", PATHS, ids=lambda w: " ".join(["medbal", *w]))
def test_every_help_fits_the_terminal_and_breaks_no_word(run, words, columns):
    text = help_of(run, words, columns)
    assert text.startswith(f"Usage: {' '.join(['medbal', *words])}".rstrip()[:columns])
    for line in text.splitlines():
        assert cells(line) <= columns, line
        assert not BROKEN_AT_HYPHEN.search(line), line
        assert not line.strip() or line.strip()[0] not in CLOSING, line  # kinsoku


@pytest.mark.parametrize("columns", [40, 60, 80, 100])
def test_examples_stay_whole_and_copy_as_one_command(run, columns):
    from medbal.commands.helptext import EXAMPLES

    text = help_of(run, [], columns)
    block = text.split("Examples / 示例:\n")[1].split("\n\n")[0]
    commands = block.replace(" \\\n", " ").split("\n")
    assert [" ".join(c.split()) for c in commands] == list(EXAMPLES)
    claim = help_of(run, ["claim"], columns)
    assert "settle-problem=emergency" in claim
    assert "--answer settle-problem=emergency" in " ".join(claim.split())


def test_help_is_as_wide_as_the_terminal_up_to_100_columns(run):
    for columns in (40, 80, 100):
        widest = max(cells(line) for line in help_of(run, ["diagnose"], columns).splitlines())
        assert columns - 12 < widest <= columns
    assert max(cells(line) for line in help_of(run, [], 200).splitlines()) <= 100


def test_chinese_in_help_is_counted_in_cells_and_broken_by_its_rules(run):
    text = help_of(run, [], 40)
    lines = text.splitlines()
    # The Chinese half of the description: wrapped at 40 cells, not 40 characters.
    assert any("报销要带哪些材料" in line for line in lines)
    assert all(cells(line) <= 40 for line in lines)
    han = [line for line in lines if re.search("[\u4e00-\u9fff]", line)]
    assert max(cells(line) for line in han) > 30 and max(len(line) for line in han) < 40


def test_the_top_level_help_lists_every_exit_code_and_environment_variable(run):
    text = help_of(run, [], 80)
    codes = text.split("Exit codes / 退出码:\n")[1].split("\n\n")[0]
    listed = set(re.findall(r"^  (\d+) ", codes, re.M))
    defined = {
        # type() is int, not isinstance: TYPE_CHECKING (a bool) is upper case too.
        str(v)
        for k, v in vars(errors).items()
        if k.isupper() and type(v) is int and v < 256
    }
    assert listed == defined == {"0", "1", "2", "3", "130", "143"}
    environment = text.split("Environment / 环境变量:\n")[1]
    named = set(re.findall(r"\b[A-Z][A-Z_]{2,}\b", environment))
    read = set()
    for source in (ROOT / "medbal").rglob("*.py"):
        read |= set(re.findall(r'(?:\.get|_set)\("([A-Z][A-Z_]+)"', source.read_text("utf-8")))
    # HOME only places the cache (named under XDG_CACHE_HOME); COMP_* are the shell's.
    assert read - {"HOME", "COMP_CWORD"} <= named
    assert {"MEDBAL_LANG", "MEDBAL_TREES", "MEDBAL_CACHE", "MEDBAL_DEBUG", "NO_COLOR"} <= named
    assert {"FORCE_COLOR", "COLUMNS", "XDG_CACHE_HOME", "TERM", "LC_ALL", "LANG"} <= named
    for line in ("0 turns off the cache of checked trees", "设为 0 时不使用已检查树文件的缓存"):
        assert line in environment


def test_no_arguments_show_the_same_help_on_stderr_with_exit_2(run):
    result = run("tree", env={"COLUMNS": "40"})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == help_of(run, ["tree"], 40)


def test_help_is_loaded_only_when_help_is_shown():
    code = (
        "import sys; from medbal.process import run; code = run(sys.argv[1:]); "
        "sys.stderr.write(str('medbal.commands.helptext' in sys.modules))"
    )

    def loaded(*args):
        out = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=medbal_env(COLUMNS="80"),
            timeout=60,
        )
        return out.stderr.rsplit("\n", 1)[-1], out.stdout

    assert loaded("diagnose", "-a", "scheme=yearly", "-f", "json")[0] == "False"
    assert loaded("docs", "3")[0] == "False"
    shown, text = loaded("--help")
    assert shown == "True" and "Exit codes / 退出码:" in text


def test_help_through_a_real_process_at_a_narrow_terminal():
    out = subprocess.run(
        [sys.executable, "-m", "medbal", "estimate", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=medbal_env(COLUMNS="40"),
        timeout=60,
    )
    assert out.returncode == 0 and out.stderr == ""
    assert all(cells(line) <= 40 for line in out.stdout.splitlines())
    assert "--item class-b=1200" in " ".join(out.stdout.split())


def test_the_cli_reference_is_current():
    """If this fails, run: uv run python -m medbal.commands.reference"""
    assert reference.TARGET == ROOT / "docs" / "cli.md"
    assert reference.TARGET.read_text(encoding="utf-8") == reference.reference()


def test_the_cli_reference_has_every_command_at_80_columns():
    text = reference.TARGET.read_text(encoding="utf-8")
    for path, _, _ in reference.commands():
        assert f"\n## {path}\n\n```text\nUsage: {path}" in text, path
    blocks = re.findall(r"```text\n(.*?)```", text, re.S)
    assert all(cells(line) <= 80 for block in blocks for line in block.splitlines())
