"""Question kinds: what a question asks for, how an answer to it is read and checked,
and where it leads (smart-answers' pattern: a question type is one class and one
presenter).

A kind is a module of this package, registered in KINDS by one line:

    NAME                     the `kind:` a tree file writes
    FIELDS                   the question's own fields beside text and help, each
                             required (True) or not: the loader refuses the others
    edges(q)                 where the question may lead, as options: the graph's edges
                             for the loader's checks, `tree paths` and `tree show`
    answer(q, value, today)  the answer read and checked, as the option it takes (the
                             value as the engine keeps it, and where it leads); raises
                             AnswerError, naming what the question takes

Its presenter, medbal.present.kinds.NAME, shows the question in every format and reads
what a person types; its words are the catalogue's.  The engine knows no kind: it asks
the question's kind, so a new kind is a module here and its presenter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medbal.core.kinds import choice, date

if TYPE_CHECKING:  # a Protocol costs a one-shot call its making: for the type checker only
    import datetime
    from typing import Protocol

    from medbal.core.model import Option, Question

    class Kind(Protocol):
        NAME: str
        FIELDS: dict[str, bool]

        def edges(self, q: Question) -> tuple[Option, ...]: ...

        def answer(self, q: Question, value: str, today: datetime.date | None) -> Option: ...


KINDS: dict[str, Kind] = {choice.NAME: choice, date.NAME: date}
DEFAULT = choice.NAME  # a question that names no kind: every tree written before kinds
# The fields some kind has: a question of another kind may not use them.
OWN_FIELDS = tuple(dict.fromkeys(f for kind in KINDS.values() for f in kind.FIELDS))


def kind_of(q: Question) -> Kind:
    return KINDS[q.kind]


def edges(q: Question) -> tuple[Option, ...]:
    """Where a question may lead.  A choice's options at once: a walk over a tree of
    thousands of questions asks this of each."""
    return q.options if q.kind == DEFAULT else KINDS[q.kind].edges(q)
