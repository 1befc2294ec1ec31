"""Results as typed views: plain data in one language, the boundary of every format.

Each command's result becomes one of the views below; every renderer (JSON, plain
text, the terminal, Markdown, HTML, the web page) is a function of a view alone, so the
language is chosen once and no renderer reaches back into the model.  A view is a
TypedDict, so the JSON envelope is the view itself: `json.dumps(view)`.  The keys
are a contract with scripts; tests/commands/test_contract.py pins them.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, TypedDict

from medbal.core.langs import shown
from medbal.i18n.catalogue import msg, source_label
from medbal.i18n.typeset import tidy

if TYPE_CHECKING:  # annotations only: a JSON call imports no model class it does not use
    from decimal import Decimal

    from medbal.core.engine import Result
    from medbal.core.estimate import Estimate
    from medbal.core.model import (
        Category,
        Checklists,
        Deadline,
        Document,
        Outcome,
        Question,
        Text,
    )

# --- shared pieces ------------------------------------------------------------


class SourceView(TypedDict):
    id: str
    label: str


class OptionView(TypedDict):
    value: str
    label: str


class QuestionView(TypedDict):
    id: str
    text: str
    help: str | None
    options: list[OptionView]


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


class DeadlineView(TypedDict):
    kind: str
    text: str
    amount: int | None
    unit: str | None
    event: str | None


class GuidanceItemView(TypedDict):
    text: str
    sources: list[SourceView]


class GuidanceView(TypedDict):
    id: str
    title: str
    items: list[GuidanceItemView]


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


class ChecklistsView(TypedDict):
    """`medbal docs`: the categories asked for, with what every sheet shares."""

    region: str
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
    checklist: ChecklistsView | None  # exactly `medbal docs N --format json`, if it has one


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


def _s(text: Text, lang: str) -> str:
    """A tree text in `lang`, spaced by the one rule (medbal.i18n.typeset.tidy)."""
    return tidy(text.get(lang), lang)


def _t(text: Text | None, lang: str) -> str | None:
    return _s(text, lang) if text is not None else None


def sources_view(refs: tuple[str, ...], lang: str) -> list[SourceView]:
    return [{"id": ref, "label": tidy(source_label(ref, lang), lang)} for ref in refs]


def question_view(q: Question, lang: str) -> QuestionView:
    return {
        "id": q.id,
        "text": _s(q.text, lang),
        "help": _t(q.help, lang),
        "options": [{"value": o.value, "label": _s(o.label, lang)} for o in q.options],
    }


def outcome_view(o: Outcome, lang: str, checklist: ChecklistsView | None = None) -> OutcomeView:
    return {
        "id": o.id,
        "title": _s(o.title, lang),
        "explanation": _s(o.explanation, lang),
        "pooled_fund": _t(o.pooled_fund, lang),
        "next_steps": [_s(s, lang) for s in o.next_steps],
        "where_to_check": [_s(s, lang) for s in o.where_to_check],
        "caveat": _t(o.caveat, lang),
        "sources": sources_view(o.sources, lang),
        "reference": _t(o.dates.reference, lang),
        "checklist": checklist,
    }


def diagnose_view(
    result: Result, lang: str, checklists: Checklists | None = None, tree_ref: str | None = None
) -> DiagnoseView:
    """The engine's result in one language, with the command that reproduces it."""
    view: DiagnoseView = {
        "tree": result.tree.id,
        "tree_title": _s(result.tree.title, lang),
        "lang": lang,
        "status": "outcome" if result.outcome is not None else "needs-answer",
        "answers": [
            {
                "question": a.question.id,
                "value": a.option.value,
                "text": _s(a.question.text, lang),
                "label": _s(a.option.label, lang),
            }
            for a in result.path
        ],
        "dropped": [{"question": q, "value": v} for q, v in result.dropped.items()],
        "command": command_line(result, lang, tree_ref),
    }
    if result.outcome is not None:
        number = result.outcome.checklist
        category = checklists.find(str(number)) if checklists and number else None
        checklist = (
            checklists_view(checklists, [category], lang) if checklists and category else None
        )
        view["outcome"] = outcome_view(result.outcome, lang, checklist)
    else:
        assert result.question is not None
        view["question"] = question_view(result.question, lang)
    return view


def command_line(result: Result, lang: str, tree_ref: str | None = None) -> str:
    """The one-shot command that reproduces this result."""
    parts = ["medbal", "diagnose", tree_ref or result.tree.id, "--lang", lang]
    for a in result.path:
        parts += ["--answer", f"{a.question.id}={a.option.value}"]
    if "".join(parts).isprintable():  # the usual case: nothing for bash's $'...'
        return shlex.join(parts)
    return " ".join(map(shell_word, parts))


def shell_word(word: str) -> str:
    """A word as a shell reads it back: quoted as shlex quotes it, or, where it holds a
    control character or a direction override (a file's name may), as bash's $'...'
    with that character escaped, so the command shows it and still names the file."""
    if shown(word) == word:
        return shlex.quote(word)
    return "$'" + shown(word.replace("\\", "\\\\").replace("'", "\\'")) + "'"


# --- docs -----------------------------------------------------------------------


def _deadline(d: Deadline, lang: str) -> DeadlineView:
    return {
        "kind": d.kind,
        "text": _s(d.text, lang),
        "amount": d.amount,
        "unit": d.unit,
        "event": _t(d.event, lang),
    }


def _documents(docs: tuple[Document, ...], lang: str) -> list[DocumentView]:
    return [
        {"id": d.id, "text": _s(d.text, lang), "sources": sources_view(d.sources, lang)}
        for d in docs
    ]


def category_view(c: Category, lang: str, data: Checklists | None = None) -> CategoryView:
    """One category; with its file, also the common documents and guidance that apply to it
    and the "no deadline given" line where the sources give no deadline for the claim."""
    deadlines = data.deadlines_of(c) if data is not None else c.deadlines
    return {
        "number": c.number,
        "slug": c.slug,
        "title": _s(c.title, lang),
        "applies_when": _s(c.applies_when, lang),
        "deadlines": [_deadline(d, lang) for d in deadlines],
        "common_documents": _documents(data.common_for(c), lang) if data is not None else [],
        "guidance": [
            {
                "id": g.id,
                "title": _s(g.title, lang),
                "items": [
                    {"text": _s(s.text, lang), "sources": sources_view(s.sources, lang)}
                    for s in g.items
                ],
            }
            for g in (data.guidance_for(c) if data is not None else ())
        ],
        "conditions": [_s(t, lang) for t in c.conditions],
        "documents": _documents(c.documents, lang),
        "variants": [
            {
                "id": v.id,
                "title": _s(v.title, lang),
                "applies_when": _s(v.applies_when, lang),
                "conditions": [_s(t, lang) for t in v.conditions],
                "documents": _documents(v.documents, lang),
            }
            for v in c.variants
        ],
        "notes": [_s(t, lang) for t in c.notes],
        "sources": sources_view(c.sources, lang),
        "reference": _t(c.dates.reference, lang),
    }


def checklists_view(data: Checklists, categories: list[Category], lang: str) -> ChecklistsView:
    return {
        "region": _s(data.region, lang),
        "region_note": _s(data.region_note, lang),
        "lang": lang,
        "title": _s(data.title, lang),
        "categories": [category_view(c, lang, data) for c in categories],
        "common_documents": [
            {**doc, "categories": list(d.categories)}
            for d, doc in zip(
                data.common_documents, _documents(data.common_documents, lang), strict=True
            )
        ],
        "claim_steps": [_s(s.text, lang) for s in data.claim_steps],
        "claim_steps_sources": sources_view(
            tuple(dict.fromkeys(ref for s in data.claim_steps for ref in s.sources)), lang
        ),
        "legal_basis": [_s(s.text, lang) for s in data.legal_basis],
        "sources": sources_view(data.sources, lang),
        "extends": data.extends,
    }


# --- estimate -------------------------------------------------------------------


class RegionView(TypedDict):
    id: str
    name: str


# "from" is a Python keyword, so this one is declared in the functional form.
SliceView = TypedDict(
    "SliceView", {"from": float, "to": float, "amount": float, "rate": float, "paid": float}
)


class ItemView(TypedDict):
    id: str
    label: str
    amount: float
    rate: float
    paid: float


class EstimateView(TypedDict):
    """`medbal estimate`: the bill slice by slice, what the fund pays, and the caveats."""

    region: RegionView
    lang: str
    applies_to: str
    bill: float
    threshold: float
    threshold_given: bool
    slices: list[SliceView]
    items: list[ItemView]
    total_paid: float
    own_share: float
    cap: float | None
    cap_applied: bool
    notes: list[str]
    reading: str
    notice: str
    sources: list[SourceView]


def yuan(value: float | None) -> str:
    """An amount as people write it: 6,760.00."""
    return "" if value is None else f"{value:,.2f}"


def _n(value: Decimal) -> float:
    return float(value)


def estimate_view(e: Estimate, lang: str) -> EstimateView:
    r = e.region
    notes = [
        msg("est_threshold", lang, threshold=yuan(_n(e.threshold)))
        if e.threshold_given
        else msg("est_no_threshold", lang)
    ]
    if r.cap is None:
        notes.append(msg("est_no_cap", lang))
    elif e.cap_applied:
        notes.append(msg("est_cap", lang, cap=yuan(_n(r.cap)), before=yuan(_n(e.before_cap))))
    else:
        notes.append(msg("est_cap_known", lang, cap=yuan(_n(r.cap))))
    labels = {i.id: _s(i.label, lang) for i in r.items}
    return {
        "region": {"id": r.id, "name": _s(r.name, lang)},
        "lang": lang,
        "applies_to": _s(r.applies_to, lang),
        "bill": _n(e.bill),
        "threshold": _n(e.threshold),
        "threshold_given": e.threshold_given,
        "slices": [
            {
                "from": _n(s.low),
                "to": _n(s.high),
                "amount": _n(s.amount),
                "rate": _n(s.rate),
                "paid": _n(s.paid),
            }
            for s in e.slices
        ],
        "items": [
            {
                "id": i.id,
                "label": labels[i.id],
                "amount": _n(i.amount),
                "rate": _n(i.rate),
                "paid": _n(i.paid),
            }
            for i in e.items
        ],
        "total_paid": _n(e.paid),
        "own_share": _n(e.own_share),
        "cap": None if r.cap is None else _n(r.cap),
        "cap_applied": e.cap_applied,
        "notes": notes,
        "reading": _s(r.reading, lang),
        "notice": msg("est_notice", lang),
        "sources": sources_view(r.sources, lang),
    }
