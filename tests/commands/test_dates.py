"""A date question and a due date through every front end but the page and the pty:
one-shot text, JSON, Markdown and HTML, exit 2 for a bad date in both languages and as
the JSON error envelope, --batch, the Python API, `tree paths` and `tree show`.
The tree is tests/dated (tests/dated_trees.py); today is pinned where it matters."""

from __future__ import annotations

import datetime
import json

import pytest

import medbal.api.checks
from medbal import api
from medbal.core.errors import UsageError
from medbal.core.kinds import date

from dated_trees import FOLDER

TODAY = datetime.date(2026, 11, 24)
BABY = ["dated", "--trees", str(FOLDER), "-a", "who=baby"]
DUE_KEYS = {"due", "due_passed", "due_text", "due_rule", "due_late"}


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """The CLI's today: api.checks reads the clock, and only there."""
    monkeypatch.setattr(medbal.api.checks, "clock", lambda: TODAY)


def diagnose(run, *args: str):
    return run("diagnose", *args)


# --- one-shot -----------------------------------------------------------------------


def test_json_gives_the_due_date_counted_from_the_answer(run):
    result = diagnose(run, *BABY, "-a", "born=2025-11-30", "-f", "json", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    outcome = json.loads(result.stdout)["outcome"]
    assert {k: outcome[k] for k in DUE_KEYS} == {
        "due": "2026-02-28",  # three months on: February has no 30th
        "due_passed": True,
        "due_text": "The deadline, 28 February 2026 (Xiamen rule; confirm locally), has passed.",
        "due_rule": "Enrol the baby and pay within three months of the birth.",
        "due_late": (
            "Enrol the baby now all the same, and ask the agency from when the cover starts."
        ),
    }


def test_the_chinese_due_date_and_a_passed_one(run):
    args = ["dated", "--trees", str(FOLDER), "-a", "who=referred", "-f", "json", "--lang", "zh"]
    coming = json.loads(diagnose(run, *args, "-a", "moved=2026-11-20").stdout)["outcome"]
    assert coming["due"] == "2026-11-27" and coming["due_passed"] is False
    assert coming["due_text"] == "请在 2026 年 11 月 27 日前（厦门的规定，请向当地确认）"
    passed = json.loads(diagnose(run, *args, "-a", "moved=2026-11-06").stdout)["outcome"]
    assert passed["due"] == "2026-11-13" and passed["due_passed"] is True
    assert passed["due_text"] == "办理期限 2026 年 11 月 13 日（厦门的规定，请向当地确认）已过。"
    assert passed["due_late"] == "仍请尽快补办备案，并问清报销比例是否降低。"


def test_the_last_day_itself_has_not_passed(run):
    args = ["dated", "--trees", str(FOLDER), "-a", "who=referred", "-f", "json"]
    on_the_day = json.loads(diagnose(run, *args, "-a", "moved=2026-11-17").stdout)["outcome"]
    assert on_the_day["due"] == TODAY.isoformat() and on_the_day["due_passed"] is False


def test_an_outcome_without_a_due_has_the_keys_null(run):
    args = ["dated", "--trees", str(FOLDER), "-a", "who=mother", "-f", "json"]
    outcome = json.loads(diagnose(run, *args).stdout)["outcome"]
    assert {k: outcome[k] for k in DUE_KEYS} == dict.fromkeys(DUE_KEYS)


def test_the_date_question_as_json_has_its_kind_and_no_options(run):
    result = diagnose(run, *BABY, "-f", "json", "--lang", "en")
    assert result.exit_code == 3
    question = json.loads(result.stdout)["question"]
    assert question == {
        "id": "born",
        "text": "When was the baby born?",
        "help": "It is on the birth certificate.",
        "kind": "date",
        "label": "the baby's date of birth",
    }


def test_the_date_question_as_text_says_how_to_answer(run):
    result = diagnose(run, *BABY, "--lang", "en")
    assert result.exit_code == 3
    assert "  Give the baby's date of birth, written YYYY-MM-DD (for example 2026-11-20)\n" in (
        result.stdout
    )
    assert "\n     --answer born=YYYY-MM-DD\n" in result.stdout
    assert result.stdout.endswith("\n  medbal diagnose dated --lang en --answer who=baby\n")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_shows_the_due_date_first(run, fmt):
    result = diagnose(run, *BABY, "-a", "born=2026-11-20", "-f", fmt, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "By 20 February 2027 (Xiamen rule; confirm locally)" in text
    assert text.index("Your deadline") < text.index("Deadlines and conditions")
    assert "When was the baby born? → 20 November 2026" in text


def test_the_repeat_command_gives_the_date_back(run):
    data = json.loads(diagnose(run, *BABY, "-a", "born=2026-11-20", "-f", "json").stdout)
    assert data["command"].endswith("--answer who=baby --answer born=2026-11-20")
    assert data["answers"][1] == {
        "question": "born",
        "value": "2026-11-20",
        "text": "When was the baby born?",
        "label": "20 November 2026",
    }


@pytest.mark.parametrize(
    "value, en, zh",
    [
        (
            "2026-02-30",
            "medbal: '2026-02-30' is no day of the calendar ('born'): give a date that exists, "
            "as YYYY-MM-DD, for example 2026-11-20",
            "medbal: “2026-02-30”这一天并不存在（问题“born”），请按 YYYY-MM-DD 的格式填写"
            "实际日期，例如 2026-11-20",
        ),
        (
            "20/11/2026",
            "medbal: '20/11/2026' is not a date for 'born': write it as YYYY-MM-DD, "
            "for example 2026-11-20",
            "medbal: “20/11/2026”不是问题“born”能用的日期，请按 YYYY-MM-DD 的格式填写，"
            "例如 2026-11-20",
        ),
        (
            "2026-11-25",
            "medbal: '2026-11-25' is after today (2026-11-24): 'born' asks for a day that has "
            "come, written YYYY-MM-DD",
            "medbal: “2026-11-25”晚于今天（2026-11-24）：问题“born”要填已经过去的日期，"
            "格式为 YYYY-MM-DD",
        ),
    ],
)
def test_a_bad_date_is_a_usage_error_in_both_languages(run, value, en, zh):
    for lang, line in (("en", en), ("zh", zh)):
        result = diagnose(run, *BABY, "-a", f"born={value}", "--lang", lang)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == line + "\n"


def test_a_bad_date_with_format_json_is_the_error_envelope(run):
    result = diagnose(run, *BABY, "-a", "born=2026-02-30", "-f", "json")
    assert result.exit_code == 2
    envelope = json.loads(result.stdout)
    assert envelope["status"] == "error" and envelope["error"]["code"] == 2
    assert "YYYY-MM-DD" in envelope["error"]["message"]


def test_a_date_from_an_answers_file(run, write):
    path = write("answers.yaml", "who: baby\nborn: 2026-11-20\n")  # YAML's date, read as text
    result = diagnose(
        run, "dated", "--trees", str(FOLDER), "--answers-file", str(path), "-f", "json"
    )
    assert json.loads(result.stdout)["outcome"]["due"] == "2027-02-20"


# --- --batch ----------------------------------------------------------------------------


def test_batch_gives_a_due_date_and_an_error_envelope_for_a_bad_date(run):
    cases = [
        {"id": 1, "answers": {"who": "baby", "born": "2026-11-20"}},
        {"id": 2, "answers": {"who": "baby", "born": "2026-02-30"}, "lang": "zh"},
        {"id": 3, "answers": {"who": "baby", "born": "2027-01-01"}},
        {"id": 4, "answers": {"who": "baby"}},
    ]
    text = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    result = run("diagnose", "dated", "--trees", str(FOLDER), "--batch", "-", input=text)
    got = [json.loads(line) for line in result.stdout.splitlines()]
    assert got[0]["outcome"]["due"] == "2027-02-20" and got[0]["id"] == 1
    assert got[1]["status"] == "error" and got[1]["error"]["code"] == 2
    assert got[1]["error"]["message"].startswith("“2026-02-30”这一天并不存在")
    assert got[2]["error"]["code"] == 2 and "after today (2026-11-24)" in got[2]["error"]["message"]
    assert got[3]["status"] == "needs-answer" and got[3]["question"]["kind"] == "date"


# --- the Python API ----------------------------------------------------------------------


def test_the_api_takes_today_as_a_date_or_text():
    answers = {"who": "referred", "moved": "2026-11-20"}
    for today in ("2026-12-01", datetime.date(2026, 12, 1), datetime.datetime(2026, 12, 1, 9)):
        view = api.diagnose("dated", answers, "en", trees=FOLDER, today=today)
        assert view["outcome"]["due"] == "2026-11-27" and view["outcome"]["due_passed"] is True
    assert api.diagnose("dated", answers, "en", trees=FOLDER)["outcome"]["due_passed"] is False
    with pytest.raises(UsageError, match="today"):
        api.diagnose("dated", answers, "en", trees=FOLDER, today="1 December")


def test_a_session_answers_a_date_and_refuses_one_to_come():
    talk = api.Session("dated", lang="en", trees=FOLDER, today="2026-11-24")
    talk.answer("baby")
    assert talk.view()["question"]["kind"] == "date"
    with pytest.raises(UsageError, match="after today"):
        talk.answer("2026-12-01")
    talk.answer("2026-11-01")
    assert talk.view()["outcome"]["due"] == "2027-02-01" and talk.today == TODAY
    assert talk.back() == "2026-11-01"
    assert talk.at({"who": "baby", "born": "2026-11-24"}).today == TODAY


def test_diagnose_many_takes_today():
    cases = [{"answers": {"who": "referred", "moved": "2026-11-20"}}]
    (envelope,) = api.diagnose_many(cases, "dated", "en", FOLDER, today="2026-11-21")
    assert envelope["outcome"]["due_passed"] is False
    (envelope,) = api.diagnose_many(cases, "dated", "en", FOLDER, today="2026-11-28")
    assert envelope["outcome"]["due_passed"] is True


def test_render_shows_a_due_date_from_the_view_alone():
    view = api.diagnose("dated", {"who": "baby", "born": "2026-11-20"}, "zh", trees=FOLDER)
    again = json.loads(json.dumps(view))
    for fmt in ("plain", "terminal", "markdown", "html"):
        assert "请在 2027 年 2 月 20 日前（厦门的规定，请向当地确认）" in api.render(
            "diagnose", again, fmt, today="2026-11-24"
        )


# --- the authors' views -----------------------------------------------------------------


def test_tree_paths_show_a_date_question_as_a_placeholder(run):
    result = run("tree", "paths", str(FOLDER / "dated.yaml"), "--lang", "en")
    assert result.stdout.splitlines() == [
        "1  who=baby born=<date>  ->  newborn  (A newborn's costs)",
        "2  who=mother  ->  mother  (Mother)",
        "3  who=referred moved=<date>  ->  transfer  (Referred elsewhere)",
    ]
    csv = run("tree", "paths", str(FOLDER / "dated.yaml"), "--format", "csv", "--lang", "en")
    assert "1,who=baby born=<date>,newborn,A newborn's costs" in csv.stdout


def test_tree_show_gives_a_date_question_its_one_way_on(run):
    result = run("tree", "show", str(FOLDER / "dated.yaml"), "--lang", "en")
    lines = [line.strip() for line in result.stdout.splitlines()]
    at = lines.index("born: When was the baby born?")
    assert lines[at + 1] == "[<date>] the baby's date of birth"
    assert any("[<date>] When were you transferred to the hospital?" in line for line in lines)


def test_the_committed_date_constants_match_the_messages():
    assert date.FORMAT == "YYYY-MM-DD" and date.PLACEHOLDER == "<date>"
