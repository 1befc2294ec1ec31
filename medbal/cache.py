"""A cache of checked large trees, so a one-shot call on a big tree does not re-parse it.

Only files of loader.CACHE_MIN_BYTES or more are cached: the shipped trees load
in a few milliseconds and never touch it.  An entry is keyed by the file's bytes, the path
it was loaded as, and the loader's own source files, so an edited tree or an
upgraded medbal never reads a stale entry.  Any failure to read or write the
cache is ignored: it only ever saves time.  MEDBAL_CACHE=0 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

_CODE = ("model.py", "spec.py", "yamlread.py", "loader.py", "loader_checklists.py",
         "loader_rates.py", "sources.py")


def _folder() -> Path | None:
    if os.environ.get("MEDBAL_CACHE", "1") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "medbal"


def _key(data: bytes, path: str) -> str:
    digest = hashlib.sha256(data)
    digest.update(path.encode("utf-8", "surrogateescape"))
    here = Path(__file__).parent
    for name in _CODE:  # the loader's code is part of what a cached result means
        st = (here / name).stat()
        digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def get(data: bytes, path: str) -> Any | None:
    folder = _folder()
    if folder is None:
        return None
    try:
        with open(folder / f"{_key(data, path)}.pickle", "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, unreadable or from another Python: just load again
        return None


def put(data: bytes, path: str, loaded: Any) -> None:
    folder = _folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(loaded, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{_key(data, path)}.pickle")
    except Exception:  # a read-only home or a full disk must not fail the command
        return
