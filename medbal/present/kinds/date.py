"""The `date` kind's presenter (medbal.present.kinds): a question that asks for a day,
typed as YYYY-MM-DD (`--answer born=2026-11-20`) and shown written out ("20 November
2026" / "2026 年 11 月 20 日").  What is not a date, or is after today, the engine
refuses (medbal.core.kinds.date), in words that name the form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medbal.core.kinds.date import FORMAT, parse
from medbal.i18n.catalogue import msg
from medbal.i18n.typeset import written_date
from medbal.present.tags import text_or_none

if TYPE_CHECKING:
    from medbal.core.model import Option, Question
    from medbal.present.kinds import QuestionView
    from medbal.present.layout import Line

FORM = FORMAT


def keys(lang: str) -> str:
    return msg("keys_date", lang)


def view(q: Question, lang: str) -> dict[str, Any]:
    """What the date is ("the baby's date of birth"); null where the question says it."""
    return {"label": text_or_none(q.label, lang)}


def written(value: str, lang: str) -> str:
    """An ISO date written out in `lang`; what is not one, as it is."""
    day = parse(value)
    return value if day is None else written_date(day.year, day.month, day.day, lang)


def label(q: Question, option: Option, lang: str) -> str:
    return written(option.value, lang)


def shown(q: QuestionView, value: str, lang: str) -> str:
    return written(value, lang)


def asked(q: QuestionView, lang: str) -> str:
    """How to answer: "Give the baby's date of birth, written YYYY-MM-DD (...)"."""
    what = q.get("label")
    return msg("date_asked_of", lang, what=what) if what else msg("date_asked", lang)


def plain(q: QuestionView, lang: str) -> list[str]:
    return [f"  {asked(q, lang)}", f"     --answer {q['id']}={FORM}"]


def needs(q: QuestionView, lang: str, width: int) -> list[Line]:
    from medbal.present.layout import command, indent, wrap

    return indent(wrap(asked(q, lang), width - 2, lang), 2) + command(
        f"--answer {q['id']}={FORM}", width, indent=5
    )


def ask(q: QuestionView, lang: str, default: str | None, width: int) -> list[Line]:
    from medbal.present.layout import indent, wrap

    return indent(wrap(asked(q, lang), width - 2, lang, "cyan"), 2)


def read(q: QuestionView, entry: str) -> str | None:
    """Whatever was typed: the engine reads it as a date, or says why it is none."""
    return entry.strip() or None


def hint(q: QuestionView, entry: str) -> tuple[str, dict[str, object]]:
    return ("type_a_date", {})
