"""`--answers-file`: a YAML or JSON mapping of question ids to option values."""

from __future__ import annotations

from yaml.nodes import MappingNode, ScalarNode

from medbal.core.errors import UsageError
from medbal.files.bounded import MAX_ANSWERS_BYTES, STDIN, Unreadable, read_bounded, read_stdin
from medbal.files.yamlread import Reader


def read_answers_file(path: str) -> dict[str, str]:
    if path == "-":  # stdin, read to its end as if it were the file, within the same bound
        try:
            data = read_stdin(MAX_ANSWERS_BYTES)
        except Unreadable as exc:
            raise UsageError("answers_stdin_unreadable", why=exc) from None
        return _parse(data, STDIN)
    try:
        data = read_bounded(path, MAX_ANSWERS_BYTES)
    except Unreadable as exc:
        raise UsageError("answers_file_unreadable", path=path, why=exc) from None
    return _parse(data, path)


def _parse(data: bytes, path: str) -> dict[str, str]:
    r = Reader(path)
    root = r.compose(data, "answers, one QUESTION: VALUE a line")
    answers: dict[str, str] = {}
    if root is not None and not isinstance(root, MappingNode):
        r.at(root, "the answers file should be a mapping of QUESTION: VALUE")
    elif root is not None:
        for key, value in root.value:
            if not isinstance(key, ScalarNode) or not isinstance(value, ScalarNode):
                r.at(key, "each answer should be QUESTION: VALUE, both plain text")
                continue
            if key.value in answers:
                r.at(key, f"'{key.value}' is answered twice")
            answers[key.value] = value.value
    if r.problems:
        raise UsageError("answers_file_problems", problems=r.problems)
    return answers
