"""What a checked model holds, however it was made: built from YAML by the loaders, or
decoded from the cache (medbal.files.cache), which is input like any file.

The engine and the renderers rely on these: every reference resolves, a tree has no
loop and no node it cannot reach, ids are unique where they are looked up, numbers are
in their ranges.  The loaders report a broken rule at the file's FILE:LINE:COL (the
graph check is shared with medbal.files.loader); `problems` says only whether a model
holds them, for an entry that is thrown away when it does not.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

from medbal.core.engine import always_asked
from medbal.core.kinds import DEFAULT, KINDS, OWN_FIELDS, edges
from medbal.core.kinds import date as date_kind
from medbal.core.model import (
    Checklists,
    Dates,
    Document,
    Guidance,
    Place,
    Question,
    Rates,
    Review,
    Tree,
)
from medbal.files.limits import (
    CATEGORY_NUMBER,
    CHECKLIST,
    ID_PATTERN,
    REVIEW_MONTHS,
    SOURCE_PATTERN,
)
from medbal.i18n.sources import known as known_source

# Years a date may have: a review window added to one cannot overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2199
DEADLINE_KINDS = ("within", "at-least", "in-advance", "after", "claim", "not-stated")
UNITS = ("day", "month", "year")
# The keys an interactive session reads as commands, never as an option's value: the
# options' numbers (1, 2, ...) and the one-letter keys (medbal.present.session: q quits,
# r restarts, b goes back; ? is no id).
SESSION_KEYS = frozenset("qrb")


def value_clashes(value: str) -> bool:
    """Whether an option value would read as a session key: digits, or one of its letters."""
    return value.isdigit() or value in SESSION_KEYS


def graph(
    start: str, questions: Mapping[str, Question], nodes: Iterable[str]
) -> list[tuple[str, str]]:
    """(node id, problem) for each loop and each node the start does not reach.

    One iterative depth-first pass, linear in size.  With every reference resolved
    and every question offering options, a graph without cycles guarantees that
    every path ends in an outcome."""
    out: list[tuple[str, str]] = []
    state: dict[str, int] = {start: 1}  # 1 = on the current path, 2 = done
    stack: list[tuple[str, int]] = [(start, 0)]
    while stack:
        nid, i = stack.pop()
        q = questions.get(nid)
        ways = edges(q) if q is not None else ()
        if i >= len(ways):
            state[nid] = 2
            continue
        stack.append((nid, i + 1))
        nxt = ways[i].next
        if state.get(nxt) == 1:
            out.append(
                (
                    nid,
                    f"question '{nid}' leads back to '{nxt}' (option "
                    f"'{ways[i].value}'), a tree must not loop",
                )
            )
        elif nxt not in state:
            state[nxt] = 1
            stack.append((nxt, 0))
    out += [
        (
            nid,
            f"'{nid}' cannot be reached from the start '{start}', "
            "link it from an option or remove it",
        )
        for nid in nodes
        if nid not in state
    ]
    return out


def problems(loaded: Tree | Checklists | Rates) -> list[str]:
    """What is wrong with a model, in words; [] when it holds every rule."""
    if isinstance(loaded, Tree):
        return _tree(loaded)
    if isinstance(loaded, Checklists):
        return _checklists(loaded)
    return _rates(loaded)


def _tree(t: Tree) -> list[str]:
    out: list[str] = []
    questions, outcomes = t.questions, t.outcomes
    nodes = {**dict.fromkeys(questions), **dict.fromkeys(outcomes)}
    if len(nodes) != len(questions) + len(outcomes):
        out.append("an id is both a question and an outcome")
    if t.start not in nodes:
        out.append(f"'start' names '{t.start}', which is not a question or outcome")
    # Locals and one pass: a large tree's entry has tens of thousands of these.
    ids: list[str] = [t.id, *nodes]
    for k, q in questions.items():
        if q.kind != DEFAULT:  # another kind: its own fields only, and where it leads
            out += _other_kind(k, q, nodes)
            continue
        values = [o.value for o in q.options]
        targets = [o.next for o in q.options]
        if q.id != k or len(values) < 2 or len(set(values)) != len(values) or q.next or q.label:
            out.append(f"question '{k}' is stored under another id, or its options are wrong")
        if not nodes.keys() >= set(targets):
            out.append(f"an option of question '{k}' leads out of the tree")
        ids += values
    out += [f"'{v}' would read as a session key" for v in ids[1 + len(nodes) :] if value_clashes(v)]
    low, high = CHECKLIST
    for k, o in outcomes.items():
        numbers = o.checklists
        wrong = bool(numbers) and (
            len(set(numbers)) != len(numbers) or not all(low <= n <= high for n in numbers)
        )
        if o.id != k or wrong:
            out.append(f"outcome '{k}' is stored under another id, or names a wrong checklist")
        out += _dates(o.dates)
    out += _places([o.region for o in outcomes.values()])
    out += _ids(ids + [o.due.deadline for o in outcomes.values() if o.due is not None])
    out += _sources(ref for o in outcomes.values() for ref in o.sources)
    if not out:  # the walk needs every reference resolved
        out += [message for _, message in graph(t.start, questions, nodes)]
    if not out and any(o.due is not None for o in outcomes.values()):
        out += _dues(t)
    return out + _review(t.review)


def _other_kind(k: str, q: Question, nodes: Mapping[str, object]) -> list[str]:
    """A question of a kind other than choice: a kind medbal has, no option, where it
    leads in the tree."""
    kind = KINDS.get(q.kind)
    if kind is None or q.id != k or q.options:
        return [f"question '{k}' is stored under another id, or has a kind medbal lacks"]
    unused = [n for n in OWN_FIELDS if n not in kind.FIELDS and getattr(q, n)]
    if unused or any(o.next not in nodes for o in edges(q)):
        return [f"question '{k}' has fields its kind lacks, or leads out of the tree"]
    return []


def _dues(t: Tree) -> list[str]:
    """An outcome's `due` counts from a date question asked on every path to it."""
    asked = always_asked(t, date_kind.NAME)
    return [
        f"outcome '{o.id}' counts its date from '{o.due.question}', not asked on every path"
        for o in t.outcomes.values()
        if o.due is not None
        and (o.due.question not in asked.get(o.id, frozenset()) or not o.checklists)
    ]


def _checklists(c: Checklists) -> list[str]:
    out: list[str] = []
    low, high = CATEGORY_NUMBER
    numbers = [cat.number for cat in c.categories]
    if numbers != sorted(set(numbers)) or not all(low <= n <= high for n in numbers):
        out.append("category numbers out of order, repeated or out of range")
    slugs = {cat.slug for cat in c.categories}
    if len(slugs) != len(numbers):
        out.append("a category slug is repeated")
    entries: list[Document | Guidance] = [*c.common_documents, *c.guidance]
    ids = [c.id, *slugs, *(e.id for e in entries)]
    ids += [d.id for cat in c.categories for d in cat.documents]
    ids += [v.id for cat in c.categories for v in cat.variants]
    ids += [d.id for cat in c.categories for v in cat.variants for d in v.documents]
    ids += [d.id for cat in c.categories for d in cat.deadlines if d.id is not None]
    out += _ids(ids) + _sources(_checklists_sources(c))
    out += _unique("common document", c.common_documents) + _unique("guidance", c.guidance)
    for entry in entries:
        out += [f"'{entry.id}' names no category '{s}'" for s in entry.categories if s not in slugs]
    for cat in c.categories:
        out += _unique("document", cat.documents) + _unique("variant", cat.variants)
        for v in cat.variants:
            out += _unique("document", v.documents)
        if not (cat.documents or any(v.documents for v in cat.variants) or c.common_for(cat)):
            out.append(f"category {cat.number} lists no documents")
        out += _unique("deadline", [d for d in cat.deadlines if d.id is not None])
        for d in cat.deadlines:
            if d.kind not in DEADLINE_KINDS or (d.unit is not None and d.unit not in UNITS):
                out.append(f"a deadline of category {cat.number} has an unknown kind or unit")
            if (d.amount is None) != (d.unit is None) or not 1 <= (d.amount or 1) <= 1000:
                out.append(f"a deadline of category {cat.number} has a wrong amount")
        out += _dates(cat.dates)
    from medbal.files.regions import places_of, unmarked  # checklists only: not a tree's

    out += _places(places_of(c)) + unmarked(c)
    return out + _review(c.review)


def _rates(r: Rates) -> list[str]:
    out: list[str] = []
    out += _ids([r.id, *r.regions, *(i.id for g in r.regions.values() for i in g.items)])
    out += _sources(ref for region in r.regions.values() for ref in region.sources)
    if r.default_region not in r.regions:
        out.append(f"'default_region' names '{r.default_region}', which is not a region")
    for rid, region in r.regions.items():
        if region.id != rid or not region.bands:
            out.append(f"region '{rid}' is stored under another id, or has no bands")
        tops = [b.up_to for b in region.bands]
        figures = [region.threshold, region.cap, *tops]
        rates = [b.rate for b in region.bands] + [i.rate for i in region.items]
        if not all(map(_amount, figures)) or not all(_amount(x, 100) for x in rates):
            out.append(f"region '{rid}': an amount or a rate is not a number in its range")
        elif tops[-1:] != [None] or None in tops[:-1]:
            out.append(f"region '{rid}': only the last band may lack 'up_to'")
        elif any(a >= b for a, b in zip(tops, tops[1:-1], strict=False)):  # type: ignore[operator]
            out.append(f"region '{rid}': the bands are not in order")
        out += _unique("item", region.items) + _dates(region.dates)
    out += _places([region.region for region in r.regions.values()])
    return out + _review(r.review)


_IDS = re.compile(f"(?:{ID_PATTERN[1:-1]}\n)*")


def _ids(ids: list[str]) -> list[str]:
    """Every id as the loader reads one: one match over them all, not one each."""
    return (
        []
        if _IDS.fullmatch("\n".join(ids) + "\n")
        else ["an id is not lower-case letters, digits and '-'"]
    )


_SOURCE = re.compile(SOURCE_PATTERN)


def _sources(refs: Iterable[str]) -> list[str]:
    """Every source is one a reader can be shown (its label is looked up by its id)."""
    bad = next((ref for ref in refs if not (_SOURCE.fullmatch(ref) and known_source(ref))), None)
    return [] if bad is None else [f"source '{bad}' is not a known reference"]


def _checklists_sources(c: Checklists) -> Iterator[str]:
    yield from c.sources
    documents = [*c.common_documents]
    for cat in c.categories:
        yield from cat.sources
        for d in cat.deadlines:
            yield from d.sources
        documents += [*cat.documents, *(d for v in cat.variants for d in v.documents)]
    for step in [*c.claim_steps, *c.legal_basis, *(i for g in c.guidance for i in g.items)]:
        yield from step.sources
    for document in documents:
        yield from document.sources


def _unique(kind: str, entries: Iterable[object]) -> list[str]:
    ids = [getattr(e, "id", None) for e in entries]
    return [f"{kind} id '{i}' appears twice"] if (i := _repeated(ids)) is not None else []


def _repeated(ids: list[object]) -> object | None:
    seen: set[object] = set()
    for i in ids:
        if i in seen:
            return i
        seen.add(i)
    return None


def _places(places: list[Place | None]) -> list[str]:
    """Every region is one `region:` reads to (medbal.files.regions.known_place), checked
    only where there is one: most trees name none, and never import the module."""
    named = [p for p in places if p is not None]
    if not named:
        return []
    from medbal.files.regions import known_place

    return [f"region '{p.id}' is not one medbal reads" for p in named if not known_place(p)]


def _amount(value: Decimal | None, high: int = 10**9) -> bool:
    return value is None or (type(value) is Decimal and value.is_finite() and 0 <= value <= high)


def _dates(d: Dates) -> list[str]:
    days = (d.reviewed, d.valid_from, d.valid_until)
    return [f"{d.where}: {day} is out of range" for day in days if not _year(day)]


def _review(r: Review) -> list[str]:
    low, high = REVIEW_MONTHS
    ok = _year(r.reviewed) and low <= r.months <= high
    return [] if ok else [f"{r.where}: the review date or window is out of range"]


def _year(day: datetime.date | None) -> bool:
    return day is None or FIRST_YEAR <= day.year <= LAST_YEAR
