"""A cache of checked trees, so a one-shot call does not parse YAML again.

An entry is the checked model written as plain JSON: text, numbers, lists and
maps, with each object naming one of the model's own classes.  Reading it back
can only build those classes from those values; it cannot run code (the
earlier pickle could, for anyone able to write a file into the folder).  An
entry is keyed by the file's bytes, the path it was loaded as, and the
loader's own source files, so an edited tree or an upgraded medbal never reads
a stale entry; a damaged or foreign entry is ignored and written anew.

Any failure to read or write the cache is ignored: it only ever saves time.
MEDBAL_CACHE=0 turns it off, and without a usable home or XDG_CACHE_HOME
there is no cache at all (nothing is created under a missing or empty home).
"""

from __future__ import annotations

import datetime
import json
import os
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from medbal.core import model

try:  # CPython's own BLAKE2: hashlib would load OpenSSL first, 3 ms of every call
    from _blake2 import blake2b as _hash
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b as _hash

_PACKAGE = Path(__file__).resolve().parent.parent
# What a checked result depends on besides the file: the model and the loaders.
_CODE_GLOBS = ("core/model.py", "i18n/sources.py", "files/*.py")
FORMAT = 3  # bump when the encoding below changes

_CLASSES: dict[str, type[model.Record]] = {
    name: cls
    for name, cls in vars(model).items()
    if isinstance(cls, type) and issubclass(cls, model.Record) and cls is not model.Record
}


# Each model class's fields and their types, for checking what an entry holds.
# The model's annotations are types, not strings (medbal.core.model has no
# `from __future__ import annotations`), so they are read as they are.
_HINTS: dict[type[model.Record], dict[str, Any]] = {
    cls: {name: cls.__annotations__[name] for name in model.fields(cls)}
    for cls in _CLASSES.values()
}


# The characters medbal.files.yamlread refuses in texts, refused here too: a planted entry must
# not bring back what loading would never let through.
_UNSAFE = re.compile(model.UNSAFE_TEXT)


class Damaged(ValueError):
    """An entry that does not decode to the model: ignored, and written anew."""


def folder() -> Path | None:
    """`$XDG_CACHE_HOME/medbal`, else `~/.cache/medbal`; None when neither is usable."""
    if os.environ.get("MEDBAL_CACHE", "1") == "0":
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "medbal"
    home = os.environ.get("HOME", "")
    if not os.path.isabs(home) or not os.path.isdir(home):
        return None  # HOME="" or a home that does not exist: no /.cache, no new folders
    return Path(home) / ".cache" / "medbal"


def _key(data: bytes, path: str) -> str:
    digest = _hash(data)
    digest.update(path.encode("utf-8", "surrogateescape"))
    digest.update(f"format {FORMAT}".encode())
    for pattern in _CODE_GLOBS:
        for source in sorted(_PACKAGE.glob(pattern)):
            st = source.stat()
            digest.update(f"{source.relative_to(_PACKAGE)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def _entry(where: Path, path: str) -> Path:
    """One entry per tree file: an edited file or a new medbal replaces its entry, so the
    folder never grows past the number of files medbal has read."""
    name = _hash(path.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return where / f"{name}.json"


def _trusted(where: Path) -> bool:
    """The folder is this user's own and no one else can write into it: an entry planted
    by another user would be taken as a checked tree."""
    try:
        info = where.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def get(data: bytes, path: str) -> Any | None:
    where = folder()
    if where is None or not _trusted(where):
        return None
    key = _key(data, path)
    try:
        with open(_entry(where, path), "rb") as fh:
            entry = json.loads(fh.read(), parse_constant=_no_constant)
        if not isinstance(entry, dict) or entry.get("key") != key:
            raise Damaged("not this entry")  # another version of the file, or of medbal
        return decode(entry.get("value"))
    except (OSError, ValueError, TypeError, KeyError, ArithmeticError, RecursionError):
        return None  # missing, unreadable, damaged or planted: load the file again


def put(data: bytes, path: str, loaded: Any) -> None:
    where = folder()
    if where is None or not isinstance(loaded, (model.Tree, model.Checklists, model.Rates)):
        return  # a regional patch is laid over its base afresh each time: not cached
    key = _key(data, path)
    tmp = None
    try:
        text = json.dumps(
            {"key": key, "value": encode(loaded)},
            ensure_ascii=False,
            separators=(",", ":"),
            allow_nan=False,
        )
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(where):
            return
        target = _entry(where, path)
        tmp = where / f".{target.stem}.{os.getpid()}.part"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        tmp = None
    except (OSError, ValueError, TypeError, RecursionError):
        return  # a read-only home or a full disk must not fail the command
    finally:
        if tmp is not None:  # interrupted (Ctrl-C, SIGTERM) or failed: no .part left
            tmp.unlink(missing_ok=True)


def _no_constant(name: str) -> Any:
    raise Damaged(f"{name} is not a value medbal writes")


def encode(value: Any) -> Any:
    """The model as JSON values: a record as a list, its class's name then its fields in
    order (half the text of named fields: a large tree's entry parses in half the time);
    Decimal and date as text."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, model.Record):
        return [type(value).__name__, *(encode(getattr(value, n)) for n in model.fields(value))]
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"@map": {str(k): encode(v) for k, v in value.items()}}
    if isinstance(value, Decimal):
        return {"@decimal": str(value)}
    if isinstance(value, datetime.date):
        return {"@date": value.isoformat()}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(value: Any, hint: Any = None) -> Any:
    """The inverse of `encode`, checked against the model's type hints: anything else in
    the entry (another class, a missing field, text where a number belongs) is Damaged."""
    if hint is None:  # the top level: one of the three kinds of file
        hint = _CLASSES.get(str(value[0])) if isinstance(value, list) and value else None
        if hint not in (model.Tree, model.Checklists, model.Rates):
            raise Damaged("not a checked tree file")
    return _decoder(hint)(value)


Decoder = Callable[[Any], Any]
_DECODERS: dict[Any, Decoder] = {}


def _decoder(hint: Any) -> Decoder:
    """A checking decoder for one type hint, built once: a 5,000-question tree decodes
    tens of thousands of values, and reading the hints each time cost more than JSON."""
    if hint not in _DECODERS:
        _DECODERS[hint] = _build(hint)
    return _DECODERS[hint]


def _build(hint: Any) -> Decoder:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        inner_decode = _decoder(inner)
        return lambda v: None if v is None else inner_decode(v)
    if hint is str:
        return _decode_str
    if hint in (int, bool):

        def plain(v: Any) -> Any:
            if type(v) is not hint:
                raise Damaged(f"expected {hint.__name__}")
            return v

        return plain
    if origin is tuple:
        item = _decoder(args[0])
        return lambda v: tuple(item(x) for x in _of(v, list))
    if origin is dict:
        entry = _decoder(args[1])
        return lambda v: {
            _decode_str(k): entry(x) for k, x in _of(_of(v, dict).get("@map"), dict).items()
        }
    if hint is Decimal:
        return _decode_decimal
    if hint is datetime.date:
        return lambda v: datetime.date.fromisoformat(_of(_of(v, dict).get("@date"), str))
    if hint in _HINTS:
        return _class_or_subclass(hint)
    raise Damaged(f"unexpected type {hint!r}")


def _class_or_subclass(cls: type[model.Record]) -> Decoder:
    """A class's decoder; where the model has a subclass of it (a Text may be a
    RegionalText), the entry's first item says which of the two it is."""
    own = _class_decoder(cls)
    subs = {c.__name__: c for c in _CLASSES.values() if c is not cls and issubclass(c, cls)}
    if not subs:
        return own

    def either(v: Any) -> Any:
        sub = subs.get(v[0]) if type(v) is list and v else None
        return own(v) if sub is None else _decoder(sub)(v)

    return either


def _class_decoder(cls: type[model.Record]) -> Decoder:
    hints, whole, name = _HINTS[cls], cls.whole, cls.__name__
    size = len(hints) + 1  # the name, then each field
    if all(hint is str for hint in hints.values()):
        return _strings_decoder(cls)
    # (position, name, decoder) of each field, filled on first use: the types may recurse.
    fields: list[tuple[int, str, Decoder]] = []

    def decode_class(v: Any) -> Any:
        if type(v) is not list or len(v) != size or v[0] != name:
            raise Damaged(f"not a {name}")
        if not fields:  # built whole before it is kept: a failure leaves none half-made
            fields[:] = [(i, k, _decoder(hint)) for i, (k, hint) in enumerate(hints.items(), 1)]
        # Every field set at once, with no __init__ to run.
        return whole({k: decode(v[i]) for i, k, decode in fields})

    return decode_class


def _strings_decoder(cls: type[model.Record]) -> Decoder:
    """A record of strings only: Text, most of a tree's values, decoded inline."""
    places = tuple(enumerate(_HINTS[cls], 1))  # (position, name) of each field
    whole, name, unsafe, size = cls.whole, cls.__name__, _UNSAFE.search, len(places) + 1

    def decode_strings(v: Any) -> Any:
        if type(v) is not list or len(v) != size or v[0] != name:
            raise Damaged(f"not a {name}")
        values = {k: v[i] for i, k in places}
        for text in values.values():
            if type(text) is not str or unsafe(text):
                raise Damaged("expected text without control characters")
        return whole(values)

    return decode_strings


def _decode_str(v: Any) -> str:
    if type(v) is not str:
        raise Damaged("expected str")
    if _UNSAFE.search(v):
        raise Damaged("a control character the loader refuses")
    return v


def _decode_decimal(v: Any) -> Decimal:
    number = Decimal(_of(_of(v, dict).get("@decimal"), str))
    if not number.is_finite():
        raise Damaged("not a finite number")
    return number


def _of(value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise Damaged(f"expected {kind.__name__}")
    return value
