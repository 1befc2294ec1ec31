"""What the property tests share: damage to a YAML file, JSON-ish batch lines, JSON read
as strictly as jq reads it, and medbal run in this process as its entry point runs it.

Every strategy here is plain Hypothesis: the `ci` profile (tests/conftest.py) draws the
same examples every run, `HYPOTHESIS_PROFILE=fuzz` draws 100,000 random ones per test.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import strategies as st

from medbal.core.langs import shown

# A FILE:LINE:COL problem: one line, the file's name as given (escaped), then the place.
PROBLEM = re.compile(r"^[^\n]+:\d+:\d+: [^\n]+$")
# What an error envelope says for a bug, in either language: never for any input.
INTERNAL = ("please report it", "请报告此问题", "internal error", "内部错误", "Traceback")


def examples(ci: int, fuzz: int | None = None) -> int:
    """How many examples a test draws: `ci` in the ci profile, where the whole suite has a
    budget of time, else the profile's own count (100,000 in the fuzz profile), or `fuzz`
    for a test that starts a process for each example."""
    from hypothesis import settings

    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        return ci
    count: int = settings.default.max_examples
    return count if fuzz is None else min(fuzz, count)


# --- random damage to a YAML file ----------------------------------------------------
# The mutations an adversarial pass used, on every kind of file medbal reads: delete a
# line, or a key with its whole block; swap, duplicate, truncate; raw bytes; and any
# value replaced by a list, a map, null, a huge or non-ASCII number, a string with a
# newline or a control character, or deep nesting.

VALUES = [
    b"[1, 2]",
    b"{a: b}",
    b"~",
    b"null",
    b"''",
    b"12",
    b"1" * 5000,
    "\u00b2".encode(),
    "\u0663".encode(),
    b"-1",
    b"1e400",
    b'"a\\nb"',
    b'"\\x1b]0;T\\x07"',
    b'"\\u0000"',
    b'"\\u202e"',
    b"'[bold]x[/'",
    b"9999-12-31",
    b"[" * 200 + b"]" * 200,
    b"!!python/none",
]
MUTATIONS = ["delete", "block", "swap", "truncate", "bytes", "value", "item", "dup"]


def _indent(line: bytes) -> int:
    return len(line) - len(line.lstrip(b" -"))


@st.composite
def damaged_bytes(draw: Any, data: bytes, values: list[bytes] = VALUES) -> bytes:
    """`data` (a YAML file) with one random mutation."""
    lines = data.split(b"\n")
    kind = draw(st.sampled_from(MUTATIONS))
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        del lines[i]
    elif kind == "block":  # a key and everything indented under it
        end = i + 1
        while end < len(lines) and (
            not lines[end].strip() or _indent(lines[end]) > _indent(lines[i])
        ):
            end += 1
        del lines[i:end]
    elif kind == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    elif kind == "bytes":
        lines[i] = lines[i][: len(lines[i]) // 2] + draw(st.binary(min_size=1, max_size=8))
    elif kind == "value":  # the value of `key: value`, or of a key inside a flow mapping
        keys = [m.end() for m in re.finditer(rb"[a-z_]+: ", lines[i])]
        if keys:
            at = draw(st.sampled_from(keys))
            rest = lines[i][at:]
            stop = min([k for k in (rest.find(b","), rest.find(b"}")) if k >= 0] or [len(rest)])
            lines[i] = lines[i][:at] + draw(st.sampled_from(values)) + rest[stop:]
    elif kind == "item":  # a list item replaced whole
        if lines[i].lstrip().startswith(b"- "):
            lead = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
            lines[i] = lead + b"- " + draw(st.sampled_from(values))
    else:
        lines.insert(i, lines[j])
    return b"\n".join(lines)


# --- JSON-ish batch lines ------------------------------------------------------------
# Lines as a front end, a careless script or an attacker writes them: valid JSON with
# odd types, numbers JSON would write back otherwise, escapes that are half a character,
# keys twice, nesting past any bound, and text that is not JSON at all.

NUMBERS = st.one_of(
    st.integers().map(str),
    st.integers(-(10**400), 10**400).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.from_regex(r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,6})?([eE][+-]?[0-9]{1,3})?", fullmatch=True),
    st.sampled_from(
        ["1E2", "1.50", "-0", "-0.0", "0.0", "1e400", "-1e400", "1e-400", "1" * 309, "9" * 5000]
        + ["NaN", "Infinity", "-Infinity", "0x10", "01", "+1", ".5", "1.", "1e", "--1"]
    ),
)
ODD_TEXT = st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"])
TEXTS = st.one_of(st.text(max_size=12), st.text(ODD_TEXT, max_size=4))
STRINGS = st.one_of(
    st.builds(json.dumps, TEXTS, ensure_ascii=st.booleans()),
    st.sampled_from(
        ['"\\ud800"', '"\\udfff"', '"a\\ud83d"', '"\\ude00\\ud83d"', '"\\ud83d\\ude00"']
        + ['"\\u0000"', '"\\u001b[2J"', '"\\u202e"', '"\\u2028"', '"\x01"', '"\\x41"', '"\\u12"']
        + ['"open', "'single'", '""', '" "', '"x' + "y" * 3000 + '"']
    ),
)
SCALARS = st.one_of(st.sampled_from(["null", "true", "false"]), NUMBERS, STRINGS)
KEY_NAMES = ["id", "tree", "lang", "answers", "ID", "Id", "x", "scheme", "problem", "__proto__"]
KEYS = st.one_of(st.sampled_from([json.dumps(k) for k in KEY_NAMES]), STRINGS)


def _array(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _object(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def _nested(depth: int, inner: str, brackets: str) -> str:
    if brackets == "[":
        return "[" * depth + inner + "]" * depth
    return '{"a": ' * depth + inner + "}" * depth


DEEP = st.builds(
    _nested,
    st.one_of(st.integers(62, 66), st.sampled_from([200, 2000, 20_000])),
    st.sampled_from(["1", '"x"', "[]", "{}"]),
    st.sampled_from(["[", "{"]),
)
VALUES_JSON = st.one_of(
    st.recursive(
        SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4).map(_array),
            st.lists(st.tuples(KEYS, inner), max_size=4).map(_object),
        ),
        max_leaves=10,
    ),
    DEEP,
)


# The days a date question is answered with: any past day is a value it takes.
DAYS = ["2026-11-20", "2024-02-29"]


def _shipped_answers() -> dict[str, dict[str, list[str]]]:
    """Each shipped tree's questions and their values (a date question's: some days, and
    not-sure)."""
    from medbal.core.kinds import edges
    from medbal.core.kinds.date import PLACEHOLDER
    from medbal.files.registry import CHECKLISTS_ID, RATES_ID, available_ids, load_tree

    trees = [t for t in available_ids(None) if t not in (CHECKLISTS_ID, RATES_ID)]
    out: dict[str, dict[str, list[str]]] = {}
    for name in trees:
        tree = load_tree(name, None)
        out[name] = {
            q: [v for o in edges(asked) for v in (DAYS if o.value == PLACEHOLDER else [o.value])]
            for q, asked in tree.questions.items()
        }
    return out


SHIPPED_ANSWERS = _shipped_answers()
TREE_NAMES = sorted(SHIPPED_ANSWERS)
QUESTION_IDS = sorted({q for qs in SHIPPED_ANSWERS.values() for q in qs})
ANSWER_VALUES = sorted({v for qs in SHIPPED_ANSWERS.values() for vs in qs.values() for v in vs})
ODD_NAMES = ["", " ", "nosuch", "CARD", "card\n", "card ", "ca\u0000rd", "\u202ecard", "x" * 300]
ODD_NAMES += ["reimbursement", "rates", "card.yaml", "trees/card", "../trees/card", "/etc/passwd"]
ODD_NAMES += ["~nosuchuser/x", "~", ".", "..", "-", "--help", "1", "zero-balance.yml"]


def _json_of(values: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from([json.dumps(v) for v in values])


TREE_VALUES = st.one_of(_json_of(TREE_NAMES), _json_of(ODD_NAMES), VALUES_JSON)
LANG_VALUES = st.one_of(
    _json_of(["en", "zh", "zh-CN", "zh_TW.UTF-8", "EN", "Zh", "fr", "", "C", "en\n", "zh\u202e"]),
    VALUES_JSON,
)
ANSWER_KEYS = st.one_of(_json_of(QUESTION_IDS), KEYS)
ANSWER_VALUE = st.one_of(_json_of(ANSWER_VALUES), _json_of(ODD_NAMES), SCALARS)


@st.composite
def real_answers(draw: Any, tree: str) -> str:
    """Answers a person could give: some questions of `tree`, each with one of its values."""
    questions = SHIPPED_ANSWERS[tree]
    chosen = draw(st.lists(st.sampled_from(sorted(questions)), unique=True))
    values = [draw(st.sampled_from(questions[q])) for q in chosen]
    return _object([(json.dumps(q), json.dumps(v)) for q, v in zip(chosen, values, strict=True)])


ANSWERS = st.one_of(
    st.sampled_from(TREE_NAMES).flatmap(real_answers),
    st.lists(st.tuples(ANSWER_KEYS, ANSWER_VALUE), max_size=5).map(_object),
    VALUES_JSON,
)
PARTS = {"id": VALUES_JSON, "tree": TREE_VALUES, "lang": LANG_VALUES, "answers": ANSWERS}


@st.composite
def object_line(draw: Any) -> str:
    """A JSON object with any of the four keys, each with any value, and maybe keys
    that are unknown or given twice, in any order and spacing."""
    pairs = [(json.dumps(k), draw(s)) for k, s in PARTS.items() if draw(st.booleans())]
    pairs += draw(st.lists(st.tuples(KEYS, VALUES_JSON), max_size=2))
    pairs = draw(st.permutations(pairs))
    sep = draw(st.sampled_from([", ", ",", " , ", ",\t", ",\r"]))
    colon = draw(st.sampled_from([": ", ":", " :\t"]))
    text = "{" + sep.join(f"{k}{colon}{v}" for k, v in pairs) + "}"
    edge = draw(st.sampled_from(["", "", "", "space", "bom", "tail", "cut", "cr"]))
    if edge == "space":
        text = " \t" + text + "  "
    elif edge == "bom":
        text = "\ufeff" + text
    elif edge == "tail":
        text += draw(st.sampled_from([" 2", "}", ",", " {}", "\x00", "\r\r"]))
    elif edge == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif edge == "cr":
        text += "\r"
    return text


@st.composite
def good_line(draw: Any) -> str:
    """A line that must be answered: a shipped tree, some of its answers, a plain id."""
    tree = draw(st.sampled_from(TREE_NAMES))
    case = {
        "tree": tree,
        "answers": json.loads(draw(real_answers(tree))),
        "lang": draw(st.sampled_from(["en", "zh"])),
        "id": draw(st.one_of(st.integers(-(10**15), 10**15), st.text(max_size=8))),
    }
    return json.dumps(case, ensure_ascii=draw(st.booleans()))


LINES = st.one_of(
    object_line(),
    object_line(),
    object_line(),
    good_line(),
    VALUES_JSON,
    st.text(max_size=40),
    st.builds(lambda n: '{"id": "' + "x" * n + '"}', st.sampled_from([3_000, 100_000])),
)


def line_bytes(line: str) -> bytes:
    """A line as a front end might send it: UTF-8, a lone surrogate as the bytes that
    no valid UTF-8 holds (what a careless encoder writes)."""
    return line.encode("utf-8", "surrogatepass")


# --- reading JSON as strictly as jq does -------------------------------------------------


class StrictJSONError(ValueError):
    pass


def _constant(name: str) -> Any:
    raise StrictJSONError(f"{name} is not JSON")


def _no_key_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise StrictJSONError(f"a key twice in {keys}")
    return dict(pairs)


def _whole_text(value: Any) -> None:
    """Every string is text: no half of a surrogate pair (jq stops at one)."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, list):
        for item in value:
            _whole_text(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _whole_text(key)
            _whole_text(item)


def strict_loads(data: bytes) -> Any:
    """One JSON document as a strict reader takes it: valid UTF-8, no NaN or Infinity, no
    key twice, no lone surrogate; raises StrictJSONError (or ValueError) otherwise."""
    value = json.loads(
        data.decode("utf-8"), parse_constant=_constant, object_pairs_hook=_no_key_twice
    )
    try:
        _whole_text(value)
    except UnicodeEncodeError as exc:
        raise StrictJSONError(str(exc)) from None
    return value


def _literal_number(text: str) -> tuple[str, str]:
    return ("number", text)


def literal(text: str) -> Any:
    """JSON text as its literal values: a number as the text it was written as, an object
    as its pairs in order (so 1 and 1.0, or a key twice, stay apart); ValueError when it
    is not JSON."""
    return json.loads(
        text,
        parse_int=_literal_number,
        parse_float=_literal_number,
        parse_constant=_literal_number,
        object_pairs_hook=lambda pairs: ("object", tuple(pairs)),
    )


def _twice(value: Any) -> bool:
    if isinstance(value, tuple) and value[0] == "object":
        keys = [k for k, _ in value[1]]
        return len(set(keys)) != len(keys) or any(_twice(v) for _, v in value[1])
    if isinstance(value, list):
        return any(_twice(v) for v in value)
    return False


def given_id(line: str | bytes) -> tuple[bool, Any]:
    """(whether the line is a JSON object with each key once, its "id" as a literal)."""
    try:
        text = line.decode("utf-8-sig") if isinstance(line, bytes) else line
        value = literal(text)
    except (ValueError, RecursionError):
        return False, None
    if not (isinstance(value, tuple) and value[0] == "object") or _twice(value):
        return False, None
    return True, dict(value[1]).get("id")


def check_envelope(line: str | bytes, written: bytes) -> dict[str, Any]:
    """What every line's answer holds, read from the bytes written for it: one line of
    strict JSON, a status of three, an error's code 1 or 2 and never a bug's words, and
    the id as given, or the line refused with code 2 (and a null id)."""
    assert written.endswith(b"\n") and written.count(b"\n") == 1, written[:300]
    envelope = strict_loads(written)
    assert isinstance(envelope, dict), envelope
    status = envelope["status"]
    assert status in ("outcome", "needs-answer", "error"), status
    if status == "error":
        error = envelope["error"]
        assert error["code"] in (1, 2), error
        message = error["message"]
        assert isinstance(message, str) and message and message == shown(message), error
        assert not any(word in message for word in INTERNAL), error
    ok, case_id = given_id(line)
    echoed = literal(written.decode("utf-8"))
    echoed_id = dict(echoed[1]).get("id")
    if not (ok and echoed_id == case_id):
        assert status == "error" and envelope["error"]["code"] == 2, (line[:300], envelope)
        assert envelope["id"] is None, (line[:300], envelope)
    return envelope


# --- medbal in this process, as its entry point runs it -----------------------------------


class Ran:
    def __init__(self, code: int, stdout: bytes, stderr: bytes):
        self.code, self.stdout, self.stderr = code, stdout, stderr

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8")


def _stream(data: bytes = b"") -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="\n", write_through=True)


def run_medbal(argv: list[str], stdin: bytes = b"", env: dict[str, str] | None = None) -> Ran:
    """`medbal ARGV` through medbal.process.run, as the console script runs it (the one
    error reporter, Click's errors in one line, the exit code), with the standard streams,
    the environment, the signal handlers and the hooks it sets put back afterwards."""
    from medbal import process
    from medbal.present import output

    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    saved_hook, saved_checkpoint = sys.unraisablehook, output.checkpoint
    saved_env = dict(os.environ)
    out, err = _stream(), _stream()
    sys.stdin, sys.stdout, sys.stderr = _stream(stdin), out, err
    os.environ.update(env or {})
    try:
        code = process.run(list(argv))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        for signum, handler in saved_handlers.items():
            signal.signal(signum, handler)
        sys.unraisablehook, output.checkpoint = saved_hook, saved_checkpoint
        os.environ.clear()
        os.environ.update(saved_env)
    return Ran(code, out.buffer.getvalue(), err.buffer.getvalue())  # type: ignore[attr-defined]


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """A hang (a loop in a damaged graph) fails the example instead of the whole run."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
