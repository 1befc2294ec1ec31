"""Errors a person may cause, each with the exit code the CLI documents.

Library code raises these; only the CLI layer turns them into a message and an
exit code, so no one ever sees a traceback for bad input.  An error carries data, a
key and the values it names, never words: medbal.i18n turns it into words in a
language when it is shown (it registers that wording here when it is imported).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from medbal.core.langs import LANGS, shown

if TYPE_CHECKING:  # annotations only: the model imports nothing of this module's users
    from medbal.core.model import Question

# Exit codes (documented in the README; scripts depend on them).  The one definition:
# medbal.process and every command take them from here.
OK = 0
FAILED = 1  # a broken or invalid tree file, end of input, a file that cannot be written
USAGE = 2  # bad option or argument: unknown tree, question, answer value or category
NEEDS_ANSWER = 3  # one-shot diagnose stopped at a question that has no answer yet
INTERRUPTED = 130  # Ctrl-C
TERMINATED = 143  # SIGTERM (128 + 15), as a shell reports a terminated program

# A message as one line: a newline or an escape sequence in echoed data is shown, not
# obeyed.  The one escaping function (medbal.core.langs.shown), under the name the file
# readers use for their FILE:LINE:COL problems.
one_line = shown

Wording = Callable[["Phrase", str], str]
_wording: list[Wording] = []  # set by medbal.i18n.catalogue when it is imported


def use_wording(wording: Wording) -> None:
    """How a Phrase becomes words in a language: medbal.i18n.catalogue registers its
    lookup here, so this layer needs no import of the one above it."""
    _wording[:] = [wording]


class Phrase:
    """Words from the catalogue (medbal.i18n.catalogue) by key, with the values they
    name, put into a language only when shown.  A value may itself be a Phrase, a
    MedbalError or Localized: it is shown in the same language ("cannot be read" /
    "无法读取")."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object):
        self.key = key
        self.values = values

    def text(self, lang: str) -> str:
        if not _wording:  # the catalogue was never imported: the data, as it is
            return f"{self.key} {self.values!r}"
        return _wording[0](self, lang)

    def __str__(self) -> str:
        return self.text(LANGS[0])

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, **{self.values!r})"


class Localized:
    """A value of a Phrase that is words in every language already (a tree's label, a
    category's title: a Text's words), shown in the language of the message."""

    __slots__ = ("words",)

    def __init__(self, words: Mapping[str, str]):
        self.words = words

    def text(self, lang: str) -> str:
        found = self.words.get(lang)
        return self.words[LANGS[0]] if found is None else found

    def __repr__(self) -> str:
        return f"Localized({dict(self.words)!r})"


class Day:
    """A day a message names, written as its language writes a day ("6 December 2026" /
    "2026 年 12 月 6 日") when shown (medbal.i18n.catalogue), never as ISO text."""

    __slots__ = ("iso",)

    def __init__(self, iso: str):
        self.iso = iso

    def __repr__(self) -> str:
        return f"Day({self.iso!r})"


class MedbalError(Exception):
    """A message by catalogue key and values: `UsageError("no_region", region=...)`.

    `exc.text(lang)` is the message in a language; `str(exc)` is the English one.
    """

    exit_code = FAILED

    def __init__(self, key: str, /, **values: object):
        super().__init__(key)
        self.phrase = Phrase(key, **values)

    def text(self, lang: str) -> str:
        return self.phrase.text(lang)

    def __str__(self) -> str:
        return self.phrase.text(LANGS[0])


class UsageError(MedbalError):
    exit_code = USAGE


class AnswerError(UsageError):
    """An answer names a question the tree does not have, or a value its question cannot
    take (an option it does not offer, a date that is no date): raised by the engine and
    by the question kinds (medbal.core.kinds)."""


def asked(q: Question) -> Phrase:
    """A question named in a message by its words as well as its id ("问题“孩子是哪天出生
    的？”（born）"): a reader of Chinese is not shown an English id alone, and the id is
    what the command line types."""
    return Phrase("asked", qid=q.id, text=Localized(q.text.words))


def refused(key: str, q: Question, value: str, **values: object) -> AnswerError:
    """An answer a question's kind refuses (medbal.core.kinds), naming the question."""
    return AnswerError(key, value=value, qid=q.id, asked=asked(q), **values)


class OutputError(MedbalError):
    exit_code = FAILED


class EndOfInput(MedbalError):
    exit_code = FAILED


class TreeError(Exception):
    """One or more problems in a tree file, each formatted `FILE:LINE:COL: message`."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
