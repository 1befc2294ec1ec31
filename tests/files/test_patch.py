"""Regional patches: `extends: reimbursement` and only what changes (issue 12, "Regions")."""

import json
import re

import pytest

from support import ROOT, TREES, the_checklists

EXAMPLE = ROOT / "examples" / "overlay" / "reimbursement.yaml"

PATCH = """\
kind: checklists
extends: reimbursement
region: {en: Test Town, zh: 测试镇}
categories:
  system-failure:
    title: {en: The hospital's system was down, zh: 医院结算系统故障}
    add_documents:
      - id: outage-note
        text: {en: The hospital's note of the outage, zh: 医院出具的系统故障说明}
        sources: ["local:Test Town notice"]
    remove_documents: [stamped-invoice]
"""


def docs(run, *args: str, trees: str | None = None, lang: str = "en") -> dict:
    extra = ("--trees", trees) if trees else ()
    result = run("docs", *args, "--format", "json", "--lang", lang, *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_patch_changes_one_category_and_leaves_the_rest_as_shipped(run, write, tmp_path):
    write("region/reimbursement.yaml", PATCH)
    shipped = docs(run, "--all")
    patched = docs(run, "--all", trees=str(tmp_path / "region"))
    assert patched["region"] == "Test Town" and patched["extends"] == "reimbursement"
    five = patched["categories"][4]
    assert five["title"] == "The hospital's system was down"
    assert [d["id"] for d in five["documents"]] == ["outage-note"]
    assert five["applies_when"] == shipped["categories"][4]["applies_when"]
    assert five["deadlines"] == shipped["categories"][4]["deadlines"]
    for i in (*range(4), *range(5, 11)):
        assert patched["categories"][i] == shipped["categories"][i], i + 1
    for key in (
        "title",
        "region_note",
        "common_documents",
        "claim_steps",
        "legal_basis",
        "sources",
    ):
        assert patched[key] == shipped[key], key
    zh = docs(run, "5", trees=str(tmp_path / "region"), lang="zh")
    assert zh["region"] == "测试镇" and zh["categories"][0]["title"] == "医院结算系统故障"


def test_a_patch_replaces_fields_removes_from_a_variant_adds_categories_and_common_documents(
    run, write, tmp_path
):
    write(
        "region/reimbursement.yaml",
        """\
        kind: checklists
        extends: reimbursement
        no_deadline: {en: Ask within the year., zh: 请在当年内询问。}
        remove_common_documents: [booklet]
        add_common_documents:
          - id: residence-permit
            text: {en: Your residence permit, zh: 居住证}
            categories: [resettlement]
        categories:
          short-trip:
            remove_documents: [home-records]
            deadlines:
              - kind: claim
                amount: 6
                unit: month
                text: {en: Claim within 6 months., zh: 6 个月内申请。}
        add_categories:
          - number: 12
            slug: dental
            title: {en: Dental care, zh: 口腔治疗}
            applies_when: {en: A dentist treated you., zh: 看过牙科。}
            documents:
              - {id: dental-bill, text: {en: The dental bill, zh: 牙科费用票据}}
            sources: ["local:Test Town notice"]
        """,
    )
    data = docs(run, "--all", trees=str(tmp_path / "region"))
    assert [c["number"] for c in data["categories"]] == list(range(1, 13))
    three = data["categories"][2]
    assert three["variants"][0]["documents"] == []
    assert [(d["kind"], d["amount"]) for d in three["deadlines"]] == [("claim", 6)]
    assert "booklet" not in {d["id"] for d in three["common_documents"]}
    two = data["categories"][1]
    assert "residence-permit" in {d["id"] for d in two["common_documents"]}
    assert "residence-permit" not in {d["id"] for d in three["common_documents"]}
    assert data["categories"][0]["deadlines"][-1]["text"] == "Ask within the year."
    assert data["categories"][11]["slug"] == "dental"
    assert run("docs", "dental", "--trees", str(tmp_path / "region")).exit_code == 0


def line_col(text: str, needle: str) -> str:
    before = text[: text.index(needle)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


BAD = [
    (
        "categories:\n  system-failure:",
        "categories:\n  system-failur:",
        "system-failur:",
        "category 'system-failur' is not in 'reimbursement'",
    ),
    (
        "remove_documents: [stamped-invoice]",
        "remove_documents: [stamped-invoices]",
        "stamped-invoices]",
        "has no document 'stamped-invoices' to remove",
    ),
    (
        "      - id: outage-note\n        text: {en: The hospital's note of the outage, zh: "
        '医院出具的系统故障说明}\n        sources: ["local:Test Town notice"]\n'
        "    remove_documents: [stamped-invoice]",
        "      - id: stamped-invoice\n        text: {en: X, zh: 某}",
        "id: stamped-invoice",
        "already has a document 'stamped-invoice'",
    ),
    (
        "extends: reimbursement",
        "extends: reimbursment",
        "reimbursment",
        "no tree folder has another file reimbursment.yaml",
    ),
    ("extends: reimbursement", "extends: rates", "rates", "which is not a checklists file"),
    (
        "region: {en: Test Town, zh: 测试镇}",
        "region: {en: Test Town}",
        "{en: Test Town}",
        "is missing 'zh'",
    ),
    (
        "    remove_documents:",
        "    drop_documents:",
        "drop_documents",
        "unknown field 'drop_documents'",
    ),
]


@pytest.mark.parametrize("old, new, at, message", BAD, ids=[b[3][:30] for b in BAD])
def test_a_bad_patch_is_refused_with_file_line_and_column(
    run, write, tmp_path, old, new, at, message
):
    text = PATCH.replace(old, new)
    path = write("region/reimbursement.yaml", text)
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1, result.stdout
    expected = f"{path}:{line_col(text, at)}: "
    assert any(
        line.startswith(expected) and message in line for line in result.stderr.splitlines()
    ), (expected, result.stderr)
    assert "Traceback" not in result.stderr
    used = run("docs", "5", "--trees", str(tmp_path / "region"))  # the same, where it is used
    assert used.exit_code == 1 and expected in used.stderr


def test_add_categories_may_not_reuse_a_number_or_slug(write, run):
    text = (
        PATCH
        + """\
add_categories:
  - number: 5
    slug: other
    title: {en: Other, zh: 其他}
    applies_when: {en: Other., zh: 其他。}
    documents: [{id: x, text: {en: X, zh: 某}}]
    sources: [seed-000]
  - number: 13
    slug: newborn
    title: {en: Other, zh: 其他}
    applies_when: {en: Other., zh: 其他。}
    documents: [{id: x, text: {en: X, zh: 某}}]
    sources: [seed-000]
"""
    )
    path = write("p/reimbursement.yaml", text)
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        f"{path}:{line_col(text, 'number: 5')}: category number 5 "
        "is already used by 'system-failure'"
    )
    assert lines[1].startswith(
        f"{path}:{line_col(text, 'number: 13')}: category 13 "
        "'newborn' is already in 'reimbursement'"
    )


def test_a_patch_of_a_patch_is_refused(run, write, tmp_path):
    write("region/reimbursement.yaml", PATCH)
    second = write("other/reimbursement.yaml", PATCH)
    result = run("tree", "validate", str(second), env={"MEDBAL_TREES": str(tmp_path / "region")})
    assert result.exit_code == 1
    assert f"{second}:2:10: 'extends' names 'reimbursement'" in result.stderr
    assert "is itself a patch" in result.stderr


def test_a_patch_removing_the_last_document_is_refused(run, write):
    text = PATCH.replace(
        "    add_documents:\n      - id: outage-note\n        text: {en: The "
        "hospital's note of the outage, zh: 医院出具的系统故障说明}\n        "
        'sources: ["local:Test Town notice"]\n',
        "",
    )
    text += (
        "remove_common_documents: [id-card, social-security-card, invoices-unlisted, "
        "bank-card-unlisted]\n"
    )
    path = write("p/reimbursement.yaml", text)
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    assert (
        f"{path}:{line_col(text, 'system-failure:')}: after this patch category 5 lists no "
        "documents" in result.stderr
    )
    assert "category 10 lists no documents" in result.stderr  # it relied on the common ones


def test_validate_says_what_a_patch_extends(run):
    result = run("tree", "validate", str(EXAMPLE))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{EXAMPLE}: valid (checklists 'reimbursement', a patch over reimbursement)\n"
    )


def test_list_shows_which_files_are_patches(run):
    overlay = str(EXAMPLE.parent)
    rows = json.loads(run("tree", "list", "-f", "json", "--trees", overlay).stdout)["trees"]
    patch, shipped = [r for r in rows if r["id"] == "reimbursement"]
    assert patch["extends"] == "reimbursement" and patch["origin"] == "overlay"
    assert patch["categories"] == 11 and shipped["extends"] is None
    assert {r["extends"] for r in rows if r is not patch} == {None}
    text = run("tree", "list", "--trees", overlay).stdout
    assert re.search(r"^reimbursement .* overlay, patches shipped +\S*examples", text, re.M)
    assert re.search(r"^reimbursement .* shipped, patched by overlay", text, re.M)


def test_the_committed_patch_schema_describes_the_example():
    schema = json.loads((TREES / "schema" / "checklists-patch.schema.json").read_text("utf-8"))
    assert schema["required"] == ["kind", "extends"]
    assert {"add_documents", "remove_documents"} <= set(
        schema["definitions"]["category_patch"]["properties"]
    )


# --- damage to a patch never gives a traceback -------------------------------------------

VALUES = [
    "[1, 2]",
    "{a: b}",
    "''",
    "~",
    "12",
    "[]",
    "{}",
    "{en: x}",
    "[{}]",
    "x y",
    "stamped-invoice",
    "reimbursement",
]


def test_every_damage_to_a_patch_is_a_problem_or_a_valid_patch():
    from medbal.core.errors import TreeError
    from medbal.core.model import Checklists, ChecklistsPatch
    from medbal.files.loader import load_bytes
    from medbal.files.patching import apply_patch
    from medbal.files.readtree import load_file

    shipped = the_checklists(load_file(TREES / "reimbursement.yaml"))
    lines = PATCH.split("\n")
    cases = []
    for i, line in enumerate(lines):
        head, sep, _ = line.partition(":")
        cases.append("\n".join(lines[:i] + lines[i + 1 :]))
        if sep:
            cases += ["\n".join(lines[:i] + [f"{head}: {v}"] + lines[i + 1 :]) for v in VALUES]
    for text in cases:
        try:
            loaded = load_bytes(text.encode("utf-8"), "p.yaml")
            if isinstance(loaded, ChecklistsPatch):
                assert isinstance(apply_patch(shipped, loaded), Checklists)
        except TreeError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert re.match(r"^p\.yaml:\d+:\d+: \S[^\n]*$", problem), (text, problem)


def test_markup_in_a_patched_title_or_region_prints_literally(run, write, tmp_path):
    """Issue 10, point 10: `[bold]` in a region name or a title is text, never markup."""
    from medbal.files.registry import load_checklists
    from medbal.present.layout import paint
    from medbal.present.pages import checklist_page
    from medbal.present.terminal import overview_lines, page_lines
    from medbal.present.views import checklists_view

    write(
        "region/reimbursement.yaml",
        """\
        kind: checklists
        extends: reimbursement
        title: {en: "Claims [bold]now[/bold]", zh: "报销[/]"}
        region: {en: "Town [red]X[/", zh: "镇[b]"}
        categories:
          transfer:
            title: {en: "[link=x]Referred[/link]", zh: "转外[/i]"}
        """,
    )
    data = load_checklists(tmp_path / "region")
    for lang in ("en", "zh"):
        view = checklists_view(data, list(data.categories), lang)
        page = checklist_page(view["categories"][0], view, lang)
        out = paint(overview_lines(view, 100) + page_lines(page, 100), colour=True)
        assert ("[bold]now[/bold]" if lang == "en" else "报销[/]") in out
        assert ("Town [red]X[/" if lang == "en" else "镇[b]") in out
        assert ("[link=x]Referred[/link]" if lang == "en" else "转外[/i]") in out


def test_a_patch_under_another_name_is_refused_since_it_would_never_be_used(run, write):
    path = write("region/our-rules.yaml", PATCH)
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{path}:2:10: a patch takes the place of the file it "
        "extends: name this file reimbursement.yaml"
    )
    listed = run("tree", "list", "--trees", str(path.parent), "-f", "json")
    assert listed.exit_code == 1  # listed as invalid, with the same problem


def test_a_patch_may_replace_the_guidance_and_its_categories_are_checked(run, write, tmp_path):
    guidance = """\
guidance:
  - id: elsewhere
    title: {en: Our rules for treatment elsewhere, zh: 本市异地就医规定}
    categories: [transfer, short-trp]
    items:
      - text: {en: File in the app first., zh: 先在 App 上备案。}
        sources: ["local:Test Town notice"]
"""
    bad = write("bad/reimbursement.yaml", PATCH + guidance)
    result = run("tree", "validate", str(bad))
    assert result.exit_code == 1
    text = PATCH + guidance
    assert (
        f"{bad}:{line_col(text, 'id: elsewhere')}: guidance 'elsewhere' names category "
        "'short-trp', which is not in 'reimbursement'" in result.stderr
    )
    write("good/reimbursement.yaml", PATCH + guidance.replace("short-trp", "short-trip"))
    data = docs(run, "--all", trees=str(tmp_path / "good"))
    titles = [[g["title"] for g in c["guidance"]] for c in data["categories"]]
    assert titles[0] == titles[2] == ["Our rules for treatment elsewhere"]
    assert titles[1] == titles[3] == []  # the shipped group is replaced, not kept
