"""`api.Session`: one conversation over a tree, one answer at a time.

The interactive `medbal diagnose` is one (medbal.present.session drives it key by
key), and so may be a chat, a kiosk or a web service: the tree and its checklists are
loaded once, the answers kept, and every view is the one `api.diagnose` would give
for the same answers (so it is the JSON envelope of the one-shot call, and
`view["command"]` repeats it).
"""

from __future__ import annotations

from collections.abc import Mapping

from medbal.api import checks
from medbal.api.shelf import Shelf
from medbal.core.engine import Result, walk
from medbal.core.errors import Phrase, UsageError
from medbal.core.model import Checklists, Tree
from medbal.present.views import DiagnoseView, diagnose_view


def view_of(
    result: Result, lang: str, checklists: Checklists | None, ref: str | None
) -> DiagnoseView:
    """The one place where the engine's result of some answers becomes a view."""
    return diagnose_view(result, lang, checklists, ref)


def outcome_view(
    tree: Tree, outcome: str, checklists: Checklists | None, lang: str
) -> DiagnoseView:
    """An outcome of a tree as a view of its own, with no answers (the web page shows
    each outcome so, and takes the answers from the address).  Raises UsageError for an
    outcome the tree does not have."""
    if not isinstance(tree, Tree) or outcome not in tree.outcomes:
        raise checks.wrong("outcome", Phrase("arg_outcome"), outcome)
    result = Result(tree, (), outcome=tree.outcomes[outcome])
    return view_of(result, checks.lang(lang), checklists, tree.id)


class Session:
    """One conversation: a tree, the answers so far, a language.

        talk = api.Session("zero-balance", lang="en")
        talk.view()["question"]["id"]      # 'scheme': what to ask first
        talk.answer("employer")            # answers the question the view asks
        talk.back()                        # undoes it; returns 'employer'
        talk.change("scheme", "yearly")    # sets an answer given earlier
        talk.restart()

    `tree` is a tree's id, a YAML file's path or a Tree; `trees` a folder laid over the
    shipped ones, or an `api.Library` (a Shelf) to take the tree and its checklists from;
    `ref` how the repeat command names the tree (default: as given).  Raises UsageError
    for an unknown tree or a bad argument, AnswerError (a UsageError) for an unknown
    question or value, TreeError for a broken tree file.
    """

    def __init__(
        self,
        tree: checks.Name | Tree,
        answers: Mapping[str, str] | None = None,
        lang: str | None = None,
        trees: checks.Folder | Shelf = None,
        ref: str | None = None,
    ):
        language = checks.lang(lang)
        shelf = trees if isinstance(trees, Shelf) else Shelf(trees)
        ref = checks.optional_text(ref, "ref")
        if isinstance(tree, Tree):
            loaded, name = tree, tree.id
        else:
            name = checks.tree_name(tree)
            loaded = shelf.tree(name)
        self._tree, self._lang, self._ref = loaded, language, ref or name
        self._checklists = shelf.checklists_for(loaded)
        self._answers: dict[str, str] = {}
        self._set(checks.answers(answers))

    def at(self, answers: Mapping[str, str] | None) -> Session:
        """A new session of the same tree, language and checklists, with these answers."""
        other = object.__new__(Session)
        other._tree, other._lang, other._ref = self._tree, self._lang, self._ref
        other._checklists, other._answers = self._checklists, {}
        other._set(checks.answers(answers))
        return other

    def _set(self, answers: dict[str, str]) -> None:
        # AnswerError for an unknown question or value; the walk is kept for the view.
        self._walked: Result | None = walk(self._tree, answers)
        self._answers = answers

    def _forget(self, answers: dict[str, str]) -> None:
        """Answers known to be good (some taken back): walked again when next needed."""
        self._walked, self._answers = None, answers

    # --- what it is -----------------------------------------------------------------

    @property
    def tree(self) -> Tree:
        return self._tree

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def checklists(self) -> Checklists | None:
        return self._checklists

    @property
    def answers(self) -> dict[str, str]:
        """Every answer given, in order (those the path no longer passes too)."""
        return dict(self._answers)

    @property
    def title(self) -> str:
        return self._tree.title.get(self._lang)

    @property
    def description(self) -> str | None:
        return self._tree.description.get(self._lang) if self._tree.description else None

    def view(self) -> DiagnoseView:
        """Where the conversation is: an outcome, or the question still to answer."""
        return view_of(self._result(), self._lang, self._checklists, self._ref)

    def _result(self) -> Result:
        if self._walked is None:
            self._walked = walk(self._tree, self._answers)
        return self._walked

    # --- moving ---------------------------------------------------------------------

    def answer(self, value: str, question: str | None = None) -> None:
        """Answer the question the view asks (or `question`, any of the tree's) with an
        option's value."""
        value = checks.text(value, "value")
        if question is None:
            open_question = self._result().question
            if open_question is None:
                raise UsageError("session_done")
            question = open_question.id
        question = checks.text(question, "question")
        self._set({**self._answers, question: value})

    def back(self) -> str | None:
        """Undo the last answer on the path; returns the value it had (None at the start).
        Answers the path did not pass are kept."""
        path = self._result().path
        if not path:
            return None
        last = path[-1]
        self._forget({q: v for q, v in self._answers.items() if q != last.question.id})
        return last.option.value

    def change(self, question: str, value: str | None = None) -> str:
        """Change an answer given earlier: to `value`, or, without one, take it back so
        the question is asked again (the answers after it stay, and are used again
        where the new path still passes their questions).  Returns the old value."""
        question = checks.text(question, "question")
        if question not in self._answers:
            raise UsageError("not_answered", qid=question, answered=tuple(self._answers))
        old = self._answers[question]
        if value is None:
            self._forget({q: v for q, v in self._answers.items() if q != question})
        else:
            self._set({**self._answers, question: checks.text(value, "value")})
        return old

    def restart(self) -> None:
        """Forget every answer."""
        self._forget({})

    def __repr__(self) -> str:
        return f"Session({self._tree.id!r}, {self._answers!r}, lang={self._lang!r})"
