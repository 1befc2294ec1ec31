"""Results as typed views: plain data in one language, the boundary of every format.

Each command's result becomes one of the views below; every renderer (JSON, plain
text, the terminal, Markdown, HTML, the web page) is a function of a view alone, so the
language is chosen once and no renderer reaches back into the model.  A view is a
TypedDict, so the JSON envelope is the view itself: `json.dumps(view)`.  The keys
are a contract with scripts; tests/commands/test_contract.py pins them.
"""

# No `from __future__ import annotations`: a TypedDict turns each annotation that is a
# string into a ForwardRef, compiling it, and the views' hundred fields cost a one-shot
# call 7 M instructions that way.  Names imported for type checking alone are quoted.

from typing import TYPE_CHECKING, TypedDict

from medbal.core.langs import shown
from medbal.i18n.catalogue import source_label
from medbal.i18n.typeset import tidy
from medbal.present.deadlines import NO_DUE, DeadlineView, DueView, deadline_view, due_view
from medbal.present.kinds import OptionView as OptionView
from medbal.present.kinds import QuestionView as QuestionView
from medbal.present.kinds import presenter
from medbal.present.tags import PlaceView, place_view, rule_text, tagged, text_in, text_or_none

if TYPE_CHECKING:  # annotations only: a JSON call imports no model class it does not use
    import datetime

    from medbal.core.engine import Result
    from medbal.core.model import (
        Category,
        Checklists,
        Document,
        Guidance,
        Outcome,
        Place,
        Question,
        Step,
    )

# --- shared pieces ------------------------------------------------------------


class SourceView(TypedDict):
    id: str
    label: str


class AnswerView(TypedDict):
    question: str
    value: str
    text: str  # the question as asked
    label: str  # the option as chosen


class DroppedView(TypedDict):
    question: str
    value: str


class DocumentView(TypedDict):
    id: str
    text: str
    sources: list[SourceView]


class CommonDocumentView(DocumentView):
    categories: list[str]  # the short names it applies to; [] = every category


class GuidanceItemView(TypedDict):
    text: str
    sources: list[SourceView]
    region: PlaceView | None


class GuidanceView(TypedDict):
    id: str
    title: str
    items: list[GuidanceItemView]
    region: PlaceView | None


class VariantView(TypedDict):
    id: str
    title: str
    applies_when: str
    conditions: list[str]
    documents: list[DocumentView]


class CategoryView(TypedDict):
    number: int
    slug: str
    title: str
    applies_when: str
    deadlines: list[DeadlineView]
    common_documents: list[DocumentView]
    guidance: list[GuidanceView]
    conditions: list[str]
    documents: list[DocumentView]
    variants: list[VariantView]
    notes: list[str]
    sources: list[SourceView]
    reference: str | None
    region: PlaceView | None  # its own region, else the file's


class ChecklistsView(TypedDict):
    """`medbal docs`: the categories asked for, with what every sheet shares."""

    region: str | None  # the name of the file's region (null: national rules)
    region_note: str
    lang: str
    title: str
    categories: list[CategoryView]
    common_documents: list[CommonDocumentView]
    claim_steps: list[str]
    claim_steps_sources: list[SourceView]
    legal_basis: list[str]
    sources: list[SourceView]
    extends: str | None


class OutcomeView(TypedDict):
    id: str
    title: str
    explanation: str
    pooled_fund: str | None
    next_steps: list[str]
    where_to_check: list[str]
    caveat: str | None
    sources: list[SourceView]
    reference: str | None
    # exactly `medbal docs N --format json` (N: every category it leads to), if it has one
    checklist: ChecklistsView | None
    region: PlaceView | None
    # A deadline counted from a date the person gave (an outcome's `due`), else null:
    due: str | None  # the day it falls on, YYYY-MM-DD
    due_passed: bool | None  # whether that day is before today
    due_text: str | None  # "By 13 December 2026 (Xiamen rule; confirm locally)"
    due_rule: str | None  # the deadline it counts: what is to be done by then
    due_late: str | None  # once it has passed: what is still possible


class _DiagnoseBase(TypedDict):
    tree: str
    tree_title: str
    lang: str
    status: str  # "outcome" (exit 0) or "needs-answer" (exit 3)
    answers: list[AnswerView]
    dropped: list[DroppedView]
    command: str  # the one-shot command that gives this result


class DiagnoseView(_DiagnoseBase, total=False):
    """`medbal diagnose`/`claim`: an outcome, or the question still to answer."""

    outcome: OutcomeView
    question: QuestionView


# --- diagnose -------------------------------------------------------------------


def sources_view(refs: tuple[str, ...], lang: str) -> list[SourceView]:
    return [{"id": ref, "label": tidy(source_label(ref, lang), lang)} for ref in refs]


def question_view(q: "Question", lang: str) -> QuestionView:
    view: QuestionView = {
        "id": q.id,
        "text": text_in(q.text, lang),
        "help": text_or_none(q.help, lang),
        "kind": q.kind,
    }
    view.update(presenter(q.kind).view(q, lang))  # type: ignore[typeddict-item]
    return view


def outcome_view(
    o: "Outcome", lang: str, checklist: ChecklistsView | None = None, due: DueView = NO_DUE
) -> OutcomeView:
    """An outcome; one that is a region's rule has the region's tag after its title, and a
    text of another region (or a national one) its own tag."""
    at = o.region
    return {
        "id": o.id,
        "title": tidy(tagged(text_in(o.title, lang, at), at, None, lang), lang),
        "explanation": text_in(o.explanation, lang, at),
        "pooled_fund": text_or_none(o.pooled_fund, lang, at),
        "next_steps": [text_in(s, lang, at) for s in o.next_steps],
        "where_to_check": [text_in(s, lang, at) for s in o.where_to_check],
        "caveat": text_or_none(o.caveat, lang, at),
        "sources": sources_view(o.sources, lang),
        "reference": text_or_none(o.dates.reference, lang),
        "checklist": checklist,
        "region": place_view(at, lang),
        **due,
    }


def diagnose_view(
    result: "Result",
    lang: str,
    checklists: "Checklists | None" = None,
    tree_ref: str | None = None,
    today: "datetime.date | None" = None,
) -> DiagnoseView:
    """The engine's result in one language, with the command that reproduces it; `today`
    tells whether a deadline counted from a date has passed."""
    view: DiagnoseView = {
        "tree": result.tree.id,
        "tree_title": text_in(result.tree.title, lang),
        "lang": lang,
        "status": "outcome" if result.outcome is not None else "needs-answer",
        "answers": [
            {
                "question": a.question.id,
                "value": a.option.value,
                "text": text_in(a.question.text, lang),
                "label": presenter(a.question.kind).label(a.question, a.option, lang),
            }
            for a in result.path
        ],
        "dropped": [{"question": q, "value": v} for q, v in result.dropped.items()],
        "command": command_line(result, lang, tree_ref),
    }
    if result.outcome is not None:
        found = [checklists.find(str(n)) for n in result.outcome.checklists] if checklists else []
        categories = [c for c in found if c is not None]
        checklist = (
            checklists_view(checklists, categories, lang) if checklists and categories else None
        )
        due = due_view(result, checklists, today, lang)
        view["outcome"] = outcome_view(result.outcome, lang, checklist, due)
    else:
        assert result.question is not None
        view["question"] = question_view(result.question, lang)
    return view


def command_line(result: "Result", lang: str, tree_ref: str | None = None) -> str:
    """The one-shot command that reproduces this result."""
    parts = ["medbal", "diagnose", tree_ref or result.tree.id, "--lang", lang]
    for a in result.path:
        parts += ["--answer", f"{a.question.id}={a.option.value}"]
    if "".join(parts).isprintable():  # the usual case: nothing for bash's $'...'
        return " ".join(map(_quote, parts))
    return " ".join(map(shell_word, parts))


# shlex.quote's rule, here because importing shlex compiles its pattern (1.3 M of the
# instructions of a one-shot call): a word of these characters stays as it is,
# any other goes in single quotes.  tests/present/test_views.py holds it to shlex's.
_UNQUOTED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")


def _quote(word: str) -> str:
    if not word:
        return "''"
    if _UNQUOTED.issuperset(word):
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"


def shell_word(word: str) -> str:
    """A word as a shell reads it back: quoted as shlex quotes it, or, where it holds a
    control character or a direction override (a file's name may), as bash's $'...'
    with that character escaped, so the command shows it and still names the file."""
    if shown(word) == word:
        return _quote(word)
    return "$'" + shown(word.replace("\\", "\\\\").replace("'", "\\'")) + "'"


# --- docs -----------------------------------------------------------------------


def _documents(docs: "tuple[Document, ...]", lang: str, at: "Place | None") -> list[DocumentView]:
    return [
        {"id": d.id, "text": text_in(d.text, lang, at), "sources": sources_view(d.sources, lang)}
        for d in docs
    ]


def _guidance(g: "Guidance", lang: str, file: "Place | None", at: "Place | None") -> GuidanceView:
    """A group of rules on a sheet whose region is `at` (the category's): each item tagged
    where its region (its own, else the group's) is not the sheet's."""
    group = g.region or file
    items: list[GuidanceItemView] = []
    for s in g.items:
        place = s.text.region or group
        text = tidy(tagged(text_in(s.text, lang, place), place, at, lang), lang)
        items.append(
            {
                "text": text,
                "sources": sources_view(s.sources, lang),
                "region": place_view(place, lang),
            }
        )
    return {
        "id": g.id,
        "title": text_in(g.title, lang, at),
        "items": items,
        "region": place_view(group, lang),
    }


def category_view(c: "Category", lang: str, data: "Checklists | None" = None) -> CategoryView:
    """One category; with its file, also the common documents and guidance that apply to it
    and the "no deadline given" line where the sources give no deadline for the claim.
    Its region (its own, else the file's) is named once, by the sheet; a text of another
    region (or a national one) has its own tag."""
    deadlines = data.deadlines_of(c) if data is not None else c.deadlines
    file = data.region if data is not None else None
    at = c.region or file
    return {
        "number": c.number,
        "slug": c.slug,
        "title": text_in(c.title, lang, at),  # the sheet names its region at its head
        "applies_when": text_in(c.applies_when, lang, at),
        "deadlines": [deadline_view(d, lang, at) for d in deadlines],
        "common_documents": _documents(data.common_for(c), lang, at) if data is not None else [],
        "guidance": [
            _guidance(g, lang, file, at) for g in (data.guidance_for(c) if data is not None else ())
        ],
        "conditions": [rule_text(t, lang, at) for t in c.conditions],  # tagged as deadlines are
        "documents": _documents(c.documents, lang, at),
        "variants": [
            {
                "id": v.id,
                "title": text_in(v.title, lang, at),
                "applies_when": text_in(v.applies_when, lang, at),
                "conditions": [rule_text(t, lang, at) for t in v.conditions],
                "documents": _documents(v.documents, lang, at),
            }
            for v in c.variants
        ],
        # a note that names its region is tagged as a condition is; one that names none
        # ("ask the agency what else to bring") is no rule, and has no tag
        "notes": [rule_text(t, lang, at) if t.region else text_in(t, lang, at) for t in c.notes],
        "sources": sources_view(c.sources, lang),
        "reference": text_or_none(c.dates.reference, lang),
        "region": place_view(at, lang),
    }


def _steps(steps: "tuple[Step, ...]", lang: str, file: "Place | None") -> list[str]:
    return [text_in(s.text, lang, file) for s in steps]


def checklists_view(data: "Checklists", categories: "list[Category]", lang: str) -> ChecklistsView:
    file = data.region
    named = place_view(file, lang)
    return {
        "region": named["name"] if named else None,
        "region_note": text_in(data.region_note, lang, file),
        "lang": lang,
        "title": text_in(data.title, lang, file),
        "categories": [category_view(c, lang, data) for c in categories],
        "common_documents": [
            {**doc, "categories": list(d.categories)}
            for d, doc in zip(
                data.common_documents,
                _documents(data.common_documents, lang, file),
                strict=True,
            )
        ],
        "claim_steps": _steps(data.claim_steps, lang, file),
        "claim_steps_sources": sources_view(
            tuple(dict.fromkeys(ref for s in data.claim_steps for ref in s.sources)), lang
        ),
        "legal_basis": _steps(data.legal_basis, lang, file),
        "sources": sources_view(data.sources, lang),
        "extends": data.extends,
    }
