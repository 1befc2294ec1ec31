"""Start-up and scale benchmark for medbal (run by hand, not a test).

    uv run python benchmarks/startup.py [--runs 30]

Times paired runs of each one-shot command against a bare Python process that
imports what every command needs anyway (typer, rich.console, yaml), in the
same environment, and prints the median ratio; then the instruction counts
(valgrind, ../shared/tools/icount) of one-shot JSON and `--help` against
`import typer`, which a shared machine's load does not move; then builds a generated tree of
5,000 questions and checks that loading it grows linearly.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from support import generated_tree

PY = sys.executable
BASELINE = [PY, "-c", "import typer, rich.console, yaml"]
COMMANDS = {
    "docs 1": ["docs", "1"],
    "docs --all --format json": ["docs", "--all", "--format", "json"],
    "diagnose one-shot json": [
        "diagnose",
        "-a",
        "scheme=employer",
        "-a",
        "record=stopped",
        "--format",
        "json",
    ],
    "diagnose one-shot text": ["diagnose", "-a", "scheme=yearly"],
    "estimate 8000 -t 500": ["estimate", "8000", "-t", "500"],
    "estimate json": ["estimate", "8000", "-t", "500", "--format", "json"],
    "docs (overview)": ["docs"],
    "--help": ["--help"],
    # The same at a terminal (a pseudo-terminal): laid out at its width, in colour.
    "docs 1 at a terminal": ["docs", "1"],
    "diagnose at a terminal": ["diagnose", "--no-input", "-a", "scheme=yearly"],
    "estimate at a terminal": ["estimate", "8000", "-t", "500"],
}
AT_A_TERMINAL = {name for name in COMMANDS if name.endswith("at a terminal")}
# A one-shot JSON diagnose on an unchanged tree reads its checked form from the cache
# (medbal.files.cache) and never imports PyYAML: it should beat the bare imports clearly.
# Issue 11: every one-shot command at or below the bare imports, JSON output below them.
TARGETS = {"docs --all --format json": 0.99, "diagnose one-shot json": 0.99, "estimate json": 0.99}
# At a terminal the text is laid out at the terminal's width and coloured
# (medbal.present.layout): the same target as through a pipe.
DEFAULT_TARGET = 1.0


def timed(cmd: list[str], env: dict[str, str], tty: bool = False) -> float:
    if tty:
        return _timed_on_a_terminal(cmd, env)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def _timed_on_a_terminal(cmd: list[str], env: dict[str, str]) -> float:
    """stdin and stdout a pseudo-terminal 80 columns wide, its output read as it comes."""
    import pty
    import threading

    leader, follower = pty.openpty()

    def drain() -> None:
        try:
            while os.read(leader, 65536):
                pass
        except OSError:
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    start = time.perf_counter()
    subprocess.run(
        cmd,
        stdin=follower,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**env, "COLUMNS": "80", "LINES": "40", "TERM": "xterm-256color"},
        check=False,
    )
    elapsed = time.perf_counter() - start
    os.close(follower)
    reader.join(timeout=5)
    os.close(leader)
    return elapsed


def compiled() -> None:
    """Byte-compile medbal and what it imports, as an installed package is: without .pyc
    files (PYTHONDONTWRITEBYTECODE, or `uv sync` without --compile-bytecode) every call
    compiles every module again, and that, not medbal, is what would be timed."""
    import compileall
    import importlib.util

    folders = [Path(__file__).resolve().parent.parent / "medbal"]
    for name in ("typer", "rich", "yaml", "click", "shellingham", "typing_extensions"):
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            folders.append(Path(spec.origin).parent)
    for folder in folders:
        compileall.compile_dir(str(folder), quiet=1)


def startup(runs: int) -> bool:
    compiled()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("MEDBAL_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    # A cache of this run's own, warmed by the first call of each command (as a person's
    # first call warms theirs).
    env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="medbal-bench-")
    ok = True
    print(f"{'command':28} {'median ms':>9} {'baseline':>9} {'ratio':>6}  target")
    for name, args in COMMANDS.items():
        cmd, tty = [PY, "-m", "medbal", *args], name in AT_A_TERMINAL
        timed(cmd, env, tty), timed(BASELINE, env)  # warm the file cache
        pairs = [(timed(cmd, env, tty), timed(BASELINE, env)) for _ in range(runs)]
        ratio = statistics.median(c / b for c, b in pairs)
        target = TARGETS.get(name, DEFAULT_TARGET)
        ok &= ratio <= target
        print(
            f"{name:28} {statistics.median(c for c, _ in pairs) * 1000:9.1f} "
            f"{statistics.median(b for _, b in pairs) * 1000:9.1f} {ratio:6.2f}  "
            f"<= {target:.2f} {'ok' if ratio <= target else 'OVER'}"
        )
    return ok


# Instructions (valgrind, through ../shared/tools/icount), which the load of a shared
# machine does not move, against `import typer`, the floor of any Typer CLI (issue 20:
# one-shot JSON at most 1.35x; `--help` unchanged by the serve command).
ICOUNT = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "icount"
TYPER = '.venv/bin/python -c "import typer"'
COUNTED = {
    "diagnose one-shot json": (["diagnose", "-a", "scheme=yearly", "--format", "json"], 1.35),
    "--help": (["--help"], None),
}


def instructions() -> bool:
    """Each of COUNTED's instruction count and its ratio to `import typer`, beside the
    times; one line saying why where valgrind or icount is missing."""
    root = Path(__file__).resolve().parent.parent
    if not ICOUNT.exists() or shutil.which("valgrind") is None:
        print(f"\ninstructions: not counted ({ICOUNT} or valgrind is missing)")
        return True
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDBAL_")}
    env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="medbal-icount-")
    ok = True
    print(f"\n{'instructions (valgrind)':28} {'millions':>9} {'typer':>9} {'ratio':>6}  target")
    for name, (args, target) in COUNTED.items():
        cmd = [str(ICOUNT), "--vs", TYPER, ".venv/bin/medbal", *args]
        subprocess.run(cmd[3:], cwd=root, env=env, capture_output=True)  # fills the cache
        out = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True).stdout
        found = re.search(r"(\d+) instructions; base (\d+); ratio ([\d.]+)", out)
        if found is None:
            print(f"{name:28} not counted ({out.strip() or 'icount said nothing'})")
            continue
        n, base, ratio = int(found[1]), int(found[2]), float(found[3])
        met = target is None or ratio <= target
        ok &= met
        goal = f"<= {target:.2f} {'ok' if met else 'OVER'}" if target else "(as before)"
        print(f"{name:28} {n / 1e6:9.1f} {base / 1e6:9.1f} {ratio:6.3f}  {goal}")
    return ok


def scale(runs: int) -> bool:
    from medbal.files.loader import load_bytes

    sizes = (1000, 5000)
    seconds = {}
    for n in sizes:
        data = generated_tree(n).encode()
        seconds[n] = min(_time_load(load_bytes, data) for _ in range(3))
    growth = seconds[5000] / seconds[1000]
    print(
        f"\nload+validate 1,000 questions: {seconds[1000]:.3f} s; 5,000: {seconds[5000]:.3f} s"
        f" (x{growth:.1f} for x5 the size; linear is about 5)"
    )
    ok = seconds[5000] < 2.0 and growth < 7.5

    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.yaml"
        big.write_text(generated_tree(5000), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEDBAL_")}
        big_cmd = [PY, "-m", "medbal", "diagnose", str(big), "-a", "q0=stop", "-f", "json"]
        small_cmd = [PY, "-m", "medbal", "diagnose", "-a", "scheme=yearly", "-f", "json"]
        timed(big_cmd, env)
        pairs = [(timed(big_cmd, env), timed(small_cmd, env)) for _ in range(max(5, runs // 3))]
        ratio = statistics.median(b / s for b, s in pairs)
    print(
        f"one-shot diagnose on the 5,000-question tree: x{ratio:.2f} the shipped tree "
        f"(target < 2) {'ok' if ratio < 2 else 'OVER'}"
    )
    return ok and ratio < 2


def _time_load(load, data: bytes) -> float:
    start = time.perf_counter()
    load(data, "big.yaml")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    ok = startup(args.runs)
    ok &= instructions()
    ok &= scale(args.runs)
    from batch import batch_benchmark  # benchmarks/batch.py: --batch and a held session

    ok &= batch_benchmark(args.runs)
    print("\nall targets met" if ok else "\nsome targets missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
