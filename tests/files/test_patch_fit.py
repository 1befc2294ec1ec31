"""A regional checklists file against the shipped trees that use it (issue 21, found by
the long fuzz run): which-category's outcome 'transfer' counts its due day from category
1's deadline 'urgent-filing'.  A patch that replaces category 1's deadlines without it
is sound alone, and `tree validate` called it valid, while `medbal claim --trees DIR`
stopped at a line of the shipped tree, which nobody edits.  Now both say it at the
patch's own line, in the same words; and a file is validated with the files beside it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from medbal.core.model import replace
from medbal.files import crossfile
from medbal.files.readtree import load_file

from support import TREES, a_tree, the_checklists

HEAD = "kind: checklists\nextends: reimbursement\ncategories:\n  transfer:\n    deadlines:\n"
SIX_MONTHS = "      - {%skind: claim, amount: 6, unit: month, text: {en: Six months, zh: 六个月}}\n"
DROPPED = HEAD + SIX_MONTHS % ""  # the one deadline at line 6, column 9
KEPT = HEAD + SIX_MONTHS % "id: urgent-filing, "
TRANSFER = [
    *("-a", "where=elsewhere", "-a", "settled-there=paid-in-full"),
    *("-a", "why-elsewhere=referred", "-a", "urgent=urgent", "-a", "transferred=2026-12-01"),
]
LINE = re.compile(
    r"^(?P<at>.+?:\d+:\d+): category 1 has no deadline 'urgent-filing', which outcome "
    r"'transfer' of tree 'which-category' counts a due day from \((?P<tree>.+?:\d+:\d+)\); "
    r"give one of its deadlines id: urgent-filing \(kind within or claim, with 'amount' and "
    r"'unit'\); its deadline ids: none$"
)


def test_validate_refuses_a_patch_that_drops_the_deadline_a_shipped_due_counts_from(run, write):
    path = write("region/reimbursement.yaml", DROPPED)
    checked = run("tree", "validate", str(path))
    assert checked.exit_code == 1 and checked.stdout == ""
    (line,) = checked.stderr.splitlines()
    found = LINE.match(line)
    assert found, line
    assert found["at"] == f"{path}:6:9"  # the patch's own list, not the shipped tree
    assert found["tree"].endswith("which-category.yaml:426:7")
    # Where it is used: the same line, once, from the command that counts the day.
    used = run("claim", *TRANSFER, "--trees", str(path.parent))
    assert used.exit_code == 1 and used.stdout == ""
    assert used.stderr.splitlines() == [line]
    # The checklists themselves are sound: they print with the patch laid over.
    docs = run("docs", "1", "--format", "json", "--trees", str(path.parent))
    assert docs.exit_code == 0, docs.stderr
    deadlines = json.loads(docs.stdout)["categories"][0]["deadlines"]
    assert deadlines[0]["text"].startswith("Six months")


def test_a_patch_that_keeps_the_id_is_valid_and_the_due_day_counts_its_own_rule(run, write):
    path = write("region/reimbursement.yaml", KEPT)
    checked = run("tree", "validate", str(path))
    assert checked.exit_code == 0, checked.stderr
    used = run("claim", *TRANSFER, "--format", "json", "--trees", str(path.parent))
    assert used.exit_code == 0, used.stderr
    assert json.loads(used.stdout)["outcome"]["due"] == "2027-06-01"  # six months, not 7 days


def test_a_kept_id_that_counts_nothing_is_refused_at_that_deadline(run, write):
    text = HEAD + "      - {id: urgent-filing, kind: in-advance, text: {en: Before, zh: 事先}}\n"
    path = write("region/reimbursement.yaml", text)
    checked = run("tree", "validate", str(path))
    assert checked.exit_code == 1
    (line,) = checked.stderr.splitlines()
    assert line.startswith(f"{path}:6:9: deadline 'urgent-filing', which outcome 'transfer'")
    assert line.endswith(
        "counts no amount from an event (kind in-advance; expected within or "
        "claim, with 'amount' and 'unit')"
    )
    used = run("claim", *TRANSFER, "--trees", str(path.parent))
    assert used.exit_code == 1 and used.stderr.splitlines() == [line]


def test_a_full_file_in_place_of_the_shipped_one_is_checked_the_same_way(run, tmp_path):
    folder = tmp_path / "region"
    folder.mkdir()
    text = (TREES / "reimbursement.yaml").read_text(encoding="utf-8")
    path = folder / "reimbursement.yaml"
    path.write_text(text.replace("- id: urgent-filing ", "- id: urgent-filed "), encoding="utf-8")
    checked = run("tree", "validate", str(path))
    assert checked.exit_code == 1
    (line,) = checked.stderr.splitlines()
    at = text[: text.index("- id: urgent-filing")].count("\n") + 1
    assert line.startswith(f"{path}:{at - 4}:9: category 1 has no deadline 'urgent-filing'")
    assert line.endswith("its deadline ids: urgent-filed")


def test_a_tree_beside_the_patch_is_checked_against_it_and_blamed_itself(run, write):
    """A region's own which-category.yaml replaces the shipped one: the patch is not to
    blame for it; the region's tree is, checked with the patch beside it."""
    path = write("region/reimbursement.yaml", DROPPED)
    shutil.copy(TREES / "which-category.yaml", path.parent / "which-category.yaml")
    patch = run("tree", "validate", str(path))
    assert patch.exit_code == 0, patch.stderr
    tree = run("tree", "validate", str(path.parent / "which-category.yaml"))
    assert tree.exit_code == 1
    (line,) = tree.stderr.splitlines()
    assert line.startswith(
        f"{path.parent / 'which-category.yaml'}:426:7: the 'due' of outcome 'transfer' names "
        f"deadline 'urgent-filing', which category 1 of {path} does not have"
    )
    # MEDBAL_TREES, when set, is the folder a file is checked with, as documented.
    elsewhere = run(
        "tree",
        "validate",
        str(path.parent / "which-category.yaml"),
        env={"MEDBAL_TREES": str(TREES)},
    )
    assert elsewhere.exit_code == 0, elsewhere.stderr


def test_the_shipped_trees_fit_the_shipped_checklists_at_either_place():
    data = the_checklists(load_file(TREES / "reimbursement.yaml"))
    for file in sorted(TREES.glob("*.yaml")):
        loaded = load_file(file)
        if file.stem not in ("reimbursement", "rates"):
            tree = a_tree(loaded)
            assert crossfile.checklists_problems(data, tree) == []
            assert crossfile.checklist_problems(tree, data) == []


def test_a_deadline_id_in_two_categories_of_one_outcome_is_named_at_the_second():
    data = the_checklists(load_file(TREES / "reimbursement.yaml"))
    tree = a_tree(load_file(TREES / "which-category.yaml"))
    two = replace(tree.outcomes["transfer"], checklists=(1, 11))
    tree = replace(tree, outcomes={**tree.outcomes, "transfer": two})
    eleven = data.find("11")
    assert eleven is not None
    twice = replace(eleven, deadlines=(replace(eleven.deadlines[0], id="urgent-filing"),))
    both = replace(data, categories=tuple(twice if c is eleven else c for c in data.categories))
    # (category 11's own 'enrol', which the newborn's due counts from, is gone with it)
    (line,) = [p for p in crossfile.checklists_problems(both, tree) if "'transfer'" in p]
    assert line.startswith(f"{twice.deadlines[0].where}: deadline 'urgent-filing', which ")
    assert line.endswith("is in two categories; keep it in one")


def test_a_missing_category_of_a_full_file_is_named_at_its_first_line():
    data = the_checklists(load_file(TREES / "reimbursement.yaml"))
    tree = a_tree(load_file(TREES / "which-category.yaml"))
    fewer = replace(data, categories=tuple(c for c in data.categories if c.number != 1))
    problems = crossfile.checklists_problems(fewer, tree)
    assert problems and all(
        p.startswith(f"{data.path}:1:1: there is no category 1") for p in problems
    )
    assert all(p.endswith("; keep category 1") for p in problems)


def test_use_time_blames_the_regional_file_only_under_a_shipped_tree(tmp_path: Path):
    from medbal.files.registry import misfit_problems

    data = the_checklists(load_file(TREES / "reimbursement.yaml"))
    tree = a_tree(load_file(TREES / "which-category.yaml"))
    one = data.find("1")
    assert one is not None
    dropped = replace(one, deadlines=one.deadlines[:1])
    regional = replace(
        data,
        path=str(tmp_path / "reimbursement.yaml"),
        categories=tuple(dropped if c is one else c for c in data.categories),
    )
    (line,) = misfit_problems(tree, regional)
    assert line.startswith(f"{tmp_path / 'reimbursement.yaml'}:1:1: category 1 has no deadline")
    own = replace(tree, path=str(tmp_path / "which-category.yaml"))
    (line,) = misfit_problems(own, regional)
    assert line.startswith(f"{tree.outcomes['transfer'].due.where}: the 'due' of outcome")


def test_a_patch_on_standard_input_is_checked_against_every_shipped_tree(run):
    checked = run("tree", "validate", "-", input=DROPPED)
    assert checked.exit_code == 1
    (line,) = checked.stderr.splitlines()
    assert line.startswith("<stdin>:6:9: category 1 has no deadline 'urgent-filing'")


def test_a_due_of_two_categories_is_named_at_the_one_the_patch_wrote(run, write):
    """delivery-and-newborn leads to categories 4 and 11 and counts from 11's 'enrol-90':
    a patch replacing 11's deadlines is told at its own list, naming both categories."""
    text = HEAD.replace("transfer", "newborn") + SIX_MONTHS % "id: enrol, "
    path = write("region/reimbursement.yaml", text)
    checked = run("tree", "validate", str(path))
    assert checked.exit_code == 1
    lines = checked.stderr.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{path}:6:9"] * 2
    assert lines[0].startswith(
        f"{path}:6:9: categories 4 and 11 have no deadline 'enrol-90', which outcome "
        "'delivery-and-newborn'"
    )
    assert "give one of their deadlines id: enrol-90" in lines[0]
    assert lines[0].endswith("their deadline ids: enrol")
    assert lines[1].startswith(f"{path}:6:9: category 11 has no deadline 'enrol-90', which")


def test_a_deadline_id_a_patch_gives_a_second_category_is_named_at_the_patch(run, write):
    text = HEAD.replace("transfer", "delivery") + SIX_MONTHS % "id: enrol-90, "
    path = write("region/reimbursement.yaml", text)
    checked = run("tree", "validate", str(path))
    assert checked.exit_code == 1
    (line,) = checked.stderr.splitlines()
    assert line.startswith(f"{path}:6:9: deadline 'enrol-90', which outcome")
    assert line.endswith("is in two categories; keep it in one")


def test_a_broken_file_beside_several_trees_is_told_once(run, write):
    path = write("region/reimbursement.yaml", "kind: checklists\nextends: [\n")
    for tree in ("card", "which-category"):
        shutil.copy(TREES / f"{tree}.yaml", path.parent / f"{tree}.yaml")
    checked = run("tree", "validate", *sorted(str(p) for p in path.parent.glob("*.yaml")))
    assert checked.exit_code == 1 and checked.stdout == ""
    lines = checked.stderr.splitlines()
    assert lines and len(lines) == len(set(lines)), lines  # each problem once
    assert all(line.startswith(f"{path}:") for line in lines), lines


def test_a_tree_read_from_standard_input_is_never_taken_for_a_shipped_one(monkeypatch):
    from medbal.files.registry import misfit_problems

    data = the_checklists(load_file(TREES / "reimbursement.yaml"))
    tree = a_tree(load_file(TREES / "which-category.yaml"))
    one = data.find("1")
    assert one is not None
    regional = replace(
        data,
        path="/elsewhere/reimbursement.yaml",
        categories=tuple(replace(c, deadlines=()) if c is one else c for c in data.categories),
    )
    monkeypatch.chdir(TREES)  # where "<stdin>"'s parent, the current folder, is the shipped one
    (line,) = misfit_problems(replace(tree, path="<stdin>"), regional)
    assert line.startswith(f"{tree.outcomes['transfer'].due.where}: the 'due' of outcome")
