"""The rules between files: a file's id against its name, and a decision tree against
the checklists its outcomes point at (a patch against the file it extends:
medbal.files.patching).

Each file's own rules are its builder's (medbal.files.loader, checklists, patch,
rates); what holds for any checked model, loaded or cached, is
medbal.files.invariants.  Every problem found here is reported at once, at the
FILE:LINE:COL of the entry that names what does not fit.

A tree against the checklists: every category an outcome names (`checklist: N` or
`[N, M]`) is there, and the deadline its `due` names is one of theirs, counted from an
event.  What does not fit is reported at the file to fix.  A shipped tree fits the
shipped checklists (the suite checks them together), so when it does not fit a regional
checklists file laid over them (a patch that replaced category 1's deadlines without the
one a `due` counts from, found by the fuzz profile), the problem is that file's, at its
own FILE:LINE:COL, naming the tree's outcome: nobody edits the shipped tree.  Any other
misfit is the tree's, at the outcome.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from medbal.core.model import (
    Category,
    Checklists,
    ChecklistsPatch,
    Deadline,
    Outcome,
    Rates,
    Tree,
)
from medbal.files.bounded import STDIN

Loaded = Tree | Checklists | ChecklistsPatch | Rates
LISTED = 12  # ids a message lists before it says how many there are in all


def listed(ids: Iterable[str]) -> str:
    """Ids for a message: the first few and the count, so a message about a list of
    20,000 stays one short line (and a patch's problems stay linear in the patch)."""
    shown: list[str] = []
    count = 0
    for i in ids:
        count += 1
        if count <= LISTED:
            shown.append(i)
    more = f", … ({count:,} in all)" if count > LISTED else ""
    return (", ".join(shown) or "none") + more


# --- a file's id and its name -----------------------------------------------------


def named_as_its_id(loaded: Loaded, path: Path) -> list[str]:
    """A file in a tree folder is found by its name: `card.yaml` must hold `id: card`,
    and a patch must be named for the file it extends (issue 21, defects 18, 19).  What
    is read from standard input has no name to check."""
    if path == Path(STDIN):
        return []
    if isinstance(loaded, ChecklistsPatch):
        if path.stem == loaded.extends:
            return []
        return [
            f"{loaded.where}: a patch takes the place of the file it extends: name this "
            f"file {loaded.extends}.yaml, or medbal will not use it"
        ]
    if path.stem == loaded.id:
        return []
    return [
        f"{path}:1:1: this file holds '{loaded.id}', but medbal finds a file by its "
        f"name: name it {loaded.id}.yaml, or give it id: {path.stem}"
    ]


# --- a tree against the checklists ----------------------------------------------------

COUNTED = ("within", "claim")  # deadlines that count a number of units from an event
NO_CATEGORY, NO_DEADLINE, TWICE, UNCOUNTED = "no-category", "no-deadline", "twice", "uncounted"


class Misfit:
    """One thing an outcome names that the checklists do not give as it needs.  (A plain
    class: a NamedTuple's class creation was most of this module's import, paid by every
    command that reads the checklists.)"""

    __slots__ = ("found", "number", "outcome", "what")

    def __init__(
        self,
        outcome: Outcome,
        what: str,  # NO_CATEGORY, NO_DEADLINE, TWICE or UNCOUNTED
        number: int = 0,  # NO_CATEGORY: the category it names
        found: tuple[tuple[Category, Deadline], ...] = (),  # the deadlines with the due's id
    ):
        self.outcome, self.what, self.number, self.found = outcome, what, number, found


def misfits(tree: Tree, data: Checklists) -> list[Misfit]:
    """What does not fit, in the tree's order; the `due` checks only once every category
    named is there."""
    missing = [
        Misfit(o, NO_CATEGORY, n)
        for o in tree.outcomes.values()
        for n in o.checklists
        if data.find(str(n)) is None
    ]
    return missing or [m for o in tree.outcomes.values() if (m := _due_misfit(o, data))]


def _categories(o: Outcome, data: Checklists) -> list[Category]:
    """The categories an outcome leads to that the checklists have."""
    return [c for n in o.checklists if (c := data.find(str(n))) is not None]


def _due_misfit(o: Outcome, data: Checklists) -> Misfit | None:
    if o.due is None:
        return None
    cats = _categories(o, data)
    found = tuple((c, d) for c in cats for d in c.deadlines if d.id == o.due.deadline)
    if not found:
        return Misfit(o, NO_DEADLINE)
    if len(found) > 1:
        return Misfit(o, TWICE, found=found)
    d = found[0][1]
    if d.kind not in COUNTED or d.amount is None or d.unit is None:
        return Misfit(o, UNCOUNTED, found=found)
    return None


# --- at the tree ------------------------------------------------------------------------


def checklist_problems(tree: Tree, data: Checklists) -> list[str]:
    """Each misfit at the outcome that names what does not fit (FILE:LINE:COL)."""
    return [_at_tree(m, data) for m in misfits(tree, data)]


def _at_tree(m: Misfit, data: Checklists) -> str:
    o = m.outcome
    if m.what == NO_CATEGORY:
        return (
            f"{o.dates.where}: outcome '{o.id}' names checklist {m.number}, which "
            f"{data.path} does not have; expected one of "
            f"{listed(str(c.number) for c in data.categories)}"
        )
    assert o.due is not None  # every other misfit is of a due
    named = f"{o.due.where}: the 'due' of outcome '{o.id}' names deadline '{o.due.deadline}'"
    if m.what == NO_DEADLINE:
        return (
            f"{named}, which category {_numbers(o)} of {data.path} does not have; "
            f"its deadline ids: {listed(_ids(o, data))}"
        )
    if m.what == TWICE:
        return f"{named}, found in two categories"
    return f"{named}, which counts no amount of days, months or years from an event ({_kind(m)})"


# --- at the checklists ------------------------------------------------------------------


def checklists_problems(data: Checklists, tree: Tree) -> list[str]:
    """Each misfit at the checklists file's own place (a regional file laid under a shipped
    tree), naming the tree's outcome and where it is."""
    return [_at_checklists(m, data, tree) for m in misfits(tree, data)]


def _at_checklists(m: Misfit, data: Checklists, tree: Tree) -> str:
    o = m.outcome
    if m.what == NO_CATEGORY:
        return (
            f"{data.path}:1:1: there is no category {m.number}, which outcome '{o.id}' of "
            f"tree '{tree.id}' leads to ({o.dates.where}); keep category {m.number}"
        )
    assert o.due is not None  # every other misfit is of a due
    name = o.due.deadline
    counts = f"which outcome '{o.id}' of tree '{tree.id}' counts a due day from ({o.due.where})"
    keep = f"(kind {' or '.join(COUNTED)}, with 'amount' and 'unit')"
    cats = _categories(o, data)
    if m.what == NO_DEADLINE:
        whose = "its" if len(cats) == 1 else "their"
        return (
            f"{_place(cats, data)}: {_have(o)} no deadline '{name}', {counts}; give one of "
            f"{whose} deadlines id: {name} {keep}; {whose} deadline ids: "
            f"{listed(_ids(o, data))}"
        )
    # The one this file wrote (a patch's copy, not the shipped one it sits beside).
    written = [d.where for _, d in m.found if d.where.startswith(f"{data.path}:")]
    at = written[-1] if written else _place(cats, data)
    if m.what == TWICE:
        return f"{at}: deadline '{name}', {counts}, is in two categories; keep it in one"
    return f"{at}: deadline '{name}', {counts}, counts no amount from an event ({_kind(m)})"


def _place(cats: list[Category], data: Checklists) -> str:
    """Where in the checklists file the categories' deadlines are: the first deadline
    written there (a patch's replaced list), else a category's own entry, else the file."""
    own = f"{data.path}:"
    deadlines = (d.where for c in cats for d in c.deadlines)
    for where in (*deadlines, *(c.dates.where for c in cats)):
        if where.startswith(own):
            return where
    return f"{data.path}:1:1"


def _have(o: Outcome) -> str:
    """`category 1 has`, `categories 4 and 11 have`: the categories an outcome leads to."""
    numbers = [str(n) for n in o.checklists]
    if len(numbers) == 1:
        return f"category {numbers[0]} has"
    return f"categories {', '.join(numbers[:-1])} and {numbers[-1]} have"


def _numbers(o: Outcome) -> str:
    return ", ".join(map(str, o.checklists))


def _ids(o: Outcome, data: Checklists) -> list[str]:
    cats = _categories(o, data)
    return [d.id for c in cats for d in c.deadlines if d.id]


def _kind(m: Misfit) -> str:
    d = m.found[0][1]
    return f"kind {d.kind}; expected {' or '.join(COUNTED)}, with 'amount' and 'unit'"
