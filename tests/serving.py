"""Starting `medbal serve` as a person would, for the tests and benchmarks/serve.py.

The server is started on port 0 (any free port): it prints the address it listens on,
which is read from its log, and it is ready when GET /healthz answers.
"""

from __future__ import annotations

import http.client
import json
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from support import ROOT, medbal_env


@dataclass
class Running:
    proc: subprocess.Popen[bytes]
    url: str
    host: str
    port: int
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 40) -> int:
        """Send `sig` and wait for the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
            raise


def start_server(*args: str, log: Path, timeout: float = 60, **env: str) -> Running:
    """`medbal serve --port 0 ARGS` in a child process, once it answers; its stderr is `log`."""
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "medbal", "serve", "--port", "0", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=ROOT,
            env=medbal_env(**env),
        )
    deadline = time.monotonic() + timeout
    found = None
    while found is None:
        found = re.search(r"http://(127\.0\.0\.1):(\d+)", log.read_text(errors="replace"))
        if found is None:
            _still_starting(proc, log, deadline)
            time.sleep(0.05)
    host, port = found[1], int(found[2])
    while not _answers(host, port):
        _still_starting(proc, log, deadline)
        time.sleep(0.05)
    return Running(proc, f"http://{host}:{port}", host, port, log)


def _still_starting(proc: subprocess.Popen[bytes], log: Path, deadline: float) -> None:
    if proc.poll() is not None or time.monotonic() > deadline:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        raise RuntimeError(f"medbal serve did not start:\n{log.read_text(errors='replace')}")


def _answers(host: str, port: int) -> bool:
    try:
        connection = http.client.HTTPConnection(host, port, timeout=2)
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


# --- what the tests of the endpoints share --------------------------------------------

LANGS = ("en", "zh")
ROOT_TEXT = str(ROOT)  # no response may name a file of the server


def call(client, method, path, **kwargs):
    """A response, checked for what every response must be: no file of the server named,
    an error always the CLI's envelope."""
    response = client.request(method, path, **kwargs)
    assert ROOT_TEXT not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"status", "error"} and body["status"] == "error", body
        assert set(body["error"]) == {"code", "message"}
        assert body["error"]["code"] == (1 if response.status_code >= 500 else 2)
        assert "Traceback" not in body["error"]["message"]
    return response


def post(client, path, data, **kwargs):
    return call(client, "POST", path, json=data, **kwargs)


def cli_json(run, *args):
    result = run(*args)
    assert result.exit_code in (0, 3), result.stderr
    return json.loads(result.stdout)


def cli_error(run, *args):
    """The message of a command's error: its JSON error envelope, or its one line."""
    result = run(*args)
    assert result.exit_code == 2
    try:
        envelope = json.loads(result.stdout)
        return envelope["error"]["message"]
    except ValueError:
        assert result.stderr.startswith("medbal: ") and result.stderr.count("\n") == 1
        return result.stderr[len("medbal: ") :].rstrip("\n")


def answer_args(answers):
    return [word for q, v in answers.items() for word in ("--answer", f"{q}={v}")]
