"""The `choice` kind's presenter (medbal.present.kinds): the options, numbered, each
with the `--answer` that picks it; a person types an option's number or its value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medbal.core.engine import is_number
from medbal.i18n.catalogue import msg
from medbal.present.tags import text_in

if TYPE_CHECKING:
    from medbal.core.model import Option, Question
    from medbal.present.kinds import QuestionView
    from medbal.present.layout import Line


def keys(lang: str) -> str:
    return msg("keys", lang)


def view(q: Question, lang: str) -> dict[str, Any]:
    return {"options": [{"value": o.value, "label": text_in(o.label, lang)} for o in q.options]}


def label(q: Question, option: Option, lang: str) -> str:
    return text_in(option.label, lang)


def shown(q: QuestionView, value: str, lang: str) -> str:
    return next(o["label"] for o in q["options"] if o["value"] == value)


def plain(q: QuestionView, lang: str) -> list[str]:
    """Each option, and on a line of its own the `--answer` that picks it."""
    return [
        line
        for i, o in enumerate(q["options"], 1)
        for line in (f"  {i}. {o['label']}", f"     --answer {q['id']}={o['value']}")
    ]


def needs(q: QuestionView, lang: str, width: int) -> list[Line]:
    """Under each option, on a line of its own, the exact `--answer` that picks it."""
    from medbal.present.layout import command, hang, indent

    out: list[Line] = []
    for i, o in enumerate(q["options"], 1):
        out += indent(hang(f"{i}.", o["label"], width - 2, lang, mark_style="bold cyan"), 2)
        out += command(f"--answer {q['id']}={o['value']}", width, indent=5)
    return out


def ask(q: QuestionView, lang: str, default: str | None, width: int) -> list[Line]:
    """The options, numbered; ` *` marks the one Enter keeps."""
    from medbal.present.layout import hang, indent

    labels = [o["label"] + (" *" if o["value"] == default else "") for o in q["options"]]
    marks = [f"{i}." for i in range(1, len(labels) + 1)]
    room = max((len(m) for m in marks), default=0)
    lines = [
        line
        for mark, text in zip(marks, labels, strict=True)
        for line in hang(mark.rjust(room), text, width - 2, lang, mark_style="bold cyan")
    ]
    return indent(lines, 2)


def read(q: QuestionView, entry: str) -> str | None:
    """An option's number (1-based) or its value, as an option's value."""
    entry = entry.strip()
    values = [o["value"] for o in q["options"]]
    if is_number(entry) and 1 <= int(entry) <= len(values):
        return values[int(entry) - 1]
    return entry.lower() if entry.lower() in values else None


def hint(q: QuestionView, entry: str) -> tuple[str, dict[str, object]]:
    n = len(q["options"])
    return ("not_an_option", {"entry": entry, "n": n}) if entry else ("type_a_number", {"n": n})


def refused(key: str) -> str:
    return key  # `read` gives only an option's value: the engine refuses none of them
