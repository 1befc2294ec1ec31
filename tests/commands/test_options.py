"""The same options everywhere (issue 22): every command that writes a document has
-o/--output FILE (`-` is stdout), and every file argument takes `-` for standard input."""

import json
import os

import pytest
from typer.core import TyperGroup

from support import ROOT, TREES

# Every command that writes a document or a table, with arguments that make one.
WRITERS = [
    ("diagnose", "-a", "scheme=yearly"),
    ("claim", "-a", "where=home", "-a", "settle-problem=emergency", "-f", "json"),
    ("estimate", "8000", "-t", "500"),
    ("estimate", "8000", "-t", "500", "-f", "json"),
    ("docs", "3"),
    ("docs", "--all", "-f", "markdown"),
    ("page", "card"),
    ("tree", "list", "-f", "json"),
    ("tree", "show", "card"),
    ("tree", "paths", "card", "--format", "csv"),
    ("tree", "export", "card", "--format", "dot"),
    ("tree", "schema", "decision-tree"),
]


# Commands that write no document: validate reports on files, serve answers over HTTP.
NO_OUTPUT = ("tree validate", "serve")


def test_every_command_that_writes_has_output_and_validate_and_serve_have_not():
    import typer

    from medbal.commands.app import cli

    group = typer.main.get_command(cli())
    assert isinstance(group, TyperGroup)
    commands = dict(group.commands)
    tree = commands.pop("tree")
    assert isinstance(tree, TyperGroup)
    commands.update({f"tree {n}": c for n, c in tree.commands.items()})
    for name, command in commands.items():
        opts = {o for p in command.params for o in getattr(p, "opts", [])}
        assert ({"-o", "--output"} <= opts) == (name not in NO_OUTPUT), name


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_output_file_holds_what_stdout_gets(run, tmp_path, args):
    shown = run(*args)
    assert shown.exit_code == 0, shown.stderr
    target = tmp_path / "out"
    written = run(*args, "-o", str(target))
    assert written.exit_code == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert os.listdir(tmp_path) == ["out"]  # written atomically: no temporary file left
    assert run(*args, "--output", "-").stdout == shown.stdout


def test_estimate_and_tree_commands_write_files_as_in_the_issue(run, tmp_path):
    out = tmp_path / "f"
    assert run("estimate", "8000", "-t", "500", "-o", str(out)).exit_code == 0
    assert "6,760.00" in out.read_text(encoding="utf-8")
    assert run("tree", "paths", "card", "--format", "csv", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("path,answers,outcome,title\n")
    assert run("tree", "schema", "rates", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"]


def test_an_output_into_a_missing_folder_is_one_line_and_exit_1(run, tmp_path):
    result = run("estimate", "8000", "-t", "500", "-o", str(tmp_path / "no" / "f.txt"))
    assert result.exit_code == 1 and result.stderr.startswith("medbal: cannot write")


# --- `-`: standard input in place of a file ------------------------------------------


def test_tree_validate_reads_stdin(run):
    card = (TREES / "card.yaml").read_text(encoding="utf-8")
    result = run("tree", "validate", "-", input=card)
    assert result.exit_code == 0 and result.stdout == "<stdin>: valid (tree 'card')\n"
    # A regional patch is laid over the file it extends, as from a file.
    patch = (ROOT / "examples" / "overlay" / "reimbursement.yaml").read_text(encoding="utf-8")
    result = run("tree", "validate", "-", input=patch)
    assert result.exit_code == 0 and "a patch over reimbursement" in result.stdout


def test_a_broken_tree_on_stdin_is_named_stdin_with_line_and_column(run):
    card = (TREES / "card.yaml").read_text(encoding="utf-8")
    broken = card.replace("start: problem", "start: nowhere")
    assert broken != card
    line = next(i for i, t in enumerate(broken.splitlines(), 1) if t.startswith("start:"))
    result = run("tree", "validate", "-", input=broken)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"<stdin>:{line}:8: 'start' names 'nowhere'")
    result = run("diagnose", "-", "-f", "json", input=broken)
    assert result.exit_code == 1 and result.stderr.startswith(f"<stdin>:{line}:8:")
    assert json.loads(result.stdout)["status"] == "error"


def test_every_tree_argument_takes_stdin(run):
    card = (TREES / "card.yaml").read_text(encoding="utf-8")
    result = run("diagnose", "-", "-a", "problem=lost", "-f", "json", input=card)
    assert result.exit_code == 0, result.stderr
    view = json.loads(result.stdout)
    by_id = json.loads(run("diagnose", "card", "-a", "problem=lost", "-f", "json").stdout)
    assert view["outcome"] == by_id["outcome"]
    assert view["command"].startswith("medbal diagnose - ")  # repeated with the tree piped in
    assert run("tree", "show", "-", input=card).stdout == run("tree", "show", "card").stdout
    for command in (("tree", "paths"), ("tree", "export")):
        assert run(*command, "-", input=card).stdout == run(*command, "card").stdout
    page = run("page", "-", "--lang", "zh", input=card)
    assert page.exit_code == 0 and page.stdout == run("page", "card", "--lang", "zh").stdout


def test_stdin_is_read_once(run):
    card = (TREES / "card.yaml").read_text(encoding="utf-8")
    result = run("diagnose", "-", "--answers-file", "-", input=card)
    assert result.exit_code == 2
    assert "standard input can be read only once" in result.stderr
    zh = run("diagnose", "-", "--answers-file", "-", "--lang", "zh", input=card)
    assert zh.stderr.startswith("medbal: 标准输入只能读取一次")
    assert run("tree", "validate", "-", "-", input=card).exit_code == 2
    assert run("page", "-", "-", input=card).exit_code == 2
    batch = run("diagnose", "-", "--batch", "-", input=card)
    assert batch.exit_code == 2 and "not - (standard input)" in batch.stderr


def test_a_data_file_on_stdin_is_not_a_tree(run):
    rates = (TREES / "rates.yaml").read_text(encoding="utf-8")
    result = run("diagnose", "-", input=rates)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "medbal: '-' (<stdin>) is not a decision tree; use 'medbal estimate' for it\n"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_pipe_named_as_a_file_points_to_stdin(run, tmp_path, lang):
    """`--answers-file <(...)` and `tree validate <(...)` name a pipe: refused at once (never
    waiting on it), with the way that works: `-` and standard input."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    hint = {"en": "give - and pass it on standard input", "zh": "请改用 -，从标准输入传入"}[lang]
    answers = run("diagnose", "--answers-file", str(fifo), "--lang", lang)
    assert answers.exit_code == 2 and hint in answers.stderr
    # A tree file's problems are FILE:LINE:COL lines, in English like every tree problem.
    tree = run("tree", "validate", str(fifo), env={"MEDBAL_LANG": lang})
    assert tree.exit_code == 1
    assert tree.stderr.startswith(f"{fifo}:1:1: is not a saved file")
    assert "give - and pass it on standard input" in tree.stderr
