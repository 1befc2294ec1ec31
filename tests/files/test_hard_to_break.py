"""Issue 21 ("hard to break, round 3"): the defects that lived in the file layer, one
regression test each, numbered as in the issue."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from medbal.core.errors import OutputError, TreeError, UsageError
from medbal.files import registry
from medbal.files.write import write_atomic

from small_trees import VALID
from support import ROOT, TREES, medbal_env

LONG = "x" * 300  # longer than any file name the system allows (255 bytes)
EXAMPLE_PATCH = ROOT / "examples" / "overlay" / "reimbursement.yaml"


def medbal(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "medbal", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=medbal_env(),
        timeout=60,
    )


def one_user_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    """The one line a user error gives: no traceback, no 'internal error'."""
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "internal error" not in result.stderr, result.stderr
    return lines[0]


# --- 2: a name longer than the system allows; 3: a home that does not exist ----------------


@pytest.mark.parametrize(
    "args",
    [
        ("diagnose", LONG),
        ("diagnose", f"{LONG}.yaml"),
        ("diagnose", "card", "--trees", f"/tmp/{LONG}"),
        ("docs", "3", "-o", f"/tmp/{LONG}"),
        ("diagnose", "card", "--trees", "~nosuchuser/x"),
    ],
)
def test_a_name_the_system_refuses_is_a_user_error(args):
    line = one_user_error(medbal(*args), 2 if args[0] == "diagnose" else 1)
    assert str(TREES) not in line  # never the absolute path of the shipped trees
    assert "File name too long" in line or "no such home folder" in line


def test_a_batch_tree_name_too_long_is_a_code_2_line():
    result = medbal("diagnose", "--batch", "-", stdin=json.dumps({"tree": LONG}) + "\n")
    (line,) = result.stdout.splitlines()
    reply = json.loads(line)
    assert reply["error"]["code"] == 2 and "File name too long" in reply["error"]["message"]
    assert str(TREES) not in line


def test_a_loop_of_links_in_a_tree_name_or_folder_is_a_user_error(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(UsageError, match="symbolic links"):
        registry.locate(str(tmp_path / "a" / "x.yaml"), None)
    with pytest.raises(UsageError):
        registry.overlay_dir(str(tmp_path / "a"))
    with pytest.raises(OutputError, match="symbolic links"):
        write_atomic(str(tmp_path / "a"), "x")


def test_a_missing_home_in_medbal_trees_is_a_user_error(monkeypatch):
    monkeypatch.setenv("MEDBAL_TREES", "~nosuchuser/x")
    with pytest.raises(UsageError) as info:
        registry.overlay_dir(None)
    assert info.value.text("zh").startswith("MEDBAL_TREES 指定的")


# --- 13, 14, 20: -o names that are no file to write ---------------------------------------


def test_an_empty_output_name_asks_for_a_file_name():
    with pytest.raises(OutputError) as info:
        write_atomic("", "x")
    assert "needs a file name" in str(info.value) and "folder" not in str(info.value)


def test_an_output_name_ending_in_a_slash_writes_nothing(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(f"{tmp_path}/y.txt/", "x")
    assert list(tmp_path.iterdir()) == []


def test_dev_stdout_into_a_pipe_says_to_use_a_dash():
    result = subprocess.run(
        f"{sys.executable} -m medbal docs 3 -o /dev/stdout | cat",
        shell=True,
        capture_output=True,
        text=True,
        env=medbal_env(),
        timeout=60,
    )
    assert "--output - for standard output" in result.stderr
    assert "No such file" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to switch")
def test_a_file_the_user_may_not_write_is_not_replaced_by_the_rename(tmp_path):
    """As another user, in a folder they may write: a root-owned 0644 file and their own
    0444 file stay as they are, as a plain write would leave them."""
    import tempfile  # noqa: F401  (loaded here: the child cannot read root's Python)

    tmp_path.chmod(0o777)
    theirs, readonly = tmp_path / "root-owned.txt", tmp_path / "read-only.txt"
    theirs.write_text("root's\n")
    readonly.write_text("mine\n")
    os.chown(readonly, 65534, 65534)
    readonly.chmod(0o444)
    pid = os.fork()
    if pid == 0:  # the child: nobody
        code = 0
        try:
            os.setgid(65534)
            os.setuid(65534)
            for target in (theirs, readonly):
                try:
                    write_atomic(str(target), "replaced\n")
                    code |= 1
                except OutputError as exc:
                    code |= 0 if "Permission denied" in str(exc) else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert theirs.read_text() == "root's\n" and readonly.read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["read-only.txt", "root-owned.txt"]


# --- 17: an empty answers file ------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_an_empty_answers_file_says_what_it_should_hold(write, text):
    from medbal.files.answers import read_answers_file

    path = write("answers.yaml", text)
    with pytest.raises(UsageError) as info:
        read_answers_file(str(path))
    message = str(info.value)
    assert "QUESTION: VALUE" in message and "'kind'" not in message


# --- 18, 19: a file found by its name holds what its name says ----------------------------


def test_a_patch_saved_under_a_tree_name_is_refused_everywhere(write, run, tmp_path):
    write("region/card.yaml", EXAMPLE_PATCH.read_text(encoding="utf-8"))
    folder = str(tmp_path / "region")
    with pytest.raises(TreeError, match="name this file reimbursement.yaml"):
        registry.load_tree("card", Path(folder))
    listed = run("tree", "list", "--trees", folder, "-f", "json")
    (card,) = [r for r in json.loads(listed.stdout)["trees"] if r["origin"] == "overlay"]
    assert card["kind"] == "invalid" and card["extends"] is None  # not "patches shipped"


def test_a_tree_under_another_trees_name_fails_validate_not_only_the_page(write, run, tmp_path):
    card = (TREES / "card.yaml").read_text(encoding="utf-8")
    path = write("region/card.yaml", card.replace("\nid: card\n", "\nid: zero-balance\n"))
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    assert "holds 'zero-balance', but medbal finds a file by its name" in result.stderr
    with pytest.raises(TreeError, match="name it zero-balance.yaml"):
        registry.load_tree("card", path.parent)


# --- 23: a patch's problems at once ------------------------------------------------------


def test_a_patch_reports_read_and_lay_problems_together(write):
    path = write(
        "region/reimbursement.yaml",
        """\
        kind: checklists
        extends: reimbursement
        region: {en: Test Town}
        categories:
          no-such-category:
            title: {en: X, zh: 某}
        """,
    )
    with pytest.raises(TreeError) as info:
        registry.load_checklists(path.parent)
    problems = info.value.problems
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:3:9", f"{path}:5:3"]
    assert "missing 'zh'" in problems[0] and "'no-such-category' is not in" in problems[1]


# --- 28, 29, 31: rules of one file -------------------------------------------------------


def test_rates_refuse_one_item_id_twice():
    from medbal.files.loader import load_bytes

    text = (TREES / "rates.yaml").read_text(encoding="utf-8")
    start = text.index("    items:\n")
    end = text.index("\n", text.index("rate:", start)) + 1
    (item,) = [text[text.index("      - ", start) : end]]
    doubled = text[:end] + item.replace("rate: 80", "rate: 60") + text[end:]
    assert doubled.count("id: class-b") == 2
    with pytest.raises(TreeError, match="appears twice"):
        load_bytes(doubled.encode(), "rates.yaml")


@pytest.mark.parametrize("value", ["'1'", "'2'", "q", "b", "r", "'10'"])
def test_an_option_value_that_reads_as_a_session_key_is_refused(value):
    from medbal.files.loader import load_bytes

    text = VALID.replace("{value: a,", f"{{value: {value},")
    with pytest.raises(TreeError, match="would read as a key of the interactive session"):
        load_bytes(text.encode(), "small.yaml")


@pytest.mark.parametrize(
    "number, ok", [("12", True), ('"12"', False), ("0", False), ("100", False)]
)
def test_a_category_number_is_one_rule_in_the_loader_and_the_schema(number, ok):
    from medbal.files.loader import load_bytes
    from medbal.files.schema import json_schema

    schema = json_schema("checklists")["definitions"]["category"]["properties"]["number"]
    assert (schema["minimum"], schema["maximum"]) == (1, 99)
    text = (TREES / "reimbursement.yaml").read_text(encoding="utf-8")
    changed = text.replace("  - number: 11\n", f"  - number: {number}\n")
    assert changed != text
    if ok:
        load_bytes(changed.encode(), "reimbursement.yaml")
    else:
        with pytest.raises(TreeError, match="should be a whole number from 1 to 99"):
            load_bytes(changed.encode(), "reimbursement.yaml")


# --- 30: a broken file in --trees ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["dangling link", "fifo", "folder"])
@pytest.mark.parametrize("name", ["reimbursement", "card"])
def test_a_broken_file_in_an_overlay_is_an_error_not_the_shipped_rules(tmp_path, kind, name):
    path = tmp_path / f"{name}.yaml"
    if kind == "dangling link":
        path.symlink_to(tmp_path / "nowhere.yaml")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    with pytest.raises(TreeError) as info:
        if name == "card":
            registry.load_tree("card", tmp_path)
        else:
            registry.load_checklists(tmp_path)
    (problem,) = info.value.problems
    assert problem.startswith(f"{path}:1:1: ")


# --- 9: a large patch is read and laid once, then taken from the cache -------------------


def test_a_patch_is_laid_over_its_base_once_and_then_cached(write, monkeypatch):
    import medbal.files.loader

    lines = ["kind: checklists", "extends: reimbursement", "add_common_documents:"]
    for i in range(2000):
        lines += [f"  - id: doc-{i}", f"    text: {{en: Document {i}, zh: 文件{i}}}"]
    path = write("region/reimbursement.yaml", "\n".join(lines) + "\n")
    first = registry.load_checklists(path.parent)
    assert len(first.common_documents) > 2000 and first.extends == "reimbursement"
    calls: list[object] = []
    real = medbal.files.loader.load_bytes

    def counted(*a: Any) -> Any:
        calls.append(a)
        return real(*a)

    monkeypatch.setattr(medbal.files.loader, "load_bytes", counted)
    assert registry.load_checklists(path.parent) == first
    assert calls == []  # neither the patch nor its base parsed again
    path.write_text(path.read_text(encoding="utf-8").replace("Document 7,", "Document seven,"))
    again = registry.load_checklists(path.parent)
    assert any(d.text.get("en") == "Document seven" for d in again.common_documents)  # edited: anew


def test_a_signal_held_until_the_rename_writes_nothing(tmp_path):
    """`ready` runs just before the rename, the write's commit: a signal Python swallowed
    while the file was written is raised there, and nothing is left behind."""
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def signalled() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(target), "new", ready=signalled)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no .part
    assert target.read_text(encoding="utf-8") == "old"
    write_atomic(str(target), "new", ready=lambda: None)
    assert target.read_text(encoding="utf-8") == "new"
