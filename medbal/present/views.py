"""Result objects as plain data in one language: the JSON envelope.

Every renderer (JSON, plain text, Rich, Markdown, HTML) formats these dicts, so
the language is chosen once and no renderer reaches back into the model.  The
keys are a contract with scripts: tests/test_contract.py pins them.
"""

from __future__ import annotations

import shlex
from typing import Any

from medbal.core.engine import Result
from medbal.core.model import Category, Checklists, Deadline, Document, Outcome, Question, Text
from medbal.i18n.catalogue import source_label


def _t(text: Text | None, lang: str) -> str | None:
    return text.get(lang) if text is not None else None


def sources_view(refs: tuple[str, ...], lang: str) -> list[dict[str, str]]:
    return [{"id": ref, "label": source_label(ref, lang)} for ref in refs]


def question_view(q: Question, lang: str) -> dict[str, Any]:
    return {
        "id": q.id,
        "text": q.text.get(lang),
        "help": _t(q.help, lang),
        "options": [{"value": o.value, "label": o.label.get(lang)} for o in q.options],
    }


def outcome_view(o: Outcome, lang: str) -> dict[str, Any]:
    return {
        "id": o.id,
        "title": o.title.get(lang),
        "explanation": o.explanation.get(lang),
        "pooled_fund": _t(o.pooled_fund, lang),
        "next_steps": [s.get(lang) for s in o.next_steps],
        "where_to_check": [s.get(lang) for s in o.where_to_check],
        "caveat": _t(o.caveat, lang),
        "sources": sources_view(o.sources, lang),
        "reference": _t(o.dates.reference, lang),
    }


def diagnose_view(result: Result, lang: str, checklists: Checklists | None = None,
                  tree_ref: str | None = None) -> dict[str, Any]:
    """`status` is `outcome` (exit 0) or `needs-answer` (exit 3).

    An outcome that leads to a reimbursement category carries, as `checklist`,
    exactly what `medbal docs N --format json` gives for it.
    """
    view: dict[str, Any] = {"tree": result.tree.id, "lang": lang}
    if result.outcome is not None:
        view["status"] = "outcome"
        view["outcome"] = outcome_view(result.outcome, lang)
        number = result.outcome.checklist
        category = checklists.find(str(number)) if checklists and number else None
        view["outcome"]["checklist"] = (checklists_view(checklists, [category], lang)
                                        if checklists and category else None)
    else:
        assert result.question is not None
        view["status"] = "needs-answer"
        view["question"] = question_view(result.question, lang)
    view["answers"] = [{"question": a.question.id, "value": a.option.value} for a in result.path]
    view["dropped"] = [{"question": q, "value": v} for q, v in result.dropped.items()]
    view["command"] = command_line(result, lang, tree_ref)
    return view


def command_line(result: Result, lang: str, tree_ref: str | None = None) -> str:
    """The one-shot command that reproduces this result."""
    parts = ["medbal", "diagnose", tree_ref or result.tree.id, "--lang", lang]
    for a in result.path:
        parts += ["--answer", f"{a.question.id}={a.option.value}"]
    return shlex.join(parts)


def _deadline(d: Deadline, lang: str) -> dict[str, Any]:
    return {"kind": d.kind, "text": d.text.get(lang), "amount": d.amount, "unit": d.unit,
            "event": _t(d.event, lang)}


def _documents(docs: tuple[Document, ...], lang: str) -> list[dict[str, Any]]:
    return [{"id": d.id, "text": d.text.get(lang), "sources": sources_view(d.sources, lang)}
            for d in docs]


def category_view(c: Category, lang: str, data: Checklists | None = None) -> dict[str, Any]:
    """One category; with its file, also the common documents and guidance that apply to it
    and the "no deadline given" line where the sources give no deadline for the claim."""
    deadlines = data.deadlines_of(c) if data is not None else c.deadlines
    return {
        "number": c.number,
        "slug": c.slug,
        "title": c.title.get(lang),
        "applies_when": c.applies_when.get(lang),
        "deadlines": [_deadline(d, lang) for d in deadlines],
        "common_documents": _documents(data.common_for(c), lang) if data is not None else [],
        "guidance": [{"id": g.id, "title": g.title.get(lang),
                      "items": [{"text": s.text.get(lang),
                                 "sources": sources_view(s.sources, lang)} for s in g.items]}
                     for g in (data.guidance_for(c) if data is not None else ())],
        "conditions": [t.get(lang) for t in c.conditions],
        "documents": _documents(c.documents, lang),
        "variants": [
            {"id": v.id, "title": v.title.get(lang), "applies_when": v.applies_when.get(lang),
             "conditions": [t.get(lang) for t in v.conditions],
             "documents": _documents(v.documents, lang)}
            for v in c.variants
        ],
        "notes": [t.get(lang) for t in c.notes],
        "sources": sources_view(c.sources, lang),
        "reference": _t(c.dates.reference, lang),
    }


def checklists_view(data: Checklists, categories: list[Category], lang: str) -> dict[str, Any]:
    return {
        "region": data.region.get(lang),
        "region_note": data.region_note.get(lang),
        "lang": lang,
        "title": data.title.get(lang),
        "categories": [category_view(c, lang, data) for c in categories],
        "common_documents": [{**doc, "categories": list(d.categories)} for d, doc in
                             zip(data.common_documents, _documents(data.common_documents, lang),
                                 strict=True)],
        "claim_steps": [s.text.get(lang) for s in data.claim_steps],
        "claim_steps_sources": sources_view(
            tuple(dict.fromkeys(ref for s in data.claim_steps for ref in s.sources)), lang),
        "legal_basis": [s.text.get(lang) for s in data.legal_basis],
        "sources": sources_view(data.sources, lang),
        "extends": data.extends,
    }
