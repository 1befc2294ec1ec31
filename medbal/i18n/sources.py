"""Every source a tree may cite, as a reader sees it: its own title and where it comes from.

A citizen reads "Why the balance of social security payments is 0, a web article"
rather than an internal number; a law or policy is named with its document number.
The ids and their kinds are here, the titles words of each language (medbal/i18n/words:
SOURCES).  `medbal tree validate` refuses an id that is not listed here (local:NAME
excepted: a regional overlay names its own document).  The seeds are the articles kept with
the team under shared/seeds/; the national documents are those of
shared/domain.md section 7.
"""

from __future__ import annotations

import re

from medbal.i18n import words
from medbal.i18n.typeset import aside, listing, marks  # how a language puts names together

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
    return ref in KINDS


def is_article(ref: str) -> bool:
    """Whether a source is background reading (a seed web article) rather than a law, an
    official document or a regional rule: the two are listed under their own headings."""
    return kind(ref) == "article"


def is_channel(ref: str) -> bool:
    """Whether a source is an official channel (the national app, the 12393 hotline): a
    place the national rule is published and asked about, listed apart from the laws and
    documents under 依据, which are for those alone."""
    return kind(ref) == "channel"


def label(ref: str, lang: str) -> str:
    """A source as a reader sees it: its title and where it comes from, in one language."""
    if ref.startswith("local:"):
        return ref.removeprefix("local:").strip()
    if m := _LAW.fullmatch(ref):
        return law_label([int(m.group(1))], lang)
    title, origin = words.of(lang).SOURCES[ref]
    return aside(title, origin, lang) if origin else title  # a title that says it all


def law_article(ref: str) -> int | None:
    """The article number of a `law-art-N` id, else None."""
    m = _LAW.fullmatch(ref)
    return int(m.group(1)) if m else None


def law_label(articles: list[int], lang: str) -> str:
    """Articles of the Social Insurance Law under one name, as a reader cites them:
    "Social Insurance Law of the PRC, Arts. 4 and 74" / "《…》第四条、第七十四条"."""
    said = words.of(lang).INTERFACE
    numerals = chinese_number if marks(lang).numerals == "han" else str
    cited = [said["law_article"].format(n=numerals(n)) for n in articles]
    if len(cited) == 1:
        return str(said["law_one"].format(article=cited[0]))
    return str(said["law_many"].format(articles=listing(cited[:-1], lang), last=cited[-1]))


# --- Regions and kinds of source: what makes a rule regional or national ---------------
# Kept in a block of its own (the catalogue above grows as sources are added).
# medbal.files.regions reads a rule's `region:` against REGIONS, and refuses a category,
# deadline or guidance item that names no region and cites no national document.

# The regions a rule may name (`region: ID`); their names and rules are words of each
# language (medbal/i18n/words: REGIONS).  The name says where; the rule is how a tag after
# a text names it: "... (Xiamen rule; confirm locally)" / "……（厦门的规定，请向当地确认）".
REGIONS = ("xiamen", "zigui", "older-local", "many-places")
# Written where a region is expected: "not a regional rule" (it must cite a national
# document), for a rule inside a file or an entry whose region it would otherwise inherit.
NATIONAL = "national"

# What each source is.  A rule is national when it cites a `law` (law-art-N) or a
# `national` document; an `article` (the seeds: web articles, one place's practice at
# best) or a `local` document (local:NAME, an overlay's own) does not make it so.  A
# `channel` (the national app, the national hotline) is national too, but no document:
# it is shown under a heading of its own.
# Every source a tree may cite is here: its title, in each language, is words'
# (medbal/i18n/words: SOURCES, the same ids; tests/i18n/test_catalogue.py checks).
KINDS: dict[str, str] = {
    "seed-000": "article",
    "seed-001": "article",
    "seed-002": "article",
    "seed-003": "article",
    "seed-004": "article",
    "gov-2021-14": "national",
    "gov-2024-38": "national",
    "nhsa-2022-22": "national",
    "nhsa-12393": "channel",
    "nhsa-app": "channel",
    "reform-2018": "national",
    "gov-2019-10": "national",
    "gov-1998-44": "national",
    "scope-in-policy": "national",
}
NATIONAL_KINDS = ("law", "national", "channel")


def kind(ref: str) -> str:
    """'law', 'national', 'channel', 'article' or 'local' ('' for an id the catalogue
    lacks)."""
    if ref.startswith("local:"):
        return "local"
    if _LAW.fullmatch(ref):
        return "law"
    return KINDS.get(ref, "")


def is_national(ref: str) -> bool:
    """Whether citing `ref` makes a rule national: a law or a national document."""
    return kind(ref) in NATIONAL_KINDS
