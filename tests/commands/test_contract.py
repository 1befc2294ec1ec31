"""The JSON envelopes and the README: what scripts and new users depend on."""

import json
import re

import pytest
from typer.core import TyperGroup

from support import ROOT

OUTCOME_KEYS = {"tree", "tree_title", "lang", "status", "outcome", "answers", "dropped", "command"}
# An outcome's deadline counted from a date answered (null where there is none).
DUE_KEYS = {"due", "due_passed", "due_text", "due_rule", "due_late"}
NEEDS_KEYS = {"tree", "tree_title", "lang", "status", "question", "answers", "dropped", "command"}


def test_the_typed_views_declare_exactly_the_envelope():
    """The JSON is the view itself: its TypedDict and the pinned keys must agree."""
    from medbal.present import views

    always = views.DiagnoseView.__required_keys__
    assert always | {"outcome"} == OUTCOME_KEYS and always | {"question"} == NEEDS_KEYS
    assert views.OutcomeView.__annotations__.keys() == {
        "id",
        "title",
        "explanation",
        "pooled_fund",
        "next_steps",
        "where_to_check",
        "caveat",
        "checklist",
        "sources",
        "reference",
        "region",
        *DUE_KEYS,
    }
    assert views.AnswerView.__annotations__.keys() == {"question", "value", "text", "label"}


def test_outcome_envelope_keys(run):
    data = json.loads(run("diagnose", "-a", "scheme=yearly", "-f", "json").stdout)
    assert set(data) == OUTCOME_KEYS
    assert set(data["outcome"]) == {
        "id",
        "title",
        "explanation",
        "pooled_fund",
        "next_steps",
        "where_to_check",
        "caveat",
        "checklist",
        "sources",
        "reference",
        "region",
        *DUE_KEYS,
    }
    assert set(data["outcome"]["sources"][0]) == {"id", "label"}
    assert set(data["answers"][0]) == {"question", "value", "text", "label"}
    assert data["answers"][0]["text"] == "How is your medical insurance paid?"


def test_needs_answer_envelope_keys(run):
    data = json.loads(run("diagnose", "-f", "json").stdout)
    assert set(data) == NEEDS_KEYS
    assert set(data["question"]) == {"id", "text", "help", "kind", "options"}
    assert data["question"]["kind"] == "choice"
    assert set(data["question"]["options"][0]) == {"value", "label"}


def test_the_command_in_the_envelope_reproduces_the_result(run):
    import shlex

    data = json.loads(
        run(
            "diagnose",
            "-a",
            "scheme=employer",
            "-a",
            "record=paid",
            "-a",
            "where-looked=medical",
            "-a",
            "how-new=recent",
            "-f",
            "json",
        ).stdout
    )
    args = shlex.split(data["command"])[1:]
    again = json.loads(run(*args, "-f", "json").stdout)
    assert again["outcome"] == data["outcome"]


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_in_the_readme():
    from typer.main import get_command

    from medbal.commands.app import cli

    app = cli()

    cli = get_command(app)
    assert isinstance(cli, TyperGroup)
    names = []
    for name, command in cli.commands.items():
        sub = getattr(command, "commands", None)
        names += [f"medbal {name} {s}" for s in sub] if sub else [f"medbal {name}"]
    for name in names:
        assert name in readme(), f"README does not mention `{name}`"


def test_readme_exit_codes_match_the_code():
    from medbal.core import errors

    table = dict(re.findall(r"^\| (\d+) \| (.+) \|$", readme(), re.M))
    assert set(map(int, table)) == {
        errors.OK,
        errors.FAILED,
        errors.USAGE,
        errors.NEEDS_ANSWER,
        errors.INTERRUPTED,
        errors.TERMINATED,
    }


def test_readme_starts_with_the_two_setup_commands():
    text = readme()
    setup = text[text.index("## Set-up") : text.index("## Using it")]
    assert "uv run medbal diagnose" in setup and "uv run pytest" in setup


def test_every_command_help_ends_with_an_example():
    from typer.main import get_command

    from medbal.commands.app import cli

    app = cli()

    def leaves(group, prefix=()):
        for name, cmd in group.commands.items():
            if hasattr(cmd, "commands"):
                yield from leaves(cmd, (*prefix, name))
            else:
                yield (*prefix, name), cmd

    for path, cmd in leaves(get_command(app)):
        assert "Example: medbal" in (cmd.help or ""), path


def test_estimate_envelope_keys(run):
    data = json.loads(
        run("estimate", "8000", "-t", "500", "-i", "class-b=100", "-f", "json").stdout
    )
    assert set(data) == {
        "region",
        "lang",
        "applies_to",
        "bill",
        "threshold",
        "threshold_given",
        "slices",
        "items",
        "total_paid",
        "own_share",
        "cap",
        "cap_applied",
        "notes",
        "reading",
        "notice",
        "sources",
    }
    assert set(data["slices"][0]) == {"from", "to", "amount", "rate", "paid"}
    assert set(data["items"][0]) == {"id", "label", "amount", "rate", "paid"}


def test_the_exit_codes_are_defined_once():
    """medbal.core.errors is the one definition: no other module assigns an exit code."""
    import ast

    names = {"OK", "FAILED", "USAGE", "NEEDS_ANSWER", "INTERRUPTED", "TERMINATED"}
    found = []
    for path in (ROOT / "medbal").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id in names:
                        found.append((path.relative_to(ROOT).as_posix(), name.id))
    assert sorted({p for p, _ in found}) == ["medbal/core/errors.py"], found
    assert {n for _, n in found} == names


# --- the envelope of a failure, as of a result (pipx's contract test) --------------------

ERROR_KEYS = {"status", "error"}
JSON_COMMANDS = ["diagnose", "claim", "docs", "estimate", "tree list", "tree paths", "tree export"]


def medbal(*args: str, lang: str = "en") -> tuple[int, dict, list[str]]:
    """A real run (`python -m medbal`): exit code, the JSON on stdout, the stderr lines."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDBAL_", "LC_", "LANG"))}
    out = subprocess.run(
        [sys.executable, "-m", "medbal", *args, "--lang", lang],
        capture_output=True,
        cwd=ROOT,
        env={**env, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    return out.returncode, json.loads(out.stdout), out.stderr.decode().splitlines()


def _broken(tmp_path) -> str:
    path = tmp_path / "broken.yaml"
    path.write_text("kind: decision-tree\nid: [\n", encoding="utf-8")
    return str(path)


# (command, its words, the exit code, what the message says)
FAILURES = [
    ("diagnose", ["diagnose", "-a", "nope=x"], 2, "has no question 'nope'"),
    ("claim", ["claim", "-a", "where=nowhere"], 2, "did you mean 'elsewhere'?"),
    ("docs", ["docs", "99"], 2, "no category '99'"),
    ("estimate", ["estimate", "-5"], 2, "is negative"),
    ("estimate", ["estimate", "1e26"], 2, "is not an amount"),
    ("tree list", ["tree", "list", "--trees", "/no/such/folder"], 2, "is not a folder"),
    ("tree paths", ["tree", "paths", "nosuch"], 2, "no tree named 'nosuch'"),
    ("tree export", ["tree", "export", "nosuch"], 2, "no tree named 'nosuch'"),
    ("docs", ["docs", "--bogus"], 2, "there is no option --bogus"),  # Click's, before the command
    ("docs", ["docs", "1", "--output", "/no/such/folder/x.json"], 1, "cannot write"),
    ("diagnose", ["diagnose", "BROKEN"], 1, "broken.yaml:3:1: "),
    ("diagnose", ["diagnose", "--batch", "/no/such/cases.jsonl"], 1, "cannot be read"),
]


@pytest.mark.parametrize(
    "command, args, code, says", FAILURES, ids=[" ".join(f[1]) for f in FAILURES]
)
def test_a_failure_with_format_json_is_the_error_envelope(tmp_path, command, args, code, says):
    args = [_broken(tmp_path) if a == "BROKEN" else a for a in args]
    exit_code, envelope, err = medbal(*args, "--format", "json")
    assert exit_code == code
    assert set(envelope) == ERROR_KEYS and envelope["status"] == "error"
    assert set(envelope["error"]) == {"code", "message"} and envelope["error"]["code"] == code
    message = envelope["error"]["message"]
    assert says in message
    # The same words on stderr: one `medbal:` line (and Click's hint), or the file's problems.
    if "broken.yaml" in message:
        assert err == [message]
    else:
        assert err[0] == f"medbal: {message}" and len(err) <= 2


def test_every_json_command_has_its_failure_pinned():
    assert {f[0] for f in FAILURES} == set(JSON_COMMANDS)


def test_the_envelope_is_in_the_chosen_language():
    code, envelope, err = medbal("docs", "99", "--format", "json", lang="zh")
    assert code == 2 and envelope["error"]["message"].startswith("没有“99”这一类")
    assert err == [f"medbal: {envelope['error']['message']}"]


def test_a_batch_line_error_has_the_same_envelope_and_an_id(run):
    line = json.dumps({"answers": {"nope": "x"}, "id": 7})
    batch = json.loads(run("diagnose", "--batch", "-", input=line + "\n").stdout)
    one = run("diagnose", "-a", "nope=x", "--format", "json")
    assert one.exit_code == 2
    assert batch == {**json.loads(one.stdout), "id": 7}


# The keys of each command's JSON result (diagnose's and estimate's in full above).
RESULTS = [
    ("diagnose", ["diagnose", "-a", "scheme=yearly"], OUTCOME_KEYS),
    ("claim", ["claim"], NEEDS_KEYS),
    (
        "docs",
        ["docs", "1"],
        {
            "region",
            "region_note",
            "lang",
            "title",
            "categories",
            "common_documents",
            "claim_steps",
            "claim_steps_sources",
            "legal_basis",
            "sources",
            "extends",
        },
    ),
    ("estimate", ["estimate", "8000"], None),
    ("tree list", ["tree", "list"], {"trees", "lang"}),
    ("tree paths", ["tree", "paths", "card"], {"tree", "lang", "paths"}),
    ("tree export", ["tree", "export", "card"], {"id", "title", "start", "lang", "nodes", "edges"}),
]


@pytest.mark.parametrize("command, args, keys", RESULTS, ids=[r[0] for r in RESULTS])
def test_a_result_is_never_mistaken_for_an_error(command, args, keys):
    code, data, err = medbal(*args, "--format", "json")
    assert code in (0, 3) and err == []
    assert data.get("status") != "error"
    if keys is not None:
        assert set(data) == keys


def test_every_json_command_has_its_result_pinned():
    assert {r[0] for r in RESULTS} == set(JSON_COMMANDS)


REGION_KEYS = {"id", "name"}


def test_every_rule_s_region_is_in_the_json(run):
    """Issue 19: an object that has a region carries `"region": {"id", "name"}`, null where
    it has none; the texts keep their tag, so every renderer shows it."""
    outcome = json.loads(run("diagnose", "-a", "scheme=yearly", "-f", "json").stdout)["outcome"]
    assert outcome["region"] is None  # the zero-balance outcomes are national
    docs = json.loads(run("docs", "1", "-f", "json").stdout)
    assert docs["region"] == "Xiamen, Fujian"  # the file's region: its name, as before
    (cat,) = docs["categories"]
    assert cat["region"] == {"id": "xiamen", "name": "Xiamen, Fujian"}
    for deadline in cat["deadlines"]:
        region = deadline["region"]
        assert region is None if deadline["kind"] == "not-stated" else set(region) == REGION_KEYS
    (group,) = cat["guidance"]
    assert group["region"] is None  # the rules of 2022 for treatment elsewhere are national
    regional = [item["region"] for item in group["items"] if item["region"] is not None]
    assert regional and all(set(region) == REGION_KEYS for region in regional)
    assert cat["deadlines"][0]["text"].endswith(" (Xiamen rule; confirm locally)")


def test_an_outcome_s_checklist_holds_every_category_it_leads_to(run, write):
    """`"checklist"` is the `docs --format json` envelope: one category exactly as
    `medbal docs N` gives it, two as `medbal docs` would give both."""
    one = json.loads(
        run("claim", "-a", "where=home", "-a", "settle-problem=emergency", "-f", "json").stdout
    )
    assert one["outcome"]["checklist"] == json.loads(run("docs", "8", "-f", "json").stdout)
    tree = write(
        "birth.yaml",
        """\
        kind: decision-tree
        id: birth
        title: {en: A birth elsewhere, zh: 异地分娩}
        start: done
        questions: {}
        outcomes:
          done:
            title: {en: Claim for mother and baby, zh: 母亲和新生儿分别报销}
            explanation: {en: Two claims., zh: 两项报销。}
            next_steps: [{en: Claim both., zh: 两项都申请。}]
            where_to_check: [{en: The agency, zh: 经办机构}]
            checklist: [4, 11]
            sources: [seed-000]
        """,
    )
    two = json.loads(run("diagnose", str(tree), "-f", "json").stdout)["outcome"]["checklist"]
    whole = json.loads(run("docs", "--all", "-f", "json").stdout)
    assert two == {**whole, "categories": [whole["categories"][3], whole["categories"][10]]}


# --- question kinds and due dates (additions only) --------------------------------------


def test_a_question_view_names_its_kind_and_has_its_kinds_keys(run):
    from medbal.present import views

    from dated_trees import FOLDER

    assert views.QuestionView.__required_keys__ == {"id", "text", "help", "kind"}
    assert views.QuestionView.__optional_keys__ == {"options", "label", "skip"}
    choice = json.loads(run("diagnose", "-f", "json").stdout)["question"]
    assert set(choice) == {"id", "text", "help", "kind", "options"} and choice["kind"] == "choice"
    args = ["diagnose", "dated", "--trees", str(FOLDER), "-a", "who=baby", "-f", "json"]
    date = json.loads(run(*args).stdout)["question"]
    assert set(date) == {"id", "text", "help", "kind", "label", "skip"} and date["kind"] == "date"
    assert date["skip"] == {"value": "not-sure", "label": "I do not know the date"}


def test_an_outcome_view_has_the_due_keys_typed():
    from medbal.present import deadlines, views

    assert deadlines.DueView.__annotations__.keys() == DUE_KEYS
    assert DUE_KEYS <= views.OutcomeView.__annotations__.keys()
