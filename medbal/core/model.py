"""The checked, immutable model that the loader builds from YAML.

Nothing here reads files or prints: the engine and every renderer work on these
types only.  Texts a person reads are `Text` values carrying every language.

One way to declare a record: a subclass of `Record`, a msgspec Struct, frozen.
Chosen over frozen slotted dataclasses by instruction counts (valgrind, Python
3.11, counted above `import typer`):

                                    importing     a 5,000-question tree
                                    the model     read from the cache
    hand-written Record (before)        +14 M         +600 M
    msgspec Struct                      +39 M         +330 M
    frozen slotted dataclasses         +110 M     (not measured: the import lost)

Dataclasses compile each generated method with exec: twenty classes cost more than
the rest of a one-shot call's own work.  msgspec costs 25 M more to import than the
hand-written records did; its C decoder checks a cached tree's types as it reads
(medbal.files.cache), which leaves time for the rules every loaded tree passes
(medbal.files.invariants) and still halves a large tree's load, and it writes
medbal's JSON, so the json module is no longer imported.  The records hold no
cycles, so the collector never tracks them (gc=False); they encode as positional
arrays (array_like), half the JSON of named fields.  msgspec comes through
medbal.core.structs, which keeps typing_extensions out of the import (13 M).

A one-shot `medbal diagnose -a scheme=yearly --format json`, over `import typer`:
1.572 before, 1.564 with these records, the checked cache and msgspec's JSON.
"""

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

from medbal.core.langs import CJK as CJK
from medbal.core.langs import LANGS as LANGS
from medbal.core.langs import UNSAFE_TEXT as UNSAFE_TEXT
from medbal.core.structs import msgspec


class Record(msgspec.Struct, frozen=True, array_like=True, gc=False, forbid_unknown_fields=True):
    """What every model type is: fields set once, compared and hashed by value."""


T = TypeVar("T", bound=Record)


def fields(cls: type[Record] | Record) -> tuple[str, ...]:
    """A model type's field names, in order."""
    return cls.__struct_fields__


def replace(obj: T, **changes: Any) -> T:
    """A copy of `obj` with some fields changed."""
    return msgspec.structs.replace(obj, **changes)


# A text in every language medbal declares (medbal.core.langs.LANGS): a mapping from
# each language to its words, never fixed fields, so a new language is data.  A cached
# entry decodes only with every declared language and no other (msgspec checks the keys
# and the count as it reads); the loader reads the same from a file's fields.
if TYPE_CHECKING:
    Words = dict[str, str]
else:
    Words = Annotated[
        dict[Literal[LANGS], str], msgspec.Meta(min_length=len(LANGS), max_length=len(LANGS))
    ]


class Text(Record, frozen=True, repr_omit_defaults=True):
    """A text a person reads, in every language: `words` maps each to its own; `region`
    where it is one region's rule (`region:` beside its words), else None."""

    words: Words
    region: "Place | None" = None  # defined below (a Place names its rule with a Text)

    def get(self, lang: str) -> str:
        """The text in `lang` (in the first language for one medbal does not have)."""
        return _in(self.words, lang)

    def __hash__(self) -> int:  # a dict does not hash: its items do, in any order
        return hash((frozenset(self.words.items()), self.region))


def _in(words: dict[str, str], lang: str) -> str:
    found = words.get(lang)
    return words[LANGS[0]] if found is None else found


class Place(Record, frozen=True):
    """Where a regional rule comes from: its name in every language, and the id of a
    region of medbal.i18n.sources.REGIONS or of one a file names inline.  `rule` is how
    a tag names it ("Xiamen rule"); None for a region named inline (the tag then says
    "rule of NAME").  The id "national" marks a rule as not regional where it would
    otherwise inherit a region (medbal.files.regions).  A record of its own, not a
    Text: a field typed Text holds a Text, as msgspec decodes it."""

    names: Words
    id: str
    rule: Text | None = None

    def get(self, lang: str) -> str:
        return _in(self.names, lang)

    def __hash__(self) -> int:
        return hash((frozenset(self.names.items()), self.id, self.rule))

    @property
    def regional(self) -> bool:
        return self.id != "national"


class Dates(Record, frozen=True):
    """How current a rule is: checked when, valid from and until, resting on what."""

    where: str = ""  # FILE:LINE:COL of the entry, for review warnings
    reference: Text | None = None
    reviewed: datetime.date | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None


NO_DATES = Dates()


class Review(Record, frozen=True):
    """A file's own review date (the default for its entries) and window."""

    where: str = ""
    reviewed: datetime.date | None = None
    months: int = 12


class Option(Record, frozen=True):
    value: str
    label: Text
    next: str


class Question(Record, frozen=True):
    """A question of a kind (medbal.core.kinds): a `choice` offers `options`, each leading
    on; a `date` asks for a day and leads on to `next`, its `label` saying what the
    date is ("the baby's date of birth") and `skip` the answer of a person who does not
    know the date or would rather not give it.  A field a kind does not use stays empty."""

    id: str
    text: Text
    options: tuple[Option, ...] = ()
    help: Text | None = None
    kind: str = "choice"
    next: str | None = None
    label: Text | None = None
    skip: Text | None = None

    def option(self, value: str) -> Option | None:
        for opt in self.options:
            if opt.value == value:
                return opt
        return None


class Due(Record, frozen=True):
    """The date an outcome's deadline falls on, counted from an answer: `question` is a
    date question on every path to the outcome, `deadline` the id of a deadline (with an
    amount and a unit) of a category the outcome leads to, whose region the date's tag
    names; `late` says what is still possible once the date has passed."""

    question: str
    deadline: str
    late: Text
    where: str = ""  # FILE:LINE:COL of `due:`, for the problems found against the checklists


class Outcome(Record, frozen=True):
    id: str
    title: Text
    explanation: Text
    next_steps: tuple[Text, ...]
    where_to_check: tuple[Text, ...]
    sources: tuple[str, ...]
    pooled_fund: Text | None = None  # when the pooled fund still pays
    caveat: Text | None = None  # where the sources are vague or disagree
    checklists: tuple[int, ...] = ()  # the reimbursement categories this outcome leads to
    dates: Dates = NO_DATES
    region: Place | None = None  # the outcome is one region's rule (the default of its texts)
    due: Due | None = None  # a deadline counted from a date the person gave

    @property
    def checklist(self) -> int | None:
        """The first of `checklists` (most outcomes lead to one category at most)."""
        return self.checklists[0] if self.checklists else None


class Tree(Record, frozen=True, tag=True):  # tagged: a cache entry says which
    id: str
    title: Text
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    path: str = ""
    description: Text | None = None
    review: Review = Review()


class Deadline(Record, frozen=True):
    """A time rule of a category, as data and as text.

    kind: `within` (act within N units of an event), `at-least` (a minimum
    duration), `in-advance` (before treatment), `after` (not before an event),
    `claim` (the claim itself must be made within N units of an event) or
    `not-stated` (the sources give no time limit: ask the agency).
    amount and unit are None where the source gives no number.
    """

    kind: str
    text: Text
    amount: int | None = None
    unit: str | None = None
    event: Text | None = None
    region: Place | None = None  # own; else its category's, else the file's
    sources: tuple[str, ...] = ()  # own; else its category's
    where: str = ""  # FILE:LINE:COL, for problems found on the whole file
    id: str | None = None  # how an outcome's `due:` names it


class Document(Record, frozen=True):
    id: str
    text: Text
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()  # common documents: the slugs they apply to; () = all


class Variant(Record, frozen=True):
    id: str
    title: Text
    applies_when: Text
    documents: tuple[Document, ...]
    conditions: tuple[Text, ...] = ()


class Category(Record, frozen=True):
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
    region: Place | None = None  # own; else the file's


class Step(Record, frozen=True):
    text: Text  # a step that is one region's rule: its text's region (`region:` on the step)
    sources: tuple[str, ...] = ()


class Guidance(Record, frozen=True):
    """Rules shown on the sheets of some categories (for example treatment elsewhere)."""

    id: str
    title: Text
    items: tuple[Step, ...]
    categories: tuple[str, ...] = ()  # slugs; () = every category
    region: Place | None = None  # own; else the file's (an item's own: its text's)
    item_where: tuple[str, ...] = ()  # FILE:LINE:COL of each item, for the region check


def _applies(categories: tuple[str, ...], cat: Category) -> bool:
    return not categories or cat.slug in categories


class Checklists(Record, frozen=True, tag=True):  # tagged: a cache entry says which
    id: str
    title: Text
    region: Place | None  # whose rules these are: the default of every entry
    region_note: Text
    categories: tuple[Category, ...]
    common_documents: tuple[Document, ...]
    claim_steps: tuple[Step, ...]
    legal_basis: tuple[Step, ...]
    sources: tuple[str, ...] = ()
    path: str = ""
    review: Review = Review()
    no_deadline: Text | None = None  # shown where a category gives no claim deadline
    guidance: tuple[Guidance, ...] = ()
    extends: str | None = None  # a regional patch: the id of the file it was laid over

    def common_for(self, cat: Category) -> tuple[Document, ...]:
        """The common documents that belong to this category's claims."""
        return tuple(d for d in self.common_documents if _applies(d.categories, cat))

    def guidance_for(self, cat: Category) -> tuple[Guidance, ...]:
        return tuple(g for g in self.guidance if _applies(g.categories, cat))

    def deadlines_of(self, cat: Category) -> tuple[Deadline, ...]:
        """The category's deadlines, ending with "no deadline given" when none is for the claim.

        A clerk must be able to tell "no limit" from "not stated": every category
        shows at least one line.
        """
        if self.no_deadline is None or any(
            d.kind in ("claim", "not-stated") for d in cat.deadlines
        ):
            return cat.deadlines
        return (*cat.deadlines, Deadline("not-stated", self.no_deadline))

    def named_deadline(
        self, numbers: tuple[int, ...], deadline_id: str
    ) -> tuple[Category, Deadline] | None:
        """The deadline with this id among the categories numbered (an outcome's `due`
        names one of its categories'), with its category; the first where two have it."""
        for n in numbers:
            cat = self.find(str(n))
            if cat is None:
                continue
            for d in cat.deadlines:
                if d.id == deadline_id:
                    return cat, d
        return None

    def find(self, key: str) -> Category | None:
        """A category by its number ("3") or slug ("short-trip")."""
        key = key.strip().lower()
        for cat in self.categories:
            if str(cat.number) == key or cat.slug == key:
                return cat
        return None


class Band(Record, frozen=True):
    """A slice of the bill, from the previous band's top (or 0) up to `up_to`."""

    up_to: Decimal | None  # None: no top (up to the cap, if any)
    rate: Decimal  # percent


class RateItem(Record, frozen=True):
    id: str
    label: Text
    rate: Decimal  # percent


class Region(Record, frozen=True):
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
    region: Place | None = None  # the region of REGIONS these rates are (`region:`)


class Rates(Record, frozen=True, tag=True):  # tagged: a cache entry says which
    id: str
    title: Text
    default_region: str
    regions: dict[str, Region]
    path: str = ""
    review: Review = Review()


# --- regional patches of the checklists -----------------------------------------
# `where` is FILE:LINE:COL of the entry in the patch, for problems found only
# when the patch is laid over the file it extends.


class CategoryPatch(Record, frozen=True):
    slug: str
    where: str
    changes: dict[str, Any]  # replaced fields of the category, by name
    add_documents: tuple[tuple[Document, str], ...] = ()
    remove_documents: tuple[tuple[str, str], ...] = ()  # (document id, where)


class ChecklistsPatch(Record, frozen=True):
    """A file with `extends: ID`: only what changes, laid over the checklists file ID."""

    extends: str
    where: str  # of `extends`
    path: str
    changes: dict[str, Any]  # replaced top-level fields, by name
    add_common: tuple[tuple[Document, str], ...] = ()
    remove_common: tuple[tuple[str, str], ...] = ()
    categories: tuple[CategoryPatch, ...] = ()
    add_categories: tuple[tuple[Category, str], ...] = ()
    review: Review | None = None
    guidance_where: tuple[tuple[str, str], ...] = ()  # (guidance id, where), when replaced

    @property
    def id(self) -> str:
        return self.extends


# What one tree file holds, as the loaders read it (a patch not yet laid over its base).
Loaded = Tree | Checklists | ChecklistsPatch | Rates
