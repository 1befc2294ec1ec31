"""The checked, immutable model that the loader builds from YAML.

Nothing here reads files or prints: the engine and every renderer work on these
types only.  Texts a person reads are `Text` values carrying both languages.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

LANGS = ("en", "zh")
# Han characters and CJK punctuation (、。，：；（）…), as a regex character range.
CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"


@dataclass(frozen=True)
class Text:
    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Dates:
    """How current a rule is: checked when, valid from and until, resting on what."""

    where: str = ""  # FILE:LINE:COL of the entry, for review warnings
    reference: Text | None = None
    reviewed: datetime.date | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None


NO_DATES = Dates()


@dataclass(frozen=True)
class Review:
    """A file's own review date (the default for its entries) and window."""

    where: str = ""
    reviewed: datetime.date | None = None
    months: int = 12


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    next: str


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    options: tuple[Option, ...]
    help: Text | None = None

    def option(self, value: str) -> Option | None:
        for opt in self.options:
            if opt.value == value:
                return opt
        return None


@dataclass(frozen=True)
class Outcome:
    id: str
    title: Text
    explanation: Text
    next_steps: tuple[Text, ...]
    where_to_check: tuple[Text, ...]
    sources: tuple[str, ...]
    pooled_fund: Text | None = None  # when the pooled fund still pays
    caveat: Text | None = None  # where the sources are vague or disagree
    checklist: int | None = None  # a reimbursement category this outcome leads to
    dates: Dates = NO_DATES


@dataclass(frozen=True)
class Tree:
    id: str
    title: Text
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    path: str = ""
    description: Text | None = None
    review: Review = field(default_factory=Review)


@dataclass(frozen=True)
class Deadline:
    """A time rule of a category, as data and as text.

    kind: `within` (act within N units of an event), `at-least` (a minimum
    duration), `in-advance` (before treatment) or `after` (not before an event).
    amount and unit are None where the source gives no number.
    """

    kind: str
    text: Text
    amount: int | None = None
    unit: str | None = None
    event: Text | None = None


@dataclass(frozen=True)
class Document:
    id: str
    text: Text
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Variant:
    id: str
    title: Text
    applies_when: Text
    documents: tuple[Document, ...]
    conditions: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Category:
    number: int
    slug: str
    title: Text
    applies_when: Text
    documents: tuple[Document, ...]
    sources: tuple[str, ...]
    deadlines: tuple[Deadline, ...] = ()
    conditions: tuple[Text, ...] = ()
    variants: tuple[Variant, ...] = ()
    notes: tuple[Text, ...] = ()
    dates: Dates = NO_DATES


@dataclass(frozen=True)
class Step:
    text: Text
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Checklists:
    id: str
    title: Text
    region: Text
    region_note: Text
    categories: tuple[Category, ...]
    common_documents: tuple[Document, ...]
    claim_steps: tuple[Step, ...]
    legal_basis: tuple[Step, ...]
    sources: tuple[str, ...] = ()
    path: str = ""
    review: Review = field(default_factory=Review)

    def find(self, key: str) -> Category | None:
        """A category by its number ("3") or slug ("short-trip")."""
        key = key.strip().lower()
        for cat in self.categories:
            if str(cat.number) == key or cat.slug == key:
                return cat
        return None


@dataclass(frozen=True)
class Band:
    """A slice of the bill, from the previous band's top (or 0) up to `up_to`."""

    up_to: Decimal | None  # None: no top (up to the cap, if any)
    rate: Decimal  # percent


@dataclass(frozen=True)
class RateItem:
    id: str
    label: Text
    rate: Decimal  # percent


@dataclass(frozen=True)
class Region:
    id: str
    name: Text
    applies_to: Text
    bands: tuple[Band, ...]
    reading: Text
    sources: tuple[str, ...]
    threshold: Decimal | None = None  # None: the source gives no figure
    cap: Decimal | None = None  # None: the source gives no figure
    items: tuple[RateItem, ...] = ()
    dates: Dates = NO_DATES


@dataclass(frozen=True)
class Rates:
    id: str
    title: Text
    default_region: str
    regions: dict[str, Region]
    path: str = ""
    review: Review = field(default_factory=Review)
