"""Every source a tree may cite, as a reader sees it: its own title and where it comes from.

A citizen reads "Why the balance of social security payments is 0, a web article"
rather than an internal number; a law or policy is named with its document number.
`medbal tree validate` refuses an id that is not listed here (local:NAME excepted:
a regional overlay names its own document).  The seeds are the articles kept with
the team under shared/seeds/; the national documents are those of
shared/domain.md section 7.
"""

from __future__ import annotations

import re

from medbal.core.langs import LANGS
from medbal.i18n.typeset import aside  # how a language puts a note after a name

# id: ((title en, where from en), (title zh, where from zh))
CATALOGUE: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "seed-000": (
        (
            '"Why the balance of social security payments is 0"',
            "web article in English translation, site not named",
        ),
        ("《社保缴费余额为什么是 0》", "网络文章英译本，未注明网站"),
    ),
    "seed-001": (
        (
            '"Medical insurance personal account: why the balance is 0"',
            "question-and-answer web page in English translation, site not named",
        ),
        ("《医保个人账户余额为 0 的原因》", "网络问答页面英译本，未注明网站"),
    ),
    "seed-002": (
        (
            '"I paid medical insurance, but the balance was 0"',
            'a job-recruitment website, section "Social security inquiry", English translation',
        ),
        ("《缴了医保，余额却是 0》", "某招聘求职网站“社保查询”栏目，英译本"),
    ),
    "seed-003": (
        (
            '"Medical-insurance balance goes down for no reason"',
            "web article compiled from online answers, 22 June 2023, site not named",
        ),
        ("《医保余额无故减少》", "网络汇编文章，2023 年 6 月 22 日，未注明网站"),
    ),
    "seed-004": (
        (
            '"How to reimburse medical expenses for social security in a different place"',
            'a job-recruitment website, section "Social security inquiry", English translation',
        ),
        ("《异地社保医疗费用怎么报销》", "某招聘求职网站“社保查询”栏目，英译本"),
    ),
    "gov-2021-14": (
        (
            "Guiding Opinions of the General Office of the State Council on Establishing an "
            "Outpatient Mutual-Aid Mechanism for Employee Basic Medical Insurance",
            "Guo Ban Fa [2021] No. 14",
        ),
        (
            "《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》",
            "国办发〔2021〕14号",
        ),
    ),
    "gov-2024-38": (
        (
            "Guiding Opinions of the General Office of the State Council on a Long-Term "
            "Mechanism for Enrolment in Basic Medical Insurance",
            "Guo Ban Fa [2024] No. 38",
        ),
        ("《国务院办公厅关于健全基本医疗保险参保长效机制的指导意见》", "国办发〔2024〕38号"),
    ),
    "nhsa-2022-22": (
        (
            "Notice on Further Improving Cross-Province Direct Settlement of Basic Medical "
            "Insurance Costs",
            "Yi Bao Fa [2022] No. 22",
        ),
        ("《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》", "医保发〔2022〕22号"),
    ),
    "nhsa-12393": (
        (
            "12393, the national medical-insurance service hotline",
            "National Healthcare Security Administration",
        ),
        ("12393 医保服务热线", "国家医疗保障局"),
    ),
    "nhsa-app": (
        (
            "National Medical Insurance Service Platform app and the medical-insurance e-voucher",
            "National Healthcare Security Administration",
        ),
        ("国家医保服务平台 App 和医保电子凭证", "国家医疗保障局"),
    ),
    "reform-2018": (
        (
            "2018 State Council institutional reform, and the move of social-insurance "
            "collection to the tax authorities from 2019",
            "State Council, 2018",
        ),
        ("2018 年国务院机构改革，以及 2019 年起社会保险费改由税务部门征收", "国务院，2018 年"),
    ),
}

# The Social Insurance Law of the PRC (2010, amended 2018) has 98 articles.
LAW_ARTICLES = range(1, 99)
_LAW = re.compile(r"law-art-(\d+)")
_LAW_LABEL = ("Social Insurance Law of the PRC, Art. {n}", "《中华人民共和国社会保险法》第 {n} 条")


def known(ref: str) -> bool:
    """Whether a source id names something a reader can be shown."""
    if ref.startswith("local:"):
        return bool(ref.removeprefix("local:").strip())
    if m := _LAW.fullmatch(ref):
        return int(m.group(1)) in LAW_ARTICLES
    return ref in CATALOGUE


def label(ref: str, lang: str) -> str:
    """A source as a reader sees it: its title and where it comes from, in one language."""
    if ref.startswith("local:"):
        return ref.removeprefix("local:").strip()
    if m := _LAW.fullmatch(ref):
        return _in(lang, *_LAW_LABEL).format(n=int(m.group(1)))
    (title_en, origin_en), (title_zh, origin_zh) = CATALOGUE[ref]
    return aside(_in(lang, title_en, title_zh), _in(lang, origin_en, origin_zh), lang)


def _in(lang: str, *texts: str) -> str:
    """The text in `lang` of texts given in the order of LANGS (the first for another)."""
    return texts[LANGS.index(lang)] if lang in LANGS else texts[0]


# --- Regions and kinds of source: what makes a rule regional or national ---------------
# Kept in a block of its own (the catalogue above grows as sources are added).
# medbal.files.regions reads a rule's `region:` against REGIONS, and refuses a category,
# deadline or guidance item that names no region and cites no national document.

# id: ((name en, rule en), (name zh, rule zh)).  The name says where; the rule is how
# a tag after a text names it: "... (Xiamen rule; confirm locally)" /
# "……（厦门的规定，请向当地核实）".
REGIONS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "xiamen": (("Xiamen, Fujian", "Xiamen rule"), ("福建省厦门市", "厦门的规定")),
    "zigui": (("Zigui County, Hubei", "Zigui County rule"), ("湖北省秭归县", "秭归县的规定")),
    # Seed 003's older rules (an approval valid one year, two or three hospitals): the
    # article does not say whose they were.
    "older-local": (
        ("a place the source does not name", "an older rule of one place"),
        ("资料未注明的某地", "某地早年的规定"),
    ),
}
# Written where a region is expected: "not a regional rule" (it must cite a national
# document), for a rule inside a file or an entry whose region it would otherwise inherit.
NATIONAL = "national"

# What each source is.  A rule is national when it cites a `law` (law-art-N) or a
# `national` document; an `article` (the seeds: web articles, one place's practice at
# best) or a `local` document (local:NAME, an overlay's own) does not make it so.
# Every id of CATALOGUE has a kind here (tests/files/test_regions.py checks).
KINDS: dict[str, str] = {
    "seed-000": "article",
    "seed-001": "article",
    "seed-002": "article",
    "seed-003": "article",
    "seed-004": "article",
    "gov-2021-14": "national",
    "gov-2024-38": "national",
    "nhsa-2022-22": "national",
    "nhsa-12393": "national",
    "nhsa-app": "national",
    "reform-2018": "national",
}
NATIONAL_KINDS = ("law", "national")


def kind(ref: str) -> str:
    """'law', 'national', 'article' or 'local' ('' for an id the catalogue lacks)."""
    if ref.startswith("local:"):
        return "local"
    if _LAW.fullmatch(ref):
        return "law"
    return KINDS.get(ref, "")


def is_national(ref: str) -> bool:
    """Whether citing `ref` makes a rule national: a law or a national document."""
    return kind(ref) in NATIONAL_KINDS


def region_words(region_id: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """((name en, rule en), (name zh, rule zh)) of a region of the catalogue, else None."""
    return REGIONS.get(region_id)
