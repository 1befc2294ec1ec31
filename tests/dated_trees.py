"""A small tree with date questions, and the regional patch that gives the checklists'
deadlines the ids its outcomes' `due` name (the ids the shipped checklists give them too).

who --baby--> born (a date) ------------> newborn   due: 3 months from born (enrol)
  |--mother-----------------------------> mother    (no date, no due)
  '--referred--> moved (a date) --------> transfer  due: 7 days from moved (urgent-filing)

Both are files of tests/dated/, a tree folder: pass FOLDER as --trees (or `trees=`),
or copy them elsewhere with `dated_folder`.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent / "dated"  # a tree folder: pass it as --trees, or trees=
DATED = (FOLDER / "dated.yaml").read_text(encoding="utf-8")
PATCH = (FOLDER / "reimbursement.yaml").read_text(encoding="utf-8")


def dated_folder(folder: Path) -> Path:
    """A tree folder holding the dated tree and the patch: pass it as --trees."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dated.yaml").write_text(DATED, encoding="utf-8")
    (folder / "reimbursement.yaml").write_text(PATCH, encoding="utf-8")
    return folder
