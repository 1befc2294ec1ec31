"""Where trees come from: the shipped folder, laid under an optional overlay.

A tree is named by its id, which is also its file name (`zero-balance` is
`zero-balance.yaml`), or by a path to a YAML file.  A folder given by `--trees`
or `MEDBAL_TREES` is looked in first, so a region's file with a shipped id
replaces the shipped one.  A checklists file there with `extends: ID` is a
patch: it is laid over the file ID found after it (the shipped one), so it
holds only what the region changes.

A name the system cannot use (too long, a loop of links, no such home for `~user`)
is a user's mistake like any other: one line, never "internal error", and never the
absolute path of the shipped trees.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TypeVar

from medbal.core.errors import MedbalError, Phrase, TreeError, UsageError
from medbal.core.model import Checklists, ChecklistsPatch, Rates, Tree
from medbal.files import crossfile
from medbal.files.bounded import STDIN
from medbal.files.readtree import Cacheable, load_file
from medbal.i18n.suggest import did_you_mean

Data = TypeVar("Data", Checklists, Rates)
CHECKLISTS_ID = "reimbursement"
RATES_ID = "rates"
# What a lookup meets where there is simply nothing: the next folder is looked in.
_ABSENT = (errno.ENOENT, errno.ENOTDIR)


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
    try:  # read it once here, so an unreadable folder is one message, not a traceback later
        path = Path(raw).expanduser()
        if not path.is_dir():
            raise UsageError("trees_not_folder", where=where, raw=raw)
        os.listdir(path)
    except RuntimeError:  # expanduser: '~nosuchuser/x', or no home at all
        no_home = Phrase("no_home")
        raise UsageError("trees_unreadable", where=where, raw=raw, reason=no_home) from None
    except OSError as exc:  # too long, a loop of links, no permission
        reason = exc.strerror or str(exc)
        raise UsageError("trees_unreadable", where=where, raw=raw, reason=reason) from None
    return path


def search_dirs(overlay: Path | None) -> list[Path]:
    return [d for d in (overlay, shipped_dir()) if d is not None]


def _present(path: Path, name: str) -> bool:
    """Whether anything is at `path`, a broken link, a pipe or a folder too: such a file
    in an overlay is reported, not passed over for the shipped one (issue 21, defect 30)."""
    try:
        os.lstat(path)
    except ValueError:  # a NUL in the name (from the API or a batch line): no file has one
        raise UsageError("tree_name_unusable", name=name, reason=Phrase("name_nul")) from None
    except OSError as exc:
        if exc.errno in _ABSENT:
            return False
        raise UsageError("tree_name_unusable", name=name, reason=exc.strerror) from None
    return True


def locate(name: str, overlay: Path | None) -> Path:
    """A tree's file from its id, or `name` itself when it is a path to a file."""
    if name.endswith((".yaml", ".yml")) or os.sep in name:
        path = Path(name)
        if not _present(path, name):
            raise UsageError("no_tree_file", name=name)
        return path
    for folder in search_dirs(overlay):
        candidate = folder / f"{name}.yaml"
        if _present(candidate, name):
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
    by_id = path.name == f"{name}.yaml"  # found in a tree folder, by its file name
    if by_id or isinstance(loaded, ChecklistsPatch):
        if problems := crossfile.named_as_its_id(loaded, path):
            raise TreeError(problems)
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
    if not any(o.checklists for o in tree.outcomes.values()):
        return None
    data = load_checklists(overlay)
    if problems := misfit_problems(tree, data):
        raise TreeError(problems)
    return data


def misfit_problems(tree: Tree, data: Checklists) -> list[str]:
    """What does not fit between a tree and the checklists, at the file to fix: the
    checklists' own place when a shipped tree meets a regional file laid over the
    shipped checklists (medbal.files.crossfile), else the tree's."""
    if _shipped(tree.path) and not _shipped(data.path):
        return crossfile.checklists_problems(data, tree)
    return crossfile.checklist_problems(tree, data)


def shipped_misfits(data: Checklists, overlay: Path | None) -> list[str]:
    """A checklists file that the trees use, against every shipped decision tree that
    would be used with it (none the overlay replaces), each problem at the checklists'
    place: `tree validate` of a regional patch finds what `medbal claim --trees DIR`
    would stop at."""
    if data.id != CHECKLISTS_ID:
        return []  # no tree points at another checklists file
    shipped = shipped_dir()
    own = overlay is not None and not _same(overlay, shipped)
    beside = {p.stem for p in overlay.glob("*.yaml")} if overlay and own else set()
    problems: list[str] = []
    for file in sorted(shipped.glob("*.yaml")):
        if file.stem in beside or file.stem in (CHECKLISTS_ID, RATES_ID):
            continue
        try:
            tree = load_file(file)
        except (MedbalError, TreeError):
            continue  # its own problems are its own file's, not this one's
        if isinstance(tree, Tree):
            problems += crossfile.checklists_problems(data, tree)
    return problems


def _shipped(path: str) -> bool:
    if path in ("", STDIN):  # `<stdin>` names no folder (its parent would be the current one)
        return False
    folder, shipped = Path(path).parent, shipped_dir()
    # As found by its id, the path is the shipped folder's own; resolved only otherwise.
    return folder == shipped or _same(folder, shipped)


def _same(folder: Path, other: Path) -> bool:
    try:
        return folder.resolve() == other.resolve()
    except (OSError, RuntimeError, ValueError):  # a name the system cannot resolve
        return False


def load_resolved(
    path: Path, overlay: Path | None, cached: bool = True, data: bytes | None = None
) -> Cacheable:
    """A file as medbal uses it: a patch laid over the file it extends, checked.
    `data`: the content of the file named `path`, read already (standard input).

    A patch's own problems and those of laying it over its base come at once (issue
    21, defect 23), and the result is cached under the patch and its base together:
    a patch of 20,000 documents is read and laid once, not on every call."""
    base = _base_of(path.stem, path, overlay)

    def resolve(patch: ChecklistsPatch) -> Checklists:
        from medbal.files import patching  # only where a patch is read

        base_path = base if patch.extends == path.stem else _base_of(patch.extends, path, overlay)
        if base_path is None:
            raise patching.no_base(patch)
        base_loaded = load_file(base_path, cached)
        if problems := patching.base_problems(patch, base_path, base_loaded):
            raise TreeError(problems)
        if named := crossfile.named_as_its_id(patch, path):
            raise TreeError(named)  # misnamed, it would never be used
        assert isinstance(base_loaded, Checklists)  # base_problems says otherwise
        return patching.apply_patch(base_loaded, patch)

    loaded = load_file(path, cached, base, resolve, data=data)
    assert not isinstance(loaded, ChecklistsPatch)  # resolved by load_file
    return loaded


def _base_of(file_id: str, path: Path, overlay: Path | None) -> Path | None:
    """The file a patch at `path` extending `file_id` is laid over: the first `ID.yaml`
    in the tree folders that is not the patch itself."""
    if overlay is None and path.parent == shipped_dir():
        return None  # the shipped file itself: there is no other
    try:
        here = path.resolve()
        for folder in search_dirs(overlay):
            candidate = folder / f"{file_id}.yaml"
            if candidate.is_file() and candidate.resolve() != here:
                return candidate
    except (OSError, RuntimeError):  # a loop of links: the patch's own read reports it
        return None
    return None


def _load_data(file_id: str, cls: type[Data], kind: str, overlay: Path | None) -> Data:
    path = locate(file_id, overlay)
    loaded = load_resolved(path, overlay)
    if not isinstance(loaded, cls):
        raise UsageError("wrong_kind", path=path, kind=kind)
    return loaded


def load_checklists(overlay: Path | None) -> Checklists:
    loaded: Checklists = _load_data(CHECKLISTS_ID, Checklists, "checklists", overlay)
    return loaded


def load_rates(overlay: Path | None) -> Rates:
    loaded: Rates = _load_data(RATES_ID, Rates, "rates", overlay)
    return loaded
