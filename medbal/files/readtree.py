"""One tree file from disk to a checked model: read safely, then the cache, then the loader.

This module imports neither YAML nor the loader: a file whose checked form is
in the cache (medbal.files.cache) is returned without parsing, so a one-shot call on
an unchanged tree never imports PyYAML.  Only a new or edited file goes to
medbal.files.loader, and its checked result is stored for next time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from medbal.core.errors import TreeError, one_line
from medbal.core.model import LANGS, Checklists, ChecklistsPatch, Loaded, Rates, Tree
from medbal.files.bounded import (
    MAX_TREE_BYTES,
    STDIN,
    Unreadable,
    collector_paused,
    read_bounded,
    read_stdin,
)

Cacheable = Tree | Checklists | Rates
Resolver = Callable[[ChecklistsPatch], Checklists]


def load_file(
    path: str | Path,
    cached: bool = True,
    base: Path | None = None,
    resolve: Callable[[ChecklistsPatch], Checklists] | None = None,
    *,
    data: bytes | None = None,
) -> Loaded:
    """Read and check one file; raise TreeError listing every problem.

    Without `cached` the file itself is checked, never a stored entry (`medbal tree
    validate`).  With `resolve`, a regional patch comes back laid over its `base`
    (medbal.files.registry.load_resolved), and the result is cached under both files.
    `data` is the file's content read already (standard input, named `path`, which is
    then only its name): it is checked, never cached."""
    shown = str(path)
    if data is not None:
        return _load(data, shown, resolve)
    try:
        data = read_bounded(path, MAX_TREE_BYTES)
    except Unreadable as exc:
        raise TreeError([unreadable(shown, exc)]) from None
    from medbal.files import cache

    key = data
    if base is not None and resolve is not None:
        try:  # the base's bytes are part of the key; unreadable, the patch's load says so
            key += b"\0" + str(base).encode("utf-8", "surrogateescape") + b"\0"
            key += read_bounded(base, MAX_TREE_BYTES)
        except Unreadable:
            pass
    with collector_paused():
        stored = cache.get(key, shown) if cached else None
    if stored is not None:
        return stored
    loaded = _load(data, shown, resolve)
    cache.put(key, shown, loaded)
    return loaded


def unreadable(shown: str, exc: Unreadable) -> str:
    """A file that cannot be read, as a FILE:1:1 problem."""
    from medbal.i18n.catalogue import phrase_text  # the error's words: only when it comes

    return f"{one_line(shown)}:1:1: {phrase_text(exc.phrase, LANGS[0])}"


def stdin_bytes() -> bytes:
    """The content of the file given as `-`: standard input, within a file's bound; its
    problems are told as <stdin>:LINE:COL (load_file's `data`)."""
    try:
        return read_stdin(MAX_TREE_BYTES)
    except Unreadable as exc:
        raise TreeError([unreadable(STDIN, exc)]) from None


def _load(data: bytes, shown: str, resolve: Resolver | None) -> Loaded:
    from medbal.files.loader import PartialTree, load_bytes

    try:
        loaded = load_bytes(data, shown)  # raises on a broken file: nothing is cached
    except PartialTree as exc:
        if resolve is None or not isinstance(exc.partial, ChecklistsPatch):
            raise
        try:  # every problem at once: the patch's own, then laying what was read of it
            resolve(exc.partial)
        except TreeError as more:
            from medbal.files.patching import in_file_order

            raise TreeError(in_file_order(exc.problems + more.problems, shown)) from None
        raise
    if resolve is not None and isinstance(loaded, ChecklistsPatch):
        return resolve(loaded)
    return loaded
