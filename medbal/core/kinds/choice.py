"""The `choice` kind: a question with options, each leading on.  An answer is an
option's value (`--answer scheme=yearly`)."""

from __future__ import annotations

import datetime

from medbal.core.errors import Localized, Phrase, refused
from medbal.core.model import Option, Question

NAME = "choice"
FIELDS = {"options": True}


def edges(q: Question) -> tuple[Option, ...]:
    return q.options


def answer(q: Question, value: str, today: datetime.date | None) -> Option:
    option = q.option(value)
    if option is None:
        values = tuple(o.value for o in q.options)
        # each value with its label, for a language whose reader does not know the
        # English value's meaning ("employer（单位缴纳…）")
        named = tuple(
            Phrase("named_value", value=o.value, label=Localized(o.label.words)) for o in q.options
        )
        raise refused("not_an_answer", q, value, values=values, named=named)
    return option
