"""`medbal docs`: each category's key facts in both languages, formats, errors, writing."""

import json
import os

import pytest

from medbal.docs import render_docs


def docs_json(run, *args: str, lang: str = "en") -> dict:
    result = run("docs", *args, "--format", "json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def category_text(data: dict, number: int) -> str:
    """Everything a person reads about one category, as one string."""
    (cat,) = [c for c in data["categories"] if c["number"] == number]
    return json.dumps(cat, ensure_ascii=False)


# Key facts of ../shared/domain.md section 3, per category, as they must appear.
FACTS = {
    1: (["7 days", "referral filing"], ["7 天", "转诊备案"]),
    2: (["half a year", "in advance"], ["半年", "备案"]),
    3: (["tickets", "outpatient records from the home city", "may not go beyond"],
        ["机票", "门诊病历", "不得超出"]),
    4: (["prenatal and postnatal"], ["产前、产后"]),
    5: (["stamped by the hospital's charging office"], ["收费处"]),
    6: (["stamped on the back by the social security card office"], ["背面加盖"]),
    7: (["more than 20", "number of registrations"], ["超过 20 次", "挂号次数"]),
    8: (["acute illness or the rescue"], ["急症或抢救"]),
    9: (["out-of-catalogue", "medical-insurance office", "two-fee", "health-care certificate"],
        ["目录外用药审批表", "两费中心", "医疗保健证"]),
    10: (["middle of the next month", "payment shows as arrived"], ["次月中旬", "到账"]),
    11: (["three months", "birth medical certificate", '\\"son\\"', '\\"daughter\\"'],
         ["三个月", "出生医学证明", "之子", "之女"]),
}


@pytest.mark.parametrize("number", sorted(FACTS))
def test_each_category_keeps_its_key_facts_in_both_languages(run, number):
    en, zh = FACTS[number]
    en_text = category_text(docs_json(run, str(number)), number)
    zh_text = category_text(docs_json(run, str(number), lang="zh"), number)
    for fact in en:
        assert fact in en_text, (number, fact)
    for fact in zh:
        assert fact in zh_text, (number, fact)


def test_deadlines_are_data_as_well_as_text(checklists):
    assert [(d.kind, d.amount, d.unit) for d in checklists.find("1").deadlines] == [
        ("in-advance", None, None), ("within", 7, "day")]
    assert (checklists.find("2").deadlines[0].amount, checklists.find("2").deadlines[0].unit) \
        == (6, "month")
    assert (checklists.find("newborn").deadlines[0].amount,
            checklists.find("newborn").deadlines[0].unit) == (3, "month")


def test_category_three_has_two_variants(checklists):
    cat = checklists.find("short-trip")
    assert [v.id for v in cat.variants] == ["acute", "chronic"]
    assert "tickets" in cat.variants[0].documents[0].text.en
    assert "门诊病历" in cat.variants[1].documents[0].text.zh


def test_every_text_is_bilingual_and_every_category_cites_a_seed(checklists):
    assert [c.number for c in checklists.categories] == list(range(1, 12))
    for cat in checklists.categories:
        assert any(s.startswith("seed-") for s in cat.sources)
        for doc in (*cat.documents, *(d for v in cat.variants for d in v.documents)):
            assert doc.text.en and doc.text.zh
    for doc in checklists.common_documents:
        assert doc.sources, doc.id


def test_overview_lists_eleven_with_deadlines(run):
    result = run("docs")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1].split()[:2] == ["1", "transfer"] and "within 7 days" in lines[1]
    assert lines[11].split()[:2] == ["11", "newborn"] and "within 3 months" in lines[11]
    assert "Xiamen" in result.stdout


def test_one_checklist_lists_category_documents_before_common_ones(run):
    out = run("docs", "transfer").stdout
    assert out.index("[ ] Proof of the referral filing") < out.index("[ ] Your ID card")
    assert "  ! In an urgent case" in out
    assert "Confirm the list and the deadlines with your local" in out


def test_all_gives_eleven_checklists(run):
    out = run("docs", "--all", "--lang", "zh").stdout
    assert [f"类别 {n} ·" in out for n in range(1, 12)] == [True] * 11


def test_unknown_category_exits_2_listing_the_valid_ones(run):
    for bad in ("12", "0", "lost-dog"):
        result = run("docs", bad)
        assert result.exit_code == 2
        assert f"no category '{bad}'" in result.stderr
        assert "1 transfer" in result.stderr and "11 newborn" in result.stderr


def test_category_and_all_together_is_refused(run):
    result = run("docs", "3", "--all")
    assert result.exit_code == 2 and "not both" in result.stderr


def test_markdown_has_checkboxes_and_headings(run):
    out = run("docs", "--all", "--format", "markdown").stdout
    assert out.count("\n## ") == 11
    assert "- [ ] Proof of the referral filing" in out
    assert "### Documents every claim needs" in out


def test_html_is_self_contained_and_printable(run):
    out = run("docs", "--all", "--format", "html", "--lang", "zh").stdout
    assert out.startswith("<!DOCTYPE html>") and '<html lang="zh-Hans">' in out
    assert "@page { size: A4;" in out and "Noto Sans CJK SC" in out
    assert "☐" not in out and out.count('<span class="box"></span>') > 11 * 10
    assert out.count('<section class="page">') == 11
    for external in ("<link", "<script", "src=", "url(", "@import"):
        assert external not in out
    for line in ("申请人姓名", "身份证号", "日期", "经办人"):
        assert line in out


def test_html_english_is_marked_english(run):
    assert '<html lang="en">' in run("docs", "1", "--format", "html").stdout


def test_json_of_one_category_holds_only_that_one(run):
    data = docs_json(run, "short-trip")
    assert [c["number"] for c in data["categories"]] == [3]
    assert len(data["common_documents"]) == 10


def test_json_shape(run):
    data = docs_json(run)
    assert set(data) == {"region", "region_note", "lang", "title", "categories",
                         "common_documents", "claim_steps", "legal_basis", "sources"}
    assert len(data["categories"]) == 11
    assert set(data["categories"][0]) == {"number", "slug", "title", "applies_when",
                                          "deadlines", "conditions", "documents", "variants",
                                          "notes", "sources", "reference"}
    assert set(data["categories"][0]["deadlines"][1]) == {"kind", "text", "amount", "unit",
                                                          "event"}
    assert set(data["common_documents"][0]) == {"id", "text", "sources"}
    assert data["categories"][0]["deadlines"][1]["amount"] == 7


def test_data_text_is_never_markup(checklists):
    from dataclasses import replace

    from medbal.model import Document, Text

    odd = Document("odd", Text("Bring [copy] of ID [/b] <script>x</script>", "带[复印件]"))
    cat = replace(checklists.find("1"), documents=(odd,))
    data = replace(checklists, categories=(cat,))
    md = render_docs(data, "1", False, "markdown", "en")
    assert r"Bring \[copy\] of ID \[/b\] \<script\>x\</script\>" in md
    html = render_docs(data, "1", False, "html", "en")
    assert "Bring [copy] of ID [/b] &lt;script&gt;x&lt;/script&gt;" in html
    text = render_docs(data, "1", False, "text", "en", to_file=True)
    assert "[ ] Bring [copy] of ID [/b] <script>x</script>" in text


# --- writing files ---------------------------------------------------------------

def test_output_writes_the_file_atomically(run, tmp_path):
    target = tmp_path / "c.md"
    result = run("docs", "7", "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "- [ ] Your outpatient records" in target.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == ["c.md"]  # no temporary file left beside it


def test_output_refuses_a_folder_and_a_missing_folder(run, tmp_path):
    result = run("docs", "1", "--output", str(tmp_path))
    assert result.exit_code == 1 and "is a folder; give a file name" in result.stderr
    result = run("docs", "1", "--output", str(tmp_path / "no" / "c.txt"))
    assert result.exit_code == 1 and "does not exist" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_output_refuses_an_unwritable_folder(run, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = run("docs", "1", "--output", str(locked / "c.txt"))
    assert result.exit_code == 1 and "cannot write" in result.stderr
    assert list(locked.iterdir()) == []


def test_failed_write_leaves_no_partial_file(monkeypatch, tmp_path):
    from medbal import output

    target = tmp_path / "c.html"
    target.write_text("the old checklist", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    with pytest.raises(output.OutputError, match="No space left on device"):
        output.write_atomic(str(target), "<html>new</html>")
    assert target.read_text(encoding="utf-8") == "the old checklist"
    assert os.listdir(tmp_path) == ["c.html"]


def test_output_to_a_device_is_refused(run):
    # --output replaces a file; a device is not one (use --output - for stdout).
    result = run("docs", "--all", "--output", "/dev/full")
    assert result.exit_code == 1 and "is not a regular file" in result.stderr
    assert os.path.exists("/dev/full") and not os.path.isfile("/dev/full")


def test_completion_offers_slugs_and_numbers():
    from medbal.cli import _complete_category

    assert _complete_category("s") == ["short-trip", "system-failure", "status-change"]
    assert _complete_category("1") == ["1", "10", "11"]


# --- golden renderings: one text and one Markdown, reviewed as diffs ----------------

GOLDEN = os.path.join(os.path.dirname(__file__), "golden")


@pytest.mark.parametrize("name, args", [
    ("docs-3-en.txt", ("docs", "3", "--lang", "en")),
    ("docs-11-zh.md", ("docs", "11", "--lang", "zh", "--format", "markdown")),
])
def test_golden_rendering(run, name, args):
    """Regenerate with MEDBAL_UPDATE_GOLDEN=1 uv run pytest tests/test_docs.py, then review."""
    out = run(*args).stdout
    path = os.path.join(GOLDEN, name)
    if os.environ.get("MEDBAL_UPDATE_GOLDEN"):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(out)
    with open(path, encoding="utf-8") as fh:
        assert out == fh.read()
