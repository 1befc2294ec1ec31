"""The arguments of every public API function, checked before use.

A wrong type or value is a UsageError naming the argument, what it should be and
what it was, in both languages, never an AttributeError, TypeError, KeyError or
ValueError from deep inside.  The CLI passes only what Click has already checked, so
these checks cost it nothing it could notice.
"""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from medbal.core.errors import Phrase, UsageError
from medbal.core.langs import LANGS
from medbal.files import registry
from medbal.i18n.lang import resolve

Folder = str | os.PathLike[str] | None  # a folder laid over the shipped trees
Name = str | os.PathLike[str]  # a tree's id, or a YAML file's path
Amount = str | int | float | Decimal
# The longest amount written out: anything longer is refused before str() would have to
# write a number of thousands of digits.
_AMOUNT_DIGITS = 40


def wrong(name: str, expected: Phrase, value: object) -> UsageError:
    """`name` should be `expected` (words of the catalogue), not what it was."""
    return UsageError("api_argument", name=name, expected=expected, given=_type(value))


def _type(value: object) -> str:
    return "None" if value is None else type(value).__name__


def text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise wrong(name, Phrase("arg_text"), value)
    return value


def optional_text(value: object, name: str) -> str | None:
    return None if value is None else text(value, name)


def lang(value: object) -> str:
    """The language by the one rule (medbal.i18n.lang.resolve): a str or None."""
    if value is not None and not isinstance(value, str):
        raise wrong("lang", Phrase("arg_lang", langs=LANGS), value)
    return resolve(value)


def folder(value: object) -> Path | None:
    """The folder laid over the shipped trees (`trees=`), else MEDBAL_TREES; it must exist."""
    if value is not None and not isinstance(value, (str, os.PathLike)):
        raise wrong("trees", Phrase("arg_folder"), value)
    return registry.overlay_dir(os.fspath(value) if value is not None else None)


def tree_name(value: object) -> str:
    """A tree's id, or a file's path: a Path always names a file, even one called `card`."""
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        if not isinstance(path, str):
            raise wrong("tree", Phrase("arg_tree"), value)
        # A path with no folder and no .yaml would be read as an id: name it as a path.
        return path if os.sep in path or path.endswith((".yaml", ".yml")) else "." + os.sep + path
    if not isinstance(value, str):
        raise wrong("tree", Phrase("arg_tree"), value)
    return value


def answers(value: object) -> dict[str, str]:
    """Answers by question id; both text."""
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise wrong("answers", Phrase("arg_answers"), value)
    return dict(value)


def amount(value: object, name: str) -> str:
    """An amount as a person would type it; a number far past any bill is refused here,
    before writing it out would take longer than the estimate.  A float is written in
    plain digits (1e20 is too large, not "1e+20", which is no amount)."""
    from medbal.core.estimate import MAX_AMOUNT  # an estimate's module: for an amount only

    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise wrong(name, Phrase("arg_amount"), value)
    what: str | Phrase = Phrase("the_amount") if name == "amount" else name
    finite = not isinstance(value, float) or math.isfinite(value)
    if isinstance(value, (int, float)) and finite and abs(value) > MAX_AMOUNT:
        key = "amount_negative" if value < 0 else "amount_too_large"
        raise UsageError(key, what=what, text=f"{Decimal(value):.3E}")
    if isinstance(value, str) and len(value) > _AMOUNT_DIGITS:
        raise UsageError("amount_invalid", what=what, text=value[:_AMOUNT_DIGITS] + "…")
    if isinstance(value, float) and finite:
        return format(Decimal(repr(value)), "f")
    return str(value)


def items(value: object, name: str = "--item {}") -> list[tuple[str, str]]:
    """Separately rated amounts as (item, amount) pairs, from a mapping of item ids to
    amounts (each named `name` with its id in a message) or from ITEM=AMOUNT texts as
    typed after --item (UsageError for one without its ITEM=)."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        named = [(text(key, "items").strip(), figure) for key, figure in value.items()]
        return [(item_id, amount(figure, name.format(item_id))) for item_id, figure in named]
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) for p in value):
        raise wrong("items", Phrase("arg_items"), value)
    pairs = []
    for pair in value:
        item_id, sep, figure = pair.partition("=")
        if not sep or not item_id.strip():
            raise UsageError("item_form", pair=pair)
        pairs.append((item_id.strip(), figure))
    return pairs


def flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise wrong(name, Phrase("arg_flag"), value)
    return value


def category(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise wrong("category", Phrase("arg_category"), value)
    return (
        value
        if isinstance(value, str)
        else str(value)
        if abs(value) < 10**6
        else f"{Decimal(value):.3E}"
    )


def whole(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise wrong(name, Phrase("arg_whole"), value)
    return value


def day(value: object, name: str = "today") -> str | None:
    """A date as YYYY-MM-DD (a datetime.date too), or None for today."""
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise wrong(name, Phrase("arg_date"), value)


# What "today" is when a caller gives none: the one place medbal reads the clock for a
# date answer (tests set it).  The engine never reads it: today is an argument there.
clock = datetime.date.today


def today(value: object) -> datetime.date:
    """The day a date answer may be at the latest, and a deadline is judged against: a
    date (YYYY-MM-DD, or a datetime.date), else the clock's today."""
    if isinstance(value, datetime.datetime):  # a date too, whose isoformat has a time
        value = value.date()
    given = day(value, "today")
    return clock() if given is None else datetime.date.fromisoformat(given)


def view(value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise wrong("view", Phrase("arg_view"), value)
    return value
