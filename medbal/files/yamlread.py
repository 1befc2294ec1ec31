"""Strict YAML reading with positions: the layer under `loader`.

PyYAML's defaults are wrong for hand-written policy files: `no` becomes False,
a duplicate key silently wins, and anchors let a small file expand without
bound.  Here every scalar stays a string until the reader asks for a type, the
node graph (with line and column) is checked before anything is built
(medbal.files.yamlcompose), and every problem is collected as
`FILE:LINE:COL: message` instead of stopping at the first.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from decimal import Decimal

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from medbal.core.errors import one_line
from medbal.core.model import CJK, LANGS, UNSAFE_TEXT, Text
from medbal.files.limits import ID_PATTERN, SOURCE_PATTERN
from medbal.files.yamlcompose import TREE_FILE, compose
from medbal.i18n.sources import known as known_source
from medbal.i18n.typeset import han_layout

SOURCE_RE = re.compile(SOURCE_PATTERN)
ID_RE = re.compile(ID_PATTERN)
_CJK_GAP = re.compile(f"[{CJK}] +[{CJK}]")
_PLAIN_NUMBER = re.compile(r"\d{1,12}(\.\d{1,6})?")
_DIGITS = re.compile(r"[0-9]{1,12}")
_UNSAFE = re.compile(UNSAFE_TEXT)
_NULLS = {"", "~", "null", "Null", "NULL"}


@functools.lru_cache(maxsize=64)
def _allowed(required: tuple[str, ...], optional: tuple[str, ...]) -> frozenset[str]:
    return frozenset(required + optional)


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"the text {node.value!r}" if node.value not in _NULLS else "nothing"


def _shown(value: str) -> str:
    """A value as a message echoes it: quoted, and cut short when it is long."""
    return repr(value if len(value) <= 60 else f"{value[:40]}…({len(value):,} characters)")


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.style is None and node.value in _NULLS


class Reader:
    """Collects problems against one file while its builder walks the node graph."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[str] = []

    # -- reporting -------------------------------------------------------
    def at(self, node: Node | None, message: str, line: int = 1, col: int = 1) -> None:
        if node is not None:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(f"{self.path}:{line}:{col}: {one_line(message)}")

    def sorted_problems(self) -> list[str]:
        """The problems in file order (line, then column), each once."""

        def where(problem: str) -> tuple[int, int]:
            _, line, col, _ = problem[len(self.path) :].split(":", 3)
            return int(line), int(col)

        return sorted(dict.fromkeys(self.problems), key=where)

    def line_of(self, node: Node) -> int:
        return node.start_mark.line + 1

    # -- composing -------------------------------------------------------
    def compose(self, data: bytes, expected: str = TREE_FILE) -> Node | None:
        """Bytes to a checked node graph (medbal.files.yamlcompose), or None with the
        problems recorded; `expected` says what the file should hold, for an empty one."""
        node = compose(data, self.at, expected)
        return None if self.problems else node

    # -- typed access ----------------------------------------------------
    def mapping(
        self, node: Node, what: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Node] | None:
        """The fields of a mapping; unknown, duplicate and missing keys are reported."""
        if not isinstance(node, MappingNode):
            self.at(node, f"{what} should be a mapping, got {_kind(node)}")
            return None
        required = tuple(required)
        allowed = _allowed(required, tuple(optional))
        fields: dict[str, Node] = {}
        first: dict[str, Node] = {}
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                self.at(key_node, f"a key in {what} should be a plain name, got {_kind(key_node)}")
                continue
            key = key_node.value
            if key in first:
                self.at(
                    key_node,
                    f"duplicate key '{key}' in {what} (first at line "
                    f"{self.line_of(first[key])}), each key must appear once",
                )
                continue
            first[key] = key_node
            if key not in allowed:
                self.at(
                    key_node,
                    f"unknown field '{key}' in {what}, expected one of: "
                    f"{', '.join(sorted(allowed))}",
                )
                continue
            fields[key] = value
        missing = [k for k in required if k not in fields]
        if missing:
            self.at(node, f"{what} is missing {', '.join(repr(k) for k in missing)}")
        return fields

    def keyed(self, node: Node, what: str) -> list[tuple[Node, Node]]:
        """A mapping of ids to entries, keys checked for duplicates and format."""
        if not isinstance(node, MappingNode):
            self.at(node, f"{what} should be a mapping of ids to entries, got {_kind(node)}")
            return []
        out: list[tuple[Node, Node]] = []
        first: dict[str, Node] = {}
        for key_node, value in node.value:
            key = self.ident(key_node, f"an id in {what}")
            if key is None:
                continue
            if key in first:
                self.at(
                    key_node,
                    f"duplicate id '{key}' in {what} (first at line "
                    f"{self.line_of(first[key])}), ids must be unique",
                )
                continue
            first[key] = key_node
            out.append((key_node, value))
        return out

    def string(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode) or _is_null(node):
            self.at(node, f"{what} should be text, got {_kind(node)}")
            return None
        if not node.value.strip():
            self.at(node, f"{what} is empty, expected text")
            return None
        if bad := _UNSAFE.search(node.value):
            # Written as a YAML escape ("\x1b]0;T\x07"), a control character passes the
            # reader and would reach a terminal or a page raw.
            self.at(
                node,
                f"{what} contains the control character U+{ord(bad.group()):04X}; "
                "texts may not contain control or direction-override characters",
            )
            return None
        return str(node.value)

    def ident(self, node: Node, what: str) -> str | None:
        value = self.string(node, what)
        if value is not None and not ID_RE.fullmatch(value):
            self.at(node, f"{what} {_shown(value)} should use lower-case letters, digits and '-'")
            return None
        return value

    def integer(self, node: Node, what: str, low: int = 0, high: int = 10**9) -> int | None:
        value = self.string(node, what)
        if value is None:
            return None
        # ASCII digits and a bounded length: str.isdigit() accepts "²" and int() of
        # 5,000 digits raises; neither may reach int().  Quoted, "12" is text, as the
        # schema (an integer) reads it too.
        quoted = isinstance(node, ScalarNode) and node.style in ("'", '"')
        if quoted or not _DIGITS.fullmatch(value) or not low <= int(value) <= high:
            plain = " written without quotes" if quoted else ""
            self.at(
                node,
                f"{what} should be a whole number from {low} to {high}{plain}, got {_shown(value)}",
            )
            return None
        return int(value)

    def decimal(self, node: Node, what: str, high: Decimal = Decimal(10**9)) -> Decimal | None:
        """A non-negative number written plainly, such as 3000 or 88.5, up to `high`."""
        value = self.string(node, what)
        if value is None:
            return None
        # Digits only: "1e400" is a finite Decimal that becomes Infinity in JSON.
        number = Decimal(value) if _PLAIN_NUMBER.fullmatch(value) else None
        if number is None or number > high:
            self.at(
                node,
                f"{what} should be a number from 0 up to {high}, written with "
                f"digits and an optional decimal point, got {_shown(value)}",
            )
            return None
        return number

    def date(self, node: Node, what: str) -> datetime.date | None:
        value = self.string(node, what)
        if value is None:
            return None
        if re.fullmatch(r"(19|20|21)\d{2}-\d{2}-\d{2}", value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:  # 2026-02-30
                pass
        # Years are bounded so that a review window added to a date cannot overflow.
        self.at(
            node,
            f"{what} should be a real date from 1900 to 2199 written YYYY-MM-DD, got {value!r}",
        )
        return None

    def where(self, node: Node) -> str:
        """FILE:LINE:COL of a node, for messages made after loading (review warnings)."""
        return f"{self.path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

    def choice(self, node: Node, what: str, choices: Iterable[str]) -> str | None:
        choices = tuple(choices)
        value = self.string(node, what)
        if value is not None and value not in choices:
            self.at(node, f"{what} should be one of {', '.join(choices)}, got {_shown(value)}")
            return None
        return value

    def text(self, node: Node, what: str) -> Text | None:
        """A text a person reads: a mapping with a field for every language medbal
        declares (`en`, `zh`), and the region whose rule it is, where it is one
        (`region:`, medbal.files.regions)."""
        fields = self.mapping(node, what, required=LANGS, optional=("region",))
        if fields is None or any(lang not in fields for lang in LANGS):
            return None
        place = None
        if "region" in fields:
            from medbal.files.regions import region  # only for a text that names one

            place = region(self, fields["region"], what)
        words: dict[str, str] = {}
        for lang in LANGS:
            value = self.string(fields[lang], f"{what} ({lang})")
            if value is None:
                continue
            if "\n" in value or "\t" in value:
                # One paragraph: every view lays a text out by its own rules (a line
                # break inside it split a row of the plain view from its style).
                self.at(
                    fields[lang],
                    f"{what} ({lang}) holds a line break or a tab; a text is one paragraph: "
                    "write it on one line, or fold it (>-) without blank lines",
                )
                continue
            if han_layout(lang) and (gap := _CJK_GAP.search(value)):
                # Folding a Chinese text over lines (>-) puts a space at every line break.
                self.at(
                    fields[lang],
                    f"{what} ({lang}) has a space between Chinese characters "
                    f"('{gap.group()}'); write the text on one line rather than "
                    "folding it (>-)",
                )
            words[lang] = value
        return Text(words, place) if len(words) == len(LANGS) else None

    def items(self, node: Node, what: str, allow_empty: bool = False) -> list[Node]:
        if not isinstance(node, SequenceNode):
            self.at(node, f"{what} should be a list, got {_kind(node)}")
            return []
        if not node.value and not allow_empty:
            self.at(node, f"{what} is an empty list, expected at least one entry")
        return list(node.value)

    def texts(self, node: Node, what: str, allow_empty: bool = False) -> tuple[Text, ...]:
        found = (self.text(item, what) for item in self.items(node, what, allow_empty))
        return tuple(t for t in found if t is not None)

    def sources(self, node: Node, what: str) -> tuple[str, ...]:
        out = []
        for item in self.items(node, f"{what} sources"):
            value = self.string(item, f"a source of {what}")
            if value is None:
                continue
            if not SOURCE_RE.fullmatch(value) or not known_source(value):
                self.at(
                    item,
                    f"source '{value}' of {what} is not a known reference, expected "
                    "'seed-NNN' (an article in shared/seeds), a national document "
                    "listed in medbal/i18n/sources.py (gov-YYYY-N, nhsa-NAME, "
                    "reform-YYYY), 'law-art-N' "
                    "(Social Insurance Law, article N) or 'local:NAME' (a "
                    "regional document, for overlays)",
                )
                continue
            out.append(value)
        return tuple(out)
