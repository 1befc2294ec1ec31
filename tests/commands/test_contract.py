"""The JSON envelopes and the README: what scripts and new users depend on."""

import json
import re

from support import ROOT

OUTCOME_KEYS = {"tree", "tree_title", "lang", "status", "outcome", "answers", "dropped", "command"}
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
    }
    assert set(data["outcome"]["sources"][0]) == {"id", "label"}
    assert set(data["answers"][0]) == {"question", "value", "text", "label"}
    assert data["answers"][0]["text"] == "How is your medical insurance paid?"


def test_needs_answer_envelope_keys(run):
    data = json.loads(run("diagnose", "-f", "json").stdout)
    assert set(data) == NEEDS_KEYS
    assert set(data["question"]) == {"id", "text", "help", "options"}
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
