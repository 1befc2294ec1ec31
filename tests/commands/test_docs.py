"""`medbal docs`: each category's key facts in both languages, formats, errors, writing."""

import json
import os

import pytest

from medbal.api import pick
from medbal.present.formats import render
from medbal.present.views import checklists_view


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
    3: (
        ["tickets", "home city's outpatient records", "may not go beyond"],
        ["机票", "门诊病历", "不得超出"],
    ),
    4: (["prenatal and postnatal"], ["产前、产后"]),
    5: (["stamped by the hospital's charging office"], ["收费处"]),
    6: (["stamped on the back by the social security card office"], ["背面加盖"]),
    7: (["more than 20", "number of registrations"], ["超过 20 次", "挂号次数"]),
    8: (["acute illness or the rescue"], ["急症或抢救"]),
    9: (
        ["out-of-catalogue", "medical-insurance office", "two-fee", "health-care certificate"],
        ["目录外用药审批表", "两费中心", "医疗保健证"],
    ),
    10: (
        ["middle of the next month", "payment shows as arrived", "tax authorities"],
        ["次月中旬", "到账", "税务部门"],
    ),
    11: (
        ["three months", "birth medical certificate", '\\"son\\"', '\\"daughter\\"'],
        ["三个月", "出生医学证明", "之子", "之女"],
    ),
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
        ("in-advance", None, None),
        ("within", 7, "day"),
    ]
    assert (checklists.find("2").deadlines[0].amount, checklists.find("2").deadlines[0].unit) == (
        6,
        "month",
    )
    assert (
        checklists.find("newborn").deadlines[0].amount,
        checklists.find("newborn").deadlines[0].unit,
    ) == (3, "month")


def test_category_three_chronic_case_adds_to_the_proof_of_the_trip(checklists):
    cat = checklists.find("short-trip")
    assert "ill suddenly" in cat.applies_when.get("en") and "急病" in cat.applies_when.get("zh")
    assert "tickets" in cat.documents[0].text.get("en")  # the proof of the trip is for both cases
    assert [v.id for v in cat.variants] == ["chronic"]
    # The chronic case needs the home city's records in addition to the proof of the trip.
    (records,) = cat.variants[0].documents
    assert "门诊病历" in records.text.get("zh") and "除外出证明外" in records.text.get("zh")
    assert "in addition to the proof of the trip" in records.text.get("en")


def test_category_ten_keeps_to_the_source_and_the_present(checklists, run):
    cat = checklists.find("status-change")
    assert cat.documents == ()  # "proof that the change is complete" is in no source
    texts = json.dumps(docs_json(run, "10", lang="zh"), ensure_ascii=False)
    assert "地税" not in texts and "税务部门" in texts
    assert "reform-2018" in cat.sources


ELSEWHERE = {"transfer", "resettlement", "short-trip", "delivery"}


def test_common_documents_apply_only_to_the_categories_they_belong_to(checklists):
    for cat in checklists.categories:
        ids = {d.id for d in checklists.common_for(cat)}
        if cat.slug in ELSEWHERE:  # seed 003's list is for treatment elsewhere
            assert {"invoices", "itemised-list"} <= ids, cat.slug
            # an older rule's hospital certificate is a note of the guidance, not a tick box
            assert "hospital-registration" not in ids, cat.slug
        assert "invoices" in ids or "invoices-unlisted" in ids, cat.slug  # paid against them
        # paid into one (a newborn's, into the applying parent's)
        assert ids & {"bank-card", "bank-card-unlisted", "parent-bank-card"}, cat.slug
        if cat.slug == "card-problem":  # the card is lost, damaged or not yet issued
            assert "social-security-card" not in ids
        elif cat.slug == "newborn":  # the baby has no ID card yet: the parent applies
            assert "parent-id-card" in ids and "id-card" not in ids
            assert "social-security-card" not in ids
        elif cat.slug not in ELSEWHERE:
            assert {"id-card", "social-security-card"} <= ids, cat.slug


def test_common_documents_are_cited_truly(checklists):
    seed_003 = ("invoices", "itemised-list", "prescriptions", "booklet", "diagnosis")
    docs = {d.id: d for d in checklists.common_documents}
    for doc_id in seed_003:
        assert "seed-003" in docs[doc_id].sources, doc_id
    for doc_id in ("claim-form", "bank-card"):
        assert docs[doc_id].sources == ("seed-004",), doc_id
    # No source names the ID card or the card for a claim: none is cited, and the sheet a
    # person takes to the counter lists them plainly, with no talk of which list has them
    # (the file's comments say so).
    for doc_id in ("id-card", "social-security-card"):
        assert docs[doc_id].sources == ()
        assert "not listed" not in docs[doc_id].text.get("en")
        assert "清单" not in docs[doc_id].text.get("zh")


def test_system_failure_sheet_shows_no_treatment_elsewhere_list(run):
    out = run("docs", "system-failure").stdout
    assert "[ ] Itemised list of expenses" not in out
    assert "Treated in another place" not in out
    assert "[ ] Your ID card" in out and "stamped by the hospital's charging office" in out


def test_a_sheet_cites_everything_it_shows(run):
    """The sources line names the category's, the common documents', the guidance's and
    the claim steps' sources, each once."""
    data = docs_json(run, "5")
    label = {
        s["id"]: s["label"]
        for s in [*data["claim_steps_sources"], *data["categories"][0]["sources"]]
    }
    sheet = run("docs", "5", "--format", "markdown").stdout
    # the official channels under one heading (sheet 5 cites no law), the web articles
    # under another, what they are worth said once under them
    assert "### Based on" not in sheet
    sources = "".join(
        sheet.split(f"### {heading}")[1].split("\n\n")[1]
        for heading in ("Official channels", "Background reading")
    )
    reading = sheet.split("### Background reading")[1]
    assert reading.count("Background only: your local medical-insurance agency") == 1
    assert label["seed-000"] not in sheet.split("### Background reading")[0]
    assert sources.count(label["seed-000"]) == 1
    assert label["seed-004"] in sources and label["nhsa-12393"] in sources  # the claim steps
    seed_003 = next(
        s["label"]
        for d in docs_json(run, "1")["common_documents"]
        for s in d["sources"]
        if s["id"] == "seed-003"
    )
    assert seed_003 not in sources  # seed 003's list is not on this sheet


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_category_has_a_deadline_entry_and_every_sheet_a_deadline_box(run, lang):
    data = docs_json(run, "--all", lang=lang)
    no_deadline = {
        "en": "Ask the agency whether there is a deadline to claim",
        "zh": "申请报销有没有期限、期限多长，请向医保经办机构问清",
    }[lang]
    for cat in data["categories"]:
        assert cat["deadlines"], cat["number"]
        # No source gives a deadline for the claim itself: every sheet says so plainly.
        assert cat["deadlines"][-1]["kind"] == "not-stated"
        assert cat["deadlines"][-1]["text"].startswith(no_deadline)
    html = run("docs", "--all", "--format", "html", "--lang", lang).stdout
    assert html.count('<section class="page">') == 11
    assert html.count('class="deadline"') >= 11
    text = run("docs", "--all", "--lang", lang).stdout
    heading = {"en": "Deadlines and conditions", "zh": "时限和条件"}[lang]
    assert text.count(heading) == 11


def test_a_claim_deadline_from_a_source_replaces_the_not_stated_line(checklists):
    from medbal.core.model import Deadline, Text, replace

    cat = checklists.find("5")
    assert [d.kind for d in checklists.deadlines_of(cat)] == ["not-stated"]
    claim = Deadline(
        "claim", Text({"en": "Claim within 6 months.", "zh": "6 个月内申请。"}), 6, "month"
    )
    given = replace(cat, deadlines=(claim,))
    assert checklists.deadlines_of(given) == (claim,)
    # Category 1's 7 days are for the filing, not the claim: the claim line still shows.
    assert [d.kind for d in checklists.deadlines_of(checklists.find("1"))] == [
        "in-advance",
        "within",
        "not-stated",
    ]


def test_treatment_elsewhere_sheets_give_seed_003_rules_with_the_2022_caveat(run):
    for key in ELSEWHERE:
        cat = docs_json(run, key)["categories"][0]
        (guide,) = cat["guidance"]
        text = " ".join(i["text"] for i in guide["items"])
        for fact in (
            "file for treatment elsewhere",
            "A filing can be made late",
            "lower rate",
            "confirm locally",
            "until cancelled",
            "at least six months",
            "certificate from the treating hospital",
            "mailed home",
            "family",
        ):
            assert fact in text, (key, fact)
        cited = {s["id"] for i in guide["items"] for s in i["sources"]}
        assert {"seed-003", "nhsa-2022-22", "nhsa-app"} <= cited
        # the national rules first, then one place's older ones
        assert text.index("Normally you file") < text.index("used to ask")
        # seed 003's one-year approval at two or three hospitals is replaced: not shown
        assert "one year" not in text and "two or three" not in text
    zh = docs_json(run, "1", lang="zh")["categories"][0]["guidance"][0]
    zh_text = "".join(i["text"] for i in zh["items"])
    facts = ["异地就医备案", "国家医保服务平台 App", "先全额垫付", "长期有效"]
    facts.append("原则上不少于 6 个月")
    for fact in facts:
        assert fact in zh_text, fact


def test_national_services_appear_where_they_fit(checklists):
    card = checklists.find("card-problem")
    notes = " ".join(n.get("zh") for n in card.notes)
    assert "医保电子凭证（医保码）" in notes and "12333" in notes and "人社部门" in notes
    assert {"nhsa-app", "reform-2018", "nhsa-12393"} <= set(card.sources)
    steps = " ".join(s.text.get("zh") for s in checklists.claim_steps)
    assert "12393" in steps and "国家医保服务平台 App" in steps
    assert "12393" in checklists.region_note.get("zh") and "12393" in checklists.region_note.get(
        "en"
    )
    assert "gov-2024-38" in checklists.find("newborn").sources


def test_chinese_follows_the_one_vocabulary(checklists):
    """domain.md section 8: “” quotes, 先全额垫付 not 自付, no 交费, no 来源文章, no 地税."""
    texts = []
    for cat in checklists.categories:
        texts += [
            cat.title,
            cat.applies_when,
            *cat.conditions,
            *cat.notes,
            *(d.text for d in cat.deadlines),
            *(d.text for d in cat.documents),
        ]
        for v in cat.variants:
            texts += [v.title, v.applies_when, *v.conditions, *(d.text for d in v.documents)]
    texts += [
        checklists.title,
        checklists.region,
        checklists.region_note,
        *(d.text for d in checklists.common_documents),
        *(s.text for s in checklists.claim_steps),
        *(s.text for s in checklists.legal_basis),
        *(i.text for g in checklists.guidance for i in g.items),
        *(g.title for g in checklists.guidance),
    ]
    for text in texts:
        for bad in (
            '"',
            "自付",
            "交费",
            "来源文章",
            "地税",
            "医保 App",
            "官方 App",
            "医保中心",
            "社保中心",
        ):
            assert bad not in text.get("zh"), (bad, text.get("zh"))


def test_every_text_is_bilingual_and_every_category_cites_a_seed(checklists):
    assert [c.number for c in checklists.categories] == list(range(1, 12))
    for cat in checklists.categories:
        assert any(s.startswith("seed-") for s in cat.sources)
        for doc in (*cat.documents, *(d for v in cat.variants for d in v.documents)):
            assert doc.text.get("en") and doc.text.get("zh")
    # Cited, or one of the few every counter asks for that no source lists (the file's
    # comments say so).
    unlisted = {
        "invoices-unlisted",
        "bank-card-unlisted",
        "parent-bank-card",
        "id-card",
        "parent-id-card",
    }
    for doc in checklists.common_documents:
        assert doc.sources or doc.id in unlisted | {"social-security-card"}, doc.id


def test_overview_lists_eleven_and_says_no_deadline_to_claim_is_given(run):
    """The shipped sources give no deadline to claim: one line says so, not a column of
    "not stated", and no filing or enrolment limit poses as a deadline to claim."""
    result = run("docs")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Claiming medical costs back"  # the title, as at a terminal
    assert lines[3].split()[:2] == ["1", "transfer"] and "days" not in lines[3]
    assert lines[13].split()[:2] == ["11", "newborn"] and "months" not in lines[13]
    assert "Ask the agency whether these claims have a deadline" in result.stdout
    zh = run("docs", "--lang", "zh").stdout
    assert "申请这些报销有没有期限" in zh and "7 天内" not in zh
    assert "Xiamen" in result.stdout


def test_a_deadline_to_claim_gets_its_column():
    from medbal import api
    from medbal.present.formats import render

    view = api.docs(None, "en")
    view["categories"][2]["deadlines"] = [
        {
            "kind": "claim",
            "text": "Claim within 3 months.",
            "amount": 3,
            "unit": "month",
            "event": None,
        }
    ]
    for fmt in ("plain", "markdown", "rich"):
        out = render("docs-overview", view, fmt, width=120)
        assert "Deadline to claim" in out and "within 3 months" in out, fmt
        assert "not stated: ask" in out and "no deadline to claim for these" not in out, fmt


def test_one_checklist_lists_category_documents_before_common_ones(run):
    out = run("docs", "transfer").stdout
    assert out.index("[ ] Proof of the referral filing") < out.index("[ ] Your ID card")
    assert "  ! In an urgent case" in out
    assert "confirm the\nlist and the deadlines" in out or "confirm the list" in out


def test_all_gives_eleven_checklists(run):
    out = run("docs", "--all", "--lang", "zh").stdout
    assert [f"第 {n} 类\n" in out for n in range(1, 12)] == [True] * 11
    assert "short-trip" not in out  # no English short name in a Chinese heading


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
    assert "### Also bring" in out


def test_html_is_self_contained_and_printable(run):
    out = run("docs", "--all", "--format", "html", "--lang", "zh").stdout
    assert out.startswith("<!DOCTYPE html>") and '<html lang="zh-Hans">' in out
    assert "@page { size: A4;" in out and "Noto Sans CJK SC" in out
    assert "☐" not in out and out.count('<span class="box"></span>') > 11 * 4
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
    assert len(data["common_documents"]) == 13  # the file's, each naming its categories
    assert data["common_documents"][0]["categories"] == sorted(
        ELSEWHERE, key=["transfer", "resettlement", "short-trip", "delivery"].index
    )
    assert len(data["categories"][0]["common_documents"]) == 9


def test_json_shape(run):
    data = docs_json(run)
    assert set(data) == {
        "region",
        "region_note",
        "lang",
        "title",
        "categories",
        "common_documents",
        "claim_steps",
        "legal_basis",
        "sources",
        "extends",
        "claim_steps_sources",
    }
    assert len(data["categories"]) == 11
    assert set(data["categories"][0]) == {
        "number",
        "slug",
        "title",
        "applies_when",
        "deadlines",
        "conditions",
        "documents",
        "variants",
        "notes",
        "sources",
        "reference",
        "common_documents",
        "guidance",
        "region",
    }
    deadline = data["categories"][0]["deadlines"][1]
    assert set(deadline) == {"kind", "text", "amount", "unit", "event", "region"}
    assert deadline["region"] == {"id": "xiamen", "name": "Xiamen, Fujian"}
    assert data["categories"][0]["region"] == deadline["region"]
    (guide,) = data["categories"][0]["guidance"]
    assert set(guide) == {"id", "title", "items", "region"}
    assert set(guide["items"][0]) == {"text", "sources", "region"}
    assert set(data["common_documents"][0]) == {"id", "text", "sources", "categories"}
    assert data["categories"][0]["deadlines"][1]["amount"] == 7


def test_data_text_is_never_markup(checklists):
    from medbal.core.model import Document, Text, replace

    odd = Document(
        "odd", Text({"en": "Bring [copy] of ID [/b] <script>x</script>", "zh": "带[复印件]"})
    )
    cat = replace(checklists.find("1"), documents=(odd,))
    data = replace(checklists, categories=(cat,))
    view = checklists_view(data, pick(data, "1"), "en")
    md = render("docs", view, "markdown")
    assert r"Bring \[copy\] of ID \[/b\] \<script\>x\</script\>" in md
    html = render("docs", view, "html")
    assert "Bring [copy] of ID [/b] &lt;script&gt;x&lt;/script&gt;" in html
    text = render("docs", view, "text")
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
    from medbal.core.errors import OutputError
    from medbal.files import write as output

    target = tmp_path / "c.html"
    target.write_text("the old checklist", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)  # the os module output uses
    with pytest.raises(OutputError, match="No space left on device"):
        output.write_atomic(str(target), "<html>new</html>")
    assert target.read_text(encoding="utf-8") == "the old checklist"
    assert os.listdir(tmp_path) == ["c.html"]


def test_output_to_a_device_is_refused(run):
    # --output replaces a file; a device is not one (use --output - for stdout).
    result = run("docs", "--all", "--output", "/dev/full")
    assert result.exit_code == 1 and "is not a regular file" in result.stderr
    assert os.path.exists("/dev/full") and not os.path.isfile("/dev/full")


def test_completion_offers_slugs_and_numbers():
    from medbal.commands.app import _complete_category

    assert _complete_category("s") == ["short-trip", "system-failure", "status-change"]
    assert _complete_category("1") == ["1", "10", "11"]


# --- golden renderings: one text and one Markdown, reviewed as diffs ----------------

GOLDEN = os.path.join(os.path.dirname(__file__), "golden")


@pytest.mark.parametrize(
    "name, args",
    [
        ("docs-3-en.txt", ("docs", "3", "--lang", "en")),
        ("docs-11-zh.md", ("docs", "11", "--lang", "zh", "--format", "markdown")),
    ],
)
def test_golden_rendering(run, name, args):
    """Regenerate with MEDBAL_UPDATE_GOLDEN=1 uv run pytest tests/commands/test_docs.py,
    then review."""
    out = run(*args).stdout
    path = os.path.join(GOLDEN, name)
    if os.environ.get("MEDBAL_UPDATE_GOLDEN"):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(out)
    with open(path, encoding="utf-8") as fh:
        assert out == fh.read()
