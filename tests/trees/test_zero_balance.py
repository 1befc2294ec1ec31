"""The shipped zero-balance tree: every path, every outcome, both languages."""

import re

import pytest

from medbal.core.engine import all_paths, walk

from support import complete, has_han, replay

# The cause ids of ../shared/domain.md section 2, the causes section 7 adds (an
# account transferred after a move, this year's and past years' balances, family
# mutual aid) and the neutral outcome for not knowing: get the record and read it.
CAUSES = {
    "pension-only",
    "residents-scheme",
    "flexible-low-tier",
    "used-up",
    "wrong-account",
    "not-yet-credited",
    "inpatient-only",
    "contributions-stopped",
    "account-abnormal",
    "display-incomplete",
    "policy-change",
    "account-transferred",
    "two-balances",
    "family-mutual-aid",
    "get-record",
    # domain.md section 9: a retiree short of the minimum years (art. 27), and
    # unemployment benefit paying the contributions (art. 48)
    "retiree-short-years",
    "unemployment-benefit",
    # the review of issue 19: a drop in the money put in that did not come with the
    # 2021 reform (later, a stop, or not known when) sends a person to the record
    "check-contributions",
}
SOURCE_KINDS = ("seed-", "law-art-", "gov-", "nhsa-", "reform-", "scope-")


def english_prose(s: str) -> str:
    """English text without its bracketed Chinese names, e.g. "the app (国家医保服务平台)"."""
    return re.sub(r"\([^()]*\)", "", s)


def test_outcome_ids_are_the_known_causes(zero_tree):
    assert set(zero_tree.outcomes) == CAUSES


def test_every_path_ends_in_a_complete_bilingual_outcome(zero_tree):
    paths = all_paths(zero_tree)
    assert len(paths) > 11
    for path, outcome in paths:
        answers = replay(path)
        result = walk(zero_tree, answers)
        assert result.outcome is outcome, answers
        # Six questions at most, and a seventh only on two long routes (self-employed
        # at the full level, or a job ended) when the money put in shrank: asking when
        # decides whether that is the reform or something to check.
        limit = 7 if answers.get("what-changed") == "less-credited" else 6
        assert len(path) <= limit, f"path too long: {answers}"
        for text in (
            outcome.title,
            outcome.explanation,
            outcome.pooled_fund,
            *outcome.next_steps,
            *outcome.where_to_check,
        ):
            assert (
                complete(text)
                and has_han(text.get("zh"))
                and not has_han(english_prose(text.get("en")))
            ), outcome.id
        assert outcome.sources and all(s.startswith(SOURCE_KINDS) for s in outcome.sources)
        assert any(s.startswith("seed-") for s in outcome.sources), outcome.id


def test_all_causes_are_reachable(zero_tree):
    assert {outcome.id for _, outcome in all_paths(zero_tree)} == CAUSES


def test_every_question_is_bilingual_and_offers_not_sure_where_it_should(zero_tree):
    for q in zero_tree.questions.values():
        assert complete(q.text) and all(complete(o.label) for o in q.options)
        assert q.help is None or complete(q.help)
    unsure = [
        q.id for q in zero_tree.questions.values() if any(o.value == "not-sure" for o in q.options)
    ]
    assert len(unsure) >= 6  # a person may honestly not know most of these


def test_cheap_causes_come_first(zero_tree):
    # The first question is the scheme; residents reach their outcome in one answer.
    assert zero_tree.start == "scheme"
    assert walk(zero_tree, {"scheme": "yearly"}).outcome.id == "residents-scheme"


# One row per answer: "this answer leads there" (as in GOV.UK smart answers).
ROUTES = [
    ("scheme", "employer", "where-looked"),
    ("scheme", "retired", "where-looked"),
    ("scheme", "retired-short", "retiree-short-years"),
    ("scheme", "self-employed", "flexible-choice"),
    ("scheme", "yearly", "residents-scheme"),
    ("scheme", "left-job", "after-job"),
    ("scheme", "not-sure", "paid-yearly"),
    ("paid-yearly", "yes", "residents-scheme"),
    ("paid-yearly", "no", "where-looked"),
    ("paid-yearly", "not-sure", "where-looked"),
    ("after-job", "benefit", "unemployment-benefit"),
    ("after-job", "new-job", "where-looked"),
    ("after-job", "nobody", "contributions-stopped"),
    ("after-job", "not-sure", "record"),
    ("flexible-choice", "pension-only", "pension-only"),
    ("flexible-choice", "lower-tier", "flexible-low-tier"),
    ("flexible-choice", "full-tier", "where-looked"),
    ("flexible-choice", "stopped", "contributions-stopped"),
    ("flexible-choice", "not-sure", "where-looked"),
    ("where-looked", "bank", "wrong-account"),
    ("where-looked", "medical", "how-new"),
    ("where-looked", "not-sure", "how-new"),
    ("how-new", "recent", "not-yet-credited"),
    ("how-new", "earlier", "pharmacy"),
    ("how-new", "not-sure", "pharmacy"),
    ("pharmacy", "still-pays", "balances"),
    ("pharmacy", "used-to", "what-changed"),
    ("pharmacy", "hospital-only", "inpatient-only"),
    ("pharmacy", "never", "record"),
    # not remembering the pharmacy still reaches what changed (a move, two balances)
    ("pharmacy", "not-sure", "what-changed"),
    ("balances", "two", "two-balances"),
    ("balances", "one", "display-incomplete"),
    ("balances", "not-sure", "display-incomplete"),
    ("what-changed", "spent", "used-up"),
    ("what-changed", "family", "family-mutual-aid"),
    ("what-changed", "moved", "account-transferred"),
    ("what-changed", "two-balances", "two-balances"),
    ("what-changed", "job-ended", "contributions-stopped"),
    ("what-changed", "less-credited", "when-less"),
    ("when-less", "reform", "policy-change"),
    ("when-less", "recent", "check-contributions"),
    ("when-less", "stopped", "check-contributions"),
    ("when-less", "not-sure", "check-contributions"),
    ("what-changed", "none", "account-abnormal"),
    ("what-changed", "not-sure", "get-record"),
    ("record", "paid", "account-abnormal"),
    ("record", "pension-only", "pension-only"),
    ("record", "inpatient-only", "inpatient-only"),
    ("record", "stopped", "contributions-stopped"),
    ("record", "retired-short", "retiree-short-years"),
    ("record", "residents", "residents-scheme"),  # the record says what the scheme is
    ("record", "not-sure", "get-record"),
]


@pytest.mark.parametrize("question, value, target", ROUTES)
def test_this_answer_leads_there(zero_tree, question, value, target):
    assert zero_tree.questions[question].option(value).next == target


def test_the_route_table_covers_every_option(zero_tree):
    every = {(q.id, o.value) for q in zero_tree.questions.values() for o in q.options}
    assert every == {(q, v) for q, v, _ in ROUTES}


def test_zero_balance_outcomes_say_when_the_pooled_fund_pays(zero_tree):
    for outcome in zero_tree.outcomes.values():
        assert complete(outcome.pooled_fund), outcome.id
        assert "pooled fund" in outcome.pooled_fund.get("en").lower()
        assert "统筹基金" in outcome.pooled_fund.get("zh")
