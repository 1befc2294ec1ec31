"""The one `medbal serve` that the tests of its endpoints share (tests/serving.py starts it)."""

from __future__ import annotations

import pytest

from serving import start_server


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    for name in ("starlette", "uvicorn"):
        pytest.importorskip(name)
    # The server's own language is Chinese, so that a request naming none is told apart.
    running = start_server("--lang", "zh", log=tmp_path_factory.mktemp("serve") / "serve.log")
    yield running
    assert running.stop() == 143
    assert running.log_text().splitlines()[-1] == "medbal: 已终止。"


@pytest.fixture(scope="session")
def client(server):
    httpx = pytest.importorskip("httpx")
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c
