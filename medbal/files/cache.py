"""A cache of checked trees, so a one-shot call does not parse YAML again.

An entry is a line with its key, then the checked model as JSON (msgspec's
encoding of medbal.core.model: each record a positional array).  Reading it back
can only build the model's own classes from those values, checked against the
model's types as they decode (an id is an id, a text holds no control character);
it cannot run code (the earlier pickle could, for anyone able to write a file into
the folder).  An entry is keyed by the file's bytes, the path it was loaded as, and
the loader's own source files, so an edited tree or an upgraded medbal never reads
a stale entry.

The cache is input like any file: an entry is read only if it is a regular file
within a size bound (a FIFO planted in its place would block), and what it decodes
to passes the same rules as a loaded file (medbal.files.invariants: every reference
resolves, no loop, ids unique), else it is ignored and written anew.

Any failure to read or write the cache is ignored: it only ever saves time.
MEDBAL_CACHE=0 turns it off, and without a usable home or XDG_CACHE_HOME
there is no cache at all (nothing is created under a missing or empty home).
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from medbal.core import model
from medbal.core.structs import msgspec
from medbal.files.bounded import MAX_TREE_BYTES, Unreadable, read_bounded

try:  # CPython's own BLAKE2: hashlib would load OpenSSL first, 3 ms of every call
    from _blake2 import blake2b as _hash
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b as _hash

_PACKAGE = Path(__file__).resolve().parent.parent
# What a checked result depends on besides the file: the model, the languages it holds a
# text in, the loaders, and the words a region is named with (medbal.files.regions).
_CODE_GLOBS = (
    "core/model.py",
    "core/langs.py",
    "core/engine.py",
    "core/kinds/*.py",
    "i18n/sources.py",
    "i18n/words/*.py",
    "files/*.py",
)
FORMAT = 7  # bump when the encoding below changes (7: a text maps each language to its words)
# A model's JSON is about as long as its YAML; twice the file's bound leaves room.
MAX_ENTRY_BYTES = 2 * MAX_TREE_BYTES
Cached = model.Tree | model.Checklists | model.Rates


class Damaged(ValueError):
    """An entry that does not decode to a checked model: ignored, and written anew."""


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


@functools.cache
def _code_stamp() -> bytes:
    """The size and time of each source file a checked result depends on: once a process."""
    parts = []
    for pattern in _CODE_GLOBS:
        for source in _globbed(pattern):
            st = os.stat(os.path.join(_PACKAGE, source))
            parts.append(f"{source}:{st.st_size}:{st.st_mtime_ns}")
    return f"format {FORMAT};{';'.join(parts)}".encode()


def _globbed(pattern: str) -> list[str]:
    """The files of the package a pattern of _CODE_GLOBS names, sorted, as pathlib's glob
    finds them ("files/*.py", or one file; wild in the name only): listed with os, as the
    glob cost a fifth of reading a tree's entry."""
    folder, _, names = pattern.rpartition("/")
    wild = [c for c in "*?[" if c in names]
    if not wild:  # one file
        return [pattern] if os.path.exists(os.path.join(_PACKAGE, pattern)) else []
    try:
        found = os.listdir(os.path.join(_PACKAGE, folder))
    except OSError:  # a folder that is not there holds nothing
        return []
    if names.startswith("*") and wild == ["*"] and names.count("*") == 1:  # "*.py"
        found = [name for name in found if name.endswith(names[1:])]
    else:
        import fnmatch  # a pattern of another shape: compiled only then

        found = fnmatch.filter(found, names)
    return [f"{folder}/{name}" for name in sorted(found)]


def _key(data: bytes, path: str) -> bytes:
    digest = _hash(data)
    digest.update(path.encode("utf-8", "surrogateescape"))
    digest.update(_code_stamp())
    return digest.hexdigest().encode()


def _entry(where: Path, path: str) -> Path:
    """One entry per tree file: an edited file or a new medbal replaces its entry, so the
    folder never grows past the number of files medbal has read."""
    name = _hash(path.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return where / f"{name}.entry"


def _trusted(where: Path) -> bool:
    """The folder is this user's own and no one else can write into it: an entry planted
    by another user would be taken as a checked tree."""
    try:
        info = where.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def get(data: bytes, path: str) -> Cached | None:
    where = folder()
    if where is None or not _trusted(where):
        return None
    try:
        stored = read_bounded(_entry(where, path), MAX_ENTRY_BYTES)
        key, _, value = stored.partition(b"\n")
        if key != _key(data, path):
            return None  # another version of the file, or of medbal
        return decode(value)
    except (Unreadable, Damaged, RecursionError):
        return None  # missing, unreadable, damaged or planted: load the file again


def put(data: bytes, path: str, loaded: Any) -> None:
    where = folder()
    if where is None or not isinstance(loaded, (model.Tree, model.Checklists, model.Rates)):
        return  # a regional patch is laid over its base afresh each time: not cached
    tmp = None
    try:
        text = _key(data, path) + b"\n" + encode(loaded)
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(where):
            return
        target = _entry(where, path)
        tmp = where / f".{target.stem}.{os.getpid()}.part"
        tmp.write_bytes(text)
        os.replace(tmp, target)
        tmp = None
    except (OSError, ValueError, TypeError, RecursionError):
        return  # a read-only home or a full disk must not fail the command
    finally:
        if tmp is not None:  # interrupted (Ctrl-C, SIGTERM) or failed: no .part left
            tmp.unlink(missing_ok=True)


def encode(loaded: Cached) -> bytes:
    return msgspec.json.encode(loaded)


@functools.cache
def _decoder(kind: str) -> msgspec.json.Decoder[Cached]:
    """A decoder for one kind of file, made on first use: a one-shot call reads a tree
    and the checklists, and does not pay for the rates' types too."""
    return msgspec.json.Decoder(_KINDS[kind])


_KINDS: dict[str, type[Cached]] = {
    "Tree": model.Tree,
    "Checklists": model.Checklists,
    "Rates": model.Rates,
}


# What no loaded text holds (medbal.files.yamlread refuses it), nor therefore an entry: a
# control or direction-override character, raw or as a JSON escape (msgspec writes \n and
# \t short, and nothing else a text may hold as an escape).  One search over the entry:
# checking each string as it decoded cost five times the decoding.
_ESCAPE = r"\\[ubfr]"  # compiled only for an entry with a backslash


def _unsafe(text: str) -> bool:
    """Whether the entry holds a raw control or direction-override character.  Every one
    of them is unprintable, and msgspec's JSON holds no line break, so an entry that is
    printable throughout (the usual one) holds none: str.isprintable is one quick scan in
    C, the pattern's search over a whole entry cost twice as much (and it is compiled only
    for an entry that is not)."""
    return not text.isprintable() and re.search(model.UNSAFE_TEXT, text) is not None


def decode(value: bytes) -> Cached:
    """The model an entry holds, checked as it decodes (the model's types), for what no
    text may hold, and then as a loaded file is (medbal.files.invariants); else Damaged."""
    from medbal.files.invariants import problems

    try:
        text = value.decode("utf-8")
        if _unsafe(text) or ("\\" in text and re.search(_ESCAPE, text)):
            raise Damaged("a character no text medbal loads may hold")
        kind = text[2 : text.find('"', 2)] if text.startswith('["') else ""
        if kind not in _KINDS:
            raise Damaged("not a tree, checklists or rates")
        loaded = _decoder(kind).decode(text)
    except (UnicodeDecodeError, msgspec.DecodeError) as exc:
        raise Damaged(str(exc)) from None
    found = problems(loaded)
    if found:
        raise Damaged(found[0])
    return loaded
