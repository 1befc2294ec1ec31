"""`--answers-file`: a YAML or JSON mapping of question ids to option values."""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from medbal.errors import UsageError
from medbal.yamlread import Reader

STDIN_LIMIT = 1024 * 1024


def read_answers_file(path: str) -> dict[str, str]:
    if path == "-":  # stdin, read to its end as if it were the file (at most 1 MiB)
        import sys

        data = sys.stdin.buffer.read(STDIN_LIMIT + 1) if sys.stdin is not None else b""
        if len(data) > STDIN_LIMIT:
            raise UsageError("--answers-file - is longer than 1 MiB",
                             "--answers-file - 的内容超过 1 MiB")
        return _parse(data, "<stdin>")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"--answers-file '{path}' cannot be read ({exc.strerror})",
                         f"无法读取 --answers-file “{path}”（{exc.strerror}）") from None
    return _parse(data, path)


def _parse(data: bytes, path: str) -> dict[str, str]:
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
