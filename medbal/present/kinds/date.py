"""The `date` kind's presenter (medbal.present.kinds): a question that asks for a day,
typed as YYYY-MM-DD (`--answer born=2026-11-20`) and shown written out ("20 November
2026" / "2026 年 11 月 20 日").  What is not a date, or is after today, the engine
refuses (medbal.core.kinds.date), in words that name the form.

Under the date, marked 0 (the key the session takes for it), the answer of a person
who does not know the date or would rather not give it: `--answer born=not-sure`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medbal.core.kinds.date import FORMAT, SKIP, parse
from medbal.i18n.catalogue import msg
from medbal.i18n.typeset import written_date
from medbal.present.tags import text_in, text_or_none

if TYPE_CHECKING:
    from medbal.core.model import Option, Question
    from medbal.present.kinds import QuestionView
    from medbal.present.layout import Line

FORM = FORMAT
SKIP_KEY = "0"  # what a person types at the prompt for no date: a digit, as for a choice


def keys(lang: str) -> str:
    return msg("keys_date", lang)


def view(q: Question, lang: str) -> dict[str, Any]:
    """What the date is ("the baby's date of birth"; null where the question says it),
    and the answer that gives no date, with its words."""
    return {
        "label": text_or_none(q.label, lang),
        "skip": {"value": SKIP, "label": text_in(q.skip or q.text, lang)},
    }


def written(value: str, lang: str) -> str:
    """An ISO date written out in `lang`; what is not one, as it is."""
    day = parse(value)
    return value if day is None else written_date(day.year, day.month, day.day, lang)


def label(q: Question, option: Option, lang: str) -> str:
    return text_in(option.label, lang) if option.value == SKIP else written(option.value, lang)


def shown(q: QuestionView, value: str, lang: str) -> str:
    return q["skip"]["label"] if value == SKIP else written(value, lang)


def asked(q: QuestionView, lang: str) -> str:
    """How to answer: "Give the baby's date of birth, written YYYY-MM-DD (...)"."""
    what = q.get("label")
    return msg("date_asked_of", lang, what=what) if what else msg("date_asked", lang)


def plain(q: QuestionView, lang: str) -> list[str]:
    return [
        f"  {asked(q, lang)}",
        f"     --answer {q['id']}={FORM}",
        f"  {SKIP_KEY}. {q['skip']['label']}",
        f"     --answer {q['id']}={SKIP}",
    ]


def needs(q: QuestionView, lang: str, width: int) -> list[Line]:
    """The date's form, then no date, each with the exact `--answer` on a line of its own."""
    from medbal.present.layout import command, hang, indent, wrap

    out = indent(wrap(asked(q, lang), width - 2, lang), 2)
    out += command(f"--answer {q['id']}={FORM}", width, indent=5)
    out += indent(
        hang(f"{SKIP_KEY}.", q["skip"]["label"], width - 2, lang, mark_style="bold cyan"), 2
    )
    return out + command(f"--answer {q['id']}={SKIP}", width, indent=5)


def ask(q: QuestionView, lang: str, default: str | None, width: int) -> list[Line]:
    """The date's form, and no date under it marked 0; ` *` marks it when Enter keeps it."""
    from medbal.present.layout import hang, indent, wrap

    skip = q["skip"]["label"] + (" *" if default == SKIP else "")
    out = wrap(asked(q, lang), width - 2, lang, "cyan")
    out += hang(f"{SKIP_KEY}.", skip, width - 2, lang, mark_style="bold cyan")
    return indent(out, 2)


def read(q: QuestionView, entry: str) -> str | None:
    """Whatever was typed (0: no date): the engine reads it as a date, or says why it is
    none."""
    entry = entry.strip()
    return SKIP if entry == SKIP_KEY else entry or None


def hint(q: QuestionView, entry: str) -> tuple[str, dict[str, object]]:
    return ("type_a_date", {})


# The engine's refusals (`--answer born=...`, which name the question's id and the word
# for no date, `not-sure`) as the session says them: the question is on the screen and
# the keys line under it says 0 gives no date; the page's words say the same.
AT_PROMPT = {
    "date_form": "date_field_bad",
    "date_no_such_day": "date_field_bad",
    "date_future": "date_field_future",
    "date_range": "date_field_early",
}


def refused(key: str) -> str:
    return AT_PROMPT.get(key, key)
