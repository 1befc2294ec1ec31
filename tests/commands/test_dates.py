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
        # the rule with whose it is, as every regional text (the date's tag says it too)
        "due_rule": "Enrol the baby and pay within three months of the birth. "
        "(Xiamen rule; confirm locally)",
        "due_late": (
            "Enrol the baby now all the same, and ask the agency from when the cover starts."
        ),
    }


def test_the_chinese_due_date_and_a_passed_one(run):
    args = ["dated", "--trees", str(FOLDER), "-a", "who=referred", "-f", "json", "--lang", "zh"]
    coming = json.loads(diagnose(run, *args, "-a", "moved=2026-11-20").stdout)["outcome"]
    assert coming["due"] == "2026-11-27" and coming["due_passed"] is False
    assert coming["due_text"] == "最晚在 2026 年 11 月 27 日办好。（厦门的规定，请向当地确认）"
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
        "skip": {"value": "not-sure", "label": "I do not know the date"},
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
    # The rule names its region once, above the day; the day does not repeat it.
    done_by = "Do it by 20 February 2027 at the latest."
    assert done_by in text and done_by + " (" not in text
    assert "three months of the birth. (Xiamen rule; confirm locally)" in text
    due = text.index("Deadline worked out from the date you gave")
    assert due < text.index("Deadlines and conditions")
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
            "medbal: '2026-02-30' is not a real date ('born'): give a date that exists, "
            "as YYYY-MM-DD, for example 2026-11-20",
            "medbal: “2026-02-30”这一天并不存在：问题“孩子是哪天出生的？”（born）请按“年-月-日”"
            "的格式填写实际日期，例如 2026-11-20",
        ),
        (
            "20/11/2026",
            "medbal: '20/11/2026' is not a date for 'born': write it as YYYY-MM-DD, "
            "for example 2026-11-20, or not-sure if you do not know it",
            "medbal: “20/11/2026”不是问题“孩子是哪天出生的？”（born）能用的日期，请按“年-月-日”"
            "的格式填写，"
            "例如 2026-11-20；不清楚日期的，填 not-sure",
        ),
        (
            "2026-11-25",
            "medbal: '2026-11-25' is after today (24 November 2026): 'born' needs today's date "
            "or an earlier one, written YYYY-MM-DD",
            "medbal: “2026-11-25”晚于今天（2026 年 11 月 24 日）：问题“孩子是哪天出生的？”（born）"
            "请填写今天或更早的日期，格式为“年-月-日”",
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
    assert got[2]["error"]["code"] == 2
    assert "after today (24 November 2026)" in got[2]["error"]["message"]
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
        shown = api.render("diagnose", again, fmt, today="2026-11-24")
        assert "最晚在 2027 年 2 月 20 日办好。" in shown
        assert "（厦门的规定，请向当地确认）" in shown


# --- the authors' views -----------------------------------------------------------------


def test_tree_paths_show_a_date_question_as_a_placeholder(run):
    result = run("tree", "paths", str(FOLDER / "dated.yaml"), "--lang", "en")
    assert result.stdout.splitlines() == [
        "1  who=baby born=<date>  ->  newborn  (A newborn's costs)",
        "2  who=baby born=not-sure  ->  newborn  (A newborn's costs)",
        "3  who=mother  ->  mother  (Mother)",
        "4  who=referred moved=<date>  ->  transfer  (Referred elsewhere)",
        "5  who=referred moved=not-sure  ->  transfer  (Referred elsewhere)",
    ]
    csv = run("tree", "paths", str(FOLDER / "dated.yaml"), "--format", "csv", "--lang", "en")
    assert "1,who=baby born=<date>,newborn,A newborn's costs" in csv.stdout


def test_tree_show_gives_a_date_question_its_one_way_on(run):
    result = run("tree", "show", str(FOLDER / "dated.yaml"), "--lang", "en")
    lines = [line.strip() for line in result.stdout.splitlines()]
    at = lines.index("born: When was the baby born?")
    assert lines[at + 1] == "[<date>] the baby's date of birth"
    assert "[not-sure] I do not know the date" in lines[at + 2 :]
    assert any("[<date>] When were you transferred to the hospital?" in line for line in lines)


def test_the_committed_date_constants_match_the_messages():
    assert date.FORMAT == "YYYY-MM-DD" and date.PLACEHOLDER == "<date>"


# --- the shipped trees: the newborn's enrolment and the urgent referral -----------------

NEWBORN = ["claim", "-a", "where=home", "-a", "settle-problem=newborn"]
REFERRED = [
    "claim",
    *("-a", "where=elsewhere", "-a", "settled-there=paid-in-full"),
    *("-a", "why-elsewhere=referred", "-a", "urgent=urgent"),
]


def test_claim_asks_the_date_of_birth_and_counts_the_enrolment_from_it(run):
    asked = run(*NEWBORN, "-f", "json")
    assert asked.exit_code == 3
    question = json.loads(asked.stdout)["question"]
    assert (question["id"], question["kind"], "options" in question) == ("born", "date", False)
    outcome = json.loads(run(*NEWBORN, "-a", "born=2026-08-31", "-f", "json").stdout)["outcome"]
    # counted as the 90 days of many regions, which end before Xiamen's three months
    # (30 November, clamped): no reader is given a day later than their region's
    assert outcome["id"] == "newborn" and outcome["due"] == "2026-11-29"
    assert outcome["due_passed"] is False
    assert outcome["due_text"] == (
        "Do it by 29 November 2026 at the latest. (common in many regions; confirm locally)"
    )
    zh = json.loads(run(*NEWBORN, "-a", "born=2026-08-31", "-f", "json", "-l", "zh").stdout)
    assert zh["outcome"]["due_text"] == (
        "最晚在 2026 年 11 月 29 日办好。（不少地方的做法，请向当地确认）"
    )


def test_claim_counts_the_urgent_referral_from_the_transfer_as_xiamens_rule(run):
    args = [*REFERRED, "-a", "transferred=2026-11-10", "-f", "json"]
    outcome = json.loads(run(*args).stdout)["outcome"]
    assert (outcome["id"], outcome["due"], outcome["due_passed"]) == (
        "transfer",
        "2026-11-17",
        True,
    )
    assert outcome["due_text"].endswith("(Xiamen rule; confirm locally), has passed.")
    assert "7 days" in outcome["due_rule"] and "(Xiamen rule" in outcome["due_rule"]
    assert "still file afterwards" in outcome["due_late"]  # the claim is not lost
    coming = json.loads(run(*REFERRED, "-a", "transferred=2026-11-20", "-f", "json").stdout)
    assert coming["outcome"]["due"] == "2026-11-27" and coming["outcome"]["due_late"] is None


@pytest.mark.parametrize(
    "args", [NEWBORN + ["-a", "born=not-sure"], REFERRED + ["-a", "transferred=not-sure"]]
)
def test_without_the_date_the_outcome_is_the_same_and_counts_no_day(run, args):
    data = json.loads(run(*args, "-f", "json").stdout)
    assert data["status"] == "outcome" and data["outcome"]["checklist"] is not None
    assert {k: data["outcome"][k] for k in DUE_KEYS} == dict.fromkeys(DUE_KEYS)
    assert data["answers"][-1]["label"] == "I do not know the date, or would rather not say"
    text = run(*args).stdout  # the rule in words, where its checklist's deadlines are
    assert "Your deadline" not in text and "(Xiamen rule; confirm locally)" in text


@pytest.mark.parametrize(
    "value, says",
    [("2026-02-30", "is not a real date"), ("2026-11-25", "is after today")],
)
def test_claim_refuses_an_impossible_date_with_code_2(run, value, says):
    result = run(*NEWBORN, "-a", f"born={value}", "-f", "json")
    assert result.exit_code == 2
    envelope = json.loads(result.stdout)
    assert envelope["error"]["code"] == 2 and says in envelope["error"]["message"]
    assert result.stderr.startswith("medbal: ") and result.stderr.count("\n") == 1


def test_the_question_as_text_offers_a_way_on_without_the_date(run):
    out = run(*NEWBORN, "-l", "zh").stdout
    assert "  请填写孩子的出生日期，格式为“年-月-日”（例如 2026-11-20）\n" in out
    assert "     --answer born=YYYY-MM-DD\n  0. 不清楚具体日期，或者不想填写\n" in out
    assert "     --answer born=not-sure\n" in out


@pytest.mark.parametrize("fmt", ["plain", "terminal", "markdown", "html"])
def test_the_counted_deadline_moves_into_its_box_in_every_format(fmt):
    """Said as often with the date as without it: in the box instead of the outcome's list
    (the take-home's checklist sheet, in Markdown and HTML, lists it as every sheet does)."""
    view = api.diagnose("dated", {"who": "baby", "born": "2026-11-20"}, "en", trees=FOLDER)
    out = api.render("diagnose", view, fmt, width=100, today="2026-11-24")
    without = api.diagnose("dated", {"who": "baby", "born": "not-sure"}, "en", trees=FOLDER)
    plain = api.render("diagnose", without, fmt, width=100, today="2026-11-24")
    rule = "Enrol the baby and pay within three months of the birth."
    assert out.count(rule) == plain.count(rule) == (1 if fmt in ("plain", "terminal") else 2)
    assert "The claim is handled once the payment has arrived" in out
