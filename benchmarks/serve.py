"""`medbal serve` under load, next to `--batch` on the same cases (run by hand, not a test).

    uv run python benchmarks/serve.py [--requests 20000] [--connections 32] [--workers 2]

Starts `medbal serve --workers N` on a free loopback port, then wrk (Debian's package,
where it is installed; else a bounded asyncio client in this process: HTTP/1.1
keep-alive, one request at a time on each of C connections) sends a fixed number of
POST /v1/diagnose requests, cycling through the cases that
benchmarks/batch.py gives `--batch` (every step of every path of every shipped tree,
in both languages).  It prints requests per second, p50 and p99 latency, errors, and
the server's memory (every process of it) before and after; then the same for
/v1/batch with 100 cases a request; and `medbal diagnose --batch` on the same cases in
the same run.  The load goes to 127.0.0.1 only, and stops after the fixed count.

Targets (issue 23, on a 2-core machine): /v1/diagnose at 32 connections with 2 workers
serves at least half of --batch's cases per second, p99 under 50 ms, no error, and the
memory after within 10% of before.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from batch import PY, _env, cases  # noqa: E402  (benchmarks/batch.py)
from startup import compiled  # noqa: E402  (benchmarks/startup.py)

from serving import start_server  # noqa: E402  (tests/serving.py)

SERVER_PACKAGES = ("starlette", "uvicorn", "h11", "anyio", "msgspec", "idna", "sniffio")


def compile_server() -> None:
    """Byte-compile medbal and the server's packages, as an installed copy is."""
    import compileall
    import importlib.util

    compiled()
    for name in SERVER_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            compileall.compile_dir(str(Path(spec.origin).parent), quiet=1)


# --- the client -------------------------------------------------------------------


def request(path: str, body: bytes) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


async def _connection(
    host: str, port: int, todo: list[bytes], next_one: list[int], latencies: list[float]
) -> int:
    """Send requests until none is left; the number of errors (not 200, or cut off)."""
    errors = 0
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while next_one[0] < len(todo):
            raw = todo[next_one[0]]
            next_one[0] += 1
            start = time.perf_counter()
            writer.write(raw)
            head = (await reader.readuntil(b"\r\n\r\n")).lower()
            at = head.index(b"content-length:") + 15
            await reader.readexactly(int(head[at : head.index(b"\r\n", at)]))
            latencies.append(time.perf_counter() - start)
            errors += head[9:12] != b"200"
    except (OSError, asyncio.IncompleteReadError, ValueError):
        errors += 1 + len(todo) - next_one[0]
        next_one[0] = len(todo)
    finally:
        writer.close()
    return errors


async def _load(host: str, port: int, todo: list[bytes], connections: int) -> tuple:
    latencies: list[float] = []
    next_one = [0]
    start = time.perf_counter()
    errors = await asyncio.gather(
        *(_connection(host, port, todo, next_one, latencies) for _ in range(connections))
    )
    return time.perf_counter() - start, sorted(latencies), sum(errors)


def load(host: str, port: int, todo: list[bytes], connections: int) -> dict[str, float]:
    seconds, latencies, errors = asyncio.run(_load(host, port, todo, connections))
    return {
        "rps": len(todo) / seconds,
        "p50": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000 if latencies else 0.0,
        "errors": errors,
    }


# wrk (Debian's package), where it is installed: a client in C, which leaves the cores to
# the server.  It runs for a time, not a count, so each of its threads stops itself after
# its share of the requests, notes when it began and ended (a monotonic clock through
# LuaJIT's FFI), and wrk is interrupted once the server has logged them all.
WRK_SCRIPT = """
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } medbal_timespec;
int clock_gettime(int clock, medbal_timespec *now);
]]
local function now()
  local t = ffi.new("medbal_timespec")
  ffi.C.clock_gettime(1, t)
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
local requests, count, limit, i = {}, 0, 0, 0
function init(args)
  limit = tonumber(args[2])
  local headers = {["Content-Type"] = "application/json"}
  for body in io.lines(args[1]) do
    requests[#requests + 1] = wrk.format("POST", args[3], headers, body)
  end
end
function request()
  if first == nil then first = now() end
  i = i % #requests + 1
  return requests[i]
end
function response(status, headers, body)
  count = count + 1
  if status ~= 200 then failed = (failed or 0) + 1 end
  if count == limit then
    last = now()
    wrk.thread:stop()
  end
end
function done(summary, latency, requests)
  local began, ended, failed = math.huge, 0, 0
  for _, t in ipairs(threads) do
    began = math.min(began, t:get("first") or math.huge)
    ended = math.max(ended, t:get("last") or 0)
    failed = failed + (t:get("failed") or 0)
  end
  local e = summary.errors
  failed = failed + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %d %.6f %d %.0f %.0f\\n", summary.requests, ended - began,
    failed, latency:percentile(50), latency:percentile(99)))
end
"""


def wrk_load(running: Any, path: str, bodies: list[str], total: int, connections: int) -> dict:
    threads = 2
    with tempfile.TemporaryDirectory() as folder:
        script, lines = Path(folder) / "load.lua", Path(folder) / "bodies.jsonl"
        script.write_text(WRK_SCRIPT, encoding="utf-8")
        lines.write_text("\n".join(bodies) + "\n", encoding="utf-8")
        logged = running.log_text().count(f'"POST {path}"')
        url = f"http://{running.host}:{running.port}{path}"
        wrk = subprocess.Popen(
            ["wrk", "-t", str(threads), "-c", str(connections), "-d", "300s", "--timeout", "10s"]
            + ["-s", str(script), url, "--", str(lines), str(total // threads), path],
            stdout=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 300
        while running.log_text().count(f'"POST {path}"') < logged + total:
            if wrk.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        wrk.send_signal(signal.SIGINT)  # wrk reports on SIGINT
        out, _ = wrk.communicate(timeout=60)
    _, seconds, errors, p50, p99 = map(float, out.split("RESULT ")[1].split())
    return {"rps": total / seconds, "p50": p50 / 1000, "p99": p99 / 1000, "errors": errors}


# --- the server's memory ------------------------------------------------------------


def _family(pid: int) -> list[Path]:
    """/proc entries of a process and its children (the workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if int(stat.parent.name) == pid or ppid == pid:
            found.append(stat.parent)
    return found


def memory_kib(pid: int) -> int:
    """Resident memory of the server, every process of it, in KiB."""
    total = 0
    for entry in _family(pid):
        try:
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return total


def cpu_seconds(pid: int) -> float:
    """CPU time the server's processes have used (user and system)."""
    ticks = 0
    for entry in _family(pid):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


# --- --batch on the same cases --------------------------------------------------------


def batch_rate(lines: list[str], runs: int = 2) -> tuple[float, float]:
    """(cases per second, CPU seconds per case) of one `--batch` process, start included:
    the fastest of `runs` after one that warms the file cache."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cases.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cmd = [PY, "-m", "medbal", "diagnose", "--batch", str(path)]
        times, cpu = [], []
        for _ in range(runs + 1):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, env=_env(), check=True)
            times.append(time.perf_counter() - start)
            now = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime)
    return len(lines) / min(times[1:]), min(cpu[1:]) / len(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--client",
        choices=("wrk", "asyncio"),
        default="wrk" if shutil.which("wrk") else "asyncio",
        help="wrk (Debian's package; the default where it is installed) or this script's own",
    )
    args = parser.parse_args()
    compile_server()

    lines = cases(args.requests)
    bodies = [
        json.dumps({k: v for k, v in json.loads(line).items() if k != "id"}) for line in lines
    ]
    diagnose = [request("/v1/diagnose", b.encode()) for b in bodies]
    batches = [
        request("/v1/batch", ("[" + ",".join(lines[i : i + 100]) + "]").encode())
        for i in range(0, len(lines), 100)
    ]

    # --batch before and after the server, its best taken: the comparison is never flattered
    # by a moment when other work on the machine slowed --batch down.
    before_rate = batch_rate(lines)
    with tempfile.TemporaryDirectory() as folder:
        running = start_server(
            "--workers", str(args.workers), "--lang", "en", log=Path(folder) / "serve.log"
        )
        try:
            host, port, pid = running.host, running.port, running.proc.pid
            load(host, port, diagnose[:2000], args.connections)  # warm every worker
            before, cpu = memory_kib(pid), cpu_seconds(pid)
            if args.client == "wrk":
                one = wrk_load(running, "/v1/diagnose", bodies, args.requests, args.connections)
            else:
                one = load(host, port, diagnose, args.connections)
            after, cpu = memory_kib(pid), cpu_seconds(pid) - cpu
            many = load(host, port, batches, max(1, args.workers * 2))
            after_batch = memory_kib(pid)
        finally:
            running.stop()
    rate, batch_cpu = max(before_rate, batch_rate(lines))

    print(
        f"medbal serve, {args.workers} workers, {args.connections} connections, "
        f"{args.requests:,} requests from {args.client}, loopback, {_cores()} cores"
    )
    print(f"{'':26} {'req/s':>8} {'cases/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}")
    print(
        f"{'POST /v1/diagnose':26} {one['rps']:8,.0f} {one['rps']:8,.0f} "
        f"{one['p50']:7.2f} {one['p99']:7.2f} {one['errors']:6.0f}"
    )
    print(
        f"{'POST /v1/batch (100 each)':26} {many['rps']:8,.0f} {many['rps'] * 100:8,.0f} "
        f"{many['p50']:7.2f} {many['p99']:7.2f} {many['errors']:6.0f}"
    )
    print(
        f"{'diagnose --batch FILE':26} {'':>8} {rate:8,.0f}   "
        "(one process, its start included; the best of 4)"
    )
    print(
        f"CPU per case: {cpu / len(diagnose) * 1e6:.0f} us in the server (all its processes) "
        f"for /v1/diagnose, {batch_cpu * 1e6:.0f} us in --batch; this machine's load "
        f"average {os.getloadavg()[0]:.1f} (the client and any other work share its cores)"
    )
    growth = (after - before) / before
    print(
        f"server memory (all processes): {before / 1024:.1f} MiB before, "
        f"{after / 1024:.1f} MiB after /v1/diagnose ({growth:+.1%}), "
        f"{after_batch / 1024:.1f} MiB after /v1/batch"
    )
    checks = {
        "at least half of --batch's cases per second": one["rps"] >= rate / 2,
        "p99 under 50 ms": one["p99"] < 50,
        "no error": one["errors"] == 0 and many["errors"] == 0,
        "memory flat (within 10%)": abs(growth) <= 0.10,
    }
    for name, ok in checks.items():
        print(f"  {'ok    ' if ok else 'MISSED'} {name}")
    return 0 if all(checks.values()) else 1


def _cores() -> int:
    return os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
