"""How each kind of question (medbal.core.kinds) is shown and answered: its presenter,
the module here of the kind's name.

A presenter works on the views (medbal.present.views) in one language, except where the
view is made (`view`, `label`), and has:

    keys(lang)                    the interactive session's prompt: the keys to type
    view(q, lang)                 the kind's own keys of the question's JSON view
    label(q, option, lang)        an answer as the answers list shows it
    shown(q, value, lang)         a value as a person reads it (the default Enter keeps)
    plain(q, lang)                plain text's lines under the question
    needs(q, lang, width)         the terminal's lines under the question a one-shot call
                                  stops at: how to answer, with the `--answer` to add
    ask(q, lang, default, width)  the interactive session's lines under the question
    read(q, entry)                what a person typed, as a value to answer with (None: not
                                  one; the engine still checks it)
    hint(q, entry)                the catalogue key and values of the hint for an entry
                                  `read` did not take
    refused(key)                  the catalogue key the session says in place of the
                                  engine's refusal `key` of what `read` gave (the question
                                  is on the screen: its id, the one-shot call's word, is not)

The web page's side of a kind is page.js's KINDS.  Presenters are imported by name,
when a question of their kind is shown: a new kind needs no line here.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any, Protocol, TypedDict, cast

if TYPE_CHECKING:
    from medbal.core.model import Option, Question
    from medbal.present.layout import Line


class OptionView(TypedDict):
    value: str
    label: str


class _QuestionBase(TypedDict):
    id: str
    text: str
    help: str | None
    kind: str  # what it asks for (medbal.core.kinds): choice, date


class QuestionView(_QuestionBase, total=False):
    """A question as the JSON gives it (medbal.present.views); the keys after `kind` are
    its kind's, made by its presenter's `view`."""

    options: list[OptionView]  # a choice's: what to pick from
    label: str | None  # a date's: what the date is ("the baby's date of birth")
    skip: OptionView  # a date's: the answer that gives no date, and its words


class Presenter(Protocol):
    def keys(self, lang: str) -> str: ...

    def view(self, q: Question, lang: str) -> dict[str, Any]: ...

    def label(self, q: Question, option: Option, lang: str) -> str: ...

    def shown(self, q: QuestionView, value: str, lang: str) -> str: ...

    def plain(self, q: QuestionView, lang: str) -> list[str]: ...

    def needs(self, q: QuestionView, lang: str, width: int) -> list[Line]: ...

    def ask(self, q: QuestionView, lang: str, default: str | None, width: int) -> list[Line]: ...

    def read(self, q: QuestionView, entry: str) -> str | None: ...

    def hint(self, q: QuestionView, entry: str) -> tuple[str, dict[str, object]]: ...

    def refused(self, key: str) -> str: ...


@functools.cache
def presenter(kind: str) -> Presenter:
    """The presenter of a kind of question: medbal.present.kinds.KIND."""
    return cast(Presenter, importlib.import_module(f"{__name__}.{kind}"))


def of(q: QuestionView) -> Presenter:
    """The presenter of a question's view (a view from before kinds is a choice's)."""
    return presenter(q.get("kind", "choice"))
