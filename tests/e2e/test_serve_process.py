"""`medbal serve` as a process: it starts only on good files and a free address, ends
on SIGTERM after the requests in flight, runs as many workers as asked, says in one line
how to install it when its extra is missing, and no other command loads it."""

from __future__ import annotations

import http.client
import importlib.util
import json
import re
import signal
import socket
import subprocess
import sys
import time

import pytest

from serving import start_server
from support import ROOT, medbal_env

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        any(importlib.util.find_spec(m) is None for m in ("starlette", "uvicorn")),
        reason="the extra 'serve' is not installed",
    ),
]


def _medbal(*args, timeout=60, **env):
    return subprocess.run(
        [sys.executable, "-m", "medbal", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        env=medbal_env(**env),
        stdin=subprocess.DEVNULL,
    )


def test_a_broken_tree_stops_the_start_with_every_problem(tmp_path):
    (tmp_path / "card.yaml").write_text("kind: decision-tree\nid: card\n", encoding="utf-8")
    (tmp_path / "extra.yaml").write_text(
        "kind: decision-tree\nid: extra\ntitle: [\n", encoding="utf-8"
    )
    out = _medbal("serve", "--port", "0", "--trees", str(tmp_path))
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert {line.split(":")[0] for line in lines} == {
        str(tmp_path / "card.yaml"),
        str(tmp_path / "extra.yaml"),
    }
    assert all(re.match(r"\S+:\d+:\d+: ", line) for line in lines), lines
    assert "serving" not in out.stderr and "Traceback" not in out.stderr


def test_a_busy_address_is_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = _medbal("serve", "--port", str(port), "--lang", "en")
    assert out.returncode == 1
    assert out.stderr == f"medbal: cannot listen on 127.0.0.1:{port}: Address already in use\n"


BLOCK = """
import sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("starlette", "uvicorn"):
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, Blocker())
import importlib.util
real = importlib.util.find_spec
EXTRA = ("starlette", "uvicorn")
importlib.util.find_spec = lambda name, *a: None if name in EXTRA else real(name, *a)
from medbal.process import run
sys.exit(run(sys.argv[1:]))
"""


def test_without_the_extra_one_line_names_the_install_command():
    for lang, expected in (
        (
            "en",
            "medbal: medbal serve needs its extra 'serve': in the clone, run "
            "uv tool install '.[serve]' (or uv sync --extra serve, to run it with uv run)\n",
        ),
        (
            "zh",
            "medbal: medbal serve 需要额外安装 serve 组件：在源码目录中运行 "
            "uv tool install '.[serve]'（或运行 uv sync --extra serve，再用 uv run 启动）\n",
        ),
    ):
        out = subprocess.run(
            [sys.executable, "-c", BLOCK, "serve", "--lang", lang],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            env=medbal_env(),
        )
        assert (out.returncode, out.stderr) == (2, expected)


IMPORTS = """
import sys
from medbal.process import run
code = run(sys.argv[1:])
SERVER = ("starlette", "uvicorn", "anyio")
print(sorted(m for m in sys.modules if m.split(".")[0] in SERVER))
"""


@pytest.mark.parametrize(
    "args", [["--help"], ["diagnose", "-a", "scheme=yearly", "-f", "json"], ["serve", "--help"]]
)
def test_no_other_command_loads_the_server(args):
    out = subprocess.run(
        [sys.executable, "-c", IMPORTS, *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert out.stdout.splitlines()[-1] == "[]"


def _drains(running):
    """A request in flight when SIGTERM comes is answered before the server ends."""
    body = json.dumps({"answers": {"scheme": "yearly"}, "lang": "en"}).encode()
    with socket.create_connection((running.host, running.port), timeout=20) as sock:
        head = (
            "POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        sock.sendall(head.encode() + body[:10])
        time.sleep(0.3)  # the request has begun (its headers read) before the signal ...
        running.proc.send_signal(signal.SIGTERM)
        time.sleep(1.0)  # ... and the rest of its body comes while the server shuts down
        sock.sendall(body[10:])
        reply = b""
        while not reply.endswith(b"}}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 200 ")
    assert json.loads(reply.split(b"\r\n\r\n", 1)[1])["outcome"]["id"] == "residents-scheme"
    assert running.proc.wait(timeout=40) == 143
    assert running.log_text().splitlines()[-1] == "medbal: terminated."


def test_sigterm_lets_a_request_in_flight_finish(tmp_path):
    _drains(start_server("--lang", "en", log=tmp_path / "one.log"))


def test_workers_share_the_address_and_drain_on_sigterm(tmp_path):
    running = start_server("--workers", "2", "--lang", "en", log=tmp_path / "two.log")
    children = subprocess.run(
        ["ps", "-o", "args=", "--ppid", str(running.proc.pid)], capture_output=True, text=True
    ).stdout
    assert children.count("multiprocessing.spawn") >= 2, children
    connection = http.client.HTTPConnection(running.host, running.port, timeout=10)
    for _ in range(20):
        connection.request("GET", "/healthz")
        assert connection.getresponse().read().startswith(b'{"status":"ok"')
    connection.close()
    _drains(running)
    left = subprocess.run(["ps", "--ppid", str(running.proc.pid)], capture_output=True, text=True)
    assert left.stdout.count("\n") <= 1  # only the header: no worker outlives it


def test_the_address_is_a_tcp_socket_so_answers_are_not_held_back():
    # asyncio turns Nagle's algorithm off only on connections of a socket bound with
    # IPPROTO_TCP; with proto 0 every answer waited 40 ms for the client's delayed ACK.
    from medbal.serve.run import listen

    with listen("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
