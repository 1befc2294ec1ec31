"""The builders' common part, driven by the field table (medbal.files.spec): every field
of an object whose type is a value (text, id, a whole number, a date, an amount, a
choice, sources, a list of texts or ids, a region, an outcome's categories, one object
of the table such as an outcome's `due`) is read here by its type, with its bounds; a
builder reads only what has structure of its own (lists and maps of objects) and the
rules between fields.  A new value field is a line of the table and a field of the
model with the same name; a new kind of value, a reader below.

Kept apart from medbal.files.loader so that the builders (checklists, patch, rates)
import it rather than the loader, and the loader imports them: no cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from yaml.nodes import Node, SequenceNode

from medbal.core.model import Dates, Due, Record, Review
from medbal.files.regions import region
from medbal.files.spec import OBJECTS, Field, field_of, names
from medbal.files.yamlread import Reader

T = TypeVar("T")
Fields = dict[str, Node]
Values = dict[str, Any]
HUNDRED = Decimal(100)
DATED = ("reference", "reviewed", "valid_from", "valid_until")
# A whole file's review (medbal.core.review), read by `review`, not among its values.
FILE_REVIEW = ("reviewed", "review_months")
FILE_KINDS = ("decision-tree", "checklists", "checklists-patch", "rates")


def get(f: Fields, key: str, read: Callable[[Node], T]) -> T | None:
    """`read(node)` of a field that is there, else None (its absence is reported elsewhere)."""
    return read(f[key]) if key in f else None


# Field names that are no noun to put "the" before: quoted as they are written.
_NOT_NOUNS = frozenset({"reviewed", "next", "start", "extends", "applies_when", "due", "late"})


def says(field: Field, what: str) -> str:
    """How a message names a field: "the title of outcome 'x'", "'next_steps' of ..."."""
    quoted = "_" in field.name or field.name in _NOT_NOUNS
    name = f"'{field.name}'" if quoted else f"the {field.name}"
    return f"{name} of {what}" if what else name


def _ids(r: Reader, node: Node, what: str) -> tuple[str, ...]:
    """A list of ids, each once."""
    out: list[str] = []
    for item in r.items(node, what):
        value = r.ident(item, f"an id in {what}")
        if value is not None and value in out:
            r.at(item, f"'{value}' appears twice in {what}")
        elif value is not None:
            out.append(value)
    return tuple(out)


def _texts(r: Reader, node: Node, what: str) -> tuple[Any, ...]:
    found = (r.text(item, f"an entry of {what}") for item in r.items(node, what))
    return tuple(t for t in found if t is not None)


def _checklist(r: Reader, node: Node, field: Field, what: str) -> tuple[int, ...]:
    """`checklist: N` or `checklist: [N, M]`: the categories an outcome leads to, each once."""
    said = says(field, what)
    nodes = r.items(node, said) if isinstance(node, SequenceNode) else [node]
    out: list[int] = []
    for item in nodes:
        number = r.integer(item, said, field.low, field.high)
        if number is not None and number in out:
            r.at(item, f"{said} names category {number} twice")
        elif number is not None:
            out.append(number)
    return tuple(out)


# The records of the objects a field holds one of ("object:NAME"): built from the
# object's own fields, read by the table like any other.
RECORDS: dict[str, type[Record]] = {"due": Due}


def _object(r: Reader, node: Node, field: Field, what: str) -> Record | None:
    """One object of the table (an outcome's `due`), or None when any part is wrong."""
    obj = field.type.partition(":")[2]
    said = says(field, what)
    f = r.mapping(node, said, *names(obj))
    if f is None:
        return None
    v = read_values(r, f, obj, said)
    return of(RECORDS[obj], v, where=r.where(node)) if complete(v, obj) else None


Read = Callable[[Reader, Node, Field, str], Any]
# The readers of values, by the table's type (an enum's values come after "enum:", an
# object's name after "object:").
READERS: dict[str, Read] = {
    "text": lambda r, n, f, what: r.text(n, says(f, what)),
    "id": lambda r, n, f, what: r.ident(n, says(f, what)),
    "int": lambda r, n, f, what: r.integer(n, says(f, what), f.low, f.high),
    "date": lambda r, n, f, what: r.date(n, says(f, what)),
    "amount": lambda r, n, f, what: r.decimal(n, says(f, what)),
    "percent": lambda r, n, f, what: r.decimal(n, says(f, what), HUNDRED),
    "sources": lambda r, n, f, what: r.sources(n, what or "the file"),
    "enum": lambda r, n, f, what: r.choice(n, says(f, what), f.type[5:].split("|")),
    "list:text": lambda r, n, f, what: _texts(r, n, says(f, what)),
    "list:id": lambda r, n, f, what: _ids(r, n, says(f, what)),
    "region": lambda r, n, f, what: region(r, n, what or "the file"),
    "checklist": _checklist,
    "object": _object,
}


_PREFIXED = ("enum:", "object:")


def reader_of(field: Field) -> Read | None:
    """The reader of a field's values; None for a list or map of objects (a builder's)."""
    return READERS.get(field.type.split(":")[0] if field.type.startswith(_PREFIXED) else field.type)


def read_values(r: Reader, f: Fields, obj: str, what: str) -> Values:
    """Every value field of `obj` that is there, read by its type; one that is wrong is
    reported (at its FILE:LINE:COL) and left out, so `complete` can tell."""
    out: Values = {}
    skip = ("kind", *FILE_REVIEW) if obj in FILE_KINDS else ()  # the loader's, and review's
    for field in OBJECTS[obj]:
        if field.name in f and field.name not in skip:
            read = reader_of(field)
            if read is not None and (value := read(r, f[field.name], field, what)) is not None:
                out[field.name] = value
    return out


def complete(values: Values, obj: str, *also: str, given: tuple[str, ...] = ()) -> bool:
    """Whether every required value field of `obj`, and `also`, was read whole (those
    `given` were read on their own, to name the object in messages)."""
    required, _ = names(obj)
    leaves = {f.name for f in OBJECTS[obj] if _is_value(f)}
    skip = ("kind", *given) if obj in FILE_KINDS else given
    return all(k in values for k in required if k in leaves and k not in skip) and all(
        k in values for k in also
    )


def _is_value(field: Field) -> bool:
    return reader_of(field) is not None


R = TypeVar("R", bound=Record)


def of(cls: type[R], values: Values, **more: Any) -> R:
    """The model record `cls` from the values named as its fields, and `more`."""
    known = set(cls.__struct_fields__)
    return cls(**{**{k: v for k, v in values.items() if k in known}, **more})


def review(r: Reader, f: Fields, root_where: str) -> Review:
    """A file's own review date and window (see medbal.core.review)."""
    values: Values = {}
    for name in ("reviewed", "review_months"):  # every file kind has these two
        field = field_of("rates", name)
        if name in f and (value := READERS[field.type](r, f[name], field, "")) is not None:
            values[name] = value
    return Review(
        where=r.where(f["reviewed"]) if "reviewed" in f else root_where,
        reviewed=values.get("reviewed"),
        months=values.get("review_months", 12),
    )


def dates(r: Reader, values: Values, node: Node) -> Dates:
    """The optional reference and dates of an outcome, a category or a region, from its
    values (read_values)."""
    return Dates(where=r.where(node), **{k: values[k] for k in DATED if k in values})
