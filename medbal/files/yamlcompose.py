"""Bytes to a checked YAML node graph: the first step of medbal.files.yamlread.

Nothing is typed here (`yes`, `1.0` and `2024-01-01` stay strings, for the reader to
type when it asks), nesting is bounded before libyaml's recursive composer sees the
file, and anchors, aliases and explicit tags are refused.  Each problem goes to the
caller's reporter (`Reader.at`) at its line and column.
"""

from __future__ import annotations

import re
from typing import Protocol

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DEFAULT_TAGS = {
    ScalarNode: "tag:yaml.org,2002:str",
    SequenceNode: "tag:yaml.org,2002:seq",
    MappingNode: "tag:yaml.org,2002:map",
}
_PLAIN_TAGS = frozenset(_DEFAULT_TAGS.values())
TREE_FILE = "a YAML mapping with 'id' and 'kind'"
# A tree file needs about six levels; the answers file one.  Far below libyaml's limit.
MAX_DEPTH = 64
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class StrictLoader(_Base):  # type: ignore[misc, valid-type]
    """No implicit typing at all: `yes`, `on`, `1.0` and `2024-01-01` stay strings."""

    yaml_implicit_resolvers: dict[str, list[object]] = {}

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        # Called only for nodes without an explicit tag; explicit tags are refused
        # later.  Skipping the generic resolver machinery is a third of compose time.
        return _DEFAULT_TAGS[kind]


class Report(Protocol):
    """Where a problem goes: at a node, or at a line and column when there is none."""

    def __call__(self, node: Node | None, message: str, line: int = 1, col: int = 1) -> None: ...


def compose(data: bytes, at: Report, expected: str = TREE_FILE) -> Node | None:
    """Bytes to a node graph, or None when it cannot be composed (the problem reported);
    the graph's own problems (an alias, a tag) are reported too, and the caller decides
    from its problems.  `expected` says what the file should hold, for an empty one."""
    if not data.strip():
        at(None, f"the file is empty, expected {expected}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        at(None, "the file is not UTF-8 text, save it as UTF-8", line, col)
        return None
    try:
        if _too_deep(text, at):
            return None
        node = yaml.compose(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        _syntax_error(exc, at)
        return None
    except yaml.reader.ReaderError as exc:  # a control character, with an offset only
        upto = text[: exc.position]
        line, col = upto.count("\n") + 1, exc.position - (upto.rfind("\n") + 1) + 1
        at(
            None,
            f"the control character U+{exc.character:04X} is not allowed in YAML, remove it",
            line,
            col,
        )
        return None
    except yaml.YAMLError as exc:  # no mark: still one line, no traceback
        at(None, "YAML error: " + " ".join(str(exc).split()))
        return None
    if node is None:
        at(None, f"the file has no content, expected {expected}")
        return None
    _check_nodes(node, at)
    return node


def _too_deep(text: str, at: Report) -> bool:
    """Refuse nesting deeper than MAX_DEPTH before composing: libyaml's composer
    recurses once per level and crashes the process (no message, exit 139) at some
    ten thousand levels, which fit in 64 KB (`- - - ...`).  The event parser does not
    recurse, so every file is counted with it first (only on a cache miss)."""
    depth = 0
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                at(
                    None,
                    f"the YAML is nested more than {MAX_DEPTH} levels deep; "
                    "a tree file needs a handful",
                    line,
                    col,
                )
                return True
        elif isinstance(event, _CLOSES):
            depth -= 1
    return False


def _syntax_error(exc: yaml.MarkedYAMLError, at: Report) -> None:
    """One line at the problem; where the construct began too, when that is elsewhere
    (an unclosed quote is found at the end of the file, but opened on its own line)."""
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or exc.context or "invalid YAML"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    start = exc.context_mark
    if start is not None and exc.context and (start.line + 1, start.column + 1) != (line, col):
        context = re.sub(r"^while (scanning|parsing) ", "", exc.context)
        what += f" (in {context} that starts at line {start.line + 1}, column {start.column + 1})"
    at(None, f"YAML syntax error: {what}", line, col)


def _check_nodes(root: Node, at: Report) -> None:
    """One pass over the node graph: no aliases, no explicit tags."""
    # An alias makes the composer hand back the same node object twice.  Seeing
    # a node again is reported and not descended into, so a "billion laughs"
    # file costs one pass over what is written, never the expansion.  (Locals
    # and exact class checks: this loop visits every node of every file.)
    seen: set[int] = set()
    stack = [root]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        node = pop()
        key = id(node)
        if key in seen:
            at(
                node,
                "the value anchored here is reused by an alias (*name); "
                "anchors and aliases are not allowed, write the value out",
            )
            continue
        seen.add(key)
        if node.tag not in _PLAIN_TAGS:
            at(node, f"the tag {node.tag!r} is not allowed, write plain YAML")
        cls = node.__class__
        if cls is MappingNode:
            for pair in node.value:
                push(pair[1])
                push(pair[0])
        elif cls is SequenceNode:
            extend(reversed(node.value))
