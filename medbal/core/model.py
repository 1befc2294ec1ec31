"""The checked, immutable model that the loader builds from YAML.

Nothing here reads files or prints: the engine and every renderer work on these
types only.  Texts a person reads are `Text` values carrying both languages.
"""

import datetime
from dataclasses import MISSING, Field, FrozenInstanceError, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # for the type checker only: it reads `record` as making dataclasses

    def dataclass_transform(**_: object) -> Any:
        return lambda f: f


from medbal.core.langs import CJK as CJK
from medbal.core.langs import LANGS as LANGS
from medbal.core.langs import UNSAFE_TEXT as UNSAFE_TEXT

_NO_DEFAULT: Any = object()
T = TypeVar("T", bound="Record")


class Record:
    """What every model type shares: construction, equality, hashing, a repr by its
    fields, and fields set once.

    Written once here, with the fields `record` lists, rather than generated for each
    class: dataclasses compile every generated method with exec, and twenty classes'
    worth was a twentieth of a one-shot call.
    """

    # (name, default, default factory) of each field, in order; set by `record`.
    _spec: ClassVar[tuple[tuple[str, Any, Any], ...]] = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        spec, values = self._spec, self.__dict__
        if len(args) > len(spec):
            raise TypeError(f"{type(self).__name__}() takes {len(spec)} fields, {len(args)} given")
        for (name, _, _), value in zip(spec, args, strict=False):  # args may be fewer
            values[name] = value
        for name, _, _ in spec[: len(args)] if kwargs else ():
            if name in kwargs:
                raise TypeError(f"{type(self).__name__}() got field {name!r} twice")
        for name, default, factory in spec[len(args) :]:
            if name in kwargs:
                values[name] = kwargs.pop(name)
            elif factory is not None:
                values[name] = factory()
            elif default is not _NO_DEFAULT:
                values[name] = default
            else:
                raise TypeError(f"{type(self).__name__}() is missing field {name!r}")
        if kwargs:
            raise TypeError(f"{type(self).__name__}() has no field {', '.join(kwargs)}")

    @classmethod
    def whole(cls: type[T], values: dict[str, Any]) -> T:
        """An instance from a value for every field, set as they are: for medbal.files.cache,
        which has checked them, and decodes tens of thousands for a large tree."""
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)  # the dict itself: no copy
        return obj

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: Any) -> None:
        # Set once, by __init__; never changed after (what frozen=True would generate).
        fields = self.__dict__
        if name in fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        fields[name] = value

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


R = TypeVar("R", bound=type[Record])


@dataclass_transform(frozen_default=True, eq_default=True, field_specifiers=(field,))
def record(cls: R) -> R:
    """A model type: its base's fields, then its own annotated names, in order, with
    their defaults (a value, or `field(default_factory=...)`); Record does the rest.
    Refused as a dataclass would refuse it: a mutable default shared by every instance;
    and __post_init__, which Record's __init__ does not call."""
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: a record has no __post_init__")
    # The base record's fields, in order; a field declared again keeps its place.
    spec = list(getattr(cls.__mro__[1], "_spec", ()))
    inherited = [name for name, _, _ in spec]
    # cls.__annotations__, not cls.__dict__: from Python 3.14 annotations are made on
    # first access (PEP 649) and the class dict holds none until then.
    for name, hint in cls.__annotations__.items():
        if "ClassVar" in str(hint):
            continue
        default, factory = cls.__dict__.get(name, _NO_DEFAULT), None
        if isinstance(default, Field):
            factory = None if default.default_factory is MISSING else default.default_factory
            default = _NO_DEFAULT if default.default is MISSING else default.default
            delattr(cls, name)  # the instance holds the value
        elif isinstance(default, (list, dict, set)):
            raise ValueError(
                f"{cls.__name__}.{name}: a mutable default is shared by "
                "every instance; use field(default_factory=...)"
            )
        if name in inherited:
            spec[inherited.index(name)] = (name, default, factory)
        else:
            spec.append((name, default, factory))
    cls._spec = tuple(spec)
    cls._fields = tuple(name for name, _, _ in spec)
    return cls


def fields(cls: type[Record] | Record) -> tuple[str, ...]:
    """A model type's field names, in order."""
    return cls._fields


def replace(obj: T, **changes: Any) -> T:
    """A copy of `obj` with some fields changed (as dataclasses.replace)."""
    return type(obj)(**{**{name: getattr(obj, name) for name in obj._fields}, **changes})


@record
class Text(Record):
    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@record
class Place(Text):
    """Where a regional rule comes from: its name (the Text), and the id of a region of
    medbal.i18n.sources.REGIONS or of one a file names inline.  `rule` is how a tag
    names it ("Xiamen rule"); None for a region named inline (the tag then says "rule of
    NAME").  The id "national" marks a rule as not regional where it would otherwise
    inherit a region (medbal.files.regions).  Fields are declared whole, as the cache
    reads each class's own."""

    en: str
    zh: str
    id: str
    rule: Text | None = None

    @property
    def regional(self) -> bool:
        return self.id != "national"


@record
class RegionalText(Text):
    """A text that is one region's rule (`region:` beside its en and zh).  A Text wherever
    a Text goes; its fields are declared whole, as the cache reads each class's own."""

    en: str
    zh: str
    region: Place


@record
class Dates(Record):
    """How current a rule is: checked when, valid from and until, resting on what."""

    where: str = ""  # FILE:LINE:COL of the entry, for review warnings
    reference: Text | None = None
    reviewed: datetime.date | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None


NO_DATES = Dates()


@record
class Review(Record):
    """A file's own review date (the default for its entries) and window."""

    where: str = ""
    reviewed: datetime.date | None = None
    months: int = 12


@record
class Option(Record):
    value: str
    label: Text
    next: str


@record
class Question(Record):
    id: str
    text: Text
    options: tuple[Option, ...]
    help: Text | None = None

    def option(self, value: str) -> Option | None:
        for opt in self.options:
            if opt.value == value:
                return opt
        return None


@record
class Outcome(Record):
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

    @property
    def checklist(self) -> int | None:
        """The first of `checklists` (most outcomes lead to one category at most)."""
        return self.checklists[0] if self.checklists else None


@record
class Tree(Record):
    id: str
    title: Text
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    path: str = ""
    description: Text | None = None
    review: Review = field(default_factory=Review)


@record
class Deadline(Record):
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


@record
class Document(Record):
    id: str
    text: Text
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()  # common documents: the slugs they apply to; () = all


@record
class Variant(Record):
    id: str
    title: Text
    applies_when: Text
    documents: tuple[Document, ...]
    conditions: tuple[Text, ...] = ()


@record
class Category(Record):
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


@record
class Step(Record):
    text: Text  # a step that is one region's rule has a RegionalText (`region:` on the step)
    sources: tuple[str, ...] = ()


@record
class Guidance(Record):
    """Rules shown on the sheets of some categories (for example treatment elsewhere)."""

    id: str
    title: Text
    items: tuple[Step, ...]
    categories: tuple[str, ...] = ()  # slugs; () = every category
    region: Place | None = None  # own; else the file's (an item's own: its text's)
    item_where: tuple[str, ...] = ()  # FILE:LINE:COL of each item, for the region check


def _applies(categories: tuple[str, ...], cat: Category) -> bool:
    return not categories or cat.slug in categories


@record
class Checklists(Record):
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
    review: Review = field(default_factory=Review)
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

    def find(self, key: str) -> Category | None:
        """A category by its number ("3") or slug ("short-trip")."""
        key = key.strip().lower()
        for cat in self.categories:
            if str(cat.number) == key or cat.slug == key:
                return cat
        return None


@record
class Band(Record):
    """A slice of the bill, from the previous band's top (or 0) up to `up_to`."""

    up_to: Decimal | None  # None: no top (up to the cap, if any)
    rate: Decimal  # percent


@record
class RateItem(Record):
    id: str
    label: Text
    rate: Decimal  # percent


@record
class Region(Record):
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


@record
class Rates(Record):
    id: str
    title: Text
    default_region: str
    regions: dict[str, Region]
    path: str = ""
    review: Review = field(default_factory=Review)


# --- regional patches of the checklists -----------------------------------------
# `where` is FILE:LINE:COL of the entry in the patch, for problems found only
# when the patch is laid over the file it extends.


@record
class CategoryPatch(Record):
    slug: str
    where: str
    changes: dict[str, Any]  # replaced fields of the category, by name
    add_documents: tuple[tuple[Document, str], ...] = ()
    remove_documents: tuple[tuple[str, str], ...] = ()  # (document id, where)


@record
class ChecklistsPatch(Record):
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
