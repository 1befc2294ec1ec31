"""Property tests of the cache as input (issue 21: "the cache is input"): random damage
to a real entry, as a full disk, a crash or another program leaves one (bytes flipped, a
cut, a field given another type or another value, a link between nodes pointed
elsewhere, a key renamed), under the commands that read it.

The call either uses an entry that passes every check of a loaded file, or ignores it,
reads the file and writes the entry anew, and then prints exactly what it prints with
MEDBAL_CACHE=0; it never hangs (a loop in a damaged graph) and never ends in a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from medbal.commands.app import cli
from medbal.files import cache
from medbal.files.limits import ID_PATTERN

from fuzzing import PROBLEM, examples, strict_loads, time_limit
from support import ROOT

RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
APP = cli()
OVERLAY = str(ROOT / "examples" / "overlay")
# Each command, and (found below) the entries it reads: a tree, the checklists, the
# rates, and a regional patch laid over its base.
COMMANDS = [
    ("diagnose", "card", "-a", "problem=lost", "--format", "json"),
    ("tree", "paths", "card", "--format", "csv"),
    ("diagnose", "-a", "scheme=employer", "-a", "where-looked=medical", "--format", "json"),
    ("claim", "-a", "where=home", "-a", "settle-problem=card-lost", "--format", "json"),
    ("docs", "--all", "--format", "json"),
    ("docs", "3", "--trees", OVERLAY, "--format", "json"),
    ("estimate", "8000", "--threshold", "500", "--item", "class-b=1200", "--format", "json"),
    ("diagnose", "balance-dropped", "--lang", "zh"),
]
IDENT = re.compile(ID_PATTERN)


def invoke(args: tuple[str, ...], env: dict[str, str] | None = None):
    return CliRunner().invoke(APP, list(args), env=env, catch_exceptions=False)


def seen(result) -> tuple[int, str, str]:
    return result.exit_code, result.stdout, result.stderr


class Entries:
    """A cache folder of this module's own, each command's entries in it as first written,
    and each command's output with the cache off."""

    def __init__(self, where: Path):
        self.folder = where / "medbal"
        self.pristine: dict[str, bytes] = {}
        self.used: dict[tuple[str, ...], list[str]] = {}
        self.baseline = {}
        for command in COMMANDS:
            shutil.rmtree(self.folder, ignore_errors=True)
            first = seen(invoke(command))
            assert first[0] in (0, 3), first
            names = sorted(p.name for p in self.folder.glob("*.entry"))
            assert names, command
            self.used[command] = names
            for name in names:
                self.pristine[name] = (self.folder / name).read_bytes()
            self.baseline[command] = seen(invoke(command, env={"MEDBAL_CACHE": "0"}))
            assert self.baseline[command] == first

    def reset(self, command: tuple[str, ...]) -> None:
        for name in self.used[command]:
            (self.folder / name).write_bytes(self.pristine[name])


@pytest.fixture(scope="module")
def entries():
    saved = os.environ.get("XDG_CACHE_HOME")
    with tempfile.TemporaryDirectory() as where:
        os.environ["XDG_CACHE_HOME"] = where
        try:
            yield Entries(Path(where))
        finally:
            if saved is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = saved


# --- damage to an entry ---------------------------------------------------------------

OTHER: list[object] = [
    None,
    0,
    -1,
    1,
    2,
    99,
    100,
    10**20,
    -(10**20),
    1.5,
    "",
    "x",
    "q",
    "1",
    [],
    {},
    [None],
]
OTHER += [True, "\u202e", "a\nb", "2026-13-01", "9999-12-31", "1e400", "NaN", "-5", "\\u001b"]


def _paths(value, at=()):
    """Every place in a JSON value (a list's item, an object's value), depth first."""
    yield at
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*at, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*at, key))


def _get(value, path):
    for step in path:
        value = value[step]
    return value


def _set(value, path, new):
    if not path:
        return new
    _get(value, path[:-1])[path[-1]] = new
    return value


def _strings(value) -> list[str]:
    """Every string of the value, object keys too, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *_strings(item))]
    return []


def _renamed(value, old: str, new: str, nth: int):
    """The value with the nth occurrence of the string `old` (a value or a key) made `new`."""
    count = [0]

    def walk(v):
        if isinstance(v, str):
            hit = v == old and count[0] == nth
            count[0] += v == old
            return new if hit else v
        if isinstance(v, list):
            return [walk(item) for item in v]
        if isinstance(v, dict):
            return {walk(key): walk(item) for key, item in v.items()}
        return v

    return walk(value)


@st.composite
def damaged_value(draw, value: bytes) -> bytes:
    kind = draw(st.sampled_from(["flip", "cut", "field", "link", "list"]))
    if kind == "flip":
        data = bytearray(value)
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= draw(st.integers(1, 255))
        return bytes(data)
    if kind == "cut":
        return value[: draw(st.integers(0, len(value) - 1))]
    model = json.loads(value)
    if kind == "field":  # any place given another value, of another type or the same
        paths = list(_paths(model))
        path = paths[draw(st.integers(0, len(paths) - 1))]
        same = _strings(model)
        new = draw(st.one_of(st.sampled_from(OTHER), st.sampled_from(same)))
        model = _set(model, path, new)
    elif kind == "link":  # a reference (an id written twice or more) pointed elsewhere
        strings = _strings(model)
        ids = sorted({s for s in strings if IDENT.match(s) and strings.count(s) > 1})
        old = draw(st.sampled_from(ids))
        new = draw(st.one_of(st.sampled_from(ids), st.sampled_from(["nowhere", "q", "1", ""])))
        model = _renamed(model, old, new, draw(st.integers(0, strings.count(old) - 1)))
    else:  # a list's item dropped, doubled or moved
        lists = [p for p in _paths(model) if isinstance(_get(model, p), list) and _get(model, p)]
        items = _get(model, lists[draw(st.integers(0, len(lists) - 1))])
        i = draw(st.integers(0, len(items) - 1))
        how = draw(st.sampled_from(["drop", "double", "move"]))
        if how == "drop":
            del items[i]
        elif how == "double":
            items.insert(i, items[i])
        else:
            items.append(items.pop(i))
    return json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@st.composite
def damaged_entry(draw, entry: bytes) -> bytes:
    key, _, value = entry.partition(b"\n")
    if draw(st.integers(0, 19)) == 0:  # the key line instead
        return key[: draw(st.integers(0, len(key)))] + b"\n" + value
    return key + b"\n" + draw(damaged_value(value))


# --- the property -----------------------------------------------------------------------


def _one_of_each(entries_of: dict) -> st.SearchStrategy:
    return st.sampled_from(sorted((c, n) for c, names in entries_of.items() for n in names))


# Entries found broken by the fuzz profile or by issue 21, kept as listed examples: the
# command, what the entry holds, and the change.
KNOWN = {
    # Issue 21, defect 7: an option leading back to its own question.
    "loop": (0, b'["Tree","card"', b'"why-not-paying"]', b'"problem"]'),
    # A source no catalogue names: its label was looked up, a KeyError (found by the fuzz
    # profile; the cache now checks sources as the loader does).
    "source": (4, b'["Checklists"', b'"seed-003"', b'"after"'),
}


@settings(max_examples=examples(60), suppress_health_check=RELAXED)
@given(st.data())
@example("loop")
@example("source")
def test_a_damaged_entry_is_used_valid_or_ignored_and_the_output_is_the_files(entries, data):
    if isinstance(data, str):
        number, holds, old, new = KNOWN[data]
        command = COMMANDS[number]
        (name,) = [n for n in entries.used[command] if holds in entries.pristine[n]]
        damaged = entries.pristine[name].replace(old, new, 1)
        assert damaged != entries.pristine[name]
    else:
        command, name = data.draw(_one_of_each(entries.used))
        damaged = data.draw(damaged_entry(entries.pristine[name]))
    check_entry(entries, command, name, damaged)


def check_entry(entries: Entries, command: tuple[str, ...], name: str, damaged: bytes) -> None:
    entries.reset(command)
    entry = entries.folder / name
    entry.write_bytes(damaged)
    with time_limit(60):
        result = seen(invoke(command))
    after = entry.read_bytes()
    pristine = entries.pristine[name]
    if after == pristine:  # ignored, and written anew from the file
        assert result == entries.baseline[command]
        return
    assert after == damaged
    if result == entries.baseline[command]:
        return  # not read (a patch's base, once the patch is cached), or read as it was
    # Used: only an entry that decodes to a model holding every rule of a loaded file.
    key, _, value = damaged.partition(b"\n")
    assert key == pristine.partition(b"\n")[0]
    cache.decode(value)  # raises Damaged for an entry that should have been ignored
    code, stdout, stderr = result
    assert code in (0, 1, 2, 3), result
    lines = stderr.splitlines()
    if code == 1:  # a rule between files: the tree's checklist and the checklists
        assert lines and all(PROBLEM.match(line) for line in lines), stderr
    elif code == 2:
        assert len(lines) == 1 and lines[0].startswith("medbal: "), stderr
    if "json" in command:
        strict_loads(stdout.encode("utf-8"))
