"""What a server process loads once, at its start: one `api.Library` holding everything.

Every tree, the checklists and the rates are read and checked when the process starts
(a broken file stops the start with its FILE:LINE:COL problems) and never change
after: requests only read them, so nothing passes from one request to the next and any
process can answer any request.  Every answer is the library's (medbal.api): the
service adds HTTP to it, not rules of its own.  The library names no file of this
machine (`paths=False`); the web page, the same for every request, is made here once
per starting language.
"""

from __future__ import annotations

import datetime

from medbal.api import Library
from medbal.core.langs import LANGS
from medbal.core.structs import msgspec

DEFAULT_TREE = "zero-balance"


class Served(msgspec.Struct, frozen=True):
    """The library of one server process, and the pages made from it."""

    library: Library
    pages: dict[str | None, str]  # GET /: the page by starting language (None: the browser's)

    @classmethod
    def load(cls, trees_dir: str | None) -> Served:
        """Read and check every file medbal sees (the folder laid over the shipped ones);
        TreeError with every problem of every broken file at once."""
        library = Library.everything(trees_dir, paths=False)
        made = datetime.date.today().isoformat()
        pages = {lang: library.page((), lang, made) for lang in (None, *LANGS)}
        return cls(library, pages)
