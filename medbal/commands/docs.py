"""`medbal docs`: pick the categories asked for and make their view."""

from __future__ import annotations

from medbal.core.errors import UsageError
from medbal.core.model import Category, Checklists
from medbal.present.views import ChecklistsView, checklists_view


def pick(data: Checklists, key: str | None, all_: bool) -> list[Category]:
    if all_ or key is None:
        return list(data.categories)
    found = data.find(key)
    if found is None:
        valid = ", ".join(f"{c.number} {c.slug}" for c in data.categories)
        from medbal.i18n.suggest import did_you_mean

        did_you_mean("dym_category", key, [c.slug for c in data.categories], name=key,
                     valid=valid)
        raise UsageError("no_category", name=key, valid=valid)
    return [found]


def docs_view(data: Checklists, key: str | None, all_: bool, lang: str) -> ChecklistsView:
    """The checklists asked for: one category, or every one (the overview, --all)."""
    return checklists_view(data, pick(data, key, all_), lang)


def docs_kind(key: str | None, all_: bool) -> str:
    """With no category, text and Markdown show the overview table; HTML and JSON give
    every sheet, as --all does (medbal.present.present.RENDERERS)."""
    return "docs-overview" if key is None and not all_ else "docs"
