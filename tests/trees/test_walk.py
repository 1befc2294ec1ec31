"""Issue 19's "done when", checked on what a person reads.

Every path of every decision tree is walked in both languages through one held
`diagnose --batch -` session, as a front end would, and each outcome is rendered as
plain text; `docs --all`, `tree show` and the estimate are rendered in both languages
too.  The checks then read those texts: no "no claim is needed" unless the bill was
settled directly; one known fact reaches its outcome whatever "not sure" came before;
the law articles where they apply; close relatives for family mutual aid; a route for
injuries at work; the policy scope and the unit of the estimate; no English id or slug
in the Chinese; the words of domain.md section 8 and no variant of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from medbal import api
from medbal.commands.app import cli
from medbal.core.engine import all_paths
from medbal.core.kinds import edges
from medbal.core.model import LANGS
from medbal.files.readtree import load_file
from medbal.i18n.catalogue import SECTIONS, msg, section

from support import TREES, a_tree, replay

DECISION_TREES = ("zero-balance", "which-category", "balance-dropped", "card")


class Case:
    """One path in one language: its answers, its envelope and its text as shown."""

    def __init__(self, tree: str, lang: str, answers: dict[str, str], envelope: dict[str, Any]):
        self.tree, self.lang, self.answers, self.envelope = tree, lang, answers, envelope
        self.outcome: dict[str, Any] = envelope["outcome"]
        self.text = api.render("diagnose", envelope, "text")

    def __repr__(self) -> str:
        return f"{self.tree} {self.lang} {self.answers} -> {self.outcome['id']}"


@pytest.fixture(scope="module")
def walked() -> list[Case]:
    cases: list[dict[str, Any]] = [
        {"id": i, "tree": tree, "lang": lang, "answers": answers}
        for i, (tree, lang, answers) in enumerate(
            (tree, lang, replay(path))
            for tree in DECISION_TREES
            for path, _ in all_paths(a_tree(load_file(TREES / f"{tree}.yaml")))
            for lang in LANGS
        )
    ]
    lines = "".join(json.dumps(c) + "\n" for c in cases)
    result = CliRunner().invoke(cli(), ["diagnose", "--batch", "-"], input=lines)
    assert result.exit_code == 0, result.stderr
    envelopes = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["id"] for e in envelopes] == [c["id"] for c in cases]
    assert all(e["status"] == "outcome" for e in envelopes)
    return [
        Case(c["tree"], c["lang"], c["answers"], e) for c, e in zip(cases, envelopes, strict=True)
    ]


def test_every_path_of_every_tree_is_walked_in_both_languages(walked):
    for tree in DECISION_TREES:
        outcomes = {c.outcome["id"] for c in walked if c.tree == tree}
        assert outcomes == set(load_file(TREES / f"{tree}.yaml").outcomes), tree
    assert {c.lang for c in walked} == set(LANGS)


# --- no "no claim is needed" unless the bill was settled directly --------------------

NO_CLAIM = re.compile(
    r"no claim is needed|nothing (?:is left )?to claim|need not claim"
    r"|无需报销|不需要(?:再)?报销|不用(?:再)?报销|不必(?:事后)?报销"
)
SETTLED = {"which-category": {"settled-there": "settled"}}


def _settled(case: Case) -> bool:
    return any(case.answers.get(q) == v for q, v in SETTLED.get(case.tree, {}).items())


def test_no_claim_is_needed_only_where_the_bill_was_settled(walked):
    said = [c for c in walked if NO_CLAIM.search(c.text)]
    assert said, "the settled bill's outcome says so"
    for case in said:
        assert _settled(case), case


def test_the_no_claim_check_itself():
    assert NO_CLAIM.search("Settled at the hospital: no claim is needed")
    assert NO_CLAIM.search("已在医院直接结算，不需要再报销")
    assert not NO_CLAIM.search("If you paid the whole bill, a claim may still be possible")


# --- a regional rule names its region beside it ---------------------------------------

# The numbers of one city's or one older article's rules, as they read in each language.
REGIONAL = {
    "en": ("7 days", "half a year", "three months", "middle of the next month", "two or three"),
    "zh": ("7 天", "满半年", "三个月", "次月中旬", "两到三家"),
}
TAGS = re.compile(
    r"\((?:Xiamen rule|an older rule of one place)[^)]*\)|（(?:厦门的规定|某地早年的规定)[^）]*）"
)


def untagged(text: str, lang: str) -> list[str]:
    """The lines that state a regional number without naming whose rule it is."""
    return [
        line
        for line in text.splitlines()
        if any(fact in line for fact in REGIONAL[lang]) and not TAGS.search(line)
    ]


def test_every_regional_rule_in_an_outcome_names_its_region(walked):
    shown = [c for c in walked if any(f in c.text for f in REGIONAL[c.lang])]
    assert shown, "the referral's 7 days are shown on its outcome"
    for case in shown:
        assert untagged(case.text, case.lang) == [], case


@pytest.mark.parametrize("lang", LANGS)
def test_every_regional_rule_on_a_sheet_names_its_region(lang):
    sheets = api.render("docs", api.docs(None, lang=lang), "text")
    assert untagged(sheets, lang) == []
    assert len(TAGS.findall(sheets)) > 10


def test_the_region_check_itself():
    assert untagged("  ! File within 7 days.", "en") == ["  ! File within 7 days."]
    assert untagged("  ! File within 7 days. (Xiamen rule; confirm locally)", "en") == []
    assert untagged("须在 7 天内补办。（厦门的规定，请向当地确认）", "zh") == []


# --- one known fact is enough --------------------------------------------------------


def knowing(tree: str, known: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Walk answering the known questions and "not sure" to every other one."""
    t = api.load_tree(tree)
    node, answers = t.start, {}
    while node in t.questions:
        q = t.questions[node]
        value = known.get(node, "not-sure")  # a date question's too: no date
        option = next((o for o in edges(q) if o.value == value), None)
        assert option is not None, (node, value)
        answers[node] = value
        node = option.next
    return node, answers


SCHEMES = [
    {"scheme": "employer"},
    {"scheme": "retired"},
    {"scheme": "not-sure"},
    {"scheme": "self-employed"},
]


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s["scheme"])
@pytest.mark.parametrize(
    "fact, expected",
    [
        ({"what-changed": "moved"}, "account-transferred"),
        ({"what-changed": "two-balances"}, "two-balances"),
        ({"what-changed": "family"}, "family-mutual-aid"),
    ],
)
def test_the_scheme_and_one_fact_reach_the_outcome_that_fact_decides(scheme, fact, expected):
    assert knowing("zero-balance", {**scheme, **fact})[0] == expected


@pytest.mark.parametrize(
    "tree, fact, expected",
    [
        # the first question has an answer for "I left my job"
        ("zero-balance", {"scheme": "left-job", "after-job": "benefit"}, "unemployment-benefit"),
        ("zero-balance", {"scheme": "retired-short"}, "retiree-short-years"),
        # more than 20 visits without saying the card worked
        (
            "which-category",
            {"where": "home", "other-situations": "many-visits"},
            "frequent-outpatient",
        ),
        # a birth elsewhere: both claims
        (
            "which-category",
            {"where": "elsewhere", "why-elsewhere": "birth", "birth-bills": "both"},
            "delivery-and-newborn",
        ),
        ("which-category", {"where": "home", "settle-problem": "injury"}, "injury"),
        ("balance-dropped", {"what": "negative", "taken-back": "yes"}, "reversal"),
    ],
)
def test_a_fact_reaches_its_outcome_whatever_not_sure_came_before(tree, fact, expected):
    assert knowing(tree, fact)[0] == expected


def test_where_looked_names_both_hotlines():
    label = api.load_tree("zero-balance").questions["where-looked"].option("medical").label
    for text in (label.get("en"), label.get("zh")):
        assert "12393" in text and "12333" in text


# --- the national rules where they apply ---------------------------------------------

ARTICLES = {
    "retiree-short-years": ("law-art-27", "第二十七条"),
    "unemployment-benefit": ("law-art-48", "第四十八条"),
    "contributions-stopped": ("law-art-48", "第四十八条"),
    "work-injury": ("law-art-30", "第三十条"),
    "injury": ("law-art-30", "第三十条"),
    "injury-check": ("law-art-30", "第三十条"),
    "pension-only": ("law-art-58", "第五十八条"),
    "inpatient-only": ("law-art-58", "第五十八条"),
}


def test_law_articles_are_cited_where_they_apply(walked):
    seen = set()
    for case in walked:
        oid = case.outcome["id"]
        if oid in ARTICLES:
            ref, zh = ARTICLES[oid]
            assert ref in {s["id"] for s in case.outcome["sources"]}, case
            assert case.lang == "en" or zh in case.text, case
            seen.add(oid)
    assert seen == set(ARTICLES)


def test_a_work_injury_goes_to_work_injury_insurance(walked):
    found = [c for c in walked if c.outcome["id"] == "work-injury"]
    assert found and all(
        ("工伤保险" in c.text) if c.lang == "zh" else ("work-injury insurance" in c.text)
        for c in found
    )
    assert any(c.answers.get("injury-cause") == "at-work" for c in found)


FAMILY_ONLY = re.compile(r"spouse, parents and children|配偶、父母和子女|配偶、父母、子女")


def test_family_mutual_aid_names_close_relatives(walked):
    for case in walked:
        if "family mutual aid" in case.text or "家庭共济" in case.text:
            if FAMILY_ONLY.search(case.text) or case.outcome["id"] in (
                "family-mutual-aid",
                "family-use",
                "cash-out",
            ):
                assert ("close relatives" in case.text) or ("近亲属" in case.text), case


# --- the review of issue 19, round 1 ---------------------------------------------------

# "The pooled fund pays as usual" is a promise: the sentence that makes it names its
# condition (contributions up to date, paid in the enrolment period, unemployment
# benefit drawn, no third party to pay), never stands alone (defects 2-4).
AS_USUAL = re.compile(
    r"照常支付|照常报销|照样结算|pays as usual|runs as usual|fund (?:still pays|keeps paying)"
)
CONDITION = re.compile(
    r"缴费正常|缴费状态正常|按时缴费|领取失业保险金期间|没有第三人责任"
    r"|contributions are up to date|enrolment period|while the benefit is drawn"
    r"|nobody else was involved"
)
# A sentence: up to a full stop (a semicolon's clause keeps the condition before it).
SENTENCE = re.compile(r"[^。！？\n]+[。！？]?|[^.!?\n]+[.!?]?")


def unconditional(text: str) -> list[str]:
    return [
        s.strip() for s in SENTENCE.findall(text) if AS_USUAL.search(s) and not CONDITION.search(s)
    ]


def test_the_pooled_fund_is_never_promised_without_its_condition(walked):
    for case in walked:
        assert unconditional(case.text) == [], case


def test_the_condition_check_itself():
    assert unconditional("这与医保无关，统筹基金照常支付。") != []
    assert unconditional("看错账户不影响医保待遇；只要缴费正常，统筹基金照常支付。") == []
    assert unconditional("Nothing here affects you; the pooled fund pays as usual.") != []
    assert unconditional("While your contributions are up to date, it pays as usual.") == []


# A drop in the money put in is normal only when it came with the 2021 reform; a later
# drop, a stop, or not knowing when goes to the contribution record (defect 1).
@pytest.mark.parametrize(
    "tree, before",
    [
        ("zero-balance", {"scheme": "employer", "pharmacy": "used-to"}),
        ("balance-dropped", {}),
    ],
)
@pytest.mark.parametrize(
    "when, expected_zero, expected_dropped",
    [
        ("reform", "policy-change", "smaller-crediting"),
        ("recent", "check-contributions", "check-contributions"),
        ("stopped", "check-contributions", "check-contributions"),
        ("not-sure", "check-contributions", "check-contributions"),
    ],
)
def test_less_money_put_in_is_normal_only_with_the_reform(
    tree, before, when, expected_zero, expected_dropped
):
    first = (
        {"what-changed": "less-credited"} if tree == "zero-balance" else {"what": "less-credited"}
    )
    found = knowing(tree, {**before, **first, "when-less": when})[0]
    assert found == (expected_zero if tree == "zero-balance" else expected_dropped)


NORMAL = re.compile(r"not an error|并不是出错|是正常的")


def test_only_the_reform_route_calls_a_drop_normal(walked):
    for case in walked:
        if case.answers.get("what-changed") == "less-credited" or (
            case.answers.get("what") == "less-credited"
        ):
            normal = bool(NORMAL.search(case.text))
            assert normal == (case.answers.get("when-less") == "reform"), case


def test_a_stop_or_arrears_is_sent_to_the_record_and_the_employer(walked):
    found = [c for c in walked if c.outcome["id"] == "check-contributions"]
    assert {c.tree for c in found} == {"zero-balance", "balance-dropped"}
    for case in found:
        assert ("欠缴" in case.text) if case.lang == "zh" else ("arrears" in case.text)
        assert "12393" in case.text and "law-art-58" in {s["id"] for s in case.outcome["sources"]}


# Treated elsewhere and not sure why: filing, which cannot wait, comes first (defect 5).
def test_not_sure_why_treated_elsewhere_still_hears_about_filing(walked):
    found = [c for c in walked if c.answers.get("why-elsewhere") == "not-sure"]
    assert found and {c.outcome["id"] for c in found} == {"file-and-ask"}
    for case in found:
        assert (
            ("出院结算前" in case.text) if case.lang == "zh" else ("before you leave" in case.text)
        )


# A card left at home outside an emergency: settle the bill again (defect 6).
def test_a_forgotten_card_reaches_settle_again():
    assert knowing("which-category", {"where": "home", "settle-problem": "forgot-card"})[0] == (
        "settle-again"
    )
    away = {"where": "elsewhere", "settled-there": "paid-in-full", "why-elsewhere": "other"}
    assert knowing("which-category", {**away, "settle-problem": "forgot-card"})[0] == (
        "settle-again"
    )


def test_settle_again_says_what_to_do_when_it_is_too_late(walked):
    for case in walked:
        if case.outcome["id"] == "settle-again":
            assert (
                ("退费重结" in case.text) and ("办不了" in case.text)
                if case.lang == "zh"
                else ("can no longer settle again" in case.text)
            ), case


# No talk of lists, articles or readings a person cannot place, in any view (defect 8).
META = re.compile(
    r"清单未列|清单没有|此为推断|原文|原规定|较早的文章|有文章|文章举|推断"
    r"|not listed|our reading|one article|older articles|the checklist does not"
    r"|the original rule|the article does not",
    re.IGNORECASE,
)


def test_no_talk_about_sources_in_outcomes(walked):
    for case in walked:
        assert META.findall(case.text) == [], case


@pytest.mark.parametrize("lang", LANGS)
def test_no_talk_about_sources_on_the_sheets_or_the_estimate(lang):
    sheets = api.render("docs", api.docs(None, lang=lang), "text")
    view = api.estimate(8000, threshold=500, lang=lang)
    estimate = api.render("estimate", view, "text")
    assert META.findall(sheets) == [] and META.findall(estimate) == []


# Filing is a cross-province rule; within a province it differs (defect 12).
def test_filing_is_required_across_provinces_and_asked_about_within_one(walked):
    for case in walked:
        if case.outcome["id"] == "elsewhere-filing":
            said = (
                ("各省规定不同" in case.text)
                if case.lang == "zh"
                else ("differs by province" in case.text)
            )
            assert said, case


def test_a_retiree_is_never_promised_cover_without_the_minimum_years():
    help_ = api.load_tree("zero-balance").questions["scheme"].help
    assert help_ is not None and "minimum" in help_.get("en") and "最低年限" in help_.get("zh")
    for tree in DECISION_TREES:
        for path in (TREES / f"{tree}.yaml",):
            text = path.read_text(encoding="utf-8")
            assert "goes on without further payments" not in text
            assert "不用再缴费也继续有效" not in text


# --- the estimate ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt, width", [("text", 80), ("terminal", 40), ("terminal", 80)])
def test_the_estimate_names_the_policy_scope_and_the_unit(lang, fmt, width):
    view = api.estimate(8000, threshold=500, items={"class-b": 1000}, lang=lang)
    shown = api.render("estimate", view, fmt, width=width)
    scope, unit = ("政策范围内", "元") if lang == "zh" else ("policy scope", "yuan")
    assert scope in view["applies_to"] and scope in shown
    flat = " ".join(shown.split())
    # every figure with its unit: after it, or in the head of the table's column
    heads = [msg(k, lang) for k in ("est_amount", "est_paid")]
    assert all(unit in h for h in heads)
    in_table = all(h in shown for h in heads)
    for figure in (view["total_paid"], view["own_share"]):
        after = re.search(rf"{re.escape(f'{figure:,.2f}')}\s*{unit}", flat)
        assert after or in_table, (figure, flat)
    if fmt == "text":  # the totals stand as sentences, under the table
        assert all(
            re.search(rf"{re.escape(f'{f:,.2f}')} {unit}", flat)
            for f in (view["total_paid"], view["own_share"])
        )


# --- the Chinese --------------------------------------------------------------------

# What may stand in Latin letters in Chinese text: the app's name, a bank machine, the
# program's name, and commands a person types (a line that starts with one, an --answer,
# or "medbal docs 3" in a sentence).
LATIN_OK = {"App", "ATM", "medbal"}  # medbal: the program's own name
LATIN = re.compile(r"[A-Za-z][A-Za-z-]*")
COMMAND_LINE = re.compile(r"^\s*(?:medbal |--answer )")
IN_TEXT = re.compile(r"medbal docs (?:\d+|序号)")


def latin_words(text: str) -> list[str]:
    lines = (IN_TEXT.sub("", line) for line in text.splitlines() if not COMMAND_LINE.match(line))
    return [w for line in lines for w in LATIN.findall(line) if w not in LATIN_OK]


def chinese_views() -> Iterator[tuple[str, str]]:
    """(what, the Chinese text a person reads) for docs, tree show and the estimate."""
    yield "docs --all", api.render("docs", api.docs(None, lang="zh"), "text")
    yield "docs overview", api.render("docs-overview", api.docs(None, lang="zh"), "text")
    yield "docs markdown", api.render("docs", api.docs(None, lang="zh"), "markdown")
    view = api.estimate(8000, threshold=500, items={"class-b": 1000}, lang="zh")
    yield "estimate", api.render("estimate", view, "text")
    from medbal.present.authoring import outline_text, outline_view

    for tree in DECISION_TREES:
        yield f"tree show {tree}", outline_text(outline_view(api.load_tree(tree), "zh"))


def test_no_english_id_or_slug_in_chinese_outcomes(walked):
    for case in walked:
        if case.lang == "zh":
            assert latin_words(case.text) == [], case


@pytest.mark.parametrize("what, text", list(chinese_views()), ids=lambda x: x[:20])
def test_no_english_id_or_slug_in_other_chinese_views(what, text):
    assert latin_words(text) == [], what


def test_the_latin_check_itself():
    assert latin_words("简称 short-trip") == ["short-trip"]
    assert latin_words("  1. 单位缴纳\n     --answer scheme=employer") == []
    assert latin_words("要带的材料：medbal docs 1") == []
    assert latin_words("国家医保服务平台 App，12393") == []


# domain.md section 8 and the terms of section 9: the variant on the left never appears.
FORBIDDEN = [
    ("医保中心", "医保经办机构"),
    ("社保中心", "医保经办机构"),
    ("医保局", "医保经办机构"),
    ("交费", "缴费"),
    ("交一次", "缴一次"),
    ("医保 App", "国家医保服务平台 App"),
    ("官方 App", "国家医保服务平台 App"),
    ("医保相关的 App", "国家医保服务平台 App"),
    ("英译本", "describe the article"),
    ("门诊共济", "门诊统筹 (only inside the 2021 document's title)"),
    ("断保", "断缴"),
    ("停缴", "断缴"),
    ("社保卡服务机构", "社保卡管理部门 / 社保卡服务网点"),
    ("发卡银行", "合作银行"),
    ("来源", "describe the source"),
    ("地税", "税务部门 (only where the old rule is quoted)"),
]
PATTERNS = [
    (re.compile(r"第\s*\d+\s*条"), "law articles in Chinese numerals (第二十九条)"),
    (re.compile(r"类别\s*\d"), "第 N 类"),
    (re.compile(r"(?<!参考)资料"), "no talk of 资料 a citizen cannot place"),
    (re.compile(r"(?<!社保卡)服务网点"), "服务网点 only as 社保卡服务网点"),
    (re.compile(r"先(?:自己)?自付|自付[^。；！？]*(?:报销|垫付)"), "先全额垫付, not 自付"),
    (re.compile(r"[\"']"), "“” quotes"),
]
# Where a variant is quoted on purpose: a document's own title, an old rule named as old.
ALLOWED = [
    "《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》",
    "原规定写的是到地方税务机关",
]


def term_defects(text: str) -> list[str]:
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    found = [f"{bad} (use {good})" for bad, good in FORBIDDEN if bad in text]
    found += [f"{p.pattern} ({why})" for p, why in PATTERNS if p.search(text)]
    if "医保卡" in text and "社保卡（医保卡）" not in text:
        found.append("医保卡 without 社保卡（医保卡）")
    return found


def test_the_term_check_itself():
    assert term_defects("请到医保中心办理") == ["医保中心 (use 医保经办机构)"]
    assert any("Chinese numerals" in d for d in term_defects("社会保险法第 29 条"))
    assert term_defects("《中华人民共和国社会保险法》第二十九条") == []
    assert term_defects("参考资料") == [] and term_defects("资料没有写明") != []
    assert term_defects("社保卡服务网点") == [] and term_defects("服务网点") != []
    assert term_defects("期间自付的费用按第 6 类报销。") != []


def test_chinese_outcomes_use_one_term_per_concept(walked):
    seen: dict[str, list[str]] = {}
    for case in walked:
        if case.lang == "zh" and case.outcome["id"] not in seen:
            seen[case.outcome["id"]] = term_defects(case.text)
    assert {k: v for k, v in seen.items() if v} == {}


@pytest.mark.parametrize("what, text", list(chinese_views()), ids=lambda x: x[:20])
def test_other_chinese_views_use_one_term_per_concept(what, text):
    assert term_defects(text) == [], what


def zh_values(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if set(node) >= {"en", "zh"} and isinstance(node["zh"], str):
            yield node["zh"]
        for value in node.values():
            yield from zh_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from zh_values(value)


@pytest.mark.parametrize("path", sorted(TREES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_chinese_text_in_the_trees_uses_one_term_per_concept(path):
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {t: d for t in zh_values(data) if (d := term_defects(t))} == {}


def test_the_interface_texts_use_one_term_per_concept():
    defects = {}
    for name in SECTIONS:
        for key, zh in section(name, "zh").items():
            if key == "batch_not_object":  # a JSON example keeps JSON's quotation marks
                continue
            if found := term_defects(zh):
                defects[key] = found
    assert defects == {}
