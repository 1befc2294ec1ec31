"""The decision engine: a tree and answers in, the next question or the outcome out.

Pure: no I/O, no prompts, no output, no clock.  Answers are a mapping `question id ->
value` (an option's value, or for a date question an ISO date) and are always replayed
from the start node, so changing one answer never needs the others re-entered; answers
to questions that the new path no longer passes are returned as `dropped` rather than
silently used or lost.  Each answer is read and checked by its question's kind
(medbal.core.kinds); `today`, given by the caller, is the latest day a date may be.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping

from medbal.core.errors import AnswerError as AnswerError  # raised here and by the kinds
from medbal.core.errors import Localized, Phrase, asked
from medbal.core.kinds import edges, kind_of
from medbal.core.model import Option, Outcome, Question, Record, Tree


class Answered(Record, frozen=True):
    question: Question
    option: Option


class Result(Record, frozen=True):
    tree: Tree
    path: tuple[Answered, ...]
    question: Question | None = None  # the next question, when one is still open
    outcome: Outcome | None = None
    dropped: dict[str, str] = {}  # a fresh dict each time (msgspec copies it)

    @property
    def done(self) -> bool:
        return self.outcome is not None

    def answers(self) -> dict[str, str]:
        """The answers actually used, in the order they were asked."""
        return {a.question.id: a.option.value for a in self.path}


def check_answers(
    tree: Tree, answers: Mapping[str, str], today: datetime.date | None = None
) -> dict[str, Option]:
    """Each answer as the option it takes; AnswerError for the first bad one, naming the
    valid ids, the values offered or the form of a date.

    The error carries the data (the word given and the valid ones); medbal.i18n words
    it, and adds the nearest valid one ("did you mean") when one is close."""
    taken: dict[str, Option] = {}
    for qid, value in answers.items():
        question = tree.questions.get(qid)
        if question is None:
            raise _no_question(tree, qid)
        taken[qid] = kind_of(question).answer(question, value, today)
    return taken


def _no_question(tree: Tree, qid: str) -> AnswerError:
    """An answer to a question the tree does not have, naming the tree by its title and
    each question by its words with its id ("scheme（您的医保是怎么缴费的？）"), not by
    English ids alone: the ids are what `--answer` types, the words what a reader knows."""
    questions = tree.questions.values()
    shown_as = {q.id: asked(q) for q in questions}
    named = tuple(
        Phrase("named_value", value=q.id, label=Localized(q.text.words)) for q in questions
    )
    title, ids = Localized(tree.title.words), tuple(tree.questions)
    return AnswerError(
        "no_question", tree=tree.id, title=title, qid=qid, ids=ids, named=named, shown_as=shown_as
    )


def walk(tree: Tree, answers: Mapping[str, str], today: datetime.date | None = None) -> Result:
    """Replay `answers` from the start until an outcome or an unanswered question.
    `today` is the latest day a date answer may be (None: no such check)."""
    taken = check_answers(tree, answers, today)
    path: list[Answered] = []
    node = tree.start
    # The loader refuses cycles, so this loop visits each question at most once.
    while node in tree.questions:
        option = taken.get(node)
        if option is None:
            return _result(tree, path, answers, question=tree.questions[node])
        path.append(Answered(tree.questions[node], option))
        node = option.next
    return _result(tree, path, answers, outcome=tree.outcomes[node])


def _result(
    tree: Tree,
    path: list[Answered],
    answers: Mapping[str, str],
    question: Question | None = None,
    outcome: Outcome | None = None,
) -> Result:
    used = {a.question.id for a in path}
    dropped = {q: v for q, v in answers.items() if q not in used}
    return Result(tree, tuple(path), question, outcome, dropped)


def back(answers: Mapping[str, str], result: Result) -> tuple[dict[str, str], str | None]:
    """Undo the last answer on the path: (the answers without it, the value it had)."""
    if not result.path:
        return dict(answers), None
    last = result.path[-1]
    kept = {q: v for q, v in answers.items() if q != last.question.id}
    return kept, last.option.value


def is_number(entry: str) -> bool:
    """A typed option or answer number: ASCII digits only ("²" and "٣" are digits to
    str.isdigit() but not to int()), and short enough never to be slow."""
    return entry.isascii() and entry.isdigit() and len(entry) <= 6


def match_option(question: Question, entry: str) -> Option | None:
    """What a person typed, as an option: its number (1-based) or its value."""
    entry = entry.strip()
    if is_number(entry) and 1 <= int(entry) <= len(question.options):
        return question.options[int(entry) - 1]
    return question.option(entry.lower())


def all_paths(tree: Tree) -> list[tuple[tuple[Answered, ...], Outcome]]:
    """Every path from the start to an outcome, depth first in option order.  A date
    question is one step whatever the day: its answer is the placeholder `<date>`.

    A list, for trees known to be small (the shipped ones, tests); anything a
    person may hand in goes through `count_paths` first and `iter_paths`.
    """
    return list(iter_paths(tree))


def iter_paths(tree: Tree) -> Iterator[tuple[tuple[Answered, ...], Outcome]]:
    """Every path, one at a time, depth first in option order."""
    stack: list[tuple[str, tuple[Answered, ...]]] = [(tree.start, ())]
    while stack:
        node, path = stack.pop()
        if node in tree.outcomes:
            yield path, tree.outcomes[node]
            continue
        question = tree.questions[node]
        for option in reversed(edges(question)):
            stack.append((option.next, path + (Answered(question, option),)))


# Counts are capped here: a tree whose questions converge can have more paths than
# atoms in the universe, and adding such numbers up would itself take long.
COUNT_CAP = 10**18


def children_first(tree: Tree) -> list[str]:
    """The questions reachable from the start, each after every question it leads to.

    One iterative pass (the loader refuses cycles): numbers that depend on what comes
    after a question (paths, depth) are computed over this order without recursion,
    however long a chain of questions is."""
    order: list[str] = []
    done = set(tree.outcomes)
    stack = [tree.start]
    while stack:
        node = stack[-1]
        if node in done:
            stack.pop()
            continue
        pending = [o.next for o in edges(tree.questions[node]) if o.next not in done]
        if pending:
            stack.extend(pending)
            continue
        stack.pop()
        done.add(node)
        order.append(node)
    return order


def count_paths(tree: Tree) -> tuple[int, int]:
    """(paths, answers over all paths) from the start, each capped at COUNT_CAP.

    One pass over the graph, however many paths there are: questions that
    converge (25 of them make 2**25 paths) are counted, never walked.
    """
    paths: dict[str, int] = dict.fromkeys(tree.outcomes, 1)
    steps: dict[str, int] = dict.fromkeys(tree.outcomes, 0)
    for node in children_first(tree):
        nexts = [o.next for o in edges(tree.questions[node])]
        paths[node] = min(COUNT_CAP, sum(paths[n] for n in nexts))
        steps[node] = min(COUNT_CAP, sum(steps[n] + paths[n] for n in nexts))
    return paths[tree.start], steps[tree.start]


def always_asked(tree: Tree, kind: str) -> dict[str, frozenset[str]]:
    """For each node the start reaches, the questions of `kind` asked on every path to it:
    an outcome that counts a deadline from a date must have its date question among them.

    One pass in topological order (parents first: children_first reversed), each node
    keeping what every way into it shares; only questions of `kind` are kept, so a tree
    without them costs a set of nothing per node."""
    must: dict[str, frozenset[str]] = {tree.start: frozenset()}
    for qid in reversed(children_first(tree)):
        question = tree.questions[qid]
        here = must[qid] | {qid} if question.kind == kind else must[qid]
        for option in edges(question):
            seen = must.get(option.next)
            must[option.next] = here if seen is None else seen & here
    return must
