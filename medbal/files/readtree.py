"""One tree file from disk to a checked model: read safely, then the cache, then the loader.

This module imports neither YAML nor the loader: a file whose checked form is
in the cache (medbal.files.cache) is returned without parsing, so a one-shot call on
an unchanged tree never imports PyYAML.  Only a new or edited file goes to
medbal.files.loader, and its checked result is stored for next time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from medbal.core.errors import TreeError, one_line
from medbal.files.bounded import MAX_TREE_BYTES, Unreadable, read_bounded

if TYPE_CHECKING:
    from medbal.files.loader import Loaded


def load_file(path: str | Path) -> Loaded:
    """Read and check one file; raise TreeError listing every problem."""
    shown = str(path)
    try:
        data = read_bounded(path, MAX_TREE_BYTES)
    except Unreadable as exc:
        raise TreeError([f"{one_line(shown)}:1:1: {exc}"]) from None
    from medbal.files import cache

    loaded = cache.get(data, shown)
    if loaded is None:
        from medbal.files.loader import load_bytes

        loaded = load_bytes(data, shown)  # raises on a broken file: nothing is cached
        cache.put(data, shown, loaded)
    return loaded
