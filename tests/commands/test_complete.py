"""Shell completion that knows the trees, driven through the bash completion protocol."""

import os
import subprocess
import sys

import pytest

from medbal.files.registry import CHECKLISTS_ID, RATES_ID, available_ids, load_rates, load_tree

from small_trees import VALID
from support import ROOT

SHIPPED = [t for t in available_ids(None) if t not in (CHECKLISTS_ID, RATES_ID)]


def complete(
    line: str, env: dict | None = None, profile: bool = False
) -> tuple[list[str], set[str], str]:
    """What bash gets for the last word of `line` (a trailing space: a new, empty word),
    the modules imported meanwhile, and stderr without the import profile."""
    script = os.path.join(os.path.dirname(sys.executable), "medbal")
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("MEDBAL_")}
    run_env.update(
        {
            "_MEDBAL_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(cword),
            **(env or {}),
        }
    )
    if profile:
        run_env["PYTHONPROFILEIMPORTTIME"] = "1"
    out = subprocess.run(
        [script], env=run_env, capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert out.returncode == 0
    imported = {
        ln.split("|")[-1].strip() for ln in out.stderr.splitlines() if ln.startswith("import time:")
    }
    rest = "\n".join(ln for ln in out.stderr.splitlines() if not ln.startswith("import time:"))
    return out.stdout.split(), imported, rest


def no_rich(imported: set[str]) -> bool:
    return not any(m == "rich" or m.startswith("rich.") for m in imported)


@pytest.fixture
def overlay(tmp_path):
    my_region = VALID.lstrip().replace("id: small\n", "id: my-region\n")  # id is the file name
    (tmp_path / "my-region.yaml").write_text(my_region, encoding="utf-8")
    return tmp_path


def test_tree_ids_for_diagnose_and_tree_commands(overlay):
    got, imported, _ = complete("medbal diagnose ", profile=True)
    assert got == sorted(SHIPPED)  # data files (checklists, rates) are not trees to walk
    assert no_rich(imported) and "medbal.files.loader" not in imported  # ids are file names
    got, _, _ = complete(f"medbal diagnose --trees {overlay} ")
    assert got == sorted([*SHIPPED, "my-region"])
    got, _, _ = complete("medbal tree show m", env={"MEDBAL_TREES": str(overlay)})
    assert got == ["my-region"]
    got, _, _ = complete("medbal tree paths w")
    assert got == ["which-category"]


def test_answer_questions_then_values_of_the_default_tree():
    tree = load_tree("zero-balance", None)
    got, imported, _ = complete("medbal diagnose --answer ", profile=True)
    assert got == [f"{q}=" for q in tree.questions]
    assert no_rich(imported)
    first = tree.questions[tree.start]
    got, _, _ = complete(f"medbal diagnose -a {first.id}=")
    assert got == [f"{first.id}={o.value}" for o in first.options]
    value = first.options[-1].value
    got, _, _ = complete(f"medbal diagnose -a {first.id}={value[:2]}")
    assert got == [f"{first.id}={o.value}" for o in first.options if o.value.startswith(value[:2])]
    # a question answered already is not offered again
    got, _, _ = complete(f"medbal diagnose -a {first.id}={value} --answer ")
    assert f"{first.id}=" not in got and len(got) == len(tree.questions) - 1


@pytest.mark.parametrize(
    "line, tree_id",
    [
        ("medbal diagnose card --answer ", "card"),
        ("medbal diagnose balance-dropped --lang zh -a ", "balance-dropped"),
        ("medbal claim -a ", "which-category"),
    ],
)
def test_answer_follows_the_tree_on_the_line(line, tree_id):
    tree = load_tree(tree_id, None)
    got, _, _ = complete(line)
    assert got == [f"{q}=" for q in tree.questions]


def test_answer_from_an_overlay_tree(overlay):
    got, _, _ = complete(f"medbal diagnose my-region --trees {overlay} -a first=")
    assert got == ["first=yes", "first=no"]


def test_items_and_regions():
    rates = load_rates(None)
    region = rates.regions[rates.default_region]
    got, imported, _ = complete("medbal estimate 8000 --item ", profile=True)
    assert got == [f"{i.id}=" for i in region.items] and got
    assert no_rich(imported)
    start = region.items[-1].id[:3]
    got, _, _ = complete(f"medbal estimate 8000 --region {rates.default_region} -i {start}")
    assert got == [f"{i.id}=" for i in region.items if i.id.startswith(start)]
    got, _, _ = complete("medbal estimate 8000 --region ")
    assert got == list(rates.regions)


@pytest.mark.parametrize(
    "line",
    [
        "medbal diagnose --trees /no/such/folder --answer ",
        "medbal diagnose --trees /no/such/folder ",
        "medbal diagnose no-such-tree --answer ",
        "medbal estimate 100 --trees /no/such/folder --item ",
        "medbal diagnose --answer no-such-question=",
    ],
)
def test_completion_never_prints_a_traceback(line):
    got, _, stderr = complete(line)
    assert got == [] and "Traceback" not in stderr and stderr.strip() == ""


def test_a_broken_tree_completes_to_nothing(tmp_path):
    (tmp_path / "zero-balance.yaml").write_text("kind: decision-tree\nid: [\n", encoding="utf-8")
    got, _, stderr = complete(f"medbal diagnose --trees {tmp_path} -a ")
    assert got == [] and stderr.strip() == ""


def _raw(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = os.path.join(os.path.dirname(sys.executable), "medbal")
    run_env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDBAL_", "COMP_"))}
    return subprocess.run(
        [script], env={**run_env, **env}, capture_output=True, text=True, cwd=ROOT, timeout=60
    )


@pytest.mark.parametrize(
    "env, says",
    [
        ({"COMP_WORDS": "medbal diagnose card", "COMP_CWORD": "abc"}, "(it is 'abc')"),
        ({"COMP_WORDS": "medbal diagnose card", "COMP_CWORD": "²"}, "(it is '²')"),
        ({"COMP_CWORD": "2"}, "needs COMP_WORDS"),
        ({"COMP_WORDS": "medbal d"}, "(it is '')"),
    ],
)
def test_a_broken_completion_environment_is_a_usage_error(env, says):
    """Issue 21's 4: COMP_CWORD=abc gave "internal error (ValueError ...)"."""
    out = _raw({"_MEDBAL_COMPLETE": "complete_bash", **env})
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("medbal: shell completion needs COMP_WORDS") and says in out.stderr
    assert len(out.stderr.splitlines()) == 1 and "Traceback" not in out.stderr


def test_an_unknown_completion_instruction_is_a_usage_error():
    out = _raw({"_MEDBAL_COMPLETE": "garbage"})
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == (
        "medbal: _MEDBAL_COMPLETE is 'garbage'; it should be source_SHELL or complete_SHELL, "
        "SHELL one of: bash, zsh, fish, powershell, pwsh\n"
    )


def test_the_completion_script_still_needs_no_comp_variables():
    out = _raw({"_MEDBAL_COMPLETE": "source_bash"})
    assert out.returncode == 0 and "_medbal_completion" in out.stdout


def test_a_name_with_a_control_character_is_never_offered(overlay):
    """A file's name is data from outside: one the shell would show raw is left out."""
    (overlay / "ev\x1b[31mil.yaml").write_text(VALID.lstrip(), encoding="utf-8")
    got, _, err = complete("medbal diagnose ", env={"MEDBAL_TREES": str(overlay)})
    assert got == sorted([*SHIPPED, "my-region"]) and err == ""
