"""`medbal tree ...` for the people who keep trees/: list, show, paths, export, schema, review."""

import json
import re

import pytest

from medbal.files.readtree import load_file

from small_trees import VALID
from support import ROOT, TREES


def test_list_shows_shipped_trees(run):
    result = run("tree", "list", "--format", "json")
    rows = {r["id"]: r for r in json.loads(result.stdout)["trees"]}
    assert rows["zero-balance"]["kind"] == "decision-tree"
    assert (rows["zero-balance"]["questions"], rows["zero-balance"]["outcomes"]) == (11, 18)
    assert rows["reimbursement"]["categories"] == 11
    assert {r["origin"] for r in rows.values()} == {"shipped"}


def test_list_marks_overlay_files(run, write, tmp_path):
    write("region/small.yaml", VALID)
    write("region/reimbursement.yaml", (TREES / "reimbursement.yaml").read_text("utf-8"))
    result = run("tree", "list", "--trees", str(tmp_path / "region"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "KIND", "TITLE", "SIZE", "FROM", "FILE"]
    small = next(line for line in lines if line.startswith("small "))
    assert "3 questions, 3 outcomes" in small and "overlay" in small
    assert any("overlay, replaces shipped" in line for line in lines)
    assert any("shipped, replaced by overlay" in line for line in lines)


def test_list_reports_an_invalid_file_and_exits_1(run, write, tmp_path):
    write("region/broken.yaml", "kind: decision-tree\nid: broken\n")
    result = run("tree", "list", "--trees", str(tmp_path / "region"), "-f", "json")
    assert result.exit_code == 1
    (broken,) = [r for r in json.loads(result.stdout)["trees"] if r["id"] == "broken"]
    assert broken["kind"] == "invalid" and "is missing" in broken["problems"][0]


def _typed(data, view):
    """`data` as the typed view `view` declares it (medbal serve's description is made
    from these declarations): msgspec checks every declared key's type, and no key may
    be one the view does not declare."""
    from typing import get_type_hints

    import msgspec

    assert msgspec.convert(data, view) == data
    assert set(data) <= set(get_type_hints(view)), set(data) - set(get_type_hints(view))


def test_list_and_export_json_are_their_typed_views(run, write, tmp_path):
    from medbal.present.authoring import GraphEdge, GraphNode, GraphView, InventoryView, TreeRow

    write("region/broken.yaml", "kind: decision-tree\nid: broken\n")
    write("region/small.yaml", VALID)
    write("region/reimbursement.yaml", (ROOT / "examples/overlay/reimbursement.yaml").read_text())
    listed = json.loads(
        run("tree", "list", "--trees", str(tmp_path / "region"), "-f", "json").stdout
    )
    _typed(listed, InventoryView)
    kinds = {row["kind"] for row in listed["trees"]}
    assert kinds == {"decision-tree", "checklists", "rates", "invalid"}
    for row in listed["trees"]:
        _typed(row, TreeRow)
    for tree in ("zero-balance", "card"):
        for lang in ("en", "zh"):
            graph = json.loads(run("tree", "export", tree, "-f", "json", "-l", lang).stdout)
            _typed(graph, GraphView)
            for node in graph["nodes"]:
                _typed(node, GraphNode)
            for edge in graph["edges"]:
                _typed(edge, GraphEdge)


def test_show_prints_the_whole_tree(run):
    out = run("tree", "show", "zero-balance", "--lang", "en").stdout
    assert out.splitlines()[0] == "scheme: How is your medical insurance paid?"
    assert "  [employer] " in out
    assert "= wrong-account: You were looking at the card's bank account" in out
    assert "-> where-looked (above)" in out  # a question reached twice is shown once
    tree = load_file(TREES / "zero-balance.yaml")
    for qid in tree.questions:
        assert len(re.findall(rf"^\s*{qid}: ", out, re.M)) == 1, qid


def test_show_in_chinese_names_everything_by_its_text(run):
    """The ids are English words: a Chinese outline goes by texts and numbers alone."""
    out = run("tree", "show", "zero-balance", "--lang", "zh").stdout
    assert out.splitlines()[0] == "您的医保是怎么缴费的？"
    assert "\n  （1）单位缴纳，工资里也扣一部分\n" in out
    assert "结果：您看到的是社保卡上的银行账户" in out
    assert "→ 见上文：您是在哪里看到余额为 0 的？" in out  # shown once, referred to after
    assert re.search(r"[a-z]+-[a-z]+|\[[a-z]", out) is None


def test_show_an_inline_tree(run, write):
    path = write("small.yaml", VALID)
    out = run("tree", "show", str(path)).stdout
    assert out == (
        "first: First?\n  [yes] Yes\n    second: Second?\n      [a] A\n        third: Third?\n"
        "          [x] X\n            = done-x: X\n          [on] On\n            = done-b: B\n"
        "      [bee] B\n        = done-b: B\n  [no] No\n    = done-no: No\n"
    )


def test_paths_text_csv_json(run, write):
    path = str(write("small.yaml", VALID))
    text = run("tree", "paths", path).stdout.splitlines()
    assert text[0] == "1  first=yes second=a third=x  ->  done-x  (X)"
    assert len(text) == 4
    csv = run("tree", "paths", path, "--format", "csv", "--lang", "zh").stdout.splitlines()
    assert csv[0] == "path,answers,outcome,title"
    assert csv[4] == "4,first=no,done-no,结果No"
    data = json.loads(run("tree", "paths", path, "-f", "json").stdout)
    assert data["paths"][2] == {
        "answers": [{"question": "first", "value": "yes"}, {"question": "second", "value": "bee"}],
        "outcome": "done-b",
        "title": "B",
    }


def test_committed_path_table_is_current(run):
    """If this fails, review the routing change and run:
    medbal tree paths zero-balance --format csv --lang en > docs/paths/zero-balance.csv"""
    for committed in (ROOT / "docs" / "paths").glob("*.csv"):
        now = run("tree", "paths", committed.stem, "--format", "csv", "--lang", "en").stdout
        assert now == committed.read_text(encoding="utf-8"), committed.name


def test_every_shipped_decision_tree_has_a_committed_path_table():
    from medbal.core.model import Tree
    from medbal.files.readtree import load_file

    for path in TREES.glob("*.yaml"):
        if isinstance(load_file(path), Tree):
            assert (ROOT / "docs" / "paths" / f"{path.stem}.csv").is_file(), path.stem


def test_export_mermaid_dot_json(run, write):
    path = str(write("small.yaml", VALID.replace("First?", 'First "one"?')))
    mermaid = run("tree", "export", path).stdout
    assert mermaid.startswith("flowchart TD\n")
    assert '    q_first["First #quot;one#quot;?"]' in mermaid
    assert '    o_done_no(["No"])' in mermaid and "    q_first -->|no| o_done_no" in mermaid
    dot = run("tree", "export", path, "--format", "dot").stdout
    assert dot.startswith('digraph "small" {') and '"first" [label="First \\"one\\"?"];' in dot
    assert '"third" -> "done-b" [label="on"];' in dot
    graph = json.loads(run("tree", "export", path, "-f", "json", "--lang", "zh").stdout)
    assert len(graph["nodes"]) == 6 and len(graph["edges"]) == 6
    assert {"from": "first", "to": "done-no", "value": "no", "label": "否"} in graph["edges"]


def test_readme_diagram_is_current(run):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"<!-- BEGIN tree export zero-balance -->\n```mermaid\n(.*?)```\n"
        r"<!-- END tree export zero-balance -->",
        readme,
        re.S,
    )
    assert block, "the README lost its diagram markers"
    now = run("tree", "export", "zero-balance", "--format", "mermaid", "--lang", "en").stdout
    assert block.group(1) == now, "run medbal tree export zero-balance --format mermaid"


@pytest.mark.parametrize("kind", ["decision-tree", "checklists", "checklists-patch", "rates"])
def test_committed_schema_is_current(run, kind):
    committed = (TREES / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert run("tree", "schema", kind).stdout == committed, (
        f"run: medbal tree schema {kind} > trees/schema/{kind}.schema.json"
    )


def test_shipped_files_name_their_schema():
    from medbal.files.readtree import load_file

    for path in [*TREES.glob("*.yaml"), *(ROOT / "examples").rglob("*.yaml")]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = {
            "Tree": "decision-tree",
            "Checklists": "checklists",
            "Rates": "rates",
            "ChecklistsPatch": "checklists-patch",
        }[load_file(path).__class__.__name__]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        assert (path.parent / match.group(1)).resolve() == (
            TREES / "schema" / f"{kind}.schema.json"
        ).resolve()


def test_schema_knows_every_field_the_loader_accepts():
    from medbal.files.schema import json_schema
    from medbal.files.spec import OBJECTS

    schema = json_schema("decision-tree")
    assert set(schema["properties"]) == {f.name for f in OBJECTS["decision-tree"]}
    assert schema["definitions"]["outcome"]["required"] == [
        "title",
        "explanation",
        "next_steps",
        "where_to_check",
        "sources",
    ]
    assert schema["additionalProperties"] is False


# --- review dates ---------------------------------------------------------------

DATED = VALID.replace("id: small\n", "id: small\nreviewed: 2025-01-15\n").replace(
    "    sources: [seed-001]\n", "    sources: [seed-001]\n    valid_until: 2026-06-30\n", 1
)


def test_validate_warns_about_stale_and_expired_rules_without_failing(run, write):
    path = write("small.yaml", DATED)
    result = run("tree", "validate", str(path), "--as-of", "2026-07-01")
    assert result.exit_code == 0
    assert (
        f"{path}:3:11: warning: this file was last reviewed on 2025-01-15, more than 12 "
        "months before 2026-07-01; check its 3 entries" in result.stderr
    )
    assert "outcome 'done-no' was valid until 2026-06-30, before 2026-07-01" in result.stderr
    assert f"{path}: valid" in result.stdout


def test_validate_is_quiet_inside_the_review_window(run, write):
    path = write("small.yaml", DATED)
    result = run("tree", "validate", str(path), "--as-of", "2025-06-01")
    assert result.exit_code == 0 and result.stderr == ""


def test_shipped_trees_are_reviewed_and_current(run):
    result = run("tree", "validate", *map(str, TREES.glob("*.yaml")))
    assert result.exit_code == 0 and "warning" not in result.stderr
    stale = run("tree", "validate", *map(str, TREES.glob("*.yaml")), "--as-of", "2030-01-01")
    shipped = len(list(TREES.glob("*.yaml")))
    assert stale.stderr.count("warning: this file was last reviewed") == shipped


def test_an_official_reference_is_shown_with_the_sources(run, write):
    path = write(
        "ref.yaml",
        VALID.replace(
            "    sources: [seed-001]\n",
            "    sources: [seed-001]\n"
            "    reference: {en: Notice 12 of 2026, zh: 2026年第12号通知}\n",
            1,
        ),
    )
    out = run("diagnose", str(path), "-a", "first=no").stdout
    # the reference with the laws and documents, the web article apart
    assert "Based on\n  Notice 12 of 2026\n" in out
    assert '\nBackground reading\n  "Medical insurance personal account: why the balance' in out
    data = run("diagnose", str(path), "-a", "first=no", "-f", "json", "--lang", "zh").stdout
    # The view carries the text as every format shows it: spaced by the one rule.
    assert json.loads(data)["outcome"]["reference"] == "2026 年第 12 号通知"


def test_bad_dates_are_refused(run, write):
    path = write("d.yaml", VALID.replace("id: small\n", "id: small\nreviewed: 2026-02-30\n"))
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    assert (
        "'reviewed' should be a real date from 1900 to 2199 written YYYY-MM-DD, got "
        "'2026-02-30'" in result.stderr
    )
    assert run("tree", "validate", str(path), "--as-of", "soon").exit_code == 2


def test_add_months_keeps_to_the_end_of_short_months():
    import datetime

    from medbal.core.review import add_months

    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 22), 12) == datetime.date(2027, 11, 22)


# --- the example overlay --------------------------------------------------------


def test_example_patch_adds_one_document_to_category_three_only(run):
    overlay = str(ROOT / "examples" / "overlay")
    shipped = json.loads(run("docs", "--format", "json").stdout)
    region = json.loads(run("docs", "--format", "json", "--trees", overlay).stdout)
    assert region["region"].startswith("Example City") and region["extends"] == "reimbursement"
    short_trip = region["categories"][2]
    assert [d["id"] for d in short_trip["documents"]] == ["trip-proof", "trip-statement"]
    assert short_trip["documents"][1]["sources"][0]["label"].startswith("Example City")
    assert {**short_trip, "documents": short_trip["documents"][:1]} == shipped["categories"][2]
    for i in (0, 1, *range(3, 11)):
        assert region["categories"][i] == shipped["categories"][i]
    for key in ("title", "region_note", "common_documents", "claim_steps", "legal_basis"):
        assert region[key] == shipped[key], key


def test_example_overlay_adding_a_question_validates(run, write, tmp_path):
    """A reviewer's day: copy the shipped tree into an overlay, add a question, validate."""
    text = (TREES / "zero-balance.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "        next: where-looked\n      - value: retired",
        "        next: card-kind\n      - value: retired",
        1,
    )
    text = text.replace(
        "\n  where-looked:\n",
        """
  card-kind:
    text: {en: Is this a new-style card?, zh: 这是新版卡吗？}
    options:
      - {value: "yes", label: {en: "Yes", zh: 是}, next: where-looked}
      - {value: "no", label: {en: "No", zh: 否}, next: where-looked}

  where-looked:
""",
        1,
    )
    path = write("region/zero-balance.yaml", text)
    assert run("tree", "validate", str(path)).exit_code == 0
    result = run(
        "diagnose",
        "-a",
        "scheme=employer",
        "-a",
        "record=paid",
        "-f",
        "json",
        "--trees",
        str(tmp_path / "region"),
    )
    assert json.loads(result.stdout)["question"]["id"] == "card-kind"
