"""Batch and session benchmark for medbal (run by hand, not a test).

    uv run python benchmarks/batch.py [--runs 5] [--cases 2000] [--lines 500]

Throughput: 2,000 cases (every path of every shipped tree and every step on the
way, in both languages, repeated) through one `medbal diagnose --batch FILE`,
against one one-shot `medbal diagnose ... --format json` call (target: at most 10x
its wall time).  Session: one process held open, one line written and its answer
read before the next is written; the median and 95th percentile per line.
benchmarks/startup.py runs this too, so one run gives the README's whole table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

PY = sys.executable
ONE_SHOT = [
    PY,
    "-m",
    "medbal",
    "diagnose",
    "-a",
    "scheme=employer",
    "-a",
    "record=stopped",
    "--format",
    "json",
]
BATCH_TARGET = 10.0  # 2,000 cases in at most 10x one one-shot call
DAY = "2026-11-20"  # the day every date question is given


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("MEDBAL_")}


def cases(n: int) -> list[str]:
    """n input lines cycling through every path and step of every shipped tree."""
    from medbal.core.engine import all_paths
    from medbal.core.kinds.date import PLACEHOLDER
    from medbal.files.registry import CHECKLISTS_ID, RATES_ID, available_ids, load_tree

    distinct: list[tuple[str, dict[str, str]]] = []
    for tree_id in available_ids(None):
        if tree_id in (CHECKLISTS_ID, RATES_ID):
            continue
        seen: set[tuple[tuple[str, str], ...]] = set()
        for path, _ in all_paths(load_tree(tree_id, None)):
            for k in range(len(path) + 1):
                # A date question's one step (`<date>`) is answered with a day, as a
                # person would: the placeholder itself is refused (code 2).
                answers = tuple(
                    (a.question.id, DAY if a.option.value == PLACEHOLDER else a.option.value)
                    for a in path[:k]
                )
                if answers not in seen:
                    seen.add(answers)
                    distinct.append((tree_id, dict(answers)))
    return [
        json.dumps(
            {
                "tree": distinct[i % len(distinct)][0],
                "answers": distinct[i % len(distinct)][1],
                "lang": ("en", "zh")[i % 2],
                "id": i,
            },
            ensure_ascii=False,
        )
        for i in range(n)
    ]


def _timed(cmd: list[str], stdin: int | IO[bytes] = subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd,
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
        check=False,
    )
    return time.perf_counter() - start


def throughput(runs: int, n: int) -> tuple[float, float, float]:
    """(cases per second, batch seconds, ratio to one one-shot call), medians of `runs`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cases.jsonl"
        path.write_text("\n".join(cases(n)) + "\n", encoding="utf-8")
        cmd = [PY, "-m", "medbal", "diagnose", "--batch", str(path)]
        _timed(cmd), _timed(ONE_SHOT)  # warm the file cache
        pairs = [(_timed(cmd), _timed(ONE_SHOT)) for _ in range(runs)]
    batch = statistics.median(b for b, _ in pairs)
    ratio = statistics.median(b / o for b, o in pairs)
    return n / batch, batch, ratio


def session(lines: int) -> tuple[float, float]:
    """(median, 95th percentile) seconds from writing a line to reading its answer."""
    todo = cases(lines + 1)
    proc = subprocess.Popen(
        [PY, "-m", "medbal", "diagnose", "--batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_env(),
        text=True,
        encoding="utf-8",
        bufsize=1,
    )
    assert proc.stdin is not None and proc.stdout is not None
    latencies = []
    try:
        for i, line in enumerate(todo):
            start = time.perf_counter()
            proc.stdin.write(line + "\n")
            proc.stdin.flush()
            answer = proc.stdout.readline()
            if i:  # the first line also pays for starting the process
                latencies.append(time.perf_counter() - start)
            assert json.loads(answer)["id"] == i
        proc.stdin.close()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.95)]


def batch_benchmark(runs: int, n: int = 2000, lines: int = 500) -> bool:
    rate, seconds, ratio = throughput(max(3, runs // 6), n)
    ok = ratio <= BATCH_TARGET
    print(
        f"\n--batch, {n:,} cases: {seconds * 1000:.0f} ms, {rate:,.0f} cases/s, "
        f"x{ratio:.2f} one one-shot call (target <= {BATCH_TARGET:.0f}) "
        f"{'ok' if ok else 'OVER'}"
    )
    median, p95 = session(lines)
    print(
        f"held session, {lines} lines: {median * 1000:.2f} ms a line (median), "
        f"95th percentile {p95 * 1000:.2f} ms"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=500)
    args = parser.parse_args()
    return 0 if batch_benchmark(args.runs, args.cases, args.lines) else 1


if __name__ == "__main__":
    sys.exit(main())
