"""What the tests share that is not a fixture: paths, an environment for child
processes, small checks of texts, and a generated tree of any size (which
benchmarks/ uses too)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from medbal.core.engine import Answered
from medbal.core.kinds.date import PLACEHOLDER
from medbal.core.model import Checklists, Text, Tree

ROOT = Path(__file__).resolve().parent.parent
TREES = ROOT / "trees"


# The day a replayed path gives a date question (before any test's today).
DAY = "2026-11-20"


def replay(path: Sequence[Answered], day: str = DAY) -> dict[str, str]:
    """A path of engine.all_paths as answers to walk again: a date question's one step
    whatever the day (`<date>`) is given `day`."""
    return {a.question.id: day if a.option.value == PLACEHOLDER else a.option.value for a in path}


def medbal_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MEDBAL_LANG", "MEDBAL_TREES", "NO_COLOR", "FORCE_COLOR")
    }
    env.update(extra)
    return env


def complete(text: Text | None) -> bool:
    return text is not None and text.get("en").strip() != "" and text.get("zh").strip() != ""


def has_han(s: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in s)


def generated_tree(questions: int) -> str:
    """A chain of questions, each with a side exit, ending in one of two outcomes."""
    lines = [
        "kind: decision-tree",
        "id: big",
        "title: {en: Big, zh: 大}",
        "start: q0",
        "questions:",
    ]
    for i in range(questions):
        nxt = f"q{i + 1}" if i + 1 < questions else "end"
        lines += [
            f"  q{i}:",
            f"    text: {{en: Question {i}?, zh: 问题{i}？}}",
            "    options:",
            f"      - {{value: go, label: {{en: Go, zh: 继续}}, next: {nxt}}}",
            "      - {value: stop, label: {en: Stop, zh: 停}, next: side}",
        ]
    lines.append("outcomes:")
    for oid in ("end", "side"):
        lines += [
            f"  {oid}:",
            f"    title: {{en: {oid}, zh: 结果}}",
            "    explanation: {en: Done., zh: 完。}",
            "    next_steps: [{en: Go., zh: 走。}]",
            "    where_to_check: [{en: Here., zh: 这里。}]",
            "    sources: [seed-000]",
        ]
    return "\n".join(lines) + "\n"


def a_tree(loaded: object) -> Tree:
    """What a loader gave, as the decision tree a test expects it to be."""
    assert isinstance(loaded, Tree), type(loaded)
    return loaded


def the_checklists(loaded: object) -> Checklists:
    """What a loader gave, as the checklists file a test expects it to be."""
    assert isinstance(loaded, Checklists), type(loaded)
    return loaded
