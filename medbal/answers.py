"""`--answers-file`: a YAML or JSON mapping of question ids to option values."""

from __future__ import annotations

from yaml.nodes import MappingNode, ScalarNode

from medbal.errors import UsageError
from medbal.yamlread import Reader


def read_answers_file(path: str) -> dict[str, str]:
    from medbal.files import MAX_ANSWERS_BYTES, Unreadable, read_bounded

    try:
        data = read_bounded(path, MAX_ANSWERS_BYTES)
    except Unreadable as exc:
        raise UsageError(f"--answers-file '{path}' {exc.text('en')}",
                         f"--answers-file “{path}”{exc.text('zh')}") from None
    r = Reader(path)
    root = r.compose(data)
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
        raise UsageError("; ".join(r.problems), "回答文件有误：" + "；".join(r.problems))
    return answers
