"""Work grows with the input, not faster (issue 21): each workload at n, 2n and 4n.

    uv run python benchmarks/scale.py [--check]

A workload's cost is counted, not timed, so a loaded machine does not move it: the
Python lines executed (sys.settrace, deterministic) and the peak memory allocated
(tracemalloc).  Doubling the input may double the cost, a little more for sorting
and fixed costs; a quadratic step (the cubic outline, the quadratic patch check of
issue 21's defects 8 and 9) quadruples it.  With --check the run fails (exit 1) when
any doubling costs more than LIMIT times as much.  tests/files/test_scale.py runs
this with --check under the `slow` marker.

Workloads: a chain of 100/200/400 questions loaded from YAML, read back from the
cache, laid out by `tree show` at a terminal and as piped text, and listed by
`tree paths` (whose output itself grows with the square of a chain: its cost is
counted per character printed); a regional patch adding 1,000/2,000/4,000 common
documents, read and laid over the shipped checklists.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 2.6  # a doubling may cost this much more; a quadratic step costs 4x
Work = Callable[[], object]
TraceFunction = Callable[[FrameType, str, Any], Any]


def chain(questions: int) -> str:
    """A chain of questions, each with a side exit (tests/support.generated_tree)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import support
    finally:
        sys.path.pop(0)
    text: str = support.generated_tree(questions)
    return text


def patch(documents: int) -> str:
    lines = ["kind: checklists", "extends: reimbursement", "add_common_documents:"]
    for i in range(documents):
        lines += [f"  - id: doc-{i}", f"    text: {{en: Document {i}, zh: 文件{i}}}"]
    return "\n".join(lines) + "\n"


def lines_run(work: Work) -> int:
    """The Python lines `work` executes, every module's: an operation count."""
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> TraceFunction:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    gc.collect()
    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def peak_memory(work: Work) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def workloads(n: int, tmp: Path) -> dict[str, tuple[Work, int]]:
    """Each workload at size n, with the size its cost is divided by (1, or the lines
    of output where the output itself grows faster than the input)."""
    from medbal.core.model import Checklists, ChecklistsPatch, Tree
    from medbal.files import cache, loader, patching
    from medbal.present import authoring, layout

    text = chain(n)
    tree = loader.load_bytes(text.encode(), "big.yaml")
    assert isinstance(tree, Tree)
    entry = cache.encode(tree)
    view = authoring.outline_view(tree, "en")
    rows = [(d, t, "") for d, _, t in view["rows"]]

    def paths() -> str:
        return "".join(authoring.paths_text(*authoring.path_rows(tree, "en")))

    base = loader.load_bytes((ROOT / "trees" / "reimbursement.yaml").read_bytes(), "r.yaml")
    docs = patch(n * 10).encode()
    read_patch = loader.load_bytes(docs, "reimbursement.yaml")
    assert isinstance(base, Checklists) and isinstance(read_patch, ChecklistsPatch)
    return {
        "load a chain (YAML)": (lambda: loader.load_bytes(text.encode(), "big.yaml"), 1),
        "read a chain from the cache": (lambda: cache.decode(entry), 1),
        "tree show at a terminal": (lambda: layout.tree([], rows, 80, "en"), 1),
        "tree show piped": (lambda: authoring.outline_text(view), 1),
        "tree paths (per character out)": (paths, len(paths())),
        "read a patch (10n documents)": (lambda: loader.load_bytes(docs, "reimbursement.yaml"), 1),
        "lay a patch over its base": (
            lambda: patching.apply_patch(base, read_patch),
            1,
        ),
    }


def measure(sizes: tuple[int, ...]) -> dict[str, list[tuple[float, float]]]:
    """(lines run, peak bytes) per unit, for each workload at each size."""
    import tempfile

    out: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for name, (work, per) in workloads(n, Path(tmp)).items():
                out.setdefault(name, []).append((lines_run(work) / per, peak_memory(work) / per))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help=f"fail past {LIMIT}x a doubling")
    parser.add_argument("--sizes", default="100,200,400")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    sys.path.insert(0, str(ROOT))
    failed = []
    print(f"{'workload':32} {'lines run, n -> 2n -> 4n':28} {'peak memory':20}")
    for name, costs in measure(sizes).items():
        ops = [c for c, _ in costs]
        mem = [m for _, m in costs]
        op_ratios = [b / a for a, b in zip(ops, ops[1:], strict=False)]
        mem_ratios = [b / a for a, b in zip(mem, mem[1:], strict=False)]
        print(
            f"{name:32} {' '.join(f'{r:5.2f}x' for r in op_ratios):28} "
            f"{' '.join(f'{r:5.2f}x' for r in mem_ratios):20}"
        )
        if any(r > LIMIT for r in op_ratios + mem_ratios):
            failed.append(name)
    if failed and args.check:
        print(f"grows faster than its input: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
