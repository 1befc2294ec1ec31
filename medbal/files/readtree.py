"""One tree file from disk to a checked model: read safely, then the cache, then the loader.

This module imports neither YAML nor the loader: a file whose checked form is
in the cache (medbal.files.cache) is returned without parsing, so a one-shot call on
an unchanged tree never imports PyYAML.  Only a new or edited file goes to
medbal.files.loader, and its checked result is stored for next time.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from medbal.core.errors import TreeError, one_line
from medbal.files.bounded import MAX_TREE_BYTES, Unreadable, read_bounded

if TYPE_CHECKING:
    from medbal.files.loader import Loaded


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a file becomes objects: its repeated
    passes over the nodes a 5,000-question file composes into made loading 5x slower
    than linear, and over the records a cached entry decodes into, a third slower.
    Nothing built then is garbage until the load ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_file(path: str | Path) -> Loaded:
    """Read and check one file; raise TreeError listing every problem."""
    shown = str(path)
    try:
        data = read_bounded(path, MAX_TREE_BYTES)
    except Unreadable as exc:
        from medbal.i18n.catalogue import phrase_text  # the error's words: only when it comes

        raise TreeError([f"{one_line(shown)}:1:1: {phrase_text(exc.phrase, 'en')}"]) from None
    from medbal.files import cache

    with collector_paused():
        loaded = cache.get(data, shown)
    if loaded is None:
        from medbal.files.loader import load_bytes

        loaded = load_bytes(data, shown)  # raises on a broken file: nothing is cached
        cache.put(data, shown, loaded)
    return loaded
