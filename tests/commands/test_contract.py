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
        "region",
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


def test_the_entry_points_codes_are_the_documented_ones():
    from medbal import launch
    from medbal.core import errors

    assert (launch.INTERRUPTED, launch.TERMINATED, launch.FAILED) == (
        errors.INTERRUPTED,
        errors.TERMINATED,
        errors.FAILED,
    )


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
    assert set(group["region"]) == REGION_KEYS
    assert all(set(item["region"]) == REGION_KEYS for item in group["items"])
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
