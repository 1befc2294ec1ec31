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
    # The seed articles are web pages, not rules: a reader sees what each is about and
    # where it was found (no invented Chinese title for the English ones), under the
    # heading of background reading (参考资料), apart from the laws and documents.
    "seed-000": (
        (
            '"Why the balance of social security payments is 0"',
            "web article, English machine translation",
        ),
        ("一篇讲余额为 0 的原因和厦门十一类报销的网络文章", "英文机器译文"),
    ),
    "seed-001": (
        (
            '"Medical insurance personal account: why the balance is 0"',
            "collected web answers, English machine translation",
        ),
        ("几则讲医保个人账户余额为 0 的网上问答", "英文机器译文"),
    ),
    "seed-002": (
        (
            '"I paid medical insurance, but the balance was 0"',
            "job-recruitment website, English machine translation",
        ),
        ("招聘求职网站上一篇讲缴了医保余额却为 0 的文章", "英文机器译文"),
    ),
    "seed-003": (
        (
            '"Medical-insurance balance goes down for no reason"',
            "Chinese web article, 22 June 2023",
        ),
        ("网络文章《医保余额无故减少》", "2023 年 6 月 22 日"),
    ),
    "seed-004": (
        (
            '"How to reimburse medical expenses for social security in a different place"',
            "job-recruitment website, English machine translation",
        ),
        ("招聘求职网站上一篇讲异地就医费用怎样报销的文章", "英文机器译文"),
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
    "gov-2019-10": (
        (
            "Opinions of the General Office of the State Council on Fully Merging Maternity "
            "Insurance with Employee Basic Medical Insurance",
            "Guo Ban Fa [2019] No. 10",
        ),
        (
            "《国务院办公厅关于全面推进生育保险和职工基本医疗保险合并实施的意见》",
            "国办发〔2019〕10号",
        ),
    ),
    "gov-1998-44": (
        (
            "Decision of the State Council on Establishing the Basic Medical Insurance System "
            "for Urban Employees",
            "Guo Fa [1998] No. 44",
        ),
        ("《国务院关于建立城镇职工基本医疗保险制度的决定》", "国发〔1998〕44号"),
    ),
    "scope-in-policy": (
        (
            "Social Insurance Law of the PRC, Art. 28",
            "costs within the policy scope: the drug catalogue, the listed treatments and "
            "the service standards",
        ),
        (
            "《中华人民共和国社会保险法》第二十八条",
            "政策范围内费用：药品目录、诊疗项目和医疗服务设施标准",
        ),
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
            "National Medical Insurance Service Platform app and e-voucher",
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
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 to 99 in Chinese numerals, as law articles are cited: 27 is 二十七, 10 is 十."""
    tens, ones = divmod(n, 10)
    if not 0 < n < 100:
        raise ValueError(n)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def known(ref: str) -> bool:
    """Whether a source id names something a reader can be shown."""
    if ref.startswith("local:"):
        return bool(ref.removeprefix("local:").strip())
    if m := _LAW.fullmatch(ref):
        return int(m.group(1)) in LAW_ARTICLES
    return ref in CATALOGUE


def is_article(ref: str) -> bool:
    """Whether a source is background reading (a seed web article) rather than a law, an
    official document or a regional rule: the two are listed under their own headings."""
    return kind(ref) == "article"


def label(ref: str, lang: str) -> str:
    """A source as a reader sees it: its title and where it comes from, in one language."""
    if ref.startswith("local:"):
        return ref.removeprefix("local:").strip()
    if m := _LAW.fullmatch(ref):
        return law_label([int(m.group(1))], lang)
    (title_en, origin_en), (title_zh, origin_zh) = CATALOGUE[ref]
    return aside(_in(lang, title_en, title_zh), _in(lang, origin_en, origin_zh), lang)


def law_article(ref: str) -> int | None:
    """The article number of a `law-art-N` id, else None."""
    m = _LAW.fullmatch(ref)
    return int(m.group(1)) if m else None


def law_label(articles: list[int], lang: str) -> str:
    """Articles of the Social Insurance Law under one name, as a reader cites them:
    "Social Insurance Law of the PRC, Arts. 4 and 74" / "《…》第四条、第七十四条"."""
    if lang == "zh":
        cited = "、".join(f"第{chinese_number(n)}条" for n in articles)
        return f"《中华人民共和国社会保险法》{cited}"
    numbers = [str(n) for n in articles]
    if len(numbers) == 1:
        return f"Social Insurance Law of the PRC, Art. {numbers[0]}"
    return f"Social Insurance Law of the PRC, Arts. {', '.join(numbers[:-1])} and {numbers[-1]}"


def _in(lang: str, *texts: str) -> str:
    """The text in `lang` of texts given in the order of LANGS (the first for another)."""
    return texts[LANGS.index(lang)] if lang in LANGS else texts[0]


# --- Regions and kinds of source: what makes a rule regional or national ---------------
# Kept in a block of its own (the catalogue above grows as sources are added).
# medbal.files.regions reads a rule's `region:` against REGIONS, and refuses a category,
# deadline or guidance item that names no region and cites no national document.

# id: ((name en, rule en), (name zh, rule zh)).  The name says where; the rule is how
# a tag after a text names it: "... (Xiamen rule; confirm locally)" /
# "……（厦门的规定，请向当地确认）".
REGIONS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "xiamen": (("Xiamen, Fujian", "Xiamen rule"), ("福建省厦门市", "厦门的规定")),
    "zigui": (("Zigui County, Hubei", "Zigui County rule"), ("湖北省秭归县", "秭归县的规定")),
    # Seed 003's older rules (an approval valid one year, two or three hospitals): the
    # article does not say whose they were.
    "older-local": (
        ("a place the source does not name", "an older rule of one place"),
        ("未注明的某地", "某地早年的规定"),
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
    "gov-2019-10": "national",
    "gov-1998-44": "national",
    "scope-in-policy": "national",
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
