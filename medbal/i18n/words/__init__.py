"""The words medbal itself says, one module of data per language: en.py, zh.py.

A language medbal speaks is one line in medbal.core.langs.LANGS, its module here
(named by its code, a hyphen written `_`: `en_GB.py` for en-GB) and its field in every
text of trees/.  Each module is plain data, Python literals (they load fastest, from
bytecode; no YAML on the start-up path), with the same names and the same keys in every
language (tests/i18n/test_catalogue.py checks):

- INTERFACE: the headings, prompts and hints every tree shares;
- ERRORS: every message of a MedbalError, and the start-up words;
- PAGE: the web page's own words (`medbal page` hands exactly these to its script);
- SOURCES: each source a tree may cite, as (its title, where it comes from);
- REGIONS: each region of medbal.i18n.sources.REGIONS, and national, as (its name, how
  a tag names its rule);
- MARKS: how the language punctuates and lays out what medbal puts together (a Marks,
  below): the language's typography, in this one place.

A template fills {fields} as medbal.i18n.catalogue.msg says.  Only the languages a call
uses are imported, on first use.
"""

from __future__ import annotations

from types import ModuleType
from typing import NamedTuple

from medbal.core.langs import LANGS


class Marks(NamedTuple):  # a NamedTuple, not a dataclass: a fifth of the import time
    """How one language punctuates and lays out what medbal puts together from parts;
    medbal.i18n.typeset applies them."""

    name: str  # the language in its own words, as a language switch offers it
    colon: str  # after a label: "Sources: " / "依据："
    clauses: str  # between items that are clauses or titles: "a; b" / "a；b"
    items: str  # between the items of a list of names or ids: "a, b" / "a、b"
    sentences: str  # between sentences run into one paragraph: "A. B." / "甲。乙。"
    quotes: tuple[str, str]  # around data quoted in a message: 'x' / “x”
    aside: str  # a note after a name: "Title (origin)" / "标题（出处）"
    plural: str  # added to a unit word when the count is not 1: "7 days" / "7 天"
    html: str  # the HTML lang tag
    han: bool  # laid out by the Chinese rules (spacing, line breaks: medbal.i18n.typeset)
    numerals: str  # how a law's article is numbered: "arabic" (Art. 28) or "han" (第二十八条)
    date: str  # a day written out: "20 November 2026" / "2026 年 11 月 20 日"
    months: tuple[str, ...] = ()  # the months' names the date uses ({month}), from January


_LOADED: dict[str, ModuleType] = {}


def of(lang: str) -> ModuleType:
    """The words module of `lang` (the first language's for one medbal does not have)."""
    module = _LOADED.get(lang)
    if module is None:
        code = lang if lang in LANGS else LANGS[0]
        name = f"medbal.i18n.words.{code.replace('-', '_')}"
        module = _LOADED[lang] = __import__(name, fromlist=["MARKS"])
    return module
