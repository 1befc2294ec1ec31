"""What one folder of trees holds, laid over the shipped ones: each file read once.

A `Shelf` reads a file when it is first asked for and keeps what it read, failures
too, so a file is read at most once however often it is asked for.  A one-off call of
the API makes a shelf and reads only what the call needs, as a command always has;
`Shelf.everything` reads and checks every file at once (every problem of every file
in one TreeError) and then never reads a file again: a name it does not hold is an
unknown tree, never a path to look at.  That is what a server wants (medbal serve):
nothing read while serving, nothing kept from one request to the next.

A `medbal.api.Library` is a shelf with the API's views; `api.Session` and
`api.diagnose_many` take one in place of a folder.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from medbal.api import checks
from medbal.core.errors import MedbalError, TreeError, UsageError
from medbal.core.langs import LANGS
from medbal.core.model import Checklists, Rates, Tree
from medbal.files import registry

if TYPE_CHECKING:
    from medbal.present.authoring import TreeRow  # the listing's modules: only when listed

# Tree names whose failure is kept; past it the oldest is forgotten (200,000 distinct
# unknown names in a batch must not fill the memory).
MAX_FAILURES = 256
Failure = MedbalError | TreeError
S = TypeVar("S", bound="Shelf")


# A file of the folders, as `tree list` shows it: where it is and what it replaces (a
# row), and its summary (kind, title, size) in each language, or its problems.
Listed = tuple[dict[str, Any], dict[str, dict[str, Any]] | list[str]]


class Shelf:
    """The trees, checklists and rates of `trees` (a folder laid over the shipped ones,
    else MEDBAL_TREES), each read and checked once.  With `paths=False` no message or
    listing names a file of this machine (a service's answers go to other people)."""

    def __init__(self, trees: checks.Folder = None, *, paths: bool = True):
        self._overlay: Path | None = checks.folder(trees)
        self.paths = checks.flag(paths, "paths")
        self._complete = False
        self._loaded: dict[str, Tree] = {}
        self._failed: OrderedDict[str, Failure] = OrderedDict()
        self._held: dict[int, Checklists | None] = {}  # by id() of a tree held above
        self._checklists: Checklists | Failure | None = None
        self._rates: Rates | Failure | None = None
        self._files: list[Listed] | None = None

    @classmethod
    def everything(cls: type[S], trees: checks.Folder = None, *, paths: bool = True) -> S:
        """A shelf holding every file of the folders, each read and checked now: raises
        TreeError with every problem of every file (FILE:LINE:COL) at once.  After this it
        reads no file: a tree it does not hold is unknown, whatever its name."""
        shelf = cls(trees, paths=paths)
        problems = [p for _, about in shelf._listing() if isinstance(about, list) for p in about]
        for tree_id in shelf.tree_ids():
            try:
                shelf.checklists_for(shelf.tree(tree_id))
            except TreeError as exc:
                problems += exc.problems
        if problems:
            raise TreeError(problems)
        shelf.checklists()
        shelf.rates()
        shelf._complete = True
        return shelf

    @property
    def complete(self) -> bool:
        """Whether every file is held (`Shelf.everything`), so that none is read again."""
        return self._complete

    # --- what it holds ------------------------------------------------------------

    def tree(self, name: checks.Name) -> Tree:
        """A decision tree by id, or by a YAML file's path (not on a complete shelf).
        UsageError for an unknown id (with the known ones) or a file that is no tree,
        TreeError for a broken file."""
        name = checks.tree_name(name)
        found = self._loaded.get(name)
        if found is not None:
            return found
        if self._complete:
            raise UsageError("no_tree", name=name, known=tuple(self.tree_ids()))
        failure = self._failed.get(name)
        if failure is None:
            try:
                self._loaded[name] = registry.load_tree(name, self._overlay)
                return self._loaded[name]
            except (MedbalError, TreeError) as exc:
                failure = self._failed[name] = exc
                if len(self._failed) > MAX_FAILURES:
                    self._failed.popitem(last=False)
        # Raised afresh each time: a kept exception would collect every raise's frames.
        raise failure.with_traceback(None)

    def checklists_for(self, tree: Tree) -> Checklists | None:
        """The checklists the tree's outcomes point at (`checklist: N`), checked against
        them (TreeError naming each number they lack); None if none point at one."""
        if id(tree) in self._held:
            return self._held[id(tree)]
        if not any(o.checklists for o in tree.outcomes.values()):
            found = None
        else:
            found = self.checklists()
            if problems := registry.misfit_problems(tree, found):
                raise TreeError(problems)
        if any(held is tree for held in self._loaded.values()):
            self._held[id(tree)] = found  # a tree held for good: its id is never reused
        return found

    def checklists(self) -> Checklists:
        """The checklists (`reimbursement.yaml`, with an overlay's patch laid over it);
        TreeError for a broken file."""
        if self._checklists is None:
            self._checklists = _loaded_or_failure(registry.load_checklists, self._overlay)
        if isinstance(self._checklists, Exception):
            raise self._checklists.with_traceback(None)
        return self._checklists

    def rates(self) -> Rates:
        """The rates of the estimate (`rates.yaml`); TreeError for a broken file."""
        if self._rates is None:
            self._rates = _loaded_or_failure(registry.load_rates, self._overlay)
        if isinstance(self._rates, Exception):
            raise self._rates.with_traceback(None)
        return self._rates

    def tree_ids(self) -> list[str]:
        """The ids of the decision trees the folders hold, sorted (every file is read, once,
        if it has not been): those a complete shelf answers."""
        return sorted(
            row["id"]
            for row, about in self._listing()
            if isinstance(about, dict)
            and about[LANGS[0]]["kind"] == "decision-tree"
            and not row["replaced"]
        )

    # --- every file ---------------------------------------------------------------

    def _listing(self) -> list[Listed]:
        if self._files is None:
            self._files = list(_every_file(self._overlay))
        return self._files

    def rows(self, lang: str) -> list[TreeRow]:
        """Every file the folders hold, overlay first, as `medbal tree list` shows it: its
        id, file (unless `paths` is off), origin, what it replaces, extends or is patched
        by, and its kind, title and size, or its problems."""
        rows: list[TreeRow] = []
        for listed, about in self._listing():
            row: dict[str, Any] = dict(listed)
            if not self.paths:
                del row["file"]
            if isinstance(about, list):
                row.update({"kind": "invalid", "title": "", "problems": about})
            else:
                row.update(about[lang])
            rows.append(cast("TreeRow", row))
        return rows


def _loaded_or_failure(load: Any, overlay: Path | None) -> Any:
    try:
        return load(overlay)
    except (MedbalError, TreeError) as exc:
        return exc


def _every_file(overlay: Path | None) -> list[Listed]:
    """Each YAML file of the overlay, then of the shipped folder: a shipped file the overlay
    replaces or patches is marked so."""
    from medbal.present.authoring import summary  # only where every file is listed

    files: list[Listed] = []
    overlaid: set[str] = set()
    patched: set[str] = set()
    shipped = registry.shipped_dir()
    for origin, folder in [*([("overlay", overlay)] if overlay else []), ("shipped", shipped)]:
        for path in sorted(folder.glob("*.yaml")):
            row: dict[str, Any] = {
                "id": path.stem,
                "file": str(path),
                "origin": origin,
                "extends": None,
                "replaced": origin == "shipped" and path.stem in overlaid,
                "patched": origin == "shipped" and path.stem in patched,
                "replaces": origin == "overlay" and (shipped / path.name).is_file(),
            }
            if origin == "overlay":
                overlaid.add(path.stem)
            try:
                loaded = registry.load_resolved(path, overlay)
            except TreeError as exc:
                files.append((row, exc.problems))
                continue
            if isinstance(loaded, Checklists) and loaded.extends:  # laid over its base
                row["extends"] = loaded.extends
                patched.add(path.stem)
            files.append((row, {lang: summary(loaded, lang) for lang in LANGS}))
    return files
