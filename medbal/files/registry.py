"""Where trees come from: the shipped folder, laid under an optional overlay.

A tree is named by its id, which is also its file name (`zero-balance` is
`zero-balance.yaml`), or by a path to a YAML file.  A folder given by `--trees`
or `MEDBAL_TREES` is looked in first, so a region's file with a shipped id
replaces the shipped one.  A checklists file there with `extends: ID` is a
patch: it is laid over the file ID found after it (the shipped one), so it
holds only what the region changes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from medbal.core.errors import Phrase, TreeError, UsageError
from medbal.core.model import Checklists, ChecklistsPatch, Rates, Tree
from medbal.files.readtree import load_file
from medbal.i18n.suggest import did_you_mean

Data = TypeVar("Data", Checklists, Rates)
CHECKLISTS_ID = "reimbursement"
RATES_ID = "rates"


def shipped_dir() -> Path:
    # An installed wheel carries the trees inside the package (see pyproject.toml);
    # a source checkout has them beside the package.
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_trees"
    return packaged if packaged.is_dir() else package.parent / "trees"


def overlay_dir(option: str | None) -> Path | None:
    """The folder from `--trees`, else `MEDBAL_TREES`; it must exist."""
    raw = option or os.environ.get("MEDBAL_TREES") or None
    if raw is None:
        return None
    where = "--trees" if option else "MEDBAL_TREES"
    path = Path(raw).expanduser()
    if not path.is_dir():
        raise UsageError("trees_not_folder", where=where, raw=raw)
    try:  # read it once here, so an unreadable folder is one message, not a traceback later
        os.listdir(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError("trees_unreadable", where=where, raw=raw, reason=reason) from None
    return path


def search_dirs(overlay: Path | None) -> list[Path]:
    return [d for d in (overlay, shipped_dir()) if d is not None]


def locate(name: str, overlay: Path | None) -> Path:
    """A tree's file from its id, or `name` itself when it is a path to a file."""
    if name.endswith((".yaml", ".yml")) or os.sep in name:
        path = Path(name)
        if not path.is_file():
            raise UsageError("no_tree_file", name=name)
        return path
    for folder in search_dirs(overlay):
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate

    trees = [t for t in available_ids(overlay) if t not in (CHECKLISTS_ID, RATES_ID)]
    known = tuple(trees) or Phrase("none_listed")  # the checklists and rates are not walked
    did_you_mean("dym_tree", name, trees, name=name, known=known)
    raise UsageError("no_tree", name=name, known=known)


def available_ids(overlay: Path | None) -> list[str]:
    ids: set[str] = set()
    for folder in search_dirs(overlay):
        ids.update(p.stem for p in folder.glob("*.yaml"))
    return sorted(ids)


def load_tree(name: str, overlay: Path | None) -> Tree:
    path = locate(name, overlay)
    loaded = load_file(path)
    if not isinstance(loaded, Tree):
        other = (
            "medbal docs"
            if isinstance(loaded, (Checklists, ChecklistsPatch))
            else "medbal estimate"
        )
        raise UsageError("not_a_tree", name=name, path=path, other=other)
    return loaded


def checklists_for(tree: Tree, overlay: Path | None) -> Checklists | None:
    """The checklists a tree's outcomes point at (`checklist: N`), checked; None if none do."""
    numbers = [(o.id, n) for o in tree.outcomes.values() for n in o.checklists]
    if not numbers:
        return None
    data = load_checklists(overlay)
    problems = [
        f"{tree.outcomes[oid].dates.where}: outcome '{oid}' names checklist {n}, "
        f"which {data.path} does not have; expected one of "
        f"{', '.join(str(c.number) for c in data.categories)}"
        for oid, n in numbers
        if data.find(str(n)) is None
    ]
    if problems:
        raise TreeError(problems)
    return data


def _load_data(file_id: str, cls: type[Data], kind: str, overlay: Path | None) -> Data:
    path = locate(file_id, overlay)
    loaded = load_file(path)
    if isinstance(loaded, ChecklistsPatch):
        loaded = resolve_patch(loaded, path, overlay)
    if not isinstance(loaded, cls):
        raise UsageError("wrong_kind", path=path, kind=kind)
    return loaded


def load_checklists(overlay: Path | None) -> Checklists:
    loaded: Checklists = _load_data(CHECKLISTS_ID, Checklists, "checklists", overlay)
    return loaded


def load_rates(overlay: Path | None) -> Rates:
    loaded: Rates = _load_data(RATES_ID, Rates, "rates", overlay)
    return loaded


def base_file(patch: ChecklistsPatch, path: Path, overlay: Path | None) -> Path:
    """The file a patch extends: the first `ID.yaml` in the tree folders that is not the patch."""

    here = path.resolve()
    for folder in search_dirs(overlay):
        candidate = folder / f"{patch.extends}.yaml"
        if candidate.is_file() and candidate.resolve() != here:
            return candidate
    raise TreeError(
        [
            f"{patch.where}: 'extends' names '{patch.extends}', but no tree folder "
            f"has another file {patch.extends}.yaml to lay this patch over"
        ]
    )


def resolve_patch(patch: ChecklistsPatch, path: Path, overlay: Path | None) -> Checklists:
    """The checklists a patch gives: its base with the patch laid over it, checked."""
    from medbal.files.patch import apply_patch  # YAML: only for a regional patch

    base_path = base_file(patch, path, overlay)
    base = load_file(base_path)
    if isinstance(base, ChecklistsPatch):
        raise TreeError(
            [
                f"{patch.where}: 'extends' names '{patch.extends}', and "
                f"{base_path} is itself a patch; extend the full file instead"
            ]
        )
    if not isinstance(base, Checklists):
        raise TreeError(
            [
                f"{patch.where}: 'extends' names '{patch.extends}' ({base_path}), "
                "which is not a checklists file"
            ]
        )
    if path.stem != patch.extends:  # found by its name, like any file in an overlay
        raise TreeError(
            [
                f"{patch.where}: a patch takes the place of the file it extends: "
                f"name this file {patch.extends}.yaml, or medbal will not use it"
            ]
        )
    return apply_patch(base, patch)
